"""The page template of the district profiles (``resources/templates/district_profile.qpt``).

Users may adapt the template in the QGIS layout designer (Layout ▸ Add Items
from Template, edit, Layout ▸ Save as Template) and save it as
``<QGIS profile>/bildungslandschaft/templates/district_profile.qpt``; that
file then wins over the plugin's own. The algorithm fills the items it finds
by their **item id** (Item Properties ▸ Id) and leaves everything else as it
is; items that are missing are skipped.

========================  ===============================================
item id                   filled with
========================  ===============================================
``title``                 district name (its key when it has no name)
``subtitle``              key, parent unit (PARENT_FIELD) and population
``index_badge``           label: social-index class and label, filled in
                          the class colour (hidden without index_class)
``detail_map``            map of the district with facilities (atlas-driven)
``locator_map``           whole city, the district highlighted
``indicator_table``       frame of a text table: indicator, value, city,
                          difference, rank, z-score, trend (the trend
                          column is dropped without a time series)
``table_note``            city-value rules, trend period and the meaning of
                          the flag symbols
``chart``                 picture: time series district vs city
``chart_caption``         hidden with ``chart`` when there is no time series
``facilities``            list of the facilities in the district
``facilities_caption``    hidden with ``facilities`` without facilities
``age_chart``             picture: age structure district vs city
``age_caption``           hidden with ``age_chart`` without AGE_FIELDS
``footer``                data source and date
``page_number``           (expression label, left as it is)
========================  ===============================================
"""

import os

from qgis.core import (
    QgsApplication,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemRegistry,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from .. import compat
from . import layouts
from ..resources import resource_path
from ..translation import tr

TEMPLATE_NAME = "district_profile.qpt"
ITEM_IDS = ("title", "subtitle", "index_badge", "detail_map", "locator_map", "indicator_table", "table_note",
            "chart", "chart_caption", "age_chart", "age_caption", "facilities", "facilities_caption", "footer",
            "page_number")


def TREND_HEADING():  # noqa: N802 - a translated constant
    return tr("Trend")


def flag_meanings():
    """{symbol: meaning} of the official-statistics symbols (see joinsocialdata)."""
    return {".": tr("unknown or kept secret"), "x": tr("not meaningful"), "...": tr("not yet available"),
            "…": tr("not yet available"), "/": tr("too uncertain"), "*": tr("suppressed"),
            "-": tr("nothing"), "<3": tr("suppressed (small count)")}
MM = layouts.MM


def user_template_path():
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "bildungslandschaft", "templates", TEMPLATE_NAME)


def template_path():
    """The user's adapted template if there is one, else the plugin's."""
    user = user_template_path()
    return user if os.path.isfile(user) else resource_path("templates", TEMPLATE_NAME)


def load_template(project, path=None):
    """A QgsPrintLayout from the .qpt at *path* (default :func:`template_path`)."""
    path = path or template_path()
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    doc = QDomDocument()
    doc.setContent(text)
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise ValueError("not a QGIS layout template: {}".format(path))
    return layout


