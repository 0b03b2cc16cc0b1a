"""QGIS adapter of the network engine (:mod:`..core.network`).

- :func:`add_network_parameters` adds ``NETWORK``, ``MODE`` (0 walk, 1 bicycle,
  2 car), ``COST_TYPE`` (0 distance in metres, 1 time in minutes),
  ``SNAP_TOLERANCE`` (metres) and the optional (advanced) ``SPEED_FIELD``,
  ``HIGHWAY_FIELD`` and ``ONEWAY_FIELD`` (default: the fields ``highway`` and
  ``oneway`` when the layer has them).
- :func:`network_settings` -> ``(mode, cost, snap_tolerance)`` as strings/float.
- :func:`read_network` -> :class:`~..core.network.Graph` in the working CRS
  (one build per run; multipart lines split, curves segmentised, Z/M dropped,
  NULL/empty geometries skipped and counted).
- point/weight readers moved to :mod:`.readers`, writers to :mod:`.writers`, WKB
  decoding to :mod:`..core.wkb` (re-exported at the end of this module for
  branches still importing them from here).
- :func:`max_cost_parameter` reads an optional ``MAX_COST`` (> 0 or None).
- :func:`parse_thresholds` reads ``"500,1000,1500"``.
- :func:`raise_network_error` turns a :class:`~..core.network.NetworkError`
  into a translated ``QgsProcessingException``.
- :func:`log_reprojection` is kept for callers; :func:`.base.working_crs` logs.
"""

import struct
import time

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.network import Graph, NetworkError, normalise_cost, normalise_mode
from ..translation import tr
from .base import VECTOR_POINT_OR_POLYGON, check_canceled, require_field, require_source

NETWORK = "NETWORK"
MODE = "MODE"
COST_TYPE = "COST_TYPE"
SNAP_TOLERANCE = "SNAP_TOLERANCE"
SPEED_FIELD = "SPEED_FIELD"
HIGHWAY_FIELD = "HIGHWAY_FIELD"
ONEWAY_FIELD = "ONEWAY_FIELD"
MAX_COST = "MAX_COST"
FACILITIES = "FACILITIES"
FACILITY_ID = "FACILITY_ID"
CATEGORY = "CATEGORY"
DEMAND = "DEMAND"
DEMAND_WEIGHT = "DEMAND_WEIGHT"

DEFAULT_SNAP_TOLERANCE = 250.0


def mode_options():
    # index 3: walk + public transport (GTFS), see processing/transit_params.py
    return [tr("Walk"), tr("Bicycle"), tr("Car"), tr("Walk + public transport")]


def cost_options():
    return [tr("Distance (metres)"), tr("Time (minutes)")]


def add_network_parameters(alg, snap_default=DEFAULT_SNAP_TOLERANCE):
    """Add the shared network parameters to *alg* (a ``BildungslandschaftAlgorithm``)."""
    alg.add_param(
        QgsProcessingParameterFeatureSource(NETWORK, tr("Street network"), [QgsProcessing.SourceType.TypeVectorLine]),
        tr("Line layer of streets and paths. Every segment between two vertices is an edge; "
           "line ends closer than 1 cm are joined; lines that only cross (bridges) are not connected. "
           "A 'highway' field (OSM classes) restricts modes; a 'oneway' field is respected by car."))
    alg.add_param(
        QgsProcessingParameterEnum(MODE, tr("Travel mode"), options=mode_options(), defaultValue=0),
        tr("Walk (4.5 km/h, no motorways), bicycle (15 km/h, no motorways or steps) or car "
           "(speed by road class, no footways/paths/steps, one-way streets respected)."))
    alg.add_param(
        QgsProcessingParameterEnum(COST_TYPE, tr("Cost"), options=cost_options(), defaultValue=0),
        tr("Network distance in metres or travel time in minutes."))
    alg.add_param(
        QgsProcessingParameterNumber(SNAP_TOLERANCE, tr("Snap tolerance (m)"),
                                     QgsProcessingParameterNumber.Type.Double, snap_default, minValue=0.0),
        tr("Points farther than this from the nearest usable street are flagged 'off_network' "
           "and not routed. The straight connector to the street counts as part of the trip."))
    alg.add_param(
        QgsProcessingParameterField(SPEED_FIELD, tr("Speed field (km/h)"), parentLayerParameterName=NETWORK,
                                    type=QgsProcessingParameterField.DataType.Numeric, optional=True),
        tr("Optional numeric field of the network with the speed in km/h; values > 0 override "
           "the default speed of the mode for time costs."), advanced=True)
    alg.add_param(
        QgsProcessingParameterField(HIGHWAY_FIELD, tr("Road class field"), parentLayerParameterName=NETWORK,
                                    optional=True),
        tr("Field with OSM road classes (default: a field named 'highway' if there is one)."),
        advanced=True)
    alg.add_param(
        QgsProcessingParameterField(ONEWAY_FIELD, tr("One-way field"), parentLayerParameterName=NETWORK,
                                    optional=True),
        tr("Field with 'yes' for one-way streets in drawing direction and '-1' against it "
           "(default: a field named 'oneway' if there is one). Only used by car."), advanced=True)


