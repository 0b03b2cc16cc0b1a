#!/usr/bin/env python3
"""Benchmarks of the network algorithms (``make bench``).

    /usr/bin/python3 scripts/bench.py [--scales 1 10] [--out bench_output]

For every scale: writes the sample city (``bildungslandschaft_plugin.sample.generator``;
a built-in synthetic grid city with the same schema when the generator is not
available), runs ``bildungslandschaft:catchments`` (all addresses -> nearest of
all facilities, weight ``ew_gesamt``, walk, distance) through Processing in a
fresh worker process (QGIS offscreen) and records the stage times (read, build
graph, snap, search, write, areas) and the peak memory (``ru_maxrss``); then
QGIS's ``native:serviceareafromlayer`` on the same network and facilities (one
service area of 2000 m per facility). QGIS runs at the larger scales only when
the estimate from the smallest scale stays below ``--qgis-limit`` seconds.
``--repeat N`` runs every measurement N times (fresh process each) and reports the
median run – useful on a shared machine. Then ``capacityallocation`` and
``supplydemand`` on the same cities (section "Supply and demand", see
``scripts/bench_supply.py``). Prints a Markdown table and writes it to
``<out>/bench.md``.
"""

import argparse
import json
import os
import resource
import sys
import time

from bench_common import ROOT, median_run, run_worker, start_qgis


# --------------------------------------------------------------------------- data
def synthetic_city(out_dir, scale=1.0, seed=42):
    """A jittered street grid with the sample city's layer schema (fallback only)."""
    import numpy as np
    from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsFields, QgsGeometry,
                           QgsPointXY, QgsProject, QgsVectorFileWriter, QgsWkbTypes)
    from bildungslandschaft_plugin import compat

    rng = np.random.default_rng(seed)
    n = int(round(112 * scale ** 0.5))
    block = 100.0
    x0, y0 = 380000.0, 5800000.0
    grid = np.stack(np.meshgrid(np.arange(n) * block, np.arange(n) * block), -1) + rng.normal(0, 6, (n, n, 2))
    grid += (x0, y0)
    river_row = n // 2
    lines = []
    for i in range(n):
        for j in range(n - 1):
            for a, b, horizontal in (((i, j), (i, j + 1), True), ((j, i), (j + 1, i), False)):
                crosses = (not horizontal) and j == river_row - 1 and i % 8 != 0
                if crosses or rng.random() < 0.05:
                    continue
                pa, pb = grid[a], grid[b]
                pts = [pa + (pb - pa) * k / 4 + (rng.normal(0, 2, 2) if 0 < k < 4 else 0) for k in range(5)]
                if i % 10 == 0:
                    hw = "secondary"
                elif i % 5 == 0:
                    hw = "tertiary"
                else:
                    hw = str(rng.choice(["residential", "residential", "residential", "footway", "service"]))
                lines.append((pts, hw, "yes" if rng.random() < 0.05 else None,
                              "yes" if (not horizontal and j == river_row - 1) else None))
    crs = QgsCoordinateReferenceSystem("EPSG:25833")
    path = os.path.join(out_dir, "musterstadt.gpkg")
    if os.path.exists(path):
        os.remove(path)
    ctx = QgsProject.instance().transformContext()

    def write(name, geom_type, fields, rows):
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = "GPKG"
        opts.layerName = name
        opts.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if os.path.exists(path)
                                     else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
        writer = QgsVectorFileWriter.create(path, fields, geom_type, crs, ctx, opts)
        for geom, attrs in rows:
            f = QgsFeature(fields)
            f.setGeometry(geom)
            f.setAttributes(attrs)
            writer.addFeature(f)
        del writer

    def fields(*spec):
        fs = QgsFields()
        for name, t in spec:
            fs.append(QgsField(name, t))
        return fs

    write("strassen", QgsWkbTypes.Type.LineString,
          fields(("id", compat.FIELD_INT), ("name", compat.FIELD_STRING), ("highway", compat.FIELD_STRING),
                 ("oneway", compat.FIELD_STRING), ("bridge", compat.FIELD_STRING)),
          ((QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in pts]), [k, "Straße {}".format(k), hw, ow, br])
           for k, (pts, hw, ow, br) in enumerate(lines)))
    n_addr = int(20000 * scale)
    axy = rng.uniform((x0, y0), (x0 + (n - 1) * block, y0 + (n - 1) * block), (n_addr, 2))
    ew = rng.integers(1, 30, n_addr)
    write("adressen", QgsWkbTypes.Type.Point,
          fields(("adr_id", compat.FIELD_STRING), ("ew_gesamt", compat.FIELD_INT)),
          ((QgsGeometry.fromPointXY(QgsPointXY(*p)), ["A{:07d}".format(k), int(ew[k])]) for k, p in enumerate(axy)))
    n_fac = int(150 * scale)
    fxy = rng.uniform((x0, y0), (x0 + (n - 1) * block, y0 + (n - 1) * block), (n_fac, 2))
    types = ["Grundschule", "Oberschule", "Gymnasium", "Kita", "Bibliothek", "Volkshochschule", "Jugendtreff"]
    write("einrichtungen", QgsWkbTypes.Type.Point,
          fields(("einr_id", compat.FIELD_STRING), ("typ", compat.FIELD_STRING), ("kapazitaet", compat.FIELD_INT)),
          ((QgsGeometry.fromPointXY(QgsPointXY(*p)), ["E{:05d}".format(k), types[k % 7], 100])
           for k, p in enumerate(fxy)))
    return {"gpkg": path}


