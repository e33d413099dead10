"""Periods without visits: the branch's school holidays, or one family's holiday."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import BlockedPeriod, Family, Trajectory, Visit, VisitStatus
from homestart_desktop.data.validation import Problems, check_fields, first_year
from homestart_desktop.i18n import _


@dataclasses.dataclass(frozen=True)
class PeriodRow:
    id: int
    starts_on: dt.date
    ends_on: dt.date
    label: str
    family_reference: str  # empty: the whole branch


def blocked_periods(*, session: Session, from_date: dt.date | None = None) -> list[PeriodRow]:
    """Every period (ending on or after ``from_date``), earliest first."""
    query = (
        select(BlockedPeriod, Family.reference)
        .join(Family, Family.id == BlockedPeriod.family_id, isouter=True)
        .order_by(BlockedPeriod.starts_on)
    )
    if from_date is not None:
        query = query.where(BlockedPeriod.ends_on >= from_date)
    return [
        PeriodRow(p.id, p.starts_on, p.ends_on, p.label, reference or "")
        for p, reference in session.exec(query)
    ]


def add_blocked_period(
    *,
    session: Session,
    starts_on: dt.date,
    ends_on: dt.date,
    label: str,
    family_reference: str = "",
    today: dt.date,
) -> Changes:
    """Mark a period without visits; planned visits in it are taken out of the plan."""
    problems = Problems()
    if ends_on < starts_on:
        problems.add("ends_on", _("The period ends on or after the day it starts."))
    if not label.strip():
        problems.add("label", _("Give the period a name, e.g. Christmas holidays."))
    family_id = None
    if family_reference.strip():
        family_id = session.exec(
            select(Family.id).where(Family.reference == family_reference.strip().upper())
        ).first()
        if family_id is None:
            problems.add("family", _("There is no family with this reference."))
    check_fields(
        problems,
        today=today,
        first_year=first_year(session=session),
        starts_on=starts_on,
        ends_on=ends_on,
        label=label,
    )
    problems.raise_if_any()
    session.add(
        BlockedPeriod(
            family_id=family_id, starts_on=starts_on, ends_on=ends_on, label=label.strip()
        )
    )
    query = (
        select(Visit)
        .join(Trajectory, Trajectory.id == Visit.trajectory_id)
        .where(
            Visit.status == VisitStatus.planned,
            Visit.on >= starts_on,
            Visit.on <= ends_on,
        )
    )
    if family_id is not None:
        query = query.where(Trajectory.family_id == family_id)
    for visit in session.exec(query).all():
        session.delete(visit)
    return Changes(visits=True)


def delete_blocked_period(*, session: Session, period_id: int) -> Changes:
    """Remove a period; the next planning run fills its weeks again."""
    period = session.get(BlockedPeriod, period_id)
    if period is not None:
        session.delete(period)
    return Changes(visits=True)


__all__ = ["PeriodRow", "add_blocked_period", "blocked_periods", "delete_blocked_period"]
