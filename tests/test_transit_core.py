"""Walk + public transport engine (core/transit.py): hand-made cases with hand-computed answers,
and random feeds against an independent time-expanded graph (tests/transit_reference.py)."""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import gtfs, transit
from bildungslandschaft_plugin.core.network import Graph
from tests.gtfs_util import WEEKDAYS, write_feed
from tests.transit_reference import nearest_rank, reference_times

INF = np.inf
DATE = "2024-09-18"  # a Wednesday
CAL = [("WD", WEEKDAYS, "20240101", "20241231")]


def feed(tmp_path, trips, stops=None, **kw):
    stops = stops or [(s, 49.0, 8.0 + k * 0.01) for k, s in enumerate("ABCDEFG")]
    folder = write_feed(str(tmp_path / "gtfs"), stops, trips, calendar=kw.pop("calendar", CAL), **kw)
    return gtfs.load_timetable(folder, kw.pop("date", DATE))


def legs(tt, access=(), egress=(), transfers=(), direct=()):
    """Walking legs in minutes with stop ids -> WalkLegs in seconds with stop indices."""
    idx = {s: k for k, s in enumerate(tt.stop_ids)}

    def trip(rows, fa, fb):
        if not rows:
            z = np.zeros(0, np.int64)
            return z, z, np.zeros(0)
        a = np.array([fa(r[0]) for r in rows], np.int64)
        b = np.array([fb(r[1]) for r in rows], np.int64)
        return a, b, np.array([r[2] * 60.0 for r in rows])

    ident = int
    stop = idx.__getitem__
    return transit.WalkLegs(trip(list(access), ident, stop), trip(list(egress), stop, ident),
                            trip(list(transfers), stop, stop), trip(list(direct), ident, ident))


def run(tt, lg, start, end, p=50, max_cost=120, n_o=1, n_d=1):
    return transit.travel_times(tt, lg, n_o, n_d, start * 60, end * 60, percentile=p, max_cost=max_cost,
                                keep_per_minute=True)


M7 = 7 * 60  # 07:00 in minutes


def test_one_line_every_minute_and_percentiles(tmp_path):
    # trips A 07:05 -> B 07:10 -> C 07:20 and A 07:15 -> ... C 07:30; walk O->A 2 min, C->D 3 min
    trips = [("t1", "WD", [("A", M7 + 5, M7 + 5), ("B", M7 + 10, M7 + 10), ("C", M7 + 20, M7 + 20)]),
             ("t2", "WD", [("A", M7 + 15, M7 + 15), ("B", M7 + 20, M7 + 20), ("C", M7 + 30, M7 + 30)])]
    tt = feed(tmp_path, trips)
    lg = legs(tt, access=[(0, "A", 2)], egress=[("C", 0, 3)], direct=[(0, 0, 60)])
    res = run(tt, lg, M7, M7 + 10)
    # t = 07:00..07:03 reach A by 07:05 (07:03 + 2 = 07:05: departure >= arrival boards) -> D 07:23
    # t = 07:04..07:09 take the 07:15 trip -> D 07:33
    expected = [23, 22, 21, 20, 29, 28, 27, 26, 25, 24]
    assert res.per_minute[0, :, 0].tolist() == expected
    assert res.reported[0, 0] == 24  # rank ceil(0.5*10)=5 of 20..29
    assert res.walk_only[0, 0] == 60
    for p, want in [(1, 20), (10, 20), (11, 21), (50, 24), (51, 25), (90, 28), (100, 29)]:
        assert run(tt, lg, M7, M7 + 10, p=p).reported[0, 0] == want == nearest_rank(expected, p)


