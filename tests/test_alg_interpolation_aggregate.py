"""bildungslandschaft:arealinterpolation and :aggregatepoints: hand-worked layers."""

import pytest
from tests.util import LogFeedback
from tests.layer_util import attributes, memory_layer, square, write_gpkg
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
import qgisproc

from bildungslandschaft_plugin.processing import ids

INTERP = ids.full_id(ids.AREAL_INTERPOLATION)
AGG = ids.full_id(ids.AGGREGATE_POINTS)
X0, Y0 = 400000, 5700000  # somewhere in UTM zone 33


def sq(x0, y0, x1, y1):
    return square(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def pt(x, y):
    return "POINT({} {})".format(X0 + x, Y0 + y)


def sources(first=None):
    return memory_layer("Polygon", "EPSG:25833", ["id:string", "kinder:double", "quote:double", "ew:double",
                                                  "miss:double"],
                        [(first or sq(0, 0, 10, 10), ["a", 10, 20, 10, None]),
                         (sq(10, 0, 20, 10), ["b", 30, 10, 30, 4])], "bloecke")


def targets(crs="EPSG:25833"):
    layer = memory_layer("Polygon", "EPSG:25833", ["tid:string", "kinder:integer"],
                         [(sq(0, 0, 5, 10), ["T0", -1]), (sq(5, 0, 20, 10), ["T1", -1])], "schulbezirke")
    if crs == "EPSG:25833":
        return layer
    out = memory_layer("Polygon", crs, ["tid:string", "kinder:integer"], [], "schulbezirke_wgs84")
    tr = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    feats = []
    for f in layer.getFeatures():
        g = f.geometry()
        g.densifyByCount(20)
        g.transform(tr)
        f.setGeometry(g)
        feats.append(f)
    out.dataProvider().addFeatures(feats)
    return out


def run(alg, params, feedback=None):
    import processing

    return processing.run(alg, params, feedback=feedback)


def interp(src, tgt, **extra):
    params = {"SOURCE": src, "TARGET": tgt, "EXTENSIVE": ["kinder"], "INTENSIVE": "quote:ew",
              "OUTPUT": "memory:"}
    params.update(extra)
    return params


def test_area_weights_hand_worked():
    src = sources()
    fb = LogFeedback()
    res = run(INTERP, interp(src, targets()), fb)
    rec = attributes(res["OUTPUT"], "tid")
    # target already has a 'kinder' field -> moved field is kinder_2 (the field-name policy, issue 12)
    assert rec["T0"]["kinder"] == -1
    assert rec["T0"]["kinder_2"] == pytest.approx(5.0)
    assert rec["T1"]["kinder_2"] == pytest.approx(35.0)
    assert rec["T0"]["kinder_2"] + rec["T1"]["kinder_2"] == pytest.approx(40.0)  # preserved
    assert rec["T0"]["quote"] == pytest.approx(20.0)
    assert rec["T1"]["quote"] == pytest.approx(400.0 / 35.0)
    assert rec["T0"]["coverage"] == pytest.approx(1.0) and rec["T1"]["coverage"] == pytest.approx(1.0)
    assert any("kinder: sum in SOURCE 40, in TARGET 40" in line for line in fb.lines)
    assert src.featureCount() == 2 and [f.name() for f in src.fields()][1] == "kinder"  # input untouched


def test_missing_values_stay_missing_and_mean_rate():
    res = run(INTERP, interp(sources(), targets(), EXTENSIVE=["miss"], INTENSIVE="quote"))
    rec = attributes(res["OUTPUT"], "tid")
    assert rec["T0"]["miss"] is None
    assert rec["T1"]["miss"] == pytest.approx(4.0)
    assert rec["T0"]["coverage"] == pytest.approx(0.0)
    assert rec["T1"]["coverage"] == pytest.approx(100.0 / 150.0)
    assert rec["T1"]["quote"] == pytest.approx((20 * 50 + 10 * 100) / 150.0)


def test_different_crs_is_reprojected():
    res = run(INTERP, interp(sources(), targets("EPSG:4326")))
    assert res["OUTPUT"].crs().authid() == "EPSG:4326"
    rec = attributes(res["OUTPUT"], "tid")
    assert rec["T0"]["kinder_2"] == pytest.approx(5.0, rel=1e-3)
    assert rec["T1"]["kinder_2"] == pytest.approx(35.0, rel=1e-3)


def test_invalid_polygon_made_valid_with_warning():
    # bow tie over S0: two triangles of 25 m2 each (left and right), the right one in T1
    bowtie = "POLYGON(({0} {1},{2} {3},{2} {1},{0} {3},{0} {1}))".format(X0, Y0, X0 + 10, Y0 + 10)
    fb = LogFeedback()
    res = run(INTERP, interp(sources(bowtie), targets(), INTENSIVE=""), fb)
    assert any("invalid polygon(s) were made valid" in line for line in fb.lines)
    rec = attributes(res["OUTPUT"], "tid")
    # left triangle (x 0..5, area 25) lies in T0 completely; the bow tie's total area is 50
    assert rec["T0"]["kinder_2"] == pytest.approx(10 * 25 / 50)
    assert rec["T0"]["kinder_2"] + rec["T1"]["kinder_2"] == pytest.approx(40.0)


def test_non_overlapping_systems_fail_clearly():
    far = memory_layer("Polygon", "EPSG:25833", ["tid:string"], [(sq(1000, 1000, 1010, 1010), ["X"])], "weit")
    with pytest.raises(QgsProcessingException, match="do not overlap"):
        run(INTERP, interp(sources(), far))
    with pytest.raises(QgsProcessingException, match="EXTENSIVE or INTENSIVE"):
        run(INTERP, interp(sources(), targets(), EXTENSIVE=[], INTENSIVE=""))
    with pytest.raises(QgsProcessingException, match="WEIGHT_LAYER"):
        run(INTERP, interp(sources(), targets(), WEIGHT_MODE=1))


def test_point_weights():
    addr = memory_layer("Point", "EPSG:25833", ["ew:integer"],
                        [(pt(2, 5), [30]), (pt(7, 5), [10]), (pt(15, 5), [60]), (pt(500, 500), [99])], "adressen")
    res = run(INTERP, interp(sources(), targets(), INTENSIVE="", WEIGHT_MODE=1, WEIGHT_LAYER=addr,
                             WEIGHT_FIELD="ew"))
    rec = attributes(res["OUTPUT"], "tid")
    assert rec["T0"]["kinder_2"] == pytest.approx(10 * 30 / 40)
    assert rec["T1"]["kinder_2"] == pytest.approx(10 * 10 / 40 + 30)


def test_mask_weights():
    mask = memory_layer("Polygon", "EPSG:25833", ["art:string"],
                        [(sq(0, 0, 2, 10), ["wohnen"]), (sq(4, 0, 6, 10), ["wohnen"]), (sq(10, 0, 20, 10), ["wohnen"])],
                        "wohnflaechen")
    res = run(INTERP, interp(sources(), targets(), INTENSIVE="", WEIGHT_MODE=2, WEIGHT_LAYER=mask))
    rec = attributes(res["OUTPUT"], "tid")
    # S0 has 40 m2 of mask, 30 of them in T0
    assert rec["T0"]["kinder_2"] == pytest.approx(10 * 30 / 40)
    assert rec["T1"]["kinder_2"] == pytest.approx(10 * 10 / 40 + 30)


def test_interpolation_qgis_process(tmp_path, qgis_process_env):
    src = write_gpkg(sources(), tmp_path / "src.gpkg")
    tgt = write_gpkg(targets(), tmp_path / "tgt.gpkg")
    out = str(tmp_path / "out.gpkg")
    qgisproc.run(INTERP, {"SOURCE": src, "TARGET": tgt, "EXTENSIVE": "kinder", "INTENSIVE": "quote:ew",
                          "OUTPUT": out}, env=qgis_process_env)
    rec = attributes(QgsVectorLayer(out, "o", "ogr"), "tid")
    assert rec["T1"]["kinder_2"] == pytest.approx(35.0)
    assert rec["T1"]["quote"] == pytest.approx(400.0 / 35.0)


# ------------------------------------------------------------------ aggregatepoints
def district_layer():
    return memory_layer("Polygon", "EPSG:25833", ["ot_key:string"],
                        [(sq(0, 0, 10, 10), ["01"]), (sq(10, 0, 20, 10), ["02"]), (sq(20, 0, 30, 10), ["03"])],
                        "ortsteile")


def point_layer():
    return memory_layer("Point", "EPSG:25833", ["a:integer", "b:integer", "c:integer", "t:integer"],
                        [(pt(1, 1), [1, 5, 10, 16]), (pt(2, 2), [0, 5, 10, 15]),
                         (pt(11, 1), [2, 2, 40, 44]),
                         (pt(21, 1), [0, 7, 8, 15]),
                         (pt(50, 50), [9, 9, 9, 27])], "adressen")


def agg(**extra):
    params = {"POINTS": point_layer(), "DISTRICTS": district_layer(), "FIELDS": ["a", "b", "c"],
              "OUTPUT": "memory:"}
    params.update(extra)
    return params


def test_aggregate_primary_and_secondary():
    fb = LogFeedback()
    res = run(AGG, agg(TOTAL_FIELD="t"), fb)
    out = res["OUTPUT"]
    assert [f.name() for f in out.fields()] == ["ot_key", "n_points", "a", "a_flag", "b", "b_flag", "c", "c_flag",
                                                "t", "t_flag"]
    rec = attributes(out, "ot_key")
    assert rec["01"]["n_points"] == 2
    assert (rec["01"]["a"], rec["01"]["a_flag"]) == (None, "primary")
    assert (rec["01"]["b"], rec["01"]["b_flag"]) == (None, "secondary")   # smallest other cell (10)
    assert (rec["01"]["c"], rec["01"]["t"]) == (20, 31)
    assert (rec["02"]["a_flag"], rec["02"]["b_flag"], rec["02"]["c"]) == ("primary", "primary", 40)
    assert (rec["03"]["a"], rec["03"]["b"], rec["03"]["c"], rec["03"]["t"]) == (0, 7, 8, 15)
    assert all(rec["03"][k] is None for k in ("a_flag", "b_flag", "c_flag", "t_flag"))
    assert any("1 point(s) lie outside every district" in line for line in fb.lines)
    assert any("Suppressed cells: 3 primary (below 3), 1 secondary." in line for line in fb.lines)


def test_aggregate_without_secondary_and_min_count():
    rec = attributes(run(AGG, agg(SECONDARY=False))["OUTPUT"], "ot_key")
    assert rec["01"]["b"] == 10 and rec["01"]["b_flag"] is None and rec["01"]["a_flag"] == "primary"
    rec = attributes(run(AGG, agg(MIN_COUNT=10, SECONDARY=False))["OUTPUT"], "ot_key")
    assert rec["03"]["b_flag"] == "primary" and rec["03"]["c_flag"] == "primary" and rec["03"]["a"] == 0
    assert rec["01"]["b"] == 10


def test_aggregate_qgis_process(tmp_path, qgis_process_env):
    pts = write_gpkg(point_layer(), tmp_path / "pts.gpkg")
    dist = write_gpkg(district_layer(), tmp_path / "dist.gpkg")
    out = str(tmp_path / "agg.gpkg")
    qgisproc.run(AGG, {"POINTS": pts, "DISTRICTS": dist, "FIELDS": ["a", "b", "c"], "MIN_COUNT": 3,
                       "SECONDARY": True, "OUTPUT": out}, env=qgis_process_env)
    rec = attributes(QgsVectorLayer(out, "o", "ogr"), "ot_key")
    assert rec["01"]["a_flag"] == "primary" and rec["01"]["b_flag"] == "secondary" and rec["01"]["c"] == 20


def test_overlapping_sources_are_reported_by_name():
    # a: x 0..10, b: x 6..20 -> 4 x 10 = 40 m2 overlap; total 100 + 140 = 240, union 200
    src = memory_layer("Polygon", "EPSG:25833", ["id:string", "kinder:double", "quote:double", "ew:double"],
                       [(sq(0, 0, 10, 10), ["a", 10, 20, 10]), (sq(6, 0, 20, 10), ["b", 30, 10, 30]),
                        (sq(20, 0, 30, 10), ["c", 0, 0, 0])], "bloecke")
    fb = LogFeedback()
    run(INTERP, interp(src, targets()), fb)
    warn = [line for line in fb.lines if "SOURCE districts overlap" in line]
    assert len(warn) == 1
    assert "add up to 0.00034 km²" in warn[0] and "union covers 0.0003 km²" in warn[0]
    assert "(4e-05 km² counted more than once)" in warn[0]
    assert "(a) / " in warn[0] and "(b): 4e-05 km²" in warn[0] and "(c)" not in warn[0]
    # districts that only share borders: no word
    fb = LogFeedback()
    run(INTERP, interp(sources(), targets()), fb)
    assert not any("overlap:" in line for line in fb.lines)


def test_overlap_report_core():
    from bildungslandschaft_plugin.core.interpolation import overlap_report

    rep = overlap_report([(0, 1, 40.0), (1, 2, 0.05)], [100.0, 140.0, 100.0], 300.0)
    # the 0.05 m2 sliver is below 0.1 % of the smaller district: not reported
    assert rep.pairs == [(0, 1, 40.0)]
    assert rep.total == 340.0 and rep.union == 300.0 and rep.excess == 40.0
    assert not overlap_report([], [1.0, 2.0], 3.0).overlapping
