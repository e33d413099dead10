"""The figures of the Today screen, straight from the case file.

Families waiting and for how long, active trajectories, the visits of this week, and reviews that
are due or overdue. Each list names families and volunteers by reference code only; the screen
decides what more to show. All counting happens in SQL on indexed columns, so Today stays fast
on a branch with thousands of families and a hundred thousand visits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from homestart_desktop.data.families.waiting import waiting_since_of
from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Review,
    ReviewKind,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
)
from homestart_desktop.domain import waiting as wait

# A review counts as due from two weeks before its planned date (the coordinator plans it then).
REVIEW_DUE_WITHIN_DAYS = 14
LONGEST_WAITING_SHOWN = 5
_HALF_DAY_ORDER = {half: position for position, half in enumerate(HalfDay)}


@dataclasses.dataclass(frozen=True)
class WaitingFamily:
    family_id: int
    reference: str
    waiting_since: dt.date
    days: int


@dataclasses.dataclass(frozen=True)
class WeekVisit:
    visit_id: int
    trajectory_id: int
    on: dt.date
    half_day: HalfDay
    status: VisitStatus
    family_reference: str
    volunteer_reference: str


@dataclasses.dataclass(frozen=True)
class DueReview:
    review_id: int
    trajectory_id: int
    kind: ReviewKind
    planned_on: dt.date
    overdue: bool
    family_reference: str
    volunteer_reference: str


@dataclasses.dataclass(frozen=True)
class TodayOverview:
    """What needs the coordinator on ``today``."""

    today: dt.date
    families_waiting: int
    longest_waiting_days: int | None
    median_waiting_days: float | None
    longest_waiting: tuple[WaitingFamily, ...]
    active_trajectories: int
    paused_trajectories: int
    week_start: dt.date  # Monday of this week
    week_end: dt.date  # Sunday of this week
    visits_this_week: int  # every visit dated this week, whatever its status
    visits_still_planned: int  # of those, the ones not logged yet
    visits: tuple[WeekVisit, ...]  # in order of day and half-day
    reviews_due: int  # overdue ones included
    reviews_overdue: int
    reviews: tuple[DueReview, ...]  # most overdue first


def today_overview(*, session: Session, today: dt.date) -> TodayOverview:
    """Today's figures, computed from the open case file."""
    families_waiting, waiting = _waiting(session, today)
    days = sorted((w.days for w in waiting), reverse=True)
    trajectories = dict(
        session.execute(
            select(Trajectory.status, func.count())
            .where(Trajectory.status.in_([TrajectoryStatus.active, TrajectoryStatus.paused]))
            .group_by(Trajectory.status)
        ).all()
    )
    week_start = today - dt.timedelta(days=today.weekday())
    week_end = week_start + dt.timedelta(days=6)
    visits = _week_visits(session, week_start, week_end)
    reviews = _due_reviews(session, today)
    return TodayOverview(
        today=today,
        families_waiting=families_waiting,
        longest_waiting_days=days[0] if days else None,
        median_waiting_days=float(statistics.median(days)) if days else None,
        longest_waiting=tuple(waiting[:LONGEST_WAITING_SHOWN]),
        active_trajectories=trajectories.get(TrajectoryStatus.active, 0),
        paused_trajectories=trajectories.get(TrajectoryStatus.paused, 0),
        week_start=week_start,
        week_end=week_end,
        visits_this_week=len(visits),
        visits_still_planned=sum(v.status == VisitStatus.planned for v in visits),
        visits=visits,
        reviews_due=len(reviews),
        reviews_overdue=sum(r.overdue for r in reviews),
        reviews=reviews,
    )


def _waiting(session: Session, today: dt.date) -> tuple[int, list[WaitingFamily]]:
    # Waiting since and days as every screen counts them (domain.waiting).
    families = session.execute(
        select(Family.id, Family.reference, Family.status, Family.waiting_since).where(
            Family.status == FamilyStatus.waiting
        )
    ).all()
    since_of = waiting_since_of(
        session=session, statuses={f[0]: f[2] for f in families}, today=today
    )
    result = []
    for family_id, reference, _status, _on_list_since in families:
        since = since_of[family_id]
        if since is None:  # no referral and no list date: counted, but no days to show
            continue
        result.append(WaitingFamily(family_id, reference, since, wait.waiting_days(since, today)))
    result.sort(key=lambda w: wait.longest_waiting_first(w.waiting_since, w.reference, today))
    return len(families), result


def _week_visits(session: Session, first: dt.date, last: dt.date) -> tuple[WeekVisit, ...]:
    volunteer = aliased(Volunteer)
    rows = session.execute(
        select(
            Visit.id,
            Visit.trajectory_id,
            Visit.on,
            Visit.half_day,
            Visit.status,
            Family.reference,
            volunteer.reference,
        )
        .join(Trajectory, Trajectory.id == Visit.trajectory_id)
        .join(Family, Family.id == Trajectory.family_id)
        .join(volunteer, volunteer.id == Trajectory.volunteer_id)
        .where(Visit.on >= first, Visit.on <= last)
    ).all()
    visits = [WeekVisit(*row) for row in rows]
    visits.sort(key=lambda v: (v.on, _HALF_DAY_ORDER[v.half_day], v.family_reference))
    return tuple(visits)


def _due_reviews(session: Session, today: dt.date) -> tuple[DueReview, ...]:
    volunteer = aliased(Volunteer)
    horizon = today + dt.timedelta(days=REVIEW_DUE_WITHIN_DAYS)
    rows = session.execute(
        select(
            Review.id,
            Review.trajectory_id,
            Review.kind,
            Review.planned_on,
            Family.reference,
            volunteer.reference,
        )
        .join(Trajectory, Trajectory.id == Review.trajectory_id)
        .join(Family, Family.id == Trajectory.family_id)
        .join(volunteer, volunteer.id == Trajectory.volunteer_id)
        .where(
            Review.held_on.is_(None),
            Review.planned_on.is_not(None),
            Review.planned_on <= horizon,
            Trajectory.status.in_([TrajectoryStatus.active, TrajectoryStatus.paused]),
        )
        .order_by(Review.planned_on, Family.reference)
    ).all()
    return tuple(
        DueReview(rid, tid, kind, planned, planned < today, family, vol)
        for rid, tid, kind, planned, family, vol in rows
    )
