"""Tiny hand-made layers for exact tests."""

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


def memory_layer(geometry, crs, fields, rows, name="test"):
    """Memory layer; *fields* like ``"key:string"``; rows are (wkt or None, [attributes])."""
    uri = "{}?crs={}".format(geometry, crs) if geometry != "None" else "None"
    for f in fields:
        uri += ("&" if "?" in uri else "?") + "field=" + f
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    feats = []
    for wkt, attrs in rows:
        feat = QgsFeature(layer.fields())
        if wkt:
            feat.setGeometry(QgsGeometry.fromWkt(wkt))
        feat.setAttributes(list(attrs))
        feats.append(feat)
    assert layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def square(x0, y0, x1, y1):
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x1, y1)


def write_gpkg(layer, path):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return str(path)


def attributes(layer, key):
    """{key value: {field: value}} of a layer (NULL -> None)."""
    out = {}
    names = [f.name() for f in layer.fields()]
    for feat in layer.getFeatures():
        rec = {}
        for n, v in zip(names, feat.attributes()):
            rec[n] = None if (v is None or (hasattr(v, "isNull") and v.isNull())) else v
        out[rec[key]] = rec
    return out
