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
- :func:`read_points` -> ``(feature ids, xy)`` (NaN rows for NULL/empty
  geometries; polygons and multipoints use ``pointOnSurface``); with
  ``with_features=True`` also the features themselves (for writing outputs).
- :func:`max_cost_parameter` reads an optional ``MAX_COST`` (> 0 or None).
- :func:`parse_thresholds` reads ``"500,1000,1500"``.
- :func:`raise_network_error` turns a :class:`~..core.network.NetworkError`
  into a translated ``QgsProcessingException``.
- :func:`log_reprojection` says in the log which layers are reprojected.
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
    return [tr("Walk"), tr("Bicycle"), tr("Car")]


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
    """Say which inputs are reprojected to the working CRS."""
    for name, src in sources_with_names:
        if src is None:
            continue
        if src.sourceCrs() != crs:
            feedback.pushInfo(tr("{0} ({1}) is reprojected from {2} to {3}.").format(
                name, src.sourceName(), src.sourceCrs().authid(), crs.authid()))


def _field_or_default(alg, parameters, context, source, name, default):
    field = alg.parameterAsString(parameters, name, context)
    if field:
        return require_field(source, field, name)
    return source.fields().lookupField(default)


def _wkb_lines(data):
    """Vertex arrays (N, 2) of every linestring in a WKB (multi)linestring."""
    out = []

    def parse(off):
        endian = "<" if data[off] == 1 else ">"
        typ = struct.unpack_from(endian + "I", data, off + 1)[0]
        off += 5
        has_z = has_m = False
        if typ & 0x80000000:
            has_z = True
        if typ & 0x40000000:
            has_m = True
        typ &= 0x0FFFFFFF
        dim, base = divmod(typ, 1000)
        has_z = has_z or dim in (1, 3)
        has_m = has_m or dim in (2, 3)
        nc = 2 + has_z + has_m
        if base == 2:
            n = struct.unpack_from(endian + "I", data, off)[0]
            off += 4
            arr = np.frombuffer(data, dtype=endian + "f8", count=n * nc, offset=off).reshape(n, nc)
            out.append(arr[:, :2])
            return off + 8 * n * nc
        if base in (5, 7):
            k = struct.unpack_from(endian + "I", data, off)[0]
            off += 4
            for _ in range(k):
                off = parse(off)
            return off
        raise ValueError(base)

    parse(0)
    return out


def _wkb_buffer(geoms):
    """``(uint8 buffer, byte offset, byte length)`` of an Arrow/NumPy WKB column (None/masked -> length 0)."""
    n = len(geoms)
    if getattr(geoms, "dtype", None) is not None and geoms.dtype.kind == "V":
        size = geoms.dtype.itemsize
        buf = np.frombuffer(np.ascontiguousarray(geoms).tobytes(), dtype=np.uint8)
        return buf, np.arange(n, dtype=np.int64) * size, np.full(n, size, dtype=np.int64)
    mask = np.ma.getmaskarray(geoms)
    items = [b"" if (m or g is None) else bytes(g) for g, m in zip(np.ma.getdata(geoms).tolist(), mask)]
    lengths = np.fromiter((len(b) for b in items), dtype=np.int64, count=n)
    buf = np.frombuffer(b"".join(items), dtype=np.uint8)
    return buf, np.cumsum(lengths) - lengths, lengths


def _gather(buf, pos, width, dtype):
    """Values of *dtype* (*width* bytes, little-endian) at the byte positions *pos* of *buf*."""
    if len(pos) == 0:
        return np.zeros(0, dtype=dtype)
    return buf[pos[:, None] + np.arange(width)].copy().view(dtype).ravel()


