"""Reading features into a working CRS, with invalid polygons repaired, and their numeric attributes."""

import math

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..translation import tr
from .base import Progress


def number_or_nan(v):
    """An attribute value as float; NULL, None and non-numbers -> NaN."""
    if v is None:
        return math.nan
    try:
        if hasattr(v, "isNull") and v.isNull():
            return math.nan
        return float(v)
    except (TypeError, ValueError):
        return math.nan


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
