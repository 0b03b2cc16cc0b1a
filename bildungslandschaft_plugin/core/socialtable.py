"""Read German statistics tables and join them to districts.

Plain Python/pandas, no QGIS. Used by the ``joinsocialdata`` algorithm and
the "Sozialdaten verknüpfen" dialog, so both behave identically.

Pipeline::

    raw = read_table(path, encoding="auto", delimiter="auto", sheet=None)   # RawTable
    parsed = parse_table(raw, key_column="Ortsteil", decimal="auto", key_width=2,
                         year_field="Jahr", year=2025)                       # ParsedTable
    match = match_keys(parsed, district_keys, key_width=2)                   # MatchResult
    match.joined      # DataFrame, one row per district (same order), NaN/None where unmatched
    match.report      # DataFrame key, kind, column, detail

What is handled (see ``docs/social_data.md``):

* encodings UTF-8, UTF-8 with BOM, UTF-16 with BOM, Windows-1252 (auto-detected);
* delimiters ``;``, ``,`` and tab (sniffed);
* decimal comma or point (detected), thousands dots, spaces, percent signs;
* title lines above the column row and notes below the data;
* keys: surrounding blanks, Excel numbers (``1`` / ``1.0`` for "01"), a leading
  apostrophe, padding with leading zeros to ``key_width``;
* total and pseudo rows (Insgesamt, Stadt gesamt, SUM, keine Angabe, ...);
* official-statistics symbols (``-`` is exactly zero, ``.`` ``x`` ``...`` ``/`` ``*``
  are missing) and their numeric codes (2222222222 ...), values in brackets and with
  ``p``/``r``/``s``/``e`` markers (usable numbers, flag kept);
* long tables (pick one year) and wide pivots (``<field>_<year>``);
* multi-row and merged headers: the column row is detected once (:func:`detect_header`,
  shared by the dialog and the algorithm) as the row of short names above the first
  data row; an empty cell takes the name of a merged cell or of the header cell above
  it, an unnamed column is called ``column_<n>`` (n = its position, 1-based) and that
  name is accepted back as a key column; description and unit rows below the column
  row are skipped;
* one-cell group headings between data rows ("Stadtbezirk Mitte") are skipped and
  reported, they do not end the table;
* a UTF-8 file with Windows-1252 lines (decoded line by line, with a warning);
* keys compared after Unicode normalisation (NFC, blanks, no-break spaces); keys that
  differ only in upper/lower case are not matched but named in a hint;
* German negatives (``-  23``, ``– 23``, ``−23``);
* missing-value codes (``-9999`` ...) where the column cannot take that value;
* JSON tables (a list of records, or the records under one key, or a GeoJSON).
"""

import csv
import io
import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._tr import tr

# -- report kinds -------------------------------------------------------------
TABLE_ONLY = "table_only"
DISTRICT_ONLY = "district_only"
DUPLICATE_KEY = "duplicate_key"
SYMBOL = "symbol"
NOT_A_NUMBER = "not_a_number"
PSEUDO_ROW = "pseudo_row"
GROUP_HEADING = "group_heading"
MISSING_CODE = "missing_code"
CODE_KEPT = "code_kept"
REPORT_COLUMNS = ["key", "kind", "column", "detail"]

# -- options --------------------------------------------------------------------
ENCODINGS = ["auto", "UTF-8", "Windows-1252"]
DELIMITERS = ["auto", ";", ",", "\t"]
DECIMALS = ["auto", "comma", "point"]
TEXT_EXTENSIONS = (".csv", ".txt", ".tsv", ".tab")
JSON_EXTENSIONS = (".json", ".geojson")
DEFAULT_MISSING_CODES = (-9999.0, -99999.0, -999999.0)
DEFAULT_MISSING_CODES_TEXT = "-9999;-99999;-999999"
SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")

# -- official-statistics symbols ------------------------------------------------
ZERO_SYMBOL = "-"
SYMBOL_MEANINGS = {
    "-": "nothing, exactly zero",
    ".": "unknown or kept secret",
    "x": "cell blocked, not meaningful",
    "...": "not yet available",
    "/": "too uncertain to publish",
    "*": "suppressed",
}
_SYMBOL_SPELLINGS = {
    "-": "-", "\u2013": "-", "\u2014": "-",
    ".": ".", "x": "x", "X": "x",
    "...": "...", "\u2026": "...", "..": "...",
    "/": "/", "*": "*",
}
NUMERIC_CODES = {
    2222222222: "-",
    5555555555: ".",
    6666666666: "x",
    7777777777: "/",
    8888888888: "...",
}
MARKERS = ("p", "r", "s", "e")

_PSEUDO_RE = re.compile(
    r"\b(insgesamt|gesamt|gesamtstadt|summe|sum|total|zusammen|keine\s+angaben?|ohne\s+angaben?|"
    r"nicht\s+zuordenbar|nicht\s+zuzuordnen|nicht\s+zuordnungsf\u00e4hig|unbekannt)\b",
    re.IGNORECASE)
_NOTE_RE = re.compile(
    r"^\s*(quelle|quellen|anmerkung|anmerkungen|hinweis|hinweise|fu\u00dfnote|fussnote|stand\b|"
    r"erl\u00e4uterung|zeichenerkl\u00e4rung|source|note|\d\)|\*\))",
    re.IGNORECASE)
_WS_RE = re.compile(r"\s+")


class TableError(ValueError):
    """A table that cannot be read; the message names the file, row or column."""


@dataclass
class RawTable:
    """Cells of a table as read from the file (strings, or numbers from spreadsheets)."""

    rows: list
    source: str = ""
    encoding: str = None      # "UTF-8", "UTF-8-BOM", "UTF-16", "Windows-1252"; None for spreadsheets/layers
    delimiter: str = None     # ";", ",", "\t"; None for spreadsheets/layers
    sheets: list = field(default_factory=list)
    sheet: str = None
    row_label: str = "row"    # "line" for text files
    warnings: list = field(default_factory=list)   # problems met while reading (mixed encodings ...)
    merged: list = field(default_factory=list)     # merged cell ranges (r0, c0, r1, c1), 0-based, inclusive
    fixed_header: bool = False                     # records (layers, JSON): row 0 is the header, no detection


@dataclass
class HeaderInfo:
    """Where the column row is and what the columns are called (see :func:`detect_header`)."""

    index: int                # 0-based row of the column names
    names: list               # unique column names
    auto: bool = True         # detected (True) or chosen (False)
    first_data: int = None    # 0-based index of the first data row (None: not found)
    candidates: list = field(default_factory=list)   # 0-based rows that could be the column row
    below: list = field(default_factory=list)        # rows between the column row and the data (skipped)
    empty_columns: list = field(default_factory=list)  # columns without a name and without values


