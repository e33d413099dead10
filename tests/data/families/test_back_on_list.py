"""Waiting since follows the facts: a not-started family back on the list, a corrected intake."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.data.families.back_on_list import put_back_on_list
from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.intake import record_intake
from homestart_desktop.data.families.referrals import register_referral
from homestart_desktop.data.families.register import waiting_list
from homestart_desktop.data.models import FamilyStatus, IntakeOutcome
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.workflow import IllegalStep
from tests.data.families.test_referrals import TODAY, intake, referral

REFERRED, INTAKE_DONE = dt.date(2026, 2, 2), dt.date(2026, 2, 20)
BACK = dt.date(2026, 3, 3)


def _not_started(case_file) -> int:
    with case_file.session() as session:
        family_id = register_referral(session=session, referral=referral(), today=TODAY).family_id
        record_intake(
            session=session,
            family_id=family_id,
            intake=intake(outcome=IntakeOutcome.family_declines, outcome_reason="nog niet klaar"),
            today=TODAY,
        )
    return family_id


def test_a_not_started_family_put_back_keeps_its_first_waiting_date(empty_case_file) -> None:
    family_id = _not_started(empty_case_file)
    with empty_case_file.session() as session:
        put_back_on_list(
            session=session, family_id=family_id, on=BACK, reason="Mama belde terug", today=TODAY
        )
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=family_id, today=TODAY)
        listed = waiting_list(session=session, today=TODAY)
    assert file.family.status == FamilyStatus.waiting
    assert (file.waiting_since, file.waiting_days) == (REFERRED, 36)  # its place is kept
    assert [(r.reference, r.waiting_days) for r in listed] == [(file.family.reference, 36)]
    last = file.timeline[-1]
    assert (last.on, last.from_status, last.to_status, last.reason) == (
        BACK,
        FamilyStatus.not_started,
        FamilyStatus.waiting,
        "Mama belde terug",
    )


def test_a_wait_that_starts_over_counts_from_the_day_it_went_back(empty_case_file) -> None:
    family_id = _not_started(empty_case_file)
    with empty_case_file.session() as session:
        put_back_on_list(
            session=session,
            family_id=family_id,
            on=BACK,
            reason="Nieuwe vraag",
            starts_over=True,
            today=TODAY,
        )
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=family_id, today=TODAY)
    assert (file.family.waiting_since, file.waiting_since, file.waiting_days) == (BACK, BACK, 7)


@pytest.mark.parametrize(
    ("on", "reason", "field"),
    [
        (BACK, "  ", "reason"),
        (TODAY + dt.timedelta(days=1), "terug", "on"),
        (INTAKE_DONE - dt.timedelta(days=1), "terug", "on"),  # before it was marked not started
    ],
)
def test_putting_back_is_refused_with_a_message_beside_the_field(
    empty_case_file, on, reason, field
) -> None:
    family_id = _not_started(empty_case_file)
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        put_back_on_list(session=session, family_id=family_id, on=on, reason=reason, today=TODAY)
    assert set(refused.value.problems) == {field}
    with empty_case_file.session() as session:
        assert load_family(session=session, family_id=family_id, today=TODAY).family.status == (
            FamilyStatus.not_started
        )


def test_only_a_not_started_family_is_put_back(empty_case_file) -> None:
    with empty_case_file.session() as session:
        family_id = register_referral(session=session, referral=referral(), today=TODAY).family_id
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        put_back_on_list(session=session, family_id=family_id, on=BACK, reason="x", today=TODAY)
    assert "niet gestart" in refused.value.problems["on"]


def test_correcting_the_intake_outcome_does_not_put_a_not_started_family_back(
    empty_case_file,
) -> None:
    family_id = _not_started(empty_case_file)
    with pytest.raises(IllegalStep, match="wachtlijst"), empty_case_file.session() as session:
        record_intake(session=session, family_id=family_id, intake=intake(), today=TODAY)


def test_a_corrected_intake_date_moves_the_list_date_and_the_history(empty_case_file) -> None:
    corrected = dt.date(2026, 2, 18)
    with empty_case_file.session() as session:
        family_id = register_referral(session=session, referral=referral(), today=TODAY).family_id
        record_intake(session=session, family_id=family_id, intake=intake(), today=TODAY)
    with empty_case_file.session() as session:
        record_intake(
            session=session, family_id=family_id, intake=intake(done_on=corrected), today=TODAY
        )
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=family_id, today=TODAY)
    assert file.family.waiting_since == corrected  # "On the waiting list since" in the file
    assert [(c.on, c.to_status) for c in file.timeline] == [
        (REFERRED, FamilyStatus.referred),
        (corrected, FamilyStatus.intake_done),
        (corrected, FamilyStatus.waiting),
    ]
    assert file.waiting_since == REFERRED  # a first wait counts from the referral (figures.md)
