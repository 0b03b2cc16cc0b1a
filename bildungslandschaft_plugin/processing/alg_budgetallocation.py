"""bildungslandschaft:budgetallocation – need-based budget allocation (Bedarfsorientierte Mittelverteilung)."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from .. import compat

from ..core import budget as bu
from ..core.socialindex import IndexInputError
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_field, require_source, secondary_sink
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


def _money(value):
    return "{:,.0f}".format(value).replace(",", ".")


class BudgetAllocationAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.BUDGET_ALLOCATION
    GROUP_ID = ids.GROUP_SOCIAL

    INPUT = "INPUT"
    BUDGET = "BUDGET"
    TARGET_POPULATION = "TARGET_POPULATION"
    NEED = "NEED"
    FACTORS = "FACTORS"
    BASE_SHARE = "BASE_SHARE"
    MIN_AMOUNT = "MIN_AMOUNT"
    MAX_AMOUNT = "MAX_AMOUNT"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Need-based budget allocation (Mittelverteilung)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Splits a budget over districts or facilities by need. BASE_SHARE of the budget is split per head "
            "of the target population regardless of need; the rest is split by supplement-weighted heads "
            "(heads x supplement of the unit's need class from FACTORS, e.g. 1:0;2:0.25;3:0.5;4:1; with an "
            "empty FACTORS the NEED value itself is the supplement). MIN_AMOUNT and MAX_AMOUNT limit every "
            "unit: units beyond a limit are set to it and the rest is shared proportionally among the others "
            "(repeated until no unit violates a limit). Amounts are whole euros by the largest-remainder "
            "method, so they add up exactly to the budget. Output fields: supplement, base_amount, "
            "need_amount, amount, per_head, limit; REPORT: one row per need class and the total.") + " " + tr(
            "Förderformel for facilities in two steps: run facilityneed (need per facility from the children it "
            "serves), then this algorithm on its output with TARGET_POPULATION served and NEED facility_class; "
            "BASE_SHARE of the budget is then split per child served, the rest as supplements by the facility's "
            "class (FACTORS). "
            "Facilities without a class (no children served) are left out with a filter, e.g. "
            "\"facility_class\" IS NOT NULL.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Districts or facilities"), [QgsProcessing.SourceType.TypeVector]),
            tr("The units that receive money: districts, facilities or a table."))
        self.add_param(QgsProcessingParameterNumber(
            self.BUDGET, tr("Budget (euros)"), QgsProcessingParameterNumber.Type.Double, minValue=0),
            tr("The total to split, in whole euros."))
        self.add_param(QgsProcessingParameterField(
            self.TARGET_POPULATION, tr("Target population"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric),
            tr("Heads of the target group per unit, e.g. children 0-5."))
        self.add_param(QgsProcessingParameterField(
            self.NEED, tr("Need (index class or index)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any),
            tr("The unit's need class (looked up in FACTORS) or, with an empty FACTORS, a non-negative need "
               "value used directly as the supplement."))
        self.add_param(QgsProcessingParameterString(
            self.FACTORS, tr("Supplements per class (class:supplement;...)"), defaultValue="1:0;2:0.25;3:0.5;4:1",
            optional=True),
            tr("Need supplement of each class, e.g. 1:0;2:0.25;3:0.5;4:1 (class 4 counts double in the need "
               "part). Empty: the NEED value is the supplement."))
        self.add_param(QgsProcessingParameterNumber(
            self.BASE_SHARE, tr("Base share (0-1)"), QgsProcessingParameterNumber.Type.Double, defaultValue=0.5,
            minValue=0, maxValue=1),
            tr("Part of the budget split per head regardless of need."))
        self.add_param(QgsProcessingParameterNumber(
            self.MIN_AMOUNT, tr("Minimum per unit (euros)"), QgsProcessingParameterNumber.Type.Double, defaultValue=0,
            minValue=0),
            tr("Every unit gets at least this amount (0 = no minimum)."))
        self.add_param(QgsProcessingParameterNumber(
            self.MAX_AMOUNT, tr("Maximum per unit (euros)"), QgsProcessingParameterNumber.Type.Double, defaultValue=0,
            minValue=0),
            tr("No unit gets more (0 = no maximum)."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Allocation")),
                       tr("The units with their amounts."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.REPORT, tr("Allocation report"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True),
            tr("One row per need class and a total row."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = require_source(self, parameters, self.INPUT, context)
        budget = self.parameterAsDouble(parameters, self.BUDGET, context)
        pop_field = self.parameterAsString(parameters, self.TARGET_POPULATION, context)
        need_field = self.parameterAsString(parameters, self.NEED, context)
        if not pop_field or not need_field:
            raise QgsProcessingException(tr("Choose the TARGET_POPULATION and NEED fields."))
        require_field(source, pop_field, self.TARGET_POPULATION, numeric=True)
        require_field(source, need_field, self.NEED)
        factors_text = self.parameterAsString(parameters, self.FACTORS, context)
        base_share = self.parameterAsDouble(parameters, self.BASE_SHARE, context)
        min_amount = self.parameterAsDouble(parameters, self.MIN_AMOUNT, context)
        max_amount = self.parameterAsDouble(parameters, self.MAX_AMOUNT, context) or None
        try:
            factors = bu.parse_factors(factors_text)
        except IndexInputError as err:
            raise input_error(err)

        features = read_features(source, feedback, 0, 40)
        label = feature_label(source, features, guess_key_field(source))
        population = column(features, pop_field)
        keys = [None] * len(features)
        if factors:
            supplement = np.zeros(len(features))
            for i, feat in enumerate(features):
                value = feat[need_field]
                key = None if value is None or (hasattr(value, "isNull") and value.isNull()) else \
                    bu.normalise_key(value)
                if key is None:
                    raise QgsProcessingException(
                        tr("NEED '{0}' is missing (NULL) in {1}; every unit needs a need class.").format(
                            need_field, label(i)) + " " + tr(
                            "Leave such units out with a filter, e.g. \"{0}\" IS NOT NULL (facilityneed gives "
                            "facilities that serve no children no class).").format(need_field))
                if key not in factors:
                    raise QgsProcessingException(
                        tr("NEED class '{0}' of {1} has no supplement in FACTORS ({2}).").format(
                            key, label(i), ", ".join(sorted(factors))))
                keys[i] = key
                supplement[i] = factors[key]
        else:
            if not source.fields().at(source.fields().lookupField(need_field)).isNumeric():
                raise QgsProcessingException(
                    tr("With an empty FACTORS the NEED field '{0}' must be numeric.").format(need_field))
            supplement = column(features, need_field)
        try:
            res = bu.allocate(budget, population, supplement, base_share, min_amount, max_amount)
        except IndexInputError as err:
            raise input_error(err, row_label=label)
        check_canceled(feedback)

        new_fields = [field("supplement", "double"), field("base_amount", "double"), field("need_amount", "double"),
                      QgsField("amount", compat.FIELD_LONGLONG), field("per_head", "double"), field("limit", "text", 20)]
        fields, copy, sink, dest_id = open_output(self, parameters, context, source, new_fields, feedback)
        progress = Progress(feedback, len(features), 60, 95)
        for i, feat in enumerate(features):
            out = copied_feature(fields, feat, copy)
            out["supplement"] = float(supplement[i])
            out["base_amount"] = float(res["base"][i])
            out["need_amount"] = float(res["need"][i])
            out["amount"] = int(res["amount"][i])
            out["per_head"] = value_or_none(res["per_head"][i])
            lim = int(res["limited"][i])
            out["limit"] = tr("minimum") if lim < 0 else (tr("maximum") if lim > 0 else None)
            add_output_feature(sink, out, feat)
            if not progress.tick():
                check_canceled(feedback)

        # -- report ------------------------------------------------------------
        rfields = QgsFields()
        for f in [field("need_class", "text", 40), field("units", "int"), field("target_population", "double"),
                  field("supplement", "double"), QgsField("amount", compat.FIELD_LONGLONG), field("share", "double"),
                  field("per_head", "double")]:
            rfields.append(f)
        rsink, report_id = secondary_sink(self, parameters, self.REPORT, context, rfields, QgsWkbTypes.Type.NoGeometry,
                                        source.sourceCrs())
        total = int(res["amount"].sum())
        groups = []
        if factors:
            for key in sorted(set(keys), key=lambda k: (len(k), k)):
                groups.append((key, np.array([k == key for k in keys]), factors[key]))
        groups.append((tr("total"), np.ones(len(features), dtype=bool), None))
        for name, members, sup in groups:
            heads = float(population[members].sum())
            amount = int(res["amount"][members].sum())
            row = QgsFeature(rfields)
            row["need_class"] = name
            row["units"] = int(members.sum())
            row["target_population"] = heads
            row["supplement"] = sup
            row["amount"] = amount
            row["share"] = 100.0 * amount / total if total else None
            row["per_head"] = amount / heads if heads > 0 else None
            rsink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
            feedback.pushInfo(tr("{0}: {1} units, {2} heads, {3} euros ({4} per head).").format(
                name, int(members.sum()), "{:g}".format(heads), _money(amount),
                "{:.2f}".format(amount / heads) if heads > 0 else "-"))
        n_min = int((res["limited"] < 0).sum())
        n_max = int((res["limited"] > 0).sum())
        if n_min or n_max:
            feedback.pushInfo(tr("{0} units raised to the minimum, {1} units cut to the maximum.").format(n_min, n_max))
        feedback.pushInfo(tr("Allocated {0} of {1} euros.").format(_money(total), _money(budget)))
        return {self.OUTPUT: dest_id, self.REPORT: report_id}
