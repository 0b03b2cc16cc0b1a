"""Tests of core/allocation.py: obvious optima, invariants, and HiGHS as a second method."""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import allocation
from bildungslandschaft_plugin.core.allocation import AllocationError, allocate


def dense_pairs(cmat):
    cmat = np.asarray(cmat, dtype=float)
    o, d = np.nonzero(np.isfinite(cmat))
    return o, d, cmat[o, d]


def parts(result):
    return sorted(zip(result.part_orig.tolist(), result.part_dest.tolist(),
                      result.part_amount.tolist()))


def test_obvious_optimum_capacity_forces_a_move():
    # A (10 children) and B (10) both have school 0 nearest; school 0 has 10 places.
    # Moving A to school 1 costs 4 extra, moving B costs 1 extra: B moves.
    cmat = [[1.0, 5.0],
            [2.0, 3.0]]
    r = allocate(*dense_pairs(cmat), demand=[10, 10], capacity=[10, 10])
    assert parts(r) == [(0, 0, 10.0), (1, 1, 10.0)]
    assert r.total_cost == pytest.approx(10 * 1 + 10 * 3)
    assert r.load.tolist() == [10.0, 10.0]
    assert r.load_nearest.tolist() == [20.0, 0.0]
    assert r.overloaded_nearest([10, 10]).tolist() == [0]
    assert r.nearest_total_cost == pytest.approx(10 * 1 + 10 * 2)
    assert r.total_unserved == 0
    assert r.gap <= allocation.GAP_TOLERANCE
    assert r.solver == "ssp"


def test_split_when_capacity_forces_it():
    # one address with 7 children, schools with 4 and 5 places
    r = allocate([0, 0], [0, 1], [1.0, 2.0], demand=[7], capacity=[4, 5])
    assert parts(r) == [(0, 0, 4.0), (0, 1, 3.0)]
    assert r.part_cost.tolist() == [1.0, 2.0]
    assert r.mean_cost == pytest.approx((4 * 1 + 3 * 2) / 7)


def test_unserved_when_capacity_short():
    r = allocate([0, 1], [0, 0], [1.0, 2.0], demand=[6, 6], capacity=[8])
    # the nearer address is served in full, 2 children of the farther one are not
    assert parts(r) == [(0, 0, 6.0), (1, -1, 4.0), (1, 0, 2.0)]
    assert r.unserved.tolist() == [0.0, 4.0]
    assert r.total_unserved == 4.0
    assert np.isnan(r.part_cost[r.part_dest < 0]).all()


def test_maximum_service_before_cost():
    # Address 0 reaches both schools, address 1 only school 0 (1 place each).
    # Cheapest would put address 0 at school 0, but then address 1 is unserved.
    cmat = [[1.0, 100.0],
            [50.0, np.inf]]
    r = allocate(*dense_pairs(cmat), demand=[1, 1], capacity=[1, 1])
    assert parts(r) == [(0, 1, 1.0), (1, 0, 1.0)]
    assert r.total_unserved == 0


def test_unreachable_demand_is_unserved():
    r = allocate([0], [0], [3.0], demand=[2, 5], capacity=[100])
    assert r.unserved.tolist() == [0.0, 5.0]
    assert r.nearest_dest.tolist() == [0, -1]
    assert r.load_nearest.tolist() == [2.0]


def test_single_facility_and_zero_demand():
    r = allocate([0, 1, 2], [0, 0, 0], [1.0, 2.0, 3.0], demand=[0, 3, 0], capacity=[10])
    assert parts(r) == [(1, 0, 3.0)]
    assert r.assigned.tolist() == [0.0, 3.0, 0.0]


def test_identical_origins_are_filled_in_order():
    # three addresses in one building (same costs), 2 places nearby, rest far away
    cmat = [[1.0, 9.0]] * 3
    r = allocate(*dense_pairs(cmat), demand=[1, 1, 1], capacity=[2, 5])
    assert r.n_groups == 1
    assert parts(r) == [(0, 0, 1.0), (1, 0, 1.0), (2, 1, 1.0)]


def random_instance(rng, n, m, density=0.7, ties=False):
    pts = rng.random((n, 2))
    fac = rng.random((m, 2))
    cmat = np.hypot(pts[:, None, 0] - fac[None, :, 0], pts[:, None, 1] - fac[None, :, 1])
    if ties:
        cmat = np.round(cmat * 4)
    cmat[rng.random((n, m)) > density] = np.inf
    demand = rng.integers(0, 8, n).astype(float)
    capacity = rng.integers(0, 30, m).astype(float)
    return dense_pairs(cmat), demand, capacity


@pytest.mark.parametrize("seed", range(40))
def test_equals_highs_lp_and_invariants(seed):
    rng = np.random.default_rng(seed)
    (o, d, c), demand, capacity = random_instance(
        rng, int(rng.integers(1, 50)), int(rng.integers(1, 9)), ties=seed % 3 == 0)
    r = allocate(o, d, c, demand, capacity)
    lp = allocate(o, d, c, demand, capacity, solver="highs", aggregate=False)
    assert r.solver == "ssp" and lp.solver == "highs"
    assert r.total_unserved == pytest.approx(lp.total_unserved, abs=1e-9)
    assert r.total_cost == pytest.approx(lp.total_cost, rel=1e-9, abs=1e-9)
    # invariants
    assert np.all(r.load <= capacity + 1e-9)
    assert np.allclose(r.assigned + r.unserved, demand)
    assert np.allclose(r.part_amount, np.round(r.part_amount))   # whole children
    pair_cost = {(a, b): v for a, b, v in zip(o.tolist(), d.tolist(), c.tolist())}
    for i, j, cost in zip(r.part_orig.tolist(), r.part_dest.tolist(), r.part_cost.tolist()):
        if j >= 0:
            assert pair_cost[(i, j)] == cost          # only reachable pairs are used


