"""What a careful security engineer checks on the case file: bytes, permissions, refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from homestart_desktop import cli, logs
from homestart_desktop.data.casefile import casefile
from homestart_desktop.data.casefile.errors import DamagedCaseFile, NewerVersion
from tests.cli_helpers import (
    cli_env,
    leaks,
    open_with_key,
    passphrase_file,
    snapshot,
    write_people,
)
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(folder))
    yield folder
    logs.close_logging()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    return passphrase_file(tmp_path / "secrets", TEST_PASSPHRASE)


def test_no_name_reaches_the_bytes_of_file_wal_backups_or_logs(
    empty_case_file: casefile.CaseFile, secret: Path, tmp_path: Path, _log_folder: Path
):
    path = empty_case_file.path
    write_people(empty_case_file)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0  # the commits are still in the WAL: it is checked too
    assert leaks(wal.read_bytes()) == []
    assert leaks(path.read_bytes()) == []
    backup = empty_case_file.backup(tmp_path / "usb")
    empty_case_file.lock()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert cli.main(["backup", str(path), "--passphrase-file", str(secret)]) == 0
    assert cli.main(["check", str(path), "--passphrase-file", str(secret)]) == 0
    logs.close_logging()
    written = [path, backup, *path.parent.rglob("*.hscase*"), *_log_folder.rglob("*")]
    assert len(written) >= 5
    for file in written:
        if file.is_file():
            assert leaks(file.read_bytes()) == [], file.name


def test_new_files_are_for_their_owner_only_even_with_an_open_umask(tmp_path: Path, secret: Path):
    target = tmp_path / "Gent.hscase"
    old_umask = os.umask(0)
    try:
        assert (
            cli.main(["new", str(target), "--branch", "Gent", "--passphrase-file", str(secret)])
            == 0
        )
        with casefile.unlock(target, passphrase=TEST_PASSPHRASE) as case_file:
            write_people(case_file)
            wal = target.with_name(target.name + "-wal")
            assert wal.exists()
            made = case_file.backup(tmp_path / "usb")
            modes = {
                "file": target.stat().st_mode,
                "wal": wal.stat().st_mode,
                "daily backup": next(target.parent.glob("Gent.hscase-backups/*daily*"))
                .stat()
                .st_mode,
                "backup": made.stat().st_mode,
            }
        folders = {"backups": target.with_name("Gent.hscase-backups"), "usb": tmp_path / "usb"}
    finally:
        os.umask(old_umask)
    assert {name: oct(mode & 0o777) for name, mode in modes.items()} == dict.fromkeys(
        modes, "0o600"
    )
    assert {name: oct(f.stat().st_mode & 0o777) for name, f in folders.items()} == dict.fromkeys(
        folders, "0o700"
    )


def test_one_damaged_byte_in_the_middle_is_found_and_named(
    empty_case_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]
):
    data = bytearray(empty_case_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    empty_case_path.write_bytes(bytes(data))
    assert cli.main(["check", str(empty_case_path), "--passphrase-file", str(secret)]) == 4
    error = capsys.readouterr().err
    assert "beschadigd" in error
    assert "HMAC verification failed for page" in error  # which page, in SQLCipher's words
    assert empty_case_path.read_bytes() == bytes(data)  # checking repairs nothing silently


def test_a_damaged_page_while_unlocking_is_a_damaged_file_not_a_crash(empty_case_path: Path):
    data = bytearray(empty_case_path.read_bytes())
    data[casefile.PAGE_BYTES + 100] ^= 0x01  # page 2: read while recognising the file
    empty_case_path.write_bytes(bytes(data))
    with pytest.raises(DamagedCaseFile) as refused:
        casefile.unlock(empty_case_path, passphrase=TEST_PASSPHRASE)
    assert refused.value.exit_code == 4
    assert "[SQL" not in refused.value.message


def test_a_file_from_a_newer_version_exits_6_and_is_left_alone(
    empty_case_file: casefile.CaseFile, secret: Path, capsys: pytest.CaptureFixture[str]
):
    with empty_case_file.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00d_from_2031'")
    empty_case_file.lock()
    path = empty_case_file.path
    before = snapshot(path)
    assert cli.main(["backup", str(path), "--passphrase-file", str(secret)]) == 6
    assert "nieuwere versie" in capsys.readouterr().err
    assert snapshot(path) == before
    with pytest.raises(NewerVersion):
        casefile.unlock(path, passphrase=TEST_PASSPHRASE)


HOLDER = """
import sys
from homestart_desktop.data.casefile.casefile import unlock
case_file = unlock(sys.argv[1], passphrase=sys.stdin.readline().rstrip("\\n"))
print("open", flush=True)
sys.stdin.read()  # hold the file until killed
"""


def test_a_file_open_elsewhere_is_refused_until_its_holder_dies(
    empty_case_path: Path, secret: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(empty_case_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(tmp_path / "logs"),
    )
    try:
        holder.stdin.write(TEST_PASSPHRASE + "\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "open\n"
        assert cli.main(["check", str(empty_case_path), "--passphrase-file", str(secret)]) == 5
        assert "al open" in capsys.readouterr().err
    finally:
        holder.kill()  # SIGKILL: no clean-up, the lock is stale
        holder.wait(timeout=30)
    assert Path(str(empty_case_path) + ".lock").exists()
    assert cli.main(["check", str(empty_case_path), "--passphrase-file", str(secret)]) == 0


COMMITTER = """
import sys
from homestart_desktop.data.casefile import casefile
from homestart_desktop.data.models import Setting
key = bytes.fromhex(sys.stdin.readline().strip())
path = casefile.Path(sys.argv[1])
salt = path.read_bytes()[: casefile.SALT_BYTES]
lock = casefile._lock_for(path)
casefile._acquire(lock)
case_file = casefile.CaseFile(path, key, salt, lock)
number = 0
while True:
    number += 1
    with case_file.session() as session:
        session.add(Setting(key=f"probe:{number}", value=str(number)))
    print(number, flush=True)  # acknowledged: the transaction has committed
