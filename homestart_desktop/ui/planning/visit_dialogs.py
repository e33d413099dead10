"""Log one visit: how it went, how long, what was done in the three domains, km, a short note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.models import HalfDay, VisitStatus
from homestart_desktop.data.planning import visits
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.domain import days
from homestart_desktop.i18n import N_, _, format_day
from homestart_desktop.ui.common import feedback
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, read_numbers
from homestart_desktop.ui.intervision.name_warning import NamesGuard, NameWarningBar, PlainText

STATUS_CHOICES = {
    VisitStatus.done: N_("Done"),
    VisitStatus.cancelled_family: N_("Cancelled by the family"),
    VisitStatus.cancelled_volunteer: N_("Cancelled by the volunteer"),
    VisitStatus.not_happened: N_("Did not happen"),
    VisitStatus.planned: N_("Still planned"),
}


class LogVisitDialog(Dialog):
    """Ctrl+S (or Enter) saves through ``ops``; a refusal stands beside its field, nothing lost."""

    def __init__(
        self,
        ops: Ops,
        visit: visits.VisitRow,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logVisitDialog")
        self._ops, self._visit, self._today = ops, visit, today or ops.today()
        self.setWindowTitle(_("Log visit"))  # who: in the dialog, never in the title bar
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _("{date}, {half_day} — family {family}, volunteer {volunteer}").format(
                    date=format_day(visit.on),
                    half_day=visits_half_day(visit.half_day),
                    family=visit.family_reference,
                    volunteer=visit.volunteer_reference,
                ),
                self,
                objectName="hint",
            )
        )
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.status = QComboBox(self, objectName="visitStatus")
        for status, label in STATUS_CHOICES.items():
            self.status.addItem(_(label), status)
        self.status.setCurrentIndex(
            max(
                0,
                self.status.findData(
                    visit.status if visit.status != VisitStatus.planned else VisitStatus.done
                ),
            )
        )
        self.errors.add_row(_("How did it go?"), self.status, "status")
        self.hours = NumberEdit(
            self,
            object_name="visitHours",
            decimals=2,  # a quarter of an hour: 1,25
            maximum=24,
            step=0.5,
            unit=_("hours"),
            trailing_zeros=False,
        )
        self.hours.set_value(visit.minutes / 60 if visit.minutes else 3)
        self.errors.add_row(_("Duration"), self.hours, "minutes")
        self.km = NumberEdit(self, object_name="visitKm", decimals=1, maximum=1000, unit="km")
        self.km.set_value(visit.km)
        self.errors.add_row(_("Kilometres travelled"), self.km, "km")
        layout.addLayout(form)
        self.activity_boxes: dict[str, QCheckBox] = {}
        domains = QGridLayout()
        for column, (domain, activities) in enumerate(visits.ACTIVITY_DOMAINS.items()):
            group = QGroupBox(_(visits.DOMAIN_LABELS[domain]), self)
            group_layout = QVBoxLayout(group)
            for activity in activities:
                box = QCheckBox(
                    _(visits.ACTIVITY_LABELS[activity]), group, objectName=f"activity_{activity}"
                )
                box.setChecked(activity in visit.activities)
                group_layout.addWidget(box)
                self.activity_boxes[activity] = box
            group_layout.addStretch(1)
            domains.addWidget(group, 0, column)
        layout.addLayout(domains)
        self.note = QPlainTextEdit(visit.note, self, objectName="visitNote")
        self.note.setPlaceholderText(_("A short note (no names: use the family's reference)"))
        self.note.setFixedHeight(70)
        layout.addWidget(self.note)
        layout.addWidget(self.errors.general)
        self.name_warning = NameWarningBar(self)
        self.names = NamesGuard(ops, self.name_warning, self.save)
        layout.addWidget(self.name_warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        if visit.status == VisitStatus.planned:
            move = buttons.addButton(
                _("Move to another day…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            move.setObjectName("moveVisit")
            move.clicked.connect(self._move)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def entered(self) -> visits.VisitLog | None:
        """What the coordinator typed, as plain values; None (and why, beside the field) when a
        number cannot be read."""
        numbers, problems = read_numbers({"minutes": self.hours, "km": self.km})
        if problems:
            self.errors.show(problems)
            return None
        return visits.VisitLog(
            status=self.status.currentData(),
            minutes=round((numbers["minutes"] or 0) * 60),
            km=float(numbers["km"] or 0),
            activities=tuple(a for a, box in self.activity_boxes.items() if box.isChecked()),
            note=self.note.toPlainText().strip(),
        )

    def save(self) -> None:
        self.errors.clear()
        log = self.entered()
        if log is None or self.names.stops({_("Note"): PlainText(self.note)}):
            return
        self._ops.write(
            visits.log_visit,
            visit_id=self._visit.id,
            log=log,
            today=self._today,
            success=lambda _changes: (feedback.say_saved(self), self.accept()),
            failure=self._refused,
            owner=self,
        )

    def _move(self) -> None:
        dialog = VisitDateDialog(
            self._ops,
            _("Move visit"),
            self,
            subject=_("Family {family}").format(family=self._visit.family_reference),
            start=self._visit.on,
            half_day=self._visit.half_day,
            fn=visits.move_visit,
            visit_id=self._visit.id,
        )
        if dialog.exec():
            self.accept()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:
            self.errors.show({"": _("The visit could not be saved.")})


def visits_half_day(half_day: str) -> str:
    """A half-day on its own, as domain/days.py writes it everywhere."""
    return days.half_day_name(half_day)


class VisitDateDialog(Dialog):
    """Choose a day and half-day: to move a planned visit, or to add an extra one."""

    def __init__(
        self,
        ops: Ops,
        title: str,
        parent: QWidget | None = None,
        *,
        start: dt.date | None = None,
        half_day: HalfDay = HalfDay.morning,
        subject: str = "",
        **write: object,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitDateDialog")
        self.setWindowTitle(title)
        self._ops, self._write = ops, write
        layout = QVBoxLayout(self)
        if subject:  # the family: here, not in the title bar
            layout.addWidget(QLabel(subject, self, objectName="hint"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.on = DateEdit(self, object_name="visitDate")
        self.on.set_date(start or ops.today())
        self.errors.add_row(_("Day"), self.on, "on")
        self.half_day = QComboBox(self, objectName="visitHalfDay")
        for value in HalfDay:
            self.half_day.addItem(visits_half_day(value), value)
        self.half_day.setCurrentIndex(self.half_day.findData(half_day))
        self.errors.add_row(_("Half-day"), self.half_day, "half_day")
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Write ``fn(on=..., half_day=..., today=..., **kwargs)`` given as ``fn=`` at
        construction."""
        self.errors.clear()
        kwargs = dict(self._write)
        fn = kwargs.pop("fn")
        self._ops.write(
            fn,
            on=self.on.date_value() or self._ops.today(),
            half_day=self.half_day.currentData(),
            today=self._ops.today(),
            success=lambda _c: self.accept(),
            failure=self._refused,
            owner=self,
            **kwargs,
        )

    def _refused(self, error: BaseException) -> None:
        problems = error.problems if isinstance(error, ValidationError) else {"": _("Not saved.")}
        self.errors.show(problems)
