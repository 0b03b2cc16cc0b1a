"""The network engine on tiny hand-worked networks and invariants against a second method."""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

from bildungslandschaft_plugin.core import network as nw
from bildungslandschaft_plugin.core.network import Graph, NetworkError


def line(*pts):
    return np.array(pts, dtype=float)


def nearest(graph, origins, facilities, cost="distance", max_cost=None, tol=None):
    o = graph.locate(np.array(origins, dtype=float), tol)
    f = graph.locate(np.array(facilities, dtype=float), tol)
    return graph.nearest(o, f, cost=cost, max_cost=max_cost)


# --------------------------------------------------------------------------- building
def test_segments_nodes_and_lengths():
    g = Graph.from_lines([line((0, 0), (100, 0), (100, 50)), line((100, 50), (0, 50))])
    assert g.n_edges == 3
    assert g.n_nodes == 4
    assert sorted(g.seg_len.tolist()) == [50.0, 100.0, 100.0]


def test_nodes_merged_within_1cm_but_not_beyond():
    g = Graph.from_lines([line((0, 0), (100, 0)), line((100.006, 0.004), (200, 0))])
    assert g.n_nodes == 3
    fac, cost, status = nearest(g, [(10, 0)], [(190, 0)])
    # lengths are those of the drawn segments: 100 + 99.994 - 10 - 10
    assert cost[0] == pytest.approx(90 + (190 - 100.006), abs=1e-3)
    g2 = Graph.from_lines([line((0, 0), (100, 0)), line((100.02, 0), (200, 0))])
    assert g2.n_nodes == 4
    fac, cost, status = nearest(g2, [(10, 0)], [(190, 0)])
    assert status[0] == nw.UNREACHABLE and fac[0] == -1 and np.isinf(cost[0])


def test_crossing_lines_without_shared_vertex_are_not_connected():
    g = Graph.from_lines([line((0, -100), (0, 100)), line((-100, 0), (100, 0))])
    fac, cost, status = nearest(g, [(1, 90)], [(90, 1)])
    assert status[0] == nw.UNREACHABLE
    # with a shared vertex they are
    g2 = Graph.from_lines([line((0, -100), (0, 0), (0, 100)), line((-100, 0), (0, 0), (100, 0))])
    fac, cost, status = nearest(g2, [(1, 90)], [(90, 1)])
    assert status[0] == nw.OK and cost[0] == pytest.approx(1 + 90 + 90 + 1)


def test_z_m_columns_ignored_and_zero_length_segments_dropped():
    g = Graph.from_lines([np.array([(0, 0, 5, 1), (50, 0, 6, 2), (50, 0, 7, 3), (100, 0, 8, 4)], float)])
    assert g.n_zero_length == 1
    assert g.n_edges == 2
    fac, cost, status = nearest(g, [(10, 2)], [(90, 3)])
    assert cost[0] == pytest.approx(2 + 80 + 3)


def test_no_usable_edge_for_mode_raises():
    with pytest.raises(NetworkError) as err:
        Graph.from_lines([line((0, 0), (100, 0))], highway=["motorway"], mode="walk")
    assert err.value.code == "no_usable_edges"
    with pytest.raises(NetworkError) as err:
        Graph.from_lines([line((0, 0), (0, 0))])
    assert err.value.code == "no_usable_edges"
    with pytest.raises(NetworkError) as err:
        Graph.from_lines([])
    assert err.value.code == "no_edges"
    with pytest.raises(NetworkError):
        Graph.from_lines([line((0, 0), (1, 0))], mode="plane")


# --------------------------------------------------------------------------- costs
def test_connector_and_partial_lengths():
    g = Graph.from_lines([line((0, 0), (100, 0), (200, 0))])
    fac, cost, status = nearest(g, [(50, 10)], [(150, -5)])
    assert fac[0] == 0 and status[0] == nw.OK
    assert cost[0] == pytest.approx(10 + 100 + 5)


