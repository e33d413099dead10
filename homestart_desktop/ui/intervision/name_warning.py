"""The warning before saving a note that names someone from a family of the branch.

It stands inside the form, above the buttons (no pop-up: the coordinator sees the note while
deciding). Each name found gets a choice: the family's reference code (the first offered) or
"keep as written"; when more families share the name, each of their codes is offered.
"Replace and save" puts the chosen codes in the notes; "Save as written" saves them unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.intervision.name_detector import (
    NameHit,
    NameIndex,
    find_names,
    replace_names,
)
from homestart_desktop.i18n import _
from homestart_desktop.ui.intervision.family_reference_picker import NoteEdit


class LineText:
    """A one-line field seen as a note, so the bar can check and fix it too."""

    def __init__(self, edit: QLineEdit) -> None:
        self.edit = edit

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)


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
        self._found: list[tuple[NoteEdit | LineText, NameHit, QComboBox]] = []
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

    def check(self, index: NameIndex, notes: dict[str, NoteEdit | LineText]) -> bool:
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
        self.replace_button.setFocus()
        return True

    def replace(self) -> None:
        """Put the chosen reference codes in place of the names found."""
        by_note: dict[int, tuple[NoteEdit | LineText, list[NameHit], dict[int, str]]] = {}
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
