"""bildungslandschaft:exportmap – council maps as PDF/PNG/SVG."""

import os

import processing
import pytest
import qgisproc
from qgis.core import QgsProcessingException, QgsProject
from qgis.PyQt.QtGui import QImage

from tests import maps_data
from bildungslandschaft_plugin import compat
from bildungslandschaft_plugin.rendering import layouts
from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.rendering.map_layout import build_map_layout, today_text
from tests.pdftools import image_ink, page_ink, pdf_page_size_pt, pdf_pages, pdf_text

ALG = ids.full_id(ids.EXPORT_MAP)


def run(**params):
    return processing.run(ALG, params)


@pytest.fixture
def city(tmp_path):
    return maps_data.write_gpkg(str(tmp_path / "stadt.gpkg"))


def test_pdf_a4_portrait_has_title_legend_source_and_date(tmp_path, city):
    out = str(tmp_path / "karte.pdf")
    result = run(LAYERS=[city["einrichtungen"], city["ortsteile"]], TITLE="Grundschulen in Musterstadt",
                 SUBTITLE="Standorte 2025", SOURCE="Schulverwaltungsamt", DATE="31.12.2025", PAGE=0, OUTPUT=out)
    assert result["OUTPUT"] == out
    assert pdf_pages(out) == 1
    w, h = pdf_page_size_pt(out)
    assert (round(w), round(h)) == (595, 842)  # A4 portrait in points
    text = pdf_text(out)
    for expected in ("Grundschulen in Musterstadt", "Standorte 2025", "Schulverwaltungsamt", "31.12.2025",
                     "Kita", "Gymnasium", "einrichtungen", "ortsteile"):
        assert expected in text
    # facilities got the plugin's categorized style, only types on the map are listed
    assert "Volkshochschule" not in text
    ink, colours = page_ink(out)
    assert ink > 0.01 and colours > 5
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".karte")]  # no temp file left


def test_default_date_and_source(tmp_path, city):
    out = str(tmp_path / "karte.pdf")
    run(LAYERS=[city["ortsteile"]], TITLE="Ortsteile", PAGE=1, OUTPUT=out)
    text = pdf_text(out)
    assert today_text() in text
    assert "ortsteile" in text


@pytest.mark.parametrize("page, size", [(1, (842, 595)), (2, (842, 1191)), (3, (1191, 842))])
def test_page_sizes(tmp_path, city, page, size):
    out = str(tmp_path / "karte.pdf")
    run(LAYERS=[city["ortsteile"]], TITLE="Ortsteile", PAGE=page, OUTPUT=out)
    w, h = pdf_page_size_pt(out)
    assert (round(w), round(h)) == size


def test_png_and_svg(tmp_path):
    layer = maps_data.districts()
    png = str(tmp_path / "karte.png")
    run(LAYERS=[layer], TITLE="Ortsteile", PAGE=0, OUTPUT=png)
    image = QImage(png)
    assert abs(image.width() - 1654) <= 1 and abs(image.height() - 2339) <= 1  # A4 at 200 dpi
    ink, _colours = image_ink(png)
    assert ink > 0.005
    svg = str(tmp_path / "karte.svg")
    run(LAYERS=[layer], TITLE="Ortsteile im Überblick", PAGE=1, OUTPUT=svg)
    with open(svg, encoding="utf-8") as fh:
        content = fh.read()
    assert "<svg" in content and "Ortsteile im" in content


def test_memory_input_layer_is_not_restyled(tmp_path):
    layer = maps_data.facilities()
    before = layer.renderer().type()
    run(LAYERS=[layer], TITLE="Einrichtungen", OUTPUT=str(tmp_path / "k.pdf"))
    assert layer.renderer().type() == before == "singleSymbol"
    assert "Grundschule" in pdf_text(str(tmp_path / "k.pdf"))  # the copy got the typ style


def test_project_layer_keeps_its_style(tmp_path):
    layer = maps_data.facilities()
    QgsProject.instance().addMapLayer(layer)
    try:
        run(LAYERS=[layer.id()], TITLE="Einrichtungen", OUTPUT=str(tmp_path / "k.pdf"))
        text = pdf_text(str(tmp_path / "k.pdf"))
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert "Grundschule" not in text  # single symbol as the user left it: one legend entry
    assert "einrichtungen" in text


def test_extent_parameter(tmp_path, city):
    out = str(tmp_path / "k.pdf")
    run(LAYERS=[city["ortsteile"]], TITLE="Ausschnitt", EXTENT="390000,390500,5800000,5800500 [EPSG:25833]",
        OUTPUT=out)
    text = pdf_text(out)
    assert " m" in text and " km" not in text  # a 500 m wide map gets a scale bar in metres


def test_long_title_wraps_and_shrinks():
    title = "Erreichbarkeit der Grundschulen für Kinder von 6 bis 9 Jahren " * 6
    layout = build_map_layout(QgsProject.instance(), [maps_data.districts()],
                              maps_data.districts().crs(), maps_data.districts().extent(), title, "", "Quelle",
                              "heute", ("A4", False))
    label = layout.itemById("title")
    lines = label.text().split("\n")
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert compat.label_font(label).pointSizeF() < 20
    width = label.rect().width()
    assert all(layouts.text_width_mm(line, compat.label_font(label)) <= width + 0.01 for line in lines)
    assert label.rect().bottom() + label.pos().y() < layout.itemById("map").pos().y()


def test_bad_input(tmp_path, city):
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run(LAYERS=[city["ortsteile"]], TITLE="T", OUTPUT=str(tmp_path / "fehlt" / "k.pdf"))
    with pytest.raises(QgsProcessingException, match=r"\.pdf"):
        run(LAYERS=[city["ortsteile"]], TITLE="T", OUTPUT=str(tmp_path / "k.docx"))
    with pytest.raises(QgsProcessingException, match="title"):
        run(LAYERS=[city["ortsteile"]], TITLE="   ", OUTPUT=str(tmp_path / "k.pdf"))
    with pytest.raises(QgsProcessingException):
        run(LAYERS=[str(tmp_path / "gibtsnicht.gpkg")], TITLE="T", OUTPUT=str(tmp_path / "k.pdf"))
    with pytest.raises(QgsProcessingException, match="logo"):
        run(LAYERS=[city["ortsteile"]], TITLE="T", LOGO=str(tmp_path / "logo.png"), OUTPUT=str(tmp_path / "k.pdf"))
    assert not os.path.exists(str(tmp_path / "k.pdf"))


def test_temporary_output_keeps_old_file_on_failure(tmp_path):
    target = tmp_path / "alt.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with layouts.TemporaryOutput(str(target)) as tmp:
            with open(tmp, "wb") as fh:
                fh.write(b"half")
            raise RuntimeError("export failed")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["alt.pdf"]


def test_logo(tmp_path, city):
    logo = str(tmp_path / "logo.png")
    image = QImage(200, 80, QImage.Format.Format_ARGB32)
    image.fill(0xFF1F78B4)
    image.save(logo)
    out = str(tmp_path / "k.pdf")
    run(LAYERS=[city["ortsteile"]], TITLE="Mit Logo", LOGO=logo, OUTPUT=out)
    assert pdf_pages(out) == 1


def test_qgis_process_without_project(tmp_path, city, qgis_process_env):
    out = str(tmp_path / "karte.pdf")
    result = qgisproc.run(ALG, {"LAYERS": [city["einrichtungen"], city["ortsteile"]],
                                "TITLE": "Bildungsorte in Musterstadt", "PAGE": 1, "OUTPUT": out},
                          env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT"] == out
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert "Bildungsorte in Musterstadt" in text and "Kita" in text
