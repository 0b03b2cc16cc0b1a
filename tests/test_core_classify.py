"""Nice class breaks (core/classify.py), checked against hand-worked values."""

import math

import numpy as np
import pytest

from bildungslandschaft_plugin.core.classify import (
    break_labels, classify, decimals_for_step, format_number, nice_breaks, nice_number)


@pytest.mark.parametrize("x, expected", [
    (1.0, 1.0), (3.0, 2.5), (4.0, 5.0), (7.0, 5.0), (8.0, 10.0),
    (0.037, 0.05), (0.3, 0.25), (1234.0, 1000.0), (1600.0, 2000.0), (2.2, 2.0),
])
def test_nice_number_nearest_on_log_scale(x, expected):
    assert nice_number(x) == pytest.approx(expected)


@pytest.mark.parametrize("x, expected", [(3.0, 5.0), (2.1, 2.5), (5.0, 5.0), (5.1, 10.0), (0.011, 0.02)])
def test_nice_number_round_up(x, expected):
    assert nice_number(x, round_up=True) == pytest.approx(expected)


def test_nice_number_rejects_non_positive():
    assert nice_number(0) == 0.0
    assert nice_number(-3) == 0.0
    assert nice_number(float("nan")) == 0.0


def test_quantile_breaks_hand_worked():
    # 1..20: range 19, step = nice(19 / 10 = 1.9) = 2.
    # quartile-ish quantiles at 0.2/0.4/0.6/0.8: 4.8, 8.6, 12.4, 16.2 -> 4, 8, 12, 16
    values = np.arange(1, 21, dtype=float)
    assert nice_breaks(values, 5) == [0.0, 4.0, 8.0, 12.0, 16.0, 20.0]


def test_quantile_breaks_are_multiples_of_a_nice_step_and_cover_data():
    rng = np.random.default_rng(7)
    values = rng.gamma(2.0, 6.3, 200)
    edges = nice_breaks(values, 5)
    assert edges[0] <= values.min() and edges[-1] >= values.max()
    assert all(b > a for a, b in zip(edges[:-1], edges[1:]))
    step = nice_number((values.max() - values.min()) / 10)
    for e in edges:
        assert abs(e / step - round(e / step)) < 1e-9
    mantissas = {round(step / 10 ** math.floor(math.log10(step)), 6)}
    assert mantissas <= {1.0, 2.0, 2.5, 5.0}


def test_equal_breaks_hand_worked():
    # range 0.61..29.7 = 29.1 / 5 = 5.8 -> step 5 -> 0, 5, ..., 30
    assert nice_breaks([0.61, 12.0, 29.7], 5, method="equal") == [0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0]


def test_breaks_constant_and_empty_and_nan():
    assert nice_breaks([5, 5, 5]) == [5.0, 5.5]
    assert nice_breaks([]) == []
    assert nice_breaks([np.nan, np.nan]) == []
    # 1..10 without the NaN: step nice(9 / 4) = 2.5, median 5.5 -> 5.0, edges 0 and 10
    assert nice_breaks([1, np.nan, 3, 2, 4, 5, 6, 7, 8, 9, 10], 2) == [0.0, 5.0, 10.0]


def test_bad_method():
    with pytest.raises(ValueError):
        nice_breaks([1, 2, 3], method="jenks")


def test_classify_upper_edge_belongs_to_lower_class():
    edges = [0, 5, 10, 20]
    assert classify([0, 5, 5.01, 10, 19, 20, np.nan], edges).tolist() == [0, 0, 1, 1, 2, 2, -1]


def test_decimals_and_labels():
    assert decimals_for_step(2.5) == 1
    assert decimals_for_step(0.25) == 2
    assert decimals_for_step(500) == 0
    assert break_labels([0, 2.5, 5], decimal_point=",") == ["0,0 – 2,5", "2,5 – 5,0"]
    assert break_labels([0, 10, 20]) == ["0 – 10", "10 – 20"]
    assert format_number(12345.678, 1, ",", ".") == "12.345,7"
    assert format_number(-0.01, 1) == "0.0"
    assert format_number(float("nan"), 1) == ""