def test_same_segment_goes_directly():
    # a long way round exists; the direct way along the shared segment is used
    g = Graph.from_lines([line((0, 0), (100, 0)), line((100, 0), (100, 100), (0, 100), (0, 0))])
    fac, cost, status = nearest(g, [(20, 3)], [(80, 4)])
    assert cost[0] == pytest.approx(3 + 60 + 4)
    # two origins at the same spot, and one exactly on the facility's snap point
    fac, cost, status = nearest(g, [(20, 3), (20, 3), (80, 0)], [(80, 4)])
    assert cost.tolist() == pytest.approx([67, 67, 4])


def test_snap_at_vertex_and_point_on_line():
    g = Graph.from_lines([line((0, 0), (100, 0), (100, 100))])
    loc = g.locate(np.array([(100, 0), (105, -5), (50, 0)], float))
    assert loc.snap_dist.tolist() == pytest.approx([0, np.hypot(5, 5), 0])
    fac, cost, status = nearest(g, [(105, -5), (50, 0)], [(100, 60)])
    assert cost.tolist() == pytest.approx([np.hypot(5, 5) + 60, 50 + 60])


def test_island_is_unreachable_and_facility_status():
    g = Graph.from_lines([line((0, 0), (100, 0)), line((1000, 0), (1100, 0))])
    fac, cost, status = nearest(g, [(10, 0), (1050, 1)], [(90, 0)])
    assert status.tolist() == [nw.OK, nw.UNREACHABLE]
    loc = g.locate(np.array([(50, 1), (1050, 1)], float))
    assert g.facility_status(loc).tolist() == [nw.OK, nw.UNREACHABLE]


def test_oneway_for_car_not_for_walk():
    lines = [line((0, 0), (100, 0)), line((100, 0), (100, 100), (0, 100), (0, 0))]
    hw = ["residential", "residential"]
    ow = ["yes", None]
    car = Graph.from_lines(lines, highway=hw, oneway=ow, mode="car")
    walk = Graph.from_lines(lines, highway=hw, oneway=ow, mode="walk")
    # against the one-way direction: around the block
    assert nearest(car, [(90, 1)], [(10, 1)])[1][0] == pytest.approx(1 + 10 + 300 + 10 + 1)
    assert nearest(walk, [(90, 1)], [(10, 1)])[1][0] == pytest.approx(82)
    # with it: direct
    assert nearest(car, [(10, 1)], [(90, 1)])[1][0] == pytest.approx(82)
    # oneway=-1 means against the drawing direction
    car_rev = Graph.from_lines(lines, highway=hw, oneway=["-1", None], mode="car")
    assert nearest(car_rev, [(90, 1)], [(10, 1)])[1][0] == pytest.approx(82)


def test_walk_excludes_motorway_car_excludes_footway():
    lines = [line((0, 0), (100, 0)), line((0, 0), (0, 50), (100, 50), (100, 0))]
    walk = Graph.from_lines(lines, highway=["motorway", "residential"], mode="walk")
    car = Graph.from_lines(lines, highway=["motorway", "residential"], mode="car")
    assert nearest(walk, [(0, -1)], [(100, -1)])[1][0] == pytest.approx(1 + 200 + 1)
    assert nearest(car, [(0, -1)], [(100, -1)])[1][0] == pytest.approx(1 + 100 + 1)
    # a point next to the motorway is snapped to a street the walker may use
    loc = walk.locate(np.array([(50, -2)], float))
    assert loc.snap_dist[0] == pytest.approx(np.hypot(50, 2))
    car2 = Graph.from_lines(lines, highway=["footway", "residential"], mode="car")
    walk2 = Graph.from_lines(lines, highway=["footway", "residential"], mode="walk")
    assert nearest(car2, [(0, -1)], [(100, -1)])[1][0] == pytest.approx(202)
    assert nearest(walk2, [(0, -1)], [(100, -1)])[1][0] == pytest.approx(102)
    # untagged network is usable by every mode
    g = Graph.from_lines(lines, highway=[None, ""], mode="car")
    assert g.n_edges == 4


