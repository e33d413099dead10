"""What the quarterly figures are counted from: plain facts, no names, no free text.

``sync/figures.py`` turns these facts into figures; every query of the case file it needs lives
here. Only the columns a figure counts are read (flags, dates, categories, scores), never a name,
address, phone number or note, so nothing personal reaches the figures' code at all.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, select

from homestart_desktop.data.families.waiting import wait_facts
from homestart_desktop.data.figures.facts import (
    WAITING_LIST,
    FamilyFact,
    History,
    OutcomeFact,
    QuarterFacts,
    Scores,
    TrajectoryFact,
    VolunteerFact,
)
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


def _families_at_end(
    session: Session, end: dt.date
) -> tuple[dict[int, FamilyStatus], dict[int, int], dict[int, dt.date]]:
    """Each family's status on ``end``; the record key and ``waiting_since`` of every family."""
    history = _last_status(session, FamilyStatusChange, "family_id", end)
    statuses = {family_id: FamilyStatus(s) for family_id, s in history.items()}
    keys: dict[int, int] = {}
    since: dict[int, dt.date] = {}
    for family_id, status, key, created_on, waiting_since in session.exec(
        select(Family.id, Family.status, Family.record_key, Family.created_on, Family.waiting_since)
    ):
        keys[family_id] = key
        if waiting_since is not None:
            since[family_id] = waiting_since
        if family_id not in history and created_on <= end:
            statuses[family_id] = FamilyStatus(status)  # no history: its status now is all we know
    return statuses, keys, since


