"""``homestart retention`` and ``homestart erase`` on a case file, as a script would run them."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from homestart_desktop import cli, logs
from homestart_desktop.data.models import Family, Volunteer
from tests.cli_helpers import open_with_key
from tests.conftest import TEST_PASSPHRASE
from tests.data.retention.people import GONE_FAMILY, GONE_VOLUNTEER, write_people


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(tmp_path / "logs"))
    yield
    logs.close_logging()


@pytest.fixture
def people_path(empty_case_file) -> Path:
    write_people(empty_case_file)
    empty_case_file.lock()
    return empty_case_file.path


def _run(monkeypatch, *words: object, stdin: str = TEST_PASSPHRASE + "\n") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return cli.main([str(w) for w in words])


def _anonymised(path: Path, key: bytes) -> tuple[bool, bool]:
    with open_with_key(path, key) as case_file, case_file.session() as session:
        family = session.exec(select(Family).where(Family.reference == GONE_FAMILY)).one()
        volunteer = session.exec(
            select(Volunteer).where(Volunteer.reference == GONE_VOLUNTEER)
        ).one()
        return family.anonymised_on is not None, volunteer.anonymised_on is not None


def test_retention_lists_who_is_due_and_writes_nothing(
    people_path, empty_template, monkeypatch, capsys
):
    assert _run(monkeypatch, "retention", people_path) == 0
    out = capsys.readouterr().out
    assert "In aanmerking voor anonimisering (5 jaar na het einde van de ondersteuning): 2" in out
    assert f"{GONE_FAMILY}  afgelopen op 29/11/2019  in aanmerking sinds 29/11/2024" in out
    assert GONE_VOLUNTEER in out
    assert _anonymised(people_path, empty_template[1]) == (False, False)


def test_apply_from_a_script_needs_yes(people_path, empty_template, monkeypatch, capsys):
    assert _run(monkeypatch, "retention", people_path, "--apply") == 2
    assert "--yes" in capsys.readouterr().err
    assert _anonymised(people_path, empty_template[1]) == (False, False)
    assert _run(monkeypatch, "retention", people_path, "--apply", "--yes") == 0
    assert "Geanonimiseerde gezinnen: 1; vrijwilligers: 1." in capsys.readouterr().out
    assert _anonymised(people_path, empty_template[1]) == (True, True)


def test_more_years_than_have_passed_leave_everybody(
    people_path, empty_template, monkeypatch, capsys
):
    assert _run(monkeypatch, "retention", people_path, "--years", "30", "--apply", "--yes") == 0
    assert ": 0" in capsys.readouterr().out
    assert _anonymised(people_path, empty_template[1]) == (False, False)


def test_erase_names_what_goes_and_asks(people_path, empty_template, monkeypatch, capsys):
    assert _run(monkeypatch, "erase", people_path, "--family", GONE_FAMILY) == 2
    captured = capsys.readouterr()
    assert "Bezoeknotities: 1" in captured.out and "--yes" in captured.err
    assert _run(monkeypatch, "erase", people_path, "--family", GONE_FAMILY, "--yes") == 0
    assert f"Gewist: {GONE_FAMILY}." in capsys.readouterr().out
    assert _anonymised(people_path, empty_template[1]) == (True, False)
    assert _run(monkeypatch, "erase", people_path, "--family", "GZ-2030-999", "--yes") == 2
