"""bildungslandschaft:offersearch: hand-worked costs, equality with the catchment engine, qgis_process."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, edit

import processing
import qgisproc
from bildungslandschaft_plugin.core import network as nw
from bildungslandschaft_plugin.processing import ids
from tests import compass_data as data
from tests.util import memory_layer

ALG = ids.full_id(ids.OFFER_SEARCH)
X0, Y0 = data.X0, data.Y0
# a street y=0 from x=0 to 1000 and a street x=500 from y=0 to 800 (metres, offset X0/Y0)
LINES = [[(0, 0), (500, 0), (1000, 0)], [(500, 0), (500, 800)]]
FACS = [  # id, name, typ, traeger, x, y
    ("K1", "Kita Am Bach", "Kita", "Stadt", 100, 50),
    ("K2", "Kita Nord", "Kita", "Verein", 520, 700),
    ("G", "Grundschule Ost", "Grundschule", "Stadt", 900, -30),
    ("B", "Bibliothek", "Bibliothek", "Stadt", 800, 10),
]
ORIGIN = (300, -40)
# by hand: connector 40 to (300,0); K1 200 + 50 = 290; B 500 + 10 = 550; G 600 + 30 = 670; K2 200 + 700 + 20 = 960


def wkt_line(coords):
    return "LineString({})".format(", ".join("{} {}".format(X0 + x, Y0 + y) for x, y in coords))


def network_layer():
    return memory_layer("LineString", data.CRS, [("id", int)], [(wkt_line(c), {"id": i}) for i, c in enumerate(LINES)])


def facilities_layer():
    return memory_layer("Point", data.CRS, [("einr_id", str), ("name", str), ("typ", str), ("traeger", str)],
                        [("Point({} {})".format(X0 + x, Y0 + y), {"einr_id": i, "name": n, "typ": t, "traeger": c})
                         for i, n, t, c, x, y in FACS])


def origin_text(x=ORIGIN[0], y=ORIGIN[1]):
    return "{},{} [EPSG:25833]".format(X0 + x, Y0 + y)


def run(**kw):
    params = {"ORIGIN": origin_text(), "FACILITIES": facilities_layer(), "NETWORK": network_layer(),
              "TARGET_GROUP": 0, "OUTPUT": "memory:"}
    params.update(kw)
    return processing.run(ALG, params)


def rows(layer):
    return [(f["origin_id"], f["rank"], f["facility_id"], f["cost"]) for f in layer.getFeatures()]


def test_early_childhood_offers_by_hand():
    res = run()
    got = rows(res["OUTPUT"])
    assert [(r[1], r[2]) for r in got] == [(1, "K1"), (2, "B"), (3, "K2")]
    assert [r[3] for r in got] == pytest.approx([290.0, 550.0, 960.0])
    first = next(res["OUTPUT"].getFeatures())
    assert (first["name"], first["type"], first["carrier"], first["cost_unit"]) == ("Kita Am Bach", "Kita", "Stadt", "m")
    assert first.geometry().length() == pytest.approx(290.0)
    assert res["OFFERS"] == 3


def test_max_cost_time_and_school_age():
    res = run(MAX_COST=600)
    assert [r[2] for r in rows(res["OUTPUT"])] == ["K1", "B"]
    res = run(TARGET_GROUP=1, COST_TYPE=1)  # school age, minutes at 4.5 km/h
    got = rows(res["OUTPUT"])
    assert [r[2] for r in got] == ["B", "G"]
    assert [r[3] for r in got] == pytest.approx([550 / 75.0, 670 / 75.0])


def random_origins(n=25, seed=5):
    pts = np.random.default_rng(seed).uniform([0, -60], [1000, 800], size=(n, 2))
    layer = memory_layer("Point", data.CRS, [("adr_id", int)],
                         [("Point({} {})".format(X0 + x, Y0 + y), {"adr_id": i}) for i, (x, y) in enumerate(pts)])
    return pts, layer


def offers_by_origin(layer):
    got = {}
    for f in layer.getFeatures():
        got.setdefault(int(f["origin_id"]), {})[f["facility_id"]] = f["cost"]
    return got


def test_equal_to_catchments_algorithm():
    """Each origin's first offer costs what bildungslandschaft:catchments gives as its nearest-facility cost."""
    _pts, origins = random_origins()
    common = {"NETWORK": network_layer(), "FACILITIES": facilities_layer(), "FACILITY_ID": "einr_id",
              "MODE": 1, "COST_TYPE": 1, "SNAP_TOLERANCE": 1000}
    res = processing.run(ALG, dict(common, ORIGIN=origins, ORIGIN_ID="adr_id", TARGET_GROUP=5, MAX_RESULTS=1,
                                   OUTPUT="memory:"))
    got = offers_by_origin(res["OUTPUT"])
    catch = processing.run(ids.full_id(ids.CATCHMENTS), dict(
        common, DEMAND=origins, OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:", OUTPUT_AREAS="memory:"))
    demand = {f["adr_id"]: (f["facility_id"], f["cost"]) for f in catch["OUTPUT_DEMAND"].getFeatures()}
    assert len(got) == len(demand) == 25
    for o, (fac, cost) in demand.items():
        assert got[o] == {fac: pytest.approx(cost, abs=1e-3)}


def test_equal_to_network_engine_od_matrix():
    """All offers within reach equal the engine's OD costs, and the first one its nearest-facility cost."""
    pts, origins = random_origins()
    res = run(ORIGIN=origins, ORIGIN_ID="adr_id", MAX_RESULTS=0, SNAP_TOLERANCE=1000)
    got = offers_by_origin(res["OUTPUT"])
    graph = nw.Graph.from_lines([np.array(c, dtype=float) + [X0, Y0] for c in LINES])
    kita = [k for k, fac in enumerate(FACS) if fac[2] in ("Kita", "Bibliothek")]
    f_xy = np.array([[X0 + FACS[k][4], Y0 + FACS[k][5]] for k in kita])
    o_loc = graph.locate(pts + [X0, Y0], 1000)
    f_loc = graph.locate(f_xy, 1000)
    _fac, near, _st = graph.nearest(o_loc, f_loc)
    oi, di, cc = graph.od_matrix(o_loc, f_loc)
    assert len(got) == 25 and sum(len(v) for v in got.values()) == len(cc) == 25 * len(kita)
    for o in range(25):
        assert min(got[o].values()) == pytest.approx(near[o], abs=1e-6)
    for o, d, c in zip(oi, di, cc):
        assert got[int(o)][FACS[kita[d]][0]] == pytest.approx(c, abs=1e-6)
    for f in res["OUTPUT"].getFeatures():  # the route is the trip: its length is the network distance
        assert f.geometry().length() == pytest.approx(f["cost"], abs=1e-6)


def test_origin_layer_with_point_off_network_is_reported():
    origins = memory_layer("Point", data.CRS, [("adr_id", str)],
                           [("Point({} {})".format(X0 + 300, Y0 - 40), {"adr_id": "a1"}),
                            ("Point({} {})".format(X0 + 300, Y0 - 5000), {"adr_id": "weit"})])
    res = run(ORIGIN=origins, ORIGIN_ID="adr_id", MAX_RESULTS=1)
    assert rows(res["OUTPUT"]) == [("a1", 1, "K1", pytest.approx(290.0))]
    assert res["ORIGINS_WITHOUT_OFFER"] == 1


def test_bad_input():
    with pytest.raises(QgsProcessingException, match="ORIGIN"):
        run(ORIGIN=None)
    with pytest.raises(QgsProcessingException, match="ORIGIN"):
        run(ORIGIN="Hauptstraße 5")
    with pytest.raises(QgsProcessingException, match="target group"):
        run(TYPE_MAPPING="Schwimmbad = youth")
    with pytest.raises(QgsProcessingException, match="FACILITIES"):
        run(FACILITIES=QgsVectorLayer("Point?crs=EPSG:25833", "leer", "memory"))
    twice = facilities_layer()
    with edit(twice):
        twice.changeAttributeValue(next(twice.getFeatures()).id(), 0, "B")
    with pytest.raises(QgsProcessingException, match="FACILITY_ID field 'einr_id' has the value 'B' twice"):
        run(FACILITIES=twice)


def test_qgis_process(tmp_path, qgis_process_env):
    gpkg = str(tmp_path / "netz.gpkg")
    net = data.write_gpkg(network_layer(), gpkg, "strassen")
    fac = data.write_gpkg(facilities_layer(), gpkg, "einrichtungen")
    out = str(tmp_path / "angebote.gpkg")
    res = qgisproc.run(ALG, {"ORIGIN": origin_text(), "FACILITIES": fac, "NETWORK": net, "TARGET_GROUP": 0,
                             "MAX_COST": 600, "OUTPUT": out}, env=qgis_process_env)
    assert res["results"]["OFFERS"] == 2
    layer = QgsVectorLayer(out, "o", "ogr")
    assert [f["facility_id"] for f in layer.getFeatures()] == ["K1", "B"]