def test_transfer_with_walk_and_no_chained_walks(tmp_path):
    # line 1: A 07:00 -> B 07:10; line 2: C 07:14 -> E 07:24; walk B->C 3 min
    trips = [("l1", "WD", [("A", M7, M7), ("B", M7 + 10, M7 + 10)]),
             ("l2", "WD", [("C", M7 + 14, M7 + 14), ("E", M7 + 24, M7 + 24)])]
    tt = feed(tmp_path, trips)
    base = dict(access=[(0, "A", 1)], egress=[("E", 0, 1)], transfers=[("B", "C", 3), ("C", "B", 3)])
    res = run(tt, legs(tt, **base), M7 - 2, M7 - 1)
    assert res.per_minute[0, 0, 0] == 27  # 06:58 -> A 06:59, 07:00 -> B 07:10, walk C 07:13, 07:14 -> E 07:24, D 07:25
    # transfer walk longer than allowed (not in the legs) -> unreachable
    res = run(tt, legs(tt, access=[(0, "A", 1)], egress=[("E", 0, 1)]), M7 - 2, M7 - 1)
    assert res.reported[0, 0] == INF
    # access walk to B then a transfer walk to C is not a journey (walks never chained)
    res = run(tt, legs(tt, access=[(0, "B", 2)], egress=[("E", 0, 1)], transfers=[("B", "C", 3)]), M7 + 8, M7 + 9)
    assert res.reported[0, 0] == INF
    # arriving at B by vehicle, a transfer walk to C and then the egress walk is not a journey either
    res = run(tt, legs(tt, access=[(0, "A", 1)], egress=[("C", 0, 1)], transfers=[("B", "C", 3)]), M7 - 2, M7 - 1)
    assert res.reported[0, 0] == INF
    # ... but egress from B itself (reached by vehicle) is: D at 07:10 + 4 = 07:14 -> 16 min from 06:58
    res = run(tt, legs(tt, access=[(0, "A", 1)], egress=[("B", 0, 4), ("C", 0, 1)], transfers=[("B", "C", 3)]),
              M7 - 2, M7 - 1)
    assert res.reported[0, 0] == 16


def test_walking_beats_transit(tmp_path):
    trips = [("t", "WD", [("A", M7 + 5, M7 + 5), ("B", M7 + 15, M7 + 15)])]
    tt = feed(tmp_path, trips)
    lg = legs(tt, access=[(0, "A", 1)], egress=[("B", 0, 1)], direct=[(0, 0, 10)])
    res = run(tt, lg, M7, M7 + 5)
    # transit: 07:00 -> 07:16 = 16, 07:01 -> 15, ...: walking 10 is better in every minute
    assert res.per_minute[0, :, 0].tolist() == [10] * 5
    assert res.reported[0, 0] == 10 and res.walk_only[0, 0] == 10
    # the same origin with a direct walk of 20 min: 16, 15, 14, 13, 12 (07:04 + 1 = 07:05 boards)
    res = run(tt, legs(tt, access=[(0, "A", 1)], egress=[("B", 0, 1)], direct=[(0, 0, 20)]), M7, M7 + 6)
    assert res.per_minute[0, :, 0].tolist() == [16, 15, 14, 13, 12, 20]


def test_calendar_dates_remove_and_add_services(tmp_path):
    trips = [("wd", "WD", [("A", M7, M7), ("B", M7 + 10, M7 + 10)]),
             ("extra", "X", [("A", M7 + 2, M7 + 2), ("B", M7 + 20, M7 + 20)])]
    dates = [("WD", "20240918", 2), ("X", "20240918", 1)]
    tt = feed(tmp_path, trips, calendar_dates=dates)
    assert tt.trip_ids == ["extra"]
    lg = legs(tt, access=[(0, "A", 0)], egress=[("B", 0, 0)])
    assert run(tt, lg, M7, M7 + 1).reported[0, 0] == 20  # only the slow extra trip runs
    tt2 = gtfs.load_timetable(str(tmp_path / "gtfs"), "2024-09-19")  # Thursday: only WD
    assert tt2.trip_ids == ["wd"]
    assert run(tt2, lg, M7, M7 + 1).reported[0, 0] == 10
    # a date outside every service
    with pytest.raises(gtfs.GtfsError) as err:
        gtfs.load_timetable(str(tmp_path / "gtfs"), "2025-03-05")
    assert err.value.code == "no_service" and "2024-01-01" in str(err.value) and "2024-12-31" in str(err.value)
    # a Saturday: WD does not run, X only on 2024-09-18
    with pytest.raises(gtfs.GtfsError):
        gtfs.load_timetable(str(tmp_path / "gtfs"), "2024-09-21")


