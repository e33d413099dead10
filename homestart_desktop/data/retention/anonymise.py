"""Anonymise families and volunteers by the declaration: set-based, a thousand in seconds.

Every statement reaches the subjects' rows through ``json_each(:ids)``, so one UPDATE per
table serves any number of subjects. The note index follows by itself (its triggers drop an
emptied note); :mod:`purge` then makes the old bytes unreadable in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import text
from sqlmodel import Session

from homestart_desktop.data.audit.events import record_event
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.codes import Gender
from homestart_desktop.data.retention.declaration import (
    FAMILY_RULES,
    VOLUNTEER_RULES,
    TableRule,
    Treat,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.domain.retention import figure_safe_birth


def _set_clause(column: str, treat: Treat) -> str | None:
    quoted = f'"{column}"'
    if treat is Treat.blank:
        return f"{quoted} = ''"
    if treat is Treat.empty:
        return f"{quoted} = NULL"
    if treat is Treat.no_list:
        return f"{quoted} = '[]'"
    if treat is Treat.not_given:
        return f"{quoted} = '{Gender.unknown.value}'"
    if treat is Treat.month:
        return f"{quoted} = CASE WHEN {quoted} IS NULL THEN NULL ELSE substr({quoted}, 1, 8) || '01' END"
    return None


def _apply(session: Session, rules: Sequence[TableRule], ids: str) -> None:
    for rule in rules:
        if Treat.rows in rule.columns.values():
            session.execute(text(f"DELETE FROM {rule.table} WHERE {rule.rows}"), {"ids": ids})
            _noted(session, rule.table, "rows removed")
            continue
        clauses = [c for c in (_set_clause(n, t) for n, t in rule.columns.items()) if c]
        if clauses:
            session.execute(
                text(f"UPDATE {rule.table} SET {', '.join(clauses)} WHERE {rule.rows}"),
                {"ids": ids},
            )
            _noted(session, rule.table, "columns blanked or rounded")


def _noted(session: Session, table: str, what: str) -> None:
    """The Logboek's entry for one table's set-based change (the per-code entries follow in
    data/retention/erase.py); never the values."""
    record_event(session=session, kind=AuditKind.anonymised, record=table, detail=what)


def _children_birth_dates(session: Session, ids: str) -> None:
    """Birth and due dates to the earliest day the figures read the same (domain/retention)."""
    months_after = load_settings(session=session).around_birth_months_after
    first_starts = dict(
        session.execute(
            text(
                "SELECT family_id, min(start_on) FROM trajectory WHERE start_on IS NOT NULL "
                "AND status <> 'withdrawn' AND family_id IN (SELECT value FROM json_each(:ids)) "
                "GROUP BY family_id"
            ),
            {"ids": ids},
        ).all()
    )
    rows = session.execute(
        text(
            "SELECT id, family_id, birth_date, due_date FROM child "
            "WHERE family_id IN (SELECT value FROM json_each(:ids))"
        ),
        {"ids": ids},
    ).all()
    changed = []
    for child_id, family_id, birth, due in rows:
        start = first_starts.get(family_id)
        start = dt.date.fromisoformat(start) if start else None
        birth = dt.date.fromisoformat(birth) if birth else None
        due = dt.date.fromisoformat(due) if due else None
        # With a birth date the figures never read the due date: it goes.
        new_birth = figure_safe_birth(birth, start, months_after)
        new_due = None if birth else figure_safe_birth(due, start, months_after)
        changed.append(
            {
                "id": child_id,
                "birth": new_birth.isoformat() if new_birth else None,
                "due": new_due.isoformat() if new_due else None,
            }
        )
    if changed:
        session.execute(
            text("UPDATE child SET birth_date = :birth, due_date = :due WHERE id = :id"), changed
        )
        _noted(session, "child", "birth dates rounded")


def anonymise_families(
    *, session: Session, family_ids: Sequence[int], today: dt.date, erase: bool = False
) -> int:
    """Remove the personal data of these families (codes, statuses and counts stay)."""
    if not family_ids:
        return 0
    ids = json.dumps(sorted(set(family_ids)))
    _children_birth_dates(session, ids)
    _apply(session, FAMILY_RULES, ids)
    marks = "anonymised_on = coalesce(anonymised_on, :today)"
    if erase:
        marks += ", erased_on = :today"
    session.execute(
        text(f"UPDATE family SET {marks} WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": ids, "today": today.isoformat()},
    )
    return len(set(family_ids))


def anonymise_volunteers(
    *, session: Session, volunteer_ids: Sequence[int], today: dt.date, erase: bool = False
) -> int:
    """Remove the personal data of these volunteers (codes, statuses and dates stay)."""
    if not volunteer_ids:
        return 0
    ids = json.dumps(sorted(set(volunteer_ids)))
    _apply(session, VOLUNTEER_RULES, ids)
    marks = "anonymised_on = coalesce(anonymised_on, :today)"
    if erase:
        marks += ", erased_on = :today"
    session.execute(
        text(f"UPDATE volunteer SET {marks} WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": ids, "today": today.isoformat()},
    )
    return len(set(volunteer_ids))
