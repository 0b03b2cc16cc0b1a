"""Independent reference for walk + public transport times: a time-expanded graph and SciPy Dijkstra.

Nodes: an arrival and a departure node per stop time, a waiting chain per stop (one node per
distinct departure time), one sink per destination, one source per (origin, departure minute).
Edges: ride (departure -> next arrival), stay seated (arrival -> departure of the same stop time),
board (waiting node -> departure node, pickup allowed), alight + same-stop or walk transfer
(arrival -> first waiting node at the stop >= arrival + walk), alight + egress walk
(arrival -> sink), access (source -> first waiting node >= t + access walk). Weights are
time differences, so the distance to a sink is arrival time - t. Walks are never chained
because every walk starts at a source or an arrival node and ends at a waiting node or a sink.
"""

import math

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra


def reference_times(tt, legs, n_origins, n_dest, start, end, max_cost, origins=None):
    """(origins x N x n_dest) minutes T_d(t) (inf unreachable) for the *origins* (default all)."""
    origins = list(range(n_origins)) if origins is None else list(origins)
    n_ev = len(tt.st_stop)
    trip_of = np.repeat(np.arange(tt.n_trips), np.diff(tt.trip_ptr))
    pick = getattr(tt, "st_pickup", np.ones(n_ev, bool))
    drop = getattr(tt, "st_dropoff", np.ones(n_ev, bool))
    arr_node = np.arange(n_ev)
    dep_node = n_ev + np.arange(n_ev)
    nxt = n_ev * 2
    # waiting chains
    wait_times = {}
    wait_nodes = {}
    for s in np.unique(tt.st_stop):
        ev = np.flatnonzero(tt.st_stop == s)
        times = np.unique(tt.st_dep[ev])
        wait_times[int(s)] = times
        wait_nodes[int(s)] = nxt + np.arange(len(times))
        nxt += len(times)
    sink0 = nxt
    nxt += n_dest
    minutes = start + 60.0 * np.arange(int(round((end - start) / 60.0)))
    src0 = nxt
    n_src = len(origins) * len(minutes)
    nxt += n_src
    rows, cols, w = [], [], []

    def edge(a, b, c):
        rows.append(a)
        cols.append(b)
        w.append(c)

    last = np.ones(n_ev, bool)
    last[:-1] = trip_of[1:] != trip_of[:-1]
    first = np.ones(n_ev, bool)
    first[1:] = trip_of[1:] != trip_of[:-1]
    for i in range(n_ev):
        if not last[i]:
            edge(dep_node[i], arr_node[i + 1], tt.st_arr[i + 1] - tt.st_dep[i])
            edge(arr_node[i], dep_node[i], tt.st_dep[i] - tt.st_arr[i])
    for s, times in wait_times.items():
        nodes = wait_nodes[s]
        for k in range(len(times) - 1):
            edge(nodes[k], nodes[k + 1], times[k + 1] - times[k])
    for i in range(n_ev):
        s = int(tt.st_stop[i])
        if pick[i] and not last[i]:
            k = int(np.searchsorted(wait_times[s], tt.st_dep[i]))
            edge(wait_nodes[s][k], dep_node[i], 0.0)
    # transfers per stop (same stop 0 s)
    nbrs = {}
    ta, tb, tc = legs.transfers
    for a, b, c in zip(ta, tb, tc):
        nbrs.setdefault(int(a), []).append((int(b), float(c)))
    eg = {}
    es, ed, ec = legs.egress
    for s, d, c in zip(es, ed, ec):
        eg.setdefault(int(s), []).append((int(d), float(c)))
    for i in range(n_ev):
        if first[i] or not drop[i]:
            continue
        s = int(tt.st_stop[i])
        a = tt.st_arr[i]
        for s2, c in [(s, 0.0)] + nbrs.get(s, []):
            times = wait_times.get(s2)
            if times is None:
                continue
            k = int(np.searchsorted(times, a + c, side="left"))
            if k < len(times):
                edge(arr_node[i], wait_nodes[s2][k], times[k] - a)
        for d, c in eg.get(s, []):
            edge(arr_node[i], sink0 + d, c)
    ao, as_, ac = legs.access
    src_index = {}
    for oi, o in enumerate(origins):
        for mi, t in enumerate(minutes):
            node = src0 + oi * len(minutes) + mi
            src_index[(oi, mi)] = node
            for s, c in zip(as_[ao == o], ac[ao == o]):
                times = wait_times.get(int(s))
                if times is None:
                    continue
                k = int(np.searchsorted(times, t + c, side="left"))
                if k < len(times):
                    edge(node, wait_nodes[int(s)][k], times[k] - t)
    # zero weights must survive in a sparse matrix: add a tiny epsilon and remove it later
    eps = 1e-9
    g = sp.csr_matrix((np.asarray(w, float) + eps, (rows, cols)), shape=(nxt, nxt))
    sources = [src_index[(oi, mi)] for oi in range(len(origins)) for mi in range(len(minutes))]
    dist = dijkstra(g, directed=True, indices=sources, min_only=False)
    dist = dist[:, sink0:sink0 + n_dest]
    dist = np.round(dist, 4)  # remove the epsilons (fewer than 1e4 edges per path)
    out = dist.reshape(len(origins), len(minutes), n_dest)
    walk = np.full((n_origins, n_dest), np.inf)
    do, dd, dc = legs.direct
    for o, d, c in zip(do, dd, dc):
        walk[o, d] = min(walk[o, d], c)
    out = np.minimum(out, walk[origins][:, None, :]) / 60.0
    out[out > max_cost + 1e-9] = np.inf
    return out


def nearest_rank(values, p):
    """Percentile by nearest rank over the last-but-one axis... of a 1-D list (inf last)."""
    v = sorted(values)
    r = max(1, min(len(v), int(math.ceil(p * len(v) / 100.0 - 1e-9))))
    return v[r - 1]
