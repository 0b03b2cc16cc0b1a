"""core/location.py against independent optima.

Reference 1: brute force over every set of p candidates; the demand is assigned by a
dense cost matrix (uncapacitated: cheapest open site; capacitated: the transport
problem solved here with scipy's linprog in two stages: most flow, then least cost).
Reference 2: a different MILP (weak aggregated links ``sum_i x_ij <= n y_j`` and a
single big-M objective) for integer weights.
"""

import itertools

import numpy as np
import pytest
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from bildungslandschaft_plugin.core import location as loc


# ---------------------------------------------------------------------------
# independent references

def dense(orig, dest, cost, n, m, max_cost=None):
    c = np.full((n, m), np.inf)
    for i, j, v in zip(orig, dest, cost):
        if max_cost is None or v <= max_cost:
            c[i, j] = min(c[i, j], v)
    return c


def eval_uncap(C, w, open_sites):
    sub = C[:, open_sites]
    best = sub.min(axis=1) if sub.shape[1] else np.full(C.shape[0], np.inf)
    ok = np.isfinite(best)
    return float(w[ok].sum()), float(np.sum(w[ok] * best[ok]))


def eval_cap(C, w, cap, open_sites):
    """Two-stage transport LP (linprog), independent of core.allocation."""
    n = C.shape[0]
    pairs = [(i, j) for i in range(n) for j in open_sites if np.isfinite(C[i, j]) and cap[j] > 0 and w[i] > 0]
    if not pairs:
        return 0.0, 0.0
    k = len(pairs)
    A_d = np.zeros((n, k))
    A_c = np.zeros((len(open_sites), k))
    pos = {j: q for q, j in enumerate(open_sites)}
    for q, (i, j) in enumerate(pairs):
        A_d[i, q] = 1
        A_c[pos[j], q] = 1
    A = np.vstack([A_d, A_c])
    b = np.concatenate([w, [cap[j] for j in open_sites]])
    r1 = linprog(-np.ones(k), A_ub=A, b_ub=b, bounds=(0, None), method="highs")
    served = -r1.fun
    cvec = np.array([C[i, j] for i, j in pairs])
    r2 = linprog(cvec, A_ub=np.vstack([A, -np.ones((1, k))]), b_ub=np.concatenate([b, [-served + 1e-9]]),
                 bounds=(0, None), method="highs")
    return float(served), float(r2.fun)


def brute(C, w, n_ex, n_c, p, cap=None):
    """Best (served, cost) over all subsets, and the list of optimal subsets."""
    best, arg = None, []
    for sub in itertools.combinations(range(n_ex, n_ex + n_c), p):
        open_sites = list(range(n_ex)) + list(sub)
        val = eval_cap(C, w, cap, open_sites) if cap is not None else eval_uncap(C, w, open_sites)
        key = (-round(val[0], 6), round(val[1], 6))
        if best is None or key < best:
            best, arg = key, [sub]
        elif key == best:
            arg.append(sub)
    return -best[0], best[1], arg


def bigm_milp(C, w, n_ex, n_c, p):
    """Second formulation (uncapacitated, integer weights): weak links, single big-M objective."""
    n, m = C.shape
    pairs = [(i, j) for i in range(n) for j in range(m) if np.isfinite(C[i, j])]
    k = len(pairs)
    big = float(np.sum(w)) * (max([C[i, j] for i, j in pairs] or [0]) + 1) + 1
    # vars: y_c (n_c), x (k)
    c = np.concatenate([np.zeros(n_c), [w[i] * (C[i, j] - big) for i, j in pairs]])
    rows = []
    A = sparse.lil_matrix((n + n_c + 1, n_c + k))
    for q, (i, j) in enumerate(pairs):
        A[i, n_c + q] = 1
        if j >= n_ex:
            A[n + j - n_ex, n_c + q] = 1
    for t in range(n_c):
        A[n + t, t] = -n
        A[n + n_c, t] = 1
    lb = np.concatenate([np.full(n, -np.inf), np.full(n_c, -np.inf), [p]])
    ub = np.concatenate([np.ones(n), np.zeros(n_c), [p]])
    del rows
    res = milp(c, integrality=np.concatenate([np.ones(n_c), np.zeros(k)]), bounds=Bounds(0, 1),
               constraints=[LinearConstraint(A.tocsr(), lb, ub)], options={"mip_rel_gap": 0})
    y = res.x[:n_c] > 0.5
    return tuple(int(t) + n_ex for t in np.flatnonzero(y))


