"""The GDAL fast paths of the network adapter give exactly what the QGIS readers give."""

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from bildungslandschaft_plugin.core import wkb
from bildungslandschaft_plugin.processing import readers, writers
from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm
from tests.test_network_algorithms import (
    CATCH,
    CRS,
    facility_layer,
    street_layer,
    write_gpkg,
)
from tests.util import memory_layer


def demand_rows():
    return [
        ("Point(100 5)", {"adr_id": "A1", "ew": 10}),
        ("Point(900 -20)", {"adr_id": "A2", "ew": 20}),
        ("Point(500 300)", {"adr_id": "A3", "ew": None}),    # NULL weight
        ("Point(3050 3)", {"adr_id": "A4", "ew": 7}),        # island
        ("Point(100 2000)", {"adr_id": "A5", "ew": 1}),      # off the network
        (None, {"adr_id": "A6", "ew": 2}),                   # no geometry
        ("Point(0 390.123456789)", {"adr_id": "A7", "ew": 3}),
        ("Point(250.5 0)", {"adr_id": "A8", "ew": 4}),
    ]


def demand_memory(rows=None, geom="Point"):
    return memory_layer(geom, CRS, [("adr_id", str), ("ew", int)], rows or demand_rows(), "adressen")


def setup_alg():
    alg = CatchmentsAlgorithm()
    alg.initAlgorithm()
    return alg, QgsProcessingContext(), QgsCoordinateReferenceSystem(CRS)


def test_points_read_through_gdal_equal_qgis_reader(tmp_path):
    path = str(tmp_path / "dem.gpkg")
    write_gpkg(demand_memory(), path)
    alg, context, crs = setup_alg()
    fast = readers.read_points_fast(alg, {"DEMAND": path}, "DEMAND", context, crs, ["ew"])
    assert fast is not None
    fids, xy, cols = fast
    layer = QgsVectorLayer(path, "dem", "ogr")
    q_fids, q_xy, q_feats = readers.read_points(layer, crs, context, QgsProcessingFeedback(), with_features=True)
    assert fids.tolist() == q_fids.tolist() == [1, 2, 3, 4, 5, 6, 7, 8]
    np.testing.assert_array_equal(xy, q_xy)  # NaN rows in the same places, bit-identical coordinates
    assert np.isnan(xy[5]).all() and xy[6].tolist() == [0.0, 390.123456789]
    weights, n_null = readers.numeric_array(cols["ew"], len(fids))
    q_weights, q_null = readers.numeric_values(layer, q_feats, "ew", "DEMAND_WEIGHT")
    assert weights.tolist() == q_weights.tolist() == [10, 20, 0, 7, 1, 2, 3, 4]
    assert n_null == q_null == 1
    default, n_default_null = readers.numeric_array(None, 3)
    assert default.tolist() == [1.0, 1.0, 1.0] and n_default_null == 0


def test_points_fast_path_only_for_plain_point_files(tmp_path):
    alg, context, crs = setup_alg()
    path = str(tmp_path / "dem.gpkg")
    write_gpkg(demand_memory(), path)
    # another CRS (reprojection), a subset string, a memory layer, polygons: no fast path
    assert readers.read_points_fast(alg, {"DEMAND": path}, "DEMAND", context,
                                 QgsCoordinateReferenceSystem("EPSG:25832"), []) is None
    subset = QgsVectorLayer(path, "dem", "ogr")
    subset.setSubsetString("ew > 3")
    assert readers.read_points_fast(alg, {"DEMAND": subset}, "DEMAND", context, crs, []) is None
    assert readers.read_points_fast(alg, {"DEMAND": demand_memory()}, "DEMAND", context, crs, []) is None
    poly_path = str(tmp_path / "poly.gpkg")
    write_gpkg(demand_memory([("Polygon((0 0, 10 0, 10 10, 0 0))", {"adr_id": "P", "ew": 1})], "Polygon"),
               poly_path)
    assert readers.read_points_fast(alg, {"DEMAND": poly_path}, "DEMAND", context, crs, []) is None