def test_time_costs_with_speeds():
    lines = [line((0, 0), (150, 0)), line((150, 0), (1150, 0))]
    walk = Graph.from_lines(lines, mode="walk")
    # 4.5 km/h = 75 m/min; 150 m + 2 connectors of 7.5 m = 165 m = 2.2 min
    assert nearest(walk, [(0, 7.5)], [(150, 7.5)], cost="time")[1][0] == pytest.approx(2.2)
    bike = Graph.from_lines(lines, mode="bicycle")
    assert nearest(bike, [(0, 0)], [(150, 0)], cost="time")[1][0] == pytest.approx(150 / 250)
    car = Graph.from_lines(lines, highway=["residential", "primary"], mode="car")
    # residential 30 km/h = 500 m/min, primary 50 km/h = 833.33 m/min; connector at the segment's speed
    expected = 150 / 500 + 1000 / (50000 / 60) + 10 / (50000 / 60)
    assert nearest(car, [(0, 0)], [(1150, 10)], cost="time")[1][0] == pytest.approx(expected)
    fast = Graph.from_lines(lines, highway=["residential", "primary"], speed_kmh=[None, 100.0], mode="car")
    assert nearest(fast, [(0, 0)], [(1150, 0)], cost="time")[1][0] == pytest.approx(0.3 + 1000 / (100000 / 60))


def test_off_network_no_geometry_and_max_cost():
    g = Graph.from_lines([line((0, 0), (1000, 0))])
    o = g.locate(np.array([(0, 10), (100, 300), (np.nan, np.nan), (900, 0)], float), 50)
    f = g.locate(np.array([(0, 0)], float), 50)
    fac, cost, status = g.nearest(o, f, max_cost=500)
    assert status.tolist() == [nw.OK, nw.OFF_NETWORK, nw.NO_GEOMETRY, nw.BEYOND_MAX_COST]
    assert fac.tolist() == [0, -1, -1, -1]
    assert cost[0] == pytest.approx(10)
    assert cost[3] == pytest.approx(900)  # the cost is still reported
    assert o.snap_dist[1] == pytest.approx(300)
    for bad in (0, -5, float("nan")):
        with pytest.raises(NetworkError) as err:
            g.nearest(o, f, max_cost=bad)
        assert err.value.code == "bad_max_cost"


def test_nearest_picks_cheapest_of_several():
    g = Graph.from_lines([line((0, 0), (1000, 0))])
    fac, cost, status = nearest(g, [(100, 0), (480, 5), (990, 0)], [(0, 0), (500, 0), (1000, 20)])
    assert fac.tolist() == [0, 1, 2]
    assert cost.tolist() == pytest.approx([100, 25, 30])


def test_od_matrix_bounded_and_directed():
    lines = [line((0, 0), (100, 0)), line((100, 0), (100, 100), (0, 100), (0, 0))]
    car = Graph.from_lines(lines, highway=["residential"] * 2, oneway=["yes", None], mode="car")
    o = car.locate(np.array([(90, 1), (10, 1)], float))
    d = car.locate(np.array([(10, 1), (90, 1)], float))
    oi, di, c = car.od_matrix(o, d)
    got = {(a, b): x for a, b, x in zip(oi.tolist(), di.tolist(), c.tolist())}
    assert got[(0, 0)] == pytest.approx(322)
    assert got[(1, 1)] == pytest.approx(82)
    assert got[(0, 1)] == pytest.approx(2)
    oi, di, c = car.od_matrix(o, d, max_cost=100)
    assert sorted(zip(oi.tolist(), di.tolist())) == [(0, 1), (1, 0), (1, 1)]


