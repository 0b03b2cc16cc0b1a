"""The Bildungskompass page is accessible (BITV 2.0 / WCAG 2.1 AA) and a basemap opens exactly one host.

axe-core (from the npm registry, installed by ``scripts/setup.sh`` into ``build/web-test-tools``) runs inside
Debian's headless Chromium on the real page in English and German; a keyboard test reaches a facility's details
with Tab and Enter only, from the list and from a map marker.
"""

import json
import os
import re

import pytest

from bildungslandschaft_plugin import translation
from bildungslandschaft_plugin.core import webmap
from tests import cdp
from tests.test_exportwebmap import embedded_data, export

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AXE = os.path.join(ROOT, "build", "web-test-tools", "node_modules", "axe-core", "axe.min.js")
KEYS = {"Tab": 9, "Enter": 13}


def axe_source():
    if not os.path.exists(AXE):
        pytest.fail("axe-core is not installed ({0}): run bash scripts/setup.sh".format(AXE))
    with open(AXE, encoding="utf-8") as fh:
        return fh.read()


def browser_or_fail():
    if cdp.chromium_binary() is None:
        pytest.fail("chromium is not installed: apt-get install chromium (the web-map tests need a real browser)")
    return cdp.Browser()


def open_page(browser, path):
    page = browser.open("file://" + os.path.abspath(path))
    page.wait_for("document.getElementById('bk-status').dataset.ready === '1'")
    return page


def press(browser, page, key, shift=False):
    code = KEYS[key]
    down = {"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code,
            "nativeVirtualKeyCode": code, "modifiers": 8 if shift else 0}
    if key == "Enter":
        down["text"] = "\r"
        down["unmodifiedText"] = "\r"
    page.send("Input.dispatchKeyEvent", down)
    up = dict(down, type="keyUp")
    up.pop("text", None)
    up.pop("unmodifiedText", None)
    page.send("Input.dispatchKeyEvent", up)
    browser.pump(0.05)


def active(page):
    return json.loads(page.evaluate(
        "var a = document.activeElement; JSON.stringify({tag: a.tagName, id: a.id || '', "
        "cls: a.className && a.className.baseVal === undefined ? a.className : '', "
        "dataId: a.getAttribute('data-id') || '', text: (a.textContent || '').trim(), "
        "label: a.getAttribute('aria-label') || '', outline: getComputedStyle(a).outlineStyle, "
        "outlineWidth: getComputedStyle(a).outlineWidth})"))


def tab_until(browser, page, predicate, limit=80):
    for _ in range(limit):
        press(browser, page, "Tab")
        state = active(page)
        if predicate(state):
            return state
    raise AssertionError("Tab never reached the element; last focus: {0}".format(active(page)))


def run_axe(page):
    page.evaluate(axe_source() + "; true")
    page.evaluate("window.__axe = null; axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                  "window.__axe = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                  " nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })); }); true")
    return json.loads(page.wait_for("window.__axe", timeout=60))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_axe_finds_no_serious_or_critical_violation(tmp_path, lang):
    if lang == "de":
        assert translation.install_translator("de")
    try:
        res = export(tmp_path)
    finally:
        translation.remove_translator()
    html = open(res["OUTPUT"], encoding="utf-8").read()
    assert '<html lang="{0}">'.format(lang) in html
    with browser_or_fail() as browser:
        page = open_page(browser, res["OUTPUT"])
        if lang == "de":
            assert page.evaluate("document.querySelector('label[for=bk-search]').textContent") == "Suche nach Name"
        violations = run_axe(page)
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert bad == [], bad
        # every form control has a label the browser computes (not a placeholder)
        unlabelled = page.evaluate(
            "Array.prototype.filter.call(document.querySelectorAll('#bk-side input, #bk-side select'), function (e)"
            " { return !(e.labels && e.labels.length) && !e.getAttribute('aria-label'); }).length")
        assert unlabelled == 0
        assert page.exceptions == [] and page.console_errors == []


