"""The Logboek's list: the trail's entries, newest first, filtered by period, code and kind."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, or_, select

from homestart_desktop.data.models import AuditEvent

MOST = 5000  # the screen shows this many at most; a narrower filter finds older ones


@dataclasses.dataclass(frozen=True)
class AuditEntry:
    """One entry as the Logboek shows it (codes and names of fields, never values)."""

    id: int
    at: dt.datetime
    who: str
    kind: str
    action: str
    record: str
    family_code: str
    volunteer_code: str
    fields: tuple[str, ...]
    detail: str


@dataclasses.dataclass(frozen=True)
class AuditFilter:
    """What the coordinator asked for; empty parts do not filter."""

    since: dt.date | None = None
    until: dt.date | None = None
    code: str = ""  # a family's or a volunteer's code, or its beginning (GZ-2026)
    kind: str = ""


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)


def _entry(row: AuditEvent) -> AuditEntry:
    return AuditEntry(
        id=row.id or 0,
        at=row.at,
        who=row.who,
        kind=row.kind,
        action=row.action,
        record=row.entity,
        family_code=row.family_code or "",
        volunteer_code=row.volunteer_code or "",
        fields=tuple(f for f in row.fields.split(",") if f),
        detail=row.detail,
    )


def find_entries(
    *, session: Session, wanted: AuditFilter = AuditFilter(), most: int = MOST
) -> list[AuditEntry]:
    """The entries that match ``wanted``, newest first, at most ``most``."""
    query = select(AuditEvent)
    if wanted.since is not None:
        query = query.where(col(AuditEvent.at) >= _moment(wanted.since))
    if wanted.until is not None:
        query = query.where(col(AuditEvent.at) < _moment(wanted.until + dt.timedelta(days=1)))
    code = wanted.code.strip().upper()
    if code:
        query = query.where(
            or_(
                col(AuditEvent.family_code).startswith(code),
                col(AuditEvent.volunteer_code).startswith(code),
            )
        )
    if wanted.kind:
        query = query.where(AuditEvent.kind == wanted.kind)
    query = query.order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc()).limit(most)
    return [_entry(row) for row in session.exec(query)]


def entries_about(
    *, session: Session, family_code: str | None = None, volunteer_code: str | None = None
) -> list[AuditEntry]:
    """Every entry about one family or one volunteer (for the access export), oldest first."""
    if family_code:
        where = AuditEvent.family_code == family_code
    elif volunteer_code:
        where = AuditEvent.volunteer_code == volunteer_code
    else:
        return []
    query = select(AuditEvent).where(where).order_by(col(AuditEvent.at), col(AuditEvent.id))
    return [_entry(row) for row in session.exec(query)]
