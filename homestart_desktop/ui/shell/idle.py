"""Lock the case file after a while without keyboard or mouse (KeePassXC's auto-lock).

One app-wide event filter notes the time of the last activity; a timer checks the deadline.
Noting a time on each event is cheap; restarting a timer on every mouse move would not be.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits ``sig_idle`` once after ``timeout_s`` seconds without activity, while running."""

    sig_idle = Signal()
    """The coordinator has been away long enough: lock."""

    sig_minutes_left = Signal(int)
    """Whole minutes (rounded up) until the lock, for the status bar; sent every few seconds."""

    def __init__(self, parent: QObject | None = None, *, timeout_s: float = 600.0) -> None:
        super().__init__(parent)
        self._timeout_s = timeout_s
        self._last = time.monotonic()
        self._running = False
        self._deadline = QTimer(self, singleShot=True)
        self._deadline.timeout.connect(self._check)
        self._tick = QTimer(self, interval=5_000)
        self._tick.timeout.connect(self._report)
        QApplication.instance().installEventFilter(self)

    # ---- Public API

    def set_timeout(self, seconds: float) -> None:
        """Change how long the app waits (the auto-lock setting, in seconds)."""
        self._timeout_s = max(seconds, 0.05)
        if self._running:
            self._arm()
            self._report()

    def start(self) -> None:
        """Start counting from now (after an unlock)."""
        self._running = True
        self._last = time.monotonic()
        self._arm()
        self._tick.start()
        self._report()

    def stop(self) -> None:
        """Stop counting (while locked)."""
        self._running = False
        self._deadline.stop()
        self._tick.stop()

    def seconds_left(self) -> float:
        return max(0.0, self._timeout_s - (time.monotonic() - self._last))

    # ---- Qt methods

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    # ---- Internals

    def _arm(self) -> None:
        self._deadline.start(max(1, int(self.seconds_left() * 1000)))

    def _check(self) -> None:
        if not self._running:
            return
        if self.seconds_left() > 0.001:
            self._arm()  # there was activity since: wait for the new deadline
            return
        self.stop()
        self.sig_idle.emit()

    def _report(self) -> None:
        self.sig_minutes_left.emit(math.ceil(self.seconds_left() / 60))
