"""Entries that say what the coordinator did beyond writing: opened, printed, saved, exported...

One door for all of them, :func:`record_event`. ``detail`` is for codes and names of things
(a document's kind, a quarter, a file's *kind*), never personal data nor a path: a path may
hold a family's name.
"""

from __future__ import annotations

from sqlmodel import Session

from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.audit.trail import _TABLE, _entry, now, who_of
from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import Family, Trajectory, Volunteer

DETAIL_LENGTH = 200


def record_event(
    *,
    session: Session,
    kind: AuditKind,
    family_code: str | None = None,
    volunteer_code: str | None = None,
    detail: str = "",
    record: str = "",
    record_id: int | None = None,
) -> None:
    """Add one entry to the trail, now, by this session's coordinator (written at once)."""
    session.connection().execute(
        _TABLE.insert(),
        [
            _entry(
                who=who_of(session),
                at=now(session),
                kind=AuditKind(kind),
                action=AuditKind(kind).value,
                record=record,
                record_id=record_id,
                family_code=family_code or None,
                volunteer_code=volunteer_code or None,
                detail=detail[:DETAIL_LENGTH],
            )
        ],
    )


def codes_of(
    *,
    session: Session,
    family_id: int | None = None,
    volunteer_id: int | None = None,
    trajectory_id: int | None = None,
) -> tuple[str | None, str | None]:
    """The (family code, volunteer code) of rows given by id, for an entry about them."""
    if trajectory_id is not None and (trajectory := session.get(Trajectory, trajectory_id)):
        family_id, volunteer_id = trajectory.family_id, trajectory.volunteer_id
    family = session.get(Family, family_id) if family_id is not None else None
    volunteer = session.get(Volunteer, volunteer_id) if volunteer_id is not None else None
    return (family.reference if family else None, volunteer.reference if volunteer else None)


def record_document(
    *,
    session: Session,
    kind: AuditKind,
    document: str,
    family_id: int | None = None,
    volunteer_id: int | None = None,
    trajectory_id: int | None = None,
    family_code: str | None = None,
    volunteer_code: str | None = None,
) -> Changes:
    """A document (``document``: its kind, e.g. ``agreement``) was printed or saved."""
    found = codes_of(
        session=session,
        family_id=family_id,
        volunteer_id=volunteer_id,
        trajectory_id=trajectory_id,
    )
    record_event(
        session=session,
        kind=kind,
        family_code=family_code or found[0],
        volunteer_code=volunteer_code or found[1],
        detail=document,
    )
    return Changes()


def opened_family_file(*, session: Session, family_id: int) -> Changes:
    """The coordinator opened this family's file."""
    return _opened(session, "family", family_id, family_id=family_id)


def opened_volunteer_file(*, session: Session, volunteer_id: int) -> Changes:
    """The coordinator opened this volunteer's file."""
    return _opened(session, "volunteer", volunteer_id, volunteer_id=volunteer_id)


def _opened(session: Session, record: str, record_id: int, **subject: int) -> Changes:
    family_code, volunteer_code = codes_of(session=session, **subject)
    record_event(
        session=session,
        kind=AuditKind.opened,
        family_code=family_code,
        volunteer_code=volunteer_code,
        record=record,
        record_id=record_id,
    )
    return Changes()
