"""District profiles on the Hamburg Stadtteilprofile 2014 (Statistikamt Nord) with the OSM Stadtteil polygons.

The table is read here with its own small parser (independent of the plugin's table reader): ';'-separated,
decimal comma, blanks as thousands separator, negatives written "-  23", '.' = no value. The polygons are the
99 admin_level=10 (Multi)Polygons of the overpass export, in EPSG:4326. The Stadtteil name is the key; the 91
polygons whose name is a row of the table get its values, the 8 others (the table merges some pairs) none.
"""

import csv
import re
import unicodedata

import processing
from qgis.core import QgsFeature, QgsField, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QLocale
from bildungslandschaft_plugin import compat

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.translation import locale_name, tr
from tests.pdftools import pdf_pages, pdf_text

FOLDER = "hamburg_stadtteile_2014"
CSV = "Daten_fuer_die_Stadtteilprofile_2014.csv"
POLYGONS = "hamburg_osm_boundaries_2016.geojson"
#: CSV column (position) -> field of the test layer
COLUMNS = {1: "Bevölkerung", 2: "u18", 3: "anteil_u18", 28: "wanderungssaldo", 38: "anteil_sgb2",
           42: "steuerpflichtige", 43: "einkommen"}


def number(cell):
    text = cell.strip().replace(" ", "").replace(",", ".")
    if text in ("", ".", "-"):
        return None
    if text.startswith("-"):
        return -float(text[1:])
    return float(text)


def read_table(path):
    """{Stadtteil: {field: value}} for the 99 Stadtteile (rows 2-100; then come the 7 Bezirke and Hamburg)."""
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][1] == "Bevölkerung" and rows[0][28] == "Wanderungssaldo"
    assert rows[107][0] == "Hamburg"
    return {r[0].strip(): {f: number(r[i]) for i, f in COLUMNS.items()} for r in rows[1:100]}


def districts(path, table):
    src = QgsVectorLayer(path, "osm", "ogr")
    assert src.isValid()
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "stadtteile", "memory")
    fields = [QgsField("stadtteil", compat.FIELD_STRING)] + [QgsField(f, compat.FIELD_DOUBLE) for f in COLUMNS.values()]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    feats = []
    for f in src.getFeatures():
        geom = f.geometry()
        if geom.type() != QgsWkbTypes.GeometryType.PolygonGeometry or f["admin_level"] != "10":
            continue
        geom.convertToMultiType()
        out = QgsFeature(layer.fields())
        out.setGeometry(geom)
        out["stadtteil"] = f["name"]
        for field, value in table.get(f["name"], {}).items():
            out[field] = value
        feats.append(out)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def num(value, decimals):
    return QLocale(locale_name()).toString(float(value), "f", decimals)


def row_of(text, label):
    for line in text.splitlines():
        if line.strip().startswith(label):
            return [c for c in re.split(r"\s{2,}", line.strip()) if c]
    raise AssertionError("no row {!r}".format(label))


def test_hamburg_city_totals_and_one_page_per_stadtteil(real_path, tmp_path):
    table = read_table(real_path(FOLDER, CSV))
    layer = districts(real_path(FOLDER, POLYGONS), table)
    names = [f["stadtteil"] for f in layer.getFeatures()]
    assert len(names) == 99 and len(set(names)) == 99
    matched = [table[n] for n in names if n in table]
    assert len(matched) == 91

    # independent values over the Stadtteile that have a polygon
    pop = sum(r["Bevölkerung"] for r in matched)
    u18 = sum(r["u18"] for r in matched)
    saldo = sum(r["wanderungssaldo"] for r in matched if r["wanderungssaldo"] is not None)
    assert pop == 1724408 and any(r["wanderungssaldo"] < 0 for r in matched)
    share_u18 = sum(r["anteil_u18"] * r["Bevölkerung"] for r in matched) / pop
    assert abs(share_u18 - 100 * u18 / pop) < 0.05  # the weighted published shares give the city share
    self_weighted = sum(r["Bevölkerung"] ** 2 for r in matched) / pop  # what the city column showed before
    # average income (EUR per taxpayer) weighted by its denominator, the taxpayers: the city's income per taxpayer
    taxpayers = sum(r["steuerpflichtige"] for r in matched)
    income = sum(r["einkommen"] * r["steuerpflichtige"] for r in matched) / taxpayers

    out = str(tmp_path / "hamburg.pdf")
    print("Einwohner, city column: before {0:.0f} (population-weighted), now the total {1:.0f}".format(
        self_weighted, pop))
    processing.run(ids.full_id(ids.DISTRICT_PROFILES), {
        "DISTRICTS": layer, "KEY_FIELD": "stadtteil", "NAME_FIELD": "stadtteil",
        "INDICATORS": ["Bevölkerung", "Einwohner", "u18", "Unter 18-Jährige", "anteil_u18",
                       "Anteil unter 18 in %", "wanderungssaldo", "Wanderungssaldo", "einkommen",
                       "Einkommen je Steuerpflichtigen in EUR"],
        "CITY_VALUES": ["einkommen", "steuerpflichtige"], "OUTPUT": out})
    assert pdf_pages(out) == 99
    first = sorted(names)[0]
    page1 = unicodedata.normalize("NFKC", pdf_text(out, 1))
    assert first in page1
    row = row_of(page1, "Einwohner")
    value = table[first]["Bevölkerung"]
    assert row[1:4] == [num(value, 0), num(pop, 0), "–"], (row, self_weighted)
    assert num(round(self_weighted), 0) not in page1
    assert row_of(page1, "Unter 18-Jährige")[2] == num(u18, 0)
    assert row_of(page1, "Anteil unter 18 in %")[2] == num(share_u18, 1)
    assert row_of(page1, "Einkommen je Steuerpflichtigen in EUR")[2] == num(income, 0)
    assert row_of(page1, "Wanderungssaldo")[2] == (num(saldo, 0) if saldo >= 0 else "−" + num(-saldo, 0))
    # every Stadtteil has its page, in key order
    for page, name in ((2, sorted(names)[1]), (99, sorted(names)[-1])):
        assert name in unicodedata.normalize("NFKC", pdf_text(out, page))
    # a Stadtteil without a row in the table: its values are missing, the city column is the same
    missing = sorted(n for n in names if n not in table)[0]
    page = sorted(names).index(missing) + 1
    row = row_of(unicodedata.normalize("NFKC", pdf_text(out, page)), "Einwohner")
    assert row[1:3] == ["–", num(pop, 0)]
    assert tr("District {0}").format(first) not in page1  # titled by its name