def add_facility_parameters(alg, category=False):
    """``FACILITIES`` and ``FACILITY_ID`` (and with *category* the ``CATEGORY`` field)."""
    alg.add_param(
        QgsProcessingParameterFeatureSource(FACILITIES, tr("Facilities"), VECTOR_POINT_OR_POLYGON),
        tr("Schools, Kitas, libraries ... (points, or polygons: a point inside is used)."))
    alg.add_param(
        QgsProcessingParameterField(FACILITY_ID, tr("Facility id field"),
                                    parentLayerParameterName=FACILITIES, optional=True),
        tr("Unique id of each facility (default: the feature id)."))
    if category:
        alg.add_param(
            QgsProcessingParameterField(CATEGORY, tr("Facility category field"),
                                        parentLayerParameterName=FACILITIES, optional=True),
            tr("Optional field such as the school type; adds the cost to the nearest facility of each category."))


def add_demand_parameters(alg, demand_help=None, weight_help=None, optional=False):
    """``DEMAND`` (points or polygons) and its numeric ``DEMAND_WEIGHT`` field."""
    alg.add_param(
        QgsProcessingParameterFeatureSource(DEMAND, tr("Demand"), VECTOR_POINT_OR_POLYGON, optional=optional),
        demand_help or tr("Addresses, buildings or grid cells (polygons: a point inside is used)."))
    alg.add_param(
        QgsProcessingParameterField(DEMAND_WEIGHT, tr("Demand weight field"),
                                    parentLayerParameterName=DEMAND,
                                    type=QgsProcessingParameterField.DataType.Numeric, optional=True),
        weight_help or tr("Numeric field with the demand per feature, e.g. children aged 6–9 (default 1 per feature)."))


def add_max_cost_parameter(alg):
    alg.add_param(
        QgsProcessingParameterNumber(MAX_COST, tr("Maximum cost"), QgsProcessingParameterNumber.Type.Double,
                                     optional=True),
        tr("Optional limit in the unit of the cost (metres or minutes), greater than 0. "
           "Demand farther than this is flagged 'beyond_max_cost'."))


def network_settings(alg, parameters, context):
    """(mode, cost, snap tolerance) from the parameters."""
    if alg.parameterAsEnum(parameters, MODE, context) == 3:  # walk + public transport
        from .transit_params import transit_network_settings
        return transit_network_settings(alg, parameters, context)
    mode = normalise_mode(alg.parameterAsEnum(parameters, MODE, context))
    cost = normalise_cost(alg.parameterAsEnum(parameters, COST_TYPE, context))
    tol = alg.parameterAsDouble(parameters, SNAP_TOLERANCE, context)
    if tol < 0:
        raise QgsProcessingException(tr("SNAP_TOLERANCE must not be negative."))
    return mode, cost, tol