@pytest.mark.parametrize("seed", range(10))
def test_ample_capacity_equals_nearest(seed):
    rng = np.random.default_rng(100 + seed)
    (o, d, c), demand, _ = random_instance(rng, 60, 6)
    capacity = np.full(6, demand.sum())
    r = allocate(o, d, c, demand, capacity)
    served = r.part_dest >= 0
    assert np.array_equal(r.part_dest[served], r.nearest_dest[r.part_orig[served]])
    assert np.allclose(r.load, r.load_nearest)
    assert r.total_cost == pytest.approx(r.nearest_total_cost)


def test_fractional_demand():
    r = allocate([0, 1], [0, 0], [1.0, 2.0], demand=[0.5, 0.75], capacity=[1.0])
    assert r.assigned.tolist() == pytest.approx([0.5, 0.5])
    assert r.unserved.tolist() == pytest.approx([0.0, 0.25])


def test_cancel():
    with pytest.raises(allocation.AllocationCancelled):
        allocate([0], [0], [1.0], demand=[1], capacity=[1], should_stop=lambda: True)


@pytest.mark.parametrize("kwargs,code", [
    (dict(demand=[-1.0]), "demand"),
    (dict(demand=[float("nan")]), "demand"),
    (dict(capacity=[-1.0]), "capacity"),
    (dict(capacity=[float("inf")]), "capacity"),
    (dict(cost=[-2.0]), "cost"),
    (dict(dest=[3]), "dest_index"),
])
def test_bad_input(kwargs, code):
    args = dict(orig=[0], dest=[0], cost=[1.0], demand=[1.0], capacity=[1.0])
    args.update(kwargs)
    with pytest.raises(AllocationError) as err:
        allocate(**args)
    assert err.value.code == code


def _pairs_within(o, d, c, calls):
    def pairs(r):
        calls.append(r)
        keep = np.ones(c.size, dtype=bool) if r is None else c <= r
        return o[keep], d[keep], c[keep]
    return pairs


@pytest.mark.parametrize("seed", range(30))
def test_widening_equals_all_pairs(seed):
    rng = np.random.default_rng(500 + seed)
    n, m = int(rng.integers(5, 80)), int(rng.integers(2, 10))
    (o, d, c), demand, _ = random_instance(rng, n, m, density=1.0 if seed % 2 else 0.8, ties=seed % 5 == 0)
    # enough capacity overall, but tight somewhere (or short in a few cases)
    capacity = rng.integers(0, 3, m) * np.ceil(demand.sum() / m)
    nearest, ncost = allocation.nearest_assignment(o, d, c, n)
    calls = []
    r = allocation.allocate_widening(_pairs_within(o, d, c, calls), ncost, demand, capacity)
    full = allocate(o, d, c, demand, capacity)
    assert r.total_unserved == pytest.approx(full.total_unserved)
    assert r.total_cost == pytest.approx(full.total_cost, rel=1e-9, abs=1e-9)
    assert np.allclose(r.load_nearest, full.load_nearest)
    assert r.rounds == len(calls)


def test_widening_needs_a_second_round():
    # two origins next to school 0 (1 place), school 1 far away: origin 1 must go to school 1 at 10,
    # but round 1 only sees costs <= 1.5 x 1.0
    o = np.array([0, 0, 1, 1])
    d = np.array([0, 1, 0, 1])
    c = np.array([1.0, 20.0, 1.0, 10.0])
    calls = []
    r = allocation.allocate_widening(_pairs_within(o, d, c, calls), np.array([1.0, 1.0]), [1, 1], [1, 5])
    assert parts(r) == [(0, 0, 1.0), (1, 1, 1.0)] or parts(r) == [(0, 1, 1.0), (1, 0, 1.0)]
    assert r.total_cost == 11.0
    assert calls[0] == 1.5 and len(calls) >= 2


def test_widening_respects_limit_and_unreachable():
    o = np.array([0, 1])
    d = np.array([0, 0])
    c = np.array([5.0, 50.0])
    calls = []
    r = allocation.allocate_widening(_pairs_within(o, d, c, calls), np.array([5.0, 50.0, np.inf]), [1, 1, 4],
                                     [10], limit=20.0)
    assert r.unserved.tolist() == [0.0, 1.0, 4.0]
    assert max(x for x in calls if x is not None) <= 20.0


@pytest.mark.parametrize("seed", range(10))
def test_nearest_assignment_rank_1_and_2_by_brute_force(seed):
    # the one "nearest open site" selection (allocation and location planning): checked pair by pair
    rng = np.random.default_rng(900 + seed)
    n, m = int(rng.integers(1, 30)), int(rng.integers(1, 6))
    (o, d, c), _demand, _ = random_instance(rng, n, m, density=0.7, ties=seed % 2 == 0)
    for rank in (1, 2):
        site, cost = allocation.nearest_assignment(o, d, c, n, rank=rank)
        for i in range(n):
            ranked = sorted((float(c[k]), int(d[k])) for k in np.flatnonzero(o == i))
            if len(ranked) < rank:
                assert site[i] == -1 and np.isnan(cost[i])
            else:
                assert (float(cost[i]), int(site[i])) == ranked[rank - 1]
