"""The same faults as tests/test_cli_faults.py, simulated, so they run where no disk can be mounted.

A real SQLITE_FULL comes from SQLite itself (``max_page_count`` caps the file); a full or
read-only disk under the daily backup and the lock file is simulated by raising the error the
operating system gives (ENOSPC, EROFS) at that point. The tmpfs tests show the same on real disks.
"""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path

import pytest
import sqlcipher3

from homestart_desktop import cli, logs
from homestart_desktop.data.casefile import backups, casefile, opening
from homestart_desktop.data.casefile.errors import CannotWrite, DiskFull
from homestart_desktop.i18n import _
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(tmp_path / "logs"))
    yield
    logs.close_logging()


def test_sqlite_full_is_named_a_full_disk_not_a_wrong_passphrase(
    empty_case_file: casefile.CaseFile,
):
    with empty_case_file.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        (pages,) = raw.execute("PRAGMA page_count").fetchone()
        raw.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full"
        with pytest.raises(sqlcipher3.OperationalError) as full:
            raw.execute("CREATE TABLE filler AS SELECT randomblob(100000) AS b")
    assert full.value.sqlite_errorcode & 0xFF == opening.SQLITE_FULL
    named = opening.storage_problem(full.value, empty_case_file.path.parent)
    assert isinstance(named, DiskFull) and named.exit_code == 7
    assert "MB" in named.message


def test_a_daily_backup_on_a_full_disk_warns_and_the_command_works_simulated(
    empty_case_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    def no_room(*args: object, **kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_write_backup", no_room)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["figures", str(empty_case_path), "--quarter", "2026-Q1"]) == 0
    captured = capsys.readouterr()
    (warning,) = captured.err.splitlines()
    assert warning.startswith(
        _("Today's backup could not be made; you can work on, but make one soon.")
    )
    assert "schijf is vol" in warning
    assert "2026-Q1" in captured.out
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["backup", str(empty_case_path)]) == 7  # asked for: then it is refused
    assert "schijf is vol" in capsys.readouterr().err


def test_a_read_only_place_is_named_simulated(
    empty_case_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    def read_only(self: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(casefile.FileLock, "acquire", read_only)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["check", str(empty_case_path)]) == 8
    assert capsys.readouterr().err.splitlines() == [CannotWrite().message]
