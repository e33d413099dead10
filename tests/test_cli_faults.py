"""Every fault a coordinator can meet gets its own exit code and one line in words.

Each case runs ``homestart`` in a fresh process, as a coordinator would, and checks the exit
code, that stderr is exactly one line (ours, no traceback), and that the case file and what
lies beside it are byte for byte as before.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from homestart_desktop.data.casefile import backups, opening, wal
from homestart_desktop.data.casefile.errors import (
    CannotWrite,
    DamagedJournal,
    DiskFull,
    FileCutShort,
    WrongPassphrase,
)
from homestart_desktop.i18n import _
from tests.cli_helpers import passphrase_file, run_homestart, snapshot
from tests.conftest import TEST_PASSPHRASE
from tests.fault_helpers import (
    crashed_with_families_in_wal,
    families_in,
    fill_up,
    flip_byte,
    make_read_only,
    small_disk,
)


@dataclasses.dataclass
class Fault:
    """A case file (or command) with one thing wrong, and what the coordinator must read."""

    args: list[object]
    code: int
    message: str
    case_path: Path | None = None
    exact: bool = True  # argparse puts its own words around a refused option's message


def _secret(tmp_path: Path, text: str = TEST_PASSPHRASE) -> Path:
    return passphrase_file(tmp_path / "secrets", text)


def _wrong_key(tmp_path: Path, case_path: Path) -> Fault:
    wrong = _secret(tmp_path, "dit is niet de juiste wachtzin")
    return Fault(
        ["backup", case_path, "--passphrase-file", wrong], 3, WrongPassphrase().message, case_path
    )


def _one_page_short(tmp_path: Path, case_path: Path) -> Fault:
    with case_path.open("r+b") as fh:  # the USB stick was pulled before the last page landed
        fh.truncate(case_path.stat().st_size - opening.PAGE_BYTES)
    return Fault(
        ["check", case_path, "--passphrase-file", _secret(tmp_path)],
        4,
        FileCutShort().message,
        case_path,
    )


def _cut_mid_page(tmp_path: Path, case_path: Path) -> Fault:
    with case_path.open("r+b") as fh:
        fh.truncate(case_path.stat().st_size - 100)
    return Fault(
        ["backup", case_path, "--passphrase-file", _secret(tmp_path)],
        4,
        FileCutShort().message,
        case_path,
    )


def _bad_quarter(year_quarter: str) -> Callable[[Path, Path], Fault]:
    def setup(tmp_path: Path, case_path: Path) -> Fault:
        from homestart_desktop.sync.quarter import Quarter

        with pytest.raises(ValueError) as refused:
            Quarter.parse(year_quarter)
        args = [
            "figures",
            case_path,
            "--quarter",
            year_quarter,
            "--passphrase-file",
            _secret(tmp_path),
        ]
        return Fault(args, 2, str(refused.value), case_path, exact=False)

    return setup


def _out_in_missing_folder(command: list[str]) -> Callable[[Path, Path], Fault]:
    """``command`` with FILE where the case file goes."""

    def setup(tmp_path: Path, case_path: Path) -> Fault:
        missing = tmp_path / "bestaat-niet"
        args = [case_path if word == "FILE" else word for word in command]
        args += ["--out", missing / "uit.bestand", "--passphrase-file", _secret(tmp_path)]
        message = _("This folder does not exist: {folder}").format(folder=missing)
        return Fault(args, 2, message, case_path)

    return setup


def _backup_to_a_file(tmp_path: Path, case_path: Path) -> Fault:
    a_file = tmp_path / "usb.txt"
    a_file.write_text("al een bestand", encoding="utf-8")
    message = _("This is a file, not a folder; give a folder: {folder}").format(folder=a_file)
    return Fault(
        ["backup", case_path, "--to", a_file, "--passphrase-file", _secret(tmp_path)],
        2,
        message,
        case_path,
    )


FAULTS = {
    "wrong passphrase": _wrong_key,
    "file one page short": _one_page_short,
    "file cut in the middle of a page": _cut_mid_page,
    "quarter of year 0": _bad_quarter("0000-Q1"),
    "quarter after year 9999": _bad_quarter("9999-Q4"),
    "ics into a missing folder": _out_in_missing_folder(
        ["ics", "FILE", "--volunteer", "VW-2026-001"]
    ),
    "schedule PDF into a missing folder": _out_in_missing_folder(
        ["print", "schedule", "FILE", "--volunteer", "VW-2026-001"]
    ),
    "intake form into a missing folder": _out_in_missing_folder(["print", "intake-form", "FILE"]),
    "backup --to an existing file": _backup_to_a_file,
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_each_fault_has_its_exit_code_and_one_line(
    fault: str, empty_case_path: Path, tmp_path: Path
):
    case = FAULTS[fault](tmp_path, empty_case_path)
    before = snapshot(empty_case_path)
    result = run_homestart(*case.args, log_dir=tmp_path / "logs")
    assert result.returncode == case.code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0] == case.message if case.exact else case.message in lines[0]
    assert snapshot(empty_case_path) == before


# ---- A damaged WAL: saved work SQLite would drop without a word


def _wal_offsets(wal_file: Path) -> dict[str, int]:
    size = wal_file.stat().st_size
    frame = wal.FRAME_HEADER_BYTES + opening.PAGE_BYTES
    return {
        "magic": 0,
        "header salt": 17,
        "header checksum": 26,
        "first frame's salt": wal.HEADER_BYTES + 9,
        "first frame's page": wal.HEADER_BYTES + wal.FRAME_HEADER_BYTES + 100,
        "middle": wal.HEADER_BYTES + (size - wal.HEADER_BYTES) // frame // 2 * frame + 2000,
        "last frame's checksum": size - frame + 20,
        "last byte": size - 1,
    }


@pytest.fixture
def crashed(empty_template: tuple[Path, bytes], tmp_path: Path) -> tuple[Path, bytes]:
    template, key = empty_template
    return crashed_with_families_in_wal(template, key, tmp_path / "case"), key


def test_a_whole_wal_after_a_crash_opens_with_every_family(
    crashed: tuple[Path, bytes], tmp_path: Path
):
    path, key = crashed
    assert wal.read_wal(wal.wal_path(path)).loses_saved_work is False
    result = run_homestart(
        "check", path, "--passphrase-file", _secret(tmp_path), log_dir=tmp_path / "logs"
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert families_in(path, key) == 30


@pytest.mark.parametrize("place", list(_wal_offsets(Path(__file__)).keys()))
def test_a_damaged_wal_stops_everything_and_keeps_an_untouched_copy(
    place: str, crashed: tuple[Path, bytes], tmp_path: Path
):
    path, key = crashed
    wal_file = wal.wal_path(path)
    flip_byte(wal_file, _wal_offsets(wal_file)[place])
    original = {name: Path(name).read_bytes() for name in (str(path), str(wal_file))}
    secret = _secret(tmp_path)
    for command in ("check", "backup", "figures"):
        extra = ["--quarter", "2026-Q1"] if command == "figures" else []
        result = run_homestart(
            command, path, *extra, "--passphrase-file", secret, log_dir=tmp_path / "logs"
        )
        assert result.returncode == 4, (command, result.stderr)
        (line,) = result.stderr.splitlines()
        kept_folder = next(backups.backup_dir(path).glob("kept-*"))
        expected = DamagedJournal(
            kept=f"{backups.backup_dir(path).name}/{kept_folder.name}", newest_backup=None
        ).message
        assert line == expected
        # The file and its WAL are as the crash left them, and a copy is kept beside them.
        assert {name: Path(name).read_bytes() for name in original} == original
        assert (kept_folder / path.name).read_bytes() == original[str(path)]
        assert (kept_folder / wal_file.name).read_bytes() == original[str(wal_file)]
    assert backups.list_backups(path) == []  # the kept copy is no backup to rotate away


def test_a_damaged_wal_names_the_newest_backup(crashed: tuple[Path, bytes], tmp_path: Path):
    path, key = crashed
    folder = backups.backup_dir(path)
    folder.mkdir()
    shutil.copyfile(path, folder / f"{path.stem}-20260301-090000-daily.hscase")
    wal_file = wal.wal_path(path)
    flip_byte(wal_file, wal_file.stat().st_size // 2)
    result = run_homestart(
        "backup", path, "--passphrase-file", _secret(tmp_path), log_dir=tmp_path / "logs"
    )
    assert result.returncode == 4
    assert f"{path.stem}-20260301-090000-daily.hscase" in result.stderr


# ---- A full or read-only disk (a real tmpfs; see tests/fault_helpers.py)


def test_backup_onto_a_full_usb_stick_says_the_disk_is_full(empty_case_path: Path, tmp_path: Path):
    with small_disk(tmp_path, 128) as stick:
        fill_up(stick)
        before = snapshot(empty_case_path)
        result = run_homestart(
            "backup",
            empty_case_path,
            "--to",
            stick,
            "--passphrase-file",
            _secret(tmp_path),
            log_dir=tmp_path / "logs",
        )
        leftovers = sorted(p.name for p in stick.iterdir())
    assert result.returncode == 7, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(DiskFull(needed=0, free=0).message.split(":")[0])
    assert "MB" in line
    assert leftovers == ["filler"]  # no half-made backup left on the stick
    # The daily backup beside the file was made; the case file itself is untouched.
    after = snapshot(empty_case_path)
    assert {k: v for k, v in after.items() if "-backups" not in k} == {
        k: v for k, v in before.items() if "-backups" not in k
    }


def test_a_nearly_full_disk_does_not_stop_the_work(empty_case_path: Path, tmp_path: Path):
    size = empty_case_path.stat().st_size
    with small_disk(tmp_path, size // 1024 + 512) as disk:
        path = disk / empty_case_path.name
        shutil.copyfile(empty_case_path, path)
        fill_up(disk, leave=150_000)  # room to open, not for a whole backup
        result = run_homestart(
            "figures",
            path,
            "--quarter",
            "2026-Q1",
            "--passphrase-file",
            _secret(tmp_path),
            log_dir=tmp_path / "logs",
        )
        backups_made = backups.list_backups(path)
        partials = list(backups.backup_dir(path).glob("*partial*"))
    assert result.returncode == 0, result.stderr
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(
        _("Today's backup could not be made; you can work on, but make one soon.")
    )
    assert "MB" in warning
    assert "2026-Q1" in result.stdout
    assert backups_made == [] and partials == []


def test_a_full_disk_is_not_a_wrong_passphrase(empty_case_path: Path, tmp_path: Path):
    with small_disk(tmp_path, empty_case_path.stat().st_size // 1024 + 64) as disk:
        path = disk / empty_case_path.name
        shutil.copyfile(empty_case_path, path)
        fill_up(disk)
        before = path.read_bytes()
        result = run_homestart(
            "check", path, "--passphrase-file", _secret(tmp_path), log_dir=tmp_path / "logs"
        )
        assert path.read_bytes() == before
        assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    assert result.returncode == 7, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(DiskFull(needed=0, free=0).message.split(":")[0])


@pytest.mark.parametrize("command", ["new", "demo-file"])
def test_making_a_file_on_a_full_disk_leaves_nothing_behind(command: str, tmp_path: Path):
    secret = _secret(tmp_path, "een nieuw bestand voor de proef op de som")
    with small_disk(tmp_path, 400) as disk:
        fill_up(disk, leave=150_000)
        target = disk / "Nieuw.hscase"
        extra = ["--branch", "Proefstad"] if command == "new" else ["--families", "60"]
        result = run_homestart(
            command, target, *extra, "--passphrase-file", secret, log_dir=tmp_path / "logs"
        )
        left = sorted(p.name for p in disk.iterdir())
    assert result.returncode == 7, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert left == ["filler"]


def test_a_read_only_stick_says_the_app_cannot_write_there(empty_case_path: Path, tmp_path: Path):
    with small_disk(tmp_path, 2048) as stick:
        path = stick / empty_case_path.name
        shutil.copyfile(empty_case_path, path)
        make_read_only(stick)
        for command in ("check", "backup"):
            result = run_homestart(
                command, path, "--passphrase-file", _secret(tmp_path), log_dir=tmp_path / "logs"
            )
            assert result.returncode == 8, result.stderr
            assert result.stderr.splitlines() == [CannotWrite().message]
        assert sorted(p.name for p in stick.iterdir()) == [path.name]


# ---- A name that is not UTF-8 (Latin-1 "café" on Linux)


@pytest.mark.skipif(os.name == "nt", reason="Windows names are always Unicode")
def test_a_case_file_whose_name_is_not_utf8_backs_up(empty_case_path: Path, tmp_path: Path):
    folder = tmp_path / "latin1"
    folder.mkdir()
    path = folder / os.fsdecode(b"caf\xe9.hscase")
    shutil.copyfile(empty_case_path, path)
    result = run_homestart(
        "backup", path, "--passphrase-file", _secret(tmp_path), log_dir=tmp_path / "logs"
    )
    assert (result.returncode, result.stderr) == (0, "")
    names = os.listdir(os.fsencode(backups.backup_dir(path)))
    assert sorted(name.split(b"-")[0] for name in names) == [
        b"caf\xe9",
        b"caf\xe9",
    ]  # daily, manual
    assert os.fsdecode(b"caf\xe9") in result.stdout
