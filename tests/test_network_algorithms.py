"""catchments, accessibility and serviceareas through processing.run and qgis_process."""

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from bildungslandschaft_plugin.processing import ids
from tests.util import memory_layer

CRS = "EPSG:25833"
CATCH = ids.full_id(ids.CATCHMENTS)
ACCESS = ids.full_id(ids.ACCESSIBILITY)
SERVICE = ids.full_id(ids.SERVICE_AREAS)


def wkt_line(*pts):
    return "LineString({})".format(", ".join("{} {}".format(x, y) for x, y in pts))


def street_layer(crs=CRS, extra_rows=()):
    """A main street x 0..1000 at y=0 with side streets; a footway shortcut; a motorway; an island.

    Walk costs (hand-worked) are in the tests below.
    """
    rows = [
        (wkt_line((0, 0), (500, 0), (1000, 0)), {"id": 1, "highway": "residential", "oneway": None}),
        (wkt_line((500, 0), (500, 400)), {"id": 2, "highway": "residential", "oneway": None}),
        (wkt_line((0, 0), (0, 400), (500, 400)), {"id": 3, "highway": "footway", "oneway": None}),
        (wkt_line((1000, 0), (1000, 400)), {"id": 4, "highway": "motorway", "oneway": None}),
        (wkt_line((3000, 0), (3100, 0)), {"id": 5, "highway": "residential", "oneway": None}),
        (None, {"id": 6, "highway": "residential", "oneway": None}),
    ] + list(extra_rows)
    return memory_layer("LineString", crs, [("id", int), ("highway", str), ("oneway", str)], rows, "strassen")


def facility_layer(rows=None, crs=CRS):
    rows = rows or [
        ("Point(0 -10)", {"einr_id": "GS001", "typ": "Grundschule", "kapazitaet": 100}),
        ("Point(1000 5)", {"einr_id": "GS002", "typ": "Grundschule", "kapazitaet": 0}),
        ("Point(500 410)", {"einr_id": "KT001", "typ": "Kita", "kapazitaet": 50}),
    ]
    return memory_layer("Point", crs, [("einr_id", str), ("typ", str), ("kapazitaet", int)], rows, "einrichtungen")


def demand_layer(crs=CRS):
    rows = [
        ("Point(100 5)", {"adr_id": "A1", "ew": 10}),     # 5 + 100 + 10 = 115 to GS001
        ("Point(900 -20)", {"adr_id": "A2", "ew": 20}),   # 20 + 100 + 5 = 125 to GS002
        ("Point(500 300)", {"adr_id": "A3", "ew": 5}),    # 100 + 10 = 110 to KT001
        ("Point(3050 3)", {"adr_id": "A4", "ew": 7}),     # island
        ("Point(100 2000)", {"adr_id": "A5", "ew": 1}),   # off the network
        (None, {"adr_id": "A6", "ew": 2}),                # no geometry
        ("Point(0 390)", {"adr_id": "A7", "ew": 3}),      # on the footway: 390 + 10 = 400 to GS001
    ]
    return memory_layer("Point", crs, [("adr_id", str), ("ew", int)], rows, "adressen")


