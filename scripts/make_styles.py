#!/usr/bin/env python3
"""Write the plugin's default styles (``resources/styles/*.qml``).

    /usr/bin/python3 scripts/make_styles.py

The QML files are committed; this script documents how they were made and
rebuilds them after a change. (``socialindex_classes.qml`` and
``priority.qml`` are written by hand by the social-index algorithms' authors
and are not touched here.)
"""

import os
import sys

from qgis.core import (
    QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLineSymbol,
    QgsMarkerSymbol, QgsRendererCategory, QgsSimpleMarkerSymbolLayerBase,
    QgsSingleSymbolRenderer, QgsVectorLayer)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "resources", "styles")

# typ -> (shape, fill colour); shapes and ColorBrewer-like colours that stay
# distinct in print and for common colour-vision deficiencies (shape differs too).
FACILITY_TYPES = [
    ("Grundschule", QgsSimpleMarkerSymbolLayerBase.Shape.Circle, "#1f78b4"),
    ("Oberschule", QgsSimpleMarkerSymbolLayerBase.Shape.Square, "#6a3d9a"),
    ("Gymnasium", QgsSimpleMarkerSymbolLayerBase.Shape.Diamond, "#0b3d66"),
    ("Kita", QgsSimpleMarkerSymbolLayerBase.Shape.Triangle, "#ff7f00"),
    ("Bibliothek", QgsSimpleMarkerSymbolLayerBase.Shape.Hexagon, "#33a02c"),
    ("Volkshochschule", QgsSimpleMarkerSymbolLayerBase.Shape.Star, "#e7298a"),
    ("Jugendtreff", QgsSimpleMarkerSymbolLayerBase.Shape.Pentagon, "#b15928"),
]


def marker(shape, color, size=3.4):
    symbol = QgsMarkerSymbol.createSimple({
        "name": QgsSimpleMarkerSymbolLayerBase.encodeShape(shape), "color": color,
        "outline_color": "#ffffff", "outline_width": "0.35", "size": str(size)})
    if shape == QgsSimpleMarkerSymbolLayerBase.Shape.Star:
        symbol.setSize(size * 1.35)
    return symbol


def save(layer, name):
    path = os.path.join(OUT, name + ".qml")
    msg, ok = layer.saveNamedStyle(path, categories=QgsVectorLayer.StyleCategory.Symbology)
    if not ok:
        raise SystemExit("could not write {}: {}".format(path, msg))
    print("wrote", path)


def main():
    os.makedirs(OUT, exist_ok=True)
    points = QgsVectorLayer("Point?crs=EPSG:25833&field=typ:string", "p", "memory")
    polygons = QgsVectorLayer("Polygon?crs=EPSG:25833", "a", "memory")
    lines = QgsVectorLayer("LineString?crs=EPSG:25833", "l", "memory")

    cats = [QgsRendererCategory(typ, marker(shape, color), typ) for typ, shape, color in FACILITY_TYPES]
    cats.append(QgsRendererCategory(None, marker(QgsSimpleMarkerSymbolLayerBase.Shape.Circle, "#8c8c8c", 2.6),
                                    "Sonstige"))
    points.setRenderer(QgsCategorizedSymbolRenderer("typ", cats))
    save(points, "facilities")

    points.setRenderer(QgsSingleSymbolRenderer(marker(QgsSimpleMarkerSymbolLayerBase.Shape.Circle, "#404040", 2.4)))
    save(points, "points")

    fills = {
        # district outlines over any background
        "districts": {"style": "no", "outline_color": "#4d4d4d", "outline_width": "0.3"},
        # Stadtbezirke: heavier boundary
        "boundaries": {"style": "no", "outline_color": "#262626", "outline_width": "0.7"},
        # light fills that keep the base map readable
        "catchments": {"color": "166,206,227,90", "outline_color": "#1f78b4", "outline_width": "0.3"},
        "serviceareas": {"color": "178,223,138,100", "outline_color": "#33a02c", "outline_width": "0.3"},
    }
    for name, props in fills.items():
        polygons.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(props)))
        save(polygons, name)

    lines.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {"line_color": "#b4b4b4", "line_width": "0.2", "capstyle": "round", "joinstyle": "round"})))
    save(lines, "network")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    main()
    sys.exit(0)
