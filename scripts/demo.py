#!/usr/bin/env python3
"""The planners' workflow on the sample city "Musterstadt", through qgis_process.

    /usr/bin/python3 scripts/demo.py [--scale 1] [--out demo_output]
    /usr/bin/python3 scripts/demo.py --postgis [--pg-service NAME]   # inputs and outputs in PostGIS

Every step is a real `qgis_process run bildungslandschaft:<id>` call, exactly as
a batch user would script it. Results land in ``demo_output/``: the sample city,
one GeoPackage with every result layer, the PDFs, the QGIS project
``Musterstadt.qgz`` (scripts/demo_project.py: every layer styled and grouped, the
council map and the profile atlas as layouts), and a short summary printed at
the end.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import qgisproc  # noqa: E402


class Demo:
    """The run's settings and where its layers live: GeoPackages in ``out/layers`` or a PostGIS database.

    With *pg_service* the sample city is loaded into the schema ``musterstadt`` and every result is written to
    the schema ``ergebnisse`` of the database that the ``service=`` entry names (pg_service.conf); the PDFs and
    the web page still go to *out_dir*.
    """

    def __init__(self, out_dir, scale, pg_service=None):
        self.out = os.path.abspath(out_dir)
        self.scale = scale
        self.pg_service = pg_service
        self.layers = os.path.join(self.out, "layers")
        os.makedirs(self.layers, exist_ok=True)
        # German user interface: the PDFs and legends are for a German council paper
        self.env = qgisproc.environment(profile_dir=os.path.join(ROOT, "build", "demo_profile"), locale="de")
        qgisproc.enable_plugin(self.env)
        self.available = set(qgisproc.algorithm_list(self.env))
        self.results = {}
        self.written = []
        self.summary = []

    def has(self, alg_id):
        return "bildungslandschaft:" + alg_id in self.available

    def run(self, alg_id, params, label):
        start = time.time()
        print("-> {} ({})".format(label, alg_id), flush=True)
        result = qgisproc.run("bildungslandschaft:" + alg_id, params, env=self.env)
        print("   done in {:.1f} s".format(time.time() - start), flush=True)
        self.results[alg_id] = result.get("results", {})
        return self.results[alg_id]

    def layer(self, name):
        """Destination of a result layer: a GeoPackage per layer (merged at the end), or a PostGIS table.

        The PostGIS destination names the geometry column ``geom``; for outputs without geometry (reports,
        summaries) the plugin's writer leaves it out, so that they become plain tables.
        """
        if self.pg_service:
            return pg_uri(self.pg_service, RESULT_SCHEMA, name)
        return os.path.join(self.layers, name + ".gpkg")

    def src(self, layer):
        """A layer of the sample city."""
        if self.pg_service:
            return pg_uri(self.pg_service, CITY_SCHEMA, layer)
        return "{}|layername={}".format(self.gpkg, layer)

    def note(self, path):
        self.written.append(path)
        return path


CITY_SCHEMA = "musterstadt"
RESULT_SCHEMA = "ergebnisse"


def pg_uri(service, schema, table, sql=None, geometry=True):
    """A QGIS layer/destination string for a PostGIS table through a pg_service.conf entry (no password)."""
    uri = "postgres://service='{0}' table=\"{1}\".\"{2}\"{3}".format(service, schema, table,
                                                                   " (geom)" if geometry else "")
    return uri + (" sql={0}".format(sql) if sql else "")


def filtered(source, expression):
    """*source* (a file layer string or a PostGIS string) limited to the features matching *expression*."""
    if str(source).startswith("postgres://"):
        return "{} sql={}".format(source, expression)
    return "{}|subset={}".format(source, expression)


def ogr_source(source):
    """``(data source, layer name or None)`` of a layer string for GDAL/OGR."""
    import re

    source = str(source)
    if source.startswith("postgres://"):
        service = re.search(r"service='([^']+)'", source).group(1)
        schema, table = re.search(r'table="([^"]+)"\."([^"]+)"', source).groups()
        return "PG:service={0}".format(service), "{0}.{1}".format(schema, table)
    parts = source.split("|")
    layer = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    return parts[0], layer


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", default=os.path.join(ROOT, "demo_output"))
    parser.add_argument("--postgis", action="store_true",
                        help="inputs and outputs in PostGIS: a throw-away local cluster (scripts/postgis_cluster.py) "
                             "unless --pg-service names an existing server's pg_service.conf entry")
    parser.add_argument("--pg-service", default=None,
                        help="pg_service.conf entry of an existing PostGIS database (implies --postgis)")
    args = parser.parse_args(argv)
    service = args.pg_service
    if args.postgis and not service:
        import postgis_cluster

        postgis_cluster.start()
        os.environ.update(postgis_cluster.environment())
        service = postgis_cluster.SERVICE
    demo = Demo(args.out, args.scale, pg_service=service)
    t0 = time.time()
    for step in STEPS:
        try:
            step(demo)
        except qgisproc.QgisProcessError as err:
            print("\nThe demo stopped at {}:\n{}".format(step.__name__, err), file=sys.stderr)
            return 1
    if not demo.pg_service:
        merge_layers(demo)
    if write_project(demo) != 0:
        return 1
    print()
    print("Wrote:")
    for path in demo.written:
        print("  ", os.path.relpath(path, ROOT))
    print()
    print("Summary (Musterstadt, scale {}):".format(args.scale))
    for line in demo.summary:
        print("  ", line)
    print("Demo finished in {:.0f} s.".format(time.time() - t0))
    return 0


def merge_layers(demo):
    """Copy every result layer into one GeoPackage ``Musterstadt_Ergebnisse.gpkg``."""
    from osgeo import gdal

    gdal.UseExceptions()
    target = os.path.join(demo.out, "Musterstadt_Ergebnisse.gpkg")
    if os.path.exists(target):
        os.remove(target)
    names = sorted(f[:-5] for f in os.listdir(demo.layers) if f.endswith(".gpkg"))
    for name in names:
        src = gdal.OpenEx(os.path.join(demo.layers, name + ".gpkg"), gdal.OF_VECTOR)
        if src is None or src.GetLayerCount() == 0:
            continue
        src_layer = src.GetLayer(0).GetName()
        gdal.VectorTranslate(target, src, layers=[src_layer], layerName=name,
                             accessMode="append" if os.path.exists(target) else None)
    if names:
        demo.note(target)


def write_project(demo):
    """``Musterstadt.qgz``: every result layer styled and grouped, the council map and the profile atlas as
    layouts (scripts/demo_project.py, a QGIS process of its own)."""
    import subprocess

    target = os.path.join(demo.out, "Musterstadt.qgz")
    command = [sys.executable, os.path.join(HERE, "demo_project.py"), "--out", demo.out, "--target", target]
    if demo.pg_service:  # make demo-postgis: the project goes into the database beside the result tables
        print("-> QGIS project with every result and the layouts (in PostGIS, schema {0})".format(RESULT_SCHEMA),
              flush=True)
        command += ["--pg-service", demo.pg_service]
    else:
        print("-> QGIS project with every result and the layouts (Musterstadt.qgz)", flush=True)
    proc = subprocess.run(command, capture_output=True, text=True)
    if proc.returncode != 0 or (not demo.pg_service and not os.path.exists(target)):
        print("\nThe demo project could not be written:\n{}{}".format(proc.stdout[-3000:], proc.stderr[-3000:]),
              file=sys.stderr)
        return 1
    print("   " + proc.stdout.strip(), flush=True)
    if not demo.pg_service:
        demo.note(target)
    return 0


# -- the workflow -------------------------------------------------------------

def step_sample_city(demo):
    res = demo.run("samplecity", {"SCALE": demo.scale, "SEED": 42, "OUTPUT_FOLDER": os.path.join(demo.out, "musterstadt")},
                   "sample city Musterstadt")
    folder = res.get("OUTPUT_FOLDER", os.path.join(demo.out, "musterstadt"))
    demo.gpkg = os.path.join(folder, "musterstadt.gpkg")
    if demo.pg_service:
        load_city_into_postgis(demo)
    demo.social_csv = os.path.join(folder, "sozialdaten_musterstadt.csv")
    demo.partnerships_csv = os.path.join(folder, "kooperationen.csv")
    demo.note(folder)


def load_city_into_postgis(demo):
    """The sample city's layers into the schema ``musterstadt``; an empty schema ``ergebnisse`` for the results."""
    from osgeo import gdal

    gdal.UseExceptions()
    dsn = "PG:service={0}".format(demo.pg_service)
    conn = gdal.OpenEx(dsn, gdal.OF_VECTOR | gdal.OF_UPDATE)
    for schema in (CITY_SCHEMA, RESULT_SCHEMA):
        conn.ExecuteSQL('DROP SCHEMA IF EXISTS "{0}" CASCADE'.format(schema))
        conn.ExecuteSQL('CREATE SCHEMA "{0}"'.format(schema))
    conn = None
    src_ds = gdal.OpenEx(demo.gpkg, gdal.OF_VECTOR)
    for i in range(src_ds.GetLayerCount()):
        name = src_ds.GetLayer(i).GetName()
        gdal.VectorTranslate(dsn, src_ds, options=["-lco", "SCHEMA={0}".format(CITY_SCHEMA), "-lco",
                                                   "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-nln", name, name])
    print("   sample city loaded into PostGIS (schema {0})".format(CITY_SCHEMA), flush=True)


