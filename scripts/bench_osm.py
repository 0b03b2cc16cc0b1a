#!/usr/bin/env python3
"""Benchmark on real OpenStreetMap data (``make bench``): service areas against catchments.

    /usr/bin/python3 scripts/bench_osm.py [--repeat 3] [--out bench_output]

Heidelberg extract (``../shared/real-data/osm_heidelberg_bayreuth/heidelberg.test.osm.pbf`` or
``$BILDUNGSLANDSCHAFT_REAL_DATA``; © OpenStreetMap contributors, ODbL): the ``lines`` layer as it comes
(the OSM filter drops what is no street), the 20 ``amenity=school`` multipolygons, a 250 m grid over their
extent as demand. Runs ``serviceareas`` (20 schools × thresholds 500, 1000, 1500 m, walk) and
``catchments`` (grid -> nearest school, with catchment polygons) through Processing, each in a fresh
process (QGIS offscreen), ``--repeat`` times, and reports the median wall time and the stage times.
The goal of issue 13: service areas in at most 3× the time of catchments. Writes ``<out>/bench_osm.md``.
"""

import argparse
import json
import os
import statistics
import sys
import time

from bench_common import ROOT, run_worker, start_qgis
import bench_common  # noqa: E402


def real_data_dir():
    env = os.environ.get("BILDUNGSLANDSCHAFT_REAL_DATA")
    return os.path.abspath(env) if env else os.path.abspath(os.path.join(ROOT, "..", "shared", "real-data"))


def prepare(out_dir, pbf):
    """schools.gpkg and grid.gpkg (EPSG:25832) from the extract."""
    import numpy as np
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    schools = os.path.join(out_dir, "osm_schools.gpkg")
    grid = os.path.join(out_dir, "osm_grid.gpkg")
    for path in (schools, grid):
        if os.path.exists(path):
            os.remove(path)
    gdal.VectorTranslate(schools, pbf, format="GPKG", layers=["multipolygons"], where="amenity='school'",
                         dstSRS="EPSG:25832", layerName="schools")
    ds = ogr.Open(schools)
    xmin, xmax, ymin, ymax = ds.GetLayer(0).GetExtent()
    n_schools = ds.GetLayer(0).GetFeatureCount()
    ds = None
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    gds = ogr.GetDriverByName("GPKG").CreateDataSource(grid)
    lyr = gds.CreateLayer("grid", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("kinder", ogr.OFTReal))
    lyr.StartTransaction()
    n = 0
    for x in np.arange(xmin, xmax, 250.0):
        for y in np.arange(ymin, ymax, 250.0):
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("kinder", 10.0)
            f.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(x, y)))
            lyr.CreateFeature(f)
            n += 1
    lyr.CommitTransaction()
    gds = None
    return schools, grid, n_schools, n


def worker(task, pbf, schools, grid, out_dir):
    _app, _plugin = start_qgis()
    import processing
    from qgis.core import QgsProcessingFeedback

    common = {"NETWORK": pbf + "|layername=lines", "FACILITIES": schools + "|layername=schools",
              "FACILITY_ID": "osm_way_id", "MODE": 0, "COST_TYPE": 0}
    feedback = QgsProcessingFeedback()
    t0 = time.perf_counter()
    if task == "serviceareas":
        res = processing.run("bildungslandschaft:serviceareas", dict(
            common, THRESHOLDS="500,1000,1500", OUTPUT=os.path.join(out_dir, "osm_serviceareas.gpkg")),
            feedback=feedback)
    else:
        res = processing.run("bildungslandschaft:catchments", dict(
            common, DEMAND=grid + "|layername=grid", DEMAND_WEIGHT="kinder",
            OUTPUT_DEMAND=os.path.join(out_dir, "osm_catchments_demand.gpkg"),
            OUTPUT_FACILITIES=os.path.join(out_dir, "osm_catchments_schools.gpkg"),
            OUTPUT_AREAS=os.path.join(out_dir, "osm_catchments_areas.gpkg")), feedback=feedback)
    wall = time.perf_counter() - t0
    print("RESULT " + json.dumps({"task": task, "wall": wall, "stages": json.loads(res["TIMINGS"])}))


def run_task(task, pbf, schools, grid, out_dir, timeout=1800):
    result, error = run_worker(__file__, ["--worker", task, "--pbf", pbf, "--schools", schools, "--grid", grid,
                                          "--out", out_dir], "RESULT ", timeout)
    if result is None:
        raise RuntimeError("{} {}".format(task, error))
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench_output"))
    ap.add_argument("--worker")
    ap.add_argument("--pbf")
    ap.add_argument("--schools")
    ap.add_argument("--grid")
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.pbf, args.schools, args.grid, args.out)
        return 0
    pbf = os.path.join(real_data_dir(), "osm_heidelberg_bayreuth", "heidelberg.test.osm.pbf")
    if not os.path.exists(pbf):
        print("bench_osm: real data not present: {} (skipped)".format(pbf))
        return 0
    os.makedirs(args.out, exist_ok=True)
    schools, grid, n_schools, n_grid = prepare(args.out, pbf)
    runs = {"serviceareas": [], "catchments": []}
    for _ in range(max(args.repeat, 1)):
        for task in runs:
            runs[task].append(run_task(task, pbf, schools, grid, args.out))
    lines = ["## Real OSM network: Heidelberg (serviceareas vs catchments)", "",
             "Heidelberg routing extract (29,159 OSM lines, filtered for walking), {} schools, {} grid points; "
             "serviceareas with thresholds 500/1000/1500 m; median of {} run(s), one process per run.".format(
                 n_schools, n_grid, len(runs["catchments"])), "",
             "| algorithm | wall s | stages (s) |", "|---|---:|---|"]
    med = {}
    for task, rs in runs.items():
        rs = sorted(rs, key=lambda r: r["wall"])
        mid = rs[len(rs) // 2]
        med[task] = statistics.median(r["wall"] for r in rs)
        stages = ", ".join("{} {:.2f}".format(k, v) for k, v in mid["stages"].items())
        lines.append("| {} | {:.2f} | {} |".format(task, med[task], stages))
    ratio = med["serviceareas"] / med["catchments"] if med["catchments"] > 0 else float("nan")
    lines += ["", "serviceareas / catchments = {:.2f} (goal: at most 3).".format(ratio)]
    text = "\n".join(lines) + "\n"
    bench_common.report(text, args.out, "bench_osm.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
