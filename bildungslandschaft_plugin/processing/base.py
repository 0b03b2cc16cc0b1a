"""Shared pieces of every Bildungslandschaft algorithm.

Algorithms subclass :class:`BildungslandschaftAlgorithm` (itself a direct
subclass of ``QgsProcessingAlgorithm``), set ``ALG_ID`` and ``GROUP_ID`` and
implement ``displayName``, ``shortHelpString``, ``initAlgorithm`` and
``processAlgorithm``. Strings go through the module-level ``tr()``.
"""

import math
import os
import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsWkbTypes,
)

from ..resources import icon
from ..translation import tr
from .groups import group_name


def _with_atomic_outputs(process):
    """Wrap a subclass's ``processAlgorithm``: file outputs move into place only when it finished.

    On an exception or a cancel the temporary files are removed (nothing under the output name,
    an earlier file of that name untouched); see :mod:`.writers`.
    """
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        from . import writers

        self._bl_pending_outputs = []
        try:
            results = process(self, parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled."))
            return writers.finish_outputs(self, results, context, feedback)
        except BaseException:
            writers.discard_outputs(self)
            raise

    processAlgorithm.__doc__ = process.__doc__
    processAlgorithm.__wrapped__ = process
    return processAlgorithm


class BildungslandschaftAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = ""
    ICON = "bildungslandschaft.svg"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None and not hasattr(process, "__wrapped__"):
            cls.processAlgorithm = _with_atomic_outputs(process)

    def name(self):
        return self.ALG_ID

    def group(self):
        return group_name(self.GROUP_ID)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def icon(self):
        return icon(self.ICON)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def helpUrl(self):  # noqa: N802
        return ""

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """QGIS's checks, then: every output file goes into a folder that exists.

        Checked before anything is written, so that a wrong path of the third output
        does not leave the first two behind half-written.
        """
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        missing = missing_output_folder(self, parameters)
        if missing:
            name, folder = missing
            return False, tr("The folder for the output {0} does not exist: {1}").format(name, folder)
        from .writers import output_same_as_input

        clash = output_same_as_input(self, parameters, context)
        if not clash:
            from .writers import table_same_as_input

            table_clash = table_same_as_input(self, parameters, context)
            if table_clash:
                out_name, in_name, table = table_clash
                return False, tr("The output {0} would replace the input table {1} ({2}); choose another "
                                 "table name.").format(out_name, in_name, table)
        if clash:
            out_name, in_name, path = clash
            return False, tr("The output {0} would overwrite the input {1} ({2}); choose another file, or "
                             "\"Save to GeoPackage\" to add a layer to it.").format(out_name, in_name, path)
        return True, ""

    # -- helpers for subclasses ------------------------------------------
    def add_param(self, param, help_text, advanced=False):
        """Add *param* with its help text (shown in the dialog's tooltips)."""
        param.setHelp(help_text)
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        return param


_FILE_DESTINATIONS = ("sink", "vectorDestination", "rasterDestination", "fileDestination")


def _output_path(value):
    """The file path of an output parameter value, or None (temporary / memory outputs)."""
    sink = getattr(value, "sink", None)  # QgsProcessingOutputLayerDefinition
    if sink is not None:
        value = sink.staticValue()
    if not isinstance(value, str) or not value:
        return None
    if value.startswith(("memory:", "TEMPORARY_OUTPUT", "ogr:", "postgres:", "postgis:", "spatialite:")):
        return None
    return value.split("|")[0]


def missing_output_folder(alg, parameters):
    """``(parameter name, folder)`` of the first output whose folder does not exist, else None."""
    for definition in alg.destinationParameterDefinitions():
        if definition.type() not in _FILE_DESTINATIONS:
            continue
        path = _output_path(parameters.get(definition.name()))
        if not path:
            continue
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            return definition.name(), folder
    return None


_GEOMETRY_TYPE = {
    QgsWkbTypes.GeometryType.PointGeometry: QgsProcessing.SourceType.TypeVectorPoint,
    QgsWkbTypes.GeometryType.LineGeometry: QgsProcessing.SourceType.TypeVectorLine,
    QgsWkbTypes.GeometryType.PolygonGeometry: QgsProcessing.SourceType.TypeVectorPolygon,
}


def check_geometry_type(alg, source, name):
    """Raise when *source*'s geometry does not fit the layer types that parameter *name* accepts.

    The dialog filters layers by type, the batch interface and models do not: a table or a line layer
    given where points are needed would otherwise run with wrong or no geometries.
    """
    definition = alg.parameterDefinition(name)
    allowed = list(definition.dataTypes()) if definition is not None and hasattr(definition, "dataTypes") else []
    if not allowed or QgsProcessing.SourceType.TypeVector in allowed or QgsProcessing.SourceType.TypeMapLayer in allowed:
        return
    kind = _GEOMETRY_TYPE.get(QgsWkbTypes.geometryType(source.wkbType()))
    if QgsProcessing.SourceType.TypeVectorAnyGeometry in allowed:
        if kind is not None:
            return
    elif kind in allowed:
        return
    names = {
        QgsProcessing.SourceType.TypeVectorAnyGeometry: tr("any geometry"),
        QgsProcessing.SourceType.TypeVectorPoint: tr("points"),
        QgsProcessing.SourceType.TypeVectorLine: tr("lines"),
        QgsProcessing.SourceType.TypeVectorPolygon: tr("polygons"),
    }
    wanted = " / ".join(names[t] for t in allowed if t in names)
    if kind is None:
        raise QgsProcessingException(
            tr("The layer given as {0} ({1}) has no geometries; a layer with {2} is needed.").format(
                name, source.sourceName(), wanted))
    raise QgsProcessingException(
        tr("The layer given as {0} ({1}) is a layer with {2}; a layer with {3} is needed.").format(
            name, source.sourceName(), names[kind], wanted))


def _name_file_layer(alg, parameters, name, context):
    """Give a layer loaded from ``file.gpkg|layername=x`` the name ``x`` (QGIS names it after the file).

    Messages name layers by ``sourceName()``; with one GeoPackage holding every layer of a city, "musterstadt"
    would not tell the user which layer is meant. Only layers that Processing loaded itself are renamed.
    """
    value = parameters.get(name)
    value = getattr(getattr(value, "source", None), "staticValue", lambda: value)()
    match = re.search(r"\|layername=([^|]+)", value) if isinstance(value, str) else None
    if match is None:
        return
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    project = context.project()
    if layer is None or (project is not None and project.mapLayer(layer.id()) is not None):
        return
    layer.setName(match.group(1))


def require_source(alg, parameters, name, context, allow_empty=False):
    """``parameterAsSource`` that raises a clear message when it fails or has the wrong geometry type."""
    _name_file_layer(alg, parameters, name, context)
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(
            tr("Could not load the layer given as {0}.").format(name))
    source = _one_geometry_type(alg, parameters, source, name, context)
    check_geometry_type(alg, source, name)
    if not allow_empty and source.featureCount() == 0:
        raise QgsProcessingException(
            tr("The layer given as {0} ({1}) has no features.").format(name, source.sourceName()))
    if QgsWkbTypes.geometryType(source.wkbType()) in _GEOMETRY_TYPE:
        wgs84_box(source)  # coordinates that cannot be in the layer's CRS stop the run here
    return source


def wgs84_box(source):
    """:func:`check_coordinates` once per source (the result is kept on the source object)."""
    cached = getattr(source, "_bl_wgs84_box", False)
    if cached is not False:
        return cached
    box = check_coordinates(source)
    try:
        source._bl_wgs84_box = box
    except AttributeError:  # a wrapper without __dict__: no cache
        pass
    return box


def _may_mix_geometry_types(alg, parameters, source, name, context):
    """True when the layer can hold several geometry types: declared unknown, or an OGR layer whose
    data source says "unknown" (QGIS 3.22 then reports the first feature's type, e.g. a GeoJSON)."""
    if QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.UnknownGeometry:
        return True
    try:
        layer = alg.parameterAsVectorLayer(parameters, name, context)
    except Exception:  # noqa: BLE001 - not a layer parameter value
        return False
    if layer is None or layer.providerType() != "ogr":
        return False
    from osgeo import ogr
    from qgis.core import QgsProviderRegistry

    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path or not os.path.isfile(path):
        return False
    ds = ogr.Open(path)
    if ds is None:
        return False
    try:
        lyr = ds.GetLayerByName(parts["layerName"]) if parts.get("layerName") else ds.GetLayer(
            int(parts.get("layerId") or 0))
        return lyr is not None and lyr.GetGeomType() in (ogr.wkbUnknown, ogr.wkbGeometryCollection)
    finally:
        ds = None


def _one_geometry_type(alg, parameters, source, name, context):
    """A layer with mixed geometry types (a GeoJSON with points and polygons): the features of the type the
    parameter asks for, the others left out with a warning (the mixed-geometry policy, docs/DEVELOPING.md)."""
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSource, QgsVectorLayer

    if not _may_mix_geometry_types(alg, parameters, source, name, context):
        return source
    definition = alg.parameterDefinition(name)
    allowed = list(definition.dataTypes()) if definition is not None and hasattr(definition, "dataTypes") else []
    wanted = [g for g, t in _GEOMETRY_TYPE.items() if t in allowed]
    if not wanted and QgsProcessing.SourceType.TypeVectorAnyGeometry in allowed:
        wanted = list(_GEOMETRY_TYPE)
    if not wanted:
        return source
    counts = {}
    for feat in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geom = feat.geometry()
        kind = geom.type() if geom is not None and not geom.isNull() else QgsWkbTypes.GeometryType.NullGeometry
        counts[kind] = counts.get(kind, 0) + 1
    present = [g for g in wanted if counts.get(g)]
    if not present:
        return source
    kind = max(present, key=lambda g: (counts[g], -wanted.index(g)))
    left = sum(n for g, n in counts.items() if g not in (kind, QgsWkbTypes.GeometryType.NullGeometry))
    if not left:
        return source
    multi = any(QgsWkbTypes.isMultiType(f.geometry().wkbType()) for f in source.getFeatures(
        QgsFeatureRequest().setNoAttributes()) if f.hasGeometry() and f.geometry().type() == kind)
    wkb = {QgsWkbTypes.GeometryType.PointGeometry: "Point", QgsWkbTypes.GeometryType.LineGeometry: "LineString",
           QgsWkbTypes.GeometryType.PolygonGeometry: "Polygon"}[kind]
    layer = QgsVectorLayer("{}{}?crs={}".format("Multi" if multi else "", wkb, source.sourceCrs().authid()),
                           source.sourceName(), "memory")
    layer.setCrs(source.sourceCrs())
    provider = layer.dataProvider()
    provider.addAttributes(list(source.fields()))
    layer.updateFields()
    kept = []
    for feat in source.getFeatures():
        if not feat.hasGeometry():
            kept.append(feat)  # no geometry is no other type: the algorithm reports it as usual
        elif feat.geometry().type() == kind:
            geom = feat.geometry()
            if multi and not geom.isMultipart():
                geom.convertToMultiType()
            feat.setGeometry(geom)
            kept.append(feat)
    provider.addFeatures(kept)
    feedback = context.feedback() if hasattr(context, "feedback") else None
    if left and feedback is not None:
        feedback.pushWarning(
            tr("Layer {0} ({1}) holds several geometry types: {2} feature(s) with {3} are used, {4} other "
               "feature(s) are left out.").format(name, source.sourceName(), counts[kind], wkb, left))
    keep = getattr(alg, "_bl_layers", None)
    if keep is None:
        keep = alg._bl_layers = []
    keep.append(layer)  # the source below does not own the layer
    return QgsProcessingFeatureSource(layer, context)


def optional_source(alg, parameters, name, context, allow_empty=False):
    """An optional layer parameter: None when it is not given, else :func:`require_source` (same checks)."""
    if parameters.get(name) in (None, ""):
        return None
    return require_source(alg, parameters, name, context, allow_empty=allow_empty)


def require_sink(alg, parameters, name, context, fields, geometry_type, crs):
    """``parameterAsSink`` with every write checked and files written atomically (:func:`.writers.open_sink`).

    Raises when the sink cannot be created.
    """
    from .writers import open_sink

    return open_sink(alg, parameters, name, context, fields, geometry_type, crs)


def optional_sink(alg, parameters, name, context, fields, geometry_type, crs):
    """:func:`require_sink` for an optional output: ``(None, None)`` when it is not asked for."""
    from .writers import open_sink

    return open_sink(alg, parameters, name, context, fields, geometry_type, crs, required=False)


def secondary_sink(alg, parameters, name, context, fields, geometry_type, crs):
    """A secondary output (optional, created by default in the dialog): ``(sink, dest id)``.

    When the output is not asked for (batch calls naming only the main output) the sink takes the
    features and keeps none, and the dest id is None (left out of the results).
    """
    from .writers import DiscardSink, open_sink

    sink, dest = open_sink(alg, parameters, name, context, fields, geometry_type, crs, required=False)
    if sink is None:
        return DiscardSink(name), None
    return sink, dest


def require_field(source, field_name, parameter_name, numeric=False):
    """Index of *field_name* in *source*; raise a clear error when missing."""
    if not field_name:
        return -1
    index = source.fields().lookupField(field_name)
    if index < 0:
        raise QgsProcessingException(
            tr("Field '{0}' ({1}) is not in layer {2}.").format(
                field_name, parameter_name, source.sourceName()))
    if numeric and not source.fields().at(index).isNumeric():
        raise QgsProcessingException(
            tr("Field '{0}' ({1}) of layer {2} must be numeric.").format(
                field_name, parameter_name, source.sourceName()))
    return index


class Progress:
    """Progress over *total* steps that never divides by zero.

    ``tick()`` returns False when the user cancelled.
    """

    def __init__(self, feedback, total, start=0.0, end=100.0):
        self.feedback = feedback
        self.total = max(int(total), 1)
        self.start = start
        self.span = end - start
        self.count = 0
        self._step = max(self.total // 200, 1)

    def tick(self, n=1):
        self.count += n
        if self.feedback is None:
            return True
        if self.count % self._step == 0 or self.count >= self.total:
            self.feedback.setProgress(self.start + self.span * min(self.count / self.total, 1.0))
        return not self.feedback.isCanceled()


def check_canceled(feedback):
    """Raise when the user pressed cancel."""
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled."))


def utm_crs_for(lon, lat):
    """A metric CRS for a place: ETRS89/UTM in Europe (25832/25833 for Germany), WGS84/UTM elsewhere."""
    zone = int(math.floor((lon + 180.0) / 6.0)) + 1
    zone = min(max(zone, 1), 60)
    if 34.0 <= lat <= 72.0 and -12.0 <= lon <= 42.0 and 28 <= zone <= 38:
        return QgsCoordinateReferenceSystem("EPSG:{}".format(25800 + zone))
    epsg = (32600 if lat >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))


#: largest relative scale error a CRS may have at the data to be used for distances (0.5 %)
MAX_SCALE_ERROR = 0.005
#: features read to find the real extent of a layer in a geographic CRS
EXTENT_SAMPLE = 20000


def _wgs84():
    return QgsCoordinateReferenceSystem("EPSG:4326")


def feature_extent(source, limit=EXTENT_SAMPLE):
    """The extent of *source*'s features (at most *limit* of them) in its own CRS, or None when it has none.

    Not ``sourceExtent()``: GDAL's OSM driver reports (0,0)–(180,90) whatever the file holds.
    """
    from qgis.core import QgsFeatureRequest, QgsRectangle

    request = QgsFeatureRequest().setNoAttributes()
    if limit:
        request.setLimit(int(limit))
    extent = None  # (QgsRectangle.setMinimal() is deprecated from QGIS 3.40)
    for feat in source.getFeatures(request):
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        box = geom.boundingBox()
        if not all(math.isfinite(v) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())):
            raise QgsProcessingException(
                tr("Layer {0} has a feature with coordinates that are not numbers (feature {1}).").format(
                    source.sourceName(), feat.id()))
        if extent is None:
            extent = QgsRectangle(box)
        else:
            extent.combineExtentWith(box)
    return extent


