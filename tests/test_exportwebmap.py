"""bildungslandschaft:exportwebmap: the page's content, escaping, and a real headless browser."""

import json
import os
import re

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

import processing
import qgisproc
from bildungslandschaft_plugin.core import webmap
from bildungslandschaft_plugin.processing import ids
from tests import cdp
from tests import compass_data as data

ALG = ids.full_id(ids.EXPORT_WEB_MAP)
COOP = ids.full_id(ids.COOPERATION_NETWORK)


def links_layer():
    res = processing.run(COOP, {"FACILITIES": data.facilities_layer(), "PARTNERSHIPS": data.partnerships_layer(),
                                "DISTRICTS": data.districts_layer(), "DISTRICT_ID": "ot_key",
                                "OUTPUT_LINKS": "memory:", "OUTPUT_FACILITIES": "memory:",
                                "OUTPUT_DISTRICTS": "memory:"})
    return res["OUTPUT_LINKS"]


def export(tmp_path, name="karte.html", **kw):
    params = {"FACILITIES": data.facilities_layer(), "DISTRICTS": data.districts_layer(), "LINKS": links_layer(),
              "POPUP_FIELDS": ["kapazitaet", "ot_key"], "TITLE": 'Bildungskompass "Musterstadt" </script> ü',
              "OUTPUT": str(tmp_path / name)}
    params.update(kw)
    return processing.run(ALG, params)


def embedded_data(page):
    match = re.search(r'<script type="application/json" id="bk-data">(.*?)</script>', page, re.S)
    assert match, "data block missing"
    return json.loads(match.group(1))


def test_page_is_self_contained_and_escaped(tmp_path):
    res = export(tmp_path)
    assert res["MARKERS"] == 6 and res["LINKS_ON_MAP"] == 6
    page = open(res["OUTPUT"], encoding="utf-8").read()
    # nothing that could be fetched
    assert not re.search(r'\bsrc\s*=\s*["\']?(https?:)?//', page)
    assert "<link" not in page and "@import" not in page
    assert not re.search(r"url\((?!#|data:|\s*none)", page)
    # a name with </script> cannot close the data block: exactly 3 script elements end
    assert page.count("</script>") == 3
    assert "<title>Bildungskompass &quot;Musterstadt&quot; &lt;/script&gt; ü</title>" in page
    d = embedded_data(page)
    names = {f["properties"]["id"]: f["properties"]["name"] for f in d["facilities"]["features"]}
    assert names["C"] == "Kita </script><b>Sonnenschein</b>"
    assert names["A"] == 'Grundschule "Am Park"'
    assert names["E"] == "Jugendtreff Grünau \\ Nord"
    assert d["title"] == 'Bildungskompass "Musterstadt" </script> ü'
    c = [f for f in d["facilities"]["features"] if f["properties"]["id"] == "C"][0]
    assert c["properties"]["phases"] == ["early_childhood"]
    assert ["kapazitaet", "50"] in c["properties"]["details"]
    lon, lat = c["geometry"]["coordinates"]
    assert 13.5 < lon < 13.6 and 51.4 < lat < 51.5  # EPSG:25833 400000/5700000 lies near Dessau/Leipzig
    assert len(d["districts"]["features"]) == 3
    assert len(d["links"]["features"]) == 6
    f_vhs = [f for f in d["facilities"]["features"] if f["properties"]["type"] == "Volkshochschule"][0]
    assert f_vhs["properties"]["phases"] == ["adults", "seniors"]


