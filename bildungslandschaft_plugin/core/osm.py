"""OpenStreetMap lines as a street network: which ways are streets for a travel mode.

Plain Python/numpy, no QGIS. The network reader passes the tag columns of every line
(``highway`` and, where present, ``access``, ``foot``, ``bicycle``, ``motor_vehicle``,
``motorcar``, ``vehicle``, ``oneway`` as own columns or inside GDAL's ``other_tags``)
and gets back one reason per line ("" = keep).

Rules (``shared/domain.md``, ``docs/network.md``):

* only ways with a ``highway`` tag are streets (``no_highway``: walls, fences, railways,
  rivers, power lines ... in the ``lines`` layer of an ``.osm.pbf``);
* ``highway=construction|proposed|abandoned|platform|razed|disused`` are not usable
  (``not_usable``);
* ``foot=no|private`` closes the way for walking (``foot_no``), ``bicycle=no|private`` for
  cycling (``bicycle_no``), ``motor_vehicle``/``motorcar=no|private`` for cars
  (``motor_vehicle_no``);
* ``access=no|private`` closes the way (``access_no``) unless the tag of the mode
  (walk: ``foot``; bicycle: ``bicycle``; car: ``motor_vehicle``, ``motorcar`` or
  ``vehicle``) allows it (``yes``, ``designated``, ``permissive``, ``destination``,
  ``customers``, ``delivery``).

The first rule that applies names the reason. The road-class rules of the engine
(:data:`..network.EXCLUDED`, e.g. no motorways for walking) come on top.
"""

import re

import numpy as np

#: tags the reader looks for (own columns first, else inside ``other_tags``)
TAG_KEYS = ("access", "foot", "bicycle", "motor_vehicle", "motorcar", "vehicle", "oneway")
#: fields that mark a layer as coming from OpenStreetMap (together with ``highway``)
MARKER_FIELDS = ("other_tags", "osm_id", "osm_way_id")

NOT_USABLE = frozenset({"construction", "proposed", "abandoned", "platform", "razed", "disused"})
CLOSED = frozenset({"no", "private"})
OPEN = frozenset({"yes", "designated", "permissive", "destination", "customers", "delivery"})
MODE_TAGS = {"walk": ("foot",), "bicycle": ("bicycle",), "car": ("motor_vehicle", "motorcar", "vehicle")}
MODE_CLOSING = {"walk": ("foot", "foot_no"), "bicycle": ("bicycle", "bicycle_no"),
                "car": ("motor_vehicle", "motor_vehicle_no")}

#: every reason in the order the rules are applied
REASONS = ("no_highway", "not_usable", "foot_no", "bicycle_no", "motor_vehicle_no", "access_no")


def is_osm_layer(field_names, driver=None):
    """True for a layer from OpenStreetMap: GDAL's OSM driver, or a ``highway`` field together
    with ``other_tags``, ``osm_id`` or ``osm_way_id`` (GeoPackages converted from OSM)."""
    names = {str(n).lower() for n in field_names}
    if driver == "OSM":
        return "highway" in names
    return "highway" in names and bool(names & set(MARKER_FIELDS))


def _is_null(v):
    return v is None or (isinstance(v, float) and v != v) or (hasattr(v, "isNull") and v.isNull())


def _raw_strings(values):
    """Python strings ("" for NULL/NaN, QVariant NULL included; bytes decoded as UTF-8)."""
    out = []
    for v in values:
        if _is_null(v):
            out.append("")
        elif isinstance(v, bytes):
            out.append(v.decode("utf-8", "replace"))
        else:
            out.append(str(v))
    return out


def _texts(values, n=None):
    """Object array of lower-case stripped strings ("" for NULL/NaN/empty)."""
    if values is None:
        return np.full(n or 0, "", dtype=object)
    return np.array([s.strip().lower() for s in _raw_strings(values)] or [], dtype=object)


def parse_other_tags(values, keys=TAG_KEYS):
    """Values of *keys* in GDAL ``other_tags`` texts (``"access"=>"private","foot"=>"yes"``).

    Returns ``{key: object array of str}`` ("" where the key is absent). A regular expression
    runs only on the texts that hold ``"key"=>`` at all; ``access:conditional`` is not
    ``access``; quotes escaped as ``\\"`` inside values are kept.
    """
    texts = _raw_strings(values)
    n = len(texts)
    out = {}
    for key in keys:
        marker = '"' + key + '"=>'
        pattern = re.compile(r'(?:^|,)"' + re.escape(key) + r'"=>"((?:[^"\\]|\\.)*)"')
        col = np.full(n, "", dtype=object)
        for k in [k for k, t in enumerate(texts) if marker in t]:
            m = pattern.search(texts[k])
            if m:
                col[k] = m.group(1).replace('\\"', '"')
        out[key] = col
    return out


def line_tags(n, columns=None, other_tags=None, keys=TAG_KEYS):
    """Lower-case tag values per line: own columns win over ``other_tags``.

    *columns*: ``{key: values}`` of the tags that have a column of their own.
    """
    columns = columns or {}
    parsed = parse_other_tags(other_tags, keys) if other_tags is not None else {}
    out = {}
    for key in keys:
        own = _texts(columns[key]) if key in columns and columns[key] is not None else np.full(n, "", dtype=object)
        if key in parsed:
            other = np.array([v.strip().lower() for v in parsed[key]], dtype=object).reshape(-1)
            own = np.where(own == "", other, own)
        out[key] = own
    return out


def drop_reasons(highway, tags, mode):
    """One reason per line why it is not a street for *mode* ("" = keep it).

    *highway*: values of the ``highway`` tag; *tags*: ``{key: lower-case values}`` as from
    :func:`line_tags` (missing keys count as absent).
    """
    hw = _texts(highway)
    n = len(hw)

    def tag(key):
        v = tags.get(key)
        return np.full(n, "", dtype=object) if v is None else np.asarray(v, dtype=object)

    reason = np.full(n, "", dtype=object)

    def mark(mask, name):
        reason[(reason == "") & mask] = name

    mark(hw == "", "no_highway")
    mark(np.isin(hw, list(NOT_USABLE)), "not_usable")
    mode_key, mode_reason = MODE_CLOSING[mode]
    closing = np.isin(tag(mode_key), list(CLOSED))
    if mode == "car":
        closing |= np.isin(tag("motorcar"), list(CLOSED))
    mark(closing, mode_reason)
    allowed = np.zeros(n, dtype=bool)
    for key in MODE_TAGS[mode]:
        allowed |= np.isin(tag(key), list(OPEN))
    mark(np.isin(tag("access"), list(CLOSED)) & ~allowed, "access_no")
    return reason


def reason_counts(reason):
    """``{reason: count}`` of the dropped lines, in the order of :data:`REASONS`."""
    reason = np.asarray(reason, dtype=object)
    return {r: int((reason == r).sum()) for r in REASONS if (reason == r).any()}
