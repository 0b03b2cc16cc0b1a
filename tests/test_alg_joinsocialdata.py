"""bildungslandschaft:joinsocialdata through processing.run and qgis_process."""

import pytest
from tests.util import LogFeedback
from tests.layer_util import attributes, memory_layer, square, write_gpkg
from qgis.core import QgsProcessingException, QgsProject
from bildungslandschaft_plugin import compat
import qgisproc

from bildungslandschaft_plugin.processing import ids

ALG = ids.full_id(ids.JOIN_SOCIAL_DATA)

OFFICE_CSV = (
    "Sozialdaten Musterstadt;;;;;\n"
    "Ortsteil;Name;Jahr;Einwohner;SGB2_Quote;Kinder_u15\n"
    "01;Altstadt;2024;2.594;12,5;301\n"
    "01;Altstadt;2025;2.600;(13,1);310\n"
    "2;Bahnhofsviertel;2025;.;7,4p;x\n"
    " 03 ;Nordstadt an der Mühle;2025;-;x;5555555555\n"
    "07;Neubaugebiet;2025;150;1,0;12\n"
    "00;Stadt insgesamt;2025;5.200;9,9;615\n"
    ";;;;;\n"
    "Quelle: Amt für Statistik und Wahlen;;;;;\n"
)


def districts():
    rows = [(square(i * 10, 0, i * 10 + 10, 10), ["{:02d}".format(i + 1), "OT {}".format(i + 1), 99])
            for i in range(4)]
    return memory_layer("Polygon", "EPSG:25833", ["ot_key:string", "ot_name:string", "einwohner:integer"], rows,
                        "ortsteile")


@pytest.fixture
def office_csv(tmp_path):
    path = tmp_path / "sozialdaten.csv"
    path.write_bytes(OFFICE_CSV.encode("cp1252"))
    return str(path)


def run(params, feedback=None):
    import processing

    return processing.run(ALG, params, feedback=feedback)


def base_params(layer, table, **extra):
    params = {"DISTRICTS": layer, "DISTRICT_KEY": "ot_key", "TABLE": table, "TABLE_KEY": "Ortsteil",
              "KEY_WIDTH": 2, "YEAR_FIELD": "Jahr", "YEAR": 2025,
              "OUTPUT": "memory:", "OUTPUT_REPORT": "memory:"}
    params.update(extra)
    return params


def test_join_office_csv_cell_by_cell(office_csv):
    layer = districts()
    fb = LogFeedback()
    res = run(base_params(layer, office_csv), fb)
    out = res["OUTPUT"]
    names = [f.name() for f in out.fields()]
    assert names == ["ot_key", "ot_name", "einwohner", "Name", "Einwohner_2", "Einwohner_flag",
                     "SGB2_Quote", "SGB2_Quote_flag", "Kinder_u15", "Kinder_u15_flag"]
    types = {f.name(): f.type() for f in out.fields()}
    assert types["Einwohner_2"] == compat.FIELD_LONGLONG and types["SGB2_Quote"] == compat.FIELD_DOUBLE
    assert types["Kinder_u15"] == compat.FIELD_LONGLONG and types["SGB2_Quote_flag"] == compat.FIELD_STRING
    rec = attributes(out, "ot_key")
    assert rec["01"]["Name"] == "Altstadt" and rec["01"]["Einwohner_2"] == 2600
    assert rec["01"]["SGB2_Quote"] == pytest.approx(13.1) and rec["01"]["SGB2_Quote_flag"] == "()"
    assert rec["01"]["Kinder_u15"] == 310 and rec["01"]["Kinder_u15_flag"] is None
    assert rec["02"]["Einwohner_2"] is None and rec["02"]["Einwohner_flag"] == "."
    assert rec["02"]["SGB2_Quote"] == pytest.approx(7.4) and rec["02"]["SGB2_Quote_flag"] == "p"
    assert rec["02"]["Kinder_u15"] is None and rec["02"]["Kinder_u15_flag"] == "x"
    assert rec["03"]["Name"] == "Nordstadt an der Mühle"
    assert rec["03"]["Einwohner_2"] == 0 and rec["03"]["Einwohner_flag"] == "-"
    assert rec["03"]["SGB2_Quote"] is None and rec["03"]["Kinder_u15_flag"] == "."
    assert all(rec["04"][n] is None for n in names[3:])
    assert rec["04"]["einwohner"] == 99  # district attributes kept
    assert res["MATCHED"] == 3 and res["DISTRICTS_UNMATCHED"] == 1 and res["TABLE_UNMATCHED"] == 1
    report = [tuple(f.attributes()) for f in res["OUTPUT_REPORT"].getFeatures()]
    kinds = sorted((r[0], r[1]) for r in report if r[1] in ("table_only", "district_only", "pseudo_row"))
    assert kinds == [("00", "pseudo_row"), ("04", "district_only"), ("07", "table_only")]
    assert sum(1 for r in report if r[1] == "symbol") == 5
    assert "3 of 4 districts matched a table row." in fb.lines
    assert any("Districts without a table row (1): 04" in line for line in fb.lines)
    assert any("Table keys without a district (1): 07" in line for line in fb.lines)
    assert any("Windows-1252" in line and "decimal sign: comma" in line for line in fb.lines)
    # input untouched
    assert [f.name() for f in layer.fields()] == ["ot_key", "ot_name", "einwohner"]


