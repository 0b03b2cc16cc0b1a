"""Location planning (Standortplanung): which P candidate sites to open.

Sites are numbered ``0 .. n_existing-1`` (existing facilities, always open) and
``n_existing .. n_existing+n_candidates-1`` (candidates). Costs are sparse pairs
``(orig, dest, cost)`` between demand points and sites; a pair that is missing
(a gap in an OD table, another network island, beyond ``max_cost``) is not
usable.

Models
    0 ``p-median``: every demand point goes to its cheapest open site.
    1 ``maximal coverage``: as 0, with pairs beyond ``max_cost`` (the coverage
      standard, required) not usable.
    2 ``capacitated p-median``: demand is assigned within the sites'
      capacities (the transport problem of :mod:`.allocation`); a demand point
      is split between sites only where capacities force it.

The optimum is lexicographic: first as much weighted demand served (covered)
as possible, then, among those solutions, the least total weighted cost of the
served demand. Exactly ``p`` candidates open.

Method (exact, with proof)
    Mixed-integer programs solved by HiGHS (:func:`scipy.optimize.milp`) in two
    stages: stage 1 maximises the served demand ``S*``; stage 2 minimises the
    cost subject to ``served >= S*``. Stage 1 is skipped when ``S*`` is known
    without it (every demand point that any site reaches is reached by an
    existing facility, or, in model 2, the existing facilities alone already
    serve all reachable demand).

    Uncapacitated models (0, 1): only the nearest existing facility of a demand
    point matters (it is always open), so candidate pairs at least as expensive
    as it are dropped; demand points without a cheaper candidate are constants.
    The remaining points are merged when their rows (nearest existing cost and
    candidate pairs) are identical (weights summed). Strong formulation:
    ``sum_j x_gj <= 1``, ``x_gj <= y_j``, ``sum_j y_j = p``; stage 1 is the
    classical coverage model ``z_g <= sum_{j reaches g} y_j``.

    Capacitated model (2): demand points with identical rows are merged;
    ``sum_j x_gj <= 1``, ``sum_g W_g x_gj <= cap_j y_j`` (``y_j = 1`` for
    existing sites), ``x_gj <= y_j``.

    The chosen sites are then evaluated exactly (model 0/1: cheapest open site
    per demand point, ties to the lower site index; model 2:
    :func:`.allocation.allocate`, proven optimal by its duality certificate).
    The reported gap is ``(cost - best bound) / cost`` of stage 2 (0: proven
    optimum); ``gap_served`` likewise for stage 1. A time limit returns the
    best solution found with its proven gaps and ``status = "time_limit"``.

Gain per open site (existing ones too): the other open sites stay open, this
site closes, and the demand is assigned again (cheapest open site / transport
problem): ``gain_served`` = served demand lost, ``gain_cost`` = rise of the
total weighted cost of the served demand; ``gain`` is ``gain_served`` for model
1 and ``gain_cost`` for models 0 and 2.
"""

import itertools
import math
import time

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from . import allocation

MODEL_PMEDIAN = 0
MODEL_COVERAGE = 1
MODEL_CAPACITATED = 2
MODEL_NAMES = {MODEL_PMEDIAN: "p-median", MODEL_COVERAGE: "maximal coverage",
               MODEL_CAPACITATED: "capacitated p-median"}
SOLVER = "HiGHS (scipy.optimize.milp)"

#: relative gap below which a solution counts as proven optimal (solver tolerances; HiGHS' default is 1e-4)
OPT_TOL = 1e-6
#: capacitated model: after reduced-cost fixing, at most this many remaining choices are evaluated one by one
ENUM_MAX = 400
#: capacitated model: column generation starts from the k cheapest pairs of every demand group
CAP_K_NEAR = 4
#: capacitated model under a time limit: the column generation stops when less than this share of the stage's
#: time is left, so that the MILP on the pairs generated so far gets the rest
CAP_MILP_SHARE = 0.35

STATUS_OPTIMAL = "optimal"
STATUS_TIME_LIMIT = "time_limit"


class LocationError(ValueError):
    """Bad input; ``code`` says what (``p``, ``p_too_large``, ``weight``, ``cost``, ...)."""

    def __init__(self, code, message, index=None):
        super().__init__(message)
        self.code = code
        self.index = index
        self.message = message


class LocationCancelled(Exception):
    """``should_stop`` returned True."""


class LocationResult:
    """Result of :func:`solve`.

    Sites: ``open`` (bool), ``selected`` (candidate site indices opened),
    ``load``, ``gain``, ``gain_cost``, ``gain_served`` (NaN for closed sites),
    ``load_before``.
    Parts (one per demand point, or one per piece when model 2 splits it;
    unserved pieces have site -1): ``part_orig``, ``part_site``,
    ``part_amount``, ``part_cost`` (NaN when unserved). Demand points with
    weight 0 get one part of amount 0 at their cheapest open site.
    Before (existing facilities only): ``site_before``, ``cost_before`` per
    demand point (model 2: the site of its largest part), ``served_before``,
    ``cost_total_before``.
    Per demand point: ``site`` (main site after: the largest part), ``cost``,
    ``unreachable`` (no site reaches it at all).
    Totals: ``total_demand``, ``served``, ``cost_total``, ``mean_cost``,
    ``mean_cost_before``, ``unreachable_demand``.
    Diagnostics: ``status``, ``gap``, ``gap_served``, ``solver``, ``seconds``,
    ``stages`` (MILP stages run), ``n_groups``, ``n_pairs``, ``warnings``.
    """

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


# ---------------------------------------------------------------------------
# input checks

