"""The intake at home: plan it, record it (household, situation, questions, practicalities,
baseline scores, consent) and its outcome: onto the waiting list, or not started with a reason.

Everything is checked before anything is written, so a refused intake leaves the file as it was.
Recording again corrects the same intake; the status only moves when the outcome changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from sqlmodel import Session, col, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families import checks as check
from homestart_desktop.data.families.intake_choices import (
    INTAKE_OUTCOMES,
    KG_CRITERIA,
    SITUATION_FLAGS,
    SUPPORT_QUESTIONS,
)
from homestart_desktop.data.families.referrals import _audit, _family, _record_step
from homestart_desktop.data.models import (
    OUTCOME_AREAS,
    Caregiver,
    Child,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Gender,
    GenderPreference,
    Intake,
    IntakeOutcome,
    Referral,
)
from homestart_desktop.data.privacy.consent import (
    ConsentIn,
    check_consent,
    family_consent,
    privacy_statements,
    save_consent,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.validation import (
    FIRST_EVENT_YEAR,
    Problems,
    ValidationError,
    check_fields,
    check_typed,
    first_year,
)
from homestart_desktop.data.workflow import IllegalStep, check_step
from homestart_desktop.i18n import LANGUAGES, _

FLAGS = tuple(name for name, _label in KG_CRITERIA + SITUATION_FLAGS)


@dataclasses.dataclass(frozen=True)
class CaregiverIn:
    first_name: str
    last_name: str = ""
    birth_year: int | None = None
    gender: Gender = Gender.unknown
    languages: tuple[str, ...] = ()
    interpreter_needed: bool = False
    arrival_year: int | None = None
    phone: str = ""


@dataclasses.dataclass(frozen=True)
class ChildIn:
    first_name: str = ""
    birth_date: dt.date | None = None
    due_date: dt.date | None = None
    gender: Gender = Gender.unknown


@dataclasses.dataclass(frozen=True)
class IntakeIn:
    """Everything the intake conversation records; ``flags`` names the situation boxes ticked."""

    done_on: dt.date | None
    coordinator: str
    caregivers: tuple[CaregiverIn, ...]
    children: tuple[ChildIn, ...]
    outcome: IntakeOutcome | None
    outcome_reason: str = ""
    single_parent: bool = False
    street: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    language: str | None = None  # None keeps the language chosen at referral
    flags: frozenset[str] = frozenset()
    life_events: str = ""
    services_involved: str = ""
    support_questions: tuple[str, ...] = ()
    support_question_text: str = ""
    preferred_slots: tuple[str, ...] = ()
    volunteer_gender_preference: GenderPreference = GenderPreference.none
    wished_experience: tuple[str, ...] = ()  # domain.matching_words.EXPERIENCE_TAGS
    smoking_at_home: bool = False
    pets_at_home: bool = False
    pets_description: str = ""
    scores: Mapping[str, int | None] = dataclasses.field(default_factory=dict)
    # The consent part (data/privacy/consent.py); None leaves the family's record as it is.
    statement_version: str | None = None
    statement_signed_on: dt.date | None = None
    inform_referrer: bool | None = None


def plan_intake(
    *,
    session: Session,
    family_id: int,
    planned_on: dt.date | None,
    coordinator: str = "",
    today: dt.date,
) -> Changes:
    """Plan (or move) the intake visit; a referred family becomes *intake planned*."""
    problems = Problems()
    check.required(problems, "planned_on", planned_on)
    check_fields(
        problems,
        today=today,
        first_year=first_year(session=session),
        planned_on=planned_on,
        coordinator=coordinator,
    )
    problems.raise_if_any()
    family = _family(session, family_id)
    intake = _current_intake(session, family_id)
    intake.planned_on = planned_on
    intake.coordinator = coordinator.strip() or intake.coordinator
    session.add(intake)
    if family.status != FamilyStatus.intake_planned:
        _record_step(session, family, FamilyStatus.intake_planned, today)
    return Changes(families=True)


def _latest_referral(session: Session, family_id: int) -> Referral | None:
    return session.exec(
        select(Referral)
        .where(Referral.family_id == family_id)
        .order_by(Referral.referred_on.desc(), Referral.id.desc())
    ).first()


def _current_intake(session: Session, family_id: int) -> Intake:
    referral = _latest_referral(session, family_id)
    referral_id = referral.id if referral else None
    found = session.exec(
        select(Intake).where(Intake.family_id == family_id, Intake.referral_id == referral_id)
    ).first()
    return found or Intake(family_id=family_id, referral_id=referral_id)


def check_intake(
    intake: IntakeIn,
    *,
    referred_on: dt.date | None,
    today: dt.date,
    since: int = FIRST_EVENT_YEAR,
) -> None:
    """Refuse the intake with every problem by field name (``caregivers.0.birth_year``, ...)."""
    problems = Problems()
    check.required(problems, "done_on", intake.done_on)
    check.not_in_future(problems, "done_on", intake.done_on, today)
    if intake.done_on and referred_on and intake.done_on < referred_on:
        problems.add("done_on", _("The intake cannot take place before the referral."))
    check.required(problems, "outcome", intake.outcome)
    if not intake.caregivers:
        problems.add("caregivers", _("Add at least one parent or caregiver."))
    for index, person in enumerate(intake.caregivers):
        prefix = f"caregivers.{index}"
        check.required(problems, f"{prefix}.first_name", person.first_name)
        check.birth_year(problems, f"{prefix}.birth_year", person.birth_year, today)
        check.arrival_year(
            problems, f"{prefix}.arrival_year", person.arrival_year, person.birth_year, today
        )
        check.phone(problems, f"{prefix}.phone", person.phone)
    for index, child in enumerate(intake.children):
        check.child_dates(problems, f"children.{index}", child.birth_date, child.due_date, today)
    check.postcode(problems, "postcode", intake.postcode)
    check.phone(problems, "phone", intake.phone)
    check.email(problems, "email", intake.email)
    check.consent_date(
        problems, "statement_signed_on", intake.statement_signed_on, referred_on, today
    )
    if intake.language is not None and intake.language not in LANGUAGES:
        problems.add("language", _("Choose Dutch, French or English."))
    for area, score in intake.scores.items():
        if area not in OUTCOME_AREAS or (score is not None and not 0 <= score <= 5):
            problems.add(f"scores.{area}", _("A score goes from 0 to 5."))
    unknown = set(intake.flags) - set(FLAGS)
    unknown |= set(intake.support_questions) - set(SUPPORT_QUESTIONS)
    if unknown:
        raise ValueError(f"unknown codes: {sorted(unknown)}")
    check_typed(problems, intake, today=today, first_year=since)  # after the pointed messages
    problems.raise_if_any()


def record_intake(*, session: Session, family_id: int, intake: IntakeIn, today: dt.date) -> Changes:
    """Store the intake and its outcome: *intake done*, then *waiting* or *not started*."""
    family = _family(session, family_id)
    referral = _latest_referral(session, family_id)
    referred_on = referral.referred_on if referral else None
    consent = consent_of(intake)
    problems = Problems()
    for check_part in (
        lambda: check_intake(
            intake, referred_on=referred_on, today=today, since=first_year(session=session)
        ),
        lambda: check_consent(
            consent,
            record=family_consent(session=session, family_id=family_id),
            statements=privacy_statements(load_settings(session=session)),
            referred_on=referred_on,
            today=today,
        ),
    ):
        try:
            check_part()
        except ValidationError as refused:
            for field, message in refused.problems.items():
                problems.add(field, message)
    problems.raise_if_any()
    assert intake.done_on is not None and intake.outcome is not None
    target = (
        FamilyStatus.waiting
        if intake.outcome == IntakeOutcome.waiting_list
        else FamilyStatus.not_started
    )
    # Check the steps before writing anything.
    if family.status in (FamilyStatus.referred, FamilyStatus.intake_planned):
        steps = [FamilyStatus.intake_done, target]
    elif family.status == FamilyStatus.intake_done:
        steps = [target]
    elif family.status == target or (
        target == FamilyStatus.waiting and family.status not in (FamilyStatus.not_started,)
    ):
        steps = []  # a correction that keeps the outcome (or support has started since)
    elif family.status == FamilyStatus.not_started:
        # Back on the list only with a reason and a choice about its date (back_on_list.py).
        raise IllegalStep(
            _("Put the family back on the waiting list from its file, with a reason.")
        )
    else:
        steps = [target]
    current = family.status
    for step in steps:
        check_step(current, step)
        current = step
    _apply(session, family, intake)
    row = _current_intake(session, family_id)
    if row.done_on is not None and row.done_on != intake.done_on:
        _carry_corrected_date(session, family, row.done_on, intake.done_on)
    row.done_on = intake.done_on
    row.coordinator = intake.coordinator.strip()
    row.outcome = intake.outcome
    row.outcome_reason = intake.outcome_reason.strip()
    for area in OUTCOME_AREAS:
        setattr(row, f"score_{area}", intake.scores.get(area))
    session.add(row)
    for step in steps:
        reason = _outcome_reason(intake) if step == FamilyStatus.not_started else ""
        _record_step(session, family, step, intake.done_on, reason)
    _audit(session, "family.intake", family_id, intake.outcome.value)
    changes = save_consent(
        session=session, family_id=family_id, consent=consent, today=today, referred_on=referred_on
    )
    return Changes(families=True) | changes


def consent_of(intake: IntakeIn) -> ConsentIn:
    """The intake's consent part, agreed or withdrawn on the day of the intake."""
    return ConsentIn(
        statement_version=intake.statement_version,
        statement_signed_on=intake.statement_signed_on,
        inform_referrer=intake.inform_referrer,
        inform_referrer_on=intake.done_on,
    )


