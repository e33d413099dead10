"""Running trajectories at a glance, and each family's outcome scores over time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import case, func
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


def last_visit_done_subquery():  # -> a correlated scalar subquery on Trajectory.id
    """The date of a trajectory's last visit done: one seek in ix_visit_trajectory_status_on."""
    return (
        select(func.max(Visit.on))
        .where(Visit.trajectory_id == Trajectory.id, Visit.status == VisitStatus.done)
        .correlate(Trajectory)
        .scalar_subquery()
    )


def running_trajectories(*, session: Session) -> list[TrajectoryRow]:
    """Active and paused trajectories, with their next review and last visit done."""
    next_review = (
        select(func.min(Review.planned_on))
        .where(Review.trajectory_id == Trajectory.id, col(Review.held_on).is_(None))
        .correlate(Trajectory)
        .scalar_subquery()
    )
    query = (
        select(
            Trajectory.id,
            Trajectory.family_id,
            Trajectory.volunteer_id,
            Family.reference,
            Volunteer.reference,
            Trajectory.status,
            Trajectory.start_on,
            Trajectory.weekday,
            Trajectory.half_day,
            Trajectory.planned_end_on,
            next_review,
            last_visit_done_subquery(),
            Trajectory.colour,
        )
        .join(Family, Family.id == Trajectory.family_id)
        .join(Volunteer, Volunteer.id == Trajectory.volunteer_id)
        .where(col(Trajectory.status).in_([TrajectoryStatus.active, TrajectoryStatus.paused]))
        .order_by(Family.reference)
    )
    return [TrajectoryRow(*row) for row in session.exec(query)]


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
class DayCount:
    on: dt.date
    visits: int
    done: int


@dataclasses.dataclass(frozen=True)
class PlanningOverview:
    """What one tab of the planning shows; the other lists stay empty."""

    volunteers: dict[int, str]  # volunteers of running trajectories, for the filter
    visits: list = dataclasses.field(default_factory=list)
    days: list[DayCount] = dataclasses.field(default_factory=list)
    trajectories: list[TrajectoryRow] = dataclasses.field(default_factory=list)


def _running_volunteers(session: Session) -> dict[int, str]:
    query = (
        select(Volunteer.id, Volunteer.reference)
        .join(Trajectory, Trajectory.volunteer_id == Volunteer.id)
        .where(col(Trajectory.status).in_([TrajectoryStatus.active, TrajectoryStatus.paused]))
        .distinct()
    )
    return dict(session.exec(query).all())


def visit_counts_by_day(
    *, session: Session, first: dt.date, last: dt.date, volunteer_id: int | None = None
) -> list[DayCount]:
    """How many visits each day has, and how many of them were done (the month view)."""
    done = func.sum(case((Visit.status == VisitStatus.done, 1), else_=0))
    query = (
        select(Visit.on, func.count(), done)
        .where(Visit.on >= first, Visit.on <= last)
        .group_by(Visit.on)
    )
    if volunteer_id is not None:
        query = query.join(Trajectory, Trajectory.id == Visit.trajectory_id).where(
            Trajectory.volunteer_id == volunteer_id
        )
    return [DayCount(on, count, done_count or 0) for on, count, done_count in session.exec(query)]


def planning_overview(
    *,
    session: Session,
    view: str,
    first: dt.date,
    last: dt.date,
    volunteer_id: int | None = None,
) -> PlanningOverview:
    """What the planning's ``view`` (week, month, list or trajectories) shows, in one read."""
    from homestart_desktop.data.planning.visits import visits_between

    volunteers = _running_volunteers(session)
    if view == "month":
        days = visit_counts_by_day(
            session=session, first=first, last=last, volunteer_id=volunteer_id
        )
        return PlanningOverview(volunteers, days=days)
    if view == "trajectories":
        return PlanningOverview(volunteers, trajectories=running_trajectories(session=session))
    rows = visits_between(session=session, first=first, last=last, volunteer_id=volunteer_id)
    return PlanningOverview(volunteers, visits=rows)
