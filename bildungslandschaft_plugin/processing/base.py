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


class BildungslandschaftAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = ""
    ICON = "bildungslandschaft.svg"

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
    check_geometry_type(alg, source, name)
    if not allow_empty and source.featureCount() == 0:
        raise QgsProcessingException(
            tr("The layer given as {0} ({1}) has no features.").format(name, source.sourceName()))
    return source


def optional_source(alg, parameters, name, context, allow_empty=False):
    """An optional layer parameter: None when it is not given, else :func:`require_source` (same checks)."""
    if parameters.get(name) in (None, ""):
        return None
    return require_source(alg, parameters, name, context, allow_empty=allow_empty)


def require_sink(alg, parameters, name, context, fields, geometry_type, crs):
    """``parameterAsSink`` that raises when the sink cannot be created."""
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
    if sink is None:
        raise QgsProcessingException(
            tr("Could not create the output {0}.").format(name))
    return sink, dest_id


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


def working_crs(sources, feedback=None):
    """One metric CRS for all *sources* (feature sources or layers).

    The first source with a projected CRS wins; when every CRS is geographic
    a UTM zone at the centre of the first source's extent is chosen. The
    choice is written to the log.
    """
    sources = [s for s in sources if s is not None]
    for src in sources:
        crs = src.sourceCrs()
        if crs.isValid() and not crs.isGeographic():
            if feedback is not None:
                feedback.pushInfo(tr("Working CRS: {0} (metres).").format(crs.authid()))
            return crs
    if not sources:
        raise QgsProcessingException(tr("No input layer to take a coordinate reference system from."))
    src = sources[0]
    crs = src.sourceCrs()
    if not crs.isValid():
        raise QgsProcessingException(
            tr("Layer {0} has no valid coordinate reference system.").format(src.sourceName()))
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    extent = src.sourceExtent()
    if crs != wgs84:
        from qgis.core import QgsProject
        extent = QgsCoordinateTransform(crs, wgs84, QgsProject.instance()).transformBoundingBox(extent)
    center = extent.center()
    target = utm_crs_for(center.x(), center.y())
    if feedback is not None:
        feedback.pushInfo(
            tr("All inputs are in a geographic CRS; distances are computed in {0} (metres).").format(
                target.authid()))
    return target


def transform_for(source, target_crs, context):
    """A coordinate transform from *source*'s CRS to *target_crs* (identity if equal)."""
    return QgsCoordinateTransform(source.sourceCrs(), target_crs, context.transformContext())


VECTOR_POINT_OR_POLYGON = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
