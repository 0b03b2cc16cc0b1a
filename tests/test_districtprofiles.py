"""bildungslandschaft:districtprofiles – one PDF page per district."""

import unicodedata

import processing
import pytest
import qgisproc
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QLocale

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.translation import locale_name, tr
from tests import maps_data
from tests.pdftools import page_ink, pdf_pages
from tests.pdftools import pdf_text as _pdf_text
from tests.util import LogFeedback

ALG = ids.full_id(ids.DISTRICT_PROFILES)
INDICATORS = ["quote", "SGB-II-Quote", "kinder", ""]


def pdf_text(path, page=None):
    """The page text, NFKC-normalised (the PDF writes "fi" as a ligature) and independent of the fonts."""
    return unicodedata.normalize("NFKC", _pdf_text(path, page))


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
    from bildungslandschaft_plugin.rendering.profile_pages import parse_indicators

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
    # a count that arrives as float prints without decimals; its city value is the total of the districts
    # with a value: 211 + 420 + 35 = 666 (03 is suppressed and left out), not weighted by population
    assert num(211, 0) in page1 and num(211, 1) not in page1
    assert num(666, 0) in page1 and num(331, 0) not in page1
    assert tr("Borough {0}").format("Mitte") in page1
    # the layer's label "sehr niedrig" is the plugin's own class label: shown in the page's language
    assert tr("Social index class {0}").format(4) in page1 and tr("very low") in page1
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
        "AGE_FIELDS": "kinder", "CITY_VALUES": "quote,kinder", "OUTPUT": out}, env=qgis_process_env, timeout=300)
    assert result["results"]["OUTPUT"] == out
    assert pdf_pages(out) == 4
    text = pdf_text(out, 2)
    # quote weighted by its denominator kinder: (10*100 + 20*110 + 30*120 + 40*130) / 460 = 26.09
    assert row_of(text, "SGB-II-Quote")[1:4] == [num(20.0, 1), num(26.087, 1), "−" + num(6.087, 1)]
    # kinder is an integer field: 110 without decimals; 110 / 3000 = 3.7 % of the population
    assert "Nordviertel" in text and "110" in text and num(3.7, 1) in text
    assert "↑" in text  # quote rises from 20 to 22


def page_lines(feedback):
    return [line for line in feedback.lines if line.startswith(tr("Page {0}: {1}").split("{0}")[0])]


def row_of(text, label):
    """The line of the indicator table that starts with *label* (cells split on runs of blanks)."""
    import re

    for line in text.splitlines():
        if line.strip().startswith(label):
            return [c for c in re.split(r"\s{2,}", line.strip()) if c]
    raise AssertionError("no table row {!r} in {!r}".format(label, text))


def test_city_totals_for_counts_and_weighted_rates(tmp_path):
    """Einwohner: the city column is the total 1000 + 3000 + 2000 + 500 = 6500 (it was the population weighted
    by itself, (1000² + 3000² + 2000² + 500²) / 6500 = 2192.3) and there is no difference against a total."""
    out = str(tmp_path / "p.pdf")
    feedback = LogFeedback()
    processing.run(ALG, {"NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key", "DISTRICTS": maps_data.districts(),
                         "INDICATORS": ["einwohner", "Einwohner", "kinder", "Kinder", "quote", "Quote"],
                         "OUTPUT": out}, feedback=feedback)
    page1 = pdf_text(out, 1)
    assert row_of(page1, "Einwohner")[1:4] == [num(1000, 0), num(6500, 0), "–"]
    assert num(2192, 0) not in page1
    # kinder 100, 110, 120, 130 (an integer field): total 460
    assert row_of(page1, "Kinder")[1:4] == [num(100, 0), num(460, 0), "–"]
    # quote weighted by einwohner: (10*1000 + 20*3000 + 30*2000 + 40*500) / 6500 = 23.08; 10 - 23.08 = -13.1
    assert row_of(page1, "Quote")[1:4] == [num(10.0, 1), num(23.0769, 1), "−" + num(13.0769, 1)]
    assert tr("City: {0}").format(tr("total of all districts for counts and amounts") + "; " + tr(
        "rates weighted by {0}").format("einwohner")) in " ".join(page1.split())
    assert tr("City value of {0}: total of the districts (a count or amount).").format("Einwohner") in feedback.lines
    assert tr("City value of {0}: mean weighted by {1} (the city rate).").format("Quote", "einwohner") \
        in feedback.lines