def pairs_of(C):
    i, j = np.nonzero(np.isfinite(C))
    return i, j, C[i, j]


def random_case(rng, n, n_ex, n_c, density=0.8, max_c=20, integer=True):
    C = rng.integers(1, max_c, size=(n, n_ex + n_c)).astype(float)
    C[rng.random(C.shape) > density] = np.inf
    w = rng.integers(0, 6, n).astype(float) if integer else rng.random(n) * 5
    return C, w


def check_against_brute(C, w, n_ex, n_c, p, model, max_cost=None, cap=None):
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, w, n_ex, n_c, p, model=model, max_cost=max_cost, capacity=cap)
    Cm = dense(o, d, c, *C.shape, max_cost=max_cost)
    served, cost, optimal_sets = brute(Cm, w, n_ex, n_c, p, cap=cap if model == 2 else None)
    assert res.status == "optimal" and res.gap == 0.0 and res.gap_served == 0.0
    assert res.served == pytest.approx(served, abs=1e-6)
    assert res.cost_total == pytest.approx(cost, abs=1e-6)
    assert tuple(int(s) for s in res.selected) in optimal_sets
    assert res.open[:n_ex].all() and res.open.sum() == n_ex + p
    return res


# ---------------------------------------------------------------------------
# all three models against brute force

@pytest.mark.parametrize("seed", range(8))
def test_pmedian_random_against_brute_force(seed):
    rng = np.random.default_rng(seed)
    n_ex, n_c = int(rng.integers(0, 3)), int(rng.integers(3, 7))
    C, w = random_case(rng, 15, n_ex, n_c, density=0.7)
    check_against_brute(C, w, n_ex, n_c, int(rng.integers(1, n_c + 1)), 0)


@pytest.mark.parametrize("seed", range(8))
def test_coverage_random_against_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    n_ex, n_c = int(rng.integers(0, 3)), int(rng.integers(3, 7))
    C, w = random_case(rng, 15, n_ex, n_c, density=0.9)
    check_against_brute(C, w, n_ex, n_c, int(rng.integers(1, 3)), 1, max_cost=7.0)


@pytest.mark.parametrize("seed", range(8))
def test_capacitated_random_against_brute_force(seed):
    rng = np.random.default_rng(200 + seed)
    n_ex, n_c = int(rng.integers(0, 3)), int(rng.integers(3, 6))
    C, w = random_case(rng, 10, n_ex, n_c, density=0.8)
    cap = rng.integers(0, 12, n_ex + n_c).astype(float)
    res = check_against_brute(C, w, n_ex, n_c, int(rng.integers(1, 3)), 2, cap=cap)
    # loads within the capacities; every part's amount adds up to the weights
    assert np.all(res.load <= cap + 1e-9)
    assert np.bincount(res.part_orig, weights=res.part_amount, minlength=w.size) == pytest.approx(w)


@pytest.mark.parametrize("seed", range(6))
def test_pmedian_against_second_formulation(seed):
    rng = np.random.default_rng(300 + seed)
    n_ex, n_c = 2, 6
    C, w = random_case(rng, 20, n_ex, n_c, density=0.6)
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, w, n_ex, n_c, 3)
    other = bigm_milp(C, w, n_ex, n_c, 3)
    assert (res.served, res.cost_total) == pytest.approx(eval_uncap(C, w, list(range(n_ex)) + list(other)))


def test_non_integer_weights_against_brute_force():
    rng = np.random.default_rng(7)
    C, w = random_case(rng, 12, 1, 5, density=0.7, integer=False)
    check_against_brute(C, w, 1, 5, 2, 0)


# ---------------------------------------------------------------------------
# hand-worked cases

