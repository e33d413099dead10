"""Lock the case file when the computer's own screen locks or it goes to sleep (as KeePassXC does).

The idle lock (``idle.py``) waits ten minutes; a coordinator who presses Win+L or closes the lid
of the laptop expects the families' files to be closed at once. Each platform tells this its own
way: D-Bus on Linux (``os_lock_linux.py``), window messages on Windows (``os_lock_windows.py``),
a distributed notification on macOS (``os_lock_macos.py``). Each listener emits
``sig_os_locked`` with why; the app controller locks when the setting allows.

A listener that cannot listen (no D-Bus, an old Windows) stays silent: the idle lock still works.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SCREEN = "screen"  # the operating system's screen lock (Win+L, the screensaver's lock)
SLEEP = "sleep"  # the computer goes to sleep (lid closed, sleep button, low battery)


class OsLockListener(QObject):
    """What every platform's listener offers: one signal, and ``stop()`` before quitting."""

    sig_os_locked = Signal(str)
    """The screen locked (``SCREEN``) or the computer is going to sleep (``SLEEP``)."""

    def stop(self) -> None:
        """Stop listening (the app quits)."""

    def sleep_may_go_on(self) -> None:
        """The case file is closed (or was): the computer may go to sleep now.

        Only Linux asks the computer to wait (logind's delay lock, at most a few seconds)."""


def listen_for_os_lock(parent: QObject, window: QWidget) -> OsLockListener | None:
    """The listener of this platform (``window`` receives Windows' messages), or None."""
    try:
        if sys.platform.startswith("linux"):
            from homestart_desktop.ui.shell.os_lock_linux import DbusLockListener

            return DbusLockListener(parent)
        if sys.platform == "win32":
            from homestart_desktop.ui.shell.os_lock_windows import WindowsLockListener

            return WindowsLockListener(parent, window)
        if sys.platform == "darwin":
            from homestart_desktop.ui.shell.os_lock_macos import MacLockListener

            return MacLockListener(parent)
    except (OSError, AttributeError, ImportError) as error:
        # Only the kind: the idle lock remains, and the log says why this one is missing.
        log.warning("cannot follow the screen lock: %s", type(error).__name__)
    return None
