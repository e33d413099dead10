"""Rows for the demo's families and volunteers: who they are, as the intake and onboarding record.

The profile shares follow DOMAIN.md ("who the families are"): about 45% financially vulnerable
and single parent, 30% around a birth, 44% psychological vulnerability, 7% teen or young
parents, 15% a physical disability, 15% newcomers.
"""

from __future__ import annotations

import datetime as dt
import random

from homestart_desktop.data import models as m
from homestart_desktop.data.demo.names import (
    CHILD_NAMES,
    COORDINATORS,
    name_like,
    phone_number,
    street_address,
)
from homestart_desktop.data.demo.plans import FamilyPlan, VolunteerPlan, days
from homestart_desktop.data.demo.rows import Rows
from homestart_desktop.data.references import FAMILY_PREFIX, VOLUNTEER_PREFIX, format_reference
from homestart_desktop.data.settings import BranchSettings

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SUPPORT_QUESTIONS = (
    "network", "parenting", "paperwork", "school", "language", "leisure", "services", "perinatal",
)  # fmt: skip
REFERRERS: tuple[tuple[m.ReferrerCategory, int, str], ...] = (
    (m.ReferrerCategory.kind_en_gezin, 20, "Kind en Gezin, regioteam Gent"),
    (m.ReferrerCategory.ocmw, 12, "OCMW Gent, Sociaal Huis"),
    (m.ReferrerCategory.huis_van_het_kind, 12, "Huis van het Kind Gent"),
    (m.ReferrerCategory.perinataal_netwerk, 6, "Perinataal netwerk Gent"),
    (m.ReferrerCategory.caw, 6, "CAW Oost-Vlaanderen"),
    (m.ReferrerCategory.zelfaanmelding, 6, ""),
    (m.ReferrerCategory.clb, 5, "Vrij CLB Gent"),
    (m.ReferrerCategory.kinderopvang, 5, "Kinderdagverblijf De Speelboom"),
    (m.ReferrerCategory.ziekenhuis, 5, "AZ Sint-Lucas, materniteit"),
    (m.ReferrerCategory.vroedvrouw, 4, "Vroedvrouwenpraktijk De Wieg"),
    (m.ReferrerCategory.school, 3, "Basisschool De Regenboog"),
    (m.ReferrerCategory.ckg, 3, "CKG De Schommel"),
    (m.ReferrerCategory.een_gezin_een_plan, 3, "1Gezin1Plan Gent"),
    (m.ReferrerCategory.huisarts, 3, "Huisartsenpraktijk De Linde"),
    (m.ReferrerCategory.cgg, 3, "CGG Eclips"),
    (m.ReferrerCategory.wijkgezondheidscentrum, 3, "Wijkgezondheidscentrum De Kaai"),
    (m.ReferrerCategory.ocj, 2, "OCJ Oost-Vlaanderen"),
    (m.ReferrerCategory.buurtwerk, 2, "Buurtwerk Rabot"),
    (m.ReferrerCategory.andere, 2, "Vluchtelingenwerk Vlaanderen"),
)
QUESTIONS = (
    "Mama staat er alleen voor en zoekt iemand om haar hart te luchten.",
    "Het gezin is pas verhuisd en kent nog niemand in de buurt.",
    "Na de bevalling heeft mama nood aan rust en een luisterend oor.",
    "Ouders willen hulp bij de papieren en het vinden van kinderopvang.",
    "De oudste heeft moeite op school; ouders willen leren hoe ze kunnen helpen.",
    "Het gezin wil meer buitenkomen en activiteiten in de buurt leren kennen.",
    "Mama wil Nederlands oefenen en de weg leren vinden naar diensten.",
)
LIFE_EVENTS = ("Scheiding", "Verhuis", "Overlijden in de familie", "Jobverlies", "Ziekenhuisopname")
SERVICES = ("Kind en Gezin", "OCMW", "CAW", "CGG", "Huisarts", "CLB", "Thuisbegeleiding")
MOTIVATIONS = (
    "Ik ben met pensioen en wil mijn tijd zinvol besteden bij een gezin.",
    "Zelf had ik als jonge mama graag zo iemand gehad.",
    "Ik werk deeltijds en wil iets doen voor gezinnen in mijn buurt.",
    "Ik ben grootouder op afstand en mis het contact met kleine kinderen.",
)
EXPERIENCE = (
    "Moeder van drie, vroeger onthaalouder.",
    "Gewezen kleuterjuf.",
    "Vrijwilliger in een speelpleinwerking en bij de Voedselbank.",
    "Verpleegkundige op rust, ervaring op een materniteit.",
    "Weinig ervaring met jonge kinderen, wel veel met mensen.",
)
# Codes of domain.matching_words.EXPERIENCE_TAGS; six of them, so the seeded draws stay the same.
EXPERIENCE_TAGS = ("newborn", "twins", "disability", "psychological", "newcomers", "teenagers")
STOP_REASONS = {
    "personal": "Persoonlijke redenen",
    "not_a_fit": "Geen goede match met de werking na het kennismakingsgesprek",
}


