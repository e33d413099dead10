"""Helpers for the command-line and case-file tests: run ``homestart``, fill and reopen files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from homestart_desktop.data.casefile import casefile
from homestart_desktop.data.models import Caregiver, Child, Family, FamilyStatus, Volunteer

REPO = Path(__file__).resolve().parent.parent

# Invented people, with the letters a real branch's families bring along.
NAMES = [
    "Özlem Yılmaz",
    "Łukasz Wróbel",
    "Ioana Țurcanu",
    "Наталія Коваленко",
    "Fatima El Amrani",
    "Jef Van den Broeck",
]
FREE_TEXT = "Mama slaapt slecht sinds de verhuis naar de Kasteelstraat"
PHONE = "0470 12 34 56"


def needles() -> list[bytes]:
    """Every personal word the tests write, as it could appear in a file's bytes."""
    words = [*NAMES, *(n.split()[-1] for n in NAMES), FREE_TEXT, "Kasteelstraat", PHONE]
    found = []
    for word in words:
        found += [word.encode("utf-8"), word.encode("utf-16-le")]
    return found


def leaks(data: bytes) -> list[bytes]:
    return [needle for needle in needles() if needle in data]


def write_people(case_file: casefile.CaseFile, *, first_reference: int = 1) -> None:
    """Families with caregivers and children, and a volunteer, all with invented names."""
    with case_file.session() as session:
        for number, name in enumerate(NAMES, start=first_reference):
            first, last = name.split(" ", 1)
            family = Family(
                reference=f"GZ-2026-{number:03d}",
                status=FamilyStatus.waiting,
                street="Kasteelstraat 12",
                postcode="9000",
                phone=PHONE,
                life_events=FREE_TEXT,
                waiting_since=dt.date(2026, 3, 2),
            )
            session.add(family)
            session.flush()
            session.add(Caregiver(family_id=family.id, first_name=first, last_name=last))
            session.add(
                Child(family_id=family.id, first_name=first, birth_date=dt.date(2024, 5, 1))
            )
        session.add(
            Volunteer(
                reference=f"VW-2026-{first_reference:03d}",
                first_name="Jef",
                last_name="Van den Broeck",
            )
        )


def open_with_key(path: Path, key: bytes) -> casefile.CaseFile:
    """Open a copy of a fixture template without deriving the key again (same salt)."""
    lock = casefile._lock_for(path)
    casefile._acquire(lock)
    with path.open("rb") as fh:
        salt = fh.read(casefile.SALT_BYTES)
    return casefile.CaseFile(path, key, salt, lock)


def row_counts(case_file: casefile.CaseFile) -> dict[str, int]:
    """Rows in every table, read with plain SQL (the test does not trust the models)."""
    with case_file.engine.connect() as connection:
        tables = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {
            table: connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
            for table in tables
        }


def revision(case_file: casefile.CaseFile) -> str:
    with case_file.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def passphrase_file(folder: Path, passphrase: str, name: str = "passphrase.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def cli_env(log_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["HOMESTART_LOG_DIR"] = str(log_dir)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_homestart(
    *args: object, log_dir: Path, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``python -m homestart_desktop ARGS`` in a fresh process, as a coordinator would run it."""
    return subprocess.run(
        [sys.executable, "-m", "homestart_desktop", *map(str, args)],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",  # a file name that is not UTF-8 comes back as it was given
        env=cli_env(log_dir),
        timeout=timeout,
        cwd=REPO,
    )


def snapshot(case_path: Path) -> dict[str, bytes]:
    """The case file and everything beside it that bears its name (WAL, lock, backups)."""
    return {
        str(path.relative_to(case_path.parent)): path.read_bytes()
        for path in sorted(case_path.parent.rglob(case_path.name + "*"))
        if path.is_file()
    } | {
        str(path.relative_to(case_path.parent)): b"<folder>"
        for path in case_path.parent.glob(case_path.name + "*")
        if path.is_dir()
    }