def test_point_wkb_variants_and_non_points():
    wkbs = [bytes(QgsGeometry.fromWkt(w).asWkb()) for w in ("Point(1 2)", "PointZ(3 4 5)", "PointZM(6 7 8 9)")]
    arr = np.array(wkbs + [None], dtype=object)
    xy = wkb.wkb_points_xy(arr)
    assert xy[:3].tolist() == [[1, 2], [3, 4], [6, 7]] and np.isnan(xy[3]).all()
    fixed = np.array([wkbs[0], bytes(QgsGeometry.fromWkt("Point(-5.5 1e6)").asWkb())], dtype="V21")
    assert wkb.wkb_points_xy(fixed).tolist() == [[1, 2], [-5.5, 1e6]]
    multi = np.array([bytes(QgsGeometry.fromWkt("MultiPoint((1 2))").asWkb())], dtype=object)
    assert wkb.wkb_points_xy(multi) is None


def test_linestring_wkb_vectorised_equals_per_geometry_parser():
    wkts = ["LineString(0 0, 1 1, 2 0.5)", "LineStringZ(0 0 1, 5 5 2)", "MultiLineString((7 7, 8 8, 9 9.25))",
            "MultiLineStringZM((1 1 1 1, 2 2 2 2))", "LineStringM(3 3 0, 4 4 1, 5 5 2, 6 6 3)"]
    wkbs = [bytes(QgsGeometry.fromWkt(w).asWkb()) for w in wkts]
    arr = np.array(wkbs[:2] + [None] + wkbs[2:], dtype=object)
    parts, rows = wkb.wkb_linestrings(arr)
    assert rows.tolist() == [0, 1, 3, 4, 5]
    expected = [p for w in wkbs for p in wkb._wkb_lines(w)]
    assert len(parts) == len(expected)
    for got, want in zip(parts, expected):
        np.testing.assert_array_equal(got, want)
    # all of one size -> a fixed-width column (as GDAL returns it)
    fixed = np.array([wkbs[0], bytes(QgsGeometry.fromWkt("LineString(9 9, 8 8, 7 7.5)").asWkb())], dtype="V57")
    parts, rows = wkb.wkb_linestrings(fixed)
    assert rows.tolist() == [0, 1] and parts[1].tolist() == [[9, 9], [8, 8], [7, 7.5]]
    # two parts or points: the caller parses geometry by geometry
    two = np.array([bytes(QgsGeometry.fromWkt("MultiLineString((0 0, 1 1),(2 2, 3 3))").asWkb())], dtype=object)
    assert wkb.wkb_linestrings(two) is None
    assert wkb.wkb_linestrings(np.array([bytes(QgsGeometry.fromWkt("Point(1 1)").asWkb())], dtype=object)) is None


def test_catchments_same_output_from_gdal_and_qgis_readers(tmp_path):
    paths = {}
    for name, layer in (("net", street_layer()), ("fac", facility_layer()), ("dem", demand_memory())):
        paths[name] = str(tmp_path / (name + ".gpkg"))
        write_gpkg(layer, paths[name])

    def run(demand):
        res = processing.run(CATCH, {
            "NETWORK": paths["net"], "FACILITIES": paths["fac"], "FACILITY_ID": "einr_id", "DEMAND": demand,
            "DEMAND_WEIGHT": "ew", "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 200, "CAPACITY": "kapazitaet",
            "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"})
        dem = [(f.id(), f.attributes(), f.geometry().asWkt(6)) for f in res["OUTPUT_DEMAND"].getFeatures()]
        fac = [f.attributes() for f in res["OUTPUT_FACILITIES"].getFeatures()]
        demand_fields.append(res["OUTPUT_DEMAND"].fields().names())
        return dem, fac

    demand_fields = []

    fast_dem, fast_fac = run(paths["dem"])                           # GDAL reader
    slow = QgsVectorLayer(paths["dem"], "dem", "ogr")
    slow.setSubsetString("1 = 1")                                     # forces the QGIS reader, same rows
    slow_dem, slow_fac = run(slow)
    assert [a for _, a, _ in fast_dem] == [a for _, a, _ in slow_dem]
    assert [g for _, _, g in fast_dem] == [g for _, _, g in slow_dem]
    assert fast_fac == slow_fac
    got = {a[0]: a for _, a, _ in fast_dem}
    # adr_id, ew, facility_id, cost, snap_dist, status (the input's fid is not written: issue 12)
    assert demand_fields[0][:2] == ["adr_id", "ew"] and "fid" not in demand_fields[0]
    assert got["A1"][2:] == ["GS001", 115.0, 5.0, "ok"]
    assert got["A3"][1] == NULL and got["A3"][2:] == ["KT001", 110.0, 0.0, "ok"]
    assert got["A6"][5] == "no_geometry" and got["A4"][5] == "unreachable" and got["A5"][5] == "off_network"
    # the NULL weight counts 0: KT001 gets one demand point with weight 0
    fac_by_id = {a[0]: a for a in fast_fac}
    names = [f.name() for f in QgsVectorLayer(paths["fac"], "fac", "ogr").fields() if f.name() != "fid"]
    assert fac_by_id["KT001"][len(names):len(names) + 3] == ["KT001", 0.0, 1]


