"""The district-profile atlas as an editable layout of a QGIS project (no Python needed to re-export it).

The PDF export fills the template's items from Python for every page (:class:`.profile_pages.PageWriter`). A
project must reproduce the pages with QGIS alone, so the export records what each page showed
(:class:`PageRecorder`) and :func:`persist_atlas` writes it into a folder beside the PDF:

- ``atlas.gpkg`` – ``seiten`` (the districts, the atlas coverage: title, subtitle, notes, facility list,
  social-index badge and the file names of the charts as fields ``_bl_*``), ``tabelle`` (the indicator table,
  one row per district and indicator), ``lage`` (the simplified districts of the locator map) and
  ``einrichtungen`` (the facilities of the district map);
- ``seite_001_zeitreihe.svg``, ``seite_001_alter.svg`` … – the charts of each page as SVG.

The layout is the same template: labels show ``[% "_bl_title" %]`` etc., the indicator table is an attribute
table of ``tabelle`` filtered to the atlas feature, the charts are picture items whose path is data-defined
(the folder of the coverage layer + the file name of the feature), the badge colour comes from
``_bl_badge_bg``. All paths are relative to the coverage layer, so the folder can move with the project.
"""

import os
import re

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsMemoryProviderUtils,
    QgsProcessingException,
    QgsProperty,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QRectF, QSize
from qgis.PyQt.QtGui import QPainter
from qgis.PyQt.QtSvg import QSvgGenerator

from .. import compat
from ..core import profiles
from ..translation import tr
from . import layouts, profile_layout
from .profile_pages import PageWriter, load_layout, setup_atlas
from .project import add_layers, unique_layout_name

GPKG = "atlas.gpkg"
TEXT_FIELDS = (("title", "_bl_title"), ("subtitle", "_bl_subtitle"), ("table_note", "_bl_note"),
               ("facilities", "_bl_facilities"), ("index_badge", "_bl_badge"))
CHART_FIELDS = (("chart", "_bl_chart", "zeitreihe"), ("age_chart", "_bl_ages", "alter"))
#: the picture of a chart: the file named in the atlas feature, in the folder of the coverage layer (QGIS finds
#: the layer by its id in the open project, QgsProject.instance())
PICTURE_EXPRESSION = "file_path(layer_property(@atlas_layerid, 'path')) || '/' || \"{0}\""
SVG_DPI = 96.0


class PageRecorder:
    """Called by :class:`.profile_pages.PageWriter` after each page: keeps the texts, the table rows and
    writes the charts as SVG files into *folder*."""

    def __init__(self, folder):
        self.folder = folder
        self.pages = {}

    def __call__(self, writer, key):
        page = {"number": writer.pages, "rows": [list(r) for r in writer.last_rows]}
        for name, _field in TEXT_FIELDS:
            item = writer.item.get(name)
            if isinstance(item, QgsLayoutItemLabel) and item.isVisible():
                page[name] = item.text()
        badge = writer.item.get("index_badge")
        if isinstance(badge, QgsLayoutItemLabel) and badge.isVisible():
            page["badge_bg"] = badge.backgroundColor().name()
        for name, _field, stem in CHART_FIELDS:
            item = writer.item.get(name)
            if isinstance(item, profile_layout.ChartItem) and item.drawer is not None and item.isVisible():
                filename = "seite_{0:03d}_{1}.svg".format(writer.pages, stem)
                write_svg(os.path.join(self.folder, filename), item.drawer, item.rect().width(),
                          item.rect().height())
                page[name] = filename
        self.pages[key] = page


def write_svg(path, drawer, width_mm, height_mm):
    """Draw a chart (``drawer(painter, width_px, height_px, px_per_mm)``) into an SVG file of that size."""
    px_per_mm = SVG_DPI / 25.4
    width, height = width_mm * px_per_mm, height_mm * px_per_mm
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(int(round(width)), int(round(height))))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(int(SVG_DPI))
    painter = QPainter(generator)
    try:
        drawer(painter, width, height, px_per_mm)
    finally:
        painter.end()
    if not os.path.isfile(path):
        raise QgsProcessingException(tr("Could not write the chart {0}.").format(path))


