"""Notes that name families only by reference: the note field and the family reference picker.

:class:`NoteEdit` is a plain-text field (pasted rich text arrives as plain text; emoji and every
script are kept) with an "Insert family reference…" button. The button opens
:class:`FamilyReferencePicker`, where the coordinator finds a family by reference or by a
member's name, and the family's reference (never the name) is typed at the cursor.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.intervision.name_detector import FamilyChoice, list_family_choices
from homestart_desktop.data.workflow import status_label
from homestart_desktop.i18n import N_, _
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.status_table import RECORD_ROLE, Column, RecordTable


class PlainTextEdit(QPlainTextEdit):
    """A text field that takes only the text of whatever is pasted or dropped into it."""

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        if source.hasText():
            self.textCursor().insertText(source.text())


class FamilyReferencePicker(Dialog):
    """Choose a family; ``chosen`` holds its reference after Accept."""

    sig_loaded = Signal()
    """The families are listed (for tests)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("familyReferencePicker")
        self.setWindowTitle(_("Insert family reference"))
        self.resize(560, 460)
        self.chosen: str | None = None
        self.table = RecordTable(
            [
                Column(N_("Reference"), lambda f: f.reference),
                Column(N_("Status"), lambda f: f.status, status_label, whole=True),
                Column(N_("Family members"), lambda f: f.people),
            ],
            self,
            placeholder=_("Search reference or name…"),
            empty_text=_("There are no families in this case file yet."),
            object_name="family_picker_table",
        )
        hint = QLabel(
            _("Only the reference code goes into the note, never a name."),
            self,
            objectName="hint",
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Insert reference"))
        self.buttons.accepted.connect(self.choose_selected)
        self.buttons.rejected.connect(self.reject)
        self.table.sig_activated.connect(lambda _f: self.choose_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        ops.query(list_family_choices, success=self._show, owner=self)

    def _show(self, families: list[FamilyChoice]) -> None:
        self.table.set_records(families)
        self.table.search.setFocus()
        self.sig_loaded.emit()

    def choose_selected(self) -> None:
        """Accept with the selected family (or the only one left by the search)."""
        family = self.table.selected_record()
        if family is None and self.table.visible_count() == 1:
            family = self.table.proxy.index(0, 0).data(RECORD_ROLE)
        if family is None:
            return
        self.chosen = family.reference
        self.accept()


class NoteEdit(QWidget):
    """A plain-text note with an "Insert family reference…" button beneath it."""

    def __init__(
        self, ops: Ops, parent: QWidget | None = None, *, object_name: str, height: int = 110
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self.edit = PlainTextEdit(self)
        self.edit.setObjectName(object_name)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(height)
        self.edit.setMaximumHeight(height * 2)
        self.insert_button = QPushButton(
            _("Insert family reference…"), self, objectName=f"{object_name}_insertReference"
        )
        self.insert_button.setToolTip(_("Ctrl+R: name a family by its reference code"))
        self.insert_button.clicked.connect(self.pick_reference)
        QShortcut(QKeySequence("Ctrl+R"), self.edit, activated=self.pick_reference)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.insert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addLayout(row)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def insert_reference(self, reference: str) -> None:
        """Type ``reference`` at the cursor, with a space on either side where needed."""
        cursor = self.edit.textCursor()
        before = self.edit.toPlainText()[: cursor.position()]
        padding = "" if not before or before[-1].isspace() else " "
        cursor.insertText(f"{padding}{reference} ")
        self.edit.setFocus()

    def pick_reference(self) -> None:
        picker = FamilyReferencePicker(self._ops, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.insert_reference(picker.chosen)
