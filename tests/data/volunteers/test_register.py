"""The volunteer register and a volunteer's file: what the coordinator types, checked and kept."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.data.models import Family, HalfDay, Trajectory, TrajectoryStatus
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.register import (
    VolunteerIn,
    add_volunteer,
    find_volunteer_id,
    get_volunteer,
    list_volunteers,
    set_availability,
    update_volunteer,
)
from homestart_desktop.domain.search import matches, query_terms

TODAY = dt.date(2025, 5, 12)


def _add(session, **kw):
    values = {"first_name": "Özlem", "last_name": "Yılmaz", "postcode": "9000"} | kw
    return add_volunteer(session=session, volunteer_in=VolunteerIn(**values), today=TODAY)


def test_a_new_volunteer_gets_a_reference_and_starts_as_candidate(empty_case_file):
    with empty_case_file.session() as session:
        first = _add(session)
        second = _add(session, first_name="Łukasz", last_name="Wróbel")
    assert (first.reference, second.reference) == ("VW-2025-001", "VW-2025-002")
    with empty_case_file.session() as session:
        file = get_volunteer(session=session, volunteer_id=first.id)
    assert file.name == "Özlem Yılmaz"
    assert file.status == "candidate"
    assert [line.to_status for line in file.status_history] == ["candidate"]
    assert first.changes.volunteers


def test_every_problem_is_named_beside_its_field_and_nothing_is_saved(empty_case_file):
    bad = VolunteerIn(
        first_name="  ",
        birth_date=TODAY + dt.timedelta(days=1),
        postcode="9999",
        email="jef@",
        child_age_min=6,
        child_age_max=3,
        max_travel_km=-1,
    )
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        add_volunteer(session=session, volunteer_in=bad, today=TODAY)
    assert set(refused.value.problems) == {
        "first_name",
        "birth_date",
        "postcode",
        "email",
        "child_age_max",
        "max_travel_km",
    }
    assert (
        "toekomst" in refused.value.problems["birth_date"] or refused.value.problems["birth_date"]
    )
    with empty_case_file.session() as session:
        assert list_volunteers(session=session) == []


def test_the_register_shows_municipality_current_family_and_free_half_days(empty_case_file):
    with empty_case_file.session() as session:
        saved = _add(session, languages=("nl", "tr"))
        set_availability(
            session=session,
            volunteer_id=saved.id,
            slots={(1, HalfDay.morning), (3, HalfDay.afternoon)},
        )
        family = Family(reference="GZ-2025-007")
        session.add(family)
        session.flush()
        session.add(
            Trajectory(
                family_id=family.id,
                volunteer_id=saved.id,
                status=TrajectoryStatus.active,
                proposed_on=TODAY,
                weekday=1,
                half_day=HalfDay.morning,
            )
        )
    with empty_case_file.session() as session:
        (row,) = list_volunteers(session=session)
        file = get_volunteer(session=session, volunteer_id=saved.id)
    assert row.municipality == "Gent"
    assert row.current_families == ("GZ-2025-007",)
    assert row.free_slots == ((3, HalfDay.afternoon),)  # Tuesday morning goes to the family
    assert row.languages == ("nl", "tr")
    assert [m.family_reference for m in file.matches] == ["GZ-2025-007"]
    assert file.availability == {(1, HalfDay.morning), (3, HalfDay.afternoon)}


def test_search_finds_names_without_their_accents(empty_case_file):
    with empty_case_file.session() as session:
        _add(session)
        _add(session, first_name="Ioana", last_name="Țurcanu", postcode="2000")
        _add(session, first_name="Наталія", last_name="Коваленко", postcode="1000")
        rows = list_volunteers(session=session)

    def found(query: str) -> list[str]:
        return [r.name for r in rows if matches(r.search_text, query_terms(query))]

    assert found("ozlem") == ["Özlem Yılmaz"]
    assert found("turcanu antw") == ["Ioana Țurcanu"]
    assert found("натал") == ["Наталія Коваленко"]
    assert found("vw-2025-002") == ["Ioana Țurcanu"]


def test_editing_keeps_the_reference_and_saves_the_profile(empty_case_file):
    with empty_case_file.session() as session:
        saved = _add(session)
        update_volunteer(
            session=session,
            volunteer_id=saved.id,
            volunteer_in=VolunteerIn(
                first_name="Fatima",
                last_name="El Amrani",
                postcode="2000",
                languages=("nl", "ar"),
                has_bike=True,
                max_travel_km=15,
                child_age_min=0,
                child_age_max=6,
                motivation="Ik wil jonge gezinnen steunen.",
            ),
            today=TODAY,
        )
        assert find_volunteer_id(session=session, reference="vw-2025-001") == saved.id
    with empty_case_file.session() as session:
        file = get_volunteer(session=session, volunteer_id=saved.id)
    assert file.reference == "VW-2025-001"
    assert file.details.languages == ("nl", "ar")
    assert file.details.has_bike and file.details.max_travel_km == 15
    assert file.details.motivation == "Ik wil jonge gezinnen steunen."


def test_an_unknown_reference_is_said_in_words(empty_case_file):
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        find_volunteer_id(session=session, reference="VW-2020-999")
    assert "VW-2020-999" in refused.value.problems["reference"]
