"""What will be sent, readable: the package as a table in the app's language, its JSON one click away.

The central office receives exactly the JSON; the table shows the same values with the words of
the figures table (``sync/labels.py``), so a coordinator can check what leaves without reading code.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.i18n import _
from homestart_desktop.sync.labels import package_lines


class PackageView(QWidget):
    """A readable table of the package; *Show the file as sent (JSON)* switches to the JSON."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageView")
        self.table = QTableWidget(0, 2, self, objectName="packageTable")
        self.table.setHorizontalHeaderLabels([_("What"), _("Value")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.json = QPlainTextEdit(self, objectName="figuresPayload")
        self.json.setReadOnly(True)
        self.json.setAccessibleName(_("What will be sent"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.json)
        self.switch = QPushButton(self, objectName="showPackageJson")
        self.switch.setCheckable(True)
        self.switch.toggled.connect(self._switch)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.switch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        self._switch(False)

    # ---- Public API

    def show_payload(self, payload: dict[str, Any] | None) -> None:
        """Show this package (None: nothing to send yet)."""
        self.json.setPlainText(
            "" if payload is None else json.dumps(payload, ensure_ascii=False, indent=2)
        )
        lines = [] if payload is None else package_lines(payload)
        self.table.setRowCount(len(lines))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, (label, value, heading) in enumerate(lines):
            what, shown = QTableWidgetItem(label), QTableWidgetItem(value)
            shown.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if heading:
                what.setFont(bold)
            self.table.setItem(row, 0, what)
            self.table.setItem(row, 1, shown)

    def clear(self) -> None:
        self.show_payload(None)

    def toPlainText(self) -> str:  # noqa: N802 (reads like the text field it replaces)
        """The package exactly as sent (JSON), '' when there is none."""
        return self.json.toPlainText()

    # ---- Internals

    def _switch(self, as_json: bool) -> None:
        self.stack.setCurrentWidget(self.json if as_json else self.table)
        self.switch.setText(_("Show the table") if as_json else _("Show the file as sent (JSON)"))
