"""Social index (Berlin "Monitoring Soziale Stadtentwicklung" style) and alternatives.

Plain numpy; no QGIS. Errors the user can cause raise :class:`IndexInputError`
with a ``code`` and ``details`` so that the Processing algorithm can turn them
into translated messages.

Method (default, see ``docs/social_index.md``):

* areas with a population below ``min_population`` (or without a population)
  and areas with a missing indicator value are left out of the computation and
  get no index;
* over the remaining ``n`` areas, unweighted and with the population standard
  deviation (divide by ``n``): ``z_ik = (x_ik - mean_k) / sd_k``; indicators
  where a high value means less burden get their sign flipped;
* status sum ``S_i = sum_k w_k z_ik``; status index ``SI_i = (S_i - mean S) / sd S``;
* Berlin classes: 1 "hoch" SI < -1; 2 "mittel" -1 <= SI <= 1; 3 "niedrig"
  1 < SI <= 1.5; 4 "sehr niedrig" SI > 1.5. A high index means high burden.

Class cuts compare the index after rounding to ``BOUNDARY_DECIMALS`` decimal
places, so that an index that equals a boundary in exact arithmetic (for
example 1.5 computed as 1.4999999999999998) is not pushed across it by
floating-point error.
"""

import numpy as np

METHOD_ZSCORE = 0
METHOD_MINMAX = 1
METHOD_PCA = 2

CLASS_BERLIN = 0
CLASS_QUANTILES = 1
CLASS_JENKS = 2
CLASS_EQUAL = 3

BOUNDARY_DECIMALS = 9

# Exclusion reasons (codes; the algorithm translates them).
EXCL_POPULATION_MISSING = "population_missing"
EXCL_POPULATION_SMALL = "population_small"
EXCL_VALUE_MISSING = "value_missing"
EXCL_EXPRESSION = "expression"

# Plausibility findings (see plausibility_issues)
PLAUS_SENTINEL = "sentinel"
PLAUS_SHARE = "share_range"
_SHARE_HINTS = ("anteil", "quote", "quota", "share", "rate", "prozent", "percent", "pct", "%")
_NUMERIC_CODES = (2222222222.0, 5555555555.0, 6666666666.0, 7777777777.0, 8888888888.0)


class IndexInputError(ValueError):
    """Bad input. ``code`` names the problem, ``details`` holds its parameters."""

    def __init__(self, code, message, **details):
        super().__init__(message)
        self.code = code
        self.details = details


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------
def parse_weights(text, indicators):
    """``"sgb2:2;kinderarmut:1.5"`` -> list of weights in the order of *indicators*.

    Missing indicators get weight 1. Unknown names, bad numbers and negative
    weights raise :class:`IndexInputError`.
    """
    weights = {name: 1.0 for name in indicators}
    text = (text or "").strip()
    if not text:
        return [weights[name] for name in indicators]
    lookup = {name.lower(): name for name in indicators}
    for part in text.replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if ":" not in part:
            raise IndexInputError("weight_syntax", "Weight '{}' is not of the form field:weight.".format(part),
                                  item=part)
        name, value = part.rsplit(":", 1)
        name = name.strip()
        key = lookup.get(name.lower())
        if key is None:
            raise IndexInputError("weight_unknown", "Weight for unknown indicator '{}'.".format(name),
                                  name=name, known=", ".join(indicators))
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise IndexInputError("weight_number", "Weight '{}' of '{}' is not a number.".format(value, name),
                                  name=name, value=value.strip())
        if not np.isfinite(number) or number < 0:
            raise IndexInputError("weight_negative", "Weight of '{}' must be zero or positive.".format(name),
                                  name=name, value=value.strip())
        weights[key] = number
    if sum(weights.values()) <= 0:
        raise IndexInputError("weight_zero", "All weights are zero.")
    return [weights[name] for name in indicators]


