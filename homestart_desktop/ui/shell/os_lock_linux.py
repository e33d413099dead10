"""Linux: hear the screen lock and the coming sleep on D-Bus (QtDBus, part of PySide6-Essentials).

- System bus, ``org.freedesktop.login1`` (systemd-logind, elogind): the Manager's
  ``PrepareForSleep(true)`` before suspend or hibernate (lid closed), and ``Lock`` on this
  process's own session object (``loginctl lock-session``, many desktops' lock keys).
- While listening it holds a logind *delay* lock on sleep: the computer waits (at most
  ``InhibitDelayMaxSec``, 5 s by default) until the case file is closed and the key is gone
  from memory, before the memory is frozen or, on hibernation, written to disk.
- Session bus: ``ActiveChanged(true)`` of the desktops' screensaver services (freedesktop: KDE,
  Xfce, LXQt; GNOME; MATE), and Unity's ``Locked``.

Signals are matched from any sender: a fake "lock" from another program can only close the case
file, which is the safe side, and it lets the tests stand in for logind on a private bus.
"""

from __future__ import annotations

import logging
import os
import re
import uuid

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusPendingCallWatcher,
    QDBusUnixFileDescriptor,
)

from homestart_desktop.ui.shell.os_lock import SCREEN, SLEEP, OsLockListener

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
# (interface, signal, slot): the path is left open, as KDE sends on /ScreenSaver and on
# /org/freedesktop/ScreenSaver alike.
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "ActiveChanged", "_screensaver_active(bool)"),
    ("org.gnome.ScreenSaver", "ActiveChanged", "_screensaver_active(bool)"),
    ("org.mate.ScreenSaver", "ActiveChanged", "_screensaver_active(bool)"),
    ("com.canonical.Unity.Session", "Locked", "_session_locked()"),
)


def session_path(session_id: str) -> str:
    """The object path logind gives a session id (``2`` → ``…/session/_32``), as sd-bus escapes it."""
    escaped = "".join(
        c if re.fullmatch(r"[A-Za-z0-9]", c) and not (i == 0 and c.isdigit()) else f"_{ord(c):02x}"
        for i, c in enumerate(session_id)
    )
    return f"{LOGIN1_PATH}/session/{escaped or '_'}"


class DbusLockListener(OsLockListener):
    """Listens on the session and system buses; a bus that is not there is left out quietly.

    ``session_address``/``system_address`` point it at other buses (the tests' private one).
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_address: str | None = None,
        system_address: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._watching: list[tuple[QDBusConnection, str, str, str, str]] = []
        self._pending: QDBusPendingCallWatcher | None = None
        self._sleep_delay: int | None = None  # logind's delay lock: sleep waits while it is open
        self.session_object = ""  # the path of this process's login session, once known
        self._session = self._connect(QDBusConnection.BusType.SessionBus, session_address)
        self._system = self._connect(QDBusConnection.BusType.SystemBus, system_address)
        if self._session is not None:
            for interface, signal, slot in SCREENSAVERS:
                self._watch(self._session, "", interface, signal, slot)
        if self._system is not None:
            self._watch(self._system, LOGIN1_PATH, MANAGER, "PrepareForSleep", "_sleeping(bool)")
            self._ask_for_session()
            self._take_sleep_delay()

    # ---- Public API

    def stop(self) -> None:
        self.sleep_may_go_on()
        for bus, path, interface, signal, slot in self._watching:
            bus.disconnect("", path, interface, signal, self, SLOT(slot))
        self._watching.clear()
        for name in self._names:
            QDBusConnection.disconnectFromBus(name)
        self._names.clear()

    def sleep_may_go_on(self) -> None:
        if self._sleep_delay is not None:
            os.close(self._sleep_delay)
            self._sleep_delay = None

    def holds_sleep_delay(self) -> bool:
        """Whether logind waits for this app before sleeping (for tests and the log)."""
        return self._sleep_delay is not None

    def listening(self) -> bool:
        """Whether at least one bus is connected (for tests and the log)."""
        return bool(self._watching)

    # ---- The buses' signals

    @Slot(bool)
    def _screensaver_active(self, active: bool) -> None:
        if active:
            self.sig_os_locked.emit(SCREEN)

    @Slot()
    def _session_locked(self) -> None:
        self.sig_os_locked.emit(SCREEN)

    @Slot(bool)
    def _sleeping(self, starting: bool) -> None:
        if starting:
            self.sig_os_locked.emit(SLEEP)  # the controller calls sleep_may_go_on when done
        else:  # awake again: wait for the app before the next sleep too
            self._take_sleep_delay()

    # ---- Internals

    def _connect(
        self, kind: QDBusConnection.BusType, address: str | None
    ) -> QDBusConnection | None:
        name = f"homestart-{kind.name}-{uuid.uuid4().hex}"
        bus = (
            QDBusConnection.connectToBus(address, name)
            if address
            else QDBusConnection.connectToBus(kind, name)
        )
        self._names.append(name)
        if not bus.isConnected():
            log.info("no D-Bus %s: its lock signals are not followed", kind.name)
            return None
        return bus

    def _watch(self, bus: QDBusConnection, path: str, interface: str, signal: str, slot: str):
        if bus.connect("", path, interface, signal, self, SLOT(slot)):
            self._watching.append((bus, path, interface, signal, slot))

    def _ask_for_session(self) -> None:
        # GetSession("auto") names this process's session (or the seat's graphical one) in
        # strings only; GetSessionByPID would want a uint32, which PySide6 cannot send.
        asked = os.environ.get("XDG_SESSION_ID") or "auto"
        call = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, MANAGER, "GetSession")
        call.setArguments([asked])
        self._pending = QDBusPendingCallWatcher(self._system.asyncCall(call, 5_000), self)
        self._pending.finished.connect(self._session_found)

    def _take_sleep_delay(self) -> None:
        if self._sleep_delay is not None or self._system is None:
            return
        call = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, MANAGER, "Inhibit")
        call.setArguments(
            ["sleep", "Home-Start Desktop", "Closing the case file before sleeping", "delay"]
        )
        watcher = QDBusPendingCallWatcher(self._system.asyncCall(call, 5_000), self)
        watcher.finished.connect(self._sleep_delay_taken)

    def _sleep_delay_taken(self, watcher: QDBusPendingCallWatcher) -> None:
        arguments = watcher.reply().arguments() if not watcher.isError() else []
        watcher.deleteLater()
        if not self._names or self._sleep_delay is not None:
            return  # stopped meanwhile, or a second answer
        lock = arguments[0] if arguments else None
        if isinstance(lock, QDBusUnixFileDescriptor) and lock.isValid():
            # A copy of our own: Qt closes its descriptors when the reply goes.
            self._sleep_delay = os.dup(lock.fileDescriptor())

    def _session_found(self, watcher: QDBusPendingCallWatcher) -> None:
        reply = watcher.reply()
        watcher.deleteLater()
        self._pending = None
        arguments = reply.arguments() if not watcher.isError() else []
        if arguments and isinstance(arguments[0], QDBusObjectPath):
            path = arguments[0].path()
        elif os.environ.get("XDG_SESSION_ID"):  # an older logind, or none answered: the id
            path = session_path(os.environ["XDG_SESSION_ID"])
        else:
            log.info("no login session found: its Lock signal is not followed")
            return
        if self._system is not None and self._names:
            self.session_object = path
            self._watch(self._system, path, SESSION, "Lock", "_session_locked()")