def _references(plans: list, date_of, prefix: str) -> dict[int, str]:
    """Codes per year in the order the files were opened, as the app would have given them."""
    counters: dict[int, int] = {}
    codes: dict[int, str] = {}
    for plan in sorted(plans, key=lambda p: (date_of(p), p.index)):
        year = date_of(plan).year
        counters[year] = counters.get(year, 0) + 1
        codes[plan.index] = format_reference(prefix, year, counters[year])
    return codes


def _status_changes(rows: Rows, model, owner: str, owner_id: int, timeline) -> None:
    for on, old, new, reason in timeline.steps:
        rows.add(model, **{owner: owner_id}, on=on, from_status=old, to_status=new, reason=reason)


# ---- Families


def add_families(rows: Rows, plans: list[FamilyPlan], seed: int, today: dt.date) -> dict[int, int]:
    """Every family with household, referral, intake and history; returns plan index → id."""
    codes = _references(plans, lambda p: p.referred_on, FAMILY_PREFIX)
    ids: dict[int, int] = {}
    for plan in plans:
        rng = random.Random(f"{seed}-family-{plan.index}")
        ids[plan.index] = _add_family(rows, rng, plan, codes[plan.index], today)
    return ids


def _add_family(rows: Rows, rng: random.Random, plan: FamilyPlan, code: str, today: dt.date) -> int:
    origin = plan.origin
    poor = rng.random() < 0.45
    single = rng.random() < (0.6 if poor else 0.3)
    language = "nl"
    if origin.code in ("brussels", "congolese") and rng.random() < 0.6:
        language = "fr"
    elif origin.code in ("ukrainian", "syrian") and rng.random() < 0.4:
        language = "en"
    intake_done = plan.intake_done_on is not None
    family_id = rows.add(
        m.Family,
        reference=code,
        status=plan.timeline.status,
        language=language,
        street=street_address(rng),
        postcode=plan.postcode,
        phone=phone_number(rng),
        single_parent=single,
        kg_income=poor,
        kg_education=rng.random() < (0.5 if poor else 0.2),
        kg_work=rng.random() < (0.6 if poor else 0.2),
        kg_stimulation=rng.random() < (0.3 if poor else 0.1),
        kg_housing=rng.random() < (0.5 if poor else 0.15),
        kg_health=rng.random() < 0.25,
        psychological_vulnerability=rng.random() < 0.44,
        physical_disability=rng.random() < 0.15,
        small_network=rng.random() < 0.6,
        recently_moved=rng.random() < 0.2,
        twins=rng.random() < 0.03,
        life_events=", ".join(rng.sample(LIFE_EVENTS, rng.randint(0, 2))),
        services_involved=", ".join(rng.sample(SERVICES, rng.randint(0, 3))),
        support_questions=rng.sample(SUPPORT_QUESTIONS, rng.randint(1, 3)),
        support_question_text=rng.choice(QUESTIONS),
        preferred_slots=[f"{WEEKDAY_CODES[d]}-{h.value}" for d, h in plan.slots],
        volunteer_gender_preference=m.GenderPreference.male
        if plan.hard_to_match
        else rng.choices(list(m.GenderPreference), weights=[70, 28, 2])[0],
        smoking_at_home=rng.random() < 0.15 or plan.hard_to_match,
        pets_at_home=(pets := rng.random() < 0.3),
        pets_description=rng.choice(("kat", "hond", "twee katten", "konijn")) if pets else "",
        no_volunteer_from_neighbourhood=rng.random() < 0.05,
        waiting_since=plan.waiting_since,
        created_on=plan.referred_on,
    )
    # The draw that once ticked "anonymised reporting" (gone: figures count every family), kept so
    # that every later draw, and so the whole demo branch, stays as it was.
    if intake_done:
        rng.random()
    if plan.intake_done_on is not None:  # the privacy statement is signed at the intake
        _consent(rows, family_id, m.ConsentItem.privacy_statement, plan.intake_done_on)
    _status_changes(rows, m.FamilyStatusChange, "family_id", family_id, plan.timeline)
    _add_household(rows, rng, plan, family_id, single, today)
    category, _weight, organisation = rng.choices(REFERRERS, weights=[r[1] for r in REFERRERS])[0]
    self_referred = category == m.ReferrerCategory.zelfaanmelding
    referral_id = rows.add(
        m.Referral,
        family_id=family_id,
        referred_on=plan.referred_on,
        category=category,
        organisation=organisation,
        contact=""
        if self_referred
        else f"{rng.choice(('Lies', 'Ann', 'Tom', 'Nadia'))}, 09 000 00 00",
        question=rng.choice(QUESTIONS),
        inform_referrer=(inform := not self_referred and rng.random() < 0.8),
    )
    if inform:
        _consent(rows, family_id, m.ConsentItem.inform_referrer, plan.referred_on)
    if plan.intake_planned_on is not None:
        scores = {}
        if intake_done:
            scores = {
                f"score_{area}": rng.choices(range(6), [4, 20, 35, 25, 12, 4])[0]
                for area in m.OUTCOME_AREAS
            }
        rows.add(
            m.Intake,
            family_id=family_id,
            referral_id=referral_id,
            planned_on=plan.intake_planned_on,
            done_on=plan.intake_done_on,
            coordinator=COORDINATORS[0] if plan.referred_on.year % 3 else COORDINATORS[1],
            outcome=plan.outcome,
            outcome_reason=""
            if plan.outcome in (None, m.IntakeOutcome.waiting_list)
            else plan.outcome.value,
            **scores,
        )
    return family_id


