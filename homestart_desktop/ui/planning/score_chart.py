"""A family's outcome scores over time: one small line per area, 0–5, intake to closing."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from homestart_desktop.data.models import OUTCOME_AREA_LABELS, OUTCOME_AREAS
from homestart_desktop.data.planning.overview import ScorePoint
from homestart_desktop.i18n import _, format_short_date

# Colour-blind-safe (Okabe–Ito), one per area.
AREA_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


@dataclasses.dataclass(frozen=True)
class ChartLayout:
    """Where the chart draws: the plot, each point's x (by its date), the legend's lines."""

    plot: QRectF
    xs: tuple[float, ...]
    legend: tuple[tuple[QRectF, str], ...]  # the box of each area's label, and the label
    font: QFont  # of the axes and the legend


class ScoreChart(QWidget):
    """Draws the score history; says so in words when there is nothing to draw yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreChart")
        self.setAccessibleName(_("Outcome scores over time"))
        # Small enough that the trajectories above keep most of a laptop's height.
        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._points: list[ScorePoint] = []

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(640, 200)

    def set_points(self, points: list[ScorePoint]) -> None:
        self._points = sorted(points, key=lambda p: p.on)
        self.update()

    def clear(self) -> None:
        self.set_points([])

    def chart_layout(self) -> ChartLayout:
        """The plot and legend for the current size and font; what paintEvent draws."""
        small = self._small_font()
        metrics = QFontMetricsF(small)
        labels = [_(OUTCOME_AREA_LABELS[area]) for area in OUTCOME_AREAS]
        # The legend is as wide as its longest label, but never more than 45% of the chart;
        # a label that still does not fit is elided, never cut.
        text_width = max(metrics.horizontalAdvance(label) for label in labels) + 4
        legend_width = min(text_width + 36, self.width() * 0.45)
        plot = QRectF(34, 12, self.width() - 34 - legend_width - 12, self.height() - 44)
        row_height = max(18.0, metrics.height() + 4)
        legend = tuple(
            (QRectF(plot.right() + 36, 8 + row * row_height, legend_width - 36, row_height), label)
            for row, label in enumerate(labels)
        )
        return ChartLayout(plot, self._xs(plot), legend, small)

    def _xs(self, plot: QRectF) -> tuple[float, ...]:
        # By date: a review after a year stands a year from the intake, not one step further.
        if not self._points:
            return ()
        first, last = self._points[0].on, self._points[-1].on
        span = (last - first).days
        if span == 0:
            return tuple(plot.center().x() for _ in self._points)
        inner = plot.adjusted(8, 0, -8, 0)
        return tuple(
            inner.left() + inner.width() * (p.on - first).days / span for p in self._points
        )

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1.5))
        return small

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if len(self._points) < 1:
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("No scores yet: they appear after the intake and each review."),
            )
            return
        layout = self.chart_layout()
        plot = layout.plot
        painter.setFont(layout.font)
        metrics = painter.fontMetrics()
        for score in range(6):
            y = plot.bottom() - plot.height() * score / 5
            painter.setPen(QPen(QColor("#e6e9ee"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(QRectF(0, y - 8, 28, 16), Qt.AlignmentFlag.AlignRight, str(score))
        drawn_until = float("-inf")
        for x, point in zip(layout.xs, self._points, strict=True):
            label = format_short_date(point.on)
            half = metrics.horizontalAdvance(label) / 2 + 3
            if x - half < drawn_until:
                continue  # two reviews close together: the first date speaks for both
            painter.drawText(
                QRectF(x - half, plot.bottom() + 6, 2 * half, 16),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
            drawn_until = x + half
        for area, colour in zip(OUTCOME_AREAS, AREA_COLOURS, strict=True):
            painter.setPen(QPen(QColor(colour), 2.2))
            previous: QPointF | None = None
            for x, point in zip(layout.xs, self._points, strict=True):
                value = point.scores.get(area)
                if value is None:
                    previous = None
                    continue
                here = QPointF(x, plot.bottom() - plot.height() * value / 5)
                if previous is not None:
                    painter.drawLine(previous, here)
                painter.setBrush(QColor(colour))
                painter.drawEllipse(here, 3, 3)
                previous = here
        for (box, label), colour in zip(layout.legend, AREA_COLOURS, strict=True):
            swatch = QRectF(box.left() - 18, box.center().y() - 2, 12, 4)
            painter.fillRect(swatch, QColor(colour))
            painter.setPen(QColor("#1f2933"))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(box.width()))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
