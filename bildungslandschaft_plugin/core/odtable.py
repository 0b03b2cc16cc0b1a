"""Reading an origin-destination cost table (travel-time matrix).

Planners get OD matrices from a transport model or another router. A table
row is ``(origin id, destination id, cost)``; pairs missing from the table are
"not reachable". This module matches the ids to the demand and facility ids
and checks the table; every problem raises :class:`OdTableError` naming the
offending rows so that the algorithm can tell the user exactly what to fix.

Ids are compared as text (keys such as ``"01"`` keep their leading zero);
numbers that are whole (``5`` or ``5.0``) are written without decimals, so an
integer id column matches a text column holding ``"5"``.
"""

import math

import numpy as np
import pandas as pd

MAX_ROWS_IN_MESSAGE = 5


class OdTableError(ValueError):
    """A problem in the OD table or in the ids it refers to.

    ``code`` is one of

    * ``"null_id"``: origin or destination id is NULL (``rows``)
    * ``"null_cost"``: cost is NULL or not a number (``rows``)
    * ``"negative_cost"``: cost below 0 (``rows``)
    * ``"unknown_origin"`` / ``"unknown_destination"``: the id is not in the
      demand / facility layer (``rows``, ``values`` = the ids)
    * ``"duplicate_pair"``: the same pair twice (``rows`` = both rows,
      ``values`` = the pair)
    * ``"duplicate_demand_id"`` / ``"duplicate_facility_id"``: an id occurs
      twice in a layer (``values``)
    * ``"null_demand_id"`` / ``"null_facility_id"``: a layer has a NULL id
      (``rows`` = positions in the layer)

    ``rows`` holds at most :data:`MAX_ROWS_IN_MESSAGE` row labels,
    ``count`` the total number of affected rows.
    """

    def __init__(self, code, rows=(), values=(), count=None):
        rows = list(rows)
        values = list(values)
        super().__init__("{}: rows {} values {}".format(code, rows, values))
        self.code = code
        self.rows = rows[:MAX_ROWS_IN_MESSAGE]
        self.values = values[:MAX_ROWS_IN_MESSAGE]
        self.count = len(rows) if count is None else count


def key_text(value):
    """An id as text for matching; None for NULL.

    ``"01"`` stays ``"01"``; ``5``, ``5.0`` and ``" 5 "`` become ``"5"``.
    """
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return None
        if float(value).is_integer():
            return str(int(value))
        return repr(float(value))
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    if text == "" or text.upper() == "NULL":
        return None
    return text


def id_index(ids, kind):
    """``{key_text(id): position}``; raises on NULL or duplicate ids.

    *kind* is ``"demand"`` or ``"facility"`` (used in the error code).
    """
    index = {}
    nulls = []
    dups = []
    for pos, value in enumerate(ids):
        key = key_text(value)
        if key is None:
            nulls.append(pos + 1)
            continue
        if key in index:
            dups.append(key)
            continue
        index[key] = pos
    if nulls:
        raise OdTableError("null_{}_id".format(kind), rows=nulls)
    if dups:
        raise OdTableError("duplicate_{}_id".format(kind), values=dups, count=len(dups))
    return index


def _to_float(value):
    if value is None:
        return float("nan")
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            return float(text)
        except ValueError:
            return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def match_od_table(origins, destinations, costs, demand_ids, facility_ids, row_labels=None):
    """Match an OD table to the demand and facility ids.

    Parameters
    ----------
    origins, destinations, costs : sequences of equal length (one per table row)
    demand_ids, facility_ids : the id of every demand point / facility, in
        layer order (positions are the indices returned).
    row_labels : how to name table rows in errors (default: 1-based row number).

    Returns
    -------
    (orig_idx, dest_idx, cost) : int64, int64, float arrays, one per table row.
    """
    origins = list(origins)
    destinations = list(destinations)
    costs = list(costs)
    n = len(origins)
    if not (len(destinations) == len(costs) == n):
        raise ValueError("origins, destinations and costs differ in length")
    labels = list(row_labels) if row_labels is not None else list(range(1, n + 1))

    demand_index = id_index(demand_ids, "demand")
    facility_index = id_index(facility_ids, "facility")

    okey = [key_text(v) for v in origins]
    dkey = [key_text(v) for v in destinations]
    null_rows = [labels[r] for r in range(n) if okey[r] is None or dkey[r] is None]
    if null_rows:
        raise OdTableError("null_id", rows=null_rows)

    cost = np.array([_to_float(v) for v in costs], dtype=float)
    bad = ~np.isfinite(cost)
    if bad.any():
        raise OdTableError("null_cost", rows=[labels[r] for r in np.flatnonzero(bad)])
    neg = cost < 0
    if neg.any():
        rows = np.flatnonzero(neg)
        raise OdTableError("negative_cost", rows=[labels[r] for r in rows],
                           values=[cost[r] for r in rows])

    orig_idx = np.array([demand_index.get(k, -1) for k in okey], dtype=np.int64)
    unknown = np.flatnonzero(orig_idx < 0)
    if unknown.size:
        raise OdTableError("unknown_origin", rows=[labels[r] for r in unknown],
                           values=[okey[r] for r in unknown])
    dest_idx = np.array([facility_index.get(k, -1) for k in dkey], dtype=np.int64)
    unknown = np.flatnonzero(dest_idx < 0)
    if unknown.size:
        raise OdTableError("unknown_destination", rows=[labels[r] for r in unknown],
                           values=[dkey[r] for r in unknown])

    if n:
        pair = orig_idx * max(len(facility_ids), 1) + dest_idx
        order = np.argsort(pair, kind="stable")
        same = np.flatnonzero(pair[order][1:] == pair[order][:-1])
        if same.size:
            first, second = order[same[0]], order[same[0] + 1]
            raise OdTableError("duplicate_pair", rows=[labels[first], labels[second]],
                               values=[okey[first], dkey[first]], count=int(same.size))
    return orig_idx, dest_idx, cost


def coverage(orig_idx, dest_idx, n_orig, n_dest):
    """Positions of origins and destinations that occur in no pair."""
    seen_o = np.zeros(n_orig, dtype=bool)
    seen_d = np.zeros(n_dest, dtype=bool)
    seen_o[np.asarray(orig_idx, dtype=np.int64)] = True
    seen_d[np.asarray(dest_idx, dtype=np.int64)] = True
    return np.flatnonzero(~seen_o), np.flatnonzero(~seen_d)
