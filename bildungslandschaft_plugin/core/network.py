"""Fast street-network engine (numpy + scipy.sparse.csgraph, no QGIS).

Semantics (``docs/network.md``, ``shared/domain.md``)
----------------------------------------------------
* Every segment between two consecutive vertices of a line is an edge. Vertices
  closer than ``tolerance`` (default 1 cm) are one node (transitively). Lines
  that only cross without a shared vertex are not connected (bridges).
  Zero-length segments (after merging) are dropped.
* Mode filter: ``walk`` excludes motorway/trunk (and their links), ``bicycle``
  additionally steps, ``car`` excludes footway, path, steps, pedestrian,
  cycleway, bridleway, corridor and respects ``oneway`` (``yes``/``true``/``1``
  forward, ``-1``/``reverse`` backward). Lines without a ``highway`` value are
  usable by every mode, so a network without OSM tags is fully usable.
* Speeds: walk 4.5 km/h, bicycle 15 km/h, car by road class
  (:data:`CAR_SPEEDS_KMH`, default 30 km/h); a per-line ``speed_kmh`` > 0
  overrides. Time costs are minutes, distance costs metres.
* A point joins the network at the closest point of the closest usable
  segment. The straight connector (``snap_dist``) counts (in time at the speed of
  the snapped segment); the partial lengths along the segment count; two points
  on the same segment travel directly along it. This is exact: the snapped
  segments are split at virtual nodes.

API
---
``Graph.from_lines(lines, highway=None, oneway=None, speed_kmh=None, mode="walk", tolerance=0.01)``
    Build once per run. ``lines`` is a list of (N, 2+) arrays in metres
    (multipart lines already split; extra Z/M columns are ignored).
``graph.locate(xy, snap_tolerance=None)`` -> :class:`Locations`
    ``seg``, ``t`` (0..1 along the segment), ``snap_dist``, ``status``
    (``ok``, ``off_network`` farther than the tolerance, ``no_geometry`` NaN input).
``graph.nearest(origins, facilities, cost="distance", max_cost=None)``
    -> ``(facility_index, cost, status)``: ONE multi-source Dijkstra over the
    reversed graph (cost of travelling origin -> facility). ``facility_index`` is
    -1 and ``cost`` inf where there is no result; status adds ``unreachable`` and
    ``beyond_max_cost``.
``graph.od_matrix(origins, destinations, cost="distance", max_cost=None)``
    -> ``(orig_idx, dest_idx, cost)`` of all pairs with cost <= max_cost
    (bounded searches per destination on the reversed graph).
``graph.route(origin_xy, destination_xy, cost="distance")`` -> (N, 2) path coordinates;
    ``Routing.paths`` gives the paths of many (origin, destination) pairs with one search per destination.
``graph.prepare(*locations)`` -> :class:`Routing`: the split graph with every
    point inserted; ``nearest``, ``od_matrix``, ``node_costs``,
    ``service_pieces``, ``area_labels`` on it reuse that one build.
``graph.facility_status(locations)``: ``unreachable`` for located points on a
    network component that is not the largest one (islands).

Errors a user can cause raise :class:`NetworkError` with a ``code``
(``no_edges``, ``no_usable_edges``, ``bad_mode``, ``bad_cost``, ``bad_max_cost``)
that the QGIS adapter turns into a translated message.
"""

import math
import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

OK = "ok"
OFF_NETWORK = "off_network"
NO_GEOMETRY = "no_geometry"
UNREACHABLE = "unreachable"
BEYOND_MAX_COST = "beyond_max_cost"

MODES = ("walk", "bicycle", "car")
COSTS = ("distance", "time")

WALK_SPEED_KMH = 4.5
BICYCLE_SPEED_KMH = 15.0
CAR_DEFAULT_SPEED_KMH = 30.0
CAR_SPEEDS_KMH = {
    "motorway": 100.0, "motorway_link": 60.0, "trunk": 80.0, "trunk_link": 50.0,
    "primary": 50.0, "primary_link": 40.0, "secondary": 50.0, "secondary_link": 40.0,
    "tertiary": 40.0, "tertiary_link": 30.0, "unclassified": 40.0, "residential": 30.0,
    "living_street": 7.0, "service": 20.0, "track": 20.0, "road": 30.0,
}
MOTOR_ONLY = {"motorway", "motorway_link", "trunk", "trunk_link"}
EXCLUDED = {
    "walk": MOTOR_ONLY,
    "bicycle": MOTOR_ONLY | {"steps"},
    "car": {"footway", "path", "steps", "pedestrian", "cycleway", "bridleway", "corridor",
            "elevator", "platform"},
}
ONEWAY_FORWARD = {"yes", "true", "1"}
ONEWAY_BACKWARD = {"-1", "reverse"}


