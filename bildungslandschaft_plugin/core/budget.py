"""Need-based budget allocation (Bedarfsorientierte Mittelverteilung).

Plain numpy; no QGIS.

With budget ``B``, base share ``b``, target population ``P_i`` and need
supplement ``s_i`` (from the unit's class via the factor table, or the need
value itself):

* base amount ``B * b * P_i / sum P``  (per head, regardless of need);
* need amount ``B * (1 - b) * P_i s_i / sum_j P_j s_j`` (supplement-weighted heads);
* raw amount ``r_i`` = base + need; so every head in class c gets
  ``B b / sum P + B (1 - b) s_c / sum P s`` euros.
* Minimum / maximum per unit: amounts ``a_i = clamp(lambda * r_i, MIN, MAX)``
  with the one ``lambda`` for which ``sum a_i = B`` (what iterative clamping
  converges to: fix the units that violate a limit at that limit, share the
  rest of the budget proportionally among the others, repeat). Solved
  exactly over the sorted breakpoints of the piecewise linear sum.
* Whole euros by the largest-remainder method (Hare): every unit gets the
  integer part; the euros left over go, one each, to the units with the
  largest fractional parts (ties: the earlier unit). The amounts add up to
  the budget exactly.
"""

import math

import numpy as np

from .socialindex import IndexInputError


def parse_factors(text):
    """``"1:0;2:0.25;3:0.5;4:1"`` -> {"1": 0.0, "2": 0.25, ...} (keys as text)."""
    factors = {}
    for part in (text or "").replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if ":" not in part:
            raise IndexInputError("factor_syntax", "Factor is not of the form class:supplement.", item=part)
        key, value = part.rsplit(":", 1)
        key = normalise_key(key.strip())
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise IndexInputError("factor_number", "Supplement is not a number.", name=key, value=value.strip())
        if not math.isfinite(number) or number < 0:
            raise IndexInputError("factor_negative", "Supplement must be zero or positive.",
                                  name=key, value=value.strip())
        factors[key] = number
    return factors


