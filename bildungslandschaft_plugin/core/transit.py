"""Walk + public transport travel times over a departure window (numpy, no QGIS).

Semantics (``docs/transit.md``, issue 15)
-----------------------------------------
* Access: one walk from the origin to a stop (<= ``max_walk``); egress: one walk from a stop
  reached by a vehicle to the destination (<= ``max_walk``); transfer: after alighting, at most
  one walk to a different stop (<= ``max_transfer_walk``) or staying at the same stop (0 s).
  Walks are never chained. A direct walk from origin to destination is always an option.
* Boarding: at stop s at time tau any trip departing from s at >= tau (no slack).
* For every departure minute t in [start, end) (step 60 s):
  T_d(t) = min(direct walk, earliest arrival at d - t) in minutes, > ``max_cost`` -> inf.
* Reported value: the percentile p of T_d(t) over the N minutes by nearest rank:
  sorted ascending (inf last), the value at rank ceil(p/100 * N).

Engine
------
The destinations (facilities) are few, the origins many; so the timetable is scanned once for
all destinations together: a profile connection scan (Dibbelt, Pajor, Strasser, Wagner 2013,
the connection-based counterpart of range RAPTOR, Delling, Pajor, Werneck 2012) runs over the
connections by decreasing departure time and keeps, per stop, the step function
"board at this stop at time tau -> earliest arrival at every destination" (a vector per
departure, reused by every earlier departure). An origin then needs no search of its own:
for every departure minute t its arrival at d is min over the stops s it walks to of
P_s(t + access(o, s))[d], evaluated for all minutes at once with ``searchsorted``.

API
---
``walk_legs(graph, origins, stops, destinations, max_walk, max_transfer_walk, max_cost)``
    -> :class:`WalkLegs` (minutes) from the walk engine (:mod:`.network`).
``travel_times(timetable, legs, n_origins, n_destinations, start, end, percentile, max_cost)``
    -> :class:`TransitResult` (``reported`` and ``walk_only`` minutes, origins x destinations).
"""

import bisect
import math
import time

import numpy as np

from ._tr import tr


class TransitError(ValueError):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class WalkLegs:
    """Walking legs in seconds as sparse triples (index arrays and seconds)."""

    def __init__(self, access, egress, transfers, direct):
        self.access = access        # (origin, stop, seconds) <= max_walk
        self.egress = egress        # (stop, destination, seconds) <= max_walk
        self.transfers = transfers  # (stop a, stop b, seconds), a != b, <= max_transfer_walk
        self.direct = direct        # (origin, destination, seconds) <= max_cost


def _triples(oi, di, minutes):
    sec = np.round(np.asarray(minutes, dtype=float) * 60.0, 6)
    return np.asarray(oi, np.int64), np.asarray(di, np.int64), sec


class _LocalSearch:
    """Bounded walks on small subgraphs: exact because no walk of time T leaves the circle of radius
    T * (fastest speed) around its end (straight-line distance is a lower bound of every path)."""

    def __init__(self, routing):
        from scipy.spatial import cKDTree

        self.r = routing
        n = routing.n_nodes
        self.xy = routing._node_xy(np.arange(n, dtype=np.int64))
        # terminals of points without geometry have no coordinates and no edges: keep them out of reach
        self.xy[~np.isfinite(self.xy).all(axis=1)] = 1e15
        self.tree = cKDTree(self.xy)
        self.speed = float(np.max(routing.graph.seg_speed))  # metres per minute

    def pairs(self, sources, targets, limit):
        """(source local, target local, minutes) with walk source -> target <= *limit* minutes."""
        from scipy.sparse.csgraph import dijkstra

        r = self.r
        s_pts, s_term = r._ok_terminals(sources)
        t_pts, t_term = r._ok_terminals(targets)
        s_local_of = np.full(r.n_nodes, -1, dtype=np.int64)
        s_local_of[s_term] = s_pts - r.offsets[sources]
        t_local = t_pts - r.offsets[targets]
        radius = limit * self.speed * (1 + 1e-9) + 1.0
        out_s, out_t, out_c = [], [], []
        for k, term in enumerate(t_term.tolist()):
            idx = np.asarray(self.tree.query_ball_point(self.xy[term], radius), dtype=np.int64)
            idx.sort()
            sub = r.reverse[idx][:, idx]
            start = int(np.searchsorted(idx, term))
            dist = dijkstra(sub, directed=True, indices=start, limit=limit)
            hit = np.flatnonzero(np.isfinite(dist) & (dist <= limit) & (s_local_of[idx] >= 0))
            out_s.append(s_local_of[idx[hit]])
            out_t.append(np.full(len(hit), t_local[k], dtype=np.int64))
            out_c.append(dist[hit])
        if not out_s:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        return np.concatenate(out_s), np.concatenate(out_t), np.concatenate(out_c)


