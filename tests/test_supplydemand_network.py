"""supplydemand and capacityallocation with costs from the street network (hand-worked distances)."""

import processing
import pytest
from qgis.core import QgsProcessingException

from bildungslandschaft_plugin.processing import ids
from tests.supply_data import demand, network
from tests.util import memory_layer

CRS = "EPSG:25833"


def schools(cap1=15, cap2=5):
    return memory_layer("Point", CRS, [("einr_id", str), ("plaetze", int)], [
        ("Point(0 -10)", {"einr_id": "S1", "plaetze": cap1}),
        ("Point(1000 -10)", {"einr_id": "S2", "plaetze": cap2})], "schulen")


# walking distances (connector + along the street + connector):
# A-S1 20+100+10 = 130, A-S2 20+900+10 = 930, B-S1 20+800+10 = 830, B-S2 20+200+10 = 230
def params(**extra):
    p = {"NETWORK": network(), "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250,
         "DEMAND": demand(), "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "kinder",
         "FACILITIES": schools(), "FACILITY_ID": "einr_id",
         "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"}
    p.update(extra)
    return p


def test_capacityallocation_network():
    res = processing.run(ids.full_id(ids.CAPACITY_ALLOCATION), params(CAPACITY="plaetze", OUTPUT_SUMMARY="memory:"))
    rows = sorted((f["adr_id"], f["facility_id"] or "", f["cost"] or 0.0, f["assigned"], f["unserved"], f["status"])
                  for f in res["OUTPUT_DEMAND"].getFeatures())
    # S2 has 5 places: moving a child of B costs 830-230 = 600 more, one of A 930-130 = 800: B is split
    assert [r[:5] for r in rows] == [
        ("A", "S1", pytest.approx(130.0), 10.0, 0.0),
        ("B", "S1", pytest.approx(830.0), 5.0, 0.0),
        ("B", "S2", pytest.approx(230.0), 5.0, 0.0),
        ("C", "", 0.0, 0.0, 3.0),
    ]
    assert rows[-1][5] == "off_network"
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["total_cost"] == pytest.approx(10 * 130 + 5 * 830 + 5 * 230)
    assert summary["overloaded_nearest"] == 1 and summary["overloaded_ids"] == "S2"


def test_supplydemand_network_2sfca():
    res = processing.run(ids.full_id(ids.SUPPLY_DEMAND), params(SUPPLY="plaetze", METHOD=0, MAX_COST=500))
    access = {f["adr_id"]: f["access"] for f in res["OUTPUT_DEMAND"].getFeatures()}
    # within 500 m: A-S1 (130), B-S2 (230): R1 = 15/10, R2 = 5/10
    assert access["A"] == pytest.approx(1.5)
    assert access["B"] == pytest.approx(0.5)
    assert access["C"] == 0.0
    ratio = {f["einr_id"]: f["ratio"] for f in res["OUTPUT_FACILITIES"].getFeatures()}
    assert ratio == {"S1": pytest.approx(1.5), "S2": pytest.approx(0.5)}


def test_network_or_table_not_both():
    od = memory_layer("None", CRS, [("von", str), ("nach", str), ("m", float)],
                      [(None, {"von": "A", "nach": "S1", "m": 1.0})])
    with pytest.raises(QgsProcessingException) as err:
        processing.run(ids.full_id(ids.SUPPLY_DEMAND), params(
            SUPPLY="plaetze", OD_TABLE=od, OD_ORIGIN_FIELD="von", OD_DESTINATION_FIELD="nach", OD_COST_FIELD="m"))
    assert "not both" in str(err.value)


def test_time_cost_and_polygon_demand():
    # demand as polygons: the point on surface of a small square around A / B
    polys = memory_layer("Polygon", CRS, [("adr_id", str), ("kinder", int)], [
        ("Polygon((95 15, 105 15, 105 25, 95 25, 95 15))", {"adr_id": "A", "kinder": 10}),
        ("Polygon((795 15, 805 15, 805 25, 795 25, 795 15))", {"adr_id": "B", "kinder": 10})])
    res = processing.run(ids.full_id(ids.CAPACITY_ALLOCATION), params(
        DEMAND=polys, CAPACITY="plaetze", COST_TYPE=1, OUTPUT_SUMMARY="memory:"))
    walk = 4.5 * 1000 / 60          # metres per minute
    rows = sorted((f["adr_id"], f["facility_id"], f["cost"], f["assigned"]) for f in res["OUTPUT_DEMAND"].getFeatures())
    assert [r[:2] + (r[3],) for r in rows] == [("A", "S1", 10.0), ("B", "S1", 5.0), ("B", "S2", 5.0)]
    assert [r[2] for r in rows] == pytest.approx([130 / walk, 830 / walk, 230 / walk], rel=1e-6)


def test_max_cost_limits_the_allocation():
    # within 500 m A reaches only S1 and B only S2 (5 places): 5 children of B stay unserved
    res = processing.run(ids.full_id(ids.CAPACITY_ALLOCATION), params(
        CAPACITY="plaetze", MAX_COST=500, OUTPUT_SUMMARY="memory:"))
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["unserved"] == 5 + 3          # 5 of B, all 3 of C (off the network)
    assert summary["assigned"] == 15
