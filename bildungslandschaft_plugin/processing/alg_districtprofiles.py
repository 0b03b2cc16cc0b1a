"""``bildungslandschaft:districtprofiles`` – one PDF page per district (Ortsteilprofil)."""

import functools
import os
import re
import shutil
import tempfile

import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMatrix,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsSpatialIndex,
)
from qgis.PyQt.QtCore import QLocale
from .. import compat
from qgis.PyQt.QtGui import QColor

from .. import charts, layouts, profile_layout
from ..core import profiles
from ..styles import apply_default_style
from ..translation import locale_name, tr
from . import ids
from .alg_exportmap import layer_title, today_text
from .base import BildungslandschaftAlgorithm, check_canceled, require_field, require_source

POPULATION_FIELDS = ("einwohner", "ew_gesamt", "population", "bevoelkerung", "bevölkerung", "ew", "einw")
KEY_COLUMNS = ("ortsteil", "key", "schluessel", "schlüssel", "ot_key", "id", "gebiet", "raum")
YEAR_COLUMNS = ("jahr", "year", "stichtag_jahr")
FACILITY_NAME_FIELDS = ("name", "bezeichnung", "einrichtung")
FACILITY_TYPE_FIELDS = ("typ", "type", "art", "kategorie")
MAX_FACILITY_LINES = 11
INDEX_CLASS_FIELDS = ("index_class",)
INDEX_LABEL_FIELDS = ("index_label",)
#: the conventional colours of the four social-index classes (resources/styles/socialindex_classes.qml)
INDEX_COLOURS = {1: (77, 172, 38), 2: (247, 243, 194), 3: (244, 163, 64), 4: (215, 25, 28)}


def find_field(fields, candidates):
    """The first field name of *fields* (a list) matching *candidates* case-insensitively."""
    lower = {f.lower(): f for f in fields}
    for c in candidates:
        if c in lower:
            return lower[c]
    return None


def parse_indicators(matrix):
    """[(field, label)] from the matrix value.

    Accepted: a list ``[field, label, field, label, ...]`` (the Processing
    dialog, ``processing.run``); a string ``"field,label,field,label"`` (how
    qgis_process passes a matrix); or ``"field=Label;field2=Label 2"`` for
    labels that contain commas. An empty label means: the field's alias or
    name.
    """
    if matrix is None:
        return []
    if isinstance(matrix, str):
        if ";" in matrix or "=" in matrix:
            pairs = []
            for part in matrix.split(";"):
                if part.strip():
                    field, _sep, label = part.partition("=")
                    pairs.append((field.strip(), label.strip()))
            return pairs
        matrix = matrix.split(",")
    values = ["" if v is None else str(v).strip() for v in matrix]
    if len(values) % 2:
        values.append("")
    return [(values[i], values[i + 1]) for i in range(0, len(values), 2) if values[i]]


class DistrictProfilesAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.DISTRICT_PROFILES
    GROUP_ID = ids.GROUP_OUTPUT

    DISTRICTS = "DISTRICTS"
    NAME_FIELD = "NAME_FIELD"
    KEY_FIELD = "KEY_FIELD"
    INDICATORS = "INDICATORS"
    FILTER = "FILTER"
    TIMESERIES = "TIMESERIES"
    FACILITIES = "FACILITIES"
    PARENT_FIELD = "PARENT_FIELD"
    AGE_FIELDS = "AGE_FIELDS"
    CITY_VALUES = "CITY_VALUES"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("District profiles")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Writes one PDF with one page per district (Ortsteilprofil): name, key and population; a map "
            "of the district with its facilities; a locator map of the city with the district highlighted; "
            "a table of the indicators with the district's value, the city value, the difference, "
            "the rank among all districts (1 = highest value) and the z-score; a chart of the time series "
            "district against city; the list of facilities; data source and date.\n"
            "City value: for counts and amounts (residents, children, euros, a balance) the city total "
            "(no difference); for rates, shares and averages the mean weighted by their denominator "
            "(CITY_VALUES names it, else the population field such as 'einwohner'), which is the city rate; "
            "for an index or score, and without a denominator, the plain mean of the districts, marked Ø. The "
            "log says which rule each indicator got.\n"
            "INDICATORS is a table of field and label (empty label: the field's alias or name). The time "
            "series table is in long form: a key column (the key field's name, or Ortsteil/key/id), a "
            "year column (Jahr/year) and the indicator fields. The page layout is the template "
            "district_profile.qpt, which you can adapt (see the documentation).\n"
            "Counts are printed without decimals, rates with one; a value that is missing shows '–' with "
            "the symbol of its <field>_flag field (e.g. '.' kept secret). With a time series the table gets "
            "a trend column (↑ ↓ →, first to last year). A layer with index_class/index_label (from the "
            "social index) shows the district's class in the header. Optional: the parent unit "
            "(PARENT_FIELD, e.g. sb_name) and an age-structure chart (AGE_FIELDS, e.g. the cohorts from "
            "'Aggregate points to districts').")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("District polygons with the indicator fields, all districts of the city (ranks and city "
               "values refer to all of them)."))
        self.add_param(QgsProcessingParameterField(
            self.NAME_FIELD, tr("Name field"), parentLayerParameterName=self.DISTRICTS, optional=True),
            tr("District name; districts without a name are titled by their key."))
        self.add_param(QgsProcessingParameterField(
            self.KEY_FIELD, tr("Key field"), parentLayerParameterName=self.DISTRICTS),
            tr("District key (text such as '01'); must be unique."))
        self.add_param(QgsProcessingParameterMatrix(
            self.INDICATORS, tr("Indicators (field, label)"), numberRows=1, hasFixedNumberRows=False,
            headers=[tr("Field"), tr("Label")]),
            tr("One row per indicator: the numeric field and the label printed in the table. In "
               "qgis_process: --INDICATORS=\"field1,Label 1,field2,Label 2\" or \"field1=Label, with comma;field2\"."))
        self.add_param(QgsProcessingParameterExpression(
            self.FILTER, tr("Districts to include (expression)"), parentLayerParameterName=self.DISTRICTS,
            optional=True),
            tr("Only districts for which this expression is true get a page, e.g. \"sb_key\" = '03'. "
               "Empty: all districts."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.TIMESERIES, tr("Time series table"), [QgsProcessing.SourceType.TypeVector], optional=True),
            tr("Optional long table (one row per district and year) with the indicator fields; drawn as "
               "a chart of the district against the city."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr("Facilities"), [QgsProcessing.SourceType.TypeVectorPoint], optional=True),
            tr("Optional facility points, shown on the district map and listed (fields name and typ)."))
        self.add_param(QgsProcessingParameterField(
            self.PARENT_FIELD, tr("Parent unit field (Stadtbezirk)"), parentLayerParameterName=self.DISTRICTS,
            optional=True),
            tr("Optional field with the name of the parent unit (e.g. sb_name), printed in the header."))
        self.add_param(QgsProcessingParameterField(
            self.AGE_FIELDS, tr("Age cohort fields"), parentLayerParameterName=self.DISTRICTS,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True, optional=True),
            tr("Optional numeric fields with residents per age group, youngest first (e.g. ew_0_2, ew_3_5, "
               "ew_6_9, ew_10_15, ew_16_18, ew_19_64, ew_65plus); drawn as a bar chart of their shares of "
               "the population (population field, else the sum of the groups), district against city."))
        self.add_param(QgsProcessingParameterMatrix(
            self.CITY_VALUES, tr("City value per indicator (field, rule)"), numberRows=1, hasFixedNumberRows=False,
            headers=[tr("Field"), tr("City value")], optional=True),
            tr("Optional: how the city column is computed for an indicator. Rule 'sum' (city total, for counts "
               "and amounts), 'mean' (plain mean of the districts, marked Ø), 'population' (weighted by the "
               "population field) or the name of the denominator field (e.g. ew_15_64 for a rate per 100 "
               "residents aged 15–64: weighted by it, which gives the city rate). Indicators not listed: counts "
               "and amounts 'sum', an index or score 'mean', rates 'population' (or 'mean' without a population "
               "field). In qgis_process: "
               "--CITY_VALUES=\"kinder,sum,sgb2_quote,ew_15_64\"."), advanced=True)
        self.add_param(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Profiles PDF"), fileFilter=tr("PDF (*.pdf)")),
            tr("One PDF, one page per district."))
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("District profiles")))

    # ------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = require_source(self, parameters, self.DISTRICTS, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        require_field(source, key_field, self.KEY_FIELD)
        if name_field:
            require_field(source, name_field, self.NAME_FIELD)
        indicators = parse_indicators(parameters.get(self.INDICATORS))
        if not indicators:
            raise QgsProcessingException(tr("Give at least one indicator field ({0}).").format(self.INDICATORS))
        labels = []
        for field, label in indicators:
            index = require_field(source, field, self.INDICATORS, numeric=True)
            alias = source.fields().at(index).alias()
            labels.append(label or alias or field)
        fields = [f for f, _l in indicators]
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        layouts.check_output_path(output, self.OUTPUT, allowed=("pdf",))
        if os.path.isdir(output):
            raise QgsProcessingException(
                tr("Could not write the profiles {0} ({1}): a folder of that name exists.").format(output, self.OUTPUT))
        pop_field = find_field(source.fields().names(), POPULATION_FIELDS)
        parent_field = self.parameterAsString(parameters, self.PARENT_FIELD, context)
        if parent_field:
            require_field(source, parent_field, self.PARENT_FIELD)
        age_fields = compat.parameter_as_fields(self, parameters, self.AGE_FIELDS, context)
        for f in age_fields:
            require_field(source, f, self.AGE_FIELDS, numeric=True)
        names = source.fields().names()
        flag_fields = {f: f + "_flag" for f in set(fields) | set(age_fields) if f + "_flag" in names}
        class_field = find_field(names, INDEX_CLASS_FIELDS)
        label_field = find_field(names, INDEX_LABEL_FIELDS)
        extra = {"parent": parent_field, "class": class_field, "class_label": label_field}
        integer_fields = {f for f in fields if source.fields().at(require_field(source, f, self.INDICATORS)).type()
                          in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_UINT, compat.FIELD_ULONGLONG)}
        explicit = self._explicit_rules(parameters, source, fields, pop_field)
        denominators = sorted({w for _r, w in explicit.values() if w and w != "pop"} - set(fields) - set(age_fields))

        # districts: a copy that the atlas and the maps use (the input is never changed)
        districts = source.materialize(QgsFeatureRequest(), feedback)
        districts = self._metric_copy(districts, context, feedback)
        districts.setName(tr("Districts"))
        frame = self._district_frame(districts, key_field, name_field, pop_field,
                                     fields + age_fields + denominators, flag_fields, extra)
        selected = self._selected_keys(parameters, context, districts, key_field, frame)
        feedback.pushInfo(tr("{0} of {1} districts get a page.").format(len(selected), len(frame)))
        if len(indicators) > 12:
            feedback.pushWarning(tr("More than 12 indicators: the table may not fit on the page."))

        rules = {}
        for f, label in zip(fields, labels):
            if f in explicit:
                rules[f] = explicit[f]
            else:
                rule = profiles.default_rule(frame[f], f, label, is_integer=f in integer_fields,
                                             is_population=f == pop_field)
                rules[f] = (rule, "pop") if rule == profiles.WEIGHTED and pop_field else \
                    ((profiles.MEAN, None) if rule == profiles.WEIGHTED else (rule, None))
            rule, weight = rules[f]
            if rule == profiles.SUM:
                feedback.pushInfo(tr("City value of {0}: total of the districts (a count or amount).").format(label))
            elif rule == profiles.WEIGHTED:
                feedback.pushInfo(tr("City value of {0}: mean weighted by {1} (the city rate).").format(
                    label, pop_field if weight == "pop" else weight))
            else:
                feedback.pushInfo(tr("City value of {0}: plain mean of the districts (Ø; no denominator "
                                     "known, see CITY_VALUES).").format(label))
        table = profiles.indicator_table(frame, "key", fields, rules=rules)
        weight_names = {f: (pop_field if w == "pop" else w) for f, (_r, w) in rules.items() if w}
        series, trends = self._timeseries(parameters, context, feedback, key_field, frame, fields, labels,
                                          rules, weight_names)
        decimals = {f: profiles.indicator_decimals(frame[f], f, label, is_integer=f in integer_fields)
                    for f, label in zip(fields, labels)}
        ages = {}
        if age_fields:
            for key in selected:
                ages[key] = [(charts.cohort_label(c), share, city) for c, _n, share, city in
                             profiles.age_structure(frame, "key", age_fields, key,
                                                    population_col="pop" if pop_field else None)]
        facilities_layer, facility_lists = self._facilities(parameters, context, feedback, districts, key_field)
        check_canceled(feedback)

        sources = []
        for name in (self.DISTRICTS, self.TIMESERIES, self.FACILITIES):
            layer = self.parameterAsVectorLayer(parameters, name, context) if parameters.get(name) else None
            if layer is not None and layer_title(layer) not in sources:
                sources.append(layer_title(layer))
        footer = tr("Data: {0} · As of: {1} · Bildungslandschaft (QGIS)").format(", ".join(sources), today_text())

        project = context.project() or QgsProject.instance()
        try:
            layout = profile_layout.load_template(project)
        except (OSError, ValueError) as err:
            raise QgsProcessingException(
                tr("Could not read the page template {0}: {1}").format(profile_layout.template_path(), err))
        profile_layout.translate_captions(layout)
        profile_layout.fix_missing_fonts(layout)
        # the pages: a page-number field on our copy drives the atlas (filter and order), so that keys with
        # blanks, numbers stored as text or odd characters can never drop a page from an expression match
        page_field = _page_field(districts, selected, frame)
        tmpdir = tempfile.mkdtemp(prefix="bl_profiles_")
        try:
            writer = _PageWriter(layout, districts, key_field, frame, table, fields, labels, series,
                                 facilities_layer, facility_lists, footer, tmpdir, feedback, len(selected),
                                 decimals=decimals, trends=trends, ages=ages, age_fields=age_fields,
                                 flag_fields=flag_fields, weight_names=weight_names)
            atlas = layout.atlas()
            atlas.setEnabled(True)
            atlas.setCoverageLayer(districts)
            atlas.setFilterFeatures(True)
            atlas.setFilterExpression("{} IS NOT NULL".format(QgsExpression.quotedColumnRef(page_field)))
            atlas.setSortFeatures(True)
            atlas.setSortAscending(True)
            atlas.setSortExpression(QgsExpression.quotedColumnRef(page_field))
            atlas.setPageNameExpression(QgsExpression.quotedColumnRef(key_field))
            count = atlas.updateFeatures()
            if count != len(selected):
                raise QgsProcessingException(
                    tr("The page layout found {0} districts for {1} pages; no PDF written.").format(
                        count, len(selected)))
            atlas.featureChanged.connect(writer.fill)
            try:
                with layouts.TemporaryOutput(output, self.OUTPUT) as tmp:
                    result, error = QgsLayoutExporter.exportToPdf(atlas, tmp, layouts.pdf_settings(300), feedback)
                    if feedback.isCanceled():
                        raise QgsProcessingException(tr("Cancelled."))
                    if result != QgsLayoutExporter.ExportResult.Success:
                        raise QgsProcessingException(
                            tr("Could not write the profiles {0} ({1}): {2}").format(output, self.OUTPUT, error))
                    if writer.error:
                        raise QgsProcessingException(writer.error)
                    if writer.pages != len(selected):
                        raise QgsProcessingException(
                            tr("Only {0} of {1} profile pages were filled ({2}); no PDF written.").format(
                                writer.pages, len(selected), ", ".join(sorted(set(selected) - writer.keys))))
            except OSError as err:
                raise QgsProcessingException(
                    tr("Could not write the profiles {0} ({1}): {2}. Is the file open in another program, or "
                       "the folder read-only?").format(output, self.OUTPUT, err.strerror or err))
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)
        feedback.pushInfo(tr("{0} profile pages written to {1}").format(writer.pages, output))
        return {self.OUTPUT: output}

    # ------------------------------------------------------------------
    @staticmethod
    def _metric_copy(layer, context, feedback):
        """*layer* itself, or, when its CRS is geographic (degrees), a copy in the local UTM zone, so that the
        district and locator maps keep their true shape (the extent comes from the features)."""
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

        from .base import utm_crs_for

        crs = layer.crs()
        if not crs.isValid() or not crs.isGeographic() or layer.featureCount() == 0:
            return layer
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        layer.updateExtents()
        extent = layer.extent()
        if crs != wgs84:
            extent = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(extent)
        target = utm_crs_for(extent.center().x(), extent.center().y())
        feedback.pushInfo(tr("The districts are in {0} (degrees); the maps are drawn in {1}.").format(
            crs.authid(), target.authid()))
        return layer.materialize(QgsFeatureRequest().setDestinationCrs(target, context.transformContext()), feedback)

    def _explicit_rules(self, parameters, source, fields, pop_field):
        """{indicator field: (rule, weight column of the frame or None)} from CITY_VALUES."""
        rules = {}
        for field, text in parse_indicators(parameters.get(self.CITY_VALUES)):
            if field not in fields:
                raise QgsProcessingException(
                    tr("Field '{0}' in {1} is not one of the indicators ({2}).").format(
                        field, self.CITY_VALUES, ", ".join(fields)))
            word = text.strip()
            if word.lower() in ("sum", "total", "summe"):
                rules[field] = (profiles.SUM, None)
            elif word.lower() in ("mean", "mittel", "mittelwert"):
                rules[field] = (profiles.MEAN, None)
            elif word.lower() in ("population", "weighted", "einwohner", ""):
                if not pop_field:
                    raise QgsProcessingException(
                        tr("{0}: '{1}' is to be weighted by population, but the layer has no population field "
                           "({2}); name the denominator field instead.").format(
                               self.CITY_VALUES, field, ", ".join(POPULATION_FIELDS)))
                rules[field] = (profiles.WEIGHTED, "pop")
            else:
                require_field(source, word, self.CITY_VALUES, numeric=True)
                rules[field] = (profiles.WEIGHTED, "pop" if word == pop_field else word)
        return rules

    def _district_frame(self, layer, key_field, name_field, pop_field, fields, flag_fields, extra):
        rows = []
        seen = {}
        for n, feat in enumerate(layer.getFeatures(), start=1):
            key = feat[key_field]
            if key is None or str(key).strip() == "" or (hasattr(key, "isNull") and key.isNull()):
                raise QgsProcessingException(
                    tr("District {0} has no key in field {1} ({2}).").format(n, key_field, self.KEY_FIELD))
            key = profiles.normalise_keys([key], [])[0]
            if key in seen:
                raise QgsProcessingException(
                    tr("The key {0} occurs twice in field {1} ({2}); keys must be unique.").format(
                        key, key_field, self.KEY_FIELD))
            seen[key] = n
            name = feat[name_field] if name_field else None
            name = "" if name is None or (hasattr(name, "isNull") and name.isNull()) else str(name).strip()
            row = {"key": key, "name": name, "__fid": feat.id(),
                   "pop": _number(feat[pop_field]) if pop_field else float("nan")}
            for f in fields:
                row[f] = _number(feat[f])
            for f, flag in flag_fields.items():
                row["flag:" + f] = _text(feat[flag])
            for name, field in extra.items():
                row[name] = _text(feat[field]) if field else ""
            rows.append(row)
        return pd.DataFrame(rows)

    def _selected_keys(self, parameters, context, layer, key_field, frame):
        text = self.parameterAsExpression(parameters, self.FILTER, context)
        raw = parameters.get(self.FILTER)
        if not text and isinstance(raw, str):
            text = raw  # an unparsable expression comes back empty: report it instead of ignoring it
        keys_by_fid = dict(zip(frame["__fid"], frame["key"]))
        if not text or not text.strip():
            return sorted(frame["key"])
        expression = QgsExpression(text)
        if expression.hasParserError():
            raise QgsProcessingException(
                tr("The expression ({0}) is not valid: {1}").format(self.FILTER, expression.parserErrorString()))
        exp_context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        expression.prepare(exp_context)
        selected = []
        for feat in layer.getFeatures():
            exp_context.setFeature(feat)
            value = expression.evaluate(exp_context)
            if expression.hasEvalError():
                raise QgsProcessingException(
                    tr("The expression ({0}) fails: {1}").format(self.FILTER, expression.evalErrorString()))
            if value:
                selected.append(keys_by_fid[feat.id()])
        if not selected:
            raise QgsProcessingException(
                tr("The expression ({0}) selects no district: {1}").format(self.FILTER, text))
        return sorted(selected)

    def _timeseries(self, parameters, context, feedback, key_field, frame, fields, labels, rules, weight_names):
        """{key: [(label, years, district values, city values, city is a mean per district)]}, {(key, field): trend}.

        The chart's city line of a rate is weighted like the table's city value (by the same field of the time
        series table, else its population column); for counts and amounts it is the mean per district (a
        total would dwarf the district's line) and drawn as such.
        """
        if not parameters.get(self.TIMESERIES):
            return {}, {}
        ts = require_source(self, parameters, self.TIMESERIES, context)
        names = ts.fields().names()
        key_col = key_field if key_field in names else find_field(names, KEY_COLUMNS)
        year_col = find_field(names, YEAR_COLUMNS)
        if key_col is None or year_col is None:
            raise QgsProcessingException(
                tr("The time series table ({0}) needs a key column ({1} or Ortsteil/key/id) and a year column "
                   "(Jahr/year); it has: {2}").format(self.TIMESERIES, key_field, ", ".join(names)))
        found = [(f, label) for f, label in zip(fields, labels) if f in names]
        if not found:
            feedback.pushWarning(tr("The time series table ({0}) has none of the indicator fields; no chart.").format(
                self.TIMESERIES))
            return {}, {}
        pop_col = find_field(names, POPULATION_FIELDS)
        chart_rules = {}
        for f, label in found:
            rule, _w = rules.get(f, (profiles.MEAN, None))
            wanted = weight_names.get(f)
            if rule != profiles.WEIGHTED:
                chart_rules[f] = (profiles.MEAN, None)
            elif wanted and wanted in names:
                chart_rules[f] = (profiles.WEIGHTED, wanted)
            elif pop_col:
                chart_rules[f] = (profiles.WEIGHTED, pop_col)
                feedback.pushInfo(tr("Chart of {0}: the time series table has no field {1}; the city line is "
                                     "weighted by {2}.").format(label, wanted, pop_col))
            else:
                chart_rules[f] = (profiles.MEAN, None)
                feedback.pushInfo(tr("Chart of {0}: the time series table has no field {1}; the city line is the "
                                     "plain mean of the districts.").format(label, wanted))
        extra_cols = sorted({w for _r, w in chart_rules.values() if w} - {f for f, _l in found})
        columns = [key_col, year_col] + [f for f, _l in found] + extra_cols
        rows = [[feat[c] for c in columns] for feat in ts.getFeatures()]
        df = pd.DataFrame(rows, columns=["key", "year"] + [f for f, _l in found] + extra_cols)
        # DataFrame.map from pandas 2.1 on (applymap is deprecated there); Debian 12 has pandas 1.5
        df = (df.map if hasattr(df, "map") else df.applymap)(lambda v: None if hasattr(v, "isNull") and v.isNull() else v)
        df["key"] = profiles.normalise_keys(df["key"].tolist(), frame["key"].tolist())
        for c in df.columns[1:]:
            df[c] = pd.to_numeric(df[c], errors="coerce")
        keys = set(frame["key"])
        unknown = sorted(set(k for k in df["key"] if k is not None) - keys)
        if unknown:
            feedback.pushInfo(tr("Time series rows not matching a district (left out, e.g. totals): {0}").format(
                ", ".join(unknown[:10])))
        per_city = {f: profiles.timeseries(df, "key", "year", f, keys=keys, population_col=chart_rules[f][1],
                                           rule=chart_rules[f][0]) for f, _l in found}
        result = {}
        trends = {}
        for key in frame["key"]:
            for f, _label in found:
                district = profiles.district_series(df, "key", "year", f, key)
                trends[(key, f)] = profiles.trend(list(district.index), list(district.values))
            panels = []
            for f, label in found[:3]:
                city = per_city[f]
                district = profiles.district_series(df, "key", "year", f, key)
                years = list(city.index)
                panels.append((label, years, [district.get(y, float("nan")) for y in years], list(city.values),
                               rules.get(f, (profiles.MEAN,))[0] != profiles.WEIGHTED))
            result[key] = panels
        if len(found) > 3:
            feedback.pushInfo(tr("The chart shows the first three indicators of the time series."))
        return result, trends

    def _facilities(self, parameters, context, feedback, districts, key_field):
        """(styled point layer in the districts' CRS or None, {key: [text lines]})."""
        if not parameters.get(self.FACILITIES):
            return None, {}
        src = require_source(self, parameters, self.FACILITIES, context, allow_empty=True)
        layer = src.materialize(QgsFeatureRequest().setDestinationCrs(districts.crs(), context.transformContext()),
                                feedback)
        layer.setName(tr("Facilities"))
        apply_default_style(layer, "facilities" if layer.fields().lookupField("typ") >= 0 else "points")
        names = layer.fields().names()
        name_col = find_field(names, FACILITY_NAME_FIELDS)
        type_col = find_field(names, FACILITY_TYPE_FIELDS)
        index = QgsSpatialIndex(districts.getFeatures())
        geoms = {f.id(): (f.geometry(), profiles.normalise_keys([f[key_field]], [])[0])
                 for f in districts.getFeatures()}
        lists = {}
        for feat in layer.getFeatures():
            geom = feat.geometry()
            if geom is None or geom.isEmpty():
                continue
            for fid in sorted(index.intersects(geom.boundingBox())):  # ties: the first district (DEVELOPING.md)
                poly, key = geoms[fid]
                if poly.contains(geom) or poly.intersects(geom):
                    name = feat[name_col] if name_col else None
                    typ = feat[type_col] if type_col else None
                    name = "" if name is None or (hasattr(name, "isNull") and name.isNull()) else str(name)
                    typ = "" if typ is None or (hasattr(typ, "isNull") and typ.isNull()) else str(typ)
                    lists.setdefault(key, []).append((typ, name))
                    break
        return layer, {k: sorted(v) for k, v in lists.items()}


