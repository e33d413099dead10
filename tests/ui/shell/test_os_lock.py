"""The app locks when the computer's screen locks or it goes to sleep: Linux for real, on D-Bus.

A private ``dbus-daemon --session`` stands in for both buses: the desktop's session bus (the
screensaver's ``ActiveChanged``) and the system bus (logind's ``PrepareForSleep`` and the
session's ``Lock``). A second connection emits the signals, as the desktop and logind would; a
fake logind answers ``GetSession`` so the session's own object is found as on a real laptop.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusUnixFileDescriptor,
    QDBusVirtualObject,
)
from PySide6.QtWidgets import QApplication, QCheckBox

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.shell.app import AppController
from homestart_desktop.ui.shell.os_lock_linux import LOGIN1, LOGIN1_PATH, DbusLockListener
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import unlock_by_typing
from tests.ui.typing_helpers import click, find, tick

DBUS_DAEMON = shutil.which("dbus-daemon")
pytestmark = pytest.mark.skipif(
    DBUS_DAEMON is None,
    reason="dbus-daemon is not installed (Debian: apt-get install dbus-daemon), so no private "
    "bus can stand in for the desktop's",
)
SESSION_PATH = "/org/freedesktop/login1/session/_37"  # what logind calls session "7"


@pytest.fixture
def bus_address() -> Iterator[str]:
    """The address of a private message bus of this test's own."""
    daemon = subprocess.Popen(
        [DBUS_DAEMON, "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)
    daemon.stdout.close()


class FakeLogind(QDBusVirtualObject):
    """Answers logind's GetSession as a real one does for a process in session 7, and Inhibit
    with a pipe: logind waits before sleeping until every such pipe is closed."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.delay_ends: list[int] = []  # logind's side of each delay lock given out

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:  # noqa: N802
        if message.member() == "GetSession":
            self.asked.extend(message.arguments())
            connection.send(message.createReply(QDBusObjectPath(SESSION_PATH)))
            return True
        if message.member() == "Inhibit" and message.arguments()[3] == "delay":
            logind_end, app_end = os.pipe()
            self.delay_ends.append(logind_end)
            lock = QDBusUnixFileDescriptor(app_end)
            os.close(app_end)  # the descriptor holds its own copy
            connection.send(message.createReply(lock))
            return True
        return False

    def app_let_go(self) -> bool:
        """Whether the app closed its side of the latest delay lock (logind may sleep)."""
        end = self.delay_ends[-1]
        return bool(select.select([end], [], [], 0)[0]) and os.read(end, 1) == b""


@pytest.fixture
def desktop(bus_address: str) -> Iterator[QDBusConnection]:
    """The other side of the bus: the desktop and logind, who emit the signals."""
    name = "desktop-and-logind"
    connection = QDBusConnection.connectToBus(bus_address, name)
    logind = FakeLogind()
    assert connection.registerVirtualObject(LOGIN1_PATH, logind)
    assert connection.registerService(LOGIN1)
    connection.logind = logind  # kept alive as long as the connection
    yield connection
    QDBusConnection.disconnectFromBus(name)
    for end in logind.delay_ends:
        os.close(end)


def emit(connection: QDBusConnection, path: str, interface: str, name: str, *args) -> None:
    signal = QDBusMessage.createSignal(path, interface, name)
    signal.setArguments(list(args))
    assert connection.send(signal)


@pytest.fixture
def controller(qtbot, qapp: QApplication, tmp_path: Path, bus_address: str, desktop, monkeypatch):
    """The app, its lock listener on the private bus (as session bus and as system bus)."""
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    prompts.clear_answers()
    listener = DbusLockListener(session_address=bus_address, system_address=bus_address)
    app_controller = AppController(qapp, os_lock=listener)
    app_controller.start()
    qtbot.waitUntil(lambda: app_controller.ops is not None, timeout=10_000)
    qtbot.waitUntil(lambda: listener.session_object == SESSION_PATH, timeout=10_000)
    yield app_controller
    app_controller.shutdown()
    app_controller.setParent(None)
    listener.setParent(None)


def shows_the_unlock_screen(app_controller: AppController) -> bool:
    return app_controller.unlock_window.isVisible() and not app_controller.main_window.isVisible()


def test_the_screensaver_locking_the_screen_locks_the_case_file(
    qtbot, controller, desktop, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    assert desktop.logind.asked == ["auto"]  # this process's own session, in strings only

    # The screensaver going away (unlocking the desktop) closes nothing.
    emit(
        desktop,
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        False,
    )
    qtbot.wait(300)
    assert controller.ops.case_file is not None and controller.main_window.isVisible()

    with qtbot.waitSignal(controller.sig_locked, timeout=10_000):
        emit(
            desktop,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            True,
        )
    qtbot.waitUntil(lambda: shows_the_unlock_screen(controller), timeout=5_000)
    assert controller.ops.case_file is None
    # What the window switcher can preview: the unlock window and nothing else.
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [controller.unlock_window]
    assert (
        controller.unlock_window.note.text()
        == "Vergrendeld omdat het scherm van de computer vergrendelde."
    )


def test_gnome_and_the_session_lock_lock_it_too(
    qtbot, controller, desktop, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    with qtbot.waitSignal(controller.sig_locked, timeout=10_000):
        emit(desktop, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
    assert shows_the_unlock_screen(controller)

    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    with qtbot.waitSignal(controller.sig_locked, timeout=10_000):
        emit(
            desktop, SESSION_PATH, "org.freedesktop.login1.Session", "Lock"
        )  # loginctl lock-session
    assert shows_the_unlock_screen(controller)


def test_going_to_sleep_locks_the_case_file(
    qtbot, controller, desktop, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    with qtbot.waitSignal(controller.sig_locked, timeout=10_000):
        emit(desktop, LOGIN1_PATH, "org.freedesktop.login1.Manager", "PrepareForSleep", True)
    qtbot.waitUntil(lambda: shows_the_unlock_screen(controller), timeout=5_000)
    assert "slaapstand" in controller.unlock_window.note.text()


def test_the_computer_sleeps_only_once_the_case_file_is_closed(
    qtbot, controller, desktop, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    listener = controller.os_lock
    qtbot.waitUntil(listener.holds_sleep_delay, timeout=5_000)
    assert not desktop.logind.app_let_go()  # logind would wait for the app

    with qtbot.waitSignal(controller.sig_locked, timeout=10_000):
        emit(desktop, LOGIN1_PATH, "org.freedesktop.login1.Manager", "PrepareForSleep", True)
    qtbot.waitUntil(desktop.logind.app_let_go, timeout=5_000)
    assert controller.ops.case_file is None

    # Awake again: the next sleep waits for the app too.
    emit(desktop, LOGIN1_PATH, "org.freedesktop.login1.Manager", "PrepareForSleep", False)
    qtbot.waitUntil(lambda: len(desktop.logind.delay_ends) == 2, timeout=5_000)
    qtbot.waitUntil(listener.holds_sleep_delay, timeout=5_000)
    assert not desktop.logind.app_let_go()


def test_with_the_setting_off_the_screen_lock_leaves_the_file_open(
    qtbot, controller, desktop, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    window = controller.main_window
    window.show_section("settings")
    settings = window.screen("settings")
    box = find(settings, "lock_with_screen")
    qtbot.waitUntil(lambda: box.isChecked(), timeout=10_000)  # on by default
    assert isinstance(box, QCheckBox)
    tick(qtbot, settings, box, False)
    with qtbot.waitSignal(settings.sig_saved, timeout=10_000):
        click(qtbot, settings, "save")  # "Opslaan"
    qtbot.waitUntil(lambda: not controller.settings.lock_with_screen, timeout=10_000)

    with qtbot.assertNotEmitted(controller.sig_locked, wait=500):
        emit(
            desktop,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            True,
        )
    assert controller.ops.case_file is not None and window.isVisible()


def test_without_logind_the_session_id_names_the_session(
    qtbot, qapp, bus_address: str, monkeypatch
) -> None:
    # An older logind (or none on the bus): XDG_SESSION_ID gives the session's object.
    monkeypatch.setenv("XDG_SESSION_ID", "7")
    listener = DbusLockListener(session_address=bus_address, system_address=bus_address)
    qtbot.waitUntil(lambda: listener.session_object == SESSION_PATH, timeout=10_000)
    other = QDBusConnection.connectToBus(bus_address, "loginctl")
    with qtbot.waitSignal(listener.sig_os_locked, timeout=5_000) as locked:
        emit(other, SESSION_PATH, "org.freedesktop.login1.Session", "Lock")
    assert locked.args == ["screen"]
    listener.stop()
    QDBusConnection.disconnectFromBus("loginctl")


def test_without_any_bus_the_listener_stays_quiet(qtbot, qapp) -> None:
    listener = DbusLockListener(
        session_address="unix:path=/nonexistent/bus", system_address="unix:path=/nonexistent/bus"
    )
    assert not listener.listening()
    listener.stop()
