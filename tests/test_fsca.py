"""Tests of core/fsca.py: hand-worked cases and PySAL ``access`` reference values."""

import math

import numpy as np
import pytest

from bildungslandschaft_plugin.core import fsca

# Inputs shared with tests/reference/make_fsca_reference.py (keep identical).
DEMAND = {"o1": 100.0, "o2": 250.0, "o3": 80.0, "o4": 40.0, "o5": 0.0}
SUPPLY = {"f1": 10.0, "f2": 25.0, "f3": 5.0}
PAIRS = [
    ("o1", "f1", 5.0), ("o1", "f2", 18.0), ("o1", "f3", 32.0),
    ("o2", "f1", 12.0), ("o2", "f2", 8.0),
    ("o3", "f2", 26.0), ("o3", "f3", 9.0),
    ("o4", "f3", 45.0),
    ("o5", "f1", 3.0),
]
STEPS = "10:1;20:0.68;30:0.22"
O = list(DEMAND)
F = list(SUPPLY)

# Literal values produced by tests/reference/make_fsca_reference.py with access 1.1.10.post3
REFERENCE = {
    '2sfca_d25': {
        'access': {'o1': 0.09999999999999999, 'o2': 0.09999999999999999, 'o3': 0.0625, 'o4': None, 'o5': 0.02857142857142857},
        'normalized': {'o1': 1.1749999999999998, 'o2': 1.1749999999999998, 'o3': 0.734375, 'o4': None, 'o5': 0.3357142857142857},
        'ratio': {'f1': 0.02857142857142857, 'f2': 0.07142857142857142, 'f3': 0.0625},
    },
    '2sfca_d40': {
        'access': {'o1': 0.11448874123292728, 'o2': 0.0867109634551495, 'o3': 0.08591731266149871, 'o4': None, 'o5': 0.02857142857142857},
        'normalized': {'o1': 1.3452427094868955, 'o2': 1.0188538205980067, 'o3': 1.0095284237726099, 'o4': None, 'o5': 0.3357142857142857},
        'ratio': {'f1': 0.02857142857142857, 'f2': 0.05813953488372093, 'f3': 0.027777777777777776},
    },
    'e2sfca_steps_d40': {
        'access': {'o1': 0.08769257934931356, 'o2': 0.09967862976206242, 'o3': 0.07888855780691299, 'o4': None, 'o5': 0.037037037037037035},
        'normalized': {'o1': 1.0303878073544344, 'o2': 1.1712238997042335, 'o3': 0.9269405542312277, 'o4': None, 'o5': 0.4351851851851852},
        'ratio': {'f1': 0.037037037037037035, 'f2': 0.07449344457687723, 'f3': 0.0625},
    },
    'gaussian_s15_d40': {
        'access': {'o1': 0.08386774716786272, 'o2': 0.1028322152328578, 'o3': 0.07381464343749096, 'o4': None, 'o5': 0.03549731258116041},
        'normalized': {'o1': 0.9854460292223869, 'o2': 1.2082785289860791, 'o3': 0.8673220603905188, 'o4': None, 'o5': 0.4170934228286348},
        'ratio': {'f1': 0.036214405862648465, 'f2': 0.08823224237339168, 'f3': 0.06485454557150996},
    },
    '3sfca_steps_d40': {
        'access': {'o1': 0.08471466875866818, 'o2': 0.1043460852024853, 'o3': 0.06802514779389827, 'o4': None, 'o5': 0.07792207792207793},
        'normalized': {'o1': 0.9953973579143511, 'o2': 1.2260665011292022, 'o3': 0.7992954865783047, 'o4': None, 'o5': 0.9155844155844157},
        'ratio': {'f1': 0.07792207792207793, 'f2': 0.13927025430900647, 'f3': 0.07624999999999998},
    },
    'gravity_b1_min1_d40': {
        'access': {'o1': 3.545138888888889, 'o2': 3.958333333333333, 'o3': 1.517094017094017, 'o4': None, 'o5': 3.333333333333333},
        'normalized': {'o1': 1.1369876246195345, 'o2': 1.2695062605937995, 'o3': 0.4865584048699582, 'o4': None, 'o5': 1.0690579036579364},
        'ratio': None,
    },
    'gravity_b2_min4_d30': {
        'access': {'o1': 0.4771604938271605, 'o2': 0.4600694444444444, 'o3': 0.09871064358243845, 'o4': None, 'o5': 0.625},
        'normalized': {'o1': 1.3143356254384537, 'o2': 1.2672584357498027, 'o3': 0.2718978564838002, 'o4': None, 'o5': 1.7215586296978451},
        'ratio': None,
    },
}