def test_city_values_parameter_denominator_and_mean(tmp_path):
    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=maps_data.districts(), INDICATORS=["quote", "Quote", "einwohner", "Einwohner"],
        CITY_VALUES=["quote", "kinder", "einwohner", "mean"], OUTPUT=out)
    page2 = pdf_text(out, 2)
    # quote weighted by its denominator kinder: (10*100 + 20*110 + 30*120 + 40*130) / 460 = 26.09;
    # Nordviertel 20 - 26.09 = -6.1
    assert row_of(page2, "Quote")[1:4] == [num(20.0, 1), num(26.087, 1), "−" + num(6.087, 1)]
    # einwohner as a labelled plain mean: 6500 / 4 = 1625; Nordviertel 3000 - 1625 = +1375
    assert row_of(page2, "Einwohner")[1:4] == [num(3000, 0), "Ø " + num(1625, 0), "+" + num(1375, 0)]
    note = " ".join(page2.split())
    assert tr("rates weighted by {0}").format("kinder") in note and tr("Ø plain mean of the districts") in note
    with pytest.raises(QgsProcessingException, match="CITY_VALUES"):
        run(DISTRICTS=maps_data.districts(), INDICATORS=["quote", ""], CITY_VALUES=["kinder", "sum"], OUTPUT=out)
    with pytest.raises(QgsProcessingException, match="CITY_VALUES"):
        run(DISTRICTS=maps_data.districts(), INDICATORS=["quote", ""], CITY_VALUES=["quote", "nope"], OUTPUT=out)


def test_negative_balance_counts_in_the_city_total(tmp_path):
    from qgis.core import QgsField
    from bildungslandschaft_plugin import compat

    layer = maps_data.districts()
    layer.dataProvider().addAttributes([QgsField("wanderungssaldo", compat.FIELD_DOUBLE)])
    layer.updateFields()
    idx = layer.fields().lookupField("wanderungssaldo")
    values = {"01": -23.0, "02": 40.0, "03": -5.0, "04": None}
    layer.dataProvider().changeAttributeValues({f.id(): {idx: values[f["ot_key"]]} for f in layer.getFeatures()})
    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=layer, INDICATORS=["wanderungssaldo", "Wanderungssaldo"], OUTPUT=out)
    # -23 + 40 - 5 = 12 (the positive cell alone would give 40)
    assert row_of(pdf_text(out, 1), "Wanderungssaldo")[1:4] == ["−" + num(23, 0), num(12, 0), "–"]


def test_keys_with_blanks_every_district_gets_its_page(tmp_path):
    layer = maps_data.districts()
    key = layer.fields().lookupField("ot_key")
    blanks = {"01": " 01 ", "02": "02  ", "03": "\t03"}
    layer.dataProvider().changeAttributeValues(
        {f.id(): {key: blanks[f["ot_key"]]} for f in layer.getFeatures() if f["ot_key"] in blanks})
    out = str(tmp_path / "p.pdf")
    feedback = LogFeedback()
    processing.run(ALG, {"NAME_FIELD": "ot_name", "KEY_FIELD": "ot_key", "DISTRICTS": layer,
                         "INDICATORS": INDICATORS, "OUTPUT": out}, feedback=feedback)
    assert pdf_pages(out) == 4
    titles = ["Altstadt", "Nordviertel", "Südstadt", tr("District {0}").format("04")]
    for page, title in enumerate(titles, start=1):
        assert title in pdf_text(out, page)
    # the log names every page once, in order, and counts 4
    assert page_lines(feedback) == [tr("Page {0}: {1}").format(n, t) for n, t in enumerate(titles, start=1)]
    assert tr("{0} profile pages written to {1}").format(4, out) in feedback.lines
    # a filter on the trimmed key selects the district with blanks
    run(DISTRICTS=layer, FILTER="trim(\"ot_key\") = '01'", OUTPUT=out)
    assert pdf_pages(out) == 1 and "Altstadt" in pdf_text(out, 1)