def test_join_wide_with_field_subset(office_csv):
    res = run(base_params(districts(), office_csv, YEAR=None, WIDE=True, FIELDS="Einwohner; SGB2_Quote"))
    names = [f.name() for f in res["OUTPUT"].fields()][3:]
    assert names == ["Einwohner_2024", "Einwohner_2025", "Einwohner_2025_flag", "SGB2_Quote_2024",
                     "SGB2_Quote_2025", "SGB2_Quote_2025_flag"]
    rec = attributes(res["OUTPUT"], "ot_key")
    assert rec["01"]["Einwohner_2024"] == 2594 and rec["01"]["Einwohner_2025"] == 2600
    assert rec["02"]["Einwohner_2024"] is None


def test_join_table_layer_unpadded_keys_fail_clearly(qgis_new_project):
    table = memory_layer("None", "", ["ot:integer", "kinder:string"], [(None, [1, "12"]), (None, [2, "-"])],
                         "tabelle")
    QgsProject.instance().addMapLayer(table)
    with pytest.raises(QgsProcessingException, match="table keys: 1, 2. Check KEY_WIDTH"):
        run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": table.id(), "TABLE_KEY": "ot",
             "KEY_WIDTH": 0, "OUTPUT": "memory:"})


def test_join_table_layer_with_key_width(qgis_new_project):
    table = memory_layer("None", "", ["ot:integer", "kinder:string"], [(None, [1, "12"]), (None, [2, "-"]),
                                                                       (None, [3, "."])], "tabelle")
    QgsProject.instance().addMapLayer(table)
    res = run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": "tabelle", "TABLE_KEY": "ot",
               "KEY_WIDTH": 2, "OUTPUT": "memory:"})
    rec = attributes(res["OUTPUT"], "ot_key")
    assert rec["01"]["kinder"] == 12 and rec["02"]["kinder"] == 0 and rec["02"]["kinder_flag"] == "-"
    assert rec["03"]["kinder"] is None and rec["03"]["kinder_flag"] == "."
    assert res["MATCHED"] == 3


def test_join_geopackage_table_leaves_its_fid_out(tmp_path):
    """A statistics table in a GeoPackage: its key column fid (numbered by GDAL) is no statistic and is never
    copied into the output (it came out as fid_2); the statistics are joined cell by cell."""
    table = memory_layer("None", "", ["ot:string", "kinder:integer"],
                         [(None, ["01", 12]), (None, ["02", 7]), (None, ["04", 30])], "tabelle")
    path = write_gpkg(table, tmp_path / "statistik.gpkg")
    areas = write_gpkg(districts(), tmp_path / "ortsteile.gpkg")  # with a fid of its own
    res = run({"DISTRICTS": areas, "DISTRICT_KEY": "ot_key", "TABLE": path, "TABLE_KEY": "ot",
               "OUTPUT": "memory:"})
    layer = res["OUTPUT"]
    names = [f.name() for f in layer.fields()]
    assert not [n for n in names if n.lower().startswith("fid")], names
    rec = attributes(layer, "ot_key")
    assert [rec[k]["kinder"] for k in ("01", "02", "03", "04")] == [12, 7, None, 30]
    assert res["MATCHED"] == 3