def _trajectories(
    session: Session, start: dt.date, end: dt.date
) -> tuple[tuple[TrajectoryFact, ...], History]:
    """Trajectories running at some day from ``start`` to ``end``; and per family every
    trajectory that started on or before ``end`` (start, end), oldest first: one query."""
    rows = session.exec(
        select(
            Trajectory.id,
            Trajectory.family_id,
            Trajectory.volunteer_id,
            Trajectory.start_on,
            Trajectory.ended_on,
            Trajectory.close_reason,
            Trajectory.status,
            Trajectory.record_key,
        )
        .where(
            Trajectory.start_on.is_not(None),  # type: ignore[union-attr]
            Trajectory.start_on <= end,
            Trajectory.status != TrajectoryStatus.withdrawn,
        )
        .order_by(Trajectory.start_on, Trajectory.id)
    )
    running: list[TrajectoryFact] = []
    history: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    for row in rows:
        history.setdefault(row[1], []).append((row[3], row[4]))
        if row[4] is None or row[4] >= start:
            running.append(
                TrajectoryFact(
                    id=row[0],
                    family_id=row[1],
                    volunteer_id=row[2],
                    start_on=row[3],
                    ended_on=row[4],
                    close_reason=CloseReason(row[5]) if row[5] else None,
                    closed=row[6] == TrajectoryStatus.closed,
                    key=row[7],
                )
            )
    return tuple(running), {k: tuple(v) for k, v in history.items()}


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
            Family.record_key,
        ).where(Family.id.in_(ids))  # type: ignore[union-attr]
    )
    return {
        row[0]: FamilyFact(
            id=row[0],
            key=row[10],
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


def _volunteers(session: Session, end: dt.date) -> tuple[VolunteerFact, ...]:
    history = _last_status(session, VolunteerStatusChange, "volunteer_id", end)
    facts = []
    for vid, key, status, created_on, interview_on, course_on, stopped_on in session.exec(
        select(
            Volunteer.id,
            Volunteer.record_key,
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
                key=key,
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
            key=t.key,
            baseline=intakes.get(t.family_id) or first_interim.get(t.id, nothing),
            closing=last_closing.get(t.id, nothing),
        )
        for t in closed
    )


def _visits(
    session: Session, start: dt.date, end: dt.date
) -> tuple[dict[VisitStatus, tuple[int, int]], int, int]:
    """Visits of the quarter by status (count, keys); minutes and families of the visits done."""
    visits: dict[VisitStatus, tuple[int, int]] = {}
    minutes = 0
    for status, count, total_minutes, keys in session.exec(
        select(
            Visit.status,
            func.count(),
            func.coalesce(func.sum(Visit.minutes), 0),
            func.coalesce(func.sum(Visit.record_key), 0),
        )
        .where(Visit.on >= start, Visit.on <= end)
        .group_by(Visit.status)
    ):
        visits[VisitStatus(status)] = (int(count), int(keys))
        if status == VisitStatus.done:
            minutes = int(total_minutes)
    # One index seek per trajectory (visit: trajectory, status, day); a join of every visit to
    # its family costs fifty times as long on a large branch.
    done = (
        select(Visit.id)
        .where(
            Visit.trajectory_id == Trajectory.id,
            Visit.status == VisitStatus.done,
            Visit.on >= start,
            Visit.on <= end,
        )
        .exists()
    )
    families = session.exec(select(func.count(func.distinct(Trajectory.family_id))).where(done))
    return visits, minutes, int(families.one())


def _intervision(session: Session, start: dt.date, end: dt.date) -> tuple[int, tuple[int, int]]:
    """Sessions of the quarter; attendances marked present, with the keys of those present."""
    session_ids = session.exec(
        select(IntervisionSession.id).where(
            IntervisionSession.on >= start, IntervisionSession.on <= end
        )
    ).all()
    present = (0, 0)
    if session_ids:
        count, keys = session.exec(
            select(func.count(), func.coalesce(func.sum(Volunteer.record_key), 0))
            .select_from(IntervisionAttendance)
            .join(Volunteer, Volunteer.id == IntervisionAttendance.volunteer_id)  # type: ignore[arg-type]
            .where(
                IntervisionAttendance.session_id.in_(session_ids),  # type: ignore[attr-defined]
                IntervisionAttendance.presence == Presence.present,
            )
        ).one()
        present = (int(count), int(keys))
    return len(session_ids), present


def quarter_facts(*, session: Session, start: dt.date, end: dt.date) -> QuarterFacts:
    """Everything the figures of the quarter ``start``–``end`` (inclusive) are counted from."""
    referrals = {
        str(category): (int(count), int(keys))
        for category, count, keys in session.exec(
            select(Referral.category, func.count(), func.coalesce(func.sum(Family.record_key), 0))
            .join(Family, Family.id == Referral.family_id)  # type: ignore[arg-type]
            .where(Referral.referred_on >= start, Referral.referred_on <= end)
            .group_by(Referral.category)
        )
    }
    intakes_done = session.exec(
        select(func.count(), func.coalesce(func.sum(Family.record_key), 0))
        .select_from(Intake)
        .join(Family, Family.id == Intake.family_id)  # type: ignore[arg-type]
        .where(Intake.done_on >= start, Intake.done_on <= end)  # type: ignore[operator]
    ).one()
    year_start = dt.date(end.year, 1, 1)
    trajectories, history = _trajectories(session, min(start, year_start), end)
    statuses, family_keys, waiting_since = _families_at_end(session, end)
    in_quarter = [t for t in trajectories if t.ended_on is None or t.ended_on >= start]
    started = {t.family_id for t in in_quarter if t.start_on >= start}
    waiting_now = {f for f, status in statuses.items() if status in WAITING_LIST}
    visits, minutes, visit_families = _visits(session, start, end)
    training: dict[int, float] = {}
    for vid, hours in session.exec(
        select(Training.volunteer_id, func.sum(Training.hours))
        .where(Training.on >= start, Training.on <= end)
        .group_by(Training.volunteer_id)
    ):
        training[vid] = float(hours or 0.0)
    sessions, present = _intervision(session, start, end)
    expenses = dict(
        session.exec(
            select(Expense.volunteer_id, func.sum(Expense.amount_cents))
            .where(Expense.paid_on >= start, Expense.paid_on <= end)  # type: ignore[operator]
            .group_by(Expense.volunteer_id)
        ).all()
    )
    closed = [t for t in in_quarter if t.closed and t.ended_on is not None and t.ended_on <= end]
    # The facts of each wait, read as for every screen (data/families/waiting.py).
    waits = wait_facts(session=session, family_ids=started | waiting_now, up_to=end)
    return QuarterFacts(
        start=start,
        end=end,
        referrals_by_category=referrals,
        intakes_done=(int(intakes_done[0]), int(intakes_done[1])),
        families_status_at_end=statuses,
        family_keys=family_keys,
        trajectories=trajectories,
        history=history,
        referral_dates={f: w.referrals for f, w in waits.items() if w.referrals},
        back_on_list={f: w.back_on_list for f, w in waits.items() if w.back_on_list},
        back_from_not_started={
            f: w.back_from_not_started for f, w in waits.items() if w.back_from_not_started
        },
        waiting_since=waiting_since,
        families=_families(session, {t.family_id for t in in_quarter}),
        visits_by_status=visits,
        visit_minutes_done=minutes,
        visit_families_done=visit_families,
        volunteers=_volunteers(session, end),
        training_hours_by_volunteer=training,
        intervision_sessions=sessions,
        intervision_present=present,
        expenses_paid_by_volunteer={int(k): int(v or 0) for k, v in expenses.items()},
        outcomes=_outcomes(session, closed, end),
    )


def waiting_at_end(*, session: Session, end: dt.date) -> tuple[int, int]:
    """Families on the waiting list on the day ``end`` (referred, in intake, waiting or matched),
    and the sum of their record keys."""
    statuses, keys, _since = _families_at_end(session, end)
    waiting = [f for f, status in statuses.items() if status in WAITING_LIST]
    return len(waiting), sum(keys[f] for f in waiting)
