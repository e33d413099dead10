"""Small charts for the Figures screen, painted with QPainter (PySide6-Essentials has no QtCharts).

A withheld value ("<5" or "x") is drawn as an empty, dashed bar with its marker, never as a
number: the chart shows exactly what the table shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from homestart_desktop.i18n import format_number

ACCENT = QColor("#2f6f8f")
MUTED = QColor("#8a96a3")
Item = tuple[str, object]  # (label, an int/float, "<5", "x" or None)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _marker(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return format_number(value)  # type: ignore[arg-type]


class BarChart(QWidget):
    """Horizontal bars, one per item, with the value at the end of each bar."""

    def __init__(self, title: str, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(title)
        self.title = title
        self.items: list[Item] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_items(self, items: Sequence[Item]) -> None:
        self.items = list(items)
        self.setMinimumHeight(self.sizeHint().height())  # in a scroll area: never squeezed
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        line = QFontMetrics(self.font()).height() + 6
        return QSize(360, 28 + line * max(1, len(self.items)))

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 6
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(0, metrics.ascent() + 2, self.title)
        painter.setFont(self.font())
        label_width = min(
            self.width() // 2,
            max((metrics.horizontalAdvance(i[0]) for i in self.items), default=0) + 12,
        )
        numbers = [n for _, v in self.items if (n := _number(v)) is not None]
        top = max(numbers, default=0.0) or 1.0
        room = max(10, self.width() - label_width - 60)
        y = 24
        for label, value in self.items:
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 8, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
            number = _number(value)
            bar = QRectF(label_width, y + 3, room * (number / top if number else 0), line - 6)
            if number is None and isinstance(value, str):
                bar.setWidth(room * 0.08)
                painter.setPen(QPen(MUTED, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar)
            elif number:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ACCENT)
                painter.drawRect(bar)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(bar.right() + 6, y, 60, line), Qt.AlignmentFlag.AlignVCenter, _marker(value)
            )
            y += line
        painter.end()


class ColumnChart(QWidget):
    """Vertical columns over time (e.g. the waiting list at the end of each quarter)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(title)
        self.title = title
        self.items: list[Item] = []
        self.setMinimumHeight(170)

    def set_items(self, items: Sequence[Item]) -> None:
        self.items = list(items)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 190)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(0, metrics.ascent() + 2, self.title)
        painter.setFont(self.font())
        if not self.items:
            painter.end()
            return
        numbers = [n for _, v in self.items if (n := _number(v)) is not None]
        top = max(numbers, default=0.0) or 1.0
        area = QRectF(
            4, 24 + metrics.height(), self.width() - 8, self.height() - 30 - 3 * metrics.height()
        )
        step = area.width() / len(self.items)
        for index, (label, value) in enumerate(self.items):
            x = area.left() + index * step
            number = _number(value)
            height = area.height() * (number / top) if number else area.height() * 0.06
            column = QRectF(x + step * 0.2, area.bottom() - height, step * 0.6, height)
            if number is None:
                painter.setPen(QPen(MUTED, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ACCENT if index == len(self.items) - 1 else ACCENT.lighter(150))
            painter.drawRect(column)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(x, column.top() - metrics.height() - 2, step, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                _marker(value),
            )
            painter.drawText(
                QRectF(x, area.bottom() + 4, step, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                label.replace("-", " "),
            )
        painter.end()
