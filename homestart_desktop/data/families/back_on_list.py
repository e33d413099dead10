"""Put a family marked *not started* back on the waiting list, with a reason.

Its place is kept: the wait still runs from its first waiting date (``domain.waiting``), unless
the coordinator says the wait starts over; then it runs from the day it went back on the list.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, func, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families import checks as check
from homestart_desktop.data.families.waiting import wait_facts
from homestart_desktop.data.models import Family, FamilyStatus, FamilyStatusChange
from homestart_desktop.data.status_steps import step_family
from homestart_desktop.data.validation import Problems, check_fields, first_year
from homestart_desktop.data.workflow import check_step
from homestart_desktop.domain.waiting import WaitFacts, wait_began
from homestart_desktop.i18n import _


def first_waiting_date(*, session: Session, family_id: int, on: dt.date) -> dt.date | None:
    """The day the family's wait began, as it stands before it goes back on the list on ``on``."""
    facts = wait_facts(session=session, family_ids=[family_id], up_to=on)
    return wait_began(facts.get(family_id, WaitFacts()), on)


def _marked_not_started_on(session: Session, family_id: int, default: dt.date) -> dt.date:
    last = session.exec(
        select(func.max(FamilyStatusChange.on)).where(
            FamilyStatusChange.family_id == family_id,
            col(FamilyStatusChange.to_status) == FamilyStatus.not_started,
        )
    ).one()
    if isinstance(last, str):  # max() loses the column's date type
        last = dt.date.fromisoformat(last)
    return last or default


def put_back_on_list(
    *,
    session: Session,
    family_id: int,
    on: dt.date,
    reason: str,
    starts_over: bool = False,
    today: dt.date,
) -> Changes:
    """Move a *not started* family to *waiting* on ``on``; refused with a message per field."""
    problems = Problems()
    check.required(problems, "on", on)
    check.not_in_future(problems, "on", on, today)
    check_fields(
        problems, today=today, first_year=first_year(session=session), on=on, reason=reason
    )
    check.required(problems, "reason", reason.strip())
    family = session.get(Family, family_id)
    if family is None:
        raise LookupError("no such family")
    if family.status != FamilyStatus.not_started:
        problems.add("on", _("Only a family marked “not started” can be put back this way."))
    elif on is not None and on < _marked_not_started_on(session, family_id, on):
        problems.add("on", _("This is before the family was marked “not started”."))
    problems.raise_if_any()
    check_step(family.status, FamilyStatus.waiting)
    if starts_over:
        list_date = on
    else:  # keep its place: the date it first joined the list, else the day its wait began
        list_date = family.waiting_since or first_waiting_date(
            session=session, family_id=family_id, on=on
        )
    step_family(
        session, family, FamilyStatus.waiting, on, reason.strip(), list_date=list_date or on
    )
    return Changes(families=True)
