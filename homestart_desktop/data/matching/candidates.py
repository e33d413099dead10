"""Plain values for matching, read from the case file: waiting families, volunteers, the rules.

The scoring itself is in ``homestart_desktop/matching.py``; this module only gathers what it
needs in a handful of queries (never one per family) and hands over frozen values. The writes
(propose, introduction, confirm, withdraw) are in ``data/matching/steps.py``, the matches under
way in ``data/matching/under_way.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, func, select

from homestart_desktop.data.families.waiting import waiting_since_of
from homestart_desktop.data.matching.under_way import MatchRow, open_matches
from homestart_desktop.data.models import (
    Availability,
    Caregiver,
    Child,
    Family,
    FamilyStatus,
    Gender,
    HalfDay,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
    VolunteerStatus,
    VolunteerStatusChange,
)
from homestart_desktop.data.postcodes import municipality_name, postcode_coordinates
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.domain import matching, matching_whole_list
from homestart_desktop.domain import waiting as wait
from homestart_desktop.i18n import current_language

OPEN_TRAJECTORY = (
    TrajectoryStatus.proposed,
    TrajectoryStatus.introduced,
    TrajectoryStatus.active,
    TrajectoryStatus.paused,
)
NEWBORN_DAYS = 183  # a child under six months (or on the way) makes "newborn" experience count
NEWCOMER_YEARS = 5  # DOMAIN.md: less than five years in Belgium


@dataclasses.dataclass(frozen=True)
class WaitingFamily:
    """One line of the matching screen's waiting list."""

    family_id: int
    reference: str
    name: str
    municipality: str
    waiting_since: dt.date | None
    waiting_days: int | None


@dataclasses.dataclass(frozen=True)
class MatchingInput:
    families: tuple[matching.FamilyFacts, ...]
    volunteers: tuple[matching.VolunteerFacts, ...]
    rules: matching.Rules


def rules_from(settings: BranchSettings) -> matching.Rules:
    """The branch's matching settings as the pure logic's rules."""
    weights = matching.Weights(
        distance=settings.match_weight_distance,
        languages=settings.match_weight_languages,
        half_days=settings.match_weight_half_days,
        experience=settings.match_weight_experience,
        wishes=settings.match_weight_wishes,
        volunteer_waiting=settings.match_weight_volunteer_waiting,
    )
    return matching.Rules(
        weights=weights,
        neighbourhood_km=float(settings.match_neighbourhood_km),
        family_wait_priority=settings.match_family_wait_priority,
    )


def _codes(languages: list[str] | None) -> tuple[str, ...]:
    # Typed by hand ("NL, Tr"): compare codes in one case.
    return tuple(code.strip().lower() for code in languages or () if code.strip())


def _age(birth: dt.date, today: dt.date) -> int:
    return max(today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day)), 0)


_FAMILY_COLUMNS = (
    Family.id,
    Family.reference,
    Family.status,
    Family.waiting_since,
    Family.postcode,
    Family.twins,
    Family.physical_disability,
    Family.psychological_vulnerability,
    Family.preferred_slots,
    Family.volunteer_gender_preference,
    Family.wished_experience,
    Family.smoking_at_home,
    Family.pets_at_home,
    Family.pets_description,
    Family.no_volunteer_from_neighbourhood,
)