# ---------------------------------------------------------------------------
# Standardisation
# ---------------------------------------------------------------------------
def zscores(values, names=None):
    """Column-wise z-scores with the population standard deviation (ddof=0).

    A constant column (sd 0) raises :class:`IndexInputError` (code ``constant``).
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    mean = values.mean(axis=0)
    sd = values.std(axis=0, ddof=0)
    for k, s in enumerate(sd):
        if not s > 1e-12 * max(1.0, abs(mean[k])):
            name = names[k] if names is not None else str(k + 1)
            raise IndexInputError("constant", "Indicator '{}' is constant over the included areas.".format(name),
                                  name=name, value=float(mean[k]))
    return (values - mean) / sd


def standardise(values, what="status_sum"):
    """(v - mean) / sd with ddof=0 for a 1-d array; sd 0 raises ``constant_sum``."""
    values = np.asarray(values, dtype=float)
    sd = values.std(ddof=0)
    mean = values.mean()
    if not sd > 1e-12 * max(1.0, abs(mean)):
        raise IndexInputError("constant_sum", "The {} is the same for all included areas.".format(what),
                              what=what)
    return (values - mean) / sd


# ---------------------------------------------------------------------------
# Classes
# ---------------------------------------------------------------------------
def _rounded(values):
    return np.round(np.asarray(values, dtype=float), BOUNDARY_DECIMALS)


def berlin_classes(index):
    """Berlin status classes 1..4 of a standardised index (see module doc)."""
    v = _rounded(index)
    classes = np.full(v.shape, 2, dtype=int)
    classes[v < -1.0] = 1
    classes[v > 1.0] = 3
    classes[v > 1.5] = 4
    return classes


def dynamic_classes(index):
    """Dynamic classes: 1 "positiv" DI <= -1, 2 "stabil", 3 "negativ" DI >= 1."""
    v = _rounded(index)
    classes = np.full(v.shape, 2, dtype=int)
    classes[v <= -1.0] = 1
    classes[v >= 1.0] = 3
    return classes


def classes_from_breaks(values, breaks):
    """Class 1..len(breaks)+1 with upper-inclusive classes: ``(b_{j-1}, b_j]``."""
    v = _rounded(values)
    b = _rounded(breaks)
    return 1 + np.searchsorted(b, v, side="left")


def quantile_breaks(values, n_classes):
    """Inner class limits at the j/N quantiles (linear interpolation)."""
    values = np.asarray(values, dtype=float)
    probs = np.arange(1, n_classes) / float(n_classes)
    return np.quantile(values, probs)


def equal_interval_breaks(values, n_classes):
    values = np.asarray(values, dtype=float)
    lo, hi = values.min(), values.max()
    return lo + (hi - lo) * np.arange(1, n_classes) / float(n_classes)


def jenks_breaks(values, n_classes):
    """Optimal natural breaks (Fisher-Jenks): minimum within-class sum of squares.

    Exact dynamic programming over the sorted values; deterministic (of equal
    solutions the one with the earliest break wins). Returns the *inner* class
    limits, each the largest value of its class (upper-inclusive classes).
    """
    x = np.sort(np.asarray(values, dtype=float))
    n = len(x)
    k = int(n_classes)
    if k < 1 or n < k:
        raise IndexInputError("too_few_areas", "Fewer values than classes.", n=n, classes=k)
    if k == 1:
        return np.array([])
    s1 = np.concatenate([[0.0], np.cumsum(x)])
    s2 = np.concatenate([[0.0], np.cumsum(x * x)])

    def ssd(i, j):  # sum of squared deviations of x[i:j] (j exclusive), vectorised over i
        cnt = j - i
        tot = s1[j] - s1[i]
        return (s2[j] - s2[i]) - tot * tot / cnt

    inf = np.inf
    cost = np.full((k + 1, n + 1), inf)
    back = np.zeros((k + 1, n + 1), dtype=int)
    cost[0, 0] = 0.0
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            i = np.arange(c - 1, j)  # last class is x[i:j]
            cand = cost[c - 1, i] + ssd(i, j)
            best = int(np.argmin(cand))  # first minimum: deterministic
            cost[c, j] = cand[best]
            back[c, j] = i[best]
    starts = []
    j = n
    for c in range(k, 0, -1):
        i = back[c, j]
        starts.append(i)
        j = i
    starts = sorted(starts)[1:]  # start index of classes 2..k
    return np.array([x[s - 1] for s in starts])


def classify(index, classification, n_classes):
    """(classes, inner breaks) for the index of the included areas.

    Classes run from 1 (lowest index = least burden) upwards. For the Berlin
    classes *n_classes* is ignored (always 4).
    """
    index = np.asarray(index, dtype=float)
    if classification == CLASS_BERLIN:
        return berlin_classes(index), np.array([-1.0, 1.0, 1.5])
    n_classes = int(n_classes)
    if n_classes < 2:
        raise IndexInputError("classes_min", "At least two classes are needed.", classes=n_classes)
    if len(index) < n_classes:
        raise IndexInputError("too_few_areas", "Fewer areas than classes.", n=len(index), classes=n_classes)
    if classification == CLASS_QUANTILES:
        breaks = quantile_breaks(index, n_classes)
    elif classification == CLASS_JENKS:
        breaks = jenks_breaks(index, n_classes)
    elif classification == CLASS_EQUAL:
        breaks = equal_interval_breaks(index, n_classes)
    else:
        raise IndexInputError("classification", "Unknown classification.", value=classification)
    return classes_from_breaks(index, breaks), np.asarray(breaks, dtype=float)


# ---------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------
def included_mask(values, population=None, min_population=0, exclude=None):
    """(mask of included areas, list of exclusion reason codes or None per area).

    *values* is an (n, k) array with NaN for missing values. A population
    below zero raises ``population_negative``. *exclude*: n booleans, True =
    left out on purpose (e.g. the areas a monitoring leaves out), reason
    ``EXCL_EXPRESSION``.
    """
    values = np.asarray(values, dtype=float)
    n = values.shape[0]
    reasons = [None] * n
    if exclude is not None:
        for i, e in enumerate(exclude):
            if e:
                reasons[i] = (EXCL_EXPRESSION, None)
    if population is not None:
        pop = np.asarray(population, dtype=float)
        for i, p in enumerate(pop):
            if np.isfinite(p) and p < 0:
                raise IndexInputError("population_negative", "Negative population.", row=i, value=float(p))
        for i, p in enumerate(pop):
            if reasons[i] is not None:
                continue
            if not np.isfinite(p):
                reasons[i] = (EXCL_POPULATION_MISSING, None)
            elif p < min_population:
                reasons[i] = (EXCL_POPULATION_SMALL, float(p))
    for i in range(n):
        if reasons[i] is None:
            missing = [k for k in range(values.shape[1]) if not np.isfinite(values[i, k])]
            if missing:
                reasons[i] = (EXCL_VALUE_MISSING, missing)
    mask = np.array([r is None for r in reasons], dtype=bool)
    return mask, reasons


def _composite(values, negative, weights, method, names):
    """(z-scores, status sum, index, extra info) for the included rows only."""
    z = zscores(values, names)
    z = z * np.where(np.asarray(negative, dtype=bool), -1.0, 1.0)
    w = np.asarray(weights, dtype=float)
    info = {}
    if method == METHOD_ZSCORE:
        status_sum = z @ w
        index = standardise(status_sum)
    elif method == METHOD_MINMAX:
        lo = values.min(axis=0)
        hi = values.max(axis=0)
        scaled = (values - lo) / (hi - lo)  # hi > lo: zscores() rejected constants
        scaled = np.where(np.asarray(negative, dtype=bool), 1.0 - scaled, scaled)
        status_sum = scaled @ w
        index = status_sum / w.sum()
    elif method == METHOD_PCA:
        zw = z * w
        cov = (zw.T @ zw) / zw.shape[0]
        eigval, eigvec = np.linalg.eigh(cov)
        order = np.argsort(eigval)[::-1]
        eigval = eigval[order]
        v = eigvec[:, order[0]]
        # Orientation: every column points towards burden, so the component is
        # turned so that its loadings sum to a positive number (higher score =
        # more burden); if they sum to zero, the largest loading is positive.
        total = v.sum()
        if abs(total) < 1e-12:
            total = v[np.argmax(np.abs(v))]
        if total < 0:
            v = -v
        status_sum = zw @ v
        index = standardise(status_sum, "first principal component")
        info["loadings"] = v
        info["explained"] = float(eigval[0] / eigval.sum()) if eigval.sum() > 0 else float("nan")
    else:
        raise IndexInputError("method", "Unknown method.", value=method)
    return z, status_sum, index, info


def social_index(values, names, negative=None, weights=None, population=None, min_population=300,
                 method=METHOD_ZSCORE, classification=CLASS_BERLIN, n_classes=4, previous=None,
                 change=None, exclude=None):
    """Compute the social index for every area.

    *values*: (n, k) array-like of indicator values (NaN = missing);
    *names*: the k indicator names; *negative*: k booleans (True = a high
    value means less burden); *weights*: k weights (default 1);
    *population*: n populations or None (no exclusion by size);
    *previous*: optional (n, k) values two years earlier (dynamic index);
    *change*: instead of *previous*, the published changes D_k = x_k(t) - x_k(t-2)
    (n, k), as monitoring reports publish them; *exclude*: n booleans, True =
    the area is left out (no index, no dynamics).

    Returns a dict of arrays over all n areas (NaN / 0 where excluded):
    ``z`` (n, k), ``status_sum``, ``index``, ``index_class`` (0 = none),
    ``rank`` (0 = none; 1 = highest index = most burden), ``included``,
    ``reasons`` and, with *previous*, ``dyn_index``, ``dyn_class``, ``group``
    (0 = none), ``dyn_included``, ``dyn_reasons``; plus ``breaks`` and ``info``.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 2 or values.shape[1] != len(names):
        raise ValueError("values must be an (n, k) array with k = len(names)")
    n, k = values.shape
    if k == 0:
        raise IndexInputError("no_indicators", "No indicators given.")
    negative = [False] * k if negative is None else list(negative)
    weights = [1.0] * k if weights is None else list(weights)
    if classification == CLASS_BERLIN and method == METHOD_MINMAX:
        raise IndexInputError("berlin_minmax", "Berlin classes need a standardised index.")

    if previous is not None and change is not None:
        raise IndexInputError("previous_and_change", "Give either previous values or changes, not both.")
    mask, reasons = included_mask(values, population, min_population, exclude)
    m = int(mask.sum())
    needed = 2 if classification == CLASS_BERLIN else max(2, int(n_classes))
    if m < needed:
        raise IndexInputError("too_few_areas", "Too few areas with complete data.", n=m, classes=needed)

    z, status_sum, index, info = _composite(values[mask], negative, weights, method, names)
    classes, breaks = classify(index, classification, n_classes)

    out = {
        "z": np.full((n, k), np.nan),
        "status_sum": np.full(n, np.nan),
        "index": np.full(n, np.nan),
        "index_class": np.zeros(n, dtype=int),
        "rank": np.zeros(n, dtype=int),
        "included": mask,
        "reasons": reasons,
        "breaks": breaks,
        "info": info,
    }
    out["z"][mask] = z
    out["status_sum"][mask] = status_sum
    out["index"][mask] = index
    out["index_class"][mask] = classes
    out["rank"][mask] = competition_rank_desc(index)

    if previous is not None or change is not None:
        if change is not None:
            change = np.asarray(change, dtype=float)
            if change.shape != values.shape:
                raise IndexInputError("change_count", "CHANGE_INDICATORS must match INDICATORS.",
                                      n=change.shape[1] if change.ndim == 2 else 0, k=k)
            earlier = change
        else:
            previous = np.asarray(previous, dtype=float)
            if previous.shape != values.shape:
                raise IndexInputError("previous_count", "PREVIOUS_INDICATORS must match INDICATORS.",
                                      n=previous.shape[1] if previous.ndim == 2 else 0, k=k)
            change = values - previous
            earlier = previous
        dyn_mask = mask & np.all(np.isfinite(change), axis=1)
        dyn_reasons = [None if dyn_mask[i] else (reasons[i] or (EXCL_VALUE_MISSING, [
            kk for kk in range(k) if not np.isfinite(earlier[i, kk])])) for i in range(n)]
        if int(dyn_mask.sum()) < 2:
            raise IndexInputError("too_few_areas", "Too few areas with complete earlier data.",
                                  n=int(dyn_mask.sum()), classes=2)
        dz = zscores(change[dyn_mask], ["{} (change)".format(nm) for nm in names])
        dz = dz * np.where(np.asarray(negative, dtype=bool), -1.0, 1.0)
        dyn = standardise(dz @ np.asarray(weights, dtype=float), "dynamic sum")
        dcls = dynamic_classes(dyn)
        out["dyn_index"] = np.full(n, np.nan)
        out["dyn_index"][dyn_mask] = dyn
        out["dyn_class"] = np.zeros(n, dtype=int)
        out["dyn_class"][dyn_mask] = dcls
        out["group"] = np.zeros(n, dtype=int)
        out["group"][dyn_mask] = (out["index_class"][dyn_mask] - 1) * 3 + dcls
        out["dyn_included"] = dyn_mask
        out["dyn_reasons"] = dyn_reasons
    return out


