"""Running trajectories at a glance, and each family's outcome scores over time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from homestart_desktop.data.models import (
    OUTCOME_AREAS,
    Family,
    HalfDay,
    Intake,
    Review,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
)


@dataclasses.dataclass(frozen=True)
class TrajectoryRow:
    id: int
    family_id: int
    volunteer_id: int
    family_reference: str
    volunteer_reference: str
    status: TrajectoryStatus
    start_on: dt.date | None
    weekday: int | None
    half_day: HalfDay | None
    planned_end_on: dt.date | None
    next_review_on: dt.date | None
    last_visit_on: dt.date | None
    colour: str


@dataclasses.dataclass(frozen=True)
class ScorePoint:
    on: dt.date
    kind: str  # "intake", "interim" or "closing"
    scores: dict[str, int | None]


def running_trajectories(*, session: Session) -> list[TrajectoryRow]:
    """Active and paused trajectories, with their next review and last visit done."""
    next_review = dict(
        session.exec(
            select(Review.trajectory_id, func.min(Review.planned_on))
            .where(col(Review.held_on).is_(None))
            .group_by(Review.trajectory_id)
        ).all()
    )
    last_visit = dict(
        session.exec(
            select(Visit.trajectory_id, func.max(Visit.on))
            .where(Visit.status == VisitStatus.done)
            .group_by(Visit.trajectory_id)
        ).all()
    )
    query = (
        select(Trajectory, Family.reference, Volunteer.reference)
        .join(Family, Family.id == Trajectory.family_id)
        .join(Volunteer, Volunteer.id == Trajectory.volunteer_id)
        .where(col(Trajectory.status).in_([TrajectoryStatus.active, TrajectoryStatus.paused]))
        .order_by(Family.reference)
    )
    return [
        TrajectoryRow(
            id=t.id,
            family_id=t.family_id,
            volunteer_id=t.volunteer_id,
            family_reference=family_ref,
            volunteer_reference=volunteer_ref,
            status=t.status,
            start_on=t.start_on,
            weekday=t.weekday,
            half_day=t.half_day,
            planned_end_on=t.planned_end_on,
            next_review_on=next_review.get(t.id),
            last_visit_on=last_visit.get(t.id),
            colour=t.colour,
        )
        for t, family_ref, volunteer_ref in session.exec(query)
    ]


def _scores(row: Intake | Review) -> dict[str, int | None]:
    return {area: getattr(row, f"score_{area}") for area in OUTCOME_AREAS}


def score_history(*, session: Session, family_id: int) -> list[ScorePoint]:
    """The baseline at intake and every review held since, in time order."""
    points = [
        ScorePoint(intake.done_on, "intake", _scores(intake))
        for intake in session.exec(
            select(Intake).where(Intake.family_id == family_id, col(Intake.done_on).is_not(None))
        )
        if any(v is not None for v in _scores(intake).values())
    ]
    reviews = session.exec(
        select(Review)
        .join(Trajectory, Trajectory.id == Review.trajectory_id)
        .where(Trajectory.family_id == family_id, col(Review.held_on).is_not(None))
    )
    points += [ScorePoint(r.held_on, r.kind.value, _scores(r)) for r in reviews]
    return sorted(points, key=lambda p: p.on)


@dataclasses.dataclass(frozen=True)
class PlanningOverview:
    visits: list
    trajectories: list[TrajectoryRow]


def planning_overview(
    *, session: Session, first: dt.date, last: dt.date, volunteer_id: int | None = None
) -> PlanningOverview:
    """Everything the planning screen shows for a period, in one read."""
    from homestart_desktop.data.visits import visits_between

    return PlanningOverview(
        visits=visits_between(session=session, first=first, last=last, volunteer_id=volunteer_id),
        trajectories=running_trajectories(session=session),
    )
