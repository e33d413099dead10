"""Where windows open and how they are split: fitting the screen, remembered per screen.

The main window opens maximised on a screen under 1600 px wide (a laptop), centred at a
comfortable size on a larger one. Its size and place, and every splitter given to
:func:`keep_splitter`, are remembered per screen size in the app's own settings (the same
store as the recent files), so the laptop and the office monitor each keep their own layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QSplitter, QWidget

MAXIMISE_BELOW_WIDTH = 1600
COMFORTABLE = (1440, 900)


def app_settings() -> QSettings:
    """The app's own settings store (per user; an INI file, so tests can redirect it)."""
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "Home-Start Vlaanderen",
        "Home-Start Desktop",
    )


def screen_key(widget: QWidget | None = None) -> str:
    """The screen ``widget`` is on (or the main screen), as ``1366x768``."""
    size = _screen_of(widget).size()
    return f"{size.width()}x{size.height()}"


def _screen_of(widget: QWidget | None) -> QScreen:
    # QWidget.screen by name: the main window has a screen(key) of its own (its sections).
    screen = QWidget.screen(widget) if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


# ---- The main window


def place_main_window(window: QWidget) -> None:
    """Show ``window`` where it was last on this screen; else maximised on a laptop, centred."""
    key = screen_key(window)
    stored = app_settings().value(f"window/{key}/geometry")
    if stored and window.restoreGeometry(stored):
        window.show()
        return
    available = _screen_of(window).availableGeometry()
    if available.width() < MAXIMISE_BELOW_WIDTH:
        window.showMaximized()
        return
    width = min(COMFORTABLE[0], available.width() - 80)
    height = min(COMFORTABLE[1], available.height() - 80)
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(available.center())
    window.move(frame.topLeft())
    window.show()


def remember_main_window(window: QWidget) -> None:
    """Keep the window's size, place and maximised state for the screen it is on."""
    app_settings().setValue(f"window/{screen_key(window)}/geometry", window.saveGeometry())


# ---- Splitters


def keep_splitter(splitter: QSplitter, name: str, *, shares: list[int] | None = None) -> None:
    """Restore ``splitter`` as the coordinator left it on this screen, and keep each move.

    ``shares`` divides it the first time (e.g. ``[2, 1]``: two thirds, one third), whatever
    the height or width it gets then: proportions given before it is shown are lost.
    """
    splitter.setObjectName(splitter.objectName() or name)
    _SplitterKeeper(splitter, name, shares)


class _SplitterKeeper(QObject):
    """Acts once the splitter is first on screen, when it sits in its window and has a size."""

    def __init__(self, splitter: QSplitter, name: str, shares: list[int] | None) -> None:
        super().__init__(splitter)
        self.splitter, self.name, self.shares = splitter, name, shares
        splitter.installEventFilter(self)
        splitter.splitterMoved.connect(lambda _pos, _index: self.store())

    def key(self) -> str:
        return f"splitter/{screen_key(self.splitter)}/{self.name}"

    def store(self) -> None:
        app_settings().setValue(self.key(), self.splitter.saveState())

    def restore(self) -> None:
        stored = app_settings().value(self.key())
        if stored and self.splitter.restoreState(stored):
            return
        if self.shares:
            total = sum(self.splitter.sizes()) or 1
            whole = sum(self.shares)
            self.splitter.setSizes([total * share // whole for share in self.shares])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.splitter and event.type() == QEvent.Type.Show:
            self.splitter.removeEventFilter(self)
            QTimer.singleShot(0, self, self.restore)  # after the layout has sized it
        return False
