"""Algorithms with PostGIS inputs and PostGIS outputs give the GeoPackage run's rows (complements the demo).

``tests/test_demo.py`` runs the whole demo workflow with ``--postgis`` and compares every result table with the
GeoPackage run; ``tests/test_postgis.py`` covers catchments and the NULL handling of locationplanning. This module
runs, on the small sample city (scale 0.1), what the demo does not: ``serviceareas``, ``arealinterpolation``,
``typology``, ``joinsocialdata`` with its statistics TABLE from the database, ``cooperationnetwork`` with its
partnership table from the database, and ``supplydemand``, ``capacityallocation``, ``locationplanning`` with an
OD table from the database. Each case runs once with GeoPackage inputs and outputs and once with the same data in
PostGIS (inputs and outputs), and every output table is compared row by row.
"""

import os

import numpy as np
import processing
import pytest
from osgeo import gdal, ogr

from bildungslandschaft_plugin.processing import ids
from tests.postgis_util import assert_same_rows, pc

SERVICE = "service='{0}'".format(pc.SERVICE)
IN_SCHEMA = "Eingabe Ämter"  # a blank, an umlaut, mixed case
OUT_SCHEMA = "alg_ergebnisse"


@pytest.fixture(scope="module")
def data(postgis, tmp_path_factory):
    """The sample city plus three tables (the statistics office's 2025 table, the partnerships, an OD table
    addresses -> Kitas and Kita candidates), as one GeoPackage and copied into PostGIS."""
    import make_sample_city  # scripts/
    import pandas as pd

    from bildungslandschaft_plugin.core import socialtable

    folder = str(tmp_path_factory.mktemp("pgalgs"))
    make_sample_city.main(["--scale", "0.1", "--out", folder])
    gpkg = os.path.join(folder, "musterstadt.gpkg")
    gdal.UseExceptions()
    # the statistics table of 2025 (clean: a database table has typed columns)
    raw = socialtable.read_table(os.path.join(folder, "sozialdaten_musterstadt.csv"))
    parsed = socialtable.parse_table(raw, "Ortsteil", year_field="Jahr", year=2025)
    frame = parsed.frame[["key"] + parsed.columns].rename(columns={"key": "Ortsteil"})
    csv = os.path.join(folder, "sozial.csv")
    frame.to_csv(csv, index=False)
    with open(csv[:-4] + ".csvt", "w") as fh:
        fh.write(",".join(["String"] + ["String" if parsed.types[c] == "text" else
                                        ("Integer" if parsed.types[c] == "int" else "Real")
                                        for c in parsed.columns]))
    gdal.VectorTranslate(gpkg, csv, accessMode="update", layerName="sozialdaten_2025")
    gdal.VectorTranslate(gpkg, os.path.join(folder, "kooperationen.csv"), accessMode="update",
                         layerName="kooperationen", options=["-oo", "SEPARATOR=SEMICOLON"])
    # OD table: straight-line metres (rounded to 0.1 m) from every address to every Kita and Kita candidate
    ds = ogr.Open(gpkg)
    adr = [(f.GetField("adr_id"), f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY())
           for f in ds.GetLayerByName("adressen")]
    dest = [(f.GetField("einr_id"), f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY())
            for f in ds.GetLayerByName("einrichtungen") if f.GetField("typ") == "Kita"]
    dest += [(f.GetField("kand_id"), f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY())
             for f in ds.GetLayerByName("kita_kandidaten")]
    ds = None
    a = np.array([(x, y) for _, x, y in adr])
    d = np.array([(x, y) for _, x, y in dest])
    cost = np.round(np.hypot(a[:, None, 0] - d[None, :, 0], a[:, None, 1] - d[None, :, 1]), 1)
    od = pd.DataFrame({"von": np.repeat([k for k, _, _ in adr], len(dest)),
                       "nach": np.tile([k for k, _, _ in dest], len(adr)), "meter": cost.ravel()})
    od.to_csv(os.path.join(folder, "od.csv"), index=False)
    with open(os.path.join(folder, "od.csvt"), "w") as fh:
        fh.write("String,String,Real")
    gdal.VectorTranslate(gpkg, os.path.join(folder, "od.csv"), accessMode="update", layerName="od")
    pc.psql('DROP SCHEMA IF EXISTS "{0}" CASCADE; DROP SCHEMA IF EXISTS {1} CASCADE; CREATE SCHEMA {1}'.format(
        IN_SCHEMA, OUT_SCHEMA))
    pc.load_gpkg(gpkg, IN_SCHEMA)
    return {"gpkg": gpkg, "n_od": len(od), "folder": folder}


def gsrc(data, layer, sql=None):
    text = "{0}|layername={1}".format(data["gpkg"], layer)
    return text + ("|subset={0}".format(sql) if sql else "")


