"""The search box on top of every list ("Zoek gezin, kind, postcode…").

Usage::

    search = SearchField(placeholder=_("Search family, child, postcode…"), object_name="search")
    search.sig_search.connect(proxy.setFilterFixedString)

``sig_search`` fires 150 ms after the last key (so thousands of rows filter smoothly) and at
once on Enter; Esc empties the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchField(QLineEdit):
    """A line edit with a clear button that reports what to search for, debounced."""

    sig_search = Signal(str)
    """The text to filter on (stripped), shortly after typing stops."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        placeholder: str = "",
        object_name: str = "search",
        delay_ms: int = 150,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder or object_name)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self._emit()
            return
        super().keyPressEvent(event)

    def _emit(self) -> None:
        self._timer.stop()
        self.sig_search.emit(self.text().strip())
