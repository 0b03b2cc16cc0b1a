"""Small line charts for district profiles, drawn with QPainter (no matplotlib).

:func:`render_timeseries_png` draws one panel per indicator – the district's
line against the city's – into a PNG that a layout picture item shows.
QImage/QPainter work in a headless (offscreen) QGIS and in qgis_process.
"""

import math

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from .core.classify import decimals_for_step, nice_number

DISTRICT_COLOR = QColor(202, 82, 28)
CITY_COLOR = QColor(110, 110, 110)
GRID_COLOR = QColor(225, 225, 225)
TEXT_COLOR = QColor(40, 40, 40)


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


def render_timeseries_png(path, panels, width_mm, height_mm, dpi=250, font_family=None,
                          district_label="", city_label="", number_format=None):
    """Write a PNG with one line chart per panel.

    *panels*: list of ``(title, years, district_values, city_values)``
    (sequences of equal length; NaN = no value). *number_format(value,
    decimals)* formats axis labels (default: plain). Returns *path*, or None
    when no panel has a value.
    """
    panels = [p for p in panels if any(_ok(v) for v in list(p[2]) + list(p[3]))]
    if not panels:
        return None
    px_per_mm = dpi / 25.4
    width, height = int(width_mm * px_per_mm), int(height_mm * px_per_mm)
    image = QImage(width, height, QImage.Format_ARGB32)
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.TextAntialiasing)
    fmt = number_format or (lambda v, d: "{:.{d}f}".format(v, d=d))

    def font(pt, bold=False):
        f = QFont(font_family) if font_family else QFont()
        f.setPixelSize(max(int(pt / 72.0 * dpi), 1))
        f.setBold(bold)
        return f

    legend_h = 6.0 * px_per_mm
    gap = 6.0 * px_per_mm
    n = len(panels)
    panel_w = (width - gap * (n - 1)) / n
    for i, (title, years, dvals, cvals) in enumerate(panels):
        x0 = i * (panel_w + gap)
        _panel(painter, QRectF(x0, 0, panel_w, height - legend_h), title, list(years), list(dvals),
               list(cvals), font, px_per_mm, fmt)
    # legend
    painter.setFont(font(7))
    y = height - legend_h / 2
    x = 2 * px_per_mm
    for label, color, dashed in ((district_label, DISTRICT_COLOR, False), (city_label, CITY_COLOR, True)):
        pen = QPen(color, 0.6 * px_per_mm)
        if dashed:
            pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, y), QPointF(x + 7 * px_per_mm, y))
        painter.setPen(TEXT_COLOR)
        rect = QRectF(x + 9 * px_per_mm, y - legend_h / 2, width / 2, legend_h)
        painter.drawText(rect, Qt.AlignVCenter | Qt.AlignLeft, label)
        x += 9 * px_per_mm + painter.fontMetrics().horizontalAdvance(label) + 8 * px_per_mm
    painter.end()
    if not image.save(path, "PNG"):
        raise OSError("could not write {}".format(path))
    return path


def _ok(v):
    try:
        return v is not None and math.isfinite(float(v))
    except (TypeError, ValueError):
        return False


def _panel(painter, rect, title, years, dvals, cvals, font, px_per_mm, fmt):
    painter.save()
    title_h = 5.0 * px_per_mm
    painter.setPen(TEXT_COLOR)
    painter.setFont(font(8, bold=True))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), Qt.AlignLeft | Qt.AlignVCenter,
                     painter.fontMetrics().elidedText(title, Qt.ElideRight, int(rect.width())))
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
                         Qt.AlignRight | Qt.AlignVCenter, text)
    painter.setPen(QPen(QColor(150, 150, 150), 0.25 * px_per_mm))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    painter.setPen(TEXT_COLOR)
    for year in years_f:
        text = str(int(year)) if float(year).is_integer() else str(year)
        w = fm.horizontalAdvance(text)
        painter.drawText(QRectF(px(year) - w / 2 - 2, plot.bottom() + 1, w + 4, fm.height()), Qt.AlignCenter, text)
    for vals, color, dashed in ((cvals, CITY_COLOR, True), (dvals, DISTRICT_COLOR, False)):
        pen = QPen(color, 0.6 * px_per_mm)
        pen.setCapStyle(Qt.RoundCap)
        pen.setJoinStyle(Qt.RoundJoin)
        if dashed:
            pen.setStyle(Qt.DashLine)
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
        painter.setPen(QPen(Qt.white, 0.2 * px_per_mm))
        for pt in points:
            painter.drawEllipse(pt, 0.7 * px_per_mm, 0.7 * px_per_mm)
        painter.setBrush(Qt.NoBrush)
    painter.restore()