def _validate(orig, dest, cost, weights, n_existing, n_candidates, p, model, capacity, max_cost):
    try:
        n_existing = int(n_existing)
        n_candidates = int(n_candidates)
    except (TypeError, ValueError):
        raise LocationError("sites", "the numbers of sites must be integers") from None
    if n_existing < 0 or n_candidates < 0:
        raise LocationError("sites", "the numbers of sites must not be negative")
    if model not in MODEL_NAMES:
        raise LocationError("model", "model must be 0, 1 or 2, got {!r}".format(model))
    if isinstance(p, bool) or not float(p).is_integer() or int(p) < 1:
        raise LocationError("p", "p must be a whole number >= 1, got {!r}".format(p))
    p = int(p)
    if p > n_candidates:
        raise LocationError("p_too_large", "p = {} but there are only {} candidate sites".format(
            p, n_candidates))
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 1:
        raise LocationError("weight", "weights must be one value per demand point")
    bad = ~np.isfinite(weights) | (weights < 0)
    if bad.any():
        raise LocationError("weight", "weight of demand point {} is {}; weights must be >= 0".format(
            int(np.argmax(bad)), weights[np.argmax(bad)]), int(np.argmax(bad)))
    n_sites = n_existing + n_candidates
    orig = np.asarray(orig, dtype=np.int64).ravel()
    dest = np.asarray(dest, dtype=np.int64).ravel()
    cost = np.asarray(cost, dtype=float).ravel()
    if not (orig.size == dest.size == cost.size):
        raise LocationError("pairs", "orig, dest and cost must have the same length")
    if orig.size:
        bad = (orig < 0) | (orig >= weights.size)
        if bad.any():
            raise LocationError("orig_index", "pair {} has demand index {}".format(
                int(np.argmax(bad)), orig[np.argmax(bad)]), int(np.argmax(bad)))
        bad = (dest < 0) | (dest >= n_sites)
        if bad.any():
            raise LocationError("dest_index", "pair {} has site index {}".format(
                int(np.argmax(bad)), dest[np.argmax(bad)]), int(np.argmax(bad)))
        bad = ~np.isfinite(cost) | (cost < 0)
        if bad.any():
            raise LocationError("cost", "pair {} has cost {}; costs must be >= 0".format(
                int(np.argmax(bad)), cost[np.argmax(bad)]), int(np.argmax(bad)))
    if max_cost is not None:
        max_cost = float(max_cost)
        if not np.isfinite(max_cost) or max_cost <= 0:
            raise LocationError("max_cost", "max_cost must be > 0, got {}".format(max_cost))
    if model == MODEL_COVERAGE and max_cost is None:
        raise LocationError("max_cost_required", "maximal coverage needs max_cost (the coverage standard)")
    if model == MODEL_CAPACITATED:
        if capacity is None:
            raise LocationError("capacity_required", "the capacitated model needs a capacity per site")
        capacity = np.asarray(capacity, dtype=float).ravel()
        if capacity.size != n_sites:
            raise LocationError("capacity", "capacity must have one value per site ({} sites, {} values)".format(
                n_sites, capacity.size))
        bad = ~np.isfinite(capacity) | (capacity < 0)
        if bad.any():
            raise LocationError("capacity", "capacity of site {} is {}; capacities must be >= 0".format(
                int(np.argmax(bad)), capacity[np.argmax(bad)]), int(np.argmax(bad)))
    elif capacity is not None:
        capacity = np.asarray(capacity, dtype=float).ravel()
    # pairs beyond max_cost are not usable; a pair given twice keeps its cheapest cost
    if max_cost is not None and orig.size:
        keep = cost <= max_cost
        orig, dest, cost = orig[keep], dest[keep], cost[keep]
    if orig.size:
        order = np.lexsort((cost, dest, orig))
        orig, dest, cost = orig[order], dest[order], cost[order]
        first = np.ones(orig.size, dtype=bool)
        first[1:] = (orig[1:] != orig[:-1]) | (dest[1:] != dest[:-1])
        orig, dest, cost = orig[first], dest[first], cost[first]
    return orig, dest, cost, weights, n_existing, n_candidates, p, max_cost, capacity


# ---------------------------------------------------------------------------
# exact evaluation of a set of open sites

def _parts_uncap(site, c, weights):
    n = weights.size
    part_orig = np.arange(n, dtype=np.int64)
    part_site = site.copy()
    amount = weights.copy()
    pc = np.where(site >= 0, c, np.nan)
    return part_orig, part_site, amount, pc


def _evaluate_uncap(orig, dest, cost, weights, is_open):
    """Cheapest open site per demand point. Returns dict with parts, served, cost_total, load."""
    m = is_open[dest]
    site, c = allocation.nearest_assignment(orig[m], dest[m], cost[m], weights.size)
    served_mask = site >= 0
    served = float(weights[served_mask].sum())
    total = float(np.sum(weights[served_mask] * c[served_mask]))
    load = np.bincount(site[served_mask], weights=weights[served_mask], minlength=is_open.size).astype(float)
    po, ps, pa, pc = _parts_uncap(site, c, weights)
    return {"site": site, "cost": c, "served": served, "cost_total": total, "load": load,
            "part_orig": po, "part_site": ps, "part_amount": pa, "part_cost": pc}


#: exact evaluation of the capacitated model starts with the k cheapest open sites of every demand point
EVAL_K_NEAR = 6


def _allocate_nearest(o, d, c, weights, cap, should_stop=None, k=None):
    """:func:`.allocation.allocate` on the *k* cheapest pairs of every origin, widened until provably optimal.

    The pairs must be sorted by origin, then cost. The allocation on the restricted pairs is optimal for
    all pairs when every origin with left-out pairs has a dual value ``y_i`` not above the cheapest
    left-out cost: with facility prices ``pi_j <= 0`` every left-out pair then satisfies the dual
    constraint ``y_i + pi_j <= c_ij``, so the duality certificate of the allocation covers all pairs.
    Otherwise k is doubled (all pairs at the end).
    """
    k = EVAL_K_NEAR if k is None else k
    n = weights.size
    if o.size == 0:
        return allocation.allocate(o, d, c, weights, cap, should_stop=should_stop)
    start = np.ones(o.size, dtype=bool)
    start[1:] = o[1:] != o[:-1]
    first = np.maximum.accumulate(np.where(start, np.arange(o.size), 0))
    rank = np.arange(o.size) - first
    while True:
        sel = rank < k
        if sel.all():
            return allocation.allocate(o, d, c, weights, cap, should_stop=should_stop)
        res = allocation.allocate(o[sel], d[sel], c[sel], weights, cap, should_stop=should_stop)
        if res.solver == "ssp" and res.dual_y is not None:
            at = rank == k
            nxt = np.full(n, np.inf)
            nxt[o[at]] = c[at]
            y = np.where(np.isfinite(res.dual_y), res.dual_y, -np.inf)
            if np.all(y <= nxt + 1e-9 * np.maximum(1.0, np.abs(nxt))):
                return res
        k *= 2


def _evaluate_cap(orig, dest, cost, weights, capacity, is_open, should_stop=None):
    """Transport problem on the open sites (exact, :func:`.allocation.allocate`)."""
    cap = np.where(is_open, capacity, 0.0)
    m = (cap[dest] > 0) & (weights[orig] > 0)
    try:
        res = _allocate_nearest(orig[m], dest[m], cost[m], weights, cap, should_stop)
    except allocation.AllocationCancelled:
        raise LocationCancelled() from None
    po, ps, pa, pc = res.part_orig, res.part_dest, res.part_amount, res.part_cost
    n = weights.size
    # main site per demand point: its largest served part (ties: cheaper, lower index)
    site = np.full(n, -1, dtype=np.int64)
    c = np.full(n, np.nan)
    sv = ps >= 0
    if sv.any():
        idx = np.flatnonzero(sv)
        order = idx[np.lexsort((ps[idx], pc[idx], -pa[idx], po[idx]))]
        o = po[order]
        first = np.ones(o.size, dtype=bool)
        first[1:] = o[1:] != o[:-1]
        sel = order[first]
        site[po[sel]] = ps[sel]
        c[po[sel]] = pc[sel]
    # demand points with weight 0: one part of amount 0 at the cheapest open site with capacity
    zero = weights <= 0
    if zero.any():
        m = is_open[dest] & (cap[dest] > 0) & zero[orig]
        zs, zc = allocation.nearest_assignment(orig[m], dest[m], cost[m], n)
        zi = np.flatnonzero(zero)
        site[zi] = zs[zi]
        c[zi] = zc[zi]
        po = np.concatenate([po, zi])
        ps = np.concatenate([ps, zs[zi]])
        pa = np.concatenate([pa, np.zeros(zi.size)])
        pc = np.concatenate([pc, np.where(zs[zi] >= 0, zc[zi], np.nan)])
        order = np.argsort(po, kind="stable")
        po, ps, pa, pc = po[order], ps[order], pa[order], pc[order]
    return {"site": site, "cost": c, "served": float(res.total_assigned), "cost_total": float(res.total_cost),
            "load": np.asarray(res.load, dtype=float), "part_orig": po, "part_site": ps, "part_amount": pa,
            "part_cost": pc, "certificate_gap": res.gap}