def _write_layer(layer, path, name, exclude=()):
    """Write *layer* as layer *name* into the GeoPackage *path*; the layer read back from the file."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    if os.path.exists(path):
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    options.attributes = [i for i, f in enumerate(layer.fields()) if f.name().lower() not in exclude]
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    error, message = result[0], result[1]
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise QgsProcessingException(tr("Could not write {0} into {1}: {2}").format(name, path, message))
    written = QgsVectorLayer("{0}|layername={1}".format(path, name), name, "ogr")
    if not written.isValid():
        raise QgsProcessingException(tr("Could not read {0} back from {1}.").format(name, path))
    return written


def _coverage(content, recorder):
    """The districts with the recorded page contents as fields ``_bl_*`` (a memory layer)."""
    layer = content.districts.materialize(QgsFeatureRequest())
    names = set(layer.fields().names())
    added = ["_bl_key"] + [f for _n, f in TEXT_FIELDS] + ["_bl_badge_bg"] + [f for _n, f, _s in CHART_FIELDS]
    clash = [n for n in added if n in names]
    if clash:
        raise QgsProcessingException(tr("The districts already have fields {0}; rename them.").format(
            ", ".join(clash)))
    provider = layer.dataProvider()
    provider.addAttributes([compat.make_field(n, compat.FIELD_STRING) for n in added])
    layer.updateFields()
    index = {n: layer.fields().lookupField(n) for n in added}
    changes = {}
    for feat in layer.getFeatures():
        key = profiles.normalise_keys([feat[content.key_field]], [])[0]
        page = recorder.pages.get(key, {})
        values = {index["_bl_key"]: key, index["_bl_badge_bg"]: page.get("badge_bg")}
        for name, field in TEXT_FIELDS:
            values[index[field]] = page.get(name)
        for name, field, _stem in CHART_FIELDS:
            values[index[field]] = page.get(name)
        changes[feat.id()] = values
    if not provider.changeAttributeValues(changes):
        raise QgsProcessingException(tr("Could not prepare the districts for the pages."))
    return layer


def _rows_layer(recorder, headings):
    """The indicator table of every page: one row per district and indicator (no geometry)."""
    fields = QgsFields()
    fields.append(compat.make_field("_bl_key", compat.FIELD_STRING))
    fields.append(compat.make_field("_bl_row", compat.FIELD_INT))
    for i in range(len(headings)):
        fields.append(compat.make_field("spalte_{0}".format(i + 1), compat.FIELD_STRING))
    layer = QgsMemoryProviderUtils.createMemoryLayer("tabelle", fields, QgsWkbTypes.Type.NoGeometry)
    feats = []
    for key, page in sorted(recorder.pages.items(), key=lambda kv: kv[1]["number"]):
        for n, row in enumerate(page["rows"], start=1):
            feat = QgsFeature(fields)
            cells = [str(c) for c in row][:len(headings)]
            feat.setAttributes([key, n] + cells + [None] * (len(headings) - len(cells)))
            feats.append(feat)
    if feats and not layer.dataProvider().addFeatures(feats):
        raise QgsProcessingException(tr("Could not prepare the districts for the pages."))
    return layer


def _attribute_table(layout, text_table, rows_layer):
    """Replace the text table (filled from Python) by an attribute table of *rows_layer* filtered to the atlas
    feature, with the same frame, columns, fonts and grid."""
    table = QgsLayoutItemAttributeTable(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(rows_layer)
    columns = []
    for i, old in enumerate(text_table.columns()):
        col = QgsLayoutTableColumn(old.heading())
        col.setAttribute("spalte_{0}".format(i + 1))
        col.setWidth(old.width())
        col.setHAlignment(old.hAlignment())
        columns.append(col)
    table.setColumns(columns)
    table.setFilterFeatures(True)
    table.setFeatureFilter('"_bl_key" = attribute(@atlas_feature, \'_bl_key\')')
    table.setMaximumNumberOfFeatures(1000)
    if hasattr(table, "setSortColumns"):
        sort = QgsLayoutTableColumn("_bl_row")
        sort.setAttribute("_bl_row")
        table.setSortColumns([sort])
    for setter, getter in (("setHeaderTextFormat", "headerTextFormat"), ("setContentTextFormat", "contentTextFormat")):
        if hasattr(table, setter):
            getattr(table, setter)(getattr(text_table, getter)())
    table.setCellMargin(text_table.cellMargin())
    table.setShowGrid(text_table.showGrid())
    table.setGridStrokeWidth(text_table.gridStrokeWidth())
    table.setGridColor(text_table.gridColor())
    table.setHorizontalGrid(text_table.horizontalGrid())
    table.setVerticalGrid(text_table.verticalGrid())
    table.setHeaderHAlignment(text_table.headerHAlignment())
    table.setBackgroundColor(text_table.backgroundColor())
    table.setEmptyTableBehavior(text_table.emptyTableBehavior())
    for name in ("OddColumns", "EvenColumns", "OddRows", "EvenRows", "FirstColumn", "LastColumn", "HeaderRow",
                 "FirstRow", "LastRow"):
        group = getattr(QgsLayoutTable.CellStyleGroup, name, None)
        style = text_table.cellStyle(group) if group is not None else None
        if style is not None:
            table.setCellStyle(group, style)
    old_frames = list(text_table.frames())
    for old in old_frames:
        frame = QgsLayoutFrame(layout, table)
        frame.attemptMove(old.positionWithUnits())
        frame.attemptResize(old.sizeWithUnits())
        table.addFrame(frame)
        frame.setId(old.id())
    layout.removeMultiFrame(text_table)
    for old in old_frames:
        layout.removeLayoutItem(old)
    return table


def persist_atlas(project, content, recorder, folder, feedback, layout_name=None, group_name=None):
    """Write the recorded pages into *folder*, add its layers to *project* (one group, unchecked) and an atlas
    layout over them that reproduces the PDF in QGIS (Atlas ▸ Export); returns the layout."""
    os.makedirs(folder, exist_ok=True)
    gpkg = os.path.join(folder, GPKG)
    if os.path.exists(gpkg):
        os.remove(gpkg)
    layout = load_layout(project)
    headings = [c.heading() for c in (profile_layout.find_table(layout).columns()
                                      if profile_layout.find_table(layout) is not None else [])]
    pages = _write_layer(_coverage(content, recorder), gpkg, "seiten", exclude=("fid",))
    pages.setName(tr("Profile pages (atlas)"))
    layers = [pages]
    rows = None
    if headings:
        rows = _write_layer(_rows_layer(recorder, headings), gpkg, "tabelle")
        rows.setName(tr("Profile tables"))
        layers.append(rows)
    facilities = None
    if content.facilities_layer is not None:
        facilities = _write_layer(content.facilities_layer, gpkg, "einrichtungen", exclude=("fid",))
        facilities.setName(content.facilities_layer.name())
        facilities.setRenderer(content.facilities_layer.renderer().clone())
        layers.append(facilities)

    static = _copy_content(content, pages, facilities)
    writer = PageWriter(layout, static, feedback, chart_items=False)
    locator_map = writer.item.get("locator_map")
    if locator_map is not None and hasattr(locator_map, "setLayers"):
        locator = _write_layer(writer.locator_layer, gpkg, "lage", exclude=("fid",))
        locator.setName(tr("Location in the city"))
        locator.setRenderer(writer.locator_layer.renderer().clone())
        locator_map.setLayers([locator])
        layers.append(locator)

    add_layers(project, group_name or tr("District profiles (atlas)"), layers, visible=False)

    _bind_items(layout, writer, rows)
    setup_atlas(layout, pages, content.page_field, content.key_field, len(content.selected))
    layouts.remember_pdf_settings(layout)
    layout.setName(unique_layout_name(project, layout_name or tr("District profiles")))
    project.layoutManager().addLayout(layout)
    return layout


def _copy_content(content, districts, facilities):
    from .profile_pages import ProfileContent

    copy = ProfileContent(
        districts=districts, key_field=content.key_field, frame=content.frame, table=content.table,
        fields=content.fields, labels=content.labels, series=content.series, facilities_layer=facilities,
        facility_lists=content.facility_lists, footer=content.footer, selected=content.selected,
        decimals=content.decimals, trends=content.trends, ages=content.ages, age_fields=content.age_fields,
        flag_fields=content.flag_fields, weight_names=content.weight_names)
    copy.page_field = content.page_field
    return copy


def _bind_items(layout, writer, rows):
    """Labels, badge, table and charts of *layout* read the atlas feature instead of being filled from Python."""
    for name, field in TEXT_FIELDS:
        item = writer.item.get(name)
        if isinstance(item, QgsLayoutItemLabel) and item.isVisible():
            item.setText("[% {0} %]".format(QgsExpression.quotedColumnRef(field)))
    badge = writer.item.get("index_badge")
    if isinstance(badge, QgsLayoutItemLabel) and badge.isVisible():
        badge.setBackgroundEnabled(True)
        badge.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.BackgroundColor,
                                                  QgsProperty.fromField("_bl_badge_bg"))
    if writer.text_table is not None and rows is not None:
        _attribute_table(layout, writer.text_table, rows)
    for name, field, _stem in CHART_FIELDS:
        item = writer.item.get(name)
        if isinstance(item, QgsLayoutItemPicture) and item.isVisible():
            item.setPicturePath("")
            item.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                                     QgsProperty.fromExpression(PICTURE_EXPRESSION.format(field)))
            item.refreshDataDefinedProperty(QgsLayoutObject.DataDefinedProperty.PictureSource)


def folder_for(pdf_path):
    """The folder beside *pdf_path* that holds the atlas data: ``<name>_atlas``."""
    stem = re.sub(r"\.pdf$", "", pdf_path, flags=re.IGNORECASE)
    return stem + "_atlas"
