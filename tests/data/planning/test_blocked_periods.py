import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.models import (
    Family,
    Trajectory,
    Visit,
)
from homestart_desktop.data.planning import blocked_periods, visits
from homestart_desktop.data.validation import ValidationError
from tests.builders import matched_pair

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def two_families(empty_case_file):
    with empty_case_file.session() as session:
        for number in (1, 2):
            matched_pair(
                session,
                family=f"GZ-2026-00{number}",
                volunteer=f"VW-2026-00{number}",
                proposed_on=dt.date(2026, 9, 1),
                start_on=dt.date(2026, 9, 7),
                weekday=2,
            )
        visits.plan_visits(session=session, until=dt.date(2027, 1, 31), today=TODAY)
    return empty_case_file


def visit_days(session, reference):
    return [
        v.on
        for v in session.exec(
            select(Visit)
            .join(Trajectory)
            .join(Family)
            .where(Family.reference == reference)
            .order_by(Visit.on)
        )
    ]


def test_a_branch_holiday_takes_every_familys_visits_out_and_stays_out(two_families):
    with two_families.session() as session:
        blocked_periods.add_blocked_period(
            session=session,
            starts_on=dt.date(2026, 12, 21),
            ends_on=dt.date(2027, 1, 3),
            label="Kerstvakantie",
            today=TODAY,
        )
        visits.plan_visits(session=session, until=dt.date(2027, 1, 31), today=TODAY)
        for reference in ("GZ-2026-001", "GZ-2026-002"):
            days = visit_days(session, reference)
            assert dt.date(2026, 12, 23) not in days and dt.date(2026, 12, 30) not in days
            assert dt.date(2026, 12, 16) in days and dt.date(2027, 1, 6) in days


def test_a_family_holiday_only_touches_that_family_and_can_be_removed(two_families):
    with two_families.session() as session:
        blocked_periods.add_blocked_period(
            session=session,
            starts_on=dt.date(2026, 12, 1),
            ends_on=dt.date(2026, 12, 10),
            label="Familiebezoek Marokko",
            family_reference="gz-2026-002",
            today=TODAY,
        )
        assert dt.date(2026, 12, 2) in visit_days(session, "GZ-2026-001")
        assert dt.date(2026, 12, 2) not in visit_days(session, "GZ-2026-002")
        (period,) = blocked_periods.blocked_periods(session=session)
        assert period.family_reference == "GZ-2026-002"
        blocked_periods.delete_blocked_period(session=session, period_id=period.id)
        visits.plan_visits(session=session, until=dt.date(2027, 1, 31), today=TODAY)
        assert dt.date(2026, 12, 2) in visit_days(session, "GZ-2026-002")


def test_a_period_that_ends_before_it_starts_or_names_no_family_is_refused(two_families):
    with two_families.session() as session, pytest.raises(ValidationError) as refused:
        blocked_periods.add_blocked_period(
            session=session,
            starts_on=dt.date(2026, 12, 10),
            ends_on=dt.date(2026, 12, 1),
            label=" ",
            family_reference="GZ-1999-001",
            today=TODAY,
        )
    assert set(refused.value.problems) == {"ends_on", "label", "family"}
