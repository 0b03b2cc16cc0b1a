"""Need per facility (Sozialindex je Einrichtung): the social composition of the children a facility serves.

Plain numpy; no QGIS. Errors the user can cause raise
:class:`~.socialindex.IndexInputError` (``code`` + ``details``), which the
Processing algorithm turns into translated messages.

Input, one row per demand feature *i* (address or grid cell): its weight
``w_i`` (children), the facility row ``f(i)`` that serves it (-1: none) and
the district row ``d(i)`` its location lies in (-1: outside every district).
Per district: the social index, optionally the index class and indicators.

Method (see ``docs/social_index.md``, "Need per facility"):

* every child takes the values of the district its address lies in;
* ``served_j = sum_{i: f(i)=j} w_i`` (all children assigned to *j*, also
  those living outside every district);
* ``mean_index_j = sum w_i x_d(i) / sum w_i`` over the children of *j* whose
  district has a value. **NULL rule**: children whose district value is NULL,
  and children outside every district, are left out of that mean (numerator
  and denominator); their share of ``served_j`` is reported (``share_unknown``
  for the index, ``unknown`` per indicator). The same rule for every
  indicator (``mean_<indicator>``) and the class shares;
* ``share_class_c_j``: percent of the children of *j* with a known district
  class who live in a district of class *c* (so the shares add up to 100);
* ``facility_index``: ``mean_index`` standardised over the facilities with
  ``served > 0`` and a ``mean_index`` (unweighted, each facility counts once;
  population standard deviation, divide by n) – 0 is the average facility,
  a high value means high burden, as for districts;
* ``facility_class``: Berlin thresholds (-1, 1, 1.5) or quantiles / natural
  breaks / equal intervals, by :func:`.socialindex.classify`;
* facilities that serve no child, or only children without a district index,
  get NULL (reason ``no_children`` / ``no_index``); demand that no facility
  serves is ``unassigned``, demand outside every district is ``outside``;
  both are reported in totals.
"""

import numpy as np

from . import socialindex as si
from .budget import normalise_key
from .socialindex import IndexInputError

NO_CHILDREN = "no_children"
NO_INDEX = "no_index"

MATCH_OK = 0
MATCH_NONE = 1      # no facility (NULL / empty assignment, or not reached over the network)
MATCH_UNKNOWN = 2   # an assignment value that is the id of no facility

MAX_CLASS = 12


def is_null(value):
    if value is None:
        return True
    if hasattr(value, "isNull") and value.isNull():
        return True
    if isinstance(value, float) and not np.isfinite(value):
        return True
    return isinstance(value, str) and not value.strip()


def match_assignments(facility_keys, values):
    """(facility row per value or -1, match code per value, {unknown key: count}).

    Keys compare as text (:func:`.budget.normalise_key`: ``5``, ``5.0`` and ``"5"``
    are the same facility, ``"05"`` is not ``"5"``). Two facilities with the same
    normalised key raise ``facility_duplicate``.
    """
    lookup = {}
    for j, key in enumerate(facility_keys):
        norm = normalise_key(key)
        if norm in lookup:
            raise IndexInputError("facility_duplicate", "Two facilities have the same id.",
                                  key=norm, first=lookup[norm], second=j)
        lookup[norm] = j
    rows = np.full(len(values), -1, dtype=np.int64)
    codes = np.full(len(values), MATCH_NONE, dtype=np.int64)
    unknown = {}
    for i, value in enumerate(values):
        if is_null(value):
            continue
        key = normalise_key(value)
        j = lookup.get(key)
        if j is None:
            codes[i] = MATCH_UNKNOWN
            unknown[key] = unknown.get(key, 0) + 1
        else:
            rows[i] = j
            codes[i] = MATCH_OK
    return rows, codes, unknown


def _weighted_means(fac, w, child_values, n_f):
    """(means, weight with a value) per facility; children with a NaN value are left out."""
    known = np.isfinite(child_values)
    den = np.bincount(fac[known], weights=w[known], minlength=n_f)
    num = np.bincount(fac[known], weights=w[known] * child_values[known], minlength=n_f)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    return mean, den


def _check_classes(classes):
    """District classes as floats (NaN = none); whole numbers 1..MAX_CLASS, else ``district_class``."""
    classes = np.asarray(classes, dtype=float)
    for d, c in enumerate(classes):
        if np.isfinite(c) and (c != np.round(c) or c < 1 or c > MAX_CLASS):
            raise IndexInputError("district_class", "A district class is not a whole number from 1 to 12.",
                                  row=d, value=float(c))
    return classes


