"""Migration 0009: the signature date and the referrer's tick become the family's consent record."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import inspect, text

from homestart_desktop.data.casefile.migrations import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from homestart_desktop.data.models import ConsentItem, Family
from homestart_desktop.data.privacy.consent import family_consent, may_inform_referrer


def _referral(connection, family_id: int, on: str, inform: bool) -> None:
    connection.execute(
        text(
            "INSERT INTO referral (family_id, referred_on, category, organisation, contact, "
            "question, inform_referrer) VALUES (:f, :on, 'caw', 'CAW', '', '', :inform)"
        ),
        {"f": family_id, "on": on, "inform": inform},
    )


def test_signatures_and_the_latest_referrals_tick_become_steps_of_the_record(
    empty_case_file,
) -> None:
    with empty_case_file.session() as session:
        families = [Family(reference=f"GZ-2025-{n:03d}") for n in range(1, 5)]
        session.add_all(families)
        session.flush()
        ids = [f.id for f in families]
    with empty_case_file.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006")
        assert current_revision(connection) == "0006"
        signed, agreed, withdrew_later, nothing = ids
        connection.execute(
            text(
                "UPDATE family SET privacy_consent_date = '2025-03-04', reporting_consent = 1 "
                "WHERE id IN (:a, :b)"
            ),
            {"a": signed, "b": agreed},
        )
        _referral(connection, agreed, "2025-02-10", True)
        # Agreed at a first referral, not at the latest one: the latest one counts.
        _referral(connection, withdrew_later, "2024-05-01", True)
        _referral(connection, withdrew_later, "2025-06-01", False)
        _referral(connection, nothing, "2025-06-01", False)
        upgrade(connection)
        assert current_revision(connection) == head_revision()
        columns = {c["name"] for c in inspect(connection).get_columns("family")}
    assert "reporting_consent" not in columns and "privacy_consent_date" not in columns
    with empty_case_file.session() as session:
        records = {i: family_consent(session=session, family_id=i) for i in ids}
        allowed = {i: may_inform_referrer(session=session, family_id=i) for i in ids}
    assert [(s.item, s.on) for s in records[signed].history] == [
        (ConsentItem.privacy_statement, dt.date(2025, 3, 4))
    ]
    statement = records[agreed].statement
    # Which version was signed was never recorded: the record says so rather than guess.
    assert (statement.on, statement.statement_version, statement.statement_dated) == (
        dt.date(2025, 3, 4),
        "",
        None,
    )
    assert records[agreed].latest(ConsentItem.inform_referrer).on == dt.date(2025, 2, 10)
    assert allowed == {signed: False, agreed: True, withdrew_later: False, nothing: False}
    assert records[nothing].history == () and records[withdrew_later].history == ()


def test_the_way_back_restores_the_signature_date(empty_case_file) -> None:
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2025-001")
        session.add(family)
        session.flush()
        family_id = family.id
    with empty_case_file.engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO consentevent (family_id, item, given, "on", statement_version, '
                "noted_on) VALUES (:f, 'privacy_statement', 1, '2025-03-04', '1', '2025-03-04')"
            ),
            {"f": family_id},
        )
        command.downgrade(alembic_config(connection), "0006")
        day = connection.execute(
            text("SELECT privacy_consent_date FROM family WHERE id = :f"), {"f": family_id}
        ).scalar()
        upgrade(connection)
    assert day == "2025-03-04"
