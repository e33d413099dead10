"""Individual talks of the coordinator with a volunteer: coaching, interim evaluation, exit talk.

Notes are kept as plain text exactly as typed. A talk is checked whole before anything is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, func, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import CoachingTalk, TalkKind, Volunteer
from homestart_desktop.data.validation import (
    FIRST_EVENT_YEAR,
    Problems,
    check_typed,
    first_year,
)
from homestart_desktop.i18n import N_, _

TALK_KIND_LABELS: dict[TalkKind, str] = {
    TalkKind.coaching: N_("Coaching talk"),
    TalkKind.evaluation: N_("Interim evaluation of the volunteer"),
    TalkKind.exit: N_("Exit talk"),
}


def talk_kind_label(kind: TalkKind) -> str:
    """The kind of talk in the coordinator's words."""
    return _(TALK_KIND_LABELS[TalkKind(kind)])


@dataclasses.dataclass(frozen=True)
class TalkIn:
    volunteer_id: int | None
    on: dt.date | None
    kind: TalkKind = TalkKind.coaching
    notes: str = ""
    agreements: str = ""
    next_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class Talk:
    id: int
    volunteer_id: int
    volunteer_reference: str
    volunteer_first_name: str
    on: dt.date
    kind: TalkKind
    notes: str
    agreements: str
    next_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class SavedTalk:
    id: int
    changes: Changes


def talk_problems(
    data: TalkIn, *, today: dt.date | None = None, since: int = FIRST_EVENT_YEAR
) -> Problems:
    """Every problem of a talk form, keyed by the field it belongs beside."""
    problems = Problems()
    if data.volunteer_id is None:
        problems.add("volunteer_id", _("Choose the volunteer the talk was with."))
    if data.on is None:
        problems.add("on", _("Fill in the date of the talk."))
    if data.on is not None and data.next_on is not None and data.next_on <= data.on:
        problems.add("next_on", _("The next talk must come after this one."))
    check_typed(problems, data, today=today or dt.date.today(), first_year=since)
    return problems


def _talk(row: CoachingTalk, volunteer: Volunteer) -> Talk:
    return Talk(
        row.id,
        volunteer.id,
        volunteer.reference,
        volunteer.first_name,
        row.on,
        row.kind,
        row.notes,
        row.agreements,
        row.next_on,
    )


def list_talks(*, session: Session, volunteer_id: int) -> list[Talk]:
    """A volunteer's talks in time order, the first talk first."""
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise LookupError("no such volunteer")
    rows = session.exec(
        select(CoachingTalk)
        .where(CoachingTalk.volunteer_id == volunteer_id)
        .order_by(CoachingTalk.on, CoachingTalk.id)
    ).all()
    return [_talk(r, volunteer) for r in rows]


def get_talk(*, session: Session, talk_id: int) -> Talk:
    """One talk (for the talk dialog and for search results)."""
    row = session.get(CoachingTalk, talk_id)
    if row is None:
        raise LookupError("no such coaching talk")
    return _talk(row, session.get(Volunteer, row.volunteer_id))


def save_talk(*, session: Session, data: TalkIn, talk_id: int | None = None) -> SavedTalk:
    """Add (``talk_id`` None) or change a talk."""
    talk_problems(data, since=first_year(session=session)).raise_if_any()
    if session.get(Volunteer, data.volunteer_id) is None:
        raise LookupError("no such volunteer")
    if talk_id is None:
        row = CoachingTalk(volunteer_id=data.volunteer_id, on=data.on)
    else:
        row = session.get(CoachingTalk, talk_id)
        if row is None:
            raise LookupError("no such coaching talk")
    row.volunteer_id = data.volunteer_id
    row.on = data.on
    row.kind = TalkKind(data.kind)
    row.notes = data.notes
    row.agreements = data.agreements
    row.next_on = data.next_on
    session.add(row)
    session.flush()
    return SavedTalk(row.id, Changes(intervision=True, volunteers=True))


def delete_talk(*, session: Session, talk_id: int) -> Changes:
    """Remove a talk."""
    row = session.get(CoachingTalk, talk_id)
    if row is None:
        return Changes()
    session.delete(row)
    return Changes(intervision=True, volunteers=True)


def next_talks_planned(*, session: Session, until: dt.date) -> list[Talk]:
    """Talks whose planned next talk falls on or before ``until`` and has not been held yet."""
    rows = session.exec(
        select(CoachingTalk, Volunteer)
        .join(Volunteer, Volunteer.id == CoachingTalk.volunteer_id)
        .where(col(CoachingTalk.next_on).is_not(None), CoachingTalk.next_on <= until)
        .order_by(CoachingTalk.next_on)
    ).all()
    latest = dict(
        session.exec(
            select(CoachingTalk.volunteer_id, func.max(CoachingTalk.on)).group_by(
                CoachingTalk.volunteer_id
            )
        ).all()
    )
    # A planned talk has been held when the volunteer had a talk on or after its date.
    return [_talk(row, volunteer) for row, volunteer in rows if latest[volunteer.id] < row.next_on]
