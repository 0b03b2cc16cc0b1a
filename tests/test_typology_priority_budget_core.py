"""core.typology, core.priority, core.budget: hand-worked values and invariants."""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import budget, priority, typology
from bildungslandschaft_plugin.core.socialindex import IndexInputError


# ----------------------------------------------------------------- typology
def _three_blobs():
    rng = np.random.default_rng(1)
    centres = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    x = np.vstack([c + 0.5 * rng.normal(size=(8, 2)) for c in centres])
    return x, np.repeat([0, 1, 2], 8)


def test_silhouette_hand_computed():
    x = np.array([[0.0], [1.0], [10.0], [11.0]])
    s = typology.silhouette_samples(x, np.array([0, 0, 1, 1]))
    # point 0: a = 1, b = (10 + 11) / 2 = 10.5 -> (10.5 - 1) / 10.5
    assert s[0] == pytest.approx(9.5 / 10.5)
    # point 1: a = 1, b = (9 + 10) / 2 = 9.5
    assert s[1] == pytest.approx(8.5 / 9.5)
    assert s[3] == pytest.approx(s[0]) and s[2] == pytest.approx(s[1])
    # a point alone in its cluster scores 0
    assert typology.silhouette_samples(x, np.array([0, 1, 1, 1]))[0] == 0.0


def test_typology_finds_three_types_and_profiles():
    x, truth = _three_blobs()
    res = typology.typology(x, ["a", "b"], k=0, k_min=2, k_max=6)
    assert res["k"] == 3
    assert max(res["scores"], key=res["scores"].get) == 3
    # same partition as the truth (up to numbering)
    for t in range(3):
        assert len(set(res["cluster"][truth == t])) == 1
    # profile = mean z per cluster, computed independently
    z = (x - x.mean(0)) / x.std(0)
    for c in range(1, 4):
        assert np.allclose(res["profile"][c - 1], z[res["cluster"] == c].mean(0))
    # canonical numbering: ascending mean of the profile
    means = res["profile"].mean(axis=1)
    assert list(means) == sorted(means)
    assert list(res["sizes"]) == [8, 8, 8]


def test_typology_is_deterministic_and_k_given():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(40, 3))
    one = typology.typology(x, ["a", "b", "c"], k=4, seed=42)
    two = typology.typology(x, ["a", "b", "c"], k=4, seed=42)
    assert one["k"] == 4 and np.array_equal(one["cluster"], two["cluster"])
    assert set(one["cluster"]) == {1, 2, 3, 4}
    # every area is closest to its own cluster's centre (Lloyd fixed point)
    d = ((one["z"][:, None, :] - one["profile"][None, :, :]) ** 2).sum(-1)
    assert np.array_equal(d.argmin(axis=1) + 1, one["cluster"])


def test_typology_errors():
    with pytest.raises(IndexInputError) as err:
        typology.typology(np.array([[1.0], [2.0], [3.0]]), ["a"], k=5)
    assert err.value.code == "too_few_areas"
    with pytest.raises(IndexInputError) as err:
        typology.typology(np.array([[1.0, 2.0], [2.0, 2.0], [3.0, 2.0]]), ["a", "b"], k=2)
    assert err.value.code == "constant" and err.value.details["name"] == "b"


# ----------------------------------------------------------------- priority
def test_priority_matrix():
    ic = np.repeat([1, 2, 3, 4], 3)
    dc = np.tile([1, 2, 3], 4)
    p = priority.priority(ic, dc)
    assert list(p) == [4, 4, 3, 4, 3, 2, 3, 2, 1, 2, 1, 1]
    # closed form of the documented matrix
    assert list(p) == list(np.minimum(4, np.maximum(1, 5 - ((ic - 1) + (dc - 1)))))
    assert list(priority.priority([0, 4, 5], [3, 0, 3])) == [0, 0, 0]


def test_deficit_thresholds_and_terciles():
    v = [0.0, 0.2, 0.25, 0.4, 0.5, float("nan")]
    cls, used = priority.deficit_classes(v, priority.parse_thresholds("0,2; 0.4"))
    assert used == (0.2, 0.4)
    assert list(cls) == [1, 1, 2, 2, 3, 0]   # 0.2 and 0.4 belong to the lower class
    cls, used = priority.deficit_classes([1, 2, 3, 4, 5, 6, 7])
    # terciles of 1..7: 3 and 5
    assert used == pytest.approx((3.0, 5.0))
    assert list(cls) == [1, 1, 1, 2, 2, 3, 3]
    for bad, code in (("0.4;0.2", "thresholds_order"), ("1", "thresholds_count"), ("a;b", "thresholds_number")):
        with pytest.raises(IndexInputError) as err:
            priority.parse_thresholds(bad)
        assert err.value.code == code


