"""The versions of the branch's privacy statement (Settings): a label and the date it bears.

A family's consent record names the version it signed (data/privacy/consent.py); the newest
version is the one offered at an intake. A version already signed stays in the families'
records when it is removed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from homestart_desktop.i18n import _
from homestart_desktop.ui.common.widgets.date_edit import DateEdit


class StatementsProblem(ValueError):
    """A row that cannot be read (the message goes beside the field)."""


class PrivacyStatementsEdit(QWidget):
    """Rows of (version, date) with 'Add a version'; ``values()`` is what the settings store."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self._on_change = on_change
        self.rows: list[tuple[QLineEdit, DateEdit]] = []
        hint = QLabel(
            _(
                "The newest version is offered at an intake; the family's file keeps the "
                "version it signed."
            ),
            self,
            objectName="hint",
        )
        hint.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.addWidget(QLabel(_("Version"), self), 0, 0)
        self.grid.addWidget(QLabel(_("Dated"), self), 0, 1)
        self.add_button = QPushButton(_("Add a version"), self, objectName="add_privacy_statement")
        self.add_button.clicked.connect(lambda: (self._add_row("", None), self._on_change()))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint)
        column.addLayout(self.grid)
        column.addWidget(self.add_button)

    def set_values(self, stored: tuple[dict[str, str], ...]) -> None:
        for label, dated in self.rows:
            label.deleteLater()
            dated.deleteLater()
        self.rows = []
        for statement in stored:
            self._add_row(statement["version"], dt.date.fromisoformat(statement["dated"]))

    def values(self) -> tuple[dict[str, Any], ...]:
        """The versions as the settings store them (empty rows left out)."""
        found = []
        for label, dated in self.rows:
            version, day = label.text().strip(), dated.date_value()
            if not version and day is None:
                continue
            if not version or day is None:
                raise StatementsProblem(_("Give each version a label and its date."))
            found.append({"version": version, "dated": day.isoformat()})
        return tuple(found)

    # ---- Internals

    def _add_row(self, version: str, dated: dt.date | None) -> None:
        line = len(self.rows) + 1
        label = QLineEdit(version, self, objectName=f"privacy_version_{line}")
        label.setMaxLength(40)
        label.setAccessibleName(_("Version"))
        label.textEdited.connect(self._on_change)
        day = DateEdit(self, optional=True)
        day.setObjectName(f"privacy_dated_{line}")
        day.setAccessibleName(_("Dated"))
        day.set_date(dated)
        day.dateChanged.connect(self._on_change)
        day.setMinimumWidth(120)
        self.grid.addWidget(label, line, 0)
        self.grid.addWidget(day, line, 1)
        self.rows.append((label, day))
