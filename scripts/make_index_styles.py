#!/usr/bin/env python3
"""Write the QML styles of the social-index and priority outputs into resources/styles/.

    /usr/bin/python3 scripts/make_index_styles.py

The files are committed; rerun this script only to change colours. Labels in
the files are English; the algorithms replace them with translated labels when
they apply the style.
"""

import os
import sys

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsMapLayer, QgsRendererCategory,
                       QgsSymbol, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtGui import QColor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "resources", "styles")

STYLES = {
    # Berlin "Monitoring Soziale Stadtentwicklung": status classes 1 hoch .. 4 sehr niedrig
    "socialindex_classes": ("index_class", [
        (1, "#4dac26", "1 high"),
        (2, "#f7f3c2", "2 medium"),
        (3, "#f4a340", "3 low"),
        (4, "#d7191c", "4 very low"),
    ]),
    # priority areas: 1 = highest need (Schwerpunktraum)
    "priority": ("priority", [
        (1, "#a50f15", "1 highest need (Schwerpunktraum)"),
        (2, "#ef6548", "2 high need"),
        (3, "#fdbb84", "3 moderate need"),
        (4, "#fff7ec", "4 low need"),
    ]),
}


def polygon_symbol(color, stroke="#ffffff", width=0.26):
    symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry)
    symbol.setColor(QColor(color))
    layer = symbol.symbolLayer(0)
    layer.setStrokeColor(QColor(stroke))
    layer.setStrokeWidth(width)
    return symbol


def main():
    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(OUT, exist_ok=True)
    for name, (field, classes) in STYLES.items():
        layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field={}:integer".format(field), name, "memory")
        cats = []
        for value, color, label in classes:
            stroke = "#3b0a0a" if (name == "priority" and value == 1) else "#ffffff"
            width = 0.6 if (name == "priority" and value == 1) else 0.26
            cats.append(QgsRendererCategory(value, polygon_symbol(color, stroke, width), label))
        # excluded / no value: NULL category
        cats.append(QgsRendererCategory(None, polygon_symbol("#bdbdbd"), "no value"))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, cats))
        path = os.path.join(OUT, name + ".qml")
        layer.saveNamedStyle(path, categories=QgsMapLayer.StyleCategory.Symbology)
        print(path)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
