"""Attribute values between QGIS and Python: the one NULL policy.

Policy (docs/DEVELOPING.md, "NULLs"):

* reading: ``plain(v)`` turns every kind of NULL (``None``, ``NULL``, an invalid or
  null ``QVariant``, a null ``QDate`` ...) into ``None``; ``number_or_nan(v)`` turns a
  value into a float, with NULL, text that is not a number, NaN and infinity as NaN;
* writing: ``python_value(v)`` turns numpy scalars into Python numbers and NaN/inf
  into ``None`` (written as NULL), ``number(v)`` any number, ``nullable_floats(a)`` a
  whole array; ``text_value(v)`` writes lists and maps (OSM's
  ``@relations``, GeoJSON arrays) as JSON text;
* weights and capacities: :func:`check_weights` – a negative value stops the run
  naming the field and the feature; NULL/NaN counts 0 with one warning and the count.
"""

import datetime
import json
import math

import numpy as np
from qgis.core import NULL, QgsProcessingException

from ..translation import tr


def is_null(value):
    """True for None, NULL, a null QVariant / QDate / QDateTime and NaN."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return False
    try:
        if value == NULL:
            return True
    except Exception:  # noqa: BLE001 - some Qt types refuse the comparison
        pass
    is_null_method = getattr(value, "isNull", None)
    if is_null_method is not None:
        try:
            return bool(is_null_method())
        except TypeError:
            return False
    return False


def plain(value):
    """An attribute as a plain Python value (every NULL -> None, NaN stays a float)."""
    if value is None:
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    if is_null(value):
        return None
    return value


def number_or_nan(value):
    """An attribute as float; NULL, None, NaN/inf and non-numbers -> NaN."""
    if value is None or isinstance(value, str) and not value.strip():
        return math.nan
    if is_null(value):
        return math.nan
    try:
        v = float(value)
    except (TypeError, ValueError):
        return math.nan
    return v if math.isfinite(v) else math.nan


def python_value(value):
    """A numpy scalar or Python value for writing: numpy -> Python, NaN/inf -> None."""
    if value is None:
        return None
    if isinstance(value, (np.floating, float)):
        v = float(value)
        return v if math.isfinite(v) else None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def _json_default(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    to_string = getattr(value, "toString", None)
    if to_string is not None:
        try:
            return to_string()
        except TypeError:
            pass
    return str(value)


def text_value(value):
    """Lists, tuples and maps as JSON text (NULL stays None); everything else unchanged."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if value is not None and not isinstance(value, (str, int, float, bool)) and is_null(value):
        return None
    return value


def check_weights(values, field_name, layer_name, labels=None, feedback=None, parameter=None):
    """The one plausibility rule for weights and capacities.

    *values*: floats (NaN for NULL). A negative value raises, naming the field (and its
    *parameter*), the layer and the feature (``labels[i]`` or the row number); NULL/NaN
    become 0 with one warning that gives their count. Returns a new float array.
    """
    arr = np.array(values, dtype=float, copy=True)
    field_name = "'{}'".format(field_name) + (" ({})".format(parameter) if parameter else "")
    bad = np.flatnonzero(np.isfinite(arr) & (arr < 0))
    if bad.size:
        i = int(bad[0])
        label = labels[i] if labels is not None and i < len(labels) else i + 1
        raise QgsProcessingException(
            tr("Field {0} of layer {1} has the negative value {2} at feature {3} ({4} negative value(s) in "
               "all); weights and capacities must be 0 or more.").format(
                field_name, layer_name, "{:g}".format(arr[i]), label, int(bad.size)))
    missing = ~np.isfinite(arr)
    n_missing = int(missing.sum())
    if n_missing:
        arr[missing] = 0.0
        if feedback is not None:
            feedback.pushWarning(
                tr("Field {0} of layer {1}: {2} feature(s) without a number (NULL) count 0.").format(
                    field_name, layer_name, n_missing))
    return arr


def nullable_floats(values, mask=None):
    """Float array -> list of Python floats, None where not finite (or where *mask* is False)."""
    values = np.asarray(values, dtype=float)
    good = np.isfinite(values)
    if mask is not None:
        good &= mask
    out = values.astype(object)
    out[~good] = None
    return out.tolist()


def number(value):
    """numpy/float -> Python float or None for NULL/NaN/inf (:func:`python_value`)."""
    return python_value(None if value is None else float(value))
