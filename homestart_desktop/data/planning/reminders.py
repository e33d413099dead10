"""The coordinator's morning list: what needs attention today, each line pointing to its place.

Thresholds are branch settings (``data/settings.py``). Lines carry reference codes only, so the
list can stand on a screen without showing a family's name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from sqlalchemy import func
from sqlmodel import Session, col, select

from homestart_desktop.data.families.waiting import waiting_families
from homestart_desktop.data.models import (
    CoachingTalk,
    Family,
    Review,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.retention.due import count_due_families
from homestart_desktop.data.settings import load_settings
from homestart_desktop.domain import planning
from homestart_desktop.domain import waiting as wait


# Columns read on the connection (Core), not through the ORM session: no ORM compile and
# row processing for plain columns (Today's first unlock compiles each query anew).
class ReminderKind(enum.StrEnum):
    # One line, first: how many families are due for anonymisation (never silent, never lost
    # at the bottom of a long list).
    retention_due = "retention_due"
    review_overdue = "review_overdue"
    review_due = "review_due"
    no_recent_visit = "no_recent_visit"
    one_year = "one_year"
    coaching_due = "coaching_due"
    extract_expired = "extract_expired"
    introduction_to_plan = "introduction_to_plan"
    long_waiting = "long_waiting"


@dataclasses.dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    reference: str  # GZ-… or VW-…
    since: dt.date | None  # the date the reminder counts from (due date, last visit, …)
    days: int  # days overdue / since / waiting; negative = still to come
    family_id: int | None = None
    volunteer_id: int | None = None
    trajectory_id: int | None = None


REVIEW_LOOKAHEAD_DAYS = 14
ONE_YEAR_LOOKAHEAD_DAYS = 30


def _active(session: Session) -> list:
    """Active trajectories (id, family, volunteer, start) with their family's reference and
    their last visit done; columns, not whole rows: on the first unlock Today waits for this."""
    from homestart_desktop.data.planning.overview import last_visit_done_subquery

    query = (
        select(
            Trajectory.id,
            Trajectory.family_id,
            Trajectory.volunteer_id,
            Trajectory.start_on,
            Family.reference,
            last_visit_done_subquery(),
        )
        .join(Family, Family.id == Trajectory.family_id)
        .where(Trajectory.status == TrajectoryStatus.active, col(Trajectory.start_on).is_not(None))
    )
    return list(session.connection().execute(query))


def _reviews(session: Session, today: dt.date) -> list[Reminder]:
    horizon = today + dt.timedelta(days=REVIEW_LOOKAHEAD_DAYS)
    query = (
        select(Review.trajectory_id, Review.planned_on, Trajectory.family_id, Family.reference)
        .join(Trajectory, Trajectory.id == Review.trajectory_id)
        .join(Family, Family.id == Trajectory.family_id)
        .where(
            col(Review.held_on).is_(None),
            col(Review.planned_on).is_not(None),
            Review.planned_on <= horizon,
            Trajectory.status == TrajectoryStatus.active,
        )
    )
    found = []
    for trajectory_id, planned_on, family_id, reference in session.connection().execute(query):
        days = (today - planned_on).days
        kind = ReminderKind.review_overdue if days > 0 else ReminderKind.review_due
        found.append(Reminder(kind, reference, planned_on, days, family_id, None, trajectory_id))
    return found


def morning_list(
    *,
    session: Session,
    today: dt.date,
    waiting_list: list[tuple[int, str, dt.date | None]] | None = None,
) -> list[Reminder]:
    """Every reminder for ``today``, most urgent kinds first, longest overdue first
    (``waiting_list``: the families waiting as ``waiting_families`` reads them, if known)."""
    session.flush()  # what the caller added counts, as the ORM's autoflush made it count
    settings = load_settings(session=session)
    reminders = _reviews(session, today)
    for trajectory_id, family_id, volunteer_id, start_on, family_ref, last_done in _active(session):
        last = last_done or start_on
        quiet_days = (today - last).days
        if quiet_days >= settings.no_visit_alert_days:
            reminders.append(
                Reminder(
                    ReminderKind.no_recent_visit,
                    family_ref,
                    last,
                    quiet_days,
                    family_id,
                    volunteer_id,
                    trajectory_id,
                )
            )
        anniversary = planning.planned_end(start_on)
        if (anniversary - today).days <= ONE_YEAR_LOOKAHEAD_DAYS:
            reminders.append(
                Reminder(
                    ReminderKind.one_year,
                    family_ref,
                    anniversary,
                    (today - anniversary).days,
                    family_id,
                    volunteer_id,
                    trajectory_id,
                )
            )
    reminders += _volunteer_reminders(
        session, today, settings.coaching_alert_weeks, settings.extract_renewal_years
    )
    for trajectory, family_ref, _volunteer_ref in session.exec(
        select(Trajectory, Family.reference, Volunteer.reference)
        .join(Family, Family.id == Trajectory.family_id)
        .join(Volunteer, Volunteer.id == Trajectory.volunteer_id)
        .where(
            Trajectory.status == TrajectoryStatus.proposed,
            col(Trajectory.introduction_on).is_(None),
        )
    ):
        reminders.append(
            Reminder(
                ReminderKind.introduction_to_plan,
                family_ref,
                trajectory.proposed_on,
                (today - trajectory.proposed_on).days,
                trajectory.family_id,
                trajectory.volunteer_id,
                trajectory.id,
            )
        )
    if waiting_list is None:
        waiting_list = waiting_families(session=session, today=today)
    for family_id, reference, since in waiting_list:
        days = wait.waiting_days(since, today)
        if days is not None and days > settings.waiting_alert_days:
            reminders.append(Reminder(ReminderKind.long_waiting, reference, since, days, family_id))
    due = count_due_families(session=session, today=today)
    if due:
        reminders.append(Reminder(ReminderKind.retention_due, "", None, due))
    order = {kind: place for place, kind in enumerate(ReminderKind)}
    return sorted(reminders, key=lambda r: (order[r.kind], -r.days, r.reference))


def _volunteer_reminders(
    session: Session, today: dt.date, coaching_weeks: int, renewal_years: int
) -> list[Reminder]:
    last_talks = dict(
        session.connection()
        .execute(
            select(CoachingTalk.volunteer_id, func.max(CoachingTalk.on))
            .where(CoachingTalk.on <= today)
            .group_by(CoachingTalk.volunteer_id)
        )
        .all()
    )
    found = []
    volunteers = session.connection().execute(
        select(
            Volunteer.id,
            Volunteer.reference,
            Volunteer.status,
            Volunteer.first_interview_on,
            Volunteer.extract_issued_on,
        ).where(Volunteer.status != VolunteerStatus.stopped)
    )
    for volunteer_id, reference, status, first_interview_on, issued in volunteers:
        if status == VolunteerStatus.matched:
            since = last_talks.get(volunteer_id) or first_interview_on
            if since and (today - since).days >= coaching_weeks * 7:
                found.append(
                    Reminder(
                        ReminderKind.coaching_due,
                        reference,
                        since,
                        (today - since).days,
                        volunteer_id=volunteer_id,
                    )
                )
        if issued and status != VolunteerStatus.candidate:
            expires = planning.add_months(issued, 12 * renewal_years)
            if expires <= today:
                found.append(
                    Reminder(
                        ReminderKind.extract_expired,
                        reference,
                        expires,
                        (today - expires).days,
                        volunteer_id=volunteer_id,
                    )
                )
    return found