def by(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


def run_catchments(**overrides):
    params = {
        "NETWORK": street_layer(), "FACILITIES": facility_layer(), "FACILITY_ID": "einr_id",
        "DEMAND": demand_layer(), "DEMAND_WEIGHT": "ew", "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 200,
        "CAPACITY": "kapazitaet", "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:",
        "OUTPUT_AREAS": "memory:",
    }
    params.update(overrides)
    return processing.run(CATCH, params)


def test_catchments_hand_worked():
    res = run_catchments()
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["A1"]["facility_id"] == "GS001" and d["A1"]["cost"] == pytest.approx(115)
    assert d["A1"]["snap_dist"] == pytest.approx(5)
    assert d["A2"]["facility_id"] == "GS002" and d["A2"]["cost"] == pytest.approx(125)
    assert d["A3"]["facility_id"] == "KT001" and d["A3"]["cost"] == pytest.approx(110)
    assert d["A7"]["facility_id"] == "GS001" and d["A7"]["cost"] == pytest.approx(400)
    assert [d[k]["status"] for k in ("A1", "A4", "A5", "A6")] == ["ok", "unreachable", "off_network", "no_geometry"]
    assert d["A4"]["facility_id"] == NULL and d["A4"]["cost"] == NULL
    f = by(res["OUTPUT_FACILITIES"], "einr_id")
    assert f["GS001"]["demand"] == pytest.approx(13) and f["GS001"]["n_demand"] == 2
    assert f["GS001"]["utilization"] == pytest.approx(0.13)
    assert f["GS002"]["demand"] == pytest.approx(20)
    assert f["GS002"]["utilization"] == NULL  # capacity 0
    assert f["KT001"]["utilization"] == pytest.approx(5 / 50)
    # demand sums equal the total weight of reached demand
    reached = sum(x["ew"] for x in d.values() if x["status"] == "ok")
    assert sum(x["demand"] for x in f.values()) == pytest.approx(reached)
    areas = list(res["OUTPUT_AREAS"].getFeatures())
    assert {a["facility_id"] for a in areas} == {"GS001", "GS002", "KT001"}
    for i, a in enumerate(areas):
        for b in areas[i + 1:]:
            assert a.geometry().intersection(b.geometry()).area() < 1e-6
    # the streets next to each facility lie in its own polygon
    area = {a["facility_id"]: a.geometry() for a in areas}
    assert area["GS001"].contains(QgsGeometry.fromWkt("Point(50 0)"))
    assert area["GS002"].contains(QgsGeometry.fromWkt("Point(950 0)"))
    assert area["KT001"].contains(QgsGeometry.fromWkt("Point(500 380)"))


def test_catchments_car_excludes_footway_and_time_costs():
    res = run_catchments(MODE=2, COST_TYPE=1, OUTPUT_AREAS=None)
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    # A7 lies on the footway; the nearest street a car may use is the main street 390 m away
    assert d["A7"]["status"] == "off_network" and d["A7"]["snap_dist"] == pytest.approx(390)
    # car speed on residential 30 km/h = 500 m/min; A1: 115 m -> 0.23 min
    assert d["A1"]["cost"] == pytest.approx(115 / 500)
    walk = by(run_catchments(COST_TYPE=1, OUTPUT_AREAS=None)["OUTPUT_DEMAND"], "adr_id")
    assert walk["A1"]["cost"] == pytest.approx(115 / 75)


def test_catchments_max_cost_and_bad_values():
    d = by(run_catchments(MAX_COST=120, OUTPUT_AREAS=None)["OUTPUT_DEMAND"], "adr_id")
    assert d["A1"]["status"] == "ok"
    assert d["A2"]["status"] == "beyond_max_cost" and d["A2"]["cost"] == pytest.approx(125)
    for bad in (0, -1):
        with pytest.raises(QgsProcessingException, match="MAX_COST"):
            run_catchments(MAX_COST=bad)


def test_catchments_duplicate_ids_empty_layers_and_no_usable_edges():
    dup = facility_layer([("Point(0 0)", {"einr_id": "GS001", "typ": "x", "kapazitaet": 1}),
                          ("Point(10 0)", {"einr_id": "GS001", "typ": "x", "kapazitaet": 1})])
    with pytest.raises(QgsProcessingException, match="GS001"):
        run_catchments(FACILITIES=dup)
    empty = memory_layer("Point", CRS, [("adr_id", str), ("ew", int)], [], "leer")
    with pytest.raises(QgsProcessingException, match="DEMAND"):
        run_catchments(DEMAND=empty)
    motorway = memory_layer("LineString", CRS, [("highway", str)],
                            [(wkt_line((0, 0), (100, 0)), {"highway": "motorway"})], "autobahn")
    with pytest.raises(QgsProcessingException, match="walk"):
        run_catchments(NETWORK=motorway)


def to_crs(layer, crs):
    """A copy of *layer* reprojected to *crs* (memory layer)."""
    return processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": crs, "OUTPUT": "memory:"})["OUTPUT"]


def shifted(layer, dx=390000.0, dy=5820000.0):
    """The test layer moved to Berlin (EPSG:25833), where UTM zone 33 is the natural metric CRS."""
    return processing.run("native:translategeometry", {"INPUT": layer, "DELTA_X": dx, "DELTA_Y": dy,
                                                       "OUTPUT": "memory:"})["OUTPUT"]


def test_catchments_geographic_and_mixed_crs():
    net = to_crs(shifted(street_layer()), "EPSG:4326")
    fac = to_crs(shifted(facility_layer()), "EPSG:3857")
    dem = to_crs(shifted(demand_layer()), "EPSG:4326")
    feedback_log = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            feedback_log.append(info)

    res = processing.run(CATCH, {
        "NETWORK": net, "FACILITIES": fac, "FACILITY_ID": "einr_id", "DEMAND": dem, "DEMAND_WEIGHT": "ew",
        "SNAP_TOLERANCE": 200, "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:",
        "OUTPUT_AREAS": "memory:"}, feedback=Log())
    # EPSG:3857 is projected but stretches lengths by 1/cos(52.5 deg) = 1.64: never used for distances
    # (issue 12); the UTM zone of the data is, and the log says what was reprojected
    assert any("EPSG:3857" in line and "reprojected" in line for line in feedback_log)
    assert any("EPSG:3857" in line and "not used" in line for line in feedback_log)
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["A1"]["facility_id"] == "GS001"
    assert d["A1"]["cost"] == pytest.approx(115, abs=0.01)
    assert res["OUTPUT_DEMAND"].crs().authid() == "EPSG:4326"
    assert res["OUTPUT_AREAS"].crs().authid() == "EPSG:3857"  # written in the facilities' CRS
    # all geographic: a UTM zone is chosen and named in the log
    feedback_log.clear()
    res = processing.run(CATCH, {
        "NETWORK": net, "FACILITIES": to_crs(shifted(facility_layer()), "EPSG:4326"), "DEMAND": dem,
        "SNAP_TOLERANCE": 200, "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"}, feedback=Log())
    assert any("distances are computed in" in line and "EPSG:25833" in line for line in feedback_log)
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["A1"]["cost"] == pytest.approx(115, rel=1e-6)


def test_accessibility_categories_thresholds_districts():
    districts = memory_layer("Polygon", CRS, [("ot_key", str)], [
        ("Polygon((-100 -100, 450 -100, 450 500, -100 500, -100 -100))", {"ot_key": "01"}),
        ("Polygon((450 -100, 1100 -100, 1100 500, 450 500, 450 -100))", {"ot_key": "02"}),
    ], "ortsteile")
    res = processing.run(ACCESS, {
        "NETWORK": street_layer(), "FACILITIES": facility_layer(), "FACILITY_ID": "einr_id", "CATEGORY": "typ",
        "DEMAND": demand_layer(), "DEMAND_WEIGHT": "ew", "THRESHOLDS": "120, 500", "SNAP_TOLERANCE": 200,
        "DISTRICTS": districts, "DISTRICT_ID": "ot_key",
        "OUTPUT_DEMAND": "memory:", "OUTPUT_DISTRICTS": "memory:"})
    d = by(res["OUTPUT_DEMAND"], "adr_id")
    assert d["A3"]["cost"] == pytest.approx(110) and d["A3"]["facility_id"] == "KT001"
    # A3 to the nearest Grundschule: 300 + 500 + 5 (GS002) vs 300 + 500 + 10 (GS001)
    assert d["A3"]["cost_grundschule"] == pytest.approx(805)
    assert d["A3"]["cost_kita"] == pytest.approx(110)
    assert d["A1"]["n_120"] == 1 and d["A1"]["n_500"] == 1
    # A1 within 500: GS001 (115); KT001 is 5 + 400 + 400 + 10 = 815, GS002 = 5 + 900 + 5
    assert d["A3"]["n_500"] == 1
    assert d["A1"]["district_id"] == "01" and d["A2"]["district_id"] == "02"
    dist = by(res["OUTPUT_DISTRICTS"], "ot_key")
    # district 01: A1 (10, 115), A7 (3, 400) -> mean (1150 + 1200) / 13
    assert dist["01"]["demand"] == pytest.approx(13)
    assert dist["01"]["mean_cost"] == pytest.approx((10 * 115 + 3 * 400) / 13)
    assert dist["01"]["median_cost"] == pytest.approx(115)
    assert dist["01"]["share_120"] == pytest.approx(100 * 10 / 13)
    assert dist["01"]["share_500"] == pytest.approx(100)
    # district 02: A2 (20, 125), A3 (5, 110)
    assert dist["02"]["share_120"] == pytest.approx(100 * 5 / 25)
    assert dist["02"]["median_cost"] == pytest.approx(125)


def test_accessibility_bad_thresholds():
    with pytest.raises(QgsProcessingException, match="THRESHOLDS"):
        processing.run(ACCESS, {"NETWORK": street_layer(), "FACILITIES": facility_layer(),
                                "DEMAND": demand_layer(), "THRESHOLDS": "500,abc", "OUTPUT_DEMAND": "memory:"})


def test_serviceareas_follow_streets():
    res = processing.run(SERVICE, {
        "NETWORK": street_layer(), "FACILITIES": facility_layer(), "FACILITY_ID": "einr_id",
        "THRESHOLDS": "100,300", "BUFFER": 10, "DEMAND": demand_layer(), "DEMAND_WEIGHT": "ew",
        "SNAP_TOLERANCE": 200, "OUTPUT": "memory:"})
    feats = {(f["facility_id"], f["threshold"]): f for f in res["OUTPUT"].getFeatures()}
    assert len(feats) == 6
    gs1 = feats[("GS001", 300)].geometry()
    # GS001 sits 10 m below (0, 0): 290 m along the main street, not along the footway (walk may use it: 290 m)
    assert gs1.contains(QgsGeometry.fromWkt("Point(280 0)"))
    # the arm ends at 290 m + 10 m buffer = x 300; (300 0) lies on the boundary, where GEOS versions differ
    assert not gs1.contains(QgsGeometry.fromWkt("Point(305 0)"))
    assert gs1.contains(QgsGeometry.fromWkt("Point(295 0)"))
    assert gs1.contains(QgsGeometry.fromWkt("Point(0 280)"))
    # not a circle: a point 150 m away from every reached street is outside
    assert not gs1.contains(QgsGeometry.fromWkt("Point(150 150)"))
    # area ~ (2 arms * 290 m + 10 m connector) * 20 m wide plus the round ends
    assert 0.010 < feats[("GS001", 300)]["area_km2"] < 0.0135
    assert feats[("GS001", 300)]["demand"] == pytest.approx(10)  # A1 at 115
    assert feats[("GS001", 100)]["demand"] == pytest.approx(0)
    dissolved = processing.run(SERVICE, {
        "NETWORK": street_layer(), "FACILITIES": facility_layer(), "THRESHOLDS": "300", "BUFFER": 10,
        "DISSOLVE": True, "DEMAND": demand_layer(), "DEMAND_WEIGHT": "ew", "OUTPUT": "memory:"})["OUTPUT"]
    feats = list(dissolved.getFeatures())
    assert len(feats) == 1 and feats[0]["n_facilities"] == 3
    assert feats[0]["demand"] == pytest.approx(10 + 20 + 5)


def test_inputs_not_modified():
    net, fac, dem = street_layer(), facility_layer(), demand_layer()
    before = [[f.attributes() for f in lyr.getFeatures()] for lyr in (net, fac, dem)]
    run_catchments(NETWORK=net, FACILITIES=fac, DEMAND=dem)
    after = [[f.attributes() for f in lyr.getFeatures()] for lyr in (net, fac, dem)]
    assert before == after
    assert [f.name() for f in dem.fields()] == ["adr_id", "ew"]


def write_gpkg(layer, path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), options)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err


