"""Default styles (styles.py, resources/styles) and the profile chart (charts.py)."""

import os

from qgis.core import QgsProcessingContext

from bildungslandschaft_plugin.rendering import charts, styles
from bildungslandschaft_plugin.core.classify import nice_breaks
from tests import maps_data
from tests.pdftools import image_ink


def test_facilities_style_by_typ():
    layer = maps_data.facilities()
    assert styles.guess_kind(layer) == "facilities"
    assert styles.apply_default_style(layer)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "typ"
    values = [c.value() for c in renderer.categories()]
    for typ in ("Grundschule", "Oberschule", "Gymnasium", "Kita", "Bibliothek", "Volkshochschule", "Jugendtreff"):
        assert typ in values
    # every type has its own shape and colour
    symbols = [(c.symbol().symbolLayer(0).shape(), c.symbol().color().name())
               for c in renderer.categories() if c.value()]
    assert len(set(s[0] for s in symbols)) == len(symbols)
    assert len(set(s[1] for s in symbols)) == len(symbols)


def test_polygon_kinds_and_light_fills():
    layer = maps_data.districts()
    assert styles.guess_kind(layer) == "districts"
    for kind in ("districts", "boundaries", "catchments", "serviceareas"):
        assert styles.apply_default_style(layer, kind)
        assert layer.renderer().type() == "singleSymbol"
    # service areas: a light, translucent fill
    assert layer.renderer().symbol().color().alpha() < 128
    layer.setName("Einzugsbereiche Grundschulen")
    assert styles.guess_kind(layer) == "catchments"
    assert not styles.apply_default_style(layer, "no_such_style")


def test_graduated_uses_nice_breaks_and_colorbrewer():
    layer = maps_data.districts()
    assert styles.apply_default_style(layer, "graduated", field="quote", n_classes=3)
    renderer = layer.renderer()
    edges = [r.lowerValue() for r in renderer.ranges()] + [renderer.ranges()[-1].upperValue()]
    assert edges == nice_breaks([10, 20, 30, 40], 3)
    colours = [r.symbol().color().name() for r in renderer.ranges()]
    assert colours[0] == "#ffeda0" and colours[-1] == "#f03b20"  # YlOrRd, 3 classes
    assert not styles.apply_default_style(layer, "graduated", field="missing")
    assert not styles.apply_default_style(layer, "graduated")


def test_attach_without_loading_does_nothing():
    assert styles.attach_default_style(QgsProcessingContext(), "x", "facilities") is None
    assert "facilities" in styles.available_kinds() and "graduated" in styles.available_kinds()


def test_chart_png(tmp_path):
    path = str(tmp_path / "c.png")
    panels = [("Quote", [2021, 2022, 2023], [10.0, float("nan"), 12.0], [11.0, 11.5, 11.2])]
    assert charts.render_timeseries_png(path, panels, 120, 50, dpi=100, district_label="A", city_label="Stadt")
    ink, colours = image_ink(path)
    assert ink > 0.02 and colours > 5
    assert charts.render_timeseries_png(str(tmp_path / "d.png"), [("Q", [2021], [float("nan")], [float("nan")])],
                                        50, 30) is None
    assert not os.path.exists(str(tmp_path / "d.png"))


def test_nice_axis():
    assert charts.nice_axis(3.2, 17.9) == (0.0, 20.0, 5.0)
    assert charts.nice_axis(5, 5) == (4.5, 5.5, 0.25)  # constant: ±10 %, step nice(1 / 4) rounded up


def test_priority_style_legend_in_the_users_language():
    """The QML labels are English; applied as a default style (e.g. by exportmap) they follow the locale."""
    from bildungslandschaft_plugin import translation
    from tests.util import memory_layer

    layer = memory_layer("Polygon", "EPSG:25833", [("priority", int)],
                         [("POLYGON((0 0,1 0,1 1,0 0))", {"priority": p}) for p in (1, 2, 3, 4)])
    assert translation.install_translator("de")
    try:
        assert styles.guess_kind(layer) == "priority"
        assert styles.apply_default_style(layer)
    finally:
        translation.remove_translator()
    labels = {str(c.value()): c.label() for c in layer.renderer().categories()}
    assert labels["1"] == "1 höchster Handlungsbedarf (Schwerpunktraum)"
    assert all(not label.startswith(("1 highest", "2 high", "3 moderate", "4 low")) for label in labels.values())


def test_translated_labels_reach_the_layer_tree_legend(qgis_new_project):
    """A layer already in the project (as Processing outputs are when post-processed) shows the new labels."""
    from qgis.core import QgsLayerTreeModel, QgsProject

    from bildungslandschaft_plugin import translation
    from tests.util import memory_layer

    layer = memory_layer("Polygon", "EPSG:25833", [("priority", int)],
                         [("POLYGON((0 0,1 0,1 1,0 0))", {"priority": p}) for p in (1, 2)])
    QgsProject.instance().addMapLayer(layer)
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    assert translation.install_translator("de")
    try:
        assert styles.apply_default_style(layer)
    finally:
        translation.remove_translator()
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    texts = [n.data(0) for n in model.layerLegendNodes(node)]
    assert "1 höchster Handlungsbedarf (Schwerpunktraum)" in texts


