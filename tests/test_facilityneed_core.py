"""core.facilityneed: need per facility, checked against values worked out by hand."""

import math

import numpy as np
import pytest

from bildungslandschaft_plugin.core import facilityneed as fn
from bildungslandschaft_plugin.core import socialindex as si
from bildungslandschaft_plugin.core.socialindex import IndexInputError

NAN = float("nan")

# districts A, B, C, D
INDEX = [1.2, -0.4, NAN, -1.5]          # C: index NULL
CLASSES = [3, 2, NAN, 1]                # C: class NULL
INDICATORS = np.array([[30.0, 40.0],    # sgb2, kinderarmut
                       [10.0, NAN],     # B: kinderarmut NULL
                       [20.0, 50.0],
                       [5.0, 8.0]])
# facilities K1 K2 K3 K4 (K4 serves nobody)
#            w   facility district
DEMAND = [(30, 0, 0),    # K1, A
          (10, 0, 1),    # K1, B      -> K1 serves children of two districts
          (20, 1, 1),    # K2, B
          (5, 1, 2),     # K2, C (index NULL)
          (15, 2, 3),    # K3, D
          (8, 2, -1),    # K3, outside every district
          (7, -1, 0),    # unassigned, A
          (4, -1, -1)]   # unassigned, outside


def run(classification=si.CLASS_BERLIN, n_classes=4):
    w, f, d = (np.array(c) for c in zip(*DEMAND))
    return fn.facility_need(4, f, w, d, INDEX, CLASSES, INDICATORS, ["sgb2", "kinderarmut"],
                            classification, n_classes)


def test_kita_serving_two_districts_weighted_means_by_hand():
    res = run()
    # K1: 30 children from A (index 1.2, sgb2 30, class 3), 10 from B (index -0.4, sgb2 10, class 2)
    assert res["served"][0] == 40
    assert res["mean_index"][0] == pytest.approx((30 * 1.2 + 10 * -0.4) / 40)  # 0.8
    assert res["mean_index"][0] == pytest.approx(0.8)
    assert res["means"][0, 0] == pytest.approx((30 * 30 + 10 * 10) / 40)  # 25
    # kinderarmut is NULL in B: only the 30 children from A count, 10 reported as unknown
    assert res["means"][0, 1] == pytest.approx(40.0)
    assert res["unknown"][0, 1] == pytest.approx(10)
    assert res["share_unknown"][0] == pytest.approx(0.0)
    assert res["class_values"] == [1, 2, 3, 4]
    assert list(res["share_class"][0]) == pytest.approx([0, 25, 75, 0])


def test_null_district_values_are_left_out_and_reported():
    res = run()
    # K2: 20 children from B (-0.4), 5 from C (index NULL): the 5 are left out of the mean
    assert res["served"][1] == 25
    assert res["mean_index"][1] == pytest.approx(-0.4)
    assert res["share_unknown"][1] == pytest.approx(100 * 5 / 25)
    assert res["means"][1, 0] == pytest.approx((20 * 10 + 5 * 20) / 25)  # sgb2 known in C: 12
    assert res["means"][1, 1] == pytest.approx(50.0)  # kinderarmut only known in C
    assert list(res["share_class"][1]) == pytest.approx([0, 100, 0, 0])  # class shares of known classes
    assert res["null_index"] == 5
    assert list(res["null_indicator"]) == [0, 10 + 20]  # B's kinderarmut: 10 (K1) + 20 (K2)


def test_demand_outside_every_district_and_unassigned_demand_reported():
    res = run()
    # K3: 15 children from D, 8 from outside every district: served counts them, the means do not
    assert res["served"][2] == 23
    assert res["mean_index"][2] == pytest.approx(-1.5)
    assert res["share_unknown"][2] == pytest.approx(100 * 8 / 23)
    assert list(res["share_class"][2]) == pytest.approx([100, 0, 0, 0])
    assert res["total"] == 99
    assert res["assigned"] == 40 + 25 + 23
    assert res["unassigned"] == 7 + 4
    assert res["outside"] == 8 + 4
    assert res["outside_assigned"] == 8


def test_facility_without_children_is_null_and_named():
    res = run()
    assert res["served"][3] == 0
    assert math.isnan(res["mean_index"][3]) and math.isnan(res["facility_index"][3])
    assert np.isnan(res["share_class"][3]).all() and np.isnan(res["means"][3]).all()
    assert res["facility_class"][3] == 0
    assert res["reasons"] == [None, None, None, fn.NO_CHILDREN]
    assert list(res["included"]) == [True, True, True, False]