def normalise_key(value):
    """Class keys compare as text; whole numbers lose a trailing ``.0`` ("2.0" -> "2")."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    try:
        number = float(text.replace(",", "."))
        if number.is_integer() and not (len(text) > 1 and text.startswith("0")):
            return str(int(number))
    except ValueError:
        pass
    return text


def clamp_scale(raw, budget, min_amount=0.0, max_amount=None):
    """(amounts, lambda): ``clamp(lambda * raw, min, max)`` summing to *budget* (see module doc)."""
    raw = np.asarray(raw, dtype=float)
    n = len(raw)
    lo = float(min_amount or 0.0)
    hi = math.inf if max_amount is None else float(max_amount)
    if hi < lo:
        raise IndexInputError("min_max", "MIN_AMOUNT is larger than MAX_AMOUNT.", min=lo, max=hi)
    if n * lo > budget + 1e-9:
        raise IndexInputError("budget_min", "The budget cannot cover the minimum for every unit.",
                              budget=budget, min=lo, n=n, needed=n * lo)
    pos = raw > 0
    if not pos.any():
        raise IndexInputError("no_weight", "No unit has a positive weight.")
    reachable = (n - pos.sum()) * lo + pos.sum() * hi
    if reachable < budget - 1e-9:
        raise IndexInputError("budget_max", "The maximum per unit leaves budget unspent.",
                              budget=budget, max=hi, n=n, possible=reachable)

    def total(lam):
        return np.clip(lam * raw, lo, hi).sum()

    # total(lambda) is continuous, non-decreasing and linear between these breakpoints
    bps = [0.0] + list(lo / raw[pos])
    if math.isfinite(hi):
        bps += list(hi / raw[pos])
    bps = np.unique(np.array(bps))
    sums = np.array([total(b) for b in bps])
    j = int(np.searchsorted(sums, budget, side="left"))
    if j == 0:
        lam = bps[0]
    elif j >= len(bps):  # only possible without a maximum: slope = sum of positive raw
        lam = bps[-1] + (budget - sums[-1]) / raw[pos].sum()
    else:
        lam = bps[j - 1] + (budget - sums[j - 1]) * (bps[j] - bps[j - 1]) / (sums[j] - sums[j - 1])
    return np.clip(lam * raw, lo, hi), lam


def largest_remainder(amounts, total):
    """Whole numbers that add up to *total* (an integer), Hare / largest remainder."""
    amounts = np.round(np.asarray(amounts, dtype=float), 6)
    floors = np.floor(amounts).astype(np.int64)
    rest = int(total) - int(floors.sum())
    if rest < 0 or rest > len(amounts):
        raise ValueError("amounts do not add up to the total")
    frac = amounts - floors
    order = sorted(range(len(amounts)), key=lambda i: (-frac[i], i))
    result = floors.copy()
    for i in order[:rest]:
        result[i] += 1
    return result


def allocate(budget, population, supplement, base_share=0.5, min_amount=0.0, max_amount=None):
    """Split *budget* (whole euros) over units. Returns a dict of arrays.

    ``base``, ``need``, ``raw`` (before limits), ``exact`` (after limits,
    real), ``amount`` (whole euros), ``per_head`` (NaN for 0 heads),
    ``limited`` (-1 at minimum, +1 at maximum, 0 free).
    """
    if not math.isfinite(budget) or budget < 0 or abs(budget - round(budget)) > 1e-9:
        raise IndexInputError("budget_whole", "The budget must be a non-negative whole number of euros.",
                              budget=budget)
    budget = int(round(budget))
    pop = np.asarray(population, dtype=float)
    sup = np.asarray(supplement, dtype=float)
    if len(pop) == 0:
        raise IndexInputError("no_units", "No units.")
    if not 0.0 <= base_share <= 1.0:
        raise IndexInputError("base_share", "BASE_SHARE must lie between 0 and 1.", value=base_share)
    for i in range(len(pop)):
        if not math.isfinite(pop[i]):
            raise IndexInputError("population_missing_row", "Target population missing.", row=i)
        if pop[i] < 0:
            raise IndexInputError("population_negative", "Negative population.", row=i, value=float(pop[i]))
        if not math.isfinite(sup[i]) or sup[i] < 0:
            raise IndexInputError("supplement_negative", "Supplement missing or negative.", row=i,
                                  value=float(sup[i]))
    total_pop = pop.sum()
    if total_pop <= 0:
        raise IndexInputError("population_zero", "The target population is zero everywhere.")
    need_weight = pop * sup
    need_pot = budget * (1.0 - base_share)
    if need_pot > 0 and need_weight.sum() <= 0:
        raise IndexInputError("need_zero", "No unit has a positive need supplement.")
    base = budget * base_share * pop / total_pop
    need = need_pot * need_weight / need_weight.sum() if need_pot > 0 else np.zeros(len(pop))
    raw = base + need
    lo = math.ceil(min_amount - 1e-9) if min_amount else 0
    hi = None if max_amount is None else math.floor(max_amount + 1e-9)
    exact, lam = clamp_scale(raw, budget, lo, hi)
    amount = largest_remainder(exact, budget)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_head = np.where(pop > 0, amount / np.where(pop > 0, pop, 1.0), np.nan)
    limited = np.zeros(len(pop), dtype=int)
    limited[lam * raw < lo - 1e-9] = -1
    if hi is not None:
        limited[lam * raw > hi + 1e-9] = 1
    return {"base": base, "need": need, "raw": raw, "exact": exact, "amount": amount,
            "per_head": per_head, "limited": limited, "min": lo, "max": hi}


def need_supplements(values, factors):
    """``(class keys, supplements)`` of the units from their need classes *values* and *factors* ({key: supplement}).

    Keys compare as :func:`normalise_key`. A missing class raises ``IndexInputError("need_missing", row=i)``,
    a class without a supplement ``IndexInputError("need_unknown", row=i, key=key, known=...)``.
    """
    keys = []
    supplement = np.zeros(len(values))
    for i, value in enumerate(values):
        key = normalise_key(value)
        if key is None:
            raise IndexInputError("need_missing", "The need class is missing.", row=i)
        if key not in factors:
            raise IndexInputError("need_unknown", "The need class has no supplement.", row=i, key=key,
                                  known=", ".join(sorted(factors)))
        keys.append(key)
        supplement[i] = factors[key]
    return keys, supplement


def report_rows(keys, population, amount, factors, total_label="total"):
    """The allocation by need class: ``[class, units, heads, supplement, amount, share %, per head]`` per class
    (sorted by key length, then key; none without *factors*), then a row *total_label* for all units.
    share and per head are None where their divisor is 0."""
    population = np.asarray(population, dtype=float)
    amount = np.asarray(amount)
    total = int(amount.sum())
    groups = []
    if factors:
        for key in sorted(set(keys), key=lambda k: (len(k), k)):
            groups.append((key, np.array([k == key for k in keys]), factors[key]))
    groups.append((total_label, np.ones(len(population), dtype=bool), None))
    rows = []
    for name, members, sup in groups:
        heads = float(population[members].sum())
        money = int(amount[members].sum())
        rows.append([name, int(members.sum()), heads, sup, money, 100.0 * money / total if total else None,
                     money / heads if heads > 0 else None])
    return rows
