"""Helpers shared by the social-index, typology, priority and budget algorithms.

* :func:`input_error` turns a :class:`core.socialindex.IndexInputError` into a
  translated ``QgsProcessingException`` naming the parameter, field or row.
* :func:`read_features` and :func:`column` read the features and numeric
  fields of a source into numpy arrays (NULL -> NaN) without modifying the source.
* :func:`add_area_parameters` / :func:`add_population_parameters` add the
  ``INPUT``/``INDICATORS`` and ``POPULATION``/``MIN_POPULATION`` parameters;
  :func:`indicator_fields` / :func:`population_settings` read and check them.
* :func:`exclusion_text` words why an area got no result.
* :func:`open_output`, :func:`copied_feature` and :func:`add_output_feature`
  write the input features with the new result fields.

Output styles (class colours, translated legend labels) are in
:mod:`bildungslandschaft_plugin.styles`.
"""

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from .. import compat

from ..core import socialindex as si
from ..translation import tr
from .base import Progress, check_canceled, require_field, require_sink

INPUT = "INPUT"
INDICATORS = "INDICATORS"
POPULATION = "POPULATION"
MIN_POPULATION = "MIN_POPULATION"
OUTPUT = "OUTPUT"


def _number(value):
    return "{:g}".format(value) if isinstance(value, float) else str(value)


def input_error(err, names=None, row_label=None):
    """A translated QgsProcessingException for an IndexInputError.

    *names*: indicator names (index -> name); *row_label*: callable(row) ->
    text naming a feature (e.g. "feature 12 (ot_key 03)").
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
    elif code == "no_weight":
        msg = tr("No unit has a positive target population and supplement.")
    else:
        msg = str(err)
    return QgsProcessingException(msg)


def feature_label(source, features, key_field=None):
    """callable(row) -> "feature 12 (ot_key 03)" for messages."""
    def label(row):
        feat = features[row]
        if key_field:
            return tr("feature {0} ({1} {2})").format(feat.id(), key_field, feat[key_field])
        return tr("feature {0}").format(feat.id())
    return label


def guess_key_field(source):
    """A text key field for messages (``ot_key``, ``*_key``, ``*_id``), or None."""
    names = [f.name() for f in source.fields()]
    for name in names:
        if name.lower().endswith("_key") or name.lower() in ("key", "schluessel", "id"):
            return name
    for name in names:
        if name.lower().endswith("_id"):
            return name
    return None


def read_features(source, feedback, start=0.0, end=30.0):
    """All features of *source* (a list, in order)."""
    features = []
    progress = Progress(feedback, source.featureCount(), start, end)
    for feat in source.getFeatures():
        features.append(QgsFeature(feat))
        if not progress.tick():
            check_canceled(feedback)
    return features


def column(features, field_name):
    """Numeric column as float array (NULL / non-numbers -> NaN)."""
    out = np.full(len(features), np.nan)
    for i, feat in enumerate(features):
        value = feat[field_name]
        if value is None or (hasattr(value, "isNull") and value.isNull()):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number):
            out[i] = number
    return out


def output_fields(source_fields, new_fields, feedback=None):
    """Input fields plus *new_fields*; an input field with a new field's name is replaced (logged)."""
    new_names = {f.name().lower() for f in new_fields}
    fields = QgsFields()
    for field in source_fields:
        if field.name().lower() == "fid":
            continue  # the input's feature id is never written (writers.py)
        if field.name().lower() in new_names:
            if feedback is not None:
                feedback.pushWarning(tr("The input field '{0}' is replaced by the new result field of the same "
                                        "name.").format(field.name()))
            continue
        fields.append(field)
    for field in new_fields:
        fields.append(field)
    return fields


def field(name, kind, length=0, precision=0):
    types = {"int": compat.FIELD_INT, "double": compat.FIELD_DOUBLE, "text": compat.FIELD_STRING}
    return QgsField(name, types[kind], "", length, precision)


# -- parameters shared by socialindex and typology ---------------------------
def add_area_parameters(alg, input_help, indicators_help):
    """``INPUT`` (areas, layer or table) and its numeric ``INDICATORS`` fields."""
    alg.add_param(QgsProcessingParameterFeatureSource(
        INPUT, tr("Areas (polygon layer or table)"), [QgsProcessing.SourceType.TypeVector]), input_help)
    alg.add_param(QgsProcessingParameterField(
        INDICATORS, tr("Indicators"), parentLayerParameterName=INPUT,
        type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True), indicators_help)


def add_population_parameters(alg, population_help, min_population_help):
    """Optional numeric ``POPULATION`` field and ``MIN_POPULATION`` (default 300)."""
    alg.add_param(QgsProcessingParameterField(
        POPULATION, tr("Population"), parentLayerParameterName=INPUT,
        type=QgsProcessingParameterField.DataType.Numeric, optional=True), population_help)
    alg.add_param(QgsProcessingParameterNumber(
        MIN_POPULATION, tr("Minimum population"), QgsProcessingParameterNumber.Type.Integer,
        defaultValue=300, minValue=0), min_population_help)


def indicator_fields(alg, parameters, context, source):
    """The INDICATORS field names (at least one, all numeric fields of *source*)."""
    indicators = compat.parameter_as_fields(alg, parameters, INDICATORS, context)
    if not indicators:
        raise QgsProcessingException(tr("INDICATORS: choose at least one indicator field."))
    for name in indicators:
        require_field(source, name, INDICATORS, numeric=True)
    return indicators


def population_settings(alg, parameters, context, source):
    """``(POPULATION field name or "", MIN_POPULATION)``."""
    population_field = alg.parameterAsString(parameters, POPULATION, context)
    if population_field:
        require_field(source, population_field, POPULATION, numeric=True)
    return population_field, alg.parameterAsInt(parameters, MIN_POPULATION, context)


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


# -- output: the input features with the new result fields -------------------
def open_output(alg, parameters, context, source, new_fields, feedback, name=OUTPUT):
    """``(fields, names of the input fields copied, sink, dest_id)`` for the output *name*."""
    fields = output_fields(source.fields(), new_fields, feedback)
    new_names = {f.name().lower() for f in new_fields}
    copy = [f.name() for f in source.fields() if f.name().lower() not in new_names | {"fid"}]
    sink, dest_id = require_sink(alg, parameters, name, context, fields, source.wkbType(), source.sourceCrs())
    return fields, copy, sink, dest_id


def copied_feature(fields, feat, copy):
    """A new output feature with the geometry and the *copy* attributes of *feat*."""
    out = QgsFeature(fields)
    out.setGeometry(feat.geometry())
    for name in copy:
        out[name] = feat[name]
    return out


def add_output_feature(sink, out, feat):
    """Add *out* to *sink*; raise naming the input feature when that fails."""
    if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(tr("Could not write feature {0} to OUTPUT.").format(feat.id()))