def src(demo, layer):
    return demo.src(layer)


def step_children_per_district(demo):
    res = demo.run("aggregatepoints", {
        "POINTS": src(demo, "adressen"), "DISTRICTS": src(demo, "ortsteile"),
        "FIELDS": ["ew_0_2", "ew_3_5", "ew_6_9", "ew_10_15", "ew_gesamt"], "TOTAL_FIELD": "ew_gesamt",
        "MIN_COUNT": 3, "SECONDARY": True, "OUTPUT": demo.layer("einwohner_ortsteile")},
        "residents by age per Ortsteil with disclosure control")
    demo.districts = res["OUTPUT"]


def step_join_social_table(demo):
    res = demo.run("joinsocialdata", {
        "DISTRICTS": demo.districts, "DISTRICT_KEY": "ot_key", "TABLE": demo.social_csv,
        "TABLE_KEY": "Ortsteil", "YEAR_FIELD": "Jahr", "YEAR": 2025,
        "OUTPUT": demo.layer("sozialdaten_2025"), "OUTPUT_REPORT": demo.layer("sozialdaten_bericht")},
        "join the statistics office's table (2025)")
    demo.districts = res["OUTPUT"]


def step_social_index(demo):
    res = demo.run("socialindex", {
        "INPUT": demo.districts, "INDICATORS": ["SGB2_Quote", "Kinderarmut", "Arbeitslosigkeit"],
        "POPULATION": "Einwohner", "MIN_POPULATION": 300, "METHOD": 0, "CLASSIFICATION": 0,
        "OUTPUT": demo.layer("sozialindex")}, "social index (Berlin method)")
    demo.districts = res["OUTPUT"]
    demo.summary.append(index_summary(res["OUTPUT"]))


