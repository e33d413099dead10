"""The unlock window names what is wrong with a file; a backup that fails does not stop the day."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from homestart_desktop.data.casefile import backups, opening, wal
from homestart_desktop.data.casefile.errors import FileCutShort
from homestart_desktop.i18n import _
from tests.cli_helpers import open_with_key, row_counts
from tests.conftest import TEST_PASSPHRASE
from tests.fault_helpers import crashed_with_families_in_wal, fill_up, flip_byte, small_disk
from tests.ui.shell_helpers import controller, passphrase_field, unlock_by_typing  # noqa: F401


def _type_and_wait_for_the_error(qtbot, controller, path: Path) -> str:
    controller.unlock_window.set_path(path)
    field = passphrase_field(controller)
    qtbot.keyClicks(field, TEST_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = controller.unlock_window.error
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert field.text() == TEST_PASSPHRASE  # kept, to correct or to try again
    return error.text()


def test_a_file_cut_short_is_named_not_taken_for_a_wrong_passphrase(
    qtbot, controller, empty_case_path: Path
) -> None:
    with empty_case_path.open("r+b") as fh:
        fh.truncate(empty_case_path.stat().st_size - opening.PAGE_BYTES)
    assert _type_and_wait_for_the_error(qtbot, controller, empty_case_path) == (
        FileCutShort().message
    )
    assert "afgekapt" in FileCutShort().message  # in Dutch


def test_a_damaged_wal_is_not_opened_and_the_window_says_why(
    qtbot, controller, empty_template: tuple[Path, bytes], tmp_path: Path
) -> None:
    path = crashed_with_families_in_wal(*empty_template, tmp_path / "case")
    wal_file = wal.wal_path(path)
    flip_byte(wal_file, 0)
    before = wal_file.read_bytes()
    text = _type_and_wait_for_the_error(qtbot, controller, path)
    assert "-wal" in text and "kopie" in text
    assert wal_file.read_bytes() == before
    assert controller.main_window is None or not controller.main_window.isVisible()


def test_a_daily_backup_that_cannot_be_made_is_said_on_today_and_the_work_goes_on(
    qtbot, controller, empty_case_path: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path, empty_case_path.stat().st_size // 1024 + 512) as disk:
        path = disk / empty_case_path.name
        shutil.copyfile(empty_case_path, path)
        fill_up(disk, leave=150_000)  # room to work, not for a whole backup
        unlock_by_typing(qtbot, controller, path, TEST_PASSPHRASE)
        window = controller.main_window
        today = window.screen("today")
        warning = today.findChild(QLabel, "formError")
        qtbot.waitUntil(warning.isVisible, timeout=20_000)
        start = _("Today's backup could not be made; you can work on, but make one soon.")
        assert warning.text().startswith(start)
        assert "schijf is vol" in warning.text()
        assert window.statusBar().currentMessage() == warning.text()
        assert window.isVisible() and controller.ops.case_file is not None
        assert backups.list_backups(path) == []
        controller.lock()
        qtbot.waitUntil(lambda: controller.ops.case_file is None, timeout=10_000)
    assert not warning.isVisible()  # emptied on lock with the rest


def test_after_a_damaged_wal_the_window_offers_the_newest_backup_and_puts_it_in_place(
    qtbot, controller, empty_template: tuple[Path, bytes], tmp_path: Path
) -> None:
    from homestart_desktop.ui.common import prompts

    path = crashed_with_families_in_wal(*empty_template, tmp_path / "case")
    folder = backups.backup_dir(path)
    folder.mkdir()
    newest = folder / f"{path.stem}-20260301-090000-daily.hscase"
    shutil.copyfile(empty_template[0], newest)
    wal_file = wal.wal_path(path)
    flip_byte(wal_file, wal_file.stat().st_size // 2)
    damaged = {p.name: p.read_bytes() for p in (path, wal_file)}

    text = _type_and_wait_for_the_error(qtbot, controller, path)
    assert newest.name in text
    offer = controller.unlock_window.restore_offered
    assert offer.isVisible() and offer.objectName() == "restore_newest_backup"
    prompts.set_next_answers([True])
    offer.click()
    qtbot.waitUntil(lambda: controller.unlock_window.note.isVisible(), timeout=20_000)
    assert not offer.isVisible() and not controller.unlock_window.error.isVisible()
    # The backup is in place: its rows, plus the Logboek's note that it was restored.
    with open_with_key(path, empty_template[1]) as restored:
        counts = row_counts(restored)
    check = Path(shutil.copyfile(newest, tmp_path / "check.hscase"))
    with open_with_key(check, empty_template[1]) as backup:
        expected = row_counts(backup)
    assert counts.pop("auditevent") == expected.pop("auditevent") + 1
    assert counts == expected
    # What it replaced is kept whole, with its damaged WAL beside it under the same name.
    (kept,) = folder.glob("*before-restore.hscase")
    assert kept.read_bytes() == damaged[path.name]
    assert wal.wal_path(kept).read_bytes() == damaged[wal_file.name]
    unlock_by_typing(qtbot, controller, path, TEST_PASSPHRASE)
    assert controller.main_window.isVisible()