def make_city(out_dir, scale):
    os.makedirs(out_dir, exist_ok=True)
    try:
        from bildungslandschaft_plugin.sample.generator import generate
    except ImportError:
        return synthetic_city(out_dir, scale), "synthetic grid city (sample generator not available)"
    return generate(out_dir, scale=scale), "sample city (Musterstadt)"


# --------------------------------------------------------------------------- worker
def worker(task, gpkg, out_dir):
    """Run one task in this process and print a JSON line with its figures."""
    app, _plugin = start_qgis()
    import processing
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    net = QgsVectorLayer("{}|layername=strassen".format(gpkg), "strassen", "ogr")
    fac = QgsVectorLayer("{}|layername=einrichtungen".format(gpkg), "einrichtungen", "ogr")
    dem = QgsVectorLayer("{}|layername=adressen".format(gpkg), "adressen", "ogr")
    info = {"edges_features": net.featureCount(), "facilities": fac.featureCount(), "addresses": dem.featureCount()}
    feedback = QgsProcessingFeedback()
    t0 = time.perf_counter()
    if task == "catchments":
        weight = "ew_gesamt" if dem.fields().lookupField("ew_gesamt") >= 0 else None
        result = processing.run("bildungslandschaft:catchments", {
            "NETWORK": net, "FACILITIES": fac, "FACILITY_ID": "einr_id", "DEMAND": dem, "DEMAND_WEIGHT": weight,
            "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 500,
            "OUTPUT_DEMAND": os.path.join(out_dir, "catchments_demand.gpkg"),
            "OUTPUT_FACILITIES": os.path.join(out_dir, "catchments_facilities.gpkg"),
            "OUTPUT_AREAS": os.path.join(out_dir, "catchments_areas.gpkg")}, feedback=feedback)
        info["timings"] = json.loads(result["TIMINGS"])
    else:
        processing.run("native:serviceareafromlayer", {
            "INPUT": net, "STRATEGY": 0, "START_POINTS": fac, "TRAVEL_COST2": 2000, "TOLERANCE": 0.01,
            "DEFAULT_DIRECTION": 2, "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": os.path.join(out_dir, "qgis_serviceareas.gpkg")}, feedback=feedback)
    info["wall"] = time.perf_counter() - t0
    info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("BENCH_RESULT " + json.dumps(info), flush=True)
    app.exitQgis()


def _run(task, gpkg, out_dir, timeout):
    """``(figures, None)`` of one task in a fresh process, or ``(None, why)``."""
    return run_worker(__file__, ["--worker", task, "--gpkg", gpkg, "--out", out_dir], "BENCH_RESULT ", timeout)


def edge_count(gpkg):
    """Edges of the walk graph (segments), counted with the engine's own reader."""
    from qgis.core import QgsVectorLayer

    from bildungslandschaft_plugin.core.wkb import _wkb_lines

    layer = QgsVectorLayer("{}|layername=strassen".format(gpkg), "strassen", "ogr")
    n = 0
    for f in layer.getFeatures():
        g = f.geometry()
        if g.isNull():
            continue
        n += sum(len(p) - 1 for p in _wkb_lines(bytes(g.asWkb())))
    return n


def supply_section(cities):
    """capacityallocation and supplydemand on the same cities (see scripts/bench_supply.py)."""
    import bench_supply

    rows = []
    for label, gpkg in cities:
        print("scale {}: capacityallocation / supplydemand ...".format(label), flush=True)
        for row in bench_supply.bench_all(gpkg):
            row["scale"] = label
            rows.append(row)
    return ("\n## Supply and demand\n\ncapacityallocation (children 6-9 to the Grundschulen, children 3-5 to the "
            "Kitas; exact, with the nearest-facility comparison) and supplydemand (E2SFCA, Kitas), walking distance "
            "on the street network, through `processing.run` in this process; solve_s is the allocation solver "
            "alone. The last row is the allocation core on a synthetic 20 000 x 30 problem with tight capacities."
            "\n\n" + bench_supply.markdown(rows + [dict(bench_supply.bench_core_stress(), scale="-")]) + "\n")


