"""Small layers for the supplydemand / capacityallocation tests (same numbers as tests/test_fsca.py)."""

from tests.test_fsca import DEMAND, PAIRS, SUPPLY
from tests.util import memory_layer

CRS = "EPSG:25833"
# demand points o1..o5 along y = 0; facilities f1..f3 along y = 1000 (positions do not matter for OD tables)
DEMAND_ROWS = [("Point({} 0)".format(100 * k), {"adr_id": key, "kinder": int(value)})
               for k, (key, value) in enumerate(DEMAND.items())]
FACILITY_ROWS = [("Point({} 1000)".format(200 * k), {"einr_id": key, "plaetze": int(value)})
                 for k, (key, value) in enumerate(SUPPLY.items())]


def demand_layer(rows=None):
    return memory_layer("Point", CRS, [("adr_id", str), ("kinder", int)], rows or DEMAND_ROWS, "adressen")


def facility_layer(rows=None):
    return memory_layer("Point", CRS, [("einr_id", str), ("plaetze", int)], rows or FACILITY_ROWS,
                        "einrichtungen")


def od_layer(pairs=None):
    pairs = PAIRS if pairs is None else pairs
    return memory_layer("None", CRS, [("von", str), ("nach", str), ("minuten", float)],
                        [(None, {"von": o, "nach": f, "minuten": c}) for o, f, c in pairs], "od")


def od_params(**extra):
    params = {"DEMAND": demand_layer(), "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "kinder",
              "FACILITIES": facility_layer(), "FACILITY_ID": "einr_id",
              "OD_TABLE": od_layer(), "OD_ORIGIN_FIELD": "von", "OD_DESTINATION_FIELD": "nach",
              "OD_COST_FIELD": "minuten"}
    params.update(extra)
    return params


def network():
    """One straight street along y = 0 from x = 0 to x = 1000 (network tests of supplydemand, locationplanning)."""
    return memory_layer("LineString", CRS, [("highway", str)],
                        [("LineString(0 0, 500 0, 1000 0)", {"highway": "residential"})], "strassen")


def demand():
    # A and B 20 m from the street; C 400 m away (off the network with SNAP_TOLERANCE 250)
    return memory_layer("Point", CRS, [("adr_id", str), ("kinder", int)], [
        ("Point(100 20)", {"adr_id": "A", "kinder": 10}),
        ("Point(800 20)", {"adr_id": "B", "kinder": 10}),
        ("Point(500 400)", {"adr_id": "C", "kinder": 3})], "adressen")