def read_rows(path, fields):
    """[(value, ...)] of *fields* for every feature of the result layer *path* (a file or a PostGIS table)."""
    from osgeo import ogr

    dsn, name = ogr_source(path)
    ds = ogr.Open(dsn)  # keep the data source alive while its layer is read
    layer = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    rows = [tuple(f.GetField(name) for name in fields) for f in layer]
    ds = None
    return rows


def index_summary(path):
    counts = {}
    for (cls,) in read_rows(path, ["index_class"]):
        counts[cls] = counts.get(cls, 0) + 1
    parts = ["class {}: {}".format(k, counts[k]) for k in sorted(counts, key=lambda c: (c is None, c or 0))]
    return "Social index: " + ", ".join(parts).replace("class None", "left out")


def primary_schools(demo):
    return filtered(demo.src("einrichtungen"), "\"typ\" = 'Grundschule'")


def kitas(demo):
    return filtered(demo.src("einrichtungen"), "\"typ\" = 'Kita'")


NETWORK_WALK = {"MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250}


def step_school_catchments(demo):
    params = dict(NETWORK_WALK, NETWORK=src(demo, "strassen"), FACILITIES=primary_schools(demo),
                  FACILITY_ID="einr_id", DEMAND=src(demo, "adressen"), DEMAND_WEIGHT="ew_6_9",
                  CAPACITY="kapazitaet",
                  OUTPUT_DEMAND=demo.layer("grundschule_zuordnung"),
                  OUTPUT_FACILITIES=demo.layer("grundschule_auslastung"),
                  OUTPUT_AREAS=demo.layer("grundschule_einzugsbereiche"))
    res = demo.run("catchments", params, "primary-school catchments over the street network (children 6-9)")
    demo.school_areas = res["OUTPUT_AREAS"]
    demo.summary.append(utilisation_summary(res["OUTPUT_FACILITIES"], "Primary schools (nearest school)"))


def step_kita_allocation(demo):
    params = dict(NETWORK_WALK, NETWORK=src(demo, "strassen"), FACILITIES=kitas(demo), FACILITY_ID="einr_id",
                  DEMAND=src(demo, "adressen"), DEMAND_ID="adr_id", DEMAND_WEIGHT="ew_3_5", CAPACITY="kapazitaet",
                  OUTPUT_DEMAND=demo.layer("kita_zuordnung"), OUTPUT_FACILITIES=demo.layer("kita_auslastung"),
                  OUTPUT_SUMMARY=demo.layer("kita_zuordnung_summe"))
    res = demo.run("capacityallocation", params, "capacity-aware allocation of children 3-5 to the Kitas")
    total, unserved, mean_cost, nearest_cost, overloaded = read_rows(res["OUTPUT_SUMMARY"], [
        "total_demand", "unserved", "mean_cost", "nearest_mean_cost", "overloaded_nearest"])[0]
    demo.summary.append(
        "Kitas, capacity-aware allocation of {:.0f} children 3-5: {:.0f} without a place, mean walk {:.0f} m "
        "(nearest Kita regardless of places: {:.0f} m); {} Kitas would be overloaded under nearest "
        "assignment".format(total, unserved, mean_cost or 0, nearest_cost or 0, overloaded))
    demo.summary.append(utilisation_summary(res["OUTPUT_FACILITIES"], "Kitas (capacity-aware)"))


def step_kita_supply(demo):
    params = dict(NETWORK_WALK, NETWORK=src(demo, "strassen"), FACILITIES=kitas(demo), FACILITY_ID="einr_id",
                  DEMAND=src(demo, "adressen"), DEMAND_ID="adr_id", DEMAND_WEIGHT="ew_3_5", SUPPLY="kapazitaet",
                  METHOD=1, STEPS="500:1;1000:0.68;1500:0.22", NORMALIZE=True, DISTRICTS=src(demo, "ortsteile"),
                  OUTPUT_DEMAND=demo.layer("kita_versorgung_adressen"),
                  OUTPUT_FACILITIES=demo.layer("kita_versorgung_einrichtungen"),
                  OUTPUT_DISTRICTS=demo.layer("kita_versorgung_ortsteile"))
    res = demo.run("supplydemand", params, "Kita places per child (E2SFCA, Versorgungsgrad) per Ortsteil")
    rows = [r for r in read_rows(res["OUTPUT_DISTRICTS"], ["access", "ot_name"]) if r[0] is not None]
    low = sorted(rows)[:3]
    demo.summary.append("Kita supply (E2SFCA, 1 = city average), lowest Ortsteile: {}".format(
        ", ".join("{} {:.2f}".format(n, a) for a, n in low) or "none"))


def highlight_style(gpkg_path, layer_name):
    """Store a red star as the default style of *layer_name* inside its GeoPackage (table layer_styles).

    exportmap draws a layer from a file with the style stored with its data source, so the chosen
    sites stand out on the council map.
    """
    from osgeo import ogr

    with open(os.path.join(ROOT, "resources", "styles", "points.qml"), encoding="utf-8") as fh:
        qml = fh.read()
    for key, old, new in (("color", "64,64,64,255", "227,26,28,255"), ("name", "circle", "star"),
                          ("size", "2.4", "6")):
        qml = qml.replace('value="{}" type="QString" name="{}"'.format(old, key),
                          'value="{}" type="QString" name="{}"'.format(new, key))
        qml = qml.replace('<prop v="{}" k="{}"/>'.format(old, key), '<prop v="{}" k="{}"/>'.format(new, key))
    ds = ogr.Open(gpkg_path, 1)
    if ds.GetLayerByName("layer_styles") is None:
        ds.ExecuteSQL("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), "
                      "f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), "
                      "styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, "
                      "owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT CURRENT_TIMESTAMP)")
    geom = ds.GetLayerByName(layer_name).GetGeometryColumn() or "geom"
    ds.ExecuteSQL("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                  "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) VALUES "
                  "('', '', '{}', '{}', 'neue Standorte', '{}', '', 1, '', '', '')".format(
                      layer_name, geom, qml.replace("'", "''")))
    ds = None


