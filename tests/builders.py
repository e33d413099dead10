"""Small records for tests that need a family matched with a volunteer (synthetic people only)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
    VolunteerStatus,
)
from tests.clock import TEST_TODAY


def matched_pair(
    session: Session,
    *,
    family: Family | str,
    volunteer: Volunteer | str,
    start_on: dt.date | None,
    weekday: int = 1,
    half_day: HalfDay = HalfDay.morning,
    status: TrajectoryStatus = TrajectoryStatus.active,
    proposed_on: dt.date | None = None,
) -> Trajectory:
    """A trajectory between a family and a volunteer (given as records, or as reference codes
    for plain active ones), stored and flushed so that every id is known."""
    if isinstance(family, str):
        family = Family(reference=family, status=FamilyStatus.active)
    if isinstance(volunteer, str):
        volunteer = Volunteer(reference=volunteer, first_name="Jef", status=VolunteerStatus.matched)
    session.add_all([family, volunteer])
    session.flush()
    trajectory = Trajectory(
        family_id=family.id,
        volunteer_id=volunteer.id,
        status=status,
        proposed_on=proposed_on or (start_on or TEST_TODAY) - dt.timedelta(days=14),
        start_on=start_on,
        weekday=weekday,
        half_day=half_day,
    )
    session.add(trajectory)
    session.flush()
    return trajectory
