"""Default styles of the plugin's outputs.

One call for every algorithm::

    from ..styles import apply_default_style, attach_default_style
    apply_default_style(layer, "facilities")                 # a QgsVectorLayer
    apply_default_style(layer, "graduated", field="sgb2")     # rates and indices
    attach_default_style(context, dest_id, "catchments")     # in processAlgorithm

*kind* is the name of a QML file in ``resources/styles/`` (``districts``,
``boundaries``, ``facilities``, ``catchments``, ``serviceareas``,
``network``, ``points`` and any file a teammate adds, such as
``socialindex_classes`` or ``priority``), or ``"graduated"``, which builds a
ColorBrewer ramp with nicely rounded class breaks
(:func:`bildungslandschaft_plugin.core.classify.nice_breaks`) on *field*.
:func:`guess_kind` picks a kind for a layer that has none.

``attach_default_style`` registers a Processing layer post-processor: the
style is applied when QGIS loads the output into the project after the
algorithm has run (in qgis_process nothing is loaded, nothing happens).
"""

import os

from qgis.core import (
    QgsColorBrewerColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from .core.classify import break_labels, nice_breaks
from .resources import resource_path

GRADUATED = "graduated"
DEFAULT_RAMP = "YlOrRd"


def style_path(kind):
    """Path of ``resources/styles/<kind>.qml`` (may not exist)."""
    return resource_path("styles", "{}.qml".format(kind))


def available_kinds():
    """Kinds with a QML file, plus ``"graduated"``."""
    folder = resource_path("styles")
    names = []
    if os.path.isdir(folder):
        names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".qml"))
    return names + [GRADUATED]


def _decimal_point():
    from qgis.PyQt.QtCore import QLocale

    from .translation import locale_name

    return QLocale(locale_name()).decimalPoint()


def graduated_renderer(layer, field, ramp=DEFAULT_RAMP, n_classes=5, method="quantile", reverse=False):
    """A graduated renderer on numeric *field* with nice breaks, or None if no value."""
    index = layer.fields().lookupField(field)
    if index < 0:
        return None
    values = []
    for feat in layer.getFeatures():
        v = feat[index]
        try:
            values.append(float(v))
        except (TypeError, ValueError):
            continue
    edges = nice_breaks(values, n_classes, method)
    if len(edges) < 2:
        return None
    labels = break_labels(edges, decimal_point=_decimal_point())
    k = len(edges) - 1
    scheme = QgsColorBrewerColorRamp(ramp, max(k, 3))
    geometry = layer.geometryType()
    ranges = []
    for i in range(k):
        pos = i / (k - 1) if k > 1 else 0.5
        if reverse:
            pos = 1.0 - pos
        color = scheme.color(pos)
        symbol = QgsSymbol.defaultSymbol(geometry)
        symbol.setColor(color)
        if geometry == QgsWkbTypes.PolygonGeometry:
            outline = symbol.symbolLayer(0)
            outline.setStrokeColor(QColor(255, 255, 255))
            outline.setStrokeWidth(0.2)
        elif geometry == QgsWkbTypes.PointGeometry:
            symbol.setSize(2.6)
            symbol.symbolLayer(0).setStrokeColor(QColor(80, 80, 80))
        elif geometry == QgsWkbTypes.LineGeometry:
            symbol.setWidth(0.8)
        ranges.append(QgsRendererRange(edges[i], edges[i + 1], symbol, labels[i]))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setMode(QgsGraduatedSymbolRenderer.Custom)
    return renderer


def attribute_styles():
    """[(kind, field, geometry type)] of the QML files whose renderer uses a field.

    Read from the ``attr`` of ``<renderer-v2>`` and ``<layerGeometryType>``
    (0 point, 1 line, 2 polygon), e.g. ``("facilities", "typ", 0)``.
    """
    import xml.etree.ElementTree as ET

    result = []
    for kind in available_kinds():
        if kind == GRADUATED:
            continue
        try:
            root = ET.parse(style_path(kind)).getroot()
        except (ET.ParseError, OSError):
            continue
        renderer = root.find("renderer-v2")
        attr = renderer.get("attr") if renderer is not None else None
        geom = root.findtext("layerGeometryType")
        if attr and geom is not None and geom.strip().isdigit():
            result.append((kind, attr, int(geom)))
    return result


def guess_kind(layer):
    """A default kind for *layer*.

    First a QML file whose renderer classifies by a field the layer has (and
    that is made for the layer's geometry type: ``facilities`` for points with
    ``typ``, a social-index class field, ...); then by geometry and name:
    catchments/service areas by layer name ("einzug", "catchment",
    "service", "isochron", "erreichbar"), ``boundaries`` for Stadtbezirke,
    ``districts`` (outlines) for other polygons, ``network`` for lines,
    ``points`` for other points.
    """
    if not isinstance(layer, QgsVectorLayer):
        return None
    name = (layer.name() or "").lower()
    geometry = layer.geometryType()
    for kind, attr, geom in attribute_styles():
        if geom == int(geometry) and layer.fields().lookupField(attr) >= 0:
            return kind
    if geometry == QgsWkbTypes.PointGeometry:
        return "facilities" if layer.fields().lookupField("typ") >= 0 else "points"
    if geometry == QgsWkbTypes.LineGeometry:
        return "network"
    if geometry == QgsWkbTypes.PolygonGeometry:
        if any(w in name for w in ("catchment", "einzug")):
            return "catchments"
        if any(w in name for w in ("service", "isochron", "erreichbar")):
            return "serviceareas"
        if any(w in name for w in ("stadtbezirk", "bezirk")) and "ortsteil" not in name:
            return "boundaries"
        return "districts"
    return None


def apply_default_style(layer, kind=None, field=None, **graduated_options):
    """Style *layer* with the plugin's default for *kind*; True on success.

    ``kind=None`` uses :func:`guess_kind`. For ``"graduated"`` give the
    numeric *field*; ``graduated_options`` go to :func:`graduated_renderer`
    (``ramp``, ``n_classes``, ``method``, ``reverse``). Unknown kinds and
    QML files that do not fit the layer leave the layer unchanged and
    return False.
    """
    if layer is None or not layer.isValid():
        return False
    kind = kind or guess_kind(layer)
    if not kind:
        return False
    if kind == GRADUATED:
        if not field:
            return False
        renderer = graduated_renderer(layer, field, **graduated_options)
        if renderer is None:
            return False
        layer.setRenderer(renderer)
        layer.triggerRepaint()
        return True
    path = style_path(kind)
    if not os.path.exists(path):
        return False
    _message, ok = layer.loadNamedStyle(path)
    if ok:
        layer.triggerRepaint()
    return bool(ok)


class DefaultStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies :func:`apply_default_style` to an output layer loaded into QGIS."""

    def __init__(self, kind, field=None, **options):
        super().__init__()
        self.kind = kind
        self.field = field
        self.options = options

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        apply_default_style(layer, self.kind, self.field, **self.options)


# Post-processors must outlive processAlgorithm; QGIS does not keep a Python reference.
_POST_PROCESSORS = []


def attach_default_style(context, dest_id, kind, field=None, **options):
    """Style output *dest_id* when QGIS loads it after the algorithm has run."""
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return None
    processor = DefaultStylePostProcessor(kind, field, **options)
    _POST_PROCESSORS.append(processor)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
    return processor