def psrc(layer, sql=None, geometry=True):
    text = 'postgres://{0} table="{1}"."{2}"{3}'.format(SERVICE, IN_SCHEMA, layer, " (geom)" if geometry else "")
    return text + (" sql={0}".format(sql) if sql else "")


def pdest(name):
    return 'postgres://{0} table="{1}"."{2}" (geom)'.format(SERVICE, OUT_SCHEMA, name)


def run_both(alg, data, tmp_path, inputs, outputs, common, label):
    """Run *alg* with GeoPackage and with PostGIS inputs/outputs; compare every output; the two results.

    *inputs*: {parameter: (layer, sql, geometry)}; a parameter whose value is another run's output is given in
    *common* as a pair (GeoPackage value, PostGIS value).
    """
    g_params, p_params = {}, {}
    for name, value in common.items():
        if isinstance(value, tuple):
            g_params[name], p_params[name] = value
        else:
            g_params[name] = p_params[name] = value
    for name, (layer, sql, geometry) in inputs.items():
        g_params[name] = gsrc(data, layer, sql)
        p_params[name] = psrc(layer, sql, geometry)
    for out in outputs:
        g_params[out] = str(tmp_path / "{0}_{1}.gpkg".format(label, out.lower()))
        p_params[out] = pdest("{0}_{1}".format(label, out.lower()))
    ref = processing.run(ids.full_id(alg), g_params)
    res = processing.run(ids.full_id(alg), p_params)
    pg = ogr.Open("PG:service={0}".format(pc.SERVICE))
    counts = {}
    for out in outputs:
        assert str(res[out]).startswith("postgres://"), (out, res[out])
        g_ds = ogr.Open(str(ref[out]).split("|")[0])
        p_layer = pg.GetLayerByName("{0}.{1}_{2}".format(OUT_SCHEMA, label, out.lower()))
        assert p_layer is not None, out
        counts[out] = assert_same_rows(g_ds.GetLayer(0), p_layer, "{0} {1}".format(alg, out))
        g_ds = None
    pg = None
    return ref, res, counts


def test_serviceareas(data, tmp_path):
    inputs = {"NETWORK": ("strassen", None, True), "FACILITIES": ("einrichtungen", "\"typ\" = 'Kita'", True)}
    _r, _p, counts = run_both(ids.SERVICE_AREAS, data, tmp_path, inputs, ["OUTPUT"],
                              {"FACILITY_ID": "einr_id", "THRESHOLDS": "300,600", "MODE": 0, "COST_TYPE": 0},
                              "sa")
    n_kitas = int(pc.psql("SELECT count(*) FROM \"{0}\".einrichtungen WHERE typ = 'Kita'".format(IN_SCHEMA)))
    assert counts["OUTPUT"] == 2 * n_kitas > 0


def test_arealinterpolation_weighted_by_addresses(data, tmp_path):
    inputs = {"SOURCE": ("ortsteile", None, True), "TARGET": ("stadtbezirke", None, True),
              "WEIGHT_LAYER": ("adressen", None, True)}
    ref, _p, counts = run_both(ids.AREAL_INTERPOLATION, data, tmp_path, inputs, ["OUTPUT"],
                               {"EXTENSIVE": ["einwohner"], "WEIGHT_MODE": 1, "WEIGHT_FIELD": "ew_gesamt"}, "ai")
    assert counts["OUTPUT"] == 4
    # counts are moved, not created: the districts' residents add up to the Ortsteile's
    total = float(pc.psql('SELECT sum(einwohner) FROM "{0}".ortsteile'.format(IN_SCHEMA)))
    moved = float(pc.psql("SELECT sum(einwohner) FROM {0}.ai_output".format(OUT_SCHEMA)))
    assert abs(moved - total) < 1e-6 * total


def test_joinsocialdata_table_from_database_then_typology(data, tmp_path):
    inputs = {"DISTRICTS": ("ortsteile", None, True), "TABLE": ("sozialdaten_2025", None, False)}
    ref, res, counts = run_both(ids.JOIN_SOCIAL_DATA, data, tmp_path, inputs, ["OUTPUT"],
                                {"DISTRICT_KEY": "ot_key", "TABLE_KEY": "Ortsteil"}, "js")
    assert counts["OUTPUT"] == 19 and ref["MATCHED"] == res["MATCHED"] == 19
    # a value from the database table arrives on its Ortsteil
    want = pc.psql('SELECT "Kinderarmut" FROM "{0}".sozialdaten_2025 WHERE "Ortsteil" = \'05\''.format(IN_SCHEMA))
    got = pc.psql("SELECT \"Kinderarmut\" FROM {0}.js_output WHERE ot_key = '05'".format(OUT_SCHEMA))
    assert float(want) == float(got)
    # the joined table, from the database, as the input of the typology
    _r, _p, counts = run_both(ids.TYPOLOGY, data, tmp_path, {}, ["OUTPUT", "PROFILES"], {
        "INPUT": (ref["OUTPUT"], res["OUTPUT"]), "INDICATORS": ["SGB2_Quote", "Kinderarmut", "Arbeitslosigkeit"],
        "POPULATION": "Einwohner", "MIN_POPULATION": 0, "K": 3}, "ty")
    assert counts["OUTPUT"] == 19 and counts["PROFILES"] == 3