def step_new_kitas(demo):
    """Where should 3 new Kitas go? p-median on foot, children 3-5 per address, 70 Kitas stay open."""
    from osgeo import ogr

    sites_path = demo.layer("kita_standorte")
    params = dict(NETWORK_WALK, NETWORK=src(demo, "strassen"), DEMAND=src(demo, "adressen"), DEMAND_ID="adr_id",
                  DEMAND_WEIGHT="ew_3_5", FACILITIES=kitas(demo), FACILITY_ID="einr_id",
                  FACILITY_CAPACITY="kapazitaet", CANDIDATES=src(demo, "kita_kandidaten"), CANDIDATE_ID="kand_id",
                  CANDIDATE_CAPACITY="kapazitaet", P=3, MODEL=0, OUTPUT_SITES=sites_path,
                  OUTPUT_DEMAND=demo.layer("kita_standorte_zuordnung"),
                  OUTPUT_SUMMARY=demo.layer("kita_standorte_summe"))
    res = demo.run("locationplanning", params, "where should 3 new Kitas go? (p-median on foot, children 3-5)")
    selected, mean_before, mean_after, status, gap = read_rows(res["OUTPUT_SUMMARY"], [
        "selected_ids", "mean_cost_before", "mean_cost_after", "status", "gap"])[0]
    ds = ogr.Open(demo.gpkg)
    names = {f.GetField("kand_id"): f.GetField("name") for f in ds.GetLayerByName("kita_kandidaten")}
    ds = None
    rows = read_rows(res["OUTPUT_DEMAND"], ["assigned", "cost_before", "cost_after"])
    near_before = sum(a for a, cb, ca in rows if cb is not None and cb <= 500)
    near_after = sum(a for a, cb, ca in rows if ca is not None and ca <= 500)
    chosen = [k.strip() for k in (selected or "").split(",") if k.strip()]
    demo.summary.append(
        "Where should 3 new Kitas go? (p-median, walking, children 3-5): {}; mean walk {:.0f} m -> {:.0f} m "
        "({:+.0f} m), children 3-5 within 500 m {:.0f} -> {:.0f} ({:+.0f}); {} (gap {:.2g})".format(
            ", ".join("{} {}".format(k, names.get(k, "")) for k in chosen), mean_before or 0, mean_after or 0,
            (mean_after or 0) - (mean_before or 0), near_before, near_after, near_after - near_before,
            "proven optimum" if status == "optimal" else "NOT proven optimal", gap or 0.0))
    # before/after catchments and a council map with the chosen sites highlighted
    if demo.pg_service:
        sites = sites_path  # the map draws the sites with QGIS's default symbol (no star style in the database)
    else:
        ds = ogr.Open(sites_path)
        sites_layer = ds.GetLayer(0).GetName()
        ds = None
        highlight_style(sites_path, sites_layer)
        sites = "{}|layername={}".format(sites_path, sites_layer)
    new_sites = filtered(sites, '"selected" AND NOT "existing"')  # booleans: integers in GeoPackage, boolean in PostGIS
    after_sites = filtered(sites, '"selected"')
    for label, facilities, fid, name in (("before", kitas(demo), "einr_id", "kita_einzugsbereiche_vorher"),
                                         ("after", after_sites, "site_id", "kita_einzugsbereiche_nachher")):
        demo.run("catchments", dict(NETWORK_WALK, NETWORK=src(demo, "strassen"), FACILITIES=facilities,
                                    FACILITY_ID=fid, DEMAND=src(demo, "adressen"), DEMAND_WEIGHT="ew_3_5",
                                    OUTPUT_DEMAND=demo.layer(name + "_adressen"),
                                    OUTPUT_FACILITIES=demo.layer(name + "_kitas"), OUTPUT_AREAS=demo.layer(name)),
                 "Kita catchments {} the 3 new Kitas".format(label))
    for when, areas, title in (("vorher", "kita_einzugsbereiche_vorher", "heute"),
                               ("nachher", "kita_einzugsbereiche_nachher", "mit 3 neuen Kitas")):
        out = os.path.join(demo.out, "Musterstadt_neue_Kitas_{}.pdf".format(when))
        demo.run("exportmap", {
            "LAYERS": [new_sites, kitas(demo), demo.layer(areas)],  # top first
            "TITLE": "Standortplanung: drei neue Kitas",
            "SUBTITLE": "Musterstadt – Einzugsbereiche der Kitas zu Fuß ({}); rote Sterne: gewählte Standorte "
                        "({})".format(title, ", ".join(chosen)),
            "SOURCE": "Statistisches Amt Musterstadt (synthetische Beispieldaten); Berechnung: Bildungslandschaft "
                      "(p-Median, exakt)",
            "PAGE": 0, "OUTPUT": out}, "council map new Kitas ({})".format(when))
        demo.note(out)