"""


def test_killing_a_process_mid_commit_loses_no_acknowledged_commit(
    empty_template: tuple[Path, bytes], empty_case_path: Path, tmp_path: Path
):
    key = empty_template[1]
    committer = subprocess.Popen(
        [sys.executable, "-c", COMMITTER, str(empty_case_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(tmp_path / "logs"),
    )
    acknowledged: list[int] = []
    try:
        committer.stdin.write(key.hex() + "\n")
        committer.stdin.flush()
        while len(acknowledged) < 150:
            line = committer.stdout.readline()
            assert line, "the committer stopped"
            acknowledged.append(int(line))
    finally:
        committer.kill()  # SIGKILL, most likely in the middle of the next commit
        rest, _ = committer.communicate(timeout=30)
    acknowledged += [int(line) for line in rest.split()]
    with open_with_key(empty_case_path, key) as case_file, case_file.engine.connect() as connection:
        stored = {
            int(row[0])
            for row in connection.exec_driver_sql(
                "SELECT value FROM setting WHERE key LIKE 'probe:%'"
            )
        }
        assert case_file.integrity_problems() == []
    assert set(acknowledged) <= stored
    assert len(stored) - len(acknowledged) <= 1  # at most the one that was not yet acknowledged


def test_no_name_of_the_demo_branch_reaches_any_bytes(
    demo_case_file: casefile.CaseFile, tmp_path: Path, _log_folder: Path
):
    from sqlmodel import select

    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
    from homestart_desktop.data.models import Caregiver, Volunteer

    with demo_case_file.session() as session:
        people = [
            *session.exec(select(Caregiver.first_name, Caregiver.last_name)),
            *session.exec(select(Volunteer.first_name, Volunteer.last_name)),
        ]
    # Whole names: long enough that random ciphertext cannot contain one by chance.
    names = {f"{first} {last}".encode() for first, last in people if first and last}
    assert len(names) > 50
    path = demo_case_file.path
    backup = demo_case_file.backup(tmp_path / "usb")
    demo_case_file.lock()
    assert casefile.check_case_file(path, passphrase=DEMO_PASSPHRASE) == []
    logs.close_logging()
    files = [backup, *path.parent.rglob(path.name + "*"), *_log_folder.rglob("*")]
    for file in (f for f in files if f.is_file()):
        data = file.read_bytes()
        assert not data.startswith(b"SQLite format 3")
        assert [name for name in names if name in data] == [], file.name


def test_a_new_file_that_fails_half_way_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from homestart_desktop.data.casefile import new_file

    def power_cut(**_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(new_file, "initialise_branch", power_cut)
    target = tmp_path / "Gent.hscase"
    with pytest.raises(OSError):
        casefile.create_case_file(target, passphrase=TEST_PASSPHRASE, branch_name="Gent")
    assert list(tmp_path.iterdir()) == []  # the name is free for the next try