def _wkb_dims(typ):
    """Number of ordinates per vertex of WKB type codes (ISO 1000/2000/3000 and EWKB flags)."""
    base = typ & 0x0FFFFFFF
    z = ((typ & 0x80000000) != 0) | np.isin(base // 1000, (1, 3))
    m = ((typ & 0x40000000) != 0) | np.isin(base // 1000, (2, 3))
    return base % 1000, 2 + z.astype(np.int64) + m.astype(np.int64)


def wkb_linestrings(geoms):
    """Vertex arrays of a WKB column whose geometries are all single linestrings.

    Vectorised counterpart of :func:`_wkb_lines` (same coordinates): LineString or
    MultiLineString with one part, little-endian, 2D/Z/M/ZM. Returns
    ``(list of (N, 2) arrays, row of each array)`` – rows without geometry or
    without vertices are left out – or None when another geometry occurs (the
    caller then parses geometry by geometry).
    """
    buf, offsets, lengths = _wkb_buffer(geoms)
    present = np.flatnonzero(lengths >= 9)
    if (lengths[(lengths > 0) & (lengths < 9)]).size:
        return None
    off = offsets[present]
    if len(off) == 0:
        return [], np.zeros(0, dtype=np.int64)
    if (buf[off] != 1).any():
        return None
    base, dims = _wkb_dims(_gather(buf, off + 1, 4, "<u4").astype(np.int64))
    start = off + 5
    multi = base == 5
    if not ((base == 2) | multi).all():
        return None
    if multi.any():
        mo = off[multi]
        if (lengths[present][multi] < 18).any() or (_gather(buf, mo + 5, 4, "<u4") != 1).any():
            return None
        if (buf[mo + 9] != 1).any():
            return None
        ibase, idims = _wkb_dims(_gather(buf, mo + 10, 4, "<u4").astype(np.int64))
        if (ibase != 2).any():
            return None
        dims = dims.copy()
        dims[multi] = idims
        start = start.copy()
        start[multi] = mo + 14
    nv = _gather(buf, start, 4, "<u4").astype(np.int64)
    stride = 8 * dims
    if ((start + 4 + nv * stride) != off + lengths[present]).any():
        return None
    has = nv > 0
    rows, start, nv, stride = present[has], start[has], nv[has], stride[has]
    total = int(nv.sum())
    first = np.cumsum(nv) - nv
    local = np.arange(total, dtype=np.int64) - np.repeat(first, nv)
    pos = np.repeat(start + 4, nv) + local * np.repeat(stride, nv)
    coords = np.empty((total, 2))
    coords[:, 0] = _gather(buf, pos, 8, "<f8")
    coords[:, 1] = _gather(buf, pos + 8, 8, "<f8")
    return np.split(coords, first[1:]), rows


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


def _ogr_fast_lines(alg, parameters, context, crs, names):
    """Read a file-based OGR network directly through GDAL's Arrow stream (much faster).

    Only for a plain OGR layer in *crs* without filter, selection or edits; else None
    (the caller then iterates the features through QGIS). *names*: (highway, oneway, speed)
    field names or None. Returns ``(lines, hw, ow, speeds, n_features, n_null)``.
    """
    try:
        found = _ogr_layer(alg, parameters, NETWORK, context, crs)
        if found is None:
            return None
        ds, lyr, _layer = found
        wanted = [n for n in names if n]
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
        return lines, hw, ow, speeds, n_features, n_null
    except Exception:  # noqa: BLE001 - any GDAL trouble: fall back to the QGIS reader
        return None


#: WKB type codes of a single point (2D, Z, M, ZM; ISO and EWKB-style flags)
_POINT_TYPES = (1, 1001, 2001, 3001, 0x80000001, 0x40000001, 0xC0000001)


def wkb_points_xy(geoms):
    """(N, 2) x/y of an array of little-endian WKB points (None/masked/empty -> NaN).

    Vectorised (no loop over points). Returns None when a geometry is not a single
    point in little-endian WKB (the caller then reads through QGIS).
    """
    n = len(geoms)
    xy = np.full((n, 2), np.nan)
    if n == 0:
        return xy
    if getattr(geoms, "dtype", None) is not None and geoms.dtype.kind == "V":
        size = geoms.dtype.itemsize
        if size < 21:
            return None
        buf = np.frombuffer(np.ascontiguousarray(geoms).tobytes(), dtype=np.uint8)
        present = np.arange(n)
        offsets = present * size
    else:
        mask = np.ma.getmaskarray(geoms)
        items = [b"" if (m or g is None) else bytes(g) for g, m in zip(np.ma.getdata(geoms).tolist(), mask)]
        lengths = np.fromiter((len(b) for b in items), dtype=np.int64, count=n)
        present = np.flatnonzero(lengths > 0)
        if (lengths[present] < 21).any():
            return None
        buf = np.frombuffer(b"".join(items), dtype=np.uint8)
        offsets = (np.cumsum(lengths) - lengths)[present]
    if len(present) == 0:
        return xy
    if (buf[offsets] != 1).any():
        return None
    typ = buf[offsets[:, None] + np.arange(1, 5)].copy().view("<u4").ravel()
    if not np.isin(typ, _POINT_TYPES).all():
        return None
    coords = buf[offsets[:, None] + np.arange(5, 21)].copy().view("<f8").reshape(-1, 2)
    xy[present] = coords
    return xy


def read_points_fast(alg, parameters, name, context, crs, field_names=()):
    """``(feature ids, xy, {field: masked array})`` of a point layer read through GDAL, or None.

    The fast path of :func:`read_points` for a plain GeoPackage or shapefile point layer
    (no filter, selection or reprojection; see :func:`_ogr_layer`): the same ids (OGR
    FIDs are QGIS's feature ids for these formats) and the same coordinates, without a
    Python loop over the features. None when it does not apply (the caller then uses
    :func:`read_points`). NULL values of *field_names* are masked.
    """
    try:
        found = _ogr_layer(alg, parameters, name, context, crs, drivers=("GPKG", "ESRI Shapefile"))
        if found is None:
            return None
        ds, lyr, layer = found
        if layer.geometryType() != QgsWkbTypes.GeometryType.PointGeometry or QgsWkbTypes.isMultiType(layer.wkbType()):
            return None
        defn = lyr.GetLayerDefn()
        all_names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        if any(f not in all_names for f in field_names):
            return None
        lyr.SetIgnoredFields([f for f in all_names if f not in field_names])
        geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
        fid_col = lyr.GetFIDColumn() or "OGC_FID"
        fids, xys, cols = [], [], {f: [] for f in field_names}
        for batch in lyr.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"]):
            if fid_col not in batch or geom_col not in batch:
                return None
            xy = wkb_points_xy(batch[geom_col])
            if xy is None:
                return None
            fids.append(np.asarray(batch[fid_col], dtype=np.int64))
            xys.append(xy)
            for f in field_names:
                cols[f].append(batch[f])
        if not fids:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 2)), {f: np.ma.masked_array([]) for f in field_names}
        columns = {f: np.ma.concatenate([np.ma.asarray(c) for c in v]) for f, v in cols.items()}
        return np.concatenate(fids), np.concatenate(xys), columns
    except Exception:  # noqa: BLE001 - any GDAL trouble: fall back to the QGIS reader
        return None


