"""Migration 0004: every family, volunteer, trajectory and visit gets a permanent random key."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from homestart_desktop.data.casefile.migrations import alembic_config, current_revision, upgrade
from homestart_desktop.data.models import RECORD_KEY_BITS, Family


def test_existing_rows_get_keys_and_new_rows_get_them_at_creation(empty_case_file) -> None:
    with empty_case_file.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
        assert current_revision(connection) == "0003"
        for n in range(1, 41):  # families written before the keys existed
            connection.execute(
                text(
                    "INSERT INTO family (reference, status, language, street, postcode, phone, "
                    "single_parent, kg_income, kg_education, kg_work, kg_stimulation, "
                    "kg_housing, kg_health, psychological_vulnerability, physical_disability, "
                    "small_network, recently_moved, twins, life_events, services_involved, "
                    "support_questions, support_question_text, preferred_slots, "
                    "volunteer_gender_preference, smoking_at_home, pets_at_home, "
                    "pets_description, no_volunteer_from_neighbourhood, reporting_consent, "
                    "created_on) VALUES (:ref, 'referred', 'nl', '', '', '', 0, 0, 0, 0, 0, 0, "
                    "0, 0, 0, 0, 0, 0, '', '', '[]', '', '[]', 'none', 0, 0, '', 0, 0, "
                    "'2026-01-05')"
                ),
                {"ref": f"GZ-2026-{n:03d}"},
            )
        command.upgrade(alembic_config(connection), "0004")
        assert current_revision(connection) == "0004"
        keys = [row[0] for row in connection.execute(text("SELECT record_key FROM family"))]
        upgrade(connection)  # the later migrations, for the session below
    assert len(keys) == 40
    assert all(0 <= key < 2**RECORD_KEY_BITS for key in keys)
    assert len(set(keys)) == 40  # random, not a default: 40 equal keys would be a failure
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-999", created_on=dt.date(2026, 2, 1))
        session.add(family)
        session.flush()
        assert family.record_key not in keys and 0 <= family.record_key < 2**RECORD_KEY_BITS
