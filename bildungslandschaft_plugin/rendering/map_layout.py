"""The council map (``bildungslandschaft:exportmap``): the layers it draws and its print layout."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsLayoutItem,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QColor

from ..processing.base import utm_crs_for
from ..translation import tr
from . import layouts
from .project import add_layers, unique_layout_name
from .styles import apply_default_style

PAGES = [("A4", False), ("A4", True), ("A3", False), ("A3", True)]  # (size, landscape)


def page_options():
    return [tr("A4 portrait"), tr("A4 landscape"), tr("A3 portrait"), tr("A3 landscape")]


def today_text():
    """Today as the plugin's language writes dates (German: 31.12.2025)."""
    return QDate.currentDate().toString(tr("yyyy-MM-dd"))


def display_layers(layers, context, feedback=None):
    """Layers to draw, in the same order, styled.

    Layers of the current project are drawn as they are (the user's styles).
    Any other layer (loaded from a path, or a layer object that belongs to
    the caller) is copied, never changed: the copy keeps a categorized,
    graduated or rule-based renderer it carries; a plain single-symbol
    layer gets the style stored with its data source (``.qml`` beside the
    file or in the GeoPackage) or else the plugin's default for its kind.
    """
    project = context.project()
    result = []
    for layer in layers:
        if project is not None and project.mapLayer(layer.id()) is layer:
            result.append(layer)
            continue
        if not isinstance(layer, QgsVectorLayer):
            result.append(layer)
            continue
        copy = layer.clone()
        if copy is not None:
            copy.setName(layer_title(layer))
        if copy is None or not copy.isValid() or copy.featureCount() != layer.featureCount():
            copy = layer.materialize(QgsFeatureRequest())
            copy.setName(layer_title(layer))
            if layer.renderer() is not None:
                copy.setRenderer(layer.renderer().clone())
        if isinstance(copy.renderer(), QgsSingleSymbolRenderer) or copy.renderer() is None:
            styled = False
            if copy.providerType() != "memory":
                _msg, styled = copy.loadDefaultStyle()
            if not styled:
                styled = apply_default_style(copy)
            if styled and feedback is not None:
                feedback.pushInfo(tr("Layer {0}: default style applied.").format(copy.name()))
        result.append(copy)
    return result


def layer_title(layer):
    """The name shown in the legend: the layer's name, or for a layer loaded from
    ``file.gpkg|layername=x`` whose name is just the file name, ``x``."""
    name = layer.name()
    source = layer.source()
    if "|layername=" in source:
        part = source.split("|layername=", 1)[1].split("|", 1)[0]
        stem = os.path.splitext(os.path.basename(source.split("|", 1)[0]))[0]
        if part and (not name or name == stem):
            return part
    return name


def map_crs(layers):
    """The first projected CRS of *layers*; else a UTM zone at the first layer's centre."""
    for layer in layers:
        if layer.crs().isValid() and not layer.crs().isGeographic():
            return layer.crs()
    for layer in layers:
        if layer.crs().isValid():
            wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
            extent = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance()).transformBoundingBox(
                layer.extent())
            return utm_crs_for(extent.center().x(), extent.center().y())
    return QgsCoordinateReferenceSystem("EPSG:25833")


def combined_extent(layers, crs, context, margin=0.05, minimum=500.0):
    """Union of the layers' extents in *crs*, widened by *margin* on each side (at least *minimum* m wide)."""
    total = None
    for layer in layers:
        if isinstance(layer, QgsVectorLayer) and layer.featureCount() == 0:
            continue
        extent = layer.extent()
        if extent.isNull():
            continue
        if layer.crs() != crs:
            extent = QgsCoordinateTransform(layer.crs(), crs, context.transformContext()).transformBoundingBox(extent)
        if total is None:
            total = QgsRectangle(extent)
        else:
            total.combineExtentWith(extent)
    if total is None:
        return None
    return widen(total, margin, minimum)