# ---------------------------------------------------------------------------
# the MILPs

class Clock:
    """The deadline of a whole run: *limit* seconds from its creation (``None``: no limit).

    One clock is shared by every phase (costs, model building, solver, gains), so that
    ``TIME_LIMIT`` bounds the run, not only the MILP.
    """

    def __init__(self, limit):
        self.start = time.perf_counter()
        self.limit = float(limit) if limit is not None else None
        self.reserve = 0.0

    def restart(self):
        """Start counting now (after reading the inputs, which TIME_LIMIT does not cover)."""
        self.start = time.perf_counter()

    def elapsed(self):
        return time.perf_counter() - self.start

    def remaining(self):
        """Seconds left (``None``: no limit)."""
        if self.limit is None:
            return None
        return max(self.limit - self.elapsed(), 0.0)

    def solver_remaining(self):
        """Seconds left for the search, keeping :attr:`reserve` seconds for the exact evaluation afterwards."""
        if self.limit is None:
            return None
        return max(self.limit - self.reserve - self.elapsed(), 0.0)

    def expired(self):
        return self.limit is not None and self.elapsed() >= self.limit

    def stopper(self, should_stop=None):
        """A ``should_stop`` that is also True once the deadline has passed."""
        def stop():
            return (should_stop is not None and should_stop()) or self.expired()
        return stop


def _check(should_stop):
    if should_stop is not None and should_stop():
        raise LocationCancelled()


def _milp(c, integrality, bounds, constraints, clock):
    options = {"mip_rel_gap": OPT_TOL / 10, "presolve": True}
    remaining = clock.solver_remaining()
    if remaining is not None:
        options["time_limit"] = max(remaining, 1e-3)
    res = milp(c, integrality=integrality, bounds=bounds, constraints=constraints, options=options)
    return res


def _no_solution(res, stage):
    if res.status == 1:
        return LocationError("time_limit_no_solution",
                             "the time limit ran out before stage {} found a solution".format(stage))
    return LocationError("solver", "stage {} found no solution: {}".format(stage, res.message))


def _status_of(res):
    """(has a solution, proven optimal, hit a limit)."""
    has = res.x is not None
    return has, res.status == 0, res.status == 1


def _rel_gap(primal, bound):
    """Relative gap of a minimisation: (primal - bound) / |primal| (0 when both are 0)."""
    if bound is None or not np.isfinite(bound):
        return float("inf")
    diff = max(primal - bound, 0.0)
    if diff <= 1e-9 * max(1.0, abs(primal)):
        return 0.0
    return diff / max(abs(primal), 1e-12)


def _group_rows(keys_of_rows):
    """Dict-based grouping: list of hashable keys -> (group index per row, n_groups)."""
    sig = {}
    out = np.empty(len(keys_of_rows), dtype=np.int64)
    for k, key in enumerate(keys_of_rows):
        g = sig.get(key)
        if g is None:
            g = len(sig)
            sig[key] = g
        out[k] = g
    return out, len(sig)