def _family_facts(
    session: Session, families: list[Any], today: dt.date
) -> list[matching.FamilyFacts]:
    # Plain columns (rows with the same attribute names), not live ORM objects: much faster.
    ids = [f.id for f in families]
    carers: dict[int, list[Any]] = defaultdict(list)
    for c in session.exec(
        select(
            Caregiver.family_id,
            Caregiver.first_name,
            Caregiver.last_name,
            Caregiver.gender,
            Caregiver.languages,
            Caregiver.arrival_year,
        )
        .where(col(Caregiver.family_id).in_(ids))
        .order_by(Caregiver.position, Caregiver.id)
    ):
        carers[c.family_id].append(c)
    kids: dict[int, list[Any]] = defaultdict(list)
    for child in session.exec(
        select(Child.family_id, Child.birth_date, Child.due_date).where(
            col(Child.family_id).in_(ids)
        )
    ):
        kids[child.family_id].append(child)
    since_of = waiting_since_of(
        session=session, statuses={f.id: f.status for f in families}, today=today
    )
    facts = []
    for family in families:
        people, children = carers[family.id], kids[family.id]
        ages = tuple(
            _age(c.birth_date, today) if c.birth_date else 0
            for c in children
            if c.birth_date or c.due_date
        )
        newborn = any(
            (c.birth_date is None and c.due_date is not None)
            or (c.birth_date is not None and (today - c.birth_date).days < NEWBORN_DAYS)
            for c in children
        )
        newcomer = any(
            c.arrival_year is not None and today.year - c.arrival_year < NEWCOMER_YEARS
            for c in people
        )
        needs = {
            "twins": family.twins,
            "disability": family.physical_disability,
            "psychological": family.psychological_vulnerability,
            "newborn": newborn,
            "newcomers": newcomer,
        }
        role = {Gender.female: "mother", Gender.male: "father"}
        name = f"{people[0].first_name} {people[0].last_name}".strip() if people else ""
        facts.append(
            matching.FamilyFacts(
                id=family.id,
                reference=family.reference,
                name=name,
                waiting_since=since_of[family.id],
                caregivers=tuple(
                    matching.Caregiver(role.get(c.gender, ""), _codes(c.languages)) for c in people
                ),
                child_ages=ages,
                needs=frozenset(k for k, v in needs.items() if v)
                | frozenset(family.wished_experience or ()),
                slots=tuple(family.preferred_slots or ()),
                gender_preference=str(family.volunteer_gender_preference),
                smoking_at_home=family.smoking_at_home,
                pets_at_home=family.pets_at_home,
                pets_description=family.pets_description,
                no_neighbour=family.no_volunteer_from_neighbourhood,
                location=postcode_coordinates(family.postcode),
                postcode=family.postcode,
            )
        )
    return facts


_VOLUNTEER_COLUMNS = (
    Volunteer.id,
    Volunteer.reference,
    Volunteer.first_name,
    Volunteer.last_name,
    Volunteer.status,
    Volunteer.extract_issued_on,
    Volunteer.agreement_signed_on,
    Volunteer.course_completed_on,
    Volunteer.max_families,
    Volunteer.gender,
    Volunteer.languages,
    Volunteer.experience_tags,
    Volunteer.has_car,
    Volunteer.has_bike,
    Volunteer.uses_public_transport,
    Volunteer.max_travel_km,
    Volunteer.child_age_min,
    Volunteer.child_age_max,
    Volunteer.accepts_smoking,
    Volunteer.accepts_pets,
    Volunteer.postcode,
)


def _volunteer_facts(session: Session, settings: BranchSettings) -> list[matching.VolunteerFacts]:
    # Plain columns, not ORM rows: building 800 live objects costs more than the matching itself.
    volunteers = session.exec(
        select(*_VOLUNTEER_COLUMNS)
        .where(Volunteer.status != VolunteerStatus.stopped)
        .order_by(Volunteer.reference)
    ).all()
    slots: dict[int, list[str]] = defaultdict(list)
    for volunteer_id, weekday, half_day in session.exec(
        select(Availability.volunteer_id, Availability.weekday, Availability.half_day)
    ):
        slots[volunteer_id].append(f"{matching.WEEKDAY_CODES[weekday]}-{HalfDay(half_day).value}")
    open_count: dict[int, int] = defaultdict(int)
    for volunteer_id in session.exec(
        select(Trajectory.volunteer_id).where(col(Trajectory.status).in_(OPEN_TRAJECTORY))
    ):
        open_count[volunteer_id] += 1
    # The last time they became free counts.
    available_since: dict[int, dt.date] = dict(
        session.exec(
            select(VolunteerStatusChange.volunteer_id, func.max(VolunteerStatusChange.on))
            .where(VolunteerStatusChange.to_status == VolunteerStatus.available)
            .group_by(VolunteerStatusChange.volunteer_id)
        ).all()
    )
    facts = []
    keys = tuple(c.key for c in _VOLUNTEER_COLUMNS)
    for row in volunteers:
        v = dict(zip(keys, row, strict=True))
        places = v["max_families"] if settings.match_several_families else 1
        missing = [
            name
            for name, done in (
                ("extract", v["extract_issued_on"]),
                ("agreement", v["agreement_signed_on"]),
                ("course", v["course_completed_on"]),
            )
            if done is None
        ]
        facts.append(
            matching.VolunteerFacts(
                id=v["id"],
                reference=v["reference"],
                name=f"{v['first_name']} {v['last_name']}".strip(),
                status=VolunteerStatus(v["status"]).value,
                onboarding_missing=tuple(missing),
                free_places=max(places - open_count[v["id"]], 0),
                gender=Gender(v["gender"]).value,
                languages=_codes(v["languages"]),
                experience_tags=tuple(v["experience_tags"] or ()),
                slots=tuple(slots[v["id"]]),
                has_car=v["has_car"],
                has_bike=v["has_bike"],
                uses_public_transport=v["uses_public_transport"],
                max_travel_km=float(v["max_travel_km"]),
                child_age_min=v["child_age_min"],
                child_age_max=v["child_age_max"],
                accepts_smoking=v["accepts_smoking"],
                accepts_pets=v["accepts_pets"],
                available_since=available_since.get(v["id"], v["course_completed_on"]),
                location=postcode_coordinates(v["postcode"]),
            )
        )
    return facts


