"""Opening a file from outside (``homestart Gent.hscase``), and the list of recent files:
a file that is not found is shown as such, and any file can be taken off the list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QListWidget

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.theme import MUTED
from homestart_desktop.ui.shell.app import AppController
from homestart_desktop.ui.shell.unlock import (
    UnlockWindow,
    recent_files,
    remember_file,
    remembered_files,
)
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import passphrase_field
from tests.ui.typing_helpers import click


def _click_item(qtbot, window: UnlockWindow, name: str) -> None:
    listing = window.findChild(QListWidget, "recent_files")
    (item,) = [
        listing.item(r) for r in range(listing.count()) if listing.item(r).text().startswith(name)
    ]
    rect = listing.visualItemRect(item)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _texts(window: UnlockWindow) -> list[str]:
    listing = window.findChild(QListWidget, "recent_files")
    return [listing.item(r).text() for r in range(listing.count())]


def test_a_file_opened_from_outside_is_chosen_and_unlocks(
    qtbot, qapp: QApplication, empty_case_path: Path, tmp_path: Path
) -> None:
    """What a double-click on Teststad.hscase does: the unlock window, on that file."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    other = tmp_path / "elders" / "Gent.hscase"
    other.parent.mkdir()
    other.write_bytes(empty_case_path.read_bytes())
    remember_file(other)  # another file was opened last: the one double-clicked still wins
    controller = AppController(qapp)
    try:
        controller.start(empty_case_path)
        window = controller.unlock_window
        qtbot.waitUntil(lambda: controller.ops is not None, timeout=10_000)
        assert window.path() == empty_case_path
        assert window.file_name.text() == "Teststad"
        field = passphrase_field(controller)
        assert field.isEnabled()
        qtbot.keyClicks(field, TEST_PASSPHRASE)
        with qtbot.waitSignal(controller.sig_unlocked, timeout=30_000):
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert controller.ops.case_file.path == empty_case_path
        assert recent_files() == [empty_case_path, other]
    finally:
        controller.shutdown()
        controller.setParent(None)
        prompts.clear_answers()


def test_a_missing_file_is_shown_as_missing_and_files_can_be_taken_off_the_list(
    qtbot, tmp_path: Path
) -> None:
    gent, brugge, stick = (tmp_path / n for n in ("Gent.hscase", "Brugge.hscase", "Stick.hscase"))
    for path in (gent, brugge, stick):
        path.write_bytes(b"x")
        remember_file(path)
    stick.unlink()  # the USB stick is out
    window = UnlockWindow()
    qtbot.addWidget(window)
    window.show()

    texts = _texts(window)
    assert [t.split("\n")[0] for t in texts] == ["Stick", "Brugge", "Gent"]  # still listed
    assert texts[0].endswith("niet gevonden") and "niet gevonden" not in texts[1] + texts[2]
    listing = window.findChild(QListWidget, "recent_files")
    assert listing.item(0).foreground().color().name() == MUTED  # greyed
    _click_item(qtbot, window, "Stick")
    assert "Niet gevonden" in window.file_folder.text()
    assert not window.passphrase.isEnabled() and not window.unlock_button.isEnabled()

    click(qtbot, window, "Uit de lijst halen")
    assert [t.split("\n")[0] for t in _texts(window)] == ["Brugge", "Gent"]
    assert remembered_files() == [brugge, gent]

    _click_item(qtbot, window, "Gent")
    assert window.passphrase.isEnabled()
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert [t.split("\n")[0] for t in _texts(window)] == ["Brugge"]
    assert remembered_files() == [brugge]
    assert gent.exists()  # off the list, never off the disk
    again = UnlockWindow()  # the next start remembers it so
    qtbot.addWidget(again)
    assert again.findChild(QListWidget, "recent_files").count() == 1