# ------------------------------------------------------------------- budget
def test_budget_worked_example():
    # budget 100000, half per head, half by need; children 100/200/300/400 in classes 1..4
    sup = [0, 0.25, 0.5, 1]
    res = budget.allocate(100000, [100, 200, 300, 400], sup, base_share=0.5)
    # base: 50000 / 1000 heads = 50 per head
    assert np.allclose(res["base"], [5000, 10000, 15000, 20000])
    # need weights 0, 50, 150, 400 (sum 600): 50000 / 600 per weighted head
    assert np.allclose(res["need"], [0, 50000 * 50 / 600, 50000 * 150 / 600, 50000 * 400 / 600])
    # 14166.67, 27500, 53333.33 -> largest remainder: .67 wins over .33
    assert list(res["amount"]) == [5000, 14167, 27500, 53333]
    assert res["amount"].sum() == 100000


def test_budget_min_max_clamping():
    res = budget.allocate(100000, [100, 200, 300, 400], [0, 0.25, 0.5, 1], 0.5,
                          min_amount=15000, max_amount=40000)
    # 15000 and 40000 fixed; 45000 left for raw 14166.67 and 27500 (sum 41666.67): factor 1.08
    assert list(res["amount"]) == [15000, 15300, 29700, 40000]
    assert list(res["limited"]) == [-1, 0, 0, 1]


def _iterative_clamping(raw, total, lo, hi):
    """Independent method: fix violators, rescale the rest, repeat."""
    raw = np.asarray(raw, float)
    fixed = np.full(len(raw), np.nan)
    while True:
        free = np.isnan(fixed)
        rest = total - np.nansum(fixed)
        a = np.where(free, raw * rest / raw[free].sum(), fixed)
        low = free & (a < lo - 1e-9)
        high = free & (a > hi + 1e-9)
        if not low.any() and not high.any():
            return a
        # fix the side with the larger violation first (one side per round)
        if (lo - a[low]).sum() >= (a[high] - hi).sum():
            fixed[low] = lo
        else:
            fixed[high] = hi


def test_budget_against_iterative_clamping_and_exact_total():
    rng = np.random.default_rng(11)
    for trial in range(20):
        n = 12
        pop = rng.integers(0, 2000, size=n).astype(float)
        pop[0] = max(pop[0], 1)
        sup = rng.choice([0, 0.25, 0.5, 1.0], size=n)
        sup[0] = 1.0
        total = int(rng.integers(200000, 900000))
        lo, hi = 5000, 120000
        res = budget.allocate(total, pop, sup, 0.4, min_amount=lo, max_amount=hi)
        assert res["amount"].sum() == total
        assert res["amount"].min() >= lo and res["amount"].max() <= hi
        expected = _iterative_clamping(res["raw"], total, lo, hi)
        assert np.allclose(res["exact"], expected, atol=1e-6)
        assert np.all(np.abs(res["amount"] - res["exact"]) < 1)


def test_largest_remainder():
    assert list(budget.largest_remainder([100 / 3] * 3, 100)) == [34, 33, 33]
    assert list(budget.largest_remainder([1.2, 2.5, 3.3], 7)) == [1, 3, 3]


def test_budget_errors():
    with pytest.raises(IndexInputError) as err:
        budget.allocate(10000, [10, 20, 30], [1, 1, 1], min_amount=4000)
    assert err.value.code == "budget_min" and err.value.details["needed"] == 12000
    with pytest.raises(IndexInputError) as err:
        budget.allocate(10000, [10, -20, 30], [1, 1, 1])
    assert err.value.code == "population_negative" and err.value.details["row"] == 1
    with pytest.raises(IndexInputError) as err:
        budget.allocate(10000, [10, 20], [1, 1], max_amount=4000)
    assert err.value.code == "budget_max"
    with pytest.raises(IndexInputError) as err:
        budget.allocate(10000.5, [10, 20], [1, 1])
    assert err.value.code == "budget_whole"
    with pytest.raises(IndexInputError) as err:
        budget.allocate(10000, [10, 20], [0, 0], base_share=0.5)
    assert err.value.code == "need_zero"


def test_parse_factors():
    f = budget.parse_factors("1:0;2:0,25; 3 : 0.5;4:1")
    assert f == {"1": 0.0, "2": 0.25, "3": 0.5, "4": 1.0}
    assert budget.normalise_key(2.0) == "2" and budget.normalise_key("02") == "02"
    with pytest.raises(IndexInputError):
        budget.parse_factors("1:-1")
