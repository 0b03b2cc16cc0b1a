"""Files: atomic outputs, checked writes, GeoPackages with other layers, outputs that are inputs (issue 12)."""

import json
import os

import processing
import pytest
from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)
from bildungslandschaft_plugin import compat

from bildungslandschaft_plugin.processing import ids, writers
from tests import supply_data as data
from tests.io_util import column_sum, rows, save
from tests.util import memory_layer

CA = ids.full_id(ids.CAPACITY_ALLOCATION)
N_ROWS = 8  # rows of OUTPUT_DEMAND for od_params(MAX_COST=30): five addresses, splits included


def run_ca(feedback=None, context=None, **outputs):
    params = data.od_params(CAPACITY="plaetze", MAX_COST=30, OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:",
                            OUTPUT_SUMMARY="memory:")
    params.update(outputs)
    return processing.run(CA, params, feedback=feedback or QgsProcessingFeedback(), context=context)


def gpkg_layers(path):
    ds = ogr.Open(path)
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    ds = None
    return names


# -- success: the final name, nothing else left behind ------------------------------
@pytest.mark.parametrize("ext,companions", [(".gpkg", []), (".shp", [".dbf", ".prj", ".shx"]),
                                            (".geojson", []), (".csv", [])])
def test_output_lands_under_its_name_and_nothing_else(tmp_path, ext, companions):
    out = str(tmp_path / ("zuordnung" + ext))
    res = run_ca(OUTPUT_DEMAND=out)
    assert res["OUTPUT_DEMAND"] == out
    # newer GDAL versions (QGIS 3.40 on Debian 13) also write the encoding file .cpg beside a shapefile
    written = sorted(f for f in os.listdir(tmp_path) if not (ext == ".shp" and f == "zuordnung.cpg"))
    assert written == sorted("zuordnung" + e for e in [ext] + companions)
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".")]  # no temporary folder left
    assert len(rows(out)) == N_ROWS
    assert column_sum(out, "assigned") == pytest.approx(40)


def test_layers_loaded_on_completion_point_to_the_final_file(tmp_path):
    out = str(tmp_path / "zuordnung.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    res = run_ca(context=context, OUTPUT_DEMAND=QgsProcessingOutputLayerDefinition(out, QgsProject.instance()))
    assert res["OUTPUT_DEMAND"] == out
    assert list(context.layersToLoadOnCompletion()) == [out]


# -- failure and cancel: no file under the output name, an older file untouched ---------
@pytest.fixture
def fail_after_first_write(monkeypatch):
    calls = {"n": 0}
    original = writers.CheckedSink.addFeature

    def add_feature(self, feature, *args):
        calls["n"] += 1
        if calls["n"] > 1:
            raise QgsProcessingException("simulated write error")
        return original(self, feature, *args)

    monkeypatch.setattr(writers.CheckedSink, "addFeature", add_feature)
    return calls


@pytest.mark.parametrize("ext", [".gpkg", ".shp", ".geojson", ".csv"])
@pytest.mark.parametrize("existing", [False, True])
def test_error_while_writing_leaves_no_file(tmp_path, fail_after_first_write, ext, existing):
    out = tmp_path / ("zuordnung" + ext)
    if existing:
        out.write_bytes(b"the previous result")
    with pytest.raises(QgsProcessingException):
        run_ca(OUTPUT_DEMAND=str(out))
    assert fail_after_first_write["n"] > 1
    assert sorted(os.listdir(tmp_path)) == (["zuordnung" + ext] if existing else [])
    if existing:
        assert out.read_bytes() == b"the previous result"


class CancelAfterFeatures(QgsProcessingFeedback):
    """Presses cancel after *n* features were written (counted by the checked sinks)."""

    def __init__(self, n):
        super().__init__()
        self.n = n


@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("ext", [".gpkg", ".geojson"])
def test_cancel_during_writing_leaves_no_file(tmp_path, monkeypatch, n, ext):
    feedback = CancelAfterFeatures(n)
    written = {"n": 0}
    original = writers.CheckedSink.addFeature

    def add_feature(self, feature, *args):
        result = original(self, feature, *args)
        written["n"] += 1
        if written["n"] >= feedback.n:
            feedback.cancel()
        return result

    monkeypatch.setattr(writers.CheckedSink, "addFeature", add_feature)
    out = tmp_path / ("zuordnung" + ext)
    with pytest.raises(QgsProcessingException):
        run_ca(feedback=feedback, OUTPUT_DEMAND=str(out), OUTPUT_FACILITIES=str(tmp_path / ("f" + ext)))
    assert written["n"] >= n
    assert os.listdir(tmp_path) == []


class RefusingSink:
    def addFeature(self, feature, flags=0):  # noqa: N802
        return False

    def addFeatures(self, features, flags=0):  # noqa: N802
        return False

    def lastError(self):  # noqa: N802
        return "No space left on device"

    def flushBuffer(self):  # noqa: N802
        return True


def test_failed_write_names_the_output_the_feature_and_the_reason():
    fields = QgsFields()
    fields.append(QgsField("n", compat.FIELD_INT))
    sink = writers.CheckedSink(RefusingSink(), "OUTPUT_DEMAND", "x.gpkg")
    feat = QgsFeature(fields)
    feat.setAttributes([1])
    with pytest.raises(QgsProcessingException) as err:
        sink.addFeature(feat)
    assert "OUTPUT_DEMAND" in str(err.value) and "No space left on device" in str(err.value)
    assert "row 1" in str(err.value)
    with pytest.raises(QgsProcessingException, match="rows 1–2"):
        sink.addFeatures([feat, QgsFeature(feat)])


# -- GeoPackages with other layers, outputs that are inputs ----------------------------
def test_geopackage_output_keeps_the_other_layers(tmp_path):
    project = str(tmp_path / "projekt.gpkg")
    save(data.facility_layer(), project, "einrichtungen")
    save(data.demand_layer(), project, "adressen")
    assert gpkg_layers(project) == ["einrichtungen", "adressen"]
    for _run in range(2):  # the second run replaces its own layer, nothing else
        res = run_ca(OUTPUT_DEMAND=project)
        assert sorted(gpkg_layers(project)) == ["adressen", "einrichtungen", "projekt"]
        assert res["OUTPUT_DEMAND"] == project + "|layername=projekt"
        assert len(rows(res["OUTPUT_DEMAND"])) == N_ROWS
    assert len(rows(project + "|layername=adressen")) == 5
    assert len(rows(project + "|layername=einrichtungen")) == 3
    assert [f for f in os.listdir(tmp_path) if f != "projekt.gpkg"] == []


def test_output_that_is_an_input_is_refused(tmp_path):
    project = str(tmp_path / "projekt.gpkg")
    save(data.facility_layer(), project, "einrichtungen")
    save(data.demand_layer(), project, "adressen")
    before = os.path.getmtime(project)
    with pytest.raises(QgsProcessingException, match="would overwrite the input DEMAND"):
        processing.run(CA, data.od_params(DEMAND=project + "|layername=adressen", CAPACITY="plaetze",
                                          OUTPUT_DEMAND=project, OUTPUT_FACILITIES="memory:",
                                          OUTPUT_SUMMARY="memory:"))
    assert gpkg_layers(project) == ["einrichtungen", "adressen"]
    assert os.path.getmtime(project) == before


def test_output_into_the_input_shapefile_is_refused(tmp_path):
    shp = save(data.demand_layer(), str(tmp_path / "adressen.shp"))
    with pytest.raises(QgsProcessingException, match="would overwrite"):
        processing.run(CA, data.od_params(DEMAND=shp, CAPACITY="plaetze", OUTPUT_DEMAND=shp,
                                          OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"))
    assert len(rows(shp)) == 5


# -- values the formats cannot hold -------------------------------------------------------
def test_list_values_are_written_as_json_text(tmp_path):
    geojson = tmp_path / "adressen_osm.geojson"
    feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [100.0 * k, 0.0]},
              "properties": {"adr_id": key, "kinder": int(value), "@relations": [{"role": "", "rel": k}],
                             "tags": ["a", "b{}".format(k)]}}
             for k, (key, value) in enumerate([("o1", 100), ("o2", 250), ("o3", 80), ("o4", 40), ("o5", 0)])]
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": feats,
                                   "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}}}))
    layer = QgsVectorLayer(str(geojson), "adressen_osm", "ogr")
    assert layer.isValid()
    for ext in (".gpkg", ".csv", ".shp"):
        out = str(tmp_path / ("zuordnung" + ext))
        run_ca(DEMAND=layer, OUTPUT_DEMAND=out)
        got = {f["adr_id"]: f for f in rows(out)}
        assert len(rows(out)) == N_ROWS
        assert json.loads(got["o2"]["tags"]) == ["a", "b1"]


