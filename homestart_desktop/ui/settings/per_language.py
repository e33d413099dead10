"""Editors for the texts a coordinator types for documents, one per language, side by side.

A French document must print French words: the aim, the extra cover and the place of signing
are typed in Dutch, French and English, each beside the others, so that while typing one
language the coordinator reads what the others say. Stored as ``name``, ``name_fr``, ``name_en``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from homestart_desktop.i18n import LANGUAGES

SUFFIXES = {"nl": "", "fr": "_fr", "en": "_en"}


def stored_names(name: str) -> dict[str, str]:
    """The settings behind one per-language field: {'nl': 'other_cover', 'fr': ...}."""
    return {lang: f"{name}{suffix}" for lang, suffix in SUFFIXES.items()}


class PerLanguageEdit(QWidget):
    """Three editors in a row, headed Nederlands, Français, English."""

    def __init__(self, name: str, *, long: bool, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.editors: dict[str, Any] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for column, (lang, stored) in enumerate(stored_names(name).items()):
            caption = QLabel(LANGUAGES[lang], self, objectName="hint")
            # Only as tall as its line: the text boxes below take the height.
            caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            if long:
                editor: Any = QPlainTextEdit(self)
                editor.setFixedHeight(64)
                editor.setTabChangesFocus(True)
            else:
                editor = QLineEdit(self)
            editor.textChanged.connect(on_change)
            editor.setObjectName(stored)
            editor.setAccessibleName(LANGUAGES[lang])
            grid.addWidget(caption, 0, column)
            grid.addWidget(editor, 1, column)
            self.editors[lang] = editor

    def set_values(self, values: dict[str, str]) -> None:
        for lang, editor in self.editors.items():
            editor.blockSignals(True)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(values.get(lang, ""))
            else:
                editor.setText(values.get(lang, ""))
            editor.blockSignals(False)

    def values(self) -> dict[str, str]:
        return {
            lang: (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text()).strip()
            for lang, e in self.editors.items()
        }