def test_cooperationnetwork_partnerships_from_database(data, tmp_path):
    inputs = {"FACILITIES": ("einrichtungen", None, True), "PARTNERSHIPS": ("kooperationen", None, False),
              "DISTRICTS": ("ortsteile", None, True)}
    _r, _p, counts = run_both(ids.COOPERATION_NETWORK, data, tmp_path, inputs,
                              ["OUTPUT_LINKS", "OUTPUT_FACILITIES", "OUTPUT_DISTRICTS", "OUTPUT_PROBLEMS"],
                              {"FACILITY_ID": "einr_id", "FROM_FIELD": "von_id", "TO_FIELD": "zu_id",
                               "KIND_FIELD": "art", "DISTRICT_ID": "ot_key"}, "ko")
    n = int(pc.psql('SELECT count(*) FROM "{0}".kooperationen'.format(IN_SCHEMA)))
    assert counts["OUTPUT_LINKS"] + counts["OUTPUT_PROBLEMS"] >= n > 0 and counts["OUTPUT_LINKS"] > 0
    assert counts["OUTPUT_FACILITIES"] == 15


OD = {"OD_TABLE": ("od", None, False)}
OD_KITAS = {"OD_TABLE": ("od", "\"nach\" NOT LIKE 'KK%'", False)}  # without the candidates (filtered table)
OD_FIELDS = {"OD_ORIGIN_FIELD": "von", "OD_DESTINATION_FIELD": "nach", "OD_COST_FIELD": "meter",
             "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "ew_3_5"}
KITAS = ("einrichtungen", "\"typ\" = 'Kita'", True)


def test_supplydemand_with_od_table_from_database(data, tmp_path):
    inputs = dict(OD_KITAS, DEMAND=("adressen", None, True), FACILITIES=KITAS)
    _r, _p, counts = run_both(ids.SUPPLY_DEMAND, data, tmp_path, inputs, ["OUTPUT_DEMAND", "OUTPUT_FACILITIES"],
                              dict(OD_FIELDS, FACILITY_ID="einr_id", SUPPLY="kapazitaet", METHOD=0,
                                   MAX_COST=800), "sd")
    assert counts["OUTPUT_DEMAND"] == 1203
    # the OD table was really used: exactly the addresses with a Kita (all have places) within 800 m in the
    # table have access > 0
    within = int(pc.psql('SELECT count(DISTINCT von) FROM "{0}".od WHERE meter <= 800 AND nach LIKE \'KI%\''
                         .format(IN_SCHEMA)))
    served = int(pc.psql("SELECT count(*) FROM {0}.sd_output_demand WHERE access > 0".format(OUT_SCHEMA)))
    assert 0 < served == within < 1203


def test_capacityallocation_with_od_table_from_database(data, tmp_path):
    inputs = dict(OD_KITAS, DEMAND=("adressen", None, True), FACILITIES=KITAS)
    ref, res, counts = run_both(ids.CAPACITY_ALLOCATION, data, tmp_path, inputs,
                                ["OUTPUT_DEMAND", "OUTPUT_FACILITIES", "OUTPUT_SUMMARY"],
                                dict(OD_FIELDS, FACILITY_ID="einr_id", CAPACITY="kapazitaet"), "ca")
    assert counts["OUTPUT_DEMAND"] == 1203 and counts["OUTPUT_SUMMARY"] == 1
    # the children placed never exceed the places, and every child counts once
    total = float(pc.psql('SELECT sum(ew_3_5) FROM "{0}".adressen'.format(IN_SCHEMA)))
    placed, unserved = (float(v) for v in pc.psql("SELECT total_demand, unserved FROM {0}.ca_output_summary"
                                                  .format(OUT_SCHEMA)).strip().split("|"))
    assert placed == total


def test_locationplanning_with_od_table_from_database(data, tmp_path):
    inputs = dict(OD, DEMAND=("adressen", None, True), FACILITIES=KITAS,
                  CANDIDATES=("kita_kandidaten", None, True))
    _r, _p, counts = run_both(ids.LOCATION_PLANNING, data, tmp_path, inputs,
                              ["OUTPUT_SITES", "OUTPUT_DEMAND", "OUTPUT_SUMMARY"],
                              dict(OD_FIELDS, FACILITY_ID="einr_id", CANDIDATE_ID="kand_id", P=1, MODEL=0), "lp")
    assert counts["OUTPUT_DEMAND"] == 1203
    chosen = pc.psql("SELECT count(*) FROM {0}.lp_output_sites WHERE selected AND NOT existing".format(OUT_SCHEMA))
    assert int(chosen) == 1
