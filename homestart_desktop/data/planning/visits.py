"""Home visits: planned weeks ahead for every active trajectory, then logged as they happen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from sqlmodel import Session, col, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import (
    BlockedPeriod,
    Family,
    HalfDay,
    Trajectory,
    TrajectoryStatus,
    Transport,
    Visit,
    VisitStatus,
    Volunteer,
)
from homestart_desktop.data.validation import Problems, check_fields, first_year
from homestart_desktop.domain import planning
from homestart_desktop.i18n import N_, _

MAX_VISIT_MINUTES = 12 * 60
ACTIVITY_DOMAINS: dict[str, tuple[str, ...]] = {
    # Opvoeding en talentontwikkeling / Sociaal netwerk / Grondrechten en verbinding
    "parenting": ("respite", "play", "reading", "sport", "outing", "listening", "homework"),
    "network": ("leisure", "neighbourhood", "parent_group", "dutch_lessons", "services_access"),
    "rights": ("administration", "finding_services", "advocacy"),
}
ALL_ACTIVITIES = frozenset(a for acts in ACTIVITY_DOMAINS.values() for a in acts)
# Their words, on the visit dialog and in the access export.
DOMAIN_LABELS = {
    "parenting": N_("Parenting and talents"),
    "network": N_("Social network"),
    "rights": N_("Basic rights and connection"),
}
ACTIVITY_LABELS = {
    "respite": N_("Respite for the parent"),
    "play": N_("Play"),
    "reading": N_("Reading"),
    "sport": N_("Sport"),
    "outing": N_("Outing"),
    "listening": N_("A listening ear"),
    "homework": N_("Homework"),
    "leisure": N_("Leisure"),
    "neighbourhood": N_("Neighbourhood"),
    "parent_group": N_("Parent group"),
    "dutch_lessons": N_("Dutch lessons"),
    "services_access": N_("Lowering thresholds to services"),
    "administration": N_("Home administration"),
    "finding_services": N_("Finding one's way in services"),
    "advocacy": N_("Advocacy"),
}


@dataclasses.dataclass(frozen=True)
class VisitRow:
    """A visit as the planning screens show it: pseudonymous references, no names."""

    id: int
    trajectory_id: int
    on: dt.date
    half_day: HalfDay
    status: VisitStatus
    minutes: int
    km: float
    activities: tuple[str, ...]
    note: str
    family_reference: str
    volunteer_reference: str
    volunteer_id: int
    colour: str


@dataclasses.dataclass(frozen=True)
class VisitLog:
    """What the coordinator records about one visit."""

    status: VisitStatus
    minutes: int = 0
    km: float = 0.0
    activities: tuple[str, ...] = ()
    note: str = ""


def _blocked_for(session: Session, family_id: int) -> list[planning.Period]:
    rows = session.exec(
        select(BlockedPeriod).where(
            (BlockedPeriod.family_id == family_id) | (col(BlockedPeriod.family_id).is_(None))
        )
    )
    return [planning.Period(r.starts_on, r.ends_on) for r in rows]


def plan_visits(*, session: Session, until: dt.date, today: dt.date) -> Changes:
    """Add the weekly visits of every active trajectory up to ``until`` (idempotent).

    Only future dates are planned; a date that already has a visit of that trajectory (planned,
    moved there or logged) is left alone.
    """
    trajectories = session.exec(
        select(Trajectory).where(Trajectory.status == TrajectoryStatus.active)
    ).all()
    added = 0
    for trajectory in trajectories:
        if trajectory.weekday is None or trajectory.start_on is None:
            continue
        first = max(today, trajectory.start_on)
        existing = set(
            session.exec(
                select(Visit.on).where(Visit.trajectory_id == trajectory.id, Visit.on >= first)
            )
        )
        # The last planned or logged visit of the week must not be doubled by a moved one.
        weeks_taken = {planning.week_of(day)[0] for day in existing}
        for day in planning.weekly_visit_dates(
            first_possible=first,
            weekday=trajectory.weekday,
            until=until,
            blocked=_blocked_for(session, trajectory.family_id),
        ):
            if planning.week_of(day)[0] in weeks_taken:
                continue
            session.add(
                Visit(
                    trajectory_id=trajectory.id,
                    on=day,
                    half_day=trajectory.half_day or HalfDay.morning,
                )
            )
            added += 1
    return Changes(visits=bool(added))


def visits_between(
    *,
    session: Session,
    first: dt.date,
    last: dt.date,
    volunteer_id: int | None = None,
    family_id: int | None = None,
) -> list[VisitRow]:
    """Visits in a period (a week, a month), by date, optionally of one volunteer or family."""
    # Plain columns, not ORM rows: a month of a large branch is thousands of visits.
    query = (
        select(
            Visit.id,
            Visit.trajectory_id,
            Visit.on,
            Visit.half_day,
            Visit.status,
            Visit.minutes,
            Visit.km,
            Visit.activities,
            Visit.note,
            Family.reference,
            Volunteer.reference,
            Trajectory.volunteer_id,
            Trajectory.colour,
        )
        .join(Trajectory, Trajectory.id == Visit.trajectory_id)
        .join(Family, Family.id == Trajectory.family_id)
        .join(Volunteer, Volunteer.id == Trajectory.volunteer_id)
        .where(Visit.on >= first, Visit.on <= last)
        .order_by(Visit.on, Visit.half_day, Family.reference)
    )
    if volunteer_id is not None:
        query = query.where(Trajectory.volunteer_id == volunteer_id)
    if family_id is not None:
        query = query.where(Trajectory.family_id == family_id)
    return [
        VisitRow(
            id=row[0],
            trajectory_id=row[1],
            on=row[2],
            half_day=row[3],
            status=row[4],
            minutes=row[5],
            km=row[6],
            activities=tuple(row[7] or ()),
            note=row[8],
            family_reference=row[9],
            volunteer_reference=row[10],
            volunteer_id=row[11],
            colour=row[12],
        )
        for row in session.exec(query)
    ]


def _check_log(log: VisitLog, on: dt.date, today: dt.date) -> None:
    problems = Problems()
    if log.status != VisitStatus.planned and on > today:
        problems.add("status", _("A visit cannot be logged before it has taken place."))
    if log.minutes < 0 or log.minutes > MAX_VISIT_MINUTES:
        problems.add("minutes", _("A visit lasts between 0 and 12 hours."))
    if log.status == VisitStatus.done and log.minutes == 0:
        problems.add("minutes", _("How long did the visit last?"))
    if log.km < 0:
        problems.add("km", _("Kilometres cannot be negative."))
    unknown = set(log.activities) - ALL_ACTIVITIES
    if unknown:
        problems.add("activities", _("Unknown activity."))
    check_fields(problems, today=today, note=log.note)
    problems.raise_if_any()


def log_visit(*, session: Session, visit_id: int, log: VisitLog, today: dt.date) -> Changes:
    """Record how a visit went: done, cancelled by family or volunteer, or did not happen."""
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise LookupError(visit_id)
    _check_log(log, visit.on, today)
    _km_to_expenses(session, visit, log, today)
    visit.status = log.status
    visit.minutes = log.minutes if log.status == VisitStatus.done else 0
    visit.km = log.km
    visit.activities = list(log.activities)
    visit.note = log.note
    session.add(visit)
    return Changes(visits=True)


def _km_to_expenses(session: Session, visit: Visit, log: VisitLog, today: dt.date) -> None:
    """The km of a visit become the volunteer's expense entry for it (one per visit)."""
    from homestart_desktop.data.models import Expense, ExpenseYear
    from homestart_desktop.data.volunteers import expenses

    trajectory = session.get(Trajectory, visit.trajectory_id)
    assert trajectory is not None
    for old in session.exec(select(Expense).where(Expense.visit_id == visit.id)):
        session.delete(old)
    session.flush()
    if log.km <= 0:
        return
    regime = session.exec(
        select(ExpenseYear).where(
            ExpenseYear.volunteer_id == trajectory.volunteer_id,
            ExpenseYear.year == visit.on.year,
        )
    ).first()
    if regime is None:
        Problems(
            {
                "km": _(
                    "This volunteer has no expense regime for {year} yet: choose it in the "
                    "volunteer's expenses first, then log the kilometres."
                ).format(year=visit.on.year)
            }
        ).raise_if_any()
    volunteer = session.get(Volunteer, trajectory.volunteer_id)
    assert volunteer is not None
    family_reference = session.exec(
        select(Family.reference).where(Family.id == trajectory.family_id)
    ).one()
    saved = expenses.add_expense(
        session=session,
        volunteer_id=volunteer.id,
        expense_in=expenses.ExpenseIn(
            on=visit.on,
            km=Decimal(str(log.km)),
            transport=Transport.car
            if volunteer.has_car or not volunteer.has_bike
            else Transport.bicycle,
            purpose=_("Home visit {reference}").format(reference=family_reference),
        ),
        today=today,
    )
    expense = session.get(Expense, saved.id)
    assert expense is not None
    expense.visit_id = visit.id
    session.add(expense)


