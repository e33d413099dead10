"""A volunteer's visit plan, as plain values, for the calendar file and the printed schedule."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from homestart_desktop.data.models import Caregiver, Family, Trajectory, Volunteer
from homestart_desktop.data.planning.visits import VisitRow, visits_between
from homestart_desktop.data.settings import BranchSettings, load_settings


@dataclasses.dataclass(frozen=True)
class PlanFamily:
    reference: str
    first_name: str  # the first caregiver's first name: what a volunteer calls the family
    address: str  # empty unless the coordinator chose to include it


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


def volunteer_visit_plan(
    *,
    session: Session,
    volunteer_reference: str,
    first: dt.date,
    weeks: int = 8,
    include_address: bool = False,
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
        address = ""
        if include_address:
            address = ", ".join(p for p in (family.street, family.postcode) if p)
        families[family.reference] = PlanFamily(
            family.reference, caregiver.first_name if caregiver else "", address
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
    )
