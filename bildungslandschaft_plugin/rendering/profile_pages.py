"""The district-profile atlas (``bildungslandschaft:districtprofiles``): one page per district.

The template (:mod:`.profile_layout`) is an atlas over the districts; :class:`PageWriter` fills its items for each
atlas feature (title, table, charts, facility list, social-index badge) and :func:`export_atlas` writes the PDF.
"""

import functools
import os
import re

import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsProcessingException,
    QgsRectangle,
    QgsRuleBasedRenderer,
)
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..core import profiles
from ..translation import locale_name, tr
from . import charts, layouts, profile_layout
from .styles import ramp_colours

MAX_FACILITY_LINES = 11
#: the conventional colours of the four social-index classes (resources/styles/socialindex_classes.qml)
INDEX_COLOURS = {1: (77, 172, 38), 2: (247, 243, 194), 3: (244, 163, 64), 4: (215, 25, 28)}


def find_field(fields, candidates):
    """The first field name of *fields* (a list) matching *candidates* case-insensitively."""
    lower = {f.lower(): f for f in fields}
    for c in candidates:
        if c in lower:
            return lower[c]
    return None


def parse_indicators(matrix):
    """[(field, label)] from the matrix value.

    Accepted: a list ``[field, label, field, label, ...]`` (the Processing
    dialog, ``processing.run``); a string ``"field,label,field,label"`` (how
    qgis_process passes a matrix); or ``"field=Label;field2=Label 2"`` for
    labels that contain commas. An empty label means: the field's alias or
    name.
    """
    if matrix is None:
        return []
    if isinstance(matrix, str):
        if ";" in matrix or "=" in matrix:
            pairs = []
            for part in matrix.split(";"):
                if part.strip():
                    field, _sep, label = part.partition("=")
                    pairs.append((field.strip(), label.strip()))
            return pairs
        matrix = matrix.split(",")
    values = ["" if v is None else str(v).strip() for v in matrix]
    if len(values) % 2:
        values.append("")
    return [(values[i], values[i + 1]) for i in range(0, len(values), 2) if values[i]]


def page_field(layer, selected, frame):
    """Add an integer page-number field to the memory *layer*: 1.. in the order of *selected*, NULL elsewhere."""
    names = set(layer.fields().names())
    name = "_bl_page"
    while name in names:
        name += "_"
    provider = layer.dataProvider()
    if not provider.addAttributes([QgsField(name, compat.FIELD_INT)]):
        raise QgsProcessingException(tr("Could not prepare the districts for the pages."))
    layer.updateFields()
    index = layer.fields().lookupField(name)
    fid_by_key = dict(zip(frame["key"], frame["__fid"]))
    if not provider.changeAttributeValues({int(fid_by_key[k]): {index: n} for n, k in enumerate(selected, 1)}):
        raise QgsProcessingException(tr("Could not prepare the districts for the pages."))
    return name


class ProfileContent:
    """What the pages show, computed by the algorithm: the district copy (the atlas coverage), the frame of
    district values (index ``key``), the indicator table, the charts' data and the facility lists."""

    def __init__(self, districts, key_field, frame, table, fields, labels, series, facilities_layer,
                 facility_lists, footer, selected, decimals=None, trends=None, ages=None, age_fields=(),
                 flag_fields=None, weight_names=None):
        self.districts = districts
        self.key_field = key_field
        self.frame = frame
        self.table = table
        self.fields = fields
        self.labels = labels
        self.series = series
        self.facilities_layer = facilities_layer
        self.facility_lists = facility_lists
        self.footer = footer
        self.selected = list(selected)
        self.decimals = decimals or {f: profiles.decimals_for(frame[f]) for f in fields}
        self.trends = trends or {}
        self.ages = ages or {}
        self.age_fields = list(age_fields)
        self.flag_fields = flag_fields or {}
        self.weight_names = weight_names or {}


def load_layout(project):
    """The page template, its captions translated and missing fonts replaced."""
    try:
        layout = profile_layout.load_template(project)
    except (OSError, ValueError) as err:
        raise QgsProcessingException(
            tr("Could not read the page template {0}: {1}").format(profile_layout.template_path(), err))
    profile_layout.translate_captions(layout)
    profile_layout.fix_missing_fonts(layout)
    return layout


