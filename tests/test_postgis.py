"""PostGIS as input and output, against a real throw-away server (scripts/postgis_cluster.py).

The cluster is started once per session (Unix socket only, data under build/postgis) and stopped at the end. Every
connection goes through ``service=`` entries of its pg_service.conf, as a city administration would configure it.
"""

import os

import processing
import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from bildungslandschaft_plugin.processing import ids
from tests.util import LogFeedback
from tests.postgis_util import pc

CATCH = ids.full_id(ids.CATCHMENTS)
SERVICE = "service='{0}'".format(pc.SERVICE)


def pg(table, schema="public", geom="geom", service=SERVICE, extra=""):
    return 'postgres://{0} {1}table="{2}"."{3}" ({4})'.format(service, extra, schema, table, geom)


@pytest.fixture(scope="session")
def city(postgis, tmp_path_factory):
    """The sample city at scale 0.1 as GeoPackage, and in PostGIS with awkward names.

    Schema ``Stadt Planung`` (blank, mixed case), streets as ``Straßen`` (umlaut) with the geometry column
    ``the_geom``, facilities as ``Einrichtungen`` (mixed case), addresses behind a view ``adressen_sicht``.
    """
    from osgeo import gdal

    import make_sample_city  # scripts/

    folder = str(tmp_path_factory.mktemp("pgcity"))
    make_sample_city.main(["--scale", "0.1", "--out", folder])
    gpkg = os.path.join(folder, "musterstadt.gpkg")
    gdal.UseExceptions()
    schema = "Stadt Planung"
    pc.psql('DROP SCHEMA IF EXISTS "{0}" CASCADE; CREATE SCHEMA "{0}"; '
            'DROP SCHEMA IF EXISTS pruef_ergebnisse CASCADE; CREATE SCHEMA pruef_ergebnisse'.format(schema))
    src = gdal.OpenEx(gpkg, gdal.OF_VECTOR)
    for layer, table, geom in (("strassen", "Straßen", "the_geom"), ("einrichtungen", "Einrichtungen", "geom"),
                               ("adressen", "adressen_tabelle", "geom"), ("ortsteile", "ortsteile", "geom")):
        gdal.VectorTranslate("PG:service={0}".format(pc.SERVICE), src,
                             options=["-lco", "SCHEMA={0}".format(schema), "-lco", "GEOMETRY_NAME={0}".format(geom),
                                      "-lco", "FID=fid", "-lco", "LAUNDER=NO", "-nln", table, layer])
    pc.psql('CREATE VIEW "{0}".adressen_sicht AS SELECT * FROM "{0}".adressen_tabelle'.format(schema))
    return {"gpkg": gpkg, "schema": schema}


def gpkg_inputs(city):
    g = city["gpkg"] + "|layername="
    return {"NETWORK": g + "strassen", "FACILITIES": g + "einrichtungen", "DEMAND": g + "adressen"}


def pg_inputs(city):
    s = city["schema"]
    return {"NETWORK": pg("Straßen", s, "the_geom"), "FACILITIES": pg("Einrichtungen", s),
            "DEMAND": pg("adressen_sicht", s, extra="key='fid' srid=25833 type=Point ")}


def rows(layer, key, fields):
    assert layer.isValid()
    out = {}
    for f in layer.getFeatures():
        out[f[key]] = tuple(None if f[n] is None or f[n] == "NULL" or (hasattr(f[n], "isNull") and f[n].isNull())
                            else f[n] for n in fields)
    return out


def pg_layer(table, schema="pruef_ergebnisse", geom="geom"):
    uri = '{0} table="{1}"."{2}" ({3})'.format(SERVICE, schema, table, geom)
    layer = QgsVectorLayer(uri, table, "postgres")
    assert layer.isValid(), uri
    return layer


