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


def rich_districts():
    """maps_data's four districts plus Stadtbezirk, social-index class, age cohorts with flags and a
    count field that arrives as float (suppressed cell in district 03)."""
    from qgis.core import QgsField
    from bildungslandschaft_plugin import compat

    layer = maps_data.districts()
    new = [("sb_name", compat.FIELD_STRING), ("index_class", compat.FIELD_INT), ("index_label", compat.FIELD_STRING),
           ("kinder_u15", compat.FIELD_DOUBLE), ("kinder_u15_flag", compat.FIELD_STRING),
           ("ew_0_5", compat.FIELD_DOUBLE), ("ew_0_5_flag", compat.FIELD_STRING), ("ew_6_17", compat.FIELD_DOUBLE)]
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in new])
    layer.updateFields()
    idx = {n: layer.fields().lookupField(n) for n, _t in new}
    values = {
        # key: sb, class, label, kinder_u15, flag, ew_0_5, flag, ew_6_17
        "01": ("Mitte", 4, "sehr niedrig", 211.0, None, 50.0, None, 150.0),
        "02": ("Nord", 1, "hoch", 420.0, None, 300.0, None, 600.0),
        "03": ("Süd", 2, "mittel", None, ".", None, "primary", 200.0),
        "04": ("Süd", None, None, 35.0, None, 20.0, None, 30.0),
    }
    changes = {}
    for feat in layer.getFeatures():
        row = values[feat["ot_key"]]
        changes[feat.id()] = {idx[n]: v for (n, _t), v in zip(new, row)}
    layer.dataProvider().changeAttributeValues(changes)
    return layer


def test_counts_flags_parent_class_trend_and_ages(tmp_path):
    out = str(tmp_path / "profile.pdf")
    run(DISTRICTS=rich_districts(), INDICATORS=["quote", "SGB-II-Quote", "kinder_u15", "Kinder unter 15"],
        TIMESERIES=maps_data.timeseries(), FACILITIES=maps_data.facilities(), PARENT_FIELD="sb_name",
        AGE_FIELDS=["ew_0_5", "ew_6_17"], OUTPUT=out)
    assert pdf_pages(out) == 4
    page1 = pdf_text(out, 1)
    # a count that arrives as float prints without decimals; its city value too:
    # (211*1000 + 420*3000 + 35*500) / 4500 = 330.8 -> 331 (03 is suppressed and left out)
    assert num(211, 0) in page1 and num(211, 1) not in page1
    assert num(331, 0) in page1
    assert tr("Borough {0}").format("Mitte") in page1
    assert tr("Social index class {0}").format(4) in page1 and "sehr niedrig" in page1
    # the rate keeps its decimal; trend of quote 10 -> 12 (2021-2023): up by 2.0
    assert num(10.0, 1) in page1
    assert "↑ +" + num(2.0, 1) in page1
    assert tr("Trend: change {0}–{1} (→: less than 2 % of the first value)").format(2021, 2023) in page1
    # age structure: 50 / 1000 = 5.0 % of the population, 150 / 1000 = 15.0 %
    assert num(5.0, 1) in page1 and num(15.0, 1) in page1
    assert tr("Age structure: share of the population (%)") in page1
    page3 = pdf_text(out, 3)
    assert "– (.)" in page3  # suppressed Kinder unter 15 in Südstadt
    assert tr("unknown or kept secret") in page3
    assert tr("suppressed (small count)") in page3 or "primary" in page3
    assert tr("Social index\nno class (left out)").split("\n")[0] in pdf_text(out, 4)
    ink, colours = page_ink(out, 1)
    assert ink > 0.05 and colours > 20


def test_without_timeseries_no_trend_column(tmp_path):
    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=maps_data.districts(), OUTPUT=out)
    text = pdf_text(out, 1)
    assert tr("Trend") not in text and tr("Social index class {0}").format(1)[:10] not in text
    assert tr("Age structure: share of the population (%)") not in text


def test_new_parameters_bad_input(tmp_path):
    out = str(tmp_path / "p.pdf")
    with pytest.raises(QgsProcessingException, match="PARENT_FIELD"):
        run(DISTRICTS=maps_data.districts(), PARENT_FIELD="nope", OUTPUT=out)
    with pytest.raises(QgsProcessingException, match="AGE_FIELDS|numeric"):
        run(DISTRICTS=maps_data.districts(), AGE_FIELDS=["ot_name"], OUTPUT=out)


def test_pdf_is_vector_and_small(tmp_path):
    """Charts are drawn as vectors (no raster image in the PDF) and the page stays small."""
    import subprocess

    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=rich_districts(), TIMESERIES=maps_data.timeseries(), AGE_FIELDS=["ew_0_5", "ew_6_17"],
        OUTPUT=out)
    images = subprocess.run(["pdfimages", "-list", out], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # header lines only
    import os
    assert os.path.getsize(out) < 4 * 150_000


def test_qgis_process_new_parameters(tmp_path, qgis_process_env):
    city = maps_data.write_gpkg(str(tmp_path / "stadt.gpkg"))
    csv = maps_data.write_timeseries_csv(str(tmp_path / "zeitreihe.csv"))
    out = str(tmp_path / "profile.pdf")
    result = qgisproc.run(ALG, {
        "DISTRICTS": city["ortsteile"], "NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key",
        "INDICATORS": "quote,SGB-II-Quote,kinder,Kinder unter 15", "TIMESERIES": csv, "PARENT_FIELD": "ot_key",
        "AGE_FIELDS": "kinder", "OUTPUT": out}, env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT"] == out
    assert pdf_pages(out) == 4
    text = pdf_text(out, 2)
    # kinder is an integer field: 110 without decimals; 110 / 3000 = 3.7 % of the population
    assert "Nordviertel" in text and "110" in text and num(3.7, 1) in text
    assert "↑" in text  # quote rises from 20 to 22
