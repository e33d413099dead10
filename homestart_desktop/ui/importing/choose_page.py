"""Step 1: choose the workbooks (families, volunteers, running matches), the sheet, the header row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from homestart_desktop.data.importing.fields import KIND_LABELS, Kind
from homestart_desktop.data.importing.reading import (
    UnreadableWorkbook,
    make_table,
    read_workbook,
    suggest_header_row,
)
from homestart_desktop.i18n import _, current_language
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.importing.state import Chosen, ImportState


def list_filter() -> str:
    return (
        _("Excel workbooks and CSV files (*.xlsx *.xlsm *.xls *.csv)") + ";;" + _("All files (*)")
    )


def save_template(parent: Any, ops: Any) -> None:
    """*Sjabloon downloaden*: save the template workbook in the app's language."""
    from homestart_desktop.data.importing.template import write_template

    lang = current_language()
    suggested = Path.home() / (_("import template") + ".xlsx")
    target = prompts.choose_save_file(
        parent, _("Save the template workbook"), suggested=suggested, filter=list_filter()
    )
    if target is None:
        return
    ops.run(
        write_template,
        path=target,
        lang=lang,
        success=lambda saved: prompts.inform(
            parent, _("Template saved"), _("The template is saved: {file}").format(file=saved)
        ),
        failure=lambda _error: prompts.warn(
            parent, _("Template not saved"), _("The template could not be saved there.")
        ),
        owner=parent,
    )


class ChoosePage(QWizardPage):
    """A file, sheet and header row for each list; the header row is suggested."""

    def __init__(self, ops: Any, state: ImportState) -> None:
        super().__init__()
        self.ops, self.state = ops, state
        self.setTitle(_("Choose the lists"))
        self.setSubTitle(
            _("Choose the Excel workbooks (or CSV files) of your branch. Nothing is written yet.")
        )
        self._busy: set[Kind] = set()
        self.fields: dict[Kind, tuple[QLineEdit, QComboBox, QSpinBox, QLabel]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for column, title in enumerate((_("List"), _("File"), "", _("Sheet"), _("Header row"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row, kind in enumerate(Kind, start=1):
            path = QLineEdit(objectName=f"import_file_{kind.value}", readOnly=True)
            path.setPlaceholderText(_("no file chosen"))
            choose = QPushButton(_("Choose…"), objectName=f"import_choose_{kind.value}")
            choose.clicked.connect(lambda _c=False, k=kind: self._choose(k))
            sheet = QComboBox(objectName=f"import_sheet_{kind.value}")
            sheet.setMinimumWidth(180)
            sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            sheet.currentTextChanged.connect(lambda _t, k=kind: self._sheet_changed(k))
            header = QSpinBox(objectName=f"import_header_{kind.value}", minimum=1, maximum=100)
            header.valueChanged.connect(lambda value, k=kind: self._header_changed(k, value))
            note = QLabel(objectName="hint")
            note.setWordWrap(True)
            label = QLabel(_(KIND_LABELS[kind]))
            label.setBuddy(choose)
            grid.addWidget(label, row * 2 - 1, 0)
            grid.addWidget(path, row * 2 - 1, 1)
            grid.addWidget(choose, row * 2 - 1, 2)
            grid.addWidget(sheet, row * 2 - 1, 3)
            grid.addWidget(header, row * 2 - 1, 4)
            grid.addWidget(note, row * 2, 1, 1, 4)
            self.fields[kind] = (path, sheet, header, note)
            sheet.setEnabled(False)
            header.setEnabled(False)
        grid.setColumnStretch(1, 1)
        template = QPushButton(_("Download template…"), objectName="import_template")
        template.clicked.connect(lambda: save_template(self, self.ops))
        hint = QLabel(
            _(
                "Starting from a clean sheet? The template has the app's columns and its lists "
                "as drop-downs."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(16)
        layout.addWidget(hint)
        layout.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    # ---- Qt's wizard

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.state.chosen) and not self._busy

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        self.state.tables = {
            kind: make_table(
                next(s for s in chosen.sheets if s.name == chosen.sheet), chosen.header_row
            )
            for kind, chosen in self.state.chosen.items()
        }
        return True

    # ---- Choosing

    def _choose(self, kind: Kind) -> None:
        path = prompts.choose_open_file(
            self,
            _("Choose the list of {list}").format(list=_(KIND_LABELS[kind]).lower()),
            filter=list_filter(),
        )
        if path is None:
            return
        self._busy.add(kind)
        self.completeChanged.emit()
        self.fields[kind][3].setText(_("Reading the workbook…"))
        self.ops.run(
            read_workbook,
            path=path,
            success=lambda sheets: self._read(kind, path, sheets),
            failure=lambda error: self._unreadable(kind, error),
            owner=self,
        )

    def _read(self, kind: Kind, path: Path, sheets: list) -> None:
        self._busy.discard(kind)
        path_field, sheet_box, header_box, note = self.fields[kind]
        path_field.setText(str(path))
        first = next((s for s in sheets if any(s.rows)), sheets[0])
        header = suggest_header_row(first.rows)
        self.state.chosen[kind] = Chosen(path, sheets, first.name, header)
        sheet_box.blockSignals(True)
        sheet_box.clear()
        sheet_box.addItems([s.name for s in sheets])
        sheet_box.setCurrentText(first.name)
        sheet_box.blockSignals(False)
        header_box.blockSignals(True)
        header_box.setValue(header)
        header_box.blockSignals(False)
        sheet_box.setEnabled(True)
        header_box.setEnabled(True)
        self._describe(kind)
        self.completeChanged.emit()

    def _unreadable(self, kind: Kind, error: BaseException) -> None:
        self._busy.discard(kind)
        self.state.chosen.pop(kind, None)
        self.fields[kind][0].clear()
        self.fields[kind][3].setText(
            str(error)
            if isinstance(error, UnreadableWorkbook)
            else _("This file cannot be read as a workbook. Open it in Excel and save it again.")
        )
        self.completeChanged.emit()

    def _sheet_changed(self, kind: Kind) -> None:
        chosen = self.state.chosen.get(kind)
        name = self.fields[kind][1].currentText()
        if chosen is None or not name:
            return
        chosen.sheet = name
        sheet = next(s for s in chosen.sheets if s.name == name)
        chosen.header_row = suggest_header_row(sheet.rows)
        self.fields[kind][2].setValue(chosen.header_row)
        self._describe(kind)

    def _header_changed(self, kind: Kind, value: int) -> None:
        chosen = self.state.chosen.get(kind)
        if chosen is not None:
            chosen.header_row = value
            self._describe(kind)

    def _describe(self, kind: Kind) -> None:
        chosen = self.state.chosen[kind]
        table = make_table(
            next(s for s in chosen.sheets if s.name == chosen.sheet), chosen.header_row
        )
        shown = [c.header for c in table.columns if not c.hidden]
        headers = ", ".join(shown[:8]) + (", …" if len(shown) > 8 else "")
        self.fields[kind][3].setText(
            _("{count} rows under the headers: {headers}").format(
                count=len(table.rows), headers=headers
            )
        )