def test_route_follows_the_streets():
    g = Graph.from_lines([line((0, 0), (100, 0), (100, 100))])
    path = g.route((10, 5), (95, 60))
    assert path[0].tolist() == [10, 5]
    assert path[-1].tolist() == [95, 60]
    length = np.hypot(*np.diff(path, axis=0).T).sum()
    assert length == pytest.approx(5 + 90 + 60 + 5)


def test_reached_pieces_of_a_service_area():
    # T-junction, facility at the junction; 30 m reach along three arms
    g = Graph.from_lines([line((0, 0), (100, 0), (200, 0)), line((100, 0), (100, 100))])
    f = g.locate(np.array([(100, 0)], float))
    r = g.prepare(f)
    (j, dist), = list(r.facility_searches(0, limit=30))
    seg, t0, t1 = r.reached_pieces(dist, 30)
    assert ((t1 - t0) * g.seg_len[seg]).sum() == pytest.approx(90)
    # facility 10 m off the network: 20 m left on each arm
    f = g.locate(np.array([(100, -10)], float))
    r = g.prepare(f)
    (j, dist), = list(r.facility_searches(0, limit=30))
    seg, t0, t1 = r.reached_pieces(dist, 30)
    assert ((t1 - t0) * g.seg_len[seg]).sum() == pytest.approx(60)


def test_reached_pieces_respect_oneway():
    # one-way street towards the facility at x=100: the whole reach lies upstream
    g = Graph.from_lines([line((0, 0), (100, 0), (200, 0))], highway=["residential"], oneway=["yes"],
                         mode="car")
    f = g.locate(np.array([(100, 0)], float))
    r = g.prepare(f)
    (j, dist), = list(r.facility_searches(0, limit=40))
    seg, t0, t1 = r.reached_pieces(dist, 40)
    a, b = r.piece_xy(t0, t1, seg)
    xs = sorted(np.concatenate([a[:, 0], b[:, 0]]).tolist())
    assert xs[0] == pytest.approx(60) and xs[-1] == pytest.approx(100)


def test_area_labels_split_an_edge_at_equal_cost():
    g = Graph.from_lines([line((0, 0), (100, 0))])
    f = g.locate(np.array([(0, 0), (100, 20)], float))
    r = g.prepare(f)
    dist, label = r.node_costs(0)
    xy, lab, cost = r.area_labels(dist, label, 1.0)
    # equal cost at x with x = (100 - x) + 20 -> x = 60
    assert (lab[xy[:, 0] < 59.9] == 0).all() and (lab[xy[:, 0] > 60.1] == 1).all()
    grid, x0, ytop, cell = nw.catchment_raster(xy, lab, g.extent(), 5.0, 12.0)
    assert set(np.unique(grid).tolist()) == {-1, 0, 1}


# --------------------------------------------------------------------------- invariants
def grid_network(n=12, spacing=100.0, seed=1):
    """A jittered street grid with some one-way streets, some missing blocks and an island."""
    rng = np.random.default_rng(seed)
    xs = np.arange(n) * spacing
    pts = np.stack(np.meshgrid(xs, xs), axis=-1) + rng.normal(0, 8, (n, n, 2))
    lines, oneway = [], []
    for i in range(n):
        for j in range(n - 1):
            for a, b in (((i, j), (i, j + 1)), ((j, i), (j + 1, i))):
                if rng.random() < 0.1:
                    continue
                mid = (pts[a] + pts[b]) / 2 + rng.normal(0, 5, 2)
                lines.append(np.array([pts[a], mid, pts[b]]))
                oneway.append("yes" if rng.random() < 0.2 else None)
    lines.append(line((5000, 5000), (5100, 5000)))
    oneway.append(None)
    return lines, oneway


