"""The results as a QGIS project: ``make demo``'s Musterstadt.qgz opened for real, and ADD_LAYOUT_TO_PROJECT."""

import os
import shutil

import processing
import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsLayerTreeGroup,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.rendering import layouts, styles
from tests import maps_data
from tests import demo_run
from tests.pdftools import pdf_pages, pdf_text

GROUPS = ["Grundlagen", "Sozialstruktur", "Erreichbarkeit", "Handlungsbedarf", "Bildungskompass"]
demo_gpkg = demo_run.demo_gpkg  # the fixture, shared with test_demo.py (one demo run per session)
#: single-symbol layers of the demo project and the plugin style (QML kind) they must carry
SINGLE_SYMBOL_KINDS = {"Ortsteile": "districts", "Stadtbezirke": "boundaries", "Straßennetz": "network",
                       "Kooperationen": "network", "Einzugsbereiche der Grundschulen": "catchments"}


@pytest.fixture
def instance():
    """QgsProject.instance(), emptied before and after (QGIS resolves layers of expressions there)."""
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def _symbol_props(renderer):
    symbol = renderer.symbol()
    return [symbol.symbolLayer(i).properties() for i in range(symbol.symbolLayerCount())]


def _export_atlas(layout, path):
    atlas = layout.atlas()
    result, error = QgsLayoutExporter.exportToPdf(atlas, str(path), layouts.pdf_settings(72))
    assert result == QgsLayoutExporter.ExportResult.Success, error
    return pdf_pages(str(path))


def _check_demo_project(project, folder):
    """Layers valid, styled, grouped; both layouts; every path inside *folder*."""
    layers = list(project.mapLayers().values())
    assert len(layers) >= 20
    for layer in layers:
        assert layer.isValid(), layer.name()
        path = layer.source().split("|", 1)[0]
        assert os.path.commonpath([os.path.realpath(path), os.path.realpath(str(folder))]) == \
            os.path.realpath(str(folder)), (layer.name(), path)
    root = project.layerTreeRoot()
    top = [child.name() for child in root.children() if isinstance(child, QgsLayerTreeGroup)]
    assert [g for g in top if g in GROUPS] == GROUPS
    for name in GROUPS:
        assert root.findGroup(name).findLayers(), name
    grouped = {node.layerId() for name in GROUPS for node in root.findGroup(name).findLayers()}
    for layer in layers:
        if layer.id() not in grouped:
            continue  # the profile atlas's own layers (their group, styled by the atlas)
        renderer = layer.renderer()
        if isinstance(renderer, QgsSingleSymbolRenderer):
            kind = SINGLE_SYMBOL_KINDS.get(layer.name())
            if kind is None:  # the chosen sites: the red star the demo stored with the layer
                assert renderer.symbol().color().name() == "#e31a1c", layer.name()
                continue
            reference = QgsVectorLayer(layer.source(), "reference", layer.providerType())
            assert styles.apply_default_style(reference, kind)
            assert _symbol_props(renderer) == _symbol_props(reference.renderer()), layer.name()
        else:
            assert isinstance(renderer, (QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer)), layer.name()
            items = renderer.categories() if isinstance(renderer, QgsCategorizedSymbolRenderer) else renderer.ranges()
            assert len(items) >= 2 and all(item.label() for item in items), layer.name()
    labels = {layer.name(): [c.label() for c in layer.renderer().categories()] for layer in layers
              if layer.name() in ("Sozialindex (Klassen)", "Handlungsbedarf")}
    assert any("niedrig" in label for label in labels["Sozialindex (Klassen)"]), labels  # German legend
    assert any("Handlungsbedarf" in label or "hoch" in label for label in labels["Handlungsbedarf"]), labels
    return layers


def test_demo_project_opens_styled_grouped_and_moves(demo_gpkg, instance, tmp_path):
    out, proc = demo_gpkg
    assert "Musterstadt.qgz" in proc.stdout
    # the folder moved elsewhere (and the original out of reach): everything is read from the new place
    moved = tmp_path / "anderswo" / "Musterstadt"
    shutil.copytree(out, moved, ignore=shutil.ignore_patterns("layers"))
    hidden = out.parent / (out.name + "_versteckt")
    out.rename(hidden)
    try:
        assert instance.read(str(moved / "Musterstadt.qgz"))
        assert instance.crs().authid() == "EPSG:25833"
        _check_demo_project(instance, moved)
        n_districts = QgsVectorLayer(str(moved / "Musterstadt_Ergebnisse.gpkg") + "|layername=handlungsbedarf",
                                     "x", "ogr").featureCount()
        names = [layout.name() for layout in instance.layoutManager().printLayouts()]
        council = [layout for layout in instance.layoutManager().printLayouts() if not layout.atlas().enabled()]
        assert len(council) == 1 and council[0].name().startswith("Handlungsbedarf: soziale Lage"), names
        council = council[0]
        maps = [i for i in council.items() if isinstance(i, QgsLayoutItemMap)]
        assert len(maps) == 1 and {layer.name() for layer in maps[0].layers()} == {"Grundschulen", "Handlungsbedarf"}
        assert all(instance.mapLayer(layer.id()) is layer for layer in maps[0].layers())
        profiles = [layout for layout in instance.layoutManager().printLayouts() if layout.atlas().enabled()]
        assert len(profiles) == 1, names
        atlas = profiles[0].atlas()
        assert atlas.coverageLayer().featureCount() == n_districts
        # Atlas ▸ Export: one page per district, in the order of the batch PDF, charts from the moved folder
        pdf = tmp_path / "atlas.pdf"
        assert _export_atlas(profiles[0], pdf) == n_districts
        batch = str(hidden / "Musterstadt_Ortsteilprofile.pdf")
        assert pdf_pages(batch) == n_districts
        for page in (1, n_districts):  # the title (the district's name) and the badge, spacing aside
            first_line = " ".join(pdf_text(batch, page).split("\n", 1)[0].split())
            assert first_line and first_line in " ".join(pdf_text(str(pdf), page).split()), (page, first_line)
        pictures = [i for i in profiles[0].items() if isinstance(i, QgsLayoutItemPicture) and i.isVisible()]
        assert pictures and all(i.evaluatedPath().startswith(str(moved)) for i in pictures)
        assert all(os.path.getsize(i.evaluatedPath()) > 1000 for i in pictures)
    finally:
        hidden.rename(out)


