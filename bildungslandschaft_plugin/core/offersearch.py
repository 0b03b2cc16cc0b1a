"""Offer search for education counselling (Angebotssuche): which offers for a life phase are within reach.

Plain numpy. The network costs come from the network engine
(``core/network.py``: ``Routing.od_matrix`` gives every reachable
(origin, facility, cost) triple within ``MAX_COST``, with the same semantics
as the catchment algorithms: connector lengths at both ends, partial segment
lengths, points on network islands unreachable). This module keeps the
facilities that serve the chosen life phase (:mod:`core.lifephases`) and sorts
the offers of every origin by cost.

Result order: by origin, then cost ascending, ties by facility index; ``rank``
counts from 1 per origin. With ``max_results`` only the first offers of each
origin are kept (ties at the cut are cut by facility index).
"""

import numpy as np

from . import lifephases


def eligible(facility_types, mapping, phase):
    """Boolean array: which facilities serve *phase* (``None``/"" = every mapped or unmapped facility)."""
    if not phase:
        return np.ones(len(facility_types), dtype=bool)
    key = lifephases.phase_key(phase)
    return np.array([key in lifephases.phases_of(mapping, t) for t in facility_types], dtype=bool)


def rank_offers(orig_idx, fac_idx, cost, keep, max_cost=None, max_results=None):
    """Sorted offers: (origin, facility, cost, rank) arrays.

    *orig_idx*, *fac_idx*, *cost*: the OD triples; *keep*: boolean per facility
    (see :func:`eligible`); *max_cost*: drop costs above it (None: no limit);
    *max_results*: at most this many offers per origin (None or 0: all).
    """
    orig_idx = np.asarray(orig_idx, dtype=np.int64)
    fac_idx = np.asarray(fac_idx, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    keep = np.asarray(keep, dtype=bool)
    m = keep[fac_idx] & np.isfinite(cost)
    if max_cost is not None:
        m &= cost <= max_cost
    o, f, c = orig_idx[m], fac_idx[m], cost[m]
    order = np.lexsort((f, c, o))
    o, f, c = o[order], f[order], c[order]
    rank = np.ones(len(o), dtype=np.int64)
    if len(o):
        start = np.r_[True, o[1:] != o[:-1]]
        group_start = np.maximum.accumulate(np.where(start, np.arange(len(o)), 0))
        rank = np.arange(len(o)) - group_start + 1
    if max_results:
        sel = rank <= max_results
        o, f, c, rank = o[sel], f[sel], c[sel], rank[sel]
    return o, f, c, rank


def nearest_offer(n_origins, orig_idx, fac_idx, cost, keep):
    """Cost of the nearest eligible offer per origin (inf when none): the first rank of :func:`rank_offers`."""
    best = np.full(n_origins, np.inf)
    o, _f, c, r = rank_offers(orig_idx, fac_idx, cost, keep)
    first = r == 1
    best[o[first]] = c[first]
    return best