def test_catchments_postgis_in_and_out_equals_geopackage(city, tmp_path):
    common = {"FACILITY_ID": "einr_id", "DEMAND_WEIGHT": "ew_6_9", "MODE": 0, "COST_TYPE": 0}
    ref = processing.run(CATCH, dict(common, **gpkg_inputs(city), OUTPUT_DEMAND=str(tmp_path / "d.gpkg"),
                                     OUTPUT_FACILITIES=str(tmp_path / "f.gpkg")))
    res = processing.run(CATCH, dict(common, **pg_inputs(city),
                                     OUTPUT_DEMAND=pg("Einzugsbereich Adressen", "pruef_ergebnisse"),
                                     OUTPUT_FACILITIES=pg("Einrichtungen Nachfrage", "pruef_ergebnisse")))
    assert res["OUTPUT_DEMAND"].startswith("postgres://")
    fields = ("facility_id", "status")
    a = rows(QgsVectorLayer(ref["OUTPUT_DEMAND"], "d", "ogr"), "adr_id", fields + ("cost",))
    b = rows(pg_layer("Einzugsbereich Adressen"), "adr_id", fields + ("cost",))
    assert len(a) == len(b) == 1203
    assert {k: v[:2] for k, v in a.items()} == {k: v[:2] for k, v in b.items()}
    # costs are written with 3 decimals (numeric(20,3) in PostgreSQL, double in GeoPackage)
    assert max(abs((a[k][2] or 0) - float(b[k][2] or 0)) for k in a) <= 0.0005 + 1e-9
    fa = rows(QgsVectorLayer(ref["OUTPUT_FACILITIES"], "f", "ogr"), "einr_id", ("demand", "n_demand"))
    fb = rows(pg_layer("Einrichtungen Nachfrage"), "einr_id", ("demand", "n_demand"))
    assert fa == {k: (float(v[0]), v[1]) for k, v in fb.items()}
    assert sum(v[0] for v in fa.values()) > 0


def test_password_never_leaks(city, tmp_path):
    """A connection with a password (in pg_service.conf) leaves it nowhere: not in results, logs or files."""
    feedback = LogFeedback()
    planer = "service='{0}'".format(pc.PLANER_SERVICE)
    pc.psql('GRANT USAGE ON SCHEMA "{0}" TO planer; GRANT SELECT ON ALL TABLES IN SCHEMA "{0}" TO planer; '
            'GRANT ALL ON SCHEMA pruef_ergebnisse TO planer'.format(city["schema"]))
    s = city["schema"]
    params = {"NETWORK": pg("Straßen", s, "the_geom", service=planer), "FACILITIES": pg("Einrichtungen", s,
              service=planer), "DEMAND": pg("adressen_tabelle", s, service=planer), "FACILITY_ID": "einr_id",
              "OUTPUT_DEMAND": pg("planer_ergebnis", "pruef_ergebnisse", service=planer),
              "OUTPUT_FACILITIES": str(tmp_path / "f.gpkg")}
    res = processing.run(CATCH, params, feedback=feedback)
    text = repr(res) + "\n".join(feedback.all)
    assert pc.PLANER_PASSWORD not in text
    assert pg_layer("planer_ergebnis").featureCount() == 1203
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert pc.PLANER_PASSWORD.encode() not in path.read_bytes(), path


def tables_like(pattern, schema="pruef_ergebnisse"):
    return sorted(pc.psql("SELECT tablename FROM pg_tables WHERE schemaname = '{0}' AND tablename LIKE '{1}'"
                          .format(schema, pattern)).split())


def test_replace_is_one_transaction_with_key_index_and_style(city):
    pc.psql("DROP TABLE IF EXISTS pruef_ergebnisse.bereiche; "
            "CREATE TABLE pruef_ergebnisse.bereiche AS SELECT 1 AS alt")
    params = dict(pg_inputs(city), FACILITY_ID="einr_id", OUTPUT_DEMAND=pg("zuordnung", "pruef_ergebnisse"),
                  OUTPUT_AREAS=pg("bereiche", "pruef_ergebnisse"))
    feedback = LogFeedback()
    processing.run(CATCH, params, feedback=feedback)
    log = feedback.info
    assert any("pruef_ergebnisse.bereiche" in line and "1" in line for line in log if "replaced" in line), log
    areas = pg_layer("bereiche")
    assert areas.featureCount() == 15 or areas.featureCount() > 0
    assert "alt" not in [f.name() for f in areas.fields()]
    # primary key named after the table, a spatial index, the style stored as the table's default
    assert pc.psql("SELECT conname FROM pg_constraint WHERE conrelid = 'pruef_ergebnisse.bereiche'::regclass "
                   "AND contype = 'p'").strip() == "bereiche_pkey"
    assert "USING gist" in pc.psql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'pruef_ergebnisse' "
                                   "AND tablename = 'bereiche'")
    styles = pc.psql("SELECT f_table_name, useasdefault FROM public.layer_styles WHERE f_table_schema = "
                     "'pruef_ergebnisse' AND f_table_name = 'bereiche'")
    assert "bereiche|t" in styles
    # a colleague opening the table sees the catchment style, not QGIS's random default symbol
    from bildungslandschaft_plugin.rendering.styles import apply_default_style

    reference = QgsVectorLayer("Polygon?crs=EPSG:25833", "ref", "memory")
    assert apply_default_style(reference, "catchments")
    for _ in range(2):  # QGIS picks a random colour for unstyled layers: twice the same means the stored style
        reopened = pg_layer("bereiche")
        assert reopened.renderer().symbol().color().name() == reference.renderer().symbol().color().name()
        assert reopened.renderer().symbol().symbolLayer(0).properties() == \
            reference.renderer().symbol().symbolLayer(0).properties()
    assert tables_like("%__bl_%") == []


