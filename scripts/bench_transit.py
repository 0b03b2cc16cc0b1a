#!/usr/bin/env python3
"""Benchmark of walk + public transport (MODE 3) in ``catchments`` (``make bench``).

    /usr/bin/python3 scripts/bench_transit.py [--out bench_output] [--scales 1 10] [--skip-real]

Cases (each in a fresh worker process, QGIS offscreen; peak memory = ``ru_maxrss`` of that process):

- Heidelberg: the OSM extract ``../shared/real-data/osm_heidelberg_bayreuth/heidelberg.test.osm.pbf``
  (``lines`` with ``highway IS NOT NULL``), the VRN GTFS cut ``gtfs_vrn_heidelberg/vrn_gtfs_cut.zip`` on
  2022-09-14, origins = a 150 m grid over the served area (grid points within 600 m of a stop of the
  feed inside the bounding box of its stops and of the network), destinations = all schools
  (``amenity=school`` polygons), window 07:00-08:00, p50, MAX_WALK 15, MAX_TRANSFER_WALK 5.
- Musterstadt at each scale with its own feed (``musterstadt_gtfs.zip``, ``SAMPLE_DATE``):
  all addresses x all Gymnasien, the same window and settings.

Writes ``<out>/bench_transit.md`` and prints it.
"""

import argparse
import json
import os
import resource
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for p in (ROOT, os.path.join(ROOT, "scripts")):
    if p not in sys.path:
        sys.path.insert(0, p)


def real_dir():
    env = os.environ.get("BILDUNGSLANDSCHAFT_REAL_DATA")
    return os.path.abspath(env) if env else os.path.abspath(os.path.join(ROOT, "..", "shared", "real-data"))


def heidelberg_grid(gtfs_path, date, spacing=150.0, radius=600.0):
    """Memory point layer (EPSG:25832) of the 150 m grid over the served area."""
    import numpy as np
    from osgeo import osr
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from scipy.spatial import cKDTree

    from bildungslandschaft_plugin.core import gtfs

    tt = gtfs.load_timetable(gtfs_path, date)
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(25832)
    ct = osr.CoordinateTransformation(src, dst)
    m = tt.stop_used & np.isfinite(tt.stop_lon)
    # the network extract ends at lat 49.517 / lon 7.708-9.105: keep stops inside it
    m &= (tt.stop_lat < 49.51) & (tt.stop_lat > 49.31)
    xy = np.array([ct.TransformPoint(float(lo), float(la))[:2] for lo, la in zip(tt.stop_lon[m], tt.stop_lat[m])])
    x0, y0 = xy.min(axis=0) - radius
    x1, y1 = xy.max(axis=0) + radius
    gx, gy = np.meshgrid(np.arange(x0, x1, spacing), np.arange(y0, y1, spacing))
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    d, _ = cKDTree(xy).query(pts)
    pts = pts[d <= radius]
    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=grid_id:integer", "grid", "memory")
    feats = []
    for k, (x, y) in enumerate(pts):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f.setAttributes([k])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def worker(case, arg, out_dir):
    import bench
    from bench_supply import LogFeedback

    app, _plugin = bench.start_qgis()
    import processing
    from qgis.core import QgsVectorLayer

    from bildungslandschaft_plugin.processing import transit_params

    info = {"case": case}
    if case == "heidelberg":
        rd = real_dir()
        pbf = os.path.join(rd, "osm_heidelberg_bayreuth", "heidelberg.test.osm.pbf")
        feed = os.path.join(rd, "gtfs_vrn_heidelberg", "vrn_gtfs_cut.zip")
        date = "2022-09-14"
        net = QgsVectorLayer(pbf + "|layername=lines", "lines", "ogr")
        net.setSubsetString("highway IS NOT NULL")
        fac = QgsVectorLayer(pbf + "|layername=multipolygons", "schools", "ogr")
        fac.setSubsetString("amenity = 'school'")
        dem = heidelberg_grid(feed, date)
        fid = "osm_way_id"
        weight = None
    else:
        from bildungslandschaft_plugin.sample import generator
        from bildungslandschaft_plugin.sample import gtfs as sample_gtfs

        folder = arg
        gpkg = os.path.join(folder, generator.GPKG_NAME)
        feed = os.path.join(folder, generator.GTFS_NAME)
        date = sample_gtfs.SAMPLE_DATE
        net = QgsVectorLayer(gpkg + "|layername=strassen", "strassen", "ogr")
        fac = QgsVectorLayer(gpkg + "|layername=einrichtungen", "einrichtungen", "ogr")
        fac.setSubsetString("typ = 'Gymnasium'")
        dem = QgsVectorLayer(gpkg + "|layername=adressen", "adressen", "ogr")
        fid = "einr_id"
        weight = "ew_gesamt"
    feedback = LogFeedback()  # keeps the log: transit timings travel in one line of it
    t0 = time.perf_counter()
    res = processing.run("bildungslandschaft:catchments", {
        "NETWORK": net, "FACILITIES": fac, "FACILITY_ID": fid, "DEMAND": dem, "DEMAND_WEIGHT": weight,
        "MODE": 3, "COST_TYPE": 1, "SNAP_TOLERANCE": 250, "GTFS": feed, "GTFS_DATE": date,
        "DEPARTURE_START": "07:00", "DEPARTURE_END": "08:00", "PERCENTILE": 50, "MAX_WALK": 15,
        "MAX_TRANSFER_WALK": 5, "OUTPUT_DEMAND": os.path.join(out_dir, "transit_{}_demand.gpkg".format(case)),
        "OUTPUT_FACILITIES": os.path.join(out_dir, "transit_{}_facilities.gpkg".format(case))}, feedback=feedback)
    info["wall"] = time.perf_counter() - t0
    info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    runs = [r for r in map(transit_params.parse_timing_line, feedback.lines) if r is not None]
    info["transit"] = runs[-1] if runs else {}
    out = QgsVectorLayer(res["OUTPUT_DEMAND"], "out", "ogr")
    n_ok = n_gain = 0
    for f in out.getFeatures():
        if f["status"] == "ok":
            n_ok += 1
            w = f["walk_only"]
            if w is None or (hasattr(w, "isNull") and w.isNull()) or f["cost"] < w - 1e-9:
                n_gain += 1
    info.update(assigned=n_ok, transit_better=n_gain)
    print("BENCH_RESULT " + json.dumps(info), flush=True)
    app.exitQgis()


