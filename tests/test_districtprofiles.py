"""bildungslandschaft:districtprofiles – one PDF page per district."""

import processing
import pytest
import qgisproc
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QLocale

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.translation import locale_name, tr
from tests import maps_data
from tests.pdftools import page_ink, pdf_pages, pdf_text

ALG = ids.full_id(ids.DISTRICT_PROFILES)
INDICATORS = ["quote", "SGB-II-Quote", "kinder", ""]


def num(value, decimals):
    return QLocale(locale_name()).toString(float(value), "f", decimals)


def run(**params):
    base = {"NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key", "INDICATORS": INDICATORS}
    base.update(params)
    return processing.run(ALG, base)


def test_one_page_per_district_with_values(tmp_path):
    districts = maps_data.districts()
    out = str(tmp_path / "profile.pdf")
    run(DISTRICTS=districts, FACILITIES=maps_data.facilities(), TIMESERIES=maps_data.timeseries(), OUTPUT=out)
    assert pdf_pages(out) == 4
    page1 = pdf_text(out, 1)
    assert "Altstadt" in page1 and "SGB-II-Quote" in page1 and "kinder" in page1
    # city value: population-weighted (10*1000 + 20*3000 + 30*2000 + 40*500) / 6500 = 23.08
    assert num(23.0769, 1) in page1
    assert num(10.0, 1) in page1
    assert "−" + num(13.0769, 1) in page1  # difference 10 - 23.08
    assert tr("{0} of {1}").format(4, 4) in page1  # lowest rate: rank 4 of 4
    # z = (10 - 25) / sqrt(125) = -1.34
    assert "−" + num(1.3416, 2) in page1
    assert num(1000, 0) in page1  # population in the header
    assert "Grundschule 0" in page1  # facility inside Altstadt
    # district 04 has no name: its key is the title
    assert tr("District {0}").format("04") in pdf_text(out, 4)
    assert "Nordviertel" in pdf_text(out, 2) and "Südstadt" in pdf_text(out, 3)
    ink, colours = page_ink(out, 1)
    assert ink > 0.03 and colours > 10
    # inputs untouched
    assert districts.featureCount() == 4 and districts.renderer().type() == "singleSymbol"


def test_filter_selects_pages(tmp_path):
    out = str(tmp_path / "profile.pdf")
    run(DISTRICTS=maps_data.districts(), FILTER="\"einwohner\" >= 2000", OUTPUT=out)
    assert pdf_pages(out) == 2
    text = pdf_text(out)
    assert "Nordviertel" in text and "Südstadt" in text and "Altstadt" not in text
    # ranks still refer to all four districts
    assert tr("{0} of {1}").format(3, 4) in pdf_text(out, 1)


def test_without_optional_inputs_and_field_alias(tmp_path):
    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=maps_data.districts(), INDICATORS=["quote", ""], NAME_FIELD=None, OUTPUT=out)
    assert pdf_pages(out) == 4
    assert tr("District {0}").format("01") in pdf_text(out, 1)
    assert "quote" in pdf_text(out, 1)


def test_bad_input(tmp_path):
    out = str(tmp_path / "p.pdf")
    with pytest.raises(QgsProcessingException, match="selects no district"):
        run(DISTRICTS=maps_data.districts(), FILTER="\"einwohner\" > 100000", OUTPUT=out)
    with pytest.raises(QgsProcessingException, match="FILTER"):
        run(DISTRICTS=maps_data.districts(), FILTER="\"einwohner\" >= (", OUTPUT=out)
    with pytest.raises(QgsProcessingException, match="nope"):
        run(DISTRICTS=maps_data.districts(), INDICATORS=["nope", "x"], OUTPUT=out)
    with pytest.raises(QgsProcessingException, match="numeric"):
        run(DISTRICTS=maps_data.districts(), INDICATORS=["ot_name", "x"], OUTPUT=out)
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run(DISTRICTS=maps_data.districts(), OUTPUT=str(tmp_path / "fehlt" / "p.pdf"))
    dup = maps_data.districts()
    dup.dataProvider().changeAttributeValues({2: {0: "01"}})
    with pytest.raises(QgsProcessingException, match="twice"):
        run(DISTRICTS=dup, OUTPUT=out)
    assert not (tmp_path / "p.pdf").exists()


def test_timeseries_table_without_key_column(tmp_path):
    from tests.util import memory_layer

    table = memory_layer("None", "EPSG:25833", [("x", str), ("y", int)], [(None, {"x": "a", "y": 1})])
    with pytest.raises(QgsProcessingException, match="year column"):
        run(DISTRICTS=maps_data.districts(), TIMESERIES=table, OUTPUT=str(tmp_path / "p.pdf"))


def test_qgis_process_without_project(tmp_path, qgis_process_env):
    city = maps_data.write_gpkg(str(tmp_path / "stadt.gpkg"))
    csv = maps_data.write_timeseries_csv(str(tmp_path / "zeitreihe.csv"))
    out = str(tmp_path / "profile.pdf")
    result = qgisproc.run(ALG, {
        "DISTRICTS": city["ortsteile"], "NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key",
        "INDICATORS": "quote,SGB-II-Quote,kinder,Kinder unter 15", "FILTER": "\"ot_key\" <> '02'", "TIMESERIES": csv,
        "FACILITIES": city["einrichtungen"], "OUTPUT": out}, env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT"] == out
    assert pdf_pages(out) == 3
    text = pdf_text(out)
    assert "Altstadt" in text and "Südstadt" in text and "Nordviertel" not in text


@pytest.mark.parametrize("value, expected", [
    (["a", "A", "b", ""], [("a", "A"), ("b", "")]),
    ("a,A,b,B", [("a", "A"), ("b", "B")]),
    ("a=Quote, in %;b", [("a", "Quote, in %"), ("b", "")]),
    (None, []),
])
def test_parse_indicators(value, expected):
    from bildungslandschaft_plugin.processing.alg_districtprofiles import parse_indicators

    assert parse_indicators(value) == expected
