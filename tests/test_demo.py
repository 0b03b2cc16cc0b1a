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


_PROJECT_CHECK = r"""
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication, QgsProject
app = QgsApplication([], False)
app.initQgis()
from bildungslandschaft_plugin.processing.postgis import project_uri

def describe(target):
    project = QgsProject()
    ok = project.read(target)
    layers = list(project.mapLayers().values())
    out = {"ok": ok, "error": project.error(),
           "tree": [[group.name(), [child.name() for child in group.children()]]
                    for group in project.layerTreeRoot().children()],
           "layers": len(layers), "invalid": [layer.name() for layer in layers if not layer.isValid()],
           "postgres": sum(layer.providerType() == "postgres" for layer in layers),
           "password": any("password" in layer.source().lower() for layer in layers),
           "layouts": sorted(layout.name() for layout in project.layoutManager().layouts())}
    project.clear()
    return out

result = {"file": describe(sys.argv[2]), "db": describe(project_uri(sys.argv[3], "ergebnisse", "Musterstadt"))}
print("RESULT " + json.dumps(result))
app.exitQgis()
"""


def _check_project_in_database(out, postgis):
    """demo-postgis stores its QGIS project in the database: it opens from there (in a QGIS process of its own,
    as a colleague would open it) with the same layer tree and layouts as the GeoPackage run's Musterstadt.qgz,
    every layer valid and read from PostGIS (or, for the atlas pages, from the files beside the PDFs)."""
    import json
    import os
    import sys

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.run([sys.executable, "-c", _PROJECT_CHECK, root, str(out / "Musterstadt.qgz"),
                           postgis.SERVICE], capture_output=True, text=True, timeout=300, env=dict(os.environ))
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, proc.stdout[-2000:] + proc.stderr[-2000:]
    result = json.loads(lines[0][len("RESULT "):])
    file_project, db_project = result["file"], result["db"]
    assert file_project["ok"] and db_project["ok"], (file_project["error"], db_project["error"])
    assert db_project["tree"] == file_project["tree"]
    assert db_project["layers"] == file_project["layers"] >= 20
    assert not db_project["invalid"], db_project["invalid"]
    assert db_project["postgres"] >= 21
    assert not db_project["password"]
    assert db_project["layouts"] == file_project["layouts"] and len(db_project["layouts"]) == 2
