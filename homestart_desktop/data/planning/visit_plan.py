"""A volunteer's visit plan, as plain values, for the calendar file and the printed schedule."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from homestart_desktop.data.models import (
    BlockedPeriod,
    Caregiver,
    Family,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
)
from homestart_desktop.data.planning.visits import VisitRow, visits_between
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.domain import planning


@dataclasses.dataclass(frozen=True)
class PlanFamily:
    reference: str
    first_name: str  # the first caregiver's first name: what a volunteer calls the family
    address: str  # street and number; empty unless the coordinator chose to include it
    postcode: str = ""  # the document names its municipality in its own language


@dataclasses.dataclass(frozen=True)
class SkippedWeek:
    """A week without the usual visit to a family, and why (a public holiday, a blocked period)."""

    on: dt.date  # the usual visit day of that week
    family_reference: str
    holiday: str  # the public holiday's name, or ""
    blocked: str  # the blocked period's label ("" when unnamed), when blocked
    is_blocked: bool


@dataclasses.dataclass(frozen=True)
class VisitPlan:
    volunteer_reference: str
    volunteer_first_name: str
    language: str
    first: dt.date
    last: dt.date
    visits: tuple[VisitRow, ...]
    families: dict[str, PlanFamily]
    branch: BranchSettings
    skipped: tuple[SkippedWeek, ...] = ()
    # The family's first name goes wherever the phone syncs its calendar: only when chosen.
    with_first_name: bool = False


def volunteer_visit_plan(
    *,
    session: Session,
    volunteer_reference: str,
    first: dt.date,
    weeks: int = 8,
    include_address: bool = False,
    with_first_name: bool = False,
) -> VisitPlan:
    """The planned and logged visits of one volunteer from ``first`` for ``weeks`` weeks."""
    volunteer = session.exec(
        select(Volunteer).where(Volunteer.reference == volunteer_reference)
    ).first()
    if volunteer is None:
        raise LookupError(volunteer_reference)
    last = first + dt.timedelta(days=7 * weeks - 1)
    rows = visits_between(session=session, first=first, last=last, volunteer_id=volunteer.id)
    families: dict[str, PlanFamily] = {}
    family_ids = session.exec(
        select(Trajectory.family_id).where(Trajectory.volunteer_id == volunteer.id)
    ).all()
    for family_id in set(family_ids):
        family = session.get(Family, family_id)
        assert family is not None
        caregiver = session.exec(
            select(Caregiver).where(Caregiver.family_id == family_id).order_by(Caregiver.position)
        ).first()
        families[family.reference] = PlanFamily(
            family.reference,
            caregiver.first_name if caregiver else "",
            family.street if include_address else "",
            family.postcode,
        )
    return VisitPlan(
        volunteer_reference=volunteer.reference,
        volunteer_first_name=volunteer.first_name,
        language=volunteer.language,
        first=first,
        last=last,
        visits=tuple(rows),
        families=families,
        branch=load_settings(session=session),
        skipped=_skipped_weeks(session, volunteer.id, first, last, rows, volunteer.language),
        with_first_name=with_first_name,
    )


def _skipped_weeks(
    session: Session,
    volunteer_id: int,
    first: dt.date,
    last: dt.date,
    rows: list[VisitRow],
    lang: str,
) -> tuple[SkippedWeek, ...]:
    """The weeks an active trajectory has no visit because of a holiday or a blocked period."""
    trajectories = session.exec(
        select(Trajectory, Family.reference)
        .join(Family, Family.id == Trajectory.family_id)
        .where(
            Trajectory.volunteer_id == volunteer_id,
            Trajectory.status == TrajectoryStatus.active,
        )
    ).all()
    periods = session.exec(
        select(BlockedPeriod).where(BlockedPeriod.ends_on >= first, BlockedPeriod.starts_on <= last)
    ).all()
    skipped = []
    for trajectory, reference in trajectories:
        if trajectory.weekday is None or trajectory.start_on is None:
            continue
        visited = {planning.week_of(r.on)[0] for r in rows if r.trajectory_id == trajectory.id}
        monday = planning.week_of(first)[0]
        while monday <= last:
            day = monday + dt.timedelta(days=trajectory.weekday)
            if first <= day <= last and day >= trajectory.start_on and monday not in visited:
                holiday = planning.public_holiday_name(day, lang) or ""
                blocking = [
                    p
                    for p in periods
                    if p.starts_on <= day <= p.ends_on
                    and p.family_id in (None, trajectory.family_id)
                ]
                if holiday or blocking:
                    label = blocking[0].label if blocking else ""
                    skipped.append(SkippedWeek(day, reference, holiday, label, bool(blocking)))
            monday += dt.timedelta(days=7)
    return tuple(sorted(skipped, key=lambda s: (s.on, s.family_reference)))
