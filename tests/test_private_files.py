"""Every file the app writes with the branch's data in it is the coordinator's alone (0600).

Run with the usual umask 022, under which a plain ``write_bytes`` makes a file anyone on the
laptop can read (0644). Each command that writes a file runs for real and the mode is checked,
also when it replaces an older file that was readable by all.
"""

from __future__ import annotations

import ast
import datetime as dt
import logging
import os
import stat
from pathlib import Path

import pytest

from homestart_desktop import cli, logs
from homestart_desktop.data.casefile.new_file import make_branch_signing_key
from homestart_desktop.data.models import Caregiver, Family, FamilyStatus, Volunteer
from homestart_desktop.data.settings import load_settings, save_settings, set_secret
from homestart_desktop.private_files import write_private
from homestart_desktop.sync.central import keys
from homestart_desktop.sync.transports import FolderTransport
from tests.builders import matched_pair
from tests.conftest import TEST_PASSPHRASE

PACKAGE = Path(__file__).resolve().parent.parent / "homestart_desktop"


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


@pytest.fixture(autouse=True)
def usual_umask():
    """The umask most Linux desktops give a user: new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def branch_file(empty_case_file, tmp_path: Path) -> tuple[Path, list[str]]:
    """A locked case file with a matched family and volunteer, ready to send figures."""
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-001", status=FamilyStatus.active, street="Dorp 1")
        volunteer = Volunteer(reference="VW-2026-001", first_name="Özlem", last_name="Yılmaz")
        matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            proposed_on=dt.date(2026, 1, 5),
            start_on=dt.date(2026, 1, 12),
        )
        session.add(Caregiver(family_id=family.id, first_name="Jef", last_name="Peeters"))
        set_secret(session=session, key="branch_signing_key", value=make_branch_signing_key())
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(
                branch_code="TEST", central_office_public_key=keys.DEMO_PUBLIC.read_text().strip()
            ),
        )
    path = empty_case_file.path
    empty_case_file.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    return path, ["--passphrase-file", str(secret)]


def test_every_command_that_writes_a_file_makes_it_private(branch_file, tmp_path: Path):
    path, given = branch_file
    out = tmp_path / "out"
    out.mkdir()
    # An older calendar, readable by all, gets replaced by a private one.
    (out / "plan.ics").write_text("old")
    assert mode(out / "plan.ics") == "0o644"
    volunteer = ["--volunteer", "VW-2026-001"]
    commands = {
        "intake.pdf": ["print", "intake-form", str(path), "--family", "GZ-2026-001"],
        "blank.pdf": ["print", "intake-form", str(path)],
        "schedule.pdf": ["print", "schedule", str(path), *volunteer, "--with-address"],
        "agreement.pdf": ["print", "agreement", str(path), *volunteer],
        "plan.ics": ["ics", str(path), *volunteer],
        "TEST.key": ["branch-key", str(path)],
    }
    for name, command in commands.items():
        assert cli.main([*command, *given, "--out", str(out / name)]) == 0, name
    assert cli.main(["export", str(path), "--quarter", "2026-Q1", "--to", str(out), *given]) == 0

    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(commands) + 1  # the package too, and no temporary files left
    assert {p.name: mode(p) for p in out.iterdir()} == dict.fromkeys(written, "0o600")
    assert (out / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_the_log_stays_private_after_it_rolls_over(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path / "logs"))
    try:
        path = logs.setup_logging()
        logging.getLogger("homestart_desktop.test").info("unlocked")
        logs._handler.doRollover()  # what a full log does by itself
        logging.getLogger("homestart_desktop.test").info("locked")
    finally:
        logs.close_logging()
    files = sorted((tmp_path / "logs").iterdir())
    assert [p.name for p in files] == ["homestart.log", "homestart.log.1"]
    assert [mode(p) for p in files] == ["0o600", "0o600"]
    assert "locked" in path.read_text()


def test_a_package_saved_into_a_folder_is_private(tmp_path: Path):
    FolderTransport(tmp_path).deliver("TEST-2026-Q1-v1.age", b"age-encryption.org/v1 ...")
    assert [(p.name, mode(p)) for p in tmp_path.iterdir()] == [("TEST-2026-Q1-v1.age", "0o600")]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, monkeypatch):
    target = write_private(tmp_path / "plan.pdf", b"old")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_private(target, b"new")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
    assert target.read_bytes() == b"old"


# Writers that do not go through write_private, each with the reason it may.
ALLOWED = {
    "private_files.py": "the helper itself",
    "data/casefile/casefile.py": "the case file: os.open O_EXCL 0600, SQLite writes the rest",
    "data/casefile/backups.py": "backups: os.open O_EXCL 0600, copied page by page",
    "data/postcodes.py": "writes the Belgian postcode table at build time: public data",
    "sync/ptable.py": "a developer's tool writing the shipped p-table: no branch data",
    "data/casefile/opening.py": "the untouched copy of a damaged file and its WAL: os.open 0600, "
    "streamed (a case file is too large to hold in memory for write_private)",
    "sync/central/keys.py": "the office's secret key is os.open O_EXCL 0600 (never replaced); "
    "its public key is meant to be handed out",
}


def _writes_files(tree: ast.Module) -> list[int]:
    """Lines that create or overwrite a file: write_bytes/text, os.open, mkstemp, open(…, "w")."""
    lines = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        is_method = isinstance(function, ast.Attribute)
        name = function.attr if is_method else getattr(function, "id", "")
        on_os = is_method and isinstance(function.value, ast.Name) and function.value.id == "os"
        if name in {"write_bytes", "write_text", "mkstemp", "NamedTemporaryFile"} or (
            name == "open" and on_os
        ):
            lines.add(node.lineno)
        elif name == "open":
            given = node.args[0:1] if is_method else node.args[1:2]
            given += [k.value for k in node.keywords if k.arg == "mode"]
            if any(
                isinstance(a, ast.Constant)
                and isinstance(a.value, str)
                and set(a.value) & set("wax")
                for a in given
            ):
                lines.add(node.lineno)
    return sorted(lines)


def test_no_module_writes_a_file_around_the_private_helper():
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offences += [f"{relative}:{line}" for line in _writes_files(tree)]
    assert offences == []


def test_the_writer_check_itself_sees_each_way_of_writing():
    source = (
        "p.write_bytes(b)\nPath(x).write_text(t)\nopen(x, 'w')\nopen(x, mode='ab')\n"
        "os.open(x, flags)\ntempfile.mkstemp()\np.open('w')\nopen(x)\np.open('rb')\n"
    )
    assert _writes_files(ast.parse(source)) == [1, 2, 3, 4, 5, 6, 7]


def test_a_pipe_or_device_is_written_through_not_replaced():
    write_private(os.devnull, b"%PDF-1.4")  # e.g. --out /dev/stdout
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