def test_network_read_from_gpkg_directly_equals_qgis_reader(tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    from bildungslandschaft_plugin.processing import network_reader
    from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm

    path = str(tmp_path / "net.gpkg")
    write_gpkg(street_layer(), path)
    alg = CatchmentsAlgorithm()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    fast = network_reader._ogr_fast_lines(alg, {"NETWORK": path}, context, QgsCoordinateReferenceSystem(CRS),
                                          ["highway", "oneway", None])
    assert fast is not None
    lines, hw, ow, speeds, n_features, n_null = fast
    assert n_features == 6 and n_null == 1 and len(lines) == 5
    assert hw[0] == "residential" and ow[0] is None
    # the algorithm gives the same result from the file (GDAL reader) and from a memory layer (QGIS reader)
    from_file = by(run_catchments(NETWORK=path, OUTPUT_AREAS=None)["OUTPUT_DEMAND"], "adr_id")
    from_memory = by(run_catchments(OUTPUT_AREAS=None)["OUTPUT_DEMAND"], "adr_id")
    for key in from_memory:
        assert from_file[key]["status"] == from_memory[key]["status"]
        assert from_file[key]["cost"] == from_memory[key]["cost"]


@pytest.mark.parametrize("alg", [CATCH, ACCESS, SERVICE])
def test_qgis_process_runs(alg, tmp_path, qgis_process_env):
    import qgisproc

    paths = {}
    for name, layer in (("net", street_layer()), ("fac", facility_layer()), ("dem", demand_layer())):
        paths[name] = str(tmp_path / (name + ".gpkg"))
        write_gpkg(layer, paths[name])
    params = {"NETWORK": paths["net"], "FACILITIES": paths["fac"], "FACILITY_ID": "einr_id",
              "DEMAND": paths["dem"], "DEMAND_WEIGHT": "ew", "SNAP_TOLERANCE": 200}
    if alg == CATCH:
        params.update(OUTPUT_DEMAND=str(tmp_path / "d.gpkg"), OUTPUT_FACILITIES=str(tmp_path / "f.gpkg"),
                      OUTPUT_AREAS=str(tmp_path / "a.gpkg"))
        check, key, value = "d.gpkg", "adr_id", ("A1", "cost", 115)
    elif alg == ACCESS:
        params.update(THRESHOLDS="500,1000", OUTPUT_DEMAND=str(tmp_path / "d.gpkg"))
        check, key, value = "d.gpkg", "adr_id", ("A1", "n_500", 1)
    else:
        params.update(THRESHOLDS="300", BUFFER=10, OUTPUT=str(tmp_path / "s.gpkg"))
        check, key, value = "s.gpkg", "facility_id", ("GS001", "demand", 10)
    qgisproc.run(alg, params, env=qgis_process_env, timeout=300)
    layer = QgsVectorLayer(str(tmp_path / check), "out", "ogr")
    assert layer.isValid()
    feats = by(layer, key)
    assert feats[value[0]][value[1]] == pytest.approx(value[2])


@pytest.fixture(scope="module")
def small_city(tmp_path_factory):
    """The sample city at a small scale (the synthetic grid city of scripts/bench.py until the generator lands)."""
    import bench

    out = str(tmp_path_factory.mktemp("city"))
    try:
        paths, _source = bench.make_city(out, 0.1)
    except (ValueError, TypeError):
        paths = bench.synthetic_city(out, 0.1)
    return paths["gpkg"]


def test_sample_city_invariants(small_city):
    from bildungslandschaft_plugin.core import network as nw
    from bildungslandschaft_plugin.core.wkb import _wkb_lines

    net, dem, fac = (QgsVectorLayer("{}|layername={}".format(small_city, name), name, "ogr")
                     for name in ("strassen", "adressen", "einrichtungen"))
    for layer in (net, dem, fac):
        assert layer.isValid() and layer.featureCount() > 0
    res = processing.run(CATCH, {
        "NETWORK": net, "FACILITIES": fac, "FACILITY_ID": "einr_id", "DEMAND": dem, "DEMAND_WEIGHT": "ew_gesamt",
        "SNAP_TOLERANCE": 250, "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:", "OUTPUT_AREAS": "memory:"})
    out = {f["adr_id"]: f for f in res["OUTPUT_DEMAND"].getFeatures()}
    assert len(out) == dem.featureCount()
    # second method: one separate bounded-free search per facility on the engine's split graph
    lines, hw, ow = [], [], []
    for f in net.getFeatures():
        if f.geometry().isNull():
            continue
        for part in _wkb_lines(bytes(f.geometry().asWkb())):
            lines.append(part)
            hw.append(f["highway"])
            ow.append(f["oneway"])
    g = nw.Graph.from_lines(lines, highway=hw, oneway=ow, mode="walk")
    d_feats = list(dem.getFeatures())
    f_feats = list(fac.getFeatures())
    d_xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in d_feats])
    f_xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in f_feats])
    d_loc, f_loc = g.locate(d_xy, 250), g.locate(f_xy, 250)
    r = g.prepare(d_loc, f_loc)
    costs = np.full((len(d_feats), len(f_feats)), np.inf)
    term = r.terminal[r.offsets[0]:r.offsets[1]]
    for j, dist in r.facility_searches(1):
        costs[:, j] = dist[term]
    f_ids = [f["einr_id"] for f in f_feats]
    n_checked = 0
    for k, feat in enumerate(d_feats):
        o = out[feat["adr_id"]]
        if o["status"] != "ok":
            continue
        n_checked += 1
        assert o["cost"] == pytest.approx(costs[k].min(), abs=1e-6)
        assert o["cost"] <= costs[k][np.isfinite(costs[k])].min() + 1e-6
        assert costs[k][f_ids.index(o["facility_id"])] == pytest.approx(o["cost"], abs=1e-6)
    assert n_checked > 0.9 * len(d_feats)
    # demand sums equal the total weight of reached demand
    reached = sum(o["ew_gesamt"] for o in out.values() if o["status"] == "ok")
    fac_out = list(res["OUTPUT_FACILITIES"].getFeatures())
    assert sum(f["demand"] for f in fac_out) == pytest.approx(reached)
    assert sum(f["n_demand"] for f in fac_out) == sum(1 for o in out.values() if o["status"] == "ok")
    # catchment polygons do not overlap
    areas = list(res["OUTPUT_AREAS"].getFeatures())
    assert len(areas) >= 0.8 * len(f_feats)
    for i, a in enumerate(areas):
        ga = a.geometry()
        for b in areas[i + 1:]:
            if ga.boundingBox().intersects(b.geometry().boundingBox()):
                assert ga.intersection(b.geometry()).area() < 1e-3
