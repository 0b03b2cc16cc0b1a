"""Class breaks that round nicely, for graduated map legends.

Council maps read better with class limits such as 10 – 20 – 25 than with
10.37 – 19.82. The functions here compute quantile or equal-interval
breaks and round them to multiples of a *nice step*: a number of the form
1, 2, 2.5 or 5 × 10^k.

Pure numpy; no QGIS import.
"""

import math

import numpy as np

NICE_MANTISSAS = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_number(x, round_up=False):
    """The nice number (1, 2, 2.5 or 5 × 10^k) nearest to *x* (> 0).

    "Nearest" is measured on a log scale (3 -> 2.5, 7 -> 5, 8 -> 10).
    With ``round_up=True`` the smallest nice number >= *x* (3 -> 5).
    Zero, negative or non-finite input gives 0.
    """
    if not np.isfinite(x) or x <= 0:
        return 0.0
    exponent = math.floor(math.log10(x))
    base = 10.0 ** exponent
    mantissa = x / base
    if round_up:
        for m in NICE_MANTISSAS:
            if mantissa <= m + 1e-9:
                return _clean(m * base)
    best = min(NICE_MANTISSAS, key=lambda m: abs(math.log(mantissa / m)))
    return _clean(best * base)


def _clean(value):
    """Remove binary noise such as 0.30000000000000004."""
    if value == 0:
        return 0.0
    digits = max(0, 12 - int(math.floor(math.log10(abs(value)))))
    return round(value, digits)


def decimals_for_step(step):
    """Decimal places needed to print multiples of *step* exactly (2.5 -> 1, 0.25 -> 2)."""
    if step <= 0 or not np.isfinite(step):
        return 0
    for d in range(0, 10):
        if abs(round(step * 10 ** d) - step * 10 ** d) < 1e-6:
            return d
    return 10


def _finite(values):
    arr = np.asarray(values, dtype=float).ravel()
    return arr[np.isfinite(arr)]


def nice_breaks(values, n_classes=5, method="quantile"):
    """Class edges ``[lower, b1, ..., upper]`` rounded to a nice step.

    *method* is ``"quantile"`` (about equal counts per class) or
    ``"equal"`` (equal width; the number of classes is then about
    *n_classes*, whatever the nice step gives). The step is the nice number nearest to
    ``range / n_classes`` for equal intervals and ``range / (2 * n_classes)``
    for quantiles (finer, so that the rounded quantiles stay close to the
    raw ones). Interior breaks are rounded to the nearest multiple of the
    step; duplicates collapse (fewer classes for data with few distinct
    values). The outer edges are the minimum rounded down and the maximum
    rounded up to the step, so every value falls into a class.

    Returns a list of floats (at least two edges for non-empty input; an
    empty list when no value is finite).
    """
    data = _finite(values)
    if data.size == 0:
        return []
    n_classes = max(int(n_classes), 1)
    lo, hi = float(data.min()), float(data.max())
    if hi == lo:
        step = nice_number(abs(lo) / 10.0) or 1.0
        lower = math.floor(lo / step) * step
        return [_clean(lower), _clean(lower + step)]
    divisor = n_classes if method == "equal" else 2 * n_classes
    step = nice_number((hi - lo) / divisor)
    lower = _clean(math.floor(lo / step + 1e-9) * step)
    upper = _clean(math.ceil(hi / step - 1e-9) * step)
    if method == "equal":
        step = nice_number((hi - lo) / n_classes)
        lower = _clean(math.floor(lo / step + 1e-9) * step)
        upper = _clean(math.ceil(hi / step - 1e-9) * step)
        edges = [lower]
        while edges[-1] < upper - 1e-9:
            edges.append(_clean(edges[-1] + step))
        return edges
    if method != "quantile":
        raise ValueError("method must be 'quantile' or 'equal', not {!r}".format(method))
    qs = np.quantile(data, np.linspace(0, 1, n_classes + 1)[1:-1])
    inner = [_clean(round(q / step) * step) for q in qs]
    edges = [lower]
    for b in inner:
        if lower < b < upper and b > edges[-1] + 1e-12:
            edges.append(b)
    edges.append(upper)
    return edges


def classify(values, edges):
    """Class number (0-based) of each value for *edges*; -1 for NaN.

    Classes are closed at the top: a value equal to a break belongs to the
    lower class, the lowest class also includes the lower edge (QGIS
    graduated renderer semantics).
    """
    arr = np.asarray(values, dtype=float)
    out = np.full(arr.shape, -1, dtype=int)
    if len(edges) < 2:
        return out
    inner = np.asarray(edges[1:-1], dtype=float)
    ok = np.isfinite(arr)
    out[ok] = np.searchsorted(inner, arr[ok], side="left")
    return out


def format_number(value, decimals, decimal_point=".", group_separator=""):
    """*value* with *decimals* places and the given separators ("1.234,5")."""
    if value is None or not np.isfinite(value):
        return ""
    text = "{:,.{d}f}".format(float(value), d=max(int(decimals), 0))
    if text in ("-0", "-0.0", "-0.00", "-0.000"):
        text = text[1:]
    return text.replace(",", "\x00").replace(".", decimal_point).replace("\x00", group_separator)


def break_labels(edges, decimal_point=".", dash=" – "):
    """Legend labels "lower – upper" for consecutive *edges*."""
    if len(edges) < 2:
        return []
    steps = [b - a for a, b in zip(edges[:-1], edges[1:])]
    decimals = max(decimals_for_step(s) for s in steps + [abs(edges[0]) or 1.0])
    return [
        "{}{}{}".format(format_number(a, decimals, decimal_point),
                        dash, format_number(b, decimals, decimal_point))
        for a, b in zip(edges[:-1], edges[1:])
    ]