# method and parameters of each reference case (as in the reference script)
CASES = {
    "2sfca_d25": dict(method=fsca.TWO_STEP, max_cost=25.0),
    "2sfca_d40": dict(method=fsca.TWO_STEP, max_cost=40.0),
    "e2sfca_steps_d40": dict(method=fsca.ENHANCED, max_cost=40.0, steps=STEPS),
    "gaussian_s15_d40": dict(method=fsca.GAUSSIAN, max_cost=40.0, sigma=15.0),
    "3sfca_steps_d40": dict(method=fsca.THREE_STEP, max_cost=40.0, steps=STEPS),
    "gravity_b1_min1_d40": dict(method=fsca.GRAVITY, max_cost=40.0, beta=1.0, min_cost=1.0),
    "gravity_b2_min4_d30": dict(method=fsca.GRAVITY, max_cost=30.0, beta=2.0, min_cost=4.0),
}


def arrays():
    orig = np.array([O.index(o) for o, _, _ in PAIRS])
    dest = np.array([F.index(f) for _, f, _ in PAIRS])
    cost = np.array([c for _, _, c in PAIRS])
    return orig, dest, cost, np.array(list(DEMAND.values())), np.array(list(SUPPLY.values()))


def run(normalize=False, **kwargs):
    orig, dest, cost, demand, supply = arrays()
    return fsca.supply_demand(orig, dest, cost, demand, supply, normalize=normalize, **kwargs)


@pytest.mark.parametrize("name", sorted(CASES))
def test_equals_pysal_access(name):
    ref = REFERENCE[name]
    for normalize, key in ((False, "access"), (True, "normalized")):
        access, ratio = run(normalize=normalize, **CASES[name])
        for i, o in enumerate(O):
            expected = ref[key][o]
            # PySAL leaves origins without a reachable facility missing; we write 0.
            expected = 0.0 if expected is None else expected
            assert access[i] == pytest.approx(expected, rel=1e-12, abs=1e-15), (name, key, o)
    if ref["ratio"] is None:
        assert np.isnan(ratio).all()
    else:
        for j, f in enumerate(F):
            assert ratio[j] == pytest.approx(ref["ratio"][f], rel=1e-12), (name, f)


def test_origin_without_facility_is_zero_in_pysal_missing():
    # o4 reaches f3 only at cost 45 > every d0 used above
    assert REFERENCE["2sfca_d40"]["access"]["o4"] is None
    access, _ = run(method=fsca.TWO_STEP, max_cost=40.0)
    assert access[O.index("o4")] == 0.0


def test_two_step_hand_worked():
    # d0 = 25: f1 serves o1, o2, o5 (100 + 250 + 0), f2 serves o1, o2, f3 serves o3.
    access, ratio = run(method=fsca.TWO_STEP, max_cost=25.0)
    assert ratio.tolist() == pytest.approx([10 / 350, 25 / 350, 5 / 80])
    assert access.tolist() == pytest.approx([35 / 350, 35 / 350, 5 / 80, 0.0, 10 / 350])
    # normalised: demand-weighted mean = (100*0.1 + 250*0.1 + 80*0.0625) / 470 = 40 / 470
    norm, _ = run(method=fsca.TWO_STEP, max_cost=25.0, normalize=True)
    assert norm.tolist() == pytest.approx((access * 470 / 40).tolist())
    # supply is conserved: sum_i P_i A_i = total supply reached
    orig, dest, cost, demand, supply = arrays()
    assert float(np.sum(demand * access)) == pytest.approx(40.0)


def test_enhanced_hand_worked():
    # weights: 5->1, 18->0.68, 32->0 (beyond 30), 12->0.68, 8->1, 26->0.22, 9->1, 3->1
    access, ratio = run(method=fsca.ENHANCED, max_cost=40.0, steps=STEPS)
    r1 = 10 / (100 * 1 + 250 * 0.68)
    r2 = 25 / (100 * 0.68 + 250 * 1 + 80 * 0.22)
    r3 = 5 / 80
    assert ratio.tolist() == pytest.approx([r1, r2, r3])
    assert access.tolist() == pytest.approx(
        [r1 + 0.68 * r2, 0.68 * r1 + r2, 0.22 * r2 + r3, 0.0, r1])


def test_gaussian_hand_worked():
    sigma = 15.0

    def f(c):
        return math.exp(-c * c / (2 * sigma * sigma))

    access, ratio = run(method=fsca.GAUSSIAN, max_cost=25.0, sigma=sigma)
    r1 = 10 / (100 * f(5) + 250 * f(12) + 0 * f(3))
    r2 = 25 / (100 * f(18) + 250 * f(8))
    r3 = 5 / (80 * f(9))
    assert ratio.tolist() == pytest.approx([r1, r2, r3])
    assert access.tolist() == pytest.approx(
        [r1 * f(5) + r2 * f(18), r1 * f(12) + r2 * f(8), r3 * f(9), 0.0, r1 * f(3)])


