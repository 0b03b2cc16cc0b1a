"""Numbers behind a district profile (Ortsteilprofil).

Pure pandas/numpy; no QGIS import. The algorithm ``districtprofiles``
reads the layers into DataFrames and calls these functions.

Definitions (one indicator x over the districts i = 1..n that have a value):

* **city value** – one rule per indicator (:data:`SUM`, :data:`WEIGHTED`,
  :data:`MEAN`), chosen by :func:`default_rule` or by the user:

  - counts and amounts (residents, children, euros, a migration balance):
    the **city total** ``sum(x_i)`` over all districts with a value –
    negative values (a balance) included;
  - rates, shares, averages: **weighted by their denominator**
    ``sum(d_i x_i) / sum(d_i)`` over the districts with a value and a
    denominator ``d_i >= 0`` (= the city rate ``sum(numerator) /
    sum(denominator)``); the denominator is the field the user names, else
    the population field;
  - composite indices and scores (``index``, ``score``, ``z_``), and any
    indicator without a denominator: the **mean of the districts**
    (unweighted), printed with the sign "Ø".

  A count is never weighted by population (that gave "Einwohner: city
  32.916" for Hamburg instead of the total).
* **difference**: ``x_i - city value`` (same unit as the indicator) for
  rates and means; none for totals (a district minus the city total means
  nothing).
* **rank**: 1 = highest value among the districts with a value; ties share
  the best rank (1, 2, 2, 4).
* **z-score**: ``(x_i - mean) / sd`` with the unweighted mean and the
  population standard deviation (divide by n), as in the social index.
  Undefined (NaN) when sd = 0.
"""

import re

import numpy as np
import pandas as pd

TABLE_COLUMNS = ["key", "indicator", "value", "city", "difference", "rank", "n", "z", "rule"]

#: city value = total of the districts (counts, amounts)
SUM = "sum"
#: city value = mean weighted by a denominator (rates, shares, averages)
WEIGHTED = "weighted"
#: city value = unweighted mean of the districts (no denominator known)
MEAN = "mean"
RULES = (SUM, WEIGHTED, MEAN)


def city_value(values, weights=None, rule=None):
    """The city value of one indicator by *rule* (default: :data:`WEIGHTED` with *weights*, else :data:`MEAN`).

    :data:`SUM`: total of the finite values (negative ones included).
    :data:`WEIGHTED`: ``sum(w x) / sum(w)`` over the pairs with a finite
    value and a finite weight ``>= 0``; NaN when those weights add up to 0.
    :data:`MEAN`: plain mean of the finite values. NaN when nothing is left.
    """
    x = np.asarray(values, dtype=float)
    if rule is None:
        rule = WEIGHTED if weights is not None else MEAN
    ok = np.isfinite(x)
    if rule == SUM:
        return float(x[ok].sum()) if ok.any() else float("nan")
    if rule == MEAN or weights is None:
        return float(x[ok].mean()) if ok.any() else float("nan")
    if rule != WEIGHTED:
        raise ValueError("unknown city-value rule: {}".format(rule))
    w = np.asarray(weights, dtype=float)
    ok &= np.isfinite(w) & (w >= 0)
    total = w[ok].sum() if ok.any() else 0.0
    if total <= 0:
        return float("nan")
    return float((x[ok] * w[ok]).sum() / total)