def test_join_xlsx_sheet(tmp_path):
    import openpyxl

    path = str(tmp_path / "daten.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "Info"
    wb.active.append(["Nur Hinweise"])
    ws = wb.create_sheet("Daten")
    ws.append(["Tabelle 1"])
    ws.append(["OT", "Quote"])
    for k, q in [(1, 1.5), (2, "2,5"), (3, "/"), (4, 4)]:
        ws.append([k, q])
    wb.save(path)
    res = run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": path, "SHEET": "Daten",
               "TABLE_KEY": "OT", "KEY_WIDTH": 2, "OUTPUT": "memory:"})
    rec = attributes(res["OUTPUT"], "ot_key")
    assert [rec[k]["Quote"] for k in ("01", "02", "03", "04")] == [1.5, 2.5, None, 4.0]
    assert rec["03"]["Quote_flag"] == "/"


def test_join_bad_input_messages(tmp_path, office_csv):
    layer = districts()
    with pytest.raises(QgsProcessingException, match=r"'Schluessel' \(TABLE_KEY\)"):
        run(base_params(layer, office_csv, TABLE_KEY="Schluessel"))
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    with pytest.raises(QgsProcessingException, match="empty"):
        run(base_params(layer, str(empty)))
    with pytest.raises(QgsProcessingException, match="No district key"):
        run(base_params(layer, office_csv, TABLE_KEY="Name"))
    with pytest.raises(QgsProcessingException, match="Years: 2024, 2025"):
        run(base_params(layer, office_csv, YEAR=2030))


def test_join_qgis_process(tmp_path, office_csv, qgis_process_env):
    gpkg = write_gpkg(districts(), tmp_path / "ortsteile.gpkg")
    out = str(tmp_path / "joined.gpkg")
    report = str(tmp_path / "report.csv")
    data = qgisproc.run(ALG, {
        "DISTRICTS": gpkg, "DISTRICT_KEY": "ot_key", "TABLE": office_csv, "TABLE_KEY": "Ortsteil",
        "KEY_WIDTH": 2, "YEAR_FIELD": "Jahr", "YEAR": 2025, "OUTPUT": out, "OUTPUT_REPORT": report},
                        env=qgis_process_env)
    assert data["results"]["MATCHED"] == 3
    from qgis.core import QgsVectorLayer

    rec = attributes(QgsVectorLayer(out, "j", "ogr"), "ot_key")
    assert rec["01"]["Einwohner_2"] == 2600 and rec["02"]["Einwohner_flag"] == "."
    assert "district_only" in open(report, encoding="utf-8").read()


YEARBOOK_CSV = (
    "Statistisches Jahrbuch 2025, Tabelle 2;;;\n"
    ";Bevölkerung;;Wanderungen\n"
    "Ortsteil;Einwohner;Kinder;Saldo\n"
    ";Anzahl;Anzahl;Anzahl\n"
    "Stadtbezirk Mitte;;;\n"
    "01;2.594;301;-  23\n"
    "02;1.100;-9999;\u2013 5\n"
    "Stadtbezirk Nord;;;\n"
    "03;900;120;\u221212\n"
    "04;-9999;80;7\n"
    "Quelle: Statistikamt;;;\n"
)


@pytest.fixture
def yearbook_csv(tmp_path):
    path = tmp_path / "jahrbuch.csv"
    path.write_bytes(YEARBOOK_CSV.encode("utf-8"))
    return str(path)