def log_week_done(
    *, session: Session, volunteer_id: int, week_of: dt.date, minutes: int, today: dt.date
) -> Changes:
    """Mark every planned visit of a volunteer in one week done, each with ``minutes``."""
    monday, sunday = planning.week_of(week_of)
    visits = session.exec(
        select(Visit)
        .join(Trajectory, Trajectory.id == Visit.trajectory_id)
        .where(
            Trajectory.volunteer_id == volunteer_id,
            Visit.on >= monday,
            Visit.on <= min(sunday, today),
            Visit.status == VisitStatus.planned,
        )
    ).all()
    for visit in visits:
        _check_log(VisitLog(VisitStatus.done, minutes=minutes), visit.on, today)
        visit.status = VisitStatus.done
        visit.minutes = minutes
        session.add(visit)
    return Changes(visits=bool(visits))


def move_visit(
    *,
    session: Session,
    visit_id: int,
    on: dt.date,
    half_day: HalfDay | None = None,
    today: dt.date,
) -> Changes:
    """Move a planned visit to day ``on`` (and half-day); ``on`` as in ``add_visit``, since the
    planning's day dialog calls both the same way."""
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise LookupError(visit_id)
    if visit.status != VisitStatus.planned:
        Problems({"on": _("Only a planned visit can be moved.")}).raise_if_any()
    problems = Problems()
    check_fields(problems, today=today, first_year=first_year(session=session), on=on)
    problems.raise_if_any()
    visit.on = on
    if half_day is not None:
        visit.half_day = half_day
    session.add(visit)
    return Changes(visits=True)