def test_write_features_matches_rows_by_feature_id():
    from bildungslandschaft_plugin.processing.base import Progress
    from qgis.core import QgsProcessingException

    src = demand_memory()
    out = memory_layer("Point", CRS, [("adr_id", str), ("ew", int), ("extra", str)], [], "out")
    feats = list(src.getFeatures())
    fids = np.array([f.id() for f in feats])
    labels = ["row{}".format(k) for k in range(len(feats))]
    feedback = QgsProcessingFeedback()
    # the features arrive in another order than the rows: each still gets its own row's value
    n = writers.write_features(out.dataProvider(), reversed(feats), [0, 1], [labels], Progress(feedback, 8),
                            feedback, fids=fids)
    assert n == 8
    got = {f["adr_id"]: f["extra"] for f in out.getFeatures()}
    assert got == {"A{}".format(k + 1): "row{}".format(k) for k in range(8)}
    # a feature that was not read, or one missing: a clear error
    with pytest.raises(QgsProcessingException, match="not there"):
        writers.write_features(out.dataProvider(), iter(feats), [0, 1], [labels[:7]], Progress(feedback, 7),
                            feedback, fids=fids[:7])
    with pytest.raises(QgsProcessingException, match="8 features when it was read and 7"):
        writers.write_features(out.dataProvider(), iter(feats[:7]), [0, 1], [labels], Progress(feedback, 8),
                            feedback, fids=fids)


def test_accessibility_same_output_from_gdal_and_qgis_readers(tmp_path):
    from tests.test_network_algorithms import ACCESS

    paths = {}
    districts = memory_layer("Polygon", CRS, [("ot_key", str)], [
        ("Polygon((-100 -100, 450 -100, 450 500, -100 500, -100 -100))", {"ot_key": "01"}),
        ("Polygon((450 -100, 1100 -100, 1100 500, 450 500, 450 -100))", {"ot_key": "02"}),
    ], "ortsteile")
    for name, layer in (("net", street_layer()), ("fac", facility_layer()), ("dem", demand_memory())):
        paths[name] = str(tmp_path / (name + ".gpkg"))
        write_gpkg(layer, paths[name])

    def run(demand, district_id):
        res = processing.run(ACCESS, {
            "NETWORK": paths["net"], "FACILITIES": paths["fac"], "FACILITY_ID": "einr_id", "CATEGORY": "typ",
            "DEMAND": demand, "DEMAND_WEIGHT": "ew", "THRESHOLDS": "120, 500", "SNAP_TOLERANCE": 200,
            "DISTRICTS": districts, "DISTRICT_ID": district_id,
            "OUTPUT_DEMAND": "memory:", "OUTPUT_DISTRICTS": "memory:"})
        dem = [(f.attributes(), f.geometry().asWkt(6)) for f in res["OUTPUT_DEMAND"].getFeatures()]
        dist = [f.attributes() for f in res["OUTPUT_DISTRICTS"].getFeatures()]
        return dem, dist, [f.name() for f in res["OUTPUT_DEMAND"].fields()]

    for district_id in ("ot_key", None):
        fast = run(paths["dem"], district_id)                  # GDAL reader
        slow_layer = QgsVectorLayer(paths["dem"], "dem", "ogr")
        slow_layer.setSubsetString("1 = 1")                     # forces the QGIS reader, same rows
        slow = run(slow_layer, district_id)
        assert fast == slow
        names = fast[2]
        got = {a[names.index("adr_id")]: dict(zip(names, a)) for a, _ in fast[0]}
        assert got["A1"]["facility_id"] == "GS001" and got["A1"]["cost"] == 115.0
        assert got["A1"]["n_120"] == 1 and got["A1"]["n_500"] == 1
        assert got["A3"]["cost_kita"] == 110.0 and got["A3"]["cost_grundschule"] == 805.0
        assert got["A4"]["status"] == "unreachable" and got["A4"]["n_500"] == NULL and got["A4"]["cost"] == NULL
        assert got["A6"]["status"] == "no_geometry" and got["A6"]["district_id"] == NULL
        # district ids: the field value, or the district's feature id without DISTRICT_ID
        assert got["A2"]["district_id"] == ("02" if district_id else 2)
