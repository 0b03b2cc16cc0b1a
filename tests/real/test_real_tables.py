"""Real statistics tables as they arrive: Hamburg Stadtteilprofile (xlsx, csv), GENESIS CSVs, Leipzig API JSON.

Expected numbers were read from the files by hand (a text editor / LibreOffice) or counted with Python's csv and
json modules, independently of the plugin's reader.
"""

import csv
import io
import json
import re

import pytest
from qgis.core import QgsVectorLayer

import processing
from bildungslandschaft_plugin.core import socialtable as st
from bildungslandschaft_plugin.processing import ids
from tests.test_alg_joinsocialdata import LogFeedback

JOIN = ids.full_id(ids.JOIN_SOCIAL_DATA)
HH = "hamburg_stadtteile_2014"
GENESIS = ("official_statistics_raw", "regionalstatistik_genesis_csv")


def _records(parsed):
    return {row["key"]: row for row in parsed.frame.to_dict("records")}


def _null(v):
    return v is None or (isinstance(v, float) and v != v) or (hasattr(v, "isNull") and v.isNull())


# ---------------------------------------------------------------- Hamburg
@pytest.mark.parametrize("name,header_line", [("Daten_fuer_die_Stadtteilprofile_2014.xlsx", 3),
                                              ("Daten_fuer_die_Stadtteilprofile_2014.csv", 1)])
def test_hamburg_column_names_and_values(real_path, name, header_line):
    raw = st.read_table(real_path(HH, name))
    info = st.detect_header(raw)
    assert info.index + 1 == header_line            # the row of short names (xlsx: title, group row above)
    parsed = st.parse_table(raw, "Stadtgebiet")
    assert len(parsed.all_columns) == 69
    assert not [c for c in parsed.all_columns if c.startswith("column_")]
    assert parsed.all_columns[:3] == ["Stadtgebiet", "Bevölkerung", "Unter 18-Jährige"]
    assert "Wanderungssaldo" in parsed.all_columns and "Arbeitslose (Dez 2013)" in parsed.all_columns
    rec = _records(parsed)
    # Hamburg-Altstadt, read from the file: 1 675 residents, 9,7 % under 18, migration balance "-  23"
    assert rec["Hamburg-Altstadt"]["Bevölkerung"] == 1675
    assert rec["Hamburg-Altstadt"]["Anteil der unter 18-Jährigen in %"] == pytest.approx(9.7)
    assert rec["Hamburg-Altstadt"]["Wanderungssaldo"] == -23
    assert rec["Neustadt"]["Wanderungssaldo"] == -73 and rec["HafenCity"]["Wanderungssaldo"] == 71
    assert rec["Hamburg"]["Bevölkerung"] == 1788994
    # '.' = no value: NULL with the symbol as flag (HafenCity's three '.' cells in a row)
    dots = parsed.report[(parsed.report.kind == st.SYMBOL) & (parsed.report.key == "HafenCity")]
    assert len(dots) == 2
    # the 4 Bezirk rows named like a Stadtteil repeat a key: reported, the Stadtteil row is kept
    dup = parsed.report[parsed.report.kind == st.DUPLICATE_KEY]
    assert sorted(dup.key) == ["Bergedorf", "Eimsbüttel", "Harburg", "Wandsbek"]
    assert rec["Eimsbüttel"]["Bevölkerung"] < 100000     # the Stadtteil, not the Bezirk


@pytest.mark.parametrize("name", ["Daten_fuer_die_Stadtteilprofile_2014.xlsx",
                                  "Daten_fuer_die_Stadtteilprofile_2014.csv"])
