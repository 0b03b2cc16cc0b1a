#!/usr/bin/env python3
"""Render the dialog "Sozialdaten verknüpfen" for the docs: docs/img/join_dialog.png.

    xvfb-run -a -s "-screen 0 1400x900x24" /usr/bin/python3 scripts/screenshot_join_dialog.py [--locale de]
"""

import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, "/usr/share/qgis/python/plugins")
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="bl_shot_"))

CSV = (
    "Sozialdaten Musterstadt 2021-2025 (Stand 31.12.);;;;;;\n"
    "Ortsteil;Name;Jahr;Einwohner;Kinder_u15;SGB2_Quote;Kinderarmut\n"
    "01;Altstadt;2025;4.512;512;12,5;18,2\n"
    "02;Bahnhofsviertel;2025;3.208;401;21,3;(33,0)\n"
    "03;Nordstadt an der Mühle;2025;2.950;.;7,4p;x\n"
    "04;Südliche Vorstadt;2025;6.104;880;-;9,8\n"
    "05;Weißensee;2025;1.874;198;5,1;6,0\n"
    "6;Neubaugebiet Ost;2025;812;154;3,2;.\n"
    "00;Stadt insgesamt;2025;19.460;2.145;11,6;17,1\n"
    ";;;;;;\n"
    "Quelle: Amt für Statistik und Wahlen. Zeichenerklärung: . = geheim, x = gesperrt;;;;;;\n"
)


def main():
    from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

    app = QgsApplication([], True)
    app.initQgis()
    if "--locale" in sys.argv:
        from bildungslandschaft_plugin.translation import install_translator

        install_translator(sys.argv[sys.argv.index("--locale") + 1])
    from processing.core.Processing import Processing

    Processing.initialize()
    import bildungslandschaft_plugin

    plugin = bildungslandschaft_plugin.classFactory(None)
    plugin.initProcessing()
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=ot_key:string&field=ot_name:string", "ortsteile", "memory")
    feats = []
    for i in range(7):
        f = QgsFeature(layer.fields())
        x = i * 1000
        f.setGeometry(QgsGeometry.fromWkt("POLYGON(({0} 0,{1} 0,{1} 1000,{0} 1000,{0} 0))".format(x, x + 1000)))
        f.setAttributes(["{:02d}".format(i + 1), "OT {}".format(i + 1)])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    path = os.path.join(tempfile.mkdtemp(), "sozialdaten_musterstadt.csv")
    with open(path, "wb") as fh:
        fh.write(CSV.encode("cp1252"))
    from bildungslandschaft_plugin.gui.join_dialog import JoinDialog

    dlg = JoinDialog(None)
    dlg.districtCombo.setLayer(layer)
    dlg.fileWidget.setFilePath(path)
    dlg.keyWidthSpin.setValue(2)
    dlg.resize(1250, 720)
    dlg.show()
    for _ in range(20):
        app.processEvents()
    out = os.path.join(ROOT, "docs", "img", "join_dialog.png")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    ok = dlg.grab().save(out)
    print(out if ok else "could not save")
    dlg.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