def _consent(rows: Rows, family_id: int, item: m.ConsentItem, on: dt.date) -> None:
    statement = BranchSettings().privacy_statements[0]
    signed = item == m.ConsentItem.privacy_statement
    rows.add(
        m.ConsentEvent,
        family_id=family_id,
        item=item,
        given=True,
        on=on,
        statement_version=statement["version"] if signed else "",
        statement_dated=dt.date.fromisoformat(statement["dated"]) if signed else None,
        noted_on=on,
    )


def _add_household(
    rows: Rows, rng: random.Random, plan: FamilyPlan, family_id: int, single: bool, today: dt.date
) -> None:
    origin, year = plan.origin, plan.referred_on.year
    last_name = rng.choice(origin.last)
    young = rng.random() < 0.07
    newcomer = rng.random() < origin.newcomer_share
    arrival = None
    if newcomer:
        arrival = year - rng.randint(0, 4)
    elif origin.code not in ("flemish", "brussels") and rng.random() < 0.5:
        arrival = year - rng.randint(6, 25)
    mother_age = rng.randint(17, 22) if young else round(rng.triangular(23, 45, 31))
    adults = [(m.Gender.female, name_like(rng, origin.female, last_name), mother_age)]
    if not single:
        partner = name_like(rng, origin.male, last_name)
        adults.append((m.Gender.male, partner, mother_age + rng.randint(-2, 8)))
    for position, (gender, first_name, age) in enumerate(adults):
        languages = list(origin.languages[: rng.randint(1, len(origin.languages))])
        rows.add(
            m.Caregiver,
            family_id=family_id,
            position=position,
            first_name=first_name,
            last_name=last_name
            if position == 0 or rng.random() < 0.7
            else name_like(rng, origin.last, last_name),
            birth_year=year - age,
            gender=gender,
            languages=languages,
            interpreter_needed=newcomer and "nl" not in languages and rng.random() < 0.6,
            arrival_year=arrival if arrival is None or arrival >= year - age else None,
            phone=phone_number(rng) if position == 0 else "",
        )
    girls, boys = CHILD_NAMES[origin.code]
    around_birth = rng.random() < 0.3
    if around_birth and rng.random() < 0.65:
        youngest = plan.referred_on + days(rng.uniform(20, 200))  # due date, still unborn
    elif around_birth:
        youngest = plan.referred_on - days(rng.uniform(0, 150))
    else:
        youngest = plan.referred_on - days(rng.uniform(180, 9 * 365))
    births = [youngest]
    for _ in range(rng.choices((0, 1, 2, 3), weights=(45, 35, 15, 5))[0]):
        older = births[-1] - days(rng.uniform(1.5 * 365, 4 * 365))
        if (plan.referred_on - older).days < 14 * 365:
            births.append(older)
    for born in births:
        gender = rng.choice((m.Gender.female, m.Gender.male))
        unborn = born > today
        if born > plan.referred_on and not unborn:
            born = born + days(rng.uniform(-14, 10))  # born near the due date
        name = name_like(rng, girls if gender == m.Gender.female else boys, last_name)
        rows.add(
            m.Child,
            family_id=family_id,
            first_name="" if unborn else name,
            birth_date=None if unborn else min(born, today),
            due_date=born if unborn else None,
            gender=m.Gender.unknown if unborn and rng.random() < 0.5 else gender,
        )


# ---- Volunteers


