"""Build the self-contained Bildungskompass web page (plain Python, no QGIS).

Everything goes into one HTML file: Leaflet's JavaScript and CSS (shipped in
``resources/web/``, BSD-2-Clause), the page's own script and style, and the
data as GeoJSON in WGS84. Without a basemap the page makes no request at all: there are no tiles (the
districts are the basemap), no fonts, no images (CSS ``url(...)`` rules of
Leaflet that point to image files are removed; the markers are inline SVG).
With a tile basemap (:func:`basemap_source`) the content security policy allows
images from exactly the tile host(s) of that template and nothing else.

Accessibility (BITV 2.0 / WCAG 2.1 AA): ``lang`` on the page, every form control
labelled, a list view of the offers equal to the map with a details panel, every
marker keyboard-focusable (Enter opens its details), visible focus, contrast at
least 4.5:1, the facility type shown by shape and text as well as by colour.

Escaping:
- data goes into ``<script type="application/json">`` as JSON in which ``<``,
  ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes, so a name
  containing ``</script>`` cannot end the element;
- the title in ``<title>`` is HTML-escaped;
- the page's script inserts every text with ``textContent`` (never as HTML).
"""

import html
import json
import os
import re
from urllib.parse import urlsplit

from ._tr import tr

TYPE_COLORS = {
    "kita": "#f39c12",
    "krippe": "#f5b041",
    "grundschule": "#2e86de",
    "oberschule": "#1b4f72",
    "gymnasium": "#8e44ad",
    "förderschule": "#5dade2",
    "berufsschule": "#6c3483",
    "bibliothek": "#27ae60",
    "volkshochschule": "#c0392b",
    "jugendtreff": "#e84393",
    "hort": "#48c9b0",
    "familienzentrum": "#d35400",
    "musikschule": "#16a085",
}
PALETTE = ["#7f8c8d", "#b7950b", "#117864", "#943126", "#5b2c6f", "#1f618d", "#a04000", "#196f3d"]

ASSET_FILES = ("leaflet.js", "leaflet.css", "bildungskompass.js", "bildungskompass.css")
LICENSE_FILE = "LEAFLET_LICENSE"


def type_colors(types):
    """{type: colour}: fixed colours for the usual types, a palette for the rest."""
    colors, extra = {}, 0
    for t in types:
        key = str(t).strip().casefold()
        if key in TYPE_COLORS:
            colors[t] = TYPE_COLORS[key]
        else:
            colors[t] = PALETTE[extra % len(PALETTE)]
            extra += 1
    return colors


def json_for_script(data):
    """JSON text that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def read_assets(web_dir):
    """{file name: text} of the shipped web assets."""
    assets = {}
    for name in ASSET_FILES + (LICENSE_FILE,):
        with open(os.path.join(web_dir, name), encoding="utf-8") as fh:
            assets[name] = fh.read()
    return assets


def _clean_css(css):
    """Leaflet's CSS without rules that would load image files."""
    return re.sub(r"url\((?!#|data:)[^)]*\)", "none", css)


def _clean_js(js):
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    if re.search(r"</script", js, flags=re.I):
        raise ValueError("script asset contains '</script'")
    return js


def feature_collection(features):
    return {"type": "FeatureCollection", "features": features}


def point_feature(lon, lat, properties):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": properties}


class BasemapError(ValueError):
    """A tile template that cannot be used; the message says why."""


