"""Onboarding: the checklist's dates, the 596.2 extract's age, and the status it allows."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from homestart_desktop.data.models import HalfDay, VolunteerStatus
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.onboarding import change_status, save_onboarding
from homestart_desktop.data.volunteers.register import (
    Onboarding,
    VolunteerIn,
    add_volunteer,
    get_volunteer,
    set_availability,
)

TODAY = dt.date(2025, 5, 12)
DAY = dt.timedelta(days=1)
COMPLETE = Onboarding(
    first_interview_on=dt.date(2025, 3, 3),
    extract_issued_on=dt.date(2025, 3, 20),
    extract_received_on=dt.date(2025, 4, 2),
    info_note_received_on=dt.date(2025, 3, 3),
    agreement_signed_on=dt.date(2025, 4, 2),
    insurance_registered_on=dt.date(2025, 4, 3),
    course_completed_on=dt.date(2025, 4, 28),
    course_hours=15,
)


@pytest.fixture
def volunteer_id(empty_case_file) -> int:
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session,
            volunteer_in=VolunteerIn(first_name="Jef", last_name="Van den Broeck"),
            today=dt.date(2025, 3, 1),
        )
    return saved.id


def _save(case_file, volunteer_id, onboarding):
    with case_file.session() as session:
        return save_onboarding(
            session=session, volunteer_id=volunteer_id, onboarding=onboarding, today=TODAY
        )


def _slots(case_file, volunteer_id, slots):
    with case_file.session() as session:
        set_availability(session=session, volunteer_id=volunteer_id, slots=slots)


def _status(case_file, volunteer_id, new, **kw):
    with case_file.session() as session:
        change_status(session=session, volunteer_id=volunteer_id, new_status=new, today=TODAY, **kw)


def test_ticking_the_steps_moves_the_status_forward(empty_case_file, volunteer_id):
    _slots(empty_case_file, volunteer_id, {(2, HalfDay.afternoon)})
    first = Onboarding(first_interview_on=dt.date(2025, 3, 3))
    saved = _save(empty_case_file, volunteer_id, first)
    assert saved.status == VolunteerStatus.in_training and saved.status_changed
    assert set(saved.missing_for_available) == {
        "extract_issued_on",
        "agreement_signed_on",
        "course_completed_on",
    }
    saved = _save(empty_case_file, volunteer_id, COMPLETE)
    assert saved.status == VolunteerStatus.available
    with empty_case_file.session() as session:
        file = get_volunteer(session=session, volunteer_id=volunteer_id)
    assert [s.to_status for s in file.status_history] == ["candidate", "in_training", "available"]
    assert file.onboarding.course_hours == 15


def test_without_a_free_half_day_the_volunteer_stays_in_training(empty_case_file, volunteer_id):
    saved = _save(empty_case_file, volunteer_id, COMPLETE)
    assert saved.status == VolunteerStatus.in_training
    assert saved.missing_for_available == ("availability",)


@pytest.mark.parametrize(
    ("missing", "words"),
    [
        ("extract_issued_on", "uittreksel uit het strafregister"),
        ("agreement_signed_on", "vrijwilligersovereenkomst"),
        ("course_completed_on", "basisvorming"),
    ],
)
def test_available_is_refused_and_says_what_is_missing(
    empty_case_file, volunteer_id, missing, words
):
    incomplete = dataclasses.replace(COMPLETE, **{missing: None})
    if missing == "extract_issued_on":
        incomplete = dataclasses.replace(incomplete, extract_received_on=None)
    _slots(empty_case_file, volunteer_id, {(0, HalfDay.morning)})
    assert _save(empty_case_file, volunteer_id, incomplete).status == VolunteerStatus.in_training
    with pytest.raises(ValidationError) as refused:
        _status(empty_case_file, volunteer_id, VolunteerStatus.available)
    assert words in refused.value.problems["status"]
    assert missing in refused.value.problems


def test_the_extract_must_be_at_most_a_month_old_when_handed_in(empty_case_file, volunteer_id):
    received = dt.date(2025, 4, 2)
    too_old = dataclasses.replace(COMPLETE, extract_issued_on=received - 32 * DAY)
    with pytest.raises(ValidationError) as refused:
        _save(empty_case_file, volunteer_id, too_old)
    assert "32" in refused.value.problems["extract_issued_on"]
    just_right = dataclasses.replace(COMPLETE, extract_issued_on=received - 31 * DAY)
    _save(empty_case_file, volunteer_id, just_right)


def test_an_extract_dated_after_it_was_handed_in_is_refused(empty_case_file, volunteer_id):
    later = dataclasses.replace(COMPLETE, extract_issued_on=dt.date(2025, 4, 3))
    with pytest.raises(ValidationError) as refused:
        _save(empty_case_file, volunteer_id, later)
    assert set(refused.value.problems) == {"extract_issued_on"}


def test_dates_in_the_future_and_a_course_without_hours_are_refused(empty_case_file, volunteer_id):
    wrong = dataclasses.replace(
        COMPLETE, agreement_signed_on=TODAY + DAY, course_hours=0, first_interview_on=TODAY + DAY
    )
    with pytest.raises(ValidationError) as refused:
        _save(empty_case_file, volunteer_id, wrong)
    assert set(refused.value.problems) == {
        "agreement_signed_on",
        "first_interview_on",
        "course_hours",
    }
    with empty_case_file.session() as session:  # nothing half-saved
        file = get_volunteer(session=session, volunteer_id=volunteer_id)
    assert file.onboarding == Onboarding()


def test_an_available_volunteer_keeps_a_free_half_day(empty_case_file, volunteer_id):
    _slots(empty_case_file, volunteer_id, {(4, HalfDay.evening)})
    _save(empty_case_file, volunteer_id, COMPLETE)
    with pytest.raises(ValidationError) as refused:
        _slots(empty_case_file, volunteer_id, set())
    assert "availability" in refused.value.problems
    with pytest.raises(ValidationError) as refused:
        _save(
            empty_case_file, volunteer_id, dataclasses.replace(COMPLETE, course_completed_on=None)
        )
    assert "course_completed_on" in refused.value.problems


def test_pause_stop_and_come_back(empty_case_file, volunteer_id):
    _slots(empty_case_file, volunteer_id, {(4, HalfDay.evening)})
    _save(empty_case_file, volunteer_id, COMPLETE)
    _status(empty_case_file, volunteer_id, VolunteerStatus.paused, on=dt.date(2025, 5, 1))
    with pytest.raises(ValidationError) as refused:
        _status(empty_case_file, volunteer_id, VolunteerStatus.stopped)
    assert "reason" in refused.value.problems
    with pytest.raises(ValidationError) as refused:
        _status(empty_case_file, volunteer_id, VolunteerStatus.in_training)
    assert "status" in refused.value.problems
    _status(empty_case_file, volunteer_id, VolunteerStatus.stopped, reason="Verhuisd")
    with empty_case_file.session() as session:
        file = get_volunteer(session=session, volunteer_id=volunteer_id)
    assert file.status == VolunteerStatus.stopped
    assert (file.stopped_on, file.stop_reason) == (TODAY, "Verhuisd")
    _status(empty_case_file, volunteer_id, VolunteerStatus.candidate)
    with empty_case_file.session() as session:
        file = get_volunteer(session=session, volunteer_id=volunteer_id)
    assert file.stopped_on is None
    assert file.status_history[-2].reason == "Verhuisd"


def test_the_whole_file_is_saved_at_once_or_not_at_all(empty_case_file):
    from homestart_desktop.data.volunteers.onboarding import save_volunteer_file
    from homestart_desktop.data.volunteers.register import list_volunteers

    details = VolunteerIn(first_name="Fatima", last_name="El Amrani", postcode="1000")
    too_old = dataclasses.replace(COMPLETE, extract_issued_on=dt.date(2025, 1, 2))
    with pytest.raises(ValidationError), empty_case_file.session() as session:
        save_volunteer_file(
            session=session,
            volunteer_id=None,
            volunteer_in=details,
            slots=frozenset({(0, HalfDay.morning)}),
            onboarding=too_old,
            today=TODAY,
        )
    with empty_case_file.session() as session:
        assert list_volunteers(session=session) == []  # not even the name was kept
        saved = save_volunteer_file(
            session=session,
            volunteer_id=None,
            volunteer_in=details,
            slots=frozenset({(0, HalfDay.morning)}),
            onboarding=COMPLETE,
            today=TODAY,
        )
    assert saved.status == VolunteerStatus.available and saved.status_changed
    assert saved.reference == "VW-2025-001"
