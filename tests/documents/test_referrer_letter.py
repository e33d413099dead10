"""Letters to the referrer: only when the family agreed, saying only started on / ended on."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from homestart_desktop.data.models import (
    Caregiver,
    Family,
    FamilyStatus,
    Referral,
    ReferrerCategory,
    Trajectory,
)
from homestart_desktop.data.planning.referrer_letters import (
    LetterKind,
    mark_referrer_informed,
    referrer_informed_on,
    referrer_letter,
)
from homestart_desktop.data.privacy.consent import follow_referral
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.documents.referrer_letter import referrer_letter_pdf
from tests.builders import matched_pair
from tests.clock import TEST_TODAY


def _text(pdf: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _trajectory(session, *, agreed: bool) -> int:
    family = Family(reference="GZ-2026-021", status=FamilyStatus.active, postcode="9000")
    trajectory = matched_pair(
        session, family=family, volunteer="VW-2026-002", start_on=dt.date(2026, 3, 2)
    )
    session.add(Caregiver(family_id=family.id, first_name="Łucja", last_name="Wiśniewska"))
    session.add(
        Referral(
            family_id=family.id,
            referred_on=dt.date(2026, 1, 12),
            category=ReferrerCategory.caw,
            organisation="CAW Oost-Vlaanderen",
            contact="Sofie De Smet",
            question="Moeder zit alleen en is uitgeput.",
            inform_referrer=agreed,
        )
    )
    # Consent is a record since migration 0009: the referral's tick alone is not enough.
    follow_referral(
        session=session,
        family_id=family.id,
        agrees=agreed,
        on=dt.date(2026, 1, 12),
        today=dt.date(2026, 1, 12),
    )
    session.flush()
    return trajectory.id


def test_the_start_letter_says_only_when_support_started(empty_case_file):
    with empty_case_file.session() as session:
        trajectory_id = _trajectory(session, agreed=True)
        letter = referrer_letter(
            session=session, trajectory_id=trajectory_id, kind=LetterKind.start, today=TEST_TODAY
        )
    text = _text(referrer_letter_pdf(letter, lang="nl"))
    assert "CAW Oost-Vlaanderen" in text and "Sofie De Smet" in text
    assert "12 januari 2026" in text and "gestart is op 2 maart 2026" in text
    assert "GZ-2026-021" in text
    for never in ("Łucja", "Wiśniewska", "uitgeput", "VW-2026-002"):
        assert never not in text, never
    french = _text(referrer_letter_pdf(letter, lang="fr"))
    assert "a commencé le 2 mars 2026" in french and "Madame, Monsieur" in french


def test_the_end_letter_and_the_referrer_informed_box_with_its_date(empty_case_file):
    with empty_case_file.session() as session:
        trajectory_id = _trajectory(session, agreed=True)
        with pytest.raises(ValidationError):  # not ended yet
            referrer_letter(
                session=session, trajectory_id=trajectory_id, kind=LetterKind.end, today=TEST_TODAY
            )
        session.get(Trajectory, trajectory_id).ended_on = dt.date(2026, 9, 30)
        letter = referrer_letter(
            session=session, trajectory_id=trajectory_id, kind=LetterKind.end, today=TEST_TODAY
        )
        mark_referrer_informed(
            session=session, trajectory_id=trajectory_id, kind=LetterKind.end, today=TEST_TODAY
        )
        assert session.get(Trajectory, trajectory_id).referrer_informed
        informed = referrer_informed_on(session=session, trajectory_id=trajectory_id)
    assert informed == {LetterKind.end: TEST_TODAY}
    text = _text(referrer_letter_pdf(letter, lang="en"))
    assert "ended on 30 September 2026" in text and "started" not in text


def test_no_letter_when_the_family_did_not_agree(empty_case_file):
    with empty_case_file.session() as session:
        trajectory_id = _trajectory(session, agreed=False)
        with pytest.raises(ValidationError) as refused:
            referrer_letter(
                session=session,
                trajectory_id=trajectory_id,
                kind=LetterKind.start,
                today=TEST_TODAY,
            )
    assert "inform_referrer" in refused.value.problems


def test_the_family_file_finds_the_letters_of_its_latest_trajectory(empty_case_file):
    from homestart_desktop.data.planning.referrer_letters import family_letter_facts

    with empty_case_file.session() as session:
        trajectory_id = _trajectory(session, agreed=True)
        family_id = session.get(Trajectory, trajectory_id).family_id
        facts = family_letter_facts(session=session, family_id=family_id)
        assert facts.trajectory_id == trajectory_id and facts.agreed
        assert facts.ended_on is None and facts.informed_on == {} and facts.language == "nl"
        session.get(Trajectory, trajectory_id).ended_on = dt.date(2026, 6, 1)
        mark_referrer_informed(
            session=session, trajectory_id=trajectory_id, kind=LetterKind.end, today=TEST_TODAY
        )
        facts = family_letter_facts(session=session, family_id=family_id)
        other = Family(reference="GZ-2026-022", status=FamilyStatus.waiting)
        session.add(other)
        session.flush()
        never_started = family_letter_facts(session=session, family_id=other.id)
    assert facts.ended_on == dt.date(2026, 6, 1) and facts.informed_on == {
        LetterKind.end: TEST_TODAY
    }
    assert never_started is None
