import dataclasses
import datetime as dt
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from homestart_desktop.data.models import (
    Caregiver,
    Family,
    FamilyStatus,
    HalfDay,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import visits
from homestart_desktop.data.planning.visit_plan import volunteer_visit_plan
from homestart_desktop.documents.visit_plan import visit_plan_ics, visit_plan_pdf
from tests.builders import matched_pair

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def planned(empty_case_file):
    with empty_case_file.session() as session:
        family = Family(
            reference="GZ-2026-014",
            status=FamilyStatus.active,
            street="Sleepstraat 12",
            postcode="9000",
        )
        volunteer = Volunteer(
            reference="VW-2025-003", first_name="Наталія", status=VolunteerStatus.matched
        )
        trajectory = matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            proposed_on=dt.date(2026, 9, 1),
            start_on=dt.date(2026, 9, 15),
            half_day=HalfDay.afternoon,
        )
        session.add(Caregiver(family_id=family.id, first_name="Özlem", last_name="Yılmaz"))
        session.add(
            Visit(
                trajectory_id=trajectory.id,
                on=dt.date(2026, 11, 24),
                status=VisitStatus.cancelled_family,
            )
        )
        visits.plan_visits(session=session, until=dt.date(2027, 1, 19), today=TODAY)
    return empty_case_file


def test_the_calendar_file_has_every_coming_visit_in_brussels_time_without_address(planned):
    # Changed with issue 14: the title is the family code (no first name to a cloud calendar)
    # and LOCATION names the municipality; the street stays out unless chosen.
    with planned.session() as session:
        plan = volunteer_visit_plan(
            session=session, volunteer_reference="VW-2025-003", first=dt.date(2026, 11, 23), weeks=8
        )
    calendar = Calendar.from_ical(visit_plan_ics(plan, lang="nl"))
    events = calendar.walk("VEVENT")
    starts = [e.decoded("dtstart") for e in events]
    # Tuesdays in eight weeks from 23/11, without the cancelled visit of 24/11 (and no holiday falls on them).
    assert [s.date() for s in starts] == [
        dt.date(2026, 12, 1) + dt.timedelta(weeks=n) for n in range(7)
    ]
    assert all(
        str(s.tzinfo) == "Europe/Brussels" and s.hour == 13 and s.minute == 30 for s in starts
    )
    assert str(events[0]["summary"]) == "Home-Start-bezoek GZ-2026-014"
    assert all(str(e["location"]) == "Gent" for e in events)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Brussels"
    assert {c.name for c in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert b"TZID=Europe/Brussels" in calendar.to_ical()
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_the_address_is_only_there_when_chosen(planned):
    with planned.session() as session:
        plan = volunteer_visit_plan(
            session=session,
            volunteer_reference="VW-2025-003",
            first=dt.date(2026, 11, 30),
            weeks=1,
            include_address=True,
            with_first_name=True,
        )
    (event,) = Calendar.from_ical(visit_plan_ics(plan)).walk("VEVENT")
    assert str(event["location"]) == "Sleepstraat 12, 9000 Gent"
    assert str(event["summary"]) == "Home-Start-bezoek GZ-2026-014 (Özlem)"


def test_the_printed_schedule_lists_the_visits_in_the_volunteers_language(planned):
    with planned.session() as session:
        plan = volunteer_visit_plan(
            session=session,
            volunteer_reference="VW-2025-003",
            first=dt.date(2026, 11, 23),
            weeks=4,
            with_first_name=True,
        )
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(visit_plan_pdf(plan, lang="fr"))).pages
    )
    text = " ".join(text.split())
    assert "Horaire des visites" in text
    assert "Наталія" in text and "Özlem" in text and "GZ-2026-014" in text
    assert "annulée par la famille" in text
    assert "Sleepstraat" not in text
    assert "mardi 1 décembre 2026" in text and "13:30–17:00" in text and "Gand" in text


def test_a_skipped_week_says_why_and_the_year_crosses_into_january(planned):
    from homestart_desktop.data.planning.blocked_periods import add_blocked_period

    with planned.session() as session:
        add_blocked_period(
            session=session,
            starts_on=dt.date(2027, 1, 4),
            ends_on=dt.date(2027, 1, 8),
            label="Kerstvakantie",
            today=TODAY,
        )
        plan = volunteer_visit_plan(
            session=session, volunteer_reference="VW-2025-003", first=dt.date(2026, 12, 28), weeks=3
        )
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(visit_plan_pdf(plan, lang="nl"))).pages
    )
    text = " ".join(text.split())
    assert "Özlem" not in text  # the first name only when chosen
    assert "dinsdag 29 december 2026" in text and "dinsdag 12 januari 2027" in text
    assert "dinsdag 5 januari 2027" in text
    assert "Geen bezoek: periode zonder bezoeken (Kerstvakantie)" in text


def test_a_volunteer_without_visits_gets_a_word_not_a_silent_empty_calendar(planned):
    with planned.session() as session:
        plan = volunteer_visit_plan(
            session=session, volunteer_reference="VW-2025-003", first=dt.date(2027, 6, 7), weeks=1
        )
    plan = dataclasses.replace(plan, visits=())
    calendar = Calendar.from_ical(visit_plan_ics(plan, lang="nl"))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["x-wr-caldesc"]) == "Geen huisbezoeken gepland in deze periode."
