"""Which volunteer fits which waiting family: pure logic on plain values, no Qt, no session.

A volunteer is first checked against the hard constraints (any one excludes); the rest is weighed
by soft factors, each a value between 0 and 1 times its weight (a branch setting). The numbers are
computed once, vectorised over all volunteers, and the explanation of a suggestion is written from
those very numbers, so what the coordinator reads is exactly what counted.

The whole waiting list at once is :mod:`homestart_desktop.domain.matching_whole_list`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import numpy as np

from homestart_desktop.domain import matching_words as words
from homestart_desktop.domain import waiting

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HALF_DAYS = ("morning", "afternoon", "evening")
FACTORS = ("distance", "languages", "half_days", "experience", "wishes", "volunteer_waiting")
# A cyclist is assumed to cycle up to this distance; further a car or the bus is more likely.
CYCLING_KM = 10.0
VOLUNTEER_WAIT_FULL_DAYS = 180
EARTH_RADIUS_KM = 6371.0088


# ---- Plain values in


@dataclasses.dataclass(frozen=True)
class Caregiver:
    role: str  # "mother", "father" or "" (the explanation says "zoals de moeder")
    languages: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class FamilyFacts:
    id: int
    reference: str
    name: str = ""
    waiting_since: dt.date | None = None  # the day its wait began, as ``domain.waiting`` says
    caregivers: tuple[Caregiver, ...] = ()
    child_ages: tuple[int, ...] = ()  # whole years; an unborn child counts as 0
    needs: frozenset[str] = frozenset()  # twins, disability, psychological, newborn, newcomers
    slots: tuple[str, ...] = ()  # "tue-morning"; empty: any half-day suits the family
    gender_preference: str = "none"
    smoking_at_home: bool = False
    pets_at_home: bool = False
    pets_description: str = ""
    no_neighbour: bool = False
    location: tuple[float, float] | None = None  # latitude, longitude of the postcode
    postcode: str = ""


@dataclasses.dataclass(frozen=True)
class VolunteerFacts:
    id: int
    reference: str
    name: str = ""
    status: str = "available"
    onboarding_missing: tuple[str, ...] = ()  # extract, agreement, course
    free_places: int = 1  # families they can still take (settings and open trajectories counted)
    gender: str = "unknown"
    languages: tuple[str, ...] = ()
    experience_tags: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    has_car: bool = False
    has_bike: bool = False
    uses_public_transport: bool = False
    max_travel_km: float = 10.0
    child_age_min: int | None = None
    child_age_max: int | None = None
    accepts_smoking: bool = False
    accepts_pets: bool = True
    available_since: dt.date | None = None
    location: tuple[float, float] | None = None


@dataclasses.dataclass(frozen=True)
class Weights:
    distance: int = 25
    languages: int = 20
    half_days: int = 15
    experience: int = 20
    wishes: int = 10
    volunteer_waiting: int = 10


@dataclasses.dataclass(frozen=True)
class Rules:
    weights: Weights = Weights()
    neighbourhood_km: float = 2.0
    family_wait_priority: int = 50  # percent extra weight per year waited, in the whole list


# ---- Plain values out


@dataclasses.dataclass(frozen=True)
class Factor:
    key: str
    weight: int
    value: float
    text: str

    @property
    def points(self) -> float:
        return self.weight * self.value


@dataclasses.dataclass(frozen=True)
class Suggestion:
    volunteer_id: int
    reference: str
    name: str
    score: float
    factors: tuple[Factor, ...]


@dataclasses.dataclass(frozen=True)
class Exclusion:
    volunteer_id: int
    reference: str
    name: str
    reasons: tuple[str, ...]  # constraint codes, see HARD_CONSTRAINTS
    texts: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Ranking:
    family_id: int
    suggestions: tuple[Suggestion, ...]
    excluded: tuple[Exclusion, ...]


@dataclasses.dataclass(frozen=True)
class ProposalLine:
    family_id: int
    family_reference: str
    family_name: str
    waiting_days: int | None
    suggestion: Suggestion | None


HARD_CONSTRAINTS = (
    "status",
    "onboarding",
    "full",
    "no_slots",
    "no_common_slot",
    "too_far",
    "smoking",
    "pets",
    "child_ages",
    "gender",
    "neighbour",
)


def slot_bit(slot: str) -> int:
    """The bit of a half-day of the week written as ``"tue-morning"``."""
    day, _, half = slot.partition("-")
    return 1 << (WEEKDAY_CODES.index(day) * 3 + HALF_DAYS.index(half))


def slot_mask(slots: Sequence[str]) -> int:
    """All half-days of ``slots`` as one bit mask."""
    mask = 0
    for slot in slots:
        mask |= slot_bit(slot)
    return mask


def slots_of(mask: int) -> list[str]:
    """The half-days of a bit mask, Monday morning first."""
    return [f"{WEEKDAY_CODES[i // 3]}-{HALF_DAYS[i % 3]}" for i in range(21) if mask & (1 << i)]


# ---- The volunteers as arrays


class VolunteerPool:
    """All candidate volunteers as numpy arrays, built once and reused for every family."""

    def __init__(self, volunteers: Sequence[VolunteerFacts]) -> None:
        self.volunteers = tuple(volunteers)
        v = self.volunteers
        self.n = len(v)
        self.eligible = np.array([x.status in ("available", "matched") for x in v], dtype=bool)
        self.onboarded = np.array([not x.onboarding_missing for x in v], dtype=bool)
        self.free = np.array([x.free_places for x in v], dtype=np.int64)
        self.slots = np.array([slot_mask(x.slots) for x in v], dtype=np.int64)
        self.max_km = np.array([x.max_travel_km for x in v], dtype=float)
        self.has_location = np.array([x.location is not None for x in v], dtype=bool)
        self.lat = np.radians([x.location[0] if x.location else 0.0 for x in v])
        self.lon = np.radians([x.location[1] if x.location else 0.0 for x in v])
        self.age_min = np.array(
            [-1 if x.child_age_min is None else x.child_age_min for x in v], dtype=np.int64
        )
        self.age_max = np.array(
            [99 if x.child_age_max is None else x.child_age_max for x in v], dtype=np.int64
        )
        self.has_age_wish = np.array(
            [x.child_age_min is not None or x.child_age_max is not None for x in v], dtype=bool
        )
        self.accepts_smoking = np.array([x.accepts_smoking for x in v], dtype=bool)
        self.accepts_pets = np.array([x.accepts_pets for x in v], dtype=bool)
        self.gender = np.array([x.gender for x in v], dtype=object)
        self._speaks: dict[str, np.ndarray] = {}
        self._knows: dict[str, np.ndarray] = {}
        self.no = np.zeros(self.n, dtype=bool)

    def speaks(self, language: str) -> np.ndarray:
        """Which volunteers speak ``language``."""
        if language not in self._speaks:
            self._speaks[language] = np.array(
                [language in x.languages for x in self.volunteers], dtype=bool
            )
        return self._speaks[language]

    def knows(self, tag: str) -> np.ndarray:
        """Which volunteers have experience with ``tag``."""
        if tag not in self._knows:
            self._knows[tag] = np.array(
                [tag in x.experience_tags for x in self.volunteers], dtype=bool
            )
        return self._knows[tag]

    def waited_days(self, today: dt.date) -> np.ndarray:
        return np.array(
            [
                0 if x.available_since is None else max((today - x.available_since).days, 0)
                for x in self.volunteers
            ],
            dtype=float,
        )


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """One family against every volunteer of a pool: constraint masks, factor values, scores."""

    distance_km: np.ndarray  # nan where a postcode has no coordinates
    violations: dict[str, np.ndarray]
    values: dict[str, np.ndarray]
    scores: np.ndarray

    @property
    def allowed(self) -> np.ndarray:
        bad = np.zeros(len(self.scores), dtype=bool)
        for mask in self.violations.values():
            bad |= mask
        return ~bad


def distances_km(location: tuple[float, float] | None, pool: VolunteerPool) -> np.ndarray:
    """Great-circle kilometres from ``location`` to each volunteer; nan where unknown."""
    if location is None:
        return np.full(pool.n, np.nan)
    lat, lon = np.radians(location[0]), np.radians(location[1])
    a = (
        np.sin((pool.lat - lat) / 2) ** 2
        + np.cos(lat) * np.cos(pool.lat) * np.sin((pool.lon - lon) / 2) ** 2
    )
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return np.where(pool.has_location, km, np.nan)


def evaluate(family: FamilyFacts, pool: VolunteerPool, rules: Rules, today: dt.date) -> Evaluation:
    """Check every volunteer of ``pool`` against ``family``: what excludes them, how well the rest fit."""
    km = distances_km(family.location, pool)
    known = ~np.isnan(km)
    km0 = np.where(known, km, 0.0)
    family_slots = slot_mask(family.slots)
    common = pool.slots & family_slots if family_slots else pool.slots
    common_count = np.bitwise_count(common.astype(np.uint64)).astype(float)
    ages = np.array(family.child_ages, dtype=np.int64)
    if ages.size:
        inside = (ages[None, :] >= pool.age_min[:, None]) & (ages[None, :] <= pool.age_max[:, None])
        inside_count = inside.sum(axis=1)
    else:
        inside_count = np.zeros(pool.n, dtype=np.int64)
    preference = family.gender_preference
    violations = {
        "status": ~pool.eligible,
        "onboarding": ~pool.onboarded,
        "full": pool.free <= 0,
        "no_slots": pool.slots == 0,
        "no_common_slot": (pool.slots != 0) & (common == 0),
        "too_far": known & (km0 > pool.max_km),
        "smoking": ~pool.accepts_smoking if family.smoking_at_home else pool.no,
        "pets": ~pool.accepts_pets if family.pets_at_home else pool.no,
        "child_ages": pool.has_age_wish & (inside_count == 0) if ages.size else pool.no,
        "gender": pool.gender != preference if preference in ("female", "male") else pool.no,
        "neighbour": known & (km0 <= rules.neighbourhood_km) if family.no_neighbour else pool.no,
    }
    shares = [
        np.logical_or.reduce([pool.speaks(lang) for lang in c.languages])
        for c in family.caregivers
        if c.languages
    ]
    needs = sorted(family.needs)
    values = {
        "distance": np.where(known, np.clip(1.0 - km0 / np.maximum(pool.max_km, 1.0), 0, 1), 0),
        "languages": np.mean(shares, axis=0) if shares else np.zeros(pool.n),
        "half_days": np.minimum(common_count, 2.0) / 2.0,
        "experience": (
            np.mean([pool.knows(tag) for tag in needs], axis=0) if needs else np.zeros(pool.n)
        ),
        "wishes": np.where(
            pool.has_age_wish & (ages.size > 0), inside_count / max(ages.size, 1), 1.0
        ),
        "volunteer_waiting": np.minimum(pool.waited_days(today), VOLUNTEER_WAIT_FULL_DAYS)
        / VOLUNTEER_WAIT_FULL_DAYS,
    }
    weights = rules.weights
    scores = sum(getattr(weights, key) * values[key] for key in FACTORS)
    return Evaluation(km, violations, values, np.asarray(scores, dtype=float))


def suggestion_at(
    family: FamilyFacts,
    pool: VolunteerPool,
    rules: Rules,
    evaluation: Evaluation,
    index: int,
    today: dt.date,
) -> Suggestion:
    """The suggestion of volunteer ``index``, each factor explained from the values that counted."""
    volunteer = pool.volunteers[index]
    factors = tuple(
        Factor(
            key=key,
            weight=getattr(rules.weights, key),
            value=float(evaluation.values[key][index]),
            text=words.factor_text(
                key, family, volunteer, float(evaluation.distance_km[index]), today
            ),
        )
        for key in FACTORS
    )
    return Suggestion(
        volunteer.id,
        volunteer.reference,
        volunteer.name,
        float(evaluation.scores[index]),
        factors,
    )


def rank_volunteers(
    family: FamilyFacts, pool: VolunteerPool, rules: Rules, today: dt.date
) -> Ranking:
    """Every volunteer that may visit ``family``, best first; and who is excluded, and why."""
    evaluation = evaluate(family, pool, rules, today)
    allowed = np.flatnonzero(evaluation.allowed)
    order = allowed[np.argsort(-evaluation.scores[allowed], kind="stable")]
    suggestions = tuple(
        suggestion_at(family, pool, rules, evaluation, int(i), today) for i in order
    )
    excluded = []
    for i in np.flatnonzero(~evaluation.allowed):
        volunteer = pool.volunteers[int(i)]
        reasons = tuple(c for c in HARD_CONSTRAINTS if evaluation.violations[c][i])
        km = float(evaluation.distance_km[i])
        texts = tuple(words.exclusion_text(c, family, volunteer, km) for c in reasons)
        excluded.append(
            Exclusion(volunteer.id, volunteer.reference, volunteer.name, reasons, texts)
        )
    # Who nearly fits (one reason) comes first: the coordinator may talk that one over.
    excluded.sort(key=lambda e: (len(e.reasons), e.reference))
    return Ranking(family.id, suggestions, tuple(excluded))


def waiting_days(family: FamilyFacts, today: dt.date) -> int | None:
    """Days the family has waited (``domain.waiting``: from its latest referral)."""
    return waiting.waiting_days(family.waiting_since, today)