def test_hand_example_pmedian_existing_and_gain():
    # demand 0..3 on a line at x = 0, 10, 20, 30; existing site at 0; candidates at 10, 20, 30
    x = np.array([0.0, 10, 20, 30])
    sites = np.array([0.0, 10, 20, 30])
    C = np.abs(x[:, None] - sites[None, :])
    w = np.array([1.0, 2, 3, 4])
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, w, 1, 3, 1)
    # open 20: costs 0 (site 0), 10*2 (either), 0, 10*4 = 60; open 30: 0 + 2*10 + 3*10 + 0 = 50;
    # open 10: 0 + 0 + 3*10 + 4*20 = 110
    assert list(res.selected) == [3]
    assert res.cost_total == pytest.approx(50.0)
    assert res.cost_total_before == pytest.approx(2 * 10 + 3 * 20 + 4 * 30)
    assert res.mean_cost == pytest.approx(50.0 / 10)
    # gains: without site 3 everything goes back to site 0 -> 200 - 50; without site 0 demand 0 and 1
    # go to site 3: +1*30 + 2*(20-10)
    assert res.gain[3] == pytest.approx(150.0)
    assert res.gain[0] == pytest.approx(30.0 + 20.0)
    assert np.isnan(res.gain[1]) and np.isnan(res.gain[2])
    assert list(res.site) == [0, 0, 3, 3]   # tie of demand 1 (10 to both) goes to the lower index
    assert res.load[0] == pytest.approx(3.0) and res.load[3] == pytest.approx(7.0)


def test_lexicographic_serve_first_then_cost():
    # candidate A (site 0) is very close to a heavy demand but reaches only it; candidate B reaches
    # two demands far away. With max_cost 100 (p-median with a limit): B serves more demand
    C = np.array([[1.0, np.inf],
                  [np.inf, 90.0],
                  [np.inf, 95.0]])
    w = np.array([5.0, 3.0, 3.0])
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, w, 0, 2, 1, model=0, max_cost=100)
    # the cheapest solution (A: total cost 5) serves 5; B serves 6 at cost 555: B wins
    assert list(res.selected) == [1]
    assert res.served == pytest.approx(6.0)
    assert res.cost_total == pytest.approx(3 * 90 + 3 * 95)
    # coverage model with the same standard: the same choice; gain_served of B = 6
    cov = loc.solve(o, d, c, w, 0, 2, 1, model=1, max_cost=100)
    assert list(cov.selected) == [1] and cov.gain[1] == pytest.approx(6.0)
    # equal coverage: then the cheaper one wins
    C2 = np.array([[5.0, 2.0], [5.0, 2.0]])
    o, d, c = pairs_of(C2)
    res2 = loc.solve(o, d, c, np.array([1.0, 1.0]), 0, 2, 1, model=1, max_cost=10)
    assert list(res2.selected) == [1] and res2.cost_total == pytest.approx(4.0)


def test_lexicographic_capacitated():
    # candidate 1 (cap 10) is cheap for demand 0 (w 2); candidate 2 (cap 10) reaches demand 0 and 1 (w 2+6)
    C = np.array([[np.inf, 1.0, 50.0],
                  [np.inf, np.inf, 50.0]])
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, np.array([2.0, 6.0]), 1, 2, 1, model=2, capacity=np.array([0.0, 10, 10]))
    assert list(res.selected) == [2] and res.served == pytest.approx(8.0)


def test_od_gaps_and_unreachable_demand():
    # demand 2 has no pair at all (a gap in the OD table): reported, never served
    C = np.array([[3.0, np.inf, 1.0],
                  [np.inf, 2.0, 8.0],
                  [np.inf, np.inf, np.inf],
                  [np.inf, 4.0, np.inf]])
    o, d, c = pairs_of(C)
    w = np.array([1.0, 1, 7, 1])
    res = loc.solve(o, d, c, w, 1, 2, 1)
    assert list(res.unreachable) == [False, False, True, False]
    assert res.unreachable_demand == pytest.approx(7.0)
    assert "unreachable" in res.warnings
    # open site 1: serves 1 and 3 (demand 0 at site 0, cost 3) -> served 3, cost 3+2+4
    assert list(res.selected) == [1]
    assert res.served == pytest.approx(3.0) and res.cost_total == pytest.approx(9.0)
    assert res.site[2] == -1 and np.isnan(res.cost[2])
    assert res.served_before == pytest.approx(1.0)