def _carry_corrected_date(session: Session, family: Family, was: dt.date, now: dt.date) -> None:
    """A corrected intake date moves what the intake wrote on its date (docs/figures.md,
    "Corrected dates"): *on the waiting list since* when the intake set it, and the intake's own
    steps in the history (to intake done, waiting or not started), which a rematch's wait reads."""
    if family.waiting_since == was:
        family.waiting_since = now
        session.add(family)
    for change in session.exec(
        select(FamilyStatusChange).where(
            FamilyStatusChange.family_id == family.id,
            FamilyStatusChange.on == was,
            col(FamilyStatusChange.from_status).in_(INTAKE_STEPS_FROM),
            col(FamilyStatusChange.to_status).in_(INTAKE_STEPS_TO),
        )
    ):
        change.on = now
        session.add(change)


# The steps an intake takes (record_intake): from before the intake to its outcome.
INTAKE_STEPS_FROM = (FamilyStatus.referred, FamilyStatus.intake_planned, FamilyStatus.intake_done)
INTAKE_STEPS_TO = (FamilyStatus.intake_done, FamilyStatus.waiting, FamilyStatus.not_started)


def _outcome_reason(intake: IntakeIn) -> str:
    label = _(INTAKE_OUTCOMES[intake.outcome])
    return f"{label}. {intake.outcome_reason.strip()}".strip() if intake.outcome_reason else label