def test_trip_after_midnight(tmp_path):
    # 23:58 -> 24:10 (= 00:10 of the next calendar day, same service day)
    trips = [("late", "WD", [("A", "23:58:00", "23:58:00"), ("B", "24:10:00", "24:10:00")])]
    tt = feed(tmp_path, trips)
    assert tt.st_arr[1] == 24 * 3600 + 600
    lg = legs(tt, access=[(0, "A", 1)], egress=[("B", 0, 2)])
    res = run(tt, lg, 23 * 60 + 55, 24 * 60)
    # 23:55..23:57 board 23:58 -> D 24:12: 17, 16, 15; 23:58 and 23:59 miss it
    assert res.per_minute[0, :, 0].tolist() == [17, 16, 15, INF, INF]
    assert res.reported[0, 0] == 17  # rank 3 of 5
    # no trips of the previous service day: a window after midnight of the date sees nothing
    assert run(tt, lg, 5, 10).reported[0, 0] == INF


def test_last_bus_leaves_mid_window(tmp_path):
    trips = [("last", "WD", [("A", M7 + 5, M7 + 5), ("C", M7 + 15, M7 + 15)])]
    tt = feed(tmp_path, trips)
    lg = legs(tt, access=[(0, "A", 1)], egress=[("C", 0, 2)], direct=[(0, 0, 40)])
    res = run(tt, lg, M7, M7 + 10, max_cost=30)
    assert res.per_minute[0, :, 0].tolist() == [17, 16, 15, 14, 13] + [INF] * 5  # walk 40 > MAX_COST 30
    assert run(tt, lg, M7, M7 + 10, p=50, max_cost=30).reported[0, 0] == 17
    assert run(tt, lg, M7, M7 + 10, p=51, max_cost=30).reported[0, 0] == INF
    # with MAX_COST 45 the walk counts: the later minutes are 40
    assert run(tt, lg, M7, M7 + 10, p=100, max_cost=45).reported[0, 0] == 40
    # MAX_COST below every value: unreachable
    assert run(tt, lg, M7, M7 + 10, p=1, max_cost=12).reported[0, 0] == INF


def test_zero_duration_hops_and_same_stop_transfer_at_equal_times(tmp_path):
    # x: A 07:00 -> B 07:00 -> C 07:05; y: B 07:00 -> E 07:03 (0 s transfer at B at 07:00 is allowed)
    trips = [("x", "WD", [("A", M7, M7), ("B", M7, M7), ("C", M7 + 5, M7 + 5)]),
             ("y", "WD", [("B", M7, M7), ("E", M7 + 3, M7 + 3)])]
    tt = feed(tmp_path, trips)
    lg = legs(tt, access=[(0, "A", 0)], egress=[("E", 0, 0), ("C", 1, 0)])
    res = run(tt, lg, M7, M7 + 1, n_d=2)
    assert res.reported[0].tolist() == [3, 5]


def test_frequencies_are_expanded(tmp_path):
    trips = [("f", "WD", [("A", M7, M7), ("B", M7 + 10, M7 + 10)])]
    tt = feed(tmp_path, trips, frequencies=[("f", M7, M7 + 30, 600)])
    assert len(tt.trip_ids) == 3  # 07:00, 07:10, 07:20 (< 07:30)
    lg = legs(tt, access=[(0, "A", 0)], egress=[("B", 0, 0)])
    res = run(tt, lg, M7 + 1, M7 + 2)
    assert res.reported[0, 0] == 19  # 07:01 waits for 07:10, arrives 07:20
    assert any(w[0] == "frequencies" and w[1] == 3 for w in tt.warnings)


def test_pickup_and_drop_off_types(tmp_path):
    trips = [("t", "WD", [("A", M7, M7), ("B", M7 + 5, M7 + 5), ("C", M7 + 9, M7 + 9)])]
    folder = write_feed(str(tmp_path / "g"), [(s, 49, 8) for s in "ABC"], trips, calendar=CAL)
    import pandas as pd
    st = pd.read_csv(folder + "/stop_times.txt", dtype=str)
    st["pickup_type"] = ["0", "1", "0"]
    st["drop_off_type"] = ["0", "1", "0"]
    st.to_csv(folder + "/stop_times.txt", index=False)
    tt = gtfs.load_timetable(folder, DATE)
    lg = legs(tt, access=[(0, "A", 0), (1, "B", 0)], egress=[("B", 0, 0), ("C", 1, 0)])
    res = run(tt, lg, M7, M7 + 1, n_o=2, n_d=2)
    assert res.reported[0, 0] == INF  # no drop-off at B
    assert res.reported[0, 1] == 9
    assert res.reported[1, 1] == INF  # no pickup at B


