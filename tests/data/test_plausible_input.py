"""What a person can plausibly type, checked in data/ for every write path (message per field).

Names that would print misleadingly (a right-to-left override turns "Jan" around, an ANSI
escape colours a terminal, a NUL cuts a C string), texts no one types by hand, and dates in
the year 1 or 9999 are refused; invisible characters in other one-line fields are dropped and
notes keep only their line breaks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.intake import CaregiverIn, record_intake
from homestart_desktop.data.families.referrals import register_referral
from homestart_desktop.data.families.register import list_families
from homestart_desktop.data.intervision import coaching
from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.models import Caregiver, Family, FamilyStatus, Visit
from homestart_desktop.data.planning.blocked_periods import add_blocked_period
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.settings_checks import save_checked_settings
from homestart_desktop.data.validation import (
    NAME_LENGTH,
    NOTE_LENGTH,
    ValidationError,
    multi_line,
    single_line,
)
from homestart_desktop.data.volunteers.expenses import ExpenseIn, add_expense
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer
from homestart_desktop.i18n import set_language
from tests.builders import matched_pair
from tests.data.families.test_referrals import TODAY, intake, referral

RLO = "\u202e"
SNEAKY = [f"Jan{RLO}sneeJ", "Jan\x00", "\x1b[31mJan", "Jan\nPeeters", "Jan\tPeeters", "Jan\u2066"]
REFUSED_NAME = "Typ dit zonder regeleinden, tabs of onzichtbare tekens."


def _refused(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.problems


@pytest.mark.parametrize("name", SNEAKY)
def test_a_referral_with_control_characters_in_a_name_is_refused_and_nothing_is_stored(
    empty_case_file, name
):
    with empty_case_file.session() as session:
        for field in ("first_name", "last_name", "organisation", "contact"):
            problems = _refused(
                lambda field=field: register_referral(
                    session=session, referral=referral(**{field: name}), today=TODAY
                )
            )
            assert problems == {field: REFUSED_NAME}
        assert list_families(session=session, today=TODAY) == []


def test_the_message_is_in_the_coordinators_language(empty_case_file):
    with empty_case_file.session() as session:
        for lang, words in (("fr", "caractère invisible"), ("en", "invisible characters")):
            set_language(lang)
            problems = _refused(
                lambda: register_referral(
                    session=session, referral=referral(first_name=SNEAKY[0]), today=TODAY
                )
            )
            assert words in problems["first_name"]


def test_a_caregiver_at_intake_is_refused_beside_their_own_field(empty_case_file):
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(), today=TODAY)
        second = CaregiverIn(first_name="Anna", last_name=f"Peeters{RLO}")
        form = intake()
        form = dataclasses.replace(form, caregivers=(*form.caregivers, second))
        problems = _refused(
            lambda: record_intake(
                session=session, family_id=saved.family_id, intake=form, today=TODAY
            )
        )
    assert problems == {f"caregivers.{len(form.caregivers) - 1}.last_name": REFUSED_NAME}


def test_one_line_fields_lose_invisible_characters_and_notes_keep_their_line_breaks(
    empty_case_file,
):
    note = "Eerste lijn\r\nTweede\x00 lijn\u202e\tmet tab\n"
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(question=note), today=TODAY)
        form = dataclasses.replace(
            intake(), street="Kerk\u200fstraat\x1b 12\n", life_events="Verhuis\n\nnieuwe job\x07"
        )
        record_intake(session=session, family_id=saved.family_id, intake=form, today=TODAY)
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
    assert file.referral.question == "Eerste lijn\nTweede lijn met tab"
    assert file.family.street == "Kerkstraat 12"
    assert file.family.life_events == "Verhuis\n\nnieuwe job"


def test_text_no_one_types_by_hand_is_refused_and_the_limits_themselves_are_fine(
    empty_case_file,
):
    with empty_case_file.session() as session:
        problems = _refused(
            lambda: register_referral(
                session=session,
                referral=referral(first_name="a" * 100_000, question="b" * (NOTE_LENGTH + 1)),
                today=TODAY,
            )
        )
        assert problems == {
            "first_name": "Hier passen hoogstens 100 tekens in (nu zijn het er 100.000).",
            "question": "Hier passen hoogstens 20.000 tekens in (nu zijn het er 20.001).",
        }
        register_referral(
            session=session,
            referral=referral(first_name="a" * NAME_LENGTH, question="b" * NOTE_LENGTH),
            today=TODAY,
        )


def test_a_referral_in_the_year_1_gets_no_code(empty_case_file):
    with empty_case_file.session() as session:
        problems = _refused(
            lambda: register_referral(
                session=session, referral=referral(referred_on=dt.date(1, 1, 1)), today=TODAY
            )
        )
        assert problems == {"referred_on": "Deze datum ligt vóór 01/01/2000. Kijk het jaartal na."}
        assert session.exec(select(Family)).all() == []


def test_the_branchs_founding_year_moves_the_earliest_date(empty_case_file):
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_checked_settings(session=session, settings=settings.replace(founded_year=1995))
        register_referral(
            session=session, referral=referral(referred_on=dt.date(1996, 5, 1)), today=TODAY
        )
        problems = _refused(
            lambda: register_referral(
                session=session, referral=referral(referred_on=dt.date(1994, 5, 1)), today=TODAY
            )
        )
    assert problems == {"referred_on": "Deze datum ligt vóór 01/01/1995. Kijk het jaartal na."}


def test_births_go_back_to_1900_and_plans_reach_further_than_events(empty_case_file):
    with empty_case_file.session() as session:
        problems = _refused(
            lambda: add_volunteer(
                session=session,
                volunteer_in=VolunteerIn(first_name="Jef", birth_date=dt.date(1899, 12, 31)),
                today=TODAY,
            )
        )
        assert "birth_date" in problems
        volunteer = add_volunteer(
            session=session, volunteer_in=VolunteerIn(first_name="Jef"), today=TODAY
        )
        talk = coaching.TalkIn(
            volunteer_id=volunteer.id, on=dt.date(2026, 3, 1), next_on=dt.date(2030, 3, 1)
        )
        coaching.save_talk(session=session, data=talk)  # a plan four years ahead is fine
        problems = _refused(
            lambda: coaching.save_talk(
                session=session, data=dataclasses.replace(talk, on=dt.date(2029, 3, 1))
            )
        )
        assert list(problems) == ["on"] and problems["on"].startswith("Deze datum ligt na ")
        problems = _refused(
            lambda: add_expense(
                session=session,
                volunteer_id=volunteer.id,
                expense_in=ExpenseIn(on=dt.date(1, 1, 1), km="12"),
                today=TODAY,
            )
        )
        assert problems == {"on": "Deze datum ligt vóór 01/01/2000. Kijk het jaartal na."}
        problems = _refused(
            lambda: add_blocked_period(
                session=session,
                starts_on=dt.date(9999, 12, 24),
                ends_on=dt.date(9999, 12, 31),
                label="Kerstvakantie",
                today=dt.date(2026, 12, 2),
            )
        )
        assert set(problems) == {"starts_on", "ends_on"}


def test_intervision_names_are_refused_and_follow_up_problems_say_which_action(empty_case_file):
    data = iv.SessionIn(
        on=dt.date(2026, 3, 12),
        theme="Grenzen stellen",
        facilitator=f"An{RLO} Peeters",
        follow_ups=(iv.FollowUpIn("Brochure delen", who="Jef\x1b[2J"),),
    )
    with empty_case_file.session() as session:
        problems = _refused(lambda: iv.save_session(session=session, data=data))
    assert problems == {
        "facilitator": REFUSED_NAME,
        "follow_ups": f"Opvolgactie 1: {REFUSED_NAME}",
    }


def test_the_branch_name_in_settings_is_refused_and_other_settings_lose_invisible_characters(
    empty_case_file,
):
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        problems = _refused(
            lambda: save_checked_settings(
                session=session, settings=settings.replace(branch_name=f"Gent{RLO}")
            )
        )
        assert problems == {"branch_name": REFUSED_NAME}
        save_checked_settings(
            session=session,
            settings=settings.replace(street="Kouter\t1\u202e", non_profit_aim="Lijn 1\nLijn 2"),
        )
        stored = load_settings(session=session)
    assert (stored.street, stored.non_profit_aim) == ("Kouter 1", "Lijn 1\nLijn 2")


def test_a_row_written_around_every_form_is_still_checked(empty_case_file):
    """The last guard: a write path that forgot its form check stores nothing misleading."""
    with pytest.raises(ValidationError) as caught, empty_case_file.session() as session:
        family = Family(reference="GZ-2026-001", status=FamilyStatus.waiting, street="Dorp\t1")
        session.add(family)
        session.flush()
        session.add(Caregiver(family_id=family.id, first_name=f"Jan{RLO}"))
    assert caught.value.problems == {"first_name": REFUSED_NAME}
    with pytest.raises(ValidationError) as caught, empty_case_file.session() as session:
        matched_pair(
            session, family="GZ-2026-002", volunteer="VW-2026-001", start_on=dt.date(2026, 1, 5)
        )
        session.add(Visit(trajectory_id=1, on=dt.date(9999, 1, 1)))
    assert list(caught.value.problems) == ["on"]
    with empty_case_file.session() as session:
        assert session.exec(select(Family)).all() == []  # both transactions rolled back
        family = Family(reference="GZ-2026-003", status=FamilyStatus.waiting, street="Dorp\t1")
        session.add(family)
    with empty_case_file.session() as session:
        assert session.exec(select(Family.street)).one() == "Dorp 1"


def test_cleaning_rules():
    assert single_line("Jan\u202e\x00 Peeters\r\n") == "Jan Peeters  "
    assert multi_line("a\r\nb\rc\u2028d\te\x1b") == "a\nb\nc\nd e"
    assert single_line("Ravi\u200dKumar") == "Ravi\u200dKumar"  # a joiner Indic names need
