"""The ``homestart`` command line: exit codes, messages, passphrase sources, the GUI hand-off."""

from __future__ import annotations

import io
import sys
import types
from pathlib import Path

import pytest

from homestart_desktop import cli, cli_input, logs
from homestart_desktop.data.casefile.errors import WeakPassphrase, WrongPassphrase
from homestart_desktop.i18n import set_language
from tests.cli_helpers import passphrase_file, run_homestart, snapshot
from tests.conftest import TEST_PASSPHRASE

NEW_PASSPHRASE = "de rode fiets staat achter het station"


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(folder))
    yield folder
    logs.close_logging()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch):
    """Pretend a coordinator at a terminal types these answers at the passphrase prompts."""
    typed: list[str] = []
    monkeypatch.setattr(cli_input, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr(cli_input.getpass, "getpass", lambda prompt="": typed.pop(0))
    return typed


# ---- In a fresh process, exactly as a coordinator runs it


def test_wrong_passphrase_exits_3_with_our_one_line_and_changes_no_byte(
    empty_case_path: Path, tmp_path: Path
):
    wrong = passphrase_file(tmp_path / "elsewhere", "dit is niet de juiste wachtzin")
    before = snapshot(empty_case_path)
    result = run_homestart(
        "backup", empty_case_path, "--passphrase-file", wrong, log_dir=tmp_path / "logs"
    )
    assert result.returncode == 3
    # SQLCipher itself prints nothing; ours is the only line, in Dutch.
    assert result.stderr.splitlines() == [WrongPassphrase().message]
    assert "wachtzin" in result.stderr
    assert result.stdout == ""
    assert snapshot(empty_case_path) == before  # no backup, no WAL, no lock left behind


def test_passphrase_on_standard_input_and_french_messages(
    empty_case_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(sys, "stdin", io.StringIO("mauvaise phrase secrète\n"))
    assert cli.main(["--lang", "fr", "check", str(empty_case_path)]) == 3
    error = capfd.readouterr().err  # file descriptor 2: SQLCipher's own output would show here
    assert error.splitlines() == [WrongPassphrase().message]
    assert "phrase secrète" in error
    set_language("nl")
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["check", str(empty_case_path)]) == 0
    assert capfd.readouterr().err == ""


def test_help_is_fast_and_lists_every_command(tmp_path: Path):
    result = run_homestart("--help", log_dir=tmp_path)
    assert result.returncode == 0
    for command in (
        "demo-file",
        "new",
        "check",
        "backup",
        "restore",
        "passwd",
        "self-test",
        "print",
    ):
        assert command in result.stdout
    assert "opties" in result.stdout  # argparse's own words in Dutch too


# ---- In this process (faster), through cli.main


def test_usage_problems_exit_2_with_a_short_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    assert cli.main(["check"]) == 2
    assert "FILE" in capsys.readouterr().err
    assert cli.main(["check", tmp_path / "bestaat-niet.hscase", "--passphrase-file", "x"]) == 2
    assert "bestaat-niet.hscase" in capsys.readouterr().err
    assert cli.main(["new", tmp_path / "x.hscase"]) == 2  # --branch missing
    assert "--branch" in capsys.readouterr().err
    assert cli.main(["print"]) == 2


def test_no_passphrase_on_empty_standard_input(
    empty_case_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert cli.main(["check", str(empty_case_path)]) == 2
    assert "--passphrase-file" in capsys.readouterr().err


def test_not_a_case_file_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    import sqlite3

    plain = tmp_path / "gewoon.sqlite"
    with sqlite3.connect(plain) as connection:
        connection.execute("CREATE TABLE family (name TEXT)")
    random_bytes = tmp_path / "foto.jpg"
    random_bytes.write_bytes(bytes(range(256)) * 40 + b"\xff\xd8")
    empty = tmp_path / "leeg.hscase"
    empty.write_bytes(b"")
    secret = passphrase_file(tmp_path, TEST_PASSPHRASE)
    for stranger in (plain, random_bytes, empty):
        before = stranger.read_bytes()
        assert cli.main(["check", str(stranger), "--passphrase-file", str(secret)]) == 4
        error = capsys.readouterr().err
        assert len(error.splitlines()) == 1
        assert "dossierbestand" in error
        assert stranger.read_bytes() == before


def test_unexpected_error_says_little_and_logs_only_the_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], _log_folder: Path
):
    def explode(args):
        raise ValueError("Özlem Yılmaz, Kasteelstraat 12")

    monkeypatch.setattr(cli, "cmd_check", explode)
    assert cli.main(["check", "x.hscase"]) == 1
    error = capsys.readouterr().err
    assert "ValueError" in error
    assert "Özlem" not in error and "Traceback" not in error
    logs.close_logging()
    logged = (_log_folder / "homestart.log").read_text(encoding="utf-8")
    assert "ValueError at test_cli.py" not in logged  # only our package's places are named
    assert "ValueError" in logged
    assert "Özlem" not in logged and "Kasteelstraat" not in logged


