"""Properties over random branches: no suggestion breaks a hard constraint, the explanation is the
score, and the whole-list proposal is the best one possible (checked by brute force)."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homestart_desktop.domain.matching import (
    HALF_DAYS,
    WEEKDAY_CODES,
    Caregiver,
    FamilyFacts,
    Rules,
    VolunteerFacts,
    VolunteerPool,
    Weights,
    rank_volunteers,
)
from homestart_desktop.domain.matching_whole_list import (
    best_assignment,
    gain_matrix,
    propose_for_waiting_list,
)

TODAY = dt.date(2026, 11, 26)
PLACES = [
    (51.0397, 3.7141),  # Gent
    (51.0393, 3.7610),  # Gentbrugge
    (51.0893, 3.8300),  # Lochristi
    (50.9430, 4.0390),  # Aalst
    (51.2211, 4.3997),  # Antwerpen
    None,  # a postcode without coordinates
]
SLOTS = [f"{d}-{h}" for d in WEEKDAY_CODES[:5] for h in HALF_DAYS[:2]]
LANGS = ["nl", "fr", "ar", "tr", "uk"]
NEEDS = ["twins", "disability", "psychological", "newborn", "newcomers"]

slots = st.lists(st.sampled_from(SLOTS), max_size=4, unique=True).map(tuple)
languages = st.lists(st.sampled_from(LANGS), max_size=3, unique=True).map(tuple)


@st.composite
def families(draw, id: int = 1) -> FamilyFacts:
    return FamilyFacts(
        id=id,
        reference=f"GZ-2026-{id:03d}",
        waiting_since=TODAY - dt.timedelta(days=draw(st.integers(0, 900))),
        caregivers=tuple(
            Caregiver(draw(st.sampled_from(["mother", "father", ""])), draw(languages))
            for _ in range(draw(st.integers(0, 2)))
        ),
        child_ages=tuple(draw(st.lists(st.integers(0, 12), max_size=3))),
        needs=frozenset(draw(st.lists(st.sampled_from(NEEDS), max_size=3))),
        slots=draw(slots),
        gender_preference=draw(st.sampled_from(["none", "none", "female", "male"])),
        smoking_at_home=draw(st.booleans()),
        pets_at_home=draw(st.booleans()),
        no_neighbour=draw(st.booleans()),
        location=draw(st.sampled_from(PLACES)),
    )


@st.composite
def volunteers(draw, id: int = 1) -> VolunteerFacts:
    low = draw(st.none() | st.integers(0, 6))
    return VolunteerFacts(
        id=id,
        reference=f"VW-2025-{id:03d}",
        status=draw(st.sampled_from(["available", "available", "matched", "in_training"])),
        onboarding_missing=draw(st.sampled_from([(), (), ("course",)])),
        free_places=draw(st.integers(0, 2)),
        gender=draw(st.sampled_from(["female", "male", "unknown"])),
        languages=draw(languages),
        experience_tags=tuple(draw(st.lists(st.sampled_from(NEEDS), max_size=3, unique=True))),
        slots=draw(slots),
        has_car=draw(st.booleans()),
        has_bike=draw(st.booleans()),
        max_travel_km=draw(st.integers(1, 40)),
        child_age_min=low,
        child_age_max=None if low is None else low + draw(st.integers(0, 8)),
        accepts_smoking=draw(st.booleans()),
        accepts_pets=draw(st.booleans()),
        available_since=TODAY - dt.timedelta(days=draw(st.integers(0, 400))),
        location=draw(st.sampled_from(PLACES)),
    )


@st.composite
def branches(draw, max_families: int = 6, max_volunteers: int = 8):
    fs = [draw(families(id=i)) for i in range(1, draw(st.integers(1, max_families)) + 1)]
    vs = [draw(volunteers(id=i)) for i in range(1, draw(st.integers(1, max_volunteers)) + 1)]
    weights = Weights(*(draw(st.integers(0, 40)) for _ in range(6)))
    rules = Rules(weights, draw(st.integers(0, 5)), draw(st.integers(0, 100)))
    return fs, vs, rules


def km_between(a, b) -> float | None:
    if a is None or b is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def breaks_a_hard_constraint(f: FamilyFacts, v: VolunteerFacts, rules: Rules) -> bool:
    """Written from the issue's list, independently of the vectorised code."""
    km = km_between(f.location, v.location)
    low = -1 if v.child_age_min is None else v.child_age_min
    high = 99 if v.child_age_max is None else v.child_age_max
    wishes_ages = v.child_age_min is not None or v.child_age_max is not None
    return any(
        [
            v.status not in ("available", "matched"),
            bool(v.onboarding_missing),
            v.free_places <= 0,
            not v.slots,
            bool(f.slots) and not set(f.slots) & set(v.slots),
            km is not None and km > v.max_travel_km,
            f.smoking_at_home and not v.accepts_smoking,
            f.pets_at_home and not v.accepts_pets,
            wishes_ages and bool(f.child_ages) and not any(low <= a <= high for a in f.child_ages),
            f.gender_preference in ("female", "male") and v.gender != f.gender_preference,
            f.no_neighbour and km is not None and km <= rules.neighbourhood_km,
        ]
    )


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(branches())
def test_a_ranking_never_suggests_an_excluded_volunteer(branch):
    fs, vs, rules = branch
    pool = VolunteerPool(vs)
    for f in fs:
        ranking = rank_volunteers(f, pool, rules, TODAY)
        by_id = {v.id: v for v in vs}
        for s in ranking.suggestions:
            assert not breaks_a_hard_constraint(f, by_id[s.volunteer_id], rules)
        for e in ranking.excluded:
            assert breaks_a_hard_constraint(f, by_id[e.volunteer_id], rules)
            assert len(e.texts) == len(e.reasons) >= 1
        assert len(ranking.suggestions) + len(ranking.excluded) == len(vs)
        scores = [s.score for s in ranking.suggestions]
        assert scores == sorted(scores, reverse=True)