class NetworkError(ValueError):
    """Bad input for the network engine; ``code`` names the case."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def normalise_mode(mode):
    if isinstance(mode, (int, np.integer)) and 0 <= int(mode) < len(MODES):
        return MODES[int(mode)]
    if isinstance(mode, str) and mode.lower() in MODES:
        return mode.lower()
    raise NetworkError("bad_mode", "unknown mode {!r}".format(mode))


def normalise_cost(cost):
    if isinstance(cost, (int, np.integer)) and 0 <= int(cost) < len(COSTS):
        return COSTS[int(cost)]
    if isinstance(cost, str) and cost.lower() in COSTS:
        return cost.lower()
    raise NetworkError("bad_cost", "unknown cost type {!r}".format(cost))


def check_max_cost(max_cost):
    """None for no limit; raise for a limit <= 0 or NaN."""
    if max_cost is None:
        return None
    value = float(max_cost)
    if not value > 0:
        raise NetworkError("bad_max_cost", "max_cost must be > 0, got {!r}".format(max_cost))
    return value


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip().lower()


def _point_segment(px, py, ax, ay, bx, by):
    """Distance and parameter t of the closest point of segments a-b (vectorised)."""
    dx = bx - ax
    dy = by - ay
    l2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = ((px - ax) * dx + (py - ay) * dy) / np.where(l2 > 0, l2, 1.0)
    t = np.where(l2 > 0, np.clip(t, 0.0, 1.0), 0.0)
    qx = ax + t * dx
    qy = ay + t * dy
    return np.hypot(px - qx, py - qy), t


def merge_nodes(xy, tolerance):
    """Node id for every row of *xy*: points within *tolerance* share one id.

    Returns ``(node_of_point, node_xy)``. Exact duplicates are merged by
    sorting; near duplicates through a KD-tree pair search (transitive).
    """
    n = len(xy)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2))
    if tolerance and tolerance > 0:
        cell = tolerance / 2.0
        mins = xy.min(axis=0)
        k = np.floor((xy - mins) / cell).astype(np.int64)
        key = k[:, 0] * (int(k[:, 1].max()) + 1) + k[:, 1]
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        reps = xy[first]
        pairs = cKDTree(reps).query_pairs(tolerance, output_type="ndarray")
        if len(pairs):
            m = len(reps)
            adj = sp.coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])),
                                shape=(m, m))
            _, comp = connected_components(adj, directed=False)
            _, first_c, comp = np.unique(comp, return_index=True, return_inverse=True)
            node_xy = reps[first_c]
            return comp[inverse], node_xy
        return inverse, reps
    uniq, inverse = np.unique(xy, axis=0, return_inverse=True)
    return inverse.ravel(), uniq


class Locations:
    """Where points join the network (see :meth:`Graph.locate`)."""

    def __init__(self, xy, seg, t, snap_dist, status):
        self.xy = xy
        self.seg = seg
        self.t = t
        self.snap_dist = snap_dist
        self.status = status

    def __len__(self):
        return len(self.seg)

    @property
    def ok(self):
        return self.status == OK

    def subset(self, mask_or_index):
        return Locations(self.xy[mask_or_index], self.seg[mask_or_index], self.t[mask_or_index],
                         self.snap_dist[mask_or_index], self.status[mask_or_index])


class Graph:
    """Edge arrays of a street network for one travel mode."""

    def __init__(self):
        self.mode = "walk"
        self.timings = {}

    # ------------------------------------------------------------------ build
    @classmethod
    def from_lines(cls, lines, highway=None, oneway=None, speed_kmh=None, mode="walk",
                   tolerance=0.01):
        t0 = time.perf_counter()
        mode = normalise_mode(mode)
        g = cls()
        g.mode = mode
        g.tolerance = float(tolerance or 0.0)
        arrays = [np.asarray(line, dtype=float) for line in lines]
        arrays = [a.reshape(-1, a.shape[-1])[:, :2] if a.size else np.zeros((0, 2)) for a in arrays]
        n_lines = len(arrays)
        counts = np.array([len(a) for a in arrays], dtype=np.int64)
        g.n_lines = n_lines
        if counts.sum() == 0:
            raise NetworkError("no_edges", "the network has no line with two or more vertices")
        coords = np.concatenate([a for a in arrays if len(a)]) if n_lines else np.zeros((0, 2))
        line_of_vertex = np.repeat(np.arange(n_lines, dtype=np.int64), counts)

        # per-line mode attributes
        allowed = np.ones(n_lines, dtype=bool)
        fwd_line = np.ones(n_lines, dtype=bool)
        bwd_line = np.ones(n_lines, dtype=bool)
        speed = np.full(n_lines, {"walk": WALK_SPEED_KMH, "bicycle": BICYCLE_SPEED_KMH,
                                  "car": CAR_DEFAULT_SPEED_KMH}[mode])
        if highway is not None:
            hw = [_text(h) for h in highway]
            excluded = EXCLUDED[mode]
            allowed = np.array([h not in excluded for h in hw], dtype=bool)
            if mode == "car":
                speed = np.array([CAR_SPEEDS_KMH.get(h, CAR_DEFAULT_SPEED_KMH) for h in hw])
        if oneway is not None and mode == "car":
            ow = [_text(o) for o in oneway]
            bwd_line = np.array([o not in ONEWAY_FORWARD for o in ow], dtype=bool)
            fwd_line = np.array([o not in ONEWAY_BACKWARD for o in ow], dtype=bool)
        if speed_kmh is not None:
            override = np.array([np.nan if v is None else v for v in speed_kmh], dtype=float)
            good = np.isfinite(override) & (override > 0)
            speed = np.where(good, override, speed)

        # segments between consecutive vertices of the same line
        i = np.arange(len(coords) - 1, dtype=np.int64)
        same = line_of_vertex[:-1] == line_of_vertex[1:]
        finite = np.isfinite(coords).all(axis=1)
        keep = same & finite[:-1] & finite[1:]
        i = i[keep]
        seg_line = line_of_vertex[i]
        g.n_segments_input = int(len(i))
        usable = allowed[seg_line]
        g.n_excluded_mode = int((~usable).sum())
        i = i[usable]
        seg_line = seg_line[usable]
        if len(i) == 0:
            raise NetworkError("no_usable_edges",
                               "no segment of the network can be used by mode {}".format(mode))
        a = coords[i]
        b = coords[i + 1]
        node_of, node_xy = merge_nodes(np.concatenate([a, b]), g.tolerance)
        u = node_of[:len(i)]
        v = node_of[len(i):]
        nonzero = u != v
        g.n_zero_length = int((~nonzero).sum())
        if not nonzero.any():
            raise NetworkError("no_usable_edges",
                               "no segment of the network can be used by mode {}".format(mode))
        g.seg_a = a[nonzero]
        g.seg_b = b[nonzero]
        g.seg_u = u[nonzero]
        g.seg_v = v[nonzero]
        g.seg_line = seg_line[nonzero]
        g.seg_len = np.hypot(*(g.seg_b - g.seg_a).T)
        g.seg_speed = speed[g.seg_line] * 1000.0 / 60.0  # metres per minute
        g.seg_fwd = fwd_line[g.seg_line]
        g.seg_bwd = bwd_line[g.seg_line]
        # nodes actually used, renumbered
        used = np.zeros(len(node_xy), dtype=bool)
        used[g.seg_u] = True
        used[g.seg_v] = True
        renum = np.cumsum(used) - 1
        g.seg_u = renum[g.seg_u]
        g.seg_v = renum[g.seg_v]
        g.node_xy = node_xy[used]
        g.n_nodes = len(g.node_xy)
        g._index = None
        g._components = None
        g.timings["build_graph"] = time.perf_counter() - t0
        return g

    @property
    def n_edges(self):
        return len(self.seg_u)

    def seg_cost(self, cost):
        cost = normalise_cost(cost)
        if cost == "distance":
            return self.seg_len
        return self.seg_len / self.seg_speed

    def extent(self):
        xy = self.node_xy
        return xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max()

    # --------------------------------------------------------------- snapping
    def _build_index(self):
        if self._index is not None:
            return self._index
        lengths = self.seg_len
        spacing = float(np.clip(np.median(lengths), 1.0, 50.0))
        n = np.maximum(np.ceil(lengths / spacing).astype(np.int64), 1)
        seg = np.repeat(np.arange(len(lengths), dtype=np.int64), n)
        start = np.cumsum(n) - n
        k = np.arange(len(seg), dtype=np.int64) - np.repeat(start, n)
        frac = (k + 0.5) / np.repeat(n, n)
        pts = self.seg_a[seg] + frac[:, None] * (self.seg_b[seg] - self.seg_a[seg])
        # every point of a segment is within half_step of one of its samples
        half = float((lengths / n).max()) / 2.0
        self._index = (cKDTree(pts), seg, half)
        return self._index

    def locate(self, xy, snap_tolerance=None):
        """Snap points (N, 2) to the closest point of the closest segment (exact)."""
        t0 = time.perf_counter()
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        n = len(xy)
        seg = np.full(n, -1, dtype=np.int64)
        tpar = np.zeros(n)
        dist = np.full(n, np.nan)
        status = np.full(n, NO_GEOMETRY, dtype=object)
        good = np.isfinite(xy).all(axis=1)
        idx = np.nonzero(good)[0]
        if len(idx):
            tree, sample_seg, half = self._build_index()
            n_samples = len(sample_seg)
            pending = idx
            k = min(8, n_samples)
            while len(pending):
                p = xy[pending]
                dd, ii = tree.query(p, k=k)
                dd = dd.reshape(len(pending), -1)
                ii = ii.reshape(len(pending), -1)
                cand = sample_seg[ii]
                d, t = _point_segment(p[:, 0:1], p[:, 1:2],
                                      self.seg_a[cand, 0], self.seg_a[cand, 1],
                                      self.seg_b[cand, 0], self.seg_b[cand, 1])
                j = np.argmin(d, axis=1)
                rows = np.arange(len(pending))
                best = d[rows, j]
                seg[pending] = cand[rows, j]
                tpar[pending] = t[rows, j]
                dist[pending] = best
                # exact if every sample not returned is farther than best + half
                certain = (dd[:, -1] > best + half) | (k >= n_samples)
                pending = pending[~certain]
                k = min(k * 4, n_samples)
            status[good] = OK
            if snap_tolerance is not None:
                off = good & (dist > float(snap_tolerance))
                status[off] = OFF_NETWORK
        self.timings["snap"] = self.timings.get("snap", 0.0) + time.perf_counter() - t0
        return Locations(xy, seg, tpar, dist, status)

    def snap_xy(self, loc):
        """Coordinates of the snapped points (NaN where not located)."""
        out = np.full((len(loc), 2), np.nan)
        m = loc.seg >= 0
        s = loc.seg[m]
        out[m] = self.seg_a[s] + loc.t[m, None] * (self.seg_b[s] - self.seg_a[s])
        return out

    # ------------------------------------------------------------ components
    def components(self):
        """Weakly connected component id per node (largest component = 0)."""
        if self._components is None:
            n = self.n_nodes
            adj = sp.coo_matrix((np.ones(self.n_edges, dtype=np.int8), (self.seg_u, self.seg_v)),
                                shape=(n, n))
            _, comp = connected_components(adj, directed=False)
            sizes = np.bincount(comp)
            rank = np.empty_like(sizes)
            rank[np.argsort(-sizes, kind="stable")] = np.arange(len(sizes))
            self._components = rank[comp]
        return self._components

    def facility_status(self, loc):
        """``loc.status`` with ``unreachable`` for points on an island (not the largest component)."""
        status = loc.status.copy()
        m = loc.seg >= 0
        comp = np.full(len(loc), -1)
        comp[m] = self.components()[self.seg_u[loc.seg[m]]]
        status[(status == OK) & (comp > 0)] = UNREACHABLE
        return status

    # --------------------------------------------------------------- routing
    def prepare(self, *locations, cost="distance"):
        """Split the graph at every located point of *locations* (one build)."""
        return Routing(self, list(locations), normalise_cost(cost))

    def nearest(self, origins, facilities, cost="distance", max_cost=None):
        r = self.prepare(origins, facilities, cost=cost)
        return r.nearest(0, 1, max_cost=max_cost)

    def od_matrix(self, origins, destinations, cost="distance", max_cost=None):
        r = self.prepare(origins, destinations, cost=cost)
        return r.od_matrix(0, 1, max_cost=max_cost)

    def route(self, origin_xy, destination_xy, cost="distance"):
        o = self.locate(np.asarray(origin_xy, dtype=float).reshape(1, 2))
        d = self.locate(np.asarray(destination_xy, dtype=float).reshape(1, 2))
        r = self.prepare(o, d, cost=cost)
        return r.route(0, 0, 1, 0)


class Routing:
    """The graph split at the located points, with one terminal node per point.

    Node layout: graph nodes, then virtual split nodes, then one terminal per
    point of each location set (connected to its snap node by the connector).
    """

    def __init__(self, graph, locations, cost):
        t0 = time.perf_counter()
        self.graph = graph
        self.cost = cost
        self.locations = locations
        g = graph
        seg_cost = g.seg_cost(cost)
        n_sets = len(locations)
        sizes = [len(loc) for loc in locations]
        all_seg = np.concatenate([loc.seg for loc in locations]) if n_sets else np.zeros(0, np.int64)
        all_t = np.concatenate([loc.t for loc in locations]) if n_sets else np.zeros(0)
        all_ok = np.concatenate([loc.status == OK for loc in locations]) if n_sets else np.zeros(0, bool)
        all_snap = np.concatenate([loc.snap_dist for loc in locations]) if n_sets else np.zeros(0)
        n_pts = len(all_seg)
        okp = np.nonzero(all_ok)[0]
        pseg = all_seg[okp]
        pt = all_t[okp]
        # snap node of every ok point: endpoint node when t is 0 or 1, else a virtual node
        snap_node = np.full(n_pts, -1, dtype=np.int64)
        at_u = pt <= 0.0
        at_v = pt >= 1.0
        snap_node[okp[at_u]] = g.seg_u[pseg[at_u]]
        snap_node[okp[at_v]] = g.seg_v[pseg[at_v]]
        inner = ~(at_u | at_v)
        iseg = pseg[inner]
        it = pt[inner]
        # unique (segment, t) split points, sorted along each segment
        order = np.lexsort((it, iseg))
        s_sorted = iseg[order]
        t_sorted = it[order]
        if len(order):
            new = np.ones(len(order), dtype=bool)
            new[1:] = (s_sorted[1:] != s_sorted[:-1]) | (t_sorted[1:] != t_sorted[:-1])
            vid = np.cumsum(new) - 1
        else:
            new = np.zeros(0, dtype=bool)
            vid = np.zeros(0, dtype=np.int64)
        n_virtual = int(new.sum())
        v_seg = s_sorted[new]
        v_t = t_sorted[new]
        v_node = g.n_nodes + np.arange(n_virtual, dtype=np.int64)
        tmp = np.empty(len(order), dtype=np.int64)
        tmp[order] = v_node[vid]
        snap_node[okp[inner]] = tmp
        self.n_base = g.n_nodes + n_virtual
        self.virtual_xy = g.seg_a[v_seg] + v_t[:, None] * (g.seg_b[v_seg] - g.seg_a[v_seg])
        self._base_xy = None
        # pieces: untouched segments + chains through the virtual nodes
        split = np.zeros(g.n_edges, dtype=bool)
        split[v_seg] = True
        whole = np.nonzero(~split)[0]
        first = np.ones(n_virtual, dtype=bool)
        first[1:] = v_seg[1:] != v_seg[:-1]
        last = np.ones(n_virtual, dtype=bool)
        last[:-1] = v_seg[1:] != v_seg[:-1]
        prev_node = np.where(first, g.seg_u[v_seg], np.roll(v_node, 1))
        prev_t = np.where(first, 0.0, np.roll(v_t, 1))
        # pieces ending at each virtual node, and the closing piece of each split segment
        p_seg = np.concatenate([whole, v_seg, v_seg[last]])
        p_a = np.concatenate([g.seg_u[whole], prev_node, v_node[last]])
        p_b = np.concatenate([g.seg_v[whole], v_node, g.seg_v[v_seg[last]]])
        p_t0 = np.concatenate([np.zeros(len(whole)), prev_t, v_t[last]])
        p_t1 = np.concatenate([np.ones(len(whole)), v_t, np.ones(int(last.sum()))])
        self.p_seg, self.p_a, self.p_b, self.p_t0, self.p_t1 = p_seg, p_a, p_b, p_t0, p_t1
        self.p_cost = (p_t1 - p_t0) * seg_cost[p_seg]
        self.p_fwd = g.seg_fwd[p_seg]
        self.p_bwd = g.seg_bwd[p_seg]
        # terminals: one per point; connector cost both ways
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.terminal = self.n_base + np.arange(n_pts, dtype=np.int64)
        self.n_nodes = self.n_base + n_pts
        conn = np.zeros(n_pts)
        if len(okp):
            if cost == "distance":
                conn[okp] = all_snap[okp]
            else:
                conn[okp] = all_snap[okp] / g.seg_speed[pseg]
        self.connector = conn
        self.snap_node = snap_node
        tk = self.terminal[okp]
        sn = snap_node[okp]
        src = np.concatenate([p_a[self.p_fwd], p_b[self.p_bwd], sn, tk])
        dst = np.concatenate([p_b[self.p_fwd], p_a[self.p_bwd], tk, sn])
        w = np.concatenate([self.p_cost[self.p_fwd], self.p_cost[self.p_bwd], conn[okp], conn[okp]])
        # keep the cheapest of parallel edges (csr would sum duplicates): sort by one
        # (src, dst) key, the minimum weight per key
        n = self.n_nodes
        key = src * n + dst
        o = np.argsort(key, kind="stable")
        key, w = key[o], w[o]
        start = np.ones(len(key), dtype=bool)
        start[1:] = key[1:] != key[:-1]
        first = np.flatnonzero(start)
        w = np.minimum.reduceat(w, first) if len(first) else w[:0]
        key = key[first]
        src, dst = key // n, key % n
        # sorted unique (src, dst): the CSR arrays directly
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
        self.forward = sp.csr_matrix((w, dst, indptr), shape=(n, n))
        self.reverse = self.forward.transpose().tocsr()
        self.point_ok = all_ok
        graph.timings["split"] = graph.timings.get("split", 0.0) + time.perf_counter() - t0

    def _points(self, which):
        """Global point indices of location set *which*."""
        return np.arange(self.offsets[which], self.offsets[which + 1])

    def _ok_terminals(self, which):
        pts = self._points(which)
        ok = self.point_ok[pts]
        return pts[ok], self.terminal[pts[ok]]

    def located(self, which):
        """Indices (within location set *which*) of its points that lie on the network, ascending."""
        pts, _term = self._ok_terminals(which)
        return pts - self.offsets[which]

    def rows_per_search(self, chunk_cells=20_000_000):
        """How many single-source searches fit into one dense block of about *chunk_cells* node costs."""
        return max(1, int(chunk_cells // max(self.n_nodes, 1)))

    def cost_rows(self, which, points, to_which, limit=None, toward=False):
        """Dense costs between points of two location sets, one bounded search per row.

        *points*: indices within set *which* (located ones, see :meth:`located`). Returns an array
        ``(len(points), len(located(to_which)))``: the cost of travelling from each point of *which*
        to each located point of *to_which*, or with ``toward=True`` from each located point of
        *to_which* to the point of *which* (searches on the reversed graph). Costs above *limit*
        may be returned as ``inf`` (the searches stop there).
        """
        points = np.asarray(points, dtype=np.int64)
        _pts, to_term = self._ok_terminals(to_which)
        if points.size == 0:
            return np.zeros((0, to_term.size))
        term = self.terminal[self.offsets[which] + points]
        lim = np.inf if limit is None else float(limit)
        dist = dijkstra(self.reverse if toward else self.forward, directed=True, indices=term, limit=lim)
        return dist[:, to_term]

    def _in_subset(self, facilities, subset, local):
        """Boolean mask over the point indices *local* of set *facilities*: in *subset* (mask or indices)."""
        mask = np.zeros(len(self.locations[facilities]), dtype=bool)
        mask[subset] = True
        return mask[local]

    def node_costs(self, facilities=1, subset=None):
        """Multi-source search: (cost to the nearest facility, facility index) for every node.

        Costs are of travelling from the node to the facility (reversed graph).
        *subset*: boolean mask or indices of the facilities to use.
        """
        t0 = time.perf_counter()
        pts, term = self._ok_terminals(facilities)
        local = pts - self.offsets[facilities]
        if subset is not None:
            keep = self._in_subset(facilities, subset, local)
            local, term = local[keep], term[keep]
        n = self.n_nodes
        if len(term) == 0:
            return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
        dist, _pred, src = dijkstra(self.reverse, directed=True, indices=term, min_only=True,
                                    return_predecessors=True)
        lookup = np.full(n, -1, dtype=np.int64)
        lookup[term] = local
        label = np.where(src >= 0, lookup[np.maximum(src, 0)], -1)
        self.graph.timings["search"] = self.graph.timings.get("search", 0.0) + time.perf_counter() - t0
        return dist, label

    def nearest(self, origins=0, facilities=1, max_cost=None, subset=None, node_result=None):
        """Nearest facility of every origin: (facility_index, cost, status)."""
        max_cost = check_max_cost(max_cost)
        dist, label = node_result if node_result is not None else self.node_costs(facilities, subset)
        pts = self._points(origins)
        loc = self.locations[origins]
        term = self.terminal[pts]
        cost = dist[term].copy()
        fac = label[term].copy()
        status = loc.status.copy()
        ok = status == OK
        cost[~ok] = np.inf
        fac[~ok] = -1
        unreached = ok & ~np.isfinite(cost)
        status[unreached] = UNREACHABLE
        fac[unreached] = -1
        if max_cost is not None:
            beyond = ok & np.isfinite(cost) & (cost > max_cost)
            status[beyond] = BEYOND_MAX_COST
            fac[beyond] = -1
        return fac, cost, status

    def od_matrix(self, origins=0, destinations=1, max_cost=None, chunk_cells=20_000_000):
        """All (origin, destination, cost) with cost <= max_cost, bounded searches per destination."""
        t0 = time.perf_counter()
        max_cost = check_max_cost(max_cost)
        limit = np.inf if max_cost is None else max_cost
        d_pts, d_term = self._ok_terminals(destinations)
        d_local = d_pts - self.offsets[destinations]
        o_pts, o_term = self._ok_terminals(origins)
        o_local = o_pts - self.offsets[origins]
        oi, di, cc = [], [], []
        chunk = max(1, int(chunk_cells // max(self.n_nodes, 1)))
        for start in range(0, len(d_term), chunk):
            rows = d_term[start:start + chunk]
            dist = dijkstra(self.reverse, directed=True, indices=rows, limit=limit)
            sub = dist[:, o_term]
            r, c = np.nonzero(np.isfinite(sub) & (sub <= limit))
            oi.append(o_local[c])
            di.append(d_local[start + r])
            cc.append(sub[r, c])
        self.graph.timings["search"] = self.graph.timings.get("search", 0.0) + time.perf_counter() - t0
        if not oi:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        oi, di, cc = np.concatenate(oi), np.concatenate(di), np.concatenate(cc)
        order = np.lexsort((di, oi))
        return oi[order], di[order], cc[order]

    def piece_xy(self, t0, t1, seg):
        g = self.graph
        a = g.seg_a[seg]
        d = g.seg_b[seg] - a
        return a + t0[:, None] * d, a + t1[:, None] * d

    def reached_pieces(self, dist, threshold, pieces=None):
        """Parts of the streets from which the facility is reached within *threshold*.

        *dist*: cost-to-facility per node (reversed search). Returns
        ``(seg, t0, t1)`` of the reached intervals (fractions of the original
        segments). *pieces*: indices of the pieces to look at (default all; see
        :meth:`pieces_within`).
        """
        if pieces is None:
            pieces = slice(None)
        w = self.p_cost[pieces]
        da = dist[self.p_a[pieces]]
        db = dist[self.p_b[pieces]]
        p_fwd, p_bwd = self.p_fwd[pieces], self.p_bwd[pieces]
        p_seg, p_t0, p_t1 = self.p_seg[pieces], self.p_t0[pieces], self.p_t1[pieces]
        span = p_t1 - p_t0
        with np.errstate(invalid="ignore", divide="ignore"):
            # from the b end (moving a->b, needs fwd): reached f in [1 - (T - db)/w, 1]
            rb = np.where(p_fwd & (db <= threshold), np.clip((threshold - db) / np.where(w > 0, w, 1), 0, 1), 0.0)
            rb = np.where(p_fwd & (db <= threshold) & (w <= 0), 1.0, rb)
            ra = np.where(p_bwd & (da <= threshold), np.clip((threshold - da) / np.where(w > 0, w, 1), 0, 1), 0.0)
            ra = np.where(p_bwd & (da <= threshold) & (w <= 0), 1.0, ra)
        full = ra + rb >= 1.0
        segs, t0s, t1s = [], [], []
        m = full
        segs.append(p_seg[m]); t0s.append(p_t0[m]); t1s.append(p_t1[m])
        m = ~full & (ra > 0)
        segs.append(p_seg[m]); t0s.append(p_t0[m]); t1s.append(p_t0[m] + ra[m] * span[m])
        m = ~full & (rb > 0)
        segs.append(p_seg[m]); t0s.append(p_t1[m] - rb[m] * span[m]); t1s.append(p_t1[m])
        return np.concatenate(segs), np.concatenate(t0s), np.concatenate(t1s)

    def pieces_within(self, dist, limit):
        """Indices of the pieces with an end reached within *limit* (the only ones
        :meth:`reached_pieces` can return for thresholds up to *limit*)."""
        return np.flatnonzero(np.minimum(dist[self.p_a], dist[self.p_b]) <= limit)

    def service_lines(self, dist, threshold, facilities=1, subset=None, pieces=None):
        """``(a, b)``: the reached street intervals (see :meth:`reached_pieces`) and the parts of
        the connectors of the facilities (set *facilities*, optionally only *subset*) that lie
        within *threshold* of the facility point, as 2-point lines ``a[i] -> b[i]``."""
        seg, t0, t1 = self.reached_pieces(dist, threshold, pieces)
        a, b = self.piece_xy(t0, t1, seg)
        pts, _term = self._ok_terminals(facilities)
        local = pts - self.offsets[facilities]
        if subset is not None:
            keep = self._in_subset(facilities, subset, local)
            pts, local = pts[keep], local[keep]
        if len(pts):
            loc = self.locations[facilities]
            p = loc.xy[local]
            q = self.graph.snap_xy(loc.subset(local))
            conn = self.connector[pts]
            frac = np.clip(threshold / np.where(conn > 0, conn, 1.0), 0.0, 1.0)
            a = np.vstack([a, p])
            b = np.vstack([b, p + frac[:, None] * (q - p)])
        return a, b

    def facility_searches(self, facilities=1, limit=None, chunk_cells=20_000_000):
        """Yield (facility_index, cost-to-facility per node) with one bounded search each."""
        pts, term = self._ok_terminals(facilities)
        local = pts - self.offsets[facilities]
        lim = np.inf if limit is None else float(limit)
        chunk = max(1, int(chunk_cells // max(self.n_nodes, 1)))
        for start in range(0, len(term), chunk):
            dist = dijkstra(self.reverse, directed=True, indices=term[start:start + chunk], limit=lim)
            for k in range(dist.shape[0]):
                yield int(local[start + k]), dist[k]

    def area_labels(self, dist, label, spacing):
        """Sample points along all pieces with the facility nearest over the network.

        Returns ``(xy, label, cost)`` of points about *spacing* apart on every
        piece; a point at fraction f is labelled by the cheaper end
        (f*w + D[a] if it may travel to a, (1-f)*w + D[b] if it may travel to b).
        """
        g = self.graph
        seg = self.p_seg
        length = (self.p_t1 - self.p_t0) * g.seg_len[seg]
        n = np.maximum(np.ceil(length / spacing).astype(np.int64), 1)
        idx = np.repeat(np.arange(len(seg), dtype=np.int64), n)
        start = np.cumsum(n) - n
        k = np.arange(len(idx), dtype=np.int64) - np.repeat(start, n)
        f = (k + 0.5) / np.repeat(n, n)
        w = self.p_cost[idx]
        ca = np.where(self.p_bwd[idx], f * w + dist[self.p_a[idx]], np.inf)
        cb = np.where(self.p_fwd[idx], (1 - f) * w + dist[self.p_b[idx]], np.inf)
        use_a = ca <= cb
        lab = np.where(use_a, label[self.p_a[idx]], label[self.p_b[idx]])
        cost = np.minimum(ca, cb)
        t = self.p_t0[idx] + f * (self.p_t1[idx] - self.p_t0[idx])
        s = seg[idx]
        xy = g.seg_a[s] + t[:, None] * (g.seg_b[s] - g.seg_a[s])
        lab = np.where(np.isfinite(cost), lab, -1)
        return xy, lab, cost

    def route(self, origins, o_index, destinations, d_index):
        """Coordinates of the cheapest path from one origin to one destination (None if none)."""
        return self.paths(origins, [o_index], destinations, [d_index])[0]

    def paths(self, origins, o_indices, destinations, d_indices, max_cost=None, chunk=4096):
        """Cheapest paths of many (origin, destination) pairs: list of (N, 2) arrays or None.

        One search per distinct destination on the reversed graph (as in
        :meth:`od_matrix`, so the paths cost exactly what it reports), bounded by
        *max_cost*; the predecessors lead from each origin straight to the
        destination (followed for all its origins at once). A path runs from the
        origin point over the connector and the streets to the destination
        point; split nodes of other points in the middle of a segment are left
        out (they add no corner). None where there is no path.
        """
        o_pts = self.offsets[origins] + np.asarray(o_indices, dtype=np.int64)
        d_pts = self.offsets[destinations] + np.asarray(d_indices, dtype=np.int64)
        out = [None] * len(o_pts)
        limit = np.inf if max_cost is None else float(max_cost)
        for d in np.unique(d_pts):
            pairs = np.nonzero((d_pts == d) & self.point_ok[o_pts])[0]
            if not self.point_ok[d] or not len(pairs):
                continue
            dst = self.terminal[d]
            dist, pred = dijkstra(self.reverse, directed=True, indices=dst, return_predecessors=True, limit=limit)
            pairs = pairs[np.isfinite(dist[self.terminal[o_pts[pairs]]])]
            for start in range(0, len(pairs), chunk):
                part = pairs[start:start + chunk]
                cur = self.terminal[o_pts[part]]
                walk = [cur]
                while (cur != dst).any():
                    cur = np.where(cur != dst, pred[cur], dst)
                    walk.append(cur)
                walk = np.stack(walk, axis=1)  # (pairs, steps), padded with dst
                n = (walk != dst).sum(axis=1) + 1
                pos = np.arange(walk.shape[1])
                inner_virtual = (walk >= self.graph.n_nodes) & (walk < self.n_base) & \
                    (pos > 1) & (pos < n[:, None] - 2)
                keep = (pos < n[:, None]) & ~inner_virtual
                xy = self._node_xy(walk.ravel()).reshape(walk.shape + (2,))
                for row, k in enumerate(part):
                    out[k] = xy[row][keep[row]]
        return out

    def _node_xy(self, nodes):
        """Coordinates of nodes of the split graph (graph nodes, virtual split nodes, terminals)."""
        if self._base_xy is None:
            self._base_xy = np.vstack([self.graph.node_xy, self.virtual_xy])
            self._point_xy = np.vstack([loc.xy for loc in self.locations]) if self.locations else np.zeros((0, 2))
        xy = np.empty((len(nodes), 2))
        base = nodes < self.n_base
        xy[base] = self._base_xy[nodes[base]]
        xy[~base] = self._point_xy[nodes[~base] - self.n_base]
        return xy


def sample_lines(a, b, spacing):
    """Points along the 2-point lines ``a[i] -> b[i]``, at most *spacing* apart, both ends included."""
    a = np.asarray(a, dtype=float).reshape(-1, 2)
    b = np.asarray(b, dtype=float).reshape(-1, 2)
    if len(a) == 0:
        return np.zeros((0, 2))
    length = np.hypot(*(b - a).T)
    n = np.maximum(np.ceil(length / spacing).astype(np.int64), 1)
    idx = np.repeat(np.arange(len(a), dtype=np.int64), n + 1)
    start = np.cumsum(n + 1) - (n + 1)
    k = np.arange(len(idx), dtype=np.int64) - np.repeat(start, n + 1)
    f = k / np.repeat(n, n + 1)
    return a[idx] + f[:, None] * (b[idx] - a[idx])


def buffer_masks(point_sets, width, cell=None, max_cells=4_000_000):
    """Raster of the cells whose centre lies within *width* of a point, for every point set.

    *point_sets*: list of (N, 2) arrays (the points along the reached streets of each
    threshold, e.g. from :func:`sample_lines`). One window for all sets (their points
    padded by *width*); *cell* defaults to *width* / 5, coarser only when the window
    would have more than *max_cells* cells. Each set is tested exactly: a distance
    transform decides the cells that are surely inside or outside, a KD-tree the
    narrow band between. Masks are made nested (set k includes set k-1).

    Returns ``(masks, x0, y_top, cell)`` with ``masks[k][row, col]`` (row 0 at the top);
    ``masks`` is empty when there are no points.
    """
    from scipy import ndimage

    sets = [np.asarray(p, dtype=float).reshape(-1, 2) for p in point_sets]
    sets = [p[np.isfinite(p).all(axis=1)] for p in sets]
    allp = np.vstack(sets) if sets else np.zeros((0, 2))
    width = float(width)
    if len(allp) == 0 or not width > 0:
        return [], 0.0, 0.0, float(cell or 1.0)
    xmin, ymin = allp.min(axis=0)
    xmax, ymax = allp.max(axis=0)
    w_ext = xmax - xmin + 2 * width
    h_ext = ymax - ymin + 2 * width
    if not cell or not cell > 0:
        cell = width / 5.0
    cell = max(float(cell), math.sqrt(w_ext * h_ext / float(max_cells)))
    pad = width + 2 * cell
    x0 = xmin - pad
    y_top = ymax + pad
    ncol = int(math.ceil((xmax + pad - x0) / cell))
    nrow = int(math.ceil((y_top - (ymin - pad)) / cell))
    half_diag = cell * math.sqrt(0.5)
    masks = []
    prev = None
    for pts in sets:
        mask = np.zeros((nrow, ncol), dtype=bool)
        if len(pts):
            col = np.clip(((pts[:, 0] - x0) / cell).astype(np.int64), 0, ncol - 1)
            row = np.clip(((y_top - pts[:, 1]) / cell).astype(np.int64), 0, nrow - 1)
            marked = np.zeros((nrow, ncol), dtype=bool)
            marked[row, col] = True
            # distance between cell centres; the point of a marked cell lies within half_diag of its centre
            d = ndimage.distance_transform_edt(~marked) * cell
            mask = d <= width - half_diag
            band = (d > width - half_diag) & (d <= width + half_diag)
            br, bc = np.nonzero(band)
            if len(br):
                centres = np.column_stack([x0 + (bc + 0.5) * cell, y_top - (br + 0.5) * cell])
                dd, _ = cKDTree(pts).query(centres, k=1, distance_upper_bound=width * (1 + 1e-12))
                mask[br, bc] = np.isfinite(dd) & (dd <= width)
        if prev is not None:
            mask |= prev
        masks.append(mask)
        prev = mask
    return masks, x0, y_top, cell


def catchment_raster(xy, label, extent, cell_size, max_dist):
    """Label raster: every cell gets the label of the nearest sample point.

    Cells farther than *max_dist* from every sample get -1. Returns
    ``(grid, x0, y_top, cell_size)`` with ``grid[row, col]`` (row 0 at the top).
    Cells are disjoint, so polygons made from the grid never overlap.
    """
    from scipy import ndimage

    xmin, ymin, xmax, ymax = extent
    pad = max_dist
    x0 = xmin - pad
    y_top = ymax + pad
    ncol = max(int(math.ceil((xmax + pad - x0) / cell_size)), 1)
    nrow = max(int(math.ceil((y_top - (ymin - pad)) / cell_size)), 1)
    grid = np.full((nrow, ncol), -1, dtype=np.int64)
    col = np.clip(((xy[:, 0] - x0) / cell_size).astype(np.int64), 0, ncol - 1)
    row = np.clip(((y_top - xy[:, 1]) / cell_size).astype(np.int64), 0, nrow - 1)
    # streets reached by no facility mark their cells as "no label" (-2) first
    bad = label < 0
    grid[row[bad], col[bad]] = -2
    good = ~bad
    grid[row[good], col[good]] = label[good]
    has = grid != -1
    if not has.any():
        return grid, x0, y_top, cell_size
    dist, (ri, ci) = ndimage.distance_transform_edt(~has, return_indices=True)
    grid = grid[ri, ci]
    grid[dist * cell_size > max_dist] = -1
    grid[grid < 0] = -1
    return grid, x0, y_top, cell_size


def catchment_grid(routing, node_result, cell=0.0, tolerance=0.0, max_cost=None):
    """The label raster of the catchment polygons from one nearest-facility search.

    *node_result*: ``routing.node_costs(1)``; *cell*: cell size in metres (0: 1/1000 of the larger side
    of the network extent, clipped to 5 … 50 m). Street samples beyond *max_cost* are unlabelled; cells
    farther than ``max(tolerance, 1.5 cell)`` from every sample stay empty. Returns
    ``(grid, x0, y_top, cell)`` (see :func:`catchment_raster`).
    """
    extent = routing.graph.extent()
    xmin, ymin, xmax, ymax = extent
    if not cell > 0:
        cell = float(np.clip(max(xmax - xmin, ymax - ymin) / 1000.0, 5.0, 50.0))
    dist, label = node_result
    xy, lab, scost = routing.area_labels(dist, label, cell / 2.0)
    if max_cost is not None:
        lab = np.where(scost <= max_cost, lab, -1)
    return catchment_raster(xy, lab, extent, cell, max(tolerance, 1.5 * cell))


def demand_within(routing, weights, thresholds, dissolve, n_facilities):
    """Demand (location set 1) that reaches a facility (set 0) within each threshold.

    ``{(facility index or None when *dissolve*, threshold): (demand, number of demand points)}``;
    dissolved: demand that reaches any facility; else per facility (a point may count for several).
    """
    weights = np.asarray(weights, dtype=float)
    out = {}
    if dissolve:
        _f, c, s = routing.nearest(1, 0)
        for t in thresholds:
            m = (s == OK) & (c <= t)
            out[(None, t)] = (float(weights[m].sum()), int(m.sum()))
        return out
    oi, di, cc = routing.od_matrix(1, 0, max_cost=max(thresholds))
    for t in thresholds:
        m = cc <= t
        sums = np.bincount(di[m], weights=weights[oi[m]], minlength=n_facilities)
        ns = np.bincount(di[m], minlength=n_facilities)
        for j in range(n_facilities):
            out[(j, t)] = (float(sums[j]), int(ns[j]))
    return out


def service_masks(routing, dist, thresholds, width, subset=None):
    """Raster masks of the streets reached within each threshold (facility set 0, optionally only
    *subset*), widened by *width*: ``(masks, x0, y_top, cell)`` of :func:`buffer_masks` (one raster for
    all thresholds; sample spacing width / 5)."""
    pieces = routing.pieces_within(dist, max(thresholds))
    sets = [sample_lines(*routing.service_lines(dist, t, 0, subset, pieces), width / 5.0) for t in thresholds]
    return buffer_masks(sets, width)


def service_area_searches(routing, thresholds, dissolve):
    """Yield ``(facility index or None, cost to the facilities per node)`` for the service areas: one search
    from all facilities (set 0) when *dissolve*, else one bounded search per facility."""
    if dissolve:
        dist, _label = routing.node_costs(0)
        yield None, dist
        return
    yield from routing.facility_searches(0, limit=max(thresholds))
