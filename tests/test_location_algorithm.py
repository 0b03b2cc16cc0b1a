"""bildungslandschaft:locationplanning through processing.run (hand-worked network distances and OD tables)."""

import processing
import pytest
from qgis.core import QgsProcessingException

from bildungslandschaft_plugin.processing import ids
from tests.supply_data import demand, network
from tests.util import memory_layer

CRS = "EPSG:25833"
ALG = ids.full_id(ids.LOCATION_PLANNING)


def existing(cap=15):
    return memory_layer("Point", CRS, [("einr_id", str), ("plaetze", int)], [
        ("Point(0 -10)", {"einr_id": "S1", "plaetze": cap})], "kitas")


def candidates(cap1=6, cap2=4, id2="K2"):
    return memory_layer("Point", CRS, [("kand_id", str), ("plaetze", int)], [
        ("Point(500 -10)", {"kand_id": "K1", "plaetze": cap1}),
        ("Point(1000 -10)", {"kand_id": id2, "plaetze": cap2})], "kandidaten")


# walking distances (connector + along the street + connector):
# A-S1 130, B-S1 830, A-K1 430, B-K1 330, A-K2 930, B-K2 230
def params(**extra):
    p = {"NETWORK": network(), "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250,
         "DEMAND": demand(), "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "kinder",
         "FACILITIES": existing(), "FACILITY_ID": "einr_id", "FACILITY_CAPACITY": "plaetze",
         "CANDIDATES": candidates(), "CANDIDATE_ID": "kand_id", "CANDIDATE_CAPACITY": "plaetze",
         "P": 1, "MODEL": 0,
         "OUTPUT_SITES": "memory:", "OUTPUT_DEMAND": "memory:", "OUTPUT_SUMMARY": "memory:"}
    p.update(extra)
    return p


def demand_rows(res):
    return sorted((f["adr_id"], f["site_id_before"] or "", f["cost_before"] or 0.0, f["site_id_after"] or "",
                   f["cost_after"] or 0.0, f["assigned"], f["unserved"], f["status"])
                  for f in res["OUTPUT_DEMAND"].getFeatures())


def sites(res):
    return {f["site_id"]: f for f in res["OUTPUT_SITES"].getFeatures()}


def test_pmedian_network():
    res = processing.run(ALG, params())
    # open K1: 10*130 + 10*330 = 4600; open K2: 10*130 + 10*230 = 3600 -> K2
    assert demand_rows(res) == [
        ("A", "S1", pytest.approx(130.0), "S1", pytest.approx(130.0), 10.0, 0.0, "ok"),
        ("B", "S1", pytest.approx(830.0), "K2", pytest.approx(230.0), 10.0, 0.0, "ok"),
        ("C", "", 0.0, "", 0.0, 0.0, 3.0, "off_network"),
    ]
    s = sites(res)
    assert [(k, f["existing"], f["selected"]) for k, f in sorted(s.items())] == [
        ("K1", False, False), ("K2", False, True), ("S1", True, True)]
    # gain: without K2, B walks to S1 again (+600 m x 10); without S1, A walks to K2 (+800 m x 10)
    assert s["K2"]["gain"] == pytest.approx(6000.0) and s["S1"]["gain"] == pytest.approx(8000.0)
    assert s["K1"]["gain"] is None or s["K1"]["gain"] != s["K1"]["gain"] or str(s["K1"]["gain"]) == "NULL"
    assert s["K2"]["load"] == 10.0 and s["K2"]["capacity"] == 4.0 and s["K2"]["utilization"] == pytest.approx(2.5)
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["selected_ids"] == "K2" and summary["model"] == "p-median"
    assert summary["total_cost_before"] == pytest.approx(9600.0)
    assert summary["total_cost_after"] == pytest.approx(3600.0)
    assert summary["mean_cost_after"] == pytest.approx(180.0)
    assert summary["served_before"] == 20.0 and summary["total_demand"] == 23.0 and summary["unreachable"] == 3.0
    assert summary["gap"] == 0.0 and summary["status"] == "optimal"