@FAST
@given(branches())
def test_the_explanation_is_the_score(branch):
    fs, vs, rules = branch
    for f in fs:
        for s in rank_volunteers(f, VolunteerPool(vs), rules, TODAY).suggestions:
            assert s.score == pytest.approx(sum(factor.points for factor in s.factors))
            for factor in s.factors:
                assert factor.weight == getattr(rules.weights, factor.key)
                assert 0.0 <= factor.value <= 1.0
                assert factor.text


@FAST
@given(branches())
def test_the_whole_list_respects_every_hard_constraint_and_place(branch):
    fs, vs, rules = branch
    lines = propose_for_waiting_list(fs, VolunteerPool(vs), rules, TODAY)
    by_id = {v.id: v for v in vs}
    assert sorted(line.family_id for line in lines) == sorted(f.id for f in fs)
    used: dict[int, int] = {}
    for line, f in ((line, next(f for f in fs if f.id == line.family_id)) for line in lines):
        if line.suggestion:
            v = by_id[line.suggestion.volunteer_id]
            assert not breaks_a_hard_constraint(f, v, rules)
            used[v.id] = used.get(v.id, 0) + 1
            assert used[v.id] <= v.free_places


def brute_force_best(gains, places) -> float:
    rows, cols = gains.shape
    best = 0.0
    options = [None] + list(range(cols))
    for choice in itertools.product(options, repeat=rows):
        counts = [choice.count(c) for c in range(cols)]
        if any(counts[c] > places[c] for c in range(cols)):
            continue
        picked = [gains[r, c] for r, c in enumerate(choice) if c is not None]
        if any(g == -math.inf for g in picked):
            continue
        best = max(best, sum(picked))
    return best


@settings(max_examples=60, deadline=None)
@given(branches(max_families=4, max_volunteers=4))
def test_the_whole_list_is_optimal(branch):
    fs, vs, rules = branch
    pool = VolunteerPool(vs)
    gains, _ = gain_matrix(fs, pool, rules, TODAY)
    chosen = best_assignment(gains, pool.free)
    total = sum(gains[r, c] for r, c in chosen)
    assert total == pytest.approx(brute_force_best(gains, pool.free))
