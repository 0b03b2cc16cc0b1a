#!/usr/bin/env python3
"""Benchmarks of capacityallocation and supplydemand on the sample city.

    /usr/bin/python3 scripts/bench_supply.py [--scales 1] [--out bench_output] [--gpkg FILE]

For every scale: writes the sample city (``bildungslandschaft_plugin.sample.generator``)
unless ``--gpkg`` names an existing ``musterstadt.gpkg``, then runs through Processing
(QGIS offscreen, in this process):

* ``capacityallocation``: all children 6-9 (``ew_6_9`` of ``adressen``) to the
  Grundschulen (``kapazitaet``), walking distance on ``strassen``;
* ``capacityallocation``: children 3-5 (``ew_3_5``) to the Kitas;
* ``supplydemand`` E2SFCA (steps 500:1;1000:0.68;1500:0.22 m) for the Kitas;
* the allocation core alone on a synthetic stress case (20 000 origins x 30
  facilities, all pairs, capacity 5 % above demand).

Costs come from the street network; the Grundschule case is repeated with an OD
table of straight-line distances times 1.3 (the OD-table path: reading and
matching a 25 x 14 256 table). Prints a Markdown table and
writes it to ``<out>/bench_supply.md``. :func:`bench_allocation` can be called
from ``scripts/bench.py``.
"""

import argparse
import math
import os
import sys
import time

from bench_common import ROOT, LogFeedback, sample_gpkg, start_qgis
import bench_common  # noqa: E402


def euclidean_od(demand, facilities, id_d, id_f, detour=1.3):
    """A memory OD table of straight-line distance x detour (fallback without network engine)."""
    import numpy as np
    from qgis.core import QgsFeature, QgsField, QgsVectorLayer
    from bildungslandschaft_plugin import compat

    def xy(layer, id_field):
        ids, pts = [], []
        for f in layer.getFeatures():
            p = f.geometry().asPoint()
            ids.append(f[id_field])
            pts.append((p.x(), p.y()))
        return ids, np.array(pts)

    di, dxy = xy(demand, id_d)
    fi, fxy = xy(facilities, id_f)
    dist = np.hypot(dxy[:, None, 0] - fxy[None, :, 0], dxy[:, None, 1] - fxy[None, :, 1]) * detour
    layer = QgsVectorLayer("None", "od", "memory")
    layer.dataProvider().addAttributes([QgsField("von", compat.FIELD_STRING), QgsField("nach", compat.FIELD_STRING),
                                        QgsField("meter", compat.FIELD_DOUBLE)])
    layer.updateFields()
    feats = []
    for i, a in enumerate(di):
        for j, b in enumerate(fi):
            f = QgsFeature(layer.fields())
            f.setAttributes([str(a), str(b), float(dist[i, j])])
            feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _layers(gpkg, typ):
    from qgis.core import QgsVectorLayer

    demand = QgsVectorLayer("{}|layername=adressen".format(gpkg), "adressen", "ogr")
    fac = QgsVectorLayer("{}|layername=einrichtungen".format(gpkg), "einrichtungen", "ogr")
    fac.setSubsetString("\"typ\" = '{}'".format(typ))
    net = QgsVectorLayer("{}|layername=strassen".format(gpkg), "strassen", "ogr")
    return demand, fac, net