def _solve_uncap(orig, dest, cost, weights, n_existing, n_candidates, p, clock, should_stop):
    """Exact uncapacitated model. Returns (open mask, info dict)."""
    n = weights.size
    active = weights > 0
    ex = dest < n_existing
    e_site, e_cost = allocation.nearest_assignment(orig[ex], dest[ex], cost[ex], n)
    e_cost = np.where(e_site >= 0, e_cost, np.inf)
    cand = (~ex) & active[orig] & (cost < e_cost[orig])
    co, cd, cc = orig[cand], dest[cand] - n_existing, cost[cand]
    order = np.lexsort((cd, co))
    co, cd, cc = co[order], cd[order], cc[order]
    rows = np.unique(co)
    info = {"stages": 0, "gap": 0.0, "gap_served": 0.0, "status": STATUS_OPTIMAL, "n_groups": 0, "n_pairs": 0}
    y = np.zeros(n_candidates, dtype=bool)
    if rows.size == 0:
        # no candidate improves on anything: any p candidates give the same result
        y[:p] = True
        return np.concatenate([np.ones(n_existing, bool), y]), info
    starts = np.searchsorted(co, rows)
    ends = np.searchsorted(co, rows, side="right")
    keys = [(float(e_cost[i]), cd[a:b].tobytes(), cc[a:b].tobytes())
            for i, a, b in zip(rows.tolist(), starts.tolist(), ends.tolist())]
    g_of_row, n_g = _group_rows(keys)
    if should_stop is not None and should_stop():
        raise LocationCancelled()
    W = np.bincount(g_of_row, weights=weights[rows], minlength=n_g)
    rep = np.full(n_g, -1, dtype=np.int64)
    rep[g_of_row[::-1]] = np.arange(rows.size)[::-1]
    # pairs of the representatives
    rep_rows = rows[rep]
    sel = np.zeros(n, dtype=np.int64) - 1
    sel[rep_rows] = np.arange(n_g)
    pm = sel[co] >= 0
    pg, pj, pc = sel[co[pm]], cd[pm], cc[pm]
    eg = e_cost[rep_rows]
    finite = np.isfinite(eg)
    n_x = pg.size
    info["n_groups"], info["n_pairs"] = int(n_g), int(n_x)

    # stage 1: coverage of the groups no existing facility reaches
    s_star = None
    far = ~finite
    if far.any():
        fg = np.flatnonzero(far)
        fidx = np.full(n_g, -1, dtype=np.int64)
        fidx[fg] = np.arange(fg.size)
        fm = far[pg]
        # vars: y (n_candidates) binary, z (fg.size) in [0,1]; max sum W z
        nz = fg.size
        c1 = np.concatenate([np.zeros(n_candidates), -W[fg]])
        rows_a = fidx[pg[fm]]
        a_cov = sparse.coo_matrix(
            (np.concatenate([np.ones(nz), -np.ones(int(fm.sum()))]),
             (np.concatenate([np.arange(nz), rows_a]),
              np.concatenate([n_candidates + np.arange(nz), pj[fm]]))),
            shape=(nz, n_candidates + nz)).tocsr()
        a_p = sparse.csr_matrix((np.ones(n_candidates), (np.zeros(n_candidates, np.int64),
                                                          np.arange(n_candidates))),
                                shape=(1, n_candidates + nz))
        cons = [LinearConstraint(a_cov, -np.inf, 0.0), LinearConstraint(a_p, p, p)]
        integ = np.concatenate([np.ones(n_candidates), np.zeros(nz)])
        res = _milp(c1, integ, Bounds(0, 1), cons, clock)
        info["stages"] += 1
        has, optimal, _limit = _status_of(res)
        if not has and res.status != 1:
            raise _no_solution(res, 1)
        if has:
            ycov = res.x[:n_candidates] > 0.5
        else:
            # time ran out before any solution: the p candidates that reach the most uncovered weight
            score = np.bincount(pj[fm], weights=W[pg[fm]], minlength=n_candidates)
            ycov = _fallback_candidates(score, np.zeros(n_candidates), p)
            info["fallback"] = True
        covered = np.zeros(nz, dtype=bool)
        np.logical_or.at(covered, rows_a, ycov[pj[fm]])
        s_star = float(W[fg][covered].sum())
        bound = -res.mip_dual_bound if res.mip_dual_bound is not None else np.inf
        info["gap_served"] = 0.0 if optimal else _rel_gap(-s_star, -bound) if np.isfinite(bound) else float("inf")
        if not optimal:
            info["status"] = STATUS_TIME_LIMIT
        y_stage1 = ycov
        if should_stop is not None and should_stop():
            raise LocationCancelled()
    # stage 2: least cost. vars: y (n_candidates) binary, x (n_x) in [0,1]
    # objective: sum W_g c_gj x_gj, for finite groups relative to e_g (constant sum W_g e_g)
    wg = W[pg]
    obj_x = np.where(finite[pg], wg * (pc - eg[pg]), wg * pc)
    fixed = active & np.isfinite(e_cost)
    fixed[rows] = False
    const = float(np.sum(W[finite] * eg[finite])) + float(np.sum(weights[fixed] * e_cost[fixed]))
    c2 = np.concatenate([np.zeros(n_candidates), obj_x])
    nv = n_candidates + n_x
    a_assign = sparse.csr_matrix((np.ones(n_x), (pg, n_candidates + np.arange(n_x))), shape=(n_g, nv))
    a_link = sparse.csr_matrix((np.concatenate([np.ones(n_x), -np.ones(n_x)]),
                                (np.concatenate([np.arange(n_x), np.arange(n_x)]),
                                 np.concatenate([n_candidates + np.arange(n_x), pj]))), shape=(n_x, nv))
    a_p = sparse.csr_matrix((np.ones(n_candidates), (np.zeros(n_candidates, np.int64), np.arange(n_candidates))),
                            shape=(1, nv))
    # finite groups: always served (by a candidate or the existing facility), unrestricted <= 1
    cons = [LinearConstraint(a_assign, -np.inf, 1.0), LinearConstraint(a_link, -np.inf, 0.0),
            LinearConstraint(a_p, p, p)]
    if s_star is not None and s_star > 0:
        fm = ~finite[pg]
        a_s = sparse.csr_matrix((wg[fm], (np.zeros(int(fm.sum()), np.int64), n_candidates + np.flatnonzero(fm))),
                                shape=(1, nv))
        tol = max(1e-7, 1e-10 * s_star)
        cons.append(LinearConstraint(a_s, s_star - tol, np.inf))
    integ = np.concatenate([np.ones(n_candidates), np.zeros(n_x)])
    res = _milp(c2, integ, Bounds(0, 1), cons, clock)
    info["stages"] += 1
    has, optimal, _limit = _status_of(res)
    if has:
        y = res.x[:n_candidates] > 0.5
        bound = res.mip_dual_bound + const if res.mip_dual_bound is not None else None
        info["bound"] = bound
        if not optimal:
            info["status"] = STATUS_TIME_LIMIT
            info["gap"] = None  # computed by the caller from the bound
        info["optimal2"] = optimal
    else:
        if s_star is None:
            if res.status != 1:
                raise _no_solution(res, 2)
            # time ran out before stage 2 found any solution: the p candidates that are the cheapest
            # site of the most weight (evaluated exactly by the caller), no bound on the cost
            first_j, _fc = allocation.nearest_assignment(pg, pj, pc, n_g)
            score = np.bincount(first_j[first_j >= 0], weights=W[first_j >= 0], minlength=n_candidates)
            y_stage1 = _fallback_candidates(score, np.zeros(n_candidates), p)
            info["fallback"] = True
        # time ran out before stage 2 found a solution: keep the stage-1 sites, no bound on the cost
        y = y_stage1
        info["status"] = STATUS_TIME_LIMIT
        info["bound"] = None
        info["optimal2"] = False
    if y.sum() != p:  # never expected; keep the count right
        raise LocationError("solver", "the solver opened {} sites instead of {}".format(int(y.sum()), p))
    return np.concatenate([np.ones(n_existing, bool), y]), info


class _CapModel:
    """The capacitated formulation over a subset of the pairs (for LP pricing and the MILP)."""

    def __init__(self, pg, pj, W, capacity, n_existing, n_candidates, p):
        self.pg, self.pj, self.W = pg, pj, W
        self.capacity = capacity
        self.n_existing, self.n_candidates, self.p = n_existing, n_candidates, p
        self.n_g = W.size
        self.n_sites = n_existing + n_candidates

    def matrices(self, sel, f, served_lb):
        """(c, integrality, A_ub, b_ub, A_eq, b_eq, row offsets) over the pairs *sel*."""
        nc, nex = self.n_candidates, self.n_existing
        pg, pj = self.pg[sel], self.pj[sel]
        nx = pg.size
        nv = nc + nx
        xcol = nc + np.arange(nx)
        wg = self.W[pg]
        is_c = pj >= nex
        nl = int(is_c.sum())
        lc = np.arange(nl)
        r_cap = self.n_g
        r_link = r_cap + self.n_sites
        r_served = r_link + nl
        rows = [pg, r_cap + pj, r_cap + nex + np.arange(nc), r_link + lc, r_link + lc]
        cols = [xcol, xcol, np.arange(nc), xcol[is_c], pj[is_c] - nex]
        vals = [np.ones(nx), wg, -self.capacity[nex:], np.ones(nl), -np.ones(nl)]
        b = [np.ones(self.n_g), self.capacity[:nex], np.zeros(nc), np.zeros(nl)]
        n_rows = r_served
        if served_lb is not None:
            rows.append(np.full(nx, r_served))
            cols.append(xcol)
            vals.append(-wg)
            b.append(np.array([-served_lb]))
            n_rows += 1
        a_ub = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                                 shape=(n_rows, nv))
        a_eq = sparse.csr_matrix((np.ones(nc), (np.zeros(nc, np.int64), np.arange(nc))), shape=(1, nv))
        c = np.concatenate([np.zeros(nc), f[sel]])
        integ = np.concatenate([np.ones(nc), np.zeros(nx)])
        return c, integ, a_ub, np.concatenate(b), a_eq, np.array([float(self.p)]), (r_cap, r_served)

    def reduced_costs(self, f, lam_ub, offsets, served_lb):
        """Reduced cost of every pair for the duals of an LP (a new pair's link row has dual 0)."""
        r_cap, r_served = offsets
        wg = self.W[self.pg]
        rc = f - lam_ub[self.pg] - wg * lam_ub[r_cap + self.pj]
        if served_lb is not None:
            rc = rc + wg * lam_ub[r_served]
        return rc

    def milp(self, sel, f, served_lb, clock, y_lb=None, y_ub=None):
        c, integ, a_ub, b_ub, a_eq, b_eq, _off = self.matrices(sel, f, served_lb)
        cons = [LinearConstraint(a_ub, -np.inf, b_ub), LinearConstraint(a_eq, b_eq, b_eq)]
        lb = np.zeros(c.size)
        ub = np.ones(c.size)
        if y_lb is not None:
            lb[:self.n_candidates] = y_lb
        if y_ub is not None:
            ub[:self.n_candidates] = y_ub
        return _milp(c, integ, Bounds(lb, ub), cons, clock)

    def stage(self, f, served_lb, rank, clock, k_near=None, seed=None):
        """Column generation on the LP relaxation, then the MILP on the generated pairs.

        Returns ``(y or None, lower bound on the full problem, milp result, pairs used)``. The bound
        is the LP bound over all pairs (Lagrangian form: the restricted LP plus every negative
        reduced cost of a pair not in it, each pair at most 1). That bound is valid after every
        round of the column generation (the duals of the restricted LP are sign-feasible
        multipliers, a missing link row has multiplier 0), so a deadline in a later round keeps the
        best bound of the rounds done.
        """
        n_pairs = self.pg.size
        k_near = CAP_K_NEAR if k_near is None else k_near
        sel = rank < k_near
        if seed is not None:
            # the pairs of a known solution that serves served_lb: the first restricted LP is feasible
            sel = sel | seed
        lower = -np.inf
        self.rc = None
        self.lp_value = None
        self.y_lp = None
        budget = clock.solver_remaining()
        rounds = 0
        while True:
            if rounds and budget is not None and clock.solver_remaining() < CAP_MILP_SHARE * budget:
                # a deadline ahead: keep the rest of the time for the MILP on the pairs generated so far
                # (the bound of the rounds done stays valid)
                break
            rounds += 1
            c, integ, a_ub, b_ub, a_eq, b_eq, off = self.matrices(sel, f, served_lb)
            options = {"presolve": True}
            remaining = clock.solver_remaining()
            if remaining is not None:
                options["time_limit"] = max(remaining, 1e-3)
            lp = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, 1), method="highs",
                         options=options)
            if lp.status == 2 and not sel.all():       # the nearest pairs cannot carry the served demand
                k_near *= 2
                sel = sel | (rank < k_near)
                continue
            if lp.status != 0:
                break
            rc = self.reduced_costs(f, lp.ineqlin.marginals, off, served_lb)
            rc[sel] = 0.0
            tol = 1e-9 * max(1.0, float(np.abs(f).max()) if f.size else 1.0)
            neg = rc < -tol
            lower = max(lower, float(lp.fun) + float(np.minimum(rc, 0.0).sum()))
            self.y_lp = np.asarray(lp.x[:self.n_candidates], dtype=float)
            if not neg.any():
                self.rc = rc
                self.lp_value = float(lp.fun)
                # reduced costs of the y columns (for fixing candidates by their reduced cost)
                full_rc = c - a_ub.T @ lp.ineqlin.marginals - a_eq.T @ lp.eqlin.marginals
                self.rc_y = np.asarray(full_rc[:self.n_candidates], dtype=float)
                self.y_lp = np.asarray(lp.x[:self.n_candidates], dtype=float)
                break
            sel = sel | neg
            if sel.all():
                k_near = np.inf
        res = self.milp(sel, f, served_lb, clock)
        y = res.x[:self.n_candidates] > 0.5 if res.x is not None else None
        self.sel = sel
        return y, lower, res, int(sel.sum()) if n_pairs else 0