def per_facility_costs(graph, origins, facilities, cost):
    """Second method: one scipy Dijkstra per facility on a graph built independently here."""
    seg_cost = graph.seg_cost(cost)
    n = graph.n_nodes
    out = np.full((len(origins), len(facilities)), np.inf)
    # explicit small graph per pair of located points: base graph + both points' split nodes
    for j in range(len(facilities)):
        for i in range(len(origins)):
            so, to, do = origins.seg[i], origins.t[i], origins.snap_dist[i]
            sf, tf, df = facilities.seg[j], facilities.t[j], facilities.snap_dist[j]
            speed_o = graph.seg_speed[so] if cost == "time" else 1.0
            speed_f = graph.seg_speed[sf] if cost == "time" else 1.0
            src, dst, w = [], [], []
            for k in range(graph.n_edges):
                if k in (so, sf):
                    continue
                if graph.seg_fwd[k]:
                    src.append(graph.seg_u[k]); dst.append(graph.seg_v[k]); w.append(seg_cost[k])
                if graph.seg_bwd[k]:
                    src.append(graph.seg_v[k]); dst.append(graph.seg_u[k]); w.append(seg_cost[k])
            O, F = n, n + 1
            cuts = sorted({(so, to, O), (sf, tf, F)}, key=lambda x: (x[0], x[1]))
            for k in {so, sf}:
                on = sorted([(t, node) for s, t, node in cuts if s == k])
                chain = [(0.0, graph.seg_u[k])] + on + [(1.0, graph.seg_v[k])]
                for (ta, na), (tb, nb) in zip(chain[:-1], chain[1:]):
                    c = (tb - ta) * seg_cost[k] + 1e-12
                    if graph.seg_fwd[k]:
                        src.append(na); dst.append(nb); w.append(c)
                    if graph.seg_bwd[k]:
                        src.append(nb); dst.append(na); w.append(c)
            m = sp.coo_matrix((w, (src, dst)), shape=(n + 2, n + 2)).tocsr()
            m.sum_duplicates()
            d = dijkstra(m, directed=True, indices=O)[F]
            if so == sf and np.isfinite(d):
                pass
            out[i, j] = do / speed_o + d + df / speed_f
    return out


@pytest.mark.parametrize("mode,cost", [("walk", "distance"), ("car", "time")])
def test_nearest_never_worse_than_any_facility_computed_separately(mode, cost):
    lines, oneway = grid_network(8)
    g = Graph.from_lines(lines, oneway=oneway, mode=mode)
    rng = np.random.default_rng(3)
    o = g.locate(rng.uniform(-50, 750, (25, 2)))
    f = g.locate(np.vstack([rng.uniform(0, 700, (4, 2)), [(5050, 5003)]]))
    fac, c, status = g.nearest(o, f, cost=cost)
    second = per_facility_costs(g, o, f, cost)
    best = second.min(axis=1)
    reach = np.isfinite(best)
    assert reach.sum() >= 20
    assert np.allclose(c[reach], best[reach], rtol=1e-9, atol=1e-6)
    assert (c[reach][:, None] <= second[reach] + 1e-6).all()
    assert np.allclose(second[np.arange(len(fac))[reach], fac[reach]], c[reach])
    assert (status[~reach] == nw.UNREACHABLE).all()
    # the OD matrix agrees with the separate computation too
    oi, di, cc = g.od_matrix(o, f, cost=cost)
    assert np.allclose(cc, second[oi, di])
    assert len(oi) == np.isfinite(second).sum()


def test_locate_is_exact_against_brute_force():
    lines, oneway = grid_network(10, seed=5)
    g = Graph.from_lines(lines)
    rng = np.random.default_rng(7)
    pts = rng.uniform(-300, 1300, (400, 2))
    loc = g.locate(pts)
    d, t = nw._point_segment(pts[:, 0:1], pts[:, 1:2], g.seg_a[:, 0], g.seg_a[:, 1], g.seg_b[:, 0],
                             g.seg_b[:, 1])
    assert np.allclose(loc.snap_dist, d.min(axis=1))
    assert np.allclose(g.snap_xy(loc)[:, 0],
                       (g.seg_a[loc.seg] + loc.t[:, None] * (g.seg_b[loc.seg] - g.seg_a[loc.seg]))[:, 0])