def add_visit(
    *, session: Session, trajectory_id: int, on: dt.date, half_day: HalfDay, today: dt.date
) -> Changes:
    """An extra visit outside the weekly rhythm."""
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None or trajectory.status not in (
        TrajectoryStatus.active,
        TrajectoryStatus.paused,
    ):
        Problems({"trajectory": _("Visits belong to an active trajectory.")}).raise_if_any()
    assert trajectory is not None
    if trajectory.start_on and on < trajectory.start_on:
        Problems({"on": _("This date is before the trajectory started.")}).raise_if_any()
    problems = Problems()
    check_fields(problems, today=today, first_year=first_year(session=session), on=on)
    problems.raise_if_any()
    session.add(Visit(trajectory_id=trajectory_id, on=on, half_day=half_day))
    return Changes(visits=True)


def drop_planned_visits(
    *, session: Session, trajectory_ids: Iterable[int], from_date: dt.date
) -> int:
    """Remove planned (not logged) visits from a date on: for a pause or a closure."""
    visits = session.exec(
        select(Visit).where(
            col(Visit.trajectory_id).in_(list(trajectory_ids)),
            Visit.on >= from_date,
            Visit.status == VisitStatus.planned,
        )
    ).all()
    for visit in visits:
        session.delete(visit)
    return len(visits)


def last_logged_visit(*, session: Session, trajectory_id: int) -> dt.date | None:
    """The date of the last visit that was logged (done or cancelled)."""
    return session.exec(
        select(Visit.on)
        .where(Visit.trajectory_id == trajectory_id, Visit.status != VisitStatus.planned)
        .order_by(col(Visit.on).desc())
        .limit(1)
    ).first()
