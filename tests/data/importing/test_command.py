"""``homestart import``: preview, ask, import after a backup, save the skipped rows."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
import pytest

from homestart_desktop import cli, logs
from tests.cli_helpers import passphrase_file, row_counts, run_homestart, snapshot
from tests.conftest import TEST_PASSPHRASE, _open_copy
from tests.data.importing.workbooks import families_workbook, matches_csv, volunteers_workbook


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(tmp_path / "logs"))
    yield
    logs.close_logging()


@pytest.fixture
def lists(tmp_path: Path) -> list[str]:
    folder = tmp_path / "lijsten"
    folder.mkdir()
    return [
        "--families",
        str(families_workbook(folder / "gezinnen.xlsx")),
        "--volunteers",
        str(volunteers_workbook(folder / "vrijwilligers.xlsx")),
        "--matches",
        str(matches_csv(folder / "koppelingen.csv")),
    ]


def test_a_dry_run_prints_the_mapping_and_the_preview_and_writes_nothing(
    empty_case_path: Path, lists: list[str], tmp_path: Path
):
    before = snapshot(empty_case_path)
    secret = passphrase_file(tmp_path / "geheim", TEST_PASSPHRASE)
    result = run_homestart(
        "import",
        empty_case_path,
        *lists,
        "--passphrase-file",
        secret,
        "--dry-run",
        log_dir=tmp_path / "logs",
    )
    assert result.returncode == 0, result.stderr
    assert '"Naam moeder"' in result.stdout  # the suggested mapping, to save and correct
    assert "Gezinnen: 4 nieuw, 4 rijen met een probleem" in result.stdout
    assert "Gezinnen, rij 9: Postcode: 9999 is geen Belgische postcode." in result.stdout
    assert snapshot(empty_case_path) == before
    logged = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*.log*"))
    assert "Yılmaz" not in logged and "9999" not in logged


def test_without_yes_and_without_a_terminal_nothing_is_imported(
    empty_case_path: Path, lists: list[str], monkeypatch: pytest.MonkeyPatch, capsys
):
    before = snapshot(empty_case_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main(["import", str(empty_case_path), *lists]) == 2
    assert "--yes" in capsys.readouterr().err
    assert snapshot(empty_case_path) == before


def test_with_yes_it_imports_after_a_backup_and_saves_the_skipped_rows(
    empty_case_path: Path,
    empty_template,
    lists: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
):
    mapping = tmp_path / "koppeling.json"
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    problems = tmp_path / "te-verbeteren.xlsx"
    args = ["import", str(empty_case_path), *lists, "--yes", "--problems-out", str(problems)]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    mapping.write_text(out[out.index("{") : out.index("\n}\n") + 2], encoding="utf-8")
    assert "Ingelezen. Een reservekopie" in out
    assert list((tmp_path / "Teststad.hscase-backups").glob("*-import.hscase"))
    rows = list(openpyxl.load_workbook(problems)["Gezinnen"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [7, 9, 12, 13]
    # Again, now with the saved mapping: nothing changes.
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    assert cli.main([*args[:-2], "--mapping", str(mapping)]) == 0
    assert "Niets te importeren" in capsys.readouterr().out
    case_file = _open_copy(empty_case_path, empty_template[1], tmp_path / "kopie.hscase")
    try:
        counts = row_counts(case_file)
    finally:
        case_file.lock()
    assert counts["family"] == 4 and counts["volunteer"] == 2 and counts["trajectory"] == 2