def test_cancel_or_failure_leaves_the_old_table(city):
    pc.psql("DROP TABLE IF EXISTS pruef_ergebnisse.bestand; CREATE TABLE pruef_ergebnisse.bestand AS "
            "SELECT g AS nr FROM generate_series(1, 3) g")

    class CancelWhileWriting(QgsProcessingFeedback):
        def setProgressText(self, text):  # noqa: N802
            super().setProgressText(text)
            if "result" in text.lower() or "ergebnis" in text.lower() or "writ" in text.lower():
                self.cancel()

    params = dict(pg_inputs(city), FACILITY_ID="einr_id", OUTPUT_DEMAND=pg("bestand", "pruef_ergebnisse"))
    with pytest.raises(Exception):
        processing.run(CATCH, params, feedback=CancelWhileWriting())
    kept = pc.psql("SELECT string_agg(nr::text, ',' ORDER BY nr) FROM pruef_ergebnisse.bestand").strip()
    assert kept == "1,2,3"
    assert tables_like("%__bl_%") == []


def test_view_and_input_table_are_refused(city):
    s = city["schema"]
    pc.psql('CREATE OR REPLACE VIEW pruef_ergebnisse.sicht AS SELECT 1 AS x')
    with pytest.raises(Exception, match="view"):
        processing.run(CATCH, dict(pg_inputs(city), FACILITY_ID="einr_id",
                                   OUTPUT_DEMAND=pg("sicht", "pruef_ergebnisse")))
    with pytest.raises(Exception, match="Einrichtungen"):
        processing.run(CATCH, dict(pg_inputs(city), FACILITY_ID="einr_id",
                                   OUTPUT_DEMAND=pg("Einrichtungen", s)))
    assert int(pc.psql('SELECT count(*) FROM "{0}"."Einrichtungen"'.format(s))) == 15


def test_qgis_process_with_postgis(city, qgis_process_env, postgis):
    import qgisproc

    env = dict(qgis_process_env, **postgis.environment())
    s = city["schema"]
    params = dict(pg_inputs(city), FACILITY_ID="einr_id", DEMAND_WEIGHT="ew_6_9",
                  OUTPUT_DEMAND=pg("qp_zuordnung", "pruef_ergebnisse"))
    res = qgisproc.run(CATCH, params, env=env)
    assert res["results"]["OUTPUT_DEMAND"].startswith("postgres://")
    assert pg_layer("qp_zuordnung").featureCount() == 1203
    assert s


def test_null_among_zeros_stays_null(city):
    """QGIS's postgres provider writes a NULL as 0 when every other value of the column is 0 (3.22); outputs go
    through GDAL's PostgreSQL driver instead. Location planning: unchosen candidates have NULL gain_served, the
    chosen ones 0 (p-median serves everyone either way)."""
    g = city["gpkg"] + "|layername="
    params = dict(MODE=0, COST_TYPE=0, SNAP_TOLERANCE=250, NETWORK=g + "strassen", DEMAND=g + "adressen",
                  DEMAND_ID="adr_id", DEMAND_WEIGHT="ew_3_5", FACILITIES=g + "einrichtungen|subset=\"typ\" = 'Kita'",
                  FACILITY_ID="einr_id", CANDIDATES=g + "kita_kandidaten", CANDIDATE_ID="kand_id", P=2, MODEL=0,
                  OUTPUT_DEMAND="memory:", OUTPUT_SUMMARY="memory:")
    mem = processing.run(ids.full_id(ids.LOCATION_PLANNING), dict(params, OUTPUT_SITES="memory:"))["OUTPUT_SITES"]
    processing.run(ids.full_id(ids.LOCATION_PLANNING), dict(params, OUTPUT_SITES=pg("standorte", "pruef_ergebnisse")))
    fields = ("selected", "gain", "gain_served", "gain_cost", "load")
    want = rows(mem, "site_id", fields)
    got = rows(pg_layer("standorte"), "site_id", fields)
    assert {k: v[2] is None for k, v in got.items()} == {k: v[2] is None for k, v in want.items()}
    assert sum(v[2] is None for v in got.values()) >= 1 and sum(v[2] == 0 for v in got.values()) >= 1
    assert {k: bool(v[0]) for k, v in got.items()} == {k: bool(v[0]) for k, v in want.items()}