def test_join_yearbook_headings_codes_negatives(yearbook_csv):
    fb = LogFeedback()
    res = run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": yearbook_csv, "TABLE_KEY": "Ortsteil",
               "OUTPUT": "memory:", "OUTPUT_REPORT": "memory:"}, fb)
    assert res["MATCHED"] == 4 and res["DISTRICTS_UNMATCHED"] == 0
    rec = attributes(res["OUTPUT"], "ot_key")
    assert [rec[k]["Saldo"] for k in ("01", "02", "03", "04")] == [-23, -5, -12, 7]
    assert rec["01"]["Einwohner_2"] == 2594 and rec["01"]["Kinder"] == 301
    assert rec["02"]["Kinder"] is None and rec["02"]["Kinder_flag"] == "-9999"
    assert rec["04"]["Einwohner_2"] is None and rec["04"]["Einwohner_flag"] == "-9999"
    assert any("Column row: line 3 (detected)" in line for line in fb.lines)
    assert any("skipped: line 4" in line for line in fb.lines)             # the unit row
    assert any("2 heading row(s)" in line and "Stadtbezirk Nord" in line for line in fb.lines)
    assert any("2 cell(s) held a missing-value code" in line for line in fb.lines)
    kinds = [f["kind"] for f in res["OUTPUT_REPORT"].getFeatures()]
    assert kinds.count("missing_code") == 2 and kinds.count("group_heading") == 2
    # no codes: -9999 stays a number
    res2 = run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": yearbook_csv, "TABLE_KEY": "Ortsteil",
                "MISSING_CODES": "", "OUTPUT": "memory:"})
    assert attributes(res2["OUTPUT"], "ot_key")["02"]["Kinder"] == -9999
    # the group-header row chosen by hand: its names are used; "Ortsteil" is not among them
    with pytest.raises(QgsProcessingException, match=r"column row \(line 2\).*Columns: column_1, Bevölkerung, "
                                                     r"column_3, Wanderungen"):
        run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": yearbook_csv, "TABLE_KEY": "Ortsteil",
             "HEADER_ROW": 2, "OUTPUT": "memory:"})
    res3 = run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": yearbook_csv, "TABLE_KEY": "column_1",
                "HEADER_ROW": 2, "OUTPUT": "memory:"})
    assert res3["MATCHED"] == 4
    assert attributes(res3["OUTPUT"], "ot_key")["03"]["Wanderungen"] == -12
    with pytest.raises(QgsProcessingException, match="MISSING_CODES"):
        run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": yearbook_csv, "TABLE_KEY": "Ortsteil",
             "MISSING_CODES": "-9999;k.A.", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="HEADER_ROW"):
        run({"DISTRICTS": districts(), "DISTRICT_KEY": "ot_key", "TABLE": yearbook_csv, "TABLE_KEY": "Ortsteil",
             "HEADER_ROW": 500, "OUTPUT": "memory:"})


def test_join_json_and_duplicate_districts(tmp_path):
    import json

    path = tmp_path / "api.json"
    path.write_text(json.dumps({"daten": [{"ot": "01", "wert": "12"}, {"ot": "02", "wert": "7"},
                                          {"ot": "03", "wert": "9"}]}), encoding="utf-8")
    rows = [(square(i * 10, 0, i * 10 + 10, 10), [k]) for i, k in enumerate(["01", "02", "02", "03"])]
    layer = memory_layer("Polygon", "EPSG:25833", ["ot_key:string"], rows, "ortsteile")
    fb = LogFeedback()
    res = run({"DISTRICTS": layer, "DISTRICT_KEY": "ot_key", "TABLE": str(path), "TABLE_KEY": "ot",
               "OUTPUT": "memory:"}, fb)
    assert res["MATCHED"] == 4
    assert [f["wert"] for f in res["OUTPUT"].getFeatures()] == [12, 7, 7, 9]
    assert any("shared by several districts" in line and "02" in line for line in fb.lines)
    bad = tmp_path / "bad.json"
    bad.write_text('{"daten": 5}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="holds no table"):
        run({"DISTRICTS": layer, "DISTRICT_KEY": "ot_key", "TABLE": str(bad), "TABLE_KEY": "ot",
             "OUTPUT": "memory:"})


def test_join_unnamed_key_qgis_process(tmp_path, qgis_process_env):
    """A GENESIS-style table whose key column has no name, joined by the listed name through qgis_process."""
    table = tmp_path / "genesis.csv"
    table.write_bytes(("GENESIS-Tabelle: 12411-01-01-4\n;;Insgesamt;weiblich\n01;Altstadt;2594;1300\n"
                       "02;Neustadt;1100;.\n__________\nStand: 21.03.2020\n").encode("cp1252"))
    gpkg = write_gpkg(districts(), tmp_path / "ortsteile.gpkg")
    out = str(tmp_path / "joined.gpkg")
    data = qgisproc.run(ALG, {"DISTRICTS": gpkg, "DISTRICT_KEY": "ot_key", "TABLE": str(table),
                              "TABLE_KEY": "column_1", "HEADER_ROW": 0, "MISSING_CODES": "-9999",
                              "OUTPUT": out}, env=qgis_process_env)
    assert data["results"]["MATCHED"] == 2
    from qgis.core import QgsVectorLayer

    rec = attributes(QgsVectorLayer(out, "j", "ogr"), "ot_key")
    assert rec["01"]["Insgesamt"] == 2594 and rec["01"]["column_2"] == "Altstadt"
    assert rec["02"]["weiblich"] is None and rec["02"]["weiblich_flag"] == "."
