"""The facts the branch's register of processing (*verwerkingsregister*, GDPR art. 30) prints.

Read from the branch's settings and the case file's place: no family, volunteer or referrer
appears in it, only what the branch processes, why, how long and how it is kept safe.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlmodel import Session

from homestart_desktop.data.privacy.consent import PrivacyStatement, current_statement
from homestart_desktop.data.settings import BranchSettings, load_settings

# SQLCipher 4's own key derivation (data/casefile/casefile.py): said on paper as it is.
KEY_DERIVATION_ITERATIONS = 256_000


def retention_years(settings: BranchSettings) -> int:
    """The retention the branch chose (Settings › Retention), in years after support ended."""
    return settings.retention_years


@dataclasses.dataclass(frozen=True)
class RegisterFacts:
    branch: BranchSettings
    case_folder: str  # the folder of the case file only: a file's name may say too much
    backups_kept: int
    retention_years: int
    statement: PrivacyStatement
    autolock_minutes: int
    made_on: dt.date


def register_facts(*, session: Session, case_path: Path, today: dt.date) -> RegisterFacts:
    """What the register says today, for the case file at ``case_path``."""
    settings = load_settings(session=session)
    return RegisterFacts(
        branch=settings,
        case_folder=str(case_path.resolve().parent),
        backups_kept=settings.backups_to_keep,
        retention_years=retention_years(settings),
        statement=current_statement(settings),
        autolock_minutes=settings.autolock_minutes,
        made_on=today,
    )
