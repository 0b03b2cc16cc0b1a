"""A QGIS authentication configuration (``authcfg=``) for PostGIS input and output; the password leaks nowhere.

QGIS's auth manager keeps its database in the profile that QGIS opened at start-up, so the check runs in a fresh
QGIS process with a temporary auth database (``QGIS_AUTH_DB_DIR_PATH``) and profile: a master password is set, a
Basic configuration holds the planer's password (the role ``planer`` logs in with scram-sha-256 only), and the
layer strings name only host, port, database and ``authcfg=<id>``.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.postgis_util import pc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def auth_run(postgis, tmp_path_factory):
    from osgeo import gdal

    import make_sample_city  # scripts/

    folder = tmp_path_factory.mktemp("pgauth")
    make_sample_city.main(["--scale", "0.1", "--out", str(folder / "city")])
    pc.psql("DROP SCHEMA IF EXISTS auth_eingabe CASCADE; DROP SCHEMA IF EXISTS auth_ergebnis CASCADE; "
            "CREATE SCHEMA auth_ergebnis")
    pc.load_gpkg(str(folder / "city" / "musterstadt.gpkg"), "auth_eingabe",
                 layers=("strassen", "einrichtungen", "adressen"))
    pc.psql("GRANT USAGE ON SCHEMA auth_eingabe TO planer; GRANT SELECT ON ALL TABLES IN SCHEMA auth_eingabe "
            "TO planer; GRANT ALL ON SCHEMA auth_ergebnis TO planer; GRANT ALL ON SCHEMA public TO planer; "
            "DO $$ BEGIN IF to_regclass('public.layer_styles') IS NOT NULL THEN "
            "GRANT ALL ON public.layer_styles TO planer; GRANT ALL ON SEQUENCE public.layer_styles_id_seq "
            "TO planer; END IF; END $$")
    gdal.UseExceptions()
    work = folder / "work"
    work.mkdir()
    env = dict(os.environ, QGIS_AUTH_DB_DIR_PATH=str(folder / "auth"), QGIS_CUSTOM_CONFIG_PATH=str(folder / "prof"),
               QT_QPA_PLATFORM="offscreen", **pc.environment())
    (folder / "auth").mkdir()
    out = work / "report.json"
    code = "import sys; sys.path[:0] = [{0!r}, {1!r}]; from tests.postgis_util import auth_worker; " \
           "auth_worker({2!r})".format(ROOT, os.path.join(ROOT, "scripts"), str(out))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(out.read_text())
    return {"report": report, "proc": proc, "folder": folder}


def test_authcfg_input_and_output(auth_run):
    report = auth_run["report"]
    assert not report["disabled"], "QGIS authentication system disabled: " + report["disabled_message"]
    assert report["auth_db"].startswith(str(auth_run["folder"]))  # the temporary auth database, not a profile's
    assert report["master_set"] and report["stored"] and len(report["authcfg"]) == 7
    assert "error" not in report, report.get("error")
    assert report["results"]["OUTPUT_DEMAND"].startswith("postgres://")
    assert "authcfg=" + report["authcfg"] in report["results"]["OUTPUT_DEMAND"]
    # the database fast path read the network and the addresses with the configuration (resolved in memory)
    assert report["fast_taken"] == [True, True]
    # written by the planer (whose login needs the password), complete
    assert pc.psql("SELECT tableowner FROM pg_tables WHERE schemaname = 'auth_ergebnis' AND tablename = "
                   "'zuordnung'").strip() == "planer"
    assert int(pc.psql("SELECT count(*) FROM auth_ergebnis.zuordnung")) == 1203
    n_assigned = int(pc.psql("SELECT count(*) FROM auth_ergebnis.zuordnung WHERE facility_id IS NOT NULL"))
    assert n_assigned > 1000
    assert int(pc.psql("SELECT count(*) FROM auth_ergebnis.bereiche")) > 0


def test_authcfg_password_appears_nowhere(auth_run):
    report, proc = auth_run["report"], auth_run["proc"]
    secret = pc.PLANER_PASSWORD
    assert secret not in json.dumps(report)                  # results, feedback log, QGIS's message log
    assert secret not in proc.stdout + proc.stderr           # anything printed (GDAL, libpq, QGIS)
    for path in auth_run["folder"].rglob("*"):               # output files, the profile, the auth database
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    # nor in the database: the stored style, the tables' comments
    styles = pc.psql("SELECT coalesce(string_agg(styleqml::text || coalesce(stylesld::text, '') || "
                     "coalesce(owner, ''), ''), "
                     "'') FROM public.layer_styles WHERE f_table_schema = 'auth_ergebnis'")
    assert styles.strip() and secret not in styles
    comments = pc.psql("SELECT coalesce(string_agg(obj_description(c.oid), ''), '') FROM pg_class c JOIN "
                       "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'auth_ergebnis'")
    assert secret not in comments


def test_authcfg_with_qgis_process(auth_run, qgis_process_env):
    """qgis_process opens the same auth database; the master password comes from QGIS_AUTH_PASSWORD_FILE
    (without it the configuration cannot be decrypted and the run fails)."""
    import qgisproc

    from bildungslandschaft_plugin.processing import ids
    from tests.postgis_util import MASTER_PASSWORD

    report = auth_run["report"]
    master = auth_run["folder"] / "master.txt"
    master.write_text(MASTER_PASSWORD + "\n")
    env = dict(qgis_process_env, QGIS_AUTH_DB_DIR_PATH=str(auth_run["folder"] / "auth"),
               QGIS_AUTH_PASSWORD_FILE=str(master), **pc.environment())
    conn = "host='{0}' port={1} dbname='{2}' authcfg={3}".format(
        os.path.join(os.path.dirname(pc.service_file()), "socket"), pc.PORT, pc.DBNAME, report["authcfg"])

    def src(schema, table):
        return 'postgres://{0} table="{1}"."{2}" (geom)'.format(conn, schema, table)

    params = {"NETWORK": src("auth_eingabe", "strassen"), "FACILITIES": src("auth_eingabe", "einrichtungen"),
              "DEMAND": src("auth_eingabe", "adressen"), "FACILITY_ID": "einr_id",
              "OUTPUT_DEMAND": src("auth_ergebnis", "qp_zuordnung")}
    res = qgisproc.run(ids.full_id(ids.CATCHMENTS), params, env=env)
    assert res["results"]["OUTPUT_DEMAND"].startswith("postgres://")
    assert int(pc.psql("SELECT count(*) FROM auth_ergebnis.qp_zuordnung")) == 1203
    assert pc.psql("SELECT tableowner FROM pg_tables WHERE schemaname = 'auth_ergebnis' AND tablename = "
                   "'qp_zuordnung'").strip() == "planer"
    assert pc.PLANER_PASSWORD not in json.dumps(res)