def test_ties_are_optimal_and_deterministic():
    C = np.array([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]])
    o, d, c = pairs_of(C)
    a = loc.solve(o, d, c, np.array([1.0, 1.0]), 0, 3, 2)
    b = loc.solve(o, d, c, np.array([1.0, 1.0]), 0, 3, 2)
    assert a.cost_total == pytest.approx(3.0) and list(a.selected) == list(b.selected)
    assert len(a.selected) == 2


def test_existing_facilities_make_candidates_useless():
    C = np.array([[0.0, 5.0, 6.0], [1.0, 5.0, 6.0]])
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, np.array([1.0, 1.0]), 1, 2, 1)
    assert res.cost_total == pytest.approx(1.0) and res.stages == 0 and res.gap == 0.0
    assert res.gain[res.selected[0]] == pytest.approx(0.0)


def test_p_too_large_and_bad_input():
    C = np.array([[1.0, 2.0]])
    o, d, c = pairs_of(C)
    with pytest.raises(loc.LocationError) as err:
        loc.solve(o, d, c, [1.0], 0, 2, 3)
    assert err.value.code == "p_too_large"
    for kwargs, code in ((dict(p=0), "p"), (dict(model=1), "max_cost_required"),
                         (dict(model=2), "capacity_required")):
        args = dict(p=1)
        args.update(kwargs)
        with pytest.raises(loc.LocationError) as err:
            loc.solve(o, d, c, [1.0], 0, 2, **args)
        assert err.value.code == code
    with pytest.raises(loc.LocationError) as err:
        loc.solve(o, d, c, [-1.0], 0, 2, 1)
    assert err.value.code == "weight"
    with pytest.raises(loc.LocationError) as err:
        loc.solve(o, d, [1.0, -2.0], [1.0], 0, 2, 1)
    assert err.value.code == "cost"


def test_capacity_shortfall():
    # 10 children, existing 3 places, candidates 2 and 4 places; P = 1 -> 4 more, 3 unserved
    C = np.array([[1.0, 2.0, 3.0]] * 2)
    o, d, c = pairs_of(C)
    w = np.array([6.0, 4.0])
    res = loc.solve(o, d, c, w, 1, 2, 1, model=2, capacity=np.array([3.0, 2.0, 4.0]))
    assert list(res.selected) == [2]
    assert res.served == pytest.approx(7.0) and res.served_before == pytest.approx(3.0)
    assert "capacity_short" in res.warnings
    # cost: 3 at site 0 (cost 1) + 4 at site 2 (cost 3)
    assert res.cost_total == pytest.approx(3 + 12)
    unserved = res.part_amount[res.part_site < 0].sum()
    assert unserved == pytest.approx(3.0)
    # a split demand: one row per part, parts add up to the weight
    assert np.bincount(res.part_orig, weights=res.part_amount) == pytest.approx(w)
    # gain: without site 2 only 3 are served (4 fewer); without site 0 only 4 (3 fewer)
    assert res.gain_served[2] == pytest.approx(4.0) and res.gain_served[0] == pytest.approx(3.0)


def test_capacitated_model_chooses_capacity_not_proximity():
    # uncapacitated p-median would open the near small site 1; capacities force the bigger site 2
    C = np.array([[5.0, 1.0, 2.0]] * 3)
    o, d, c = pairs_of(C)
    w = np.array([2.0, 2.0, 2.0])
    cap = np.array([0.0, 2.0, 6.0])
    assert list(loc.solve(o, d, c, w, 1, 2, 1).selected) == [1]
    res = loc.solve(o, d, c, w, 1, 2, 1, model=2, capacity=cap)
    assert list(res.selected) == [2] and res.served == pytest.approx(6.0)
    assert res.cost_total == pytest.approx(12.0)