def _cost_params(demand, fac, net, od_table=False):
    if not od_table:
        return {"NETWORK": net, "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250}, "network (walk, m)"
    od = euclidean_od(demand, fac, "adr_id", "einr_id")
    return ({"OD_TABLE": od, "OD_ORIGIN_FIELD": "von", "OD_DESTINATION_FIELD": "nach",
             "OD_COST_FIELD": "meter"}, "OD table: straight line x 1.3")


def bench_allocation(gpkg, typ="Grundschule", weight="ew_6_9", od_table=False):
    """Run capacityallocation on the sample city; return a dict of numbers."""
    import processing

    from bildungslandschaft_plugin.processing import ids

    demand, fac, net = _layers(gpkg, typ)
    case = "capacityallocation {} ({})".format(typ, weight)
    if demand.fields().lookupField(weight) < 0:
        return {"case": case, "costs": "skipped: the city has no field {}".format(weight)}
    costs, cost_label = _cost_params(demand, fac, net, od_table)
    feedback = LogFeedback()
    t0 = time.perf_counter()
    res = processing.run(ids.full_id(ids.CAPACITY_ALLOCATION), dict(
        costs, DEMAND=demand, DEMAND_ID="adr_id", DEMAND_WEIGHT=weight, FACILITIES=fac, FACILITY_ID="einr_id",
        CAPACITY="kapazitaet", OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"),
        feedback=feedback)
    total = time.perf_counter() - t0
    summary = next(res["OUTPUT_SUMMARY"].getFeatures())
    solve = float("nan")
    for line in feedback.lines:
        if "solved in" in line:
            solve = float(line.split("solved in")[1].split("s")[0])
    return {"case": case, "costs": cost_label,
            "demand_points": demand.featureCount(), "facilities": sum(1 for _ in fac.getFeatures()),
            "demand": summary["total_demand"], "unserved": summary["unserved"],
            "mean_cost": summary["mean_cost"], "nearest_mean_cost": summary["nearest_mean_cost"],
            "overloaded_nearest": summary["overloaded_nearest"], "solve_s": solve, "total_s": total}


def bench_supplydemand(gpkg, typ="Kita", weight="ew_3_5"):
    import processing

    from bildungslandschaft_plugin.processing import ids

    demand, fac, net = _layers(gpkg, typ)
    case = "supplydemand E2SFCA {} ({})".format(typ, weight)
    if demand.fields().lookupField(weight) < 0:
        return {"case": case, "costs": "skipped: the city has no field {}".format(weight)}
    costs, cost_label = _cost_params(demand, fac, net)
    t0 = time.perf_counter()
    processing.run(ids.full_id(ids.SUPPLY_DEMAND), dict(
        costs, METHOD=1, STEPS="500:1;1000:0.68;1500:0.22", DEMAND=demand, DEMAND_ID="adr_id",
        DEMAND_WEIGHT=weight, FACILITIES=fac, FACILITY_ID="einr_id", SUPPLY="kapazitaet",
        OUTPUT_DEMAND="memory:", OUTPUT_FACILITIES="memory:"), feedback=LogFeedback())
    total = time.perf_counter() - t0
    return {"case": case, "costs": cost_label,
            "demand_points": demand.featureCount(), "facilities": sum(1 for _ in fac.getFeatures()), "total_s": total}


def bench_core_stress(n=20000, m=30, slack=1.05, seed=1):
    import numpy as np

    from bildungslandschaft_plugin.core.allocation import allocate

    rng = np.random.default_rng(seed)
    pts = rng.random((n, 2)) * 10000
    fac = rng.random((m, 2)) * 10000
    cmat = np.hypot(pts[:, None, 0] - fac[None, :, 0], pts[:, None, 1] - fac[None, :, 1])
    o, d = np.nonzero(np.ones((n, m), bool))
    demand = rng.integers(0, 4, n).astype(float)
    cap = np.round(np.full(m, demand.sum() / m * slack))
    t0 = time.perf_counter()
    r = allocate(o, d, cmat[o, d], demand, cap)
    return {"case": "core stress {} x {} (capacity +{:.0f} %)".format(n, m, (slack - 1) * 100),
            "costs": "synthetic", "demand_points": n, "facilities": m, "demand": r.total_demand,
            "unserved": r.total_unserved, "mean_cost": r.mean_cost, "nearest_mean_cost": r.nearest_mean_cost,
            "solve_s": time.perf_counter() - t0, "total_s": time.perf_counter() - t0}


def demand_has_children(gpkg):
    demand, _fac, _net = _layers(gpkg, "Grundschule")
    return demand.fields().lookupField("ew_6_9") >= 0


def bench_all(gpkg, od_limit=2_000_000):
    """All sample-city cases; the OD-table case only while the table has at most *od_limit* rows."""
    demand, fac, _net = _layers(gpkg, "Grundschule")
    n_pairs = demand.featureCount() * sum(1 for _ in fac.getFeatures())
    del demand, fac, _net
    yield bench_allocation(gpkg)
    if n_pairs <= od_limit and demand_has_children(gpkg):
        yield bench_allocation(gpkg, od_table=True)
    yield bench_allocation(gpkg, "Kita", "ew_3_5")
    yield bench_supplydemand(gpkg)


def markdown(rows):
    cols = ["scale", "case", "costs", "demand_points", "facilities", "demand", "unserved", "mean_cost",
            "nearest_mean_cost", "overloaded_nearest", "solve_s", "total_s"]

    def fmt(v):
        if v is None:
            return ""
        if isinstance(v, float):
            return "" if math.isnan(v) else "{:.2f}".format(v)
        return str(v)

    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in rows:
        lines.append("| " + " | ".join(fmt(row.get(c)) for c in cols) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", type=float, default=[1.0])
    parser.add_argument("--out", default=os.path.join(ROOT, "bench_output"))
    parser.add_argument("--gpkg", help="use this musterstadt.gpkg instead of generating one (one scale)")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    app, plugin = start_qgis()
    rows = []
    try:
        for scale in ([None] if args.gpkg else args.scales):
            gpkg = args.gpkg or sample_gpkg(scale, args.out)
            for row in bench_all(gpkg):
                row["scale"] = "file" if scale is None else "{:g}".format(scale)
                rows.append(row)
                print(row, flush=True)
        row = bench_core_stress()
        row["scale"] = "-"
        rows.append(row)
    finally:
        plugin.unload()
    text = markdown(rows)
    bench_common.report(text, args.out, "bench_supply.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
