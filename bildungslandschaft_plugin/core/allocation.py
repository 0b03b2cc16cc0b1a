"""Capacity-aware allocation of demand to facilities (the transport problem).

Given reachable pairs ``(orig_idx, dest_idx, cost)``, demand ``P_i`` and
capacities ``cap_j``, find flows ``x_ij >= 0`` and unserved demand
``u_i >= 0`` with

    minimise    sum_ij c_ij x_ij + M sum_i u_i
    subject to  sum_j x_ij + u_i = P_i        (every unit is served or unserved)
                sum_i x_ij      <= cap_j      (capacity)
                x_ij = 0 for pairs that are not reachable.

Unserved demand
    ``u_i`` is a flow to a dummy facility of unlimited capacity and cost
    ``M = (n_fac + 1) * (max c + 1)``. ``M`` exceeds the cost increase of any
    re-routing chain (serve ``i`` at ``j1``, move ``i2`` from ``j1`` to ``j2``, ...
    visits each facility at most once, so it costs less than
    ``n_fac * max c``), so the optimum serves as much demand as the capacities
    and reachable pairs allow, and among those solutions has the least total
    cost.

Solver (exact): successive shortest paths on the facility graph
    Origins are inserted one after another; each is routed along a
    *shortest augmenting path* in the residual network: directly to a
    facility, or to a full facility ``j1`` while some origin already there
    moves on to ``j2`` and so on, until a facility with free capacity (or the
    dummy) is reached. Because facilities are few, the residual network is
    condensed to the facilities: the edge ``j -> k`` costs
    ``min_{i at j} (c_ik - c_ij)``. Shortest paths are found by Bellman-Ford on
    this small graph. The successive-shortest-path theorem keeps the flow
    optimal for the demand inserted so far, so the final flow is optimal.
    When an origin's cheapest facility still has free capacity the direct
    pair is a shortest path (every path from a facility to free capacity has
    non-negative cost at an optimum), which makes most insertions O(n_fac).

Proof of optimality (certificate, checked for every result)
    Facility prices ``pi_j = -d_j`` with ``d_j`` the shortest residual distance
    from facility ``j`` to any facility with free capacity, and
    ``y_i = min_k (c_ik - pi_k)`` (dummy included, ``pi = 0``) form a feasible
    solution of the dual LP ``max sum P_i y_i + sum cap_j pi_j``,
    ``y_i + pi_j <= c_ij``, ``pi <= 0``. The primal and dual objectives are
    compared; equal values (relative gap below 1e-9) prove by weak duality
    that the allocation is optimal (``result.gap``). If the check ever failed
    (numerical trouble), the problem is solved again with SciPy's HiGHS LP
    solver on all pairs.

A vertex solution with whole-number demand and capacities is whole-numbered:
SSP only moves amounts that are minima of whole numbers, so a demand point
is split between facilities only where capacities force it.

Identical origins (several addresses in one building, same costs) are merged
and their flows handed back in order, filling one origin before the next.
"""

import time

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

GAP_TOLERANCE = 1e-9


class AllocationError(ValueError):
    """Invalid input (``code``: demand, capacity, cost, pair_shape, orig_index,
    dest_index) or solver failure (``solver``). ``index`` = first bad element."""

    def __init__(self, code, index=None, message=""):
        super().__init__("{} {} {}".format(code, index, message).strip())
        self.code = code
        self.index = index
        self.message = message


class AllocationCancelled(Exception):
    """Raised when ``should_stop()`` returned True."""


