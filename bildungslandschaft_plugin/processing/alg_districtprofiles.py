"""``bildungslandschaft:districtprofiles`` – one PDF page per district (Ortsteilprofil)."""

import os

import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMatrix,
    QgsProject,
    QgsSpatialIndex,
)

from .. import compat
from ..core import profiles
from ..rendering import charts, layouts, profile_pages, profile_project
from ..rendering.map_layout import layer_title, today_text
from ..rendering.profile_pages import find_field, parse_indicators
from ..rendering.styles import apply_default_style
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, check_canceled, require_field, require_source
from .values import number_or_nan, plain

POPULATION_FIELDS = ("einwohner", "ew_gesamt", "population", "bevoelkerung", "bevölkerung", "ew", "einw")
KEY_COLUMNS = ("ortsteil", "key", "schluessel", "schlüssel", "ot_key", "id", "gebiet", "raum")
YEAR_COLUMNS = ("jahr", "year", "stichtag_jahr")
FACILITY_NAME_FIELDS = ("name", "bezeichnung", "einrichtung")
FACILITY_TYPE_FIELDS = ("typ", "type", "art", "kategorie")
INDEX_CLASS_FIELDS = ("index_class",)
INDEX_LABEL_FIELDS = ("index_label",)


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
    ADD_LAYOUT_TO_PROJECT = "ADD_LAYOUT_TO_PROJECT"
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
        self.add_param(QgsProcessingParameterBoolean(
            self.ADD_LAYOUT_TO_PROJECT, tr("Add the atlas layout to the project"), defaultValue=False),
            tr("Also add the profiles as an editable atlas layout (and its layers, in a group) to the current "
               "project; Atlas ▸ Export in the layout designer then reproduces the PDF. Its data (a GeoPackage "
               "and the charts as SVG) is written into the folder <name of the PDF>_atlas beside the PDF."),
            advanced=True)
        self.add_param(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Profiles PDF"), fileFilter=tr("PDF (*.pdf)")),
            tr("One PDF, one page per district."))
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("District profiles")))

    # ------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        spec = self._read_spec(parameters, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        layouts.check_output_path(output, self.OUTPUT, allowed=("pdf",))
        if os.path.isdir(output):
            raise QgsProcessingException(
                tr("Could not write the profiles {0} ({1}): a folder of that name exists.").format(output, self.OUTPUT))

        # districts: a copy that the atlas and the maps use (the input is never changed)
        districts = spec["source"].materialize(QgsFeatureRequest(), feedback)
        districts = self._metric_copy(districts, context, feedback)
        districts.setName(tr("Districts"))
        frame = self._district_frame(districts, spec)
        selected = self._selected_keys(parameters, context, districts, spec["key_field"], frame)
        feedback.pushInfo(tr("{0} of {1} districts get a page.").format(len(selected), len(frame)))
        if len(spec["fields"]) > 12:
            feedback.pushWarning(tr("More than 12 indicators: the table may not fit on the page."))

        rules = self._city_rules(spec, frame, feedback)
        table = profiles.indicator_table(frame, "key", spec["fields"], rules=rules)
        weight_names = {f: (spec["pop_field"] if w == "pop" else w) for f, (_r, w) in rules.items() if w}
        series, trends = self._timeseries(parameters, context, feedback, spec["key_field"], frame, spec["fields"],
                                          spec["labels"], rules, weight_names)
        decimals = {f: profiles.indicator_decimals(frame[f], f, label, is_integer=f in spec["integer_fields"])
                    for f, label in zip(spec["fields"], spec["labels"])}
        ages = {key: [(charts.cohort_label(c), share, city) for c, _n, share, city in
                      profiles.age_structure(frame, "key", spec["age_fields"], key,
                                             population_col="pop" if spec["pop_field"] else None)]
                for key in selected} if spec["age_fields"] else {}
        facilities_layer, facility_lists = self._facilities(parameters, context, feedback, districts,
                                                            spec["key_field"])
        check_canceled(feedback)

        content = profile_pages.ProfileContent(
            districts=districts, key_field=spec["key_field"], frame=frame, table=table, fields=spec["fields"],
            labels=spec["labels"], series=series, facilities_layer=facilities_layer,
            facility_lists=facility_lists, footer=self._footer(parameters, context), selected=selected,
            decimals=decimals, trends=trends, ages=ages, age_fields=spec["age_fields"],
            flag_fields=spec["flag_fields"], weight_names=weight_names)
        project = context.project() or QgsProject.instance()
        add = self.parameterAsBoolean(parameters, self.ADD_LAYOUT_TO_PROJECT, context)
        folder = profile_project.folder_for(output)
        recorder = profile_project.PageRecorder(folder) if add else None
        if add:
            os.makedirs(folder, exist_ok=True)
        pages = profile_pages.export_profiles(project, content, output, self.OUTPUT, feedback, recorder=recorder)
        feedback.pushInfo(tr("{0} profile pages written to {1}").format(pages, output))
        if add:
            layout = profile_project.persist_atlas(project, content, recorder, folder, feedback)
            feedback.pushInfo(tr("Layout '{0}' added to the project (its data in {1}).").format(
                layout.name(), folder))
        return {self.OUTPUT: output}

    # ------------------------------------------------------------------
    def _read_spec(self, parameters, context):
        """The districts source and the fields the parameters name, all checked."""
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
        pop_field = find_field(source.fields().names(), POPULATION_FIELDS)
        parent_field = self.parameterAsString(parameters, self.PARENT_FIELD, context)
        if parent_field:
            require_field(source, parent_field, self.PARENT_FIELD)
        age_fields = compat.parameter_as_fields(self, parameters, self.AGE_FIELDS, context)
        for f in age_fields:
            require_field(source, f, self.AGE_FIELDS, numeric=True)
        names = source.fields().names()
        integer_fields = {f for f in fields if source.fields().at(require_field(source, f, self.INDICATORS)).type()
                          in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_UINT, compat.FIELD_ULONGLONG)}
        explicit = self._explicit_rules(parameters, source, fields, pop_field)
        denominators = sorted({w for _r, w in explicit.values() if w and w != "pop"} - set(fields) - set(age_fields))
        return {"source": source, "key_field": key_field, "name_field": name_field, "fields": fields,
                "labels": labels, "pop_field": pop_field, "age_fields": age_fields,
                "integer_fields": integer_fields, "explicit": explicit, "denominators": denominators,
                "flag_fields": {f: f + "_flag" for f in set(fields) | set(age_fields) if f + "_flag" in names},
                "extra": {"parent": parent_field, "class": find_field(names, INDEX_CLASS_FIELDS),
                          "class_label": find_field(names, INDEX_LABEL_FIELDS)}}

    def _city_rules(self, spec, frame, feedback):
        """{indicator: (rule, weight)}: CITY_VALUES, else the default rule of the indicator (logged)."""
        rules = {}
        pop_field = spec["pop_field"]
        for f, label in zip(spec["fields"], spec["labels"]):
            if f in spec["explicit"]:
                rules[f] = spec["explicit"][f]
            else:
                rule = profiles.default_rule(frame[f], f, label, is_integer=f in spec["integer_fields"],
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
        return rules

    def _footer(self, parameters, context):
        sources = []
        for name in (self.DISTRICTS, self.TIMESERIES, self.FACILITIES):
            layer = self.parameterAsVectorLayer(parameters, name, context) if parameters.get(name) else None
            if layer is not None and layer_title(layer) not in sources:
                sources.append(layer_title(layer))
        return tr("Data: {0} · As of: {1} · Bildungslandschaft (QGIS)").format(", ".join(sources), today_text())

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

    def _district_frame(self, layer, spec):
        key_field, name_field, pop_field = spec["key_field"], spec["name_field"], spec["pop_field"]
        fields = spec["fields"] + spec["age_fields"] + spec["denominators"]
        flag_fields, extra = spec["flag_fields"], spec["extra"]
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
                   "pop": number_or_nan(feat[pop_field]) if pop_field else float("nan")}
            for f in fields:
                row[f] = number_or_nan(feat[f])
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


def _text(value):
    value = plain(value)
    return "" if value is None else str(value).strip()


