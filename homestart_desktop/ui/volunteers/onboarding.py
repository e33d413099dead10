"""The onboarding checklist: each step a tick with its date, the extract with its two dates, the
course with its hours, and what still stands between the volunteer and *available*."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.onboarding import missing_message
from homestart_desktop.data.volunteers.register import Onboarding
from homestart_desktop.i18n import N_, _
from homestart_desktop.ui.common.theme import mark_invalid
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrorLabel
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, read_numbers

# (field, label) in the order the steps are usually taken.
STEPS = (
    ("first_interview_on", N_("First interview (onthaal)")),
    ("info_note_received_on", N_("Information note received")),
    ("extract_received_on", N_("Extract 596.2 handed in")),
    ("agreement_signed_on", N_("Agreement signed")),
    ("insurance_registered_on", N_("Insurance registered")),
    ("course_completed_on", N_("Preparation course completed")),
)


class StepErrors:
    """Messages beside the checklist's fields (the ``FormErrors`` interface, for a grid)."""

    def __init__(self) -> None:
        self.fields: dict[str, tuple[QWidget, FormErrorLabel]] = {}
        self.general = FormErrorLabel(object_name="general_error")

    def knows(self, name: str) -> bool:
        return name in self.fields

    def show(self, problems: dict[str, str]) -> None:
        self.clear()
        for name, message in problems.items():
            if name in self.fields:
                field, label = self.fields[name]
                label.set_message(message)
                mark_invalid(field, True)

    def clear(self) -> None:
        for field, label in self.fields.values():
            label.set_message("")
            mark_invalid(field, False)

    def message(self, name: str) -> str:
        return self.fields[name][1].text() if name in self.fields else ""


class OnboardingForm(QWidget):
    """Tick a step and its date appears (today by default); untick it and the date goes."""

    sig_changed = Signal()
    """The coordinator changed a tick, a date or the hours."""

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], dt.date]) -> None:
        super().__init__(parent)
        self.setObjectName("onboarding_form")
        self._today = today  # asked at each tick: the file can stay open past midnight
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.errors = StepErrors()
        self.ticks: dict[str, QCheckBox] = {}
        self.dates: dict[str, DateEdit] = {}
        self.issued = DateEdit(self, optional=True, object_name="extract_issued_on")
        self.issued.setAccessibleName(_("Date of issue printed on the extract"))
        self.hours = NumberEdit(
            self, object_name="course_hours", decimals=1, maximum=200, optional=True
        )
        self.hours.setAccessibleName(_("Course hours"))
        self.hours.setMinimumWidth(110)
        extras = {
            "extract_received_on": (_("date of issue"), self.issued, "extract_issued_on"),
            "course_completed_on": (_("hours"), self.hours, "course_hours"),
        }
        row = 0
        for name, label in STEPS:
            tick = QCheckBox(_(label), self, objectName=f"tick_{name}")
            tick.setAccessibleName(_(label))
            date = DateEdit(self, optional=True, object_name=name)
            date.setAccessibleName(_("Date: {step}").format(step=_(label)))
            grid.addWidget(tick, row, 0)
            grid.addWidget(date, row, 1)
            self.ticks[name], self.dates[name] = tick, date
            tick.toggled.connect(lambda on, n=name: self._ticked(n, on))
            date.dateChanged.connect(lambda _d: self.sig_changed.emit())
            errors = [(name, date)]
            if name in extras:
                word, widget, field = extras[name]
                grid.addWidget(QLabel(word, self), row, 2)
                grid.addWidget(widget, row, 3)
                errors.append((field, widget))
            for field, widget in errors:
                row += 1
                message = FormErrorLabel(self, object_name=f"{field}_error")
                grid.addWidget(message, row, 0, 1, 5)
                self.errors.fields[field] = (widget, message)
            row += 1
        grid.setColumnStretch(4, 1)
        self.issued.dateChanged.connect(lambda _d: self.sig_changed.emit())
        self.hours.textEdited.connect(lambda _v: self.sig_changed.emit())
        self.missing = QLabel(self, objectName="missing_for_available")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("font-weight: bold;")
        # The status above is stepped at once; say which part waits for Save.
        when_saved = QLabel(
            _("The ticks, dates and hours below are saved only when you click {save}.").format(
                save=_("Save")
            ),
            self,
            objectName="hint",
        )
        column = QVBoxLayout(self)
        column.addWidget(when_saved)
        column.addLayout(grid)
        column.addSpacing(8)
        column.addWidget(self.missing)
        column.addStretch(1)

    # ---- Public API

    def value(self) -> Onboarding:
        """The checklist as typed; ValidationError when the hours are no number."""
        dates = {name: self.dates[name].date_value() for name, _label in STEPS}
        for name in dates:
            if not self.ticks[name].isChecked():
                dates[name] = None
        handed_in = self.ticks["extract_received_on"].isChecked()
        numbers, problems = read_numbers({"course_hours": self.hours})
        if problems:
            raise ValidationError(problems)
        hours = numbers["course_hours"]
        return Onboarding(
            extract_issued_on=self.issued.date_value() if handed_in else None,
            course_hours=float(hours or 0),
            **dates,
        )

    def set_value(self, onboarding: Onboarding) -> None:
        """Show a saved checklist."""
        self.blockSignals(True)
        for name, _label in STEPS:
            value = getattr(onboarding, name)
            self.ticks[name].setChecked(value is not None)
            self.dates[name].set_date(value)
            self.dates[name].setEnabled(value is not None)
        self.issued.set_date(onboarding.extract_issued_on)
        self.hours.set_value(onboarding.course_hours or None)  # no hours yet: an empty field
        self.blockSignals(False)

    def show_missing(self, missing: tuple[str, ...]) -> None:
        """Say what still blocks *available* ('' when nothing does)."""
        self.missing.setText(missing_message(missing) if missing else "")

    # ---- Internals

    def _ticked(self, name: str, on: bool) -> None:
        date = self.dates[name]
        date.setEnabled(on)
        if on and date.date_value() is None:
            date.set_date(self._today())
        self.sig_changed.emit()
