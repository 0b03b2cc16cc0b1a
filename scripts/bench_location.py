#!/usr/bin/env python3
"""Benchmark of locationplanning (Standortplanung) on the sample city.

    /usr/bin/python3 scripts/bench_location.py [--scales 1 10] [--out bench_output] [--gpkg FILE]

For every scale: writes the sample city unless ``--gpkg`` names a ``musterstadt.gpkg``, then
runs ``bildungslandschaft:locationplanning`` through Processing (QGIS offscreen, this process):
all Kitas of ``einrichtungen`` existing (``kapazitaet``), the ``kita_kandidaten`` as candidates
(``kapazitaet``), P = 5, children 3-5 (``ew_3_5`` of ``adressen``), walking distance on
``strassen``; the three models: 0 p-median, 1 maximal coverage (MAX_COST 500 m), 2 capacitated
p-median (no MAX_COST; ``--cap-max-cost`` sets one for scales >= 10), TIME_LIMIT 120 s
(``--time-limit``; it bounds everything after reading: costs, solver, gains). Reports wall time, the
solver's status and proven gap, the gains TIME_LIMIT left NULL, the chosen sites and the phase times. Prints a Markdown table and writes it to
``<out>/bench_location.md``. Not a test: the numbers go into the report.
"""

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for path in (ROOT, os.path.join(ROOT, "scripts")):
    if path not in sys.path:
        sys.path.insert(0, path)

from bench_common import LogFeedback, sample_gpkg, start_qgis  # noqa: E402
import bench_common  # noqa: E402


def layers(gpkg):
    from qgis.core import QgsVectorLayer

    demand = QgsVectorLayer("{}|layername=adressen".format(gpkg), "adressen", "ogr")
    kitas = QgsVectorLayer("{}|layername=einrichtungen".format(gpkg), "einrichtungen", "ogr")
    kitas.setSubsetString("\"typ\" = 'Kita'")
    cands = QgsVectorLayer("{}|layername=kita_kandidaten".format(gpkg), "kita_kandidaten", "ogr")
    net = QgsVectorLayer("{}|layername=strassen".format(gpkg), "strassen", "ogr")
    for layer in (demand, kitas, cands, net):
        assert layer.isValid(), layer.name()
    return demand, kitas, cands, net


def run_model(gpkg, model, p=5, max_cost=None, time_limit=120.0):
    import processing

    from bildungslandschaft_plugin.processing import ids

    demand, kitas, cands, net = layers(gpkg)
    params = {"DEMAND": demand, "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "ew_3_5",
              "FACILITIES": kitas, "FACILITY_ID": "einr_id", "FACILITY_CAPACITY": "kapazitaet",
              "CANDIDATES": cands, "CANDIDATE_ID": "kand_id", "CANDIDATE_CAPACITY": "kapazitaet",
              "P": p, "MODEL": model, "NETWORK": net, "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250,
              "TIME_LIMIT": time_limit,
              "OUTPUT_SITES": "memory:", "OUTPUT_DEMAND": "memory:", "OUTPUT_SUMMARY": "memory:"}
    if max_cost is not None:
        params["MAX_COST"] = max_cost
    feedback = LogFeedback()
    t0 = time.perf_counter()
    res = processing.run(ids.full_id(ids.LOCATION_PLANNING), params, feedback=feedback)
    wall = time.perf_counter() - t0
    s = next(res["OUTPUT_SUMMARY"].getFeatures())
    # the phase times of the log line "Location planning times (s): before .., search .., ..." (any language)
    phases = [line.split("(s): ", 1)[1] for line in feedback.lines if "(s): before " in line]
    return {"model": s["model"], "max_cost": max_cost, "time_limit": time_limit,
            "gains_missing": s["gains_missing"], "phases": phases[-1] if phases else "", "existing": sum(1 for _ in kitas.getFeatures()),
            "candidates": sum(1 for _ in cands.getFeatures()), "p": p, "wall_s": round(wall, 1),
            "solver_s": round(float(s["seconds"]), 1), "status": s["status"], "gap": s["gap"],
            "gap_served": s["gap_served"], "groups": s["groups"], "pairs": s["pairs"],
            "served": "{:g} → {:g}".format(s["served_before"], s["served_after"]),
            "mean_m": "{:.0f} → {:.0f}".format(s["mean_cost_before"], s["mean_cost_after"]),
            "selected": s["selected_ids"]}


def markdown(rows):
    cols = ["scale", "model", "max_cost", "time_limit", "existing", "candidates", "p", "wall_s", "solver_s",
            "status", "gap", "gap_served", "gains_missing", "groups", "pairs", "served", "mean_m", "selected",
            "phases"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join("" if r.get(c) is None else str(r.get(c)) for c in cols) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", type=float, default=[1.0, 10.0])
    parser.add_argument("--models", nargs="+", type=int, default=[0, 1, 2])
    parser.add_argument("--out", default=os.path.join(ROOT, "bench_output"))
    parser.add_argument("--gpkg", help="use this musterstadt.gpkg instead of generating one (one scale)")
    parser.add_argument("--cap-max-cost", type=float, default=None,
                        help="MAX_COST (m) of the capacitated model at scales >= 10 or with --gpkg (default: none)")
    parser.add_argument("--time-limit", type=float, default=120.0, help="TIME_LIMIT (s) of every run")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    app, plugin = start_qgis()
    rows = []
    try:
        for scale in ([None] if args.gpkg else args.scales):
            gpkg = args.gpkg or sample_gpkg(scale, args.out)
            for model in args.models:
                max_cost = 500.0 if model == 1 else None
                if model == 2 and (scale is None or scale >= 10):
                    max_cost = args.cap_max_cost
                try:
                    t0 = time.perf_counter()
                    row = run_model(gpkg, model, max_cost=max_cost, time_limit=args.time_limit)
                except Exception as err:  # noqa: BLE001 - report and go on with the next case
                    row = {"model": model, "max_cost": max_cost, "time_limit": args.time_limit,
                           "wall_s": round(time.perf_counter() - t0, 1), "status": "error: {}".format(err)}
                row["scale"] = "file" if scale is None else "{:g}".format(scale)
                rows.append(row)
                print(row, flush=True)
    finally:
        plugin.unload()
    del app
    text = markdown(rows)
    bench_common.report(text, args.out, "bench_location.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