def test_walk_legs_from_the_street_network():
    # a straight street 0..3000 m; 4.5 km/h = 75 m/min
    g = Graph.from_lines([np.array([[0.0, 0.0], [3000.0, 0.0]])])
    o = g.locate(np.array([[0.0, 0.0]]), 250)
    stops = g.locate(np.array([[150.0, 0.0], [2100.0, 0.0], [2400.0, 0.0], [np.nan, np.nan], [1000.0, 500.0]]), 250)
    d = g.locate(np.array([[2700.0, 0.0]]), 250)
    lg = transit.walk_legs(g, o, stops, d, max_walk=15, max_transfer_walk=5, max_cost=120)
    assert list(zip(*[x.tolist() for x in lg.access])) == [(0, 0, 120.0)]  # 150 m = 2 min
    assert sorted(zip(*[x.tolist() for x in lg.egress])) == [(1, 0, 480.0), (2, 0, 240.0)]
    assert sorted(zip(*[x.tolist() for x in lg.transfers])) == [(1, 2, 240.0), (2, 1, 240.0)]
    assert list(zip(*[x.tolist() for x in lg.direct])) == [(0, 0, 2160.0)]  # 2700 m = 36 min


def _random_timetable(rng, n_stops=12, n_routes=6):
    tt = gtfs.Timetable()
    trips = []
    for r in range(n_routes):
        length = rng.integers(2, 6)
        pattern = rng.choice(n_stops, size=length, replace=False)
        hops = rng.integers(0, 6, size=length - 1) * 60  # zero-duration hops included
        dwell = rng.integers(0, 2, size=length) * 60
        for k in range(rng.integers(1, 6)):
            t = 7 * 3600 + int(rng.integers(0, 50)) * 60
            arr, dep = [], []
            for j in range(length):
                if j:
                    t += hops[j - 1]
                arr.append(t)
                t += dwell[j] if 0 < j < length - 1 else 0
                dep.append(t)
            trips.append((pattern, arr, dep))
    tt.trip_ptr = np.concatenate([[0], np.cumsum([len(p) for p, _, _ in trips])]).astype(np.int64)
    tt.st_stop = np.concatenate([p for p, _, _ in trips]).astype(np.int64)
    tt.st_arr = np.concatenate([a for _, a, _ in trips]).astype(float)
    tt.st_dep = np.concatenate([d for _, _, d in trips]).astype(float)
    tt.stop_ids = [str(s) for s in range(n_stops)]
    tt.trip_ids = [str(k) for k in range(len(trips))]
    return tt


def _random_legs(rng, n_o, n_s, n_d):
    def pairs(na, nb, p, lo, hi, distinct=False):
        m = rng.random((na, nb)) < p
        if distinct:
            np.fill_diagonal(m, False)
        a, b = np.nonzero(m)
        return a.astype(np.int64), b.astype(np.int64), rng.integers(lo, hi, size=len(a)) * 30.0

    return transit.WalkLegs(pairs(n_o, n_s, 0.3, 0, 20), pairs(n_s, n_d, 0.3, 0, 20),
                            pairs(n_s, n_s, 0.15, 1, 10, distinct=True), pairs(n_o, n_d, 0.5, 20, 140))


@pytest.mark.parametrize("seed", range(12))
def test_random_feeds_agree_with_time_expanded_dijkstra(seed):
    rng = np.random.default_rng(seed)
    tt = _random_timetable(rng)
    n_o, n_d = 5, 4
    lg = _random_legs(rng, n_o, tt.n_stops, n_d)
    start, end, max_cost = 7 * 3600, 7 * 3600 + 20 * 60, 60
    res = transit.travel_times(tt, lg, n_o, n_d, start, end, percentile=50, max_cost=max_cost,
                               keep_per_minute=True)
    ref = reference_times(tt, lg, n_o, n_d, start, end, max_cost)
    assert np.array_equal(np.isinf(res.per_minute), np.isinf(ref))
    fin = np.isfinite(ref)
    assert np.allclose(res.per_minute[fin], ref[fin], atol=1e-6)
    # one origin per chunk (origins without any access walk included): the same values
    small = transit.travel_times(tt, lg, n_o, n_d, start, end, percentile=50, max_cost=max_cost,
                                 keep_per_minute=True, chunk_cells=1)
    assert np.array_equal(small.per_minute, res.per_minute)
    for p in (1, 33, 50, 80, 100):
        rep = transit.travel_times(tt, lg, n_o, n_d, start, end, percentile=p, max_cost=max_cost).reported
        want = np.array([[nearest_rank(ref[o, :, d].tolist(), p) for d in range(n_d)] for o in range(n_o)])
        assert np.array_equal(np.isinf(rep), np.isinf(want))
        assert np.allclose(rep[np.isfinite(want)], want[np.isfinite(want)], atol=1e-6)