def _fallback_candidates(score, tiebreak, p):
    """The *p* candidates with the highest *score* (then *tiebreak*, then the lower index)."""
    n = len(tiebreak)
    score = np.zeros(n) if score is None else np.asarray(score, dtype=float)
    order = np.lexsort((np.arange(n), -np.asarray(tiebreak, dtype=float), -score))
    y = np.zeros(n, dtype=bool)
    y[order[:p]] = True
    return y


def _solve_cap(orig, dest, cost, weights, capacity, n_existing, n_candidates, p, clock, should_stop,
               before=None):
    """Exact capacitated model. Returns (open mask, info dict).

    *before*: the exact evaluation of the existing sites alone, if the caller has it already.
    """
    n = weights.size
    active = weights > 0
    keep = active[orig] & (capacity[dest] > 0)
    o, d, c = orig[keep], dest[keep], cost[keep]
    info = {"stages": 0, "gap": 0.0, "gap_served": 0.0, "status": STATUS_OPTIMAL, "n_groups": 0, "n_pairs": 0}
    group_of, n_g = allocation._group_origins(o, d, c, active & np.isin(np.arange(n), o))
    if n_g == 0 or not np.any(d >= n_existing):
        y = np.zeros(n_candidates, dtype=bool)
        y[:p] = True
        return np.concatenate([np.ones(n_existing, bool), y]), info
    act = np.flatnonzero(group_of >= 0)
    W = np.bincount(group_of[act], weights=weights[act], minlength=n_g)
    rep = np.full(n_g, -1, dtype=np.int64)
    rep[group_of[act[::-1]]] = act[::-1]
    is_rep = np.zeros(n, dtype=bool)
    is_rep[rep] = True
    sel = is_rep[o]
    pg, pj, pc = group_of[o[sel]], d[sel], c[sel]
    info["n_groups"], info["n_pairs"] = int(n_g), int(pg.size)
    order = np.lexsort((pj, pc, pg))
    first = np.searchsorted(pg[order], np.arange(n_g))
    rank = np.empty(pg.size, dtype=np.int64)
    rank[order] = np.arange(pg.size) - first[pg[order]]
    model = _CapModel(pg, pj, W, capacity, n_existing, n_candidates, p)
    wa = weights * active

    cache = {}
    if before is not None:
        cache[np.zeros(n_candidates, dtype=bool).tobytes()] = before

    def exact(y):
        key = np.asarray(y, dtype=bool).tobytes()
        if key not in cache:
            if len(cache) > 8:
                cache.clear()
            is_open = np.concatenate([np.ones(n_existing, bool), y])
            cache[key] = _evaluate_cap(o, d, c, wa, capacity, is_open, should_stop)
        return cache[key]

    n_sites = n_existing + n_candidates
    pair_key = pg * n_sites + pj
    key_order = np.argsort(pair_key, kind="stable")
    sorted_key = pair_key[key_order]

    def pairs_used(ev):
        """Mask of the model's pairs that the assignment *ev* uses."""
        m = (ev["part_site"] >= 0) & (ev["part_amount"] > 0)
        g = group_of[ev["part_orig"][m]]
        j = ev["part_site"][m]
        k = g[g >= 0] * n_sites + j[g >= 0]
        pos = np.minimum(np.searchsorted(sorted_key, k), max(sorted_key.size - 1, 0))
        mask = np.zeros(pg.size, dtype=bool)
        if sorted_key.size:
            hit = sorted_key[pos] == k
            mask[key_order[pos[hit]]] = True
        return mask

    def best_of(f, served_lb, value_of, seed=None):
        """Column generation + MILP; if its bound does not close the gap, the MILP on all pairs."""
        y, lower, res, used = model.stage(f, served_lb, rank, clock, seed=seed)
        info["stages"] += 1
        info["pairs_used"] = max(info.get("pairs_used", 0), used)
        value = value_of(y) if y is not None else np.inf
        if y is not None and _rel_gap(value, lower) <= OPT_TOL:
            return y, value, lower, True
        if model.rc is None and model.y_lp is not None:
            # the column generation did not finish (deadline): the p candidates its relaxation opens most are
            # a second guess, evaluated exactly; the better of the two is kept
            y_round = _fallback_candidates(model.y_lp, capacity[n_existing:], p)
            v_round = value_of(y_round)
            if v_round < value:
                y, value = y_round, v_round
        if integral and model.rc is not None and np.isfinite(value) and used < pg.size:
            # Whole-number demand and capacities: some optimal assignment moves whole units, so a pair
            # carries at least 1/W_g of its group or nothing. Every solution better than `value` has
            # sum_k rc_k x_k <= value - LP value (Lagrangian inequality of the final LP), so a pair left
            # out with rc_k / W_g above that slack is unused in it: the MILP over the other pairs is exact.
            slack = max(value - model.lp_value, 0.0)
            eps = slack * 1e-9 + 1e-9 * max(1.0, abs(value))
            per_unit = model.rc / W[pg]
            wider = model.sel | (per_unit <= slack + eps)
            # reduced-cost fixing of the candidates (y binary): a closed one whose reduced cost exceeds the
            # slack stays closed, an open one whose negative reduced cost exceeds it stays open, in every
            # solution better than `value`
            rc_y = model.rc_y
            y_ub = np.where((model.y_lp <= 1e-9) & (rc_y > slack + eps), 0.0, 1.0)
            y_lb = np.where((model.y_lp >= 1 - 1e-9) & (-rc_y > slack + eps), 1.0, 0.0)
            if np.any(y_lb > y_ub) or y_ub.sum() < p or y_lb.sum() > p:
                y_lb, y_ub = None, None       # numerically inconsistent: no fixing
            else:
                wider &= ~((pj >= n_existing) & (y_ub[np.maximum(pj - n_existing, 0)] == 0))
            info["fixed_closed"] = int(n_candidates - (y_ub.sum() if y_ub is not None else n_candidates))
            if y_lb is not None:
                free = np.flatnonzero((y_lb == 0) & (y_ub == 1))
                k = p - int(y_lb.sum())
                if 0 <= k <= free.size and math.comb(int(free.size), k) <= ENUM_MAX:
                    # few choices left: evaluate every one of them exactly (transport problem over all pairs)
                    best_y, best_v = y, value
                    done = 0
                    for combo in itertools.combinations(free.tolist(), k):
                        if should_stop is not None and should_stop():
                            raise LocationCancelled()
                        if clock.expired():
                            # deadline: the best so far, bounded by the LP bound over all pairs
                            info["enumerated"] = done
                            return best_y, best_v, lower, False
                        done += 1
                        yc = y_lb > 0
                        yc[list(combo)] = True
                        vc = value_of(yc)
                        if vc < best_v - 1e-9 * max(1.0, abs(best_v)):
                            best_y, best_v = yc, vc
                    info["enumerated"] = math.comb(int(free.size), k)
                    return best_y, best_v, best_v, True
            res2 = model.milp(wider, f, served_lb, clock, y_lb=y_lb, y_ub=y_ub)
            info["stages"] += 1
            info["pairs_used"] = max(info.get("pairs_used", 0), int(wider.sum()))
            if res2.x is not None:
                y2 = res2.x[:n_candidates] > 0.5
                v2 = value_of(y2)
                if v2 < value:
                    y, value = y2, v2
            if res2.mip_dual_bound is not None:
                lower = max(lower, min(value, float(res2.mip_dual_bound)))
            if res2.status == 0 or _rel_gap(value, lower) <= OPT_TOL:
                return y, value, max(lower, min(value, float(res2.fun) if res2.fun is not None else lower)), True
            used = int(wider.sum())
        if used < pg.size:
            full = model.milp(np.ones(pg.size, dtype=bool), f, served_lb, clock)
            info["stages"] += 1
            info["pairs_used"] = int(pg.size)
            if full.x is not None:
                yf = full.x[:n_candidates] > 0.5
                vf = value_of(yf)
                if vf < value:
                    y, value = yf, vf
            if full.mip_dual_bound is not None:
                lower = max(lower, float(full.mip_dual_bound))
            if full.status == 0:
                return y, value, lower, True
        elif res.status == 0:
            return y, value, lower if res.mip_dual_bound is None else max(lower, float(res.mip_dual_bound)), True
        if y is None:
            if res.status != 1:
                raise _no_solution(res, info["stages"])
            # the time ran out before the MILP found any solution: the p candidates the linear relaxation
            # opens most (or with the largest capacity), evaluated exactly, with the proven bound
            y = _fallback_candidates(model.y_lp, capacity[n_existing:], p)
            info["fallback"] = True
            value = value_of(y)
        return y, value, lower, False

    integral = bool(np.all(W == np.round(W)) and np.all(capacity == np.round(capacity)))
    reach_total = float(W.sum())
    ex_only = np.zeros(n_candidates, dtype=bool)
    s_star = exact(ex_only)["served"]
    y_stage1 = None
    if s_star < reach_total - 1e-9 * max(1.0, reach_total):
        # stage 1: most served demand
        y_stage1, neg_served, lower, proven = best_of(-W[pg], None, lambda y: -exact(y)["served"])
        s_star = -neg_served
        info["gap_served"] = 0.0 if proven else _rel_gap(-s_star, lower)
        if not proven:
            info["status"] = STATUS_TIME_LIMIT
        if should_stop is not None and should_stop():
            raise LocationCancelled()
    served_lb = s_star - max(1e-7, 1e-10 * s_star)
    try:
        def cost_if_served(y):
            ev = exact(y)
            return ev["cost_total"] if ev["served"] >= served_lb else np.inf

        seed = pairs_used(exact(ex_only if y_stage1 is None else y_stage1))
        y, _value, lower, proven = best_of(W[pg] * pc, served_lb, cost_if_served, seed=seed)
    except LocationError:
        if y_stage1 is None:
            raise
        y, lower, proven = y_stage1, None, False
    info["bound"] = lower
    info["optimal2"] = proven
    if not proven:
        info["status"] = STATUS_TIME_LIMIT
    if y.sum() != p:
        raise LocationError("solver", "the solver opened {} sites instead of {}".format(int(y.sum()), p))
    return np.concatenate([np.ones(n_existing, bool), y]), info


