"""`make demo` stays green: the whole workflow through qgis_process on a small sample city."""

import subprocess

from osgeo import ogr

from tests import demo_run
from tests.demo_run import run_demo
from tests.postgis_util import assert_same_rows

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
        p_layer = pg.GetLayerByName("ergebnisse." + name)
        assert p_layer is not None, name
        # fid/id: each format numbers its rows; seconds: the run time of a solver
        assert_same_rows(gpkg.GetLayerByName(name), p_layer, name)
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