def setup_atlas(layout, coverage, page_field_name, key_field, expected):
    """The atlas of *layout* over *coverage*: the pages are the features with a page number, in its order."""
    atlas = layout.atlas()
    atlas.setEnabled(True)
    atlas.setCoverageLayer(coverage)
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("{} IS NOT NULL".format(QgsExpression.quotedColumnRef(page_field_name)))
    atlas.setSortFeatures(True)
    atlas.setSortAscending(True)
    atlas.setSortExpression(QgsExpression.quotedColumnRef(page_field_name))
    atlas.setPageNameExpression(QgsExpression.quotedColumnRef(key_field))
    count = atlas.updateFeatures()
    if count != expected:
        raise QgsProcessingException(
            tr("The page layout found {0} districts for {1} pages; no PDF written.").format(count, expected))
    return atlas


def export_profiles(project, content, output, parameter_name, feedback, recorder=None):
    """Write the profile PDF *output* (one page per selected district); the number of pages.

    *recorder* (optional) is called with the writer after each page was filled (see :mod:`.profile_project`).
    """
    layout = load_layout(project)
    # the pages: a page-number field on our copy drives the atlas (filter and order), so that keys with
    # blanks, numbers stored as text or odd characters can never drop a page from an expression match
    page_field_name = page_field(content.districts, content.selected, content.frame)
    content.page_field = page_field_name
    writer = PageWriter(layout, content, feedback, recorder=recorder)
    atlas = setup_atlas(layout, content.districts, page_field_name, content.key_field, len(content.selected))
    atlas.featureChanged.connect(writer.fill)
    selected = content.selected
    try:
        with layouts.TemporaryOutput(output, parameter_name) as tmp:
            result, error = QgsLayoutExporter.exportToPdf(atlas, tmp, layouts.pdf_settings(300), feedback)
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled."))
            if result != QgsLayoutExporter.ExportResult.Success:
                raise QgsProcessingException(
                    tr("Could not write the profiles {0} ({1}): {2}").format(output, parameter_name, error))
            if writer.error:
                raise QgsProcessingException(writer.error)
            if writer.pages != len(selected):
                raise QgsProcessingException(
                    tr("Only {0} of {1} profile pages were filled ({2}); no PDF written.").format(
                        writer.pages, len(selected), ", ".join(sorted(set(selected) - writer.keys))))
    except OSError as err:
        raise QgsProcessingException(
            tr("Could not write the profiles {0} ({1}): {2}. Is the file open in another program, or "
               "the folder read-only?").format(output, parameter_name, err.strerror or err))
    return writer.pages