def text_format(size, bold=False, color=layouts.TEXT_COLOR):
    fmt = QgsTextFormat()
    fmt.setFont(layouts.make_font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(color)
    return fmt


def table_columns():
    # 186 mm frame minus 2 × 1.1 mm cell margin per column (7 columns: 170.6 mm)
    headings = [(tr("Indicator"), 55.6, Qt.AlignmentFlag.AlignLeft), (tr("District"), 20.0, Qt.AlignmentFlag.AlignRight),
                (tr("City"), 19.0, Qt.AlignmentFlag.AlignRight), (tr("Difference"), 19.0, Qt.AlignmentFlag.AlignRight),
                (tr("Rank"), 19.0, Qt.AlignmentFlag.AlignRight), (tr("z-score"), 16.0, Qt.AlignmentFlag.AlignRight),
                (TREND_HEADING(), 22.0, Qt.AlignmentFlag.AlignRight)]
    columns = []
    for heading, width, align in headings:
        col = QgsLayoutTableColumn(heading)
        col.setWidth(width)
        col.setHAlignment(align)
        columns.append(col)
    return columns


def build_template(project):
    """The plugin's profile page (A4 portrait) built in code; saved as the .qpt."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(tr("District profile"))
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(210, 297))
    m, w = 12.0, 186.0

    layouts.add_label(layout, "", m, m, 128.0, 10.5, layouts.make_font(19, bold=True), item_id="title")
    layouts.add_label(layout, "", m, m + 11.0, 128.0, 6.0, layouts.make_font(10), color=layouts.MUTED_COLOR,
                      item_id="subtitle")
    badge = layouts.add_label(layout, "", 146.0, 13.0, 52.0, 14.0, layouts.make_font(9, bold=True),
                              item_id="index_badge", halign=Qt.AlignmentFlag.AlignHCenter, valign=Qt.AlignmentFlag.AlignVCenter)
    badge.setMarginX(1.5)
    badge.setMarginY(1.0)
    badge.setBackgroundEnabled(True)
    badge.setBackgroundColor(QColor(224, 224, 224))
    layouts.add_rule(layout, m, 31.0, w)

    detail = QgsLayoutItemMap(layout)
    layout.addLayoutItem(detail)
    detail.attemptMove(QgsLayoutPoint(m, 35.0, MM))
    detail.attemptResize(QgsLayoutSize(118.0, 82.0, MM))
    detail.setFrameEnabled(True)
    detail.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, MM))
    detail.setFrameStrokeColor(QColor(110, 110, 110))
    detail.setAtlasDriven(True)
    detail.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    detail.setAtlasMargin(0.25)
    detail.setKeepLayerSet(False)
    detail.setId("detail_map")

    x2 = m + 118.0 + 6.0
    w2 = w - 118.0 - 6.0
    layouts.add_label(layout, tr("Location in the city"), x2, 35.0, w2, 5.0, layouts.make_font(8.5, bold=True),
                      item_id="locator_caption")
    locator = QgsLayoutItemMap(layout)
    layout.addLayoutItem(locator)
    locator.attemptMove(QgsLayoutPoint(x2, 41.0, MM))
    locator.attemptResize(QgsLayoutSize(w2, 46.0, MM))
    locator.setFrameEnabled(True)
    locator.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, MM))
    locator.setFrameStrokeColor(QColor(170, 170, 170))
    locator.setId("locator_map")
    layouts.add_label(layout, tr("Facilities in the district"), x2, 91.0, w2, 5.0,
                      layouts.make_font(8.5, bold=True), item_id="facilities_caption")
    layouts.add_label(layout, "", x2, 97.0, w2, 20.0, layouts.make_font(7.5), item_id="facilities")

    layouts.add_label(layout, tr("Indicators"), m, 121.0, w, 6.0, layouts.make_font(10.5, bold=True),
                      item_id="table_caption")
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    table.setColumns(table_columns())
    table.setHeaderTextFormat(text_format(8, bold=True))
    table.setContentTextFormat(text_format(8))
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    table.setCellMargin(1.1)
    table.setShowGrid(True)
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor(200, 200, 200))
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage(tr("No indicators."))
    style = QgsLayoutTableStyle()
    style.enabled = True
    style.cellBackgroundColor = QColor(242, 242, 242)
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, style)
    header = QgsLayoutTableStyle()
    header.enabled = True
    header.cellBackgroundColor = QColor(225, 232, 240)
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(m, 127.0, MM))
    frame.attemptResize(QgsLayoutSize(w, 43.0, MM))
    frame.setId("indicator_table")
    table.addFrame(frame)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    layouts.add_label(layout, "", m, 171.0, w, 5.0, layouts.make_font(6.5), color=layouts.MUTED_COLOR,
                      item_id="table_note")

    layouts.add_label(layout, tr("Time series: district and city"), m, 179.0, w, 6.0,
                      layouts.make_font(10.5, bold=True), item_id="chart_caption")
    _picture(layout, "chart", m, 185.0, w, 42.0)

    layouts.add_label(layout, tr("Age structure: share of the population (%)"), m, 231.0, w, 6.0,
                      layouts.make_font(10.5, bold=True), item_id="age_caption")
    _picture(layout, "age_chart", m, 237.0, w, 40.0)

    layouts.add_rule(layout, m, 280.0, w, thickness=0.2, color=QColor(150, 150, 150))
    layouts.add_label(layout, "", m, 281.5, 150.0, 8.0, layouts.make_font(7), color=layouts.MUTED_COLOR,
                      item_id="footer")
    layouts.add_label(layout, tr("Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]"),
                      m + 150.0, 281.5, 36.0, 5.0, layouts.make_font(7), color=layouts.MUTED_COLOR,
                      item_id="page_number", halign=Qt.AlignmentFlag.AlignRight)
    return layout



def save_template(layout, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not layout.saveAsTemplate(path, QgsReadWriteContext()):
        raise OSError("could not write {}".format(path))
    return path


def find_table(layout):
    """The text table whose frame has the id ``indicator_table`` (or the first text table)."""
    frame = layout.itemById("indicator_table")
    if frame is not None and hasattr(frame, "multiFrame"):
        table = frame.multiFrame()
        if isinstance(table, QgsLayoutItemTextTable):
            return table
    for mf in layout.multiFrames():
        if isinstance(mf, QgsLayoutItemTextTable):
            return mf
    return None


def translate_captions(layout):
    """Translate the plugin template's English captions and table headings into the user's language."""
    from qgis.core import QgsLayoutItemLabel

    known = {"Location in the city": tr("Location in the city"),
                  "Facilities in the district": tr("Facilities in the district"),
                  "Indicators": tr("Indicators"),
                  "Time series: district and city": tr("Time series: district and city"),
                  "Age structure: share of the population (%)": tr("Age structure: share of the population (%)"),
                  "Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]":
                      tr("Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]")}
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and item.text() in known:
            item.setText(known[item.text()])
    table = find_table(layout)
    if table is not None:
        english = ["Indicator", "District", "City", "Difference", "Rank", "z-score", "Trend"]
        translated = [c.heading() for c in table_columns()]
        columns = table.columns()
        changed = False
        for col in columns:
            if col.heading() in english:
                col.setHeading(translated[english.index(col.heading())])
                changed = True
        if changed:
            table.setColumns(columns)


def fix_missing_fonts(layout):
    """Labels whose font family is not installed get :func:`layouts.font_family` (same size and weight)."""
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtGui import QFontDatabase

    installed = set(QFontDatabase().families())
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and compat.label_font(item).family() not in installed:
            font = compat.label_font(item)
            font.setFamily(layouts.font_family())
            compat.set_label_font(item, font)


def drop_trend_column(table):
    """Remove the trend column (no time series) and give its width to the first column."""
    columns = table.columns()
    drop = [i for i, c in enumerate(columns) if c.heading() in (TREND_HEADING(), "Trend")]
    if not drop:
        return
    keep = [c for i, c in enumerate(columns) if i not in drop]
    if keep:
        extra = sum(columns[i].width() for i in drop) + 2 * table.cellMargin() * len(drop)
        keep[0].setWidth(keep[0].width() + extra)
    table.setColumns(keep)


class ChartItem(QgsLayoutItem):
    """A layout item that draws a chart straight onto the page with QPainter.

    Used at export time in place of the template's picture item of the same
    id: lines, bars and real text go into the PDF as vectors (a picture would
    be a raster image, or an SVG whose text Qt turns into outlines – both
    large). *draw(painter, width_px, height_px, px_per_mm)* is set per page.
    """

    def __init__(self, layout):
        super().__init__(layout)
        self.drawer = None

    def type(self):  # noqa: A003 - QGIS API name
        return QgsLayoutItemRegistry.ItemType.PluginItem + 1742

    def draw(self, context):
        if self.drawer is None:
            return
        render = context.renderContext()
        painter = render.painter()
        scale = render.scaleFactor()  # device pixels per mm
        rect = self.rect()
        self.drawer(painter, rect.width() * scale, rect.height() * scale, scale)


def replace_with_chart_item(layout, picture):
    """A :class:`ChartItem` with the position, size and id of *picture*; the picture is removed."""
    item = ChartItem(layout)
    layout.addLayoutItem(item)
    item.attemptMove(picture.positionWithUnits())
    item.attemptResize(picture.sizeWithUnits())
    item.setVisibility(picture.isVisible())
    item_id = picture.id()
    layout.removeLayoutItem(picture)
    item.setId(item_id)
    return item


def _picture(layout, item_id, x, y, width, height):
    """An empty picture item (a chart, filled per page) at *x*, *y* mm, scaled to fit."""
    picture = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(picture)
    picture.attemptMove(QgsLayoutPoint(x, y, MM))
    picture.attemptResize(QgsLayoutSize(width, height, MM))
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    picture.setId(item_id)
    return picture