@pytest.mark.parametrize("model", [0, 1, 2])
def test_time_limit_reports_gap_not_silent(model):
    # a deadline that has passed before the search: the result is still p sites, evaluated exactly, with
    # status time_limit, a warning and a gap that really bounds the distance to the optimum (brute force)
    rng = np.random.default_rng(5 + model)
    n_ex, n_c, p = 1, 9, 3
    C, w = random_case(rng, 40, n_ex, n_c, density=0.9, max_c=60)
    cap = rng.integers(5, 40, n_ex + n_c).astype(float) if model == 2 else None
    max_cost = 30.0 if model == 1 else None
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, w, n_ex, n_c, p, model=model, capacity=cap, max_cost=max_cost,
                    clock=loc.Clock(0.0), gains=True)
    assert res.open.sum() == n_ex + p and res.open[:n_ex].all()
    Cm = dense(o, d, c, *C.shape, max_cost=max_cost)
    open_sites = list(np.flatnonzero(res.open))
    served, cost = eval_cap(Cm, w, cap, open_sites) if model == 2 else eval_uncap(Cm, w, open_sites)
    assert res.served == pytest.approx(served) and res.cost_total == pytest.approx(cost)
    best_served, best_cost, optimal_sets = brute(Cm, w, n_ex, n_c, p, cap=cap)
    if res.status == "time_limit":
        assert "time_limit" in res.warnings and res.gap >= 0 and res.gap_served >= 0
        if np.isfinite(res.gap_served):
            assert best_served - res.served <= res.gap_served * max(res.served, 1e-12) + 1e-6
        if np.isfinite(res.gap) and res.served == pytest.approx(best_served):
            assert res.cost_total - best_cost <= res.gap * res.cost_total + 1e-6
    else:
        assert res.gap == 0.0 and tuple(int(j) for j in res.selected) in optimal_sets
    if model == 2:
        # no time left for the gains: NaN (never a made-up number), counted
        loaded = res.open & (res.load > 0)
        assert res.gains_missing == int(loaded.sum()) and "gains_missing" in res.warnings
        assert np.isnan(res.gain[loaded]).all()


class _CountingClock(loc.Clock):
    """A clock that expires after a fixed number of expiry checks (no timing in the test)."""

    def __init__(self, checks):
        super().__init__(None)
        self.checks = checks

    def expired(self):
        self.checks -= 1
        return self.checks < 0

    def remaining(self):
        return None if self.checks >= 0 else 0.0

    def solver_remaining(self):
        return self.remaining()


def test_capacitated_gains_within_deadline_rest_nan():
    # the gains are computed one site after the other until the deadline; the rest are NaN and counted.
    # The computed ones equal the gains of a run without a deadline (chosen candidates first).
    rng = np.random.default_rng(77)
    n_ex, n_c, p = 3, 6, 2
    C, w = random_case(rng, 30, n_ex, n_c, density=1.0, max_c=50)
    cap = np.full(n_ex + n_c, 25.0)
    o, d, c = pairs_of(C)
    full = loc.solve(o, d, c, w, n_ex, n_c, p, model=2, capacity=cap)
    assert full.gains_missing == 0 and not np.isnan(full.gain[full.open]).any()
    loaded = np.flatnonzero(full.open & (full.load > 0))
    assert loaded.size == n_ex + p
    # count the expiry checks of the search itself, then allow more and more checks after it
    probe = _CountingClock(10 ** 9)
    loc.solve(o, d, c, w, n_ex, n_c, p, model=2, capacity=cap, clock=probe, gains=False)
    used = 10 ** 9 - probe.checks
    # the order: chosen candidates first, then the existing sites, each by load (largest first)
    order = sorted(full.selected.tolist(), key=lambda j: (-full.load[j], j)) + sorted(
        range(n_ex), key=lambda j: (-full.load[j], j))
    sizes = set()
    for budget in range(used, used + 60):
        part = loc.solve(o, d, c, w, n_ex, n_c, p, model=2, capacity=cap, clock=_CountingClock(budget))
        assert list(part.selected) == list(full.selected)
        got = np.flatnonzero(part.open & ~np.isnan(part.gain))
        k = got.size
        assert set(got.tolist()) == set(order[:k])                   # a prefix of the order
        assert np.allclose(part.gain[got], full.gain[got])            # the same gains as without deadline
        assert part.gains_missing == loaded.size - k
        assert ("gains_missing" in part.warnings) == (k < loaded.size)
        sizes.add(k)
    assert {0, p, loaded.size} <= sizes