def utilisation_summary(path, label, field="utilization"):
    values = [v for (v,) in read_rows(path, [field]) if v is not None]
    if not values:
        return "{}: no utilisation computed".format(label)
    over = sum(1 for v in values if v > 1.0)
    return "{}: {} facilities, utilisation {:.0%}–{:.0%}, {} over capacity".format(
        label, len(values), min(values), max(values), over)


def step_school_accessibility(demo):
    params = dict(NETWORK_WALK, NETWORK=src(demo, "strassen"), FACILITIES=primary_schools(demo),
                  FACILITY_ID="einr_id", DEMAND=src(demo, "adressen"), DEMAND_WEIGHT="ew_6_9",
                  THRESHOLDS="500,1000,1500", DISTRICTS=demo.districts, DISTRICT_ID="ot_key",
                  OUTPUT_DEMAND=demo.layer("grundschule_erreichbarkeit_adressen"),
                  OUTPUT_DISTRICTS=demo.layer("grundschule_erreichbarkeit_ortsteile"))
    res = demo.run("accessibility", params, "accessibility of primary schools per Ortsteil (children 6-9)")
    # access deficit for the priority matrix: share of children 6-9 beyond 1000 m
    out = demo.layer("ortsteile_bedarf")
    calc = qgisproc.run("native:fieldcalculator", {
        "INPUT": res["OUTPUT_DISTRICTS"], "FIELD_NAME": "beyond_1000", "FIELD_TYPE": 0, "FIELD_LENGTH": 10,
        "FIELD_PRECISION": 2, "FORMULA": "100 - \"share_1000\"", "OUTPUT": out}, env=demo.env)
    demo.districts = calc["results"]["OUTPUT"]
    demo.summary.append(beyond_summary(demo.districts))


def beyond_summary(path):
    total = beyond = 0.0
    for d, b in read_rows(path, ["demand", "beyond_1000"]):
        d = d or 0.0
        if b is not None:
            total += d
            beyond += d * b / 100.0
    share = beyond / total if total else 0.0
    return "Children 6-9 beyond 1000 m of a primary school: {:.1%} ({:.0f} of {:.0f})".format(share, beyond, total)


def step_priority_areas(demo):
    res = demo.run("priorityareas", {
        "INPUT": demo.districts, "INDEX_CLASS": "index_class", "DEFICIT": "beyond_1000",
        "DEFICIT_CLASSES": 0, "OUTPUT": demo.layer("handlungsbedarf")}, "priority areas (Handlungsbedarf)")
    demo.districts = res["OUTPUT"]
    demo.summary.append(priority_summary(demo.districts))


