"""The week grid (days × half-days, each visit a coloured line) and the month grid (visits a day)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from homestart_desktop.data.models import HalfDay, VisitStatus
from homestart_desktop.data.planning.overview import DayCount
from homestart_desktop.data.planning.visits import VisitRow
from homestart_desktop.domain import planning
from homestart_desktop.i18n import N_, _, current_language, format_date, ngettext
from homestart_desktop.ui.common.people import Names, who_lines, who_tip

HALF_DAYS = (HalfDay.morning, HalfDay.afternoon, HalfDay.evening)
HALF_DAY_LABELS = (N_("Morning"), N_("Afternoon"), N_("Evening"))
STATUS_MARKS = {
    VisitStatus.planned: "",
    VisitStatus.done: " ✓",
    VisitStatus.cancelled_family: " ✗",
    VisitStatus.cancelled_volunteer: " ✗",
    VisitStatus.not_happened: " –",
}
PALETTE = ("#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#e0e7ff", "#ccfbf1", "#fee2e2", "#ede9fe")


def colour_for(visit: VisitRow) -> QColor:
    """The trajectory's own colour softened (dark text stays readable), or a soft palette's."""
    if not visit.colour:
        return QColor(PALETTE[visit.trajectory_id % len(PALETTE)])
    own = QColor(visit.colour)
    return QColor(
        (own.red() + 2 * 255) // 3, (own.green() + 2 * 255) // 3, (own.blue() + 2 * 255) // 3
    )


class WeekGrid(QTableWidget):
    """Seven days across, three half-days down; double-click a visit to log it."""

    sig_visit_activated = Signal(object)
    """A visit was opened (double-click or Enter): its VisitRow."""

    def __init__(
        self, parent: QWidget | None = None, *, today: dt.date, names: Names | None = None
    ) -> None:
        super().__init__(3, 7, parent)
        self.names: Names = names if names is not None else {}
        self.setObjectName("weekGrid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lists: dict[tuple[int, int], QListWidget] = {}
        for row in range(3):
            for column in range(7):
                cell = QListWidget(self)
                cell.setObjectName(f"weekCell_{row}_{column}")
                cell.setFrameShape(QListWidget.Shape.NoFrame)
                cell.setSpacing(2)
                # Code, then first name, on lines of their own: a laptop's day column is narrow.
                cell.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                cell.itemActivated.connect(
                    lambda item: self.sig_visit_activated.emit(item.data(Qt.ItemDataRole.UserRole))
                )
                self.setCellWidget(row, column, cell)
                self.lists[row, column] = cell
        self.monday = planning.week_of(today)[0]
        self.retranslate()

    def retranslate(self) -> None:
        self.setVerticalHeaderLabels([_(label) for label in HALF_DAY_LABELS])
        self.setHorizontalHeaderLabels(
            [format_date(self.monday + dt.timedelta(days=d), format="EEE d/M") for d in range(7)]
        )

    def show_week(self, monday: dt.date, visits: list[VisitRow]) -> None:
        self.monday = monday
        self.retranslate()
        for cell in self.lists.values():
            cell.clear()
        for visit in visits:
            column = (visit.on - monday).days
            if not 0 <= column < 7:
                continue
            family = who_lines(visit.family_reference, self.names, mark=STATUS_MARKS[visit.status])
            volunteer = who_lines(visit.volunteer_reference, self.names)
            item = QListWidgetItem(f"{family}\n{volunteer}")
            item.setData(Qt.ItemDataRole.UserRole, visit)
            item.setBackground(QBrush(colour_for(visit)))
            full_names = (
                who_tip(visit.family_reference, self.names),
                who_tip(visit.volunteer_reference, self.names),
                _("Double-click to log this visit"),
            )
            item.setToolTip("\n".join(line for line in full_names if line))
            self.lists[HALF_DAYS.index(visit.half_day), column].addItem(item)

    def visits_shown(self) -> list[VisitRow]:
        return [
            cell.item(i).data(Qt.ItemDataRole.UserRole)
            for cell in self.lists.values()
            for i in range(cell.count())
        ]

    def clear_all(self) -> None:
        for cell in self.lists.values():
            cell.clear()


class MonthGrid(QTableWidget):
    """A month of six weeks; each day says how many visits, and how many were done."""

    sig_day_activated = Signal(object)
    """A day was opened: its date (the planning then shows that week)."""

    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(6, 7, parent)
        self.setObjectName("monthGrid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.cellActivated.connect(self._activated)
        self.cellDoubleClicked.connect(self._activated)
        self.first_shown = today

    def show_month(self, first_of_month: dt.date, days: list[DayCount]) -> None:
        monday = planning.week_of(first_of_month)[0]
        self.first_shown = monday
        self.setHorizontalHeaderLabels(
            [format_date(monday + dt.timedelta(days=d), format="EEE") for d in range(7)]
        )
        per_day = {day.on: day for day in days}
        for index in range(42):
            day = monday + dt.timedelta(days=index)
            counted = per_day.get(day)
            lines = [str(day.day)]
            if counted is not None and counted.visits:
                lines.append(
                    ngettext("{count} visit", "{count} visits", counted.visits).format(
                        count=counted.visits
                    )
                )
                if counted.done:
                    lines.append(_("{count} done").format(count=counted.done))
            holiday = planning.public_holiday_name(day, current_language())
            if holiday:
                lines.append(holiday)
            item = QTableWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, day)
            item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            if day.month != first_of_month.month:
                item.setForeground(QBrush(QColor("#9aa5b1")))
            if holiday:
                item.setBackground(QBrush(QColor("#fff4e5")))
            self.setItem(index // 7, index % 7, item)

    def clear_all(self) -> None:
        self.clearContents()

    def _activated(self, row: int, column: int) -> None:
        item = self.item(row, column)
        if item is not None:
            self.sig_day_activated.emit(item.data(Qt.ItemDataRole.UserRole))
