"""Small helpers shared by the tests."""

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

_TYPES = {int: QVariant.Int, float: QVariant.Double, str: QVariant.String}


def memory_layer(geometry_type, crs, fields, rows, name="test"):
    """A memory layer from ``rows`` = [(wkt or None, {field: value}), ...].

    ``fields`` = [(name, python type), ...]; ``geometry_type`` e.g. "Point",
    "LineString", "Polygon", "None".
    """
    layer = QgsVectorLayer("{}?crs={}".format(geometry_type, crs), name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, _TYPES[t]) for n, t in fields])
    layer.updateFields()
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        for key, value in attrs.items():
            f[key] = value
        feats.append(f)
    provider.addFeatures(feats)
    layer.updateExtents()
    assert layer.isValid()
    return layer