def _page_field(layer, selected, frame):
    """Add an integer page-number field to the memory *layer*: 1.. in the order of *selected*, NULL elsewhere."""
    from qgis.core import QgsField

    names = set(layer.fields().names())
    name = "_bl_page"
    while name in names:
        name += "_"
    provider = layer.dataProvider()
    if not provider.addAttributes([QgsField(name, compat.FIELD_INT)]):
        raise QgsProcessingException(tr("Could not prepare the districts for the pages."))
    layer.updateFields()
    index = layer.fields().lookupField(name)
    fid_by_key = dict(zip(frame["key"], frame["__fid"]))
    if not provider.changeAttributeValues({int(fid_by_key[k]): {index: n} for n, k in enumerate(selected, 1)}):
        raise QgsProcessingException(tr("Could not prepare the districts for the pages."))
    return name


def _text(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def _number(value):
    try:
        if value is None or (hasattr(value, "isNull") and value.isNull()):
            return float("nan")
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


class _PageWriter:
    """Fills the template's items for the atlas feature of each page."""

    def __init__(self, layout, districts, key_field, frame, table, fields, labels, series, facilities_layer,
                 facility_lists, footer, tmpdir, feedback, total, decimals=None, trends=None, ages=None,
                 age_fields=(), flag_fields=None, weight_names=None):
        self.layout = layout
        self.key_field = key_field
        self.key_index = districts.fields().lookupField(key_field)
        self.frame = frame.set_index("key")
        self.table = table
        self.fields = fields
        self.labels = labels
        self.series = series
        self.facility_lists = facility_lists
        self.tmpdir = tmpdir
        self.feedback = feedback
        self.total = max(total, 1)
        self.pages = 0
        self.keys = set()  # districts whose page was filled (the exporter may announce a page twice)
        self.weight_names = weight_names or {}
        self.error = None
        self.locale = QLocale(locale_name())
        self.decimals = decimals or {f: profiles.decimals_for(frame[f]) for f in fields}
        self.trends = trends or {}
        self.ages = ages or {}
        self.flag_fields = flag_fields or {}
        self.age_fields_list = list(age_fields)
        classes = pd.to_numeric(frame["class"], errors="coerce") if "class" in frame else pd.Series(dtype=float)
        self.n_classes = int(classes.max()) if classes.notna().any() else 0
        years = [(t[2], t[3]) for t in self.trends.values() if t[2] is not None]
        self.trend_years = (min(y[0] for y in years), max(y[1] for y in years)) if years else None
        self.item = {name: layout.itemById(name) for name in profile_layout.ITEM_IDS}
        for name in ("chart", "age_chart"):  # drawn as vectors with real text (small PDF), see ChartItem
            if isinstance(self.item.get(name), QgsLayoutItemPicture):
                self.item[name] = profile_layout.replace_with_chart_item(layout, self.item[name])
        self.text_table = profile_layout.find_table(layout)
        if layout.itemById("footer") is not None:
            layout.itemById("footer").setText(footer)
        self._setup_maps(districts, facilities_layer)
        if not series:
            self._hide("chart", "chart_caption")
        if facilities_layer is None:
            self._hide("facilities", "facilities_caption")
        if not self.ages:
            self._hide("age_chart", "age_caption")
        if not self.n_classes:
            self._hide("index_badge")
        if self.text_table is not None and self.trend_years is None:
            profile_layout.drop_trend_column(self.text_table)

    def _hide(self, *names):
        for name in names:
            if self.item.get(name) is not None:
                self.item[name].setVisibility(False)

    def _setup_maps(self, districts, facilities_layer):
        key = QgsExpression.quotedColumnRef(self.key_field)
        current = "{} = attribute(@atlas_feature, {})".format(key, QgsExpression.quotedValue(self.key_field))
        # a second copy with its own renderer (memory layers cannot be cloned with their features)
        self.locator_layer = districts.materialize(QgsFeatureRequest())
        locator = self.item.get("locator_map")
        if isinstance(locator, QgsLayoutItemMap) and locator.rect().width() > 0:
            # the locator shows the whole city a few cm wide: 0.15 mm on paper is enough detail, and the
            # PDF (vector) no longer carries every vertex of every district on every page
            extent = districts.extent()
            tolerance = 0.15 * max(extent.width() / locator.rect().width(), extent.height() / locator.rect().height())
            simplify_layer(self.locator_layer, tolerance)
        self.locator_layer.setRenderer(_rule_renderer([
            (current, {"color": "214,96,37,255", "outline_color": "#7f2704", "outline_width": "0.4"}),
            ("ELSE", {"color": "232,232,232,255", "outline_color": "#ffffff", "outline_width": "0.2"}),
        ]))
        districts.setRenderer(_rule_renderer([
            (current, {"color": "253,208,162,70", "outline_color": "#7f2704", "outline_width": "0.7"}),
            ("ELSE", {"style": "no", "outline_color": "#8c8c8c", "outline_width": "0.25"}),
        ]))
        self.districts = districts
        self.facilities_layer = facilities_layer
        locator = self.item.get("locator_map")
        if isinstance(locator, QgsLayoutItemMap):
            locator.setCrs(districts.crs())
            locator.setLayers([self.locator_layer])
            locator.setKeepLayerSet(True)
            locator.setAtlasDriven(False)
            rect = locator.rect()
            locator.setExtent(layouts.fit_extent(city_extent(districts.extent()), rect.width(), rect.height()))
        detail = self.item.get("detail_map")
        if isinstance(detail, QgsLayoutItemMap):
            detail.setCrs(districts.crs())
            detail.setLayers(([facilities_layer] if facilities_layer is not None else []) + [districts])
            detail.setKeepLayerSet(True)
            detail.setAtlasDriven(True)
            if detail.atlasScalingMode() != QgsLayoutItemMap.AtlasScalingMode.Auto and detail.atlasScalingMode() != \
                    QgsLayoutItemMap.AtlasScalingMode.Fixed and detail.atlasScalingMode() != QgsLayoutItemMap.AtlasScalingMode.Predefined:
                detail.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
            rect = detail.rect()
            detail.setExtent(layouts.fit_extent(districts.extent(), rect.width(), rect.height()))

    def fmt(self, value, decimals, signed=False):
        if value is None or value != value:
            return "–"
        text = self.locale.toString(float(value), "f", decimals)
        if signed and value > 0:
            text = "+" + text
        return text.replace("-", "−") if text.startswith("-") else text

    def fill(self, feature):
        try:
            self._fill(feature)
        except Exception as err:  # noqa: BLE001 - reported after the export, never a crash in a signal
            self.error = tr("Could not fill the profile page: {0}").format(err)
            self.feedback.reportError(self.error)

    def _fill(self, feature):
        feature = self.layout.reportContext().feature()  # the signal's copy carries no attributes
        key = profiles.normalise_keys([feature.attribute(self.key_index)], [])[0]
        row = self.frame.loc[key]
        new_page = key not in self.keys
        name = row["name"] or tr("District {0}").format(key)
        title = self.item.get("title")
        if isinstance(title, QgsLayoutItemLabel):
            title_font = compat.label_font(title)
            font, lines = layouts.fit_text(name, title.rect().width(), title_font.pointSizeF(),
                                           max(title_font.pointSizeF() * 0.6, 9), 1, bold=title_font.bold())
            compat.set_label_font(title, font)
            title.setText("\n".join(lines))
        subtitle = self.item.get("subtitle")
        if isinstance(subtitle, QgsLayoutItemLabel):
            parts = [tr("Key {0}").format(key)]
            if row.get("parent"):
                parts.append(tr("Borough {0}").format(row["parent"]))
            if row["pop"] == row["pop"]:
                parts.append(tr("Population {0}").format(self.fmt(row["pop"], 0)))
            subtitle.setText(" · ".join(parts))
        self._badge(row)
        symbols = set()
        rules = set()
        if self.text_table is not None:
            rows = []
            sub = self.table[self.table["key"] == key].set_index("indicator")
            with_trend = any(c.heading() == profile_layout.TREND_HEADING() for c in self.text_table.columns())
            for field, label in zip(self.fields, self.labels):
                r = sub.loc[field]
                d = self.decimals[field]
                rank = "–" if r["rank"] != r["rank"] else tr("{0} of {1}").format(int(r["rank"]), int(r["n"]))
                value = self.fmt(r["value"], d)
                flag = row.get("flag:" + field, "") if r["value"] != r["value"] else ""
                if flag:
                    value = "– ({0})".format(flag)
                    symbols.add(flag)
                city = self.fmt(r["city"], d)
                if r["rule"] == profiles.MEAN and city != "–":
                    city = "Ø " + city
                rules.add((r["rule"], self.weight_names.get(field) if r["rule"] == profiles.WEIGHTED else None))
                cells = [label, value, city, self.fmt(r["difference"], d, signed=True), rank,
                         self.fmt(r["z"], 2, signed=True)]
                if with_trend:
                    change, arrow, _y0, _y1 = self.trends.get((key, field), (float("nan"), "", None, None))
                    cells.append("{0} {1}".format(arrow, self.fmt(change, d, signed=True)) if arrow else "–")
                rows.append(cells)
            self.text_table.setContents(rows)
        chart = self.item.get("chart")
        number_format = self._axis_number
        if isinstance(chart, profile_layout.ChartItem) and self.series:
            panels = self.series.get(key, [])
            chart.drawer = functools.partial(_draw_series, panels=panels, district_label=name,
                                             number_format=number_format)
            chart.refresh()
        age_chart = self.item.get("age_chart")
        if isinstance(age_chart, profile_layout.ChartItem) and self.ages:
            symbols.update(self.age_fields_with_flags(row))
            age_chart.drawer = functools.partial(_draw_ages, rows=self.ages.get(key, []), district_label=name,
                                                 number_format=number_format)
            age_chart.refresh()
        note = self.item.get("table_note")
        if isinstance(note, QgsLayoutItemLabel):
            note.setText(self._note(symbols, rules))
        facilities = self.item.get("facilities")
        if isinstance(facilities, QgsLayoutItemLabel) and self.facilities_layer is not None:
            items = self.facility_lists.get(key, [])
            if not items:
                facilities.setText(tr("No facilities in this district."))
            else:
                lines = ["{} ({})".format(n, t) if t and n else (n or t) for t, n in items]
                fit = max(2, min(MAX_FACILITY_LINES,
                                 int(facilities.rect().height() / layouts.line_height_mm(compat.label_font(facilities)))))
                if len(lines) > fit:
                    more = len(lines) - (fit - 1)
                    lines = lines[:fit - 1] + [tr("… and {0} more").format(more)]
                facilities.setText("\n".join(lines))
        if new_page:
            self.keys.add(key)
            self.pages = len(self.keys)
            self.feedback.setProgress(100.0 * self.pages / self.total)
            self.feedback.pushInfo(tr("Page {0}: {1}").format(self.pages, name))


    def _axis_number(self, value, decimals):
        return self.locale.toString(float(value), "f", decimals)

    def age_fields_with_flags(self, row):
        """Flag symbols of the suppressed age cohorts of this district."""
        return sorted({row.get("flag:" + f) for f in self.age_fields_list
                       if row.get("flag:" + f) and row.get(f) != row.get(f)})

    def _note(self, symbols, rules=()):
        parts = []
        city = []
        if any(r == profiles.SUM for r, _w in rules):
            city.append(tr("total of all districts for counts and amounts"))
        weights = sorted({w for r, w in rules if r == profiles.WEIGHTED and w})
        if weights:
            city.append(tr("rates weighted by {0}").format(", ".join(weights)))
        if any(r == profiles.MEAN for r, _w in rules):
            city.append(tr("Ø plain mean of the districts"))
        if city:
            parts.append(tr("City: {0}").format("; ".join(city)))
        if self.trend_years is not None:
            parts.append(tr("Trend: change {0}–{1} (→: less than 2 % of the first value)").format(*self.trend_years))
        names = profile_layout.flag_meanings()
        for sym in sorted(symbols):
            parts.append("– ({0}) {1}".format(sym, names.get(sym, tr("no value"))))
        return " · ".join(parts)

    def _badge(self, row):
        badge = self.item.get("index_badge")
        if not isinstance(badge, QgsLayoutItemLabel) or not self.n_classes:
            return
        try:
            cls = int(float(row.get("class")))
        except (TypeError, ValueError):
            cls = None
        if cls is None:
            colour = QColor(224, 224, 224)
            text = tr("Social index\nno class (left out)")
        else:
            rgb = INDEX_COLOURS.get(cls) if self.n_classes == 4 else None
            colour = QColor(*rgb) if rgb else styles_ramp(self.n_classes)[max(min(cls, self.n_classes), 1) - 1]
            label = class_label_text(row.get("class_label") or "")
            text = tr("Social index class {0}").format(cls) + ("\n" + label if label else "")
        badge.setBackgroundEnabled(True)
        badge.setBackgroundColor(colour)
        dark = colour.red() * 0.299 + colour.green() * 0.587 + colour.blue() * 0.114 < 140
        compat.set_label_color(badge, QColor(255, 255, 255) if dark else QColor(26, 26, 26))
        badge.setText(text)


#: class labels the social index writes (English source text of tr()); see styles.berlin_labels
CLASS_LABEL_SOURCES = ("high", "medium", "low", "very low")
CLASS_RANGE_SOURCE = "class {0} of {1} ({2} to {3})"


@functools.lru_cache(maxsize=None)
def _shipped_translations(source):
    """*source* and its translations in every language the plugin ships (.qm files)."""
    import glob

    from qgis.PyQt.QtCore import QTranslator

    from ..translation import CONTEXT, PLUGIN_DIR

    texts = {source}
    for path in glob.glob(os.path.join(PLUGIN_DIR, "i18n", "*.qm")):
        translator = QTranslator()
        if translator.load(path):
            text = translator.translate(CONTEXT, source)
            if text:
                texts.add(text)
    return frozenset(texts)


def _translations(source):
    """*source*, its translations in the shipped languages and in the current one."""
    return set(_shipped_translations(source)) | {tr(source)}


def class_label_text(label):
    """A social-index class label in the user's language (one language per page).

    The index layer stores its labels in the language of the run that made it ("very low" from an English
    QGIS); a label the plugin writes, in any of its languages, is shown in the current language. A label of
    the user's own is shown as it is.
    """
    text = str(label).strip()
    if not text:
        return ""
    for source in CLASS_LABEL_SOURCES:
        if text.lower() in {t.lower() for t in _translations(source)}:
            return tr(source)
    for template in _translations(CLASS_RANGE_SOURCE):
        pattern = "^" + "(.+?)".join(re.escape(part) for part in re.split(r"\{\d\}", template)) + "$"
        match = re.match(pattern, text)
        if match:
            return tr(CLASS_RANGE_SOURCE).format(*match.groups())
    return text


def _draw_series(painter, width, height, px_per_mm, panels, district_label, number_format):
    charts.draw_timeseries(painter, width, height, px_per_mm, panels, font_family=layouts.font_family(),
                           district_label=district_label, city_label=tr("City"), number_format=number_format,
                           mean_label=tr("City: mean per district"))


def _draw_ages(painter, width, height, px_per_mm, rows, district_label, number_format):
    charts.draw_age_structure(painter, width, height, px_per_mm, rows, font_family=layouts.font_family(),
                              district_label=district_label, city_label=tr("City"), number_format=number_format)


def city_extent(extent, margin=0.04):
    """*extent* with a margin of *margin* of its larger side, in the layer's own units (degrees or metres)."""
    from qgis.core import QgsRectangle

    side = max(extent.width(), extent.height())
    if not side > 0:
        side = 1.0  # a single point: any small window around it
    pad = side * margin
    return QgsRectangle(extent.xMinimum() - pad, extent.yMinimum() - pad, extent.xMaximum() + pad,
                        extent.yMaximum() + pad)


def simplify_layer(layer, tolerance):
    """Douglas-Peucker simplification of every geometry of a memory *layer* in place (invalid results kept out)."""
    changes = {}
    for feat in layer.getFeatures():
        geom = feat.geometry()
        if geom is None or geom.isEmpty():
            continue
        simple = geom.simplify(tolerance)
        if simple is not None and not simple.isEmpty():
            changes[feat.id()] = simple
    if changes:
        layer.dataProvider().changeGeometryValues(changes)
        layer.updateExtents()


def styles_ramp(n):
    from ..styles import ramp_colours

    return ramp_colours(n)


def _rule_renderer(rules):
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, props in rules:
        rule = QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(props))
        if expression == "ELSE":
            rule.setIsElse(True)
        else:
            rule.setFilterExpression(expression)
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)
