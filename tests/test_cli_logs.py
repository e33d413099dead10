"""The log file: where it is, who can read it, and what never gets into it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from homestart_desktop import logs


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(folder))
    yield folder
    logs.close_logging()


def _logged(folder: Path) -> str:
    logs.close_logging()
    return (folder / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_the_log_is_private_and_in_the_folder_asked_for(log_folder: Path):
    old_umask = os.umask(0)
    try:
        path = logs.setup_logging()
    finally:
        os.umask(old_umask)
    assert path == log_folder / "homestart.log"
    logging.getLogger("homestart_desktop.test").info("unlocked in %d ms", 612)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(log_folder.stat().st_mode & 0o777) == "0o700"
    assert "unlocked in 612 ms" in _logged(log_folder)


def test_without_the_variable_the_log_goes_to_the_users_log_folder(monkeypatch):
    monkeypatch.delenv(logs.LOG_DIR_VARIABLE, raising=False)
    assert "homestart" in str(logs.log_dir()).lower()


def test_exceptions_are_logged_as_type_and_place_never_their_message(log_folder: Path):
    logs.setup_logging()

    def read_family() -> None:
        raise KeyError("Fatima El Amrani, 0470 12 34 56")

    try:
        read_family()
    except KeyError:
        logging.getLogger("homestart_desktop.test").exception("reading a family failed")
    text = _logged(log_folder)
    assert "reading a family failed [KeyError at" in text
    assert "Fatima" not in text and "0470" not in text and "Traceback" not in text


@pytest.mark.parametrize(
    ("careless", "kept_out"),
    [
        ("mail sent to fatima.elamrani@example.be", "fatima.elamrani"),
        ("called +32 470 12 34 56", "470 12 34"),
        ("called 0470/12.34.56", "0470"),
        ("refund to BE71 0961 2345 6769", "0961"),
        ("national number 85.07.30-033.61", "033"),
        ("opened /home/jef/Documenten/Gent.hscase", "jef"),
        ("opened C:\\Users\\Özlem\\Gent.hscase", "Özlem"),
    ],
)
def test_personal_looking_text_is_masked_even_when_a_module_forgets(
    careless: str, kept_out: str, log_folder: Path
):
    logs.setup_logging()
    logging.getLogger("homestart_desktop.test").warning("%s", careless)
    text = _logged(log_folder)
    assert kept_out not in text
    assert "<" in text  # what was there is named: <e-mail>, <phone>, <iban>, ...


def test_counts_and_codes_stay_readable(log_folder: Path):
    logs.setup_logging()
    logging.getLogger("homestart_desktop.test").info(
        "family GZ-2026-014 moved to waiting; 3 visits planned in 2026"
    )
    assert "family GZ-2026-014 moved to waiting; 3 visits planned in 2026" in _logged(log_folder)


def test_libraries_that_could_echo_sql_parameters_stay_quiet(log_folder: Path):
    logs.setup_logging()
    logging.getLogger("sqlalchemy.engine").info("INSERT INTO caregiver VALUES ('Łukasz')")
    assert "Łukasz" not in _logged(log_folder)
