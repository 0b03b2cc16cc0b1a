"""bildungslandschaft:joinsocialdata – join a statistics table to districts."""

import math
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)
from .. import compat

from ..core import socialtable as st
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, Progress, optional_sink, require_field, require_sink, require_source

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


def _value(v):
    """QVariant NULL / invalid -> None."""
    if v is None:
        return None
    try:
        from qgis.PyQt.QtCore import QVariant as _QV

        if isinstance(v, _QV) and v.isNull():
            return None
    except ImportError:  # pragma: no cover
        pass
    if hasattr(v, "isNull") and not isinstance(v, str) and v.isNull():
        return None
    return v


def raw_from_layer(layer):
    """RawTable from the attribute table of a (table or vector) layer."""
    names = [f.name() for f in layer.fields()]
    records = [[_value(v) for v in feat.attributes()] for feat in layer.getFeatures()]
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


def joined_fields(district_fields, parsed):
    """(QgsFields of the output, [(table column, output name, type)])."""
    fields = QgsFields(district_fields)
    taken = {f.name().lower() for f in district_fields}
    plan = []
    for col in [c for c in parsed.frame.columns if c != "key"]:
        base = col
        typ = parsed.types.get(col, "text")
        if col in parsed.flag_columns.values():
            typ = "text"
        name = base
        n = 2
        while name.lower() in taken:
            name = "{}_{}".format(base, n)
            n += 1
        taken.add(name.lower())
        if typ == "int":
            qfield = QgsField(name, compat.FIELD_LONGLONG)
        elif typ == "float":
            qfield = QgsField(name, compat.FIELD_DOUBLE)
        else:
            qfield = QgsField(name, compat.FIELD_STRING)
        fields.append(qfield)
        plan.append((col, name, typ))
    return fields, plan


def cell_to_attr(v, typ):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if typ == "int":
        return int(round(float(v)))
    if typ == "float":
        return float(v)
    return str(v)


def report_fields():
    fields = QgsFields()
    for name in st.REPORT_COLUMNS:
        fields.append(QgsField(name, compat.FIELD_STRING))
    return fields


class JoinSocialDataAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.JOIN_SOCIAL_DATA
    GROUP_ID = ids.GROUP_DATA
    ICON = "join_social_data.svg"

    DISTRICTS = "DISTRICTS"
    DISTRICT_KEY = "DISTRICT_KEY"
    TABLE = "TABLE"
    SHEET = "SHEET"
    TABLE_KEY = "TABLE_KEY"
    ENCODING = "ENCODING"
    DELIMITER = "DELIMITER"
    DECIMAL = "DECIMAL"
    KEY_WIDTH = "KEY_WIDTH"
    YEAR_FIELD = "YEAR_FIELD"
    YEAR = "YEAR"
    WIDE = "WIDE"
    FIELDS = "FIELDS"
    HEADER_ROW = "HEADER_ROW"
    MISSING_CODES = "MISSING_CODES"
    SPREAD_FIELD = "SPREAD_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def displayName(self):  # noqa: N802
        return tr("Join social data (Sozialdaten verknüpfen)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Joins a statistics table (CSV/TXT, XLSX, ODS, JSON or a table layer) to district polygons by key.\n"
            "Encoding (UTF-8, UTF-8 with BOM, Windows-1252), delimiter (; , tab) and decimal sign "
            "(comma with thousands dots, or point) are detected; title lines above the column row and "
            "notes below the data are skipped. Keys are compared as text: blanks are removed and, with "
            "KEY_WIDTH, padded with leading zeros (1 -> 01). Total and pseudo rows (Insgesamt, Stadt "
            "gesamt, SUM, keine Angabe) are left out.\n"
            "Official symbols never become 0: '.', 'x', '...', '/', '*' and the numeric codes "
            "5555555555 etc. become NULL, '-' (exactly nothing) becomes 0; a field <field>_flag keeps "
            "the symbol. Values in brackets or with p/r/s/e markers are used, the marker goes to the flag.\n"
            "The column row is detected as the row of short names above the first data row (title rows, "
            "merged group headers, description and unit rows are skipped); HEADER_ROW chooses another row. "
            "A column without a name is called column_<n> (n = its position) and can be given as TABLE_KEY. "
            "One-cell headings between data rows ('Stadtbezirk Mitte') are skipped. Keys are compared after "
            "Unicode normalisation; keys that differ only in upper/lower case are named in a hint. "
            "Missing-value codes (MISSING_CODES, e.g. -9999) become NULL where the column cannot take that "
            "value. JSON: a list of records or the records under one key; SPREAD_FIELD turns one row per "
            "indicator into one column per indicator.\n"
            "OUTPUT_REPORT lists every problem: keys only in the table or only on the map, duplicate "
            "keys, symbols, missing codes, text in number columns, pseudo rows, headings.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("District polygons (e.g. Ortsteile) that receive the table's columns."))
        self.add_param(QgsProcessingParameterField(
            self.DISTRICT_KEY, tr("District key field"), parentLayerParameterName=self.DISTRICTS),
            tr("Field of the districts holding the key (text with leading zeros, e.g. '01')."))
        self.add_param(QgsProcessingParameterFile(
            self.TABLE, tr("Table (CSV/TXT, XLSX, ODS or table layer)"),
            behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods *.json *.dbf *.gpkg);;All files (*)")),
            tr("The statistics table: a CSV/TXT, XLSX or ODS file, or the id or name of a table layer "
               "in the project."))
        self.add_param(QgsProcessingParameterString(
            self.SHEET, tr("Sheet (spreadsheets)"), optional=True),
            tr("Name (or 0-based number) of the sheet of an XLSX/ODS file; empty = the first sheet."))
        self.add_param(QgsProcessingParameterString(
            self.TABLE_KEY, tr("Key column of the table")),
            tr("Name of the table column with the district key, as in the column row; a column without a "
               "name is column_<n> (n = its position, 1-based)."))
        self.add_param(QgsProcessingParameterEnum(
            self.ENCODING, tr("Encoding"), options=ENCODING_OPTIONS, defaultValue=0),
            tr("Character encoding of a CSV/TXT file; 'auto' detects UTF-8 (with or without BOM) "
               "and otherwise reads Windows-1252."))
        self.add_param(QgsProcessingParameterEnum(
            self.DELIMITER, tr("Delimiter"), options=DELIMITER_OPTIONS, defaultValue=0),
            tr("Column delimiter of a CSV/TXT file; 'auto' picks the most consistent of ; , and tab."))
        self.add_param(QgsProcessingParameterEnum(
            self.DECIMAL, tr("Decimal sign"), options=[tr("auto"), tr("comma"), tr("point")], defaultValue=0),
            tr("Decimal comma (12,5 and thousands dots 2.594) or decimal point; 'auto' decides from the "
               "numbers in the table."))
        self.add_param(QgsProcessingParameterNumber(
            self.KEY_WIDTH, tr("Key width (pad with leading zeros, 0 = as is)"),
            type=QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, maxValue=20),
            tr("Numeric keys of both sides are padded with leading zeros to this many digits, so that "
               "1 (Excel) matches 01. 0 leaves the keys as they are (blanks are always removed)."))
        self.add_param(QgsProcessingParameterString(
            self.YEAR_FIELD, tr("Year column (long tables)"), optional=True),
            tr("Column with the year when the table has one row per district and year."))
        self.add_param(QgsProcessingParameterNumber(
            self.YEAR, tr("Year"), type=QgsProcessingParameterNumber.Type.Integer, optional=True,
            minValue=0, maxValue=9999),
            tr("Year to join from a long table; empty = the latest year."))
        self.add_param(QgsProcessingParameterBoolean(
            self.WIDE, tr("All years side by side (<field>_<year>)"), defaultValue=False),
            tr("Instead of one year, join every year as its own column <field>_<year> (needs the year column)."))
        self.add_param(QgsProcessingParameterString(
            self.FIELDS, tr("Columns to join (empty = all)"), optional=True),
            tr("Names of the table columns to join, separated by ';' or ','. Empty joins every column."))
        header_param = QgsProcessingParameterNumber(
            self.HEADER_ROW, tr("Column row (0 = detect)"), type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=0, minValue=0, maxValue=10000)
        header_param.setFlags(header_param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.add_param(header_param, tr(
            "Row (line) number of the column names, counted from 1 as in the spreadsheet or text editor. 0 "
            "detects the row of short names above the first data row (the log names the row used)."))
        codes_param = QgsProcessingParameterString(
            self.MISSING_CODES, tr("Missing-value codes"), defaultValue=st.DEFAULT_MISSING_CODES_TEXT,
            optional=True)
        self.add_param(codes_param, tr(
            "Numbers that mean 'no value' (separated by ';'), e.g. -9999 in Berlin's monitoring files. A cell "
            "with a code becomes NULL with the code in <field>_flag, but only in a column that cannot take that "
            "value (no other value of the column lies in that range). Empty: no codes."))
        spread_param = QgsProcessingParameterString(self.SPREAD_FIELD, tr("Indicator column (one row per "
                                                                          "indicator)"), optional=True)
        spread_param.setFlags(spread_param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.add_param(spread_param, tr(
            "For tables with one row per district (, year) and indicator, as statistics APIs deliver them: the "
            "column naming the indicator. Each indicator becomes a column holding FIELDS (e.g. 'wert')."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Districts with social data"), QgsProcessing.SourceType.TypeVectorPolygon),
            tr("The districts with the joined columns (numbers typed as numbers) and <field>_flag fields."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REPORT, tr("Join report"), QgsProcessing.SourceType.TypeVector, optional=True),
            tr("One row per problem: key, kind, column, detail."))
        self.addOutput(QgsProcessingOutputNumber("MATCHED", tr("Districts matched")))
        self.addOutput(QgsProcessingOutputNumber("DISTRICTS_UNMATCHED", tr("Districts without a table row")))
        self.addOutput(QgsProcessingOutputNumber("TABLE_UNMATCHED", tr("Table keys without a district")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        districts = require_source(self, parameters, self.DISTRICTS, context)
        key_field = self.parameterAsString(parameters, self.DISTRICT_KEY, context)
        key_index = require_field(districts, key_field, self.DISTRICT_KEY)
        table_value = self.parameterAsString(parameters, self.TABLE, context)
        sheet = self.parameterAsString(parameters, self.SHEET, context) or None
        table_key = self.parameterAsString(parameters, self.TABLE_KEY, context).strip()
        encoding = ENCODING_OPTIONS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        delimiter = DELIMITER_VALUES[self.parameterAsEnum(parameters, self.DELIMITER, context)]
        decimal = st.DECIMALS[self.parameterAsEnum(parameters, self.DECIMAL, context)]
        key_width = self.parameterAsInt(parameters, self.KEY_WIDTH, context)
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context).strip() or None
        year = None
        if parameters.get(self.YEAR) not in (None, ""):
            year = self.parameterAsInt(parameters, self.YEAR, context)
        wide = self.parameterAsBool(parameters, self.WIDE, context)
        fields = split_names(self.parameterAsString(parameters, self.FIELDS, context))
        header_row = self.parameterAsInt(parameters, self.HEADER_ROW, context) or None
        spread_field = self.parameterAsString(parameters, self.SPREAD_FIELD, context).strip() or None
        if parameters.get(self.MISSING_CODES) == "":
            codes_text = ""  # explicitly no codes
        elif parameters.get(self.MISSING_CODES) is None:
            codes_text = st.DEFAULT_MISSING_CODES_TEXT
        else:
            codes_text = self.parameterAsString(parameters, self.MISSING_CODES, context)
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
        describe_table(raw, parsed, feedback)

        feats = []
        progress = Progress(feedback, districts.featureCount())
        for feat in districts.getFeatures():
            feats.append(QgsFeature(feat))
            if not progress.tick():
                break
        if feedback.isCanceled():
            return {}
        keys = [_value(f.attributes()[key_index]) for f in feats]
        match = st.match_keys(parsed, keys, key_width)
        summary = st.summary_lines(match)
        feedback.pushInfo(summary[0])
        for line in summary[1:]:
            feedback.pushWarning(line)
        if match.matched == 0:
            raise QgsProcessingException(tr(
                "No district key of {0} (field {1}) matched a key of the table column '{2}'. "
                "District keys: {3}; table keys: {4}. Check KEY_WIDTH.").format(
                    districts.sourceName(), key_field, parsed.key_column,
                    ", ".join(str(k) for k in match.district_keys[:8]),
                    ", ".join(list(parsed.frame["key"])[:8])))

        out_fields, plan = joined_fields(districts.fields(), parsed)
        for col, name, _typ in plan:
            if name != col:
                feedback.pushWarning(tr("Column '{0}' is written as '{1}' (the districts already have "
                                        "a field of that name).").format(col, name))
        sink, dest = require_sink(self, parameters, self.OUTPUT, context, out_fields,
                                  districts.wkbType(), districts.sourceCrs())
        rows = match.joined.to_dict("records")
        for feat, row in zip(feats, rows):
            if feedback.isCanceled():
                return {}
            out = QgsFeature(out_fields)
            out.setGeometry(feat.geometry())
            out.setAttributes(list(feat.attributes()) + [cell_to_attr(row.get(col), typ) for col, _n, typ in plan])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)

        results = {self.OUTPUT: dest, "MATCHED": match.matched,
                   "DISTRICTS_UNMATCHED": len(match.district_only), "TABLE_UNMATCHED": len(match.table_only)}
        if parameters.get(self.OUTPUT_REPORT) is not None:
            rep_sink, rep_dest = optional_sink(self, parameters, self.OUTPUT_REPORT, context, report_fields(),
                                                      QgsWkbTypes.Type.NoGeometry, districts.sourceCrs())
            if rep_sink is not None:
                for rec in match.report.itertuples(index=False, name=None):
                    f = QgsFeature(report_fields())
                    f.setAttributes([str(v) if v is not None else None for v in rec])
                    rep_sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
                results[self.OUTPUT_REPORT] = rep_dest
        return results


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

