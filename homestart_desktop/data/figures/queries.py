"""What the quarterly figures are counted from: plain facts, no names, no free text.

``sync/figures.py`` turns these facts into figures; every query of the case file it needs lives
here. Only the columns a figure counts are read (flags, dates, categories, scores), never a name,
address, phone number or note, so nothing personal reaches the figures' code at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from sqlalchemy import func, or_
from sqlmodel import Session, select

from homestart_desktop.data.models import (
    OUTCOME_AREAS,
    Caregiver,
    Child,
    CloseReason,
    Expense,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Intake,
    IntervisionAttendance,
    IntervisionSession,
    Presence,
    Referral,
    Review,
    ReviewKind,
    Training,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
    VolunteerStatusChange,
)

Scores = tuple[int | None, ...]  # one per area of OUTCOME_AREAS


@dataclasses.dataclass(frozen=True)
class TrajectoryFact:
    id: int
    family_id: int
    volunteer_id: int
    start_on: dt.date
    ended_on: dt.date | None
    close_reason: CloseReason | None
    closed: bool


@dataclasses.dataclass(frozen=True)
class FamilyFact:
    id: int
    single_parent: bool
    kansarmoede: tuple[bool, bool, bool, bool, bool, bool]
    psychological_vulnerability: bool
    physical_disability: bool
    caregiver_birth_years: tuple[int, ...]
    arrival_years: tuple[int, ...]
    children: tuple[tuple[dt.date | None, dt.date | None], ...]  # (birth date, due date)


@dataclasses.dataclass(frozen=True)
class VolunteerFact:
    id: int
    status_at_end: VolunteerStatus | None  # None: not yet known to the branch at quarter end
    onboarded_on: dt.date | None
    course_completed_on: dt.date | None
    stopped_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class OutcomeFact:
    trajectory_id: int
    baseline: Scores
    closing: Scores


@dataclasses.dataclass(frozen=True)
class QuarterFacts:
    start: dt.date
    end: dt.date
    referrals_by_category: dict[str, int]
    intakes_done: int
    families_status_at_end: dict[FamilyStatus, int]
    trajectories: tuple[TrajectoryFact, ...]  # running at some moment of the quarter
    referral_dates: dict[int, tuple[dt.date, ...]]  # family id -> referral dates, oldest first
    families: dict[int, FamilyFact]  # the families of ``trajectories``
    visits_by_status: dict[VisitStatus, int]
    visit_minutes_done: int
    volunteers: tuple[VolunteerFact, ...]
    training_hours_by_volunteer: dict[int, float]
    intervision_sessions: int
    intervision_present: int
    expenses_paid_by_volunteer: dict[int, int]  # cents
    outcomes: tuple[OutcomeFact, ...]  # closed in the quarter


def _last_status(session: Session, change: type, owner: str, end: dt.date) -> dict[int, str]:
    """Each entity's status on ``end``: its last change on or before that day.

    One row per entity, picked in SQL: SQLite takes the bare columns of a MAX() aggregate from
    the row holding the maximum, here the latest (date, id).
    """
    column = getattr(change, owner)
    latest = func.max(func.printf("%s %010d", change.on, change.id))
    rows = session.exec(
        select(column, change.to_status, latest).where(change.on <= end).group_by(column)
    )
    return {owner_id: status for owner_id, status, _ in rows}


def _families_status_at_end(session: Session, end: dt.date) -> dict[FamilyStatus, int]:
    history = _last_status(session, FamilyStatusChange, "family_id", end)
    counts: Counter[FamilyStatus] = Counter(FamilyStatus(s) for s in history.values())
    for family_id, status in session.exec(
        select(Family.id, Family.status).where(Family.created_on <= end)
    ):
        if family_id not in history:  # no recorded history: its status now is all we know
            counts[FamilyStatus(status)] += 1
    return dict(counts)


def _trajectories(session: Session, start: dt.date, end: dt.date) -> tuple[TrajectoryFact, ...]:
    rows = session.exec(
        select(
            Trajectory.id,
            Trajectory.family_id,
            Trajectory.volunteer_id,
            Trajectory.start_on,
            Trajectory.ended_on,
            Trajectory.close_reason,
            Trajectory.status,
        ).where(
            Trajectory.start_on.is_not(None),  # type: ignore[union-attr]
            Trajectory.start_on <= end,
            Trajectory.status != TrajectoryStatus.withdrawn,
            or_(Trajectory.ended_on.is_(None), Trajectory.ended_on >= start),  # type: ignore[union-attr]
        )
    )
    return tuple(
        TrajectoryFact(
            id=row[0],
            family_id=row[1],
            volunteer_id=row[2],
            start_on=row[3],
            ended_on=row[4],
            close_reason=CloseReason(row[5]) if row[5] else None,
            closed=row[6] == TrajectoryStatus.closed,
        )
        for row in rows
    )


def _families(session: Session, ids: set[int]) -> dict[int, FamilyFact]:
    if not ids:
        return {}
    births: dict[int, list[int]] = {i: [] for i in ids}
    arrivals: dict[int, list[int]] = {i: [] for i in ids}
    for family_id, birth_year, arrival_year in session.exec(
        select(Caregiver.family_id, Caregiver.birth_year, Caregiver.arrival_year).where(
            Caregiver.family_id.in_(ids)  # type: ignore[attr-defined]
        )
    ):
        if birth_year:
            births[family_id].append(birth_year)
        if arrival_year:
            arrivals[family_id].append(arrival_year)
    children: dict[int, list[tuple[dt.date | None, dt.date | None]]] = {i: [] for i in ids}
    for family_id, birth_date, due_date in session.exec(
        select(Child.family_id, Child.birth_date, Child.due_date).where(
            Child.family_id.in_(ids)  # type: ignore[attr-defined]
        )
    ):
        children[family_id].append((birth_date, due_date))
    rows = session.exec(
        select(
            Family.id,
            Family.single_parent,
            Family.kg_income,
            Family.kg_education,
            Family.kg_work,
            Family.kg_stimulation,
            Family.kg_housing,
            Family.kg_health,
            Family.psychological_vulnerability,
            Family.physical_disability,
        ).where(Family.id.in_(ids))  # type: ignore[union-attr]
    )
    return {
        row[0]: FamilyFact(
            id=row[0],
            single_parent=bool(row[1]),
            kansarmoede=tuple(bool(v) for v in row[2:8]),  # type: ignore[arg-type]
            psychological_vulnerability=bool(row[8]),
            physical_disability=bool(row[9]),
            caregiver_birth_years=tuple(births[row[0]]),
            arrival_years=tuple(arrivals[row[0]]),
            children=tuple(children[row[0]]),
        )
        for row in rows
    }


def _referral_dates(session: Session, family_ids: set[int]) -> dict[int, tuple[dt.date, ...]]:
    dates: dict[int, list[dt.date]] = {}
    if family_ids:
        for family_id, on in session.exec(
            select(Referral.family_id, Referral.referred_on)
            .where(Referral.family_id.in_(family_ids))  # type: ignore[attr-defined]
            .order_by(Referral.referred_on)
        ):
            dates.setdefault(family_id, []).append(on)
    return {k: tuple(v) for k, v in dates.items()}


def _volunteers(session: Session, end: dt.date) -> tuple[VolunteerFact, ...]:
    history = _last_status(session, VolunteerStatusChange, "volunteer_id", end)
    facts = []
    for vid, status, created_on, interview_on, course_on, stopped_on in session.exec(
        select(
            Volunteer.id,
            Volunteer.status,
            Volunteer.created_on,
            Volunteer.first_interview_on,
            Volunteer.course_completed_on,
            Volunteer.stopped_on,
        )
    ):
        if vid in history:
            at_end: VolunteerStatus | None = VolunteerStatus(history[vid])
        else:
            at_end = VolunteerStatus(status) if created_on <= end else None
        facts.append(
            VolunteerFact(
                id=vid,
                status_at_end=at_end,
                onboarded_on=interview_on or created_on,
                course_completed_on=course_on,
                stopped_on=stopped_on,
            )
        )
    return tuple(facts)


def _score_columns(table: type) -> list:
    return [getattr(table, f"score_{area}") for area in OUTCOME_AREAS]


def _outcomes(
    session: Session, closed: list[TrajectoryFact], end: dt.date
) -> tuple[OutcomeFact, ...]:
    """Baseline (intake, else the first review) and closing scores of trajectories closed."""
    if not closed:
        return ()
    nothing: Scores = (None,) * len(OUTCOME_AREAS)
    first_interim: dict[int, Scores] = {}
    last_closing: dict[int, Scores] = {}
    for trajectory_id, kind, *scores in session.exec(
        select(Review.trajectory_id, Review.kind, *_score_columns(Review))
        .where(
            Review.trajectory_id.in_({t.id for t in closed}),  # type: ignore[attr-defined]
            Review.held_on.is_not(None),  # type: ignore[union-attr]
        )
        .order_by(Review.held_on, Review.id)
    ):
        if kind == ReviewKind.closing:
            last_closing[trajectory_id] = tuple(scores)
        else:
            first_interim.setdefault(trajectory_id, tuple(scores))
    intakes: dict[int, Scores] = {}
    for family_id, done_on, *scores in session.exec(
        select(Intake.family_id, Intake.done_on, *_score_columns(Intake))
        .where(Intake.family_id.in_({t.family_id for t in closed}))  # type: ignore[attr-defined]
        .order_by(Intake.done_on, Intake.id)
    ):
        if any(s is not None for s in scores) and (done_on or end) <= end:
            intakes[family_id] = tuple(scores)  # the latest intake with scores wins
    return tuple(
        OutcomeFact(
            trajectory_id=t.id,
            baseline=intakes.get(t.family_id) or first_interim.get(t.id, nothing),
            closing=last_closing.get(t.id, nothing),
        )
        for t in closed
    )


def quarter_facts(*, session: Session, start: dt.date, end: dt.date) -> QuarterFacts:
    """Everything the figures of the quarter ``start``–``end`` (inclusive) are counted from."""
    referrals = dict(
        session.exec(
            select(Referral.category, func.count())
            .where(Referral.referred_on >= start, Referral.referred_on <= end)
            .group_by(Referral.category)
        ).all()
    )
    intakes_done = session.exec(
        select(func.count()).where(Intake.done_on >= start, Intake.done_on <= end)  # type: ignore[operator]
    ).one()
    trajectories = _trajectories(session, start, end)
    started = {t.family_id for t in trajectories if t.start_on >= start}
    visits: dict[VisitStatus, int] = {}
    minutes = 0
    for status, count, total_minutes in session.exec(
        select(Visit.status, func.count(), func.coalesce(func.sum(Visit.minutes), 0))
        .where(Visit.on >= start, Visit.on <= end)
        .group_by(Visit.status)
    ):
        visits[VisitStatus(status)] = count
        if status == VisitStatus.done:
            minutes = int(total_minutes)
    training: dict[int, float] = {}
    for vid, hours in session.exec(
        select(Training.volunteer_id, func.sum(Training.hours))
        .where(Training.on >= start, Training.on <= end)
        .group_by(Training.volunteer_id)
    ):
        training[vid] = float(hours or 0.0)
    session_ids = session.exec(
        select(IntervisionSession.id).where(
            IntervisionSession.on >= start, IntervisionSession.on <= end
        )
    ).all()
    present = 0
    if session_ids:
        present = session.exec(
            select(func.count()).where(
                IntervisionAttendance.session_id.in_(session_ids),  # type: ignore[attr-defined]
                IntervisionAttendance.presence == Presence.present,
            )
        ).one()
    expenses = dict(
        session.exec(
            select(Expense.volunteer_id, func.sum(Expense.amount_cents))
            .where(Expense.paid_on >= start, Expense.paid_on <= end)  # type: ignore[operator]
            .group_by(Expense.volunteer_id)
        ).all()
    )
    closed = [t for t in trajectories if t.closed and t.ended_on is not None and t.ended_on <= end]
    return QuarterFacts(
        start=start,
        end=end,
        referrals_by_category={str(k): int(v) for k, v in referrals.items()},
        intakes_done=int(intakes_done),
        families_status_at_end=_families_status_at_end(session, end),
        trajectories=trajectories,
        referral_dates=_referral_dates(session, started),
        families=_families(session, {t.family_id for t in trajectories}),
        visits_by_status=visits,
        visit_minutes_done=minutes,
        volunteers=_volunteers(session, end),
        training_hours_by_volunteer=training,
        intervision_sessions=len(session_ids),
        intervision_present=int(present),
        expenses_paid_by_volunteer={int(k): int(v or 0) for k, v in expenses.items()},
        outcomes=_outcomes(session, closed, end),
    )


def waiting_at_end(*, session: Session, end: dt.date) -> int:
    """Families on the waiting list (waiting, or a match under way) on the day ``end``."""
    counts = _families_status_at_end(session, end)
    return counts.get(FamilyStatus.waiting, 0) + counts.get(FamilyStatus.matched, 0)