def priority_summary(path):
    rows = read_rows(path, ["priority", "ot_name", "ot_key"])
    top = sorted((r for r in rows if r[0] == 1), key=lambda r: r[2])
    return "Top priority (Schwerpunkträume): {}".format(
        ", ".join("{} ({})".format(n, k) for _, n, k in top) or "none")


def step_budget(demo):
    # Ortsteile without an index class (too few residents, suppressed indicator) get no need supplement
    # decision here: they are left out of the formula and reported by the social index's `excluded` field.
    with_class = filtered(demo.districts, '"index_class" IS NOT NULL')
    res = demo.run("budgetallocation", {
        "INPUT": with_class, "BUDGET": 2500000, "TARGET_POPULATION": "Kinder_u15", "NEED": "index_class",
        "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "MIN_AMOUNT": 10000,
        "OUTPUT": demo.layer("mittelverteilung"), "REPORT": demo.layer("mittelverteilung_bericht")},
        "need-based budget for youth work (2.5 million euros)")
    demo.budget = res["OUTPUT"]


def step_kita_foerderformel(demo):
    """Förderformel: need per Kita from the children placed there (capacity-aware allocation), then the money."""
    need = demo.run("facilityneed", {
        "FACILITIES": kitas(demo), "FACILITY_ID": "einr_id",
        "DEMAND": demo.results["capacityallocation"]["OUTPUT_DEMAND"], "DEMAND_WEIGHT": "assigned",
        "ASSIGNMENT_FIELD": "facility_id", "DISTRICTS": demo.results["socialindex"]["OUTPUT"],
        "INDEX_FIELD": "index", "INDEX_CLASS_FIELD": "index_class", "INDICATORS": ["Kinderarmut"],
        "CLASSIFICATION": 0, "OUTPUT": demo.layer("kita_sozialindex")},
        "need per Kita from the social index of the children it serves")
    n_kitas = len(read_rows(need["OUTPUT"], ["facility_class"]))
    with_class = filtered(need["OUTPUT"], '"facility_class" IS NOT NULL')
    res = demo.run("budgetallocation", {
        "INPUT": with_class, "BUDGET": 1200000, "TARGET_POPULATION": "served", "NEED": "facility_class",
        "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "MIN_AMOUNT": 2000,
        "OUTPUT": demo.layer("kita_foerderformel"), "REPORT": demo.layer("kita_foerderformel_bericht")},
        "Förderformel: 1.2 million euros supplement for the {} Kitas by the social index of the children they "
        "serve".format(n_kitas))
    demo.summary.append(foerderformel_summary(need, res["OUTPUT"]))


def foerderformel_summary(need, budget_path):
    classes = [c for (c,) in read_rows(need["OUTPUT"], ["facility_class"])]
    amounts = [a for (a,) in read_rows(budget_path, ["amount"])]
    per_class = ", ".join("class {}: {}".format(k, sum(1 for c in classes if c == k)) for k in (1, 2, 3, 4))
    no_class = sum(1 for c in classes if c is None)

    def euros(n):
        return "{:,}".format(int(n)).replace(",", ".")

    return ("Förderformel (1.2 million euros for {} Kitas by the social index of the children they serve): "
            "{}{}; amounts {}–{} euros (total {}); unassigned children {:.0f}".format(
                len(classes), per_class, ", no class: {}".format(no_class) if no_class else "",
                euros(min(amounts)), euros(max(amounts)), euros(sum(amounts)), need.get("UNASSIGNED") or 0))


def step_council_map(demo):
    out = os.path.join(demo.out, "Musterstadt_Handlungsbedarf.pdf")
    demo.run("exportmap", {
        "LAYERS": [primary_schools(demo), demo.districts],  # top first
        "TITLE": "Handlungsbedarf: soziale Lage und Erreichbarkeit der Grundschulen",
        "SUBTITLE": "Musterstadt, Ortsteile – Sozialindex 2025 × Anteil Kinder (6–9) über 1000 m Fußweg",
        "SOURCE": "Statistisches Amt Musterstadt (synthetische Beispieldaten); Berechnung: Bildungslandschaft",
        "PAGE": 0, "OUTPUT": out}, "council map Handlungsbedarf (PDF)")
    demo.note(out)


def write_timeseries(demo):
    """The statistics office's table for all years as a clean long CSV (UTF-8), read with the plugin's parser."""
    import pandas as pd

    sys.path.insert(0, ROOT)
    from bildungslandschaft_plugin.core import socialtable

    raw = socialtable.read_table(demo.social_csv)
    probe = socialtable.parse_table(raw, "Ortsteil", year_field="Jahr", year=2025)
    frames = []
    for year in probe.years:
        parsed = socialtable.parse_table(raw, "Ortsteil", year_field="Jahr", year=year)
        frame = parsed.frame[["key"] + parsed.columns].copy()
        frame.insert(1, "Jahr", int(year))
        frames.append(frame)
    table = pd.concat(frames).rename(columns={"key": "Ortsteil"})
    out = os.path.join(demo.out, "sozialdaten_zeitreihe.csv")
    table.to_csv(out, index=False, encoding="utf-8")
    with open(out[:-4] + ".csvt", "w") as fh:  # column types for OGR: keep keys as text
        fh.write(",".join(["String", "Integer"] + ["Real" if t != "text" else "String"
                                                   for t in (parsed.types[c] for c in parsed.columns)]))
    return demo.note(out)


