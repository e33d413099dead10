"""Lists of the Intervision section: sessions, attendance per volunteer per year, follow-ups."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget
from sqlmodel import Session

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.intervision.attendance import (
    AttendanceRow,
    MissedRow,
    attendance_overview,
    missed_recent_sessions,
)
from homestart_desktop.i18n import N_, _, format_date, format_number, ngettext, pgettext
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

MISSED_IN_A_ROW = 2


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{format_number(round(value * 100))} %"


def sessions_table(parent: QWidget) -> RecordTable:
    """Every session, newest first."""
    table = RecordTable(
        [
            Column(N_("Date"), lambda s: s.on, format_date),
            Column(N_("Theme"), lambda s: s.theme),
            Column(N_("Facilitator"), lambda s: s.facilitator),
            Column(N_("Present"), lambda s: s.present, align_right=True),
            Column(N_("Absent with notice"), lambda s: s.absent_notified, align_right=True),
            Column(N_("Absent"), lambda s: s.absent, align_right=True),
            Column(N_("Open follow-ups"), lambda s: s.open_follow_ups, align_right=True),
        ],
        parent,
        placeholder=_("Search theme, facilitator…"),
        empty_text=_(
            "No intervision sessions yet. Record the first one with “New session…”: who came, "
            "what was agreed and what needs following up."
        ),
        object_name="intervision_sessions",
    )
    table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    return table


@dataclasses.dataclass(frozen=True)
class AttendanceData:
    year: int
    rows: list[AttendanceRow]
    missed: list[MissedRow]


def load_attendance(*, session: Session, year: int, today: dt.date) -> AttendanceData:
    """The year's attendance per volunteer and who missed the last sessions."""
    return AttendanceData(
        year,
        attendance_overview(session=session, year=year, today=today),
        missed_recent_sessions(session=session, at_least=MISSED_IN_A_ROW, today=today),
    )


class AttendancePanel(QWidget):
    """Attendance per volunteer for one year, and who missed the last sessions."""

    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(parent)
        self.year = QSpinBox(self, objectName="attendanceYear", minimum=2000, maximum=2100)
        self.year.setValue(today.year)
        self.year.setAccessibleName(_("Year"))
        self.table = RecordTable(
            [
                Column(N_("Volunteer"), lambda r: f"{r.first_name} ({r.reference})"),
                Column(N_("Sessions held"), lambda r: r.held, align_right=True),
                Column(N_("Present"), lambda r: r.present, align_right=True),
                Column(N_("Absent with notice"), lambda r: r.absent_notified, align_right=True),
                Column(N_("Absent"), lambda r: r.absent, align_right=True),
                Column(N_("Attendance"), lambda r: r.rate, _percent, align_right=True),
            ],
            self,
            placeholder=_("Search volunteer…"),
            empty_text=_("No volunteers expected at intervision in this year."),
            object_name="intervision_attendance",
        )
        self.missed = QLabel(self, objectName="missedSessions")
        self.missed.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Year"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.missed)
        layout.addWidget(self.table, 1)

    def show_data(self, data: AttendanceData) -> None:
        """Show a year's attendance and the volunteers who missed the last sessions."""
        self.table.set_records(data.rows)
        if data.missed:
            names = ", ".join(
                _("{name} ({count} in a row)").format(
                    name=f"{m.first_name} ({m.reference})", count=m.missed_in_a_row
                )
                for m in data.missed
            )
            self.missed.setText(
                ngettext(
                    "Missed the last {count} session or more: {names}",
                    "Missed the last {count} sessions or more: {names}",
                    MISSED_IN_A_ROW,
                ).format(count=MISSED_IN_A_ROW, names=names)
            )
        else:
            self.missed.setText(_("Nobody missed the last sessions."))

    def clear(self) -> None:
        self.table.clear()
        self.missed.clear()


class FollowUpsPanel(QWidget):
    """Open follow-up actions of every session, the soonest due first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RecordTable(
            [
                Column(N_("By when"), lambda f: f.due_on, format_date),
                Column(N_("What"), lambda f: f.description),
                Column(N_("Who"), lambda f: f.who),
                Column(N_("State"), lambda f: f.state, lambda s: _(iv.FOLLOW_UP_STATE_LABELS[s])),
            ],
            self,
            placeholder=_("Search follow-up actions…"),
            empty_text=_("No open follow-up actions. Agreements with a deadline show up here."),
            object_name="intervision_follow_ups",
        )
        self.done_button = QPushButton(
            pgettext("follow-up action", "Mark as done"), self, objectName="followUpDone"
        )
        self.open_button = QPushButton(_("Open session"), self, objectName="followUpOpenSession")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
