"""serviceareas: raster polygons against the exact GEOS buffer, nesting, styles that travel with the output."""

from tests.util import LogFeedback
import sqlite3

import numpy as np
import processing
import pytest
from qgis.core import QgsGeometry, QgsProcessingContext, QgsVectorLayer

from bildungslandschaft_plugin.rendering import styles
from bildungslandschaft_plugin.core import network as nw
from bildungslandschaft_plugin.processing import ids
from tests.test_network_algorithms import facility_layer, street_layer

SERVICE = ids.full_id(ids.SERVICE_AREAS)


# --------------------------------------------------------------------------- core
def test_sample_lines_include_both_ends_and_keep_the_spacing():
    pts = nw.sample_lines([[0, 0], [10, 10]], [[10, 0], [10, 13]], 3.0)
    # 10 m in 4 steps (2.5 m) + ends; 3 m in 1 step
    assert len(pts) == 5 + 2
    assert np.allclose(pts[:5], [[0, 0], [2.5, 0], [5, 0], [7.5, 0], [10, 0]])
    assert np.allclose(pts[5:], [[10, 10], [10, 13]])


def test_buffer_masks_are_exact_at_cell_centres_and_nested():
    rng = np.random.default_rng(3)
    small = rng.uniform(0, 200, (30, 2))
    big = np.vstack([small, rng.uniform(0, 400, (40, 2))])
    masks, x0, y_top, cell = nw.buffer_masks([small, big], 25.0, cell=5.0)
    assert cell == 5.0 and len(masks) == 2
    assert (masks[0] <= masks[1]).all()  # nested
    rows, cols = np.indices(masks[0].shape)
    centres = np.column_stack([x0 + (cols.ravel() + 0.5) * cell, y_top - (rows.ravel() + 0.5) * cell])
    for pts, mask in ((small, masks[0]), (big, masks[1])):
        # second method: brute-force distance of every cell centre to every point
        d = np.sqrt(((centres[:, None, :] - pts[None, :, :]) ** 2).sum(-1)).min(axis=1)
        assert np.array_equal(mask.ravel(), d <= 25.0)


def test_buffer_masks_coarsen_only_beyond_max_cells():
    pts = np.array([[0.0, 0.0], [10000.0, 10000.0]])
    masks, _x0, _y, cell = nw.buffer_masks([pts], 50.0, max_cells=10_000)
    assert masks[0].size <= 11_000 and cell > 10.0  # the window plus two cells of padding
    assert masks[0].sum() >= 2  # both points still covered


# --------------------------------------------------------------------------- algorithm
def run(**kw):
    params = {"NETWORK": street_layer(), "FACILITIES": facility_layer(), "FACILITY_ID": "einr_id",
              "THRESHOLDS": "100,300", "BUFFER": 10, "SNAP_TOLERANCE": 200, "OUTPUT": "memory:"}
    params.update(kw)
    return processing.run(SERVICE, params, feedback=LogFeedback())


def exact_area(threshold, width):
    """GS001 at (0, -10): street x 0..290 and footway y 0..290 (walk) plus the connector, buffered by GEOS."""
    reach = threshold - 10
    geom = QgsGeometry.fromWkt("MultiLineString((0 -10, 0 0), (0 0, {0} 0), (0 0, 0 {0}))".format(reach))
    return geom.buffer(width, 32)


@pytest.mark.parametrize("threshold", [100, 300])
def test_polygons_agree_with_the_exact_buffer(threshold):
    layer = run()["OUTPUT"]
    feats = {(f["facility_id"], f["threshold"]): f for f in layer.getFeatures()}
    got = feats[("GS001", threshold)].geometry()
    exact = exact_area(threshold, 10.0)
    # cell = BUFFER / 5 = 2 m: the outline lies within one cell of the exact buffer
    assert got.symDifference(exact).area() < 2.0 * exact.length()
    assert got.hausdorffDistance(exact) <= 2.0 * np.sqrt(2) + 1e-6
    assert feats[("GS001", threshold)]["area_km2"] == pytest.approx(exact.area() / 1e6, rel=0.06)


