"""The matches under way, read from the case file: proposals and introductions that are not yet
confirmed or withdrawn, for the Matching screen's third tab.

The steps that move them on (introduction, confirm, withdraw) are in ``data/matching/steps.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlmodel import Session, col, select

from homestart_desktop.data.models import (
    Availability,
    Caregiver,
    Family,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
)
from homestart_desktop.domain import matching


@dataclasses.dataclass(frozen=True)
class MatchRow:
    """A match under way (proposed or introduced), for the screen's third tab."""

    trajectory_id: int
    family_id: int
    family_reference: str
    family_name: str
    volunteer_id: int
    volunteer_reference: str
    volunteer_name: str
    status: TrajectoryStatus
    proposed_on: dt.date
    introduction_on: dt.date | None
    reason: str
    common_slots: tuple[str, ...]  # family's wishes that the volunteer has free, Monday first


def open_matches(*, session: Session) -> list[MatchRow]:
    """Proposals and introductions not yet confirmed or withdrawn, oldest first."""
    rows = session.exec(
        select(Trajectory, Family, Volunteer)
        .join(Family, Family.id == Trajectory.family_id)
        .join(Volunteer, Volunteer.id == Trajectory.volunteer_id)
        .where(col(Trajectory.status).in_([TrajectoryStatus.proposed, TrajectoryStatus.introduced]))
        .order_by(Trajectory.proposed_on, Trajectory.id)
    ).all()
    ids = [f.id for _t, f, _v in rows]
    names: dict[int, str] = {}
    for family_id, first, last in session.exec(
        select(Caregiver.family_id, Caregiver.first_name, Caregiver.last_name)
        .where(col(Caregiver.family_id).in_(ids))
        .order_by(Caregiver.position.desc(), Caregiver.id.desc())  # the first one wins
    ):
        names[family_id] = f"{first} {last}".strip()
    free: dict[int, list[str]] = defaultdict(list)
    for a in session.exec(
        select(Availability).where(col(Availability.volunteer_id).in_([v.id for *_x, v in rows]))
    ):
        free[a.volunteer_id].append(f"{matching.WEEKDAY_CODES[a.weekday]}-{a.half_day.value}")
    result = []
    for trajectory, family, volunteer in rows:
        volunteer_mask = matching.slot_mask(free[volunteer.id])
        wished = matching.slot_mask(family.preferred_slots or ()) or volunteer_mask
        result.append(
            MatchRow(
                trajectory_id=trajectory.id,
                family_id=family.id,
                family_reference=family.reference,
                family_name=names.get(family.id, ""),
                volunteer_id=volunteer.id,
                volunteer_reference=volunteer.reference,
                volunteer_name=f"{volunteer.first_name} {volunteer.last_name}".strip(),
                status=trajectory.status,
                proposed_on=trajectory.proposed_on,
                introduction_on=trajectory.introduction_on,
                reason=trajectory.proposal_reason,
                common_slots=tuple(matching.slots_of(volunteer_mask & wished)),
            )
        )
    return result
