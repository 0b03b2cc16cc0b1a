"""Areal interpolation and disclosure control: hand-worked examples."""

import math

import numpy as np
import pandas as pd
import pytest

from bildungslandschaft_plugin.core import disclosure as dc
from bildungslandschaft_plugin.core.interpolation import interpolate, parse_intensive

# Two 10 x 10 source squares S0 (x 0..10), S1 (x 10..20); targets T0 (x 0..5), T1 (x 5..20).
SRC = [0, 0, 1]
TGT = [0, 1, 1]
W = [50.0, 50.0, 100.0]
SW = [100.0, 100.0]
TW = [50.0, 150.0]


def test_counts_hand_worked_and_preserved():
    res = interpolate(SRC, TGT, W, SW, TW, extensive={"kinder": [10, 30]})
    assert res.values["kinder"].tolist() == pytest.approx([5.0, 35.0])
    assert res.values["kinder"].sum() == pytest.approx(40.0)
    assert res.coverage.tolist() == pytest.approx([1.0, 1.0])


def test_rates_with_and_without_denominator():
    res = interpolate(SRC, TGT, W, SW, TW, intensive={"q": ([20.0, 10.0], [10.0, 30.0]),
                                                      "m": ([20.0, 10.0], None)})
    # numerator 20*10*0.5 + 10*30*1 = 400 over denominator 5 + 30 = 35
    assert res.values["q"].tolist() == pytest.approx([20.0, 400.0 / 35.0])
    # area-weighted mean (20*50 + 10*100) / 150
    assert res.values["m"].tolist() == pytest.approx([20.0, 2000.0 / 150.0])


def test_missing_stays_missing_with_coverage():
    res = interpolate(SRC, TGT, W, SW, TW, extensive={"a": [10, np.nan], "b": [np.nan, np.nan]},
                      intensive={"q": ([20.0, 10.0], [10.0, np.nan])})
    assert res.values["a"].tolist() == pytest.approx([5.0, 5.0])
    assert res.field_coverage["a"].tolist() == pytest.approx([1.0, 1.0 / 3.0])
    assert all(math.isnan(v) for v in res.values["b"])
    assert res.field_coverage["b"].tolist() == [0.0, 0.0]
    assert res.values["q"].tolist() == pytest.approx([20.0, 20.0])
    assert res.coverage.tolist() == [0.0, 0.0]


def test_target_partly_outside_sources_and_zero_weight_source():
    # T1 extends 50 m2 beyond the sources; S1 has no weight (e.g. no addresses)
    res = interpolate([0, 0], [0, 1], [50.0, 50.0], [100.0, 0.0], [50.0, 200.0],
                      extensive={"a": [10.0, 7.0]})
    assert res.values["a"].tolist() == pytest.approx([5.0, 5.0])
    assert res.coverage.tolist() == pytest.approx([1.0, 0.25])
    assert res.unplaced == {"a": 7.0}


def test_point_weights_hand_worked():
    # residents at addresses: S0 has 30 residents in T0 and 10 in T1; S1 has 60 in T1
    res = interpolate([0, 0, 1], [0, 1, 1], [30.0, 10.0, 60.0], [40.0, 60.0], [30.0, 70.0],
                      extensive={"sgb2": [8.0, 12.0]})
    assert res.values["sgb2"].tolist() == pytest.approx([6.0, 2.0 + 12.0])


def test_parse_intensive():
    assert parse_intensive(["quote:einwohner", " dichte ", ""]) == [("quote", "einwohner"), ("dichte", None)]
    with pytest.raises(ValueError):
        parse_intensive(["quote:"])


def test_primary_and_secondary_suppression():
    counts = pd.DataFrame({"a": [1, 5, 0, 1, 1, 4], "b": [10, 1, 7, 4, 20, 2],
                           "c": [20, 2, 8, 4, 30, 6]})
    vals, flags = dc.suppress(counts, min_count=3, secondary=True)
    f = flags.to_numpy().tolist()
    assert f[0] == ["primary", "secondary", None]        # 1 suppressed -> smallest other (10)
    assert f[1] == [None, "primary", "primary"]          # two suppressed already
    assert f[2] == [None, None, None]                    # zero is published ("-")
    assert f[3] == ["primary", "secondary", None]        # tie 4/4 -> first column
    assert f[4] == ["primary", "secondary", None]
    assert f[5] == ["secondary", "primary", None]        # smallest other cell: a = 4 < c = 6
    assert math.isnan(vals.loc[0, "a"]) and math.isnan(vals.loc[0, "b"]) and vals.loc[0, "c"] == 20


def test_secondary_with_total_column_and_without_secondary():
    counts = pd.DataFrame({"x": [2, 6], "total": [40, 8], "y": [38, 2]})
    vals, flags = dc.suppress(counts, min_count=3, secondary=False, total="total")
    assert flags.to_numpy().tolist() == [["primary", None, None], [None, None, "primary"]]
    vals, flags = dc.suppress(counts, min_count=3, secondary=True, total="total")
    assert flags.to_numpy().tolist() == [["primary", None, "secondary"], ["secondary", None, "primary"]]
    # only one part: the total is suppressed
    _, flags = dc.suppress(pd.DataFrame({"x": [2], "t": [9]}), 3, True, total="t")
    assert flags.to_numpy().tolist() == [["primary", "secondary"]]
    # min_count 5
    _, flags = dc.suppress(pd.DataFrame({"x": [4], "y": [9]}), 5, True)
    assert flags.to_numpy().tolist() == [["primary", "secondary"]]


def test_rate_suppression():
    r, f = dc.suppress_rate([50.0, 10.0, 20.0], [1, 5, 4], [2, 50, 20], min_count=3,
                            numerator_flags=[None, None, "secondary"])
    assert math.isnan(r[0]) and r[1] == 10.0 and math.isnan(r[2])
    assert list(f) == ["rate", None, "rate"]
