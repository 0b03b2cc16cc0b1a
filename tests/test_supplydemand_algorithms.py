"""processing.run tests of supplydemand and capacityallocation (OD-table path)."""

import processing
import pytest
from qgis.core import NULL, QgsProcessingException, QgsProcessingFeedback

from bildungslandschaft_plugin.processing import ids
from tests import supply_data as data
from tests.test_fsca import REFERENCE
from tests.util import memory_layer

SD = ids.full_id(ids.SUPPLY_DEMAND)
CA = ids.full_id(ids.CAPACITY_ALLOCATION)


def features(layer):
    return list(layer.getFeatures())


def by(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


@pytest.mark.parametrize("method,extra,case", [
    (0, {"MAX_COST": 25}, "2sfca_d25"),
    (1, {"MAX_COST": 40, "STEPS": "10:1;20:0.68;30:0.22"}, "e2sfca_steps_d40"),
    (2, {"MAX_COST": 40, "SIGMA": 15}, "gaussian_s15_d40"),
    (3, {"MAX_COST": 40, "STEPS": "10:1;20:0.68;30:0.22"}, "3sfca_steps_d40"),
    (4, {"MAX_COST": 30, "BETA": 2, "MIN_COST": 4}, "gravity_b2_min4_d30"),
])
def test_supplydemand_od_table_equals_pysal(method, extra, case):
    for normalize, key in ((False, "access"), (True, "normalized")):
        res = processing.run(SD, data.od_params(METHOD=method, NORMALIZE=normalize, SUPPLY="plaetze", OUTPUT_DEMAND="memory:",
                                                OUTPUT_FACILITIES="memory:", **extra))
        out = by(res["OUTPUT_DEMAND"], "adr_id")
        for o, expected in REFERENCE[case][key].items():
            assert out[o]["access"] == pytest.approx(0.0 if expected is None else expected, rel=1e-9), (case, o)
        assert out["o4"]["status"] == "no_facility_in_reach"
        assert out["o1"]["status"] == "ok"
        assert out["o1"]["kinder"] == 100          # input fields are kept
    fac = by(res["OUTPUT_FACILITIES"], "einr_id")
    for f, expected in (REFERENCE[case]["ratio"] or {}).items():
        assert fac[f]["ratio"] == pytest.approx(expected, rel=1e-9)
    if REFERENCE[case]["ratio"] is None:
        assert all(f["ratio"] == NULL for f in fac.values())     # gravity has no ratio


def test_supplydemand_districts():
    districts = memory_layer("Polygon", data.CRS, [("ot_key", str)], [
        ("Polygon((-50 -50, 150 -50, 150 50, -50 50, -50 -50))", {"ot_key": "01"}),    # o1, o2
        ("Polygon((150 -50, 450 -50, 450 50, 150 50, 150 -50))", {"ot_key": "02"}),    # o3, o4, o5
        ("Polygon((1000 1000, 1100 1000, 1100 1100, 1000 1000))", {"ot_key": "03"}),  # empty
    ])
    res = processing.run(SD, data.od_params(METHOD=0, MAX_COST=25, DISTRICTS=districts, SUPPLY="plaetze",
                                            OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:",
                                            OUTPUT_DISTRICTS="memory:"))
    out = by(res["OUTPUT_DISTRICTS"], "ot_key")
    # 2SFCA d0=25 (hand-worked in test_fsca): access o1 = o2 = 0.1, o3 = 0.0625, o4 = 0, o5 = 10/350
    assert out["01"]["access"] == pytest.approx(0.1)
    assert out["01"]["demand"] == 350
    assert out["02"]["access"] == pytest.approx((80 * 0.0625 + 40 * 0 + 0) / 120)
    assert out["02"]["n_demand"] == 3
    assert out["03"]["demand"] == 0
    assert not out["03"]["access"]


def test_capacityallocation_obvious_optimum():
    # addresses A (10 children) and B (10); school S1 nearest to both with 10 places, S2 with 10 places.
    demand = memory_layer("Point", data.CRS, [("adr_id", str), ("kinder", int)], [
        ("Point(0 0)", {"adr_id": "A", "kinder": 10}), ("Point(10 0)", {"adr_id": "B", "kinder": 10}),
        ("Point(20 0)", {"adr_id": "C", "kinder": 0})])
    schools = memory_layer("Point", data.CRS, [("einr_id", str), ("plaetze", int)], [
        ("Point(0 100)", {"einr_id": "S1", "plaetze": 10}), ("Point(0 200)", {"einr_id": "S2", "plaetze": 10})])
    od = memory_layer("None", data.CRS, [("von", str), ("nach", str), ("minuten", float)], [
        (None, {"von": "A", "nach": "S1", "minuten": 1.0}), (None, {"von": "A", "nach": "S2", "minuten": 5.0}),
        (None, {"von": "B", "nach": "S1", "minuten": 2.0}), (None, {"von": "B", "nach": "S2", "minuten": 3.0}),
        (None, {"von": "C", "nach": "S1", "minuten": 2.0})])
    res = processing.run(CA, data.od_params(
        DEMAND=demand, FACILITIES=schools, OD_TABLE=od, CAPACITY="plaetze", OUTPUT_DEMAND="memory:",
        OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"))
    rows = sorted((f["adr_id"], f["facility_id"], f["cost"], f["assigned"], f["unserved"])
                  for f in res["OUTPUT_DEMAND"].getFeatures())
    assert rows[:2] == [("A", "S1", 1.0, 10.0, 0.0), ("B", "S2", 3.0, 10.0, 0.0)]
    assert rows[2][0] == "C" and not rows[2][1] and rows[2][3:] == (0.0, 0.0)
    fac = by(res["OUTPUT_FACILITIES"], "einr_id")
    assert (fac["S1"]["load"], fac["S1"]["capacity"], fac["S1"]["utilization"]) == (10, 10, 1.0)
    assert fac["S1"]["load_nearest"] == 20 and fac["S1"]["util_nearest"] == 2.0
    assert fac["S2"]["load_nearest"] == 0
    summary = features(res["OUTPUT_SUMMARY"])
    assert len(summary) == 1
    s = summary[0]
    assert s["total_cost"] == 40 and s["mean_cost"] == 2.0
    assert s["nearest_total_cost"] == 30 and s["unserved"] == 0
    assert s["overloaded_nearest"] == 1 and s["overloaded_ids"] == "S1"


def test_capacityallocation_short_capacity_and_split():
    res = processing.run(CA, data.od_params(CAPACITY="plaetze", MAX_COST=30, OUTPUT_DEMAND="memory:",
                                            OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"))
    # demand 470 children, 40 places: 430 unserved; o4 (only pair at 45 > 30) is unserved completely
    rows = features(res["OUTPUT_DEMAND"])
    assigned = sum(f["assigned"] for f in rows)
    unserved = sum(f["unserved"] for f in rows)
    assert assigned == 40 and unserved == 430
    per_point = {}
    for f in rows:
        per_point.setdefault(f["adr_id"], 0.0)
        per_point[f["adr_id"]] += f["assigned"] + f["unserved"]
    assert per_point == {"o1": 100, "o2": 250, "o3": 80, "o4": 40, "o5": 0}
    fac = by(res["OUTPUT_FACILITIES"], "einr_id")
    for f in fac.values():
        assert f["load"] <= f["capacity"]
        assert f["load"] == f["capacity"]          # all places are taken
    s = features(res["OUTPUT_SUMMARY"])[0]
    assert s["unserved"] == 430 and s["total_capacity"] == 40


def _error(alg, params, *fragments):
    with pytest.raises(QgsProcessingException) as err:
        processing.run(alg, params)
    text = str(err.value)
    for fragment in fragments:
        assert fragment in text, text
    return text


@pytest.mark.parametrize("alg,value_field", [(SD, "SUPPLY"), (CA, "CAPACITY")])
def test_bad_input_messages(alg, value_field):
    base = dict(OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:", MAX_COST=40)
    base[value_field] = "plaetze"
    # NULL and negative capacities / supplies
    fac_null = data.facility_layer([("Point(0 1000)", {"einr_id": "f1", "plaetze": None}),
                                    ("Point(1 1000)", {"einr_id": "f2", "plaetze": 5}),
                                    ("Point(2 1000)", {"einr_id": "f3", "plaetze": 5})])
    # NULL counts 0 with a warning (the one rule for weights and capacities, issue 12)
    warnings = []

    class Log(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    processing.run(alg, data.od_params(FACILITIES=fac_null, **base), feedback=Log())
    assert any("plaetze" in w and value_field in w and "1 feature(s)" in w and "einrichtungen" in w
               for w in warnings), warnings
    fac_neg = data.facility_layer([("Point(0 1000)", {"einr_id": "f1", "plaetze": -3}),
                                   ("Point(1 1000)", {"einr_id": "f2", "plaetze": 5}),
                                   ("Point(2 1000)", {"einr_id": "f3", "plaetze": 5})])
    _error(alg, data.od_params(FACILITIES=fac_neg, **base), "-3")
    # negative weights
    dem_neg = data.demand_layer([("Point(0 0)", {"adr_id": "o1", "kinder": -1})])
    _error(alg, data.od_params(DEMAND=dem_neg, **base), "DEMAND_WEIGHT", "-1")
    # OD ids missing on either side
    _error(alg, data.od_params(OD_TABLE=data.od_layer([("o1", "f1", 1.0), ("o9", "f1", 2.0)]), **base),
           "o9", "DEMAND_ID")
    _error(alg, data.od_params(OD_TABLE=data.od_layer([("o1", "fX", 1.0)]), **base), "fX", "FACILITY_ID")
    # duplicate pairs, negative and NULL costs
    _error(alg, data.od_params(OD_TABLE=data.od_layer([("o1", "f1", 1.0), ("o1", "f1", 2.0)]), **base),
           "o1 -> f1", "twice")
    _error(alg, data.od_params(OD_TABLE=data.od_layer([("o1", "f1", -1.0)]), **base), "negative cost")
    _error(alg, data.od_params(OD_TABLE=data.od_layer([("o1", "f1", None)]), **base), "NULL")
    # zero supply / capacity everywhere
    fac_zero = data.facility_layer([("Point(0 1000)", {"einr_id": "f1", "plaetze": 0})])
    _error(alg, data.od_params(FACILITIES=fac_zero, **base), "0")
    # duplicate facility ids, missing id fields
    fac_dup = data.facility_layer([("Point(0 1000)", {"einr_id": "f1", "plaetze": 1}),
                                   ("Point(1 1000)", {"einr_id": "f1", "plaetze": 2})])
    _error(alg, data.od_params(FACILITIES=fac_dup, **base), "f1", "unique")
    _error(alg, data.od_params(FACILITY_ID=None, **base), "FACILITY_ID")


def test_single_facility_and_no_cost_source():
    one = data.facility_layer([("Point(0 1000)", {"einr_id": "f1", "plaetze": 7})])
    od = data.od_layer([("o1", "f1", 5.0), ("o2", "f1", 12.0)])
    res = processing.run(SD, data.od_params(FACILITIES=one, OD_TABLE=od, SUPPLY="plaetze", MAX_COST=40,
                                            OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:"))
    assert next(res["OUTPUT_FACILITIES"].getFeatures())["ratio"] == pytest.approx(7 / 350)
    res = processing.run(CA, data.od_params(FACILITIES=one, OD_TABLE=od, CAPACITY="plaetze",
                                            OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:",
                                            OUTPUT_SUMMARY="memory:"))
    assert next(res["OUTPUT_FACILITIES"].getFeatures())["load"] == 7
    params = data.od_params(SUPPLY="plaetze", OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:")
    params.pop("OD_TABLE")
    _error(SD, params, "OD_TABLE")


def test_method_parameter_errors():
    base = data.od_params(SUPPLY="plaetze", OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:")
    _error(SD, dict(base, METHOD=1, STEPS="10:1;5:0.5"), "STEPS")
    _error(SD, dict(base, METHOD=2), "SIGMA")
    _error(SD, dict(base, METHOD=4, MIN_COST=0), "MIN_COST")
    _error(SD, dict(base, MAX_COST=0), "MAX_COST")


def test_inputs_untouched():
    demand = data.demand_layer()
    before = [f.attributes() for f in demand.getFeatures()]
    processing.run(CA, data.od_params(DEMAND=demand, CAPACITY="plaetze", OUTPUT_DEMAND="memory:",
                                      OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"))
    assert [f.attributes() for f in demand.getFeatures()] == before
    assert demand.fields().names() == ["adr_id", "kinder"]


@pytest.mark.parametrize("alg,value_field", [(SD, "SUPPLY"), (CA, "CAPACITY")])
def test_cancel_gives_no_result(alg, value_field):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    params = data.od_params(OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:")
    params[value_field] = "plaetze"
    with pytest.raises(QgsProcessingException) as err:
        processing.run(alg, params, feedback=feedback)
    assert "Cancel" in str(err.value)
