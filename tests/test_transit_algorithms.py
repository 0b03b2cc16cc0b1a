"""MODE = 3 (walk + public transport) in the network algorithms, through processing.run and qgis_process.

Layout (EPSG:25832, metres; walking 75 m/min): one street x = X0 .. X0 + 6000 at y = Y0.
Stops S1 at X0 + 150 and S2 at X0 + 5250; a bus S1 -> S2 (6 min) departs S1 at 06:55, 07:05, ..., 08:55.
Facilities F1 at X0 + 5400 (2 min from S2) and F2 at X0 + 1200. Hand-worked values in the tests.
"""

import processing
import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from bildungslandschaft_plugin.processing import ids
from tests.gtfs_util import WEEKDAYS, write_feed
from tests.layer_util import write_gpkg
from tests.util import memory_layer

CRS = "EPSG:25832"
X0, Y0 = 477000.0, 5470000.0
CATCH = ids.full_id(ids.CATCHMENTS)
ACCESS = ids.full_id(ids.ACCESSIBILITY)
SERVICE = ids.full_id(ids.SERVICE_AREAS)


def lonlat(x, y):
    tr = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsProject.instance())
    p = tr.transform(x, y)
    return p.y(), p.x()


@pytest.fixture
def feed(tmp_path):
    s1 = lonlat(X0 + 150, Y0)
    s2 = lonlat(X0 + 5250, Y0)
    stops = [("S1", s1[0], s1[1]), ("S2", s2[0], s2[1]), ("FAR", 53.5, 10.0)]
    trips = []
    for k in range(13):
        dep = 6 * 60 + 55 + 10 * k
        trips.append(("b{}".format(k), "WD", [("S1", dep, dep), ("S2", dep + 6, dep + 6)]))
    return write_feed(str(tmp_path / "feed"), stops, trips, calendar=[("WD", WEEKDAYS, "20240101", "20241231")])


def layers():
    net = memory_layer("LineString", CRS, [("id", int)],
                       [("LineString({} {}, {} {})".format(X0, Y0, X0 + 6000, Y0), {"id": 1})], "strassen")
    fac = memory_layer("Point", CRS, [("einr_id", str), ("typ", str)],
                       [("Point({} {})".format(X0 + 5400, Y0), {"einr_id": "F1", "typ": "Gymnasium"}),
                        ("Point({} {})".format(X0 + 1200, Y0), {"einr_id": "F2", "typ": "Realschule"})], "schulen")
    dem = memory_layer("Point", CRS, [("adr_id", str), ("kinder", int)],
                       [("Point({} {})".format(X0 + 10, Y0), {"adr_id": "D1", "kinder": 3}),
                        ("Point({} {})".format(X0 + 5100, Y0), {"adr_id": "D2", "kinder": 2}),
                        ("Point({} {})".format(X0 + 3000, Y0 + 5000), {"adr_id": "D3", "kinder": 1}),
                        ("Point({} {})".format(X0 + 3000, Y0), {"adr_id": "D4", "kinder": 4})], "adressen")
    return net, fac, dem


def params(feed, **kw):
    net, fac, dem = layers()
    p = {"NETWORK": net, "FACILITIES": fac, "FACILITY_ID": "einr_id", "DEMAND": dem, "DEMAND_WEIGHT": "kinder",
         "MODE": 3, "COST_TYPE": 1, "SNAP_TOLERANCE": 200, "GTFS": feed, "GTFS_DATE": "2024-09-18",
         "DEPARTURE_START": "07:00", "DEPARTURE_END": "08:00", "PERCENTILE": 50, "MAX_WALK": 15,
         "MAX_TRANSFER_WALK": 5}
    p.update(kw)
    return p


