"""core/stats.py against independent computations (repeated values, loops, a hand-worked district)."""

import math

import numpy as np
import pytest

from bildungslandschaft_plugin.core import stats


def test_weighted_median_equals_lower_median_of_repeated_values():
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(1, 12))
        values = rng.integers(0, 50, n).astype(float)
        weights = rng.integers(0, 5, n)
        if weights.sum() == 0:
            assert stats.weighted_median(values, weights) is None
            continue
        repeated = np.sort(np.repeat(values, weights))
        expected = repeated[math.ceil(len(repeated) / 2) - 1]  # the lower median
        assert stats.weighted_median(values, weights) == expected


def test_weighted_median_hand_worked():
    # weights 1, 1, 2 on 30, 10, 20: sorted 10 (1), 20 (2), 30 (1); half of 4 is reached at 20
    assert stats.weighted_median(np.array([30.0, 10.0, 20.0]), np.array([1.0, 1.0, 2.0])) == 20.0
    # fractional weights: 0.4 on 5, 0.6 on 9 -> 9; weight 0 is left out
    assert stats.weighted_median(np.array([5.0, 9.0, 1.0]), np.array([0.4, 0.6, 0.0])) == 9.0
    assert stats.weighted_median(np.array([]), np.array([])) is None


def test_group_sums_equal_a_loop():
    rng = np.random.default_rng(3)
    group = rng.integers(-1, 5, 300)
    weights = rng.random(300) * 10
    mask = rng.random(300) > 0.3
    sums, counts = stats.group_sums(group, weights, 6, mask)
    for g in range(6):
        sel = [i for i in range(300) if group[i] == g and mask[i]]
        assert sums[g] == pytest.approx(sum(weights[i] for i in sel))
        assert counts[g] == len(sel)
    assert stats.group_sums([], [], 0)[0].size == 0


def test_ratio_and_counts_within():
    assert stats.ratio_or_nan([6.0, 1.0, 2.0], [3.0, 0.0, -1.0])[0] == 2.0
    assert np.isnan(stats.ratio_or_nan([6.0, 1.0, 2.0], [3.0, 0.0, -1.0])[1:]).all()
    c500, c1000 = stats.counts_within([0, 0, 1, 2, 2], [100.0, 900.0, 600.0, 500.0, 1000.0], [500, 1000], 4)
    assert c500.tolist() == [1, 0, 1, 0] and c1000.tolist() == [2, 1, 2, 0]


def test_district_cost_figures_hand_worked():
    # district 0: demand 2 at cost 100, 1 at cost 400, 1 unreached; district 1: no demand point
    rows = stats.district_cost_figures(np.array([0, 0, 0, -1]), 2, np.array([2.0, 1.0, 1.0, 5.0]),
                                       np.array([100.0, 400.0, 50.0, 10.0]), np.array([True, True, False, True]),
                                       [200.0, 500.0])
    total, reached, mean, median, s200, s500 = rows[0]
    assert (total, reached) == (4.0, 3.0)
    assert mean == pytest.approx((2 * 100 + 400) / 3)
    assert median == 100.0
    assert s200 == pytest.approx(50.0) and s500 == pytest.approx(75.0)
    assert rows[1] == [0.0, 0.0, None, None, None, None]


def test_rows_per_part_equal_the_loop_of_the_allocation_output():
    part_owner = np.array([2, 0, 2, 2, 4])
    owners, parts = stats.rows_per_part(part_owner, 5)
    expected = []  # one row per part in the order of the parts, one row (-1) for an owner without parts
    for k in range(5):
        mine = [p for p in range(len(part_owner)) if part_owner[p] == k]
        expected += [(k, p) for p in mine] or [(k, -1)]
    assert list(zip(owners.tolist(), parts.tolist())) == expected
    owners, parts = stats.rows_per_part(np.array([], dtype=np.int64), 2)
    assert owners.tolist() == [0, 1] and parts.tolist() == [-1, -1]


def test_take_parts():
    assert stats.take_parts([1, -1, 0], np.array([5, 7]), -1).tolist() == [7, -1, 5]
    out = stats.take_parts([-1, -1], np.array([], dtype=float), np.nan)
    assert np.isnan(out).all() and len(out) == 2
