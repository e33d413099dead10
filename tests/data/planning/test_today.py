"""The Today figures: what a coordinator would count by hand in the file."""

from __future__ import annotations

import datetime as dt
import statistics

from homestart_desktop.data import models as m
from homestart_desktop.data.planning.today import today_overview
from tests.clock import TEST_TODAY

TODAY = dt.date(2026, 3, 18)  # a Wednesday


def rows(case_file, sql: str, *params) -> list[tuple]:
    with case_file.engine.connect() as connection:
        return [tuple(r) for r in connection.exec_driver_sql(sql, params)]


def test_an_empty_file_has_nothing_to_do(empty_case_file) -> None:
    overview = empty_case_file.read(today_overview, today=TODAY)
    assert overview.families_waiting == 0
    assert overview.longest_waiting_days is None and overview.median_waiting_days is None
    assert overview.active_trajectories == overview.visits_this_week == overview.reviews_due == 0
    assert overview.week_start == dt.date(2026, 3, 16) and overview.week_end == dt.date(2026, 3, 22)


def _family(session, reference: str, status: m.FamilyStatus, waiting_since=None) -> m.Family:
    family = m.Family(
        reference=reference,
        status=status,
        postcode="9000",
        waiting_since=waiting_since,
        created_on=TODAY,
    )
    session.add(family)
    session.flush()
    return family


def _trajectory(session, family, volunteer, status, start) -> m.Trajectory:
    trajectory = m.Trajectory(
        family_id=family.id, volunteer_id=volunteer.id, status=status, proposed_on=start, start_on=start,
        weekday=0, half_day=m.HalfDay.morning,
    )  # fmt: skip
    session.add(trajectory)
    session.flush()
    return trajectory


def test_a_small_branch_counted_by_hand(empty_case_file) -> None:
    with empty_case_file.session() as session:
        for number, waited in enumerate((10, 40, 100), start=1):
            _family(
                session,
                f"GZ-2026-00{number}",
                m.FamilyStatus.waiting,
                TODAY - dt.timedelta(days=waited),
            )
        _family(session, "GZ-2025-009", m.FamilyStatus.referred)
        volunteer = m.Volunteer(
            reference="VW-2025-003",
            first_name="Łukasz",
            status=m.VolunteerStatus.matched,
            created_on=TODAY,
        )
        other = m.Volunteer(
            reference="VW-2025-004",
            first_name="Ioana",
            status=m.VolunteerStatus.matched,
            created_on=TODAY,
        )
        session.add_all([volunteer, other])
        session.flush()
        active = _trajectory(
            session,
            _family(session, "GZ-2025-001", m.FamilyStatus.active),
            volunteer,
            m.TrajectoryStatus.active,
            TODAY - dt.timedelta(days=200),
        )
        closed = _trajectory(
            session,
            _family(session, "GZ-2025-002", m.FamilyStatus.closed),
            other,
            m.TrajectoryStatus.closed,
            TODAY - dt.timedelta(days=400),
        )
        for day, status in (
            (dt.date(2026, 3, 15), m.VisitStatus.done),  # last Sunday: last week
            (dt.date(2026, 3, 16), m.VisitStatus.done),
            (dt.date(2026, 3, 17), m.VisitStatus.cancelled_family),
            (dt.date(2026, 3, 22), m.VisitStatus.planned),  # Sunday: still this week
            (dt.date(2026, 3, 23), m.VisitStatus.planned),  # next week
        ):
            session.add(m.Visit(trajectory_id=active.id, on=day, status=status))
        session.add_all([
            m.Review(trajectory_id=active.id, planned_on=TODAY - dt.timedelta(days=3)),  # overdue
            m.Review(trajectory_id=active.id, planned_on=TODAY + dt.timedelta(days=14)),  # due soon
            m.Review(trajectory_id=active.id, planned_on=TODAY + dt.timedelta(days=15)),  # later
            m.Review(trajectory_id=active.id, planned_on=TODAY - dt.timedelta(days=90), held_on=TODAY - dt.timedelta(days=88)),
            m.Review(trajectory_id=closed.id, planned_on=TODAY - dt.timedelta(days=5)),  # closed: not due
        ])  # fmt: skip
    overview = empty_case_file.read(today_overview, today=TODAY)
    assert overview.families_waiting == 3
    assert overview.longest_waiting_days == 100
    assert overview.median_waiting_days == 40
    assert [(w.reference, w.days) for w in overview.longest_waiting] == [
        ("GZ-2026-003", 100), ("GZ-2026-002", 40), ("GZ-2026-001", 10),
    ]  # fmt: skip
    assert overview.active_trajectories == 1 and overview.paused_trajectories == 0
    assert overview.visits_this_week == 3
    assert overview.visits_still_planned == 1
    assert [v.on.day for v in overview.visits] == [16, 17, 22]
    assert {v.family_reference for v in overview.visits} == {"GZ-2025-001"}
    assert overview.visits[0].volunteer_reference == "VW-2025-003"
    assert overview.reviews_due == 2 and overview.reviews_overdue == 1
    assert [r.overdue for r in overview.reviews] == [True, False]


