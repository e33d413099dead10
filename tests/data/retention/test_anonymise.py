"""Anonymisation and erasure leave no trace of their subject in the file, and no figure moves."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import text
from sqlmodel import select

from homestart_desktop.data.audit.entries import entries_about
from homestart_desktop.data.intervision.notes_search import search_notes
from homestart_desktop.data.models import (
    Caregiver,
    Child,
    Family,
    Gender,
    IntervisionSession,
    Volunteer,
)
from homestart_desktop.data.retention.due import due_for_anonymisation, hold_back
from homestart_desktop.data.retention.erase import (
    ErasureRefused,
    anonymise_due,
    erase,
    erasure_plan,
)
from homestart_desktop.sync.figures import raw_quarter_figures
from homestart_desktop.sync.quarter import Quarter
from tests.clock import TEST_TODAY
from tests.data.retention.people import (
    GONE_FAMILY,
    GONE_VOLUNTEER,
    GONE_WORDS,
    KEPT_FAMILY,
    KEPT_WORDS,
    MENTION,
    write_people,
)
from tests.data.retention.raw_pages import decrypted_pages, raw_bytes


def _encodings(words: list[str]) -> list[bytes]:
    return [form for w in words for form in (w.encode(), w.encode("utf-16-le"))]


def _found(data: bytes, words: list[str]) -> list[bytes]:
    return [needle for needle in _encodings(words) if needle in data]


def _index_terms(case_file) -> set[str]:
    with case_file.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_terms "
            "USING fts5vocab(main, note_search, 'row')"
        )
        return {row[0] for row in connection.exec_driver_sql("SELECT term FROM temp.note_terms")}


def _every_quarter(case_file) -> dict[str, object]:
    figures = {}
    with case_file.session() as session:
        quarter = Quarter.of(dt.date(2015, 1, 1))
        while quarter.start <= dt.date(2028, 12, 31):  # future quarters too
            figures[str(quarter)] = raw_quarter_figures(session=session, quarter=quarter)
            quarter = quarter.next()
    return figures


@pytest.fixture
def people_file(empty_case_file, empty_template):
    write_people(empty_case_file)
    # Part of it in the database pages, the rest in the WAL: both must be cleaned.
    with empty_case_file.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with empty_case_file.session() as session:
        family = session.exec(select(Family).where(Family.reference == GONE_FAMILY)).one()
        family.services_involved = "CAW Maanvisjeshuis"
    return empty_case_file, empty_template[1]


def test_the_raw_check_sees_the_data_before_anything_is_removed(people_file):
    case_file, key = people_file
    plain = decrypted_pages(case_file.path, key)
    assert [word for word in GONE_WORDS if word.encode() not in plain] == []
    assert {"kwakkelbrug", "prutsbeweging", "tintelvoetje"} <= _index_terms(case_file)
    assert _found(raw_bytes(case_file.path), GONE_WORDS) == []  # encrypted on disk


def test_anonymising_everyone_due_leaves_no_trace_in_file_wal_or_index(people_file):
    case_file, key = people_file
    removed = anonymise_due(case_file, today=TEST_TODAY, years=5)
    assert removed.families == (GONE_FAMILY,)
    assert removed.volunteers == (GONE_VOLUNTEER,)
    plain = decrypted_pages(case_file.path, key)
    # The intervision session is the branch's: anonymisation leaves it (erasure does not).
    assert _found(plain, GONE_WORDS) == []
    assert _found(plain, KEPT_WORDS) == _encodings(KEPT_WORDS)[::2]
    assert _found(raw_bytes(case_file.path), GONE_WORDS) == []
    terms = _index_terms(case_file)
    assert not {"kwakkelbrug", "prutsbeweging", "tintelvoetje"} & terms
    with case_file.session() as session:
        assert search_notes(session=session, typed="Kwakkelbrug") == []
        family = session.exec(select(Family).where(Family.reference == GONE_FAMILY)).one()
        assert family.anonymised_on == TEST_TODAY and family.erased_on is None
        child = session.exec(select(Child).where(Child.family_id == family.id)).one()
        # Born 23 May 2019, inside the "around birth" window of a start on 4 March 2019.
        assert child.birth_date == dt.date(2019, 4, 1)
        assert child.first_name == ""
        volunteer = session.exec(
            select(Volunteer).where(Volunteer.reference == GONE_VOLUNTEER)
        ).one()
        assert (volunteer.first_name, volunteer.birth_date) == ("", None)
        # No figure reads gender or languages: they go too (a rare language names a person).
        assert (volunteer.gender, volunteer.languages) == (Gender.unknown, [])
        parent = session.exec(select(Caregiver).where(Caregiver.family_id == family.id)).one()
        assert (parent.gender, parent.languages, child.gender) == (
            Gender.unknown,
            [],
            Gender.unknown,
        )
        kept = session.exec(select(Family).where(Family.reference == KEPT_FAMILY)).one()
        assert kept.street == "Zonnebloemdreef 9" and kept.anonymised_on is None
        assert session.exec(select(IntervisionSession.notes)).one() == MENTION
        # The Logboek notes the anonymisation under the code and keeps no earlier link to it.
        about = entries_about(session=session, family_code=GONE_FAMILY)
        assert [e.kind for e in about] == ["anonymised"]


def test_erasing_a_family_asks_what_goes_and_removes_the_mentions_of_its_code(people_file):
    case_file, key = people_file
    with case_file.session() as session:
        plan = erasure_plan(session=session, reference=GONE_FAMILY.lower())
    counts = dict(plan.goes)
    assert counts["Visit notes: {count}"] == 1
    assert counts["Intervision and coaching texts that mention the code: {count}"] == 1
    removed = erase(case_file, reference=GONE_FAMILY, today=TEST_TODAY)
    assert removed.families == (GONE_FAMILY,)
    plain = decrypted_pages(case_file.path, key)
    family_words = [
        w
        for w in GONE_WORDS
        if w not in ("Klaproosdromer", "Vanderschrikkel", "klaproos@voorbeeld.test", "Tintelvoetje")
    ]
    assert _found(plain, [*family_words, "Pruttelpotje"]) == []
    assert _found(plain, ["Vanderschrikkel"])  # the volunteer was not erased
    with case_file.session() as session:
        family = session.exec(select(Family).where(Family.reference == GONE_FAMILY)).one()
        assert family.erased_on == TEST_TODAY
        assert [e.kind for e in entries_about(session=session, family_code=GONE_FAMILY)] == [
            "erased"
        ]
        assert (
            session.exec(select(Caregiver.first_name).where(Caregiver.family_id == family.id)).one()
            == ""
        )
        with pytest.raises(ErasureRefused, match="al gewist"):
            erasure_plan(session=session, reference=GONE_FAMILY)


def test_erasing_a_volunteer_removes_their_data_and_keeps_the_code(people_file):
    case_file, key = people_file
    erase(case_file, reference=GONE_VOLUNTEER, today=TEST_TODAY)
    plain = decrypted_pages(case_file.path, key)
    assert (
        _found(
            plain, ["Klaproosdromer", "Vanderschrikkel", "klaproos@voorbeeld.test", "Tintelvoetje"]
        )
        == []
    )
    assert _found(plain, ["Wojciechowska"])  # the family was not erased
    with case_file.session() as session:
        volunteer = session.exec(
            select(Volunteer).where(Volunteer.reference == GONE_VOLUNTEER)
        ).one()
        assert volunteer.erased_on == TEST_TODAY


def test_support_under_way_cannot_be_erased(empty_case_file):
    from tests.builders import matched_pair

    with empty_case_file.session() as session:
        matched_pair(session, family="GZ-2026-031", volunteer="VW-2026-004", start_on=TEST_TODAY)
    with empty_case_file.session() as session, pytest.raises(ErasureRefused, match="loopt nog"):
        erasure_plan(session=session, reference="GZ-2026-031")


def test_a_family_held_back_is_listed_but_not_anonymised(people_file):
    case_file, _ = people_file
    with case_file.session() as session:
        family_id = session.exec(select(Family.id).where(Family.reference == GONE_FAMILY)).one()
        hold_back(
            session=session,
            today=TEST_TODAY,
            until=dt.date(2027, 1, 1),
            reason="Rechtszaak loopt",
            family_id=family_id,
        )
    with case_file.session() as session:
        due = due_for_anonymisation(session=session, today=TEST_TODAY)
    assert [(r.reference, r.held_until) for r in due] == [
        (GONE_FAMILY, dt.date(2027, 1, 1)),
        (GONE_VOLUNTEER, None),
    ]
    assert due[0].ended_on == dt.date(2019, 11, 29) and due[0].due_on == dt.date(2024, 11, 29)
    removed = anonymise_due(case_file, today=TEST_TODAY)
    assert removed.families == ()
    with case_file.session() as session:
        # Six years: the family ended in November 2019, so nobody is due before November 2025.
        assert due_for_anonymisation(session=session, today=dt.date(2025, 11, 28), years=6) == []
        assert session.execute(text("SELECT count(*) FROM retentionhold")).scalar_one() == 1


def test_every_quarters_figures_stay_the_same_after_anonymising_everyone_due(demo_case_file):
    before = _every_quarter(demo_case_file)
    removed = anonymise_due(demo_case_file, today=TEST_TODAY, years=1)
    assert len(removed.families) > 50 and removed.volunteers
    after = _every_quarter(demo_case_file)
    changed = {
        quarter: [
            f.name
            for f in dataclasses.fields(before[quarter])
            if getattr(before[quarter], f.name) != getattr(after[quarter], f.name)
        ]
        for quarter in before
        if before[quarter] != after[quarter]
    }
    assert changed == {}
    # The rounded birth dates are read by the figures: children were counted around a birth.
    assert any(figures.indicators.get("around_birth") for figures in before.values())
