"""Translated texts for the codes the area computations of ``core/`` return.

* :func:`input_error` turns a :class:`core.socialindex.IndexInputError` (socialindex, typology,
  priorityareas, budgetallocation) into a ``QgsProcessingException`` naming the parameter, field or row;
* :func:`exclusion_text` words why an area got no result (population too small or missing, missing values).
"""

from qgis.core import QgsProcessingException

from ..core import socialindex as si
from ..translation import tr


def _number(value):
    return "{:g}".format(value) if isinstance(value, float) else str(value)


def input_error(err, names=None, row_label=None, field=None):
    """A translated QgsProcessingException for an IndexInputError.

    *names*: indicator names (index -> name); *row_label*: callable(row) ->
    text naming a feature (e.g. "feature 12 (ot_key 03)"); *field*: the field the error is about.
    """
    d = err.details
    row = d.get("row")
    where = row_label(row) if (row_label is not None and row is not None) else str(row)
    code = err.code
    if code == "constant":
        msg = tr("Indicator '{0}' has the same value ({1}) in every included area (standard deviation 0); "
                 "it cannot be standardised. Remove it from INDICATORS.").format(d["name"], _number(d["value"]))
    elif code == "constant_sum":
        what = {"status_sum": tr("status sum"), "dynamic sum": tr("dynamic status sum"),
                "first principal component": tr("first principal component")}.get(d["what"], d["what"])
        msg = tr("The {0} is the same for every included area (the indicators cancel each other out); "
                 "no index can be computed. Check INDICATORS, NEGATIVE and WEIGHTS.").format(what)
    elif code == "weight_unknown":
        msg = tr("WEIGHTS names the field '{0}', which is not one of the INDICATORS ({1}).").format(
            d["name"], d["known"])
    elif code == "weight_syntax":
        msg = tr("WEIGHTS: '{0}' is not of the form field:weight (e.g. sgb2_quote:2;kinderarmut:1).").format(
            d["item"])
    elif code == "weight_number":
        msg = tr("WEIGHTS: the weight '{1}' of '{0}' is not a number.").format(d["name"], d["value"])
    elif code == "weight_negative":
        msg = tr("WEIGHTS: the weight '{1}' of '{0}' must be zero or positive.").format(d["name"], d["value"])
    elif code == "weight_zero":
        msg = tr("WEIGHTS: all weights are zero.")
    elif code == "too_few_areas":
        msg = tr("Only {0} areas are usable, but at least {1} are needed (fewer areas than classes or "
                 "clusters, or too many areas left out). Lower N_CLASSES/K or MIN_POPULATION.").format(
            d["n"], d["classes"])
    elif code == "classes_min":
        msg = tr("N_CLASSES must be at least 2.")
    elif code == "population_negative":
        msg = tr("Negative population ({0}) in {1}.").format(_number(d["value"]), where)
    elif code == "population_missing_row":
        msg = tr("The target population is missing (NULL) in {0}.").format(where)
    elif code == "population_zero":
        msg = tr("The target population is 0 in every unit; nothing can be split per head.")
    elif code == "berlin_minmax":
        msg = tr("The Berlin classes (CLASSIFICATION 0) cut a standardised index at -1, 1 and 1.5, but the "
                 "min-max index (METHOD 1) lies between 0 and 1. Choose quantiles, natural breaks or equal "
                 "intervals, or the z-score method.")
    elif code == "previous_count":
        msg = tr("PREVIOUS_INDICATORS must list the same number of fields as INDICATORS ({0}), in the same "
                 "order; {1} given.").format(d["k"], d["n"])
    elif code == "k_range":
        msg = tr("K = {0} must lie between 1 and the number of areas ({1}).").format(d["k"], d["n"])
    elif code == "thresholds_count":
        msg = tr("THRESHOLDS needs two numbers separated by ';' (e.g. 0.2;0.4), got '{0}'.").format(d["value"])
    elif code == "thresholds_number":
        msg = tr("THRESHOLDS: '{0}' are not two numbers.").format(d["value"])
    elif code == "thresholds_order":
        msg = tr("THRESHOLDS: the first threshold must be smaller than the second ('{0}').").format(d["value"])
    elif code in ("factor_syntax",):
        msg = tr("FACTORS: '{0}' is not of the form class:supplement (e.g. 1:0;2:0.25;3:0.5;4:1).").format(
            d["item"])
    elif code == "factor_number":
        msg = tr("FACTORS: the supplement '{1}' of class '{0}' is not a number.").format(d["name"], d["value"])
    elif code == "factor_negative":
        msg = tr("FACTORS: the supplement '{1}' of class '{0}' must be zero or positive.").format(
            d["name"], d["value"])
    elif code == "supplement_negative":
        msg = tr("The need value in {0} is missing or negative ({1}); with an empty FACTORS the NEED field "
                 "itself is the supplement and must be zero or positive.").format(where, _number(d["value"]))
    elif code == "budget_min":
        msg = tr("The budget of {0} euros cannot give every one of the {1} units the minimum of {2} euros "
                 "(that needs {3} euros). Lower MIN_AMOUNT or raise BUDGET.").format(
            _number(d["budget"]), d["n"], _number(d["min"]), _number(d["needed"]))
    elif code == "budget_max":
        msg = tr("With a maximum of {0} euros per unit at most {1} euros of the budget of {2} euros can be "
                 "allocated. Raise MAX_AMOUNT or lower BUDGET.").format(
            _number(d["max"]), _number(d["possible"]), _number(d["budget"]))
    elif code == "min_max":
        msg = tr("MIN_AMOUNT ({0}) is larger than MAX_AMOUNT ({1}).").format(_number(d["min"]), _number(d["max"]))
    elif code == "budget_whole":
        msg = tr("BUDGET must be a non-negative whole number of euros, got {0}.").format(_number(d["budget"]))
    elif code == "base_share":
        msg = tr("BASE_SHARE must lie between 0 and 1, got {0}.").format(_number(d["value"]))
    elif code == "need_zero":
        msg = tr("No unit has a positive need supplement, so the need part of the budget (1 - BASE_SHARE) "
                 "cannot be split. Check FACTORS and NEED, or set BASE_SHARE to 1.")
    elif code == "need_missing":
        msg = tr("NEED '{0}' is missing (NULL) in {1}; every unit needs a need class.").format(field, where) + " " + tr(
            "Leave such units out with a filter, e.g. \"{0}\" IS NOT NULL (facilityneed gives "
            "facilities that serve no children no class).").format(field)
    elif code == "need_unknown":
        msg = tr("NEED class '{0}' of {1} has no supplement in FACTORS ({2}).").format(d["key"], where, d["known"])
    elif code == "no_weight":
        msg = tr("No unit has a positive target population and supplement.")
    else:
        msg = str(err)
    return QgsProcessingException(msg)