def numeric_array(values, n, default=1.0):
    """Float array of a (masked) numeric column; NULL/non-finite -> 0 with a count (like
    :func:`numeric_values`), or *default* per feature when *values* is None."""
    if values is None:
        return np.full(n, float(default)), 0
    values = np.ma.asarray(values)
    out = np.ma.getdata(values).astype(float)
    bad = np.ma.getmaskarray(values) | ~np.isfinite(out)
    out[bad] = 0.0
    return out, int(bad.sum())


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
    request = QgsFeatureRequest().setSubsetOfAttributes(attrs)
    request.setDestinationCrs(crs, context.transformContext())
    lines, hw, ow, speeds = [], [], [], []
    n_null = 0
    n_features = 0
    total = max(source.featureCount(), 1)
    names = [source.fields().at(i).name() if i >= 0 else None for i in (hw_idx, ow_idx, sp_idx)]
    fast = _ogr_fast_lines(alg, parameters, context, crs, names)
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
    if n_null:
        feedback.pushWarning(tr("{0} network features without usable geometry were skipped.").format(n_null))
    read_time = time.perf_counter() - t0
    if not lines:
        raise QgsProcessingException(
            tr("The network layer {0} has no line geometry.").format(source.sourceName()))
    try:
        graph = Graph.from_lines(lines, highway=hw if hw_idx >= 0 else None,
                                 oneway=ow if ow_idx >= 0 else None,
                                 speed_kmh=speeds if sp_idx >= 0 else None, mode=mode)
    except NetworkError as err:
        raise_network_error(err, mode)
    graph.timings["read"] = read_time
    graph.read_info = {"features": n_features, "parts": len(lines), "skipped": n_null}
    feedback.pushInfo(tr("Network: {0} edges, {1} nodes for mode {2} ({3} segments excluded for the mode, "
                         "{4} zero-length segments dropped).").format(
        graph.n_edges, graph.n_nodes, mode, graph.n_excluded_mode, graph.n_zero_length))
    return graph


