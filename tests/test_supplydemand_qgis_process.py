"""supplydemand and capacityallocation through real qgis_process (OD table as a CSV file)."""

import json

import pytest
import qgisproc
from qgis.core import QgsVectorLayer

from bildungslandschaft_plugin.processing import ids
from tests.test_fsca import DEMAND, PAIRS, REFERENCE, SUPPLY


def write_points(path, rows):
    features = [{"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": xy}}
                for xy, props in rows]
    path.write_text(json.dumps({
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}},
        "features": features}), encoding="utf-8")
    return str(path)


@pytest.fixture
def inputs(tmp_path):
    demand = write_points(tmp_path / "adressen.geojson", [
        ([100.0 * k, 0.0], {"adr_id": key, "kinder": value}) for k, (key, value) in enumerate(DEMAND.items())])
    facilities = write_points(tmp_path / "einrichtungen.geojson", [
        ([200.0 * k, 1000.0], {"einr_id": key, "plaetze": value}) for k, (key, value) in enumerate(SUPPLY.items())])
    od = tmp_path / "reisezeiten.csv"
    # German style: ';' and decimal comma (OGR reads every CSV column as text)
    od.write_text("von;nach;minuten\n" + "".join(
        "{};{};{}\n".format(o, f, str(c).replace(".", ",")) for o, f, c in PAIRS), encoding="utf-8")
    return {"DEMAND": demand, "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "kinder", "FACILITIES": facilities,
            "FACILITY_ID": "einr_id", "OD_TABLE": str(od), "OD_ORIGIN_FIELD": "von",
            "OD_DESTINATION_FIELD": "nach", "OD_COST_FIELD": "minuten"}


def read(path, key):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    return {f[key]: f for f in layer.getFeatures()}


def test_qgis_process_supplydemand(qgis_process_env, tmp_path, inputs):
    out = str(tmp_path / "access.gpkg")
    fac = str(tmp_path / "ratio.gpkg")
    result = qgisproc.run(ids.full_id(ids.SUPPLY_DEMAND), dict(
        inputs, METHOD=1, SUPPLY="plaetze", MAX_COST=40, STEPS="10:1;20:0.68;30:0.22", NORMALIZE=True,
        OUTPUT_DEMAND=out, OUTPUT_FACILITIES=fac), env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT_DEMAND"].startswith(out)
    access = read(out, "adr_id")
    for o, expected in REFERENCE["e2sfca_steps_d40"]["normalized"].items():
        assert access[o]["access"] == pytest.approx(0.0 if expected is None else expected, rel=1e-9)
    ratio = read(fac, "einr_id")
    for f, expected in REFERENCE["e2sfca_steps_d40"]["ratio"].items():
        assert ratio[f]["ratio"] == pytest.approx(expected, rel=1e-9)


def test_qgis_process_capacityallocation(qgis_process_env, tmp_path, inputs):
    out = str(tmp_path / "zuordnung.gpkg")
    fac = str(tmp_path / "auslastung.gpkg")
    summary = str(tmp_path / "summary.csv")
    result = qgisproc.run(ids.full_id(ids.CAPACITY_ALLOCATION), dict(
        inputs, CAPACITY="plaetze", MAX_COST=30, OUTPUT_DEMAND=out, OUTPUT_FACILITIES=fac,
        OUTPUT_SUMMARY=summary), env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT_SUMMARY"].startswith(summary)
    layer = QgsVectorLayer(out, "out", "ogr")
    rows = list(layer.getFeatures())
    assert sum(f["assigned"] for f in rows) == 40          # all 40 places are used
    assert sum(f["unserved"] for f in rows) == 430         # 470 children
    loads = read(fac, "einr_id")
    assert {k: (f["load"], f["capacity"]) for k, f in loads.items()} == {
        "f1": (10, 10), "f2": (25, 25), "f3": (5, 5)}
    log = json.dumps(result.get("log", {}))
    assert "unserved" in log