def indicator_table(df, key_col, indicators, population_col=None, rules=None):
    """Long table: one row per district and indicator.

    *df* has one row per district (all districts of the city, not only the
    ones that get a page, so that ranks and city values refer to the whole
    city). *indicators* is a list of column names. *rules* maps an
    indicator to ``(rule, weight column or None)`` (see :func:`city_value`);
    indicators without an entry get :func:`default_rule` with
    *population_col* as the weight. Returns a DataFrame with the columns
    ``TABLE_COLUMNS`` (``n`` = number of districts ranked, ``rule`` = the
    rule applied: :data:`WEIGHTED` without a usable weight becomes
    :data:`MEAN`).
    """
    rules = dict(rules or {})
    rows = []
    keys = df[key_col].tolist()
    for ind in indicators:
        x = pd.to_numeric(df[ind], errors="coerce").to_numpy(dtype=float)
        rule, weight_col = rules.get(ind) or (default_rule(x, ind, is_population=ind == population_col),
                                              population_col)
        weights = None
        if rule == WEIGHTED and weight_col:
            weights = pd.to_numeric(df[weight_col], errors="coerce").to_numpy(dtype=float)
        if rule == WEIGHTED and weights is None:
            rule = MEAN
        ok = np.isfinite(x)
        city = city_value(x, weights, rule)
        n = int(ok.sum())
        ranks = np.full(x.shape, np.nan)
        if n:
            ranks[ok] = pd.Series(x[ok]).rank(ascending=False, method="min").to_numpy()
        z = np.full(x.shape, np.nan)
        if n:
            mean = x[ok].mean()
            sd = x[ok].std()  # ddof=0: population standard deviation
            if sd > 0:
                z[ok] = (x[ok] - mean) / sd
        diff = np.full(x.shape, np.nan) if rule == SUM else x - city
        for i, key in enumerate(keys):
            rows.append((key, ind, x[i], city, diff[i], ranks[i], n, z[i], rule))
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def timeseries(df, key_col, year_col, value_col, keys=None, population_col=None, rule=None):
    """Per year: the city value of *value_col* (see :func:`city_value`; *population_col* is the weight).

    *df* is a long table (one row per district and year). Only rows whose
    key is in *keys* count (pass the city's districts, so that total rows
    such as "Stadt insgesamt" are never mixed in). Returns a Series
    indexed by year (ascending), NaN where no district has a value.
    """
    data = df
    if keys is not None:
        data = data[data[key_col].isin(set(keys))]
    years = sorted(pd.to_numeric(data[year_col], errors="coerce").dropna().unique())
    out = {}
    yr = pd.to_numeric(data[year_col], errors="coerce")
    for year in years:
        sub = data[yr == year]
        pop = None
        if population_col:
            pop = pd.to_numeric(sub[population_col], errors="coerce").to_numpy(dtype=float)
        out[year] = city_value(pd.to_numeric(sub[value_col], errors="coerce").to_numpy(dtype=float), pop, rule)
    return pd.Series(out, dtype=float).sort_index()


def district_series(df, key_col, year_col, value_col, key):
    """Per year: the value of one district (mean if a year appears twice)."""
    sub = df[df[key_col] == key]
    vals = pd.to_numeric(sub[value_col], errors="coerce")
    yrs = pd.to_numeric(sub[year_col], errors="coerce")
    ser = pd.Series(vals.to_numpy(), index=yrs.to_numpy()).dropna()
    ser = ser[~pd.isna(ser.index)]
    return ser.groupby(level=0).mean().sort_index().astype(float)


def normalise_keys(values, reference_keys):
    """Keys of *values* as text matching *reference_keys*' zero padding.

    QGIS reads a CSV column "01", "02" as integers 1, 2. When all reference
    keys are digit strings of one width w, numeric keys become
    ``str(int(k)).zfill(w)``; other keys become ``str(k)`` (floats with no
    fraction lose the ".0").
    """
    refs = [str(k) for k in reference_keys if k is not None]
    widths = {len(k) for k in refs if k.isdigit()}
    width = widths.pop() if len(widths) == 1 and all(k.isdigit() for k in refs) else 0
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and not np.isfinite(v)):
            out.append(None)
            continue
        if isinstance(v, (int, np.integer)) or (isinstance(v, (float, np.floating)) and float(v).is_integer()):
            s = str(int(v))
        else:
            s = str(v).strip()
        if width and s.isdigit():
            s = s.zfill(width)
        out.append(s)
    return out


def decimals_for(values, is_integer=False):
    """Decimal places for printing an indicator: 0 for integers and |x| >= 1000, 2 below 1, else 1."""
    if is_integer:
        return 0
    x = np.asarray(values, dtype=float)
    x = np.abs(x[np.isfinite(x)])
    if x.size == 0:
        return 1
    top = x.max()
    if top >= 1000:
        return 0
    if top < 1:
        return 2
    return 1


#: words in a field name or label that mark a rate, share, average or index (printed with decimals even when
#: whole; their city value is a weighted mean, never a total)
RATE_HINTS = ("%", "quote", "anteil", "rate", "share", "prozent", "percent", "index", "dichte", "density",
              " je ", " pro ", " per ", "z_", "score", "durchschnitt", "average", " mean", "median", "mittelwert",
              "eur/", "€/", "/m²", "/m2", "/km", "/ew", "/einw", "/100", "/1000", "je_", "_je", "pro_", "_pro")

#: whole words that mark an amount of money or a total (the city value is the total)
AMOUNT_WORDS = re.compile(r"(^|[^a-zäöüß])(eur|euro|€|tsd|betrag|budget|kosten|ausgaben|summe|amount|total|"
                          r"sum|saldo|balance)([^a-zäöüß]|$)")


def looks_like_rate(*names):
    """True when a field name or label reads like a rate, share or index (see :data:`RATE_HINTS`)."""
    text = " {} ".format(" ".join(str(n) for n in names if n)).lower()
    return any(h in text for h in RATE_HINTS)


