"""Reading layers into arrays: the one place for readers (docs/DEVELOPING.md, "I/O policies").

- points: :func:`read_points` (QGIS; NaN rows for NULL/empty geometries; see :func:`representative_point`),
  :func:`read_points_fast` (GDAL's Arrow stream for plain GeoPackage/shapefile point layers);
- facilities with ids: :func:`read_facilities`; weights and ids: :func:`read_weighted_demand`, :func:`numeric_values`, :func:`numeric_array`,
  :func:`facility_ids`;
- geometries and districts: :func:`read_geometries`, :func:`build_index`, :func:`prepared`, :func:`containing`
  (point in polygon: the first district wins);
- features with chosen fields and one point each: :func:`read_features`.
- demand and facility layers with ids and one value column (supply algorithms): :class:`LayerData`,
  :func:`read_layer`, :func:`points_xy`;
- the GDAL fast path: :func:`ogr_layer` (also used by :mod:`.network_reader`).

The street network is read by :mod:`.network_reader`.
"""

import collections

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsPoint,
    QgsRectangle,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from .. import compat
from ..core import odtable
from ..core.wkb import wkb_points_xy
from ..translation import tr
from .base import Progress, check_canceled, require_field, require_source
from .values import check_weights, is_null, number_or_nan, plain

DEMAND = "DEMAND"
DEMAND_WEIGHT = "DEMAND_WEIGHT"