def facility_need(n_facilities, facility_of, weights, district_of, index, classes=None, indicators=None,
                  indicator_names=(), classification=si.CLASS_BERLIN, n_classes=4):
    """Need per facility (see the module doc). Returns a dict.

    *facility_of*, *weights*, *district_of*: one value per demand feature
    (-1: no facility / outside every district). *index*: one value per
    district (NaN = NULL); *classes*: district classes or None; *indicators*:
    (n_districts, k) or None with the k *indicator_names*.

    Per facility: ``served``, ``mean_index``, ``share_unknown`` (percent of
    ``served`` left out of ``mean_index``), ``means`` (n_f, k), ``unknown``
    (n_f, k: weight left out of each indicator mean), ``class_values``
    (1..C, C >= 4), ``share_class`` (n_f, C, percent; NaN without a known
    class), ``facility_index``, ``facility_class`` (0 = none), ``included``,
    ``reasons`` (None, ``no_children`` or ``no_index``), ``breaks``.
    Totals: ``total``, ``assigned``, ``unassigned``, ``outside`` (all demand
    outside every district), ``outside_assigned``, ``null_index`` (assigned
    demand in a district whose index is NULL), ``null_indicator`` (k).
    """
    n_f = int(n_facilities)
    fac = np.asarray(facility_of, dtype=np.int64)
    w = np.asarray(weights, dtype=float)
    dist = np.asarray(district_of, dtype=np.int64)
    index = np.asarray(index, dtype=float)
    n_d = len(index)
    if not (len(fac) == len(w) == len(dist)):
        raise ValueError("facility_of, weights and district_of must have the same length")
    for i, v in enumerate(w):
        if not np.isfinite(v):
            raise IndexInputError("weight_missing", "Demand weight missing.", row=i)
        if v < 0:
            raise IndexInputError("weight_negative", "Negative demand weight.", row=i, value=float(v))
    if ((fac >= n_f) | (fac < -1)).any() or ((dist >= n_d) | (dist < -1)).any():
        raise ValueError("facility_of / district_of out of range")
    names = list(indicator_names)
    k = len(names)
    if indicators is None:
        indicators = np.zeros((n_d, 0))
    indicators = np.asarray(indicators, dtype=float).reshape(n_d, k)

    ok = fac >= 0
    in_d = dist >= 0
    fac_ok, w_ok, dist_ok = fac[ok], w[ok], dist[ok]

    def child(values):
        """The district value of every assigned child (NaN outside every district)."""
        out = np.full(len(dist_ok), np.nan)
        inside = dist_ok >= 0
        out[inside] = np.asarray(values, dtype=float)[dist_ok[inside]]
        return out

    served = np.bincount(fac_ok, weights=w_ok, minlength=n_f).astype(float)
    child_index = child(index)
    mean_index, known_index = _weighted_means(fac_ok, w_ok, child_index, n_f)
    with np.errstate(divide="ignore", invalid="ignore"):
        share_unknown = np.where(served > 0, 100.0 * (served - known_index) / np.where(served > 0, served, 1.0),
                                 np.nan)
    means = np.full((n_f, k), np.nan)
    unknown = np.zeros((n_f, k))
    null_indicator = np.zeros(k)
    for kk in range(k):
        cv = child(indicators[:, kk])
        means[:, kk], den = _weighted_means(fac_ok, w_ok, cv, n_f)
        unknown[:, kk] = served - den
        null_indicator[kk] = float(w_ok[(dist_ok >= 0) & ~np.isfinite(cv)].sum())

    class_values = [1, 2, 3, 4]
    share_class = np.full((n_f, 4), np.nan)
    if classes is not None:
        classes = _check_classes(classes)
        top = int(np.nanmax(classes)) if np.isfinite(classes).any() else 4
        class_values = list(range(1, max(4, top) + 1))
        cc = child(classes)
        known = np.isfinite(cc)
        den = np.bincount(fac_ok[known], weights=w_ok[known], minlength=n_f)
        share_class = np.full((n_f, len(class_values)), np.nan)
        for col, c in enumerate(class_values):
            sel = known & (cc == c)
            num = np.bincount(fac_ok[sel], weights=w_ok[sel], minlength=n_f)
            with np.errstate(divide="ignore", invalid="ignore"):
                share_class[:, col] = np.where(den > 0, 100.0 * num / np.where(den > 0, den, 1.0), np.nan)

    reasons = [None] * n_f
    for j in range(n_f):
        if not served[j] > 0:
            reasons[j] = NO_CHILDREN
        elif not np.isfinite(mean_index[j]):
            reasons[j] = NO_INDEX
    included = np.array([r is None for r in reasons], dtype=bool)
    m = int(included.sum())
    if m < 2:
        raise IndexInputError("too_few_facilities", "Fewer than two facilities serve children with an index.",
                              n=m)
    try:
        fi = si.standardise(mean_index[included], "facility mean index")
    except IndexInputError as err:
        raise IndexInputError("facility_constant", "Every facility has the same mean index.",
                              value=float(mean_index[included][0])) from err
    cls, breaks = si.classify(fi, classification, n_classes)
    facility_index = np.full(n_f, np.nan)
    facility_index[included] = fi
    facility_class = np.zeros(n_f, dtype=int)
    facility_class[included] = cls

    return {
        "served": served, "mean_index": mean_index, "share_unknown": share_unknown, "means": means,
        "unknown": unknown, "indicator_names": names, "class_values": class_values, "share_class": share_class,
        "facility_index": facility_index, "facility_class": facility_class, "included": included,
        "reasons": reasons, "breaks": np.asarray(breaks, dtype=float),
        "total": float(w.sum()), "assigned": float(w_ok.sum()), "unassigned": float(w[~ok].sum()),
        "outside": float(w[~in_d].sum()), "outside_assigned": float(w_ok[dist_ok < 0].sum()),
        "null_index": float(w_ok[(dist_ok >= 0) & ~np.isfinite(child_index)].sum()),
        "null_indicator": null_indicator,
    }
