"""bildungslandschaft:socialindex – social index (Berlin monitoring method and alternatives)."""

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsProcessingException,
    QgsProcessingParameterExpression,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import socialindex as si
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_field, require_source
from ..styles import attach_class_style, berlin_labels, dynamic_labels
from . import index_common as ic
from .index_common import (
    add_output_feature,
    column,
    copied_feature,
    feature_label,
    field,
    guess_key_field,
    input_error,
    open_output,
    read_features,
)
from .values import python_value as value_or_none
from .. import compat


def _fmt(value):
    return "{:.2f}".format(value)


class SocialIndexAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.SOCIAL_INDEX
    GROUP_ID = ids.GROUP_SOCIAL

    INPUT = ic.INPUT
    INDICATORS = ic.INDICATORS
    NEGATIVE = "NEGATIVE"
    WEIGHTS = "WEIGHTS"
    POPULATION = ic.POPULATION
    MIN_POPULATION = ic.MIN_POPULATION
    METHOD = "METHOD"
    CLASSIFICATION = "CLASSIFICATION"
    N_CLASSES = "N_CLASSES"
    PREVIOUS_INDICATORS = "PREVIOUS_INDICATORS"
    CHANGE_INDICATORS = "CHANGE_INDICATORS"
    EXCLUDE = "EXCLUDE"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Social index (Sozialindex)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Condenses small-area social indicators into one social index, by default exactly as Berlin's "
            "Monitoring Soziale Stadtentwicklung: areas below the population minimum are left out; each "
            "indicator is standardised over the remaining areas (z-score with the population standard "
            "deviation), indicators where a high value means less burden change sign, the weighted sum of "
            "the z-scores is standardised again. A high index means high social burden. Classes: 1 high "
            "status (index < -1), 2 medium (-1 to 1), 3 low (above 1 up to 1.5), 4 very low (above 1.5). "
            "With the indicators of two years earlier, the dynamic index on the changes gives the classes "
            "positive / stable / negative and the 12 groups of status and dynamics; monitoring reports "
            "publish the changes themselves (Berlin MSS: D1, D3, D4), which CHANGE_INDICATORS takes instead. "
            "EXCLUDE (an expression) leaves out the areas the monitoring leaves out. Values that look like "
            "missing-value codes (-9999) and shares outside 0-100 are named in warnings. Alternatives: min-max "
            "scaling, first principal component; quantile, natural-breaks (Jenks) or equal-interval "
            "classes. Output fields: z_<indicator>, status_sum, index, index_class, index_label, rank "
            "(1 = highest index), dyn_index, dyn_class, group, excluded (reason).")

    def initAlgorithm(self, config=None):  # noqa: N802
        ic.add_area_parameters(
            self, tr("Districts (Ortsteile, Planungsräume) with one row per area, or a table without geometry."),
            tr("Numeric indicator fields, e.g. SGB II quota, child poverty, unemployment."))
        self.add_param(QgsProcessingParameterField(
            self.NEGATIVE, tr("Indicators where a high value means less burden"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True, optional=True),
            tr("Subset of the indicators whose sign is flipped (e.g. a share of pupils with a "
               "Gymnasium recommendation)."))
        self.add_param(QgsProcessingParameterString(
            self.WEIGHTS, tr("Weights (field:weight;...)"), defaultValue="", optional=True),
            tr("Optional weights, e.g. 'sgb2_quote:2;kinderarmut:1'. Indicators not named get weight 1."))
        ic.add_population_parameters(
            self, tr("Residents per area; areas below the minimum are left out of the standardisation."),
            tr("Areas with fewer residents get no index (Berlin and Hamburg practice: 300)."))
        self.add_param(QgsProcessingParameterEnum(
            self.METHOD, tr("Method"),
            options=[tr("z-scores (Berlin monitoring)"), tr("min-max scaling"), tr("first principal component")],
            defaultValue=0),
            tr("How the indicators are combined."))
        self.add_param(QgsProcessingParameterEnum(
            self.CLASSIFICATION, tr("Classification"),
            options=[tr("Berlin classes (-1, 1, 1.5)"), tr("quantiles"), tr("natural breaks (Jenks)"),
                     tr("equal intervals")],
            defaultValue=0),
            tr("How the index is cut into classes (class 1 = least burden)."))
        self.add_param(QgsProcessingParameterNumber(
            self.N_CLASSES, tr("Number of classes"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=4, minValue=2, maxValue=12),
            tr("For quantiles, natural breaks and equal intervals; the Berlin classes are always 4."))
        self.add_param(QgsProcessingParameterField(
            self.PREVIOUS_INDICATORS, tr("Indicators two years earlier (dynamics)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric,
            allowMultiple=True, optional=True),
            tr("The same indicators two years earlier, in the same order; gives the dynamic index, its classes "
               "and the 12 groups."))
        self.add_param(QgsProcessingParameterField(
            self.CHANGE_INDICATORS, tr("Published changes over two years (dynamics)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric,
            allowMultiple=True, optional=True),
            tr("Instead of the earlier values: the changes x(t) - x(t-2) as a monitoring report publishes them "
               "(Berlin MSS: D1, D3, D4), in the same order as INDICATORS."))
        self.add_param(QgsProcessingParameterExpression(
            self.EXCLUDE, tr("Leave out areas where (expression)"), parentLayerParameterName=self.INPUT,
            optional=True),
            tr("Areas for which this expression is true get no index and do not count in the standardisation, "
               "e.g. \"KOM\" <> 'gültig' for the areas Berlin's monitoring leaves out. The field 'excluded' "
               "names the reason."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Social index")),
                       tr("The areas with the index fields."))

    # ------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = require_source(self, parameters, self.INPUT, context)
        indicators = ic.indicator_fields(self, parameters, context, source)
        if len(set(n.lower() for n in indicators)) != len(indicators):
            raise QgsProcessingException(tr("INDICATORS lists a field twice."))
        negative = compat.parameter_as_fields(self, parameters, self.NEGATIVE, context) or []
        lower = [n.lower() for n in indicators]
        for name in negative:
            if name.lower() not in lower:
                raise QgsProcessingException(
                    tr("NEGATIVE names the field '{0}', which is not one of the INDICATORS.").format(name))
        neg_flags = [name.lower() in [n.lower() for n in negative] for name in indicators]
        population_field, min_population = ic.population_settings(self, parameters, context, source)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        classification = self.parameterAsEnum(parameters, self.CLASSIFICATION, context)
        n_classes = self.parameterAsInt(parameters, self.N_CLASSES, context)
        previous = compat.parameter_as_fields(self, parameters, self.PREVIOUS_INDICATORS, context) or []
        for name in previous:
            require_field(source, name, self.PREVIOUS_INDICATORS, numeric=True)
        if previous and len(previous) != len(indicators):
            raise input_error(si.IndexInputError("previous_count", "", n=len(previous), k=len(indicators)))
        changes = compat.parameter_as_fields(self, parameters, self.CHANGE_INDICATORS, context) or []
        for name in changes:
            require_field(source, name, self.CHANGE_INDICATORS, numeric=True)
        if changes and previous:
            raise QgsProcessingException(tr(
                "Give either PREVIOUS_INDICATORS (values two years earlier) or CHANGE_INDICATORS (published "
                "changes), not both."))
        if changes and len(changes) != len(indicators):
            raise QgsProcessingException(tr(
                "CHANGE_INDICATORS must list the same number of fields as INDICATORS ({0}), in the same order; "
                "{1} given.").format(len(indicators), len(changes)))
        exclude_text = self.parameterAsExpression(parameters, self.EXCLUDE, context).strip()
        if not exclude_text and isinstance(parameters.get(self.EXCLUDE), str):
            exclude_text = parameters[self.EXCLUDE].strip()  # an expression QGIS could not parse: say why
        try:
            weights = si.parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context), indicators)
        except si.IndexInputError as err:
            raise input_error(err)

        features = read_features(source, feedback, 0, 30)
        key_field = guess_key_field(source)
        values = np.column_stack([column(features, name) for name in indicators])
        population = column(features, population_field) if population_field else None
        prev_values = np.column_stack([column(features, name) for name in previous]) if previous else None
        change_values = np.column_stack([column(features, name) for name in changes]) if changes else None
        label_of = feature_label(source, features, key_field)
        exclude = self.exclude_mask(exclude_text, parameters, context, source, features, label_of)
        if not population_field:
            feedback.pushWarning(tr("No POPULATION field: no area is left out for its size."))
        try:
            res = si.social_index(values, indicators, negative=neg_flags, weights=weights, population=population,
                                  min_population=min_population, method=method, classification=classification,
                                  n_classes=n_classes, previous=prev_values, change=change_values,
                                  exclude=exclude)
        except si.IndexInputError as err:
            raise input_error(err, row_label=feature_label(source, features, key_field))
        check_canceled(feedback)

        # -- exclusion reasons ------------------------------------------
        excluded = [tr("left out by EXCLUDE ({0})").format(exclude_text)
                    if (r is not None and r[0] == si.EXCL_EXPRESSION)
                    else ic.exclusion_text(r, indicators, min_population) for r in res["reasons"]]
        if previous or changes:
            for i, r in enumerate(res["dyn_reasons"]):
                if excluded[i] is None and r is not None:
                    if changes:
                        excluded[i] = tr("no dynamic index: missing change value: {0}").format(
                            ", ".join(changes[k] for k in r[1]))
                    else:
                        excluded[i] = tr("no dynamic index: missing value two years earlier: {0}").format(
                            ", ".join(previous[k] for k in r[1]))
        if exclude is not None:
            feedback.pushInfo(tr("EXCLUDE ({0}) leaves out {1} area(s).").format(exclude_text, int(sum(exclude))))
        self.warn_implausible(feedback, values, indicators, change_values, changes, res, label_of)
        n_out = int((~res["included"]).sum())
        for i, text in enumerate(excluded):
            if text is not None and not res["included"][i]:
                feedback.pushWarning(tr("Left out: {0}: {1}.").format(feature_label(source, features, key_field)(i),
                                                                       text))
        # -- labels ---------------------------------------------------------
        breaks = res["breaks"]
        if classification == si.CLASS_BERLIN:
            labels = berlin_labels()
        else:
            idx = res["index"][res["included"]]
            edges = [float(idx.min())] + [float(b) for b in breaks] + [float(idx.max())]
            labels = {c: tr("class {0} of {1} ({2} to {3})").format(c, len(edges) - 1, _fmt(edges[c - 1]),
                                                                      _fmt(edges[c]))
                      for c in range(1, len(edges))}
        dlabels = dynamic_labels()

        # -- output -----------------------------------------------------------
        new_fields = [field("z_" + name, "double") for name in indicators]
        new_fields += [field("status_sum", "double"), field("index", "double"), field("index_class", "int"),
                       field("index_label", "text", 80), field("rank", "int")]
        dynamic = bool(previous or changes)
        if dynamic:
            new_fields += [field("dyn_index", "double"), field("dyn_class", "int"), field("dyn_label", "text", 20),
                           field("group", "int"), field("group_label", "text", 60)]
        new_fields.append(field("excluded", "text", 200))
        fields, copy, sink, dest_id = open_output(self, parameters, context, source, new_fields, feedback)
        progress = Progress(feedback, len(features), 70, 100)
        for i, feat in enumerate(features):
            out = copied_feature(fields, feat, copy)
            inc = bool(res["included"][i])
            for k, name in enumerate(indicators):
                out["z_" + name] = value_or_none(res["z"][i, k])
            out["status_sum"] = value_or_none(res["status_sum"][i])
            out["index"] = value_or_none(res["index"][i])
            cls = int(res["index_class"][i])
            out["index_class"] = cls if inc else None
            out["index_label"] = labels.get(cls) if inc else None
            out["rank"] = int(res["rank"][i]) if inc else None
            if dynamic:
                dinc = bool(res["dyn_included"][i])
                dcls = int(res["dyn_class"][i])
                out["dyn_index"] = value_or_none(res["dyn_index"][i])
                out["dyn_class"] = dcls if dinc else None
                out["dyn_label"] = dlabels[dcls] if dinc else None
                out["group"] = int(res["group"][i]) if dinc else None
                out["group_label"] = "{0} / {1}".format(labels.get(cls), dlabels[dcls]) if dinc else None
            out["excluded"] = excluded[i]
            add_output_feature(sink, out, feat)
            if not progress.tick():
                check_canceled(feedback)

        # -- log --------------------------------------------------------------
        n = int(res["included"].sum())
        feedback.pushInfo(self.method_paragraph(indicators, negative, weights, len(features), n, n_out,
                                                min_population if population_field else None, method,
                                                classification, breaks, res["info"], dynamic,
                                                excluded_by=int(sum(exclude)) if exclude is not None else 0,
                                                exclude_text=exclude_text, changes=", ".join(changes)))
        if dynamic:
            dcounts = np.bincount(res["dyn_class"][res["dyn_included"]], minlength=4)
            for c in (1, 2, 3):
                feedback.pushInfo(tr("Dynamics class {0} ({1}): {2} areas.").format(c, dlabels[c], int(dcounts[c])))
        counts = np.bincount(res["index_class"][res["included"]], minlength=len(labels) + 1)
        for c in sorted(labels):
            feedback.pushInfo(tr("Class {0} ({1}): {2} areas.").format(c, labels[c], int(counts[c])))

        attach_class_style(self, context, dest_id, "index_class", labels,
                           "socialindex_classes.qml" if classification == si.CLASS_BERLIN else None)
        return {self.OUTPUT: dest_id}

    def exclude_mask(self, text, parameters, context, source, features, label_of):
        """n booleans from the EXCLUDE expression (None without one); raises naming the feature on errors."""
        if not text:
            return None
        expression = QgsExpression(text)
        if expression.hasParserError():
            raise QgsProcessingException(tr("EXCLUDE: the expression '{0}' cannot be read: {1}").format(
                text, expression.parserErrorString()))
        expr_context = self.createExpressionContext(parameters, context, source)
        expression.prepare(expr_context)
        mask = []
        for i, feat in enumerate(features):
            expr_context.setFeature(feat)
            value = expression.evaluate(expr_context)
            if expression.hasEvalError():
                raise QgsProcessingException(tr("EXCLUDE: the expression '{0}' fails for {1}: {2}").format(
                    text, label_of(i), expression.evalErrorString()))
            mask.append(bool(value) and not (hasattr(value, "isNull") and value.isNull()))
        return mask

    @staticmethod
    def warn_implausible(feedback, values, indicators, change_values, changes, res, label_of):
        """Warnings naming the area for sentinel-like values and shares outside 0-100 (included areas)."""
        rows = [i for i in range(values.shape[0]) if res["included"][i]]
        checks = [(values, indicators, True)]
        if change_values is not None:
            checks.append((change_values, changes, False))
        for array, names, shares in checks:
            for r, k, v, kind in si.plausibility_issues(array, names, rows, shares=shares):
                if kind == si.PLAUS_SENTINEL:
                    feedback.pushWarning(tr(
                        "{0}: {1} = {2:g} looks like a missing-value code, not a value. Make it NULL "
                        "(joinsocialdata MISSING_CODES) or leave the area out (EXCLUDE).").format(
                        label_of(r), names[k], v))
                else:
                    feedback.pushWarning(tr("{0}: {1} = {2:g} lies outside 0-100, but {1} looks like a share "
                                            "in %.").format(label_of(r), names[k], v))

    @staticmethod
    def method_paragraph(indicators, negative, weights, n_total, n, n_out, min_population, method,
                         classification, breaks, info, dynamic, excluded_by=0, exclude_text="", changes=False):
        """One paragraph a council paper can quote (translated)."""
        parts = []
        names = ", ".join(indicators)
        if method == si.METHOD_ZSCORE:
            parts.append(tr("The social index was computed with the method of Berlin's Monitoring Soziale "
                            "Stadtentwicklung from {0} indicators ({1}).").format(len(indicators), names))
        elif method == si.METHOD_MINMAX:
            parts.append(tr("The social index was computed by min-max scaling of {0} indicators ({1}).").format(
                len(indicators), names))
        else:
            parts.append(tr("The social index is the first principal component of {0} standardised indicators "
                            "({1}).").format(len(indicators), names))
        if min_population is not None:
            parts.append(tr("Of {0} areas, {1} with fewer than {2} residents or with incomplete data were left "
                            "out; the index refers to the remaining {3} areas.").format(
                n_total, n_out, min_population, n))
        else:
            parts.append(tr("Of {0} areas, {1} with incomplete data were left out; the index refers to the "
                            "remaining {2} areas.").format(n_total, n_out, n))
        if excluded_by:
            parts.append(tr("{0} of the areas left out were named by the expression {1}.").format(
                excluded_by, exclude_text))
        if method == si.METHOD_ZSCORE:
            parts.append(tr("Each indicator was standardised over these areas as a z-score (deviation from the "
                            "unweighted mean divided by the standard deviation of all areas); the weighted sum "
                            "of the z-scores was standardised again, so that the index has mean 0 and standard "
                            "deviation 1."))
        elif method == si.METHOD_MINMAX:
            parts.append(tr("Each indicator was rescaled to 0 (lowest area) to 1 (highest area); the index is "
                            "the weighted mean of the rescaled values and lies between 0 and 1."))
        else:
            parts.append(tr("The component, computed from the z-scores, explains {0} % of their variance; its "
                            "scores were standardised to mean 0 and standard deviation 1 and oriented so that "
                            "higher values mean more burden.").format(
                "{:.1f}".format(100.0 * info.get("explained", float("nan")))))
        if negative:
            parts.append(tr("The direction of {0} was reversed, because high values there mean less "
                            "burden.").format(", ".join(negative)))
        if any(abs(w - 1.0) > 1e-12 for w in weights):
            parts.append(tr("Weights: {0}.").format(
                ", ".join("{0} {1:g}".format(n, w) for n, w in zip(indicators, weights))))
        parts.append(tr("Higher values mean greater social burden."))
        if classification == si.CLASS_BERLIN:
            parts.append(tr("Classes: 1 high status (index below -1), 2 medium (-1 to 1), 3 low (above 1 up to "
                            "1.5), 4 very low (above 1.5)."))
        else:
            kind = {si.CLASS_QUANTILES: tr("quantiles"), si.CLASS_JENKS: tr("natural breaks (Jenks)"),
                    si.CLASS_EQUAL: tr("equal intervals")}[classification]
            parts.append(tr("The areas were put into {0} classes by {1} (limits {2}); class 1 has the least "
                            "burden.").format(len(breaks) + 1, kind, "; ".join(_fmt(b) for b in breaks)))
        if dynamic:
            parts.append(tr("The dynamic index applies the z-score computation to the changes over two years; "
                            "positive dynamics: index -1 or below, negative: 1 or above, otherwise stable."))
            if changes:
                parts.append(tr("The changes were taken as published ({0}).").format(changes))
        return " ".join(parts)
