"""Reading German statistics tables: every shape planners get, checked cell by cell."""

import math

import pandas as pd
import pytest

from bildungslandschaft_plugin.core import socialtable as st

OFFICE_CSV = (
    "Sozialdaten Musterstadt, Stand 31.12.;;;;;\n"
    "Ortsteil;Name;Jahr;Einwohner;SGB2_Quote;Kinder_u15\n"
    "01;Altstadt;2024;2.594;12,5;301\n"
    "01;Altstadt;2025;2.600;(13,1);310\n"
    "2;Bahnhofsviertel;2025;.;7,4p;x\n"
    " 03 ;Nordstadt an der Mühle;2025;-;x;5555555555\n"
    "00;Stadt insgesamt;2025;5.200;9,9;615\n"
    ";;;;;\n"
    "Quelle: Amt für Statistik und Wahlen;;;;;\n"
    "Zeichenerklärung: . = geheim, x = gesperrt;;;;;\n"
)


def write(tmp_path, name, text, encoding):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if encoding != "utf-8-sig" else b"\xef\xbb\xbf" + text.encode("utf-8"))
    return str(path)


def is_nan(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def records(frame):
    return {row["key"]: row for row in frame.to_dict("records")}


# ---------------------------------------------------------------- cells
@pytest.mark.parametrize("cell,decimal,value,flag,status", [
    ("12,5", "comma", 12.5, None, "ok"),
    ("2.594", "comma", 2594.0, None, "ok"),
    ("1.234.567,89", "comma", 1234567.89, None, "ok"),
    ("2 594", "comma", 2594.0, None, "ok"),
    ("12,5 %", "comma", 12.5, None, "ok"),
    ("-3,5", "comma", -3.5, None, "ok"),
    ("(12,5)", "comma", 12.5, "()", "ok"),
    ("12,5p", "comma", 12.5, "p", "ok"),
    ("1.234 r", "comma", 1234.0, "r", "ok"),
    ("(7)e", "comma", 7.0, "()e", "ok"),
    ("12.5", "point", 12.5, None, "ok"),
    ("2,594.5", "point", 2594.5, None, "ok"),
    ("-", "comma", 0.0, "-", "symbol"),
    ("\u2013", "comma", 0.0, "-", "symbol"),
    (".", "comma", None, ".", "symbol"),
    ("x", "comma", None, "x", "symbol"),
    ("X", "point", None, "x", "symbol"),
    ("...", "comma", None, "...", "symbol"),
    ("\u2026", "comma", None, "...", "symbol"),
    ("/", "comma", None, "/", "symbol"),
    ("*", "comma", None, "*", "symbol"),
    ("2222222222", "comma", 0.0, "-", "symbol"),
    ("5555555555", "comma", None, ".", "symbol"),
    (6666666666, "comma", None, "x", "symbol"),
    (7777777777.0, "comma", None, "/", "symbol"),
    ("8888888888", "point", None, "...", "symbol"),
    ("", "comma", None, None, "empty"),
    (None, "comma", None, None, "empty"),
    ("k.A.", "comma", None, None, "text"),
    ("12,5", "point", None, None, "text"),
    (42, "comma", 42.0, None, "ok"),
])
def test_parse_number(cell, decimal, value, flag, status):
    v, f, s = st.parse_number(cell, decimal)
    assert s == status
    assert f == flag
    if value is None:
        assert math.isnan(v)
    else:
        assert v == pytest.approx(value)


@pytest.mark.parametrize("raw,width,expected", [
    ("01", 0, "01"), (" 01 ", 0, "01"), ("1", 2, "01"), (1, 2, "01"), (1.0, 2, "01"),
    ("1,0", 2, "01"), ("'01", 0, "01"), ("\u00a001\u00a0", 0, "01"), ("012", 2, "012"),
    ("A1", 3, "A1"), (1.1001e7, 0, "11001000"), ("1.1001E+07", 8, "11001000"), ("", 2, None), (None, 2, None),
])
def test_normalize_key(raw, width, expected):
    assert st.normalize_key(raw, width) == expected


@pytest.mark.parametrize("text,expected", [
    ("Stadt insgesamt", True), ("Insgesamt", True), ("Musterstadt gesamt", True), ("SUM", True),
    ("Summe", True), ("keine Angabe", True), ("nicht zuordenbar", True), ("Gesamtstadt", True),
    ("Altstadt", False), ("Gesamtschulviertel", False), ("Summerfeld", False), ("", False),
])
def test_is_pseudo(text, expected):
    assert st.is_pseudo(text) is expected


def test_detect_decimal():
    assert st.detect_decimal(["12,5", "3", "2.594"]) == "comma"
    assert st.detect_decimal(["12.5", "0.25", "3"]) == "point"
    assert st.detect_decimal(["2.594", "3"], ";") == "comma"
    assert st.detect_decimal(["1,234.5"]) == "point"
    assert st.detect_decimal(["7"], ",") == "point"


# ---------------------------------------------------------------- whole files
def test_office_csv_windows1252_long_pick_year(tmp_path):
    path = write(tmp_path, "sozial.csv", OFFICE_CSV, "cp1252")
    raw = st.read_table(path)
    assert raw.encoding == "Windows-1252"
    assert raw.delimiter == ";"
    p = st.parse_table(raw, "Ortsteil", key_width=2, year_field="Jahr", year=2025)
    assert p.decimal == "comma"
    assert p.header_row == 1
    assert p.years == [2024, 2025]
    assert p.year_used == 2025
    assert p.columns == ["Name", "Einwohner", "SGB2_Quote", "Kinder_u15"]
    assert p.types == {"Name": "text", "Einwohner": "int", "SGB2_Quote": "float", "Kinder_u15": "int"}
    assert p.flag_columns == {"Einwohner": "Einwohner_flag", "SGB2_Quote": "SGB2_Quote_flag",
                              "Kinder_u15": "Kinder_u15_flag"}
    assert p.notes == ["Quelle: Amt für Statistik und Wahlen", "Zeichenerklärung: . = geheim, x = gesperrt"]
    rec = records(p.frame)
    assert list(rec) == ["01", "02", "03"]
    assert rec["01"]["Name"] == "Altstadt"
    assert rec["01"]["Einwohner"] == 2600 and rec["01"]["Einwohner_flag"] is None
    assert rec["01"]["SGB2_Quote"] == pytest.approx(13.1) and rec["01"]["SGB2_Quote_flag"] == "()"
    assert rec["01"]["Kinder_u15"] == 310
    assert rec["02"]["Name"] == "Bahnhofsviertel"
    assert is_nan(rec["02"]["Einwohner"]) and rec["02"]["Einwohner_flag"] == "."
    assert rec["02"]["SGB2_Quote"] == pytest.approx(7.4) and rec["02"]["SGB2_Quote_flag"] == "p"
    assert is_nan(rec["02"]["Kinder_u15"]) and rec["02"]["Kinder_u15_flag"] == "x"
    assert rec["03"]["Name"] == "Nordstadt an der Mühle"
    assert rec["03"]["Einwohner"] == 0 and rec["03"]["Einwohner_flag"] == "-"
    assert is_nan(rec["03"]["SGB2_Quote"]) and rec["03"]["SGB2_Quote_flag"] == "x"
    assert is_nan(rec["03"]["Kinder_u15"]) and rec["03"]["Kinder_u15_flag"] == "."
    rep = p.report
    pseudo = rep[rep.kind == st.PSEUDO_ROW]
    assert list(pseudo.key) == ["00"] and "Stadt insgesamt" in pseudo.detail.iloc[0]
    assert "line 7" in pseudo.detail.iloc[0]
    sym = rep[rep.kind == st.SYMBOL]
    assert sorted(zip(sym.key, sym.column)) == [
        ("02", "Einwohner"), ("02", "Kinder_u15"), ("03", "Einwohner"), ("03", "Kinder_u15"), ("03", "SGB2_Quote")]


def test_default_year_is_latest_and_wide_pivot(tmp_path):
    path = write(tmp_path, "sozial.csv", OFFICE_CSV, "cp1252")
    raw = st.read_table(path)
    assert st.parse_table(raw, "Ortsteil", key_width=2, year_field="Jahr").year_used == 2025
    p = st.parse_table(raw, "Ortsteil", key_width=2, year_field="Jahr", wide=True, fields=["Einwohner", "SGB2_Quote"])
    assert p.columns == ["Einwohner_2024", "Einwohner_2025", "SGB2_Quote_2024", "SGB2_Quote_2025"]
    assert p.types["Einwohner_2024"] == "int" and p.types["SGB2_Quote_2025"] == "float"
    rec = records(p.frame)
    assert rec["01"]["Einwohner_2024"] == 2594 and rec["01"]["Einwohner_2025"] == 2600
    assert rec["01"]["SGB2_Quote_2024"] == pytest.approx(12.5)
    assert is_nan(rec["02"]["Einwohner_2024"]) and is_nan(rec["02"]["Einwohner_2025"])
    assert rec["02"]["Einwohner_2025_flag"] == "." and rec["01"]["SGB2_Quote_2025_flag"] == "()"
    assert "Einwohner_2024_flag" not in p.frame.columns  # no symbol in 2024


def test_utf8_bom_comma_delimited_decimal_point(tmp_path):
    text = "Schlüssel,Bezirk,Quote,Anzahl\n1,Östliche Vorstadt,3.25,\"1,204\"\n2,Weißensee,10.5,17\n"
    path = write(tmp_path, "bom.csv", text, "utf-8-sig")
    raw = st.read_table(path)
    assert raw.encoding == "UTF-8-BOM" and raw.delimiter == ","
    p = st.parse_table(raw, "Schlüssel", key_width=2)
    assert p.decimal == "point"
    rec = records(p.frame)
    assert rec["01"]["Bezirk"] == "Östliche Vorstadt" and rec["02"]["Bezirk"] == "Weißensee"
    assert rec["01"]["Quote"] == pytest.approx(3.25) and rec["01"]["Anzahl"] == 1204
    assert p.types["Anzahl"] == "int"


def test_tab_utf8(tmp_path):
    path = write(tmp_path, "tab.txt", "Ortsteil\tKinder\n01\t12\n02\t3,5\n", "utf-8")
    raw = st.read_table(path)
    assert raw.encoding == "UTF-8" and raw.delimiter == "\t"
    p = st.parse_table(raw, "Ortsteil")
    assert p.types["Kinder"] == "float"
    assert list(p.frame.Kinder) == [12.0, 3.5]


def test_overrides_encoding_delimiter_decimal(tmp_path):
    path = write(tmp_path, "x.csv", "Ortsteil;Wert\n01;1.500\n02;2.250\n", "utf-8")
    raw = st.read_table(path, encoding="Windows-1252", delimiter=";")
    assert raw.encoding == "Windows-1252"
    assert list(st.parse_table(raw, "Ortsteil").frame.Wert) == [1500.0, 2250.0]
    assert list(st.parse_table(raw, "Ortsteil", decimal="point").frame.Wert) == [1.5, 2.25]
    with pytest.raises(st.TableError, match="UTF-8"):
        st.read_table(write(tmp_path, "y.csv", "Ortsteil;Name\n01;Mühle\n", "cp1252"), encoding="UTF-8")


def test_keys_1_01_space01_and_hint(tmp_path):
    path = write(tmp_path, "k.csv", "OT;Wert\n1;10\n 02 ;20\n03;30\n", "utf-8")
    raw = st.read_table(path)
    p = st.parse_table(raw, "OT")
    m = st.match_keys(p, ["01", "02", "03"])
    assert m.matched == 2 and m.table_only == ["1"] and m.district_only == ["01"]
    assert m.suggested_width == 2
    assert any("KEY_WIDTH = 2" in line for line in st.summary_lines(m))
    p2 = st.parse_table(raw, "OT", key_width=2)
    m2 = st.match_keys(p2, ["01", "02", "03"], key_width=2)
    assert m2.matched == 3 and not m2.table_only and not m2.district_only
    assert list(m2.joined.Wert) == [10, 20, 30]
    # integer district keys (a numeric field) are normalised the same way
    m3 = st.match_keys(p2, [1, 2, 3, 4], key_width=2)
    assert m3.matched == 3 and m3.district_only == ["04"]
    assert is_nan(m3.joined.Wert.iloc[3])


def test_duplicate_keys_first_kept_and_reported(tmp_path):
    path = write(tmp_path, "d.csv", "OT;Wert\n01;10\n02;20\n01;99\n", "utf-8")
    p = st.parse_table(st.read_table(path), "OT")
    assert records(p.frame)["01"]["Wert"] == 10
    dup = p.report[p.report.kind == st.DUPLICATE_KEY]
    assert list(dup.key) == ["01"] and "line 4" in dup.detail.iloc[0] and "line 2" in dup.detail.iloc[0]


def test_text_in_numeric_column(tmp_path):
    path = write(tmp_path, "t.csv", "OT;Wert;Quote\n01;10;1,5\n02;k.A.;2,5\n03;30;n/a\n04;40;3\n", "utf-8")
    p = st.parse_table(st.read_table(path), "OT")
    assert p.types == {"Wert": "int", "Quote": "float"}
    rec = records(p.frame)
    assert is_nan(rec["02"]["Wert"]) and is_nan(rec["03"]["Quote"])
    nan_rows = p.report[p.report.kind == st.NOT_A_NUMBER]
    assert sorted(zip(nan_rows.key, nan_rows.column)) == [("02", "Wert"), ("03", "Quote")]
    assert "k.A." in nan_rows.detail.iloc[0] and "line 3" in nan_rows.detail.iloc[0]


def test_leading_zero_columns_stay_text(tmp_path):
    path = write(tmp_path, "z.csv", "OT;SB;Wert\n01;01;5\n02;02;6\n", "utf-8")
    p = st.parse_table(st.read_table(path), "OT")
    assert p.types["SB"] == "text" and list(p.frame.SB) == ["01", "02"]


def test_pseudo_rows_various(tmp_path):
    text = ("OT;Name;Wert\n01;A;1\nSUM;;10\n;keine Angabe;2\n99;nicht zuordenbar;3\nInsgesamt;;16\n;;5\n")
    p = st.parse_table(st.read_table(write(tmp_path, "p.csv", text, "utf-8")), "OT")
    assert list(p.frame.key) == ["01"]
    pseudo = p.report[p.report.kind == st.PSEUDO_ROW]
    assert len(pseudo) == 5


def test_empty_file_and_missing_key_column(tmp_path):
    with pytest.raises(st.TableError, match="empty"):
        st.read_table(write(tmp_path, "e.csv", "", "utf-8"))
    with pytest.raises(st.TableError, match="empty"):
        st.read_table(write(tmp_path, "e2.csv", "\r\n\r\n", "utf-8"))
    raw = st.read_table(write(tmp_path, "m.csv", "OT;Wert\n01;1\n", "utf-8"))
    with pytest.raises(st.TableError, match=r"'Ortsteil' \(TABLE_KEY\).*Columns: OT, Wert"):
        st.parse_table(raw, "Ortsteil")
    with pytest.raises(st.TableError, match="no data rows"):
        st.parse_table(st.read_table(write(tmp_path, "h.csv", "OT;Wert\n", "utf-8")), "OT")
    with pytest.raises(st.TableError, match="YEAR_FIELD"):
        st.parse_table(raw, "OT", year_field="Jahr")
    with pytest.raises(st.TableError, match="FIELDS"):
        st.parse_table(raw, "OT", fields=["Nix"])
    with pytest.raises(st.TableError, match="does not exist"):
        st.read_table(str(tmp_path / "nothere.csv"))


def test_missing_year(tmp_path):
    path = write(tmp_path, "sozial.csv", OFFICE_CSV, "cp1252")
    with pytest.raises(st.TableError, match="Years: 2024, 2025"):
        st.parse_table(st.read_table(path), "Ortsteil", year_field="Jahr", year=2019)


def _workbook(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hinweise"
    ws.append(["Diese Datei enthält Daten des Amtes für Statistik."])
    ws2 = wb.create_sheet("Daten 2025")
    ws2.append(["Tabelle 3: Sozialdaten"])
    ws2.append([])
    ws2.append(["Ortsteil", "Name", "Einwohner", "Quote"])
    ws2.append([1, "Altstadt", 2594, 12.5])          # Excel turned "01" into 1
    ws2.append(["02", "Bahnhofsviertel", ".", "7,4"])  # text cells from a German export
    ws2.append([3.0, "Nordstadt", 2222222222, "(3,5)"])
    ws2.append(["Insgesamt", None, 5000, 9.9])
    ws2.append([])
    ws2.append(["Quelle: Statistikamt"])
    wb.save(path)


def test_xlsx_several_sheets(tmp_path):
    path = str(tmp_path / "daten.xlsx")
    _workbook(path)
    assert st.sheet_names(path) == ["Hinweise", "Daten 2025"]
    with pytest.raises(st.TableError, match="Ortsteil"):
        st.parse_table(st.read_table(path), "Ortsteil")  # first sheet has no such column
    with pytest.raises(st.TableError, match="Sheets: Hinweise, Daten 2025"):
        st.read_table(path, sheet="Daten 2024")
    raw = st.read_table(path, sheet="Daten 2025")
    assert raw.encoding is None and raw.sheet == "Daten 2025"
    p = st.parse_table(raw, "Ortsteil", key_width=2)
    assert p.header_row == 2
    assert p.notes == ["Quelle: Statistikamt"]
    rec = records(p.frame)
    assert list(rec) == ["01", "02", "03"]
    assert rec["01"]["Einwohner"] == 2594 and rec["01"]["Quote"] == pytest.approx(12.5)
    assert is_nan(rec["02"]["Einwohner"]) and rec["02"]["Einwohner_flag"] == "."
    assert rec["02"]["Quote"] == pytest.approx(7.4)
    assert rec["03"]["Einwohner"] == 0 and rec["03"]["Einwohner_flag"] == "-"
    assert rec["03"]["Quote"] == pytest.approx(3.5) and rec["03"]["Quote_flag"] == "()"
    assert list(p.report[p.report.kind == st.PSEUDO_ROW].key) == ["Insgesamt"]
    assert st.read_table(path, sheet="1").sheet == "Daten 2025"


def test_ods(tmp_path):
    path = str(tmp_path / "daten.ods")
    df = pd.DataFrame({"OT": ["01", "02", "03"], "Name": ["Aue", "Höhe", "Stadt gesamt"],
                       "Kinder": [12, 7, 19], "Quote": ["1,5", "x", "2,0"]})
    with pd.ExcelWriter(path, engine="odf") as writer:
        df.to_excel(writer, sheet_name="Tabelle1", index=False)
    raw = st.read_table(path)
    p = st.parse_table(raw, "OT")
    rec = records(p.frame)
    assert list(rec) == ["01", "02"]
    assert rec["02"]["Name"] == "Höhe" and rec["02"]["Kinder"] == 7
    assert rec["01"]["Quote"] == pytest.approx(1.5)
    assert is_nan(rec["02"]["Quote"]) and rec["02"]["Quote_flag"] == "x"


def test_records_from_layer():
    raw = st.raw_from_records(["key", "wert"], [["01", 3], ["02", None], ["03", "-"]], source="layer")
    p = st.parse_table(raw, "key")
    assert p.types["wert"] == "int"
    rec = records(p.frame)
    assert rec["01"]["wert"] == 3 and is_nan(rec["02"]["wert"]) and rec["03"]["wert"] == 0


def test_match_report_and_summary():
    raw = st.raw_from_records(["OT", "v"], [["01", 1], ["02", 2], ["07", 7]])
    p = st.parse_table(raw, "OT")
    m = st.match_keys(p, ["01", "02", "03", None, "02"])
    assert m.matched == 3
    assert m.table_only == ["07"] and m.district_only == ["03", ""]
    assert list(m.joined.v.iloc[[0, 1, 4]]) == [1, 2, 2]
    kinds = list(m.report.kind)
    assert kinds.count(st.TABLE_ONLY) == 1 and kinds.count(st.DISTRICT_ONLY) == 2
    assert kinds.count(st.DUPLICATE_KEY) == 1
    lines = st.summary_lines(m)
    assert lines[0] == "3 of 5 districts matched a table row."
    assert "03" in lines[1] and "07" in lines[2]
    assert list(m.report.columns) == ["key", "kind", "column", "detail"]


# ---------------------------------------------------------------- tables as they really arrive (issue 13)
@pytest.mark.parametrize("cell,value", [("-  23", -23.0), ("-  23    ", -23.0), ("\u2013 23", -23.0),
                                        ("\u221223", -23.0), ("\u2212 1 675", -1675.0), ("- 3,5", -3.5)])
def test_german_negatives(cell, value):
    assert st.parse_number(cell, "comma") == (value, None, "ok")


def test_dash_alone_is_still_the_zero_symbol():
    assert st.parse_number("\u2013", "comma") == (0.0, "-", "symbol")
    assert st.parse_number("-", "comma") == (0.0, "-", "symbol")


def test_multirow_merged_header_takes_row_of_short_names():
    # title, group header (key name only here, as in a merged A2:A4), short names, long descriptions, data
    rows = [["Statistische Daten zu den Stadtteilen", None, None, None],
            ["Stadtgebiet", "Bevölkerung 31.12.", None, "Soziales"],
            [None, "Einwohner", "unter 18", "SGB II"],
            [None, "Anzahl der Einwohner", "Anzahl der Kinder und Jugendlichen unter 18 Jahren", "Leistungsempfänger"],
            ["Altstadt", 1675, 162, 186],
            ["Neustadt", 12301, 1334, "-  23"]]
    raw = st.RawTable(rows=rows, source="hh.xlsx", merged=[(1, 0, 3, 0), (1, 1, 1, 2)])
    info = st.detect_header(raw)
    assert info.index == 2 and info.names == ["Stadtgebiet", "Einwohner", "unter 18", "SGB II"]
    assert info.below == [3] and info.first_data == 4 and info.candidates == [1, 2, 3]
    p = st.parse_table(raw, "Stadtgebiet")
    rec = records(p.frame)
    assert list(rec) == ["Altstadt", "Neustadt"]
    assert rec["Neustadt"]["SGB II"] == -23 and rec["Altstadt"]["unter 18"] == 162
    # without the merge information the name above is taken (a CSV export of the same sheet)
    raw.merged = []
    assert st.detect_header(raw).names[0] == "Stadtgebiet"
    # the row can be chosen: the group row gives other names (and rows 3-4 are skipped as descriptions)
    chosen = st.detect_header(raw, 2)
    assert not chosen.auto and chosen.names[:2] == ["Stadtgebiet", "Bevölkerung 31.12."]
    assert st.parse_table(raw, "Stadtgebiet", header_row=2).header_row == 1
    with pytest.raises(st.TableError, match="HEADER_ROW"):
        st.detect_header(raw, 99)


def test_unnamed_key_column_is_accepted_back_genesis_style(tmp_path):
    text = ("GENESIS-Tabelle: 12411-01-01-4\n"
            "Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale;;;;\n"
            ";;Stichtag;Stichtag;Stichtag\n"
            ";;31.12.2018;31.12.2018;31.12.2018\n"
            ";;Insgesamt;männlich;weiblich\n"
            "DG;Deutschland;83019213;40966691;42052522\n"
            "01001;      Flensburg, Kreisfreie Stadt;89504;44599;44905\n"
            "03152;      Göttingen, Landkreis;-;-;-\n"
            "__________\n"
            "\"Stand: 21.03.2020\"\n")
    raw = st.read_table(write(tmp_path, "g.csv", text, "cp1252"))
    assert st.preview_columns(raw) == ["column_1", "column_2", "Insgesamt", "männlich", "weiblich"]
    p = st.parse_table(raw, "column_1")
    rec = records(p.frame)
    assert list(rec) == ["DG", "01001", "03152"]
    assert rec["01001"]["Insgesamt"] == 89504 and rec["01001"]["column_2"] == "Flensburg, Kreisfreie Stadt"
    assert rec["03152"]["weiblich"] == 0 and rec["03152"]["weiblich_flag"] == "-"
    assert p.notes == ["__________", "Stand: 21.03.2020"]


def test_group_headings_between_data_rows_do_not_end_the_table(tmp_path):
    lines = ["Ortsteil;Name;Einwohner"]
    for b, name in enumerate(["Mitte", "Nord", "Ost", "Süd", "West"]):
        lines.append("Stadtbezirk {};;".format(name))
        for k in range(4 if b < 4 else 3):
            code = "{:02d}".format(b * 4 + k + 1)
            lines.append("{};Ortsteil {};{}".format(code, code, 1000 + b * 4 + k))
    lines += ["", "Quelle: Amt für Statistik;;"]
    p = st.parse_table(st.read_table(write(tmp_path, "jb.csv", "\n".join(lines) + "\n", "utf-8")), "Ortsteil")
    assert len(p.frame) == 19 and list(p.frame["key"])[-1] == "19"
    assert p.group_headings == ["Stadtbezirk Mitte", "Stadtbezirk Nord", "Stadtbezirk Ost", "Stadtbezirk Süd",
                                "Stadtbezirk West"]
    assert (p.report.kind == st.GROUP_HEADING).sum() == 5
    assert p.notes == ["Quelle: Amt für Statistik"]
    match = st.match_keys(p, ["{:02d}".format(i) for i in range(1, 20)])
    assert match.matched == 19 and not match.district_only


def test_utf8_bom_followed_by_windows1252_lines(tmp_path):
    data = (b"\xef\xbb\xbfOrtsteil;Name;Kinder\n" + "01;Gr\u00fcnau;12\n".encode("utf-8")
            + "02;M\u00f6ckern;7\n03;Stra\u00dfe;5\n".encode("cp1252"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    raw = st.read_table(str(path))
    assert raw.encoding == "UTF-8-BOM + Windows-1252"
    assert len(raw.warnings) == 1 and "2 line(s)" in raw.warnings[0] and "lines 3, 4" in raw.warnings[0]
    rec = records(st.parse_table(raw, "Ortsteil").frame)
    assert [rec[k]["Name"] for k in ("01", "02", "03")] == ["Grünau", "Möckern", "Straße"]
    assert "\ufffd" not in "".join(rec[k]["Name"] for k in rec)


def test_plain_windows1252_has_no_mixed_warning(tmp_path):
    raw = st.read_table(write(tmp_path, "w.csv", OFFICE_CSV, "cp1252"))
    assert raw.encoding == "Windows-1252" and raw.warnings == []


def test_unicode_normalised_keys_and_case_hint():
    raw = st.raw_from_records(["name", "wert"], [["Zentrum-Su\u0308d", 1], ["Alt\u00a0 Stadt ", 2],
                                                 ["Gohlis-nord", 3]])
    p = st.parse_table(raw, "name")
    match = st.match_keys(p, ["Zentrum-S\u00fcd", "Alt Stadt", "Gohlis-Nord"])
    assert match.matched == 2
    assert list(match.joined["wert"][:2]) == [1, 2] and is_nan(match.joined["wert"][2])
    assert match.case_only == [("Gohlis-nord", "Gohlis-Nord")]
    lines = st.summary_lines(match)
    assert any("upper/lower case" in ln and "'Gohlis-nord' / 'Gohlis-Nord'" in ln for ln in lines)


def test_duplicate_district_keys_reported():
    p = st.parse_table(st.raw_from_records(["k", "v"], [["01", 1], ["02", 2]]), "k")
    match = st.match_keys(p, ["01", "02", "02"])
    assert match.matched == 3
    dup = match.report[match.report.kind == st.DUPLICATE_KEY]
    assert list(dup.key) == ["02"] and "2 districts have the key '02'" in dup.detail.iloc[0]
    assert any("shared by several districts" in ln and "02" in ln for ln in st.summary_lines(match))


def test_missing_codes_only_where_the_column_cannot_take_them():
    rows = [["01", "4,2", "1,5", "-9999", "-12000", "3"],
            ["02", "-9999", "-2,2", "-9999", "-9999", "5"],
            ["03", "6,1", "-9999", "-9999", "4000", "-99999"]]
    raw = st.raw_from_records(["k", "share", "change", "empty", "saldo", "count"], rows)
    p = st.parse_table(raw, "k")
    rec = records(p.frame)
    # share (others >= 0) and change (-9999 far outside -2.2..1.5) and an all-code column: NULL + flag
    assert is_nan(rec["02"]["share"]) and rec["02"]["share_flag"] == "-9999"
    assert is_nan(rec["03"]["change"]) and rec["03"]["change_flag"] == "-9999"
    assert all(is_nan(rec[k]["empty"]) for k in rec)
    assert is_nan(rec["03"]["count"]) and rec["03"]["count_flag"] == "-99999"
    # a migration balance from -12000 to 4000 can be -9999: kept as a number and reported
    assert rec["02"]["saldo"] == -9999
    assert p.missing_codes == 1 + 1 + 3 + 1
    assert (p.report.kind == st.MISSING_CODE).sum() == 6
    kept = p.report[p.report.kind == st.CODE_KEPT]
    assert list(kept.column) == ["saldo"] and "from -12000 to 4000" in kept.detail.iloc[0]
    # no codes: the numbers stay
    q = records(st.parse_table(raw, "k", missing_codes=()).frame)
    assert q["02"]["share"] == -9999
    assert st.parse_missing_codes("-9999; -1") == [-9999.0, -1.0] and st.parse_missing_codes("") == []
    with pytest.raises(st.TableError, match="MISSING_CODES"):
        st.parse_missing_codes("-9999;abc")


def test_json_records_and_records_under_one_key(tmp_path):
    import json

    recs = [{"ot": "01", "wert": "12", "extra": {"a": 1}}, {"ot": "02", "wert": 7.5}]
    a = tmp_path / "a.json"
    a.write_text(json.dumps(recs), encoding="utf-8")
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"meta": {"x": 1}, "daten": recs}), encoding="utf-8")
    c = tmp_path / "c.csv"   # JSON delivered with a .csv name
    c.write_text(json.dumps({"daten": recs}), encoding="utf-8")
    for path in (a, b, c):
        raw = st.read_table(str(path))
        assert raw.fixed_header and raw.rows[0] == ["ot", "wert", "extra"]
        rec = records(st.parse_table(raw, "ot").frame)
        assert rec["01"]["wert"] == 12 and rec["02"]["wert"] == 7.5
        assert rec["01"]["extra"] == '{"a": 1}'
    bad = tmp_path / "bad.json"
    bad.write_text('{"daten": {"a": 1}}', encoding="utf-8")
    with pytest.raises(st.TableError, match="holds no table"):
        st.read_table(str(bad))
    broken = tmp_path / "broken.json"
    broken.write_text('[{"a": 1}', encoding="utf-8")
    with pytest.raises(st.TableError, match="not valid JSON"):
        st.read_table(str(broken))


def test_csv_error_becomes_table_error():
    data = b'Ortsteil;Name\n01;"' + b"x" * 200000 + b'\n'   # an unclosed quote: field larger than the limit
    with pytest.raises(st.TableError, match="not a readable CSV line"):
        st.read_text(data, source="x.csv")


def test_spread_field_long_by_indicator():
    raw = st.raw_from_records(
        ["name", "wert", "jahr", "ortsteil"],
        [["Einwohner insgesamt", "100", "2023", "Zentrum"], ["   Männer", "40", "2023", "Zentrum"],
         ["Einwohner insgesamt", "110", "2024", "Zentrum"], ["   Männer", "45", "2024", "Zentrum"],
         ["Einwohner insgesamt", "900", "2024", None], ["Einwohner insgesamt", "70", "2024", "Lindenau"]])
    p = st.parse_table(raw, "ortsteil", year_field="jahr", year=2024, spread_field="name", fields=["wert"])
    rec = records(p.frame)
    assert p.columns == ["Einwohner insgesamt", "Männer"]
    assert rec["Zentrum"]["Einwohner insgesamt"] == 110 and rec["Zentrum"]["Männer"] == 45
    assert rec["Lindenau"]["Einwohner insgesamt"] == 70 and is_nan(rec["Lindenau"]["Männer"])
    assert (p.report.kind == st.PSEUDO_ROW).sum() == 1       # the city record without an Ortsteil
    with pytest.raises(st.TableError, match="SPREAD_FIELD"):
        st.parse_table(raw, "ortsteil", spread_field="fehlt")