def exclusion_text(reason, indicators, min_population):
    """Why an area was left out (an exclusion reason of :mod:`core.socialindex`), or None."""
    if reason is None:
        return None
    code, detail = reason
    if code == si.EXCL_POPULATION_SMALL:
        return tr("population {0} below the minimum of {1}").format(int(detail), min_population)
    if code == si.EXCL_POPULATION_MISSING:
        return tr("population missing")
    return tr("missing value: {0}").format(", ".join(indicators[k] for k in detail))


def index_exclusions(res, indicators, min_population, exclude_text="", previous=(), changes=()):
    """Why each area of a :func:`core.socialindex.social_index` result got no index or no dynamic index
    (None where it got both): one text per area."""
    excluded = [tr("left out by EXCLUDE ({0})").format(exclude_text)
                if (r is not None and r[0] == si.EXCL_EXPRESSION)
                else exclusion_text(r, indicators, min_population) for r in res["reasons"]]
    if previous or changes:
        for i, r in enumerate(res["dyn_reasons"]):
            if excluded[i] is None and r is not None:
                if changes:
                    excluded[i] = tr("no dynamic index: missing change value: {0}").format(
                        ", ".join(changes[k] for k in r[1]))
                else:
                    excluded[i] = tr("no dynamic index: missing value two years earlier: {0}").format(
                        ", ".join(previous[k] for k in r[1]))
    return excluded


def index_class_labels(res, classification):
    """{class: label} of the social index classes: the Berlin labels, else "class c of n (from to to)"."""
    from ..rendering.styles import berlin_labels

    if classification == si.CLASS_BERLIN:
        return berlin_labels()
    edges = si.class_edges(res)
    return {c: tr("class {0} of {1} ({2} to {3})").format(c, len(edges) - 1, "{:.2f}".format(edges[c - 1]),
                                                          "{:.2f}".format(edges[c]))
            for c in range(1, len(edges))}
