#!/usr/bin/env python3
"""Reading the network and the addresses from PostGIS vs from a GeoPackage (``make bench``).

    /usr/bin/python3 scripts/bench_postgis.py [--scale 10] [--repeat 3] [--out bench_output]

Writes the sample city at *scale* (10: about 1 M street edges), loads streets and addresses into the throw-away
cluster (scripts/postgis_cluster.py; schema ``bench``), and times the plugin's readers in one QGIS process:
``read_network`` (the graph built from the lines) and ``read_points_fast`` + weights (the addresses) from the
GeoPackage (GDAL's Arrow stream), from PostGIS through the database fast path (GDAL's PostgreSQL driver) and from
PostGIS through QGIS's provider (the fast path switched off). Each is run ``--repeat`` times; the median is
reported (Markdown table, also ``<out>/bench_postgis.md``). The cluster is stopped at the end when this script
started it.
"""

import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bench_common  # noqa: E402
sys.path.insert(0, ROOT)

import postgis_cluster as pc  # noqa: E402


def prepare(scale, folder):
    import make_sample_city

    gpkg = os.path.join(folder, "musterstadt.gpkg")
    if not os.path.exists(gpkg):
        make_sample_city.main(["--scale", str(scale), "--out", folder])
    pc.psql("DROP SCHEMA IF EXISTS bench CASCADE")
    pc.load_gpkg(gpkg, "bench", layers=("strassen", "adressen"))
    for table in ("strassen", "adressen"):
        pc.psql("VACUUM ANALYZE bench.{0}".format(table))
    return gpkg


def measure(gpkg, repeat):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsProcessingContext,
                           QgsProcessingFeedback)

    app = QgsApplication([], False)
    app.initQgis()
    from bildungslandschaft_plugin.processing import network_reader, readers
    from bildungslandschaft_plugin.processing import postgis as pgmod
    from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm

    real_fast_layer = pgmod.fast_layer
    crs = QgsCoordinateReferenceSystem("EPSG:25833")
    service = "service='{0}'".format(pc.SERVICE)
    sources = {
        "GeoPackage": (gpkg + "|layername=strassen", gpkg + "|layername=adressen", True),
        "PostGIS (fast path)": ('postgres://{0} table="bench"."strassen" (geom)'.format(service),
                                'postgres://{0} table="bench"."adressen" (geom)'.format(service), True),
        "PostGIS (QGIS provider)": ('postgres://{0} table="bench"."strassen" (geom)'.format(service),
                                    'postgres://{0} table="bench"."adressen" (geom)'.format(service), False),
    }
    results = {}
    for label, (network, demand, fast) in sources.items():
        pgmod.fast_layer = real_fast_layer if fast else (lambda layer, crs: None)
        net_times, read_times, dem_times = [], [], []
        for _ in range(repeat):
            alg = CatchmentsAlgorithm()
            alg.initAlgorithm()
            context = QgsProcessingContext()
            feedback = QgsProcessingFeedback()
            t0 = time.perf_counter()
            graph = network_reader.read_network(alg, {"NETWORK": network, "MODE": 0, "COST_TYPE": 0}, context, feedback, crs)
            net_times.append(time.perf_counter() - t0)
            read_times.append(graph.timings["read"])
            source = alg.parameterAsSource({"DEMAND": demand}, "DEMAND", context)
            t0 = time.perf_counter()
            d_fids, d_xy, _feats, weights = readers.read_weighted_demand(alg, {"DEMAND": demand}, context, feedback,
                                                                      crs, source, "ew_gesamt")
            dem_times.append(time.perf_counter() - t0)
        results[label] = {"network": statistics.median(net_times), "read": statistics.median(read_times), "demand": statistics.median(dem_times),
                          "edges": graph.n_edges, "lines": graph.read_info["features"], "points": len(d_fids),
                          "residents": float(weights.sum())}
        print("{0}: network read {1:.2f} s (+ graph {2:.2f} s), addresses {3:.2f} s".format(
            label, results[label]["read"], results[label]["network"], results[label]["demand"]), flush=True)
    pgmod.fast_layer = real_fast_layer
    app.exitQgis()
    return results


def table(results, scale):
    ref = results["GeoPackage"]
    lines = ["## Reading from PostGIS (sample city scale {0}: {1} street lines, {2} edges, {3} addresses)".format(
        scale, ref["lines"], ref["edges"], ref["points"]), "",
        "| source | network lines read (s) | × GeoPackage | read + graph built (s) | × GeoPackage "
        "| addresses read (s) | × GeoPackage |",
        "|---|---:|---:|---:|---:|---:|---:|"]
    for label, r in results.items():
        lines.append("| {0} | {1:.2f} | {2:.2f} | {3:.2f} | {4:.2f} | {5:.2f} | {6:.2f} |".format(
            label, r["read"], r["read"] / ref["read"], r["network"], r["network"] / ref["network"], r["demand"],
            r["demand"] / ref["demand"]))
    same = all((r["edges"], r["points"], r["residents"]) == (ref["edges"], ref["points"], ref["residents"])
               for r in results.values())
    lines += ["", "Same edges, addresses and residents from every source: {0}.".format("yes" if same else "NO")]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench_output"))
    args = parser.parse_args(argv)
    was_running = pc.is_running()
    pc.start()
    os.environ.update(pc.environment())
    try:
        folder = os.path.join(args.out, "postgis_city_{0:g}".format(args.scale))
        os.makedirs(folder, exist_ok=True)
        gpkg = prepare(args.scale, folder)
        results = measure(gpkg, args.repeat)
    finally:
        if not was_running:
            pc.stop()
    text = table(results, args.scale)
    bench_common.report(text, args.out, "bench_postgis.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