def read_weighted_demand(alg, parameters, context, feedback, crs, demand, weight_field):
    """``(feature ids, xy, features or None, weights)`` of the ``DEMAND`` layer in *crs*.

    Plain GeoPackage/shapefile point layers take the GDAL fast path (features None: they are
    streamed from QGIS once, when the results are written), else through QGIS. Weights come
    from the numeric field *weight_field* (1 per feature without it); NULL weights count 0
    with a warning.
    """
    if weight_field:
        weight_field = demand.fields().at(require_field(demand, weight_field, DEMAND_WEIGHT, numeric=True)).name()
    fast = read_points_fast(alg, parameters, DEMAND, context, crs, [weight_field] if weight_field else [])
    if fast is not None:
        d_fids, d_xy, d_cols = fast
        d_feats = None
        weights, n_null_w = numeric_array(d_cols.get(weight_field), len(d_fids))
    else:
        d_fids, d_xy, d_feats = read_points(demand, crs, context, feedback, with_features=True)
        weights, n_null_w = numeric_values(demand, d_feats, weight_field, DEMAND_WEIGHT)
    if n_null_w:
        feedback.pushWarning(tr("{0} demand features have no numeric weight in '{1}'; they count 0.").format(
            n_null_w, weight_field))
    return d_fids, d_xy, d_feats, weights


def read_points(source, crs, context, feedback, with_features=False, request=None):
    """``(feature ids, xy)`` of *source* in *crs*; NaN rows for NULL/empty geometries.

    Polygons (and multipoints) use ``pointOnSurface``. With ``with_features``
    the features (in the source CRS, attributes untouched) come third.
    """
    from qgis.core import QgsCoordinateTransform

    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    identity = source.sourceCrs() == crs
    fids, xs, ys, feats = [], [], [], []
    total = max(source.featureCount(), 1)
    for k, feat in enumerate(source.getFeatures(request or QgsFeatureRequest())):
        if k % 5000 == 0:
            check_canceled(feedback)
        fids.append(feat.id())
        if with_features:
            feats.append(feat)
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            xs.append(np.nan)
            ys.append(np.nan)
            continue
        if geom.type() == QgsWkbTypes.GeometryType.PointGeometry and not geom.isMultipart():
            p = geom.constGet()
            x, y = p.x(), p.y()
        else:
            pt = geom.pointOnSurface()
            if pt.isNull() or pt.isEmpty():
                xs.append(np.nan)
                ys.append(np.nan)
                continue
            p = pt.asPoint()
            x, y = p.x(), p.y()
        if not identity:
            try:
                q = transform.transform(x, y)
                x, y = q.x(), q.y()
            except Exception:  # noqa: BLE001 - a point outside the CRS's area
                x, y = np.nan, np.nan
        xs.append(x)
        ys.append(y)
    del total
    xy = np.column_stack([np.array(xs, dtype=float), np.array(ys, dtype=float)]) if fids else np.zeros((0, 2))
    fids = np.array(fids, dtype=np.int64)
    if with_features:
        return fids, xy, feats
    return fids, xy


# ---------------------------------------------------------------------------
# helpers shared by the network algorithms (catchments, accessibility, serviceareas)
def facility_ids(source, feats, fids, field_name, parameter_name="FACILITY_ID"):
    """Ids of the facilities: the values of *field_name* or the feature ids.

    Raise for NULL or duplicate values, naming the feature.
    Returns ``(values list, QVariant type)``.
    """
    from .. import compat

    if not field_name:
        return [int(f) for f in fids], compat.FIELD_LONGLONG
    idx = require_field(source, field_name, parameter_name)
    field = source.fields().at(idx)
    values = []
    seen = {}
    for feat in feats:
        value = feat.attributes()[idx]
        if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
            raise QgsProcessingException(
                tr("{0} field '{1}' is empty for feature {2} of {3}.").format(
                    parameter_name, field_name, feat.id(), source.sourceName()))
        key = str(value)
        if key in seen:
            raise QgsProcessingException(
                tr("{0} field '{1}' has the value '{2}' twice (features {3} and {4} of {5}); "
                   "the ids must be unique.").format(
                    parameter_name, field_name, key, seen[key], feat.id(), source.sourceName()))
        seen[key] = feat.id()
        values.append(value)
    vtype = field.type()
    if vtype not in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_STRING, compat.FIELD_DOUBLE):
        values = [str(v) for v in values]
        vtype = compat.FIELD_STRING
    return values, vtype


