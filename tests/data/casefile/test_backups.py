"""Backups a coordinator can count on: whole, encrypted, rotated, and restorable."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from homestart_desktop import cli, logs
from homestart_desktop.data.casefile import backups, casefile
from homestart_desktop.data.casefile.errors import WrongPassphrase
from homestart_desktop.data.models import AuditEvent
from tests.cli_helpers import (
    leaks,
    open_with_key,
    passphrase_file,
    revision,
    row_counts,
    write_people,
)
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(tmp_path / "logs"))
    yield
    logs.close_logging()


def test_backup_and_restore_round_trip_keeps_the_replaced_file(
    empty_template: tuple[Path, bytes],
    empty_case_file: casefile.CaseFile,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
):
    key = empty_template[1]
    path = empty_case_file.path
    write_people(empty_case_file)
    counts_at_backup = row_counts(empty_case_file)
    revision_at_backup = revision(empty_case_file)
    empty_case_file.lock()
    secret = str(passphrase_file(tmp_path / "secrets", TEST_PASSPHRASE))

    assert (
        cli.main(["backup", str(path), "--to", str(tmp_path / "usb"), "--passphrase-file", secret])
        == 0
    )
    (made,) = (tmp_path / "usb").glob("*.hscase")
    assert str(made) in capsys.readouterr().out
    # The first unlock of the day also left its daily backup beside the file.
    assert [b.reason for b in backups.list_backups(path)] == ["daily"]

    with open_with_key(path, key) as case_file:  # work goes on after the backup ...
        write_people(case_file, first_reference=100)
        counts_later = row_counts(case_file)
    assert counts_later["family"] == 2 * counts_at_backup["family"]

    assert cli.main(["restore", str(made), str(path), "--passphrase-file", secret]) == 0
    output = capsys.readouterr().out
    with open_with_key(path, key) as restored:
        after = row_counts(restored)
        # The restored file is the backup's, plus the Logboek's note that it was restored.
        assert after.pop("auditevent") == counts_at_backup.pop("auditevent") + 1
        assert after == counts_at_backup
        with restored.session() as session:
            (noted,) = session.exec(select(AuditEvent).where(AuditEvent.kind == "restored"))
        assert noted.detail == dt.date.fromtimestamp(made.stat().st_mtime).isoformat()
        assert revision(restored) == revision_at_backup
        assert restored.integrity_problems() == []
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    # ... and what the restore replaced is kept, whole, with the later work in it.
    (kept,) = [b.path for b in backups.list_backups(path) if b.reason == "before-restore"]
    assert str(kept) in output
    with open_with_key(kept, key) as earlier:
        assert row_counts(earlier) == counts_later
    assert made.exists()  # restoring never consumes the backup


def test_a_backup_that_does_not_open_is_not_restored(empty_case_path: Path, tmp_path: Path):
    broken = tmp_path / "broken.hscase"
    data = bytearray(empty_case_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    broken.write_bytes(bytes(data))
    before = empty_case_path.read_bytes()
    secret = str(passphrase_file(tmp_path / "secrets", TEST_PASSPHRASE))
    assert (
        cli.main(["restore", str(broken), str(empty_case_path), "--passphrase-file", secret]) == 4
    )
    assert empty_case_path.read_bytes() == before
    assert not empty_case_path.with_name(empty_case_path.name + "-backups").exists()


def _age(backup: Path, days: int) -> Path:
    """The same backup, renamed as if it was made ``days`` ago."""
    stamp = (dt.datetime.now() - dt.timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
    stem = backup.name.split("-", 1)[0]
    older = backup.with_name(f"{stem}-{stamp}-daily.hscase")
    shutil.copyfile(backup, older)
    os.chmod(older, 0o600)
    return older


def test_daily_backup_on_the_first_unlock_of_a_day_and_rotation_keeps_n(
    empty_case_file: casefile.CaseFile,
):
    made = backups.daily_backup_if_due(empty_case_file, keep=3)
    assert made is not None and made.exists()
    assert backups.daily_backup_if_due(empty_case_file, keep=3) is None  # once a day
    for days in (1, 2, 3, 4, 5):
        _age(made, days)
    made.unlink()  # as if today's had not happened yet
    assert len(backups.list_backups(empty_case_file.path)) == 5

    today = backups.daily_backup_if_due(empty_case_file, keep=3)
    kept = backups.list_backups(empty_case_file.path)
    assert [b.path for b in kept][0] == today
    assert [(dt.date.today() - b.made_at.date()).days for b in kept] == [0, 1, 2]


def test_the_daily_backup_opens_with_the_passphrase_and_is_whole(
    empty_case_path: Path,
):
    with casefile.unlock(empty_case_path, passphrase=TEST_PASSPHRASE, backups_to_keep=2):
        pass
    (daily,) = backups.list_backups(empty_case_path)
    assert daily.reason == "daily"
    assert casefile.check_case_file(daily.path, passphrase=TEST_PASSPHRASE) == []
    assert oct(daily.path.stat().st_mode & 0o777) == "0o600"


def test_a_backup_holds_the_commits_still_in_the_wal_and_only_encrypted_bytes(
    empty_case_file: casefile.CaseFile, empty_template: tuple[Path, bytes]
):
    write_people(empty_case_file)  # committed, not yet checkpointed: still in the WAL
    wal = empty_case_file.path.with_name(empty_case_file.path.name + "-wal")
    assert wal.stat().st_size > 0
    counts = row_counts(empty_case_file)
    assert counts["family"] > 0

    made = empty_case_file.backup(reason="manual")

    assert casefile.check_case_file(made, passphrase=TEST_PASSPHRASE) == []
    assert leaks(made.read_bytes()) == []
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # one file, no WAL
    assert oct(made.stat().st_mode & 0o777) == "0o600"
    empty_case_file.lock()
    with casefile.unlock(made, passphrase=TEST_PASSPHRASE, daily_backup=False) as copy:
        assert row_counts(copy) == counts
        assert copy.integrity_problems() == []
    with pytest.raises(WrongPassphrase):
        casefile.unlock(made, passphrase=TEST_PASSPHRASE + "x", daily_backup=False)


def test_backups_left_unfinished_by_a_kill_go_on_the_next_backup_and_never_count(
    empty_case_file: casefile.CaseFile,
):
    folder = backups.backup_dir(empty_case_file.path)
    folder.mkdir()
    stem = empty_case_file.path.stem
    unfinished = [
        folder / f"{stem}-20260101-090000-daily.hscase.partial",
        folder / f"{stem}-20260101-090000-daily.hscase.partial-journal",
    ]
    for path in unfinished:
        path.write_bytes(b"half")
    assert backups.list_backups(empty_case_file.path) == []
    made = empty_case_file.backup(reason="manual")
    assert sorted(p.name for p in folder.iterdir()) == [made.name]
    assert [b.path for b in backups.list_backups(empty_case_file.path)] == [made]
