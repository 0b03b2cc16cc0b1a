"""Print-layout helpers shared by ``exportmap`` and ``districtprofiles``.

QGIS objects only (no computation): fonts that exist on the machine, text
that fits its box, labels, legend, scale bar, north arrow, and an export that
never leaves a half-written file behind.
"""

import os
import tempfile

from qgis.core import (
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsProcessingException,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsSimpleFillSymbolLayer,
    QgsFillSymbol,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase

from .. import compat
from ..resources import resource_path
from ..translation import tr

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PREFERRED_FAMILIES = ("Source Sans Pro", "Open Sans", "Noto Sans", "Liberation Sans", "Arial",
                      "Helvetica", "DejaVu Sans")
TEXT_COLOR = QColor(26, 26, 26)
MUTED_COLOR = QColor(90, 90, 90)
PAGE_SIZES = {  # (width, height) in mm, portrait
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
}
EXPORT_FORMATS = ("pdf", "png", "svg")

_family = None


def font_family():
    """The first of :data:`PREFERRED_FAMILIES` installed, else Qt's default sans serif."""
    global _family
    if _family is None:
        installed = set(QFontDatabase().families())
        _family = next((f for f in PREFERRED_FAMILIES if f in installed), None)
        if _family is None:
            font = QFont()
            font.setStyleHint(QFont.StyleHint.SansSerif)
            _family = font.defaultFamily() or QFont().family()
    return _family


def make_font(size_pt, bold=False, italic=False):
    font = QFont(font_family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def text_width_mm(text, font):
    return QgsLayoutUtils.textWidthMM(font, text)


def line_height_mm(font):
    return QgsLayoutUtils.fontHeightMM(font) * 1.18


def wrap_text(text, font, width_mm):
    """*text* broken into lines no wider than *width_mm* (long words are kept whole)."""
    lines = []
    for paragraph in str(text).splitlines() or [""]:
        words = paragraph.split()
        current = ""
        for word in words:
            candidate = word if not current else current + " " + word
            if current and text_width_mm(candidate, font) > width_mm:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def fit_text(text, width_mm, max_size, min_size, max_lines, bold=False):
    """Largest font size (stepping by 0.5 pt) at which *text* fits into *max_lines*.

    Returns ``(font, lines)``. When even *min_size* needs more lines, the
    text is cut after *max_lines* lines with an ellipsis.
    """
    size = max_size
    while True:
        font = make_font(size, bold)
        lines = wrap_text(text, font, width_mm)
        too_wide = any(text_width_mm(line, font) > width_mm for line in lines)
        if (len(lines) <= max_lines and not too_wide) or size <= min_size:
            break
        size -= 0.5
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip() + " …"
    fitted = []
    for line in lines:  # a single overlong word: cut it
        while text_width_mm(line, font) > width_mm and len(line) > 2:
            line = line[:-2] + "…"
        fitted.append(line)
    return font, fitted


def add_label(layout, text, x, y, width, height, font, color=TEXT_COLOR, item_id=None,
              halign=Qt.AlignmentFlag.AlignLeft, valign=Qt.AlignmentFlag.AlignTop):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    compat.set_label_font(label, font, color)
    label.setHAlign(halign)
    label.setVAlign(valign)
    label.setMarginX(0)
    label.setMarginY(0)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(width, height, MM))
    if item_id:
        label.setId(item_id)
    return label


def add_fitted_label(layout, text, x, y, width, max_size, min_size, max_lines, bold=False,
                     color=TEXT_COLOR, item_id=None):
    """A label whose font shrinks/wraps so that *text* fits *width*; returns (label, height)."""
    font, lines = fit_text(text, width, max_size, min_size, max_lines, bold)
    height = line_height_mm(font) * max(len(lines), 1)
    label = add_label(layout, "\n".join(lines), x, y, width, height, font, color, item_id)
    return label, height


def add_rule(layout, x, y, width, thickness=0.35, color=QColor(60, 60, 60)):
    """A thin horizontal line (a filled rectangle without outline)."""
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    fill = QgsSimpleFillSymbolLayer(color)
    fill.setStrokeStyle(Qt.PenStyle.NoPen)
    shape.setSymbol(QgsFillSymbol([fill]))
    layout.addLayoutItem(shape)
    shape.attemptMove(QgsLayoutPoint(x, y, MM))
    shape.attemptResize(QgsLayoutSize(width, thickness, MM))
    return shape


def add_north_arrow(layout, map_item, x, y, width=7.0, height=10.5):
    """The plugin's own north arrow SVG (``resources/svg/north_arrow.svg``), linked to the map rotation."""
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(resource_path("svg", "north_arrow.svg"))
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    picture.setLinkedMap(map_item)
    picture.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    picture.setBackgroundEnabled(True)
    picture.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(picture)
    picture.attemptMove(QgsLayoutPoint(x, y, MM))
    picture.attemptResize(QgsLayoutSize(width, height, MM))
    picture.setId("north_arrow")
    return picture


def scalebar_segment(map_width_m, map_width_mm, target_mm=40.0, segments=4):
    """(units per segment, unit) of a scale bar about *target_mm* long: a nice
    number (1, 2, 2.5 or 5 × 10^k) of metres below 1 km segments' worth, else km."""
    from ..core.classify import nice_number

    metres_per_mm = map_width_m / max(map_width_mm, 1e-9)
    segment_m = nice_number(metres_per_mm * target_mm / segments)
    if segment_m >= 500:
        return segment_m / 1000.0, "km"
    return segment_m, "m"


def add_scalebar(layout, map_item, x, y, map_width_m, map_width_mm, target_mm=40.0, font_size=7.5):
    """A metric single-box scale bar of four nice segments, about *target_mm* long."""
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    units, unit = scalebar_segment(map_width_m, map_width_mm, target_mm)
    if unit == "km":
        bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        bar.setMapUnitsPerScaleBarUnit(1.0)
    else:
        bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        bar.setMapUnitsPerScaleBarUnit(1.0)
    bar.setUnitLabel(unit)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
    bar.setUnitsPerSegment(units)
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.setHeight(2.0)
    bar.setLabelBarSpace(1.2)
    fmt = bar.textFormat()
    fmt.setFont(make_font(font_size))
    fmt.setSize(font_size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(TEXT_COLOR)
    bar.setTextFormat(fmt)
    bar.setBackgroundEnabled(False)
    bar.setFrameEnabled(False)
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y, MM))
    bar.resizeToMinimumWidth()
    bar.setId("scalebar")
    return bar