def walk_legs(graph, origins, stops, destinations, max_walk, max_transfer_walk, max_cost, direct=True):
    """All walking legs over *graph* (a walk :class:`~.network.Graph`), times in seconds.

    *origins*, *stops*, *destinations*: :class:`~.network.Locations` (located with the snap
    tolerance; points not ``ok`` cannot be walked to or from). Limits in minutes. The short
    walks (access, egress, transfers) are searched on subgraphs around their end; the direct
    walk (up to *max_cost*) with bounded searches on the whole graph.
    """
    t0 = time.perf_counter()
    r = graph.prepare(origins, stops, destinations, cost="time")
    local = _LocalSearch(r)
    access = _triples(*local.pairs(0, 1, max_walk))
    egress = _triples(*local.pairs(1, 2, max_walk))
    if max_transfer_walk and max_transfer_walk > 0:
        a, b, c = _triples(*local.pairs(1, 1, max_transfer_walk))
        keep = a != b
        transfers = (a[keep], b[keep], c[keep])
    else:
        z = np.zeros(0, np.int64)
        transfers = (z, z, np.zeros(0))
    if direct:
        direct = _triples(*r.od_matrix(0, 2, max_cost=max_cost))
    else:  # the caller combines the direct walk itself (see nearest_walk_or_transit)
        z = np.zeros(0, np.int64)
        direct = (z, z, np.zeros(0))
    legs = WalkLegs(access, egress, transfers, direct)
    legs.routing = r
    legs.seconds = time.perf_counter() - t0
    return legs


def nearest_walk_or_transit(transit_reported, walk_cost, walk_fac):
    """Nearest destination per origin from transit-only reported times and the nearest direct walk.

    Exact because the reported value of a pair is min(direct walk, transit percentile): the
    order statistic of min(c, x_t) over the minutes is min(c, order statistic of x_t), and the
    MAX_COST cut commutes with both. *walk_cost*: minutes to the nearest destination on foot
    (inf where none within MAX_COST), *walk_fac* its index. Ties between walking and transit
    take the destination first in layer order. Returns (index or -1, minutes).
    """
    n_o = transit_reported.shape[0]
    if transit_reported.shape[1]:
        t_fac = np.argmin(transit_reported, axis=1)
        t_cost = transit_reported[np.arange(n_o), t_fac]
    else:
        t_fac = np.full(n_o, -1)
        t_cost = np.full(n_o, np.inf)
    use_walk = (walk_cost < t_cost) | ((walk_cost == t_cost) & (walk_fac < t_fac))
    fac = np.where(use_walk, walk_fac, t_fac)
    cost = np.minimum(walk_cost, t_cost)
    fac = np.where(np.isfinite(cost), fac, -1)
    return fac.astype(np.int64), cost


class StopProfiles:
    """Per stop: ascending departure times and the arrival vector (destinations) when boarding then.

    ``times[s]`` (m,) ascending; ``values[s]`` (m + 1, D) suffix minima, last row inf:
    boarding at stop s at time tau gives ``values[s][searchsorted(times[s], tau)]``.
    """

    def __init__(self, times, values, n_dest, n_connections):
        self.times = times
        self.values = values
        self.n_dest = n_dest
        self.n_connections = n_connections