def cost_unit(cost):
    return "m" if cost == "distance" else "min"


def max_cost_parameter(alg, parameters, context):
    """None when MAX_COST is not set; raise when it is <= 0."""
    raw = parameters.get(MAX_COST)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    value = alg.parameterAsDouble(parameters, MAX_COST, context)
    if not value > 0:
        raise QgsProcessingException(
            tr("MAX_COST must be greater than 0 (got {0}); leave it empty for no limit.").format(raw))
    return value


def parse_thresholds(text, name="THRESHOLDS"):
    """``"500, 1000,1500"`` -> sorted unique floats > 0."""
    values = []
    for part in str(text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            value = float(part.replace(" ", ""))
        except ValueError:
            raise QgsProcessingException(
                tr("{0}: '{1}' is not a number. Give a list such as 500,1000,1500.").format(name, part))
        if not value > 0:
            raise QgsProcessingException(
                tr("{0}: every threshold must be greater than 0 (got {1}).").format(name, part))
        values.append(value)
    if not values:
        raise QgsProcessingException(tr("{0}: give at least one threshold, e.g. 500,1000,1500.").format(name))
    return sorted(set(values))


def threshold_label(value):
    """500.0 -> '500', 7.5 -> '7_5' (for field names)."""
    text = ("%g" % value).replace(".", "_").replace("-", "_").replace("+", "")
    return text


def raise_network_error(err, mode=None):
    """A translated QgsProcessingException for a NetworkError."""
    if err.code == "no_usable_edges":
        raise QgsProcessingException(
            tr("The network has no segment that mode '{0}' may use (check the 'highway' field "
               "and the travel mode).").format(mode or "")) from None
    if err.code == "no_edges":
        raise QgsProcessingException(tr("The network layer has no line with at least two vertices.")) from None
    if err.code == "bad_max_cost":
        raise QgsProcessingException(tr("MAX_COST must be greater than 0.")) from None
    raise QgsProcessingException(str(err)) from None


def log_reprojection(sources_with_names, crs, feedback):
    """Kept for callers: :func:`.base.working_crs` now writes which inputs are reprojected (once)."""
    return None


def _field_or_default(alg, parameters, context, source, name, default):
    field = alg.parameterAsString(parameters, name, context)
    if field:
        return require_field(source, field, name)
    return source.fields().lookupField(default)


def _ogr_layer(alg, parameters, name, context, crs, drivers=None):
    """``(dataset, ogr layer, QgsVectorLayer)`` of a plain file-based OGR layer, else None.

    Only when the parameter *name* is an OGR layer in *crs* without filter, selection,
    feature limit, subset string or edits (then reading it with GDAL gives exactly what
    QGIS would give), GDAL >= 3.6 (Arrow stream) and, when *drivers* is given, one of
    those GDAL drivers.
    """
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry

    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit >= 0 or getattr(value, "filterExpression", ""):
            return None
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is not None and layer.providerType() == "postgres":
        from .postgis import fast_layer  # the database fast path (None: QGIS's provider reads the layer)

        return fast_layer(layer, crs)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable():
        return None
    if layer.crs() != crs:
        return None
    from osgeo import gdal, ogr

    if int(gdal.VersionInfo()) < 3060000:
        return None
    uri = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    ds = ogr.Open(uri.get("path") or "")
    if ds is None:
        return None
    if drivers is not None and ds.GetDriver().GetName() not in drivers:
        return None
    lyr = ds.GetLayerByName(uri["layerName"]) if uri.get("layerName") else ds.GetLayer(int(uri.get("layerId") or 0))
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    return ds, lyr, layer


def _ogr_fast_lines(alg, parameters, context, crs, names, extra=None):
    """Read a file-based OGR network directly through GDAL's Arrow stream (much faster).

    Only for a plain OGR layer in *crs* without filter, selection or edits; else None
    (the caller then iterates the features through QGIS). *names*: (highway, oneway, speed)
    field names or None. Returns ``(lines, hw, ow, speeds, n_features, n_null)``.
    *extra*: ``{field name: []}`` (OSM tag columns) filled with one value per line part.
    """
    extra = {} if extra is None else extra
    try:
        found = _ogr_layer(alg, parameters, NETWORK, context, crs)
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


# ---------------------------------------------------------------------------
# helpers shared by the network algorithms (catchments, accessibility, serviceareas)
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


def polygons_from_raster(grid, x0, y_top, cell):
    """Polygonize a label raster (GDAL): dict label -> list of QgsGeometry polygons (working CRS)."""
    from osgeo import gdal, ogr

    nrow, ncol = grid.shape
    ds = gdal.GetDriverByName("MEM").Create("", ncol, nrow, 1, gdal.GDT_Int32)
    ds.SetGeoTransform((x0, cell, 0.0, y_top, 0.0, -cell))
    band = ds.GetRasterBand(1)
    band.WriteArray(grid.astype(np.int32))
    band.SetNoDataValue(-1)
    ods = ogr.GetDriverByName("Memory").CreateDataSource("areas")
    layer = ods.CreateLayer("areas", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
    gdal.Polygonize(band, band.GetMaskBand(), layer, 0, [], callback=None)
    out = {}
    for feat in layer:
        label = feat.GetField(0)
        if label is None or label < 0:
            continue
        geom = QgsGeometry()
        geom.fromWkb(bytes(feat.GetGeometryRef().ExportToIsoWkb()))
        out.setdefault(int(label), []).append(geom)
    return out


def stage_report(timings, feedback):
    """Log the stage times (seconds) in one line."""
    parts = ["{0} {1:.2f}".format(k, v) for k, v in timings.items()]
    feedback.pushInfo(tr("Stage times (s): {0}").format(", ".join(parts)))


def nullable_floats(values, mask=None):
    """Float array -> list of Python floats, None where not finite (or where *mask* is False)."""
    values = np.asarray(values, dtype=float)
    good = np.isfinite(values)
    if mask is not None:
        good &= mask
    out = values.astype(object)
    out[~good] = None
    return out.tolist()


def demand_columns(f_ids, fac, costs, status, snap_dist):
    """The output columns ``facility_id``, ``cost``, ``snap_dist``, ``status`` as Python lists.

    *fac*: facility index per demand point (-1: none); *costs* count where the status
    is ``ok`` or ``beyond_max_cost``; non-finite values become NULL.
    """
    from ..core import network as nw

    status = np.asarray(status, dtype=object)
    ids = np.empty(len(f_ids) + 1, dtype=object)
    ids[:len(f_ids)] = list(f_ids)
    ids[-1] = None
    fid_col = ids[np.asarray(fac, dtype=np.int64)].tolist()  # index -1 -> the trailing None
    cost_col = nullable_floats(costs, (status == nw.OK) | (status == nw.BEYOND_MAX_COST))
    snap_col = nullable_floats(snap_dist)
    status_col = [str(v) for v in status.tolist()]
    return fid_col, cost_col, snap_col, status_col


# -- compat re-export, removed after merge: moved to core/wkb.py, readers.py, writers.py, values.py (issue 12)
from ..core import wkb as _wkb  # noqa: E402
from . import readers as _readers  # noqa: E402
from . import values as _values  # noqa: E402
from . import writers as _writers  # noqa: E402

_wkb_lines = _wkb._wkb_lines
_wkb_buffer = _wkb._wkb_buffer
_gather = _wkb._gather
_wkb_dims = _wkb._wkb_dims
wkb_linestrings = _wkb.wkb_linestrings
wkb_points_xy = _wkb.wkb_points_xy
read_points_fast = _readers.read_points_fast
numeric_array = _readers.numeric_array
read_weighted_demand = _readers.read_weighted_demand
read_points = _readers.read_points
facility_ids = _readers.facility_ids
numeric_values = _readers.numeric_values
python_value = _values.python_value
output_fields = _writers.output_fields
out_feature = _writers.out_feature
new_field = _writers.new_field
write_features = _writers.write_features
