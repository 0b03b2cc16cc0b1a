"""Helpers for the tests/test_io_*.py tests: layers written to real files, outputs read back."""

import os

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from bildungslandschaft_plugin import compat

#: output formats every algorithm is tested with (extension, or None for a memory layer)
FORMATS = [".gpkg", ".shp", ".geojson", ".csv", None]


def save(layer, path, layer_name=None):
    """Write *layer* to *path* (driver by extension); return the path."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = QgsVectorFileWriter.driverForExtension(os.path.splitext(path)[1])
    if layer_name:
        options.layerName = layer_name
        if os.path.exists(path):
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    assert result[0] == QgsVectorFileWriter.WriterError.NoError, result
    return path


def with_fid(layer, kind):
    """A memory copy of *layer* with a first field ``fid``: "dup" (repeating ints), "text", or the layer itself."""
    if kind in (None, "none", "gpkg"):
        return layer
    typ = compat.FIELD_STRING if kind == "text" else compat.FIELD_INT
    out = QgsVectorLayer("{}?crs={}".format(_geom_name(layer), layer.crs().authid()), layer.name(), "memory")
    prov = out.dataProvider()
    prov.addAttributes([QgsField("fid", typ)] + list(layer.fields()))
    out.updateFields()
    feats = []
    for k, f in enumerate(layer.getFeatures()):
        g = QgsFeature(out.fields())
        g.setGeometry(QgsGeometry(f.geometry()))
        value = "x{}".format(k % 2) if kind == "text" else 1 + k // 2
        g.setAttributes([value] + f.attributes())
        feats.append(g)
    prov.addFeatures(feats)
    out.updateExtents()
    return out


def _geom_name(layer):
    from qgis.core import QgsWkbTypes

    return QgsWkbTypes.displayString(layer.wkbType()) if layer.isSpatial() else "None"


def output_path(tmp_path, stem, ext):
    return "memory:" if ext is None else str(tmp_path / (stem + ext))


def read_output(value):
    """The output layer of a processing result value (a layer or a path)."""
    if isinstance(value, QgsVectorLayer):
        return value
    layer = QgsVectorLayer(value, "out", "ogr")
    assert layer.isValid(), value
    return layer


def rows(value):
    return list(read_output(value).getFeatures())


def column_sum(value, name):
    layer = read_output(value)
    idx = layer.fields().lookupField(name)
    if idx < 0:  # shapefiles cut names to 10 characters
        idx = layer.fields().lookupField(name[:10])
    assert idx >= 0, (name, layer.fields().names())
    total = 0.0
    for f in layer.getFeatures():
        v = f.attributes()[idx]
        if v is not None and v != "" and not (hasattr(v, "isNull") and v.isNull()):
            total += float(v)
    return total


def leftovers(folder):
    """Files and folders in *folder* other than what a test put there itself."""
    return sorted(os.listdir(folder))