#: words that mark a composite index or score (standardised over the districts: no denominator, the city value is
#: the plain mean of the districts)
INDEX_HINTS = ("index", "z_", "score")


def looks_like_index(*names):
    """True when a field name or label reads like a composite index or score (see :data:`INDEX_HINTS`)."""
    text = " {} ".format(" ".join(str(n) for n in names if n)).lower()
    return any(h in text for h in INDEX_HINTS)


def looks_like_amount(*names):
    """True when a field name or label names an amount of money or a total (``Budget EUR``, ``saldo``)."""
    text = " {} ".format(" ".join(str(n) for n in names if n)).lower()
    return bool(AMOUNT_WORDS.search(text)) and not looks_like_rate(*names)


def default_rule(values, *names, is_integer=False, is_population=False):
    """:data:`SUM` for counts and amounts, :data:`MEAN` for an index or score, :data:`WEIGHTED` for rates (the
    caller falls back to MEAN when it has no weight).

    Count or amount: the population field itself, a name that reads like an
    amount (:func:`looks_like_amount`), an integer field or whole values
    (:func:`is_count`) – unless the name reads like a rate
    (:func:`looks_like_rate`), which always wins.
    """
    if is_population:
        return SUM
    if looks_like_index(*names):
        return MEAN
    if looks_like_rate(*names):
        return WEIGHTED
    if looks_like_amount(*names) or is_integer or is_count(values, *names):
        return SUM
    return WEIGHTED


def is_count(values, *names):
    """True when every value is a whole number and the name does not read like a rate.

    Counts such as ``Kinder_u15`` arrive as floats when some cells are
    suppressed (NULL); they are printed without decimals. A rate whose values
    happen to be whole (10.0, 20.0) keeps its decimal when its field name or
    label says so (``quote``, ``Anteil``, ``%`` ...).
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if x.size == 0 or looks_like_rate(*names):
        return False
    return bool(np.all(np.abs(x - np.round(x)) < 1e-9))


def indicator_decimals(values, *names, is_integer=False):
    """Decimal places for an indicator: 0 for counts (:func:`is_count`), else :func:`decimals_for`."""
    if is_integer or is_count(values, *names):
        return 0
    return decimals_for(values)


def trend(years, values, tolerance=0.02):
    """(change, arrow, first year, last year) of one series, first to last year with a value.

    *arrow* is ``"↑"``, ``"↓"`` or ``"→"``; ``"→"`` when ``|change| <=
    tolerance × |first value|`` (default 2 %; with a first value of 0 only
    an exact 0 change is flat). ``(nan, "", None, None)`` with fewer than two
    years with a value.
    """
    pairs = [(float(y), float(v)) for y, v in zip(years, values)
             if v is not None and np.isfinite(float(v)) and y is not None and np.isfinite(float(y))]
    pairs.sort()
    if len(pairs) < 2:
        return float("nan"), "", None, None
    (y0, v0), (y1, v1) = pairs[0], pairs[-1]
    change = v1 - v0
    if abs(change) <= tolerance * abs(v0) or change == 0:
        arrow = "→"
    else:
        arrow = "↑" if change > 0 else "↓"
    return change, arrow, int(y0) if y0.is_integer() else y0, int(y1) if y1.is_integer() else y1


def age_structure(df, key_col, cohorts, key, population_col=None):
    """Age structure of one district against the city.

    Returns a list of ``(cohort, count, district share %, city share %)``:
    share = cohort / population of the district (*population_col*; without
    it, the sum of the district's cohorts). The city share is
    ``sum(cohort) / sum(population)`` over the districts where both are
    known. A suppressed (NaN) count gives NaN count and share.
    """
    counts = {c: pd.to_numeric(df[c], errors="coerce").to_numpy(dtype=float) for c in cohorts}
    if population_col:
        pop = pd.to_numeric(df[population_col], errors="coerce").to_numpy(dtype=float)
    else:
        stacked = np.vstack([counts[c] for c in cohorts])
        pop = np.where(np.isfinite(stacked).all(axis=0), np.nansum(stacked, axis=0), np.nan)
    idx = np.flatnonzero(df[key_col].to_numpy() == key)
    if idx.size == 0:
        raise KeyError(key)
    i = int(idx[0])
    rows = []
    for c in cohorts:
        x = counts[c]
        ok = np.isfinite(x) & np.isfinite(pop) & (pop > 0)
        city = 100.0 * x[ok].sum() / pop[ok].sum() if ok.any() else float("nan")
        mine = 100.0 * x[i] / pop[i] if ok[i] else float("nan")
        rows.append((c, float(x[i]), float(mine), float(city)))
    return rows
