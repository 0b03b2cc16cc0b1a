"""Small hand-made test data for the Bildungskompass algorithms (EPSG:25833).

Three districts side by side (01: x 0–1000, 02: 1000–2000, 03: 2000–3000, all
y 0–1000, offset by X0/Y0), six institutions A–F with awkward names, and the
partnership rows of tests/test_cooperation_core.py.
"""

import os

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from bildungslandschaft_plugin import compat

X0, Y0 = 400000.0, 5700000.0
CRS = "EPSG:25833"

FACILITIES = [
    # id, name, typ, traeger, ot_key, x, y
    ("A", 'Grundschule "Am Park"', "Grundschule", "Stadt", "01", 100, 500),
    ("B", "Bibliothek Äußere Neustadt", "Bibliothek", "Stadt", "01", 500, 500),
    ("C", "Kita </script><b>Sonnenschein</b>", "Kita", "Kinderland e.V.", "02", 1200, 500),
    ("D", "Oberschule O'Neill & Söhne", "Oberschule", "Stadt", "02", 1500, 500),
    ("E", "Jugendtreff Grünau \\ Nord", "Jugendtreff", "Kinderland e.V.", "03", 2500, 500),
    ("F", "VHS Süd", "Volkshochschule", "VHS gGmbH", "01", 800, 200),
]

PARTNERSHIPS = [
    ("A", "B", "Lesepatenschaft"),
    ("B", "C", "Ganztag"),
    ("C", "D", "Ganztag"),
    ("B", "D", "Übergang"),
    ("B", "A", " lesepatenschaft"),
    ("A", "B", "Ferienprogramm"),
    ("A", "A", "Intern"),
    ("A", "ZZ", "x"),
    ("XX", "YY", "x"),
    ("", "B", "x"),
    ("D", "E", "Praktikum"),
    ("QQ", "E", ""),
]


def facilities_layer(rows=FACILITIES, missing_geometry=()):
    layer = QgsVectorLayer("Point?crs={}".format(CRS), "einrichtungen", "memory")
    pr = layer.dataProvider()
    pr.addAttributes([QgsField("einr_id", compat.FIELD_STRING), QgsField("name", compat.FIELD_STRING),
                      QgsField("typ", compat.FIELD_STRING), QgsField("traeger", compat.FIELD_STRING),
                      QgsField("ot_key", compat.FIELD_STRING), QgsField("kapazitaet", compat.FIELD_INT)])
    layer.updateFields()
    feats = []
    for fid, name, typ, carrier, ot, x, y in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([fid, name, typ, carrier, ot, 50])
        if fid not in missing_geometry:
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)))
        feats.append(f)
    pr.addFeatures(feats)
    return layer


def districts_layer():
    layer = QgsVectorLayer("Polygon?crs={}".format(CRS), "ortsteile", "memory")
    pr = layer.dataProvider()
    pr.addAttributes([QgsField("ot_key", compat.FIELD_STRING), QgsField("ot_name", compat.FIELD_STRING)])
    layer.updateFields()
    feats = []
    for i, name in enumerate(["Altstadt", "Grünau", "Süd-Ost"]):
        f = QgsFeature(layer.fields())
        f.setAttributes(["{:02d}".format(i + 1), name])
        x = X0 + 1000 * i
        f.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(x, Y0), QgsPointXY(x + 1000, Y0),
                                                  QgsPointXY(x + 1000, Y0 + 1000), QgsPointXY(x, Y0 + 1000),
                                                  QgsPointXY(x, Y0)]]))
        feats.append(f)
    pr.addFeatures(feats)
    return layer


def partnerships_layer(rows=PARTNERSHIPS):
    layer = QgsVectorLayer("None", "kooperationen", "memory")
    pr = layer.dataProvider()
    pr.addAttributes([QgsField("von_id", compat.FIELD_STRING), QgsField("zu_id", compat.FIELD_STRING),
                      QgsField("art", compat.FIELD_STRING)])
    layer.updateFields()
    feats = []
    for a, b, k in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([a or None, b or None, k or None])
        feats.append(f)
    pr.addFeatures(feats)
    return layer


def write_gpkg(layer, path, name):
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = name
    if os.path.exists(path):
        opts.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return "{}|layername={}".format(path, name)


def write_partnerships_csv(path, rows=PARTNERSHIPS):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("von_id;zu_id;art\n")
        for a, b, k in rows:
            fh.write("{};{};{}\n".format(a, b, k))
    return path
