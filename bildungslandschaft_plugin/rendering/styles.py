"""Default styles of the plugin's outputs (and of the layers the join dialog adds to the project).

One call for every algorithm::

    from ..rendering.styles import apply_default_style, attach_default_style
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

import collections
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationCustom,
    QgsClassificationQuantile,
    QgsColorBrewerColorRamp,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsStyle,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..core.classify import break_labels, nice_breaks
from ..resources import resource_path
from ..translation import tr

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

    from ..translation import locale_name

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
        if geometry == QgsWkbTypes.GeometryType.PolygonGeometry:
            outline = symbol.symbolLayer(0)
            outline.setStrokeColor(QColor(255, 255, 255))
            outline.setStrokeWidth(0.2)
        elif geometry == QgsWkbTypes.GeometryType.PointGeometry:
            symbol.setSize(2.6)
            symbol.symbolLayer(0).setStrokeColor(QColor(80, 80, 80))
        elif geometry == QgsWkbTypes.GeometryType.LineGeometry:
            symbol.setWidth(0.8)
        ranges.append(QgsRendererRange(edges[i], edges[i + 1], symbol, labels[i]))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setClassificationMethod(QgsClassificationCustom())  # setMode() is deprecated from QGIS 3.10
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
    if geometry == QgsWkbTypes.GeometryType.PointGeometry:
        return "facilities" if layer.fields().lookupField("typ") >= 0 else "points"
    if geometry == QgsWkbTypes.GeometryType.LineGeometry:
        return "network"
    if geometry == QgsWkbTypes.GeometryType.PolygonGeometry:
        # the plugin's own outputs are recognised by their fields, whatever the file is called
        fields = {f.name().lower() for f in layer.fields()}
        if {"facility_id", "threshold", "area_km2"} <= fields:
            return "serviceareas"
        if {"facility_id", "area_km2", "n_demand"} <= fields:
            return "catchments"
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
        labels = NAMED_CLASS_LABELS.get(kind)
        if labels is not None:  # QML labels are English: use the user's language
            label_categories(layer, labels())
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


# QGIS keeps no Python reference to a post-processor. Keeping it on the algorithm instance alone is not
# enough: QgsProcessingAlgorithm.run() (processing.run / runAndLoadResults, the Python console) executes a
# copy of the algorithm that is deleted before the layers are loaded. So the last processors are kept
# here (bounded, so nothing accumulates).
_KEEP_ALIVE = collections.deque(maxlen=64)


def attach_default_style(context, dest_id, kind, field=None, **options):
    """Style output *dest_id* when QGIS loads it after the algorithm has run."""
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return None
    processor = DefaultStylePostProcessor(kind, field, **options)
    _KEEP_ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
    return processor


# ---------------------------------------------------------------------------
# Class styles with translated legend labels (social index, priority, typology)
# ---------------------------------------------------------------------------
def berlin_labels():
    return {1: tr("high"), 2: tr("medium"), 3: tr("low"), 4: tr("very low")}


def dynamic_labels():
    return {1: tr("positive"), 2: tr("stable"), 3: tr("negative")}


def priority_labels():
    return {1: tr("highest need (Schwerpunktraum)"), 2: tr("high need"), 3: tr("moderate need"),
            4: tr("low need")}


def ramp_colours(n):
    """*n* colours from green (little burden) over light yellow to red (much burden)."""
    stops = [(0.0, (77, 172, 38)), (0.5, (247, 243, 194)), (0.75, (244, 163, 64)), (1.0, (215, 25, 28))]
    colours = []
    for i in range(n):
        t = i / (n - 1) if n > 1 else 0.5
        for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
            if t0 <= t <= t1:
                u = (t - t0) / (t1 - t0)
                colours.append(QColor(*[int(round(a + (b - a) * u)) for a, b in zip(c0, c1)]))
                break
    return colours


class ClassStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Style a loaded output layer by a class field.

    ``qml``: file name in ``resources/styles`` (loaded with loadNamedStyle),
    then the category labels are replaced by *labels* ({value: text}); without
    ``qml`` a categorized renderer on *field* is built from *labels* with
    :func:`ramp_colours`. Only polygon layers are styled (the QML files hold
    fill symbols).
    """

    def __init__(self, field_name, labels, qml=None):
        super().__init__()
        self.field_name = field_name
        self.labels = dict(labels)
        self.qml = qml

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        apply_class_style(layer, self.field_name, self.labels, self.qml)


