"""`make demo` stays green: the whole workflow through qgis_process on a small sample city."""

import math
import subprocess

from osgeo import ogr

from tests import demo_run
from tests.demo_run import run_demo

demo_gpkg = demo_run.demo_gpkg  # the fixture, shared with test_project.py (one demo run per session)


def test_demo_workflow_small_city(demo_gpkg):
    out, proc = demo_gpkg
    for name in ("Musterstadt_Handlungsbedarf.pdf", "Musterstadt_Ortsteilprofile.pdf",
                 "Bildungskompass_Musterstadt.html", "Musterstadt_Ergebnisse.gpkg"):
        assert (out / name).stat().st_size > 0, name
    ds = ogr.Open(str(out / "Musterstadt_Ergebnisse.gpkg"))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"sozialindex", "handlungsbedarf", "mittelverteilung", "grundschule_einzugsbereiche",
            "kita_auslastung", "kita_versorgung_ortsteile"} <= names
    n_districts = ds.GetLayerByName("handlungsbedarf").GetFeatureCount()
    budget = sum(f.GetField("amount") for f in ds.GetLayerByName("mittelverteilung"))
    kita_budget = sum(f.GetField("amount") for f in ds.GetLayerByName("kita_foerderformel"))
    kitas = ds.GetLayerByName("kita_sozialindex").GetFeatureCount()
    ds = None
    assert budget == 2500000  # whole euros adding up exactly to the budget
    assert kita_budget == 1200000  # the Förderformel for the Kitas, to the euro
    assert "Förderformel (1.2 million euros for {} Kitas".format(kitas) in proc.stdout
    pages = subprocess.run(["pdfinfo", str(out / "Musterstadt_Ortsteilprofile.pdf")], capture_output=True,
                           text=True).stdout
    page_count = int([l for l in pages.splitlines() if l.startswith("Pages:")][0].split()[1])
    assert page_count == n_districts
    assert "Summary (Musterstadt" in proc.stdout


def _rows(layer):
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    precision = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i).GetPrecision()
                 for i in range(defn.GetFieldCount())}
    rows, measure = [], 0.0
    for f in layer:
        rows.append({n: f.GetField(n) for n in names})
        g = f.GetGeometryRef()
        if g is not None:
            measure += g.GetArea() or g.Length() or (g.GetX() + g.GetY() if g.GetGeometryCount() == 0 else 0.0)
    return names, rows, measure, precision


def _decimals(value):
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 17


def _same(a, b, precision=0):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        # a field declared with p decimals is rounded to them by one format (QGIS's OGR writer, numeric(20,p)
        # in PostgreSQL) and kept whole by the other: equal up to half the last decimal of the rounded side
        p = max(precision, min(_decimals(a), _decimals(b)))
        tol = 0.5 * 10.0 ** -p if p < 10 else 0.0
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=tol + 1e-9)
    return a == b or str(a) == str(b)


def test_demo_in_postgis_equals_geopackage(demo_gpkg, postgis, tmp_path):
    """make demo-postgis: every algorithm with PostGIS inputs and outputs gives the GeoPackage run's rows."""
    out, proc = demo_gpkg
    proc_pg = run_demo(tmp_path / "demo_pg", "--postgis")
    summary = proc.stdout[proc.stdout.index("Summary"):].splitlines()[1:-1]
    summary_pg = proc_pg.stdout[proc_pg.stdout.index("Summary"):].splitlines()[1:-1]
    assert summary_pg == summary
    gpkg = ogr.Open(str(out / "Musterstadt_Ergebnisse.gpkg"))
    pg = ogr.Open("PG:service={0}".format(postgis.SERVICE))
    names = sorted(gpkg.GetLayer(i).GetName() for i in range(gpkg.GetLayerCount()))
    assert len(names) >= 20
    for name in names:
        g_layer = gpkg.GetLayerByName(name)
        p_layer = pg.GetLayerByName("ergebnisse." + name)
        assert p_layer is not None, name
        g_names, g_rows, g_measure, g_prec = _rows(g_layer)
        p_names, p_rows, p_measure, p_prec = _rows(p_layer)
        assert len(g_rows) == len(p_rows), name
        # fid/id: each format numbers its rows; seconds: the run time of a solver
        common = [n for n in g_names if n in p_names and n.lower() not in ("fid", "id", "seconds")]
        assert len(common) >= len(g_names) - 2, (name, g_names, p_names)
        # rows paired by the first column that identifies them (unique, never NULL, not a measured number)
        key = next((n for n in common if all(r[n] is not None and not isinstance(r[n], float) for r in g_rows)
                    and len({r[n] for r in g_rows}) == len(g_rows)), None)
        order = [key] if key else common
        g_sorted = sorted(g_rows, key=lambda r: tuple(str(r[n]) for n in order))
        p_sorted = sorted(p_rows, key=lambda r: tuple(str(r[n]) for n in order))
        key = key or common[0]
        for g_row, p_row in zip(g_sorted, p_sorted):
            bad = [n for n in common if not _same(g_row[n], p_row[n], max(g_prec[n], p_prec[n]))]
            assert not bad, (name, key, g_row[key], [(n, g_row[n], p_row[n]) for n in bad])
        assert math.isclose(g_measure, p_measure, rel_tol=1e-9, abs_tol=1e-3), name
    gpkg = pg = None
    _check_project_in_database(out, postgis)


def _check_project_in_database(out, postgis):
    """demo-postgis stores its QGIS project in the database: it opens from there with the same layer tree and
    layouts as the GeoPackage run's Musterstadt.qgz, every layer valid and read from PostGIS (or, for the atlas
    pages, from the files beside the PDFs)."""
    from qgis.core import QgsProject

    from bildungslandschaft_plugin.processing.postgis import project_uri

    def tree(project):
        return [(group.name(), [child.name() for child in group.children()])
                for group in project.layerTreeRoot().children()]

    file_project = QgsProject()
    assert file_project.read(str(out / "Musterstadt.qgz"))
    db_project = QgsProject()
    assert db_project.read(project_uri(postgis.SERVICE, "ergebnisse", "Musterstadt")), db_project.error()
    try:
        assert tree(db_project) == tree(file_project)
        layers = list(db_project.mapLayers().values())
        assert len(layers) == len(file_project.mapLayers()) >= 20
        assert all(layer.isValid() for layer in layers), [layer.name() for layer in layers if not layer.isValid()]
        in_db = [layer for layer in layers if layer.providerType() == "postgres"]
        assert len(in_db) >= 21, [(layer.name(), layer.providerType()) for layer in layers]
        assert all("password" not in layer.source().lower() for layer in layers)
        names = sorted(layout.name() for layout in db_project.layoutManager().layouts())
        assert names == sorted(layout.name() for layout in file_project.layoutManager().layouts())
        assert len(names) == 2
    finally:
        db_project.clear()
        file_project.clear()
