"""Reading the street network: the network reader of the I/O layer (docs/DEVELOPING.md, "Module layout").

- :func:`read_network` -> :class:`~..core.network.Graph` in the working CRS (one build per run; multipart
  lines split, curves segmentised, Z/M dropped, NULL/empty geometries skipped and counted), with the GDAL fast
  path :func:`_ogr_fast_lines` (Arrow stream, :func:`.readers.ogr_layer`) for plain file layers;
- OpenStreetMap line layers (:func:`osm_tag_fields`, :func:`osm_filter`): lines that are no streets for the
  mode are dropped and counted (the rules live in :mod:`..core.osm`);
- :func:`locate_points` snaps points to the graph and reports the flagged ones.

The parameters it reads (``NETWORK``, ``MODE``, ``HIGHWAY_FIELD`` ...) are declared in :mod:`.network_params`.
"""

import struct
import time

import numpy as np
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsProcessingException, QgsWkbTypes

from ..core.network import Graph, NetworkError
from ..core.wkb import _wkb_lines, wkb_linestrings
from ..translation import tr
from .base import check_canceled, require_field, require_source
from .network_params import (
    HIGHWAY_FIELD,
    NETWORK,
    ONEWAY_FIELD,
    SPEED_FIELD,
    network_settings,
    raise_network_error,
)
from .readers import ogr_layer


def _field_or_default(alg, parameters, context, source, name, default):
    field = alg.parameterAsString(parameters, name, context)
    if field:
        return require_field(source, field, name)
    return source.fields().lookupField(default)


def _ogr_fast_lines(alg, parameters, context, crs, names, extra=None):
    """Read a file-based OGR network directly through GDAL's Arrow stream (much faster).

    Only for a plain OGR layer in *crs* without filter, selection or edits; else None
    (the caller then iterates the features through QGIS). *names*: (highway, oneway, speed)
    field names or None. Returns ``(lines, hw, ow, speeds, n_features, n_null)``.
    *extra*: ``{field name: []}`` (OSM tag columns) filled with one value per line part.
    """
    extra = {} if extra is None else extra
    try:
        found = ogr_layer(alg, parameters, NETWORK, context, crs)
        if found is None:
            return None
        ds, lyr, _layer = found
        wanted = [n for n in names if n] + list(extra)
        lyr.SetIgnoredFields([lyr.GetLayerDefn().GetFieldDefn(i).GetName()
                              for i in range(lyr.GetLayerDefn().GetFieldCount())
                              if lyr.GetLayerDefn().GetFieldDefn(i).GetName() not in wanted])
        geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
        lines, hw, ow, speeds = [], [], [], []
        n_features = n_null = 0

        def text(v):
            if isinstance(v, bytes):
                v = v.decode("utf-8", "replace")
            return v if v not in ("", None) else None

        for batch in lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"]):
            geoms = batch[geom_col]
            cols = [batch[n] if n else None for n in names]
            extra_cols = [(extra[n], batch[n]) for n in extra]  # OSM tags (core/osm.py)
            vec = wkb_linestrings(geoms)
            if vec is not None:
                # every geometry a single (multi)linestring: parsed without a loop over features
                parts, rows = vec
                n_features += len(geoms)
                n_null += len(geoms) - len(rows)
                lines.extend(parts)
                for out, col, conv in ((hw, cols[0], text), (ow, cols[1], text), (speeds, cols[2], float)):
                    if col is None:
                        out.extend([None] * len(rows))
                    else:
                        out.extend([conv(v) for v in np.asarray(col)[rows].tolist()])
                for out, col in extra_cols:
                    out.extend([text(v) for v in np.asarray(col)[rows].tolist()])
                continue
            for k in range(len(geoms)):
                n_features += 1
                g = geoms[k]
                data = bytes(g) if g is not None else b""
                if not data:
                    n_null += 1
                    continue
                try:
                    parts = [p for p in _wkb_lines(data) if len(p)]
                except (ValueError, struct.error):
                    parts = []
                if not parts:
                    n_null += 1
                    continue
                h = text(cols[0][k]) if cols[0] is not None else None
                o = text(cols[1][k]) if cols[1] is not None else None
                sp = float(cols[2][k]) if cols[2] is not None else None
                for part in parts:
                    if len(part) == 0:
                        continue
                    lines.append(part)
                    hw.append(h)
                    ow.append(o)
                    speeds.append(sp)
                    for out, col in extra_cols:
                        out.append(text(col[k]))
        return lines, hw, ow, speeds, n_features, n_null
    except Exception:  # noqa: BLE001 - any GDAL trouble: fall back to the QGIS reader
        for values in extra.values():
            del values[:]  # the QGIS reader fills the OSM tag columns again
        return None