def test_the_demo_branch_matches_independent_counts(demo_case_file) -> None:
    today = TEST_TODAY
    overview = demo_case_file.read(today_overview, today=today)
    # A family waits from its latest referral (docs/figures.md, domain/waiting.py).
    waited = [
        (today - dt.date.fromisoformat(since)).days
        for (since,) in rows(
            demo_case_file,
            "SELECT max(r.referred_on) FROM family f JOIN referral r ON r.family_id = f.id "
            "WHERE f.status = 'waiting' GROUP BY f.id",
        )
    ]
    assert overview.families_waiting == len(waited) > 0
    assert overview.longest_waiting_days == max(waited)
    assert overview.median_waiting_days == statistics.median(waited)
    assert overview.longest_waiting[0].days == max(waited)
    (active,) = rows(demo_case_file, "SELECT count(*) FROM trajectory WHERE status = 'active'")[0]
    assert overview.active_trajectories == active > 0
    monday = today - dt.timedelta(days=today.weekday())
    sunday = monday + dt.timedelta(days=6)
    (week,) = rows(
        demo_case_file,
        'SELECT count(*) FROM visit WHERE "on" BETWEEN ? AND ?',
        monday.isoformat(),
        sunday.isoformat(),
    )[0]
    assert overview.visits_this_week == week  # may be none in the Christmas closure
    horizon = (today + dt.timedelta(days=14)).isoformat()
    due = rows(
        demo_case_file,
        "SELECT r.planned_on FROM review r JOIN trajectory t ON t.id = r.trajectory_id "
        "WHERE r.held_on IS NULL AND r.planned_on <= ? AND t.status IN ('active', 'paused')",
        horizon,
    )
    assert overview.reviews_due == len(due)
    assert overview.reviews_overdue == sum(p < today.isoformat() for (p,) in due)


def test_today_at_once_is_what_each_part_reads_alone(demo_case_file) -> None:
    """The one worker job of the Today screen gives the same names, figures and morning list
    as the three reads it replaced."""
    from homestart_desktop.data.people import names_by_reference
    from homestart_desktop.data.planning.reminders import morning_list
    from homestart_desktop.data.planning.today import today_contents

    contents = demo_case_file.read(today_contents, today=TEST_TODAY)
    assert contents.names == demo_case_file.read(names_by_reference)
    assert contents.overview == demo_case_file.read(today_overview, today=TEST_TODAY)
    assert contents.reminders == demo_case_file.read(morning_list, today=TEST_TODAY)
    assert contents.overview.families_waiting > 0
    assert any(r.kind == "long_waiting" for r in contents.reminders)


def test_the_last_coaching_talks_are_read_from_an_index(demo_case_file) -> None:
    """Migration 0011: each volunteer's last talk comes from the index alone, not every row."""
    from sqlalchemy import func, select

    query = (
        select(m.CoachingTalk.volunteer_id, func.max(m.CoachingTalk.on))
        .where(m.CoachingTalk.on <= TEST_TODAY)
        .group_by(m.CoachingTalk.volunteer_id)
    )
    with demo_case_file.engine.connect() as connection:
        compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
        plan = " ".join(r[-1] for r in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "COVERING INDEX ix_coachingtalk_volunteer_on" in plan
