"""Floating-catchment (2SFCA family) and gravity accessibility.

Pure numpy. Inputs are *sparse* origin-destination pairs
``(orig_idx, dest_idx, cost)`` (1-D arrays of equal length; pairs that are
not given are "not reachable"), the demand ``P_i`` per origin and the supply
``S_j`` per facility. The semantics are those of the PySAL ``access``
package (Saxon et al.); see ``docs/supply_demand.md`` and the reference
tests in ``tests/test_fsca.py``.

With catchment ``d0`` (``max_cost``) and distance weight ``f``:

* 2SFCA (``TWO_STEP``): ``f = 1`` within ``d0``.
* E2SFCA (``ENHANCED``): step weights ``f(c) = w_k`` for the first
  threshold ``t_k >= c``; 0 beyond the last threshold.
* Gaussian 2SFCA (``GAUSSIAN``): ``f(c) = exp(-c^2 / (2 sigma^2))``.
* Step 1: ``R_j = S_j / sum_i P_i f(c_ij)``; step 2:
  ``A_i = sum_j R_j f(c_ij)`` (sums over pairs with ``c_ij <= d0``).
* 3SFCA (``THREE_STEP``): selection weight
  ``G_ij = f(c_ij) / sum_k f(c_ik)`` (over the facilities in the catchment of
  ``i``), then as 2SFCA with ``f * G``. ``f`` are the step weights.
* Gravity / Hansen (``GRAVITY``):
  ``A_i = sum_j S_j max(c_ij, c_min)^(-beta)`` (within ``d0``).
* Normalised access: ``A_i / (sum_i P_i A_i / sum_i P_i)``.

Differences from PySAL, all documented: an origin that reaches no facility
gets access 0 (PySAL: missing); a facility whose catchment holds no weighted
demand gets ratio NaN (PySAL: inf or missing) and adds nothing to access.
Normalisation treats both the same way as PySAL does (missing counts as 0 in
the weighted mean, all demand in the denominator).
"""

import math

import numpy as np

TWO_STEP = 0
ENHANCED = 1
GAUSSIAN = 2
THREE_STEP = 3
GRAVITY = 4
METHODS = (TWO_STEP, ENHANCED, GAUSSIAN, THREE_STEP, GRAVITY)

DEFAULT_STEPS = "10:1;20:0.68;30:0.22"
"""The E2SFCA weights of Luo & Qi (2009), also PySAL's default."""


class StepsError(ValueError):
    """A step-weight text that cannot be read.

    ``code``: ``"empty"``, ``"syntax"`` (``part`` holds the bad part),
    ``"negative"`` (``part``), ``"order"`` (thresholds not increasing).
    """

    def __init__(self, code, part=""):
        super().__init__("{}: {}".format(code, part))
        self.code = code
        self.part = part


class FscaError(ValueError):
    """Invalid numeric input. ``code`` names the problem, ``index`` the first bad element."""

    def __init__(self, code, index=None):
        super().__init__("{} (index {})".format(code, index))
        self.code = code
        self.index = index


def parse_steps(text):
    """``"10:1;20:0.68;30:0.22"`` -> (thresholds, weights) as float arrays.

    Parts are separated by ``;``; each part is ``threshold:weight``. A decimal
    comma is accepted (``0,68``). Thresholds must increase strictly and all
    numbers must be finite and non-negative.
    """
    if text is None or not str(text).strip():
        raise StepsError("empty")
    thresholds, weights = [], []
    for part in str(text).split(";"):
        part = part.strip()
        if not part:
            continue
        pieces = part.split(":")
        if len(pieces) != 2:
            raise StepsError("syntax", part)
        try:
            t = float(pieces[0].strip().replace(",", "."))
            w = float(pieces[1].strip().replace(",", "."))
        except ValueError:
            raise StepsError("syntax", part) from None
        if not (math.isfinite(t) and math.isfinite(w)):
            raise StepsError("syntax", part)
        if t < 0 or w < 0:
            raise StepsError("negative", part)
        thresholds.append(t)
        weights.append(w)
    if not thresholds:
        raise StepsError("empty")
    if any(b <= a for a, b in zip(thresholds, thresholds[1:])):
        raise StepsError("order")
    return np.asarray(thresholds, dtype=float), np.asarray(weights, dtype=float)


def step_weights(cost, thresholds, weights):
    """Weight of the first threshold ``>= cost``; 0 beyond the last one."""
    cost = np.asarray(cost, dtype=float)
    pos = np.searchsorted(thresholds, cost, side="left")
    out = np.zeros(cost.shape, dtype=float)
    inside = pos < len(thresholds)
    out[inside] = weights[pos[inside]]
    return out


def gaussian_weights(cost, sigma):
    """``exp(-c^2 / (2 sigma^2))`` (f(0) = 1, no normalising constant, as PySAL)."""
    cost = np.asarray(cost, dtype=float)
    return np.exp(-cost * cost / (2.0 * float(sigma) ** 2))


def gravity_weights(cost, beta, min_cost):
    """``max(c, c_min)^(-beta)``."""
    cost = np.maximum(np.asarray(cost, dtype=float), float(min_cost))
    return np.power(cost, -float(beta))