def step_profiles(demo):
    timeseries = write_timeseries(demo)
    out = os.path.join(demo.out, "Musterstadt_Ortsteilprofile.pdf")
    demo.run("districtprofiles", {
        "DISTRICTS": demo.districts, "NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key",
        "INDICATORS": "Einwohner,Einwohner,Kinder_u15,Kinder unter 15 Jahren,SGB2_Quote,SGB-II-Quote (%),"
                      "Kinderarmut,Kinderarmut (%),Arbeitslosigkeit,Arbeitslosigkeit (%),"
                      "beyond_1000,Kinder 6–9 über 1000 m (%),index,Sozialindex",
        "TIMESERIES": timeseries, "FACILITIES": src(demo, "einrichtungen"),
        # Stadtbezirk in the header; the age cohorts counted by aggregatepoints (step_children_per_district)
        "PARENT_FIELD": "sb_name", "AGE_FIELDS": ["ew_0_2", "ew_3_5", "ew_6_9", "ew_10_15"], "OUTPUT": out},
        "district profiles (one page per Ortsteil, PDF)")
    demo.note(out)


def step_cooperation(demo):
    res = demo.run("cooperationnetwork", {
        "FACILITIES": src(demo, "einrichtungen"), "FACILITY_ID": "einr_id", "PARTNERSHIPS": demo.partnerships_csv,
        "FROM_FIELD": "von_id", "TO_FIELD": "zu_id", "KIND_FIELD": "art", "DISTRICTS": src(demo, "ortsteile"),
        "DISTRICT_ID": "ot_key",
        "OUTPUT_LINKS": demo.layer("kooperationen"), "OUTPUT_FACILITIES": demo.layer("kooperation_einrichtungen"),
        "OUTPUT_DISTRICTS": demo.layer("kooperation_ortsteile"), "OUTPUT_PROBLEMS": demo.layer("kooperation_probleme")},
        "cooperation network (Bildungskompass)")
    demo.links = res["OUTPUT_LINKS"]


def step_offer_search(demo):
    """Bildungsberatung: which offers for young children can a family in the centre reach on foot in 20 min?"""
    from osgeo import ogr

    ds = ogr.Open(demo.gpkg)
    extent = ds.GetLayerByName("ortsteile").GetExtent()  # (minx, maxx, miny, maxy)
    ds = None
    origin = "{:.0f},{:.0f} [EPSG:25833]".format((extent[0] + extent[1]) / 2, (extent[2] + extent[3]) / 2)
    res = demo.run("offersearch", {
        "ORIGIN": origin, "FACILITIES": src(demo, "einrichtungen"), "FACILITY_ID": "einr_id",
        "NETWORK": src(demo, "strassen"), "TARGET_GROUP": 0, "MODE": 0, "COST_TYPE": 1, "MAX_COST": 20,
        "OUTPUT": demo.layer("beratung_angebote")}, "offer search for counselling (early childhood, 20 min walk)")
    rows = read_rows(res["OUTPUT"], ["name", "cost"])
    if rows:
        name, cost = min(rows, key=lambda r: r[1])
        demo.summary.append("Counselling at the city centre: {} offers for early childhood within 20 min on foot, "
                            "nearest {} ({:.1f} min)".format(len(rows), name, cost))
    else:
        demo.summary.append("Counselling at the city centre: no offer for early childhood within 20 min on foot")


