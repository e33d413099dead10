"""Review, pause and close a trajectory. Each dialog saves through ``ops`` and keeps every typed
value when ``data/`` refuses, with the reason beside the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.models import OUTCOME_AREA_LABELS, OUTCOME_AREAS, CloseReason
from homestart_desktop.data.planning import trajectories
from homestart_desktop.data.planning.overview import TrajectoryRow
from homestart_desktop.data.planning.trajectories import ClosingInput, ReviewInput
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.domain.planning import add_months
from homestart_desktop.i18n import N_, _, format_short_date
from homestart_desktop.ui.common import feedback, prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.intervision.name_warning import NamesGuard, NameWarningBar, PlainText

CLOSE_REASONS = {
    CloseReason.goals_reached: N_("Goals reached (planned end)"),
    CloseReason.family_stops: N_("The family stops"),
    CloseReason.family_moved: N_("The family moved"),
    CloseReason.referred_on: N_("Referred on to other care"),
    CloseReason.volunteer_stopped: N_("The volunteer stopped (the family waits for a new match)"),
    CloseReason.other: N_("Other"),
}


class _TrajectoryDialog(Dialog):
    """A form with error labels, Save/Cancel, Ctrl+S; subclasses build fields and ``submit``."""

    title = ""  # a msgid; never a code or a name (the title shows in task bars and switchers)

    def __init__(
        self,
        ops: Ops,
        row: TrajectoryRow,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops, self.row, self.today = ops, row, today or ops.today()
        self.setWindowTitle(_(self.title))
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(
            QLabel(
                _("Family {family} with volunteer {volunteer}").format(
                    family=row.family_reference, volunteer=row.volunteer_reference
                ),
                self,
                objectName="hint",
            )
        )
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.layout_.addLayout(self.form)
        self.build()
        self._finish()

    def build(self) -> None:
        """Add this dialog's fields to ``self.form``."""
        raise NotImplementedError

    def date_row(
        self, label: str, name: str, object_name: str, *, optional: bool = False
    ) -> DateEdit:
        """A date field beside its error label; today unless ``optional`` (then empty)."""
        field = DateEdit(self, optional=optional, object_name=object_name)
        if not optional:
            field.set_date(self.today)
        self.errors.add_row(label, field, name)
        return field

    def _finish(self) -> None:
        self.layout_.addWidget(self.errors.general)
        # Review agreements are searchable notes: they name a family by its code only.
        self.name_warning = NameWarningBar(self)
        self.names = NamesGuard(self._ops, self.name_warning, self.save)
        self.layout_.addWidget(self.name_warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def score_fields(self, prefix: str) -> dict[str, QSpinBox]:
        fields = {}
        for area in OUTCOME_AREAS:
            box = QSpinBox(self, objectName=f"{prefix}_{area}", minimum=-1, maximum=5)
            box.setSpecialValueText(_("not scored"))
            box.setValue(-1)
            self.errors.add_row(_(OUTCOME_AREA_LABELS[area]), box, f"score_{area}")
            fields[area] = box
        return fields

    def submit(self, fn: Callable[..., Any], **kwargs: Any) -> None:
        self.errors.clear()
        self._ops.write(
            fn,
            success=lambda _c: (feedback.say_saved(self), self.accept()),
            failure=self._refused,
            owner=self,
            today=self.today,
            **kwargs,
        )

    def save(self) -> None:
        raise NotImplementedError

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:  # an illegal step says itself what is wrong; never a traceback
            self.errors.show({"": str(error) if isinstance(error, ValueError) else _("Not saved.")})


def _scores(fields: dict[str, QSpinBox]) -> dict[str, int | None]:
    return {area: (box.value() if box.value() >= 0 else None) for area, box in fields.items()}


class ReviewDialog(_TrajectoryDialog):
    """The next review shows the plan (the review planned after this one, or the branch's rhythm
    when none is): left as it is, the plan stays; emptied, the dialog asks before it goes."""

    title = N_("Interim review")

    sig_plan_shown = Signal()
    """The planned next review is in its field."""

    def build(self) -> None:
        self.plan: trajectories.ReviewPlan | None = None
        self._suggested: dt.date | None = None
        self.held_on = self.date_row(_("Date of the review"), "held_on", "reviewDate")
        self.participants = QLineEdit(self, objectName="reviewParticipants")
        self.participants.setPlaceholderText(_("e.g. mother, volunteer, coordinator"))
        self.errors.add_row(_("Who took part"), self.participants, "participants")
        self.scores = self.score_fields("review")
        self.agreements = QPlainTextEdit(self, objectName="reviewAgreements")
        self.agreements.setFixedHeight(60)
        self.errors.add_row(_("Agreements"), self.agreements, "agreements")
        self.next_on = self.date_row(
            _("Next review"), "next_review_on", "nextReview", optional=True
        )
        self.held_on.dateChanged.connect(self._follow_rhythm)
        self._ops.query(
            trajectories.review_plan, success=self._show_plan, owner=self, trajectory_id=self.row.id
        )

    def save(self) -> None:
        if self.names.stops({_("Agreements"): PlainText(self.agreements)}):
            return
        next_on = self.next_on.date_value()
        if next_on is None and not self._no_next_review_confirmed():
            return
        review = ReviewInput(
            held_on=self.held_on.date_value() or self.today,
            participants=self.participants.text().strip(),
            scores=_scores(self.scores),
            agreements=self.agreements.toPlainText().strip(),
            next_review_on=next_on,
        )
        self.submit(trajectories.record_review, trajectory_id=self.row.id, review=review)

    # ---- Internals

    def _rhythm_date(self) -> dt.date | None:
        """The branch's rhythm from this review's date (used when nothing is planned after it)."""
        if self.plan is None or not self.plan.every_months:
            return None
        return add_months(self.held_on.date_value() or self.today, self.plan.every_months)

    def _show_plan(self, plan: trajectories.ReviewPlan) -> None:
        self.plan = plan
        self._suggested = plan.next_on or self._rhythm_date()
        # The field starts empty: a date in it now was typed before the plan came back, and
        # what the coordinator typed is never overwritten.
        if self.next_on.date_value() is None:
            self.next_on.set_date(self._suggested)
        else:
            self._suggested = None
        self.sig_plan_shown.emit()

    def _follow_rhythm(self, *_args: object) -> None:
        # A suggested date moves with the review's date, until the coordinator picks another;
        # a planned one stays where it is.
        if self.plan is None or self.plan.next_on is not None:
            return
        if self.next_on.date_value() == self._suggested:
            self._suggested = self._rhythm_date()
            self.next_on.set_date(self._suggested)

    def _no_next_review_confirmed(self) -> bool:
        planned = self.plan.next_on if self.plan is not None else None
        if planned is not None:
            text = _(
                "The next review, planned on {date}, will be taken off the plan. "
                "Save this review without a next one?"
            ).format(date=format_short_date(planned))
        else:
            text = _(
                "No next review will be planned for family {reference}. "
                "Save this review without a next one?"
            ).format(reference=self.row.family_reference)
        return prompts.confirm(self, _("No next review"), text, yes=_("Save without a next review"))


class PauseDialog(_TrajectoryDialog):
    title = N_("Pause trajectory")

    def build(self) -> None:
        self.on = self.date_row(_("Pause from"), "on", "pauseDate")
        self.reason = QLineEdit(self, objectName="pauseReason")
        self.errors.add_row(_("Reason"), self.reason, "reason")
        self.restart = self.date_row(
            _("Expected restart"), "expected_restart_on", "expectedRestart", optional=True
        )

    def save(self) -> None:
        self.submit(
            trajectories.pause,
            trajectory_id=self.row.id,
            on=self.on.date_value() or self.today,
            reason=self.reason.text().strip(),
            expected_restart_on=self.restart.date_value(),
        )


class CloseDialog(_TrajectoryDialog):
    title = N_("Close trajectory")

    def build(self) -> None:
        self.ended_on = self.date_row(_("Last day"), "ended_on", "closeDate")
        self.reason = QComboBox(self, objectName="closeReason")
        for reason, label in CLOSE_REASONS.items():
            self.reason.addItem(_(label), reason)
        self.errors.add_row(_("Reason"), self.reason, "reason")
        self.referrer_informed = QCheckBox(
            _("The referrer has been informed"), self, objectName="referrerInformed"
        )
        self.form.addRow("", self.referrer_informed)
        self.form.addRow(QLabel(_("Closing review"), self, objectName="sectionTitle"))
        self.scores = self.score_fields("closing")
        self.note = QPlainTextEdit(self, objectName="closeNote")
        self.note.setFixedHeight(60)
        self.errors.add_row(_("Agreements and note"), self.note, "agreements")

    def save(self) -> None:
        if self.names.stops({_("Agreements and note"): PlainText(self.note)}):
            return
        ended = self.ended_on.date_value() or self.today
        closing = ClosingInput(
            ended_on=ended,
            reason=self.reason.currentData(),
            review=ReviewInput(
                held_on=ended,
                scores=_scores(self.scores),
                agreements=self.note.toPlainText().strip(),
            ),
            referrer_informed=self.referrer_informed.isChecked(),
        )
        self.submit(trajectories.close, trajectory_id=self.row.id, closing=closing)
