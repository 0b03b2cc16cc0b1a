#!/usr/bin/env python3
"""Render the OSM walkthrough images in docs/img/ (docs/network.md, "From an OSM download to school catchments").

    /usr/bin/python3 scripts/render_osm_docs_images.py

Real data: the Heidelberg extract in ``../shared/real-data/osm_heidelberg_bayreuth/`` (or
``$BILDUNGSLANDSCHAFT_REAL_DATA``; © OpenStreetMap contributors, ODbL). Runs ``catchments`` and
``serviceareas`` exactly as the walkthrough describes and prints the maps with ``exportmap`` (the output
styles come from the outputs themselves), then converts them to PNG with ``pdftoppm``.
"""

import os
import sys
import tempfile

from _render_common import IMG_DIR, pdf_to_png, run_headless, start_processing

# central Heidelberg (EPSG:25832): Altstadt, Bergheim, Weststadt, Neuenheim, Handschuhsheim
EXTENT = "474300,480300,5471800,5477600 [EPSG:25832]"
SA_SCHOOLS = ("384802164", "372535119", "27072584", "155204823")


def main():
    processing = start_processing()
    from osgeo import gdal

    from bench_osm import prepare, real_data_dir

    pbf = os.path.join(real_data_dir(), "osm_heidelberg_bayreuth", "heidelberg.test.osm.pbf")
    if not os.path.exists(pbf):
        print("real data not present:", pbf)
        return 1
    tmp = tempfile.mkdtemp(prefix="bl_osm_docs_")
    schools, grid, _n, _m = prepare(tmp, pbf)
    # the streets for the map background (only lines with highway, clipped to the map)
    streets = os.path.join(tmp, "strassen.gpkg")
    gdal.VectorTranslate(streets, pbf, format="GPKG", layers=["lines"], where="highway IS NOT NULL",
                         dstSRS="EPSG:25832", layerName="strassen", spatFilter=[8.64, 49.385, 8.725, 49.435])
    lines = pbf + "|layername=lines"
    common = {"NETWORK": lines, "FACILITIES": schools + "|layername=schools", "FACILITY_ID": "osm_way_id",
              "MODE": 0, "COST_TYPE": 0}
    areas = os.path.join(tmp, "einzugsbereiche.gpkg")
    fac = os.path.join(tmp, "schulen.gpkg")
    processing.run("bildungslandschaft:catchments", dict(
        common, DEMAND=grid + "|layername=grid", DEMAND_WEIGHT="kinder", OUTPUT_DEMAND=os.path.join(tmp, "d.gpkg"),
        OUTPUT_FACILITIES=fac, OUTPUT_AREAS=areas))
    sa = os.path.join(tmp, "erreichbarkeit.gpkg")
    processing.run("bildungslandschaft:serviceareas", dict(common, THRESHOLDS="500,1000,1500", OUTPUT=sa))
    source = "© OpenStreetMap-Mitwirkende (ODbL), Heidelberg-Ausschnitt; Raster 250 m mit je 10 Kindern (Beispiel)"
    pdf1 = os.path.join(tmp, "catchments.pdf")
    processing.run("bildungslandschaft:exportmap", {
        "LAYERS": [fac, areas, streets],
        "TITLE": "Schul-Einzugsbereiche Heidelberg (Fußweg, OSM)",
        "SUBTITLE": "Nächste Schule über das Straßennetz; Mauern, Zäune, Bahnen und private Wege ausgelassen",
        "SOURCE": source, "DATE": "29.11.2026", "PAGE": 0, "EXTENT": EXTENT, "OUTPUT": pdf1})
    pdf2 = os.path.join(tmp, "serviceareas.pdf")
    subset = "|subset=\"facility_id\" IN ({})".format(", ".join("'{}'".format(s) for s in SA_SCHOOLS))
    processing.run("bildungslandschaft:exportmap", {
        "LAYERS": [fac, sa + "|layername=erreichbarkeit" + subset, streets],
        "TITLE": "Fußwege zu vier Heidelberger Schulen (OSM)",
        "SUBTITLE": "Straßen, von denen die Schule in 500, 1000 und 1500 m erreicht wird, 50 m breit",
        "SOURCE": source, "DATE": "29.11.2026", "PAGE": 0, "EXTENT": EXTENT, "OUTPUT": pdf2})
    for pdf, name in ((pdf1, "osm_heidelberg_catchments"), (pdf2, "osm_heidelberg_serviceareas")):
        pdf_to_png(pdf, os.path.join(IMG_DIR, name))
    return 0


if __name__ == "__main__":
    sys.exit(run_headless(main))