def test_gui_and_self_test_are_handed_to_the_shell(monkeypatch: pytest.MonkeyPatch):
    calls = []
    fake = types.ModuleType("homestart_desktop.ui.shell.app")
    fake.run_gui = lambda path, demo: calls.append(("gui", path, demo)) or 0
    fake.run_self_test = lambda: calls.append(("self-test",)) or 7
    monkeypatch.setitem(sys.modules, "homestart_desktop.ui.shell.app", fake)
    assert cli.main([]) == 0
    assert cli.main(["--demo"]) == 0
    assert cli.main(["self-test"]) == 7
    assert calls == [("gui", None, False), ("gui", None, True), ("self-test",)]


def test_a_double_clicked_case_file_opens_the_app_on_it(monkeypatch: pytest.MonkeyPatch):
    """The installed app's file association runs ``homestart PATH``: the app, on that file."""
    calls = []
    fake = types.ModuleType("homestart_desktop.ui.shell.app")
    fake.run_gui = lambda path, demo: calls.append((path, demo)) or 0
    monkeypatch.setitem(sys.modules, "homestart_desktop.ui.shell.app", fake)
    assert cli.main([r"C:\Users\coordinator\Documents\Gent.hscase"]) == 0
    assert cli.main(["--lang", "fr", "Gent.hscase"]) == 0
    assert cli.main(["check", "--help"]) == 0  # a command stays a command
    assert calls == [
        (Path(r"C:\Users\coordinator\Documents\Gent.hscase"), False),
        (Path("Gent.hscase"), False),
    ]


# ---- new and passwd: passphrase rules


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        (["kort", "kort"], "12"),
        (["wachtwoord123", "wachtwoord123"], "te gewoon"),
        ([NEW_PASSPHRASE, NEW_PASSPHRASE + "!"], "niet dezelfde"),
    ],
    ids=["short", "common", "mismatched"],
)
def test_new_refuses_weak_common_or_mismatched_passphrases(
    typed, why, answers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    answers.extend(typed)
    target = tmp_path / "Gent.hscase"
    assert cli.main(["new", str(target), "--branch", "Gent"]) == WeakPassphrase.exit_code == 2
    assert why in capsys.readouterr().err
    assert list(tmp_path.glob("Gent*")) == []


@pytest.mark.parametrize(
    "typed",
    [["kort", "kort"], ["wachtwoord123", "wachtwoord123"], [NEW_PASSPHRASE, "iets anders"]],
    ids=["short", "common", "mismatched"],
)
def test_passwd_refuses_weak_passphrases_and_writes_nothing(
    typed, answers, empty_case_path: Path, capsys: pytest.CaptureFixture[str]
):
    answers.extend([TEST_PASSPHRASE, *typed])
    before = snapshot(empty_case_path)
    assert cli.main(["passwd", str(empty_case_path)]) == 2
    assert capsys.readouterr().err.strip()
    assert snapshot(empty_case_path) == before


def test_passwd_rekeys_so_only_the_new_passphrase_opens(
    empty_case_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    old = passphrase_file(tmp_path, TEST_PASSPHRASE, "old.txt")
    new = passphrase_file(tmp_path, NEW_PASSPHRASE, "new.txt")
    path = str(empty_case_path)
    assert (
        cli.main(["passwd", path, "--passphrase-file", str(old), "--new-passphrase-file", str(new)])
        == 0
    )
    assert "oude" in capsys.readouterr().out  # old backups still open with the old one
    assert cli.main(["check", path, "--passphrase-file", str(old)]) == 3
    assert cli.main(["check", path, "--passphrase-file", str(new)]) == 0
    rekeyed = sorted(empty_case_path.with_name(empty_case_path.name + "-backups").glob("*rekeyed*"))
    assert len(rekeyed) == 1
    assert cli.main(["check", str(rekeyed[0]), "--passphrase-file", str(new)]) == 0


def test_demo_file_uses_the_documented_passphrase_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE

    target = tmp_path / "Gent-demo.hscase"
    assert cli.main(["demo-file", target, "--families", "8", "--years", "1", "--seed", "5"]) == 0
    assert DEMO_PASSPHRASE in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO(DEMO_PASSPHRASE + "\n"))
    assert cli.main(["check", target]) == 0
    before = target.read_bytes()
    assert cli.main(["demo-file", target]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_restoring_a_file_onto_itself_is_refused(
    empty_case_path: Path, capsys: pytest.CaptureFixture[str]
):
    before = empty_case_path.read_bytes()
    assert cli.main(["restore", empty_case_path, empty_case_path, "--passphrase-file", "x"]) == 2
    assert "hetzelfde bestand" in capsys.readouterr().err
    assert empty_case_path.read_bytes() == before


def test_another_apps_sqlcipher_database_is_not_a_case_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    import sqlcipher3

    for tables in (["CREATE TABLE notes (text TEXT)"], []):
        other = tmp_path / f"ander-{len(tables)}.db"
        connection = sqlcipher3.connect(str(other))
        connection.execute(f"PRAGMA key = '{TEST_PASSPHRASE}'")
        connection.execute("PRAGMA journal_mode = WAL")  # even an empty one has its first page
        for statement in tables:
            connection.execute(statement)
        connection.commit()
        connection.close()
        secret = passphrase_file(tmp_path, TEST_PASSPHRASE)
        assert cli.main(["check", str(other), "--passphrase-file", str(secret)]) == 4
        assert "geen dossierbestand" in capsys.readouterr().err
