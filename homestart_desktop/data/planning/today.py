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

from homestart_desktop.data.families.waiting import waiting_families
from homestart_desktop.data.models import (
    Family,
    HalfDay,
    Review,
    ReviewKind,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
)
from homestart_desktop.data.people import PersonName, names_by_reference
from homestart_desktop.data.planning.reminders import Reminder, morning_list
from homestart_desktop.domain import waiting as wait

# Columns read on the connection (Core), not through the ORM session: no ORM compile and
# row processing for plain columns (Today's first unlock compiles each query anew).
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


@dataclasses.dataclass(frozen=True)
class TodayContents:
    """Everything the Today screen shows, read in one transaction."""

    names: dict[str, PersonName]  # by reference code
    overview: TodayOverview
    reminders: list[Reminder]  # the morning list


def today_contents(*, session: Session, today: dt.date) -> TodayContents:
    """Names, figures and morning list at once: on the first unlock of a day Today waited for
    three worker jobs one after another, and the figures and the morning list each read the
    waiting list and its facts; one job reads them once."""
    waiting_list = waiting_families(session=session, today=today)
    return TodayContents(
        names=names_by_reference(session=session),
        overview=today_overview(session=session, today=today, waiting_list=waiting_list),
        reminders=morning_list(session=session, today=today, waiting_list=waiting_list),
    )


def today_overview(
    *,
    session: Session,
    today: dt.date,
    waiting_list: list[tuple[int, str, dt.date | None]] | None = None,
) -> TodayOverview:
    """Today's figures, computed from the open case file (``waiting_list``: the families
    waiting as ``waiting_families`` reads them, when the caller has them already)."""
    session.flush()  # what the caller added counts, as the ORM's autoflush made it count
    if waiting_list is None:
        waiting_list = waiting_families(session=session, today=today)
    families_waiting, waiting = len(waiting_list), _longest_waiting(waiting_list, today)
    days = sorted((w.days for w in waiting), reverse=True)
    trajectories = dict(
        session.connection()
        .execute(
            select(Trajectory.status, func.count())
            .where(Trajectory.status.in_([TrajectoryStatus.active, TrajectoryStatus.paused]))
            .group_by(Trajectory.status)
        )
        .all()
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


def _longest_waiting(
    waiting_list: list[tuple[int, str, dt.date | None]], today: dt.date
) -> list[WaitingFamily]:
    # Waiting since and days as every screen counts them (domain.waiting).
    result = []
    for family_id, reference, since in waiting_list:
        if since is None:  # no referral and no list date: counted, but no days to show
            continue
        result.append(WaitingFamily(family_id, reference, since, wait.waiting_days(since, today)))
    result.sort(key=lambda w: wait.longest_waiting_first(w.waiting_since, w.reference, today))
    return result


def _week_visits(session: Session, first: dt.date, last: dt.date) -> tuple[WeekVisit, ...]:
    volunteer = aliased(Volunteer)
    rows = (
        session.connection()
        .execute(
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
        )
        .all()
    )
    visits = [WeekVisit(*row) for row in rows]
    visits.sort(key=lambda v: (v.on, _HALF_DAY_ORDER[v.half_day], v.family_reference))
    return tuple(visits)


def _due_reviews(session: Session, today: dt.date) -> tuple[DueReview, ...]:
    volunteer = aliased(Volunteer)
    horizon = today + dt.timedelta(days=REVIEW_DUE_WITHIN_DAYS)
    rows = (
        session.connection()
        .execute(
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
        )
        .all()
    )
    return tuple(
        DueReview(rid, tid, kind, planned, planned < today, family, vol)
        for rid, tid, kind, planned, family, vol in rows
    )