def step_gymnasium_by_bus_and_on_foot(demo):
    """Gymnasium by bus and on foot: share of children 10-18 per Ortsteil within 20 min (p50, 07:00-08:00)."""
    sys.path.insert(0, ROOT)
    from bildungslandschaft_plugin.sample.gtfs import GTFS_NAME, SAMPLE_DATE

    feed = os.path.join(os.path.dirname(demo.gpkg), GTFS_NAME)
    kids = qgisproc.run("native:fieldcalculator", {
        "INPUT": src(demo, "adressen"), "FIELD_NAME": "kinder_10_18", "FIELD_TYPE": 1, "FIELD_LENGTH": 10,
        "FIELD_PRECISION": 0, "FORMULA": '"ew_10_15" + "ew_16_18"', "OUTPUT": demo.layer("adressen_10_18")},
        env=demo.env)["results"]["OUTPUT"]
    gymnasien = filtered(demo.src("einrichtungen"), "\"typ\" = 'Gymnasium'")
    common = dict(NETWORK=src(demo, "strassen"), FACILITIES=gymnasien, FACILITY_ID="einr_id", DEMAND=kids,
                  DEMAND_WEIGHT="kinder_10_18", THRESHOLDS="20", DISTRICTS=src(demo, "ortsteile"),
                  DISTRICT_ID="ot_key", COST_TYPE=1, SNAP_TOLERANCE=250)
    walk = demo.run("accessibility", dict(common, MODE=0, OUTPUT_DEMAND=demo.layer("gymnasium_fuss_adressen"),
                                          OUTPUT_DISTRICTS=demo.layer("gymnasium_fuss_ortsteile")),
                    "Gymnasium on foot: children 10-18 within 20 min per Ortsteil")
    pt = demo.run("accessibility", dict(common, MODE=3, GTFS=feed, GTFS_DATE=SAMPLE_DATE, DEPARTURE_START="07:00",
                                        DEPARTURE_END="08:00", PERCENTILE=50, MAX_WALK=15, MAX_TRANSFER_WALK=5,
                                        OUTPUT_DEMAND=demo.layer("gymnasium_oepnv_adressen"),
                                        OUTPUT_DISTRICTS=demo.layer("gymnasium_oepnv_ortsteile")),
                  "Gymnasium by bus and on foot (GTFS, median of 07:00-08:00): children 10-18 within 20 min")
    out = pt["OUTPUT_DISTRICTS"]
    _graduated_style_in_gpkg(out, "share_20")
    pdf = os.path.join(demo.out, "Musterstadt_Gymnasium_Bus_und_Fuss.pdf")
    demo.run("exportmap", {
        "LAYERS": [gymnasien, out], "TITLE": "Gymnasium mit Bus, Bahn und zu Fuß",
        "SUBTITLE": "Anteil der 10- bis 18-Jährigen je Ortsteil mit einem Gymnasium in höchstens 20 Minuten "
                    "(zu Fuß + ÖPNV, Median der Abfahrten 07:00–08:00)",
        "SOURCE": "Musterstadt (synthetische Beispieldaten, Fahrplan GTFS); Berechnung: Bildungslandschaft",
        "PAGE": 0, "OUTPUT": pdf}, "map Gymnasium by bus and on foot (PDF)")
    demo.note(pdf)
    foot = {k: v for k, v in read_rows(walk["OUTPUT_DISTRICTS"], ["ot_key", "share_20"])}
    rows = [(name, d, share, foot.get(key), None if share is None or foot.get(key) is None else share - foot[key])
            for key, name, d, share in read_rows(out, ["ot_key", "ot_name", "demand", "share_20"])]
    total = sum(r[1] or 0 for r in rows)
    by_pt = sum((r[1] or 0) * (r[2] or 0) / 100.0 for r in rows)
    by_foot = sum((r[1] or 0) * (r[3] or 0) / 100.0 for r in rows)
    top = sorted((r for r in rows if r[4] is not None), key=lambda r: -r[4])[:3]
    demo.summary.append(
        "Gymnasium within 20 min (children 10-18): on foot {:.1%}, by bus/tram and on foot {:.1%} (median of "
        "07:00-08:00); largest gains: {}".format(
            by_foot / total if total else 0.0, by_pt / total if total else 0.0,
            ", ".join("{} +{:.0f} pp".format(r[0], r[4]) for r in top) or "none"))


def _graduated_style_in_gpkg(path, field):
    """Store a graduated style on *field* as the default style inside the GeoPackage (for exportmap)."""
    import subprocess

    code = (
        "import os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from qgis.core import QgsApplication, QgsVectorLayer\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "sys.path.insert(0, {root!r})\n"
        "from bildungslandschaft_plugin.rendering.styles import graduated_renderer, store_style\n"
        "lyr = QgsVectorLayer({path!r}, 'x', 'ogr')\n"
        "lyr.setRenderer(graduated_renderer(lyr, {field!r}, n_classes=5, method='equal'))\n"
        "error = store_style(lyr, 'default', 'share within 20 min')\n"
        "app.exitQgis()\n"
        "sys.exit(1 if error else 0)\n").format(root=ROOT, path=path, field=field)
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        print("   the map style could not be stored in {0}: {1}".format(path, proc.stderr[-500:]), flush=True)


def step_web_map(demo):
    out = os.path.join(demo.out, "Bildungskompass_Musterstadt.html")
    demo.run("exportwebmap", {
        "FACILITIES": src(demo, "einrichtungen"), "FACILITY_ID": "einr_id", "DISTRICTS": src(demo, "ortsteile"),
        "DISTRICT_NAME_FIELD": "ot_name", "LINKS": demo.links, "TITLE": "Bildungskompass Musterstadt",
        "OUTPUT": out}, "Bildungskompass web map")
    demo.note(out)


STEPS = [
    step_sample_city,
    step_children_per_district,
    step_join_social_table,
    step_social_index,
    step_school_catchments,
    step_kita_allocation,
    step_kita_supply,
    step_new_kitas,
    step_school_accessibility,
    step_priority_areas,
    step_budget,
    step_kita_foerderformel,
    step_council_map,
    step_profiles,
    step_cooperation,
    step_offer_search,
    step_gymnasium_by_bus_and_on_foot,
    step_web_map,
]


if __name__ == "__main__":
    sys.exit(main())
