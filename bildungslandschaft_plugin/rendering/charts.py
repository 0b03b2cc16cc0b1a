"""Small line charts for district profiles, drawn with QPainter (no matplotlib).

:func:`render_timeseries_png` draws one panel per indicator – the district's
line against the city's – and :func:`render_age_structure` the age cohorts'
shares as grouped bars, into an SVG (vector, a few kB in the PDF) or a PNG
that a layout picture item shows.
QImage/QPainter work in a headless (offscreen) QGIS and in qgis_process.
"""

import math
import os

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from ..core.classify import decimals_for_step, nice_number

DISTRICT_COLOR = QColor(202, 82, 28)
CITY_COLOR = QColor(110, 110, 110)
GRID_COLOR = QColor(225, 225, 225)
TEXT_COLOR = QColor(40, 40, 40)
CITY_BAR_COLOR = QColor(175, 175, 175)


def nice_axis(lo, hi, ticks=4):
    """(start, stop, step) of a value axis with nice ticks that covers lo..hi."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return 0.0, 1.0, 0.25
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_number((hi - lo) / ticks, round_up=True)
    start = math.floor(lo / step) * step
    stop = math.ceil(hi / step) * step
    if lo >= 0 and start < 0:
        start = 0.0
    return start, stop, step


class _Canvas:
    """A QPainter on a PNG (QImage) or an SVG (QSvgGenerator, vector: small and sharp in a PDF)."""

    def __init__(self, path, width_mm, height_mm, dpi):
        self.path = path
        self.svg = path.lower().endswith(".svg")
        self.px_per_mm = dpi / 25.4
        self.width, self.height = int(width_mm * self.px_per_mm), int(height_mm * self.px_per_mm)
        if self.svg:
            from qgis.PyQt.QtCore import QSize
            from qgis.PyQt.QtSvg import QSvgGenerator

            self.device = QSvgGenerator()
            self.device.setFileName(path)
            self.device.setSize(QSize(self.width, self.height))
            self.device.setViewBox(QRectF(0, 0, self.width, self.height))
            self.device.setResolution(int(dpi))
        else:
            self.device = QImage(self.width, self.height, QImage.Format.Format_ARGB32)
            self.device.setDotsPerMeterX(int(dpi / 0.0254))
            self.device.setDotsPerMeterY(int(dpi / 0.0254))
            self.device.fill(Qt.GlobalColor.white)
        self.painter = QPainter(self.device)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.dpi = dpi

    def finish(self):
        self.painter.end()
        if not self.svg and not self.device.save(self.path, "PNG"):
            raise OSError("could not write {}".format(self.path))
        if self.svg and not os.path.isfile(self.path):
            raise OSError("could not write {}".format(self.path))
        return self.path


def render_timeseries_png(path, panels, width_mm, height_mm, dpi=250, font_family=None,
                          district_label="", city_label="", number_format=None):
    """Write a chart with one line chart per panel; PNG, or SVG (vector) when *path* ends in ``.svg``.

    *panels*: list of ``(title, years, district_values, city_values)``
    (sequences of equal length; NaN = no value). *number_format(value,
    decimals)* formats axis labels (default: plain). Returns *path*, or None
    when no panel has a value.
    """
    panels = [p for p in panels if any(_ok(v) for v in list(p[2]) + list(p[3]))]
    if not panels:
        return None
    canvas = _Canvas(path, width_mm, height_mm, dpi)
    draw_timeseries(canvas.painter, canvas.width, canvas.height, canvas.px_per_mm, panels, font_family,
                    district_label, city_label, number_format)
    return canvas.finish()


def _font_factory(font_family, px_per_mm):
    dpi = px_per_mm * 25.4

    def font(pt, bold=False):
        f = QFont(font_family) if font_family else QFont()
        f.setPixelSize(max(int(round(pt / 72.0 * dpi)), 1))
        f.setBold(bold)
        return f
    return font


def draw_timeseries(painter, width, height, px_per_mm, panels, font_family=None, district_label="",
                    city_label="", number_format=None, mean_label=""):
    """Draw the time-series panels with *painter* into (0, 0, width, height) (device pixels, *px_per_mm*).

    A panel is ``(title, years, district values, city values[, city is a mean per district])``; a city line
    that is a mean per district (counts: the city total would dwarf the district) is dotted and gets its own
    legend entry *mean_label*. Returns the year labels drawn, ``[(panel, year text, QRectF)]`` (empty list:
    nothing to draw).
    """
    panels = [p for p in panels if any(_ok(v) for v in list(p[2]) + list(p[3]))]
    if not panels:
        return []
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fmt = number_format or (lambda v, d: "{:.{d}f}".format(v, d=d))
    font = _font_factory(font_family, px_per_mm)

    legend_h = 6.0 * px_per_mm
    gap = 6.0 * px_per_mm
    n = len(panels)
    panel_w = (width - gap * (n - 1)) / n
    drawn = []
    means = [bool(p[4]) if len(p) > 4 else False for p in panels]
    for i, panel in enumerate(panels):
        title, years, dvals, cvals = panel[:4]
        x0 = i * (panel_w + gap)
        boxes = _panel(painter, QRectF(x0, 0, panel_w, height - legend_h), title, list(years), list(dvals),
                       list(cvals), font, px_per_mm, fmt, Qt.PenStyle.DotLine if means[i] else Qt.PenStyle.DashLine)
        drawn.extend((i, text, box) for text, box in boxes)
    entries = [(district_label, DISTRICT_COLOR, Qt.PenStyle.SolidLine)]
    if not all(means):
        entries.append((city_label, CITY_COLOR, Qt.PenStyle.DashLine))
    if any(means):
        entries.append((mean_label or city_label, CITY_COLOR, Qt.PenStyle.DotLine))
    _legend(painter, font, px_per_mm, width, height - legend_h / 2, legend_h, entries)
    painter.restore()
    return drawn


render_timeseries = render_timeseries_png


def _legend(painter, font, px_per_mm, width, y, legend_h, entries, boxes=False):
    painter.setFont(font(7))
    x = 2 * px_per_mm
    for label, color, dashed in entries:
        if boxes:
            painter.fillRect(QRectF(x, y - 1.3 * px_per_mm, 4 * px_per_mm, 2.6 * px_per_mm), color)
            text_x = x + 5.5 * px_per_mm
        else:
            pen = QPen(color, 0.6 * px_per_mm)
            if dashed:
                pen.setStyle(dashed if not isinstance(dashed, bool) else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + 7 * px_per_mm, y))
            text_x = x + 9 * px_per_mm
        painter.setPen(TEXT_COLOR)
        rect = QRectF(text_x, y - legend_h / 2, width / 2, legend_h)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        x = text_x + painter.fontMetrics().horizontalAdvance(label) + 8 * px_per_mm


def cohort_label(field):
    """``ew_0_2`` → ``0–2``, ``ew_65plus`` → ``65+``, ``ew_19_64`` → ``19–64``; other names unchanged."""
    import re

    m = re.search(r"(\d+)\D*(plus|\+|_?u(?:eber|ber)?)$", field, re.I)
    if m and not re.search(r"\d+\D+\d+\D*(plus|\+)$", field, re.I):
        return "{}+".format(m.group(1))
    m = re.search(r"(\d+)[_\-](\d+)$", field)
    if m:
        return "{}–{}".format(m.group(1), m.group(2))
    return field


def render_age_structure(path, rows, width_mm, height_mm, dpi=250, font_family=None, district_label="",
                         city_label="", number_format=None, missing_text=None):
    """Grouped bars: share of each age cohort in the district against the city.

    *rows*: ``(label, district share %, city share %)``; NaN district share is
    drawn as *missing_text* (default "–") instead of a bar. PNG, or SVG when
    *path* ends in ``.svg``. Returns *path*, or None when no row has a value.
    """
    if not rows or not any(_ok(r[1]) or _ok(r[2]) for r in rows):
        return None
    canvas = _Canvas(path, width_mm, height_mm, dpi)
    draw_age_structure(canvas.painter, canvas.width, canvas.height, canvas.px_per_mm, rows, font_family,
                       district_label, city_label, number_format, missing_text)
    return canvas.finish()


def draw_age_structure(painter, width, height, px_per_mm, rows, font_family=None, district_label="",
                       city_label="", number_format=None, missing_text=None):
    """Draw the age-structure bars with *painter* into (0, 0, width, height) (device pixels)."""
    if not rows or not any(_ok(r[1]) or _ok(r[2]) for r in rows):
        return False
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fmt = number_format or (lambda v, d: "{:.{d}f}".format(v, d=d))
    font = _font_factory(font_family, px_per_mm)
    legend_h = 6.0 * px_per_mm
    values = [float(v) for r in rows for v in r[1:3] if _ok(v)]
    lo, hi, step = nice_axis(0.0, max(values))
    decimals = decimals_for_step(step)
    painter.setFont(font(6.5))
    fm = painter.fontMetrics()
    ticks = []
    v = 0.0
    while v <= hi + step * 1e-6:
        ticks.append((v, fmt(v, decimals) + " %"))
        v += step
    axis_w = max(fm.horizontalAdvance(t) for _v, t in ticks) + 1.5 * px_per_mm
    top = 3.5 * px_per_mm
    plot = QRectF(axis_w, top, width - axis_w - 1 * px_per_mm, height - legend_h - top - fm.height() - 1.5 * px_per_mm)

    def py(value):
        return plot.bottom() - (value - 0.0) / (hi - 0.0) * plot.height()

    for value, text in ticks:
        painter.setPen(QPen(GRID_COLOR, 0.2 * px_per_mm))
        painter.drawLine(QPointF(plot.left(), py(value)), QPointF(plot.right(), py(value)))
        painter.setPen(TEXT_COLOR)
        painter.drawText(QRectF(0, py(value) - fm.height() / 2, axis_w - 1.2 * px_per_mm, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    slot = plot.width() / len(rows)
    bar = min(slot * 0.34, 7 * px_per_mm)
    small = font(6)
    for i, (label, mine, city) in enumerate(rows):
        cx = plot.left() + slot * (i + 0.5)
        for value, color, x in ((mine, DISTRICT_COLOR, cx - bar), (city, CITY_BAR_COLOR, cx)):
            if _ok(value):
                painter.fillRect(QRectF(x, py(float(value)), bar, plot.bottom() - py(float(value))), color)
        painter.setFont(small)
        painter.setPen(TEXT_COLOR)
        if _ok(mine):
            text = fmt(float(mine), 1)
            y = py(float(mine))
        else:
            text = missing_text or "–"
            y = plot.bottom()
        painter.drawText(QRectF(cx - bar - 3 * px_per_mm, y - painter.fontMetrics().height() - 0.3 * px_per_mm,
                                bar + 6 * px_per_mm, painter.fontMetrics().height()), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         text)
        painter.setFont(font(6.5))
        painter.drawText(QRectF(cx - slot / 2, plot.bottom() + 0.8 * px_per_mm, slot, fm.height()), Qt.AlignmentFlag.AlignCenter,
                         label)
    painter.setPen(QPen(QColor(150, 150, 150), 0.25 * px_per_mm))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    _legend(painter, font, px_per_mm, width, height - legend_h / 2, legend_h,
            ((district_label, DISTRICT_COLOR, False), (city_label, CITY_BAR_COLOR, False)), boxes=True)
    painter.restore()
    return True


def _ok(v):
    try:
        return v is not None and math.isfinite(float(v))
    except (TypeError, ValueError):
        return False


def year_label_step(centres, widths, gap):
    """The smallest step k (1, 2, 3, ...) such that labels at every k-th year, counted back from the last year,
    do not overlap: ``centre[j] + width[j] / 2 + gap <= centre[j + k] - width[j + k] / 2``.

    *centres* ascending (device pixels), *widths* the labels' widths. Deterministic: depends on the
    positions and widths only. The last (latest) year is always labelled.
    """
    n = len(centres)
    for k in range(1, max(n, 1) + 1):
        idx = list(range(n - 1, -1, -k))[::-1]
        if all(centres[a] + widths[a] / 2 + gap <= centres[b] - widths[b] / 2 for a, b in zip(idx, idx[1:])):
            return k
    return max(n, 1)


def _panel(painter, rect, title, years, dvals, cvals, font, px_per_mm, fmt, city_style=Qt.PenStyle.DashLine):
    painter.save()
    title_h = 5.0 * px_per_mm
    painter.setPen(TEXT_COLOR)
    painter.setFont(font(8, bold=True))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, int(rect.width())))
    values = [float(v) for v in dvals + cvals if _ok(v)]
    lo, hi, step = nice_axis(min(values), max(values))
    decimals = decimals_for_step(step)
    painter.setFont(font(6.5))
    fm = painter.fontMetrics()
    labels = []
    v = lo
    while v <= hi + step * 1e-6:
        labels.append((v, fmt(v, decimals)))
        v += step
    axis_w = max(fm.horizontalAdvance(t) for _v, t in labels) + 1.5 * px_per_mm
    plot = QRectF(rect.left() + axis_w, rect.top() + title_h + 1.5 * px_per_mm,
                  rect.width() - axis_w - 5 * px_per_mm,
                  rect.height() - title_h - 1.5 * px_per_mm - fm.height() - 2 * px_per_mm)
    years_f = [float(y) for y in years]
    x_lo, x_hi = (min(years_f), max(years_f)) if years_f else (0.0, 1.0)
    if x_hi == x_lo:
        x_lo, x_hi = x_lo - 0.5, x_hi + 0.5

    pad = 4.0 * px_per_mm  # keeps the first year clear of the lowest value label

    def px(year):
        return plot.left() + pad + (year - x_lo) / (x_hi - x_lo) * (plot.width() - pad)

    def py(value):
        return plot.bottom() - (value - lo) / (hi - lo) * plot.height()

    for value, text in labels:
        painter.setPen(QPen(GRID_COLOR, 0.2 * px_per_mm))
        painter.drawLine(QPointF(plot.left(), py(value)), QPointF(plot.right(), py(value)))
        painter.setPen(TEXT_COLOR)
        painter.drawText(QRectF(rect.left(), py(value) - fm.height() / 2, axis_w - 1.2 * px_per_mm, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    painter.setPen(QPen(QColor(150, 150, 150), 0.25 * px_per_mm))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    # year labels: a tick for every year, a label for every k-th year counted back from the latest, k the
    # smallest step at which no two labels touch (13-15 years in a third of the page need k = 2 or 3)
    texts = [str(int(y)) if float(y).is_integer() else str(y) for y in years_f]
    widths = [fm.boundingRect(t).width() + 2 for t in texts]
    centres = [px(y) for y in years_f]
    step = year_label_step(centres, widths, 1.0 * px_per_mm)
    labelled = set(range(len(texts) - 1, -1, -step))
    boxes = []
    for i, (text, w, cx) in enumerate(zip(texts, widths, centres)):
        painter.setPen(QPen(QColor(150, 150, 150), 0.2 * px_per_mm))
        painter.drawLine(QPointF(cx, plot.bottom()), QPointF(cx, plot.bottom() + 0.8 * px_per_mm))
        if i in labelled:
            painter.setPen(TEXT_COLOR)
            box = QRectF(cx - w / 2, plot.bottom() + 1, w, fm.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            boxes.append((text, box))
    for vals, color, dashed in ((cvals, CITY_COLOR, True), (dvals, DISTRICT_COLOR, False)):
        pen = QPen(color, 0.6 * px_per_mm)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setStyle(city_style)
        painter.setPen(pen)
        path = QPainterPath()
        started = False
        points = []
        for year, value in zip(years_f, vals):
            if not _ok(value):
                started = False
                continue
            pt = QPointF(px(year), py(float(value)))
            points.append(pt)
            if started:
                path.lineTo(pt)
            else:
                path.moveTo(pt)
                started = True
        painter.drawPath(path)
        painter.setBrush(color)
        painter.setPen(QPen(Qt.GlobalColor.white, 0.2 * px_per_mm))
        for pt in points:
            painter.drawEllipse(pt, 0.7 * px_per_mm, 0.7 * px_per_mm)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()
    return boxes
