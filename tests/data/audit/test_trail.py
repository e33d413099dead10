"""The audit trail: every write leaves an entry with field names, never values; append-only."""

from __future__ import annotations

import datetime as dt
import enum
import re
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from homestart_desktop.data import models as m
from homestart_desktop.data.audit import trail
from homestart_desktop.data.audit.entries import AuditFilter, entries_about, find_entries
from homestart_desktop.data.audit.events import opened_family_file, record_event
from homestart_desktop.data.audit.keeping import forget_subject_in_audit, prune_audit
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.demo.rows import INSERT_ORDER
from homestart_desktop.data.families.referrals import (
    ReferralIn,
    correct_referral,
    register_referral,
)
from homestart_desktop.data.models import AuditEvent, ReferrerCategory
from homestart_desktop.data.settings import load_settings, save_settings
from tests import audit_spy
from tests.clock import TEST_TODAY

DATA = Path(trail.__file__).parents[1]


def _entries(session: Session) -> list[AuditEvent]:
    return list(session.exec(select(AuditEvent).order_by(AuditEvent.id)))


def _changed_value(value: object) -> object | None:
    """Another value of the same type, or None when the column is not simple to change."""
    if isinstance(value, enum.Enum):
        return next(member for member in type(value) if member != value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x" if len(value) < 15 else value[:-1]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value - dt.timedelta(days=1)
    return None


def test_a_change_to_any_table_leaves_an_entry_naming_the_field(demo_case_file) -> None:
    changed: dict[str, str] = {}
    with demo_case_file.session() as session, session.no_autoflush:
        for model in [*INSERT_ORDER, m.Setting]:
            if model is AuditEvent:
                continue
            row = session.exec(select(model)).first()
            assert row is not None, f"the demo branch has no {model.__tablename__}"
            for column in inspect(model).column_attrs:
                name = column.key
                if name in ("id", "reference", "record_key", "key", "year") or name.endswith("_id"):
                    continue
                new = _changed_value(getattr(row, name))
                if new is not None:
                    setattr(row, name, new)
                    changed[model.__tablename__] = name
                    break
            assert model.__tablename__ in changed, f"no simple column in {model.__tablename__}"
        before = len(_entries(session))
        session.flush()
        entries = _entries(session)[before:]
    found = {(e.entity, e.fields) for e in entries if e.action == "changed"}
    setting_key = next(e.fields for e in entries if e.entity == "setting")
    changed["setting"] = setting_key
    assert found == set(changed.items())
    assert {e.kind for e in entries} == {"write"}
    by_table = {e.entity: e for e in entries}
    assert by_table["visit"].family_code.startswith("GZ-")  # found through the trajectory
    assert by_table["visit"].volunteer_code.startswith("VW-")
    assert by_table["expense"].volunteer_code.startswith("VW-")


def test_what_was_typed_never_reaches_the_trail(empty_case_file) -> None:
    typed = {
        "first_name": "Xyloquenda",
        "last_name": "Brumvortsel",
        "phone": "0499 31 41 59",
        "organisation": "Ziekenhuis Zwirbelgem",
        "contact": "Dr. Quobbelaert",
        "question": "Ondersteuning bij slaapritmezwamgewoonten",
    }
    with empty_case_file.session() as session:
        saved = register_referral(
            session=session,
            referral=ReferralIn(
                referred_on=TEST_TODAY,
                category=ReferrerCategory.ziekenhuis,
                postcode="9000",
                **typed,
            ),
            today=TEST_TODAY,
        )
    with empty_case_file.session() as session:
        referral_id = session.exec(select(m.Referral.id)).one()
        correct_referral(
            session=session,
            family_id=saved.family_id,
            referral_id=referral_id,
            referral=ReferralIn(
                referred_on=TEST_TODAY,
                category=ReferrerCategory.ziekenhuis,
                postcode="9000",
                **{**typed, "question": "Nieuwe vraag over Flubbertaart"},
            ),
            today=TEST_TODAY,
        )
    with empty_case_file.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM auditevent").all()
    # Without the moment of each entry: its microseconds may well read "0499".
    dump = "\n".join(
        " ".join(str(v) for k, v in row._mapping.items() if k != "at") for row in rows
    ).lower()
    for value in [*typed.values(), "Flubbertaart", "0499"]:
        assert value.lower() not in dump
    # ... while the entries do say what happened, to whom, in which fields.
    with empty_case_file.session() as session:
        about = entries_about(session=session, family_code=saved.reference)
    fields = {f for e in about for f in e.fields}
    assert {"first_name", "phone", "organisation", "question"} <= fields
    assert {"Gezin: toegevoegd", "Aanmelding: gewijzigd"} <= {
        (e.record == "family" and "Gezin: toegevoegd")
        or (e.record == "referral" and e.action == "changed" and "Aanmelding: gewijzigd")
        or ""
        for e in about
    }


def test_the_app_cannot_change_or_remove_an_entry(empty_case_file) -> None:
    with empty_case_file.session() as session:
        record_event(session=session, kind=AuditKind.printed, detail="agreement")
    for statement in ("UPDATE auditevent SET who = 'someone else'", "DELETE FROM auditevent"):
        with pytest.raises(IntegrityError, match="append-only"), empty_case_file.session() as s:
            s.execute(text(statement))
    with pytest.raises(IntegrityError, match="append-only"), empty_case_file.session() as s:
        s.delete(s.exec(select(AuditEvent)).first())
    with empty_case_file.session() as session:
        assert [e.detail for e in _entries(session) if e.kind == "printed"] == ["agreement"]


def test_retention_and_forgetting_a_subject_keep_the_entries_but_not_who_and_whom(
    empty_case_file,
) -> None:
    empty_case_file.coordinator = "Griet"
    with empty_case_file.session() as session:
        session.add(m.Family(reference="GZ-2019-001", status=m.FamilyStatus.waiting))
        session.add(m.Family(reference="GZ-2026-002", status=m.FamilyStatus.waiting))
        session.flush()
        opened_family_file(session=session, family_id=1)
    with empty_case_file.session() as session:
        count = len(_entries(session))
        # Seven years from now every entry is older than the retention, by default.
        assert prune_audit(session=session, today=TEST_TODAY.replace(year=TEST_TODAY.year + 8)) >= 3
        entries = _entries(session)
    assert len(entries) == count + 1  # nothing gone; one entry says the trail was pruned
    assert {(e.who, e.family_code) for e in entries[:-1]} == {("", None)}
    assert entries[-1].kind == "anonymised" and entries[-1].who == "Griet"
    with empty_case_file.session() as session:
        assert prune_audit(session=session, today=TEST_TODAY) == 0  # not old enough
        record_event(session=session, kind=AuditKind.printed, family_code="GZ-2026-002")
        assert forget_subject_in_audit(session=session, family_code="GZ-2026-002") == 1
        assert find_entries(session=session, wanted=AuditFilter(code="GZ-2026-002")) == []


def test_bulk_statements_leave_one_entry_per_subject(empty_case_file) -> None:
    with empty_case_file.session() as session:
        session.add_all(
            [
                m.Family(reference="GZ-2026-001", status=m.FamilyStatus.waiting),
                m.Family(reference="GZ-2026-002", status=m.FamilyStatus.waiting),
            ]
        )
        session.flush()
        before = len(_entries(session))
        table = m.Child.__table__
        session.execute(
            table.insert(),
            [
                {"family_id": 1, "first_name": "Abel", "gender": "unknown"},
                {"family_id": 1, "first_name": "Bea", "gender": "unknown"},
                {"family_id": 2, "first_name": "Cas", "gender": "unknown"},
            ],
        )
        session.execute(table.delete().where(table.c.family_id == 2))
        entries = _entries(session)[before:]
    assert sorted((e.action, e.family_code, e.detail) for e in entries) == [
        ("added", "GZ-2026-001", "rows=2"),
        ("added", "GZ-2026-002", ""),
        ("removed", "GZ-2026-002", ""),
    ]
    assert {e.fields for e in entries if e.action == "added"} == {"family_id,first_name,gender"}


def test_the_spy_fails_a_write_that_left_no_entry(empty_case_file, monkeypatch) -> None:
    """The suite-wide check (tests/audit_spy.py) is real: a session without the hook is caught."""
    monkeypatch.setattr(trail, "watch", lambda session, who="": session)
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(session=session, settings=settings.replace(branch_name="Elders"))
    assert audit_spy.missed == ["data/casefile/casefile.py:session wrote setting"]
    audit_spy.missed.clear()


def test_raw_sql_writes_in_data_are_each_listed_with_their_reason() -> None:
    writes = re.compile(
        r"(?:text|execute|exec_driver_sql)\(\s*f?[\"'](?:INSERT|UPDATE|DELETE)", re.I
    )
    raw = {
        path.relative_to(DATA).as_posix()
        for path in DATA.rglob("*.py")
        if "migrations" not in path.parts and writes.search(path.read_text(encoding="utf-8"))
    }
    assert raw == set(trail.RAW_SQL_WRITES)


def test_a_retention_run_keeps_the_logbook_retention_even_when_nobody_is_due(
    empty_case_file,
) -> None:
    from homestart_desktop.data.retention.erase import anonymise_due

    empty_case_file.coordinator = "Griet"
    with empty_case_file.session() as session:
        session.add(m.Family(reference="GZ-2019-001", status=m.FamilyStatus.waiting))
        session.flush()
        opened_family_file(session=session, family_id=1)
    removed = anonymise_due(empty_case_file, today=TEST_TODAY.replace(year=TEST_TODAY.year + 8))
    assert removed.families == ()  # a waiting family is never due
    with empty_case_file.session() as session:
        opened = [e for e in _entries(session) if e.kind == "opened"]
    assert [(e.who, e.family_code) for e in opened] == [("", None)]