# ---------------------------------------------------------------------------
# public entry point

def solve(orig, dest, cost, weights, n_existing, n_candidates, p, model=MODEL_PMEDIAN, capacity=None,
          max_cost=None, time_limit=120.0, gains=True, should_stop=None, clock=None):
    """Open ``p`` candidates optimally (lexicographic: served demand, then cost). See the module docstring.

    Parameters
    ----------
    orig, dest, cost : usable pairs demand point -> site (sites: existing first, then candidates).
    weights : (n_demand,) weights >= 0.
    n_existing, n_candidates : numbers of sites of each kind.
    p : candidates to open (1 <= p <= n_candidates).
    model : 0 p-median, 1 maximal coverage (needs ``max_cost``), 2 capacitated (needs ``capacity``).
    capacity : (n_sites,) capacities (model 2; reported as given otherwise).
    max_cost : pairs with a higher cost are not usable (``None``: no limit).
    time_limit : seconds for the whole call (``None``: no limit): the search gets what is left after
        keeping a reserve for the exact evaluation of its result; the gains get what is left after that
        (gains not computed in time are NaN, counted in ``gains_missing``).
    gains : compute ``gain`` for every open site.
    should_stop : optional callable; True aborts with :class:`LocationCancelled`.
    clock : a :class:`Clock` started earlier (e.g. before the travel costs were computed), used instead of
        *time_limit*, so that one deadline bounds the whole run.
    """
    started = time.perf_counter()
    timings = {}
    orig, dest, cost, weights, n_existing, n_candidates, p, max_cost, capacity = _validate(
        orig, dest, cost, weights, n_existing, n_candidates, p, model, capacity, max_cost)
    n = weights.size
    n_sites = n_existing + n_candidates
    clock = Clock(time_limit) if clock is None else clock
    capacitated = model == MODEL_CAPACITATED
    warnings = []
    if capacitated and orig.size:
        # by origin, then cost: the exact evaluation works on the cheapest pairs first
        order = np.lexsort((dest, cost, orig))
        orig, dest, cost = orig[order], dest[order], cost[order]

    reach = np.zeros(n, dtype=bool)
    reach[orig] = True
    unreachable = ~reach
    if capacitated:
        with_cap = capacity[dest] > 0
        reach_cap = np.zeros(n, dtype=bool)
        reach_cap[orig[with_cap]] = True
        unreachable = ~reach_cap

    def evaluate(is_open):
        if capacitated:
            return _evaluate_cap(orig, dest, cost, weights, capacity, is_open, should_stop)
        return _evaluate_uncap(orig, dest, cost, weights, is_open)

    ex_only = np.zeros(n_sites, dtype=bool)
    ex_only[:n_existing] = True
    t0 = time.perf_counter()
    before = evaluate(ex_only)
    t_eval = time.perf_counter() - t0
    timings["before"] = t_eval
    _check(should_stop)
    # keep time for the exact evaluation of the search's result (about as long as the one above)
    remaining = clock.remaining()
    if remaining is not None:
        clock.reserve = min(2.0 * t_eval + 0.2, 0.5 * remaining)

    t0 = time.perf_counter()
    if capacitated:
        is_open, info = _solve_cap(orig, dest, cost, weights, capacity, n_existing, n_candidates, p, clock,
                                   should_stop, before=before)
    else:
        is_open, info = _solve_uncap(orig, dest, cost, weights, n_existing, n_candidates, p, clock, should_stop)
    clock.reserve = 0.0
    timings["search"] = time.perf_counter() - t0
    _check(should_stop)
    t0 = time.perf_counter()
    after = evaluate(is_open)
    timings["after"] = time.perf_counter() - t0
    _check(should_stop)

    # the proven gap of the cost stage, measured against the exact cost of the chosen sites
    if info["stages"] == 0:
        gap = 0.0
    elif info.get("optimal2") and info["status"] == STATUS_OPTIMAL:
        gap = 0.0 if info.get("bound") is None else _rel_gap(after["cost_total"], info["bound"])
        # HiGHS proved optimality up to its tolerances; tiny differences are rounding
        if gap <= OPT_TOL:
            gap = 0.0
    else:
        gap = _rel_gap(after["cost_total"], info.get("bound"))
    gap_served = float(info.get("gap_served", 0.0))
    status = info["status"]
    if status != STATUS_OPTIMAL:
        warnings.append("time_limit")

    # gain per open site: close it, keep the others, assign again
    gain_cost = np.full(n_sites, np.nan)
    gain_served = np.full(n_sites, np.nan)
    t0 = time.perf_counter()
    if gains:
        if not capacitated:
            m = is_open[dest]
            s1, c1 = after["site"], after["cost"]
            s2, c2 = allocation.nearest_assignment(orig[m], dest[m], cost[m], n, rank=2)
            served = s1 >= 0
            has2 = served & (s2 >= 0)
            lost = served & (s2 < 0)
            d_cost = np.zeros(n)
            d_cost[has2] = weights[has2] * (c2[has2] - c1[has2])
            d_cost[lost] = -weights[lost] * c1[lost]
            idx = np.flatnonzero(served)
            gc = np.bincount(s1[idx], weights=d_cost[idx], minlength=n_sites)
            li = np.flatnonzero(lost)
            gs = np.bincount(s1[li], weights=weights[li], minlength=n_sites)
            gain_cost[is_open] = gc[is_open]
            gain_served[is_open] = gs[is_open]
        else:
            # one transport problem per open site, within the time left: the chosen candidates first,
            # then the existing sites by load (largest first); the rest stays NaN (counted)
            idle = is_open & (after["load"] <= 0)
            gain_cost[idle] = 0.0
            gain_served[idle] = 0.0
            todo = np.flatnonzero(is_open & ~idle)
            todo = todo[np.lexsort((todo, -after["load"][todo], todo < n_existing))]
            stop = clock.stopper(should_stop)
            for j in todo.tolist():
                if should_stop is not None and should_stop():
                    raise LocationCancelled()
                if clock.expired():
                    break
                closed = is_open.copy()
                closed[j] = False
                try:
                    ev = _evaluate_cap(orig, dest, cost, weights, capacity, closed, stop)
                except LocationCancelled:
                    if should_stop is not None and should_stop():
                        raise
                    break  # the deadline passed inside this one: its gain stays NaN
                gain_served[j] = after["served"] - ev["served"]
                gain_cost[j] = ev["cost_total"] - after["cost_total"]
    timings["gains"] = time.perf_counter() - t0
    gains_missing = int(np.sum(is_open & np.isnan(gain_cost))) if gains else 0
    if gains_missing:
        warnings.append("gains_missing")
    gain = gain_served.copy() if model == MODEL_COVERAGE else gain_cost.copy()

    total = float(weights.sum())
    if capacitated and after["served"] < total - 1e-9 * max(1.0, total):
        warnings.append("capacity_short")
    unreachable_demand = float(weights[unreachable].sum())
    if unreachable_demand > 0 or unreachable.any():
        warnings.append("unreachable")
    served = after["served"]
    sb = before["served"]
    return LocationResult(
        open=is_open, selected=np.flatnonzero(is_open[n_existing:]) + n_existing,
        load=after["load"], load_before=before["load"],
        gain=gain, gain_cost=gain_cost, gain_served=gain_served,
        part_orig=after["part_orig"], part_site=after["part_site"], part_amount=after["part_amount"],
        part_cost=after["part_cost"],
        site=after["site"], cost=after["cost"], site_before=before["site"], cost_before=before["cost"],
        unreachable=unreachable, unreachable_demand=unreachable_demand,
        total_demand=total, served=served, served_before=sb,
        cost_total=after["cost_total"], cost_total_before=before["cost_total"],
        mean_cost=after["cost_total"] / served if served > 0 else float("nan"),
        mean_cost_before=before["cost_total"] / sb if sb > 0 else float("nan"),
        status=status, gap=gap, gap_served=gap_served, solver=SOLVER, model=model, p=p,
        seconds=time.perf_counter() - started, stages=info["stages"], n_groups=info["n_groups"],
        n_pairs=info["n_pairs"], warnings=warnings, capacity=capacity, gains_missing=gains_missing,
        timings=timings, fallback=bool(info.get("fallback", False)),
    )


