"""A date field as Belgian offices write dates: dd/MM/yyyy, with a calendar popup.

``DateEdit(optional=True)`` may be left empty (shown as blank, ``date()`` returns None): clear it
with Delete/Backspace on a selected field, or call ``set_date(None)``. Values are
``datetime.date``, never QDate, so forms hand plain values to ``data/``.

A date is typed as written, ``14/02/2026``: Qt moves to the month by itself after two digits, so
the ``/`` typed next is taken as that same step, not as a second one that would skip the month.
Typing a digit into an empty optional field starts from today's date with the day selected.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)
_SEPARATORS = {"/", ".", "-"}


class DateEdit(QDateEdit):
    """dd/MM/yyyy with a calendar popup; optionally empty."""

    def __init__(
        self, parent: QWidget | None = None, *, optional: bool = False, object_name: str = ""
    ) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self._optional = optional
        self._moved_on_by_itself = False  # the last digit filled a part and Qt went on
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText(" ")  # the minimum date shows as an empty field
            self.setDate(_EMPTY)
        else:
            self.setDate(QDate.currentDate())
        self.setMinimumWidth(130)

    def date_value(self) -> dt.date | None:
        """The date chosen, or None when an optional field is empty."""
        value = self.date()
        if self._optional and value == _EMPTY:
            return None
        return dt.date(value.year(), value.month(), value.day())

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value`` (None empties an optional field)."""
        if value is None:
            self.setDate(_EMPTY if self._optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        erase = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if self._optional and erase and self.lineEdit().selectedText() == self.lineEdit().text():
            self.setDate(_EMPTY)
            return
        typed = event.text()
        if typed in _SEPARATORS and self._moved_on_by_itself:
            self._moved_on_by_itself = False
            return  # the part was already left after its last digit
        if typed.isdigit() and self._optional and self.date() == _EMPTY:
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateEdit.Section.DaySection)
            self.setSelectedSection(QDateEdit.Section.DaySection)
        section = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on_by_itself = typed.isdigit() and self.currentSection() != section
