"""Today: what needs the coordinator now, from the open case file.

Four figures (families waiting and for how long, active trajectories, this week's visits,
reviews due) and the lists behind them, by reference code only: the screen can stay open on a
desk. Refreshes itself when families, trajectories or visits change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.models import ReviewKind, VisitStatus
from homestart_desktop.data.people import PersonName
from homestart_desktop.data.planning.today import TodayContents, TodayOverview, today_contents
from homestart_desktop.domain import days
from homestart_desktop.i18n import (
    N_,
    NP_,
    _,
    format_day,
    format_days,
    format_number,
    format_short_date,
    ngettext,
)
from homestart_desktop.ui.common.people import who_column
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.today.morning_list import MorningList

VISIT_STATES = {
    VisitStatus.planned: N_("planned"),
    VisitStatus.done: NP_("visit", "done"),
    VisitStatus.cancelled_family: N_("cancelled by the family"),
    VisitStatus.cancelled_volunteer: N_("cancelled by the volunteer"),
    VisitStatus.not_happened: N_("did not happen"),
}
# Today's lists are sized on their first rows: a large branch has 600 visits in a week.
MEASURE_ROWS = 20
REVIEW_KINDS = {ReviewKind.interim: N_("interim review"), ReviewKind.closing: N_("closing review")}


class _Card(QFrame):
    """One figure with its caption and a line of context."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__(objectName="card")
        self.value = QLabel("–", objectName="cardValue")
        self.value.setAccessibleName(f"{name}_value")
        self.title = QLabel(title, objectName="cardTitle")
        self.detail = QLabel(objectName="hint")
        self.detail.setAccessibleName(f"{name}_detail")
        self.detail.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.value)
        column.addWidget(self.detail)
        column.addStretch(1)

    def show_figure(self, value: int | None, detail: str = "") -> None:
        self.value.setText("–" if value is None else format_number(value))
        self.detail.setText(detail)