# ---------------------------------------------------------------------------
# OpenStreetMap networks (the rules live in core/osm.py)
def osm_tag_fields(source, hw_idx):
    """``{field name: index}`` of the OSM tag columns (``other_tags``, ``access``, ``foot`` ...) of an
    OSM line layer (see :func:`..core.osm.is_osm_layer`), ``{}`` for any other network."""
    from ..core import osm

    names = [f.name() for f in source.fields()]
    if hw_idx < 0 or not osm.is_osm_layer(names):
        return {}
    wanted = ("other_tags",) + osm.TAG_KEYS
    return {n: i for i, n in enumerate(names) if n.lower() in wanted}


def osm_reason_text(reason):
    return {
        "no_highway": tr("no highway tag (walls, fences, railways, waterways, power lines ...)"),
        "not_usable": tr("highway=construction/proposed/abandoned/platform"),
        "foot_no": tr("foot=no/private"),
        "bicycle_no": tr("bicycle=no/private"),
        "motor_vehicle_no": tr("motor_vehicle=no/private"),
        "access_no": tr("access=no/private without permission for the mode"),
    }.get(reason, reason)


def osm_filter(lines, hw, ow, speeds, cols, mode, source, feedback):
    """Drop the lines of an OSM layer that are no streets for *mode*; log the counts per reason.

    *cols*: ``{field: values per line}`` of :func:`osm_tag_fields`. ``oneway`` from the tags
    fills lines without a value of their own. Returns ``(lines, hw, ow, speeds, counts)``.
    """
    from ..core import osm

    own = {n.lower(): v for n, v in cols.items() if n.lower() in osm.TAG_KEYS}
    tags = osm.line_tags(len(lines), own, cols.get("other_tags", next(
        (v for n, v in cols.items() if n.lower() == "other_tags"), None)))
    reason = osm.drop_reasons(hw, tags, mode)
    counts = osm.reason_counts(reason)
    ow = [o if o not in (None, "") else (t or None) for o, t in zip(ow, tags["oneway"].tolist())]
    keep = np.flatnonzero(reason == "").tolist()
    if counts:
        feedback.pushWarning(tr("OpenStreetMap network {0}: {1} of {2} lines are not streets for mode {3} "
                                "and are left out: {4}.").format(
            source.sourceName(), len(lines) - len(keep), len(lines), mode,
            "; ".join("{0} {1}".format(n, osm_reason_text(r)) for r, n in counts.items())))
    else:
        feedback.pushInfo(tr("OpenStreetMap network {0}: all {1} lines are streets for mode {2}.").format(
            source.sourceName(), len(lines), mode))
    return ([lines[i] for i in keep], [hw[i] for i in keep], [ow[i] for i in keep],
            [speeds[i] for i in keep], counts)


