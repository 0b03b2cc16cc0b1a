"""The batch interface of socialindex, typology, priorityareas and budgetallocation through real qgis_process."""

import csv
import json

import numpy as np
import pytest
import qgisproc
from qgis.core import QgsVectorLayer

from bildungslandschaft_plugin.processing import ids


def write_geojson(path, rows):
    features = []
    for i, props in enumerate(rows):
        x = 100 * i
        ring = [[x, 0], [x + 100, 0], [x + 100, 100], [x, 100], [x, 0]]
        features.append({"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}})
    data = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}},
            "features": features}
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def read(path):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid()
    return {f["ot_key"]: f for f in layer.getFeatures()}


def test_qgis_process_socialindex_and_priority(qgis_process_env, tmp_path):
    a = [1, 2, 100, 3, 4, 5]
    b = [50, 40, -999, 30, 20, 10]
    pop = [1000, 1000, 200, 1000, 1000, 1000]
    deficit = [0.1, 0.5, 0.5, 0.2, 0.3, 0.6]
    src = write_geojson(tmp_path / "ortsteile.geojson", [
        {"ot_key": "{:02d}".format(i + 1), "einwohner": pop[i], "sgb2": a[i], "abitur": b[i],
         "defizit": deficit[i]} for i in range(6)])
    out = str(tmp_path / "index.gpkg")
    result = qgisproc.run(ids.full_id(ids.SOCIAL_INDEX), {
        "INPUT": src, "INDICATORS": ["sgb2", "abitur"], "NEGATIVE": ["abitur"], "WEIGHTS": "sgb2:1;abitur:1",
        "POPULATION": "einwohner", "MIN_POPULATION": 300, "METHOD": 0, "CLASSIFICATION": 0, "OUTPUT": out},
        env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT"].startswith(out)
    feats = read(out)
    z = np.array([-2, -1, 0, 1, 2]) / np.sqrt(2)
    keys = ["01", "02", "04", "05", "06"]
    assert [feats[k]["index"] for k in keys] == pytest.approx(list(z))
    assert [feats[k]["index_class"] for k in keys] == [1, 2, 2, 2, 3]
    assert "200" in feats["03"]["excluded"]
    # the quotable method paragraph is in the log
    log = json.dumps(result.get("log", {}))
    assert "Monitoring Soziale Stadtentwicklung" in log

    prio = str(tmp_path / "prio.gpkg")
    qgisproc.run(ids.full_id(ids.PRIORITY_AREAS), {
        "INPUT": out, "INDEX_CLASS": "index_class", "DEFICIT": "defizit", "DEFICIT_CLASSES": 1,
        "THRESHOLDS": "0.2;0.4", "OUTPUT": prio}, env=qgis_process_env, timeout=300)
    p = read(prio)
    # 06: class 3 (low status) x deficit 0.6 (high) -> priority 1, Schwerpunktraum
    assert p["06"]["priority"] == 1 and p["06"]["schwerpunktraum"] == 1
    # 01: class 1 x deficit 0.1 (low) -> 4; 02: class 2 x 0.5 (high) -> 2; 04: class 2 x 0.2 (low) -> 4
    assert p["01"]["priority"] == 4 and p["02"]["priority"] == 2 and p["04"]["priority"] == 4
    assert p["02"]["schwerpunktraum"] == 0
    # 03 has no index: no priority, the reason of the social index is kept next to the priority note
    assert p["03"]["priority"] is None or (hasattr(p["03"]["priority"], "isNull") and p["03"]["priority"].isNull())
    assert "200" in p["03"]["excluded"] and "index_class" in p["03"]["priority_note"]


def test_qgis_process_budget_and_typology(qgis_process_env, tmp_path):
    src = write_geojson(tmp_path / "kitas.geojson", [
        {"ot_key": "0{}".format(i + 1), "kinder": p, "klasse": c, "x": x, "y": y}
        for i, (p, c, x, y) in enumerate(zip((100, 200, 300, 400), (1, 2, 3, 4), (0.0, 0.2, 5.0, 5.3),
                                            (1.0, 1.1, 9.0, 9.4)))])
    out = str(tmp_path / "budget.gpkg")
    report = str(tmp_path / "report.csv")
    qgisproc.run(ids.full_id(ids.BUDGET_ALLOCATION), {
        "INPUT": src, "BUDGET": 100000, "TARGET_POPULATION": "kinder", "NEED": "klasse",
        "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "MIN_AMOUNT": 0, "MAX_AMOUNT": 0,
        "OUTPUT": out, "REPORT": report}, env=qgis_process_env, timeout=300)
    feats = read(out)
    assert [feats["0{}".format(i)]["amount"] for i in range(1, 5)] == [5000, 14167, 27500, 53333]
    with open(report, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["need_class"] for r in rows] == ["1", "2", "3", "4", "total"]
    assert [int(r["amount"]) for r in rows] == [5000, 14167, 27500, 53333, 100000]
    assert float(rows[-1]["target_population"]) == 1000

    typ = str(tmp_path / "typ.gpkg")
    profiles = str(tmp_path / "profiles.csv")
    qgisproc.run(ids.full_id(ids.TYPOLOGY), {
        "INPUT": src, "INDICATORS": ["x", "y"], "K": 2, "OUTPUT": typ, "PROFILES": profiles},
        env=qgis_process_env, timeout=300)
    t = read(typ)
    assert t["01"]["cluster"] == t["02"]["cluster"] == 1 and t["03"]["cluster"] == t["04"]["cluster"] == 2


def test_qgis_process_reports_bad_input(qgis_process_env, tmp_path):
    src = write_geojson(tmp_path / "bad.geojson", [
        {"ot_key": "0{}".format(i + 1), "kinder": 10 * (i + 1), "klasse": 4} for i in range(3)])
    with pytest.raises(qgisproc.QgisProcessError) as err:
        qgisproc.run(ids.full_id(ids.BUDGET_ALLOCATION), {
            "INPUT": src, "BUDGET": 1000, "TARGET_POPULATION": "kinder", "NEED": "klasse", "MIN_AMOUNT": 500,
            "OUTPUT": str(tmp_path / "x.gpkg"), "REPORT": str(tmp_path / "r.csv")}, env=qgis_process_env,
            timeout=300)
    text = err.value.stdout + err.value.stderr
    assert "MIN_AMOUNT" in text and "1500" in text and "Traceback" not in text
