"""Produce the PySAL ``access`` reference values used in tests/test_fsca.py.

NOT run by the test suite. Run it in a separate environment that has the
PySAL ``access`` package (it needs geopandas etc., which QGIS does not ship):

    /usr/bin/python3 -m venv /tmp/accessenv
    /tmp/accessenv/bin/pip install access          # tested with access 1.1.10.post3
    /tmp/accessenv/bin/python tests/reference/make_fsca_reference.py

and paste the printed dictionary into tests/test_fsca.py (REFERENCE).
The inputs below are copied there literally (DEMAND, SUPPLY, PAIRS).
"""

import math

import access
import pandas as pd
from access import Access, weights
from access import fca

DEMAND = {"o1": 100.0, "o2": 250.0, "o3": 80.0, "o4": 40.0, "o5": 0.0}
SUPPLY = {"f1": 10.0, "f2": 25.0, "f3": 5.0}
PAIRS = [
    ("o1", "f1", 5.0), ("o1", "f2", 18.0), ("o1", "f3", 32.0),
    ("o2", "f1", 12.0), ("o2", "f2", 8.0),
    ("o3", "f2", 26.0), ("o3", "f3", 9.0),
    ("o4", "f3", 45.0),
    ("o5", "f1", 3.0),
]
STEPS = {10: 1.0, 20: 0.68, 30: 0.22}

CASES = {
    # name: (method, max_cost, weight_fn)
    "2sfca_d25": ("2sfca", 25.0, None),
    "2sfca_d40": ("2sfca", 40.0, None),
    "e2sfca_steps_d40": ("2sfca", 40.0, weights.step_fn(STEPS)),
    "gaussian_s15_d40": ("2sfca", 40.0, weights.gaussian(15.0)),
    "3sfca_steps_d40": ("3sfca", 40.0, weights.step_fn(STEPS)),
    "gravity_b1_min1_d40": ("gravity", 40.0, weights.gravity(scale=1.0, alpha=-1.0, min_dist=1.0)),
    "gravity_b2_min4_d30": ("gravity", 30.0, weights.gravity(scale=1.0, alpha=-2.0, min_dist=4.0)),
}


def frames():
    demand = pd.DataFrame({"geoid": list(DEMAND), "pop": list(DEMAND.values())}).set_index("geoid")
    supply = pd.DataFrame({"geoid": list(SUPPLY), "places": list(SUPPLY.values())}).set_index("geoid")
    cost = pd.DataFrame(PAIRS, columns=["origin", "dest", "cost"])
    return demand, supply, cost


def run(method, max_cost, weight_fn, normalize):
    demand, supply, cost = frames()
    acc = Access(demand_df=demand, demand_index=True, demand_value="pop",
                 supply_df=supply, supply_index=True, supply_value="places",
                 cost_df=cost, cost_origin="origin", cost_dest="dest", cost_name="cost")
    if method == "2sfca":
        out = acc.two_stage_fca(name="a", max_cost=max_cost, weight_fn=weight_fn, normalize=normalize)
    elif method == "3sfca":
        out = acc.three_stage_fca(name="a", max_cost=max_cost, weight_fn=weight_fn, normalize=normalize)
    else:
        out = acc.weighted_catchment(name="a", max_cost=max_cost, weight_fn=weight_fn,
                                     normalize=normalize)
    series = out["a_places"]
    return {k: (None if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v))
            for k, v in series.reindex(list(DEMAND)).items()}


def ratios(method, max_cost, weight_fn):
    """R_j = S_j / weighted demand, from PySAL's own weighted_catchment."""
    if method == "gravity":
        return None
    demand, supply, cost = frames()
    if method == "3sfca":
        cost["W3"] = cost["cost"].apply(weight_fn)
        wsum = cost.groupby("origin")["W3"].sum().rename("W3sum").reset_index()
        cost = pd.merge(cost, wsum)
        cost["G"] = cost.W3 / cost.W3sum
    wd = fca.weighted_catchment(demand, cost, max_cost, cost_source="origin", cost_dest="dest",
                                cost_cost="cost", loc_index=True, loc_value="pop",
                                weight_fn=weight_fn,
                                three_stage_weight=True if method == "3sfca" else None)
    return {k: float(SUPPLY[k] / wd[k]) if k in wd.index and wd[k] > 0 else None for k in SUPPLY}


def main():
    print("# produced by tests/reference/make_fsca_reference.py with access", access.__version__)
    print("REFERENCE = {")
    for name, (method, max_cost, fn) in CASES.items():
        print("    {!r}: {{".format(name))
        print("        'access': {!r},".format(run(method, max_cost, fn, False)))
        print("        'normalized': {!r},".format(run(method, max_cost, fn, True)))
        print("        'ratio': {!r},".format(ratios(method, max_cost, fn)))
        print("    },")
    print("}")


if __name__ == "__main__":
    main()