class PageWriter:
    """Fills the template's items for the atlas feature of each page."""

    def __init__(self, layout, content, feedback, recorder=None, chart_items=True):
        self.layout = layout
        self.last_rows = []
        self.content = content
        self.recorder = recorder
        districts = content.districts
        frame = content.frame
        self.key_field = content.key_field
        self.key_index = districts.fields().lookupField(content.key_field)
        self.frame = frame.set_index("key")
        self.table = content.table
        self.fields = content.fields
        self.labels = content.labels
        self.series = content.series
        self.facility_lists = content.facility_lists
        self.feedback = feedback
        self.total = max(len(content.selected), 1)
        self.pages = 0
        self.keys = set()  # districts whose page was filled (the exporter may announce a page twice)
        self.weight_names = content.weight_names
        self.error = None
        self.locale = QLocale(locale_name())
        self.decimals = content.decimals
        self.trends = content.trends
        self.ages = content.ages
        self.flag_fields = content.flag_fields
        self.age_fields_list = list(content.age_fields)
        classes = pd.to_numeric(frame["class"], errors="coerce") if "class" in frame else pd.Series(dtype=float)
        self.n_classes = int(classes.max()) if classes.notna().any() else 0
        years = [(t[2], t[3]) for t in self.trends.values() if t[2] is not None]
        self.trend_years = (min(y[0] for y in years), max(y[1] for y in years)) if years else None
        footer = content.footer
        facilities_layer = content.facilities_layer
        series = content.series
        self.item = {name: layout.itemById(name) for name in profile_layout.ITEM_IDS}
        for name in ("chart", "age_chart"):  # drawn as vectors with real text (small PDF), see ChartItem
            if chart_items and isinstance(self.item.get(name), QgsLayoutItemPicture):
                self.item[name] = profile_layout.replace_with_chart_item(layout, self.item[name])
        self.text_table = profile_layout.find_table(layout)
        if layout.itemById("footer") is not None:
            layout.itemById("footer").setText(footer)
        self._setup_maps(districts, facilities_layer)
        if not series:
            self._hide("chart", "chart_caption")
        if facilities_layer is None:
            self._hide("facilities", "facilities_caption")
        if not self.ages:
            self._hide("age_chart", "age_caption")
        if not self.n_classes:
            self._hide("index_badge")
        if self.text_table is not None and self.trend_years is None:
            profile_layout.drop_trend_column(self.text_table)

    def _hide(self, *names):
        for name in names:
            if self.item.get(name) is not None:
                self.item[name].setVisibility(False)

    def _setup_maps(self, districts, facilities_layer):
        key = QgsExpression.quotedColumnRef(self.key_field)
        current = "{} = attribute(@atlas_feature, {})".format(key, QgsExpression.quotedValue(self.key_field))
        # a second copy with its own renderer (memory layers cannot be cloned with their features)
        self.locator_layer = districts.materialize(QgsFeatureRequest())
        locator = self.item.get("locator_map")
        if isinstance(locator, QgsLayoutItemMap) and locator.rect().width() > 0:
            # the locator shows the whole city a few cm wide: 0.15 mm on paper is enough detail, and the
            # PDF (vector) no longer carries every vertex of every district on every page
            extent = districts.extent()
            tolerance = 0.15 * max(extent.width() / locator.rect().width(), extent.height() / locator.rect().height())
            simplify_layer(self.locator_layer, tolerance)
        self.locator_layer.setRenderer(rule_renderer([
            (current, {"color": "214,96,37,255", "outline_color": "#7f2704", "outline_width": "0.4"}),
            ("ELSE", {"color": "232,232,232,255", "outline_color": "#ffffff", "outline_width": "0.2"}),
        ]))
        districts.setRenderer(rule_renderer([
            (current, {"color": "253,208,162,70", "outline_color": "#7f2704", "outline_width": "0.7"}),
            ("ELSE", {"style": "no", "outline_color": "#8c8c8c", "outline_width": "0.25"}),
        ]))
        self.districts = districts
        self.facilities_layer = facilities_layer
        locator = self.item.get("locator_map")
        if isinstance(locator, QgsLayoutItemMap):
            locator.setCrs(districts.crs())
            locator.setLayers([self.locator_layer])
            locator.setKeepLayerSet(True)
            locator.setAtlasDriven(False)
            rect = locator.rect()
            locator.setExtent(layouts.fit_extent(city_extent(districts.extent()), rect.width(), rect.height()))
        detail = self.item.get("detail_map")
        if isinstance(detail, QgsLayoutItemMap):
            detail.setCrs(districts.crs())
            detail.setLayers(([facilities_layer] if facilities_layer is not None else []) + [districts])
            detail.setKeepLayerSet(True)
            detail.setAtlasDriven(True)
            if detail.atlasScalingMode() != QgsLayoutItemMap.AtlasScalingMode.Auto and detail.atlasScalingMode() != \
                    QgsLayoutItemMap.AtlasScalingMode.Fixed and detail.atlasScalingMode() != QgsLayoutItemMap.AtlasScalingMode.Predefined:
                detail.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
            rect = detail.rect()
            detail.setExtent(layouts.fit_extent(districts.extent(), rect.width(), rect.height()))

    def fmt(self, value, decimals, signed=False):
        if value is None or value != value:
            return "–"
        text = self.locale.toString(float(value), "f", decimals)
        if signed and value > 0:
            text = "+" + text
        return text.replace("-", "−") if text.startswith("-") else text

    def fill(self, feature):
        try:
            self._fill(feature)
        except Exception as err:  # noqa: BLE001 - reported after the export, never a crash in a signal
            self.error = tr("Could not fill the profile page: {0}").format(err)
            self.feedback.reportError(self.error)

    def _fill(self, feature):
        feature = self.layout.reportContext().feature()  # the signal's copy carries no attributes
        key = profiles.normalise_keys([feature.attribute(self.key_index)], [])[0]
        row = self.frame.loc[key]
        new_page = key not in self.keys
        name = row["name"] or tr("District {0}").format(key)
        title = self.item.get("title")
        if isinstance(title, QgsLayoutItemLabel):
            title_font = compat.label_font(title)
            font, lines = layouts.fit_text(name, title.rect().width(), title_font.pointSizeF(),
                                           max(title_font.pointSizeF() * 0.6, 9), 1, bold=title_font.bold())
            compat.set_label_font(title, font)
            title.setText("\n".join(lines))
        subtitle = self.item.get("subtitle")
        if isinstance(subtitle, QgsLayoutItemLabel):
            parts = [tr("Key {0}").format(key)]
            if row.get("parent"):
                parts.append(tr("Borough {0}").format(row["parent"]))
            if row["pop"] == row["pop"]:
                parts.append(tr("Population {0}").format(self.fmt(row["pop"], 0)))
            subtitle.setText(" · ".join(parts))
        self._badge(row)
        symbols = set()
        rules = set()
        if self.text_table is not None:
            rows = []
            sub = self.table[self.table["key"] == key].set_index("indicator")
            with_trend = any(c.heading() == profile_layout.TREND_HEADING() for c in self.text_table.columns())
            for field, label in zip(self.fields, self.labels):
                r = sub.loc[field]
                d = self.decimals[field]
                rank = "–" if r["rank"] != r["rank"] else tr("{0} of {1}").format(int(r["rank"]), int(r["n"]))
                value = self.fmt(r["value"], d)
                flag = row.get("flag:" + field, "") if r["value"] != r["value"] else ""
                if flag:
                    value = "– ({0})".format(flag)
                    symbols.add(flag)
                city = self.fmt(r["city"], d)
                if r["rule"] == profiles.MEAN and city != "–":
                    city = "Ø " + city
                rules.add((r["rule"], self.weight_names.get(field) if r["rule"] == profiles.WEIGHTED else None))
                cells = [label, value, city, self.fmt(r["difference"], d, signed=True), rank,
                         self.fmt(r["z"], 2, signed=True)]
                if with_trend:
                    change, arrow, _y0, _y1 = self.trends.get((key, field), (float("nan"), "", None, None))
                    cells.append("{0} {1}".format(arrow, self.fmt(change, d, signed=True)) if arrow else "–")
                rows.append(cells)
            self.text_table.setContents(rows)
            self.last_rows = rows
        chart = self.item.get("chart")
        number_format = self._axis_number
        if isinstance(chart, profile_layout.ChartItem) and self.series:
            panels = self.series.get(key, [])
            chart.drawer = functools.partial(_draw_series, panels=panels, district_label=name,
                                             number_format=number_format)
            chart.refresh()
        age_chart = self.item.get("age_chart")
        if isinstance(age_chart, profile_layout.ChartItem) and self.ages:
            symbols.update(self.age_fields_with_flags(row))
            age_chart.drawer = functools.partial(_draw_ages, rows=self.ages.get(key, []), district_label=name,
                                                 number_format=number_format)
            age_chart.refresh()
        note = self.item.get("table_note")
        if isinstance(note, QgsLayoutItemLabel):
            note.setText(self._note(symbols, rules))
        facilities = self.item.get("facilities")
        if isinstance(facilities, QgsLayoutItemLabel) and self.facilities_layer is not None:
            items = self.facility_lists.get(key, [])
            if not items:
                facilities.setText(tr("No facilities in this district."))
            else:
                lines = ["{} ({})".format(n, t) if t and n else (n or t) for t, n in items]
                fit = max(2, min(MAX_FACILITY_LINES,
                                 int(facilities.rect().height() / layouts.line_height_mm(compat.label_font(facilities)))))
                if len(lines) > fit:
                    more = len(lines) - (fit - 1)
                    lines = lines[:fit - 1] + [tr("… and {0} more").format(more)]
                facilities.setText("\n".join(lines))
        if new_page:
            self.keys.add(key)
            self.pages = len(self.keys)
            self.feedback.setProgress(100.0 * self.pages / self.total)
            self.feedback.pushInfo(tr("Page {0}: {1}").format(self.pages, name))
            if self.recorder is not None:
                self.recorder(self, key)


    def _axis_number(self, value, decimals):
        return self.locale.toString(float(value), "f", decimals)

    def age_fields_with_flags(self, row):
        """Flag symbols of the suppressed age cohorts of this district."""
        return sorted({row.get("flag:" + f) for f in self.age_fields_list
                       if row.get("flag:" + f) and row.get(f) != row.get(f)})

    def _note(self, symbols, rules=()):
        parts = []
        city = []
        if any(r == profiles.SUM for r, _w in rules):
            city.append(tr("total of all districts for counts and amounts"))
        weights = sorted({w for r, w in rules if r == profiles.WEIGHTED and w})
        if weights:
            city.append(tr("rates weighted by {0}").format(", ".join(weights)))
        if any(r == profiles.MEAN for r, _w in rules):
            city.append(tr("Ø plain mean of the districts"))
        if city:
            parts.append(tr("City: {0}").format("; ".join(city)))
        if self.trend_years is not None:
            parts.append(tr("Trend: change {0}–{1} (→: less than 2 % of the first value)").format(*self.trend_years))
        names = profile_layout.flag_meanings()
        for sym in sorted(symbols):
            parts.append("– ({0}) {1}".format(sym, names.get(sym, tr("no value"))))
        return " · ".join(parts)

    def _badge(self, row):
        badge = self.item.get("index_badge")
        if not isinstance(badge, QgsLayoutItemLabel) or not self.n_classes:
            return
        try:
            cls = int(float(row.get("class")))
        except (TypeError, ValueError):
            cls = None
        if cls is None:
            colour = QColor(224, 224, 224)
            text = tr("Social index\nno class (left out)")
        else:
            rgb = INDEX_COLOURS.get(cls) if self.n_classes == 4 else None
            colour = QColor(*rgb) if rgb else ramp_colours(self.n_classes)[max(min(cls, self.n_classes), 1) - 1]
            label = class_label_text(row.get("class_label") or "")
            text = tr("Social index class {0}").format(cls) + ("\n" + label if label else "")
        badge.setBackgroundEnabled(True)
        badge.setBackgroundColor(colour)
        dark = colour.red() * 0.299 + colour.green() * 0.587 + colour.blue() * 0.114 < 140
        compat.set_label_color(badge, QColor(255, 255, 255) if dark else QColor(26, 26, 26))
        badge.setText(text)


