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
* long tables (pick one year) and wide pivots (``<field>_<year>``).
"""

import csv
import io
import math
import os
import re
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
REPORT_COLUMNS = ["key", "kind", "column", "detail"]

# -- options --------------------------------------------------------------------
ENCODINGS = ["auto", "UTF-8", "Windows-1252"]
DELIMITERS = ["auto", ";", ",", "\t"]
DECIMALS = ["auto", "comma", "point"]
TEXT_EXTENSIONS = (".csv", ".txt", ".tsv", ".tab")
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


@dataclass
class MatchResult:
    joined: pd.DataFrame      # one row per district, in the districts' order
    district_keys: list       # normalised district keys
    matched: int
    table_only: list
    district_only: list
    report: pd.DataFrame
    suggested_width: int = 0  # >0 when padding the table keys to this width would match more keys


# =============================================================================
# Reading
# =============================================================================
def decode(data, encoding="auto"):
    """Decode *data* (bytes) -> (text, encoding name)."""
    encoding = encoding or "auto"
    if encoding == "auto":
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8", errors="replace"), "UTF-8-BOM"
        if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
            return data.decode("utf-16"), "UTF-16"
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace"), "Windows-1252"
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
        counts = [len(r) for r in csv.reader(lines, delimiter=cand)]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = max(set(multi), key=lambda c: (multi.count(c), c))
        score = multi.count(mode)
        if score > best_score:
            best, best_score = cand, score
    return best


def read_text(data, encoding="auto", delimiter="auto", source=""):
    """A RawTable from the bytes of a CSV/TXT file."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise TableError(tr("The table file {0} is empty.").format(source or ""))
    text, enc = decode(data, encoding)
    if delimiter in (None, "", "auto"):
        delimiter = sniff_delimiter(text)
    elif delimiter.lower() in ("tab", "\\t"):
        delimiter = "\t"
    if delimiter not in (";", ",", "\t"):
        raise TableError(tr("Unknown delimiter '{0}'; use auto, ';', ',' or tab.").format(delimiter))
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return RawTable(rows=rows, source=source, encoding=enc, delimiter=delimiter, row_label="line")


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
    return RawTable(rows=rows, source=path, sheets=names, sheet=chosen, row_label="row")


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
    return read_text(data, encoding, delimiter, source=path)


def raw_from_records(header, records, source=""):
    """A RawTable from a header and records (e.g. the features of a table layer)."""
    rows = [list(header)] + [list(r) for r in records]
    return RawTable(rows=rows, source=source, row_label="feature")


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
    text = cell_text(value).replace("\u00a0", " ").strip().strip('"').strip()
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


def _clean_number_text(text):
    text = text.replace("\u00a0", "").replace("\u202f", "").strip()
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
    """Unique, stripped column names of a header row."""
    names, seen = [], {}
    for i, v in enumerate(row):
        name = _WS_RE.sub(" ", cell_text(v)).strip() or "column_{}".format(i + 1)
        base = name
        n = seen.get(base, 0)
        while name in seen:
            n += 1
            name = "{}_{}".format(base, n + 1)
        seen[base] = n
        seen[name] = seen.get(name, 0)
        names.append(name)
    return names


def preview_columns(raw):
    """Column names of the auto-detected header row (for pick lists)."""
    idx = locate_header(raw.rows)
    if idx is None:
        return []
    return header_names(raw.rows[idx])


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


def parse_table(raw, key_column, decimal="auto", key_width=0, year_field=None, year=None,
                wide=False, fields=None):
    """Type the cells of *raw* -> ParsedTable (see module docstring).

    Raises TableError for a missing key column, year field, year or field, and for a
    table without data rows.
    """
    rows = raw.rows
    label = raw.row_label
    if not rows or not any(_nonempty(r) for r in rows):
        raise TableError(tr("The table {0} is empty.").format(raw.source))
    if not key_column:
        raise TableError(tr("No key column given (TABLE_KEY)."))
    h = locate_header(rows, key_column)
    if h is None:
        cols = preview_columns(raw)
        raise TableError(tr("The key column '{0}' (TABLE_KEY) is not in the table {1}. Columns: {2}").format(
            key_column, raw.source, ", ".join(cols)))
    names = header_names(rows[h])
    want = _WS_RE.sub(" ", str(key_column)).strip().lower()
    key_idx = next(i for i, n in enumerate(names) if n.lower() == want)
    key_name = names[key_idx]
    year_idx = None
    if year_field:
        wanty = _WS_RE.sub(" ", str(year_field)).strip().lower()
        matches = [i for i, n in enumerate(names) if n.lower() == wanty]
        if not matches:
            raise TableError(tr("The year column '{0}' (YEAR_FIELD) is not in the table. Columns: {1}").format(
                year_field, ", ".join(names)))
        year_idx = matches[0]
    elif wide:
        raise TableError(tr("WIDE needs a year column (YEAR_FIELD)."))

    ncol = len(names)
    records = []  # (row number 1-based, cells padded)
    notes = []
    data_started = False
    ended = False
    for i in range(h + 1, len(rows)):
        row = list(rows[i])[:ncol] + [None] * max(0, ncol - len(rows[i]))
        filled = _nonempty(row)
        if filled == 0:
            continue
        first = cell_text(next((v for v in row if cell_text(v)), ""))
        note_like = raw.row_label != "feature" and (
            _NOTE_RE.match(first) is not None
            or (filled < 2 and (" " in first or len(first) > 12) and not _looks_numeric(first)))
        if ended or note_like:
            if data_started:
                ended = True
            notes.append(" ".join(cell_text(v) for v in row if cell_text(v)))
            continue
        data_started = True
        records.append((i + 1, row))
    if not records:
        raise TableError(tr("The table {0} has no data rows below the column row ({1} {2}).").format(
            raw.source, label, h + 1))

    report = []
    value_idx = [i for i in range(ncol) if i != key_idx and i != year_idx]

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
        texts = [cell_text(key_raw)] + [cell_text(row[i]) for i in value_idx
                                        if isinstance(row[i], str) and not _looks_numeric(row[i])]
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
            if status == "symbol":
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
                       header_row=h, notes=notes, years=years, year_used=year_used, all_columns=names)


def _looks_numeric(text):
    t = _clean_number_text(text)
    return bool(re.fullmatch(r"[\d\s.,()+\-%prse]*", t)) or t in _SYMBOL_SPELLINGS


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
    return MatchResult(joined=joined, district_keys=dkeys, matched=matched, table_only=table_only,
                       district_only=district_only, report=_report_frame(report), suggested_width=suggested)


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
    if match.suggested_width:
        lines.append(tr("Hint: padding the keys with leading zeros to {0} digits (KEY_WIDTH = {0}) "
                        "would match more keys.").format(match.suggested_width))
    return lines
