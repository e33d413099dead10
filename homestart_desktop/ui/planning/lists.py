"""The planning's lists: visits of the period, and running trajectories with their actions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.models import HalfDay, TrajectoryStatus
from homestart_desktop.data.planning import overview, trajectories, visits
from homestart_desktop.data.planning.overview import TrajectoryRow
from homestart_desktop.data.planning.referrer_letters import LetterKind, letter_facts
from homestart_desktop.data.workflow import status_label
from homestart_desktop.domain import days
from homestart_desktop.i18n import N_, _, format_number, format_short_date
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.people import Names, who_column
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.common.window_place import keep_splitter
from homestart_desktop.ui.planning.referrer_letter import LetterMenu, ReferrerLetterFlow
from homestart_desktop.ui.planning.score_chart import ScoreChart
from homestart_desktop.ui.planning.trajectory_dialogs import CloseDialog, PauseDialog, ReviewDialog
from homestart_desktop.ui.planning.visit_dialogs import STATUS_CHOICES, VisitDateDialog


def visit_table(parent: QWidget, names: Names) -> RecordTable:
    """Every visit of the period; Enter or double-click logs it."""
    columns = [
        Column(N_("Date"), lambda v: v.on, format_short_date),
        Column(N_("Half-day"), lambda v: v.half_day, days.half_day_name),
        who_column(N_("Family"), lambda v: v.family_reference, names),
        who_column(N_("Volunteer"), lambda v: v.volunteer_reference, names),
        Column(N_("Status"), lambda v: v.status, lambda s: _(STATUS_CHOICES[s]), whole=True),
        Column(
            N_("Hours"),
            lambda v: v.minutes / 60 if v.minutes else None,
            lambda h: "" if h is None else format_number(round(h, 2)),
            align_right=True,
        ),
    ]
    return RecordTable(
        columns,
        parent,
        placeholder=_("Search family or volunteer reference…"),
        empty_text=_(
            "No visits in this period. Visits are planned for every "
            "active trajectory as soon as a match is confirmed."
        ),
        object_name="visitList",
    )


class TrajectoriesPanel(QWidget):
    """Active and paused trajectories; review, pause, restart or close the selected one, and see
    its family's scores over time."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, names: Names) -> None:
        super().__init__(parent)
        self.ops = ops
        self.select_on_load: int | None = None  # a trajectory to select once the rows arrive
        columns = [
            who_column(N_("Family"), lambda r: r.family_reference, names),
            who_column(N_("Volunteer"), lambda r: r.volunteer_reference, names),
            Column(N_("Status"), lambda r: r.status, status_label, whole=True),
            Column(N_("Since"), lambda r: r.start_on, format_short_date, optional=True),
            Column(
                N_("Weekly visit"),
                lambda r: (r.weekday, r.half_day),
                lambda v: days.half_day_text(*v) if v[0] is not None and v[1] else "",
            ),
            Column(N_("Next review"), lambda r: r.next_review_on, format_short_date),
            Column(N_("Last visit"), lambda r: r.last_visit_on, format_short_date),
        ]
        self.table = RecordTable(
            columns,
            self,
            placeholder=_("Search family or volunteer reference…"),
            empty_text=_("No running trajectories yet. Confirm a match to start one."),
            object_name="trajectoryList",
        )
        self.review = QPushButton(self, objectName="reviewTrajectory")
        self.pause = QPushButton(self, objectName="pauseTrajectory")
        self.resume = QPushButton(self, objectName="resumeTrajectory")
        self.close_button = QPushButton(self, objectName="closeTrajectory")
        self.add_visit = QPushButton(self, objectName="addVisit")
        self.letter = QPushButton(self, objectName="referrerLetter")
        self.letter_menu = LetterMenu(
            self.letter, lambda kind, lang: self.referrer_letter(kind, lang=lang)
        )
        self.letter_started, self.letter_ended = self.letter_menu.started, self.letter_menu.ended
        self.letter_menu.menu.aboutToShow.connect(self._read_letter_facts)
        self.letter_flow: ReferrerLetterFlow | None = None
        self.chart = ScoreChart(self)
        buttons = QHBoxLayout()
        for button in (
            self.add_visit,
            self.review,
            self.pause,
            self.resume,
            self.close_button,
            self.letter,
        ):
            buttons.addWidget(button)
            button.setEnabled(False)
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        # The list first: on a laptop it keeps three quarters of the height, the chart the rest.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        keep_splitter(splitter, "planning/trajectories", shares=[3, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self.table.sig_selected.connect(self._selected)
        self.review.clicked.connect(lambda: self._open(ReviewDialog))
        self.pause.clicked.connect(lambda: self._open(PauseDialog))
        self.close_button.clicked.connect(self._close)
        self.resume.clicked.connect(self._resume)
        self.add_visit.clicked.connect(self._add_visit)
        self.retranslate()

    def retranslate(self) -> None:
        self.review.setText(_("Interim review…"))
        self.pause.setText(_("Pause…"))
        self.resume.setText(_("Restart"))
        self.close_button.setText(_("Close trajectory…"))
        self.add_visit.setText(_("Extra visit…"))
        self.letter.setText(_("Letter to the referrer"))
        self.letter_menu.retranslate()

    def set_rows(self, rows: list[TrajectoryRow]) -> None:
        # A refresh keeps the selected trajectory (or selects the one asked for).
        current = self.table.selected_record()
        wanted = self.select_on_load or (current.id if current is not None else None)
        self.select_on_load = None
        self.table.set_records(rows)
        if wanted is not None:
            self.table.select_where(lambda row: row.id == wanted)
        self._selected(self.table.selected_record())

    def clear(self) -> None:
        self.table.clear()
        self.chart.clear()

    def _selected(self, row: TrajectoryRow | None) -> None:
        active = row is not None and row.status == TrajectoryStatus.active
        paused = row is not None and row.status == TrajectoryStatus.paused
        self.review.setEnabled(active)
        self.add_visit.setEnabled(active)
        self.pause.setEnabled(active)
        self.resume.setEnabled(paused)
        self.close_button.setEnabled(active or paused)
        self.letter.setEnabled(active or paused)
        # A running trajectory has not ended: no end letter yet. Which letters went out, and
        # the branch's language, are read when the menu opens (not on every click in the list).
        self.letter_menu.set_facts(None, running=active or paused)
        if row is None:
            self.chart.clear()
            return
        self.ops.query(
            overview.score_history,
            family_id=row.family_id,
            success=self.chart.set_points,
            owner=self,
        )

    def _read_letter_facts(self) -> None:
        row = self.table.selected_record()
        if row is not None:
            self.ops.query(
                letter_facts, trajectory_id=row.id, success=self.letter_menu.set_facts, owner=self
            )

    def _open(self, dialog_class: type) -> None:
        row = self.table.selected_record()
        if row is not None:
            dialog_class(self.ops, row, self).exec()

    def referrer_letter(
        self, kind: LetterKind, *, trajectory_id: int | None = None, lang: str | None = None
    ) -> None:
        """Preview the letter in ``lang`` (None: the branch's); the data layer refuses when the
        family did not agree."""
        row = self.table.selected_record()
        if trajectory_id is None and row is None:
            return
        self.letter_flow = ReferrerLetterFlow(
            self.ops,
            self,
            trajectory_id=trajectory_id if trajectory_id is not None else row.id,
            kind=kind,
            quiet=trajectory_id is not None,
            lang=lang,
        )
        self.letter_flow.start()

    def _close(self) -> None:
        row = self.table.selected_record()
        if row is None:
            return
        if CloseDialog(self.ops, row, self).exec() == QDialog.DialogCode.Accepted:
            # Closed: it leaves this list, so the end letter is offered now (when agreed).
            self.referrer_letter(LetterKind.end, trajectory_id=row.id)

    def _add_visit(self) -> None:
        row = self.table.selected_record()
        if row is not None:
            VisitDateDialog(
                self.ops,
                _("Extra visit"),
                self,
                subject=_("Family {family}").format(family=row.family_reference),
                half_day=row.half_day or HalfDay.morning,
                fn=visits.add_visit,
                trajectory_id=row.id,
            ).exec()

    def _resume(self) -> None:
        row = self.table.selected_record()
        if row is not None:
            self.ops.write(
                trajectories.resume, trajectory_id=row.id, on=self.ops.today(), owner=self
            )
