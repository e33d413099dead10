import datetime as dt

from homestart_desktop.data.models import (
    CoachingTalk,
    Family,
    FamilyStatus,
    HalfDay,
    Review,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning.reminders import ReminderKind, morning_list

TODAY = dt.date(2026, 11, 26)


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


def add_trajectory(
    session, ref, *, start, status=TrajectoryStatus.active, volunteer_status=VolunteerStatus.matched
):
    family = Family(reference=f"GZ-{ref}", status=FamilyStatus.active)
    volunteer = Volunteer(
        reference=f"VW-{ref}",
        first_name="Jef",
        status=volunteer_status,
        first_interview_on=days_ago(700),
    )
    session.add_all([family, volunteer])
    session.flush()
    trajectory = Trajectory(
        family_id=family.id,
        volunteer_id=volunteer.id,
        status=status,
        proposed_on=start - dt.timedelta(days=20),
        start_on=None if status == TrajectoryStatus.proposed else start,
        weekday=2,
        half_day=HalfDay.morning,
    )
    session.add(trajectory)
    session.flush()
    return trajectory, volunteer


def kinds_for(reminders, reference):
    return {r.kind for r in reminders if r.reference == reference}


def test_every_reminder_rule_on_its_own_case(empty_case_file):
    with empty_case_file.session() as session:
        # A quiet trajectory: last done visit 20 days ago; its review 3 days overdue.
        quiet, quiet_volunteer = add_trajectory(session, "2026-001", start=days_ago(100))
        session.add(
            Visit(trajectory_id=quiet.id, on=days_ago(20), status=VisitStatus.done, minutes=180)
        )
        session.add(
            Visit(trajectory_id=quiet.id, on=days_ago(6), status=VisitStatus.cancelled_family)
        )
        session.add(Review(trajectory_id=quiet.id, planned_on=days_ago(3)))
        session.add(CoachingTalk(volunteer_id=quiet_volunteer.id, on=days_ago(10)))
        # A lively trajectory reaching its first year in 10 days; coaching 9 weeks ago.
        lively, lively_volunteer = add_trajectory(
            session, "2025-002", start=TODAY - dt.timedelta(days=355)
        )
        session.add(
            Visit(trajectory_id=lively.id, on=days_ago(2), status=VisitStatus.done, minutes=180)
        )
        session.add(Review(trajectory_id=lively.id, planned_on=TODAY + dt.timedelta(days=5)))
        session.add(CoachingTalk(volunteer_id=lively_volunteer.id, on=days_ago(63)))
        lively_volunteer.extract_issued_on = dt.date(2023, 11, 1)  # older than three years
        # A proposal waiting for its introduction visit.
        add_trajectory(
            session,
            "2026-003",
            start=days_ago(5),
            status=TrajectoryStatus.proposed,
            volunteer_status=VolunteerStatus.available,
        )
        # A proposal whose introduction visit is planned already: nothing to do.
        planned, _ = add_trajectory(
            session,
            "2026-006",
            start=days_ago(5),
            status=TrajectoryStatus.proposed,
            volunteer_status=VolunteerStatus.available,
        )
        planned.introduction_on = TODAY + dt.timedelta(days=3)
        # Families waiting 61 and 30 days.
        session.add(
            Family(reference="GZ-2026-004", status=FamilyStatus.waiting, waiting_since=days_ago(61))
        )
        session.add(
            Family(reference="GZ-2026-005", status=FamilyStatus.waiting, waiting_since=days_ago(30))
        )

    with empty_case_file.session() as session:
        reminders = morning_list(session=session, today=TODAY)

    assert kinds_for(reminders, "GZ-2026-001") == {
        ReminderKind.review_overdue,
        ReminderKind.no_recent_visit,
    }
    assert kinds_for(reminders, "GZ-2025-002") == {ReminderKind.review_due, ReminderKind.one_year}
    assert kinds_for(reminders, "VW-2025-002") == {
        ReminderKind.coaching_due,
        ReminderKind.extract_expired,
    }
    assert kinds_for(reminders, "VW-2026-001") == set()  # coached 10 days ago
    assert kinds_for(reminders, "GZ-2026-003") == {ReminderKind.introduction_to_plan}
    assert kinds_for(reminders, "GZ-2026-004") == {ReminderKind.long_waiting}
    assert kinds_for(reminders, "GZ-2026-006") == set()
    assert kinds_for(reminders, "GZ-2026-005") == set()
    quiet_line = next(r for r in reminders if r.kind == ReminderKind.no_recent_visit)
    assert (quiet_line.since, quiet_line.days) == (days_ago(20), 20)
    assert reminders[0].kind == ReminderKind.review_overdue  # the most urgent first
