#!/usr/bin/env python3
"""Render docs/img/berlin_mss_2021.png: Berlin MSS 2021 status classes reproduced from the published files.

    /usr/bin/python3 scripts/render_berlin_mss.py [real-data folder]

The real data (not part of the project) is looked for in ../shared/real-data beside the checkout, in
$BILDUNGSLANDSCHAFT_REAL_DATA or in the folder given. Runs joinsocialdata → socialindex → exportmap headless,
exactly as in docs/berlin_mss.md, and prints the agreement with the published classes.
"""

import csv
import os
import sys
import tempfile

from _render_common import IMG_DIR, ROOT, pdf_to_png, run_headless, start_processing
from qgis.core import QgsVectorLayer  # noqa: E402


def main(real):
    processing = start_processing()
    mss = os.path.join(real, "berlin_mss_2021")
    tmp = tempfile.mkdtemp(prefix="bl_berlin_")
    joined = processing.run("bildungslandschaft:joinsocialdata", {
        "DISTRICTS": os.path.join(mss, "lor_2021_geometry", "lor_post2021_PLR", "lor_planungsraeume_2021.shp"),
        "DISTRICT_KEY": "PLR_ID", "TABLE": os.path.join(mss, "fisbroker_wfs", "mss_2021_index_indikatoren.csv"),
        "TABLE_KEY": "PLR_ID", "OUTPUT": os.path.join(tmp, "plr_mss.gpkg")})["OUTPUT"]
    index = processing.run("bildungslandschaft:socialindex", {
        "INPUT": joined, "INDICATORS": ["S1", "S3", "S4"], "CHANGE_INDICATORS": ["D1", "D3", "D4"],
        "POPULATION": "EW", "MIN_POPULATION": 300, "EXCLUDE": "\"KOM\" <> 'gültig'",
        "OUTPUT": os.path.join(tmp, "mss_index.gpkg")})["OUTPUT"]
    with open(os.path.join(mss, "fisbroker_wfs", "mss_2021_indizes.csv"), encoding="utf-8", newline="") as fh:
        published = {r["PLR_ID"]: r for r in csv.DictReader(fh)}
    layer = QgsVectorLayer(index, "index", "ogr")
    same_s = same_d = valid = 0
    for f in layer.getFeatures():
        p = published[f["PLR_ID"]]
        if p["SI_N"] == "-9999":
            continue
        valid += 1
        same_s += str(f["index_class"]) == p["SI_N"]
        same_d += {1: "1", 2: "3", 3: "5"}.get(f["dyn_class"]) == p["DI_N"]
    print("status {}/{}, dynamics {}/{}".format(same_s, valid, same_d, valid))
    pdf = os.path.join(tmp, "berlin_mss.pdf")
    processing.run("bildungslandschaft:exportmap", {
        "LAYERS": [index], "TITLE": "Status-Index Soziale Stadtentwicklung 2021",
        "SUBTITLE": "536 Planungsräume, nachgerechnet aus der veröffentlichten Indikatorentabelle (S1, S3, S4)",
        "SOURCE": "SenSBW Berlin, Monitoring Soziale Stadtentwicklung 2021 (Daten 31.12.2020); LOR 2021: "
                  "Amt für Statistik Berlin-Brandenburg",
        "DATE": "31.12.2020", "PAGE": 0, "OUTPUT": pdf})
    pdf_to_png(pdf, os.path.join(IMG_DIR, "berlin_mss_2021"))


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "BILDUNGSLANDSCHAFT_REAL_DATA", os.path.join(ROOT, "..", "shared", "real-data"))
    if not os.path.isdir(os.path.join(folder, "berlin_mss_2021")):
        sys.exit("real data not present: {}".format(folder))
    run_headless(main, folder)