def test_year_label_step_by_hand():
    # centres 10 px apart, labels 12 px wide, 1 px gap: neighbours overlap (10 < 12 + 1); every second
    # label, counted back from the last, is 20 px apart -> fits
    assert charts.year_label_step([0, 10, 20, 30], [12] * 4, 1) == 2
    assert charts.year_label_step([0, 20, 40], [12] * 3, 1) == 1
    assert charts.year_label_step([0, 5, 10, 15, 20, 25, 30], [12] * 7, 1) == 3
    assert charts.year_label_step([0], [50], 1) == 1


def _draw_profile_chart(years, width_mm=186.0, height_mm=42.0, panels=3, px_per_mm=300 / 25.4):
    """Draw the profile's time-series chart (3 panels on the page width) and return the year label boxes."""
    from qgis.PyQt.QtGui import QImage, QPainter

    image = QImage(int(width_mm * px_per_mm), int(height_mm * px_per_mm), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    data = [("Indikator {}".format(p), years, [10.0 + p + 0.3 * i for i in range(len(years))],
             [12.0 + 0.2 * i for i in range(len(years))], p == 1) for p in range(panels)]
    drawn = charts.draw_timeseries(painter, image.width(), image.height(), px_per_mm, data,
                                   district_label="Ortsteil", city_label="Stadt", mean_label="Stadt: Ø")
    painter.end()
    return drawn


def test_year_labels_never_overlap_up_to_15_years():
    """13-15 years in a third of the page: the labels drawn do not touch (geometric check on the drawn boxes,
    whatever font is installed); the latest year is always labelled; short series keep every year."""
    for n in (3, 8, 13, 14, 15):
        years = list(range(2025 - n + 1, 2026))
        for panels in (1, 3):
            drawn = _draw_profile_chart(years, panels=panels)
            for p in range(panels):
                boxes = sorted((box.left(), box.right(), text) for i, text, box in drawn if i == p)
                assert boxes[-1][2] == "2025"
                for (l0, r0, t0), (l1, r1, t1) in zip(boxes, boxes[1:]):
                    assert r0 < l1, (n, panels, t0, t1)
                if n <= 8 and panels == 1:
                    assert len(boxes) == n  # room for all of them
                if n == 3:
                    assert len(boxes) == 3
            if n >= 13 and panels == 3:
                assert len([1 for i, _t, _b in drawn if i == 0]) < n  # thinned out
    # label spacing is regular: every k-th year counted back from the last
    drawn = _draw_profile_chart(list(range(2011, 2026)))
    labelled = sorted(int(t) for i, t, _b in drawn if i == 0)
    steps = {b - a for a, b in zip(labelled, labelled[1:])}
    assert len(steps) == 1 and labelled[-1] == 2025


def test_storing_a_style_twice_never_asks(tmp_path):
    """A second style of the same name into the same GeoPackage (a re-run into a kept file) replaces the first;
    QGIS would otherwise ask in a message box and a headless run would never end (the demo hung there).
    Run in a subprocess with a timeout so that a regression fails instead of hanging the suite."""
    import sqlite3
    import subprocess
    import sys

    gpkg = tmp_path / "areas.gpkg"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    code = (
        "import os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "sys.path.insert(0, {root!r})\n"
        "from qgis.core import QgsApplication, QgsVectorLayer, QgsVectorFileWriter, QgsCoordinateTransformContext\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from bildungslandschaft_plugin.rendering.styles import graduated_renderer, store_style\n"
        "mem = QgsVectorLayer('Polygon?crs=EPSG:25833&field=share:double', 'm', 'memory')\n"
        "from qgis.core import QgsFeature, QgsGeometry\n"
        "for i in range(4):\n"
        "    f = QgsFeature(mem.fields()); f['share'] = float(i)\n"
        "    f.setGeometry(QgsGeometry.fromWkt('POLYGON(({{0}} 0,{{0}} 1,{{1}} 1,{{1}} 0,{{0}} 0))'.format(i, i + 1)))\n"
        "    mem.dataProvider().addFeature(f)\n"
        "opts = QgsVectorFileWriter.SaveVectorOptions(); opts.driverName = 'GPKG'; opts.layerName = 'areas'\n"
        "QgsVectorFileWriter.writeAsVectorFormatV3(mem, {gpkg!r}, QgsCoordinateTransformContext(), opts)\n"
        "errors = []\n"
        "for classes in (2, 4):\n"
        "    lyr = QgsVectorLayer({gpkg!r} + '|layername=areas', 'x', 'ogr')\n"
        "    lyr.setRenderer(graduated_renderer(lyr, 'share', n_classes=classes, method='equal'))\n"
        "    errors.append(store_style(lyr, 'default', 'run'))\n"
        "    print(len(lyr.renderer().ranges()))\n"
        "    del lyr\n"
        "app.exitQgis()\n"
        "sys.exit(1 if any(errors) else 0)\n").format(root=root, gpkg=str(gpkg))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    with sqlite3.connect(str(gpkg)) as db:
        rows = db.execute("SELECT styleName, useAsDefault, styleQML FROM layer_styles").fetchall()
    assert [(name, int(default)) for name, default, _qml in rows] == [("default", 1)]
    first, second = [int(n) for n in proc.stdout.split()]
    assert first != second
    assert rows[0][2].count("<range ") == second  # the second run's classes, not the first's
