"""Tests of core/odtable.py: id matching and the checks on OD tables."""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import odtable
from bildungslandschaft_plugin.core.odtable import OdTableError, match_od_table

DEMAND_IDS = ["01", "02", "03"]
FACILITY_IDS = ["GS001", "GS002"]


def test_match_keeps_leading_zeros_and_order():
    o, d, c = match_od_table(["02", "01", "03"], ["GS002", "GS001", "GS001"], [5, "7,5", 0.0],
                             DEMAND_IDS, FACILITY_IDS)
    assert o.tolist() == [1, 0, 2]
    assert d.tolist() == [1, 0, 0]
    assert c.tolist() == [5.0, 7.5, 0.0]


def test_integer_ids_match_text_ids():
    o, d, _ = match_od_table([1, 2.0], ["7", 8], [1, 2], ["1", "2"], [7, 8])
    assert o.tolist() == [0, 1]
    assert d.tolist() == [0, 1]


def test_leading_zero_is_not_the_number():
    with pytest.raises(OdTableError) as err:
        match_od_table([1], ["GS001"], [1], DEMAND_IDS, FACILITY_IDS)
    assert err.value.code == "unknown_origin"
    assert err.value.values == ["1"]


@pytest.mark.parametrize("row,code,rows", [
    ((None, "GS001", 1), "null_id", [2]),
    (("01", None, 1), "null_id", [2]),
    (("01", "GS002", None), "null_cost", [2]),
    (("01", "GS002", "abc"), "null_cost", [2]),
    (("01", "GS002", float("nan")), "null_cost", [2]),
    (("01", "GS002", -3), "negative_cost", [2]),
    (("09", "GS002", 1), "unknown_origin", [2]),
    (("01", "XX", 1), "unknown_destination", [2]),
    (("01", "GS001", 4), "duplicate_pair", [1, 2]),
])
def test_bad_rows_are_named(row, code, rows):
    table = [("01", "GS001", 3.0), row]
    with pytest.raises(OdTableError) as err:
        match_od_table([r[0] for r in table], [r[1] for r in table], [r[2] for r in table],
                       DEMAND_IDS, FACILITY_IDS)
    assert err.value.code == code
    assert err.value.rows == rows


def test_row_labels_are_used():
    with pytest.raises(OdTableError) as err:
        match_od_table(["01", "01"], ["GS001", "GS001"], [1, 2], DEMAND_IDS, FACILITY_IDS,
                       row_labels=[17, 42])
    assert err.value.rows == [17, 42]
    assert err.value.values == ["01", "GS001"]


def test_duplicate_and_null_layer_ids():
    with pytest.raises(OdTableError) as err:
        match_od_table([], [], [], ["01", "01"], FACILITY_IDS)
    assert err.value.code == "duplicate_demand_id"
    with pytest.raises(OdTableError) as err:
        match_od_table([], [], [], DEMAND_IDS, ["A", None])
    assert err.value.code == "null_facility_id"
    assert err.value.rows == [2]


def test_many_bad_rows_are_counted_but_few_named():
    n = 12
    with pytest.raises(OdTableError) as err:
        match_od_table(["01"] * n, ["GS001"] * n, [-1] * n, DEMAND_IDS, FACILITY_IDS)
    assert err.value.count == n
    assert len(err.value.rows) == odtable.MAX_ROWS_IN_MESSAGE


def test_coverage():
    o, d, _ = match_od_table(["01"], ["GS002"], [1], DEMAND_IDS, FACILITY_IDS)
    no_o, no_d = odtable.coverage(o, d, 3, 2)
    assert no_o.tolist() == [1, 2]
    assert no_d.tolist() == [0]


def test_key_text():
    assert odtable.key_text("01") == "01"
    assert odtable.key_text(5.0) == "5"
    assert odtable.key_text(np.int64(7)) == "7"
    assert odtable.key_text("  ") is None
    assert odtable.key_text(float("nan")) is None
    assert odtable.key_text(2.5) == "2.5"
