"""``homestart`` warns on stderr when a case file is made, opened or restored on a network share or
in a cloud-synced folder, and stays quiet once the coordinator chose not to be warned again."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from homestart_desktop import cli, cli_input
from homestart_desktop.data.casefile.places import set_place_accepted
from tests.conftest import TEST_PASSPHRASE

WARNING = "Let op: OneDrive synchroniseert deze map."


def test_opening_a_case_file_in_a_synced_folder_warns_until_told_not_to(
    empty_case_path: Path, tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
):
    synced = tmp_path / "OneDrive - Home-Start Vlaanderen" / "Gent.hscase"
    synced.parent.mkdir()
    shutil.copyfile(empty_case_path, synced)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["check", str(synced)]) == 0
    error = capsys.readouterr().err
    assert error.startswith(WARNING) and "eigen schijf van deze laptop" in error
    assert "uitzetten" in error  # where to stop it

    set_place_accepted(synced)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["check", str(synced)]) == 0
    assert capsys.readouterr().err == ""


def test_making_a_case_file_in_a_synced_folder_warns_and_still_makes_it(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
):
    typed = [TEST_PASSPHRASE, TEST_PASSPHRASE]
    monkeypatch.setattr(cli_input, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr(cli_input.getpass, "getpass", lambda prompt="": typed.pop(0))
    target = tmp_path / "OneDrive" / "Gent.hscase"
    target.parent.mkdir()
    assert cli.main(["new", str(target), "--branch", "Gent"]) == 0
    assert capsys.readouterr().err.startswith(WARNING)
    assert target.is_file()


def test_a_backup_may_live_in_a_synced_folder_but_the_restored_file_may_not(
    empty_case_path: Path, tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
):
    backup = tmp_path / "Dropbox" / "Gent-backup.hscase"
    backup.parent.mkdir()
    shutil.copyfile(empty_case_path, backup)
    target = tmp_path / "eigen schijf" / "Gent.hscase"
    target.parent.mkdir()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    assert cli.main(["restore", str(backup), str(target), "--passphrase-file", str(secret)]) == 0
    assert "Let op" not in capsys.readouterr().err
    synced = tmp_path / "Dropbox" / "Gent.hscase"
    assert cli.main(["restore", str(backup), str(synced), "--passphrase-file", str(secret)]) == 0
    assert "Dropbox synchroniseert deze map" in capsys.readouterr().err