def _layer_extent(source):
    """Extent of *source* in its CRS: the provider's for projected CRSs, else read from the features."""
    crs = source.sourceCrs()
    if crs.isValid() and not crs.isGeographic():
        extent = source.sourceExtent()
        if extent is not None and not extent.isNull() and not extent.isEmpty() and all(
                math.isfinite(v) for v in (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                           extent.yMaximum())):
            return extent
    return feature_extent(source)


def check_coordinates(source, extent=None):
    """Raise when the coordinates of *source* cannot be in its declared CRS; return its extent in WGS84 (or None).

    Catches the usual mix-up: UTM metres in a GeoJSON (read as degrees, EPSG:4326).
    """
    from qgis.core import QgsCsException, QgsRectangle

    crs = source.sourceCrs()
    if not crs.isValid():
        return None
    extent = extent if extent is not None else _layer_extent(source)
    if extent is None:
        return None
    if crs.isGeographic():
        ok = (-180.0001 <= extent.xMinimum() and extent.xMaximum() <= 180.0001
              and -90.0001 <= extent.yMinimum() and extent.yMaximum() <= 90.0001)
        if not ok:
            raise QgsProcessingException(
                tr("Layer {0} is declared as {1} (degrees) but its coordinates reach {2:.0f}, {3:.0f}: "
                   "they cannot be degrees. Assign the layer its real coordinate reference system (e.g. "
                   "the UTM zone the coordinates are in).").format(
                    source.sourceName(), crs.authid(),
                    max(abs(extent.xMinimum()), abs(extent.xMaximum())),
                    max(abs(extent.yMinimum()), abs(extent.yMaximum()))))
        return QgsRectangle(extent) if crs == _wgs84() else _to_wgs84(crs, extent, source)
    try:
        box = _to_wgs84(crs, extent, source)
    except QgsCsException:
        box = None
    if box is None or not (-180.5 <= box.xMinimum() and box.xMaximum() <= 180.5
                           and -90.5 <= box.yMinimum() and box.yMaximum() <= 90.5):
        raise QgsProcessingException(
            tr("The coordinates of layer {0} lie outside the valid range of its coordinate reference system "
               "{1}; assign the layer its real coordinate reference system.").format(
                source.sourceName(), crs.authid()))
    return box


