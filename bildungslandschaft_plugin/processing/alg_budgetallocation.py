"""bildungslandschaft:budgetallocation – need-based budget allocation (Bedarfsorientierte Mittelverteilung)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import FIELD_DOUBLE, FIELD_INT, FIELD_LONGLONG, FIELD_STRING
from ..core import budget as bu
from ..core.socialindex import IndexInputError
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, check_canceled, require_field, require_source
from .messages import input_error
from .readers import column, feature_label, guess_key_field, read_feature_list
from .values import plain
from .writers import new_field, write_result_fields, write_table


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
        need_index = require_field(source, need_field, self.NEED)
        base_share = self.parameterAsDouble(parameters, self.BASE_SHARE, context)
        min_amount = self.parameterAsDouble(parameters, self.MIN_AMOUNT, context)
        max_amount = self.parameterAsDouble(parameters, self.MAX_AMOUNT, context) or None
        try:
            factors = bu.parse_factors(self.parameterAsString(parameters, self.FACTORS, context))
        except IndexInputError as err:
            raise input_error(err)
        if not factors and not source.fields().at(need_index).isNumeric():
            raise QgsProcessingException(
                tr("With an empty FACTORS the NEED field '{0}' must be numeric.").format(need_field))

        features = read_feature_list(source, feedback, 0, 40)
        label = feature_label(features, guess_key_field(source))
        population = column(features, pop_field)
        try:
            if factors:
                keys, supplement = bu.need_supplements([plain(f[need_field]) for f in features], factors)
            else:
                keys, supplement = [None] * len(features), column(features, need_field)
            res = bu.allocate(budget, population, supplement, base_share, min_amount, max_amount)
        except IndexInputError as err:
            raise input_error(err, row_label=label, field=need_field)
        check_canceled(feedback)

        new_fields = [new_field("supplement", FIELD_DOUBLE), new_field("base_amount", FIELD_DOUBLE),
                      new_field("need_amount", FIELD_DOUBLE), new_field("amount", FIELD_LONGLONG),
                      new_field("per_head", FIELD_DOUBLE), new_field("limit", FIELD_STRING, 20)]
        limits = [tr("minimum") if lim < 0 else (tr("maximum") if lim > 0 else None) for lim in res["limited"]]
        columns = [supplement, res["base"], res["need"], res["amount"], res["per_head"], limits]
        dest_id = write_result_fields(self, parameters, context, source, features, new_fields, columns, feedback,
                                      progress=(60.0, 95.0))
        rows = bu.report_rows(keys, population, res["amount"], factors, tr("total"))
        report_columns = [("need_class", FIELD_STRING, 40), ("units", FIELD_INT), ("target_population", FIELD_DOUBLE),
                          ("supplement", FIELD_DOUBLE), ("amount", FIELD_LONGLONG), ("share", FIELD_DOUBLE),
                          ("per_head", FIELD_DOUBLE)]
        report_id = write_table(self, parameters, context, self.REPORT, report_columns, rows, source.sourceCrs())
        for name, units, heads, _sup, amount, _share, per_head in rows:
            feedback.pushInfo(tr("{0}: {1} units, {2} heads, {3} euros ({4} per head).").format(
                name, units, "{:g}".format(heads), _money(amount),
                "{:.2f}".format(per_head) if per_head is not None else "-"))
        n_min = int((res["limited"] < 0).sum())
        n_max = int((res["limited"] > 0).sum())
        if n_min or n_max:
            feedback.pushInfo(tr("{0} units raised to the minimum, {1} units cut to the maximum.").format(n_min, n_max))
        feedback.pushInfo(tr("Allocated {0} of {1} euros.").format(_money(int(res["amount"].sum())), _money(budget)))
        return {self.OUTPUT: dest_id, self.REPORT: report_id}