def stop_profiles(tt, egress, transfers, n_dest, t_min, t_max):
    """Scan the connections departing in [t_min, t_max] from the last to the first."""
    n_stops = tt.n_stops
    trip, pos, u, v, dep, arr = tt.connections(t_min, t_max)
    inf = np.inf
    # egress vector per stop
    e_stop, e_dest, e_sec = egress
    egress_vec = {}
    for s, d, c in zip(e_stop.tolist(), e_dest.tolist(), e_sec.tolist()):
        vec = egress_vec.get(s)
        if vec is None:
            vec = egress_vec[s] = np.full(n_dest, inf)
        if c < vec[d]:
            vec[d] = c
    # transfer neighbours per stop (same stop at 0 s first)
    nbrs = [[(s, 0.0)] for s in range(n_stops)]
    for a, b, c in zip(*(x.tolist() for x in transfers)):
        nbrs[a].append((b, c))
    pick = getattr(tt, "st_pickup", None)
    drop = getattr(tt, "st_dropoff", None)
    first_idx = tt.trip_ptr[trip] + pos if len(trip) else np.zeros(0, np.int64)
    can_board = pick[first_idx] if pick is not None else np.ones(len(trip), bool)
    can_alight = drop[first_idx + 1] if drop is not None else np.ones(len(trip), bool)

    neg_times = [[] for _ in range(n_stops)]   # -departure, ascending (departures descending)
    vecs = [[] for _ in range(n_stops)]
    T = {}

    def lookup(s, x):
        nt = neg_times[s]
        if not nt:
            return None
        i = bisect.bisect_right(nt, -x) - 1
        return vecs[s][i] if i >= 0 else None

    def value(c, cont):
        """Arrival vector when riding connection c (continuing value *cont* of the trip)."""
        best = cont
        if can_alight[c]:
            vv = int(v[c])
            a = float(arr[c])
            ev = egress_vec.get(vv)
            if ev is not None:
                cand = ev + a
                best = cand if best is None else np.minimum(best, cand)
            for s2, w in nbrs[vv]:
                p = lookup(s2, a + w)
                if p is not None:
                    best = p if best is None else np.minimum(best, p)
        return best

    def push(s, t, val):
        if val is None:
            return False
        nt = neg_times[s]
        if nt and nt[-1] == -t:
            old = vecs[s][-1]
            new = np.minimum(old, val)
            if np.array_equal(new, old):
                return False
            vecs[s][-1] = new
            return True
        if nt:
            old = vecs[s][-1]
            new = np.minimum(old, val)
            if np.array_equal(new, old):
                return False
        else:
            new = val
            if not np.isfinite(new).any():
                return False
        nt.append(-t)
        vecs[s].append(new)
        return True

    order = np.lexsort((-pos, -arr, -dep))
    dep_o = dep[order]
    # group boundaries of equal departure time
    bounds = np.flatnonzero(np.diff(dep_o) != 0) + 1
    starts = np.concatenate([[0], bounds]).astype(np.int64)
    ends = np.concatenate([bounds, [len(order)]]).astype(np.int64)
    for gs, ge in zip(starts.tolist(), ends.tolist()):
        members = order[gs:ge]
        zero = [int(c) for c in members if arr[c] == dep[c]]
        for c in members:
            c = int(c)
            if arr[c] == dep[c]:
                continue
            tr_ = int(trip[c])
            val = value(c, T.get(tr_))
            T[tr_] = val
            if can_board[c]:
                push(int(u[c]), float(dep[c]), val)
        if not zero:
            continue
        # zero-duration connections may depend on each other at the same time: repeat to a fixpoint
        key = {(int(trip[c]), int(pos[c])): c for c in zero}
        snapshot = {int(trip[c]): T.get(int(trip[c])) for c in zero}
        val_of = {}
        for _ in range(len(zero) + 1):
            changed = False
            for c in zero:  # positions descending within a trip (lexsort order)
                tr_ = int(trip[c])
                nxt = key.get((tr_, int(pos[c]) + 1))
                cont = val_of.get(nxt) if nxt is not None else snapshot[tr_]
                val = value(c, cont)
                old = val_of.get(c)
                if val is not None and (old is None or not np.array_equal(np.minimum(old, val), old)):
                    val = val if old is None else np.minimum(old, val)
                    val_of[c] = val
                    changed = True
                if can_board[c] and push(int(u[c]), float(dep[c]), val_of.get(c)):
                    changed = True
            if not changed:
                break
        for c in zero:
            tr_ = int(trip[c])
            if key.get((tr_, int(pos[c]) - 1)) is None:  # lowest position of the trip in the group
                T[tr_] = val_of.get(c)
    times, values = [], []
    for s in range(n_stops):
        if neg_times[s]:
            t_asc = -np.asarray(neg_times[s][::-1], dtype=float)
            vals = np.vstack(vecs[s][::-1] + [np.full(n_dest, inf)])
        else:
            t_asc = np.zeros(0)
            vals = np.full((1, n_dest), inf)
        times.append(t_asc)
        values.append(vals)
    return StopProfiles(times, values, n_dest, len(trip))