class TodayScreen(QWidget):
    """The coordinator's morning view."""

    sig_loaded = Signal()
    """The figures of the open file and the morning list are on screen."""

    sig_open_elsewhere = Signal(str, object)
    """Open another section (key) at a record: a reminder was double-clicked."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_screen")
        self.ops = ops
        self.overview: TodayOverview | None = None
        self._reminders_shown = False
        self.names: dict[str, PersonName] = {}  # filled in place by each load
        self._build()
        ops.sig_changes.connect(self._changed)

    # ---- Public API

    def reload(self) -> None:
        """Compute today's figures and reminders on the worker."""
        self.overview = None
        self._reminders_shown = False
        # One worker job for names, figures and morning list: one transaction, one answer.
        self.ops.query(today_contents, today=self.ops.today(), success=self._show_all, owner=self)

    def is_loaded(self) -> bool:
        """The figures and the morning list of the open file are on screen."""
        return self.overview is not None and self._reminders_shown

    def clear(self) -> None:
        """Forget every figure and reference (on lock)."""
        self.overview = None
        self.date_label.setText("")
        for card in (self.waiting, self.active, self.visits, self.reviews):
            card.show_figure(None)
        for table in (self.waiting_table, self.visits_table, self.reviews_table):
            table.clear()
        self.morning.clear()
        self.names.clear()
        self.show_backup_problem("")

    def show_backup_problem(self, message: str) -> None:
        """Say, above the day's figures, that today's backup could not be made ('' hides it)."""
        self.backup_problem.setText(message)
        self.backup_problem.setVisible(bool(message))

    # ---- Building

    def _build(self) -> None:
        title = QLabel(_("Today"), objectName="pageTitle")
        self.date_label = QLabel(objectName="hint")
        self.date_label.setAccessibleName("today_date")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBottom)
        heading.addStretch(1)
        self.backup_problem = QLabel(objectName="formError")
        self.backup_problem.setAccessibleName("backup_problem")
        self.backup_problem.setWordWrap(True)
        self.backup_problem.hide()

        self.waiting = _Card("waiting", _("Families on the waiting list"))
        self.active = _Card("active", _("Active trajectories"))
        self.visits = _Card("visits", _("Home visits this week"))
        self.reviews = _Card("reviews", _("Reviews due"))
        cards = QHBoxLayout()
        cards.setSpacing(14)
        for card in (self.waiting, self.active, self.visits, self.reviews):
            cards.addWidget(card, 1)

        self.waiting_table = RecordTable(
            [
                who_column(N_("Family"), lambda w: w.reference, self.names),
                # On a narrow laptop the date steps aside; the days waiting stay whole.
                Column(
                    N_("Waiting since"),
                    lambda w: w.waiting_since,
                    format_short_date,
                    optional=True,
                ),
                Column(N_("Waiting"), lambda w: w.days, format_days, align_right=True, whole=True),
            ],
            empty_text=_(
                "Nobody is waiting. Families whose intake is done and who wait for a "
                "volunteer appear here, longest waiting first."
            ),
            object_name="today_waiting",
            searchable=False,
            sort_column=None,
            measure_rows=MEASURE_ROWS,
        )
        self.reviews_table = RecordTable(
            [
                Column(N_("Planned on"), lambda r: r.planned_on, self._review_date),
                who_column(N_("Family"), lambda r: r.family_reference, self.names),
                # On a narrow laptop the volunteer steps aside: the family and the kind of
                # review stay whole (a review is planned with the family).
                who_column(
                    N_("Volunteer"), lambda r: r.volunteer_reference, self.names, optional=True
                ),
                Column(N_("Review"), lambda r: r.kind, lambda k: _(REVIEW_KINDS[k]), whole=True),
            ],
            empty_text=_(
                "No reviews due in the next two weeks. Interim and closing reviews of running "
                "trajectories appear here when they come near."
            ),
            object_name="today_reviews",
            searchable=False,
            sort_column=None,
            measure_rows=MEASURE_ROWS,
        )
        self.visits_table = RecordTable(
            [
                Column(N_("Day"), lambda v: v.on, format_day),
                Column(N_("Part of day"), lambda v: v.half_day, days.half_day_name),
                who_column(N_("Family"), lambda v: v.family_reference, self.names),
                who_column(N_("Volunteer"), lambda v: v.volunteer_reference, self.names),
                Column(N_("Status"), lambda v: v.status, lambda s: _(VISIT_STATES[s]), whole=True),
            ],
            empty_text=_(
                "No home visits this week. The weekly visits of active trajectories appear here "
                "once they are planned."
            ),
            object_name="today_visits",
            searchable=False,
            sort_column=None,
            measure_rows=MEASURE_ROWS,
        )

        self.morning = MorningList(self, names=self.names)
        self.morning.setMinimumHeight(170)
        self.morning.sig_open.connect(self.sig_open_elsewhere)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        lists = (
            (_("Longest on the waiting list"), self.waiting_table, 0, 0),
            (_("Reviews to plan or hold"), self.reviews_table, 0, 1),
            (_("Home visits this week"), self.visits_table, 2, 0),
        )
        for heading_text, table, row, column in lists:
            grid.addWidget(QLabel(heading_text, objectName="sectionTitle"), row, column)
            span = 2 if table is self.visits_table else 1
            grid.addWidget(table, row + 1, column, 1, span)
            table.setMinimumHeight(190)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(16)
        column.addLayout(heading)
        column.addWidget(self.backup_problem)
        column.addLayout(cards)
        column.addWidget(self.morning)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        column.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ---- Internals

    def _review_date(self, planned: dt.date) -> str:
        text = format_short_date(planned)
        if self.overview is not None and planned < self.overview.today:
            return _("{date} (overdue)").format(date=text)
        return text

    def _show_all(self, contents: TodayContents) -> None:
        self._set_names(contents.names)  # first: the lists show them
        self._show(contents.overview)
        self._show_reminders(contents.reminders)

    def _show(self, overview: TodayOverview) -> None:
        self.overview = overview
        self.date_label.setText(format_day(overview.today))
        waiting_detail = ""
        if overview.families_waiting:
            waiting_detail = _("longest {longest}, half of them over {median}").format(
                longest=format_days(overview.longest_waiting_days),
                median=format_days(round(overview.median_waiting_days or 0)),
            )
        self.waiting.show_figure(overview.families_waiting, waiting_detail)
        self.active.show_figure(
            overview.active_trajectories,
            ngettext(
                "and {count} paused", "and {count} paused", overview.paused_trajectories
            ).format(count=overview.paused_trajectories)
            if overview.paused_trajectories
            else "",
        )
        self.visits.show_figure(
            overview.visits_this_week,
            ""
            if not overview.visits_still_planned
            else ngettext(
                "{count} still to log", "{count} still to log", overview.visits_still_planned
            ).format(count=overview.visits_still_planned),
        )
        self.reviews.show_figure(
            overview.reviews_due,
            ngettext("{count} overdue", "{count} overdue", overview.reviews_overdue).format(
                count=overview.reviews_overdue
            )
            if overview.reviews_overdue
            else (_("none overdue") if overview.reviews_due else ""),
        )
        self.waiting_table.set_records(overview.longest_waiting)
        self.reviews_table.set_records(overview.reviews)
        self.visits_table.set_records(overview.visits)
        if self._reminders_shown:
            self.sig_loaded.emit()

    def _set_names(self, names: dict[str, PersonName]) -> None:
        self.names.clear()
        self.names.update(names)

    def _show_reminders(self, reminders: list) -> None:
        self.morning.set_reminders(reminders)
        self._reminders_shown = True
        if self.overview is not None:
            self.sig_loaded.emit()

    def _changed(self, changes: Any) -> None:
        if self.overview is not None and (
            changes.families
            or changes.trajectories
            or changes.visits
            or changes.volunteers
            or changes.intervision
        ):
            self.reload()
