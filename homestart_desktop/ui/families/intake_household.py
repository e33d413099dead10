"""The household part of the intake: parents or caregivers and children, as many as there are.

Each person is a small form with its own problems beside its fields; the intake dialog hands
each one the problems of its row (``caregivers.1.birth_year`` → the second parent's birth year).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.families.intake import CaregiverIn, ChildIn
from homestart_desktop.data.families.intake_choices import GENDERS
from homestart_desktop.data.models import Gender
from homestart_desktop.i18n import _
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.language_picker import LanguagePicker

NO_YEAR = 1900  # shown as an empty field


def year_box(parent: QWidget, object_name: str) -> QSpinBox:
    """A year that may be left empty."""
    box = QSpinBox(parent, objectName=object_name)
    box.setRange(NO_YEAR, dt.date.today().year + 1)
    box.setSpecialValueText(" ")
    box.setValue(NO_YEAR)
    box.setFixedWidth(90)
    return box


def year_value(box: QSpinBox) -> int | None:
    return None if box.value() == NO_YEAR else box.value()


def gender_box(parent: QWidget, object_name: str) -> QComboBox:
    box = QComboBox(parent, objectName=object_name)
    for gender in (Gender.unknown, Gender.female, Gender.male, Gender.other):
        box.addItem(_(GENDERS[gender]), gender)
    return box


class PersonEditor(QGroupBox):
    """A removable group of fields with its own error labels."""

    sig_remove = Signal(object)
    """Remove this person from the household."""

    def __init__(self, title: str, parent: QWidget | None, *, prefix: str) -> None:
        super().__init__(title, parent)
        self.setObjectName(prefix)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.remove_button = QPushButton(_("Remove"), self, objectName=f"{prefix}_remove")
        self.remove_button.clicked.connect(lambda: self.sig_remove.emit(self))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

    def add(self, label: str, widget: QWidget, name: str) -> QWidget:
        widget.setObjectName(f"{self.objectName()}_{name}")
        widget.setAccessibleName(label)
        self.errors.add_row(label, widget, name)
        return widget


class CaregiverEditor(PersonEditor):
    def __init__(self, parent: QWidget | None, index: int, person: Any | None = None) -> None:
        super().__init__(
            _("Parent or caregiver {number}").format(number=index + 1),
            parent,
            prefix=f"caregiver{index}",
        )
        self.first_name = self.add(_("First name"), QLineEdit(self), "first_name")
        self.last_name = self.add(_("Last name"), QLineEdit(self), "last_name")
        self.birth_year = self.add(_("Birth year"), year_box(self, ""), "birth_year")
        self.gender = self.add(_("Gender"), gender_box(self, ""), "gender")
        self.languages = self.add(_("Languages"), LanguagePicker(self), "languages")
        self.interpreter = self.add("", QCheckBox(_("Interpreter needed"), self), "interpreter")
        self.arrival_year = self.add(
            _("Year of arrival in Belgium"), year_box(self, ""), "arrival_year"
        )
        self.phone = self.add(_("Phone"), QLineEdit(self), "phone")
        if person is not None:
            self.first_name.setText(person.first_name)
            self.last_name.setText(person.last_name)
            self.birth_year.setValue(person.birth_year or NO_YEAR)
            self.gender.setCurrentIndex(max(0, self.gender.findData(person.gender)))
            self.languages.set_codes(person.languages)
            self.interpreter.setChecked(person.interpreter_needed)
            self.arrival_year.setValue(person.arrival_year or NO_YEAR)
            self.phone.setText(person.phone)

    def value(self) -> CaregiverIn:
        languages = self.languages.codes()
        return CaregiverIn(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            birth_year=year_value(self.birth_year),
            gender=Gender(self.gender.currentData()),
            languages=languages,
            interpreter_needed=self.interpreter.isChecked(),
            arrival_year=year_value(self.arrival_year),
            phone=self.phone.text(),
        )


class ChildEditor(PersonEditor):
    def __init__(self, parent: QWidget | None, index: int, child: Any | None = None) -> None:
        super().__init__(
            _("Child {number}").format(number=index + 1), parent, prefix=f"child{index}"
        )
        self.first_name = self.add(_("First name"), QLineEdit(self), "first_name")
        self.first_name.setPlaceholderText(_("may stay empty for an unborn child"))
        self.birth_date = self.add(_("Birth date"), DateEdit(self, optional=True), "birth_date")
        self.due_date = self.add(
            _("Due date (unborn child)"), DateEdit(self, optional=True), "due_date"
        )
        self.gender = self.add(_("Gender"), gender_box(self, ""), "gender")
        if child is not None:
            self.first_name.setText(child.first_name)
            self.birth_date.set_date(child.birth_date)
            self.due_date.set_date(child.due_date)
            self.gender.setCurrentIndex(max(0, self.gender.findData(child.gender)))

    def value(self) -> ChildIn:
        return ChildIn(
            first_name=self.first_name.text(),
            birth_date=self.birth_date.date_value(),
            due_date=self.due_date.date_value(),
            gender=Gender(self.gender.currentData()),
        )


class PeopleList(QWidget):
    """Editors one under the other, with an Add button; problems routed by row number."""

    sig_changed = Signal()
    """A person was added or removed."""

    def __init__(self, parent: QWidget | None, *, kind: str, add_label: str) -> None:
        super().__init__(parent)
        self.kind = kind  # "caregivers" or "children"
        self.editors: list[PersonEditor] = []
        self.column = QVBoxLayout()
        self.add_button = QPushButton(add_label, self, objectName=f"add_{kind}")
        self.add_button.clicked.connect(lambda: self.add_person(None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.column)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_person(self, person: Any | None) -> PersonEditor:
        """A new editor at the bottom (filled with ``person`` when given)."""
        make = CaregiverEditor if self.kind == "caregivers" else ChildEditor
        editor = make(self, len(self.editors), person)
        editor.sig_remove.connect(self._remove)
        self.editors.append(editor)
        self.column.addWidget(editor)
        self.sig_changed.emit()
        return editor

    def values(self) -> tuple[Any, ...]:
        return tuple(editor.value() for editor in self.editors)

    def show_problems(self, problems: dict[str, str]) -> None:
        for index, editor in enumerate(self.editors):
            prefix = f"{self.kind}.{index}."
            editor.errors.show(
                {k[len(prefix) :]: v for k, v in problems.items() if k.startswith(prefix)}
            )

    def _remove(self, editor: PersonEditor) -> None:
        self.editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        for number, remaining in enumerate(self.editors, start=1):  # no gap in the numbers
            title = (
                _("Parent or caregiver {number}")
                if self.kind == "caregivers"
                else _("Child {number}")
            )
            remaining.setTitle(title.format(number=number))
        self.sig_changed.emit()
