"""Weighted statistics of demand points: sums per group, the weighted median, per-district cost figures.

Plain numpy; no QGIS. Used by the network and supply algorithms (catchments, accessibility,
serviceareas, supplydemand).
"""

import numpy as np


def weighted_median(values, weights):
    """Smallest value whose cumulative weight reaches half of the total (None when empty).

    Only values with a weight > 0 count. For integer weights this is the lower median of the
    values repeated by their weights.
    """
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    m = weights > 0
    values, weights = values[m], weights[m]
    if len(values) == 0:
        return None
    order = np.argsort(values, kind="stable")
    cum = np.cumsum(weights[order])
    k = int(np.searchsorted(cum, cum[-1] / 2.0))
    return float(values[order][min(k, len(values) - 1)])


def group_sums(group, weights, n_groups, mask=None):
    """``(sum of weights, count)`` per group ``0 .. n_groups-1``; rows with a group < 0 (or *mask* False)
    are left out."""
    group = np.asarray(group, dtype=np.int64)
    keep = group >= 0
    if mask is not None:
        keep &= np.asarray(mask, dtype=bool)
    if n_groups == 0:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    sums = np.bincount(group[keep], weights=np.asarray(weights, dtype=float)[keep], minlength=n_groups)
    counts = np.bincount(group[keep], minlength=n_groups)
    return sums, counts


def ratio_or_nan(numerator, denominator):
    """``numerator / denominator`` where the denominator is > 0, else NaN."""
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    pos = den > 0
    return np.where(pos, num / np.where(pos, den, 1.0), np.nan)


def counts_within(orig, cost, thresholds, n):
    """Per origin ``0 .. n-1`` and threshold: the number of pairs with a cost <= the threshold."""
    orig = np.asarray(orig, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    return [np.bincount(orig[cost <= t], minlength=n) for t in thresholds]


def district_cost_figures(district, n_districts, weights, costs, reached, thresholds):
    """Per district: ``[demand, reached demand, mean cost, median cost, share within t (%) ...]``.

    *district*: district index per point (-1: none); *costs* count where *reached* is True (the
    others count as unreached). Mean and median are weighted by the demand of the reached points
    (None without reached demand); shares are of all demand (None without demand).
    """
    district = np.asarray(district, dtype=np.int64)
    weights = np.asarray(weights, dtype=float)
    finite_cost = np.where(reached, costs, np.inf)
    rows = []
    for j in range(n_districts):
        m = district == j
        w = weights[m]
        c = finite_cost[m]
        ok = np.isfinite(c)
        total = float(w.sum())
        w_r = float(w[ok].sum())
        mean = float((w[ok] * c[ok]).sum() / w_r) if w_r > 0 else None
        median = weighted_median(c[ok], w[ok]) if w_r > 0 else None
        shares = [float(100.0 * w[c <= t].sum() / total) if total > 0 else None for t in thresholds]
        rows.append([total, w_r, mean, median] + shares)
    return rows


def rows_per_part(part_owner, n):
    """Output rows for parts (e.g. the parts of a split demand point): ``(owner, part)`` per row.

    Every owner ``0 .. n-1`` gets one row per part (in the order of the parts) or, without parts, one
    row with part -1.
    """
    part_owner = np.asarray(part_owner, dtype=np.int64)
    order = np.argsort(part_owner, kind="stable")
    counts = np.bincount(part_owner, minlength=n)[:n] if part_owner.size else np.zeros(n, dtype=np.int64)
    owners, parts = [], []
    pos = 0
    for k in range(n):
        if counts[k]:
            owners.extend([k] * int(counts[k]))
            parts.extend(order[pos:pos + counts[k]].tolist())
            pos += int(counts[k])
        else:
            owners.append(k)
            parts.append(-1)
    return np.asarray(owners, dtype=np.int64), np.asarray(parts, dtype=np.int64)


def take_parts(part, values, fill):
    """``values[part]`` where *part* >= 0, *fill* where it is -1 (rows of :func:`rows_per_part`)."""
    part = np.asarray(part, dtype=np.int64)
    values = np.asarray(values)
    out = np.full(len(part), fill, dtype=np.result_type(values.dtype, np.asarray(fill).dtype))
    has = part >= 0
    out[has] = values[part[has]]
    return out