def test_page_count_checked(tmp_path, monkeypatch):
    """If the layout were to find fewer districts than pages, the run fails and writes no PDF."""
    from bildungslandschaft_plugin.rendering import profile_pages as alg

    real = alg.page_field

    def lose_one(layer, selected, frame):
        return real(layer, selected[:-1], frame)

    monkeypatch.setattr(alg, "page_field", lose_one)
    out = tmp_path / "p.pdf"
    with pytest.raises(QgsProcessingException, match="3 districts for 4 pages"):
        run(DISTRICTS=maps_data.districts(), OUTPUT=str(out))
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_write_errors_are_messages_and_leave_no_file(tmp_path, monkeypatch):
    # the output name is a folder
    folder = tmp_path / "p.pdf"
    folder.mkdir()
    with pytest.raises(QgsProcessingException, match="OUTPUT"):
        run(DISTRICTS=maps_data.districts(), OUTPUT=str(folder))
    assert folder.is_dir() and list(folder.iterdir()) == []
    # the PDF is open in another program (Windows refuses the replace): the old file stays as it was
    from bildungslandschaft_plugin.rendering import layouts

    out = tmp_path / "q.pdf"
    out.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(layouts.os, "replace", locked)
    with pytest.raises(QgsProcessingException) as err:
        run(DISTRICTS=maps_data.districts(), OUTPUT=str(out))
    assert str(out) in str(err.value) and "Traceback" not in str(err.value)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.pdf", "q.pdf"]  # no temporary file left
    # the folder cannot be written to (mkstemp fails)
    monkeypatch.undo()

    def no_temp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(layouts.tempfile, "mkstemp", no_temp)
    with pytest.raises(QgsProcessingException, match="OUTPUT"):
        run(DISTRICTS=maps_data.districts(), OUTPUT=str(tmp_path / "r.pdf"))
    assert not (tmp_path / "r.pdf").exists()


def locator_pixels(path, page=1, dpi=100):
    """(orange share, grey share, orange centre x, y as a share of the locator frame) of the locator map.

    The locator frame of the plugin's template: x 136-198 mm, y 41-87 mm; the district is filled
    214,96,37, the others 232,232,232 (colours, not fonts)."""
    import os
    import subprocess
    import tempfile

    from qgis.PyQt.QtGui import QImage

    with tempfile.TemporaryDirectory() as tmp:
        stem = os.path.join(tmp, "page")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                        path, stem], check=True)
        image = QImage(stem + ".png")
    px = dpi / 25.4
    x0, x1, y0, y1 = int(137 * px), int(197 * px), int(42 * px), int(86 * px)
    orange = grey = 0
    ox = oy = 0.0
    for y in range(y0, y1):
        for x in range(x0, x1):
            c = image.pixelColor(x, y)
            if abs(c.red() - 214) < 25 and abs(c.green() - 96) < 25 and abs(c.blue() - 37) < 25:
                orange += 1
                ox += (x - x0) / (x1 - x0)
                oy += (y - y0) / (y1 - y0)
            elif all(abs(v - 232) < 8 for v in (c.red(), c.green(), c.blue())):
                grey += 1
    n = (x1 - x0) * (y1 - y0)
    return orange / n, grey / n, ox / max(orange, 1), oy / max(orange, 1)


@pytest.mark.parametrize("crs", ["EPSG:25833", "EPSG:4326", "EPSG:3857"])
def test_locator_map_in_any_crs(tmp_path, crs):
    layer = maps_data.districts()
    if crs != "EPSG:25833":
        layer = processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": crs, "OUTPUT": "memory:"})[
            "OUTPUT"]
    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=layer, INDICATORS=["quote", ""], OUTPUT=out)
    # four 1 km squares in a 2 x 2 block: the highlighted one covers about a quarter of the city's area
    # (the locator frame is wider than the city: about 0.4 of its width, 0.96 of its height -> ~ 10 % orange,
    # ~ 30 % grey); Altstadt is the lower left square, Südstadt (page 3) the upper left
    orange, grey, cx, cy = locator_pixels(out, 1)
    assert 0.05 < orange < 0.2 and 0.15 < grey < 0.5
    assert cx < 0.5 and cy > 0.5
    orange, grey, cx, cy = locator_pixels(out, 3)
    assert 0.05 < orange < 0.2 and cx < 0.5 and cy < 0.5


