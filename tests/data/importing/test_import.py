"""A branch moves in: its messy lists come into the case file as a coordinator would check them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.register import list_families, waiting_list
from homestart_desktop.data.importing.fields import Kind
from homestart_desktop.data.importing.mapping import suggest_mapping
from homestart_desktop.data.importing.plan import Action, ImportCancelled, Options, build_plan
from homestart_desktop.data.importing.report import write_problem_workbook
from homestart_desktop.data.importing.run import Source, load_tables, run_import
from homestart_desktop.data.models import (
    AuditEvent,
    FamilyStatus,
    Review,
    Trajectory,
    TrajectoryStatus,
    Visit,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.validation import ValidationError
from tests.cli_helpers import row_counts
from tests.data.importing.workbooks import (
    TODAY,
    families_workbook,
    matches_csv,
    volunteers_workbook,
)


@pytest.fixture
def lists(tmp_path: Path) -> dict:
    sources = [
        Source(Kind.families, families_workbook(tmp_path / "gezinnen.xlsx")),
        Source(Kind.volunteers, volunteers_workbook(tmp_path / "vrijwilligers.xlsx")),
        Source(Kind.matches, matches_csv(tmp_path / "koppelingen.csv")),
    ]
    return load_tables(sources)


def _import(case_file, tables, **options):
    return run_import(
        case_file,
        tables=tables,
        mapping=suggest_mapping(tables),
        options=Options(**options),
        today=TODAY,
    )


def test_the_header_row_is_found_under_a_merged_title_and_hidden_columns_are_not_suggested(lists):
    families = lists[Kind.families]
    assert families.header_row == 4  # title (merged), export line, empty row above it
    assert families.row_numbers[:4] == (5, 6, 7, 9)  # the empty row 8 is left out
    mapping = suggest_mapping(lists)
    columns = mapping.columns["families"]
    assert columns["full_name"] == "Naam moeder"  # trailing space gone
    assert columns["referred_on"] == "Datum aanmelding"
    assert "Naam (oud)" not in columns.values()  # the hidden column
    assert mapping.columns["volunteers"]["first_name"] == "Prénom"
    assert mapping.values["referrer"]["ocmw gent"] == "ocmw"
    assert mapping.values["referrer"]["k&g"] == "kind_en_gezin"
    assert mapping.values["language"]["neerlandais"] == "nl"


def test_a_messy_branch_moves_in_and_a_coordinator_finds_everything(empty_case_file, lists):
    outcome = _import(empty_case_file, lists)
    plan = outcome.plan
    assert outcome.backup is not None and outcome.backup.is_file()
    assert plan.count(Kind.families, Action.create) == 4
    assert plan.count(Kind.volunteers, Action.create) == 2
    assert plan.count(Kind.matches, Action.create) == 2
    reasons = {(p.kind, p.row): p.reasons for p in plan.problems}
    assert reasons[(Kind.families, 7)] == ("Geboortedatum kind 2: 31/02/2019 bestaat niet",)
    assert reasons[(Kind.families, 9)] == ("Postcode: 9999 is geen Belgische postcode.",)
    assert reasons[(Kind.families, 12)] == ("dubbel met rij 5",)
    assert len(reasons[(Kind.families, 13)]) == 1
    assert reasons[(Kind.families, 13)][0].startswith("Datum aanmelding: een formule")
    assert "Niemand Bekend" in reasons[(Kind.matches, 3)][0]

    with empty_case_file.session() as session:
        waiting = waiting_list(session=session, today=TODAY)
        assert [row.name for row in waiting] == ["Özlem Yılmaz"]  # Fatima got her volunteer
        families = {row.name: row for row in list_families(session=session, today=TODAY)}
        assert families["Fatima El Amrani"].status == FamilyStatus.active
        assert families["Marie Dubois"].status == FamilyStatus.active
        assert families["Łukasz Wróbel"].status == FamilyStatus.closed
        assert families["Marie Dubois"].municipality == "Brussel"
        file = load_family(
            session=session, family_id=families["Özlem Yılmaz"].family_id, today=TODAY
        )
        assert file.family.phone == "0470 12 34 56"
        assert file.family.single_parent is True
        assert file.family.waiting_since == dt.date(2025, 2, 10)
        assert file.referral.referred_on == dt.date(2025, 2, 3)
        assert file.referral.category == "ocmw"
        assert [c.birth_date for c in file.children] == [dt.date(2024, 5, 1)]
        assert [step.to_status for step in file.timeline] == ["referred", "intake_done", "waiting"]
        bart = session.exec(_by_name(Volunteer, "Bart")).one()
        assert bart.status == VolunteerStatus.matched
        assert bart.birth_date == dt.date(1975, 3, 3)
        trajectory = session.exec(_of(Trajectory, volunteer_id=bart.id)).one()
        assert trajectory.status == TrajectoryStatus.active
        assert (trajectory.start_on, trajectory.weekday, trajectory.half_day) == (
            dt.date(2025, 3, 3),
            1,
            "afternoon",
        )
        visits = session.exec(_of(Visit, trajectory_id=trajectory.id)).all()
        assert visits and all(v.on.weekday() == 1 and v.on >= TODAY for v in visits)
        assert session.exec(_of(Review, trajectory_id=trajectory.id)).all()
        audits = session.exec(_of(AuditEvent, action="import.done")).all()
        assert len(audits) == 1 and "Yılmaz" not in audits[0].detail


def test_importing_the_same_lists_again_changes_nothing(empty_case_file, lists):
    _import(empty_case_file, lists)
    before = row_counts(empty_case_file)
    again = _import(empty_case_file, lists)
    assert not again.plan.writes
    assert again.plan.count(Kind.families, Action.unchanged) == 4
    assert again.plan.count(Kind.volunteers, Action.unchanged) == 2
    assert row_counts(empty_case_file) == before


def test_a_row_imported_before_is_updated_or_skipped_as_chosen(empty_case_file, tmp_path):
    path = families_workbook(tmp_path / "gezinnen.xlsx")
    tables = load_tables([Source(Kind.families, path)])
    _import(empty_case_file, tables)
    book = openpyxl.load_workbook(path)
    book.active["B5"] = "0499 99 99 99"  # Özlem has a new phone number
    book.save(path)
    tables = load_tables([Source(Kind.families, path)])
    skipped = _import(empty_case_file, tables, existing="skip")
    assert skipped.plan.count(Kind.families, Action.skip) == 3  # Marie waits for her volunteer
    updated = _import(empty_case_file, tables)
    # Recognised by her name and her child's birth date, though the phone changed.
    assert updated.plan.count(Kind.families, Action.update) == 1
    assert updated.plan.count(Kind.families, Action.create) == 0
    with empty_case_file.session() as session:
        rows = {r.name: r for r in list_families(session=session, today=TODAY)}
        file = load_family(session=session, family_id=rows["Özlem Yılmaz"].family_id, today=TODAY)
        assert file.family.phone == "0499 99 99 99"


def test_all_or_nothing_refuses_the_whole_import_when_a_row_has_a_problem(empty_case_file, lists):
    before = row_counts(empty_case_file)
    with pytest.raises(ValidationError) as refused:
        _import(empty_case_file, lists, skip_problem_rows=False)
    assert "5 rijen hebben een probleem" in str(refused.value)
    after = row_counts(empty_case_file)
    assert after == before


def test_a_cancelled_import_leaves_the_file_as_it_was(empty_case_file, tmp_path):
    tables = load_tables([Source(Kind.families, families_workbook(tmp_path / "g.xlsx", extra=400))])
    before = row_counts(empty_case_file)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3  # the coordinator presses Cancel while it writes

    with pytest.raises(ImportCancelled):
        run_import(
            empty_case_file,
            tables=tables,
            mapping=suggest_mapping(tables),
            today=TODAY,
            cancelled=cancelled,
        )
    assert row_counts(empty_case_file) == before


def test_a_thousand_rows_come_in_on_the_waiting_list_in_the_order_they_waited(
    empty_case_file, tmp_path
):
    tables = load_tables(
        [Source(Kind.families, families_workbook(tmp_path / "groot.xlsx", extra=1000))]
    )
    outcome = _import(empty_case_file, tables)
    # Marie's volunteer is in no list of this import: her row waits for a correction.
    assert outcome.plan.count(Kind.families, Action.create) == 1003
    with empty_case_file.session() as session:
        waiting = waiting_list(session=session, today=TODAY)
    assert len(waiting) == 1002  # Özlem, Fatima (no matches list here) and the 1,000
    # The app counts waiting from the referral date: the list keeps the workbook's order of it.
    assert [w.referred_on for w in waiting] == sorted(w.referred_on for w in waiting)
    assert waiting[0].referred_on == dt.date(2024, 1, 1)
    assert len({w.reference for w in waiting}) == len(waiting)


def test_the_problem_workbook_holds_the_skipped_rows_with_a_problem_column(
    empty_case_file, lists, tmp_path
):
    outcome = _import(empty_case_file, lists)
    saved = write_problem_workbook(outcome.plan, tmp_path / "problemen.xlsx")
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames == ["Gezinnen", "Lopende koppelingen"]
    rows = list(book["Gezinnen"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Rij", "Probleem", "Naam moeder")
    assert [(r[0], r[1]) for r in rows[1:3]] == [
        (7, "Geboortedatum kind 2: 31/02/2019 bestaat niet"),
        (9, "Postcode: 9999 is geen Belgische postcode."),
    ]
    assert rows[1][2] == "Ioana Țurcanu"


def test_csv_lists_in_every_encoding_and_separator_read_the_same(tmp_path):
    tables = []
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        for delimiter in (";", ","):
            path = matches_csv(
                tmp_path / f"k-{encoding}-{delimiter == ','}.csv",
                encoding=encoding,
                delimiter=delimiter,
            )
            tables.append(load_tables([Source(Kind.matches, path)])[Kind.matches])
    first = tables[0]
    assert [c.header for c in first.columns][:2] == ["Gezin", "Vrijwilliger"]
    assert all(t.rows == first.rows and t.columns == first.columns for t in tables)


def test_a_preview_writes_nothing(empty_case_file, lists):
    before = row_counts(empty_case_file)
    with empty_case_file.session() as session:
        plan = build_plan(
            session=session, tables=lists, mapping=suggest_mapping(lists), today=TODAY
        )
    assert plan.count(Kind.families, Action.create) == 4
    assert row_counts(empty_case_file) == before


def _by_name(model, first_name: str):
    from sqlmodel import select

    return select(model).where(model.first_name == first_name)


def _of(model, **where):
    from sqlmodel import select

    query = select(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return query