def test_keyboard_only_reaches_details_from_list_and_marker(tmp_path):
    res = export(tmp_path)
    with browser_or_fail() as browser:
        page = open_page(browser, res["OUTPUT"])
        # 1. the first Tab stop is the skip link; Enter jumps to the list heading
        first = tab_until(browser, page, lambda s: True, limit=1)
        assert first["tag"] == "A" and "bk-skip" in first["cls"]
        press(browser, page, "Enter")
        assert active(page)["id"] == "bk-list-heading"
        # 2. Tab through the list to the Kita (id C) and open its details with Enter
        state = tab_until(browser, page, lambda s: s["tag"] == "BUTTON" and s["dataId"] == "C")
        assert state["outline"] != "none" and state["outlineWidth"] != "0px"  # visible focus
        press(browser, page, "Enter")
        focused = active(page)
        assert focused["tag"] == "H2" and focused["text"] == "Kita </script><b>Sonnenschein</b>"
        details = page.evaluate("document.getElementById('bk-details').innerText")
        assert "Kinderland e.V." in details and "Partner" in details
        # "Back to the list" returns the focus to the same entry
        state = tab_until(browser, page, lambda s: s["tag"] == "BUTTON" and "bk-back" in s["cls"], limit=5)
        press(browser, page, "Enter")
        assert active(page)["dataId"] == "C"
        # 3. a marker on the map: focusable, Enter opens its popup with the details
        marker = tab_until(browser, page, lambda s: "leaflet-marker-icon" in s["cls"], limit=40)
        name = marker["label"].rsplit(" (", 1)[0]
        assert marker["outline"] != "none"
        press(browser, page, "Enter")
        browser.pump(0.3)
        assert page.evaluate("document.querySelector('.leaflet-popup .bk-popup h3').textContent") == name
        assert page.evaluate("document.querySelector('#bk-details h2').textContent") == name
        assert page.exceptions == [] and page.console_errors == []


def test_type_is_shown_by_shape_and_text_not_colour_alone(tmp_path):
    res = export(tmp_path)
    with browser_or_fail() as browser:
        page = open_page(browser, res["OUTPUT"])
        legend = json.loads(page.evaluate(
            "JSON.stringify(Array.prototype.map.call(document.querySelectorAll('#bk-legend .bk-swatch'),"
            " function (s) { return s.getAttribute('data-shape'); }))"))
        assert len(legend) == 6 and len(set(legend)) == 6  # six types, six shapes
        # marker shape = legend shape of its type (same SVG path), and the list names the type in text
        pairs = json.loads(page.evaluate(
            "var leg = {}; document.querySelectorAll('#bk-legend li').forEach(function (li) {"
            " leg[li.querySelector('input').getAttribute('data-type')] = li.querySelector('path').getAttribute('d');"
            "}); JSON.stringify(Array.prototype.map.call(document.querySelectorAll('.bk-marker'), function (m) {"
            " var t = m.getAttribute('aria-label').match(/\\(([^)]*)\\)$/)[1];"
            " return [leg[t], m.querySelector('path').getAttribute('d')]; }))"))
        assert len(pairs) == 6 and all(a == b for a, b in pairs)
        types = page.evaluate("Array.prototype.map.call(document.querySelectorAll('#bk-list .bk-type'),"
                              " function (e) { return e.textContent.trim(); }).join('|')")
        assert "Kita" in types.split("|")


def test_basemap_template_checked():
    b = webmap.basemap_source("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "© Beispiel")
    assert b["hosts"] == ["https://a.tiles.example.org", "https://b.tiles.example.org",
                          "https://c.tiles.example.org"]
    assert webmap.content_security_policy(b).endswith(
        "img-src data: https://a.tiles.example.org https://b.tiles.example.org https://c.tiles.example.org")
    assert webmap.content_security_policy(None).endswith("img-src data:")
    assert webmap.basemap_source("  ") is None
    for bad in ("ftp://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/{z}/{x}.png",
                "https://user:pw@tiles.example.org/{z}/{x}/{y}.png", "https://tiles example.org/{z}/{x}/{y}",
                "https://{a}.tiles.example.org/{z}/{x}/{y}"):
        with pytest.raises(webmap.BasemapError):
            webmap.basemap_source(bad)


def test_basemap_allows_exactly_its_tile_host(tmp_path):
    # a loopback address: tiles are requested (and refused) without any traffic leaving the machine
    template = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    res = export(tmp_path, BASEMAP_URL=template, BASEMAP_ATTRIBUTION="© Testkarte")
    html = open(res["OUTPUT"], encoding="utf-8").read()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert csp == ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "img-src data: http://127.0.0.1:9")
    assert embedded_data(html)["basemap"]["url"] == template
    with browser_or_fail() as browser:
        page = open_page(browser, res["OUTPUT"])
        browser.pump(1.0)
        tiles = [u for u in page.requests if not u.startswith("file://")]
        assert tiles and all(re.match(r"http://127\.0\.0\.1:9/\d+/\d+/\d+\.png$", u) for u in tiles), tiles
        assert "© Testkarte" in page.evaluate("document.querySelector('.leaflet-control-attribution').textContent")
        # any other host is blocked by the policy (the browser reports the violation and fails the load)
        page.evaluate("window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
                      " window.__csp.push(e.blockedURI); }); var i = new Image(); "
                      "i.src = 'http://127.0.0.2:9/x.png'; document.body.appendChild(i); true")
        browser.pump(0.5)
        assert page.evaluate("window.__csp.join(' ')").startswith("http://127.0.0.2:9")
