"""Small helpers shared by the tests."""

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer
from bildungslandschaft_plugin import compat

_TYPES = {int: compat.FIELD_INT, float: compat.FIELD_DOUBLE, str: compat.FIELD_STRING}


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


class LogFeedback(QgsProcessingFeedback):
    """A feedback that keeps what the algorithm writes: ``.lines`` (info and warnings, in order), ``.info``,
    ``.warnings``, ``.errors`` and ``.all`` (also errors, debug, command and console lines: for checks that a
    text, e.g. a password, appears nowhere)."""

    def __init__(self):
        super().__init__()
        self.lines, self.info, self.warnings, self.errors, self.all = [], [], [], [], []

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.lines.append(info)
        self.info.append(info)
        self.all.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API name)
        self.lines.append(warning)
        self.warnings.append(warning)
        self.all.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802 (QGIS API name)
        self.errors.append(error)
        self.all.append(error)
        super().reportError(error, fatalError)

    def pushDebugInfo(self, info):  # noqa: N802 (QGIS API name)
        self.all.append(info)
        super().pushDebugInfo(info)

    def pushCommandInfo(self, info):  # noqa: N802 (QGIS API name)
        self.all.append(info)
        super().pushCommandInfo(info)

    def pushConsoleInfo(self, info):  # noqa: N802 (QGIS API name)
        self.all.append(info)
        super().pushConsoleInfo(info)