# -- a layer with mixed geometry types -----------------------------------------------------
def test_mixed_geometry_types_use_the_type_asked_for(tmp_path):
    """Points where points are needed; the polygon and the line are left out with a warning (issue 13)."""
    path = tmp_path / "gemischt.geojson"
    x0, y0 = 400000, 5700000
    feats = [{"type": "Feature", "properties": {"ew": v},
              "geometry": {"type": "Point", "coordinates": [x0 + 2 + k, y0 + 5]}} for k, v in enumerate([3, 4, 5])]
    feats.append({"type": "Feature", "properties": {"ew": 100}, "geometry": {
        "type": "Polygon", "coordinates": [[[x0, y0], [x0 + 9, y0], [x0 + 9, y0 + 9], [x0, y0]]]}})
    feats.append({"type": "Feature", "properties": {"ew": 1000}, "geometry": {
        "type": "LineString", "coordinates": [[x0 + 1, y0 + 1], [x0 + 2, y0 + 2]]}})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats,
                                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}}}))
    districts = memory_layer("Polygon", "EPSG:25833", [("ot", str)],
                             [("Polygon(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
                                 x0, y0, x0 + 20, y0 + 20), {"ot": "A"})], "ortsteile")
    warnings = []

    class Log(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    res = processing.run(ids.full_id(ids.AGGREGATE_POINTS), {
        "POINTS": str(path), "DISTRICTS": districts, "FIELDS": ["ew"], "MIN_COUNT": 1, "OUTPUT": "memory:"},
        feedback=Log())
    row = next(res["OUTPUT"].getFeatures())
    assert row["n_points"] == 3 and row["ew"] == 12
    assert any("gemischt" in w and "2 other" in w for w in warnings), warnings


def test_pdf_output_that_is_a_folder_is_a_message(tmp_path):
    """A write error of a PDF output is a message naming the path, not a Python traceback."""
    folder = tmp_path / "karte.pdf"
    folder.mkdir()
    with pytest.raises(QgsProcessingException, match="is a folder"):
        processing.run(ids.full_id(ids.EXPORT_MAP), {"LAYERS": [data.facility_layer()], "TITLE": "Test", "PAGE": 0,
                                                     "OUTPUT": str(folder)})
    assert sorted(os.listdir(tmp_path)) == ["karte.pdf"] and os.listdir(folder) == []
