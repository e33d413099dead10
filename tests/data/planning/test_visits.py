import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.models import (
    BlockedPeriod,
    Family,
    FamilyStatus,
    HalfDay,
    Trajectory,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import visits
from homestart_desktop.data.validation import ValidationError
from tests.builders import matched_pair

TODAY = dt.date(2026, 11, 26)  # a Thursday


@pytest.fixture
def trajectory_id(empty_case_file):
    with empty_case_file.session() as session:
        trajectory = matched_pair(
            session,
            family=Family(reference="GZ-2026-001", status=FamilyStatus.active, postcode="9000"),
            volunteer=Volunteer(
                reference="VW-2025-001", first_name="Łukasz", status=VolunteerStatus.matched
            ),
            proposed_on=dt.date(2026, 9, 1),
            start_on=dt.date(2026, 9, 15),
            half_day=HalfDay.afternoon,
        )
        return trajectory.id


def test_planning_adds_weekly_visits_once_skipping_family_holidays(empty_case_file, trajectory_id):
    with empty_case_file.session() as session:
        family_id = session.get(Trajectory, trajectory_id).family_id
        session.add(
            BlockedPeriod(
                family_id=family_id, starts_on=dt.date(2026, 12, 7), ends_on=dt.date(2026, 12, 13)
            )
        )
    until = dt.date(2026, 12, 31)
    for _ in range(2):  # planning twice adds nothing the second time
        with empty_case_file.session() as session:
            visits.plan_visits(session=session, until=until, today=TODAY)
    with empty_case_file.session() as session:
        rows = visits.visits_between(session=session, first=TODAY, last=until)
    assert [r.on for r in rows] == [
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 15),
        dt.date(2026, 12, 22),
        dt.date(2026, 12, 29),
    ]
    assert {r.half_day for r in rows} == {HalfDay.afternoon}
    assert rows[0].family_reference == "GZ-2026-001"


def test_a_moved_visit_is_not_planned_again_in_its_week(empty_case_file, trajectory_id):
    with empty_case_file.session() as session:
        visits.plan_visits(session=session, until=dt.date(2026, 12, 6), today=TODAY)
        (first,) = visits.visits_between(session=session, first=TODAY, last=dt.date(2026, 12, 6))
        visits.move_visit(
            session=session,
            visit_id=first.id,
            on=dt.date(2026, 12, 3),
            half_day=HalfDay.morning,
            today=TODAY,
        )
    with empty_case_file.session() as session:
        visits.plan_visits(session=session, until=dt.date(2026, 12, 6), today=TODAY)
        rows = visits.visits_between(session=session, first=TODAY, last=dt.date(2026, 12, 6))
    assert [(r.on, r.half_day) for r in rows] == [(dt.date(2026, 12, 3), HalfDay.morning)]


def test_logging_refuses_the_future_and_impossible_hours(empty_case_file, trajectory_id):
    with empty_case_file.session() as session:
        past = Visit(trajectory_id=trajectory_id, on=dt.date(2026, 11, 24))
        future = Visit(trajectory_id=trajectory_id, on=dt.date(2026, 12, 1))
        session.add_all([past, future])
        session.flush()
        past_id, future_id = past.id, future.id
    with empty_case_file.session() as session:
        with pytest.raises(ValidationError) as refused:
            visits.log_visit(
                session=session,
                visit_id=future_id,
                log=visits.VisitLog(VisitStatus.done, minutes=180),
                today=TODAY,
            )
        assert "status" in refused.value.problems
        with pytest.raises(ValidationError) as refused:
            visits.log_visit(
                session=session,
                visit_id=past_id,
                log=visits.VisitLog(VisitStatus.done, minutes=13 * 60),
                today=TODAY,
            )
        assert "minutes" in refused.value.problems
        with pytest.raises(ValidationError) as refused:
            visits.log_visit(
                session=session,
                visit_id=past_id,
                log=visits.VisitLog(VisitStatus.done, minutes=60, km=-3),
                today=TODAY,
            )
        assert "km" in refused.value.problems
        visits.log_visit(
            session=session,
            visit_id=past_id,
            log=visits.VisitLog(
                VisitStatus.done, minutes=180, activities=("play", "administration")
            ),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        logged = session.get(Visit, past_id)
        assert (logged.status, logged.minutes, logged.activities) == (
            VisitStatus.done,
            180,
            ["play", "administration"],
        )
        assert visits.last_logged_visit(session=session, trajectory_id=trajectory_id) == dt.date(
            2026, 11, 24
        )


def test_a_whole_week_of_a_volunteer_done_in_one_action(empty_case_file, trajectory_id):
    with empty_case_file.session() as session:
        session.add_all(
            [
                Visit(trajectory_id=trajectory_id, on=dt.date(2026, 11, 24)),
                Visit(trajectory_id=trajectory_id, on=dt.date(2026, 11, 26)),
                Visit(
                    trajectory_id=trajectory_id, on=dt.date(2026, 11, 27)
                ),  # tomorrow: stays planned
            ]
        )
        volunteer_id = session.get(Trajectory, trajectory_id).volunteer_id
    with empty_case_file.session() as session:
        visits.log_week_done(
            session=session, volunteer_id=volunteer_id, week_of=TODAY, minutes=150, today=TODAY
        )
    with empty_case_file.session() as session:
        rows = visits.visits_between(
            session=session, first=dt.date(2026, 11, 23), last=dt.date(2026, 11, 29)
        )
    assert [(r.on.day, r.status) for r in rows] == [
        (24, VisitStatus.done),
        (26, VisitStatus.done),
        (27, VisitStatus.planned),
    ]


def test_kilometres_of_a_visit_feed_the_volunteers_expenses_once(empty_case_file, trajectory_id):
    from homestart_desktop.data.models import Expense, ExpenseRegime, ExpenseYear

    with empty_case_file.session() as session:
        visit = Visit(trajectory_id=trajectory_id, on=dt.date(2026, 11, 24))
        session.add(visit)
        session.flush()
        visit_id = visit.id
        volunteer_id = session.get(Trajectory, trajectory_id).volunteer_id
    km_log = visits.VisitLog(VisitStatus.done, minutes=180, km=12.0)
    with empty_case_file.session() as session, pytest.raises(ValidationError) as refused:
        visits.log_visit(session=session, visit_id=visit_id, log=km_log, today=TODAY)
    assert (
        "expense regime" in refused.value.problems["km"]
        or "onkostenregeling" in refused.value.problems["km"]
    )
    with empty_case_file.session() as session:
        session.add(
            ExpenseYear(volunteer_id=volunteer_id, year=2026, regime=ExpenseRegime.actual_costs)
        )
    for km in (12.0, 14.0):  # logging again corrects, never doubles
        with empty_case_file.session() as session:
            visits.log_visit(
                session=session,
                visit_id=visit_id,
                log=visits.VisitLog(VisitStatus.done, minutes=180, km=km),
                today=TODAY,
            )
    with empty_case_file.session() as session:
        (expense,) = session.exec(select(Expense)).all()
        assert (expense.visit_id, expense.km, expense.amount_cents) == (
            visit_id,
            14.0,
            round(14 * 43.20),
        )
