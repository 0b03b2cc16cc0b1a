"""capacityallocation with the street network through real qgis_process."""

import json

import pytest
import qgisproc
from qgis.core import QgsVectorLayer

from bildungslandschaft_plugin.processing import ids


def write(path, geometry_type, rows):
    features = [{"type": "Feature", "properties": props, "geometry": {"type": geometry_type, "coordinates": c}}
                for c, props in rows]
    path.write_text(json.dumps({
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}},
        "features": features}), encoding="utf-8")
    return str(path)


def test_qgis_process_capacityallocation_network(qgis_process_env, tmp_path):
    # the hand-worked street of tests/test_supplydemand_network.py
    net = write(tmp_path / "strassen.geojson", "LineString",
                [([[0, 0], [500, 0], [1000, 0]], {"highway": "residential"})])
    dem = write(tmp_path / "adressen.geojson", "Point",
                [([100, 20], {"adr_id": "A", "kinder": 10}), ([800, 20], {"adr_id": "B", "kinder": 10})])
    fac = write(tmp_path / "schulen.geojson", "Point",
                [([0, -10], {"einr_id": "S1", "plaetze": 15}), ([1000, -10], {"einr_id": "S2", "plaetze": 5})])
    out = str(tmp_path / "zuordnung.gpkg")
    qgisproc.run(ids.full_id(ids.CAPACITY_ALLOCATION), {
        "NETWORK": net, "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250, "DEMAND": dem, "DEMAND_ID": "adr_id",
        "DEMAND_WEIGHT": "kinder", "FACILITIES": fac, "FACILITY_ID": "einr_id", "CAPACITY": "plaetze",
        "OUTPUT_DEMAND": out, "OUTPUT_FACILITIES": str(tmp_path / "auslastung.gpkg"),
        "OUTPUT_SUMMARY": str(tmp_path / "summary.gpkg")}, env=qgis_process_env, timeout=300)
    layer = QgsVectorLayer(out, "out", "ogr")
    rows = sorted((f["adr_id"], f["facility_id"], f["cost"], f["assigned"]) for f in layer.getFeatures())
    assert [r[:2] + (r[3],) for r in rows] == [("A", "S1", 10), ("B", "S1", 5), ("B", "S2", 5)]
    assert [r[2] for r in rows] == pytest.approx([130, 830, 230])