# ---------------------------------------------------------------------------
# pairs from the street network

class CostsTimeUp(Exception):
    """The deadline passed while the travel costs were computed (``done`` of ``total`` searches)."""

    def __init__(self, done, total):
        super().__init__("{} of {} searches".format(done, total))
        self.done, self.total = done, total


def all_network_pairs(routing, max_cost=None, should_stop=None, clock=None, chunk_cells=20_000_000):
    """Every pair demand point -> site within *max_cost* (capacitated model), one bounded search per site.

    Location set 0 of *routing* is the demand, set 1 the sites. Polls *should_stop*
    (:class:`LocationCancelled`) and *clock* (:class:`CostsTimeUp`) between blocks of searches.
    Returns ``(orig, dest, cost)`` sorted by origin, then site.
    """
    limit = None if max_cost is None else float(max_cost)
    o_local = routing.located(0)
    s_local = routing.located(1)
    chunk = routing.rows_per_search(chunk_cells)
    oi, di, cc = [], [], []
    for start in range(0, s_local.size, chunk):
        _check(should_stop)
        if clock is not None and clock.expired():
            raise CostsTimeUp(start, s_local.size)
        sub = routing.cost_rows(1, s_local[start:start + chunk], 0, limit=limit, toward=True)
        ok = np.isfinite(sub)
        if limit is not None:
            ok &= sub <= limit
        r, c = np.nonzero(ok)
        oi.append(o_local[c])
        di.append(s_local[start + r])
        cc.append(sub[r, c])
    if not oi:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    oi, di, cc = np.concatenate(oi), np.concatenate(di), np.concatenate(cc)
    order = np.lexsort((di, oi))
    return oi[order].astype(np.int64), di[order].astype(np.int64), cc[order]


