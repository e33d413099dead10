"""A family's consent as a record: signed, agreed, withdrawn, with the withdrawal carried out."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.referrals import (
    ReferralIn,
    correct_referral,
    register_referral,
)
from homestart_desktop.data.models import (
    AuditEvent,
    CloseReason,
    ConsentItem,
    ReferrerCategory,
    Trajectory,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning.referrer_letters import (
    LetterKind,
    mark_referrer_informed,
    referrer_letter,
)
from homestart_desktop.data.planning.trajectories import ClosingInput, ReviewInput, close
from homestart_desktop.data.privacy.consent import (
    ConsentIn,
    family_consent,
    may_inform_referrer,
    privacy_statements,
    save_consent,
)
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.data.validation import ValidationError

TODAY = dt.date(2026, 3, 10)
REFERRED = dt.date(2026, 2, 2)


def _family(case_file, *, agrees: bool = True) -> int:
    referral = ReferralIn(
        referred_on=REFERRED,
        category=ReferrerCategory.caw,
        first_name="Zeynep",
        last_name="Kılıç",
        postcode="9000",
        organisation="CAW Oost-Vlaanderen",
        inform_referrer=agrees,
    )
    with case_file.session() as session:
        return register_referral(session=session, referral=referral, today=REFERRED).family_id


def _trajectory(case_file, family_id: int) -> int:
    with case_file.session() as session:
        volunteer = Volunteer(
            reference="VW-2026-001", first_name="Jef", status=VolunteerStatus.matched
        )
        session.add(volunteer)
        session.flush()
        trajectory = Trajectory(
            family_id=family_id,
            volunteer_id=volunteer.id,
            proposed_on=REFERRED,
            start_on=dt.date(2026, 2, 16),
            status="active",
        )
        session.add(trajectory)
        session.flush()
        return trajectory.id


def test_a_referral_that_allows_informing_the_referrer_is_an_agreement_on_its_day(
    empty_case_file,
) -> None:
    family_id = _family(empty_case_file)
    with empty_case_file.session() as session:
        record = family_consent(session=session, family_id=family_id)
        assert may_inform_referrer(session=session, family_id=family_id)
    [step] = record.history
    assert (step.item, step.given, step.on) == (ConsentItem.inform_referrer, True, REFERRED)
    assert record.statement is None  # nothing signed yet


def test_signing_a_version_of_the_privacy_statement_keeps_its_version_and_date(
    empty_case_file,
) -> None:
    family_id = _family(empty_case_file)
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(
                privacy_statements=(
                    {"version": "1", "dated": "2018-05-25"},
                    {"version": "2026-1", "dated": "2026-01-15"},
                )
            ),
        )
    with empty_case_file.session() as session:
        assert [s.version for s in privacy_statements(load_settings(session=session))] == [
            "1",
            "2026-1",
        ]
        save_consent(
            session=session,
            family_id=family_id,
            consent=ConsentIn(statement_version="2026-1", statement_signed_on=dt.date(2026, 2, 20)),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        signed = family_consent(session=session, family_id=family_id).statement
    assert (signed.statement_version, signed.statement_dated, signed.on, signed.noted_on) == (
        "2026-1",
        dt.date(2026, 1, 15),
        dt.date(2026, 2, 20),
        TODAY,
    )


@pytest.mark.parametrize(
    ("consent", "field"),
    [
        (ConsentIn(statement_version="9", statement_signed_on=TODAY), "statement_version"),
        (ConsentIn(statement_version="1", statement_signed_on=None), "statement_signed_on"),
        (
            ConsentIn(statement_version="1", statement_signed_on=dt.date(2026, 1, 5)),
            "statement_signed_on",
        ),
        (
            ConsentIn(statement_version="1", statement_signed_on=dt.date(2026, 4, 1)),
            "statement_signed_on",
        ),
        (
            ConsentIn(inform_referrer=False, inform_referrer_on=dt.date(2026, 1, 20)),
            "inform_referrer_on",
        ),
        (
            ConsentIn(inform_referrer=False, inform_referrer_on=dt.date(2026, 4, 1)),
            "inform_referrer_on",
        ),
    ],
)
def test_a_wrong_consent_is_refused_and_nothing_is_recorded(
    empty_case_file, consent, field
) -> None:
    family_id = _family(empty_case_file)
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        save_consent(session=session, family_id=family_id, consent=consent, today=TODAY)
    assert field in refused.value.problems
    with empty_case_file.session() as session:
        assert len(family_consent(session=session, family_id=family_id).history) == 1


def test_a_withdrawal_stops_the_letters_and_keeps_the_earlier_agreement(empty_case_file) -> None:
    family_id = _family(empty_case_file)
    trajectory_id = _trajectory(empty_case_file, family_id)
    with empty_case_file.session() as session:  # before: the letter is there
        referrer_letter(
            session=session, trajectory_id=trajectory_id, kind=LetterKind.start, today=TODAY
        )
        save_consent(
            session=session,
            family_id=family_id,
            consent=ConsentIn(inform_referrer=False, inform_referrer_on=dt.date(2026, 3, 5)),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        record = family_consent(session=session, family_id=family_id)
        file = load_family(session=session, family_id=family_id, today=TODAY)
        audit = session.exec(select(AuditEvent).where(AuditEvent.action == "family.consent")).one()
        with pytest.raises(ValidationError) as refused:
            referrer_letter(
                session=session, trajectory_id=trajectory_id, kind=LetterKind.start, today=TODAY
            )
        with pytest.raises(ValidationError):
            mark_referrer_informed(
                session=session, trajectory_id=trajectory_id, kind=LetterKind.start, today=TODAY
            )
    # The history: agreed at the referral, withdrawn on 5 March; the agreement is not erased.
    assert [(s.given, s.on) for s in record.history] == [
        (True, REFERRED),
        (False, dt.date(2026, 3, 5)),
    ]
    assert record.withdrawn_on(ConsentItem.inform_referrer) == dt.date(2026, 3, 5)
    assert "05/03/2026" in refused.value.problems["inform_referrer"]
    assert not file.referral.inform_referrer  # the referral's own tick follows
    assert audit.detail == "inform_referrer:withdrawn"  # codes only, no personal data


def test_after_a_withdrawal_closing_cannot_say_the_referrer_was_informed(empty_case_file) -> None:
    family_id = _family(empty_case_file)
    trajectory_id = _trajectory(empty_case_file, family_id)
    with empty_case_file.session() as session:
        save_consent(
            session=session,
            family_id=family_id,
            consent=ConsentIn(inform_referrer=False, inform_referrer_on=dt.date(2026, 3, 5)),
            today=TODAY,
        )
    closing = ClosingInput(
        ended_on=TODAY,
        reason=CloseReason.goals_reached,
        review=ReviewInput(held_on=TODAY),
        referrer_informed=True,
    )
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        close(session=session, trajectory_id=trajectory_id, closing=closing, today=TODAY)
    assert "referrer_informed" in refused.value.problems


def test_agreeing_again_and_a_corrected_referral_follow_the_record(empty_case_file) -> None:
    family_id = _family(empty_case_file, agrees=False)
    with empty_case_file.session() as session:
        assert family_consent(session=session, family_id=family_id).history == ()
        assert not may_inform_referrer(session=session, family_id=family_id)
        file = load_family(session=session, family_id=family_id, today=TODAY)
        corrected = ReferralIn(
            referred_on=REFERRED,
            category=ReferrerCategory.caw,
            first_name="Zeynep",
            postcode="9000",
            inform_referrer=True,
        )
        correct_referral(
            session=session,
            family_id=family_id,
            referral_id=file.referral.id,
            referral=corrected,
            today=TODAY,
        )
    with empty_case_file.session() as session:
        assert may_inform_referrer(session=session, family_id=family_id)
        save_consent(
            session=session,
            family_id=family_id,
            consent=ConsentIn(inform_referrer=False, inform_referrer_on=TODAY),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=family_id, today=TODAY)
    assert [(s.given, s.on) for s in file.consent.history] == [(True, TODAY), (False, TODAY)]
    assert not file.referral.inform_referrer
