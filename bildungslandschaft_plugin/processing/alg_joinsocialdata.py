"""bildungslandschaft:joinsocialdata – join a statistics table to districts."""

from qgis.core import (
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
)
from .. import compat

from ..core import socialtable as st
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, require_field, require_source
from .readers import read_feature_list
from .table_readers import DELIMITER_OPTIONS, ENCODING_OPTIONS, describe_table, read_statistics_table
from .values import plain
from .writers import write_added_fields, write_table

#: output field type of a joined column type (core.socialtable.joined_columns)
FIELD_TYPES = {"int": compat.FIELD_LONGLONG, "float": compat.FIELD_DOUBLE, "text": compat.FIELD_STRING}


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
        raw, parsed, key_width = read_statistics_table(self, parameters, context)
        describe_table(raw, parsed, feedback)

        feats = read_feature_list(districts, feedback, 0, 50)
        match = st.match_keys(parsed, [plain(f.attributes()[key_index]) for f in feats], key_width)
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

        columns = st.joined_columns(parsed)
        added = [(col, FIELD_TYPES[typ]) for col, typ in columns]
        dest = write_added_fields(self, parameters, context, districts, feats, added, st.joined_values(match, columns),
                                  feedback, progress=(50.0, 100.0))
        results = {self.OUTPUT: dest, "MATCHED": match.matched,
                   "DISTRICTS_UNMATCHED": len(match.district_only), "TABLE_UNMATCHED": len(match.table_only)}
        if parameters.get(self.OUTPUT_REPORT) is None:
            return results
        report = [[str(v) if v is not None else None for v in rec] for rec in match.report.itertuples(index=False,
                                                                                                      name=None)]
        rep_dest = write_table(self, parameters, context, self.OUTPUT_REPORT,
                               [(name, compat.FIELD_STRING) for name in st.REPORT_COLUMNS], report,
                               districts.sourceCrs(), kind="optional")
        if rep_dest is not None:
            results[self.OUTPUT_REPORT] = rep_dest
        return results