#: class labels the social index writes (English source text of tr()); see styles.berlin_labels
CLASS_LABEL_SOURCES = ("high", "medium", "low", "very low")
CLASS_RANGE_SOURCE = "class {0} of {1} ({2} to {3})"


@functools.lru_cache(maxsize=None)
def _shipped_translations(source):
    """*source* and its translations in every language the plugin ships (.qm files)."""
    import glob

    from qgis.PyQt.QtCore import QTranslator

    from ..translation import CONTEXT, PLUGIN_DIR

    texts = {source}
    for path in glob.glob(os.path.join(PLUGIN_DIR, "i18n", "*.qm")):
        translator = QTranslator()
        if translator.load(path):
            text = translator.translate(CONTEXT, source)
            if text:
                texts.add(text)
    return frozenset(texts)


def _translations(source):
    """*source*, its translations in the shipped languages and in the current one."""
    return set(_shipped_translations(source)) | {tr(source)}


def class_label_text(label):
    """A social-index class label in the user's language (one language per page).

    The index layer stores its labels in the language of the run that made it ("very low" from an English
    QGIS); a label the plugin writes, in any of its languages, is shown in the current language. A label of
    the user's own is shown as it is.
    """
    text = str(label).strip()
    if not text:
        return ""
    for source in CLASS_LABEL_SOURCES:
        if text.lower() in {t.lower() for t in _translations(source)}:
            return tr(source)
    for template in _translations(CLASS_RANGE_SOURCE):
        pattern = "^" + "(.+?)".join(re.escape(part) for part in re.split(r"\{\d\}", template)) + "$"
        match = re.match(pattern, text)
        if match:
            return tr(CLASS_RANGE_SOURCE).format(*match.groups())
    return text