def test_facility_index_restandardised_over_facilities_by_hand():
    res = run()
    # mean indices 4/5, -2/5, -3/2; mean -11/30; deviations 7/6, -1/30, -17/15; variance (divide by n=3)
    var = ((7 / 6) ** 2 + (1 / 30) ** 2 + (17 / 15) ** 2) / 3
    assert var == pytest.approx(2382 / 2700)
    sd = math.sqrt(var)
    expected = [7 / 6 / sd, -1 / 30 / sd, -17 / 15 / sd]  # 1.2421, -0.0355, -1.2066
    assert list(res["facility_index"][:3]) == pytest.approx(expected)
    assert list(res["facility_class"]) == [3, 2, 1, 0]  # 1 < 1.24 <= 1.5; -1 <= -0.04 <= 1; -1.21 < -1


def test_class_boundaries_berlin():
    # seven facilities, each serving one address in its own district; indices chosen with mean 0, sd 1
    values = [1.5, -1.5, 1.0, -1.0, 0.5, -0.5, 0.0]
    n = len(values)
    res = fn.facility_need(n, np.arange(n), np.full(n, 3.0), np.arange(n), values)
    assert list(res["facility_index"]) == pytest.approx(values)
    # 1.5 -> 3 (1 < SI <= 1.5), -1.5 -> 1 (SI < -1), +-1 -> 2 (-1 <= SI <= 1)
    assert list(res["facility_class"]) == [3, 1, 2, 2, 2, 2, 2]
    # just beyond: 1.5 + e -> 4
    values2 = [2.0, -2.0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]  # mean 0, sd 1
    m = len(values2)
    res2 = fn.facility_need(m, np.arange(m), np.ones(m), np.arange(m), values2)
    assert list(res2["facility_class"]) == [4, 1, 2, 2, 2, 2, 2, 2, 2, 2]


def test_quantile_classes_as_socialindex():
    values = [1.0, 2.0, 3.0, 4.0]
    res = fn.facility_need(4, np.arange(4), np.ones(4), np.arange(4), values,
                           classification=si.CLASS_QUANTILES, n_classes=2)
    z = (np.array(values) - 2.5) / math.sqrt(1.25)
    assert list(res["facility_index"]) == pytest.approx(list(z))
    assert list(res["facility_class"]) == [1, 1, 2, 2]  # median 0: upper-inclusive classes
    assert list(res["breaks"]) == pytest.approx([0.0])


def test_weights_scale_free_and_weighted_not_counted():
    # doubling every weight changes nothing but served; one heavy address dominates its facility's mean
    w = np.array([1.0, 9.0, 5.0, 5.0])
    res = fn.facility_need(2, [0, 0, 1, 1], w, [0, 1, 0, 1], [2.0, -2.0])
    assert res["mean_index"][0] == pytest.approx((2 - 18) / 10)
    assert res["mean_index"][1] == pytest.approx(0.0)
    res2 = fn.facility_need(2, [0, 0, 1, 1], 2 * w, [0, 1, 0, 1], [2.0, -2.0])
    assert list(res2["facility_index"]) == pytest.approx(list(res["facility_index"]))
    assert list(res2["served"]) == [20, 20]


def test_district_class_five_adds_a_share_column():
    res = fn.facility_need(2, [0, 1], [1, 1], [0, 1], [1.0, 2.0], classes=[5, 1])
    assert res["class_values"] == [1, 2, 3, 4, 5]
    assert list(res["share_class"][0]) == [0, 0, 0, 0, 100]


def test_match_assignments_keys_as_text():
    rows, codes, unknown = fn.match_assignments(["KI01", 5, "07"], ["KI01", None, "", 5.0, "5", "7", "X", "07"])
    assert list(rows) == [0, -1, -1, 1, 1, -1, -1, 2]
    assert list(codes) == [0, 1, 1, 0, 0, 2, 2, 0]
    assert unknown == {"7": 1, "X": 1}  # "07" is a key with a leading zero, not the number 7


@pytest.mark.parametrize("kwargs, code", [
    (dict(facility_of=[0, 0], district_of=[0, 1], index=[1.0, 2.0]), "too_few_facilities"),
    (dict(facility_of=[0, 1], district_of=[0, 0], index=[1.0, 2.0]), "facility_constant"),
    (dict(facility_of=[0, 1], district_of=[0, 1], index=[1.0, 2.0], classes=[1.5, 2]), "district_class"),
    (dict(facility_of=[0, 1], district_of=[0, 1], index=[1.0, 2.0], weights=[1, -1]), "weight_negative"),
    (dict(facility_of=[0, 1], district_of=[0, 1], index=[1.0, 2.0], classification=si.CLASS_QUANTILES,
          n_classes=3), "too_few_areas"),
])
def test_errors(kwargs, code):
    kwargs.setdefault("weights", [1, 1])
    with pytest.raises(IndexInputError) as exc:
        fn.facility_need(2, **kwargs)
    assert exc.value.code == code


def test_duplicate_facility_keys_after_normalising():
    with pytest.raises(IndexInputError) as exc:
        fn.match_assignments([5, "5"], ["5"])
    assert exc.value.code == "facility_duplicate"
