"""Group intervision: sessions, who attended, agreements and follow-up actions.

A session is saved whole (its attendance and follow-ups with it) or not at all, after every field
has been checked, so a refused save leaves the file as it was and the form as it was typed.
Notes are kept as plain text exactly as typed (emoji, any script, any length).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from sqlmodel import Session, col, delete, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import (
    FollowUpAction,
    IntervisionAttendance,
    IntervisionSession,
    Presence,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.validation import (
    FIRST_EVENT_YEAR,
    Problems,
    check_typed,
    first_year,
)
from homestart_desktop.i18n import N_, NP_, _, format_date

# Volunteers who are expected at intervision (a paused or stopped volunteer is not).
EXPECTED_STATUSES = (
    VolunteerStatus.in_training,
    VolunteerStatus.available,
    VolunteerStatus.matched,
)

PRESENCE_LABELS: dict[Presence, str] = {
    Presence.present: N_("Present"),
    Presence.absent_notified: N_("Absent with notice"),
    Presence.absent: N_("Absent"),
}

# ---- Plain values


@dataclasses.dataclass(frozen=True)
class FollowUpIn:
    description: str
    who: str = ""
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    id: int | None = None


@dataclasses.dataclass(frozen=True)
class SessionIn:
    """What the session dialog hands over; ``attendance`` pairs a volunteer id with a presence."""

    on: dt.date | None
    theme: str
    facilitator: str = ""
    notes: str = ""
    agreements: str = ""
    attendance: tuple[tuple[int, Presence], ...] = ()
    follow_ups: tuple[FollowUpIn, ...] = ()


@dataclasses.dataclass(frozen=True)
class Attendee:
    volunteer_id: int
    reference: str
    first_name: str
    last_name: str
    presence: Presence


class FollowUpState(enum.StrEnum):
    open = "open"
    overdue = "overdue"
    done = "done"


FOLLOW_UP_STATE_LABELS: dict[FollowUpState, str] = {
    FollowUpState.open: N_("open"),
    FollowUpState.overdue: N_("overdue"),
    FollowUpState.done: NP_("follow-up action", "done"),
}


@dataclasses.dataclass(frozen=True)
class FollowUp:
    id: int
    session_id: int
    description: str
    who: str
    due_on: dt.date | None
    done_on: dt.date | None
    state: FollowUpState


@dataclasses.dataclass(frozen=True)
class SessionDetail:
    id: int
    on: dt.date
    theme: str
    facilitator: str
    notes: str
    agreements: str
    attendees: tuple[Attendee, ...]
    follow_ups: tuple[FollowUp, ...]


@dataclasses.dataclass(frozen=True)
class SessionRow:
    id: int
    on: dt.date
    theme: str
    facilitator: str
    present: int
    absent_notified: int
    absent: int
    open_follow_ups: int


@dataclasses.dataclass(frozen=True)
class Saved:
    id: int
    changes: Changes


@dataclasses.dataclass(frozen=True)
class VolunteerChoice:
    id: int
    reference: str
    first_name: str
    last_name: str
    status: VolunteerStatus


# ---- Rules on plain values


def follow_up_state(
    due_on: dt.date | None, done_on: dt.date | None, today: dt.date
) -> FollowUpState:
    """Done once it has a done date; overdue when its due date has passed; open otherwise."""
    if done_on is not None:
        return FollowUpState.done
    if due_on is not None and due_on < today:
        return FollowUpState.overdue
    return FollowUpState.open


def session_problems(
    data: SessionIn, *, today: dt.date | None = None, since: int = FIRST_EVENT_YEAR
) -> Problems:
    """Every problem of a session form, keyed by the field it belongs beside."""
    today = today or dt.date.today()
    problems = Problems()
    if data.on is None:
        problems.add("on", _("Fill in the date of the session."))
    if not data.theme.strip():
        problems.add("theme", _("Fill in the theme of the session."))
    seen: set[int] = set()
    for volunteer_id, _presence in data.attendance:
        if volunteer_id in seen:
            problems.add("attendance", _("A volunteer is on the attendance list twice."))
        seen.add(volunteer_id)
    for number, follow_up in enumerate(data.follow_ups, start=1):
        if not follow_up.description.strip():
            problems.add(
                "follow_ups",
                _("Follow-up action {number}: describe what has to be done.").format(number=number),
            )
        elif data.on is not None and follow_up.due_on is not None and follow_up.due_on < data.on:
            problems.add(
                "follow_ups",
                _(
                    "Follow-up action {number} is due on {due}, before the session itself ({on})."
                ).format(
                    number=number,
                    due=format_date(follow_up.due_on, format="short"),
                    on=format_date(data.on, format="short"),
                ),
            )
        action = Problems()
        check_typed(action, follow_up, today=today, first_year=since)
        for message in action.values():
            problems.add(
                "follow_ups",
                _("Follow-up action {number}: {problem}").format(number=number, problem=message),
            )
    check_typed(problems, dataclasses.replace(data, follow_ups=()), today=today, first_year=since)
    return problems


# ---- Reading


def list_volunteer_choices(
    *, session: Session, include_stopped: bool = False
) -> list[VolunteerChoice]:
    """Volunteers for the attendee picker, by first name."""
    query = select(Volunteer)
    if not include_stopped:
        query = query.where(Volunteer.status != VolunteerStatus.stopped)
    rows = session.exec(query.order_by(Volunteer.first_name, Volunteer.last_name)).all()
    return [VolunteerChoice(v.id, v.reference, v.first_name, v.last_name, v.status) for v in rows]


def last_attendees(*, session: Session) -> list[int]:
    """The volunteers on the list of the latest session (to start the next one of the group)."""
    latest = session.exec(
        select(IntervisionSession.id).order_by(
            col(IntervisionSession.on).desc(), col(IntervisionSession.id).desc()
        )
    ).first()
    if latest is None:
        return []
    return list(
        session.exec(
            select(IntervisionAttendance.volunteer_id)
            .where(IntervisionAttendance.session_id == latest)
            .order_by(IntervisionAttendance.id)
        )
    )


def list_sessions(*, session: Session, year: int | None = None) -> list[SessionRow]:
    """Every session (of ``year``), newest first, with attendance counts and open follow-ups."""
    query = select(IntervisionSession)
    if year is not None:
        query = query.where(
            IntervisionSession.on >= dt.date(year, 1, 1),
            IntervisionSession.on <= dt.date(year, 12, 31),
        )
    sessions = session.exec(query.order_by(col(IntervisionSession.on).desc())).all()
    ids = [s.id for s in sessions]
    counts: dict[int, dict[Presence, int]] = {i: dict.fromkeys(Presence, 0) for i in ids}
    open_counts = dict.fromkeys(ids, 0)
    if ids:
        for a in session.exec(
            select(IntervisionAttendance).where(col(IntervisionAttendance.session_id).in_(ids))
        ):
            counts[a.session_id][a.presence] += 1
        for f in session.exec(
            select(FollowUpAction).where(
                col(FollowUpAction.session_id).in_(ids), col(FollowUpAction.done_on).is_(None)
            )
        ):
            open_counts[f.session_id] += 1
    return [
        SessionRow(
            s.id,
            s.on,
            s.theme,
            s.facilitator,
            counts[s.id][Presence.present],
            counts[s.id][Presence.absent_notified],
            counts[s.id][Presence.absent],
            open_counts[s.id],
        )
        for s in sessions
    ]


def get_session(*, session: Session, session_id: int, today: dt.date) -> SessionDetail:
    """One session with its attendees (by first name) and follow-up actions."""
    row = session.get(IntervisionSession, session_id)
    if row is None:
        raise LookupError("no such intervision session")
    attendees = session.exec(
        select(IntervisionAttendance, Volunteer)
        .join(Volunteer, Volunteer.id == IntervisionAttendance.volunteer_id)
        .where(IntervisionAttendance.session_id == session_id)
        .order_by(Volunteer.first_name, Volunteer.last_name)
    ).all()
    follow_ups = session.exec(
        select(FollowUpAction)
        .where(FollowUpAction.session_id == session_id)
        .order_by(FollowUpAction.id)
    ).all()
    return SessionDetail(
        row.id,
        row.on,
        row.theme,
        row.facilitator,
        row.notes,
        row.agreements,
        tuple(
            Attendee(v.id, v.reference, v.first_name, v.last_name, a.presence) for a, v in attendees
        ),
        tuple(_follow_up(f, today) for f in follow_ups),
    )


def _follow_up(f: FollowUpAction, today: dt.date) -> FollowUp:
    return FollowUp(
        f.id,
        f.session_id,
        f.description,
        f.who,
        f.due_on,
        f.done_on,
        follow_up_state(f.due_on, f.done_on, today),
    )


def list_follow_ups(
    *, session: Session, include_done: bool = False, today: dt.date
) -> list[FollowUp]:
    """Follow-up actions across sessions, the soonest due first (no due date last)."""
    query = select(FollowUpAction)
    if not include_done:
        query = query.where(col(FollowUpAction.done_on).is_(None))
    rows = session.exec(query).all()
    items = [_follow_up(f, today) for f in rows]
    return sorted(items, key=lambda f: (f.due_on is None, f.due_on or dt.date.max, f.id))


# ---- Writing


def save_session(*, session: Session, data: SessionIn, session_id: int | None = None) -> Saved:
    """Add (``session_id`` None) or replace a session with its attendance and follow-ups."""
    session_problems(data, since=first_year(session=session)).raise_if_any()
    known = set(
        session.exec(
            select(Volunteer.id).where(col(Volunteer.id).in_([v for v, _p in data.attendance]))
        )
    )
    if len(known) != len({v for v, _p in data.attendance}):
        raise LookupError("an attendee is not a volunteer of this file")
    if session_id is None:
        row = IntervisionSession(on=data.on, theme=data.theme.strip())
    else:
        row = session.get(IntervisionSession, session_id)
        if row is None:
            raise LookupError("no such intervision session")
    row.on = data.on
    row.theme = data.theme.strip()
    row.facilitator = data.facilitator.strip()
    row.notes = data.notes
    row.agreements = data.agreements
    session.add(row)
    session.flush()
    session.exec(delete(IntervisionAttendance).where(IntervisionAttendance.session_id == row.id))
    for volunteer_id, presence in data.attendance:
        session.add(
            IntervisionAttendance(
                session_id=row.id, volunteer_id=volunteer_id, presence=Presence(presence)
            )
        )
    kept = {f.id for f in data.follow_ups if f.id is not None}
    old = session.exec(select(FollowUpAction).where(FollowUpAction.session_id == row.id)).all()
    by_id = {f.id: f for f in old}
    for f in old:
        if f.id not in kept:
            session.delete(f)
    for f in data.follow_ups:
        target = by_id.get(f.id) if f.id is not None else None
        target = target or FollowUpAction(session_id=row.id, description="")
        target.description = f.description.strip()
        target.who = f.who.strip()
        target.due_on = f.due_on
        target.done_on = f.done_on
        session.add(target)
    session.flush()
    return Saved(row.id, Changes(intervision=True))


def set_follow_up_done(*, session: Session, follow_up_id: int, done_on: dt.date | None) -> Changes:
    """Tick a follow-up action off (or open it again with ``done_on=None``)."""
    row = session.get(FollowUpAction, follow_up_id)
    if row is None:
        raise LookupError("no such follow-up action")
    row.done_on = done_on
    session.add(row)
    return Changes(intervision=True)


def delete_session(*, session: Session, session_id: int) -> Changes:
    """Remove a session with its attendance and follow-ups."""
    row = session.get(IntervisionSession, session_id)
    if row is None:
        return Changes()
    session.exec(
        delete(IntervisionAttendance).where(IntervisionAttendance.session_id == session_id)
    )
    session.exec(delete(FollowUpAction).where(FollowUpAction.session_id == session_id))
    session.delete(row)
    return Changes(intervision=True)