def test_badge_in_the_language_of_the_page(tmp_path):
    """An index layer made in an English QGIS ("very low") on a German page: German only."""
    from bildungslandschaft_plugin import translation

    layer = rich_districts()
    idx = layer.fields().lookupField("index_label")
    labels = {"01": "very low", "02": "high", "03": "Klasse 2 von 4 (−1 bis 1)"}
    layer.dataProvider().changeAttributeValues(
        {f.id(): {idx: labels[f["ot_key"]]} for f in layer.getFeatures() if f["ot_key"] in labels})
    out = str(tmp_path / "p.pdf")
    assert translation.install_translator("de")
    try:
        run(DISTRICTS=layer, INDICATORS=["quote", "SGB-II-Quote"], OUTPUT=out)
    finally:
        translation.remove_translator()
    page1, page2, page3 = (" ".join(pdf_text(out, n).split()) for n in (1, 2, 3))
    assert "Sozialindex Klasse 4 sehr niedrig" in page1 and "very low" not in page1
    assert "Sozialindex Klasse 1 hoch" in page2 and "high" not in page2
    assert "Klasse 2 von 4 (−1 bis 1)" in page3
    # and the other way round: German labels on an English page
    from bildungslandschaft_plugin.rendering.profile_pages import class_label_text

    assert class_label_text("sehr niedrig") == tr("very low")
    assert class_label_text("Klasse 2 von 4 (−1 bis 1)") == tr("class {0} of {1} ({2} to {3})").format(
        2, 4, "−1", "1")
    assert class_label_text("eigene Bezeichnung") == "eigene Bezeichnung"


def test_thirteen_years_chart_and_counts_as_mean_per_district(tmp_path):
    from tests.util import memory_layer

    rows = []
    for i in range(4):
        for year in range(2011, 2024):
            rows.append((None, {"Ortsteil": "%02d" % (i + 1), "Jahr": year, "einwohner": maps_data.POP[i],
                                "quote": maps_data.RATE[i] + 0.5 * (year - 2011), "kinder": 100 + i + year - 2011}))
    table = memory_layer("None", "EPSG:25833", [("Ortsteil", str), ("Jahr", int), ("einwohner", int),
                                                 ("quote", float), ("kinder", int)], rows, name="zeitreihe")
    out = str(tmp_path / "p.pdf")
    run(DISTRICTS=maps_data.districts(), INDICATORS=["quote", "Quote", "kinder", "Kinder"], TIMESERIES=table,
        OUTPUT=out)
    text = pdf_text(out, 1)
    # the count's city line is the mean per district, and says so in the legend
    assert tr("City: mean per district") in text
    # 13 years in a panel a third of the page wide: not every year is labelled, the latest one is
    assert "2023" in text and text.count("2012") < text.count("2023")
    # in the PDF itself: the year labels under each panel (same baseline) do not overlap
    boxes = year_boxes(out, 1)
    assert len(boxes) >= 6
    rows = {}
    for x0, y0, x1, _y1, word in boxes:
        rows.setdefault(round(y0), []).append((x0, x1, word))
    for row in rows.values():
        row.sort()
        for (a0, a1, w0), (b0, b1, w1) in zip(row, row[1:]):
            assert a1 < b0, (w0, w1)


def year_boxes(path, page):
    """[(x0, y0, x1, y1, word)] of the four-digit years on *page* (pdftotext -bbox, points)."""
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), path, "-"],
                          capture_output=True, text=True, check=True).stdout
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(\d{4})</word>',
                         html):
        out.append((float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(5)))
    return [b for b in out if 2000 <= int(b[4]) <= 2100]