def basemap_source(url, attribution=""):
    """``{"url", "subdomains", "attribution", "hosts"}`` for an XYZ/WMTS tile template, or None for no basemap.

    The template must be an ``https://`` (or ``http://``) URL with ``{z}``, ``{x}`` and ``{y}``; ``{s}`` in the
    host name is expanded to the subdomains ``a``, ``b``, ``c`` so that the content security policy names every
    host exactly (no wildcard). Raises :class:`BasemapError` with the reason.
    """
    url = (url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise BasemapError(tr("the tile template must start with https:// and name a host"))
    for key in ("{z}", "{x}", "{y}"):
        if key not in url:
            raise BasemapError(tr("the tile template has no {0} placeholder").format(key))
    host = parts.netloc
    if "@" in host:
        raise BasemapError(tr("the tile template must not contain a user name or password"))
    if not re.fullmatch(r"[A-Za-z0-9.\-{}]+(:\d+)?", host) or re.search(r"\{(?!s\})", host):
        raise BasemapError(tr("the host name of the tile template is not valid: {0}").format(host))
    subdomains = "abc"
    hosts = [host.replace("{s}", s) for s in subdomains] if "{s}" in host else [host]
    origins = sorted({"{0}://{1}".format(parts.scheme, h) for h in hosts})
    return {"url": url, "subdomains": subdomains, "attribution": str(attribution or "").strip(),
            "hosts": origins}


def content_security_policy(basemap=None):
    """The page's policy: inline code and data: images only, plus the basemap's tile hosts when there is one."""
    img = "data:"
    if basemap:
        img += " " + " ".join(basemap["hosts"])
    return ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src {0}".format(img))


def build_page(title, facilities, phases, labels, assets, districts=None, links=None, subtitle="",
               attribution="", lang="de", basemap=None):
    """The HTML text of the page.

    *facilities*: GeoJSON point features (WGS84) with properties ``id``,
    ``name``, ``type``, ``carrier``, ``phases`` (phase keys) and ``details``
    (list of [label, value] shown in the popup). *phases*: list of
    ``{"key", "label"}``. *labels*: the page's UI texts (see
    :data:`LABEL_KEYS`). *districts*: GeoJSON polygon features with ``name``;
    *links*: GeoJSON line features with ``from``, ``to``, ``from_name``,
    ``to_name``, ``kind``, ``cross_district``, ``cross_carrier``. *basemap*:
    the result of :func:`basemap_source` or None (fully offline page).
    """
    missing = [k for k in LABEL_KEYS if k not in labels]
    if missing:
        raise ValueError("labels missing: {}".format(", ".join(missing)))
    counts = {}
    for f in facilities:
        t = f["properties"]["type"]
        counts[t] = counts.get(t, 0) + 1
    types = sorted(counts, key=lambda t: str(t).casefold())
    colors = type_colors(types)
    carriers = sorted({f["properties"]["carrier"] for f in facilities if f["properties"].get("carrier")},
                      key=lambda c: str(c).casefold())
    data = {
        "title": title,
        "subtitle": subtitle,
        "attribution": attribution,
        "labels": labels,
        "phases": phases,
        "types": [{"name": t, "color": colors[t], "count": counts[t]} for t in types],
        "carriers": carriers,
        "facilities": feature_collection(facilities),
        "districts": feature_collection(districts) if districts else None,
        "links": feature_collection(links) if links else None,
        "basemap": ({"url": basemap["url"], "subdomains": basemap["subdomains"],
                     "attribution": basemap["attribution"]} if basemap else None),
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="{}">'.format(html.escape(lang)),
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # no request may leave the page (but tiles from the basemap's own hosts when there is a basemap)
        '<meta http-equiv="Content-Security-Policy" content="{}">'.format(
            html.escape(content_security_policy(basemap), quote=False)),
        "<title>{}</title>".format(html.escape(title)),
        "<!-- Leaflet 1.9.4, BSD-2-Clause:\n{}\n-->".format(assets[LICENSE_FILE].replace("--", "- -")),
        "<style>\n{}\n</style>".format(_clean_css(assets["leaflet.css"])),
        "<style>\n{}\n</style>".format(_clean_css(assets["bildungskompass.css"])),
        "</head>",
        "<body>",
        '<div id="bk-app"><aside id="bk-side"></aside><main id="bk-map"></main></div>',
        '<output id="bk-status" data-visible="0" data-total="0" data-links="0" data-errors="0"></output>',
        '<script type="application/json" id="bk-data">{}</script>'.format(json_for_script(data)),
        "<script>\n{}\n</script>".format(_clean_js(assets["leaflet.js"])),
        "<script>\n{}\n</script>".format(_clean_js(assets["bildungskompass.js"])),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


LABEL_KEYS = ("search", "phase", "allPhases", "carrier", "allCarriers", "legend", "showLinks", "crossOnly",
              "linkKey", "count", "none", "partners", "type", "phases", "skipToList", "list", "details",
              "backToList", "map", "listCut")


def write_output(path, page, assets, data_files=None):
    """Write the page to *path*: a ``.html``/``.htm`` file, or a folder (``index.html`` + files).

    In a folder the page is the same single self-contained file; next to it
    go Leaflet's licence and the data as GeoJSON (*data_files*: {name: object}).
    Written to a temporary name first and renamed, so no half-written page is
    left behind. Returns the path of the HTML file.
    """
    if path.lower().endswith((".html", ".htm")):
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        target = path
    else:
        os.makedirs(path, exist_ok=True)
        target = os.path.join(path, "index.html")
        with open(os.path.join(path, "LEAFLET_LICENSE.txt"), "w", encoding="utf-8") as fh:
            fh.write(assets[LICENSE_FILE])
        for name, obj in (data_files or {}).items():
            if obj is None:
                continue
            _write_atomic(os.path.join(path, name), json.dumps(obj, ensure_ascii=False))
    _write_atomic(target, page)
    return target


def _write_atomic(target, text):
    """Write *text* to ``target.part`` and rename it to *target*; on an error no ``.part`` is left."""
    tmp = target + ".part"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
