"""A new passphrase: long sentences welcome, guessable ones refused in words."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from homestart_desktop import cli, logs
from homestart_desktop.data.casefile import passphrase
from homestart_desktop.data.casefile.casefile import create_case_file
from homestart_desktop.data.casefile.errors import WeakPassphrase
from tests.conftest import TEST_PASSPHRASE

LONG_SENTENCE = (
    "op woensdagmiddag fietsen wij met de kinderen langs de Schelde naar de speeltuin "
    "achter het oude station"
)


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(tmp_path / "logs"))
    yield
    logs.close_logging()


def test_a_sentence_longer_than_the_checker_takes_is_accepted():
    assert len(LONG_SENTENCE) > passphrase.CHECKER_LIMIT
    assert passphrase.passphrase_problems(LONG_SENTENCE) == []


def test_a_long_repeat_is_still_refused():
    assert passphrase.passphrase_problems("kikker " * 20) != []
    assert passphrase.passphrase_problems("a" * 100) != []


@pytest.mark.parametrize(
    "guessable",
    [
        "homestart2026",
        "Home-Start 2026!",
        "01/01/2000 01/01/2000",
        "12-03-1985 04/05/1990",
        "Teststad Gent 2026 homestart",
        "welkom welkom welkom",
    ],
)
def test_names_years_dates_and_repeats_are_refused(guessable: str):
    problems = passphrase.passphrase_problems(guessable, context=("Teststad", "Gent"))
    assert len(problems) == 1
    assert "wachtzin" in problems[0]  # in Dutch, one reason


def test_the_branch_name_does_not_count_as_strength(tmp_path: Path):
    with pytest.raises(WeakPassphrase):
        create_case_file(
            tmp_path / "x.hscase", passphrase="Kasterlee-Noord 2025", branch_name="Kasterlee-Noord"
        )
    assert list(tmp_path.iterdir()) == []


def test_new_and_passwd_take_a_passphrase_longer_than_72_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "Lang.hscase"
    monkeypatch.setattr(sys, "stdin", io.StringIO(LONG_SENTENCE + "\n"))
    assert cli.main(["new", str(path), "--branch", "Proefstad"]) == 0
    longer = LONG_SENTENCE + " en terug langs de kaai"
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{LONG_SENTENCE}\n{longer}\n"))
    assert cli.main(["passwd", str(path)]) == 0, capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(longer + "\n"))
    assert cli.main(["check", str(path)]) == 0


def test_passwd_refuses_the_branch_name_as_new_passphrase(
    empty_case_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    before = empty_case_path.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{TEST_PASSPHRASE}\nTeststad Teststad 2026\n"))
    assert cli.main(["passwd", str(empty_case_path)]) == 2
    assert "wachtzin" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["check", str(empty_case_path)]) == 0
    assert empty_case_path.read_bytes()[:16] == before[:16]