def test_districtprofiles_add_layout_to_project(tmp_path, instance):
    out = tmp_path / "profile.pdf"
    processing.run(ids.full_id(ids.DISTRICT_PROFILES), {
        "DISTRICTS": maps_data.districts(), "NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key",
        "INDICATORS": ["quote", "SGB-II-Quote", "kinder", ""], "TIMESERIES": maps_data.timeseries(),
        "FACILITIES": maps_data.facilities(), "FILTER": "\"ot_key\" <> '03'", "ADD_LAYOUT_TO_PROJECT": True,
        "OUTPUT": str(out)})
    layouts_ = instance.layoutManager().printLayouts()
    assert len(layouts_) == 1 and layouts_[0].atlas().enabled()
    atlas = layouts_[0].atlas()
    assert atlas.coverageLayer().featureCount() == 4  # all districts; the filtered three are the pages
    assert atlas.updateFeatures() == 3
    assert sorted(os.listdir(tmp_path / "profile_atlas")) == [
        "atlas.gpkg", "seite_001_zeitreihe.svg", "seite_002_zeitreihe.svg", "seite_003_zeitreihe.svg"]
    again = tmp_path / "again.pdf"
    assert _export_atlas(layouts_[0], again) == 3
    for page, name in enumerate(["Altstadt", "Nordviertel"], start=1):
        text = pdf_text(str(again), page)
        assert name in text and name in pdf_text(str(out), page)
        assert "SGB-II-Quote" in text  # the indicator table (attribute table of the atlas data)
    assert "04" in pdf_text(str(again), 3)  # the district without a name: titled by its key


def test_exportmap_add_layout_to_project(tmp_path, instance):
    districts = maps_data.districts()
    instance.addMapLayer(districts)
    facilities = maps_data.facilities()  # not in the project: added with the layout
    title = "Karte für den Ausschuss"
    processing.run(ids.full_id(ids.EXPORT_MAP), {
        "LAYERS": [facilities, districts.id()], "TITLE": title, "ADD_LAYOUT_TO_PROJECT": True,
        "OUTPUT": str(tmp_path / "karte.pdf")})
    layout = instance.layoutManager().layoutByName(title)
    assert layout is not None and layout.pageCollection().pageCount() == 1
    maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
    assert len(maps) == 1 and len(maps[0].layers()) == 2
    assert all(instance.mapLayer(layer.id()) is layer for layer in maps[0].layers())
    assert districts in maps[0].layers()
    # a second run: a second layout, its own name; without the option nothing is added
    processing.run(ids.full_id(ids.EXPORT_MAP), {
        "LAYERS": [districts.id()], "TITLE": title, "ADD_LAYOUT_TO_PROJECT": True,
        "OUTPUT": str(tmp_path / "karte2.pdf")})
    processing.run(ids.full_id(ids.EXPORT_MAP), {
        "LAYERS": [districts.id()], "TITLE": title, "OUTPUT": str(tmp_path / "karte3.pdf")})
    assert sorted(layout.name() for layout in instance.layoutManager().printLayouts()) == [title, title + " (2)"]
    assert (tmp_path / "karte3.pdf").stat().st_size > 0


def _colours(path, step=7):
    """Distinct colours of a sample of the pixels of the image at *path* (every *step*-th pixel)."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    return image.width(), image.height(), {image.pixel(x, y) for x in range(0, image.width(), step)
                                           for y in range(0, image.height(), step)}


def test_screenshot_script_opens_the_project(demo_gpkg, tmp_path):
    """scripts/screenshot_qgis.sh project: a real QGIS window under Xvfb with Musterstadt.qgz and the atlas."""
    import subprocess

    out, _proc = demo_gpkg
    env = dict(os.environ, BL_PROJECT=str(out / "Musterstadt.qgz"), BL_SHOT=str(tmp_path / "project.png"),
               BL_SHOT_LAYOUT=str(tmp_path / "atlas.png"))
    env.pop("QT_QPA_PLATFORM", None)
    script = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts",
                          "screenshot_qgis.sh")
    proc = subprocess.run(["bash", script, "project"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("project.png", "atlas.png"):
        width, height, colours = _colours(tmp_path / name)
        assert (width, height) == (1440, 900), name
        assert len(colours) > 50, (name, len(colours))  # a window with map and panels, not a blank screen