class AllocationResult:
    """Result of :func:`allocate`.

    Parts (one per served piece of a demand point with positive demand, plus
    one per unserved piece): ``part_orig``, ``part_dest`` (-1 = unserved),
    ``part_amount``, ``part_cost`` (NaN for unserved).
    Per origin: ``assigned``, ``unserved``, ``nearest_dest`` (-1 = none
    reachable), ``nearest_cost``.
    Per facility: ``load``, ``load_nearest``.
    Totals: ``total_cost``, ``mean_cost`` (per assigned unit),
    ``nearest_total_cost``, ``nearest_mean_cost``, ``total_demand``,
    ``total_assigned``, ``total_unserved``.
    Diagnostics: ``solver`` ("ssp" or "highs"), ``gap`` (relative duality gap
    of the certificate), ``augmentations``, ``n_pairs``, ``n_groups``,
    ``seconds`` (solver time), ``dual_y`` (dual value per origin with demand,
    SSP only), ``radius`` and ``rounds`` (see :func:`allocate_widening`).
    """

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def overloaded_nearest(self, capacity, tol=1e-9):
        """Facility indices whose nearest-assignment load exceeds the capacity."""
        capacity = np.asarray(capacity, dtype=float)
        return np.flatnonzero(self.load_nearest > capacity + tol)


