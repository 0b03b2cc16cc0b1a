"""Priority areas (Handlungsbedarf): social index class x access-deficit class.

Plain numpy; no QGIS.

Deficit classes (a higher deficit value = worse access): 1 low, 2 medium,
3 high, cut by two thresholds ``t1 < t2`` (``v <= t1`` -> 1, ``t1 < v <= t2``
-> 2, ``v > t2`` -> 3) or by the terciles of the deficit values (the 1/3 and
2/3 quantiles, linear interpolation, same upper-inclusive rule).

Priority matrix (index classes of the Berlin monitoring: 1 hoch ... 4 sehr
niedrig, i.e. 4 = most burden)::

                      deficit 1 low   2 medium   3 high
    1 hoch                  4            4          3
    2 mittel                4            3          2
    3 niedrig               3            2          1
    4 sehr niedrig          2            1          1

i.e. ``priority = min(4, max(1, 5 - ((index_class - 1) + (deficit_class - 1))))``.
Priority 1 (highest) marks a Schwerpunktraum: social burden and poor access
coincide.
"""

import numpy as np

from .socialindex import IndexInputError

MATRIX = np.array([
    [4, 4, 3],
    [4, 3, 2],
    [3, 2, 1],
    [2, 1, 1],
], dtype=int)


def parse_thresholds(text):
    """``"0.2;0.4"`` -> (0.2, 0.4); decimal comma accepted."""
    parts = [p.strip() for p in (text or "").replace("\n", ";").split(";") if p.strip()]
    if len(parts) != 2:
        raise IndexInputError("thresholds_count", "Two thresholds are needed.", value=text or "")
    try:
        t1, t2 = (float(p.replace(",", ".")) for p in parts)
    except ValueError:
        raise IndexInputError("thresholds_number", "Thresholds must be numbers.", value=text)
    if not t1 < t2:
        raise IndexInputError("thresholds_order", "The first threshold must be smaller.", value=text)
    return t1, t2


def deficit_classes(values, thresholds=None):
    """(classes 1..3 with 0 for NaN, (t1, t2) used). Terciles when *thresholds* is None."""
    values = np.asarray(values, dtype=float)
    ok = np.isfinite(values)
    if thresholds is None:
        if ok.sum() < 3:
            raise IndexInputError("too_few_areas", "Terciles need at least three areas.",
                                  n=int(ok.sum()), classes=3)
        t1, t2 = np.quantile(values[ok], [1.0 / 3.0, 2.0 / 3.0])
    else:
        t1, t2 = thresholds
    classes = np.zeros(len(values), dtype=int)
    v = np.round(values[ok], 9)
    classes[ok] = 1 + (v > round(t1, 9)).astype(int) + (v > round(t2, 9)).astype(int)
    return classes, (float(t1), float(t2))


def priority(index_class, deficit_class):
    """Priority 1..4 (0 where either class is 0 = missing)."""
    ic = np.asarray(index_class, dtype=int)
    dc = np.asarray(deficit_class, dtype=int)
    out = np.zeros(ic.shape, dtype=int)
    ok = (ic >= 1) & (ic <= 4) & (dc >= 1) & (dc <= 3)
    out[ok] = MATRIX[ic[ok] - 1, dc[ok] - 1]
    return out


def invalid_index_class(index_class):
    """Position of the first value of *index_class* that is neither NaN nor one of 1–4, or -1."""
    values = np.asarray(index_class, dtype=float)
    bad = np.flatnonzero(np.isfinite(values) & ~np.isin(values, (1, 2, 3, 4)))
    return int(bad[0]) if bad.size else -1


def priority_areas(index_class, deficit, thresholds=None):
    """The priority of every area from its social index class (1–4, NaN = missing) and its access deficit.

    Returns a dict of arrays, one value per area: ``deficit_class`` (1–3, 0 = missing), ``index_class``
    (0 = missing), ``priority`` (1–4, 0 where a class is missing), ``schwerpunktraum`` (1 for priority 1,
    0 otherwise, -1 where there is no priority); and ``thresholds`` (the deficit cuts used).
    """
    dclass, used = deficit_classes(deficit, thresholds)
    values = np.asarray(index_class, dtype=float)
    iclass = np.where(np.isfinite(values), values, 0).astype(int)
    prio = priority(iclass, dclass)
    schwerpunkt = np.where(prio == 0, -1, (prio == 1).astype(int))
    return {"deficit_class": dclass, "index_class": iclass, "priority": prio, "schwerpunktraum": schwerpunkt,
            "thresholds": used}