@pytest.mark.parametrize("model", [0, 2])
def test_cancel_at_every_poll(model):
    # should_stop is polled in every phase (evaluation, search, gains): cancelling at any poll aborts
    rng = np.random.default_rng(78)
    C, w = random_case(rng, 30, 3, 6, density=1.0, max_c=50)
    cap = np.full(9, 25.0) if model == 2 else None
    o, d, c = pairs_of(C)
    calls = []
    loc.solve(o, d, c, w, 3, 6, 2, model=model, capacity=cap, should_stop=lambda: calls.append(1) and False)
    assert len(calls) >= 3
    for k in range(len(calls)):
        seen = []

        def stop():
            seen.append(1)
            return len(seen) > k

        with pytest.raises(loc.LocationCancelled):
            loc.solve(o, d, c, w, 3, 6, 2, model=model, capacity=cap, should_stop=stop)


def test_aggregation_keeps_weights():
    # four identical demand points merged: same result as one point with the summed weight
    C = np.array([[4.0, 1.0, 3.0]] * 4 + [[1.0, 6.0, 2.0]])
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, np.array([1.0, 2, 3, 4, 20]), 0, 3, 1)
    assert list(res.selected) == [0]  # 10*4 + 20*1 = 60 < 10*1 + 20*6 = 130 < 10*3 + 20*2 = 70
    res2 = loc.solve(pairs_of(C[[0, 4]])[0], pairs_of(C[[0, 4]])[1], pairs_of(C[[0, 4]])[2],
                     np.array([10.0, 20]), 0, 3, 1)
    assert res.cost_total == pytest.approx(res2.cost_total) == pytest.approx(60.0)


# ---------------------------------------------------------------------------
# pruned network pairs give the same results as all pairs

@pytest.mark.parametrize("model,max_cost,n_ex", [(0, None, 3), (0, None, 1), (1, 600.0, 3), (0, 900.0, 0)])
def test_pruned_network_pairs_same_result(model, max_cost, n_ex):
    from bildungslandschaft_plugin.core import network as nw

    rng = np.random.default_rng(11)
    # a 250 m grid (crossing streets share their vertex)
    lines = [np.array([[x, y], [x + 250.0, y]]) for y in range(0, 2001, 250) for x in range(0, 2000, 250)]
    lines += [np.array([[x, y], [x, y + 250.0]]) for x in range(0, 2001, 250) for y in range(0, 2000, 250)]
    lines.append(np.array([[3000.0, 0.0], [3500.0, 0.0]]))          # an island
    graph = nw.Graph.from_lines(lines, mode="walk")
    d_xy = np.vstack([rng.uniform(0, 2000, (120, 2)), [[3200.0, 10.0]]])
    s_xy = np.vstack([rng.uniform(0, 2000, (n_ex + 8, 2)), [[3400.0, 10.0]]])
    routing = graph.prepare(graph.locate(d_xy, 250), graph.locate(s_xy, 250))
    w = rng.integers(0, 5, len(d_xy)).astype(float)
    w[-1] = 2.0
    n_c = len(s_xy) - n_ex
    o, d, c = routing.od_matrix(0, 1)
    po, pd, pc = loc.pruned_network_pairs(routing, n_ex, max_cost=max_cost)
    assert po.size < o.size if n_ex >= 2 else po.size <= o.size
    full = loc.solve(o, d, c, w, n_ex, n_c, 3, model=model, max_cost=max_cost if max_cost else
                     (600.0 if model == 1 else None))
    pruned = loc.solve(po, pd, pc, w, n_ex, n_c, 3, model=model, max_cost=max_cost if max_cost else
                       (600.0 if model == 1 else None))
    assert list(pruned.selected) == list(full.selected)
    for name in ("served", "cost_total", "served_before", "cost_total_before"):
        assert getattr(pruned, name) == pytest.approx(getattr(full, name))
    for name in ("site", "site_before"):
        assert list(getattr(pruned, name)) == list(getattr(full, name))
    for name in ("gain", "gain_cost", "gain_served", "cost", "cost_before"):
        np.testing.assert_allclose(getattr(pruned, name), getattr(full, name), equal_nan=True)
    assert list(pruned.unreachable) == list(full.unreachable)


