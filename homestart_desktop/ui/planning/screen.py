"""Planning: the week and month calendars of visits, the list, and the running trajectories."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.people import PersonName, names_by_reference
from homestart_desktop.data.planning import overview, visits
from homestart_desktop.domain import planning
from homestart_desktop.i18n import _, format_date, pgettext
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.people import who, who_tip
from homestart_desktop.ui.planning.calendar import MonthGrid, WeekGrid
from homestart_desktop.ui.planning.lists import TrajectoriesPanel, visit_table
from homestart_desktop.ui.planning.periods_dialog import PeriodsDialog
from homestart_desktop.ui.planning.visit_dialogs import LogVisitDialog

WEEKS_PLANNED_AHEAD = 8
STANDARD_VISIT_MINUTES = 180  # one half-day


class PlanningScreen(QWidget):
    """Week | Month | List | Trajectories, one period at a time, optionally one volunteer."""

    sig_loaded = Signal()
    """The period's visits are on screen (for tests and benchmarks)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningScreen")
        self.ops = ops
        self.today = ops.today()
        self.anchor = self.today
        self._volunteers: dict[int, str] = {}
        self.names: dict[str, PersonName] = {}  # filled in place by each load

        self.title = QLabel(self, objectName="pageTitle")
        self.period = QLabel(self, objectName="sectionTitle")
        self.previous = QPushButton("◀", self, objectName="previousPeriod")
        self.today_button = QPushButton(self, objectName="thisWeek")
        self.next = QPushButton("▶", self, objectName="nextPeriod")
        for arrow in (self.previous, self.next):
            arrow.setFixedWidth(36)
        self.volunteer = QComboBox(self, objectName="volunteerFilter")
        self.volunteer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.volunteer.setMinimumWidth(150)
        self.log_button = QPushButton(self, objectName="logVisit")
        self.periods = QPushButton(self, objectName="periodsButton")
        self.week_done = QPushButton(self, objectName="weekDone")
        self.week_done.setProperty("primary", True)
        # Two rows, so nothing is clipped on a laptop screen: where you are, then what you do.
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        for widget in (self.previous, self.today_button, self.next, self.period):
            top.addWidget(widget)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.volunteer)
        actions.addStretch(1)
        for widget in (self.periods, self.log_button, self.week_done):
            actions.addWidget(widget)

        self.tabs = QTabWidget(self, objectName="planningTabs")
        self.week = WeekGrid(self, today=self.today, names=self.names)
        self.month = MonthGrid(self, today=self.today)
        self.list = visit_table(self, self.names)
        self.trajectories = TrajectoriesPanel(ops, self, names=self.names)
        for widget in (self.week, self.month, self.list, self.trajectories):
            self.tabs.addTab(widget, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

        self.previous.clicked.connect(partial(self._step, -1))
        self.next.clicked.connect(partial(self._step, 1))
        self.today_button.clicked.connect(self._go_today)
        self.volunteer.currentIndexChanged.connect(lambda _i: self.reload())
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.week.sig_visit_activated.connect(self.log_visit)
        self.list.sig_activated.connect(self.log_visit)
        self.month.sig_day_activated.connect(self._open_week)
        self.log_button.clicked.connect(self._log_selected)
        self.week_done.clicked.connect(self.mark_week_done)
        self.periods.clicked.connect(lambda: PeriodsDialog(self.ops, self).exec())
        QShortcut(QKeySequence("Alt+Left"), self, activated=partial(self._step, -1))
        QShortcut(QKeySequence("Alt+Right"), self, activated=partial(self._step, 1))
        ops.sig_changes.connect(self._changed)
        self.retranslate()

    # ---- Public API (the shell's contract)

    def reload(self) -> None:
        """Plan the coming weeks (adds only what is missing), then load the shown period."""
        day_before, self.today = self.today, self.ops.today()
        if self.anchor == day_before:
            self.anchor = self.today  # left open overnight on "today": follow the new day
        self.ops.write(
            visits.plan_visits,
            until=self.today + dt.timedelta(weeks=WEEKS_PLANNED_AHEAD),
            today=self.today,
            success=lambda _c: self._load(),
            owner=self,
        )

    def clear(self) -> None:
        """Forget every reference on screen (the case file locks)."""
        self.week.clear_all()
        self.month.clear_all()
        self.list.clear()
        self.trajectories.clear()
        self.volunteer.blockSignals(True)
        self.volunteer.clear()
        self.volunteer.blockSignals(False)
        self._volunteers = {}
        self.names.clear()

    def open_record(self, target: object) -> None:
        """Show the trajectory a reminder is about, in the Trajectories tab."""
        self.trajectories.select_on_load = getattr(target, "trajectory_id", None)
        if self.tabs.currentWidget() is self.trajectories:
            self._load()
        else:
            self.tabs.setCurrentWidget(self.trajectories)

    def retranslate(self) -> None:
        self.title.setText(_("Planning"))
        self.today_button.setText(_("Today"))
        self.previous.setToolTip(_("Previous (Alt+Left)"))
        self.next.setToolTip(_("Next (Alt+Right)"))
        self.log_button.setText(_("Log visit…"))
        self.periods.setText(_("Periods without visits…"))
        self.week_done.setText(_("Week done"))
        self.week_done.setToolTip(_("Mark every planned visit of this volunteer this week as done"))
        for index, label in enumerate((_("Week"), _("Month"), _("List"), _("Trajectories"))):
            self.tabs.setTabText(index, label)
        self.week.retranslate()
        self.trajectories.retranslate()
        self._update_period_label()

    # ---- Actions

    def log_visit(self, visit: visits.VisitRow | None) -> None:
        if visit is not None:
            LogVisitDialog(self.ops, visit, self, today=self.today).exec()

    def mark_week_done(self) -> None:
        volunteer_id = self.volunteer.currentData()
        if volunteer_id is None:
            prompts.inform(self, _("Week done"), _("First choose a volunteer at the top."))
            return
        monday, _sunday = self._period()
        question = _(
            "Mark every planned visit of {volunteer} in the week of {monday} that has taken "
            "place as done, half a day (3 hours) each?"
        ).format(volunteer=self._volunteers[volunteer_id], monday=format_date(monday))
        if prompts.confirm(self, _("Week done"), question, yes=pgettext("visit", "Mark as done")):
            self.ops.write(
                visits.log_week_done,
                volunteer_id=volunteer_id,
                week_of=monday,
                minutes=STANDARD_VISIT_MINUTES,
                today=self.today,
                owner=self,
            )

    # ---- Internals

    def _period(self) -> tuple[dt.date, dt.date]:
        if self.tabs.currentWidget() is self.month:
            first, _last = planning.month_of(self.anchor)
            monday = planning.week_of(first)[0]
            return monday, monday + dt.timedelta(days=41)
        return planning.week_of(self.anchor)

    def _update_period_label(self) -> None:
        if self.tabs.currentWidget() is self.month:
            self.period.setText(format_date(self.anchor, format="LLLL yyyy"))
        else:
            monday, sunday = planning.week_of(self.anchor)
            self.period.setText(
                _("Week of {first} to {last}").format(
                    first=format_date(monday), last=format_date(sunday)
                )
            )

    def _load(self) -> None:
        first, last = self._period()
        self._update_period_label()
        # Queued first, so the names are in before the visits that show them.
        self.ops.query(names_by_reference, success=self._set_names, owner=self)
        self.ops.query(
            overview.planning_overview,
            view=self._view(),
            first=first,
            last=last,
            volunteer_id=self.volunteer.currentData(),
            success=self._show,
            owner=self,
        )

    def _view(self) -> str:
        current = self.tabs.currentWidget()
        return {self.week: "week", self.month: "month", self.list: "list"}.get(
            current, "trajectories"
        )

    def _show(self, overview: overview.PlanningOverview) -> None:
        # Only the tab on screen is filled: switching tabs loads again.
        self._fill_volunteers(overview.volunteers)
        view = self._view()
        if view == "week":
            self.week.show_week(self._period()[0], overview.visits)
        elif view == "month":
            self.month.show_month(planning.month_of(self.anchor)[0], overview.days)
        elif view == "list":
            self.list.set_records(overview.visits)
        else:
            self.trajectories.set_rows(overview.trajectories)
        self.sig_loaded.emit()

    def _set_names(self, names: dict[str, PersonName]) -> None:
        self.names.clear()
        self.names.update(names)

    def _fill_volunteers(self, volunteers: dict[int, str]) -> None:
        if volunteers == self._volunteers and self.volunteer.count():
            return
        current = self.volunteer.currentData()
        self._volunteers = volunteers
        self.volunteer.blockSignals(True)
        self.volunteer.clear()
        self.volunteer.addItem(_("All volunteers"), None)
        for volunteer_id, reference in sorted(volunteers.items(), key=lambda kv: kv[1]):
            self.volunteer.addItem(who(reference, self.names), volunteer_id)
            self.volunteer.setItemData(
                self.volunteer.count() - 1,
                who_tip(reference, self.names),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.volunteer.setCurrentIndex(max(0, self.volunteer.findData(current)))
        self.volunteer.blockSignals(False)

    def _step(self, direction: int) -> None:
        if self.tabs.currentWidget() is self.month:
            self.anchor = planning.add_months(planning.month_of(self.anchor)[0], direction)
        else:
            self.anchor += dt.timedelta(weeks=direction)
        self._load()

    def _go_today(self) -> None:
        self.anchor = self.today = self.ops.today()
        self._load()

    def _open_week(self, day: dt.date) -> None:
        self.anchor = day
        self.tabs.setCurrentWidget(self.week)

    def _log_selected(self) -> None:
        visit = self.list.selected_record()
        if visit is None and self.tabs.currentWidget() is not self.list:
            prompts.inform(
                self, _("Log visit"), _("Double-click a visit in the calendar to log it.")
            )
            return
        self.log_visit(visit)

    def _changed(self, changes: Changes) -> None:
        if changes.visits or changes.trajectories:
            self._load()