def test_json_for_script_escapes():
    text = webmap.json_for_script({"n": "a</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"n": "a</script><!-- & \u2028"}


def test_folder_output(tmp_path):
    res = export(tmp_path, name="kompass")
    folder = tmp_path / "kompass"
    assert (folder / "index.html").exists()
    assert (folder / "LEAFLET_LICENSE.txt").exists()
    fc = json.load(open(folder / "facilities.geojson", encoding="utf-8"))
    assert len(fc["features"]) == 6
    assert not list(folder.glob("*.part"))
    assert res["MARKERS"] == 6


def test_type_mapping_and_missing_coordinates(tmp_path):
    res = export(tmp_path, FACILITIES=data.facilities_layer(missing_geometry=("B",)), LINKS=None,
                 TYPE_MAPPING="Kita = Frühe Kindheit; Grundschule=school_age\nBibliothek = alle")
    assert res["MARKERS"] == 5
    d = embedded_data(open(res["OUTPUT"], encoding="utf-8").read())
    phases = {f["properties"]["id"]: f["properties"]["phases"] for f in d["facilities"]["features"]}
    assert phases["C"] == ["early_childhood"] and phases["A"] == ["school_age"] and phases["D"] == []
    assert d["links"] is None


def test_bad_input(tmp_path):
    with pytest.raises(QgsProcessingException, match="TYPE_MAPPING"):
        export(tmp_path, TYPE_MAPPING="Kita = Kleinkindalter")
    with pytest.raises(QgsProcessingException, match="FACILITIES"):
        export(tmp_path, FACILITIES=QgsVectorLayer("Point?crs=EPSG:25833", "leer", "memory"))
    with pytest.raises(QgsProcessingException, match="coordinates"):
        export(tmp_path, FACILITIES=data.facilities_layer(missing_geometry="ABCDEF"))
    assert not (tmp_path / "karte.html").exists()


def test_browser_markers_filters_no_requests(tmp_path):
    """The page in Debian's headless chromium: no console errors, 6 markers, filters work, no request."""
    if cdp.chromium_binary() is None:
        pytest.fail("chromium is not installed: apt-get install chromium (the web-map test needs a real browser)")
    res = export(tmp_path)
    url = "file://" + os.path.abspath(res["OUTPUT"])
    with cdp.Browser() as browser:
        page = browser.open(url)
        page.wait_for("document.getElementById('bk-status').dataset.ready === '1'")
        status = "JSON.stringify(document.getElementById('bk-status').dataset)"
        state = json.loads(page.evaluate(status))
        assert state["visible"] == "6" and state["total"] == "6" and state["links"] == "0"
        assert page.evaluate("document.querySelectorAll('#bk-map .bk-marker').length") == 6
        assert page.evaluate("document.querySelectorAll('#bk-map path.leaflet-interactive').length") == 3
        assert page.evaluate("document.querySelectorAll('#bk-list li').length") == 6
        # life phase filter: early childhood = Kita C and Bibliothek B
        page.evaluate("var s = document.getElementById('bk-phase'); s.value = 'early_childhood';"
                      "s.dispatchEvent(new Event('change')); true")
        assert json.loads(page.evaluate(status))["visible"] == "2"
        assert page.evaluate("document.querySelectorAll('#bk-map .bk-marker').length") == 2
        # carrier filter on top: Stadt -> only the library
        page.evaluate("var s = document.getElementById('bk-carrier'); s.value = 'Stadt';"
                      "s.dispatchEvent(new Event('change')); true")
        assert json.loads(page.evaluate(status))["visible"] == "1"
        assert page.evaluate("document.querySelector('#bk-list button').textContent") == "Bibliothek Äußere Neustadt"
        # reset, search by name without umlauts, then partnerships on demand
        page.evaluate("['bk-phase','bk-carrier'].forEach(function (i) { var s = document.getElementById(i);"
                      "s.value = ''; s.dispatchEvent(new Event('change')); }); true")
        page.evaluate("var s = document.getElementById('bk-search'); s.value = 'grunau';"
                      "s.dispatchEvent(new Event('input')); true")
        assert json.loads(page.evaluate(status))["visible"] == "1"
        page.evaluate("var s = document.getElementById('bk-search'); s.value = '';"
                      "s.dispatchEvent(new Event('input')); document.getElementById('bk-links').click(); true")
        assert json.loads(page.evaluate(status))["links"] == "6"
        # the name with </script> shows as text in the popup, not as markup
        page.evaluate("document.querySelectorAll('#bk-list button')[2].click(); true")
        browser.pump(0.5)
        assert page.evaluate("document.querySelector('.bk-popup h3').textContent") == \
            "Kita </script><b>Sonnenschein</b>"
        assert page.evaluate("document.querySelectorAll('.bk-popup b').length") == 0
        assert page.evaluate("document.querySelectorAll('.bk-popup li').length") == 2
        shot = page.screenshot(str(tmp_path / "webmap.png"))
        assert os.path.getsize(shot) > 10000
        assert page.exceptions == []
        assert page.console_errors == []
        assert page.evaluate("window.bkErrors.length") == 0
        assert page.requests == [url]  # the page itself and nothing else


def test_qgis_process(tmp_path, qgis_process_env):
    gpkg = str(tmp_path / "stadt.gpkg")
    fac = data.write_gpkg(data.facilities_layer(), gpkg, "einrichtungen")
    dist = data.write_gpkg(data.districts_layer(), gpkg, "ortsteile")
    out = str(tmp_path / "kompass.html")
    res = qgisproc.run(ALG, {"FACILITIES": fac, "DISTRICTS": dist, "TITLE": "Bildungskompass Test",
                             "OUTPUT": out}, env=qgis_process_env)
    assert res["results"]["MARKERS"] == 6
    d = embedded_data(open(out, encoding="utf-8").read())
    assert sorted(f["properties"]["id"] for f in d["facilities"]["features"]) == list("ABCDEF")
