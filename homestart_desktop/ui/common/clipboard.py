"""Personal data copied out of the app: marked secret for clipboard managers, gone after 30 s.

A phone number copied to call a family should not live on in a clipboard history or stay
pasteable after the case file is locked. Everything the app puts on the clipboard carries
``x-kde-passwordManagerHint: secret`` (KDE's Klipper, GNOME's and other managers skip it) and,
on Windows, the formats that keep it out of the clipboard history and the cloud clipboard. The
guard clears it after ``timeout_ms``, on lock and on quit, but only while the clipboard still
holds this copy (a private token says so): what the coordinator copied elsewhere since stays.

Copies reach the guard three ways: the *Kopiëren* buttons (:func:`copy_private`), Ctrl+C in any
text field, label or table (an app-wide key filter copies the selection itself), and anything
else the app's own widgets put there (their context menus' *Kopiëren*), re-marked at once when
the platform says this app owns the clipboard.
"""

from __future__ import annotations

import sys
import uuid

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CLEAR_AFTER_MS = 30_000
SECRET_HINT = "x-kde-passwordManagerHint"
TOKEN = "application/x-homestart-copy"  # which copy this is: never read by other programs
# Windows: Qt registers a clipboard format by the name after value=.
WINDOWS_FORMATS = {
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"\0",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\0\0\0\0",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\0\0\0\0",
}


def marked_copy(text: str, token: bytes, *, platform: str = sys.platform) -> QMimeData:
    """``text`` as clipboard data marked secret (and Windows' formats on Windows)."""
    data = QMimeData()
    data.setText(text)
    data.setData(SECRET_HINT, b"secret")
    data.setData(TOKEN, token)
    if platform == "win32":
        for name, value in WINDOWS_FORMATS.items():
            data.setData(name, value)
    return data


class ClipboardGuard(QObject):
    """Puts personal data on the clipboard marked secret and takes it away again."""

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._token = b""
        self._expiry = QTimer(self, singleShot=True, interval=timeout_ms)
        self._expiry.timeout.connect(self.clear)
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)
        QGuiApplication.instance().installEventFilter(self)

    # ---- Public API

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, marked secret; it goes after the timeout."""
        if not text:
            return
        self._token = uuid.uuid4().bytes
        self._clipboard.setMimeData(marked_copy(text, self._token))
        self._expiry.start()

    def holds_our_copy(self) -> bool:
        """Whether the clipboard still holds the app's last copy."""
        data = self._clipboard.mimeData()
        return bool(self._token) and data is not None and bytes(data.data(TOKEN)) == self._token

    def clear(self) -> None:
        """Empty the clipboard if it still holds the app's copy (timeout, lock, quit)."""
        self._expiry.stop()
        if self.holds_our_copy():
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        self._token = b""
        # X11's selection (middle-click paste) holds whatever text was last selected here.
        if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
            self._clipboard.clear(QClipboard.Mode.Selection)

    def set_timeout(self, milliseconds: int) -> None:
        """How long a copy stays (30 s; tests wait less)."""
        self._expiry.setInterval(milliseconds)

    # ---- Qt methods

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not isinstance(event, QKeyEvent) or not event.matches(QKeySequence.StandardKey.Copy):
            return False
        selected = selected_text(watched)
        if selected is None:
            return False  # not a text widget of ours: Qt copies as it would
        self.copy(selected)
        return True

    # ---- Internals

    def _changed(self) -> None:
        # A copy by one of the app's own widgets that the key filter did not see (a context
        # menu's Copy): mark it and let it expire like the rest.
        if not self._clipboard.ownsClipboard() or self.holds_our_copy():
            return
        data = self._clipboard.mimeData()
        if data is not None and data.hasText() and not data.hasFormat(TOKEN):
            self.copy(data.text())


def selected_text(widget: QWidget) -> str | None:
    """The text Ctrl+C would copy from ``widget``; None where the guard leaves Qt to copy."""
    if isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            return None  # Qt copies nothing from a passphrase field; neither does the guard
        return widget.selectedText()
    if isinstance(widget, QLabel):
        return widget.selectedText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textCursor().selectedText().replace("\u2029", "\n")
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        value = index.data() if index.isValid() else None
        return "" if value is None else str(value)
    return None


_guard: ClipboardGuard | None = None


def guard() -> ClipboardGuard:
    """The app's one guard (made on first use)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(QGuiApplication.instance())
    return _guard


def copy_private(text: str) -> None:
    """Copy personal data (a phone number, an address) the guarded way."""
    guard().copy(text)
