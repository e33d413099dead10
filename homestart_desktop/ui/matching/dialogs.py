"""The dialogs of a match: propose (with a reason), the introduction visit, confirm, withdraw.

Each saves through ``ops`` and, when ``data/`` refuses, keeps every typed value and shows the
reason beside the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.matching import steps
from homestart_desktop.data.matching.under_way import MatchRow
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.domain import days, matching, planning
from homestart_desktop.domain.matching_words import weekday_names
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import feedback
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors


class _MatchDialog(Dialog):
    """A form with error labels, Save/Cancel, Ctrl+S and Esc; subclasses add fields and ``save``."""

    def __init__(
        self, ops: Ops, title: str, who: str, parent: QWidget | None, today: dt.date | None
    ) -> None:
        super().__init__(parent)
        self._ops, self.today = ops, today or ops.today()
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        intro = QLabel(who, self, objectName="hint")
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.layout_.addLayout(self.form)

    def finish(self, save_text: str) -> None:
        self.layout_.addWidget(self.errors.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.save_button.setObjectName("matchDialogSave")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

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
            problems = dict(error.problems)
            # A problem without a field of its own here (e.g. "volunteer") shows at the bottom.
            general = [m for k, m in problems.items() if not self.errors.knows(k)]
            problems = {k: m for k, m in problems.items() if self.errors.knows(k)}
            if general:
                problems[""] = " ".join(general)
            self.errors.show(problems)
        else:  # an illegal step says itself what is wrong; never a traceback
            self.errors.show({"": str(error) if isinstance(error, ValueError) else _("Not saved.")})
        self.adjustSize()  # room for the messages that just appeared


class ProposeDialog(_MatchDialog):
    """Propose one volunteer for one family, saying why."""

    def __init__(
        self,
        ops: Ops,
        family: tuple[int, str],
        volunteer: tuple[int, str],
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        who = _("Propose volunteer {volunteer} for family {family}.").format(
            volunteer=volunteer[1], family=family[1]
        )
        super().__init__(ops, _("Propose a match"), who, parent, today)
        self.family_id, self.volunteer_id = family[0], volunteer[0]
        self.reason = QPlainTextEdit(self, objectName="proposalReason")
        self.reason.setFixedHeight(80)
        self.reason.setPlaceholderText(_("e.g. speaks Arabic, free on Tuesday morning, cycles"))
        self.errors.add_row(_("Why this volunteer"), self.reason, "reason")
        self.finish(_("Propose"))

    def save(self) -> None:
        self.submit(
            steps.propose_match,
            family_id=self.family_id,
            volunteer_id=self.volunteer_id,
            reason=self.reason.toPlainText(),
        )


def _who(row: MatchRow) -> str:
    return _("Family {family} with volunteer {volunteer}").format(
        family=f"{row.family_reference} {row.family_name}".strip(),
        volunteer=f"{row.volunteer_reference} {row.volunteer_name}".strip(),
    )


class IntroductionDialog(_MatchDialog):
    """Plan the introduction visit, or record that it took place (``done=True``)."""

    def __init__(
        self,
        ops: Ops,
        row: MatchRow,
        parent: QWidget | None = None,
        *,
        done: bool,
        today: dt.date | None = None,
    ) -> None:
        title = _("Introduction visit took place") if done else _("Plan the introduction visit")
        super().__init__(ops, title, _who(row), parent, today)
        self.row, self.took_place = row, done
        self.on = DateEdit(self, object_name="introductionDate")
        self.on.set_date(row.introduction_on or self.today)
        self.errors.add_row(_("Date of the introduction visit"), self.on, "introduction_on")
        self.finish(_("Record") if done else _("Plan"))

    def save(self) -> None:
        fn = steps.record_introduction if self.took_place else steps.plan_introduction
        self.submit(fn, trajectory_id=self.row.trajectory_id, on=self.on.date_value())


class ConfirmDialog(_MatchDialog):
    """After the introduction: start date, the weekly half-day, the planned end."""

    def __init__(
        self,
        ops: Ops,
        row: MatchRow,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, _("Confirm the match"), _who(row), parent, today)
        self.row = row
        start = max(self.today, row.introduction_on or self.today)
        self.start_on = DateEdit(self, object_name="startDate")
        self.start_on.set_date(start)
        self.errors.add_row(_("Start of the trajectory"), self.start_on, "start_on")
        self.weekday = QComboBox(self, objectName="visitWeekday")
        for day, name in enumerate(weekday_names()):
            self.weekday.addItem(name, day)
        self.half_day = QComboBox(self, objectName="visitHalfDay")
        for half in matching.HALF_DAYS:
            self.half_day.addItem(days.half_day_name(half), half)
        if row.common_slots:
            day, _sep, half = row.common_slots[0].partition("-")
            self.weekday.setCurrentIndex(matching.WEEKDAY_CODES.index(day))
            self.half_day.setCurrentIndex(matching.HALF_DAYS.index(half))
        self.errors.add_row(_("Day of the weekly visit"), self.weekday, "weekday")
        self.errors.add_row(_("Half-day"), self.half_day, "half_day")
        self.planned_end = DateEdit(self, object_name="plannedEnd")
        self.planned_end.set_date(planning.planned_end(start))
        self.errors.add_row(
            _("Planned end (at least one year)"), self.planned_end, "planned_end_on"
        )
        self.start_on.dateChanged.connect(self._follow_start)
        hint = QLabel(_("The interim reviews are planned from the start date."), self)
        hint.setObjectName("hint")
        self.layout_.addWidget(hint)
        self.finish(_("Confirm"))

    def _follow_start(self) -> None:
        start = self.start_on.date_value()
        if start is not None:
            self.planned_end.set_date(planning.planned_end(start))

    def save(self) -> None:
        self.submit(
            steps.confirm_match,
            trajectory_id=self.row.trajectory_id,
            start_on=self.start_on.date_value(),
            weekday=self.weekday.currentData(),
            half_day=self.half_day.currentData(),
            planned_end_on=self.planned_end.date_value(),
        )


class WithdrawDialog(_MatchDialog):
    """The match does not go ahead (before or after the introduction), with the reason."""

    def __init__(
        self,
        ops: Ops,
        row: MatchRow,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, _("Withdraw the match"), _who(row), parent, today)
        self.row = row
        self.reason = QPlainTextEdit(self, objectName="withdrawReason")
        self.reason.setFixedHeight(70)
        self.errors.add_row(_("Why it does not go ahead"), self.reason, "reason")
        note = QLabel(
            _("The family returns to the waiting list with its original waiting date."), self
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.finish(_("Withdraw"))

    def save(self) -> None:
        self.submit(
            steps.withdraw_match,
            trajectory_id=self.row.trajectory_id,
            reason=self.reason.toPlainText(),
        )