def numeric_values(source, feats, field_name, parameter_name, default=1.0):
    """Float array of a numeric field (NULL -> 0 with a count), or *default* per feature."""
    if not field_name:
        return np.full(len(feats), float(default)), 0
    idx = require_field(source, field_name, parameter_name, numeric=True)
    out = np.zeros(len(feats))
    n_null = 0
    for k, feat in enumerate(feats):
        value = feat.attributes()[idx]
        try:
            out[k] = float(value)
            if not np.isfinite(out[k]):
                raise ValueError
        except (TypeError, ValueError):
            out[k] = 0.0
            n_null += 1
    return out, n_null


def output_fields(source_fields, extra, feedback=None, layer_name=""):
    """Fields of the input without the names in *extra* (case-insensitive), then *extra*.

    With *feedback* every input field so replaced is named in a warning.
    """
    from qgis.core import QgsFields

    names = {f.name().lower() for f in extra}
    fields = QgsFields()
    keep = []
    for i, f in enumerate(source_fields):
        if f.name().lower() in names:
            if feedback is not None:
                feedback.pushWarning(tr("Field '{0}' of {1} is replaced by the output field of the same "
                                        "name.").format(f.name(), layer_name))
            continue
        fields.append(f)
        keep.append(i)
    for f in extra:
        fields.append(f)
    return fields, keep


def out_feature(fields, feat, keep, extra_values):
    """A new feature of *fields*: the geometry of *feat*, its attributes at *keep*, then *extra_values*."""
    from qgis.core import QgsFeature

    out = QgsFeature(fields)
    out.setGeometry(feat.geometry())
    attrs = feat.attributes()
    out.setAttributes([attrs[i] for i in keep] + list(extra_values))
    return out


def new_field(name, vtype, length=0, precision=0):
    from qgis.core import QgsField

    return QgsField(name, vtype, len=length, prec=precision)


def python_value(value):
    """numpy scalar -> Python (None for NaN/inf)."""
    if value is None:
        return None
    if isinstance(value, (np.floating, float)):
        v = float(value)
        return v if np.isfinite(v) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


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


def write_features(sink, features, keep, columns, progress, feedback, fids=None, chunk=10000):
    """Add *features* to *sink* with the input attributes at *keep* followed by *columns*.

    The features (copies from ``getFeatures``) get their new attributes in place –
    the input layer is not touched – and go to the sink in chunks with ``FastInsert``.
    *columns*: lists with one value per row. With *fids* (the feature id of every
    row, e.g. from :func:`read_points_fast`) the features may come straight from
    ``source.getFeatures()``: each is matched to its row by its id.
    """
    from qgis.core import QgsFeatureSink

    keep = list(keep)
    keep_all = keep == list(range(len(keep)))
    n_keep, n_extra = len(keep), len(columns)
    fid_list = None if fids is None else [int(f) for f in np.asarray(fids).tolist()]
    row_of = None
    n_rows = len(columns[0]) if columns else 0
    out = []
    written = 0
    for k, feat in enumerate(features):
        r = k
        if fid_list is not None:
            fid = feat.id()
            if k >= n_rows or fid_list[k] != fid:
                if row_of is None:
                    row_of = {f: i for i, f in enumerate(fid_list)}
                r = row_of.get(fid)
                if r is None:
                    raise QgsProcessingException(
                        tr("Feature {0} was not there when the layer was read; was the layer changed "
                           "during the run?").format(fid))
        if keep_all:
            # the input attributes stay where they are (no round trip through Python)
            feat.resizeAttributes(n_keep + n_extra)
            for j in range(n_extra):
                feat.setAttribute(n_keep + j, columns[j][r])
        else:
            attrs = feat.attributes()
            feat.setAttributes([attrs[i] for i in keep] + [col[r] for col in columns])
        out.append(feat)
        if len(out) >= chunk:
            written += len(out)
            sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
            out = []
            if not progress.tick(chunk):
                check_canceled(feedback)
    if out:
        written += len(out)
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
        progress.tick(len(out))
    check_canceled(feedback)
    if fid_list is not None and written != n_rows:
        raise QgsProcessingException(
            tr("The layer had {0} features when it was read and {1} when the results were written; "
               "was it changed during the run?").format(n_rows, written))
    return written
