"""Personal data copied from the app: marked secret for clipboard managers, cleared after the
timeout and on lock, and only while the clipboard still holds the app's copy."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolButton

from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.register import list_families
from homestart_desktop.ui.common import clipboard
from homestart_desktop.ui.common.clipboard import SECRET_HINT, WINDOWS_FORMATS, marked_copy
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.clock import TEST_TODAY
from tests.ui.shell_helpers import controller, lock_with_keyboard, unlock_by_typing  # noqa: F401
from tests.ui.typing_helpers import double_click_row, find

SHORT_MS = 300


@pytest.fixture
def guard(qapp) -> Iterator[clipboard.ClipboardGuard]:
    """The app's guard with a short timeout; an empty clipboard before and after."""
    the_guard = clipboard.guard()
    the_guard.set_timeout(SHORT_MS)
    QGuiApplication.clipboard().clear()
    yield the_guard
    the_guard.set_timeout(clipboard.CLEAR_AFTER_MS)
    QGuiApplication.clipboard().clear()


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def is_marked_secret() -> bool:
    data = QGuiApplication.clipboard().mimeData()
    return bytes(data.data(SECRET_HINT)) == b"secret"


@pytest.fixture
def family_file(qtbot, demo_case_file) -> Iterator[FamilyFileDialog]:
    ops = Ops()
    ops.case_file = demo_case_file
    family_id = next(
        row.family_id
        for row in demo_case_file.read(list_families, today=TEST_TODAY)
        if (f := demo_case_file.read(load_family, family_id=row.family_id, today=TEST_TODAY).family)
        and f.phone
        and f.street
    )
    dialog = FamilyFileDialog(ops, family_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None, timeout=10_000)
    yield dialog
    dialog.close()
    ops.shutdown()


def test_copying_a_familys_phone_marks_it_secret_and_clears_it_after_the_timeout(
    qtbot, guard, family_file
) -> None:
    phone = family_file.file.family.phone
    button = find(family_file, "phone_copy", QToolButton)
    assert button.toolTip().startswith("Kopiëren")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clipboard_text() == phone and is_marked_secret()
    qtbot.waitUntil(lambda: clipboard_text() == "", timeout=5_000)


def test_the_address_copies_too_and_ctrl_c_in_a_label_is_guarded(qtbot, guard, family_file) -> None:
    f = family_file.file.family
    qtbot.mouseClick(find(family_file, "address_copy", QToolButton), Qt.MouseButton.LeftButton)
    assert f.street in clipboard_text() and is_marked_secret()

    phone = find(family_file, "phone", QLabel)
    phone.setFocus()
    phone.setSelection(0, len(phone.text()))  # as a drag of the mouse over it would
    qtbot.keyClick(phone, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == f.phone and is_marked_secret()


def test_what_the_coordinator_copied_elsewhere_since_stays(qtbot, guard, family_file) -> None:
    qtbot.mouseClick(find(family_file, "phone_copy", QToolButton), Qt.MouseButton.LeftButton)
    QGuiApplication.clipboard().setText("boodschappenlijst")  # another program's copy
    qtbot.wait(SHORT_MS * 2)
    assert clipboard_text() == "boodschappenlijst"
    guard.clear()  # on lock too
    assert clipboard_text() == "boodschappenlijst"


def test_a_volunteers_e_mail_copies_from_its_field(qtbot, guard, demo_case_file) -> None:
    ops = Ops()
    ops.case_file = demo_case_file
    screen = VolunteersScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    row = next(v for v in screen.rows if v.status == "matched")
    double_click_row(qtbot, screen.table.view, row.reference)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "volunteer_file")
    qtbot.waitUntil(lambda: dialog.file is not None, timeout=10_000)
    email = find(dialog, "email", QLineEdit)
    assert email.text()
    (button,) = [
        b for b in email.findChildren(QToolButton) if b.defaultAction().objectName() == "email_copy"
    ]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clipboard_text() == email.text() and is_marked_secret()

    email.selectAll()  # Ctrl+C in the field: guarded as well
    qtbot.keyClick(email, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == email.text() and is_marked_secret()
    qtbot.waitUntil(lambda: clipboard_text() == "", timeout=5_000)
    dialog.done(0)
    ops.shutdown()


def test_locking_clears_what_was_copied(qtbot, guard, controller, demo_case_path: Path) -> None:
    unlock_by_typing(qtbot, controller, demo_case_path, DEMO_PASSPHRASE)
    guard.set_timeout(60_000)  # the lock must do it, not the timer
    guard.copy("0470 12 34 56")
    assert clipboard_text() == "0470 12 34 56"
    lock_with_keyboard(qtbot, controller)
    assert clipboard_text() == ""


def test_on_windows_the_copy_stays_out_of_the_clipboard_history() -> None:
    data = marked_copy("0470 12 34 56", b"token", platform="win32")
    for name, value in WINDOWS_FORMATS.items():
        assert bytes(data.data(name)) == value
    assert "ExcludeClipboardContentFromMonitorProcessing" in " ".join(data.formats())
    assert not any("windows" in name for name in marked_copy("x", b"t", platform="linux").formats())