def _validate(orig, dest, cost, demand, capacity):
    demand = np.asarray(demand, dtype=float)
    capacity = np.asarray(capacity, dtype=float)
    bad = ~np.isfinite(demand) | (demand < 0)
    if bad.any():
        raise AllocationError("demand", int(np.argmax(bad)))
    bad = ~np.isfinite(capacity) | (capacity < 0)
    if bad.any():
        raise AllocationError("capacity", int(np.argmax(bad)))
    orig = np.asarray(orig, dtype=np.int64)
    dest = np.asarray(dest, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    if not (orig.shape == dest.shape == cost.shape) or orig.ndim != 1:
        raise AllocationError("pair_shape")
    if orig.size:
        bad = (orig < 0) | (orig >= demand.size)
        if bad.any():
            raise AllocationError("orig_index", int(np.argmax(bad)))
        bad = (dest < 0) | (dest >= capacity.size)
        if bad.any():
            raise AllocationError("dest_index", int(np.argmax(bad)))
        bad = ~np.isfinite(cost) | (cost < 0)
        if bad.any():
            raise AllocationError("cost", int(np.argmax(bad)))
    return orig, dest, cost, demand, capacity


def nearest_assignment(orig, dest, cost, n_orig, rank=1):
    """Cheapest (``rank=1``) or second cheapest (``rank=2``) facility of every origin: (dest index or -1, cost or NaN).

    Ties go to the facility listed first (lowest index). The one "nearest open site" selection of
    the plugin (allocation, location planning).
    """
    orig = np.asarray(orig, dtype=np.int64)
    dest = np.asarray(dest, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    nearest = np.full(n_orig, -1, dtype=np.int64)
    ncost = np.full(n_orig, np.nan)
    if orig.size == 0:
        return nearest, ncost
    order = np.lexsort((dest, cost, orig))
    o = orig[order]
    first = np.ones(o.size, dtype=bool)
    first[1:] = o[1:] != o[:-1]
    pos = np.flatnonzero(first)
    if rank == 2:
        pos = pos + 1
        pos = pos[pos < o.size]
        pos = pos[o[pos] == o[pos - 1]]
    elif rank != 1:
        raise ValueError("rank must be 1 or 2")
    sel = order[pos]
    nearest[orig[sel]] = dest[sel]
    ncost[orig[sel]] = cost[sel]
    return nearest, ncost


def _group_origins(orig, dest, cost, active):
    """Merge active origins with identical pair sets -> (group_of, n_groups)."""
    n_orig = active.size
    order = np.lexsort((dest, orig))
    o, d, c = orig[order], dest[order], cost[order]
    starts = np.searchsorted(o, np.arange(n_orig + 1))
    group_of = np.full(n_orig, -1, dtype=np.int64)
    signatures = {}
    for i in np.flatnonzero(active):
        a, b = starts[i], starts[i + 1]
        key = (d[a:b].tobytes(), c[a:b].tobytes())
        g = signatures.get(key)
        if g is None:
            g = len(signatures)
            signatures[key] = g
        group_of[i] = g
    return group_of, len(signatures)


class _SSP:
    """Successive shortest paths on the condensed facility graph."""

    def __init__(self, cmat, capacity):
        self.c = cmat                      # (n, m+1), inf = unreachable, last column dummy
        self.n, self.m1 = cmat.shape
        self.free = np.append(capacity.astype(float), np.inf)
        self.members = [dict() for _ in range(self.m1)]   # facility -> {origin: flow}
        self.w = np.full((self.m1, self.m1), np.inf)      # condensed edge costs
        self.arg = np.full((self.m1, self.m1), -1, dtype=np.int64)
        self.augmentations = 0
        self._cols = np.arange(self.m1)
        scale = float(np.max(cmat[np.isfinite(cmat)])) if np.isfinite(cmat).any() else 1.0
        self.eps = 1e-12 * max(scale, 1.0)
        self.tol = 1e-12 * max(float(np.sum(capacity[np.isfinite(capacity)])), 1.0)

    def _recompute(self, j):
        mem = self.members[j]
        if not mem:
            self.w[j] = np.inf
            self.arg[j] = -1
            return
        idx = np.fromiter(mem.keys(), dtype=np.int64, count=len(mem))
        block = self.c[idx] - self.c[idx, j][:, None]
        pos = np.argmin(block, axis=0)
        self.w[j] = block[pos, self._cols]
        self.arg[j] = idx[pos]
        self.w[j, j] = np.inf
        self.arg[j, j] = -1

    def _add_member(self, i, j, amount):
        mem = self.members[j]
        if i in mem:
            mem[i] += amount
            return
        mem[i] = amount
        row = self.c[i] - self.c[i, j]
        better = row < self.w[j]
        better[j] = False
        self.w[j, better] = row[better]
        self.arg[j, better] = i

    def _take(self, i, j, amount):
        """Remove *amount* of origin i's flow at j; True when i left j."""
        mem = self.members[j]
        left = mem[i] - amount
        if left <= self.tol:
            del mem[i]
            return True
        mem[i] = left
        return False

    def insert(self, i, demand):
        row = self.c[i]
        remaining = float(demand)
        while remaining > self.tol:
            near = int(np.argmin(row))
            if self.free[near] > self.tol:
                # direct pair to the cheapest facility is a shortest path
                amount = min(remaining, self.free[near])
                self._add_member(i, near, amount)
                self.free[near] -= amount
                remaining -= amount
                self.augmentations += 1
                continue
            dist = row.copy()
            pred = np.full(self.m1, -1, dtype=np.int64)
            # Only full facilities are useful intermediate nodes: a path that
            # passes an open facility could stop there at no higher cost.
            full = np.flatnonzero(self.free <= self.tol)
            w_full = self.w[full]
            for _ in range(full.size + 1):
                cand = dist[full][:, None] + w_full
                via = np.argmin(cand, axis=0)
                best = cand[via, self._cols]
                improve = best < dist - self.eps
                if not improve.any():
                    break
                dist[improve] = best[improve]
                pred[improve] = full[via[improve]]
            open_ = self.free > self.tol
            target = int(np.flatnonzero(open_)[np.argmin(dist[open_])])
            if not np.isfinite(dist[target]):
                raise AllocationError("solver", message="no augmenting path")
            path = [target]
            seen = {target}
            while pred[path[-1]] >= 0:
                nxt = int(pred[path[-1]])
                if nxt in seen:
                    raise AllocationError("solver", message="cycle in augmenting path")
                seen.add(nxt)
                path.append(nxt)
            path.reverse()                       # path[0] is reached directly from i
            amount = min(remaining, self.free[target])
            moves = []
            for a, b in zip(path[:-1], path[1:]):
                o = int(self.arg[a, b])
                moves.append((o, a, b))
                amount = min(amount, self.members[a][o])
            changed = {path[0], target}
            self._add_member(i, path[0], amount)
            for o, a, b in moves:
                self._take(o, a, amount)
                self._add_member(o, b, amount)
                changed.add(a)
            self.free[target] -= amount
            remaining -= amount
            self.augmentations += 1
            for j in changed:
                self._recompute(j)

    def flows(self):
        rows, cols, vals = [], [], []
        for j, mem in enumerate(self.members):
            for i, x in mem.items():
                rows.append(i)
                cols.append(j)
                vals.append(x)
        return (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
                np.asarray(vals, dtype=float))

    def certificate_gap(self, demand, capacity):
        """Relative gap between the primal cost and a dual bound (see module doc)."""
        for j in range(self.m1):
            self._recompute(j)
        d = np.where(self.free > self.tol, 0.0, np.inf)
        for _ in range(self.m1 + 1):
            new = np.minimum(d, np.min(self.w + d[None, :], axis=1))
            if np.array_equal(new, d):
                break
            d = new
        if np.any(d < -1e-9 * max(1.0, float(np.max(np.abs(d[np.isfinite(d)]), initial=1.0)))):
            return np.inf
        # Only facilities without any reachable pair (capacity 0) have no
        # finite distance; their column is unreachable, so any price <= 0 works.
        cap_all = np.append(capacity, np.inf)
        pi = -np.where(np.isfinite(d), d, 0.0)
        y = np.min(self.c - pi[None, :], axis=1)
        self.y = y
        rows, cols, vals = self.flows()
        primal = float(np.sum(vals * self.c[rows, cols]))
        finite_cap = np.isfinite(cap_all)
        dual = float(np.sum(demand * y) + np.sum(cap_all[finite_cap] * pi[finite_cap]))
        return abs(primal - dual) / max(1.0, abs(primal))


def solve_lp(orig, dest, cost, demand, capacity, penalty):
    """The same problem as one HiGHS LP on all pairs -> (x per pair, u per origin).

    Used as the fallback and, in the tests, as an independent second method.
    """
    n_o = demand.size
    n_fac = capacity.size
    n_p = orig.size
    c = np.concatenate([cost, np.full(n_o, penalty)])
    rows = np.concatenate([orig, np.arange(n_o)])
    cols = np.arange(n_p + n_o)
    a_eq = sparse.csr_matrix((np.ones(n_p + n_o), (rows, cols)), shape=(n_o, n_p + n_o))
    a_ub = sparse.csr_matrix((np.ones(n_p), (dest, np.arange(n_p))), shape=(n_fac, n_p + n_o))
    res = linprog(c, A_ub=a_ub, b_ub=capacity, A_eq=a_eq, b_eq=demand,
                  bounds=(0, None), method="highs-ds")
    if res.status != 0:
        raise AllocationError("solver", message=str(res.message))
    return res.x[:n_p], res.x[n_p:]


def allocate(orig, dest, cost, demand, capacity, should_stop=None, aggregate=True,
             solver="ssp"):
    """Solve the capacity-aware allocation exactly. See the module docstring.

    Parameters
    ----------
    orig, dest, cost : reachable pairs (each pair once).
    demand : (n_orig,) weights >= 0.
    capacity : (n_fac,) capacities >= 0.
    should_stop : optional callable, polled now and then; True aborts with
        :class:`AllocationCancelled`.
    aggregate : merge identical origins.
    solver : ``"ssp"`` (default, with certificate and HiGHS fallback) or
        ``"highs"`` (one LP on all pairs).

    Returns
    -------
    :class:`AllocationResult`
    """
    started = time.perf_counter()
    orig, dest, cost, demand, capacity = _validate(orig, dest, cost, demand, capacity)
    n_orig, n_fac = demand.size, capacity.size

    nearest, ncost = nearest_assignment(orig, dest, cost, n_orig)
    has_near = nearest >= 0
    load_nearest = np.bincount(nearest[has_near], weights=demand[has_near],
                               minlength=n_fac).astype(float)
    nearest_total = float(np.sum(demand[has_near] * ncost[has_near]))
    near_assigned = float(demand[has_near].sum())

    active = demand > 0
    keep = active[orig] & (capacity[dest] > 0)
    orig, dest, cost = orig[keep], dest[keep], cost[keep]

    if aggregate:
        group_of, n_groups = _group_origins(orig, dest, cost, active)
    else:
        group_of = np.full(n_orig, -1, dtype=np.int64)
        group_of[active] = np.arange(int(active.sum()))
        n_groups = int(active.sum())
    act_idx = np.flatnonzero(active)
    g_demand = np.bincount(group_of[act_idx], weights=demand[act_idx], minlength=n_groups)
    rep = np.full(n_groups, -1, dtype=np.int64)
    rep[group_of[act_idx[::-1]]] = act_idx[::-1]
    is_rep = np.zeros(n_orig, dtype=bool)
    is_rep[rep[rep >= 0]] = True
    sel = is_rep[orig]
    p_orig = group_of[orig[sel]]
    p_dest = dest[sel]
    p_cost = cost[sel]

    max_c = float(p_cost.max()) if p_cost.size else 0.0
    penalty = (n_fac + 1) * (max_c + 1.0)

    gap = float("nan")
    dual_y = None
    augmentations = 0
    used = solver
    g_rows = g_cols = g_vals = None
    cmat = np.full((n_groups, n_fac + 1), np.inf)
    cmat[p_orig, p_dest] = p_cost
    cmat[:, n_fac] = penalty
    if solver == "ssp" and n_groups:
        ssp = _SSP(cmat, capacity)
        # cheapest origins first: fewer re-routings later
        order = np.argsort(cmat.min(axis=1), kind="stable")
        for step, g in enumerate(order):
            if should_stop is not None and step % 256 == 0 and should_stop():
                raise AllocationCancelled()
            ssp.insert(int(g), g_demand[g])
        augmentations = ssp.augmentations
        gap = ssp.certificate_gap(g_demand, capacity)
        if gap <= GAP_TOLERANCE:
            g_rows, g_cols, g_vals = ssp.flows()
            dual_y = np.full(n_orig, np.nan)
            dual_y[act_idx] = ssp.y[group_of[act_idx]]
        else:
            used = "highs"
    elif n_groups:
        used = "highs"
    if used == "highs" and n_groups:
        x, u = solve_lp(p_orig, p_dest, p_cost, g_demand, capacity, penalty)
        x = np.where(x > 1e-9, x, 0.0)
        u = np.where(u > 1e-9, u, 0.0)
        nz = np.flatnonzero(x)
        unz = np.flatnonzero(u)
        g_rows = np.concatenate([p_orig[nz], unz])
        g_cols = np.concatenate([p_dest[nz], np.full(unz.size, n_fac)])
        g_vals = np.concatenate([x[nz], u[unz]])
    if g_rows is None:
        g_rows = np.zeros(0, dtype=np.int64)
        g_cols = np.zeros(0, dtype=np.int64)
        g_vals = np.zeros(0)

    integral = (np.allclose(demand, np.round(demand)) and
                np.allclose(capacity, np.round(capacity)))
    if integral:
        rounded = np.round(g_vals)
        g_vals = np.where(np.abs(g_vals - rounded) < 1e-6, rounded, g_vals)
    keep = g_vals > 0
    g_rows, g_cols, g_vals = g_rows[keep], g_cols[keep], g_vals[keep]


    # Hand the group flows back to the member origins, cheapest part first.
    members = {}
    for i in act_idx.tolist():
        members.setdefault(int(group_of[i]), []).append(i)
    pieces_by_group = {}
    for g_, d_, a_ in zip(g_rows.tolist(), g_cols.tolist(), g_vals.tolist()):
        if d_ == n_fac:
            pieces_by_group.setdefault(g_, []).append([float("inf"), -1, a_])
        else:
            pieces_by_group.setdefault(g_, []).append([float(cmat[g_, d_]), d_, a_])
    parts_o, parts_d, parts_a, parts_c = [], [], [], []
    for g in range(n_groups):
        pieces = sorted(pieces_by_group.get(g, []), key=lambda p: (p[0], p[1]))
        pos = 0
        for i in members.get(g, []):
            need = float(demand[i])
            while need > 0 and pos < len(pieces):
                c_, d_, amount = pieces[pos]
                take = min(need, amount)
                if take > 0:
                    parts_o.append(i)
                    parts_d.append(d_)
                    parts_a.append(take)
                    parts_c.append(c_ if d_ >= 0 else float("nan"))
                need -= take
                pieces[pos][2] = amount - take
                if pieces[pos][2] <= 1e-9 * max(1.0, amount):
                    pos += 1
            if need > 1e-9 * max(1.0, float(demand[i])):
                parts_o.append(i)
                parts_d.append(-1)
                parts_a.append(need)
                parts_c.append(float("nan"))

    part_orig = np.asarray(parts_o, dtype=np.int64)
    part_dest = np.asarray(parts_d, dtype=np.int64)
    part_amount = np.asarray(parts_a, dtype=float)
    part_cost = np.asarray(parts_c, dtype=float)
    served = part_dest >= 0
    load = np.bincount(part_dest[served], weights=part_amount[served], minlength=n_fac).astype(float)
    assigned = np.bincount(part_orig[served], weights=part_amount[served], minlength=n_orig).astype(float)
    unserved = np.bincount(part_orig[~served], weights=part_amount[~served],
                           minlength=n_orig).astype(float)
    total_cost = float(np.sum(part_amount[served] * part_cost[served]))
    total_assigned = float(part_amount[served].sum())
    return AllocationResult(
        part_orig=part_orig, part_dest=part_dest, part_amount=part_amount, part_cost=part_cost,
        assigned=assigned, unserved=unserved, load=load,
        nearest_dest=nearest, nearest_cost=ncost, load_nearest=load_nearest,
        total_cost=total_cost,
        mean_cost=total_cost / total_assigned if total_assigned > 0 else float("nan"),
        nearest_total_cost=nearest_total,
        nearest_mean_cost=nearest_total / near_assigned if near_assigned > 0 else float("nan"),
        total_demand=float(demand.sum()), total_assigned=total_assigned,
        total_unserved=float(unserved.sum()),
        solver=used, gap=gap, augmentations=augmentations, dual_y=dual_y, radius=None, rounds=1,
        seconds=time.perf_counter() - started,
        n_pairs=int(p_orig.size), n_groups=n_groups,
    )


def allocate_widening(pairs_within, nearest_cost, demand, capacity, limit=None, should_stop=None):
    """:func:`allocate` with the pairs of a bounded search, widened until provably optimal.

    For a street network the full origin-destination matrix is the expensive
    part; bounded searches are much cheaper. ``pairs_within(r)`` returns all
    pairs with cost <= r (``r = None``: no bound). ``nearest_cost`` is every
    origin's cost to its nearest facility (inf when none is reachable).

    Round 1 uses r = 1.5 x the largest nearest cost of the origins with demand,
    so every origin's nearest facility is a candidate. The result of a round is
    optimal for the whole problem when every origin with demand is served and
    its dual value ``y_i <= r``: a pair left out costs ``c_ij > r >= y_i``, so with
    ``pi_j <= 0`` it satisfies the dual constraint ``y_i + pi_j <= c_ij`` and the
    duality certificate of the round covers every pair. Otherwise r is doubled
    (at least to ``max y_i``); with unserved demand, or when the certificate fell
    back to HiGHS, the next round uses every pair. *limit* (MAX_COST) caps r.
    ``result.radius`` is the bound of the final round (None = all pairs),
    ``result.rounds`` the number of rounds.
    """
    demand = np.asarray(demand, dtype=float)
    nearest_cost = np.asarray(nearest_cost, dtype=float)
    reach = np.isfinite(nearest_cost) & (demand > 0)
    if limit is not None:
        reach &= nearest_cost <= limit
    radius = None
    if reach.any():
        radius = max(1.5 * float(nearest_cost[reach].max()), 1e-9)
    rounds = 0
    seconds = 0.0
    while True:
        final = radius is None or (limit is not None and radius >= limit)
        r = limit if final else radius
        orig, dest, cost = pairs_within(r)
        result = allocate(orig, dest, cost, demand, capacity, should_stop=should_stop)
        rounds += 1
        seconds += result.seconds
        if final:
            break
        if result.solver != "ssp" or result.unserved[reach].sum() > 0:
            radius = None
            continue
        y_max = float(np.max(result.dual_y[reach]))
        if y_max <= r * (1 + 1e-12):
            break
        radius = max(2.0 * r, y_max * 1.001)
    result.radius = r
    result.rounds = rounds
    result.seconds = seconds
    return result
