"""Step 3: what each value typed in a list field means in the app (*ocmw Gent* → OCMW).

Every different value found is shown once, with the app's suggestion chosen; a value without a
suggestion waits for the coordinator's choice and is marked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from homestart_desktop.data.importing.fields import FIELDS, LISTS, fold
from homestart_desktop.data.importing.mapping import Mapping, distinct_values, suggest_mapping
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import theme
from homestart_desktop.ui.importing.state import ImportState

UNCHOSEN = ""


def values_found(*, tables: dict, mapping: Mapping) -> tuple[Mapping, list[tuple[str, str, str]]]:
    """On the worker: suggestions for values met for the first time, and every (field title,
    list, value) to show, each value once."""
    mapping = suggest_mapping(tables, mapping)
    found: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for kind, table in tables.items():
        columns = mapping.columns.get(kind.value, {})
        for field in FIELDS[kind]:
            if not field.choices or field.key not in columns:
                continue
            tags = field.reads == "tags"
            for value in distinct_values(table, kind, columns[field.key], tags=tags):
                if (field.choices, fold(value)) not in seen:
                    seen.add((field.choices, fold(value)))
                    found.append((field.title(), field.choices, value))
    return mapping, found


class ValuesPage(QWizardPage):
    """A row per (field, value found) with a drop-down of the app's codes."""

    def __init__(self, ops: Any, state: ImportState) -> None:
        super().__init__()
        self.ops, self.state = ops, state
        self.setTitle(_("Match the values"))
        self.setSubTitle(
            _(
                "Your lists write the same thing in different ways. Say once what each value "
                "means; a value left open gives its rows a problem in the preview."
            )
        )
        self.grid = QTableWidget(0, 3, objectName="import_values")
        self.grid.setHorizontalHeaderLabels([_("Field"), _("Value in your list"), _("Means")])
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.grid.setColumnWidth(2, 260)
        self.empty = QLabel(
            _("No list fields were matched to a column: nothing to do here."),
            objectName="emptyState",
        )
        self.rows: list[tuple[str, str, QComboBox]] = []
        self._reading = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.empty)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.rows.clear()
        self.grid.setRowCount(0)
        self._reading = True
        self.completeChanged.emit()
        self.ops.run(
            values_found,
            tables=self.state.tables,
            mapping=self.state.mapping,
            success=self._show,
            owner=self,
        )

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._reading

    def _show(self, result: tuple[Mapping, list[tuple[str, str, str]]]) -> None:
        self._reading = False
        self.state.mapping, found = result
        self.grid.setRowCount(len(found))
        for row, (title, list_name, value) in enumerate(found):
            for column, text in enumerate((title, value)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.grid.setItem(row, column, item)
            box = QComboBox(objectName=f"import_value_{list_name}_{row}")
            box.setAccessibleName(_("{field}: {value}").format(field=title, value=value))
            box.addItem(_("— choose —"), UNCHOSEN)
            for code, (label, _words) in LISTS[list_name].items():
                box.addItem(_(label), code)
            code = self.state.mapping.code_for(list_name, value)
            box.setCurrentIndex(max(box.findData(code or UNCHOSEN), 0))
            box.currentIndexChanged.connect(lambda _i, r=row: self._mark(r))
            self.grid.setCellWidget(row, 2, box)
            self.rows.append((list_name, value, box))
            self._mark(row)
        self.grid.setVisible(bool(found))
        self.empty.setVisible(not found)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt's name)
        self._store()  # going back keeps the choices

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        self._store()
        return True

    def _store(self) -> None:
        for list_name, value, box in self.rows:
            codes = self.state.mapping.values.setdefault(list_name, {})
            if box.currentData():
                codes[fold(value)] = box.currentData()
            else:
                codes.pop(fold(value), None)

    def _mark(self, row: int) -> None:
        open_value = not self.rows[row][2].currentData() if row < len(self.rows) else False
        colour = QColor(theme.WARNING_SOFT) if open_value else QColor("white")
        for column in (0, 1):
            item = self.grid.item(row, column)
            if item is not None:
                item.setBackground(colour)
