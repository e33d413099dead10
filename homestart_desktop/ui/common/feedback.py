"""A short word in the main window's status bar once a save or an export went through.

One helper for every dialog and screen, so that *Opgeslagen* and *Bewaard in …* read the same
everywhere and stay a few seconds without asking for a click.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QWidget

from homestart_desktop.i18n import _

SHOWN_MS = 6000


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    """The main window a widget or dialog belongs to (dialogs are windows of their own)."""
    while widget is not None:
        window = widget.window()
        if isinstance(window, QMainWindow):
            return window
        widget = window.parentWidget()
    return None


def say_done(widget: QWidget | None, message: str) -> None:
    """Show ``message`` in the status bar of ``widget``'s main window for a few seconds."""
    window = main_window_of(widget)
    if window is not None:
        window.statusBar().showMessage(message, SHOWN_MS)


def say_saved(widget: QWidget | None) -> None:
    """After a save: *Opgeslagen*."""
    say_done(widget, _("Saved."))


def say_saved_in(widget: QWidget | None, path: Path) -> None:
    """After an export to a file or folder: where it went (the folder, then the file's name)."""
    say_done(widget, _("Saved in {place}").format(place=str(path)))