@pytest.mark.parametrize("seed", range(6))
def test_capacitated_column_generation_and_widening(seed, monkeypatch):
    """Start column generation and the exact evaluation from 1 pair per demand point: same optimum."""
    monkeypatch.setattr(loc, "CAP_K_NEAR", 1)
    monkeypatch.setattr(loc, "EVAL_K_NEAR", 1)
    rng = np.random.default_rng(400 + seed)
    n_ex, n_c = int(rng.integers(1, 3)), int(rng.integers(3, 6))
    C, w = random_case(rng, 10, n_ex, n_c, density=0.9)
    cap = rng.integers(2, 10, n_ex + n_c).astype(float)
    res = check_against_brute(C, w, n_ex, n_c, 2, 2, cap=cap)
    assert np.all(res.load <= cap + 1e-9)


@pytest.mark.parametrize("enum_max", [0, 10 ** 6])
@pytest.mark.parametrize("seed", range(6))
def test_capacitated_fixing_enumeration_and_milp_paths(seed, enum_max, monkeypatch):
    """Tight capacities (LP gaps): the proof by enumeration after reduced-cost fixing and by the MILP agree."""
    monkeypatch.setattr(loc, "CAP_K_NEAR", 1)
    monkeypatch.setattr(loc, "ENUM_MAX", enum_max)
    rng = np.random.default_rng(500 + seed)
    n_ex, n_c = 1, 6
    C, w = random_case(rng, 12, n_ex, n_c, density=1.0, max_c=50)
    cap = np.concatenate([[rng.integers(3, 8)], rng.integers(4, 9, n_c)]).astype(float)
    check_against_brute(C, w, n_ex, n_c, 2, 2, cap=cap)


def test_pruned_network_pairs_islands_with_several_existing():
    """Demand on an island with two existing sites of its own (no finite bound from every split)."""
    from bildungslandschaft_plugin.core import network as nw

    lines = [np.array([[x, 0.0], [x + 100.0, 0.0]]) for x in range(0, 1000, 100)]
    lines += [np.array([[x, 0.0], [x + 100.0, 0.0]]) for x in range(5000, 5500, 100)]   # the island
    graph = nw.Graph.from_lines(lines, mode="walk")
    d_xy = np.array([[50.0, 5], [450.0, 5], [950.0, 5], [5050.0, 5], [5250.0, 5], [5450.0, 5]])
    # existing: two on the mainland, two on the island; candidates: two each
    s_xy = np.array([[0.0, 5], [900.0, 5], [5000.0, 5], [5490.0, 5], [500.0, 5], [700.0, 5], [5200.0, 5],
                     [5300.0, 5]])
    routing = graph.prepare(graph.locate(d_xy, 50), graph.locate(s_xy, 50))
    w = np.array([1.0, 2, 3, 4, 5, 6])
    o, d, c = routing.od_matrix(0, 1)
    po, pd, pc = loc.pruned_network_pairs(routing, 4)
    full = loc.solve(o, d, c, w, 4, 4, 2)
    pruned = loc.solve(po, pd, pc, w, 4, 4, 2)
    assert list(pruned.selected) == list(full.selected)
    np.testing.assert_allclose(pruned.gain, full.gain, equal_nan=True)
    np.testing.assert_allclose(pruned.cost, full.cost)
    assert pruned.cost_total == pytest.approx(full.cost_total)


def _grid_routing(rng, n_d=60, n_s=8):
    from bildungslandschaft_plugin.core import network as nw

    lines = [np.array([[x, y], [x + 250.0, y]]) for y in range(0, 1001, 250) for x in range(0, 1000, 250)]
    lines += [np.array([[x, y], [x, y + 250.0]]) for x in range(0, 1001, 250) for y in range(0, 1000, 250)]
    graph = nw.Graph.from_lines(lines, mode="walk")
    d_xy = rng.uniform(0, 1000, (n_d, 2))
    s_xy = rng.uniform(0, 1000, (n_s, 2))
    return graph.prepare(graph.locate(d_xy, 250), graph.locate(s_xy, 250))