def test_node_costs_subset_per_category():
    g = Graph.from_lines([line((0, 0), (1000, 0))])
    o = g.locate(np.array([(100, 0), (900, 0)], float))
    f = g.locate(np.array([(0, 0), (500, 0), (1000, 0)], float))
    r = g.prepare(o, f)
    fac, cost, _ = r.nearest(0, 1, subset=[0, 2])
    assert fac.tolist() == [0, 2] and cost.tolist() == pytest.approx([100, 100])
    fac, cost, _ = r.nearest(0, 1, subset=np.array([False, True, False]))
    assert fac.tolist() == [1, 1] and cost.tolist() == pytest.approx([400, 400])


def test_paths_of_many_pairs():
    # street (0,0)-(100,0)-(100,100) and (100,0)-(200,0); origins at (10,5) and (190,2)
    g = Graph.from_lines([line((0, 0), (100, 0), (100, 100)), line((100, 0), (200, 0))])
    o = g.locate(np.array([(10, 5), (190, 2)], float))
    d = g.locate(np.array([(95, 60), (150, -3), (5000, 5000)], float), 50)
    r = g.prepare(o, d)
    paths = r.paths(0, [0, 0, 1, 0], 1, [0, 1, 0, 2])
    assert paths[3] is None  # destination off the network

    def length(p):
        return np.hypot(*np.diff(p, axis=0).T).sum()

    assert [length(p) for p in paths[:3]] == pytest.approx([5 + 90 + 60 + 5, 5 + 140 + 3, 2 + 90 + 60 + 5])
    assert paths[0][0].tolist() == [10, 5] and paths[0][-1].tolist() == [95, 60]
    # the split node of (150, -3) at (150, 0) lies on the way but adds no corner: left out
    assert paths[2].tolist() == [[190, 2], [190, 0], [100, 0], [100, 60], [95, 60]]
    assert np.array_equal(paths[1], r.route(0, 0, 1, 1))
    # with max_cost 150 only the pairs up to 150 m get a path; exactly 148 m still counts
    limited = r.paths(0, [0, 0, 1], 1, [0, 1, 0], max_cost=148)
    assert limited[0] is None and limited[2] is None and np.array_equal(limited[1], paths[1])


def test_parallel_edges_keep_the_cheapest():
    # two lines over the same 600 m segment: 6 km/h (6 min) and 12 km/h (3 min); both directions,
    # a third line drawn backwards at 4 km/h (9 min). The split graph keeps only the cheapest edge
    # between two nodes per direction (not the sum, not the first drawn).
    lines = [[(0, 0), (600, 0)], [(0, 0), (600, 0)], [(600, 0), (0, 0)]]
    g = Graph.from_lines(lines, speed_kmh=[6, 12, 4], mode="walk")
    fac, cost, status = nearest(g, [(0, 0), (600, 0)], [(600, 0), (0, 0)], cost="time")
    assert status.tolist() == ["ok", "ok"]
    assert cost.tolist() == [0.0, 0.0]  # each origin is on a facility
    fac, cost, status = nearest(g, [(0, 0)], [(600, 0)], cost="time")
    assert fac.tolist() == [0] and cost.tolist() == [3.0]
    fac, cost, status = nearest(g, [(600, 0)], [(0, 0)], cost="time")
    assert cost.tolist() == [3.0]
    r = g.prepare(g.locate(np.array([[0.0, 0.0]])), g.locate(np.array([[600.0, 0.0]])), cost="time")
    assert r.forward.nnz == r.reverse.nnz
    assert sorted(r.forward.data.tolist()) == sorted(r.reverse.data.tolist())
    assert max(r.forward.data.tolist()) == 3.0