def add_volunteers(
    rows: Rows, plans: list[VolunteerPlan], seed: int, today: dt.date
) -> dict[int, int]:
    """Every volunteer with onboarding dates, availability, training and history."""
    codes = _references(plans, lambda p: p.first_interview_on, VOLUNTEER_PREFIX)
    ids: dict[int, int] = {}
    for plan in plans:
        rng = random.Random(f"{seed}-volunteer-{plan.index}")
        ids[plan.index] = _add_volunteer(rows, rng, plan, codes[plan.index], today)
    return ids


def _add_volunteer(
    rows: Rows, rng: random.Random, plan: VolunteerPlan, code: str, today: dt.date
) -> int:
    origin = plan.origin
    gender = m.Gender.female if rng.random() < 0.85 or plan.wide else m.Gender.male
    last_name = rng.choice(origin.last)
    statuses = [step[2] for step in plan.timeline.steps]
    trained = m.VolunteerStatus.in_training in statuses
    available = m.VolunteerStatus.available in statuses
    extract = info_note = agreement = insurance = course_done = None
    if trained:
        extract = plan.training_from - days(rng.uniform(5, 30))
        info_note = plan.training_from - days(rng.uniform(0, 10))
    if available:
        agreement = plan.available_on - days(rng.uniform(0, 10))
        insurance = agreement + days(rng.uniform(0, 4))
        course_done = plan.available_on - days(rng.uniform(0, 7))
        renewals = (today - extract).days // (3 * 365)
        if renewals and plan.timeline.status != m.VolunteerStatus.stopped:
            # Renewed every three years; now and then the latest renewal is due these weeks,
            # so Today has an extract to ask for, but no one works on one years out of date.
            extract = extract + days(renewals * 3 * 365)
            if rng.random() < 0.15:
                extract = today - days(3 * 365 + rng.uniform(-30, 20))
    received = min(extract + days(rng.uniform(1, 25)), today) if extract else None
    course_end = course_done or plan.available_on - days(3)
    course_days = (
        [d for d in _course_days(plan.training_from, course_end) if d <= today] if trained else []
    )
    languages = ["nl", *[code for code in origin.languages if code != "nl"]]
    languages += [extra for extra in ("fr", "en") if extra not in languages and rng.random() < 0.4]
    volunteer_id = rows.add(
        m.Volunteer,
        reference=code,
        status=plan.timeline.status,
        first_name=name_like(
            rng, origin.female if gender == m.Gender.female else origin.male, last_name
        ),
        last_name=last_name,
        birth_date=plan.first_interview_on - days(rng.triangular(22, 72, 58) * 365.25),
        gender=gender,
        language="fr" if origin.code == "brussels" and rng.random() < 0.5 else "nl",
        street=street_address(rng),
        postcode=plan.postcode,
        phone=phone_number(rng),
        email=f"vrijwilliger{plan.index + 1}@example.org",
        languages=languages,
        motivation=rng.choice(MOTIVATIONS),
        experience_with_children=rng.choice(EXPERIENCE),
        experience_tags=rng.sample(EXPERIENCE_TAGS, rng.randint(0, 3)),
        has_car=rng.random() < 0.6 or plan.wide,
        has_bike=rng.random() < 0.6,
        uses_public_transport=rng.random() < 0.4,
        max_travel_km=rng.choice((15, 20, 25) if plan.wide else (5, 8, 10, 15, 20)),
        child_age_min=0,
        child_age_max=12 if plan.wide else rng.choice((3, 6, 12, 12)),
        accepts_smoking=rng.random() < (0.6 if plan.wide else 0.3),
        accepts_pets=plan.wide or rng.random() < 0.8,
        first_interview_on=plan.first_interview_on,
        extract_issued_on=extract,
        extract_received_on=received,
        info_note_received_on=info_note,
        agreement_signed_on=agreement,
        insurance_registered_on=insurance,
        course_completed_on=course_done,
        course_hours=2.5 * len(course_days),
        stopped_on=plan.stopped_on,
        stop_reason=STOP_REASONS.get(plan.stop_reason, plan.stop_reason),
        created_on=plan.first_interview_on,
    )
    _status_changes(rows, m.VolunteerStatusChange, "volunteer_id", volunteer_id, plan.timeline)
    for weekday, half_day in plan.slots:
        rows.add(m.Availability, volunteer_id=volunteer_id, weekday=weekday, half_day=half_day)
    for number, day in enumerate(course_days, start=1):
        rows.add(
            m.Training,
            volunteer_id=volunteer_id,
            on=day,
            hours=2.5,
            topic=f"Basisvorming {number}/6",
        )
    return volunteer_id


def _course_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """The six sessions of the preparation course, from its first to its last day."""
    gap = max((last - first).days / 5, 1)
    return [first + days(gap * i) for i in range(6)]