def competition_rank_desc(values):
    """Rank 1 = largest value; ties share the smallest rank ("1224")."""
    v = _rounded(values)
    order = np.sort(v)[::-1]
    return 1 + np.searchsorted(-order, -v, side="left")


# ---------------------------------------------------------------------------
# Plausibility
# ---------------------------------------------------------------------------
def sentinel_like(value):
    """True for numbers that look like a missing-value code: -999, 9999, -99999 ... and 2222222222 etc."""
    if not np.isfinite(value) or not float(value).is_integer():
        return False
    digits = str(abs(int(value)))
    if len(digits) >= 3 and set(digits) == {"9"}:
        return True
    return abs(float(value)) in _NUMERIC_CODES


def looks_like_share(name, column):
    """An indicator that is a share in % (name hint, or at least 95 % of its values within 0-100)."""
    low = str(name).lower()
    if any(h in low for h in _SHARE_HINTS):
        return True
    col = np.asarray(column, dtype=float)
    col = col[np.isfinite(col)]
    col = col[[not sentinel_like(v) for v in col]] if len(col) else col
    if len(col) < 5:
        return False
    return float(np.mean((col >= 0) & (col <= 100))) >= 0.95


def plausibility_issues(values, names, rows=None, shares=True):
    """Values that look wrong: [(row, k, value, kind)] with kind ``PLAUS_SENTINEL`` or ``PLAUS_SHARE``.

    *rows*: the rows to check (default all). A value is sentinel-like when
    :func:`sentinel_like` says so, or when it is -1 in an indicator whose other
    values are all zero or positive. With *shares*, an indicator that looks like
    a share (:func:`looks_like_share`) is checked for values outside 0-100.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    rows = list(range(values.shape[0])) if rows is None else [int(r) for r in rows]
    issues = []
    for k, name in enumerate(names):
        col = values[rows, k]
        finite = col[np.isfinite(col)]
        plain = np.array([v for v in finite if not sentinel_like(v) and v != -1.0])
        nonneg = len(plain) > 0 and float(plain.min()) >= 0
        share = shares and looks_like_share(name, plain)
        for r in rows:
            v = values[r, k]
            if not np.isfinite(v):
                continue
            if sentinel_like(v) or (v == -1.0 and nonneg):
                issues.append((r, k, float(v), PLAUS_SENTINEL))
            elif share and (v < 0 or v > 100):
                issues.append((r, k, float(v), PLAUS_SHARE))
    return issues


def class_edges(res):
    """``[lowest index, break …, highest index]`` over the included areas of a :func:`social_index` result."""
    idx = res["index"][res["included"]]
    return [float(idx.min())] + [float(b) for b in res["breaks"]] + [float(idx.max())]


def output_columns(res, n_indicators, labels, dynamic_labels=None):
    """The result columns of :func:`social_index`, one list per output field and one value per area.

    ``z`` of each indicator, ``status_sum``, ``index``, ``index_class``, ``index_label`` (from *labels*
    {class: text}), ``rank``; with *dynamic_labels* ({class: text}) also ``dyn_index``, ``dyn_class``,
    ``dyn_label``, ``group`` and ``group_label`` ("status label / dynamics label"). Classes, labels, rank and
    groups are None for an area left out; numbers stay floats (NaN where there is none).
    """
    inc = np.asarray(res["included"], dtype=bool)
    cls = [int(c) for c in res["index_class"]]
    columns = [[float(v) for v in res["z"][:, k]] for k in range(n_indicators)]
    columns += [[float(v) for v in res["status_sum"]], [float(v) for v in res["index"]],
                [c if i else None for c, i in zip(cls, inc)],
                [labels.get(c) if i else None for c, i in zip(cls, inc)],
                [int(r) if i else None for r, i in zip(res["rank"], inc)]]
    if dynamic_labels is not None:
        dinc = np.asarray(res["dyn_included"], dtype=bool)
        dcls = [int(c) for c in res["dyn_class"]]
        columns += [[float(v) for v in res["dyn_index"]], [d if i else None for d, i in zip(dcls, dinc)],
                    [dynamic_labels[d] if i else None for d, i in zip(dcls, dinc)],
                    [int(g) if i else None for g, i in zip(res["group"], dinc)],
                    ["{0} / {1}".format(labels.get(c), dynamic_labels[d]) if i else None
                     for c, d, i in zip(cls, dcls, dinc)]]
    return columns