def fmt(value, digits=2):
    return "–" if value is None else "{:.{}f}".format(value, digits)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 10.0])
    parser.add_argument("--out", default=os.path.join(ROOT, "bench_output"))
    parser.add_argument("--qgis-limit", type=float, default=300.0,
                        help="skip QGIS's service areas when they would take longer (seconds)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measurement this many times (fresh process each) and report the median run")
    parser.add_argument("--worker")
    parser.add_argument("--gpkg")
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.gpkg, args.out)
        return 0

    app, _plugin = start_qgis()
    os.makedirs(args.out, exist_ok=True)
    load_before = os.getloadavg()[0]
    rows = []
    cities = []
    qgis_first = None
    for scale in args.scales:
        label = "{:g}".format(scale)
        city_dir = os.path.join(args.out, "city_scale_{}".format(label))
        print("scale {}: writing the city ...".format(label), flush=True)
        paths, source = make_city(city_dir, scale)
        gpkg = paths["gpkg"]
        cities.append((label, gpkg))
        edges = edge_count(gpkg)
        print("scale {}: {} edges; catchments ...".format(label, edges), flush=True)
        runs = []
        for _ in range(args.repeat):
            ours, err = _run("catchments", gpkg, city_dir, 1800)
            if ours is None:
                print("catchments " + err, file=sys.stderr)
                return 1
            runs.append(ours)
        ours = median_run(runs, lambda r: r["timings"]["total"])
        t = ours["timings"]
        print("scale {}: catchments {:.2f} s; QGIS service areas ...".format(label, t["total"]), flush=True)
        estimate = None
        if qgis_first is not None:
            base_scale, base_time = qgis_first
            estimate = base_time * (scale / base_scale) ** 2
        if estimate is not None and estimate > args.qgis_limit:
            qgis, qerr = None, "skipped: estimated {:.0f} s (scale-{:g} time × {:g}² for {:g}× facilities on a " \
                               "{:g}× larger network) exceeds the {:.0f} s limit".format(
                                   estimate, base_scale, scale / base_scale, scale / base_scale,
                                   scale / base_scale, args.qgis_limit)
        else:
            qruns = []
            for _ in range(args.repeat):
                qgis, qerr = _run("qgis", gpkg, city_dir, args.qgis_limit)
                if qgis is None:
                    break
                qruns.append(qgis)
            qgis = median_run(qruns, lambda r: r["wall"]) if qgis is not None else None
            if qgis is not None and qgis_first is None:
                qgis_first = (scale, qgis["wall"])
        assign = t["total"] - t.get("areas", 0.0)
        rows.append({
            "scale": label, "source": source, "edges": edges, "addresses": ours["addresses"],
            "facilities": ours["facilities"], "t": t, "assign": assign, "peak": ours["peak_mb"],
            "qgis": None if qgis is None else qgis["wall"], "qgis_peak": None if qgis is None else qgis["peak_mb"],
            "qgis_note": qerr,
        })

    lines = [
        "| scale | edges | addresses | facilities | read s | build graph s | snap s | search s | write s | "
        "assignment total s | catchment polygons s | peak memory MB | QGIS service areas s | QGIS peak MB | "
        "speed-up (total) | speed-up (graph+snap+search) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    notes = []
    for r in rows:
        t = r["t"]
        speed = None if r["qgis"] is None else r["qgis"] / r["assign"]
        compute = t.get("build_graph", 0) + t.get("snap", 0) + t.get("search", 0)
        speed2 = None if r["qgis"] is None else r["qgis"] / compute
        lines.append("| {} | {:,} | {:,} | {:,} | {} | {} | {} | {} | {} | {} | {} | {:.0f} | {} | {} | {} | {} |".format(
            r["scale"], r["edges"], r["addresses"], r["facilities"], fmt(t.get("read")), fmt(t.get("build_graph")),
            fmt(t.get("snap")), fmt(t.get("search")), fmt(t.get("write")), fmt(r["assign"]), fmt(t.get("areas")),
            r["peak"], fmt(r["qgis"], 1) if r["qgis"] is not None else "skipped",
            "–" if r["qgis_peak"] is None else "{:.0f}".format(r["qgis_peak"]),
            "–" if speed is None else "{:.1f}×".format(speed), "–" if speed2 is None else "{:.0f}×".format(speed2)))
        if r["qgis_note"]:
            notes.append("- scale {}: QGIS service areas {}".format(r["scale"], r["qgis_note"]))
    import platform

    header = [
        "# Benchmark: catchments vs. QGIS service areas", "",
        "Data: {}. Catchments: every address to the nearest of all facilities (walk, distance, weight "
        "ew_gesamt) through `processing.run`, one process per run, median of {} run(s); assignment total = "
        "read + build graph + snap + search + write; catchment polygons are extra. QGIS: `native:serviceareafromlayer`, 2000 m per facility, "
        "same network and facilities. Peak memory = ru_maxrss of the run's process (incl. QGIS itself). "
        "Machine: {} CPUs, Python {}, {}; load average {:.1f} before and {:.1f} after the runs (the machine "
        "may be shared).".format(rows[0]["source"] if rows else "", args.repeat, os.cpu_count(),
                                 platform.python_version(), time.strftime("%Y-%m-%d"), load_before,
                                 os.getloadavg()[0]), "",
    ]
    text = "\n".join(header + lines + ([""] + notes if notes else [])) + "\n"
    text += supply_section(cities)
    with open(os.path.join(args.out, "bench.md"), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