def _to_wgs84(crs, extent, _source=None):
    from qgis.core import QgsProject

    transform = QgsCoordinateTransform(crs, _wgs84(), QgsProject.instance())
    transform.setBallparkTransformsAreAppropriate(True)
    return transform.transformBoundingBox(extent)


def scale_error(crs, box):
    """Largest relative error of distances in *crs* at the corners and centre of *box* (WGS84), or None.

    Measured: 100 m steps east and north, projected length against the ellipsoidal length.
    """
    from qgis.core import QgsDistanceArea, QgsPointXY, QgsProject

    if not crs.isValid() or crs.isGeographic():
        return None
    if crs.projectionAcronym() in ("merc", "webmerc") or crs.authid() in ("EPSG:3857", "EPSG:900913", "EPSG:3785"):
        return None  # Mercator: the scale grows with latitude (1.6 in Germany)
    transform = QgsCoordinateTransform(_wgs84(), crs, QgsProject.instance())
    measure = QgsDistanceArea()
    measure.setEllipsoid("WGS84")
    c = box.center()
    worst = 0.0
    for lon, lat in ((c.x(), c.y()), (box.xMinimum(), box.yMinimum()), (box.xMinimum(), box.yMaximum()),
                     (box.xMaximum(), box.yMinimum()), (box.xMaximum(), box.yMaximum())):
        lat = max(min(lat, 89.0), -89.0)
        for dlon, dlat in ((0.001, 0.0), (0.0, 0.001)):
            p0, p1 = QgsPointXY(lon, lat), QgsPointXY(lon + dlon, lat + dlat)
            try:
                q0, q1 = transform.transform(p0), transform.transform(p1)
            except Exception:  # noqa: BLE001 - outside the CRS's domain
                return None
            true = measure.measureLine(p0, p1)
            if not true or not all(math.isfinite(v) for v in (q0.x(), q0.y(), q1.x(), q1.y())):
                return None
            worst = max(worst, abs(q0.distance(q1) / true - 1.0))
    return worst


