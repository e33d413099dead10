"""The warning before saving a note that names someone from a family of the branch.

It stands inside the form, above the buttons (no pop-up: the coordinator sees the note while
deciding). Each name found gets a choice: the family's reference code (the first offered) or
"keep as written"; when more families share the name, each of their codes is offered.
"Replace and save" puts the chosen codes in the notes; "Save as written" saves them unchanged.

Intervision and coaching dialogs load the names with their form; a visit or review dialog uses a
:class:`NamesGuard`, which loads them at the first save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.intervision.name_detector import (
    NameHit,
    NameIndex,
    find_names,
    load_name_index,
    replace_names,
)
from homestart_desktop.i18n import _
from homestart_desktop.ui.common.dialog import grow_to_show
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.intervision.family_reference_picker import NoteEdit


class LineText:
    """A one-line field seen as a note, so the bar can check and fix it too."""

    def __init__(self, edit: QLineEdit) -> None:
        self.edit = edit

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)


class PlainText:
    """A plain text box seen as a note, so the bar can check and fix it too."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        self.edit = edit

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)


Note = NoteEdit | LineText | PlainText


class NameWarningBar(QFrame):
    """Shown when notes name family members; hidden otherwise."""

    sig_replace = Signal()
    """Replace the names as chosen, then save."""

    sig_keep = Signal()
    """Save the notes as written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameWarning")
        self.setStyleSheet(
            "#nameWarning { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 6px; }"
        )
        self._found: list[tuple[Note, NameHit, QComboBox]] = []
        self.message = QLabel(self, objectName="nameWarningText")
        self.message.setWordWrap(True)
        self.choices = QFormLayout()
        self.replace_button = QPushButton(_("Replace and save"), self, objectName="replaceNames")
        self.replace_button.setProperty("primary", True)
        self.keep_button = QPushButton(_("Save as written"), self, objectName="keepNames")
        self.replace_button.clicked.connect(self.sig_replace.emit)
        self.keep_button.clicked.connect(self.sig_keep.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.replace_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(self.choices)
        layout.addLayout(buttons)
        self.hide()

    # ---- Public API

    def check(self, index: NameIndex, notes: Mapping[str, Note]) -> bool:
        """Look for names in ``notes`` (label → field); show the bar and return True if any."""
        self.dismiss()
        for label, note in notes.items():
            for hit in find_names(note.text(), index):
                combo = QComboBox(self)
                combo.setObjectName(f"nameChoice{len(self._found)}")
                for reference in hit.references:
                    combo.addItem(reference, reference)
                combo.addItem(_("keep as written"), "")
                combo.setAccessibleName(hit.found)
                combo.setMaximumWidth(280)
                self.choices.addRow(
                    _("“{name}” in {field}").format(name=hit.found, field=label.lower()), combo
                )
                self._found.append((note, hit, combo))
        if not self._found:
            return False
        self.message.setText(
            _(
                "These notes name people from families of the branch. Notes should name a "
                "family only by its reference code. Replace the names before saving?"
            )
        )
        self.show()
        grow_to_show(self)
        self.replace_button.setFocus()
        return True

    def replace(self) -> None:
        """Put the chosen reference codes in place of the names found."""
        by_note: dict[int, tuple[Note, list[NameHit], dict[int, str]]] = {}
        for note, hit, combo in self._found:
            entry = by_note.setdefault(id(note), (note, [], {}))
            entry[1].append(hit)
            entry[2][hit.start] = combo.currentData()
        for note, hits, chosen in by_note.values():
            note.set_text(replace_names(note.text(), hits, chosen))
        self.dismiss()

    def dismiss(self) -> None:
        """Hide the bar and forget what it found."""
        while self.choices.rowCount():
            self.choices.removeRow(0)
        self._found = []
        self.hide()

    def names_found(self) -> list[str]:
        """The names shown (for tests)."""
        return [hit.found for _note, hit, _combo in self._found]


class NamesGuard:
    """Stops a save whose notes name family members, until the coordinator chooses on the bar.

    ``save`` is the dialog's own save; it calls :meth:`stops` first and returns when that says
    so. The names are read on the worker at the first save, then kept while the dialog is open.
    """

    def __init__(self, ops: Ops, bar: NameWarningBar, save: Callable[[], None]) -> None:
        self._ops, self.bar, self._save = ops, bar, save
        self._names: NameIndex | None = None
        self._checked = False  # the coordinator chose on the bar: save as it now stands
        bar.sig_replace.connect(self._replace_and_save)
        bar.sig_keep.connect(self._save_as_written)

    def stops(self, notes: Mapping[str, Note]) -> bool:
        """True when the save must wait: the names are loading, or the bar asks about them."""
        if self._checked:
            self._checked = False
            self.bar.dismiss()
            return False
        if not any(note.text().strip() for note in notes.values()):
            return False
        if self._names is None:
            self._ops.query(load_name_index, success=self._names_loaded, owner=self.bar)
            return True
        return self.bar.check(self._names, notes)

    def _names_loaded(self, names: NameIndex) -> None:
        self._names = names
        self._save()

    def _replace_and_save(self) -> None:
        self.bar.replace()
        self._save_as_written()

    def _save_as_written(self) -> None:
        self._checked = True
        self._save()
