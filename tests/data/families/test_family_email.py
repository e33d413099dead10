"""The family's e-mail: checked like a person would, kept with the family, added by migration 0010
to files made before it."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from homestart_desktop.data.casefile.migrations import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.intake import CaregiverIn, IntakeIn, record_intake
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.models import IntakeOutcome, ReferrerCategory
from homestart_desktop.data.validation import ValidationError
from tests.clock import TEST_TODAY


def _intake(email: str) -> IntakeIn:
    return IntakeIn(
        done_on=TEST_TODAY,
        coordinator="An Peeters",
        caregivers=(CaregiverIn("Ayşe", "Kaya"),),
        children=(),
        outcome=IntakeOutcome.waiting_list,
        postcode="9000",
        email=email,
    )


@pytest.mark.parametrize("typed", ["ayse.kaya", "ayse kaya@example.be", "ayse@example", "0470 12"])
def test_what_is_no_email_address_is_refused_beside_its_field(empty_case_file, typed):
    with empty_case_file.session() as session:
        saved = register_referral(
            session=session,
            referral=ReferralIn(TEST_TODAY, ReferrerCategory.ocmw, "Ayşe", postcode="9000"),
            today=TEST_TODAY,
        )
        with pytest.raises(ValidationError) as refused:
            record_intake(
                session=session, family_id=saved.family_id, intake=_intake(typed), today=TEST_TODAY
            )
    assert refused.value.problems["email"].startswith("Dit is geen e-mailadres")


def test_the_email_is_kept_without_the_spaces_around_it(empty_case_file):
    with empty_case_file.session() as session:
        saved = register_referral(
            session=session,
            referral=ReferralIn(TEST_TODAY, ReferrerCategory.ocmw, "Ayşe", postcode="9000"),
            today=TEST_TODAY,
        )
        record_intake(
            session=session,
            family_id=saved.family_id,
            intake=_intake("  ayse.kaya@example.be "),
            today=TEST_TODAY,
        )
        file = load_family(session=session, family_id=saved.family_id, today=TEST_TODAY)
    assert file.family.email == "ayse.kaya@example.be"


def test_migration_0010_gives_the_families_already_in_the_file_an_empty_email(empty_case_file):
    with empty_case_file.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006")
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(family)"))]
        assert "email" not in columns
        connection.execute(
            text(
                "INSERT INTO family (reference, status, language, street, postcode, phone, "
                "single_parent, kg_income, kg_education, kg_work, kg_stimulation, kg_housing, "
                "kg_health, psychological_vulnerability, physical_disability, small_network, "
                "recently_moved, twins, life_events, services_involved, support_questions, "
                "support_question_text, preferred_slots, volunteer_gender_preference, "
                "wished_experience, smoking_at_home, pets_at_home, pets_description, "
                "no_volunteer_from_neighbourhood, reporting_consent, created_on, record_key) "
                "VALUES ('GZ-2025-009', 'waiting', 'nl', '', '9000', '', 0, 0, 0, 0, 0, 0, 0, "
                "0, 0, 0, 0, 0, '', '', '[]', '', '[]', 'none', '[]', 0, 0, '', 0, 0, "
                "'2025-03-01', 7)"
            )
        )
        upgrade(connection)
        assert current_revision(connection) == head_revision()
        email = connection.execute(
            text("SELECT email FROM family WHERE reference = 'GZ-2025-009'")
        ).scalar_one()
    assert email == ""