@dataclass
class ParsedTable:
    """A typed table: one row per key (or per key and year before pivoting)."""

    frame: pd.DataFrame       # column "key" (normalised text) + value columns + flag columns
    key_column: str
    columns: list             # value columns in output order (without flag columns)
    types: dict               # column -> "int" | "float" | "text"
    flag_columns: dict        # value column -> its "<column>_flag" column
    report: pd.DataFrame
    decimal: str
    header_row: int           # 0-based index of the column row in RawTable.rows
    notes: list               # note lines below the data (text)
    years: list = field(default_factory=list)
    year_used: object = None
    all_columns: list = field(default_factory=list)  # every column of the header row
    header: HeaderInfo = None
    group_headings: list = field(default_factory=list)  # texts of one-cell heading rows between data rows
    missing_codes: int = 0    # cells that held a missing-value code (now NULL)


@dataclass
class MatchResult:
    joined: pd.DataFrame      # one row per district, in the districts' order
    district_keys: list       # normalised district keys
    matched: int
    table_only: list
    district_only: list
    report: pd.DataFrame
    suggested_width: int = 0  # >0 when padding the table keys to this width would match more keys
    case_only: list = field(default_factory=list)  # (table key, district key) pairs differing only in case


# =============================================================================
# Reading
# =============================================================================
def _decode_per_line(data):
    """(text, [1-based numbers of the lines read as Windows-1252]): UTF-8 where a line is valid UTF-8."""
    out, legacy = [], []
    for n, line in enumerate(data.split(b"\n"), 1):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            legacy.append(n)
    return "\n".join(out), legacy


def decode_auto(data):
    """Detect the encoding of *data* -> (text, encoding name, lines read as Windows-1252 in a UTF-8 file).

    A UTF-8 file (with or without BOM) in which some lines are Windows-1252 (a file
    appended to by another program) is decoded line by line; the third item lists
    those lines so that the caller can warn.
    """
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16"), "UTF-16", []
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), ("UTF-8-BOM" if bom else "UTF-8"), []
    except UnicodeDecodeError:
        pass
    text, legacy = _decode_per_line(body)
    utf8_lines = [ln for n, ln in enumerate(text.split("\n"), 1)
                  if n not in set(legacy) and any(ord(ch) > 127 for ch in ln)]
    if bom or utf8_lines:
        return text, ("UTF-8-BOM" if bom else "UTF-8") + " + Windows-1252", legacy
    return body.decode("cp1252", errors="replace"), "Windows-1252", []


def decode(data, encoding="auto"):
    """Decode *data* (bytes) -> (text, encoding name)."""
    encoding = encoding or "auto"
    if encoding == "auto":
        text, name, _legacy = decode_auto(data)
        return text, name
    if encoding.upper().replace("_", "-") in ("UTF-8", "UTF8", "UTF-8-BOM", "UTF-8-SIG"):
        name = "UTF-8-BOM" if data.startswith(b"\xef\xbb\xbf") else "UTF-8"
        try:
            return data.decode("utf-8-sig"), name
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise TableError(tr(
                "The file is not valid UTF-8 (line {0}). Choose the encoding Windows-1252 "
                "or 'auto'.").format(line)) from exc
    if encoding.upper().replace("_", "-") in ("WINDOWS-1252", "CP1252", "LATIN-1", "ISO-8859-1"):
        return data.decode("cp1252", errors="replace"), "Windows-1252"
    raise TableError(tr("Unknown encoding '{0}'; use auto, UTF-8 or Windows-1252.").format(encoding))


def sniff_delimiter(text):
    """The most consistent of ``;``, tab and ``,`` over the first lines of *text*."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:60]
    best, best_score = ";", 0
    for cand in (";", "\t", ","):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=cand)]
        except csv.Error:
            continue
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = max(set(multi), key=lambda c: (multi.count(c), c))
        score = multi.count(mode)
        if score > best_score:
            best, best_score = cand, score
    return best


def _line_list(numbers, limit=10):
    text = ", ".join(str(n) for n in numbers[:limit])
    return text + (" …" if len(numbers) > limit else "")


def read_text(data, encoding="auto", delimiter="auto", source=""):
    """A RawTable from the bytes of a CSV/TXT file (a file holding JSON is read as JSON)."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise TableError(tr("The table file {0} is empty.").format(source or ""))
    warnings = []
    if (encoding or "auto") == "auto":
        text, enc, legacy = decode_auto(data)
        if legacy:
            warnings.append(tr("{0} is UTF-8, but {1} line(s) are not (lines {2}); they were read as "
                               "Windows-1252. Check the names in these lines.").format(
                source or tr("The table"), len(legacy), _line_list(legacy)))
    else:
        text, enc = decode(data, encoding)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        try:
            obj = json.loads(text.lstrip("\ufeff"))
        except ValueError:
            obj = None
        if obj is not None:
            raw = raw_from_json(obj, source)
            raw.encoding = enc
            raw.warnings = warnings + raw.warnings
            return raw
    if delimiter in (None, "", "auto"):
        delimiter = sniff_delimiter(text)
    elif delimiter.lower() in ("tab", "\\t"):
        delimiter = "\t"
    if delimiter not in (";", ",", "\t"):
        raise TableError(tr("Unknown delimiter '{0}'; use auto, ';', ',' or tab.").format(delimiter))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for r in reader:
            rows.append(list(r))
    except csv.Error as exc:
        raise TableError(tr("{0}, line {1}: not a readable CSV line ({2}).").format(
            source or tr("The table"), reader.line_num, exc)) from exc
    return RawTable(rows=rows, source=source, encoding=enc, delimiter=delimiter, row_label="line",
                    warnings=warnings)