def run_worker(case, arg, out_dir, timeout=3600):
    """One case in a fresh worker process (:func:`bench_common.run_worker`)."""
    import bench_common

    return bench_common.run_worker(__file__, ["--worker", case, "--arg", arg or "", "--out", out_dir],
                                   "BENCH_RESULT ", timeout)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, "bench_output"))
    ap.add_argument("--scales", type=float, nargs="*", default=[1.0, 10.0])
    ap.add_argument("--skip-real", action="store_true")
    ap.add_argument("--worker")
    ap.add_argument("--arg")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    if args.worker:
        worker(args.worker, args.arg, args.out)
        return 0
    cases = []
    if not args.skip_real:
        if os.path.exists(os.path.join(real_dir(), "gtfs_vrn_heidelberg", "vrn_gtfs_cut.zip")):
            cases.append(("heidelberg", None, "Heidelberg OSM + VRN cut, 150 m grid x schools"))
        else:
            print("real data not present: {} (Heidelberg case skipped)".format(real_dir()))
    from bildungslandschaft_plugin.sample import generator

    for scale in args.scales:
        folder = os.path.join(args.out, "transit_city_{:g}".format(scale))
        if not os.path.exists(os.path.join(folder, generator.GTFS_NAME)):
            generator.generate(folder, scale=scale, seed=42)
        cases.append(("musterstadt_{:g}".format(scale), folder,
                      "Musterstadt scale {:g}, addresses x Gymnasien".format(scale)))
    lines = ["## Walk + public transport (catchments, MODE 3, 07:00-08:00, p50)", "",
             "| case | origins | destinations | trips | connections | total s | gtfs s | walks s | profiles s | "
             "evaluate s | ms per origin | peak MB | transit better |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for case, arg, label in cases:
        info, err = run_worker(case, arg, args.out)
        if info is None:
            lines.append("| {} | {} |".format(label, err.replace("\n", " ")[:300]))
            continue
        t = info["transit"]
        lines.append("| {} | {} | {} | {} | {} | {:.1f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | "
                     "{} of {} |".format(
                         label, t.get("origins"), t.get("destinations"), t.get("trips"), t.get("connections"),
                         info["wall"], t.get("gtfs", 0), t.get("walks", 0), t.get("profiles", 0),
                         t.get("evaluate", 0), 1000.0 * info["wall"] / max(t.get("origins") or 1, 1), info["peak_mb"],
                         info["transit_better"], info["assigned"]))
        print(lines[-1], flush=True)
    lines += ["", "total s = the whole catchments run (reading, snapping, walks, timetable, writing); "
              "ms per origin = total / origins; peak MB = ru_maxrss of the worker process (QGIS included); "
              "transit better = assigned origins whose reported time is below the shortest direct walk."]
    text = "\n".join(lines) + "\n"
    import bench_common

    bench_common.report(text, args.out, "bench_transit.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
