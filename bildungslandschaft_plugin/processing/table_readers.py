"""Statistics tables (CSV/TXT, XLSX, ODS, JSON, OGR tables, table layers) into ``core.socialtable.RawTable``.

Used by ``joinsocialdata`` and the join dialog (``gui/join_dialog.py``); the parsing itself (header
detection, decimal sign, official symbols) is in :mod:`core.socialtable`.
"""

import os

from qgis.core import QgsProcessingException, QgsProcessingUtils, QgsVectorLayer

from ..core import socialtable as st
from ..translation import tr
from .values import plain

ENCODING_OPTIONS = ["auto", "UTF-8", "Windows-1252"]
DELIMITER_OPTIONS = ["auto", ";", ",", "tab"]
DELIMITER_VALUES = ["auto", ";", ",", "\t"]
DECIMAL_OPTIONS = ["auto", "comma", "point"]


def split_names(text):
    """``"a; b,c"`` -> ``["a", "b", "c"]`` (";" wins when present, so names may contain ",")."""
    if not text:
        return []
    if isinstance(text, (list, tuple)):
        return [str(t).strip() for t in text if str(t).strip()]
    sep = ";" if ";" in text else ","
    return [t.strip() for t in text.split(sep) if t.strip()]


def raw_from_layer(layer):
    """RawTable from the attribute table of a (table or vector) layer.

    A key column called ``fid`` that the provider numbers itself (a GeoPackage's or a PostGIS table's primary
    key) is left out: it is no statistic, and the fid policy (docs/DEVELOPING.md) never copies it into an output
    (it came out as ``fid_2``)."""
    fields = layer.fields()
    provider = layer.dataProvider()
    key_columns = set(provider.pkAttributeIndexes()) if provider is not None else set()
    keep = [i for i in range(fields.count())
            if not (i in key_columns and fields.at(i).name().lower() == "fid")]
    names = [fields.at(i).name() for i in keep]
    records = []
    for feat in layer.getFeatures():
        attrs = feat.attributes()
        records.append([plain(attrs[i]) for i in keep])
    return st.raw_from_records(names, records, source=layer.name())


def load_raw_table(value, encoding="auto", delimiter="auto", sheet=None, context=None):
    """RawTable from a CSV/TXT/XLSX/ODS path, another OGR table file, or a layer (id, name or object).

    Raises ``st.TableError`` with a clear message.
    """
    if isinstance(value, QgsVectorLayer):
        return raw_from_layer(value)
    value = (value or "").strip() if isinstance(value, str) else value
    if not value:
        raise st.TableError(tr("No table given (TABLE)."))
    if os.path.isfile(value):
        ext = os.path.splitext(value)[1].lower()
        if ext in st.TEXT_EXTENSIONS or ext in st.SPREADSHEET_EXTENSIONS or ext in st.JSON_EXTENSIONS:
            return st.read_table(value, encoding, delimiter, sheet)
        layer = QgsVectorLayer(value, os.path.basename(value), "ogr")
        if layer.isValid():
            return raw_from_layer(layer)
        # unknown extension: try it as text
        return st.read_table(value, encoding, delimiter, sheet)
    layer = None
    if context is not None:
        layer = QgsProcessingUtils.mapLayerFromString(value, context)
    if layer is None:
        from qgis.core import QgsProject

        layer = QgsProject.instance().mapLayer(value)
        if layer is None:
            found = QgsProject.instance().mapLayersByName(value)
            layer = found[0] if found else None
    if isinstance(layer, QgsVectorLayer) and layer.isValid():
        return raw_from_layer(layer)
    raise st.TableError(tr("The table file {0} does not exist.").format(value))


