"""Step 2: which column fills which field (suggested from the headers), with its first values.

A name column can be split into first and last name (the "split" field), any column can be left
out. Mappings are saved by name in the case file and offered again next time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from homestart_desktop.data.importing.fields import FIELDS, KIND_LABELS, Kind
from homestart_desktop.data.importing.mapping import (
    Mapping,
    save_mapping,
    saved_mappings,
    suggest_mapping,
)
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.importing.state import ImportState

NOT_IMPORTED = ""


class ColumnsPage(QWizardPage):
    """One tab per list: each app field with a drop-down of the workbook's columns."""

    def __init__(self, ops: Any, state: ImportState) -> None:
        super().__init__()
        self.ops, self.state = ops, state
        self.saved: dict[str, Mapping] = {}
        self._suggesting = False
        self.setTitle(_("Match the columns"))
        self.setSubTitle(
            _(
                "Each field of the app gets a column of your list. The app suggests them from "
                "the headers; change what is not right. A field without a column is left empty."
            )
        )
        self.saved_box = QComboBox(objectName="import_saved_mapping")
        self.saved_box.activated.connect(self._use_saved)
        self.name_field = QLineEdit(objectName="import_mapping_name")
        self.name_field.setPlaceholderText(_("name, e.g. Excel lists Gent"))
        save = QPushButton(_("Save this mapping"), objectName="import_save_mapping")
        save.clicked.connect(self._save)
        top = QHBoxLayout()
        label = QLabel(_("Saved mapping:"))
        label.setBuddy(self.saved_box)
        top.addWidget(label)
        top.addWidget(self.saved_box, 1)
        top.addSpacing(20)
        top.addWidget(self.name_field, 1)
        top.addWidget(save)
        self.tabs = QTabWidget(objectName="import_column_tabs")
        self.tables: dict[Kind, QTableWidget] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        ops.query(saved_mappings, success=self._saved_loaded, owner=self)

    # ---- Qt's wizard

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        shape = tuple(
            (kind, tuple(c.header for c in table.columns))
            for kind, table in self.state.tables.items()
        )
        if shape != self.state.mapping_from:  # new lists: suggest again; else keep the choices
            self.state.mapping = suggest_mapping(self.state.tables, self.state.mapping)
            self.state.mapping_from = shape
        self._fill()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt's name)
        """Going back keeps every choice."""

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        self._read_choices()  # the values page suggests values for newly chosen columns
        return True

    # ---- Building

    def _fill(self) -> None:
        hidden = _("hidden column")
        self.tabs.clear()
        self.tables.clear()
        for kind, table in self.state.tables.items():
            grid = QTableWidget(len(FIELDS[kind]), 3, objectName=f"import_columns_{kind.value}")
            grid.setHorizontalHeaderLabels([_("Field in the app"), _("Column"), _("First values")])
            grid.verticalHeader().hide()
            grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            grid.horizontalHeader().setStretchLastSection(True)
            grid.setColumnWidth(1, 240)
            chosen = self.state.mapping.columns.get(kind.value, {})
            self.tables[kind] = grid
            for row, field in enumerate(FIELDS[kind]):
                name = QTableWidgetItem(field.title())
                name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
                grid.setItem(row, 0, name)
                box = QComboBox(objectName=f"import_column_{kind.value}_{field.key}")
                box.setAccessibleName(field.title())
                box.addItem(_("— not imported —"), NOT_IMPORTED)
                for column in table.columns:
                    shown = column.header + (f"  ({hidden})" if column.hidden else "")
                    box.addItem(shown, column.header)
                index = box.findData(chosen.get(field.key, NOT_IMPORTED))
                box.setCurrentIndex(max(index, 0))
                box.currentIndexChanged.connect(lambda _i, k=kind, r=row: self._samples(k, r))
                grid.setCellWidget(row, 1, box)
                grid.setItem(row, 2, QTableWidgetItem())
                self._samples(kind, row)
            self.tabs.addTab(grid, _(KIND_LABELS[kind]))

    def _samples(self, kind: Kind, row: int) -> None:
        grid = self.tables.get(kind)
        if grid is None:
            return
        header = grid.cellWidget(row, 1).currentData()
        column = self.state.tables[kind].column(header) if header else None
        item = grid.item(row, 2)
        item.setText(" · ".join(column.samples) if column else "")
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def _read_choices(self) -> None:
        for kind, grid in self.tables.items():
            chosen = {}
            for row, field in enumerate(FIELDS[kind]):
                header = grid.cellWidget(row, 1).currentData()
                if header:
                    chosen[field.key] = header
            self.state.mapping.columns[kind.value] = chosen

    # ---- Saved mappings

    def _saved_loaded(self, saved: dict[str, Mapping]) -> None:
        self.saved = saved
        current = self.saved_box.currentText()
        self.saved_box.clear()
        self.saved_box.addItem(_("— suggested by the app —"), "")
        for name in saved:
            self.saved_box.addItem(name, name)
        self.saved_box.setCurrentIndex(max(self.saved_box.findText(current), 0))

    def _use_saved(self, index: int) -> None:
        name = self.saved_box.itemData(index)
        start = self.saved.get(name) if name else None
        if name:
            self.name_field.setText(name)
        self.state.mapping_from = ()  # suggest anew from this start
        self.state.mapping = start or Mapping()
        self.initializePage()

    def _save(self) -> None:
        name = self.name_field.text().strip()
        if not name:
            prompts.warn(self, _("Save this mapping"), _("Give the mapping a name."))
            return
        self._read_choices()
        mapping = self.state.mapping
        self.ops.write(
            save_mapping,
            name=name,
            mapping=mapping,
            success=lambda _r: self.ops.query(
                saved_mappings, success=self._saved_loaded, owner=self
            ),
            owner=self,
        )
        self.saved_box.setEditText(name)
