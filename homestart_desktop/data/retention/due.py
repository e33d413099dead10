"""Who is due for anonymisation: support ended longer ago than the branch keeps data.

A family is due some years after its support ended: its last trajectory closed, or its
referral never started (status *not started*, *closed* or *archived*, whichever came last).
A volunteer is due the same years after stopping. Nobody with a trajectory still under way is
due, nor anybody the coordinator holds back until a later day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import text
from sqlmodel import Session

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import RetentionHold, Setting
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.domain.retention import DEFAULT_YEARS, due_on

ENDED_FAMILY = ("closed", "not_started", "archived")
OPEN_TRAJECTORY = ("proposed", "introduced", "active", "paused")
# The day the retention period was chosen: a setting row of its own, beside BranchSettings
# (whose fields are the Settings screen's editors), written whenever the period changes.
CHOSEN_ON = "retention_chosen_on"


@dataclasses.dataclass(frozen=True)
class DueRecord:
    """One family or volunteer whose data may go; ``held_until`` set when held back."""

    kind: str  # "family" or "volunteer"
    id: int
    reference: str
    ended_on: dt.date
    due_on: dt.date
    held_until: dt.date | None = None
    hold_reason: str = ""


@dataclasses.dataclass(frozen=True)
class RetentionPeriod:
    years: int
    chosen_on: dt.date | None  # None while the default applies


def retention_period(*, session: Session) -> RetentionPeriod:
    """The branch's retention period and the day it was chosen."""
    chosen = session.get(Setting, CHOSEN_ON)
    return RetentionPeriod(
        load_settings(session=session).retention_years,
        dt.date.fromisoformat(json.loads(chosen.value)) if chosen else None,
    )


def note_retention_choice(*, session: Session, years: int, today: dt.date) -> None:
    """Record ``today`` as the day the retention period was chosen, when ``years`` is new."""
    period = retention_period(session=session)
    if period.chosen_on is not None and period.years == years:
        return
    if period.chosen_on is None and years == DEFAULT_YEARS:
        return  # the default, saved with the other settings, is no choice
    row = session.get(Setting, CHOSEN_ON) or Setting(key=CHOSEN_ON)
    row.value = json.dumps(today.isoformat())
    session.add(row)


def choose_retention_years(*, session: Session, years: int, today: dt.date) -> Changes:
    """Record the branch's choice of retention period, and the day it was made."""
    if not 1 <= years <= 30:
        raise ValueError("retention years out of range")
    settings = load_settings(session=session)
    row = session.get(Setting, CHOSEN_ON) or Setting(key=CHOSEN_ON)
    row.value = json.dumps(today.isoformat())
    session.add(row)
    return save_settings(session=session, settings=settings.replace(retention_years=years))


def hold_back(
    *,
    session: Session,
    today: dt.date,
    until: dt.date,
    reason: str,
    family_id: int | None = None,
    volunteer_id: int | None = None,
) -> Changes:
    """Keep one family or volunteer from anonymisation until ``until``, for ``reason``."""
    if (family_id is None) == (volunteer_id is None):
        raise ValueError("hold back one family or one volunteer")
    if until <= today or not reason.strip():
        raise ValueError("a hold-back needs a reason and a day after today")
    session.add(
        RetentionHold(
            family_id=family_id,
            volunteer_id=volunteer_id,
            held_on=today,
            until=until,
            reason=reason.strip(),
        )
    )
    return Changes(families=family_id is not None, volunteers=volunteer_id is not None)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _holds(session: Session, owner: str, today: dt.date) -> dict[int, tuple[dt.date, str]]:
    rows = session.execute(
        text(
            f"SELECT {owner}, until, reason FROM retentionhold "
            f"WHERE {owner} IS NOT NULL AND until > :today ORDER BY until"
        ),
        {"today": today.isoformat()},
    )
    return {row[0]: (dt.date.fromisoformat(row[1]), row[2]) for row in rows}


def _family_endings(session: Session) -> list[tuple[int, str, dt.date]]:
    ended = ", ".join(f"'{s}'" for s in ENDED_FAMILY)
    still_open = ", ".join(f"'{s}'" for s in OPEN_TRAJECTORY)
    rows = session.execute(
        text(
            "SELECT f.id, f.reference, f.created_on, "
            '(SELECT max(c."on") FROM familystatuschange c '
            f" WHERE c.family_id = f.id AND c.to_status IN ({ended})), "
            "(SELECT max(t.ended_on) FROM trajectory t WHERE t.family_id = f.id) "
            f"FROM family f WHERE f.status IN ({ended}) AND f.anonymised_on IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM trajectory t WHERE t.family_id = f.id "
            f" AND t.status IN ({still_open}))"
        )
    )
    found = []
    for family_id, reference, created_on, stepped, ended_on in rows:
        days = [d for d in (_date(stepped), _date(ended_on)) if d] or [_date(created_on)]
        found.append((family_id, reference, max(days)))
    return found


def _volunteer_endings(session: Session) -> list[tuple[int, str, dt.date]]:
    still_open = ", ".join(f"'{s}'" for s in OPEN_TRAJECTORY)
    rows = session.execute(
        text(
            "SELECT v.id, v.reference, v.created_on, v.stopped_on, "
            '(SELECT max(c."on") FROM volunteerstatuschange c '
            " WHERE c.volunteer_id = v.id AND c.to_status = 'stopped') "
            "FROM volunteer v WHERE v.status = 'stopped' AND v.anonymised_on IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM trajectory t WHERE t.volunteer_id = v.id "
            f" AND t.status IN ({still_open}))"
        )
    )
    return [
        (vid, reference, _date(stopped_on) or _date(stepped) or _date(created_on))
        for vid, reference, created_on, stopped_on, stepped in rows
    ]


def due_for_anonymisation(
    *, session: Session, today: dt.date, years: int | None = None
) -> list[DueRecord]:
    """Families, then volunteers, whose retention period is over (held-back ones included,
    marked by ``held_until``), oldest ending first."""
    years = years if years is not None else load_settings(session=session).retention_years
    found: list[DueRecord] = []
    for kind, endings, owner in (
        ("family", _family_endings(session), "family_id"),
        ("volunteer", _volunteer_endings(session), "volunteer_id"),
    ):
        holds = _holds(session, owner, today)
        due = []
        for record_id, reference, ended_on in endings:
            day = due_on(ended_on, years)
            if day <= today:
                until, reason = holds.get(record_id, (None, ""))
                due.append(DueRecord(kind, record_id, reference, ended_on, day, until, reason))
        found += sorted(due, key=lambda r: (r.ended_on, r.reference))
    return found


def count_due_families(*, session: Session, today: dt.date) -> int:
    """How many families are due now and not held back (Today's notice)."""
    return sum(
        1
        for record in due_for_anonymisation(session=session, today=today)
        if record.kind == "family" and record.held_until is None
    )