def read_statistics_table(alg, parameters, context):
    """``(RawTable, ParsedTable, KEY_WIDTH)`` of the ``TABLE`` parameter of joinsocialdata, read with its table
    options (SHEET, TABLE_KEY, ENCODING, DELIMITER, DECIMAL, KEY_WIDTH, YEAR_FIELD, YEAR, WIDE, FIELDS,
    HEADER_ROW, MISSING_CODES, SPREAD_FIELD); a table problem is a ``QgsProcessingException``."""
    table_value = alg.parameterAsString(parameters, "TABLE", context)
    sheet = alg.parameterAsString(parameters, "SHEET", context) or None
    table_key = alg.parameterAsString(parameters, "TABLE_KEY", context).strip()
    encoding = ENCODING_OPTIONS[alg.parameterAsEnum(parameters, "ENCODING", context)]
    delimiter = DELIMITER_VALUES[alg.parameterAsEnum(parameters, "DELIMITER", context)]
    decimal = st.DECIMALS[alg.parameterAsEnum(parameters, "DECIMAL", context)]
    key_width = alg.parameterAsInt(parameters, "KEY_WIDTH", context)
    year_field = alg.parameterAsString(parameters, "YEAR_FIELD", context).strip() or None
    year = None
    if parameters.get("YEAR") not in (None, ""):
        year = alg.parameterAsInt(parameters, "YEAR", context)
    wide = alg.parameterAsBool(parameters, "WIDE", context)
    fields = split_names(alg.parameterAsString(parameters, "FIELDS", context))
    header_row = alg.parameterAsInt(parameters, "HEADER_ROW", context) or None
    spread_field = alg.parameterAsString(parameters, "SPREAD_FIELD", context).strip() or None
    if parameters.get("MISSING_CODES") == "":
        codes_text = ""  # explicitly no codes
    elif parameters.get("MISSING_CODES") is None:
        codes_text = st.DEFAULT_MISSING_CODES_TEXT
    else:
        codes_text = alg.parameterAsString(parameters, "MISSING_CODES", context)
    try:
        missing_codes = st.parse_missing_codes(codes_text)
    except st.TableError as exc:
        raise QgsProcessingException(str(exc)) from exc
    if not table_key:
        raise QgsProcessingException(tr("No key column given (TABLE_KEY)."))
    try:
        raw = load_raw_table(table_value, encoding, delimiter, sheet, context)
        parsed = st.parse_table(raw, table_key, decimal, key_width, year_field, year, wide, fields,
                                header_row=header_row, missing_codes=missing_codes, spread_field=spread_field)
    except st.TableError as exc:
        raise QgsProcessingException(tr("TABLE: {0}").format(exc)) from exc
    return raw, parsed, key_width


def describe_table(raw, parsed, feedback):
    """Log what was detected (encoding, delimiter, decimal sign, header row, notes, problems)."""
    if raw.encoding:
        feedback.pushInfo(tr("Encoding: {0}; delimiter: {1}; decimal sign: {2}.").format(
            raw.encoding, "tab" if raw.delimiter == "\t" else raw.delimiter, parsed.decimal))
    else:
        feedback.pushInfo(tr("Decimal sign for text cells: {0}.").format(parsed.decimal))
    if raw.sheets:
        feedback.pushInfo(tr("Sheet '{0}' of: {1}.").format(raw.sheet, ", ".join(raw.sheets)))
    for warning in raw.warnings:
        feedback.pushWarning(warning)
    info = parsed.header
    if info is not None and not raw.fixed_header:
        how = tr("detected") if info.auto else tr("chosen (HEADER_ROW)")
        feedback.pushInfo(tr("Column row: {0} {1} ({2}). Possible column rows: {3}.").format(
            raw.row_label, info.index + 1, how, ", ".join(str(i + 1) for i in info.candidates)))
        if info.below:
            feedback.pushInfo(tr("Rows between the column row and the data (descriptions, units) skipped: {0} "
                                 "{1}.").format(raw.row_label, ", ".join(str(i + 1) for i in info.below)))
        unnamed = [n for c, n in enumerate(info.names) if n == st.unnamed_column(c) and c not in info.empty_columns]
        if unnamed:
            feedback.pushInfo(tr("Columns without a name are called: {0}.").format(", ".join(unnamed)))
        if info.empty_columns:
            feedback.pushInfo(tr("{0} empty column(s) without a name left out.").format(len(info.empty_columns)))
    if parsed.group_headings:
        feedback.pushWarning(tr("{0} heading row(s) between the data rows skipped (they are not districts): "
                                "{1}.").format(len(parsed.group_headings), "; ".join(parsed.group_headings[:10])))
    if parsed.missing_codes:
        feedback.pushWarning(tr("{0} cell(s) held a missing-value code (MISSING_CODES) and are NULL, flagged "
                                "in <field>_flag.").format(parsed.missing_codes))
    for note in parsed.notes:
        feedback.pushInfo(tr("Note below the data (skipped): {0}").format(note))
    if parsed.year_used is not None:
        feedback.pushInfo(tr("Year {0} joined (years in the table: {1}).").format(
            parsed.year_used, ", ".join(str(y) for y in parsed.years)))
    counts = parsed.report["kind"].value_counts().to_dict()
    for kind in (st.PSEUDO_ROW, st.DUPLICATE_KEY, st.SYMBOL, st.NOT_A_NUMBER, st.MISSING_CODE, st.GROUP_HEADING):
        if counts.get(kind):
            feedback.pushInfo(tr("{0}: {1} (see OUTPUT_REPORT).").format(kind, counts[kind]))
    for rec in parsed.report.itertuples(index=False):
        if rec.kind in (st.DUPLICATE_KEY, st.NOT_A_NUMBER, st.CODE_KEPT):
            feedback.pushWarning(tr("{0} '{1}' {2}: {3}").format(rec.kind, rec.key, rec.column, rec.detail))

