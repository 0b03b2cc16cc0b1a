"""Helpers shared by the Bildungskompass algorithms (cooperation network, offer search, web map)."""

from qgis.core import (
    NULL,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
)

from ..translation import tr
from .base import require_field


def plain(value):
    """A QVariant attribute as a plain Python value (NULL -> None)."""
    if value is None or value == NULL:
        return None
    if hasattr(value, "isNull") and not isinstance(value, str) and value.isNull():
        return None
    return value


def field_parameter(alg, parameters, context, name, source, feedback=None, numeric=False):
    """Field name of an optional field parameter with a default, or ``""``.

    When the user did not give the parameter and its *default* field is not in
    the layer, the field is left out (with a note); when the user named a field
    that is not there, this raises.
    """
    field = alg.parameterAsString(parameters, name, context)
    if not field:
        return ""
    given = parameters.get(name) not in (None, "")
    if not given and source.fields().lookupField(field) < 0:
        if feedback is not None:
            feedback.pushInfo(tr("{0}: layer {1} has no field '{2}'; not used.").format(
                name, source.sourceName(), field))
        return ""
    require_field(source, field, name, numeric=numeric)
    return field


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
            if point and g.type() != 0:  # not a point layer: a point inside the feature
                g = g.pointOnSurface()
            elif point and g.isMultipart():  # multipoint: its first point
                parts = g.asMultiPoint()
                g = QgsGeometry.fromPointXY(parts[0]) if parts else QgsGeometry()
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



def required_field(alg, parameters, context, name, source, numeric=False):
    """A field parameter that is required in substance but declared optional with a default.

    (qgis_process 3.22 ignores the default of a mandatory field parameter, so the
    batch interface declares these optional and checks here.)
    """
    field = alg.parameterAsString(parameters, name, context)
    if not field:
        raise QgsProcessingException(tr("Parameter {0} is required: choose a field of layer {1}.").format(
            name, source.sourceName()))
    require_field(source, field, name, numeric=numeric)
    return field
