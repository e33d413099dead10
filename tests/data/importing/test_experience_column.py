"""A volunteers' list with an experience column: its header in Dutch, French or English, the
words of one cell split into the volunteer file's experience tags, shown in the preview, stored.
Synthetic workbooks, invented people only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select

from homestart_desktop.data.importing.fields import Kind, fold
from homestart_desktop.data.importing.mapping import suggest_mapping
from homestart_desktop.data.importing.plan import Action, Options, build_plan
from homestart_desktop.data.importing.run import Source, load_tables, run_import
from homestart_desktop.data.importing.words import summary_lines
from homestart_desktop.data.models import Volunteer
from homestart_desktop.domain.matching_words import experience_words
from homestart_desktop.i18n import current_language, set_language
from tests.data.importing.workbooks import TODAY

HEADERS = {
    "nl": ["Voornaam", "Achternaam", "Geboortedatum", "GSM", "Postcode", "Ervaring"],
    "fr": ["Prénom", "Nom", "Date de naissance", "Téléphone", "Code postal", "Expérience"],
    "en": ["First name", "Last name", "Date of birth", "Phone", "Postcode", "Experience"],
}


def _workbook(path: Path, lang: str, experience: dict[str, str | None]) -> Path:
    """Two volunteers (Anna, Bart), each with the experience cell given (None: empty)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS[lang])
    people = {
        "Anna": ["Anna", "Peeters", dt.datetime(1960, 5, 12), "0478 12 12 12", 9000],
        "Bart": ["Bart", "Janssens", dt.datetime(1975, 3, 3), "0479 34 34 34", 9050],
    }
    for first_name, cells in people.items():
        sheet.append([*cells, experience.get(first_name)])
    book.save(path)
    return path


def _tables(path: Path) -> dict:
    return load_tables([Source(Kind.volunteers, path)])


def _tags(case_file) -> dict[str, list[str]]:
    with case_file.session() as session:
        return {v.first_name: list(v.experience_tags) for v in session.exec(select(Volunteer))}


def test_one_cell_is_split_into_its_words():
    assert experience_words("baby's, tieners; meerlingen") == ["baby's", "tieners", "meerlingen"]
    assert experience_words("bébés et ados / Tieners + tieners") == ["bébés", "ados", "Tieners"]
    assert experience_words("") == []


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_experience_header_is_recognised_in_every_language(tmp_path: Path, lang: str):
    tables = _tables(_workbook(tmp_path / "vrijwilligers.xlsx", lang, {}))
    mapping = suggest_mapping(tables)
    assert mapping.columns["volunteers"]["experience_tags"] == HEADERS[lang][-1]


def test_the_words_become_tags_in_the_preview_and_in_the_volunteer_file(
    empty_case_file, tmp_path: Path
):
    path = _workbook(
        tmp_path / "vrijwilligers.xlsx",
        "nl",
        {"Anna": "baby's, tieners; meerlingen", "Bart": "Nieuwkomers en pubers"},
    )
    tables = _tables(path)
    mapping = suggest_mapping(tables)
    # The values page lists each word once, already linked to its tag.
    assert mapping.values["experience"] == {
        "baby s": "newborn",
        "tieners": "teenagers",
        "meerlingen": "twins",
        "nieuwkomers": "newcomers",
        "pubers": "teenagers",
    }
    language = current_language()
    set_language("nl")
    try:
        with empty_case_file.session() as session:
            plan = build_plan(session=session, tables=tables, mapping=mapping, today=TODAY)
        assert not plan.problems
        assert "Ervaring met gezinnen: Baby's 1, Tieners 2, Tweelingen en meerlingen 1, " + (
            "Nieuwkomers 1"
        ) in summary_lines(plan)
    finally:
        set_language(language)

    run_import(empty_case_file, tables=tables, mapping=mapping, options=Options(), today=TODAY)
    assert _tags(empty_case_file) == {
        "Anna": ["newborn", "teenagers", "twins"],
        "Bart": ["teenagers", "newcomers"],
    }


def test_a_word_the_app_does_not_know_is_a_problem_until_it_is_linked(
    empty_case_file, tmp_path: Path
):
    path = _workbook(tmp_path / "vrijwilligers.xlsx", "fr", {"Anna": "bébés, paardrijden"})
    tables = _tables(path)
    mapping = suggest_mapping(tables)
    with empty_case_file.session() as session:
        plan = build_plan(session=session, tables=tables, mapping=mapping, today=TODAY)
    (problem,) = plan.problems
    assert "paardrijden" in "; ".join(problem.reasons)
    assert plan.count(Kind.volunteers, Action.create) == 1  # Bart, without experience

    mapping.values["experience"][fold("paardrijden")] = "disability"  # the coordinator links it
    run_import(empty_case_file, tables=tables, mapping=mapping, options=Options(), today=TODAY)
    assert _tags(empty_case_file) == {"Anna": ["newborn", "disability"], "Bart": []}


def test_a_new_experience_cell_updates_a_volunteer_and_an_empty_one_keeps_the_tags(
    empty_case_file, tmp_path: Path
):
    first = _workbook(tmp_path / "eerst.xlsx", "en", {"Anna": "babies", "Bart": "twins"})
    tables = _tables(first)
    run_import(
        empty_case_file, tables=tables, mapping=suggest_mapping(tables), options=Options(),
        today=TODAY,
    )  # fmt: skip
    again = _workbook(tmp_path / "opnieuw.xlsx", "en", {"Anna": "babies, teenagers"})
    tables = _tables(again)
    outcome = run_import(
        empty_case_file, tables=tables, mapping=suggest_mapping(tables), options=Options(),
        today=TODAY,
    )  # fmt: skip
    assert outcome.plan.count(Kind.volunteers, Action.update) == 1
    assert outcome.plan.count(Kind.volunteers, Action.unchanged) == 1
    assert _tags(empty_case_file) == {"Anna": ["newborn", "teenagers"], "Bart": ["twins"]}