def label_categories(layer, labels):
    """Label the categories of *layer*'s categorized renderer from *labels* ({class: text}) as "<class> <text>".

    The renderer is replaced (not edited in place) so that the Layers panel's legend follows.
    """
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    renderer = renderer.clone()
    for i, cat in enumerate(renderer.categories()):
        try:
            key = int(cat.value())
        except (TypeError, ValueError):
            renderer.updateCategoryLabel(i, tr("no value (left out)"))
            continue
        if key in labels:
            renderer.updateCategoryLabel(i, "{0} {1}".format(key, labels[key]))
    layer.setRenderer(renderer)


def apply_class_style(layer, field_name, labels, qml=None):
    """Style *layer* (see :class:`ClassStylePostProcessor`); True when styled."""
    if layer is None or not layer.isValid() or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return False
    if qml:
        path = resource_path("styles", qml)
        if not os.path.exists(path):
            return False
        _msg, ok = layer.loadNamedStyle(path)
        if not ok:
            return False
        label_categories(layer, labels)
    else:
        cats = []
        keys = sorted(labels)
        for key, colour in zip(keys, ramp_colours(len(keys))):
            symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry)
            symbol.setColor(colour)
            symbol.symbolLayer(0).setStrokeColor(QColor(255, 255, 255))
            cats.append(QgsRendererCategory(key, symbol, labels[key]))
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry)
        symbol.setColor(QColor("#bdbdbd"))
        cats.append(QgsRendererCategory(None, symbol, tr("no value (left out)")))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field_name, cats))
    layer.triggerRepaint()
    return True


def attach_class_style(alg, context, dest_id, field_name, labels, qml=None):
    """Register the class-style post-processor for *dest_id*; kept alive (see ``_KEEP_ALIVE``)."""
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return None
    processor = ClassStylePostProcessor(field_name, labels, qml)
    keep = getattr(alg, "_post_processors", None)
    if keep is None:
        keep = []
        alg._post_processors = keep
    keep.append(processor)
    _KEEP_ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
    return processor


# QML styles whose categories are classes with names: their labels are translated when applied.
NAMED_CLASS_LABELS = {"socialindex_classes": berlin_labels, "priority": priority_labels}


# ---------------------------------------------------------------------------
# Styles that travel with an output (never chosen later from the layer's name)
# ---------------------------------------------------------------------------
def threshold_label(value, unit):
    return tr("up to {0} {1}").format("{0:g}".format(float(value)), unit)


def apply_threshold_style(layer, field_name, thresholds, unit):
    """Nested isochrones: one category per threshold, the nearest darkest and drawn on top."""
    if layer is None or not layer.isValid() or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return False
    from qgis.core import QgsFeatureRequest

    values = sorted(float(t) for t in thresholds)
    n = len(values)
    greens = [(0, 109, 44), (49, 163, 84), (116, 196, 118), (161, 217, 155), (199, 233, 192)]
    cats = []
    for k, value in enumerate(values):
        rgb = greens[min(int(round(k * (len(greens) - 1) / max(n - 1, 1))), len(greens) - 1)] if n > 1 else greens[2]
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry)
        symbol.setColor(QColor(rgb[0], rgb[1], rgb[2], 150))
        symbol.symbolLayer(0).setStrokeColor(QColor(rgb[0], rgb[1], rgb[2]))
        symbol.symbolLayer(0).setStrokeWidth(0.3)
        cats.append(QgsRendererCategory(value, symbol, threshold_label(value, unit)))
    renderer = QgsCategorizedSymbolRenderer(field_name, cats)
    # the largest areas first, so the nearer ones stay visible on top
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(field_name, False)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return True


class FunctionStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies ``style(layer)`` to an output layer loaded into QGIS after the run."""

    def __init__(self, style):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        self.style(layer)


def forget_stored_style(layer, name):
    """Remove the style called *name* of *layer* from its GeoPackage's or database's ``layer_styles``."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    try:
        if layer.providerType() == "postgres":
            uri = QgsDataSourceUri(layer.source())
            conn = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(uri.uri(False), {})
            if not conn.tableExists("public", "layer_styles"):
                return
            quote = (lambda t: "'{0}'".format(str(t).replace("'", "''")))
            conn.executeSql("DELETE FROM public.layer_styles WHERE f_table_schema = {0} AND f_table_name = {1} "
                            "AND stylename = {2}".format(quote(uri.schema() or "public"), quote(uri.table()),
                                                         quote(name)))
        elif layer.providerType() == "ogr":
            import sqlite3

            parts = layer.source().split("|")
            table = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
            with sqlite3.connect(parts[0]) as db:
                if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone() is None:
                    return
                if table is None:
                    db.execute("DELETE FROM layer_styles WHERE styleName = ?", (name,))
                else:
                    db.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, name))
    except Exception:  # noqa: BLE001 - then QGIS stores the style beside the old one
        return


def store_style(layer, name, description):
    """Store *layer*'s style as its default under *name* in its GeoPackage's or database's ``layer_styles``;
    the error text or "".

    QGIS asks in a message box before it overwrites a stored style of the same name (a run that never ends
    headless, e.g. a second run into the same GeoPackage, which keeps its other tables): an earlier style of
    that name of this layer is removed first.
    """
    forget_stored_style(layer, name)
    return compat.save_style_to_database(layer, name, description)


def style_output(context, dest_id, style, feedback=None, name="bildungslandschaft"):
    """Give output *dest_id* its style in ``postProcessAlgorithm`` (the sink is closed then).

    ``style(layer)`` styles a layer. The output layer itself is styled (temporary and memory
    outputs keep it); a GeoPackage output stores the style as its default in ``layer_styles``,
    so QGIS and ``exportmap`` find it whenever the file is opened; a layer QGIS loads after
    the run gets it from a post-processor. True when the style was stored or applied.
    """
    from qgis.core import QgsProcessingUtils

    if not dest_id:
        return False
    done = False
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if isinstance(layer, QgsVectorLayer) and layer.isValid() and style(layer):
        done = True
        path = layer.source().split("|", 1)[0]
        if layer.providerType() == "postgres":
            path = layer.name()  # messages never carry the connection string
        if (layer.providerType() == "ogr" and path.lower().endswith(".gpkg")) or layer.providerType() == "postgres":
            error = store_style(layer, name, tr("Style of the Bildungslandschaft output"))
            if error and feedback is not None:
                feedback.pushWarning(tr("The style could not be stored in {0}: {1}").format(path, error))
    if context.willLoadLayerOnCompletion(dest_id):
        processor = FunctionStylePostProcessor(style)
        _KEEP_ALIVE.append(processor)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
        done = True
    return done


# -- layers the join dialog adds to the project ------------------------------------------
def style_joined_layer(layer, field=None, classes=5):
    """Quantile classes of *field* (yellow to red) and a light grey hatched "no data" class.

    Without a numeric field the districts get a plain outline style.
    """
    if not field:
        layer.setRenderer(QgsRuleBasedRenderer(QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": "80,80,80", "outline_width": "0.3"})))
        layer.triggerRepaint()
        return
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setClassificationMethod(QgsClassificationQuantile())
    ramp = QgsStyle.defaultStyle().colorRamp("YlOrRd") or QgsStyle.defaultStyle().colorRamp("Reds")
    renderer.setSourceSymbol(QgsFillSymbol.createSimple({"outline_color": "80,80,80", "outline_width": "0.2"}))
    if ramp is not None:
        renderer.setSourceColorRamp(ramp)
    renderer.updateClasses(layer, classes)
    rules = QgsRuleBasedRenderer.convertFromRenderer(renderer)
    root = rules.rootRule()
    no_data = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "220,220,220", "style": "b_diagonal",
                                    "outline_color": "120,120,120", "outline_width": "0.2"}),
        filterExp='"{}" IS NULL'.format(field.replace('"', '""')), label=tr("no data / suppressed"))
    root.appendChild(no_data)
    layer.setRenderer(rules)
    layer.triggerRepaint()
