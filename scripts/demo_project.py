#!/usr/bin/env python3
"""The demo's results as one QGIS project: ``demo_output/Musterstadt.qgz``.

    /usr/bin/python3 scripts/demo_project.py [--out demo_output] [--target demo_output/Musterstadt.qgz]

Run by ``scripts/demo.py`` after the workflow (``make demo``), in German (legend labels, layouts). Every result
layer of ``Musterstadt_Ergebnisse.gpkg`` and the sample city's base layers, styled as the plugin styles them when
QGIS loads them, in the groups Grundlagen, Sozialstruktur, Erreichbarkeit, Handlungsbedarf, Bildungskompass; the
council map and the district-profile atlas as editable print layouts (run in this process with
ADD_LAYOUT_TO_PROJECT, which also rewrites their PDFs: the same pages as the batch run). Paths are relative: the
folder can be moved or zipped.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

GRUNDLAGEN = "Grundlagen"
SOZIAL = "Sozialstruktur"
ERREICHBAR = "Erreichbarkeit"
BEDARF = "Handlungsbedarf"
KOMPASS = "Bildungskompass"
GROUPS = (GRUNDLAGEN, SOZIAL, ERREICHBAR, BEDARF, KOMPASS)

#: (group, layer in Musterstadt_Ergebnisse.gpkg, legend name, style, visible) – top of each group first.
#: style: a QML kind of resources/styles, ("graduated", field), ("classes", field, labels, qml) or "stored"
#: (the style the demo stored in the layer's GeoPackage).
RESULTS = [
    (SOZIAL, "sozialindex", "Sozialindex (Klassen)", ("classes", "index_class", "berlin", "socialindex_classes.qml"),
     True),
    (SOZIAL, "sozialdaten_2025", "SGB-II-Quote 2025 (%)", ("graduated", "SGB2_Quote"), False),
    (SOZIAL, "einwohner_ortsteile", "Kinder 6–9 je Ortsteil", ("graduated", "ew_6_9"), False),
    (ERREICHBAR, "kita_standorte", "Kita-Standorte (gewählt: Stern)", "stored", False),
    (ERREICHBAR, "grundschule_auslastung", "Grundschulen: Auslastung", ("graduated", "utilization"), False),
    (ERREICHBAR, "kita_auslastung", "Kitas: Auslastung (mit Kapazität)", ("graduated", "utilization"), False),
    (ERREICHBAR, "grundschule_einzugsbereiche", "Einzugsbereiche der Grundschulen", "catchments", False),
    (ERREICHBAR, "grundschule_erreichbarkeit_ortsteile", "Grundschule in 1000 m (Anteil Kinder, %)",
     ("graduated", "share_1000"), False),
    (ERREICHBAR, "kita_versorgung_ortsteile", "Kita-Versorgung (E2SFCA)", ("graduated", "access"), False),
    (ERREICHBAR, "gymnasium_oepnv_ortsteile", "Gymnasium in 20 min mit ÖPNV (%)", "stored", False),
    (ERREICHBAR, "gymnasium_fuss_ortsteile", "Gymnasium in 20 min zu Fuß (%)", ("graduated", "share_20"), False),
    (BEDARF, "handlungsbedarf", "Handlungsbedarf", ("classes", "priority", "priority", "priority.qml"), True),
    (BEDARF, "mittelverteilung", "Mittelverteilung (Euro)", ("graduated", "amount"), False),
    (BEDARF, "kita_foerderformel", "Kita-Förderformel (Euro)", ("graduated", "amount"), False),
    (KOMPASS, "beratung_angebote", "Beratung: erreichbare Angebote (Minuten)", ("graduated", "cost"), False),
    (KOMPASS, "kooperationen", "Kooperationen", "network", False),
]
#: (layer of the sample city, legend name, style kind, visible)
BASE = [
    ("einrichtungen", "Einrichtungen", "facilities", True),
    ("einrichtungen|subset=\"typ\" = 'Grundschule'", "Grundschulen", "facilities", False),
    ("strassen", "Straßennetz", "network", False),
    ("stadtbezirke", "Stadtbezirke", "boundaries", True),
    ("ortsteile", "Ortsteile", "districts", True),
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "demo_output"))
    parser.add_argument("--target", default=None, help="project file (.qgz) or storage URI; default "
                                                      "<out>/Musterstadt.qgz")
    parser.add_argument("--pg-service", default=None,
                        help="make demo-postgis: layers from the PostGIS schemas musterstadt and ergebnisse of this "
                             "pg_service.conf entry; the project is stored in the database (schema ergebnisse)")
    args = parser.parse_args(argv)
    out = os.path.abspath(args.out)
    target = args.target or os.path.join(out, "Musterstadt.qgz")
    start = time.time()
    app = start_qgis()
    try:
        written = build(out, target, pg_service=args.pg_service)
    finally:
        app.exitQgis()
    print("project {} written in {:.1f} s".format(written, time.time() - start), flush=True)
    return 0


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, ROOT)
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QSettings

    app = QgsApplication([], False)
    app.initQgis()
    settings = QSettings()  # German legends and layouts, as the demo's qgis_process runs
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de")
    from processing.core.Processing import Processing

    Processing.initialize()
    from bildungslandschaft_plugin import classFactory
    from bildungslandschaft_plugin.translation import install_translator

    install_translator("de")
    plugin = classFactory(None)
    plugin.initProcessing()
    app._bl_plugin = plugin  # keep the provider alive
    return app


def style_layer(layer, style, stored_in=None):
    """Style *layer* as the plugin does; True when styled. "stored": the default style of the GeoPackage
    *stored_in* (the demo's per-layer file; the merged GeoPackage holds no styles)."""
    from qgis.core import QgsVectorLayer

    from bildungslandschaft_plugin.rendering import styles

    if style == "stored":
        source = QgsVectorLayer(stored_in or layer.source(), "stored", "ogr")
        _msg, ok = source.loadDefaultStyle()
        if not ok or source.renderer() is None:
            return False
        layer.setRenderer(source.renderer().clone())
        return True
    if isinstance(style, str):
        return styles.apply_default_style(layer, style)
    if style[0] == "graduated":
        return styles.apply_default_style(layer, "graduated", field=style[1])
    if style[0] == "classes":
        labels = {"berlin": styles.berlin_labels, "priority": styles.priority_labels}[style[2]]()
        return styles.apply_class_style(layer, style[1], labels, style[3])
    raise ValueError(style)


#: make demo-postgis: the demo stores no style of its own with these two tables (the GeoPackage run keeps its
#: star and share styles inside the per-layer files), so the project styles them as the plugin would.
PG_STYLES = {"kita_standorte": "facilities", "gymnasium_oepnv_ortsteile": ("graduated", "share_20")}
CITY_SCHEMA = "musterstadt"
RESULT_SCHEMA = "ergebnisse"
PROJECT_NAME = "Musterstadt"


def _pg_layer(service, schema, name, title):
    """A PostGIS table of *schema* as a layer (``service=`` only, never a password); ``name`` may carry the
    GeoPackage-style ``|subset=`` of BASE."""
    from qgis.core import QgsVectorLayer

    table, _sep, subset = name.partition("|subset=")
    uri = "service='{0}' table=\"{1}\".\"{2}\" (geom)".format(service, schema, table)
    if subset:
        uri += " sql={0}".format(subset)
    return QgsVectorLayer(uri, title, "postgres")


def build(out, target, pg_service=None):
    """Build the project and write it to *target*; with *pg_service* the layers are the PostGIS tables of the
    demo-postgis run and the project is stored in the database (schema ``ergebnisse``)."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    from bildungslandschaft_plugin.rendering import project as rp

    results = os.path.join(out, "Musterstadt_Ergebnisse.gpkg")
    city = os.path.join(out, "musterstadt", "musterstadt.gpkg")
    project = None
    loaded = {}
    groups = {}
    for name in GROUPS:
        groups[name] = []
    for group, name, title, style, visible in RESULTS:
        if pg_service:
            layer = _pg_layer(pg_service, RESULT_SCHEMA, name, title)
            style = PG_STYLES.get(name, style)
        else:
            layer = QgsVectorLayer("{}|layername={}".format(results, name), title, "ogr")
        if not layer.isValid():
            raise SystemExit("demo project: layer {} missing in {}".format(name, results))
        if not style_layer(layer, style, os.path.join(out, "layers", name + ".gpkg")):
            raise SystemExit("demo project: could not style {}".format(name))
        groups[group].append((layer, visible))
        loaded[name] = layer
    for name, title, kind, visible in BASE:
        if pg_service:
            layer = _pg_layer(pg_service, CITY_SCHEMA, name, title)
        else:
            layer = QgsVectorLayer("{}|layername={}".format(city, name), title, "ogr")
        name = title if "|" in name else name
        if not layer.isValid() or not style_layer(layer, kind):
            raise SystemExit("demo project: base layer {} missing or unstyled in {}".format(name, city))
        groups[GRUNDLAGEN].append((layer, visible))
        loaded[name] = layer
    project = rp.new_project(loaded["ortsteile"].crs(), "Bildungslandschaft Musterstadt")
    for name in GROUPS:
        node = rp.add_layers(project, name, [layer for layer, _v in groups[name]])
        for layer, visible in groups[name]:
            node.findLayer(layer.id()).setItemVisibilityChecked(visible)
    add_layouts(project, out, loaded, QgsProcessingContext, QgsProcessingFeedback)
    if pg_service:
        from bildungslandschaft_plugin.processing import postgis

        return postgis.write_project_to_database(project, pg_service, RESULT_SCHEMA, PROJECT_NAME)
    return rp.write_project(project, target)


def add_layouts(project, out, loaded, context_class, feedback_class):
    """The council map and the district-profile atlas, through the algorithms (ADD_LAYOUT_TO_PROJECT)."""
    import processing

    context = context_class()
    context.setProject(project)
    feedback = feedback_class()
    processing.run("bildungslandschaft:exportmap", {
        "LAYERS": [loaded["Grundschulen"].id(), loaded["handlungsbedarf"].id()],  # top first
        "TITLE": "Handlungsbedarf: soziale Lage und Erreichbarkeit der Grundschulen",
        "SUBTITLE": "Musterstadt, Ortsteile – Sozialindex 2025 × Anteil Kinder (6–9) über 1000 m Fußweg",
        "SOURCE": "Statistisches Amt Musterstadt (synthetische Beispieldaten); Berechnung: Bildungslandschaft",
        "PAGE": 0, "ADD_LAYOUT_TO_PROJECT": True,
        "OUTPUT": os.path.join(out, "Musterstadt_Handlungsbedarf.pdf")}, context=context, feedback=feedback)
    def source(layer):  # a Processing input string for a layer of this project
        return ("postgres://" if layer.providerType() == "postgres" else "") + layer.source()

    timeseries = os.path.join(out, "sozialdaten_zeitreihe.csv")
    processing.run("bildungslandschaft:districtprofiles", {
        "DISTRICTS": source(loaded["handlungsbedarf"]), "NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key",
        "INDICATORS": "Einwohner,Einwohner,Kinder_u15,Kinder unter 15 Jahren,SGB2_Quote,SGB-II-Quote (%),"
                      "Kinderarmut,Kinderarmut (%),Arbeitslosigkeit,Arbeitslosigkeit (%),"
                      "beyond_1000,Kinder 6–9 über 1000 m (%),index,Sozialindex",
        "TIMESERIES": timeseries if os.path.exists(timeseries) else None,
        "FACILITIES": source(loaded["einrichtungen"]),
        "PARENT_FIELD": "sb_name", "AGE_FIELDS": ["ew_0_2", "ew_3_5", "ew_6_9", "ew_10_15"],
        "ADD_LAYOUT_TO_PROJECT": True,
        "OUTPUT": os.path.join(out, "Musterstadt_Ortsteilprofile.pdf")}, context=context, feedback=feedback)


if __name__ == "__main__":
    sys.exit(main())