def by(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


def test_catchments_walk_and_public_transport(feed):
    res = processing.run(CATCH, params(feed, MAX_COST=30, OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:"))
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    # D1: 140 m (1.87 min) to S1; a bus every 10 min, 6 min ride, 2 min walk from S2 to F1:
    # over the 60 departure minutes each of 10..19 min occurs 6 times -> median (rank 30) = 14 min.
    # Walking alone F2 is nearest (1190 m = 15.87 min), by bus F1 wins.
    assert d["D1"]["facility_id"] == "F1" and d["D1"]["cost"] == pytest.approx(14.0, abs=1e-6)
    assert d["D1"]["walk_only"] == pytest.approx(1190 / 75, abs=1e-6)
    assert d["D2"]["facility_id"] == "F1" and d["D2"]["cost"] == pytest.approx(4.0, abs=1e-6)
    assert d["D2"]["walk_only"] == pytest.approx(4.0, abs=1e-6)
    assert d["D3"]["status"] == "off_network" and d["D3"]["cost"] == NULL and d["D3"]["walk_only"] == NULL
    # D4: no stop within 15 min; walking 1800 m = 24 min to F2 (<= MAX_COST 30)
    assert d["D4"]["facility_id"] == "F2" and d["D4"]["cost"] == pytest.approx(24.0, abs=1e-6)
    f = by(res["OUTPUT_FACILITIES"], "facility_id")
    assert f["F1"]["demand"] == 5 and f["F2"]["demand"] == 4
    # percentile 80: F1 by bus is rank 48 = 17 min, so walking to F2 (15.87) wins; MAX_COST 20: D4 unreachable
    res = processing.run(CATCH, params(feed, MAX_COST=20, PERCENTILE=80, OUTPUT_DEMAND="memory:",
                                       OUTPUT_FACILITIES="memory:"))
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["D1"]["facility_id"] == "F2" and d["D1"]["cost"] == pytest.approx(1190 / 75, abs=1e-6)
    assert d["D1"]["walk_only"] == pytest.approx(1190 / 75, abs=1e-6)
    assert d["D4"]["status"] == "unreachable" and d["D4"]["facility_id"] == NULL and d["D4"]["cost"] == NULL
    assert d["D4"]["walk_only"] == NULL  # 24 min > MAX_COST 20


def test_catchments_window_after_the_last_bus(feed):
    # 08:50-09:00: the 08:55 bus for 08:50..08:53 (13..10 min), then none: 4 of 10 minutes, median = inf
    # -> the walk to F2 (15.87 min) is nearest
    res = processing.run(CATCH, params(feed, DEPARTURE_START="08:50", DEPARTURE_END="09:00",
                                       OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:"))
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["D1"]["facility_id"] == "F2" and d["D1"]["cost"] == pytest.approx(1190 / 75, abs=1e-6)
    res = processing.run(CATCH, params(feed, DEPARTURE_START="08:50", DEPARTURE_END="09:00", PERCENTILE=40,
                                       OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:"))
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["D1"]["facility_id"] == "F1" and d["D1"]["cost"] == pytest.approx(13.0, abs=1e-6)


def test_accessibility_walk_and_public_transport(feed):
    res = processing.run(ACCESS, params(feed, THRESHOLDS="15,20", CATEGORY="typ", OUTPUT_DEMAND="memory:"))
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["D1"]["cost"] == pytest.approx(14.0, abs=1e-6) and d["D1"]["facility_id"] == "F1"
    assert d["D1"]["n_15"] == 1 and d["D1"]["n_20"] == 2
    assert d["D1"]["cost_gymnasium"] == pytest.approx(14.0, abs=1e-6)
    assert d["D1"]["cost_realschule"] == pytest.approx(1190 / 75, abs=1e-6)
    assert d["D1"]["walk_only"] == pytest.approx(1190 / 75, abs=1e-6)
    assert d["D2"]["n_15"] == 1 and d["D2"]["n_20"] == 1 and d["D2"]["cost"] == pytest.approx(4.0, abs=1e-6)
    # D4: 24 min walk to F2, 32 to F1; the 120 min default MAX_COST keeps both
    assert d["D4"]["cost"] == pytest.approx(24.0, abs=1e-6) and d["D4"]["n_20"] == 0
    res = processing.run(ACCESS, params(feed, THRESHOLDS="15,20", CATEGORY="typ", PERCENTILE=80,
                                        OUTPUT_DEMAND="memory:"))
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["D1"]["cost_gymnasium"] == pytest.approx(17.0, abs=1e-6)  # rank 48 of 6 x (10..19)
    assert d["D1"]["facility_id"] == "F2" and d["D1"]["n_15"] == 0 and d["D1"]["n_20"] == 2


def test_bad_transit_input(feed, tmp_path):
    def run(**kw):
        return processing.run(CATCH, params(feed, OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:", **kw))

    with pytest.raises(QgsProcessingException, match="COST_TYPE"):
        run(COST_TYPE=0)
    with pytest.raises(QgsProcessingException, match="GTFS"):
        run(GTFS=None)
    with pytest.raises(QgsProcessingException, match="GTFS_DATE"):
        run(GTFS_DATE="")
    with pytest.raises(QgsProcessingException, match="2024-01-01 to 2024-12-31"):
        run(GTFS_DATE="2025-06-04")
    with pytest.raises(QgsProcessingException, match="DEPARTURE_END"):
        run(DEPARTURE_START="08:00", DEPARTURE_END="07:00")
    with pytest.raises(QgsProcessingException, match="HH:MM"):
        run(DEPARTURE_START="7 Uhr")
    with pytest.raises(QgsProcessingException, match="lacks the required"):
        run(GTFS=str(tmp_path))
    far = write_feed(str(tmp_path / "far"), [("A", 53.5, 10.0), ("B", 53.51, 10.0)],
                     [("t", "WD", [("A", 420, 420), ("B", 430, 430)])],
                     calendar=[("WD", WEEKDAYS, "20240101", "20241231")])
    with pytest.raises(QgsProcessingException, match="None of the 2 stops"):
        run(GTFS=far)
    net, fac, dem = layers()
    with pytest.raises(QgsProcessingException, match="not available"):
        processing.run(SERVICE, {"NETWORK": net, "FACILITIES": fac, "MODE": 3, "COST_TYPE": 1,
                                 "THRESHOLDS": "10", "OUTPUT": "memory:"})


def test_qgis_process_catchments_transit(feed, tmp_path, qgis_process_env):
    import qgisproc

    paths = {}
    for name, layer in zip(("net", "fac", "dem"), layers()):
        paths[name] = str(tmp_path / (name + ".gpkg"))
        write_gpkg(layer, paths[name])
    p = params(feed, NETWORK=paths["net"], FACILITIES=paths["fac"], DEMAND=paths["dem"],
               OUTPUT_DEMAND=str(tmp_path / "d.gpkg"), OUTPUT_FACILITIES=str(tmp_path / "f.gpkg"))
    qgisproc.run(CATCH, p, env=qgis_process_env, timeout=300)
    d = by(QgsVectorLayer(str(tmp_path / "d.gpkg"), "d", "ogr"), "adr_id")
    assert d["D1"]["cost"] == pytest.approx(14.0, abs=1e-6) and d["D1"]["facility_id"] == "F1"


def facilities_with(**fields):
    """F1, F2 with extra attributes: fields = {name: (value F1, value F2)}."""
    names = list(fields)
    types = [(n, type(fields[n][0])) for n in names]
    rows = [("Point({} {})".format(X0 + 5400, Y0), dict({"einr_id": "F1"}, **{n: fields[n][0] for n in names})),
            ("Point({} {})".format(X0 + 1200, Y0), dict({"einr_id": "F2"}, **{n: fields[n][1] for n in names}))]
    return memory_layer("Point", CRS, [("einr_id", str)] + types, rows, "schulen")


def test_supplydemand_2sfca_walk_and_public_transport(feed):
    p = params(feed, FACILITIES=facilities_with(plaetze=(10, 8)), SUPPLY="plaetze", METHOD=0, MAX_COST=20,
               DEMAND_ID="adr_id", OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:")
    res = processing.run(ids.full_id(ids.SUPPLY_DEMAND), p)
    # pairs within 20 min: D1-F1 14, D1-F2 15.87, D2-F1 4 (D4: 24 and 32 min, D3 off the network)
    # R1 = 10 / (3 + 2) = 2, R2 = 8 / 3; A(D1) = 2 + 8/3, A(D2) = 2, A(D4) = 0
    access = {f["adr_id"]: f["access"] for f in res["OUTPUT_DEMAND"].getFeatures()}
    assert access["D1"] == pytest.approx(2 + 8 / 3) and access["D2"] == pytest.approx(2.0)
    assert access["D4"] == 0.0 and access["D3"] == 0.0
    ratio = {f["einr_id"]: f["ratio"] for f in res["OUTPUT_FACILITIES"].getFeatures()}
    assert ratio == {"F1": pytest.approx(2.0), "F2": pytest.approx(8 / 3)}


def test_capacityallocation_walk_and_public_transport(feed):
    p = params(feed, FACILITIES=facilities_with(plaetze=(4, 8)), CAPACITY="plaetze", DEMAND_ID="adr_id",
               OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:")
    res = processing.run(ids.full_id(ids.CAPACITY_ALLOCATION), p)
    got = {(f["adr_id"], f["facility_id"]): (f["assigned"], f["cost"]) for f in res["OUTPUT_DEMAND"].getFeatures()
           if f["assigned"]}
    # F1 has 4 places: D2 (2 children, 4 min; 52 min to F2) stays, D1 (14 min, 15.87 to F2) sends one child to F2;
    # D4 walks to F2 (24 min) within the default MAX_COST of 120 min
    assert got[("D2", "F1")] == (2.0, pytest.approx(4.0))
    assert got[("D1", "F1")] == (2.0, pytest.approx(14.0))
    assert got[("D1", "F2")] == (1.0, pytest.approx(1190 / 75))
    assert got[("D4", "F2")] == (4.0, pytest.approx(24.0))
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["total_cost"] == pytest.approx(2 * 4 + 2 * 14 + 1190 / 75 + 4 * 24)


def test_offersearch_walk_and_public_transport(feed):
    fac = facilities_with(name=("Bibliothek Süd", "Bibliothek Nord"), typ=("Bibliothek", "Bibliothek"))
    res = processing.run(ids.full_id(ids.OFFER_SEARCH), {
        "ORIGIN": "{},{} [{}]".format(X0 + 10, Y0, CRS), "FACILITIES": fac, "FACILITY_ID": "einr_id",
        "NAME_FIELD": "name", "TYPE_FIELD": "typ", "NETWORK": layers()[0], "TARGET_GROUP": 0, "MODE": 3,
        "COST_TYPE": 1, "GTFS": feed, "GTFS_DATE": "2024-09-18", "OUTPUT": "memory:"})
    got = [(f["rank"], f["facility_id"], f["cost"], f["mode"]) for f in res["OUTPUT"].getFeatures()]
    assert got == [(1, "F1", pytest.approx(14.0), "walk+pt"), (2, "F2", pytest.approx(1190 / 75), "walk+pt")]


def test_locationplanning_walk_and_public_transport(feed):
    # Existing E at X0 + 3300, candidates K1 at X0 + 5400 (2 min from S2) and K2 at X0 + 1200; P = 1.
    # Reported minutes (p50, 07:00-08:00; walking 75 m/min; worked out by hand as in the catchments test):
    #   D1 (3 children): E 3290 m = 43.87, K1 by bus 14 (walk 71.87), K2 1190 m = 15.87
    #   D2 (2): E 24, K1 4, K2 52 (the bus runs only S1 -> S2)
    #   D4 (4): E 4, K1 32, K2 24 (no stop within MAX_WALK)
    # D3 is off the network.
    od = {"D1": {"E": 3290 / 75, "K1": 14.0, "K2": 1190 / 75}, "D2": {"E": 24.0, "K1": 4.0, "K2": 52.0},
          "D4": {"E": 4.0, "K1": 32.0, "K2": 24.0}}
    walk = {"D1": {"E": 3290 / 75, "K1": 5390 / 75, "K2": 1190 / 75}, "D2": od["D2"], "D4": od["D4"]}
    w = {"D1": 3, "D2": 2, "D4": 4}

    def total(table, open_sites):
        return sum(w[d] * min(table[d][s] for s in open_sites) for d in w)

    # brute force over the candidates: by walk + bus K1 (66), on foot alone K2 (111.6)
    assert min(("K1", "K2"), key=lambda k: total(od, ["E", k])) == "K1"
    assert min(("K1", "K2"), key=lambda k: total(walk, ["E", k])) == "K2"
    _net, _fac, dem = layers()
    existing = memory_layer("Point", CRS, [("einr_id", str)],
                            [("Point({} {})".format(X0 + 3300, Y0), {"einr_id": "E"})], "kitas")
    cands = memory_layer("Point", CRS, [("kand_id", str)],
                         [("Point({} {})".format(X0 + 5400, Y0), {"kand_id": "K1"}),
                          ("Point({} {})".format(X0 + 1200, Y0), {"kand_id": "K2"})], "kandidaten")
    p = params(feed, DEMAND=dem, DEMAND_ID="adr_id", FACILITIES=existing, FACILITY_ID="einr_id",
               CANDIDATES=cands, CANDIDATE_ID="kand_id", P=1, MODEL=0, OUTPUT_SITES="memory:",
               OUTPUT_DEMAND="memory:", OUTPUT_SUMMARY="memory:")
    res = processing.run(ids.full_id(ids.LOCATION_PLANNING), p)
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["selected_ids"] == "K1" and summary["gap"] == 0
    assert summary["total_cost_after"] == pytest.approx(total(od, ["E", "K1"]), abs=1e-6)
    assert summary["total_cost_before"] == pytest.approx(total(od, ["E"]), abs=1e-6)
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["D1"]["site_id_after"] == "K1" and d["D1"]["cost_after"] == pytest.approx(14.0, abs=1e-6)
    assert d["D1"]["walk_only"] == pytest.approx(5390 / 75, abs=1e-6)      # the direct walk to K1
    assert d["D1"]["site_id_before"] == "E" and d["D1"]["cost_before"] == pytest.approx(3290 / 75, abs=1e-6)
    assert d["D2"]["site_id_after"] == "K1" and d["D2"]["walk_only"] == pytest.approx(4.0, abs=1e-6)
    assert d["D4"]["site_id_after"] == "E" and d["D4"]["cost_after"] == pytest.approx(4.0, abs=1e-6)
    assert d["D3"]["status"] == "off_network" and d["D3"]["site_id_after"] == NULL
    s = by(res["OUTPUT_SITES"], "site_id")
    # gain: the rise of the total without the site, the others open
    assert s["K1"]["gain"] == pytest.approx(total(od, ["E"]) - total(od, ["E", "K1"]), abs=1e-6)
    assert s["E"]["gain"] == pytest.approx(total(od, ["K1"]) - total(od, ["E", "K1"]), abs=1e-6)
    assert s["K2"]["selected"] is False or s["K2"]["selected"] == 0
    # on foot alone (MODE 0, minutes) the other candidate wins
    p.update(MODE=0, NETWORK=layers()[0], OUTPUT_SITES="memory:", OUTPUT_DEMAND="memory:", OUTPUT_SUMMARY="memory:")
    res = processing.run(ids.full_id(ids.LOCATION_PLANNING), p)
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    assert summary["selected_ids"] == "K2"
    assert summary["total_cost_after"] == pytest.approx(total(walk, ["E", "K2"]), abs=1e-6)