def test_hamburg_join_to_osm_stadtteile(real_path, name):
    layer = QgsVectorLayer(real_path(HH, "hamburg_osm_boundaries_2016.geojson") + "|geometrytype=Polygon",
                           "hh", "ogr")
    layer.setSubsetString("\"admin_level\" = '10'")
    assert layer.featureCount() == 99
    log = LogFeedback()
    res = processing.run(JOIN, {"DISTRICTS": layer, "DISTRICT_KEY": "name", "TABLE": real_path(HH, name),
                                "TABLE_KEY": "Stadtgebiet", "OUTPUT": "memory:"}, feedback=log)
    # SOURCE.md: 4 merged CSV pairs kept apart by OSM, 4 CSV Stadtteile without polygon, Egenbüttel outside
    assert res["MATCHED"] == 91 and res["DISTRICTS_UNMATCHED"] == 8
    assert res["TABLE_UNMATCHED"] == 12   # 4 pairs + 4 without polygon + 3 Bezirke + "Hamburg"
    out = {f["name"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Hamburg-Altstadt"]["Bevölkerung"] == 1675 and out["Hamburg-Altstadt"]["Wanderungssaldo"] == -23
    assert _null(out["Egenbüttel"]["Bevölkerung"])
    assert any("Waltershof" in line and "without a table row" in line for line in log.lines)


# ---------------------------------------------------------------- GENESIS (no Kreis polygons in the real data)
def _genesis_counts(path, key_col):
    rows = list(csv.reader(io.open(path, encoding="latin-1", newline=""), delimiter=";"))
    data = [r for r in rows if len(r) > 2 and re.match(r"^(DG|\d+)$", r[key_col])]
    return len(data), sum(c == "-" for r in data for c in r), sum(c == "." for r in data for c in r)


def test_genesis_population_unnamed_key_column(real_path):
    path = real_path(*GENESIS, "12411-01-01-4.csv")
    raw = st.read_table(path)
    assert raw.encoding == "Windows-1252"
    info = st.detect_header(raw)
    assert info.index + 1 == 8                          # ";;Insgesamt;männlich;weiblich" below 7 title lines
    assert info.names == ["column_1", "column_2", "Insgesamt", "männlich", "weiblich"]
    parsed = st.parse_table(raw, "column_1")            # the name the plugin lists is accepted back
    rec = _records(parsed)
    n, dashes, dots = _genesis_counts(path, 0)
    assert len(rec) == n == 538
    assert (parsed.report.kind == st.SYMBOL).sum() == dashes + dots == 234 + 36
    assert rec["DG"]["Insgesamt"] == 83019213
    assert (rec["01001"]["column_2"], rec["01001"]["Insgesamt"], rec["01001"]["männlich"],
            rec["01001"]["weiblich"]) == ("Flensburg, Kreisfreie Stadt", 89504, 44599, 44905)
    assert rec["09162"]["Insgesamt"] == 1471508                       # München
    assert rec["03152"]["Insgesamt"] == 0 and rec["03152"]["Insgesamt_flag"] == "-"   # Göttingen (alt)
    assert _null(rec["11001001"]["Insgesamt"]) and rec["11001001"]["Insgesamt_flag"] == "."
    assert parsed.notes and parsed.notes[-1].startswith("Stand: 21.03.2020")


def test_genesis_area_and_hospitals(real_path):
    raw = st.read_table(real_path(*GENESIS, "11111-01-01-4.csv"))
    parsed = st.parse_table(raw, "column_2")
    assert parsed.all_columns == ["column_1", "column_2", "column_3", "Gebietsfläche"]
    rec = _records(parsed)
    assert len(rec) == 538
    assert rec["DG"]["Gebietsfläche"] == pytest.approx(357582.00)
    assert rec["01001"]["Gebietsfläche"] == pytest.approx(56.73)
    assert rec["11001001"]["Gebietsfläche"] == pytest.approx(39.40)
    assert st.detect_header(raw).below == [5]           # the unit row "qkm" is skipped
    path = real_path(*GENESIS, "23111-01-04-4.csv")
    hosp = st.parse_table(st.read_table(path), "column_2")
    assert hosp.all_columns[3:6] == ["Krankenhäuser", "aufgestellte Betten in Krankenhäusern (JD)",
                                     "Augenheilkunde"]
    assert len(hosp.all_columns) == 20 and len(set(hosp.all_columns)) == 20
    rec = _records(hosp)
    # 31.12.2017;01001; Flensburg;3;860;-;200;43;20;-;256;...
    assert rec["01001"]["Krankenhäuser"] == 3
    assert rec["01001"]["aufgestellte Betten in Krankenhäusern (JD)"] == 860
    assert rec["01001"]["Augenheilkunde"] == 0 and rec["01001"]["Augenheilkunde_flag"] == "-"
    assert rec["11001001"]["Krankenhäuser"] == 14
    _n, dashes, _dots = _genesis_counts(path, 1)
    assert (hosp.report.kind == st.SYMBOL).sum() == dashes == 3479


def test_genesis_join_by_listed_name(real_path, tmp_path):
    """The algorithm accepts column_1 back and joins. The real data has no Kreis polygons, so four squares
    carrying real AGS keys stand in for them; the values come from the real file."""
    from tests.layer_util import memory_layer, square

    keys = ["01001", "01002", "09162", "03152"]
    layer = memory_layer("Polygon", "EPSG:25832", ["ags:string"],
                         [(square(i, 0, i + 1, 1), [k]) for i, k in enumerate(keys)], "kreise")
    res = processing.run(JOIN, {"DISTRICTS": layer, "DISTRICT_KEY": "ags",
                                "TABLE": real_path(*GENESIS, "12411-01-01-4.csv"), "TABLE_KEY": "column_1",
                                "OUTPUT": "memory:"})
    assert res["MATCHED"] == 4
    out = {f["ags"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["01002"]["Insgesamt"] == 247548 and out["01002"]["column_2"] == "Kiel, Landeshauptstadt, " \
                                                                               "Kreisfreie Stadt"
    assert out["03152"]["Insgesamt"] == 0 and out["03152"]["Insgesamt_flag"] == "-"


# ---------------------------------------------------------------- Leipzig JSON
def test_leipzig_api_json_joined_to_ortsteile(real_path):
    path = real_path("leipzig_ortsteile", "statistik_api_raw", "einwohner.json")
    with open(path, encoding="utf-8") as fh:
        daten = json.load(fh)["daten"]
    expected = {r["ortsteil"]: int(r["wert"]) for r in daten
                if r["ortsteil"] and r["jahr"] == "2024" and r["name"].strip() == "Einwohner insgesamt"}
    layer = QgsVectorLayer(real_path("leipzig_ortsteile", "geometry", "ortsteile.json"), "ot", "ogr")
    assert layer.featureCount() == 63
    log = LogFeedback()
    res = processing.run(JOIN, {"DISTRICTS": layer, "DISTRICT_KEY": "Name", "TABLE": path,
                                "TABLE_KEY": "ortsteil", "YEAR_FIELD": "jahr", "YEAR": 2024,
                                "SPREAD_FIELD": "name", "FIELDS": "wert", "OUTPUT": "memory:"}, feedback=log)
    assert res["MATCHED"] == 63 and res["DISTRICTS_UNMATCHED"] == 0 and res["TABLE_UNMATCHED"] == 0
    out = {f["Name"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Zentrum"]["Einwohner insgesamt"] == 1893 and out["Zentrum"]["Ausländer"] == 609
    assert out["Grünau-Mitte"]["Einwohner insgesamt"] == 14046 and out["Grünau-Mitte"]["Männer"] == 6963
    assert {k: f["Einwohner insgesamt"] for k, f in out.items()} == expected
    assert sum(expected.values()) == 632560          # the city record says 632562 (2 without Ortsteil)


def test_leipzig_json_without_spread_is_a_clear_table(real_path):
    raw = st.read_table(real_path("leipzig_ortsteile", "statistik_api_raw", "einwohner.json"))
    assert raw.rows[0][:3] == ["name", "wert", "jahr"] and len(raw.rows) == 9251
    with pytest.raises(st.TableError, match="ortsteilx"):
        st.parse_table(raw, "ortsteilx")


# ---------------------------------------------------------------- Statistik Berlin-Brandenburg yearbook sheet
def test_berlin_brandenburg_t11_headings_and_totals(real_path):
    """T11: title, merged 3-row header with line breaks, Bezirk heading rows (one or two text cells), 'Zusammen'
    subtotals, a footnote; joined by Ortsteil name (the unnamed column 2) to the 96 LOR Ortsteile."""
    path = real_path("official_statistics_raw", "statistik_berlin_brandenburg_xlsx", "SB_A01-05-00_2023h02_BE.xlsx")
    raw = st.read_table(path, sheet="T11")
    info = st.detect_header(raw)
    assert info.index + 1 == 4
    assert info.names[1:5] == ["column_2", "Insgesamt", "unter 6", "6 - 15"]   # "Ins-\ngesamt" joined
    parsed = st.parse_table(raw, "column_2")
    rec = _records(parsed)
    # read in LibreOffice: row 10 "2 | Moabit | 84113 | 4471 | 5726", row 11 "3 | Hansaviertel | 6075 | 194"
    assert (rec["Moabit"]["Insgesamt"], rec["Moabit"]["unter 6"], rec["Moabit"]["6 - 15"]) == (84113, 4471, 5726)
    assert rec["Hansaviertel"]["Insgesamt"] == 6075
    assert "Tiergarten (02)" in parsed.group_headings and "Zusammen" not in rec
    assert parsed.notes and "Schlachtensee" in parsed.notes[0]
    layer = QgsVectorLayer(real_path("berlin_mss_2021", "lor_2021_geometry", "local_districts", "lor_ortsteile.shp"),
                           "ot", "ogr")
    assert layer.featureCount() == 96
    res = processing.run(JOIN, {"DISTRICTS": layer, "DISTRICT_KEY": "OTEIL", "TABLE": path, "SHEET": "T11",
                                "TABLE_KEY": "column_2", "OUTPUT": "memory:"})
    assert res["MATCHED"] == 96 and res["DISTRICTS_UNMATCHED"] == 0
    assert res["TABLE_UNMATCHED"] == 4      # Schlachtensee1 (footnote mark), Berlin, West and East totals
    out = {f["OTEIL"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Moabit"]["Insgesamt"] == 84113


def test_hamburg_xlsx_in_the_dialog(real_path, qgis_iface, qgis_new_project):
    """The dialog reads the same column row as the algorithm, joins, and stays within the screen."""
    from qgis.core import QgsProject, QgsSettings

    from bildungslandschaft_plugin.gui.join_dialog import JoinDialog

    QgsSettings().remove("bildungslandschaft/join_dialog")
    layer = QgsVectorLayer(real_path(HH, "hamburg_osm_boundaries_2016.geojson") + "|geometrytype=Polygon",
                           "stadtteile", "ogr")
    layer.setSubsetString("\"admin_level\" = '10'")
    QgsProject.instance().addMapLayer(layer)
    dlg = JoinDialog(qgis_iface)
    dlg.districtCombo.setLayer(layer)
    dlg.districtKeyCombo.setField("name")
    dlg.fileWidget.setFilePath(real_path(HH, "Daten_fuer_die_Stadtteilprofile_2014.xlsx"))
    assert dlg.headerCombo.currentText() == "detected (row 3)"
    assert dlg.tableKeyCombo.currentText() == "Stadtgebiet"
    assert dlg.tableKeyCombo.count() == 69
    assert dlg.match.matched == 91
    dlg.show()
    screen = dlg.screen().availableGeometry()
    assert dlg.width() <= screen.width() and dlg.minimumSizeHint().width() <= screen.width()
    assert dlg.parameters()["HEADER_ROW"] == 0
    result = dlg.run_join()
    assert result is not None
    values = {f["name"]: f for f in result.getFeatures()}
    assert values["Hamburg-Altstadt"]["Bevölkerung"] == 1675
    dlg.close()