def widen(extent, margin=0.05, minimum=500.0):
    width = max(extent.width(), minimum)
    height = max(extent.height(), minimum)
    cx, cy = extent.center().x(), extent.center().y()
    width *= 1 + 2 * margin
    height *= 1 + 2 * margin
    return QgsRectangle(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def build_map_layout(project, layers, crs, extent, title, subtitle, source, date, page, logo=""):
    """The print layout of a council map (one page)."""
    size, landscape = page
    w, h = layouts.PAGE_SIZES[size]
    if landscape:
        w, h = h, w
    scale = 1.0 if size == "A4" else 1.2  # A3: slightly larger text
    margin = 12.0 * scale

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(title[:60])
    page_item = layout.pageCollection().page(0)
    page_item.setPageSize(QgsLayoutSize(w, h))

    # header: title, subtitle, optional logo
    logo_w = 0.0
    if logo:
        logo_w = 38.0 * scale
        pic = QgsLayoutItemPicture(layout)
        pic.setPicturePath(logo)
        pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        pic.setPictureAnchor(QgsLayoutItem.ReferencePoint.UpperRight)
        layout.addLayoutItem(pic)
        pic.attemptMove(QgsLayoutPoint(w - margin - logo_w, margin, layouts.MM))
        pic.attemptResize(QgsLayoutSize(logo_w, 16.0 * scale, layouts.MM))
        pic.setId("logo")
    text_w = w - 2 * margin - (logo_w + 5 if logo_w else 0)
    _label, title_h = layouts.add_fitted_label(layout, title, margin, margin, text_w, 20 * scale, 13 * scale, 2,
                                               bold=True, item_id="title")
    y = margin + title_h + 1.5
    if subtitle:
        _label, sub_h = layouts.add_fitted_label(layout, subtitle, margin, y, text_w, 11.5 * scale, 9 * scale, 2,
                                                 color=layouts.MUTED_COLOR, item_id="subtitle")
        y += sub_h + 1.0
    y = max(y, margin + (16.0 * scale if logo else 0)) + 2.0
    layouts.add_rule(layout, margin, y, w - 2 * margin)
    map_top = y + 4.0

    # footer: scale bar left, source and date right
    footer_h = 12.0 * scale
    footer_y = h - margin - footer_h
    content_w = w - 2 * margin

    map_item = QgsLayoutItemMap(layout)
    map_item.setCrs(crs)
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, layouts.MM))
    map_item.setFrameStrokeColor(QColor(110, 110, 110))
    map_item.setBackgroundColor(QColor(255, 255, 255))
    layout.addLayoutItem(map_item)
    map_item.setId("map")

    if landscape:
        legend_w = 62.0 * scale
        map_w = content_w - legend_w - 6.0
        map_h = footer_y - 3.0 - map_top
        legend = layouts.add_legend(layout, map_item, layers, margin + map_w + 6.0, map_top, legend_w,
                                    columns=1, title=tr("Legend"))
    else:
        map_w = content_w
        legend = layouts.add_legend(layout, map_item, layers, margin, 0, content_w, columns=2, title=tr("Legend"))
        legend_h = legend.rect().height()
        map_h = footer_y - 4.0 - legend_h - 4.0 - map_top
        if map_h < 0.45 * (h - 2 * margin):  # a long legend: three columns
            legend.setColumnCount(3)
            legend_h = layouts.fit_legend(legend)
            map_h = max(footer_y - 4.0 - legend_h - 4.0 - map_top, 0.35 * (h - 2 * margin))
        legend.attemptMove(QgsLayoutPoint(margin, map_top + map_h + 4.0, layouts.MM))
    map_item.attemptMove(QgsLayoutPoint(margin, map_top, layouts.MM))
    map_item.attemptResize(QgsLayoutSize(map_w, map_h, layouts.MM))
    map_item.setExtent(layouts.fit_extent(extent, map_w, map_h))

    arrow_w, arrow_h = 7.0 * scale, 10.5 * scale
    layouts.add_north_arrow(layout, map_item, margin + map_w - arrow_w - 3.0, map_top + 3.0, arrow_w, arrow_h)
    layouts.add_scalebar(layout, map_item, margin, footer_y + 2.5, map_item.extent().width(), map_w,
                         target_mm=40.0 * scale, font_size=7.5 * scale)
    layouts.add_rule(layout, margin, footer_y, content_w, thickness=0.2, color=QColor(150, 150, 150))
    foot_x = margin + 70.0 * scale
    foot_w = content_w - 70.0 * scale
    source_line = tr("Data source: {0}").format(source)
    date_line = tr("As of: {0} · Map: Bildungslandschaft (QGIS)").format(date)
    _font, lines = layouts.fit_text(source_line, foot_w, 7.5 * scale, 6.0 * scale, 2)
    text = "\n".join(lines + [date_line])
    layouts.add_label(layout, text, foot_x, footer_y + 2.0, foot_w, footer_h - 2.0, _font,
                      color=layouts.MUTED_COLOR, item_id="source", halign=Qt.AlignmentFlag.AlignRight)
    return layout


def add_to_project(project, layout, layers, feedback=None):
    """Add the map *layout* to *project*; layers it draws that are not in the project yet are added in a group
    named after the layout (hidden). A memory layer keeps its features only while QGIS runs (warned)."""
    missing = [layer for layer in layers if project.mapLayer(layer.id()) is not layer]
    if missing:
        add_layers(project, tr("Map: {0}").format(layout.name()), missing, visible=False)
        memory = [layer.name() for layer in missing if layer.providerType() == "memory"]
        if memory and feedback is not None:
            feedback.pushWarning(tr("These layers of the map are temporary and are not saved with the "
                                    "project: {0}").format(", ".join(memory)))
    layouts.remember_pdf_settings(layout)
    layout.setName(unique_layout_name(project, layout.name()))
    project.layoutManager().addLayout(layout)
    return layout