def test_thresholds_are_nested_and_stages_logged():
    res = run(THRESHOLDS="100,200,300")
    feats = {}
    for f in res["OUTPUT"].getFeatures():
        feats.setdefault(f["facility_id"], {})[f["threshold"]] = f.geometry()
    for fid, by_t in feats.items():
        a, b, c = by_t[100], by_t[200], by_t[300]
        assert a.difference(b).area() < 1e-6 and b.difference(c).area() < 1e-6, fid
        assert a.area() < b.area() < c.area()


def test_stage_log_has_every_stage():
    fb = LogFeedback()
    processing.run(SERVICE, {"NETWORK": street_layer(), "FACILITIES": facility_layer(), "THRESHOLDS": "100,300",
                             "BUFFER": 10, "OUTPUT": "memory:"}, feedback=fb)
    stages = [t for t in fb.info if t.startswith("Stage times")]
    assert len(stages) == 1
    for name in ("read", "build_graph", "snap", "split", "search", "polygons", "write", "total"):
        assert " {} ".format(name) in " " + stages[0].split(":", 1)[1].replace(",", " ") + " "


def test_stage_times_are_returned_not_kept_in_the_module():
    """The stage times come back as the TIMINGS output (scripts/bench_osm.py reads them); a second run's
    figures are its own and the module keeps no state."""
    import json

    from bildungslandschaft_plugin.processing import alg_serviceareas

    params = {"NETWORK": street_layer(), "FACILITIES": facility_layer(), "THRESHOLDS": "100,300", "BUFFER": 10,
              "OUTPUT": "memory:"}
    first = json.loads(processing.run(SERVICE, params)["TIMINGS"])
    second = json.loads(processing.run(SERVICE, dict(params, DISSOLVE=True))["TIMINGS"])
    stages = ("read", "build_graph", "snap", "split", "search", "polygons", "write", "total")
    for timings in (first, second):
        assert set(stages) <= set(timings) and all(timings[k] >= 0 for k in stages)
        assert timings["total"] >= timings["read"] + timings["search"] + timings["polygons"]
    assert not hasattr(alg_serviceareas, "LAST_TIMINGS")


# --------------------------------------------------------------------------- styles
def test_style_applied_to_the_output_and_stored_in_the_geopackage(tmp_path):
    path = str(tmp_path / "isochrones_whatever_name.gpkg")
    res = run(OUTPUT=path)
    with sqlite3.connect(path) as db:
        rows = db.execute("select styleName, useAsDefault, styleQML from layer_styles").fetchall()
    assert len(rows) == 1 and rows[0][1] == 1 and "threshold" in rows[0][2]
    # opened again under any name: QGIS loads the stored style (categories per threshold, not a name guess)
    layer = QgsVectorLayer(res["OUTPUT"], "file name in the legend", "ogr")
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "threshold"
    assert [float(c.value()) for c in renderer.categories()] == [100.0, 300.0]
    assert renderer.categories()[0].label() == styles.threshold_label(100, "m")
    assert renderer.orderByEnabled()
    # the output in memory is styled by the algorithm too
    mem = run()["OUTPUT"]
    assert mem.renderer().type() == "categorizedSymbol"


def test_guess_kind_by_fields_not_by_name():
    layer = run()["OUTPUT"]
    layer.setName("Bezirke")
    assert styles.guess_kind(layer) == "serviceareas"
    assert styles.style_output(QgsProcessingContext(), "", lambda lyr: True) is False


def test_catchment_areas_carry_their_style(tmp_path):
    from tests.test_network_algorithms import run_catchments

    path = str(tmp_path / "out_7.gpkg")
    res = run_catchments(OUTPUT_AREAS=path)
    with sqlite3.connect(path) as db:
        assert db.execute("select count(*) from layer_styles where useAsDefault = 1").fetchone()[0] == 1
    layer = QgsVectorLayer(res["OUTPUT_AREAS"], "out_7", "ogr")
    fill = layer.renderer().symbol().color()
    # the catchments QML (light blue, translucent), not the outline-only 'districts' style
    assert (fill.red(), fill.green(), fill.blue()) == (166, 206, 227) and fill.alpha() == 90