def test_three_step_hand_worked():
    # step weights within d0 = 25: o1 (f1 1, f2 0.68), o2 (f1 0.68, f2 1), o3 (f3 1), o5 (f1 1)
    access, ratio = run(method=fsca.THREE_STEP, max_cost=25.0, steps=STEPS)
    g11, g12 = 1 / 1.68, 0.68 / 1.68
    g21, g22 = 0.68 / 1.68, 1 / 1.68
    d1 = 100 * 1 * g11 + 250 * 0.68 * g21
    d2 = 100 * 0.68 * g12 + 250 * 1 * g22
    r1, r2, r3 = 10 / d1, 25 / d2, 5 / 80
    assert ratio.tolist() == pytest.approx([r1, r2, r3])
    assert access.tolist() == pytest.approx([
        r1 * 1 * g11 + r2 * 0.68 * g12,
        r1 * 0.68 * g21 + r2 * 1 * g22,
        r3,
        0.0,
        r1,  # o5 reaches only f1: G = 1
    ])


def test_gravity_hand_worked():
    access, ratio = run(method=fsca.GRAVITY, max_cost=40.0, beta=1.0, min_cost=4.0)
    # o5 at cost 3 < min cost 4 counts as 4
    assert access.tolist() == pytest.approx(
        [10 / 5 + 25 / 18 + 5 / 32, 10 / 12 + 25 / 8, 25 / 26 + 5 / 9, 0.0, 10 / 4])
    assert np.isnan(ratio).all()


def test_single_facility_and_zero_supply():
    orig = np.array([0, 1])
    dest = np.array([0, 0])
    cost = np.array([1.0, 2.0])
    access, ratio = fsca.supply_demand(orig, dest, cost, [3.0, 1.0], [8.0], max_cost=10)
    assert ratio.tolist() == [2.0]
    assert access.tolist() == [2.0, 2.0]
    access, ratio = fsca.supply_demand(orig, dest, cost, [3.0, 1.0], [0.0], max_cost=10,
                                       normalize=True)
    assert access.tolist() == [0.0, 0.0]
    assert ratio.tolist() == [0.0]


def test_facility_without_demand_has_no_ratio():
    access, ratio = fsca.supply_demand([0], [0], [1.0], [0.0], [5.0, 3.0], max_cost=10)
    assert np.isnan(ratio).all()
    assert access.tolist() == [0.0]


def test_parse_steps():
    t, w = fsca.parse_steps(" 10:1; 20:0,68 ;30:0.22;")
    assert t.tolist() == [10, 20, 30]
    assert w.tolist() == [1, 0.68, 0.22]
    assert fsca.step_weights([0, 10, 10.5, 30, 31], t, w).tolist() == [1, 1, 0.68, 0.22, 0]


@pytest.mark.parametrize("text,code", [
    ("", "empty"), ("  ; ", "empty"), ("10-1", "syntax"), ("10:a", "syntax"),
    ("10:1;5:0.5", "order"), ("10:-1", "negative"), ("10:1:2", "syntax"), ("nan:1", "syntax"),
])
def test_parse_steps_errors(text, code):
    with pytest.raises(fsca.StepsError) as err:
        fsca.parse_steps(text)
    assert err.value.code == code


@pytest.mark.parametrize("kwargs,code", [
    (dict(demand=[-1.0, 1.0]), "demand"),
    (dict(demand=[float("nan"), 1.0]), "demand"),
    (dict(supply=[-2.0]), "supply"),
    (dict(cost=[-1.0, 1.0]), "cost"),
    (dict(method=fsca.GAUSSIAN, sigma=0), "sigma"),
    (dict(method=fsca.GRAVITY, min_cost=0), "min_cost"),
    (dict(method=fsca.GRAVITY, beta=-1), "beta"),
    (dict(method=9), "method"),
])
def test_bad_input(kwargs, code):
    args = dict(orig=[0, 1], dest=[0, 0], cost=[1.0, 2.0], demand=[1.0, 1.0], supply=[1.0])
    args.update(kwargs)
    with pytest.raises(fsca.FscaError) as err:
        fsca.supply_demand(**args)
    assert err.value.code == code


def test_weighted_mean():
    assert fsca.weighted_mean([1.0, 3.0], [1.0, 3.0]) == pytest.approx(2.5)
    assert math.isnan(fsca.weighted_mean([1.0], [0.0]))
