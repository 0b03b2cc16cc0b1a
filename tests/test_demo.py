"""`make demo` stays green: the whole workflow through qgis_process on a small sample city."""

import os
import subprocess
import sys

from osgeo import ogr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_demo_workflow_small_city(tmp_path):
    out = tmp_path / "demo"
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "demo.py"), "--scale", "0.1",
                           "--out", str(out)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
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
