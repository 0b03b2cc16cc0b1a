"""The batch interface of facilityneed through a real qgis_process run."""

import json

import pytest
import qgisproc
from qgis.core import QgsVectorLayer

from bildungslandschaft_plugin.processing import ids

CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}}


def write(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": CRS, "features": [
        {"type": "Feature", "properties": props, "geometry": geom} for geom, props in features]}), encoding="utf-8")
    return str(path)


def point(x, y):
    return {"type": "Point", "coordinates": [x, y]}


def test_qgis_process_facilityneed(qgis_process_env, tmp_path):
    squares = [{"type": "Polygon", "coordinates": [[[x, 0], [x + 100, 0], [x + 100, 100], [x, 100], [x, 0]]]}
               for x in (0, 100, 200)]
    districts = write(tmp_path / "ortsteile.geojson", [
        (squares[0], {"ot_key": "01", "index": 1.5, "index_class": 4}),
        (squares[1], {"ot_key": "02", "index": 0.0, "index_class": 2}),
        (squares[2], {"ot_key": "03", "index": -1.5, "index_class": 1})])
    kitas = write(tmp_path / "kitas.geojson", [(point(50, 50), {"einr_id": "KI01"}),
                                               (point(150, 50), {"einr_id": "KI02"}),
                                               (point(250, 50), {"einr_id": "KI03"})])
    addresses = write(tmp_path / "adressen.geojson", [
        (point(10, 10), {"kinder": 6, "kita": "KI01"}), (point(110, 10), {"kinder": 2, "kita": "KI01"}),
        (point(120, 10), {"kinder": 5, "kita": "KI02"}), (point(220, 10), {"kinder": 5, "kita": "KI02"}),
        (point(230, 10), {"kinder": 9, "kita": "KI03"}), (point(900, 900), {"kinder": 3, "kita": None})])
    out = str(tmp_path / "bedarf.gpkg")
    result = qgisproc.run(ids.full_id(ids.FACILITY_NEED), {
        "FACILITIES": kitas, "FACILITY_ID": "einr_id", "DEMAND": addresses, "DEMAND_WEIGHT": "kinder",
        "ASSIGNMENT_FIELD": "kita", "DISTRICTS": districts, "INDEX_FIELD": "index",
        "INDEX_CLASS_FIELD": "index_class", "OUTPUT": out}, env=qgis_process_env, timeout=300)
    layer = QgsVectorLayer(out, "out", "ogr")
    assert layer.isValid()
    got = {f["einr_id"]: f for f in layer.getFeatures()}
    # KI01: 6 children at 1.5 and 2 at 0 -> 9/8; KI02: 5 at 0 and 5 at -1.5 -> -0.75; KI03: -1.5
    means = [1.125, -0.75, -1.5]
    assert [got[k]["mean_index"] for k in ("KI01", "KI02", "KI03")] == pytest.approx(means)
    assert got["KI01"]["share_class_4"] == pytest.approx(75.0) and got["KI01"]["share_class_2"] == pytest.approx(25.0)
    m = sum(means) / 3
    sd = (sum((v - m) ** 2 for v in means) / 3) ** 0.5
    assert [got[k]["facility_index"] for k in ("KI01", "KI02", "KI03")] == pytest.approx([(v - m) / sd for v in means])
    assert result["results"]["UNASSIGNED"] == 3
    assert result["results"]["OUTSIDE_DISTRICTS"] == 3
    log = json.dumps(result.get("log", {}))
    assert "unassigned 3" in log