def _check_pairs(orig, dest, cost, n_orig, n_dest):
    orig = np.asarray(orig, dtype=np.int64)
    dest = np.asarray(dest, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    if not (orig.shape == dest.shape == cost.shape) or orig.ndim != 1:
        raise FscaError("pair_shape")
    if orig.size:
        if orig.min() < 0 or orig.max() >= n_orig:
            raise FscaError("orig_index", int(np.argmax((orig < 0) | (orig >= n_orig))))
        if dest.min() < 0 or dest.max() >= n_dest:
            raise FscaError("dest_index", int(np.argmax((dest < 0) | (dest >= n_dest))))
        bad = ~np.isfinite(cost) | (cost < 0)
        if bad.any():
            raise FscaError("cost", int(np.argmax(bad)))
    return orig, dest, cost


def _check_values(values, code):
    values = np.asarray(values, dtype=float)
    bad = ~np.isfinite(values) | (values < 0)
    if bad.any():
        raise FscaError(code, int(np.argmax(bad)))
    return values


def normalize_access(access, demand):
    """``A_i`` divided by the demand-weighted mean of ``A`` (NaN counts as 0).

    Returns ``access`` unchanged (a copy) when the weighted mean is 0 or
    there is no demand; the caller decides whether to warn.
    """
    access = np.asarray(access, dtype=float)
    demand = np.asarray(demand, dtype=float)
    total = demand.sum()
    if total <= 0:
        return access.copy()
    mean = np.nansum(access * demand) / total
    if not mean > 0:
        return access.copy()
    return access / mean


def weighted_mean(values, weights):
    """Weighted mean of *values*; NaN when the weights add up to 0."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if total <= 0:
        return float("nan")
    return float(np.nansum(values * weights) / total)


def supply_demand(orig, dest, cost, demand, supply, method=TWO_STEP, max_cost=None,
                  steps=DEFAULT_STEPS, sigma=None, beta=1.0, min_cost=1.0, normalize=False):
    """Access per origin and supply-to-demand ratio per facility.

    Parameters
    ----------
    orig, dest, cost : 1-D arrays of equal length
        Reachable pairs (origin index, facility index, cost >= 0). Each pair
        should occur once (see :mod:`.odtable` for the checks on tables).
    demand : (n_orig,) weights ``P_i >= 0``.
    supply : (n_fac,) supply ``S_j >= 0``.
    method : one of :data:`METHODS`.
    max_cost : catchment ``d0``; ``None`` = no limit.
    steps : step-weight text (E2SFCA and 3SFCA) or a (thresholds, weights) tuple.
    sigma : Gaussian width (GAUSSIAN).
    beta, min_cost : gravity exponent and minimum cost (GRAVITY).
    normalize : divide access by its demand-weighted mean.

    Returns
    -------
    access : (n_orig,) float, 0 where no facility is reachable.
    ratio : (n_fac,) float ``R_j``; NaN where undefined (no weighted demand in
        the catchment, and always for GRAVITY, which has no ratio).
    """
    demand = _check_values(demand, "demand")
    supply = _check_values(supply, "supply")
    n_orig, n_fac = demand.size, supply.size
    orig, dest, cost = _check_pairs(orig, dest, cost, n_orig, n_fac)
    if method not in METHODS:
        raise FscaError("method")

    if max_cost is not None:
        keep = cost <= float(max_cost)
        orig, dest, cost = orig[keep], dest[keep], cost[keep]

    access = np.zeros(n_orig, dtype=float)
    ratio = np.full(n_fac, np.nan, dtype=float)

    if method == GRAVITY:
        if not (beta is not None and math.isfinite(float(beta)) and float(beta) >= 0):
            raise FscaError("beta")
        if not (min_cost is not None and float(min_cost) > 0):
            raise FscaError("min_cost")
        w = gravity_weights(cost, beta, min_cost)
        access = np.bincount(orig, weights=supply[dest] * w, minlength=n_orig).astype(float)
        if normalize:
            access = normalize_access(access, demand)
        return access, ratio

    if method == TWO_STEP:
        w = np.ones(cost.shape, dtype=float)
    elif method == GAUSSIAN:
        if not (sigma is not None and float(sigma) > 0 and math.isfinite(float(sigma))):
            raise FscaError("sigma")
        w = gaussian_weights(cost, sigma)
    else:  # ENHANCED, THREE_STEP
        if isinstance(steps, tuple):
            thresholds, step_w = steps
        else:
            thresholds, step_w = parse_steps(steps)
        w = step_weights(cost, np.asarray(thresholds, float), np.asarray(step_w, float))

    if method == THREE_STEP:
        wsum = np.bincount(orig, weights=w, minlength=n_orig)
        with np.errstate(invalid="ignore", divide="ignore"):
            g = np.where(wsum[orig] > 0, w / wsum[orig], 0.0)
        w = w * g

    # Step 1: weighted demand in each facility's catchment.
    weighted_demand = np.bincount(dest, weights=demand[orig] * w, minlength=n_fac)
    defined = weighted_demand > 0
    ratio[defined] = supply[defined] / weighted_demand[defined]
    # Step 2: sum the ratios an origin reaches.
    use = defined[dest]
    access = np.bincount(orig[use], weights=ratio[dest[use]] * w[use], minlength=n_orig).astype(float)
    if normalize:
        access = normalize_access(access, demand)
    return access, ratio
