"""locationplanning through real qgis_process (OD table as a German-style CSV file)."""

import json

import qgisproc
from qgis.core import QgsVectorLayer

from bildungslandschaft_plugin.processing import ids


def write_points(path, rows):
    features = [{"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": xy}}
                for xy, props in rows]
    path.write_text(json.dumps({
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}},
        "features": features}), encoding="utf-8")
    return str(path)


def test_qgis_process_locationplanning(qgis_process_env, tmp_path):
    demand = write_points(tmp_path / "adressen.geojson", [
        ([0.0, 0.0], {"adr_id": "A", "kinder": 10}), ([100.0, 0.0], {"adr_id": "B", "kinder": 10}),
        ([200.0, 0.0], {"adr_id": "C", "kinder": 3})])
    kitas = write_points(tmp_path / "kitas.geojson", [([0.0, 10.0], {"einr_id": "S1"})])
    cands = write_points(tmp_path / "kandidaten.geojson", [
        ([100.0, 10.0], {"kand_id": "K1"}), ([200.0, 10.0], {"kand_id": "K2"})])
    od = tmp_path / "wege.csv"
    # A: S1 5; B: S1 20, K1 4; C: K2 50 (only K2 reaches C: served first, although K1 saves more)
    od.write_text("von;nach;minuten\nA;S1;5\nB;S1;20\nB;K1;4\nC;K2;50\n", encoding="utf-8")
    out_sites, out_demand, summary = (str(tmp_path / n) for n in ("sites.gpkg", "demand.gpkg", "summary.csv"))
    result = qgisproc.run(ids.full_id(ids.LOCATION_PLANNING), {
        "DEMAND": demand, "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "kinder", "FACILITIES": kitas,
        "FACILITY_ID": "einr_id", "CANDIDATES": cands, "CANDIDATE_ID": "kand_id", "P": 1, "MODEL": 0,
        "OD_TABLE": str(od), "OD_ORIGIN_FIELD": "von", "OD_DESTINATION_FIELD": "nach", "OD_COST_FIELD": "minuten",
        "OUTPUT_SITES": out_sites, "OUTPUT_DEMAND": out_demand, "OUTPUT_SUMMARY": summary},
        env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT_SUMMARY"].startswith(summary)
    layer = QgsVectorLayer(out_sites, "sites", "ogr")
    selected = sorted(f["site_id"] for f in layer.getFeatures() if f["selected"])
    assert selected == ["K2", "S1"]
    rows = {f["adr_id"]: (f["site_id_after"], f["cost_after"]) for f in
            QgsVectorLayer(out_demand, "d", "ogr").getFeatures()}
    assert rows == {"A": ("S1", 5.0), "B": ("S1", 20.0), "C": ("K2", 50.0)}
    table = QgsVectorLayer(summary, "s", "ogr")
    row = next(table.getFeatures())
    assert float(row["total_cost_after"]) == 50 + 200 + 150 and float(row["gap"]) == 0.0