# pairs from the street network, pruned without changing any result (models 0 and 1)

def _second_existing_bound(routing, n_existing, o_local, rounds=3):
    """Upper bound on every origin's cost to its second cheapest existing site (inf: fewer than two in reach).

    For a split of the existing sites into two halves A and B, an origin reaches one site of A at cost
    e_A and another of B at e_B, so its second cheapest existing site costs at most max(e_A, e_B); the
    best of a few random splits is used (one multi-source search per half).
    """
    bound = np.full(o_local.size, np.inf)
    if n_existing < 2:
        return bound
    rng = np.random.default_rng(12345)
    for _ in range(rounds):
        half = rng.permutation(n_existing) < n_existing // 2
        costs = []
        for part in (np.flatnonzero(half), np.flatnonzero(~half)):
            _fac, cost, _status = routing.nearest(0, 1, subset=part)
            costs.append(np.asarray(cost, dtype=float)[o_local])
        bound = np.minimum(bound, np.maximum(costs[0], costs[1]))
    return bound


def pruned_network_pairs(routing, n_existing, max_cost=None, should_stop=None, chunk_cells=20_000_000,
                         clock=None):
    """The pairs the uncapacitated models need, from a prepared :class:`..network.Routing`.

    Location set 0 of *routing* is the demand, set 1 the sites (existing first). For every
    demand point: its two cheapest existing sites, and the candidates cheaper than the second
    of them (all reachable candidates when it reaches fewer than two existing sites). The
    cheapest and the second cheapest open site of any set of open sites are among these pairs
    (existing sites are always open), so the optimum, the assignment and every gain are the
    same as with all pairs. Pairs beyond *max_cost* are left out. Returns ``(orig, dest, cost)``
    sorted by origin.

    The searches from the sites stop at the largest upper bound on a demand point's second
    cheapest existing site (:func:`_second_existing_bound`); demand points without such a bound
    (fewer than two existing sites in reach, e.g. on a network island) get a search of their own.
    """
    limit = np.inf if max_cost is None else float(max_cost)
    o_local = routing.located(0)
    s_local = routing.located(1)
    n_o = o_local.size
    chunk = routing.rows_per_search(chunk_cells)
    n_searches = [0]

    def poll(done):
        _check(should_stop)
        if clock is not None and clock.expired():
            raise CostsTimeUp(done, n_searches[0])

    poll(0)
    bound2 = _second_existing_bound(routing, n_existing, o_local)
    lonely = ~np.isfinite(bound2)
    n_lonely = int(lonely.sum())
    n_searches[0] = n_lonely + s_local.size
    search = limit
    if (~lonely).any():
        search = min(limit, float(bound2[~lonely].max()) * (1 + 1e-9) + 1e-9)
    # the demand points without a finite bound: one search each, from the point (forward graph)
    lonely_pairs = None
    if lonely.any():
        li = np.flatnonzero(lonely)
        rows_o, rows_s, rows_c = [], [], []
        for start in range(0, li.size, chunk):
            poll(start)
            idx = li[start:start + chunk]
            sub = routing.cost_rows(0, o_local[idx], 1, limit=limit)
            r, c = np.nonzero(np.isfinite(sub) & (sub <= limit))
            rows_o.append(idx[r])
            rows_s.append(s_local[c])
            rows_c.append(sub[r, c])
        lonely_pairs = (np.concatenate(rows_o), np.concatenate(rows_s), np.concatenate(rows_c))
    best = np.full((2, n_o), np.inf)
    best_site = np.full((2, n_o), -1, dtype=np.int64)
    ex = s_local < n_existing

    def merge(allc, alls):
        order = np.lexsort((alls, allc), axis=0)[:2]
        return np.take_along_axis(allc, order, axis=0), np.take_along_axis(alls, order, axis=0)

    e_local = s_local[ex]
    for start in range(0, e_local.size, chunk):
        poll(n_lonely + start)
        sub = routing.cost_rows(1, e_local[start:start + chunk], 0, limit=search, toward=True)
        sub[sub > limit] = np.inf
        sub[:, lonely] = np.inf
        best, best_site = merge(np.vstack([best, sub]),
                                np.vstack([best_site, np.repeat(e_local[start:start + chunk, None], n_o, axis=1)]))
    if lonely_pairs is not None:
        lo, ls, lc = lonely_pairs
        m = ls < n_existing
        # per lonely point: its two cheapest existing sites (ties to the lower index)
        eo, es, ec = lo[m], ls[m], lc[m]
        for rank in range(2):
            site, cost_ = allocation.nearest_assignment(eo, es, ec, n_o, rank=rank + 1)
            got = site >= 0
            best[rank, got] = cost_[got]
            best_site[rank, got] = site[got]
    oi, di, cc = [], [], []
    for r in range(2):
        ok = np.isfinite(best[r])
        oi.append(o_local[ok])
        di.append(best_site[r][ok])
        cc.append(best[r][ok])
    bound = best[1]
    c_local = s_local[~ex]
    for start in range(0, c_local.size, chunk):
        poll(n_lonely + e_local.size + start)
        sub = routing.cost_rows(1, c_local[start:start + chunk], 0, limit=search, toward=True)
        keep = np.isfinite(sub) & (sub <= limit) & (sub < bound[None, :]) & ~lonely[None, :]
        r, c = np.nonzero(keep)
        oi.append(o_local[c])
        di.append(c_local[start + r])
        cc.append(sub[r, c])
    if lonely_pairs is not None:
        lo, ls, lc = lonely_pairs
        m = (ls >= n_existing) & (lc < bound[lo])
        oi.append(o_local[lo[m]])
        di.append(ls[m])
        cc.append(lc[m])
    oi, di, cc = np.concatenate(oi), np.concatenate(di), np.concatenate(cc)
    order = np.lexsort((di, oi))
    return oi[order].astype(np.int64), di[order].astype(np.int64), cc[order]
