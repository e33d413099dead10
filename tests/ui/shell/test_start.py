"""Starting: the demo file with its passphrase shown, the self-test, the passphrase field's aids."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from homestart_desktop.data.demo import branch
from tests.ui.shell_helpers import controller, passphrase_field  # noqa: F401
from tests.ui.typing_helpers import choose, click


@pytest.fixture
def quick_demo(monkeypatch, demo_template) -> None:
    """write_demo_file copies the session's demo branch instead of generating it again."""

    def copy_demo(path: Path, **_kwargs: object) -> Path:
        shutil.copyfile(demo_template[0], path)
        return path

    monkeypatch.setattr(branch, "write_demo_file", copy_demo)


def test_the_demo_shows_its_passphrase_on_the_unlock_window(qtbot, controller, quick_demo) -> None:
    window = controller.unlock_window
    controller.make_demo_file()
    qtbot.waitUntil(
        lambda: window.path() is not None and window.demo_hint.isVisible(), timeout=20_000
    )
    assert branch.DEMO_PASSPHRASE in window.demo_hint.text()
    assert "verzonnen gezinnen" in window.demo_hint.text()
    assert window.path().name == "Demo.hscase" and window.path().exists()
    assert window.passphrase.isEnabled()


def test_the_demo_file_unlocked_is_not_kept_among_the_recent_files(
    qtbot, controller, quick_demo
) -> None:
    """Its folder goes when the app quits: listed, it would only say "niet gevonden" next time."""
    from homestart_desktop.ui.shell.unlock import remembered_files

    window = controller.unlock_window
    controller.make_demo_file()
    qtbot.waitUntil(
        lambda: window.path() is not None and window.passphrase.isEnabled(), timeout=20_000
    )
    qtbot.keyClicks(passphrase_field(controller), branch.DEMO_PASSPHRASE)
    with qtbot.waitSignal(controller.sig_unlocked, timeout=30_000):
        qtbot.keyClick(passphrase_field(controller), Qt.Key.Key_Return)
    assert controller.ops.case_file.path.name == "Demo.hscase"
    assert remembered_files() == []


def test_self_test_unlocks_shows_every_section_and_locks(quick_demo, capsys) -> None:
    from homestart_desktop.ui.shell.self_test import self_test

    assert self_test() == 0
    out = capsys.readouterr().out
    assert "self-test ok" in out and "today" in out and "settings" in out


def test_the_passphrase_can_be_shown_and_caps_lock_is_noticed(
    qtbot, controller, empty_case_path
) -> None:
    window = controller.unlock_window
    window.set_path(empty_case_path)
    field = passphrase_field(controller)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    click(qtbot, window, "show_passphrase")
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert window.toggle.text() == "Verbergen"
    click(qtbot, window, "show_passphrase")
    assert field.echoMode() == QLineEdit.EchoMode.Password

    capital = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "A")
    QApplication.sendEvent(field, capital)
    assert window.caps_hint.isVisible()  # a capital without Shift: Caps Lock is on
    qtbot.keyClicks(field, "b")
    assert not window.caps_hint.isVisible()
    assert field.text() == "Ab" and window.unlock_button.isEnabled()


def test_the_language_can_be_chosen_before_unlocking(qtbot, controller) -> None:
    from homestart_desktop.ui.shell.unlock import app_settings

    window = controller.unlock_window
    assert window.unlock_button.text() == "&Ontgrendelen"
    choose(qtbot, window, "language", "Français")
    assert window.unlock_button.text() == "&Déverrouiller"
    assert window.passphrase_label.text() == "&Phrase secrète"
    assert app_settings().value("language") == "fr"  # the next start opens in French
    choose(qtbot, window, "language", "English")
    assert window.unlock_button.text() == "&Unlock"


def test_the_demo_folder_goes_when_the_app_quits(qtbot, controller, quick_demo) -> None:
    window = controller.unlock_window
    controller.make_demo_file()
    qtbot.waitUntil(lambda: window.path() is not None, timeout=20_000)
    folder = window.path().parent
    assert folder.name.startswith("homestart-demo-") and folder.is_dir()
    controller.shutdown()
    assert not folder.exists()


def test_demo_folders_left_by_a_crash_go_at_the_next_start(tmp_path) -> None:
    from homestart_desktop.ui.shell.demo_folder import DemoFolder, remove_leftover_demo_folders

    left = tmp_path / "homestart-demo-k3x9q1"
    left.mkdir()
    (left / "Demo.hscase").write_bytes(b"\0" * 64)
    (tmp_path / "homestart-demo-k3x9q1" / "in-use.lock").touch()  # its app is gone: no OS lock
    shown_by_another_app = DemoFolder(temp_root=tmp_path)
    (shown_by_another_app.path / "Demo.hscase").write_bytes(b"\0" * 64)
    unrelated = tmp_path / "other-app-folder"
    unrelated.mkdir()

    assert remove_leftover_demo_folders(tmp_path) == 1
    assert not left.exists()
    assert (shown_by_another_app.path / "Demo.hscase").exists()  # still in use: stays
    assert unrelated.exists()
    shown_by_another_app.remove()
    assert not shown_by_another_app.path.exists()
