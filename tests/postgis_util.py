"""The PostGIS test server behind the session fixture ``postgis`` (tests/conftest.py)."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if os.path.join(ROOT, "scripts") not in sys.path:
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
import postgis_cluster as pc  # noqa: E402


def running_cluster():
    """Generator behind the ``postgis`` fixture (tests/conftest.py): the cluster started for the session."""
    was_running = pc.is_running()
    try:
        pc.start()
    except Exception as err:  # noqa: BLE001 - a missing server is a failure of the setup, with the reason
        pytest.fail("PostGIS test cluster could not start (scripts/setup.sh installs postgresql and postgis): "
                    "{0} {1}".format(err, getattr(err, "output", "")))
    old = os.environ.get("PGSERVICEFILE")
    os.environ.update(pc.environment())
    yield pc
    if old is None:
        os.environ.pop("PGSERVICEFILE", None)
    else:
        os.environ["PGSERVICEFILE"] = old
    if not was_running:
        # stopped when the test process ends: after pytest-qgis has closed QGIS, whose pooled database
        # connections must not outlive the server (QGIS crashes on exit otherwise)
        import atexit

        atexit.register(pc.stop)




def _ogr_rows(layer):
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    precision = {n: defn.GetFieldDefn(i).GetPrecision() for i, n in enumerate(names)}
    rows, measure = [], 0.0
    layer.ResetReading()
    for f in layer:
        rows.append({n: f.GetField(n) for n in names})
        g = f.GetGeometryRef()
        if g is not None and not g.IsEmpty():
            dim = g.GetDimension()
            if dim == 2:
                measure += g.GetArea()
            elif dim == 1:
                measure += g.Length()
            else:
                points = [g] if g.GetGeometryCount() == 0 else [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())]
                measure += sum(p.GetX() + p.GetY() for p in points)
    return names, rows, measure, precision


def _decimals(value):
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 17


def same_value(a, b, precision=0):
    """Equal values of one field from two formats; a float field declared with *precision* decimals is rounded
    by one format (QGIS's OGR writer, ``numeric(20,p)`` in PostgreSQL) and kept whole by the other: equal up to
    half its last decimal."""
    import math

    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        p = max(precision, min(_decimals(a), _decimals(b)))
        tol = 0.5 * 10.0 ** -p if p < 10 else 0.0
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=tol + 1e-9)
    return a == b or str(a) == str(b)


def assert_same_rows(g_layer, p_layer, label, skip=("fid", "id", "seconds")):
    """The OGR layers *g_layer* (GeoPackage) and *p_layer* (PostGIS) hold the same rows: same count, every
    common field equal (rows paired by the first field that identifies them), the same geometry measure
    (area, length or coordinates). Returns the row count. *skip*: fields each format numbers itself (``fid``),
    run times."""
    import math

    g_names, g_rows, g_measure, g_prec = _ogr_rows(g_layer)
    p_names, p_rows, p_measure, p_prec = _ogr_rows(p_layer)
    assert len(g_rows) == len(p_rows), (label, len(g_rows), len(p_rows))
    common = [n for n in g_names if n in p_names and n.lower() not in skip]
    assert len(common) >= len([n for n in g_names if n.lower() not in skip]), (label, g_names, p_names)
    key = next((n for n in common if all(r[n] is not None and not isinstance(r[n], float) for r in g_rows)
                and len({r[n] for r in g_rows}) == len(g_rows)), None)
    order = [key] if key else common
    g_sorted = sorted(g_rows, key=lambda r: tuple(str(r[n]) for n in order))
    p_sorted = sorted(p_rows, key=lambda r: tuple(str(r[n]) for n in order))
    key = key or common[0]
    for g_row, p_row in zip(g_sorted, p_sorted):
        bad = [n for n in common if not same_value(g_row[n], p_row[n], max(g_prec[n], p_prec[n]))]
        assert not bad, (label, key, g_row[key], [(n, g_row[n], p_row[n]) for n in bad])
    assert math.isclose(g_measure, p_measure, rel_tol=1e-9, abs_tol=1e-3), (label, g_measure, p_measure)
    return len(g_rows)


# --- a QGIS authentication configuration in a throw-away auth database (tests/test_postgis_auth.py) ---------
MASTER_PASSWORD = "Test-Master-41b7"  # of the temporary auth database only


def auth_worker(out_json):
    """Run in a fresh process (QGIS_AUTH_DB_DIR_PATH, QGIS_CUSTOM_CONFIG_PATH: temporary folders): set a master
    password, store a Basic configuration with the planer's password, run catchments with PostGIS inputs and
    outputs that name only ``authcfg=<id>``; write what a user could see (results, feedback log, QGIS's message
    log) to *out_json*."""
    import json

    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    messages = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: messages.append(text))
    am = QgsApplication.authManager()
    report = {"disabled": am.isDisabled(), "disabled_message": am.disabledMessage(),
              "auth_db": QgsApplication.qgisAuthDatabaseFilePath()}
    if not am.isDisabled():
        report["master_set"] = bool(am.setMasterPassword(MASTER_PASSWORD, True))
        cfg = QgsAuthMethodConfig("Basic")
        cfg.setName("planer")
        cfg.setConfig("username", "planer")
        cfg.setConfig("password", pc.PLANER_PASSWORD)
        report["stored"] = bool(am.storeAuthenticationConfig(cfg))
        authcfg = cfg.id()
        report["authcfg"] = authcfg
        sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
        from processing.core.Processing import Processing

        Processing.initialize()
        import processing

        import bildungslandschaft_plugin
        from bildungslandschaft_plugin.processing import ids
        from bildungslandschaft_plugin.processing import postgis as pgmod

        plugin = bildungslandschaft_plugin.classFactory(None)
        plugin.initProcessing()
        taken = []
        real = pgmod.fast_layer

        def spy(layer, crs):
            found = real(layer, crs)
            if found is None:
                taken.append(False)
                return None
            stream = found[1].GetArrowStreamAsNumPy

            def counted(options=None):
                yield from stream(options)
                taken.append(True)  # streamed to the end (a failure would fall back to QGIS's provider)

            found[1].GetArrowStreamAsNumPy = counted
            return found

        pgmod.fast_layer = spy
        log = []

        class Feedback(QgsProcessingFeedback):
            def pushInfo(self, text):  # noqa: N802
                log.append(text)

            def pushWarning(self, text):  # noqa: N802
                log.append(text)

            def reportError(self, text, fatalError=False):  # noqa: N802
                log.append(text)

            def pushDebugInfo(self, text):  # noqa: N802
                log.append(text)

            def pushCommandInfo(self, text):  # noqa: N802
                log.append(text)

        conn = "host='{0}' port={1} dbname='{2}' authcfg={3}".format(
            os.path.join(os.path.dirname(pc.service_file()), "socket"), pc.PORT, pc.DBNAME, authcfg)

        def src(schema, table, geom="geom"):
            return 'postgres://{0} table="{1}"."{2}" ({3})'.format(conn, schema, table, geom)

        params = {"NETWORK": src("auth_eingabe", "strassen"), "FACILITIES": src("auth_eingabe", "einrichtungen"),
                  "DEMAND": src("auth_eingabe", "adressen"), "FACILITY_ID": "einr_id", "DEMAND_WEIGHT": "ew_6_9",
                  "OUTPUT_DEMAND": src("auth_ergebnis", "zuordnung"), "OUTPUT_AREAS": src("auth_ergebnis", "bereiche"),
                  "OUTPUT_FACILITIES": os.path.join(os.path.dirname(out_json), "einrichtungen.gpkg")}
        try:
            res = processing.run(ids.full_id(ids.CATCHMENTS), params, feedback=Feedback())
            report["results"] = {k: str(v) for k, v in res.items()}
        except Exception as err:  # noqa: BLE001 - reported to the test
            report["error"] = str(err)
        report["log"] = log
        report["fast_taken"] = taken
        plugin.unload()
    report["messages"] = messages
    with open(out_json, "w", encoding="utf-8") as fh:
        json.dump(report, fh)
    app.exitQgis()