class TransitResult:
    """``reported`` (n_o, n_d) minutes (inf unreachable), ``walk_only`` (n_o, n_d) minutes,
    ``per_minute`` (n_o, N, n_d) or None, ``minutes`` (N,) departure seconds."""


def percentile_rank(p, n):
    """1-based nearest rank ceil(p/100 * n) for p in (0, 100]."""
    return max(1, min(n, int(math.ceil(p * n / 100.0 - 1e-9))))


def check_window(start, end):
    if not end > start:
        raise TransitError("bad_window", tr("DEPARTURE_END must be later than DEPARTURE_START."))
    n = int(round((end - start) / 60.0))
    if n * 60 != int(round(end - start)):
        raise TransitError("bad_window", tr("The departure window must be whole minutes long."))
    return n


def travel_times(tt, legs, n_origins, n_dest, start, end, percentile=50, max_cost=120.0,
                 keep_per_minute=False, chunk_cells=4_000_000, profiles=None, feedback=None):
    """Reported travel times (minutes) origins x destinations; see the module doc."""
    t0 = time.perf_counter()
    n_min = check_window(start, end)
    if not (0 < percentile <= 100):
        raise TransitError("bad_percentile", tr("PERCENTILE must be between 1 and 100."))
    max_cost = float(max_cost)
    minutes = start + 60.0 * np.arange(n_min)
    if profiles is None:
        profiles = stop_profiles(tt, legs.egress, legs.transfers, n_dest, start, end + max_cost * 60.0)
    t_prof = time.perf_counter() - t0
    walk = np.full((n_origins, n_dest), np.inf)
    o, d, c = legs.direct
    if len(o):
        np.minimum.at(walk, (o, d), c)
    walk_min = walk / 60.0
    walk_min[walk_min > max_cost] = np.inf
    a_o, a_s, a_c = legs.access
    order = np.lexsort((a_s, a_o))  # by origin, then stop
    a_o, a_s, a_c = a_o[order], a_s[order], a_c[order]
    rank = percentile_rank(percentile, n_min)
    reported = np.full((n_origins, n_dest), np.inf)
    per_minute = np.full((n_origins, n_min, n_dest), np.inf) if keep_per_minute else None
    chunk = max(1, int(chunk_cells // max(n_min * n_dest, 1)))
    for o0 in range(0, n_origins, chunk):
        o1 = min(n_origins, o0 + chunk)
        if feedback is not None and feedback.isCanceled():
            break
        ea = np.full((o1 - o0, n_min, n_dest), np.inf)
        lo, hi = np.searchsorted(a_o, [o0, o1])
        ps, po, pc = a_s[lo:hi], a_o[lo:hi] - o0, a_c[lo:hi]
        by_stop = np.argsort(ps, kind="stable")
        ps, po, pc = ps[by_stop], po[by_stop], pc[by_stop]
        cuts = np.concatenate([[0], np.flatnonzero(np.diff(ps)) + 1, [len(ps)]]) if len(ps) else np.zeros(1, int)
        for g0, g1 in zip(cuts[:-1].tolist(), cuts[1:].tolist()):
            s = int(ps[g0])
            ts = profiles.times[s]
            if not len(ts):
                continue
            oo = po[g0:g1]  # distinct origins (one access walk per origin and stop)
            tau = minutes[None, :] + pc[g0:g1][:, None]
            vals = profiles.values[s][np.searchsorted(ts, tau, side="left")]
            ea[oo] = np.minimum(ea[oo], vals)
        ea -= minutes[None, :, None]
        np.minimum(ea, walk[o0:o1, None, :], out=ea)
        ea /= 60.0
        ea[ea > max_cost] = np.inf
        if per_minute is not None:
            per_minute[o0:o1] = ea
        ea.partition(rank - 1, axis=1)
        reported[o0:o1] = ea[:, rank - 1, :]
    res = TransitResult()
    res.reported = reported
    res.walk_only = walk_min
    res.per_minute = per_minute
    res.minutes = minutes
    res.rank = rank
    res.profiles = profiles
    res.timings = {"profiles": t_prof, "evaluate": time.perf_counter() - t0 - t_prof}
    return res