def representative_point(geom):
    """The one point of a geometry (the multipoint policy): a point itself, the first point of a
    multipoint, the point on surface of a line or polygon; None when there is none."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return None
    if geom.type() == QgsWkbTypes.GeometryType.PointGeometry:
        if not geom.isMultipart():
            return QgsPointXY(geom.constGet().x(), geom.constGet().y())
        parts = geom.asMultiPoint()
        return QgsPointXY(parts[0]) if parts else None
    pt = geom.pointOnSurface()
    if pt.isNull() or pt.isEmpty():
        return None
    return pt.asPoint()


def ogr_layer(alg, parameters, name, context, crs, drivers=None):
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


def read_points_fast(alg, parameters, name, context, crs, field_names=()):
    """``(feature ids, xy, {field: masked array})`` of a point layer read through GDAL, or None.

    The fast path of :func:`read_points` for a plain GeoPackage or shapefile point layer
    (no filter, selection or reprojection; see :func:`ogr_layer`): the same ids (OGR
    FIDs are QGIS's feature ids for these formats) and the same coordinates, without a
    Python loop over the features. None when it does not apply (the caller then uses
    :func:`read_points`). NULL values of *field_names* are masked.
    """
    try:
        found = ogr_layer(alg, parameters, name, context, crs, drivers=("GPKG", "ESRI Shapefile"))
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
    if weight_field:
        weights = check_weights(weights, weight_field, demand.sourceName(), np.asarray(d_fids).tolist(),
                                parameter=DEMAND_WEIGHT)
    return d_fids, d_xy, d_feats, weights


def read_points(source, crs, context, feedback, with_features=False, request=None):
    """``(feature ids, xy)`` of *source* in *crs*; NaN rows for NULL/empty geometries.

    One point per feature (:func:`representative_point`). With ``with_features``
    the features (in the source CRS, attributes untouched) come third.
    """
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
            p = representative_point(geom)
            if p is None:
                xs.append(np.nan)
                ys.append(np.nan)
                continue
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


def facility_ids(source, feats, fids, field_name, parameter_name="FACILITY_ID"):
    """Ids of the facilities: the values of *field_name* or the feature ids.

    Raise for NULL or duplicate values, naming the feature. For OSM ids (``osm_way_id``, ``osm_id``) an
    empty value takes the other field's value (multipolygons from relations have no ``osm_way_id``).
    Returns ``(values list, QVariant type)``.
    """
    if not field_name:
        return [int(f) for f in fids], compat.FIELD_LONGLONG
    idx = require_field(source, field_name, parameter_name)
    field = source.fields().at(idx)
    # OSM: multipolygons from relations have osm_id but no osm_way_id (and ways the other way round)
    other = {"osm_way_id": "osm_id", "osm_id": "osm_way_id"}.get(field.name().lower())
    other_idx = source.fields().lookupField(other) if other else -1
    n_other = 0
    values = []
    seen = {}
    for feat in feats:
        value = feat.attributes()[idx]
        if other_idx >= 0 and (value is None or (hasattr(value, "isNull") and value.isNull()) or value == ""):
            alt = feat.attributes()[other_idx]
            if not (alt is None or (hasattr(alt, "isNull") and alt.isNull()) or alt == ""):
                value = alt
                n_other += 1
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
    if n_other:
        values = [str(v) for v in values]
        vtype = compat.FIELD_STRING
    if vtype not in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_STRING, compat.FIELD_DOUBLE):
        values = [str(v) for v in values]
        vtype = compat.FIELD_STRING
    return values, vtype


FacilityPoints = collections.namedtuple("FacilityPoints", "fids xy feats ids id_type")


def read_facilities(source, crs, context, feedback, id_field, parameter_name="FACILITY_ID"):
    """:class:`FacilityPoints` of *source*: feature ids, xy in *crs* (:func:`read_points`), the features,
    and the ids of *id_field* with their field type (:func:`facility_ids`)."""
    fids, xy, feats = read_points(source, crs, context, feedback, with_features=True)
    ids, id_type = facility_ids(source, feats, fids, id_field, parameter_name)
    return FacilityPoints(fids, xy, feats, ids, id_type)


def numeric_values(source, feats, field_name, parameter_name, default=1.0, feedback=None):
    """Float array of a numeric weight/capacity field and the count of NULLs, or *default* per feature.

    The one plausibility rule (:func:`.values.check_weights`): negative -> error naming the field and
    the feature, NULL/NaN -> 0 (with a warning when *feedback* is given).
    """
    if not field_name:
        return np.full(len(feats), float(default)), 0
    idx = require_field(source, field_name, parameter_name, numeric=True)
    raw = np.array([number_or_nan(feat.attributes()[idx]) for feat in feats], dtype=float)
    n_null = int(np.isnan(raw).sum())
    out = check_weights(raw, field_name, source.sourceName(), [feat.id() for feat in feats], feedback,
                        parameter_name)
    return out, n_null


def read_geometries(source, crs, context, feedback, label, progress_range=(0.0, 100.0), attributes=True):
    """[(feature, geometry in *crs*)] of *source*; invalid polygons are made valid (with a warning).

    Features without a geometry are skipped with a warning.
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    same = source.sourceCrs() == crs
    out = []
    repaired, empty = [], []
    progress = Progress(feedback, source.featureCount(), *progress_range)
    request = QgsFeatureRequest()
    if not attributes:
        request.setNoAttributes()
    for feat in source.getFeatures(request):
        geom = QgsGeometry(feat.geometry())
        if geom.isNull() or geom.isEmpty():
            empty.append(feat.id())
        else:
            if not same:
                try:
                    geom.transform(transform)
                except Exception as exc:  # noqa: BLE001 - QgsCsException
                    raise QgsProcessingException(tr(
                        "Feature {0} of {1} cannot be transformed to {2}: {3}").format(
                            feat.id(), label, crs.authid(), exc)) from exc
            if geom.type() == QgsWkbTypes.GeometryType.PolygonGeometry and not geom.isGeosValid():
                fixed = geom.makeValid()
                if fixed.isNull() or fixed.isEmpty():
                    empty.append(feat.id())
                    geom = None
                else:
                    geom = fixed
                    repaired.append(feat.id())
            if geom is not None:
                out.append((feat, geom))
        if not progress.tick():
            break
    if repaired:
        feedback.pushWarning(tr("{0}: {1} invalid polygon(s) were made valid (feature ids {2}).").format(
            label, len(repaired), ", ".join(str(i) for i in repaired[:20])))
    if empty:
        feedback.pushWarning(tr("{0}: {1} feature(s) without a usable geometry were skipped (feature ids {2}).").format(
            label, len(empty), ", ".join(str(i) for i in empty[:20])))
    return out


def build_index(geoms):
    """QgsSpatialIndex over a list of geometries (ids = list positions)."""
    index = QgsSpatialIndex()
    for i, geom in enumerate(geoms):
        index.addFeature(i, geom.boundingBox())
    return index


def containing(index, geoms, engines, point_geom):
    """Position of the first polygon that contains *point_geom* (or -1)."""
    bbox = point_geom.boundingBox()
    for j in sorted(index.intersects(bbox)):
        if engines[j].intersects(point_geom.constGet()):
            return j
    return -1


def prepared(geoms):
    """Prepared GEOS engines for fast point-in-polygon tests."""
    engines = []
    for geom in geoms:
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        engines.append(engine)
    return engines


def polygon_of_xy(geoms, xy, progress, feedback):
    """Position of the first polygon of *geoms* containing each point *xy* (-1 outside or for NaN rows);
    the point-in-polygon policy of :func:`containing`. *progress* ticks once per point."""
    index = build_index(geoms)
    engines = prepared(geoms)
    out = np.full(len(xy), -1, dtype=np.int64)
    for i, (x, y) in enumerate(xy):
        if np.isfinite(x) and np.isfinite(y):
            out[i] = containing(index, geoms, engines, QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        if not progress.tick():
            check_canceled(feedback)
    return out


def read_features(source, fields, crs, context, feedback=None, point=True):
    """Read *source*: (feature ids, {field: list of values}, list of QgsPointXY or None, geometries).

    Points are transformed to *crs*; polygons and lines give their
    ``pointOnSurface``. Features without geometry get ``None``.
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    fids, points, geoms = [], [], []
    values = {f: [] for f in fields if f}
    idx = {f: source.fields().lookupField(f) for f in values}
    request = QgsFeatureRequest()
    total = max(source.featureCount(), 1)
    for n, feat in enumerate(source.getFeatures(request)):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        fids.append(feat.id())
        for f, i in idx.items():
            values[f].append(plain(feat.attribute(i)))
        geom = feat.geometry()
        geoms.append(QgsGeometry(geom) if geom is not None else QgsGeometry())
        pt = None
        if geom is not None and not geom.isNull() and not geom.isEmpty():
            g = QgsGeometry(geom)
            if point:  # the one point of the feature (first point of a multipoint, point on surface)
                p = representative_point(g)
                g = QgsGeometry.fromPointXY(p) if p is not None else QgsGeometry()
            if not g.isNull() and not g.isEmpty():
                try:
                    g.transform(transform)
                    pt = g.asPoint()
                except Exception:  # noqa: BLE001 (transform errors -> treated as missing coordinates)
                    pt = None
        points.append(pt)
        if feedback is not None and n % 500 == 0:
            feedback.setProgress(min(100.0 * n / total, 100.0) * 0.2)
    return fids, values, points, geoms


def district_of_points(districts, crs, context, xy, feedback):
    """The one district join: index of the district polygon containing each point *xy* (in *crs*), -1 outside
    or for NaN rows; plus the district features. A point on a shared border goes to the first district of the
    layer (the point-in-polygon policy, docs/DEVELOPING.md)."""
    transform = QgsCoordinateTransform(districts.sourceCrs(), crs, context.transformContext())
    feats = list(districts.getFeatures())
    index = QgsSpatialIndex()
    engines = {}
    for k, feat in enumerate(feats):
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        geom = QgsGeometry(geom)
        if districts.sourceCrs() != crs:
            geom.transform(transform)
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        engines[k] = (engine, geom)
        index.addFeature(k, geom.boundingBox())
    out = np.full(len(xy), -1, dtype=np.int64)
    for i, (x, y) in enumerate(xy):
        if i % 5000 == 0:
            check_canceled(feedback)
        if not (np.isfinite(x) and np.isfinite(y)):
            continue
        for k in sorted(index.intersects(QgsRectangle(x, y, x, y))):  # ties: the first district (DEVELOPING.md)
            if engines[k][0].intersects(QgsPoint(x, y)):
                out[i] = k
                break
    return out, feats


# -- demand and facility layers of the supply algorithms (ids, one value column) ---------------------------
class LayerData:
    """Features, ids and one numeric column of a demand or facility source."""

    def __init__(self, source, features, ids, values, id_type):
        self.source = source
        self.features = features
        self.ids = ids
        self.values = values
        self.id_type = id_type

    def __len__(self):
        return len(self.features)


def read_layer(alg, parameters, context, feedback, source_name, id_name, value_name,
               value_required, progress=(0.0, 10.0)):
    """Read a demand or facility source.

    NULL, non-numeric, negative or infinite values raise, naming the feature.
    Without *value_name* every feature counts 1 (only when not *value_required*).
    """
    source = require_source(alg, parameters, source_name, context)
    id_field = alg.parameterAsString(parameters, id_name, context)
    id_idx = require_field(source, id_field, id_name) if id_field else -1
    value_field = alg.parameterAsString(parameters, value_name, context)
    if value_required and not value_field:
        raise QgsProcessingException(tr("Choose the {0} field.").format(value_name))
    val_idx = require_field(source, value_field, value_name, numeric=True) if value_field else -1
    features, ids, values = [], [], []
    progress_bar = Progress(feedback, source.featureCount(), *progress)
    for feat in source.getFeatures():
        features.append(QgsFeature(feat))
        attrs = feat.attributes()
        ids.append(attrs[id_idx] if id_idx >= 0 else feat.id())
        if val_idx >= 0:
            values.append(number_or_nan(attrs[val_idx]))
        else:
            values.append(1.0)
        if not progress_bar.tick():
            check_canceled(feedback)
    if id_idx >= 0:
        id_type = source.fields().at(id_idx).type()
        if id_type not in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_STRING):
            ids = [None if is_null(v) else odtable.key_text(v) for v in ids]
            id_type = compat.FIELD_STRING
    else:
        id_type = compat.FIELD_LONGLONG
    # unique, non-NULL ids (needed to match an OD table and to name facilities)
    try:
        odtable.id_index(ids, "layer")
    except odtable.OdTableError as err:
        if err.code == "null_layer_id":
            k = err.rows[0] - 1
            raise QgsProcessingException(
                tr("{0} field '{1}' is NULL for feature {2} of {3}; the ids must be unique and not NULL.").format(
                    id_name, id_field, features[k].id(), source.sourceName())) from None
        raise QgsProcessingException(
            tr("{0} field '{1}' has the value '{2}' more than once in {3}; the ids must be unique.").format(
                id_name, id_field, err.values[0], source.sourceName())) from None
    if val_idx >= 0:  # the one rule for weights and capacities: negative -> error, NULL -> 0 with a warning
        values = check_weights(values, value_field, source.sourceName(), [f.id() for f in features],
                               feedback, value_name)
    return LayerData(source, features, ids, np.asarray(values, dtype=float), id_type)


def points_xy(layer, crs, context):
    """xy of every feature in *crs* (NaN for no geometry; polygons: point on surface)."""
    transform = QgsCoordinateTransform(layer.source.sourceCrs(), crs, context.transformContext())
    xy = np.full((len(layer), 2), np.nan)
    for k, feat in enumerate(layer.features):
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        pt = representative_point(geom)  # first point of a multipoint, point on surface of a polygon
        if pt is None:
            continue
        try:
            q = transform.transform(pt)
        except Exception:  # noqa: BLE001 - outside the CRS's area of use
            continue
        xy[k] = (q.x(), q.y())
    return xy


# -- end of network/point readers


# -- area/table readers (social family)
def read_feature_list(source, feedback, start=0.0, end=30.0):
    """All features of *source* as a list, in order (copies: the source is never modified); progress *start*–*end*."""
    from qgis.core import QgsFeature

    features = []
    progress = Progress(feedback, source.featureCount(), start, end)
    for feat in source.getFeatures():
        features.append(QgsFeature(feat))
        if not progress.tick():
            check_canceled(feedback)
    return features


def column(features, field_name):
    """A numeric attribute of *features* as a float array (NULL, text and non-finite -> NaN, :func:`.values.number_or_nan`)."""
    return np.array([number_or_nan(feat[field_name]) for feat in features], dtype=float)


def guess_key_field(source):
    """A key field to name features in messages (``*_key``, ``key``, ``schluessel``, ``id``, then ``*_id``), or None."""
    names = [f.name() for f in source.fields()]
    for name in names:
        if name.lower().endswith("_key") or name.lower() in ("key", "schluessel", "id"):
            return name
    for name in names:
        if name.lower().endswith("_id"):
            return name
    return None


def feature_label(features, key_field=None):
    """``callable(row) -> "feature 12 (ot_key 03)"`` naming a row of *features* in messages."""
    def label(row):
        feat = features[row]
        if key_field:
            return tr("feature {0} ({1} {2})").format(feat.id(), key_field, feat[key_field])
        return tr("feature {0}").format(feat.id())
    return label


def column_matrix(features, field_names):
    """Numeric attributes *field_names* of *features* as an (n features × n fields) float array (:func:`column`)."""
    return np.column_stack([column(features, name) for name in field_names]) if field_names else None


def polygon_of_points(point_geoms, polygon_geoms, feedback=None, progress=(0.0, 100.0)):
    """Position of the polygon of *polygon_geoms* containing each geometry of *point_geoms* (-1: none).

    One point per feature (the first point of a multipoint, the multipoint policy); a point on a shared border
    goes to the first polygon (the point-in-polygon policy, :func:`containing`).
    """
    index = build_index(polygon_geoms)
    engines = prepared(polygon_geoms)
    out = np.full(len(point_geoms), -1, dtype=np.int64)
    tick = Progress(feedback, len(point_geoms), *progress)
    for i, geom in enumerate(point_geoms):
        part = geom if not geom.isMultipart() else geom.asGeometryCollection()[0]
        out[i] = containing(index, polygon_geoms, engines, part)
        if not tick.tick():
            check_canceled(feedback)
    return out


def area_overlaps(src_geoms, tgt_geoms, mask=None, feedback=None, progress=(0.0, 100.0)):
    """``({(i, j): overlap area}, source areas, target areas)`` of two polygon lists (in a metric CRS).

    With *mask* (a polygon geometry) every area is that inside the mask. Pairs without a positive overlap
    are left out.
    """
    from qgis.core import QgsGeometry

    sw = np.array([(g.intersection(mask) if mask is not None else g).area() for g in src_geoms])
    tw = np.array([(g.intersection(mask) if mask is not None else g).area() for g in tgt_geoms])
    tgt_index = build_index(tgt_geoms)
    pairs = {}
    tick = Progress(feedback, len(src_geoms), *progress)
    for i, gi in enumerate(src_geoms):
        engine = QgsGeometry.createGeometryEngine(gi.constGet())
        engine.prepareGeometry()
        for j in tgt_index.intersects(gi.boundingBox()):
            if not engine.intersects(tgt_geoms[j].constGet()):
                continue
            inter = gi.intersection(tgt_geoms[j])
            if mask is not None and not inter.isEmpty():
                inter = inter.intersection(mask)
            area = inter.area()
            if area > 0:
                pairs[(i, j)] = pairs.get((i, j), 0.0) + area
        if not tick.tick():
            check_canceled(feedback)
    return pairs, sw, tw


def point_overlaps(src_geoms, tgt_geoms, points, weight_index=-1, feedback=None, progress=(0.0, 100.0)):
    """``({(i, j): weight}, source weights, target weights, NULL weights)`` from weighted points.

    *points*: ``[(feature, geometry)]``; each point (every part of a multipoint) adds its weight (attribute
    *weight_index*, 1 without one; NULL weighs 0 and is counted) to the source and the target polygon
    containing it (the first one on a shared border) and to their pair.
    """
    src_index, src_eng = build_index(src_geoms), prepared(src_geoms)
    tgt_index, tgt_eng = build_index(tgt_geoms), prepared(tgt_geoms)
    sw = np.zeros(len(src_geoms))
    tw = np.zeros(len(tgt_geoms))
    pairs = {}
    null_weights = 0
    tick = Progress(feedback, len(points), *progress)
    for feat, geom in points:
        wv = 1.0
        if weight_index >= 0:
            wv = number_or_nan(feat.attributes()[weight_index])
            if not np.isfinite(wv):
                null_weights += 1
                wv = 0.0
        for part in (geom.asGeometryCollection() if geom.isMultipart() else [geom]):
            i = containing(src_index, src_geoms, src_eng, part)
            j = containing(tgt_index, tgt_geoms, tgt_eng, part)
            if i >= 0:
                sw[i] += wv
            if j >= 0:
                tw[j] += wv
            if i >= 0 and j >= 0 and wv > 0:
                pairs[(i, j)] = pairs.get((i, j), 0.0) + wv
        if not tick.tick():
            check_canceled(feedback)
    return pairs, sw, tw, null_weights
