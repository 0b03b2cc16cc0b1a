"""A tiny hand-made city for the map and profile tests (EPSG:25833)."""

import os

from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

from tests.util import memory_layer

NAMES = ["Altstadt", "Nordviertel", "Südstadt", None]
POP = [1000, 3000, 2000, 500]
RATE = [10.0, 20.0, 30.0, 40.0]
TYPES = ["Grundschule", "Kita", "Gymnasium", "Bibliothek", "Kita", "Jugendtreff"]


def square(x0, y0, size=1000):
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x0 + size, y0 + size)


def districts():
    rows = []
    for i in range(4):
        x0 = 390000 + (i % 2) * 1000
        y0 = 5800000 + (i // 2) * 1000
        rows.append((square(x0, y0), {"ot_key": "%02d" % (i + 1), "ot_name": NAMES[i], "einwohner": POP[i],
                                      "quote": RATE[i], "kinder": 100 + 10 * i}))
    return memory_layer("Polygon", "EPSG:25833",
                        [("ot_key", str), ("ot_name", str), ("einwohner", int), ("quote", float), ("kinder", int)],
                        rows, name="ortsteile")


def facilities():
    rows = []
    for i, typ in enumerate(TYPES):
        x = 390200 + (i % 3) * 600
        y = 5800300 + (i // 3) * 1000
        rows.append(("POINT({} {})".format(x, y), {"einr_id": "E%02d" % i, "name": "{} {}".format(typ, i), "typ": typ}))
    return memory_layer("Point", "EPSG:25833", [("einr_id", str), ("name", str), ("typ", str)], rows,
                        name="einrichtungen")


def timeseries():
    rows = []
    for i in range(4):
        for year in (2021, 2022, 2023):
            rows.append((None, {"Ortsteil": "%02d" % (i + 1), "Jahr": year, "Einwohner": POP[i],
                                "quote": RATE[i] + (year - 2021)}))
    rows.append((None, {"Ortsteil": "Stadt", "Jahr": 2021, "Einwohner": 6500, "quote": 99.0}))
    return memory_layer("None", "EPSG:25833", [("Ortsteil", str), ("Jahr", int), ("Einwohner", int),
                                                ("quote", float)], rows, name="zeitreihe")


def write_gpkg(path):
    """districts + facilities into one GeoPackage; returns {name: 'path|layername=name'}."""
    result = {}
    for i, layer in enumerate((districts(), facilities())):
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.layerName = layer.name()
        opts.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if i == 0
                                     else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
        err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), opts)
        assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
        result[layer.name()] = "{}|layername={}".format(path, layer.name())
    return result


def write_timeseries_csv(path):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Ortsteil,Jahr,Einwohner,quote\n")
        for i in range(4):
            for year in (2021, 2022, 2023):
                fh.write('"{:02d}",{},{},{}\n'.format(i + 1, year, POP[i], RATE[i] + (year - 2021)))
    return os.path.abspath(path)
