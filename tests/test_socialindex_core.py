"""core.socialindex: hand-computed indices, class cuts, exclusions, errors."""

import itertools

import numpy as np
import pytest

from bildungslandschaft_plugin.core import socialindex as si

NAN = float("nan")


def test_berlin_index_hand_computed_with_exclusion_sign_flip():
    # six areas; area 3 (index 2) has 200 residents -> left out although its values are extreme
    a = [1, 2, 100, 3, 4, 5]          # burden indicator
    b = [50, 40, -999, 30, 20, 10]    # NEGATIVE: a high value means less burden
    pop = [1000, 1000, 200, 1000, 1000, 1000]
    res = si.social_index(np.column_stack([a, b]), ["a", "b"], negative=[False, True],
                          population=pop, min_population=300)
    inc = [0, 1, 3, 4, 5]
    # over the five included areas: a = 1..5 (mean 3, population sd sqrt 2); b flipped gives the same z
    z = np.array([-2, -1, 0, 1, 2]) / np.sqrt(2)
    assert np.allclose(res["z"][inc, 0], z)
    assert np.allclose(res["z"][inc, 1], z)
    assert np.allclose(res["status_sum"][inc], 2 * z)
    # SI = (S - mean S) / sd S, sd with divide-by-n: S = 2z has sd 2 -> SI = z
    assert np.allclose(res["index"][inc], z)
    assert list(res["index_class"][inc]) == [1, 2, 2, 2, 3]  # -1.414 < -1; 1 < 1.414 <= 1.5
    assert list(res["rank"][inc]) == [5, 4, 3, 2, 1]         # rank 1 = most burden
    assert np.isnan(res["index"][2]) and res["index_class"][2] == 0 and res["rank"][2] == 0
    assert res["reasons"][2] == (si.EXCL_POPULATION_SMALL, 200.0)
    assert not res["included"][2]


def test_weights_hand_computed():
    a = [1, 2, 3, 4, 5]   # z = (-2,-1,0,1,2)/sqrt2
    c = [2, 1, 3, 5, 4]   # z = (-1,-2,0,2,1)/sqrt2
    w = si.parse_weights("a:2", ["a", "c"])
    assert w == [2.0, 1.0]
    res = si.social_index(np.column_stack([a, c]), ["a", "c"], weights=w)
    s = np.array([-5, -4, 0, 4, 5]) / np.sqrt(2)
    assert np.allclose(res["status_sum"], s)
    # var(S) = (25+16+0+16+25)/5/2 = 8.2 -> SI = (-5,-4,0,4,5)/sqrt(16.4)
    expected = np.array([-5, -4, 0, 4, 5]) / np.sqrt(16.4)
    assert np.allclose(res["index"], expected)
    assert list(res["index_class"]) == [1, 2, 2, 2, 3]


def test_class_boundaries_exactly():
    v = np.array([-1.0000001, -1.0, 0.0, 1.0, 1.0000001, 1.5, 1.5000001])
    assert list(si.berlin_classes(v)) == [1, 2, 2, 2, 3, 3, 4]
    d = np.array([-1.0000001, -1.0, -0.9999999, 0.9999999, 1.0, 2.0])
    assert list(si.dynamic_classes(d)) == [1, 1, 2, 2, 3, 3]


def test_computed_index_exactly_at_boundaries():
    # two areas of four at 1, two at 0 -> z = +-1 exactly: -1 and 1 are both "mittel"
    res = si.social_index(np.array([[0], [0], [1], [1]], float), ["x"])
    assert np.allclose(res["index"], [-1, -1, 1, 1])
    assert list(res["index_class"]) == [2, 2, 2, 2]
    # four of 13 areas at 1, nine at 0 -> z_high = sqrt(9/4) = 1.5 (in floating point 1.5 +- eps): "niedrig"
    x = np.array([1.0] * 4 + [0.0] * 9)[:, None]
    res = si.social_index(x, ["x"])
    assert np.allclose(res["index"][:4], 1.5)
    assert list(res["index_class"][:4]) == [3, 3, 3, 3]
    assert np.allclose(res["index"][4:], -2.0 / 3.0)
    assert list(res["index_class"][4:]) == [2] * 9
    # mirrored: -1.5 is class 1 (< -1)
    res = si.social_index(-x, ["x"])
    assert list(res["index_class"][:4]) == [1, 1, 1, 1]


def test_dynamic_index_and_groups():
    now = np.array([[1.0], [2.0], [3.0], [4.0]])
    before = np.array([[1.0], [2.0], [2.0], [3.0]])  # change 0, 0, 1, 1 -> DI -1, -1, 1, 1
    res = si.social_index(now, ["x"], previous=before)
    assert np.allclose(res["dyn_index"], [-1, -1, 1, 1])
    assert list(res["dyn_class"]) == [1, 1, 3, 3]   # -1 "positiv", 1 "negativ" (boundaries inclusive)
    # status: z of 1..4 = (-3,-1,1,3)/sqrt5 = -1.342,-0.447,0.447,1.342 -> classes 1,2,2,3
    assert list(res["index_class"]) == [1, 2, 2, 3]
    assert list(res["group"]) == [(1 - 1) * 3 + 1, (2 - 1) * 3 + 1, (2 - 1) * 3 + 3, (3 - 1) * 3 + 3]


def test_dynamic_missing_previous_value_only_drops_dynamics():
    now = np.array([[1.0], [2.0], [3.0], [4.0], [9.0]])
    before = np.array([[1.0], [2.0], [2.0], [3.0], [NAN]])
    res = si.social_index(now, ["x"], previous=before)
    assert res["included"].all()
    assert not res["dyn_included"][4] and res["dyn_class"][4] == 0 and res["group"][4] == 0
    assert res["dyn_reasons"][4] == (si.EXCL_VALUE_MISSING, [0])
    assert np.allclose(res["dyn_index"][:4], [-1, -1, 1, 1])


