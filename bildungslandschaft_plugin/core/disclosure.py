"""Disclosure control (Geheimhaltung) for small-area counts.

Plain numpy/pandas, no QGIS.

* Primary suppression: a count c with 0 < c < min_count is suppressed (flag
  ``primary``). Zero is published: it is the official "-" (nothing), as in the
  small-area statistics of the Federal Employment Agency.
* Rates: a rate whose numerator or denominator is below min_count (or suppressed)
  is suppressed too (flag ``rate``).
* Secondary suppression per row: the cells of a row add up to its total (given or
  implied). When exactly one cell of a row (total included) is suppressed, it could be
  recomputed by subtraction, so a second cell is suppressed: the smallest other cell
  of the row, ties broken by column order (deterministic; flag ``secondary``).
  When the row has no other cell the total is suppressed.

Suppressed values become NaN (NULL), never 0; the flag says why.
"""

import numpy as np
import pandas as pd

PRIMARY = "primary"
SECONDARY = "secondary"
RATE = "rate"


def primary_mask(values, min_count):
    """True where 0 < value < min_count (NaN is not suppressed: it is already missing)."""
    v = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.isfinite(v) & (v > 0) & (v < min_count)


def suppress(counts, min_count=3, secondary=True, total=None):
    """Suppress the cells of *counts* (DataFrame: one row per area, one column per count).

    *total*: name of the column that is the row total of the other columns, or None
    (the total of the row is then taken as published, e.g. the population elsewhere).
    Returns (values DataFrame with NaN for suppressed cells, flags DataFrame with
    ``primary``/``secondary`` or None).
    """
    counts = counts.astype(float)
    cols = list(counts.columns)
    parts = [c for c in cols if c != total]
    vals = counts.to_numpy(copy=True)
    flags = np.full(vals.shape, None, dtype=object)
    prim = primary_mask(vals, min_count)
    flags[prim] = PRIMARY
    if secondary and parts:
        part_idx = [cols.index(c) for c in parts]
        total_idx = cols.index(total) if total is not None else None
        for r in range(vals.shape[0]):
            row_cells = part_idx + ([total_idx] if total_idx is not None else [])
            suppressed = [c for c in row_cells if flags[r, c] is not None]
            if len(suppressed) != 1:
                continue
            # a missing (NaN) cell in the row also hides the sum -> nothing to recompute
            if np.isnan(vals[r, row_cells]).any():
                continue
            candidates = [c for c in part_idx if flags[r, c] is None]
            if candidates:
                pick = min(candidates, key=lambda c: (vals[r, c], part_idx.index(c)))
            elif total_idx is not None and flags[r, total_idx] is None:
                pick = total_idx
            else:
                continue
            flags[r, pick] = SECONDARY
    out = vals.copy()
    out[flags != None] = np.nan  # noqa: E711 - elementwise comparison on an object array
    return (pd.DataFrame(out, columns=cols, index=counts.index),
            pd.DataFrame(flags, columns=cols, index=counts.index))


def suppress_rate(rate, numerator, denominator, min_count=3, numerator_flags=None, denominator_flags=None):
    """Suppress a rate whose numerator or denominator is below *min_count* or suppressed.

    Returns (rate array with NaN, flag array with ``rate`` or None).
    """
    r = np.asarray(rate, dtype=float).copy()
    n = np.asarray(numerator, dtype=float)
    d = np.asarray(denominator, dtype=float)
    bad = primary_mask(n, min_count) | primary_mask(d, min_count)
    for fl in (numerator_flags, denominator_flags):
        if fl is not None:
            bad |= np.array([f is not None for f in fl], dtype=bool)
    r[bad] = np.nan
    flags = np.where(bad, RATE, None).astype(object)
    return r, flags


def aggregate_points(area, values, n_areas, names, min_count, secondary=True, total=None):
    """Sum point values per area, then suppress small cells (:func:`suppress`).

    *area*: the area of each point (-1 outside every area); *values*: (points × fields) floats, NaN for
    NULL (left out of the sums). Returns a dict: ``n_points`` per area, ``sums`` (areas × fields, before
    suppression), ``values``/``flags`` (DataFrames from :func:`suppress`), ``outside`` (points in no area),
    ``nulls`` (NULL values of points inside an area).
    """
    area = np.asarray(area, dtype=int)
    values = np.asarray(values, dtype=float).reshape(len(area), len(names))
    inside = area >= 0
    n_points = np.bincount(area[inside], minlength=n_areas)
    sums = np.zeros((n_areas, len(names)))
    inner = values[inside]
    finite = np.isfinite(inner)
    for k in range(len(names)):
        np.add.at(sums[:, k], area[inside][finite[:, k]], inner[finite[:, k], k])
    shown, flags = suppress(pd.DataFrame(sums, columns=names), min_count=min_count, secondary=secondary, total=total)
    return {"n_points": n_points, "sums": sums, "values": shown, "flags": flags,
            "outside": int((~inside).sum()), "nulls": int((~finite).sum())}


def aggregate_columns(result, integer=False):
    """The output columns of :func:`aggregate_points`: ``n_points``, then per field its value (None where
    suppressed; rounded to int with *integer*) and its flag."""
    columns = [[int(n) for n in result["n_points"]]]
    vals = result["values"].to_numpy()
    flags = result["flags"].to_numpy()
    for k in range(vals.shape[1]):
        columns.append([None if not np.isfinite(v) else (int(round(v)) if integer else float(v)) for v in vals[:, k]])
        columns.append(list(flags[:, k]))
    return columns
