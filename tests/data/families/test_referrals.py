"""Families in the data layer: referral, intake, waiting list, every status step, the timeline."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.intake import (
    CaregiverIn,
    ChildIn,
    IntakeIn,
    plan_intake,
    record_intake,
)
from homestart_desktop.data.families.referrals import (
    ReferralIn,
    archive_family,
    change_status,
    correct_referral,
    re_refer,
    register_referral,
)
from homestart_desktop.data.families.register import list_families, waiting_list
from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    Gender,
    IntakeOutcome,
    ReferrerCategory,
)
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.workflow import FAMILY_STEPS, IllegalStep

TODAY = dt.date(2026, 3, 10)


def referral(**changes: object) -> ReferralIn:
    values: dict[str, object] = dict(
        referred_on=dt.date(2026, 2, 2),
        category=ReferrerCategory.clb,
        first_name="Özlem",
        last_name="Yılmaz",
        phone="0470 12 34 56",
        postcode="9000",
        organisation="CLB Gent",
        question="Steun bij de opvoeding",
        inform_referrer=True,
    )
    values.update(changes)
    return ReferralIn(**values)


def intake(**changes: object) -> IntakeIn:
    values: dict[str, object] = dict(
        done_on=dt.date(2026, 2, 20),
        coordinator="An Peeters",
        caregivers=(
            CaregiverIn("Özlem", "Yılmaz", 1994, Gender.female, ("tr", "nl"), True, 2019),
            CaregiverIn("Jef", "Van den Broeck", 1990, Gender.male, ("nl",)),
        ),
        children=(
            ChildIn("Elif", dt.date(2022, 5, 1)),
            ChildIn("", due_date=dt.date(2026, 6, 1)),
        ),
        outcome=IntakeOutcome.waiting_list,
        postcode="9000",
        street="Sint-Pietersnieuwstraat 3",
        flags=frozenset({"kg_income", "small_network"}),
        support_questions=("parenting", "language"),
        preferred_slots=("tue-morning", "thu-afternoon"),
        scores={"wellbeing": 2, "parenting": 3},
        statement_version="1",
        statement_signed_on=dt.date(2026, 2, 20),
    )
    values.update(changes)
    return IntakeIn(**values)


def test_a_referral_gets_a_code_and_status_referred(empty_case_file) -> None:
    with empty_case_file.session() as session:
        first = register_referral(session=session, referral=referral(), today=TODAY)
        second = register_referral(
            session=session, referral=referral(first_name="Łukasz"), today=TODAY
        )
    assert (first.reference, second.reference) == ("GZ-2026-001", "GZ-2026-002")
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=first.family_id, today=TODAY)
        rows = list_families(session=session, today=TODAY)
    assert file.family.status == FamilyStatus.referred
    assert file.name == "Özlem Yılmaz"
    assert file.municipality == "Gent"
    assert file.referral.category == ReferrerCategory.clb and file.referral.inform_referrer
    assert [c.to_status for c in file.timeline] == [FamilyStatus.referred]
    assert file.waiting_days == 36
    assert {r.name for r in rows} == {"Özlem Yılmaz", "Łukasz Yılmaz"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_name": "  "}, "first_name"),
        ({"category": None}, "category"),
        ({"referred_on": None}, "referred_on"),
        ({"referred_on": dt.date(2026, 4, 1)}, "referred_on"),
        ({"postcode": "0000"}, "postcode"),
        ({"postcode": ""}, "postcode"),
        ({"phone": "bel me"}, "phone"),
        ({"phone": "12345"}, "phone"),
    ],
)
def test_bad_referral_is_refused_beside_its_field(empty_case_file, changes, field) -> None:
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        register_referral(session=session, referral=referral(**changes), today=TODAY)
    assert list(refused.value.problems) == [field]
    with empty_case_file.session() as session:
        assert list_families(session=session, today=TODAY) == []


def test_intake_puts_the_family_on_the_waiting_list_with_its_timeline(empty_case_file) -> None:
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(), today=TODAY)
        plan_intake(
            session=session,
            family_id=saved.family_id,
            planned_on=dt.date(2026, 2, 20),
            today=dt.date(2026, 2, 5),
        )
        record_intake(session=session, family_id=saved.family_id, intake=intake(), today=TODAY)
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
        waiting = waiting_list(session=session, today=TODAY)
    assert [c.to_status for c in file.timeline] == [
        FamilyStatus.referred,
        FamilyStatus.intake_planned,
        FamilyStatus.intake_done,
        FamilyStatus.waiting,
    ]
    assert [c.on for c in file.timeline][1:] == [
        dt.date(2026, 2, 5),
        dt.date(2026, 2, 20),
        dt.date(2026, 2, 20),
    ]
    assert file.family.waiting_since == dt.date(2026, 2, 20)
    assert [c.first_name for c in file.caregivers] == ["Özlem", "Jef"]
    assert file.caregivers[0].languages == ("tr", "nl") and file.caregivers[0].interpreter_needed
    assert file.children[1].due_date == dt.date(2026, 6, 1)
    assert file.family.kg_income and file.family.small_network and not file.family.kg_work
    assert file.intake.score_wellbeing == 2 and file.intake.score_school is None
    assert [(r.reference, r.waiting_days) for r in waiting] == [("GZ-2026-001", 36)]
    assert waiting[0].preferred_slots == ("tue-morning", "thu-afternoon")
    assert waiting[0].languages == ("tr", "nl")


def test_intake_not_started_keeps_the_reason_and_can_be_referred_again(empty_case_file) -> None:
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(), today=TODAY)
        record_intake(
            session=session,
            family_id=saved.family_id,
            intake=intake(outcome=IntakeOutcome.referred_elsewhere, outcome_reason="naar CAW"),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
        assert file.family.status == FamilyStatus.not_started
        assert "naar CAW" in file.timeline[-1].reason
        assert "doorverwezen" in file.timeline[-1].reason
        re_refer(
            session=session,
            family_id=saved.family_id,
            referral=referral(referred_on=dt.date(2026, 3, 9), category=ReferrerCategory.caw),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
    assert file.family.status == FamilyStatus.referred
    assert len(file.referrals) == 2 and file.referral.category == ReferrerCategory.caw
    assert file.waiting_days == 1
    assert len(file.timeline) == 4
    assert file.intake is None and len(file.intakes) == 1  # the new referral gets a new intake


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"children": (ChildIn("Elif", dt.date(2026, 5, 1)),)}, "children.0.birth_date"),
        ({"children": (ChildIn("", due_date=dt.date(2026, 3, 1)),)}, "children.0.due_date"),
        ({"children": (ChildIn("", due_date=dt.date(2027, 3, 1)),)}, "children.0.due_date"),
        ({"children": (ChildIn("Elif"),)}, "children.0.birth_date"),
        ({"caregivers": (CaregiverIn("Özlem", birth_year=2018),)}, "caregivers.0.birth_year"),
        ({"caregivers": (CaregiverIn("Özlem", birth_year=1928),)}, "caregivers.0.birth_year"),
        ({"caregivers": (CaregiverIn("", birth_year=1990),)}, "caregivers.0.first_name"),
        ({"caregivers": (CaregiverIn("Özlem", phone="abc"),)}, "caregivers.0.phone"),
        ({"postcode": "9999"}, "postcode"),
        ({"statement_signed_on": dt.date(2026, 1, 5)}, "statement_signed_on"),
        ({"done_on": dt.date(2026, 1, 5)}, "done_on"),
        ({"outcome": None}, "outcome"),
        ({"scores": {"wellbeing": 7}}, "scores.wellbeing"),
    ],
)
def test_bad_intake_is_refused_and_nothing_is_half_saved(empty_case_file, changes, field) -> None:
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(), today=TODAY)
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        record_intake(
            session=session, family_id=saved.family_id, intake=intake(**changes), today=TODAY
        )
    assert field in refused.value.problems
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
    assert file.family.status == FamilyStatus.referred
    assert [c.first_name for c in file.caregivers] == ["Özlem"] and file.children == ()


def test_every_legal_step_is_taken_and_every_illegal_one_refused(empty_case_file) -> None:
    with empty_case_file.session() as session:
        family_id = register_referral(session=session, referral=referral(), today=TODAY).family_id
    for current, new in itertools.product(FamilyStatus, FamilyStatus):
        with empty_case_file.session() as session:
            family = session.get(Family, family_id)
            family.status = current
            session.add(family)
        legal = new in FAMILY_STEPS[current]
        try:
            with empty_case_file.session() as session:
                change_status(
                    session=session, family_id=family_id, to_status=new, reason="test", today=TODAY
                )
        except IllegalStep as refused:
            assert not legal, (current, new)
            assert "kan niet" in str(refused)
        else:
            assert legal, (current, new)
        with empty_case_file.session() as session:
            status = session.get(Family, family_id).status
        assert status == (new if legal else current)


def test_archiving_needs_a_reason_and_keeps_history(empty_case_file) -> None:
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(), today=TODAY)
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        archive_family(session=session, family_id=saved.family_id, reason="", today=TODAY)
    assert "reason" in refused.value.problems
    with empty_case_file.session() as session:
        archive_family(
            session=session, family_id=saved.family_id, reason="dubbel aangemeld", today=TODAY
        )
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
    assert file.family.status == FamilyStatus.archived
    assert [c.reason for c in file.timeline] == ["", "dubbel aangemeld"]


def test_a_referral_can_be_corrected_without_changing_status(empty_case_file) -> None:
    with empty_case_file.session() as session:
        saved = register_referral(session=session, referral=referral(), today=TODAY)
        referral_id = load_family(
            session=session, family_id=saved.family_id, today=TODAY
        ).referral.id
        correct_referral(
            session=session,
            family_id=saved.family_id,
            referral_id=referral_id,
            referral=referral(last_name="Yılmaz-Kaya", postcode="1000", language="fr"),
            today=TODAY,
        )
        file = load_family(session=session, family_id=saved.family_id, today=TODAY)
    assert file.name == "Özlem Yılmaz-Kaya"
    assert file.municipality == "Brussel"
    assert file.family.language == "fr"
    assert len(file.timeline) == 1
