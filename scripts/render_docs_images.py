#!/usr/bin/env python3
"""Render the example pages in docs/img/ (council map and one district profile), in German.

    /usr/bin/python3 scripts/render_docs_images.py

Uses a small synthetic city made here (18 Voronoi districts, 60 facilities,
a 2021–2025 time series); switch to the sample city once its generator is on main.
"""

import os
import random
import tempfile

from _render_common import IMG_DIR, pdf_to_png, run_headless, start_processing
from qgis.core import (  # noqa: E402
    QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer)

NAMES = ["Altstadt", "Neustadt", "Südvorstadt", "Am Mühlgraben", "Lindenau", "Gohlis", "Schönefeld", "Plagwitz",
         "Reudnitz", "Connewitz", "Möckern", "Paunsdorf", "Grünau", "Stötteritz", "Anger", "Eutritzsch",
         "Wahren", "Lößnig"]
TYPES = ["Grundschule", "Grundschule", "Kita", "Kita", "Kita", "Oberschule", "Gymnasium", "Bibliothek",
         "Volkshochschule", "Jugendtreff"]


def synthetic_city(folder):
    random.seed(7)
    cx, cy, r = 392000.0, 5803000.0, 4200.0
    boundary = QgsGeometry.fromPointXY(QgsPointXY(cx, cy)).buffer(r, 24)
    pts = []
    while len(pts) < len(NAMES):
        x, y = cx + random.uniform(-r, r), cy + random.uniform(-r, r)
        if boundary.contains(QgsGeometry.fromPointXY(QgsPointXY(x, y))):
            pts.append(QgsPointXY(x, y))
    cells = QgsGeometry.fromMultiPointXY(pts).voronoiDiagram(boundary.buffer(500, 4))
    polys = [g.intersection(boundary) for g in cells.asGeometryCollection()]
    ot = QgsVectorLayer("Polygon?crs=EPSG:25833&field=ot_key:string&field=ot_name:string&field=einwohner:integer"
                        "&field=sgb2_quote:double&field=kinderarmut:double&field=kinder_u15:integer",
                        "ortsteile", "memory")
    feats = []
    for i, poly in enumerate(sorted(polys, key=lambda g: (-g.centroid().asPoint().y(), g.centroid().asPoint().x()))):
        f = QgsFeature(ot.fields())
        f.setGeometry(poly)
        pop = random.randint(3000, 16000)
        sgb2 = round(random.uniform(3, 24), 1)
        f.setAttributes(["%02d" % (i + 1), NAMES[i], pop, sgb2, round(sgb2 * random.uniform(1.3, 1.8), 1),
                         int(pop * random.uniform(0.1, 0.17))])
        feats.append(f)
    ot.dataProvider().addFeatures(feats)
    ei = QgsVectorLayer("Point?crs=EPSG:25833&field=einr_id:string&field=name:string&field=typ:string",
                        "einrichtungen", "memory")
    efeats = []
    for i in range(60):
        while True:
            p = QgsPointXY(cx + random.uniform(-r, r), cy + random.uniform(-r, r))
            if boundary.contains(QgsGeometry.fromPointXY(p)):
                break
        typ = TYPES[i % len(TYPES)]
        f = QgsFeature(ei.fields())
        f.setGeometry(QgsGeometry.fromPointXY(p))
        f.setAttributes(["E%03d" % i, "{} {}".format(typ, random.choice(NAMES)), typ])
        efeats.append(f)
    ei.dataProvider().addFeatures(efeats)
    gpkg = os.path.join(folder, "musterstadt.gpkg")
    for j, layer in enumerate((ot, ei)):
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.layerName = layer.name()
        opts.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if j == 0
                                     else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
        QgsVectorFileWriter.writeAsVectorFormatV3(layer, gpkg, QgsCoordinateTransformContext(), opts)
    csv = os.path.join(folder, "zeitreihe.csv")
    with open(csv, "w", encoding="utf-8") as fh:
        fh.write("Ortsteil,Jahr,Einwohner,sgb2_quote,kinderarmut\n")
        for f in feats:
            drift = random.uniform(-0.8, 0.6)
            for year in range(2021, 2026):
                k = year - 2025
                fh.write('"{}",{},{},{:.1f},{:.1f}\n'.format(f["ot_key"], year, f["einwohner"],
                                                              max(f["sgb2_quote"] + k * drift, 0.5),
                                                              max(f["kinderarmut"] + k * drift * 1.4, 0.5)))
    return gpkg, csv


def main():
    processing = start_processing()

    tmp = tempfile.mkdtemp(prefix="bl_docs_")
    gpkg, csv = synthetic_city(tmp)
    map_pdf = os.path.join(tmp, "karte.pdf")
    processing.run("bildungslandschaft:exportmap", {
        "LAYERS": [gpkg + "|layername=einrichtungen", gpkg + "|layername=ortsteile"],
        "TITLE": "Bildungseinrichtungen in Musterstadt",
        "SUBTITLE": "Schulen, Kitas, Bibliotheken, Volkshochschule und Jugendtreffs nach Art",
        "SOURCE": "Schulverwaltungsamt, Jugendamt, Amt für Statistik Musterstadt (synthetische Beispieldaten)",
        "DATE": "31.12.2025", "PAGE": 0, "OUTPUT": map_pdf})
    prof_pdf = os.path.join(tmp, "profile.pdf")
    processing.run("bildungslandschaft:districtprofiles", {
        "DISTRICTS": gpkg + "|layername=ortsteile", "NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key",
        "INDICATORS": ["einwohner", "Einwohner", "kinder_u15", "Kinder unter 15 Jahren",
                       "sgb2_quote", "SGB-II-Quote (%)", "kinderarmut", "Kinderarmut (%)"],
        "TIMESERIES": csv, "FACILITIES": gpkg + "|layername=einrichtungen",
        "FILTER": "\"ot_key\" = '05'", "OUTPUT": prof_pdf})
    for pdf, name in ((map_pdf, "council_map"), (prof_pdf, "district_profile")):
        pdf_to_png(pdf, os.path.join(IMG_DIR, name), dpi=110)


if __name__ == "__main__":
    run_headless(main)
