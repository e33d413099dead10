"""The trail is append-only; only retention and forgetting a subject may touch its entries.

Migration 0007 puts two triggers on ``auditevent`` that refuse every UPDATE and DELETE unless
the SQL function ``audit_may_change()`` says yes. The case file registers that function on each
connection (:func:`register`); it says yes only inside :func:`prune_audit` and
:func:`forget_subject_in_audit`, on the thread running them. Any other code, and any tool that
opens the file without the app, is refused (a tool without the function cannot even prepare
the statement).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col

from homestart_desktop.data.audit.events import record_event
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.models import AuditEvent
from homestart_desktop.data.settings import load_settings

PERMIT_FUNCTION = "audit_may_change"
REFUSAL = "the audit trail is append-only"

_permit = threading.local()


def _may_change() -> int:
    return 1 if getattr(_permit, "open", False) else 0


def register(dbapi_connection: Any) -> None:
    """Give a new database connection the function the append-only triggers ask."""
    dbapi_connection.create_function(PERMIT_FUNCTION, 0, _may_change)


@contextlib.contextmanager
def _changes_allowed() -> Iterator[None]:
    _permit.open = True
    try:
        yield
    finally:
        _permit.open = False


def _cutoff(today: dt.date, years: int) -> dt.datetime:
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)


def prune_audit(*, session: Session, today: dt.date, years: int | None = None) -> int:
    """Anonymise the entries older than the audit retention (Settings, default 7 years): who,
    the subject codes and the record's id go; when and what stay. Returns how many."""
    years = load_settings(session=session).audit_retention_years if years is None else years
    statement = (
        update(AuditEvent)
        .where(
            col(AuditEvent.at) < _cutoff(today, years),
            or_(
                col(AuditEvent.who) != "",
                col(AuditEvent.family_code).is_not(None),
                col(AuditEvent.volunteer_code).is_not(None),
                col(AuditEvent.entity_id).is_not(None),
            ),
        )
        .values(who="", family_code=None, volunteer_code=None, entity_id=None)
    )
    with _changes_allowed():
        count = session.connection().execute(statement).rowcount
    if count:
        record_event(session=session, kind=AuditKind.anonymised, detail=f"audit entries={count}")
    return count


def forget_subject_in_audit(
    *, session: Session, family_code: str | None = None, volunteer_code: str | None = None
) -> int:
    """Take a family's or volunteer's code off every entry (anonymisation, erasure); returns
    how many entries carried it. The entries themselves stay: the trail keeps its length."""
    count = 0
    with _changes_allowed():
        for column, code in (
            (AuditEvent.family_code, family_code),
            (AuditEvent.volunteer_code, volunteer_code),
        ):
            if code:
                statement = update(AuditEvent).where(col(column) == code).values({column.key: None})
                count += session.connection().execute(statement).rowcount
    return count
