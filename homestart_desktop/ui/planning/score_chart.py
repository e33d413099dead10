"""A family's outcome scores over time: one small line per area, 0–5, intake to closing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from homestart_desktop.data.models import OUTCOME_AREA_LABELS, OUTCOME_AREAS
from homestart_desktop.data.planning.overview import ScorePoint
from homestart_desktop.i18n import _, format_short_date

# Colour-blind-safe (Okabe–Ito), one per area.
AREA_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


class ScoreChart(QWidget):
    """Draws the score history; says so in words when there is nothing to draw yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreChart")
        self.setAccessibleName(_("Outcome scores over time"))
        self.setMinimumSize(420, 230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._points: list[ScorePoint] = []

    def set_points(self, points: list[ScorePoint]) -> None:
        self._points = list(points)
        self.update()

    def clear(self) -> None:
        self.set_points([])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if len(self._points) < 1:
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                _("No scores yet: they appear after the intake and each review."),
            )
            return
        legend_width = 190
        plot = QRectF(34, 12, self.width() - 34 - legend_width - 12, self.height() - 44)
        painter.setPen(QPen(QColor("#d9dde3"), 1))
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1.5))
        painter.setFont(small)
        for score in range(6):
            y = plot.bottom() - plot.height() * score / 5
            painter.setPen(QPen(QColor("#e6e9ee"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(QRectF(0, y - 8, 28, 16), Qt.AlignmentFlag.AlignRight, str(score))
        count = len(self._points)

        def x_of(index: int) -> float:
            return (
                plot.center().x()
                if count == 1
                else plot.left() + plot.width() * index / (count - 1)
            )

        for index, point in enumerate(self._points):
            painter.drawText(
                QRectF(x_of(index) - 45, plot.bottom() + 6, 90, 16),
                Qt.AlignmentFlag.AlignHCenter,
                format_short_date(point.on),
            )
        for area, colour in zip(OUTCOME_AREAS, AREA_COLOURS, strict=True):
            painter.setPen(QPen(QColor(colour), 2.2))
            previous: QPointF | None = None
            for index, point in enumerate(self._points):
                value = point.scores.get(area)
                if value is None:
                    previous = None
                    continue
                here = QPointF(x_of(index), plot.bottom() - plot.height() * value / 5)
                if previous is not None:
                    painter.drawLine(previous, here)
                painter.setBrush(QColor(colour))
                painter.drawEllipse(here, 3, 3)
                previous = here
        for row, (area, colour) in enumerate(zip(OUTCOME_AREAS, AREA_COLOURS, strict=True)):
            y = 16 + row * 20
            painter.fillRect(QRectF(plot.right() + 18, y + 3, 12, 4), QColor(colour))
            painter.setPen(QColor("#1f2933"))
            painter.drawText(
                QRectF(plot.right() + 36, y - 4, legend_width - 24, 18),
                Qt.AlignmentFlag.AlignLeft,
                _(OUTCOME_AREA_LABELS[area]),
            )