def _apply(session: Session, family: Family, intake: IntakeIn) -> None:
    family.single_parent = intake.single_parent
    family.street = intake.street.strip()
    family.postcode = intake.postcode.strip()
    family.phone = intake.phone.strip()
    family.email = intake.email.strip()
    family.language = intake.language or family.language
    for name in FLAGS:
        setattr(family, name, name in intake.flags)
    family.life_events = intake.life_events.strip()
    family.services_involved = intake.services_involved.strip()
    family.support_questions = list(intake.support_questions)
    family.support_question_text = intake.support_question_text.strip()
    family.preferred_slots = list(intake.preferred_slots)
    family.volunteer_gender_preference = intake.volunteer_gender_preference
    family.wished_experience = list(intake.wished_experience)
    family.smoking_at_home = intake.smoking_at_home
    family.pets_at_home = intake.pets_at_home
    family.pets_description = intake.pets_description.strip()
    session.add(family)
    # The household as it is now replaces the household as it was (the timeline keeps the steps).
    for old in session.exec(select(Caregiver).where(Caregiver.family_id == family.id)):
        session.delete(old)
    for old in session.exec(select(Child).where(Child.family_id == family.id)):
        session.delete(old)
    session.flush()
    for position, person in enumerate(intake.caregivers):
        values = dataclasses.asdict(person)
        values["languages"] = list(person.languages)
        values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        session.add(Caregiver(family_id=family.id, position=position, **values))
    for child in intake.children:
        values = dataclasses.asdict(child)
        values["first_name"] = child.first_name.strip()
        session.add(Child(family_id=family.id, **values))