def read_network(alg, parameters, context, feedback, crs, source=None):
    """The street network of *parameters* as a :class:`Graph` in *crs*.

    ``graph.timings`` holds ``read`` and ``build_graph`` seconds; ``graph.read_info``
    counts lines, parts and skipped NULL geometries.
    """
    t0 = time.perf_counter()
    mode, cost, _tol = network_settings(alg, parameters, context)
    if source is None:
        source = require_source(alg, parameters, NETWORK, context)
    hw_idx = _field_or_default(alg, parameters, context, source, HIGHWAY_FIELD, "highway")
    ow_idx = _field_or_default(alg, parameters, context, source, ONEWAY_FIELD, "oneway")
    speed_name = alg.parameterAsString(parameters, SPEED_FIELD, context)
    sp_idx = require_field(source, speed_name, SPEED_FIELD, numeric=True) if speed_name else -1
    attrs = [i for i in (hw_idx, ow_idx, sp_idx) if i >= 0]
    osm_idx = osm_tag_fields(source, hw_idx)  # OSM: tag columns read with every line (core/osm.py)
    osm_cols = {name: [] for name in osm_idx}
    attrs += list(osm_idx.values())
    request = QgsFeatureRequest().setSubsetOfAttributes(attrs)
    request.setDestinationCrs(crs, context.transformContext())
    lines, hw, ow, speeds = [], [], [], []
    n_null = 0
    n_features = 0
    total = max(source.featureCount(), 1)
    names = [source.fields().at(i).name() if i >= 0 else None for i in (hw_idx, ow_idx, sp_idx)]
    fast = _ogr_fast_lines(alg, parameters, context, crs, names, extra=osm_cols)
    features = iter(()) if fast is not None else source.getFeatures(request)
    if fast is not None:
        lines, hw, ow, speeds, n_features, n_null = fast
    for k, feat in enumerate(features):
        if k % 5000 == 0:
            check_canceled(feedback)
            feedback.setProgress(100.0 * k / total)
        n_features += 1
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            n_null += 1
            continue
        if QgsWkbTypes.isCurvedType(geom.wkbType()):
            geom = QgsGeometry(geom.constGet().segmentize())
        try:
            parts = _wkb_lines(bytes(geom.asWkb()))
        except (ValueError, struct.error):
            n_null += 1
            continue
        attrs_f = feat.attributes()
        h = attrs_f[hw_idx] if hw_idx >= 0 else None
        o = attrs_f[ow_idx] if ow_idx >= 0 else None
        s = attrs_f[sp_idx] if sp_idx >= 0 else None
        try:
            s = float(s) if s is not None and s != "" else None
        except (TypeError, ValueError):
            s = None
        for part in parts:
            lines.append(part)
            hw.append(h)
            ow.append(o)
            speeds.append(s)
            for name, i in osm_idx.items():
                osm_cols[name].append(attrs_f[i])
    if n_null:
        feedback.pushWarning(tr("{0} network features without usable geometry were skipped.").format(n_null))
    if osm_idx:
        lines, hw, ow, speeds, osm_dropped = osm_filter(lines, hw, ow, speeds, osm_cols, mode, source, feedback)
        if not lines:
            raise_network_error(NetworkError("no_usable_edges", ""), mode)
    read_time = time.perf_counter() - t0
    if not lines:
        raise QgsProcessingException(
            tr("The network layer {0} has no line geometry.").format(source.sourceName()))
    try:
        graph = Graph.from_lines(lines, highway=hw if hw_idx >= 0 else None,
                                 oneway=ow if (ow_idx >= 0 or osm_idx) else None,
                                 speed_kmh=speeds if sp_idx >= 0 else None, mode=mode)
    except NetworkError as err:
        raise_network_error(err, mode)
    graph.timings["read"] = read_time
    graph.read_info = {"features": n_features, "parts": len(lines), "skipped": n_null}
    if osm_idx:
        graph.read_info["osm_dropped"] = osm_dropped
    feedback.pushInfo(tr("Network: {0} edges, {1} nodes for mode {2} ({3} segments excluded for the mode, "
                         "{4} zero-length segments dropped).").format(
        graph.n_edges, graph.n_nodes, mode, graph.n_excluded_mode, graph.n_zero_length))
    return graph


def locate_points(graph, xy, tolerance, name, feedback):
    """Snap points and report how many were flagged."""
    from ..core import network as nw

    loc = graph.locate(xy, tolerance)
    n_off = int((loc.status == nw.OFF_NETWORK).sum())
    n_none = int((loc.status == nw.NO_GEOMETRY).sum())
    if n_off:
        feedback.pushWarning(tr("{0}: {1} features are farther than {2} m from the network "
                                "(status 'off_network').").format(name, n_off, tolerance))
    if n_none:
        feedback.pushWarning(tr("{0}: {1} features have no geometry (status 'no_geometry').").format(
            name, n_none))
    return loc