def test_window_and_percentile_checks():
    tt = _random_timetable(np.random.default_rng(0))
    lg = _random_legs(np.random.default_rng(0), 1, tt.n_stops, 1)
    with pytest.raises(transit.TransitError):
        transit.travel_times(tt, lg, 1, 1, 8 * 3600, 7 * 3600)
    with pytest.raises(transit.TransitError):
        transit.travel_times(tt, lg, 1, 1, 7 * 3600, 8 * 3600, percentile=0)
    assert transit.percentile_rank(50, 60) == 30 and transit.percentile_rank(50, 61) == 31
    assert transit.percentile_rank(1, 60) == 1 and transit.percentile_rank(100, 60) == 60


def test_local_walk_searches_equal_whole_graph_searches():
    rng = np.random.default_rng(3)
    lines = []
    for i in range(15):
        lines.append(np.array([[0.0, i * 100.0], [1400.0, i * 100.0 + rng.uniform(-20, 20)]]))
        lines.append(np.array([[i * 100.0, 0.0], [i * 100.0 + rng.uniform(-20, 20), 1400.0]]))
    g = Graph.from_lines(lines, tolerance=0.5)
    pts = [g.locate(rng.uniform(0, 1400, (n, 2)), 60) for n in (40, 25, 6)]
    r = g.prepare(*pts, cost="time")
    local = transit._LocalSearch(r)
    for a, b, lim in ((0, 1, 8.0), (1, 2, 10.0), (1, 1, 6.0)):
        want = sorted(zip(*[x.tolist() for x in r.od_matrix(a, b, max_cost=lim)]))
        got = sorted(zip(*[x.tolist() for x in local.pairs(a, b, lim)]))
        assert len(got) == len(want) > 5
        assert [w[:2] for w in want] == [x[:2] for x in got]
        assert np.allclose([w[2] for w in want], [x[2] for x in got])


@pytest.mark.parametrize("seed", range(6))
def test_reported_is_min_of_walk_and_transit_percentile(seed):
    # the identity nearest_walk_or_transit rests on: percentile(min(walk, x_t)) = min(walk, percentile(x_t))
    rng = np.random.default_rng(100 + seed)
    tt = _random_timetable(rng)
    n_o, n_d = 6, 5
    lg = _random_legs(rng, n_o, tt.n_stops, n_d)
    z = np.zeros(0, np.int64)
    lg_t = transit.WalkLegs(lg.access, lg.egress, lg.transfers, (z, z, np.zeros(0)))
    start, end = 7 * 3600, 7 * 3600 + 30 * 60
    for p, cap in ((50, 60), (80, 40), (10, 25), (100, 70)):
        full = transit.travel_times(tt, lg, n_o, n_d, start, end, percentile=p, max_cost=cap)
        only = transit.travel_times(tt, lg_t, n_o, n_d, start, end, percentile=p, max_cost=cap)
        assert np.array_equal(full.reported, np.minimum(full.walk_only, only.reported))
        w_fac = np.argmin(full.walk_only, axis=1)
        w_cost = full.walk_only[np.arange(n_o), w_fac]
        fac, cost = transit.nearest_walk_or_transit(only.reported, w_cost, np.where(np.isfinite(w_cost), w_fac, -1))
        want_fac = np.argmin(full.reported, axis=1)
        want_cost = full.reported[np.arange(n_o), want_fac]
        assert np.array_equal(cost, want_cost)
        assert np.array_equal(fac, np.where(np.isfinite(want_cost), want_fac, -1))