def test_missing_value_excludes_area_with_reason():
    x = np.array([[1, 5], [2, NAN], [3, 6], [4, 7]], float)
    res = si.social_index(x, ["a", "b"])
    assert not res["included"][1]
    assert res["reasons"][1] == (si.EXCL_VALUE_MISSING, [1])
    assert np.isnan(res["index"][1])
    assert np.isfinite(res["index"][[0, 2, 3]]).all()


def test_minmax_method():
    a = np.array([1.0, 2, 3, 5])
    b = np.array([10.0, 40, 20, 30])  # negative
    res = si.social_index(np.column_stack([a, b]), ["a", "b"], negative=[False, True],
                          weights=[1, 3], method=si.METHOD_MINMAX, classification=si.CLASS_EQUAL, n_classes=2)
    sa = (a - 1) / 4
    sb = 1 - (b - 10) / 30
    assert np.allclose(res["status_sum"], sa + 3 * sb)
    assert np.allclose(res["index"], (sa + 3 * sb) / 4)
    # z-fields still hold z-scores
    assert np.allclose(res["z"][:, 0], (a - a.mean()) / a.std())


def test_minmax_with_berlin_classes_is_an_error():
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(np.array([[1.0], [2.0], [3.0]]), ["a"], method=si.METHOD_MINMAX)
    assert err.value.code == "berlin_minmax"


def test_pca_matches_svd_and_points_to_burden():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(30, 3))
    x[:, 1] = -x[:, 0] + 0.3 * rng.normal(size=30)  # negative indicator, anti-correlated with 0
    res = si.social_index(x, ["a", "b", "c"], negative=[False, True, False], method=si.METHOD_PCA)
    z = (x - x.mean(0)) / x.std(0)
    z[:, 1] *= -1
    _, _, vt = np.linalg.svd(z, full_matrices=False)
    v = vt[0] if vt[0].sum() > 0 else -vt[0]
    score = z @ v
    expected = (score - score.mean()) / score.std()
    assert np.allclose(res["index"], expected)
    assert res["info"]["loadings"].sum() > 0
    # a and flipped b both load positively: higher a -> higher index
    assert res["info"]["loadings"][0] > 0 and res["info"]["loadings"][1] > 0
    assert 0 < res["info"]["explained"] <= 1


def test_quantile_and_equal_interval_classes():
    v = np.arange(1, 9, dtype=float)
    cls, breaks = si.classify(v, si.CLASS_QUANTILES, 4)
    assert np.allclose(breaks, [2.75, 4.5, 6.25])
    assert list(cls) == [1, 1, 2, 2, 3, 3, 4, 4]
    cls, breaks = si.classify(np.array([0.0, 1, 2, 5, 10]), si.CLASS_EQUAL, 2)
    assert np.allclose(breaks, [5.0])
    assert list(cls) == [1, 1, 1, 1, 2]  # 5 is the upper limit of class 1


def _brute_force_jenks(x, k):
    x = sorted(x)
    best = None
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        bounds = (0,) + cuts + (len(x),)
        cost = sum(np.var(x[bounds[i]:bounds[i + 1]]) * (bounds[i + 1] - bounds[i]) for i in range(k))
        if best is None or cost < best[0] - 1e-12:
            best = (cost, [x[c - 1] for c in cuts])
    return best[1]


def test_jenks_obvious_and_against_brute_force():
    assert list(si.jenks_breaks([1, 2, 3, 10, 11, 12, 30, 31], 3)) == [3, 12]
    rng = np.random.default_rng(7)
    for _ in range(5):
        x = list(np.round(rng.gamma(2.0, 3.0, size=9), 3))
        for k in (2, 3, 4):
            assert np.allclose(si.jenks_breaks(x, k), _brute_force_jenks(x, k))
    # deterministic
    x = rng.normal(size=40)
    assert np.array_equal(si.jenks_breaks(x, 5), si.jenks_breaks(x, 5))


def test_errors():
    x = np.array([[1, 5], [2, 5], [3, 5]], float)
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(x, ["a", "konstant"])
    assert err.value.code == "constant" and err.value.details["name"] == "konstant"
    with pytest.raises(si.IndexInputError) as err:
        si.parse_weights("a:1;gibtsnicht:2", ["a", "b"])
    assert err.value.code == "weight_unknown" and err.value.details["name"] == "gibtsnicht"
    with pytest.raises(si.IndexInputError) as err:
        si.parse_weights("a:-1", ["a"])
    assert err.value.code == "weight_negative"
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(np.array([[1.0], [2.0], [3.0]]), ["a"], classification=si.CLASS_QUANTILES, n_classes=5)
    assert err.value.code == "too_few_areas" and err.value.details == {"n": 3, "classes": 5}
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(np.array([[1.0], [2.0], [3.0]]), ["a"], population=[500, -1, 500])
    assert err.value.code == "population_negative" and err.value.details["row"] == 1
    # two indicators that cancel out: status sum constant
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(np.array([[1.0, 1], [2, 2], [3, 3]]), ["a", "b"], negative=[False, True])
    assert err.value.code == "constant_sum"
    # every area too small
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(np.array([[1.0], [2.0]]), ["a"], population=[10, 20])
    assert err.value.code == "too_few_areas"


def test_parse_weights_forms():
    assert si.parse_weights("", ["a", "b"]) == [1.0, 1.0]
    assert si.parse_weights(" A : 1,5 ; b:0", ["a", "b"]) == [1.5, 0.0]