def test_capacitated_network_splits_demand():
    res = processing.run(ALG, params(MODEL=2))
    # open K1 (6 places): A 10 -> S1, B 6 -> K1, B 4 -> S1: 1300 + 1980 + 3320 = 6600
    # open K2 (4 places): A 10 -> S1, B 4 -> K2, B 5 -> S1, 1 unserved: serves less -> K1
    rows = demand_rows(res)
    assert [r[3:7] for r in rows] == [
        ("S1", pytest.approx(130.0), 10.0, 0.0),
        ("K1", pytest.approx(330.0), 6.0, 0.0),
        ("S1", pytest.approx(830.0), 4.0, 0.0),
        ("", 0.0, 0.0, 3.0),
    ]
    # before: S1 alone (15 places) serves A and 5 of B
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["served_before"] == 15.0 and summary["served_after"] == 20.0
    assert summary["total_cost_after"] == pytest.approx(6600.0)
    s = sites(res)
    assert s["K1"]["selected"] and s["S1"]["load"] == 14.0 and s["S1"]["utilization"] == pytest.approx(14 / 15)
    # without K1: S1 takes 5 of B's 6 more (cap 15): served -5
    assert s["K1"]["gain_served"] == pytest.approx(5.0)


def test_coverage_network():
    res = processing.run(ALG, params(MODEL=1, MAX_COST=300))
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    # A is covered by S1 (130 m); B only by K2 (230 m <= 300)
    assert summary["selected_ids"] == "K2"
    assert summary["served_before"] == 10.0 and summary["served_after"] == 20.0
    assert sites(res)["K2"]["gain"] == pytest.approx(10.0)


def od_params(pairs, **extra):
    od = memory_layer("None", CRS, [("von", str), ("nach", str), ("minuten", float)],
                      [(None, {"von": o, "nach": f, "minuten": c}) for o, f, c in pairs], "od")
    p = params(OD_TABLE=od, OD_ORIGIN_FIELD="von", OD_DESTINATION_FIELD="nach", OD_COST_FIELD="minuten",
               **extra)
    del p["NETWORK"]
    return p


def test_od_table_gaps_and_lexicographic():
    # C reaches only K1 (far); B only K2. p-median with P = 1: K2 saves more cost (B: 20 -> 4 minutes
    # x 10) but K1 serves C, who nobody else reaches: K1 wins (served first)
    pairs = [("A", "S1", 5.0), ("B", "S1", 20.0), ("B", "K2", 4.0), ("C", "K1", 50.0)]
    res = processing.run(ALG, od_params(pairs))
    rows = {r[0]: r for r in demand_rows(res)}
    assert rows["C"][3:6] == ("K1", pytest.approx(50.0), 3.0)
    assert rows["B"][3] == "S1"
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["served_after"] == 23.0 and summary["total_cost_after"] == pytest.approx(50 + 200 + 150)
    # C without the pair: not in the table -> reported, K2 chosen
    res = processing.run(ALG, od_params(pairs[:3]))
    rows = {r[0]: r for r in demand_rows(res)}
    assert rows["C"][7] == "not_in_od_table" and rows["B"][3] == "K2"


def test_errors():
    with pytest.raises(QgsProcessingException, match="only 2"):
        processing.run(ALG, params(P=3))
    with pytest.raises(QgsProcessingException, match="S1"):
        processing.run(ALG, params(CANDIDATES=candidates(id2="S1")))
    with pytest.raises(QgsProcessingException, match="MAX_COST"):
        processing.run(ALG, params(MODEL=1))
    with pytest.raises(QgsProcessingException, match="not a FACILITY_ID|K9"):
        processing.run(ALG, od_params([("A", "K9", 1.0)]))


def test_without_existing_facilities():
    p = params(P=2)
    del p["FACILITIES"], p["FACILITY_ID"], p["FACILITY_CAPACITY"]
    res = processing.run(ALG, p)
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    # both candidates: A -> K1 430, B -> K2 230
    assert summary["selected_ids"] == "K1, K2" and summary["total_cost_after"] == pytest.approx(6600.0)
    assert summary["served_before"] == 0.0
