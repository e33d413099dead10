"""The warning on the unlock and new-file windows when a case file lives on a network share or in
a folder a cloud service synchronises, with "Don't warn again for this file" once it is read.

The finding and the words come from ``data/casefile/places.py``; this panel only shows them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from homestart_desktop.data.casefile.places import (
    UnsafePlace,
    place_accepted,
    set_place_accepted,
    unsafe_place,
)
from homestart_desktop.i18n import _


class PlaceWarning(QFrame):
    """Hidden for a file on the laptop's own disk; otherwise why, and a way to stop the warning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeWarning")
        self._path: Path | None = None
        self._finding: UnsafePlace | None = None
        self.title = QLabel(objectName="placeWarningTitle")
        self.text = QLabel(objectName="placeWarningText")
        self.text.setWordWrap(True)
        self.text.setAccessibleName("place_warning")
        self.dont_warn = QCheckBox(objectName="dont_warn_again")
        self.dont_warn.toggled.connect(self._accepted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.dont_warn)
        self.retranslate()
        self.hide()

    # ---- Public API

    def set_path(self, path: Path | str | None) -> None:
        """Check where ``path`` lives and show the warning if it is not a safe place."""
        self._path = Path(path) if path else None
        self._finding = unsafe_place(self._path) if self._path is not None else None
        if self._finding is not None and place_accepted(self._path):
            self._finding = None  # read before, and the coordinator chose to keep it there
        self.dont_warn.blockSignals(True)
        self.dont_warn.setChecked(False)
        self.dont_warn.blockSignals(False)
        self.retranslate()
        self.setVisible(self._finding is not None)
        if self._finding is not None:
            self._make_room()

    def path(self) -> Path | None:
        """The file whose place was last checked."""
        return self._path

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(_("Not a safe place for the case file"))
        self.dont_warn.setText(_("Don't warn again for this file"))
        self.text.setText(self._finding.message() if self._finding is not None else "")

    # ---- Internals

    def _make_room(self) -> None:
        # The words take several lines; the window grows rather than squeeze the fields.
        window = self.window()
        layout = window.layout()
        if window is self or layout is None:
            return
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():
            window.resize(window.width(), needed)

    def _accepted(self, accepted: bool) -> None:
        # The panel stays while this file is chosen, so a tick by mistake can be undone.
        if self._path is not None:
            set_place_accepted(self._path, accepted)
