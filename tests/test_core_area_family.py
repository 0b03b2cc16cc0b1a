"""The pure helpers the social-data algorithms call between reading and writing (hand-worked values)."""

import math

import numpy as np
import pytest

from bildungslandschaft_plugin.core import budget as bu
from bildungslandschaft_plugin.core import cooperation as coop
from bildungslandschaft_plugin.core import priority as pr
from bildungslandschaft_plugin.core.disclosure import aggregate_columns, aggregate_points
from bildungslandschaft_plugin.core.interpolation import pair_arrays
from bildungslandschaft_plugin.core.socialindex import IndexInputError


def test_aggregate_points_sums_counts_nulls_and_outside():
    # 5 points: areas 0, 1, 0, -1 (outside), 1; field a with a NULL at point 2
    area = [0, 1, 0, -1, 1]
    values = np.array([[1.0, 10.0], [2.0, 20.0], [np.nan, 30.0], [100.0, 100.0], [4.0, 40.0]])
    res = aggregate_points(area, values, 3, ["a", "b"], min_count=0, secondary=False)
    assert res["n_points"].tolist() == [2, 2, 0]
    assert res["sums"].tolist() == [[1.0, 40.0], [6.0, 60.0], [0.0, 0.0]]
    assert res["outside"] == 1
    assert res["nulls"] == 1  # the NULL inside an area; the outside point is not looked at
    cols = aggregate_columns(res, integer=True)
    assert cols == [[2, 2, 0], [1, 6, 0], [None, None, None], [40, 60, 0], [None, None, None]]


def test_aggregate_points_suppresses_small_cells():
    res = aggregate_points([0, 0, 0], np.array([[1.0], [1.0], [0.0]]), 1, ["kinder"], min_count=3,
                           secondary=False)
    cols = aggregate_columns(res)
    assert cols[1] == [None]  # 2 < 3: suppressed, never 0
    assert cols[2] == ["primary"]


def test_priority_areas_matrix_and_missing():
    # index classes 4 (very low status) and 1 (high), one missing; deficits by thresholds 1;2
    res = pr.priority_areas([4, 1, np.nan, 3], [3.0, 0.5, 5.0, np.nan], thresholds=(1.0, 2.0))
    assert res["deficit_class"].tolist() == [3, 1, 3, 0]
    assert res["priority"].tolist() == [1, 4, 0, 0]
    assert res["schwerpunktraum"].tolist() == [1, 0, -1, -1]
    assert res["thresholds"] == (1.0, 2.0)


def test_invalid_index_class_position():
    assert pr.invalid_index_class([1, np.nan, 4]) == -1
    assert pr.invalid_index_class([1, 2.5, 7]) == 1


def test_need_supplements_and_errors():
    keys, sup = bu.need_supplements(["1", 2.0, "02"], {"1": 0.0, "2": 0.5, "02": 1.0})
    assert keys == ["1", "2", "02"]
    assert sup.tolist() == [0.0, 0.5, 1.0]
    with pytest.raises(IndexInputError) as err:
        bu.need_supplements(["1", None], {"1": 0.0})
    assert err.value.code == "need_missing" and err.value.details["row"] == 1
    with pytest.raises(IndexInputError) as err:
        bu.need_supplements(["3"], {"1": 0.0, "2": 1.0})
    assert err.value.code == "need_unknown" and err.value.details["key"] == "3"
    assert err.value.details["known"] == "1, 2"


def test_report_rows_by_class_and_total():
    rows = bu.report_rows(["2", "1", "2"], [10.0, 30.0, 0.0], np.array([300, 600, 100]), {"1": 0.0, "2": 1.0},
                          "total")
    assert rows[0] == ["1", 1, 30.0, 0.0, 600, 60.0, 20.0]
    assert rows[1] == ["2", 2, 10.0, 1.0, 400, 40.0, 40.0]
    assert rows[2] == ["total", 3, 40.0, None, 1000, 100.0, 25.0]
    empty = bu.report_rows([None], [0.0], np.array([0]), {}, "total")
    assert empty == [["total", 1, 0.0, None, 0, None, None]]


def test_first_duplicate_ignores_none():
    assert coop.first_duplicate(["a", None, "b", None]) is None
    assert coop.first_duplicate(["a", "b", "c", "b", "a"]) == (1, 3)


def test_link_and_district_columns():
    links = [{"from": 0, "to": 1, "kind": "x", "cross_district": True, "cross_carrier": False, "row": 4}]
    rows = coop.link_rows(links, ["A", "B"], [7, None], ["d1", "d2"], ["T", " t2 "])
    assert rows == [["A", "B", "x", "7", None, "d1", "d2", "T", "t2", True, False, 5]]
    cols = coop.district_columns({"d1": {"institutions": 2, "links_inside": 1}}, ["d1", "d9"])
    assert cols == [[2, 0], [1, 0], [0, 0], [0, 0]]


def test_pair_arrays_sorted():
    si, ti, w = pair_arrays({(1, 0): 2.5, (0, 2): 1.0, (0, 1): 4.0})
    assert si.tolist() == [0, 0, 1]
    assert ti.tolist() == [1, 2, 0]
    assert w.tolist() == [4.0, 1.0, 2.5]


def test_joined_cell_values():
    from bildungslandschaft_plugin.core.socialtable import cell_value

    assert cell_value(None, "int") is None
    assert cell_value(math.nan, "float") is None
    assert cell_value(2.6, "int") == 3
    assert cell_value("4", "float") == 4.0
    assert cell_value(5, "text") == "5"