def add_legend(layout, map_item, layers, x, y, width, columns=1, title="", titles=None):
    """A legend of exactly *layers* (in this order) with readable fonts.

    *titles* maps layer id to the text shown for the layer (the layer name
    otherwise). The legend's size follows its contents.
    """
    legend = QgsLayoutItemLegend(layout)
    legend.setAutoUpdateModel(False)
    legend.setLinkedMap(map_item)
    root = QgsLayerTree()
    for layer in layers:
        node = root.addLayer(layer)
        if titles and layer.id() in titles:
            node.setCustomProperty("legend/title-label", titles[layer.id()])
    legend.model().setRootGroup(root)
    legend._bl_root = root  # keep the tree alive as long as the legend
    legend.setTitle(title)
    legend.setColumnCount(columns)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(True)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 10, True), (QgsLegendStyle.Style.Group, 9, True),
                              (QgsLegendStyle.Style.Subgroup, 8.5, True),
                              (QgsLegendStyle.Style.SymbolLabel, 8, False)):
        compat.set_legend_style_font(legend, style, make_font(size, bold=bold), TEXT_COLOR)
    legend.setSymbolWidth(6.0)
    legend.setSymbolHeight(3.6)
    legend.setBoxSpace(0.0)
    legend.setColumnSpace(6.0)
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 2.5)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2)
    legend.setWrapString("")
    legend.setLegendFilterByMapEnabled(True)  # only classes that occur on the map
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(x, y, MM))
    legend.attemptResize(QgsLayoutSize(width, 10, MM))
    legend.setId("legend")
    fit_legend(legend)
    return legend


def legend_size(legend):
    """Width and height (mm) the legend needs for its contents."""
    from qgis.core import QgsLegendRenderer

    size = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize()
    return size.width(), size.height()


def fit_legend(legend):
    """Resize *legend* to its contents (keeps at least its current width)."""
    width, height = legend_size(legend)
    legend.attemptResize(QgsLayoutSize(max(width, legend.rect().width()), height + 1.0, MM))
    return legend.rect().height()


def fit_extent(extent, width_mm, height_mm):
    """*extent* grown (around its centre) to the aspect ratio of a map frame."""
    from qgis.core import QgsRectangle

    if height_mm <= 0 or extent.height() <= 0:
        return extent
    target = width_mm / height_mm
    w, h = extent.width(), extent.height()
    if w / h < target:
        w = h * target
    else:
        h = w / target
    c = extent.center()
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2)