def working_crs(sources, feedback=None, context=None):
    """One local metric CRS that preserves distances at the data, for all *sources* (feature sources or layers).

    The first input CRS (in the order given) whose scale error at the data is at most
    :data:`MAX_SCALE_ERROR` wins, then the project CRS; otherwise the UTM zone (ETRS89 in Europe)
    at the centre of the features. Geographic CRSs and Web Mercator are never used. The extent comes
    from the features (:func:`feature_extent`), coordinates outside their CRS's range stop the run
    (:func:`check_coordinates`). The choice, and why a CRS was passed over, is written to the log.
    """
    from qgis.core import QgsProject, QgsRectangle

    sources = [s for s in sources if s is not None]
    if not sources:
        raise QgsProcessingException(tr("No input layer to take a coordinate reference system from."))
    box = None
    for src in sources:
        b = wgs84_box(src)
        if b is not None:
            if box is None:
                box = QgsRectangle(b)
            else:
                box.combineExtentWith(b)
    found = box is not None
    if not found:
        src = sources[0]
        if not src.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Layer {0} has no valid coordinate reference system.").format(src.sourceName()))
        raise QgsProcessingException(tr("Layer {0} has no features with a geometry.").format(src.sourceName()))

    def say(text):
        if feedback is not None:
            feedback.pushInfo(text)

    project = context.project() if context is not None and context.project() is not None else QgsProject.instance()
    candidates = [(src.sourceCrs(), src.sourceName()) for src in sources]
    if project is not None and project.crs().isValid():
        candidates.append((project.crs(), tr("the project")))
    seen = set()
    target = None
    for crs, owner in candidates:
        if not crs.isValid() or crs.authid() in seen:
            continue
        seen.add(crs.authid())
        if crs.isGeographic():
            continue
        error = scale_error(crs, box)
        if error is not None and error <= MAX_SCALE_ERROR:
            target = crs
            break
        say(tr("{0} of {1} does not keep distances at the data ({2}); not used for distances.").format(
            crs.authid(), owner,
            tr("Web Mercator") if error is None else tr("scale error {0:.1f} %").format(100 * error)))
    if target is None:
        c = box.center()
        target = utm_crs_for(c.x(), c.y())
        say(tr("No input is in a CRS that keeps distances; distances are computed in {0} (metres).").format(
            target.authid()))
    else:
        say(tr("Working CRS: {0} (metres).").format(target.authid()))
    for src in sources:
        if src.sourceCrs().isValid() and src.sourceCrs() != target:
            say(tr("Layer {0} ({1}) is reprojected to {2}.").format(
                src.sourceName(), src.sourceCrs().authid(), target.authid()))
    return target


def transform_for(source, target_crs, context):
    """A coordinate transform from *source*'s CRS to *target_crs* (identity if equal)."""
    return QgsCoordinateTransform(source.sourceCrs(), target_crs, context.transformContext())


VECTOR_POINT_OR_POLYGON = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
