"""Finding a family by typing: accents, case, any household member, code, postcode, municipality."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homestart_desktop.data.families.intake import CaregiverIn, ChildIn, IntakeIn, record_intake
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.families.register import list_families
from homestart_desktop.data.models import IntakeOutcome, ReferrerCategory
from homestart_desktop.domain.search import matches, normalise, query_terms, search_key


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Özlem Yılmaz", "ozlem yilmaz"),
        ("Łukasz Wróbel", "LUKASZ WROBEL"),
        ("Ioana Țurcanu", "turcanu"),
        ("Наталія Коваленко", "наталія"),
        ("Fatima El Amrani", "el amr"),
        ("Jef Van den Broeck", "van den"),
        ("Zoë D'Hondt", "zoe d'hondt"),
    ],
)
def test_typing_without_accents_or_capitals_finds_the_name(written: str, typed: str) -> None:
    assert matches(normalise(written), query_terms(typed))


def test_every_word_typed_must_be_found() -> None:
    key = normalise("GZ-2026-014 9000 Gent Özlem Yılmaz Elif")
    assert matches(key, query_terms("elif gent"))
    assert not matches(key, query_terms("elif brugge"))


@pytest.fixture
def families(empty_case_file):
    today = dt.date(2026, 3, 10)
    with empty_case_file.session() as session:
        for first, last, postcode, child in (
            ("Özlem", "Yılmaz", "9000", "Elif"),
            ("Наталія", "Коваленко", "2000", "Софія"),
            ("Ioana", "Țurcanu", "1030", "Ștefan"),
        ):
            saved = register_referral(
                session=session,
                referral=ReferralIn(
                    dt.date(2026, 2, 1), ReferrerCategory.ocmw, first, last, postcode=postcode
                ),
                today=today,
            )
            record_intake(
                session=session,
                family_id=saved.family_id,
                intake=IntakeIn(
                    done_on=dt.date(2026, 2, 10),
                    coordinator="",
                    caregivers=(CaregiverIn(first, last), CaregiverIn("Jef", "Peeters")),
                    children=(ChildIn(child, dt.date(2021, 1, 1)),),
                    outcome=IntakeOutcome.waiting_list,
                    postcode=postcode,
                ),
                today=today,
            )
        return list_families(session=session, today=today)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("stefan", ["Ioana Țurcanu"]),
        ("ELI", ["Özlem Yılmaz"]),
        ("софі", ["Наталія Коваленко"]),
        ("antwerpen", ["Наталія Коваленко"]),
        ("schaarbeek", ["Ioana Țurcanu"]),
        ("gz-2026-002", ["Наталія Коваленко"]),
        ("9000", ["Özlem Yılmaz"]),
        ("peeters", ["Özlem Yılmaz", "Наталія Коваленко", "Ioana Țurcanu"]),
    ],
)
def test_a_family_is_found_by_any_member_code_postcode_or_place(families, typed, found) -> None:
    terms = query_terms(typed)
    assert [row.name for row in families if matches(row.search_key, terms)] == found


_LETTERS = st.characters(categories=("Lu", "Ll"), max_codepoint=0x052F)  # Latin, Greek, Cyrillic


@settings(max_examples=200, deadline=None)
@given(st.text(_LETTERS, min_size=1, max_size=20))
def test_a_name_is_found_however_its_capitals_are_typed(name: str) -> None:
    key = search_key(["GZ-2026-001", name])
    assert matches(key, query_terms(name.upper()))
    assert matches(key, query_terms(name.lower()))
    assert normalise(normalise(name)) == normalise(name)