def _draw_series(painter, width, height, px_per_mm, panels, district_label, number_format):
    charts.draw_timeseries(painter, width, height, px_per_mm, panels, font_family=layouts.font_family(),
                           district_label=district_label, city_label=tr("City"), number_format=number_format,
                           mean_label=tr("City: mean per district"))


def _draw_ages(painter, width, height, px_per_mm, rows, district_label, number_format):
    charts.draw_age_structure(painter, width, height, px_per_mm, rows, font_family=layouts.font_family(),
                              district_label=district_label, city_label=tr("City"), number_format=number_format)


def city_extent(extent, margin=0.04):
    """*extent* with a margin of *margin* of its larger side, in the layer's own units (degrees or metres)."""
    side = max(extent.width(), extent.height())
    if not side > 0:
        side = 1.0  # a single point: any small window around it
    pad = side * margin
    return QgsRectangle(extent.xMinimum() - pad, extent.yMinimum() - pad, extent.xMaximum() + pad,
                        extent.yMaximum() + pad)


def simplify_layer(layer, tolerance):
    """Douglas-Peucker simplification of every geometry of a memory *layer* in place (invalid results kept out)."""
    changes = {}
    for feat in layer.getFeatures():
        geom = feat.geometry()
        if geom is None or geom.isEmpty():
            continue
        simple = geom.simplify(tolerance)
        if simple is not None and not simple.isEmpty():
            changes[feat.id()] = simple
    if changes:
        layer.dataProvider().changeGeometryValues(changes)
        layer.updateExtents()


def rule_renderer(rules):
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, props in rules:
        rule = QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(props))
        if expression == "ELSE":
            rule.setIsElse(True)
        else:
            rule.setFilterExpression(expression)
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)