@pytest.mark.parametrize("max_cost", [None, 400.0])
def test_all_network_pairs_equal_od_matrix_and_stop_at_deadline(max_cost):
    routing = _grid_routing(np.random.default_rng(3))
    o, d, c = routing.od_matrix(0, 1, max_cost=max_cost)
    # tiny blocks: one search per block, the deadline is polled between them
    ao, ad, ac = loc.all_network_pairs(routing, max_cost=max_cost, chunk_cells=1)
    assert list(ao) == list(o) and list(ad) == list(d)
    np.testing.assert_allclose(ac, c)
    with pytest.raises(loc.CostsTimeUp) as err:
        loc.all_network_pairs(routing, max_cost=max_cost, clock=loc.Clock(0.0), chunk_cells=1)
    assert err.value.done == 0 and err.value.total == 8
    with pytest.raises(loc.LocationCancelled):
        loc.all_network_pairs(routing, max_cost=max_cost, should_stop=lambda: True)


def test_pruned_network_pairs_stop_at_deadline_and_cancel():
    routing = _grid_routing(np.random.default_rng(4))
    with pytest.raises(loc.CostsTimeUp):
        loc.pruned_network_pairs(routing, 3, clock=loc.Clock(0.0))
    with pytest.raises(loc.LocationCancelled):
        loc.pruned_network_pairs(routing, 3, should_stop=lambda: True)


def test_routing_cost_rows_public_api():
    # Routing.cost_rows (used by the location searches) against the OD matrix in both directions
    routing = _grid_routing(np.random.default_rng(5), n_d=20, n_s=5)
    o, d, c = routing.od_matrix(0, 1)
    dense = np.full((20, 5), np.inf)
    dense[o, d] = c
    s_local = routing.located(1)
    d_local = routing.located(0)
    toward = routing.cost_rows(1, s_local, 0, toward=True)           # demand -> site, per site
    np.testing.assert_allclose(toward, dense[np.ix_(d_local, s_local)].T)
    forward = routing.cost_rows(0, d_local, 1)                         # demand -> site, per demand point
    np.testing.assert_allclose(forward, dense[np.ix_(d_local, s_local)])
    assert routing.rows_per_search(1) == 1


class _OneRoundClock(loc.Clock):
    """Plenty of time for the first LP round, none after it (the column generation stops unfinished)."""

    def __init__(self):
        super().__init__(1000.0)
        self.calls = 0

    def solver_remaining(self):
        self.calls += 1
        return 1000.0 if self.calls <= 2 else 0.0


@pytest.mark.parametrize("seed", range(12))
def test_capacitated_bound_of_an_unfinished_column_generation(seed, monkeypatch):
    # the Lagrangian bound after one round (k = 1 nearest pair per group) is a valid lower bound: the optimum by
    # brute force (independent transport LP) is never below it, and the result is evaluated exactly
    monkeypatch.setattr(loc, "CAP_K_NEAR", 1)

    class _NoSolution:       # every MILP runs out of time before a solution or a bound
        x = None
        status = 1
        mip_dual_bound = None
        fun = None
        message = "time limit reached"

    monkeypatch.setattr(loc, "_milp", lambda *a, **k: _NoSolution())
    rng = np.random.default_rng(700 + seed)
    n_ex, n_c, p = int(rng.integers(1, 3)), int(rng.integers(3, 6)), 2
    C, w = random_case(rng, 12, n_ex, n_c, density=0.9)
    cap = rng.integers(3, 12, n_ex + n_c).astype(float)
    o, d, c = pairs_of(C)
    res = loc.solve(o, d, c, w, n_ex, n_c, p, model=2, capacity=cap, clock=_OneRoundClock(), gains=False)
    assert res.open.sum() == n_ex + p
    Cm = dense(o, d, c, *C.shape)
    served, cost = eval_cap(Cm, w, cap, list(np.flatnonzero(res.open)))
    assert res.served == pytest.approx(served) and res.cost_total == pytest.approx(cost, abs=1e-7)
    best_served, best_cost, _sets = brute(Cm, w, n_ex, n_c, p, cap=cap)
    if res.served == pytest.approx(best_served) and np.isfinite(res.gap):
        assert best_cost >= res.cost_total * (1 - res.gap) - 1e-6
    assert res.status == "time_limit" and "time_limit" in res.warnings
    if res.gap == 0:
        assert res.cost_total == pytest.approx(best_cost, abs=1e-6)