def check_output_path(path, parameter_name, allowed=EXPORT_FORMATS):
    """Extension, existing folder and write permission of *path*; returns the lower-case extension."""
    if not path:
        raise QgsProcessingException(tr("No output file given ({0}).").format(parameter_name))
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    if ext not in allowed:
        raise QgsProcessingException(
            tr("The output file {0} ({1}) must end in {2}.").format(
                path, parameter_name, ", ".join("." + a for a in allowed)))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise QgsProcessingException(
            tr("The output folder {0} ({1}) does not exist. Create it first or choose another folder.").format(
                folder, parameter_name))
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise QgsProcessingException(
            tr("Cannot write {0} ({1}): permission denied.").format(path, parameter_name))
    return ext


def pdf_settings(dpi=300):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.appendGeoreference = False
    settings.exportMetadata = True
    return settings


def remember_pdf_settings(layout, dpi=300):
    """Store the plugin's PDF settings in *layout*, so that the layout designer's PDF and atlas export of a
    saved project write text as text (searchable, small) at the same resolution."""
    layout.setCustomProperty("pdfTextFormat", 1)  # QgsRenderContext.TextFormatAlwaysText
    layout.setCustomProperty("forceVector", True)
    layout.setCustomProperty("rasterize", False)
    layout.renderContext().setDpi(dpi)
    return layout


def _error_text(result, exporter=None):
    messages = {
        QgsLayoutExporter.ExportResult.Canceled: tr("Export cancelled."),
        QgsLayoutExporter.ExportResult.MemoryError: tr("Not enough memory to export the layout."),
        QgsLayoutExporter.ExportResult.FileError: tr("The output file could not be written."),
        QgsLayoutExporter.ExportResult.PrintError: tr("The layout could not be printed."),
        QgsLayoutExporter.ExportResult.SvgLayerError: tr("The SVG layers could not be written."),
        QgsLayoutExporter.ExportResult.IteratorError: tr("The atlas could not be prepared."),
    }
    return messages.get(result, tr("Export failed (error {0}).").format(int(result)))


class TemporaryOutput:
    """A temporary file next to *path* that replaces *path* only on success.

    ``with TemporaryOutput(path) as tmp: export(tmp)`` -- on an exception
    the temporary file is removed and *path* is untouched.
    """

    def __init__(self, path, parameter_name=None):
        self.path = os.path.abspath(path)
        folder, name = os.path.split(self.path)
        stem, ext = os.path.splitext(name)
        if os.path.isdir(self.path):
            raise QgsProcessingException(tr("The output {0} is a folder; give a file name.").format(self.path))
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=".{}.".format(stem), suffix=ext, dir=folder)
        except OSError as err:
            if parameter_name:
                raise QgsProcessingException(tr("Could not write the output {0} into the folder {1}: {2}").format(
                    parameter_name, folder, err.strerror or err)) from None
            raise QgsProcessingException(tr("Could not write into the folder {0}: {1}").format(
                folder, err.strerror or err)) from None
        os.close(fd)

    def __enter__(self):
        return self.tmp

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                if not os.path.exists(self.tmp) or os.path.getsize(self.tmp) == 0:
                    raise QgsProcessingException(tr("The export wrote no file: {0}").format(self.path))
                if os.path.exists(self.path):
                    mode = os.stat(self.path).st_mode & 0o777
                else:  # mkstemp makes 0600; give the file the permissions of a normally created one
                    umask = os.umask(0)
                    os.umask(umask)
                    mode = 0o666 & ~umask
                try:
                    os.chmod(self.tmp, mode)
                    os.replace(self.tmp, self.path)
                except OSError as err:
                    raise QgsProcessingException(tr("Could not write {0}: {1}").format(
                        self.path, err.strerror or err)) from None
        finally:
            if os.path.exists(self.tmp):
                os.remove(self.tmp)
        return False


def export_layout(layout, path, dpi=300, parameter_name=None):
    """Export a one-page *layout* to *path* (PDF, PNG or SVG by extension), atomically."""
    ext = os.path.splitext(path)[1].lower()
    exporter = QgsLayoutExporter(layout)
    with TemporaryOutput(path, parameter_name) as tmp:
        if ext == ".pdf":
            result = exporter.exportToPdf(tmp, pdf_settings(dpi))
        elif ext == ".png":
            settings = QgsLayoutExporter.ImageExportSettings()
            settings.dpi = dpi
            settings.generateWorldFile = False
            result = exporter.exportToImage(tmp, settings)
        elif ext == ".svg":
            settings = QgsLayoutExporter.SvgExportSettings()
            settings.dpi = dpi
            settings.forceVectorOutput = True
            settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
            result = exporter.exportToSvg(tmp, settings)
        else:
            raise QgsProcessingException(tr("Unknown output format: {0}").format(ext))
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(
                tr("Could not export {0}: {1} {2}").format(path, _error_text(result), exporter.errorFile()))
    return path
