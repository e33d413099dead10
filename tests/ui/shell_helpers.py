"""Fixtures and steps for tests that drive the whole app like a coordinator does.

Import the fixtures into a test module (``from tests.ui.shell_helpers import controller``) and
use :func:`unlock_by_typing` to type a passphrase into the field found by objectName.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.theme import apply_theme
from homestart_desktop.ui.shell.app import AppController


@pytest.fixture
def controller(qtbot, qapp: QApplication, tmp_path: Path) -> Iterator[AppController]:
    """A running app (unlock window shown), its QSettings in a folder of its own."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    prompts.clear_answers()
    apply_theme(qapp)
    app_controller = AppController(qapp)
    app_controller.start()
    qtbot.waitUntil(lambda: app_controller.ops is not None, timeout=10_000)
    yield app_controller
    app_controller.shutdown()
    app_controller.setParent(None)
    prompts.clear_answers()


def passphrase_field(app_controller: AppController) -> QLineEdit:
    return app_controller.unlock_window.findChild(QLineEdit, "passphrase")


def unlock_by_typing(qtbot, app_controller: AppController, path: Path, passphrase: str) -> None:
    """Pick ``path``, type the passphrase, press Enter and wait until the main window shows."""
    app_controller.unlock_window.set_path(path)
    field = passphrase_field(app_controller)
    field.clear()
    qtbot.keyClicks(field, passphrase)
    with qtbot.waitSignal(app_controller.sig_unlocked, timeout=30_000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    app_controller.ops.wait_idle()
    # Private on purpose: nothing on screen tells that every answer has reached its screen.
    qtbot.waitUntil(lambda: not app_controller.ops._pending, timeout=10_000)


def lock_with_keyboard(qtbot, app_controller: AppController) -> None:
    """Press Ctrl+L in the main window and wait until the file is closed."""
    window = app_controller.main_window
    window.activateWindow()  # a shortcut works in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    with qtbot.waitSignal(app_controller.sig_locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