def _json_cell(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def raw_from_json(obj, source=""):
    """A RawTable from parsed JSON: a list of records, the records under one key, or a GeoJSON.

    Raises TableError when the JSON holds no list of records.
    """
    records, where, warnings = None, "", []
    if isinstance(obj, list):
        records = obj
    elif isinstance(obj, dict):
        if obj.get("type") == "FeatureCollection" and isinstance(obj.get("features"), list):
            records = [f.get("properties") or {} for f in obj["features"] if isinstance(f, dict)]
            where = "features"
        else:
            lists = [(k, v) for k, v in obj.items()
                     if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
            if lists:
                lists.sort(key=lambda kv: -len(kv[1]))
                where, records = lists[0]
                if len(lists) > 1:
                    warnings.append(tr("The JSON {0} has several lists of records ({1}); the longest, "
                                       "'{2}', is read.").format(source, ", ".join(k for k, _v in lists), where))
    if not records or not all(isinstance(r, dict) for r in records):
        raise TableError(tr(
            "The JSON {0} holds no table: expected a list of records ([{{...}}, ...]) or an object with one "
            "list of records (e.g. {{\"daten\": [...]}}).").format(source))
    header = []
    seen = set()
    for rec in records:
        for k in rec:
            if k not in seen:
                seen.add(k)
                header.append(k)
    rows = [[str(k) for k in header]] + [[_json_cell(rec.get(k)) for k in header] for rec in records]
    label = "record"
    raw = RawTable(rows=rows, source=source, row_label=label, warnings=warnings, fixed_header=True)
    raw.json_path = where
    return raw


def _spreadsheet_engine(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".ods":
        module, package, engine = "odf", "python3-odf (pip: odfpy)", "odf"
    elif ext == ".xls":
        module, package, engine = "xlrd", "python3-xlrd (pip: xlrd)", "xlrd"
    else:
        module, package, engine = "openpyxl", "python3-openpyxl (pip: openpyxl)", "openpyxl"
    try:
        __import__(module)
    except ImportError as exc:
        raise TableError(tr(
            "Reading {0} files needs the Python package '{1}', which is not installed. "
            "Install {2} (Debian/Ubuntu: sudo apt install {3}; Windows: OSGeo4W shell "
            "'python -m pip install {1}'), or save the table as CSV.").format(
                ext, module, package, package.split(" ")[0])) from exc
    return engine


def sheet_names(path):
    """Names of the sheets of a spreadsheet file."""
    engine = _spreadsheet_engine(path)
    try:
        with pd.ExcelFile(path, engine=engine) as book:
            return list(book.sheet_names)
    except TableError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader error becomes a clear message
        raise TableError(tr("Could not read the spreadsheet {0}: {1}").format(path, exc)) from exc


def read_spreadsheet(path, sheet=None):
    """A RawTable from one sheet of an XLSX/ODS file (first sheet when *sheet* is empty)."""
    engine = _spreadsheet_engine(path)
    try:
        with pd.ExcelFile(path, engine=engine) as book:
            names = list(book.sheet_names)
            if not names:
                raise TableError(tr("The spreadsheet {0} has no sheets.").format(path))
            chosen = _choose_sheet(names, sheet, path)
            df = book.parse(chosen, header=None, dtype=object)
    except TableError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise TableError(tr("Could not read the spreadsheet {0}: {1}").format(path, exc)) from exc
    rows = []
    for rec in df.itertuples(index=False, name=None):
        rows.append([None if (isinstance(v, float) and math.isnan(v)) else v for v in rec])
    if not any(any(cell_text(v) for v in r) for r in rows):
        raise TableError(tr("Sheet '{0}' of {1} is empty.").format(chosen, path))
    return RawTable(rows=rows, source=path, sheets=names, sheet=chosen, row_label="row",
                    merged=_merged_ranges(path, chosen, engine))


def _merged_ranges(path, sheet, engine):
    """Merged cell ranges of an XLSX sheet as (r0, c0, r1, c1), 0-based, inclusive ([] for other formats)."""
    if engine != "openpyxl":
        return []
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=False, data_only=True)
        try:
            ws = book[sheet]
            return [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - merged ranges only improve the column names
        return []


def _choose_sheet(names, sheet, path):
    if sheet in (None, ""):
        return names[0]
    if sheet in names:
        return sheet
    lowered = {n.lower().strip(): n for n in names}
    if str(sheet).lower().strip() in lowered:
        return lowered[str(sheet).lower().strip()]
    if re.fullmatch(r"\d+", str(sheet)) and int(sheet) < len(names):
        return names[int(sheet)]
    raise TableError(tr("Sheet '{0}' is not in {1}. Sheets: {2}").format(
        sheet, path, ", ".join(names)))


def read_table(path, encoding="auto", delimiter="auto", sheet=None):
    """A RawTable from a CSV/TXT, XLSX or ODS file (chosen by extension)."""
    if not path or not os.path.isfile(path):
        raise TableError(tr("The table file {0} does not exist.").format(path))
    ext = os.path.splitext(path)[1].lower()
    if ext in SPREADSHEET_EXTENSIONS:
        if os.path.getsize(path) == 0:
            raise TableError(tr("The table file {0} is empty.").format(path))
        return read_spreadsheet(path, sheet)
    with open(path, "rb") as fh:
        data = fh.read()
    if ext in JSON_EXTENSIONS:
        if not data.strip():
            raise TableError(tr("The table file {0} is empty.").format(path))
        text, enc = decode(data, encoding)
        try:
            obj = json.loads(text.lstrip("\ufeff"))
        except ValueError as exc:
            raise TableError(tr("{0} is not valid JSON: {1}").format(path, exc)) from exc
        raw = raw_from_json(obj, path)
        raw.encoding = enc
        return raw
    return read_text(data, encoding, delimiter, source=path)


def raw_from_records(header, records, source=""):
    """A RawTable from a header and records (e.g. the features of a table layer)."""
    rows = [list(header)] + [list(r) for r in records]
    return RawTable(rows=rows, source=source, row_label="feature", fixed_header=True)


# =============================================================================
# Cells
# =============================================================================
def cell_text(value):
    """The text of a cell: '' for empty, whole floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        if float(value).is_integer():
            return str(int(value))
        return repr(float(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


_KEY_FLOAT_RE = re.compile(r"^(\d+)[.,]0+$")
_KEY_EXP_RE = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")


def normalize_key(value, width=0):
    """A district key as text: stripped, Excel damage undone, padded to *width*.

    ``" 01 "`` -> ``"01"``; ``1`` / ``1.0`` / ``"1,0"`` -> ``"1"`` (``"01"`` with width 2);
    ``"'01"`` -> ``"01"``; ``1.1001E+07`` -> ``"11001000"``. None for empty keys.
    """
    if value is None:
        return None
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        return None
    text = normalize_text(cell_text(value)).strip('"').strip()
    if text.startswith("'"):
        text = text[1:].strip()
    if not text:
        return None
    m = _KEY_FLOAT_RE.match(text)
    if m:
        text = m.group(1)
    elif _KEY_EXP_RE.match(text):
        num = float(text.replace(",", "."))
        if num.is_integer():
            text = str(int(num))
    if width and width > 0 and text.isdigit() and len(text) < width:
        text = text.zfill(width)
    return text


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES_RE = re.compile(r"[\s\u00a0\u2007\u202f]+")


def normalize_text(text):
    """Unicode NFC, no-break and other blanks as one space, invisible characters removed, stripped.

    ``"Zentrum-Su\u0308d"`` (NFD) -> ``"Zentrum-Süd"``; ``"Alt\u00a0 Stadt "`` -> ``"Alt Stadt"``.
    """
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE)
    return _SPACES_RE.sub(" ", text).strip()


def is_pseudo(text):
    """True for total and pseudo rows (Insgesamt, Stadt gesamt, SUM, keine Angabe, ...)."""
    return bool(text) and len(text) <= 60 and _PSEUDO_RE.search(text) is not None


_COMMA_DEC = re.compile(r"[+-]?\d*,\d+")
_COMMA_THOUSANDS_DEC = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d+")
_POINT_DEC = re.compile(r"[+-]?\d*\.\d+")
_POINT_THOUSANDS_DEC = re.compile(r"[+-]?\d{1,3}(,\d{3})+\.\d+")
_NUM_COMMA = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+|\d*\.\d+)(?:,\d+)?|[+-]?,\d+")
_NUM_POINT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\.\d+")
_MARKER_RE = re.compile(r"^(.*?[\d)])\s*([prsePRSE])$")


_NEG_RE = re.compile(r"^[-\u2013\u2014\u2212]\s*(?=[\d(.,])")


def _clean_number_text(text):
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ").strip()
    # German negatives as printed: "-  23", "– 23", "−23" (a dash alone stays the symbol)
    m = _NEG_RE.match(text)
    if m:
        text = "-" + text[m.end():]
    elif text.startswith("\u2212"):
        text = "-" + text[1:]
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)
    if text.endswith("%"):
        text = text[:-1].strip()
    return text


def detect_decimal(cells, delimiter=None):
    """'comma' or 'point' from the text cells of a table (ties: ';' files -> comma)."""
    comma = point = 0
    for cell in cells:
        if not isinstance(cell, str):
            continue
        text = _clean_number_text(cell)
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()
        m = _MARKER_RE.match(text)
        if m:
            text = m.group(1)
        if _COMMA_THOUSANDS_DEC.fullmatch(text):
            comma += 1
        elif _POINT_THOUSANDS_DEC.fullmatch(text):
            point += 1
        elif _COMMA_DEC.fullmatch(text) and len(text.split(",")[1]) != 3:
            comma += 1
        elif _POINT_DEC.fullmatch(text) and len(text.split(".")[1]) != 3:
            point += 1
    if comma > point:
        return "comma"
    if point > comma:
        return "point"
    return "point" if delimiter == "," else "comma"


def parse_number(cell, decimal="comma"):
    """Parse one cell -> (value, flag, status).

    status is ``"ok"`` (a usable number; flag ``"()"``, ``"p"`` ... or None), ``"symbol"``
    (official symbol: value 0.0 for ``-``, NaN otherwise; flag is the symbol), ``"empty"``
    (NaN, no flag) or ``"text"`` (not a number: NaN, flag None).
    """
    if cell is None:
        return math.nan, None, "empty"
    if isinstance(cell, bool):
        return math.nan, None, "text"
    if isinstance(cell, (int, float, np.integer, np.floating)):
        value = float(cell)
        if math.isnan(value):
            return math.nan, None, "empty"
        if value in NUMERIC_CODES:
            sym = NUMERIC_CODES[value]
            return (0.0 if sym == ZERO_SYMBOL else math.nan), sym, "symbol"
        return value, None, "ok"
    text = _clean_number_text(str(cell))
    if not text:
        return math.nan, None, "empty"
    if text in _SYMBOL_SPELLINGS:
        sym = _SYMBOL_SPELLINGS[text]
        return (0.0 if sym == ZERO_SYMBOL else math.nan), sym, "symbol"
    flag = ""
    if len(text) > 2 and text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
        flag += "()"
    m = _MARKER_RE.match(text)
    if m:
        text = m.group(1).strip()
        flag += m.group(2).lower()
    if len(text) > 2 and text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
        flag = "()" + flag
    value = _to_float(text, decimal)
    if value is None:
        return math.nan, None, "text"
    if value in NUMERIC_CODES and not flag:
        sym = NUMERIC_CODES[value]
        return (0.0 if sym == ZERO_SYMBOL else math.nan), sym, "symbol"
    return value, (flag or None), "ok"


def _to_float(text, decimal):
    if decimal == "point":
        if _NUM_POINT.fullmatch(text):
            return float(text.replace(",", ""))
        return None
    if _NUM_COMMA.fullmatch(text):
        if "," in text:
            return float(text.replace(".", "").replace(",", "."))
        # no comma: dots are thousands separators when they group by three
        if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text):
            return float(text.replace(".", ""))
        return float(text)
    return None


# =============================================================================
# Parsing the table
# =============================================================================
def _nonempty(row):
    return sum(1 for v in row if cell_text(v))


def locate_header(rows, key_column=None):
    """0-based index of the column row.

    With *key_column*: the first row that has a cell equal to it (case and blanks
    ignored). Otherwise the first row with at least half as many filled cells as
    the fullest row (title lines above it have one or two cells).
    """
    if key_column:
        want = _WS_RE.sub(" ", str(key_column)).strip().lower()
        for i, row in enumerate(rows[:200]):
            if any(_WS_RE.sub(" ", cell_text(v)).lower() == want for v in row):
                return i
        return None
    counts = [_nonempty(r) for r in rows[:200]]
    if not counts or max(counts) == 0:
        return None
    need = max(2, int(math.ceil(0.5 * max(counts))))
    for i, c in enumerate(counts):
        if c >= need:
            return i
    return 0


def header_names(row):
    """Unique, stripped column names of a header row (an unnamed column i is ``column_<i+1>``)."""
    names, seen = [], {}
    for i, v in enumerate(row):
        name = normalize_text(cell_text(v)) or unnamed_column(i)
        base = name
        n = seen.get(base, 0)
        while name in seen:
            n += 1
            name = "{}_{}".format(base, n + 1)
        seen[base] = n
        seen[name] = seen.get(name, 0)
        names.append(name)
    return names


def unnamed_column(i):
    """The stable name of the unnamed column at 0-based position *i*: ``column_<i+1>``."""
    return "column_{}".format(i + 1)


_UNIT_RE = re.compile(
    r"^(in\s+)?(anzahl|zahl|personen|qkm|km²|km2|m²|ha|%|prozent|eur|euro|€|tsd\.?|1\s?000|je\s+1\s?000.*|"
    r"kalenderjahr|jahr|stichtag)$", re.IGNORECASE)


def _cell_kind(value):
    """'empty', 'number' (not a plausible year), 'year', 'symbol' or 'text'."""
    text = cell_text(value)
    if not text:
        return "empty"
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return "year" if float(value).is_integer() and 1900 <= float(value) <= 2100 else "number"
    if re.fullmatch(r"(19|20)\d\d", text):
        return "year"
    for dec in ("comma", "point"):
        _v, _f, status = parse_number(text, dec)
        if status == "ok":
            return "number"
        if status == "symbol":
            return "symbol"
    return "text"


def _is_data_row(row):
    kinds = [_cell_kind(v) for v in row]
    filled = sum(1 for k in kinds if k != "empty")
    return filled >= 2 and "number" in kinds


def _is_unit_row(row):
    texts = [normalize_text(cell_text(v)) for v in row if cell_text(v)]
    return bool(texts) and all(_UNIT_RE.match(t) for t in texts)


_LINEBREAK_HYPHEN_LOWER = re.compile(r"-[ \t]*\r?\n\s*(?=[a-zäöüß])")
_LINEBREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n\s*")


def header_text(value):
    """A header cell as one line: words hyphenated at a line break joined ("Ins-\\ngesamt" -> "Insgesamt")."""
    text = cell_text(value)
    text = _LINEBREAK_HYPHEN_LOWER.sub("", text)
    text = _LINEBREAK_HYPHEN.sub("-", text)
    return normalize_text(text)


def _header_cell(rows, merged, r, c, top):
    """Name of column *c* seen from header row *r*: the cell, a merged cell covering it, or the cell above."""
    row = rows[r]
    text = header_text(row[c]) if c < len(row) else ""
    if text:
        return text
    for (r0, c0, r1, c1) in merged:
        # a merged cell names the first column it covers (the others of a horizontal merge stay unnamed)
        if r0 <= r <= r1 and c == c0 and r0 < len(rows) and c0 < len(rows[r0]):
            text = header_text(rows[r0][c0])
            if text:
                return text
    for above in range(r - 1, top - 1, -1):
        cells = rows[above]
        if c < len(cells) and cell_text(cells[c]):
            return header_text(cells[c])
    return ""


def _names_of(raw, h, top):
    rows = raw.rows
    ncol = max((len(r) for r in rows[h:h + 200]), default=0)
    ncol = max(ncol, len(rows[h]))
    cells = [_header_cell(rows, raw.merged, h, c, top) for c in range(ncol)]
    return header_names(cells)


def detect_header(raw, header_row=None):
    """Find the column row of *raw* -> :class:`HeaderInfo`. Shared by the dialog and the algorithm.

    *header_row*: None or 0 = detect; otherwise the 1-based row (line) number of the column row.

    Detection: the first data row is the first row with at least two filled cells one of which is a
    number (years and dates do not count). Of the rows above it, those with at least two filled cells
    that are not only units (``Anzahl``, ``qkm``, ``%``) are candidates; the candidate with the most
    distinct names wins, and of candidates within 80 % of that, the one with the shortest names (the
    row of short names, not the long descriptions). Without a data row (text-only tables), the first
    row with at least half as many filled cells as the fullest row is taken.
    """
    rows = raw.rows
    if not rows:
        raise TableError(tr("The table {0} is empty.").format(raw.source))
    limit = min(len(rows), 200)
    first_data = None
    if not raw.fixed_header:
        first_data = next((i for i in range(limit) if _is_data_row(rows[i])), None)
    candidates = []
    if raw.fixed_header:
        candidates = [0]
    elif first_data is not None:
        candidates = [i for i in range(first_data) if not _is_unit_row(rows[i]) and (
            _nonempty(rows[i]) >= 2 or any(cell_text(v) for v in rows[i][1:]))]
    if header_row not in (None, "", 0) and not raw.fixed_header:  # records (layers, JSON): row 0 always
        h = int(header_row) - 1
        if h < 0 or h >= len(rows):
            raise TableError(tr("The column row {0} (HEADER_ROW) is outside the table {1} ({2} rows).").format(
                header_row, raw.source, len(rows)))
        auto = False
    else:
        auto = True
        if raw.fixed_header:
            h = 0
        elif candidates and first_data is not None:
            def distinct(i):
                return len({normalize_text(cell_text(v)).lower() for v in rows[i]
                            if cell_text(v) and _cell_kind(v) in ("text", "year")})
            best = max(distinct(i) for i in candidates)
            close = [i for i in candidates if distinct(i) >= 0.8 * best]

            def mean_length(i):
                texts = [cell_text(v) for v in rows[i] if cell_text(v)]
                return sum(len(t) for t in texts) / float(len(texts))
            h = min(close, key=lambda i: (mean_length(i), i))
        else:
            h = locate_header(rows)
            if h is None:
                raise TableError(tr("The table {0} is empty.").format(raw.source))
    # header block: the rows directly above h with at least two filled cells (group headings)
    top = h
    while top - 1 >= 0 and _nonempty(rows[top - 1]) >= 2 and not _is_data_row(rows[top - 1]):
        top -= 1
    names = _names_of(raw, h, top) if not raw.fixed_header else header_names(rows[0])
    below = []
    if first_data is not None and first_data > h:
        below = [i for i in range(h + 1, first_data) if _nonempty(rows[i]) >= 2 or _is_unit_row(rows[i])]
    # columns without a name and without a value
    empty = []
    for c, name in enumerate(names):
        if name == unnamed_column(c) and not any(
                c < len(r) and cell_text(r[c]) for r in rows[h + 1:]):
            empty.append(c)
    if raw.fixed_header:
        candidates = [0]
    elif h not in candidates:
        candidates = sorted(set(candidates) | {h})
    return HeaderInfo(index=h, names=names, auto=auto, first_data=first_data, candidates=candidates,
                      below=below, empty_columns=empty)


def preview_columns(raw, header_row=None):
    """Column names of the detected (or chosen) header row, for pick lists (empty unnamed columns left out)."""
    try:
        info = detect_header(raw, header_row)
    except TableError:
        return []
    return [n for c, n in enumerate(info.names) if c not in info.empty_columns]


def _find_column(names, wanted):
    want = normalize_text(wanted).lower()
    for i, n in enumerate(names):
        if normalize_text(n).lower() == want:
            return i
    return None


def _report_frame(records):
    return pd.DataFrame(records, columns=REPORT_COLUMNS) if records else pd.DataFrame(
        {c: pd.Series(dtype=object) for c in REPORT_COLUMNS})


def _symbol_detail(sym, where):
    meaning = {
        "-": tr("nothing, exactly zero: read as 0"),
        ".": tr("unknown or kept secret: NULL"),
        "x": tr("cell blocked: NULL"),
        "...": tr("not yet available: NULL"),
        "/": tr("too uncertain to publish: NULL"),
        "*": tr("suppressed: NULL"),
    }[sym]
    return tr("'{0}' ({1}) in {2}").format(sym, meaning, where)


_RULE_RE = re.compile(r"^[_=\-\u2013\u2014*~.\s]{4,}$")


def parse_table(raw, key_column, decimal="auto", key_width=0, year_field=None, year=None,
                wide=False, fields=None, header_row=None, missing_codes=DEFAULT_MISSING_CODES,
                spread_field=None):
    """Type the cells of *raw* -> ParsedTable (see module docstring).

    *header_row*: None/0 = detect the column row (:func:`detect_header`), else its 1-based number.
    *missing_codes*: numbers that mean "missing" (default -9999, -99999, -999999); a cell holding
    one becomes NULL with the code as flag, but only in a column that cannot take that value
    (see :func:`_is_code_in_column`).
    *spread_field*: a column naming the indicator of each row (tables with one row per key, year and
    indicator, as statistics APIs deliver them): its values become columns holding the *fields*
    (default: every other column); with several fields they are called ``<field>_<indicator>``.

    Raises TableError for a missing key column, year field, year or field, and for a
    table without data rows.
    """
    rows = raw.rows
    label = raw.row_label
    if not rows or not any(_nonempty(r) for r in rows):
        raise TableError(tr("The table {0} is empty.").format(raw.source))
    if not key_column:
        raise TableError(tr("No key column given (TABLE_KEY)."))
    info = detect_header(raw, header_row)
    key_idx = _find_column(info.names, key_column)
    if key_idx is None and info.auto and not raw.fixed_header:
        # the key column is named in another row (e.g. a group-header row): use that row
        other = locate_header(rows, key_column)
        if other is not None:
            info = detect_header(raw, other + 1)
            info.auto = True
            key_idx = _find_column(info.names, key_column)
    if key_idx is None:
        cols = [n for c, n in enumerate(info.names) if c not in info.empty_columns]
        raise TableError(tr("The key column '{0}' (TABLE_KEY) is not in the column row ({1} {2}) of the table "
                            "{3}. Columns: {4}").format(key_column, label, info.index + 1, raw.source,
                                                        ", ".join(cols)))
    h = info.index
    names = info.names
    key_name = names[key_idx]
    year_idx = None
    if year_field:
        year_idx = _find_column(names, year_field)
        if year_idx is None:
            raise TableError(tr("The year column '{0}' (YEAR_FIELD) is not in the table. Columns: {1}").format(
                year_field, ", ".join(names)))
    elif wide:
        raise TableError(tr("WIDE needs a year column (YEAR_FIELD)."))

    ncol = len(names)
    records = []  # (row number 1-based, cells padded)
    notes = []
    headings = []   # (row number, text) of one-cell heading rows between data rows
    pending = []    # one-cell rows not yet known to be headings (data follows) or notes (nothing follows)
    below = set(info.below)
    ended = False
    for i in range(h + 1, len(rows)):
        row = list(rows[i])[:ncol] + [None] * max(0, ncol - len(rows[i]))
        filled = _nonempty(row)
        if filled == 0:
            continue
        text = " ".join(cell_text(v) for v in row if cell_text(v))
        if i in below and not _is_data_row(row):
            continue
        if raw.fixed_header:
            records.append((i + 1, row))
            continue
        first = cell_text(next((v for v in row if cell_text(v)), ""))
        hard_note = _NOTE_RE.match(first) is not None or (filled == 1 and _RULE_RE.match(first) is not None)
        soft = filled < 2 and (" " in first or len(first) > 12) and not _looks_numeric(first)
        if not soft and filled == 2 and ncol >= 4 and info.first_data is not None and records:
            # a heading with a second text cell ("Friedrichshain (05)", "05  Friedrichshain-Kreuzberg"):
            # no number, no symbol, most columns empty
            soft = all(_cell_kind(v) in ("empty", "text") for v in row)
        if ended or (hard_note and records):
            ended = True
            notes.extend(t for _n, t, _hard in pending)
            pending = []
            notes.append(text)
            continue
        if hard_note or soft:
            pending.append((i + 1, text, hard_note))
            continue
        if pending:
            # one-cell rows followed by data are headings ("Stadtbezirk Mitte"); notes stay notes
            headings.extend((n, t) for n, t, hard in pending if not hard)
            notes.extend(t for _n, t, hard in pending if hard)
            pending = []
        records.append((i + 1, row))
    notes.extend(t for _n, t, _hard in pending)
    if not records:
        raise TableError(tr("The table {0} has no data rows below the column row ({1} {2}).").format(
            raw.source, label, h + 1))

    report = []
    for line, text in headings:
        report.append(("", GROUP_HEADING, key_name, tr("{0} {1}: '{2}' is a heading between data rows, "
                                                       "skipped").format(label, line, text)))
    value_idx = [i for i in range(ncol) if i != key_idx and i != year_idx and i not in info.empty_columns]
    spread_idx = None
    if spread_field:
        spread_idx = _find_column(names, spread_field)
        if spread_idx is None or spread_idx in (key_idx, year_idx):
            raise TableError(tr("The indicator column '{0}' (SPREAD_FIELD) is not in the table. Columns: {1}").format(
                spread_field, ", ".join(names)))
        return _parse_spread(raw, info, records, report, key_idx, year_idx, spread_idx, value_idx, fields,
                             decimal=decimal, key_width=key_width, year=year, wide=wide,
                             missing_codes=missing_codes)

    # decimal sign and column types
    if decimal in (None, "", "auto"):
        decimal = detect_decimal([r[i] for _, r in records for i in value_idx], raw.delimiter)
    if decimal not in ("comma", "point"):
        raise TableError(tr("Unknown decimal sign '{0}'; use auto, comma or point.").format(decimal))

    # pseudo rows and keys
    kept = []
    for line, row in records:
        key_raw = row[key_idx]
        key = normalize_key(key_raw, key_width)
        # the key and the text cells next to it (a name column); not indicator labels further away
        texts = [cell_text(key_raw)] + [cell_text(row[i]) for i in value_idx
                                        if abs(i - key_idx) <= 2 and i != spread_idx
                                        and isinstance(row[i], str) and not _looks_numeric(row[i])]
        pseudo = next((t for t in texts if is_pseudo(t)), None)
        if pseudo is not None:
            report.append((key or "", PSEUDO_ROW, key_name, tr("{0} {1}: '{2}' is a total or pseudo row, left out").format(
                label, line, pseudo)))
            continue
        if key is None:
            report.append(("", PSEUDO_ROW, key_name, tr("{0} {1}: no key, row left out").format(label, line)))
            continue
        kept.append((line, key, row))
    if not kept:
        raise TableError(tr("The table {0} has no district rows (only totals or rows without a key).").format(
            raw.source))

    # types per column
    types = {}
    for i in value_idx:
        stats = {"ok": 0, "symbol": 0, "text": 0, "empty": 0}
        leading_zero = False
        has_decimal = False
        for _, _, row in kept:
            v = row[i]
            value, flag, status = parse_number(v, decimal)
            stats[status] += 1
            if isinstance(v, str):
                t = v.strip()
                if re.match(r"^0\d", t):
                    leading_zero = True
                if status == "ok" and ((decimal == "comma" and "," in t) or (decimal == "point" and "." in t)):
                    has_decimal = True
            if status == "ok" and not float(value).is_integer():
                has_decimal = True
        if leading_zero or stats["ok"] + stats["symbol"] <= stats["text"] or stats["ok"] + stats["symbol"] == 0:
            types[names[i]] = "text"
        else:
            types[names[i]] = "float" if has_decimal else "int"

    # year selection
    years = []
    year_used = None
    if year_idx is not None:
        parsed_years = {}
        for line, key, row in kept:
            y, _, st = parse_number(row[year_idx], "point")
            if st != "ok" or not float(y).is_integer():
                raise TableError(tr("{0} {1}: '{2}' in the year column '{3}' is not a year.").format(
                    label, line, cell_text(row[year_idx]), names[year_idx]))
            parsed_years[line] = int(y)
        years = sorted(set(parsed_years.values()))
        if not wide:
            if year in (None, "", 0):
                year_used = years[-1]
            else:
                try:
                    year_used = int(float(str(year).replace(",", ".")))
                except ValueError as exc:
                    raise TableError(tr("YEAR '{0}' is not a year.").format(year)) from exc
                if year_used not in years:
                    raise TableError(tr("Year {0} (YEAR) is not in the column '{1}'. Years: {2}").format(
                        year_used, names[year_idx], ", ".join(str(y) for y in years)))
            kept = [(line, key, row) for line, key, row in kept if parsed_years[line] == year_used]
        kept_years = parsed_years
    else:
        kept_years = {}

    # field subset
    base_cols = [names[i] for i in value_idx]
    if fields:
        lower = {c.lower(): c for c in base_cols}
        chosen = []
        for f in fields:
            c = f if f in base_cols else lower.get(str(f).strip().lower())
            if c is None:
                raise TableError(tr("Field '{0}' (FIELDS) is not in the table. Columns: {1}").format(
                    f, ", ".join(base_cols)))
            if c not in chosen:
                chosen.append(c)
        base_cols = chosen
    col_idx = {names[i]: i for i in value_idx}

    # duplicate keys (per year when wide)
    seen = {}
    unique = []
    for line, key, row in kept:
        k = (key, kept_years.get(line)) if wide else key
        if k in seen:
            report.append((key, DUPLICATE_KEY, key_name, tr(
                "{0} {1} repeats key '{2}' of {0} {3}; the first row is used").format(label, line, key, seen[k])))
            continue
        seen[k] = line
        unique.append((line, key, row))

    # missing-value codes: only where the column cannot take that value
    codes = [float(c) for c in (missing_codes or ())]
    code_cells = {}
    n_codes = 0
    if codes:
        for c in base_cols:
            if types[c] == "text":
                continue
            parsed_vals = []
            for line, key, row in unique:
                value, _flag, status = parse_number(row[col_idx[c]], decimal)
                parsed_vals.append((line, key, value if status == "ok" else math.nan))
            present = {v for _l, _k, v in parsed_vals if v in codes}
            if not present:
                continue
            others = [v for _l, _k, v in parsed_vals if np.isfinite(v) and v not in codes]
            for code in sorted(present):
                hits = [(line, key) for line, key, v in parsed_vals if v == code]
                if _is_code_in_column(code, others):
                    for line, key in hits:
                        code_cells[(line, c)] = code
                    n_codes += len(hits)
                    report.extend((key, MISSING_CODE, c, tr("{0} {1}: {2} is a missing-value code: NULL").format(
                        label, line, _code_text(code))) for line, key in hits)
                else:
                    report.append((hits[0][1], CODE_KEPT, c, tr(
                        "{0} in {1} cell(s) kept as a number: the column has other values in that range "
                        "(from {2} to {3})").format(_code_text(code), len(hits), _code_text(min(others)),
                                                    _code_text(max(others)))))

    # cell values
    data = {"key": [], "_year": []}
    flags = {}
    values = {c: [] for c in base_cols}
    for c in base_cols:
        flags[c] = []
    for line, key, row in unique:
        data["key"].append(key)
        data["_year"].append(kept_years.get(line))
        for c in base_cols:
            v = row[col_idx[c]]
            if types[c] == "text":
                t = cell_text(v)
                values[c].append(t if t else None)
                flags[c].append(None)
                continue
            value, flag, status = parse_number(v, decimal)
            where = tr("{0} {1}").format(label, line)
            if (line, c) in code_cells:
                value, flag = math.nan, _code_text(code_cells[(line, c)])
            elif status == "symbol":
                report.append((key, SYMBOL, c, _symbol_detail(flag, where)))
            elif status == "text":
                flag = None
                report.append((key, NOT_A_NUMBER, c, tr("'{0}' in {1} is not a number: NULL").format(
                    cell_text(v), where)))
            values[c].append(value)
            flags[c].append(flag)

    frame = pd.DataFrame({"key": data["key"]})
    out_cols, out_types, flag_cols = [], {}, {}
    if wide:
        frame["_year"] = data["_year"]
        for c in base_cols:
            frame[c] = values[c]
            frame[c + "__flag"] = flags[c]
        keys_order = list(dict.fromkeys(data["key"]))
        result = pd.DataFrame({"key": keys_order})
        for c in base_cols:
            for y in years:
                sub = frame[frame["_year"] == y].set_index("key")
                name = "{}_{}".format(c, y)
                col = sub[c].reindex(keys_order)
                result[name] = col.values if types[c] != "text" else col.where(col.notna(), None).values
                out_cols.append(name)
                out_types[name] = types[c]
                fl = sub[c + "__flag"].reindex(keys_order)
                if fl.notna().any():
                    result[name + "_flag"] = fl.where(fl.notna(), None).values
                    flag_cols[name] = name + "_flag"
        frame = result
    else:
        for c in base_cols:
            frame[c] = pd.Series(values[c], dtype=object if types[c] == "text" else float)
            out_cols.append(c)
            out_types[c] = types[c]
            if any(f is not None for f in flags[c]):
                frame[c + "_flag"] = pd.Series(flags[c], dtype=object)
                flag_cols[c] = c + "_flag"
    return ParsedTable(frame=frame, key_column=key_name, columns=out_cols, types=out_types,
                       flag_columns=flag_cols, report=_report_frame(report), decimal=decimal,
                       header_row=h, notes=notes, years=years, year_used=year_used,
                       all_columns=[n for c, n in enumerate(names) if c not in info.empty_columns],
                       header=info, group_headings=[t for _n, t in headings], missing_codes=n_codes)


def _parse_spread(raw, info, records, report, key_idx, year_idx, spread_idx, value_idx, fields, **options):
    """parse_table for a table with one row per key (, year) and indicator: spread, then parse."""
    names = info.names
    label = raw.row_label
    value_cols = [i for i in value_idx if i != spread_idx]
    if fields:
        chosen = []
        for f in fields:
            i = _find_column(names, f)
            if i is None or i not in value_cols:
                raise TableError(tr("Field '{0}' (FIELDS) is not in the table. Columns: {1}").format(
                    f, ", ".join(names[c] for c in value_cols)))
            chosen.append(i)
        value_cols = chosen
    indicators = []
    cells = {}
    order = []
    for line, row in records:
        ind = normalize_text(cell_text(row[spread_idx]))
        if normalize_key(row[key_idx]) is None:
            report.append(("", PSEUDO_ROW, names[key_idx], tr("{0} {1}: no key, row left out").format(label, line)))
            continue
        if not ind:
            report.append(("", PSEUDO_ROW, names[spread_idx], tr("{0} {1}: no indicator name, row left out").format(
                label, line)))
            continue
        rkey = (cell_text(row[key_idx]), cell_text(row[year_idx]) if year_idx is not None else None)
        if rkey not in cells:
            cells[rkey] = {}
            order.append((rkey, row[key_idx], row[year_idx] if year_idx is not None else None))
        if ind not in indicators:
            indicators.append(ind)
        if ind in cells[rkey]:
            report.append((rkey[0], DUPLICATE_KEY, names[spread_idx], tr(
                "{0} {1} repeats indicator '{2}' for key '{3}'; the first row is used").format(
                label, line, ind, rkey[0])))
            continue
        cells[rkey][ind] = row
    header = [names[key_idx]] + ([names[year_idx]] if year_idx is not None else [])
    spread_cols = []
    for c in value_cols:
        for ind in indicators:
            spread_cols.append((c, ind, ind if len(value_cols) == 1 else "{}_{}".format(names[c], ind)))
    header += [n for _c, _i, n in spread_cols]
    rows = [header]
    for rkey, key_cell, year_cell in order:
        row = [key_cell] + ([year_cell] if year_idx is not None else [])
        for c, ind, _n in spread_cols:
            src = cells[rkey].get(ind)
            row.append(src[c] if src is not None else None)
        rows.append(row)
    spread = RawTable(rows=rows, source=raw.source, encoding=raw.encoding, delimiter=raw.delimiter,
                      row_label=label, fixed_header=True)
    parsed = parse_table(spread, names[key_idx], year_field=names[year_idx] if year_idx is not None else None,
                         **options)
    parsed.report = _report_frame(report + [tuple(r) for r in parsed.report.itertuples(index=False, name=None)])
    parsed.header = info
    parsed.header_row = info.index
    return parsed


def parse_missing_codes(text):
    """``"-9999;-99999"`` -> [-9999.0, -99999.0]; empty -> []. Raises TableError for a non-number."""
    out = []
    for part in re.split(r"[;\s]+", str(text or "").strip()):
        if not part:
            continue
        value, _flag, status = parse_number(part, "point")
        if status != "ok":
            value, _flag, status = parse_number(part, "comma")
        if status != "ok":
            raise TableError(tr("MISSING_CODES: '{0}' is not a number (write e.g. -9999;-99999).").format(part))
        out.append(float(value))
    return out


def _code_text(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _is_code_in_column(code, others):
    """True when *code* cannot be a real value of a column whose other values are *others*.

    That is: the column has no other value; or the code is negative and every other value is zero or
    positive (counts, shares); or the code is positive and every other value is zero or negative; or the
    code lies farther outside the other values' range than that range is wide (e.g. -9999 among changes
    from -5 to 5).
    """
    if not others:
        return True
    lo, hi = min(others), max(others)
    if code < 0 <= lo or code > 0 >= hi:
        return True
    span = hi - lo
    return code < lo - span or code > hi + span


def _looks_numeric(text):
    t = _clean_number_text(text)
    return bool(re.fullmatch(r"[\d\s.,()+\-\u2013\u2212%prse]*", t)) or t in _SYMBOL_SPELLINGS


# =============================================================================
# Joining
# =============================================================================
def match_keys(parsed, district_keys, key_width=0):
    """Match a ParsedTable to *district_keys* (raw values in the districts' order)."""
    dkeys = [normalize_key(k, key_width) for k in district_keys]
    table = parsed.frame.set_index("key", drop=False)
    tkeys = list(parsed.frame["key"])
    tset = set(tkeys)
    dset = set(k for k in dkeys if k is not None)
    report = [tuple(r) for r in parsed.report.itertuples(index=False, name=None)]

    dup_d = {}
    for k in dkeys:
        if k is not None:
            dup_d[k] = dup_d.get(k, 0) + 1
    for k, n in sorted(dup_d.items()):
        if n > 1:
            report.append((k, DUPLICATE_KEY, "", tr(
                "{0} districts have the key '{1}'; each gets the same table values").format(n, k)))

    table_only = [k for k in tkeys if k not in dset]
    district_only = []
    for k in dkeys:
        if k is None:
            district_only.append("")
        elif k not in tset and k not in district_only:
            district_only.append(k)
    for k in table_only:
        report.append((k, TABLE_ONLY, parsed.key_column, tr("key '{0}' of the table has no district").format(k)))
    for k in district_only:
        report.append((k, DISTRICT_ONLY, "", tr("district '{0}' has no row in the table").format(k) if k else
                       tr("a district without a key value")))

    cols = [c for c in parsed.frame.columns if c != "key"]
    joined = table.reindex([k if k in tset else None for k in dkeys])[cols].reset_index(drop=True)
    for c in cols:
        if c in parsed.flag_columns.values() or parsed.types.get(c) == "text":
            joined[c] = joined[c].astype(object).where(joined[c].notna(), None)
    matched = sum(1 for k in dkeys if k is not None and k in tset)

    suggested = 0
    if table_only and district_only:
        widths = {len(k) for k in dset if k.isdigit()}
        if len(widths) == 1:
            w = widths.pop()
            padded = {normalize_key(k, w) for k in table_only}
            if padded & set(district_only) and w != key_width:
                suggested = w
    case_only = []
    if table_only and district_only:
        folded = {}
        for k in district_only:
            if k:
                folded.setdefault(k.casefold(), k)
        case_only = [(k, folded[k.casefold()]) for k in table_only if k.casefold() in folded]
    return MatchResult(joined=joined, district_keys=dkeys, matched=matched, table_only=table_only,
                       district_only=district_only, report=_report_frame(report), suggested_width=suggested,
                       case_only=case_only)


def _counts(values):
    out = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def summary_lines(match, limit=30):
    """Log lines: how many districts matched and which keys did not, on each side."""
    n = len(match.district_keys)

    def listing(keys):
        keys = [k if k else tr("(empty)") for k in keys]
        text = ", ".join(keys[:limit])
        return text + (" …" if len(keys) > limit else "")

    lines = [tr("{0} of {1} districts matched a table row.").format(match.matched, n)]
    if match.district_only:
        lines.append(tr("Districts without a table row ({0}): {1}").format(
            len(match.district_only), listing(match.district_only)))
    if match.table_only:
        lines.append(tr("Table keys without a district ({0}): {1}").format(
            len(match.table_only), listing(match.table_only)))
    if match.case_only:
        lines.append(tr("Hint: {0} key(s) differ only in upper/lower case and were not matched: {1}. Correct "
                        "the spelling in the table or in the district layer.").format(
            len(match.case_only), ", ".join("'{0}' / '{1}'".format(a, b) for a, b in match.case_only[:10])))
    dups = [k for k, n in _counts(match.district_keys).items() if k is not None and n > 1]
    if dups:
        lines.append(tr("{0} key(s) are shared by several districts (each gets the same table values): "
                        "{1}").format(len(dups), listing(sorted(dups))))
    if match.suggested_width:
        lines.append(tr("Hint: padding the keys with leading zeros to {0} digits (KEY_WIDTH = {0}) "
                        "would match more keys.").format(match.suggested_width))
    return lines


def joined_columns(parsed):
    """``[(table column, type)]`` of the columns a join adds, in table order; type "int", "float" or "text"
    (a ``<field>_flag`` column is always text)."""
    flags = set(parsed.flag_columns.values())
    return [(col, "text" if col in flags else parsed.types.get(col, "text"))
            for col in parsed.frame.columns if col != "key"]


def cell_value(value, typ):
    """A joined cell as written: None for missing/NaN, an int (rounded) for "int", a float for "float", else text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if typ == "int":
        return int(round(float(value)))
    if typ == "float":
        return float(value)
    return str(value)


def joined_values(match, columns):
    """One list per column of *columns* (:func:`joined_columns`): the value of each district, in district order."""
    rows = match.joined.to_dict("records")
    return [[cell_value(row.get(col), typ) for row in rows] for col, typ in columns]