def load_matching_input(
    *, session: Session, today: dt.date, family_ids: list[int] | None = None
) -> MatchingInput:
    """Waiting families (or the ones asked for), every volunteer not stopped, and the rules."""
    query = select(*_FAMILY_COLUMNS)
    if family_ids is None:
        query = query.where(Family.status == FamilyStatus.waiting)
    else:
        query = query.where(col(Family.id).in_(family_ids))
    families = list(session.exec(query))
    facts = _family_facts(session, families, today)
    facts.sort(key=lambda f: wait.longest_waiting_first(f.waiting_since, f.reference, today))
    settings = load_settings(session=session)
    return MatchingInput(
        families=tuple(facts),
        volunteers=tuple(_volunteer_facts(session, settings)),
        rules=rules_from(settings),
    )


def waiting_families(*, session: Session, today: dt.date) -> list[WaitingFamily]:
    """The waiting list as matching sees it: longest waiting first (``domain.waiting``)."""
    lang = current_language()
    families = session.exec(select(Family).where(Family.status == FamilyStatus.waiting)).all()
    names: dict[int, str] = {}
    for family_id, first, last in session.exec(
        select(Caregiver.family_id, Caregiver.first_name, Caregiver.last_name)
        .where(col(Caregiver.family_id).in_([f.id for f in families]))
        .order_by(Caregiver.position.desc(), Caregiver.id.desc())  # the first one wins
    ):
        names[family_id] = f"{first} {last}".strip()
    since_of = waiting_since_of(
        session=session, statuses={f.id: f.status for f in families}, today=today
    )
    rows = []
    for family in families:
        since = since_of[family.id]
        rows.append(
            WaitingFamily(
                family_id=family.id,
                reference=family.reference,
                name=names.get(family.id, ""),
                municipality=municipality_name(family.postcode, lang),
                waiting_since=since,
                waiting_days=wait.waiting_days(since, today),
            )
        )
    return sorted(
        rows, key=lambda r: wait.longest_waiting_first(r.waiting_since, r.reference, today)
    )


def rank_family(*, session: Session, family_id: int, today: dt.date) -> matching.Ranking:
    """The volunteers for one family, best first, with who is excluded and why."""
    data = load_matching_input(session=session, today=today, family_ids=[family_id])
    if not data.families:
        raise LookupError(family_id)
    pool = matching.VolunteerPool(data.volunteers)
    return matching.rank_volunteers(data.families[0], pool, data.rules, today)


def propose_whole_list(*, session: Session, today: dt.date) -> tuple[matching.ProposalLine, ...]:
    """A volunteer for every waiting family at once (a proposal; nothing is stored)."""
    data = load_matching_input(session=session, today=today)
    pool = matching.VolunteerPool(data.volunteers)
    return matching_whole_list.propose_for_waiting_list(data.families, pool, data.rules, today)


@dataclasses.dataclass(frozen=True)
class MatchingScreenData:
    """Everything the Matching screen shows, loaded at once; ranking then needs no database."""

    waiting: list[WaitingFamily]
    matches: list[MatchRow]
    families: dict[int, matching.FamilyFacts]
    pool: matching.VolunteerPool
    rules: matching.Rules


def load_matching_screen(*, session: Session, today: dt.date) -> MatchingScreenData:
    """The waiting list, the matches under way and the facts to rank any waiting family."""
    data = load_matching_input(session=session, today=today)
    lang = current_language()
    waiting = [
        WaitingFamily(
            family_id=f.id,
            reference=f.reference,
            name=f.name,
            municipality=municipality_name(f.postcode, lang),
            waiting_since=f.waiting_since,
            waiting_days=matching.waiting_days(f, today),
        )
        for f in data.families
    ]
    return MatchingScreenData(
        waiting=waiting,
        matches=open_matches(session=session),
        families={f.id: f for f in data.families},
        pool=matching.VolunteerPool(data.volunteers),
        rules=data.rules,
    )
