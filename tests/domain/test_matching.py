"""The matching logic on hand-made families and volunteers: what a coordinator would check."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.domain.matching import (
    Caregiver,
    FamilyFacts,
    Rules,
    VolunteerFacts,
    VolunteerPool,
    Weights,
    rank_volunteers,
    slot_mask,
    slots_of,
)
from homestart_desktop.domain.matching_whole_list import propose_for_waiting_list
from homestart_desktop.i18n import set_language

TODAY = dt.date(2026, 11, 26)
GENT = (51.0397129, 3.7141549)
GENTBRUGGE = (51.0393, 3.7610)  # about 3 km east of Gent's centre
ANTWERPEN = (51.2211097, 4.3997081)


def family(**overrides) -> FamilyFacts:
    values = dict(
        id=1,
        reference="GZ-2026-014",
        name="Fatima El Amrani",
        waiting_since=dt.date(2026, 6, 1),
        caregivers=(Caregiver("mother", ("ar", "fr")),),
        child_ages=(0, 3),
        needs=frozenset({"twins"}),
        slots=("tue-morning",),
        location=GENT,
    )
    values.update(overrides)
    return FamilyFacts(**values)


def volunteer(id: int = 1, **overrides) -> VolunteerFacts:
    values = dict(
        id=id,
        reference=f"VW-2025-{id:03d}",
        name="Jef Van den Broeck",
        gender="male",
        languages=("nl", "ar"),
        experience_tags=("twins",),
        slots=("tue-morning", "thu-afternoon"),
        has_bike=True,
        max_travel_km=10,
        available_since=dt.date(2026, 9, 1),
        location=GENTBRUGGE,
    )
    values.update(overrides)
    return VolunteerFacts(**values)


def rank(f: FamilyFacts, *volunteers: VolunteerFacts, rules: Rules | None = None):
    return rank_volunteers(f, VolunteerPool(volunteers), rules or Rules(), TODAY)


def test_slots_round_trip():
    assert slots_of(slot_mask(["tue-morning", "sun-evening"])) == ["tue-morning", "sun-evening"]


def test_a_good_fit_is_explained_in_flemish_words():
    ranking = rank(family(), volunteer())
    [suggestion] = ranking.suggestions
    texts = {f.key: f.text for f in suggestion.factors}
    assert texts["half_days"] == "Dinsdagvoormiddag vrij, past bij het gezin"
    assert texts["distance"] == "3 km, fietst"
    assert texts["languages"] == "Spreekt Arabisch zoals de moeder"
    assert texts["experience"] == "Heeft ervaring met een tweeling"
    assert texts["volunteer_waiting"] == "Wacht al 86 dagen op een gezin"


def test_the_score_is_the_sum_of_the_weighted_factors():
    [suggestion] = rank(family(), volunteer()).suggestions
    assert suggestion.score == pytest.approx(sum(f.points for f in suggestion.factors))
    for factor in suggestion.factors:
        assert factor.points == pytest.approx(factor.weight * factor.value)
        assert 0.0 <= factor.value <= 1.0
    assert {f.weight for f in suggestion.factors if f.key == "distance"} == {25}


def test_closer_and_better_speaking_volunteer_ranks_first():
    near = volunteer(1, location=GENTBRUGGE)
    far_no_arabic = volunteer(2, languages=("nl",), location=(51.09, 3.83), max_travel_km=15)
    ranking = rank(family(), far_no_arabic, near)
    assert [s.volunteer_id for s in ranking.suggestions] == [1, 2]
    languages = next(f for f in ranking.suggestions[1].factors if f.key == "languages")
    assert languages.points == 0
    assert languages.text == "Geen gemeenschappelijke taal met het gezin (Arabisch en Frans)"


def test_pets_exclude_with_the_reason_in_words():
    f = family(pets_at_home=True, pets_description="een kat")
    ranking = rank(f, volunteer(accepts_pets=False))
    assert ranking.suggestions == ()
    [excluded] = ranking.excluded
    assert excluded.reasons == ("pets",)
    assert excluded.texts == ("Wil liever geen huisdieren — het gezin heeft een kat",)


@pytest.mark.parametrize(
    ("family_changes", "volunteer_changes", "reason"),
    [
        ({}, {"status": "in_training"}, "status"),
        ({}, {"onboarding_missing": ("course",)}, "onboarding"),
        ({}, {"free_places": 0}, "full"),
        ({}, {"slots": ()}, "no_slots"),
        ({}, {"slots": ("wed-evening",)}, "no_common_slot"),
        ({}, {"location": ANTWERPEN}, "too_far"),
        ({"smoking_at_home": True}, {}, "smoking"),
        ({"child_ages": (9, 11)}, {"child_age_min": 0, "child_age_max": 6}, "child_ages"),
        ({"gender_preference": "female"}, {}, "gender"),
        ({"no_neighbour": True}, {"location": GENT}, "neighbour"),
    ],
)
def test_each_hard_constraint_excludes(family_changes, volunteer_changes, reason):
    ranking = rank(family(**family_changes), volunteer(**volunteer_changes))
    assert ranking.suggestions == ()
    assert reason in ranking.excluded[0].reasons
    assert all(text for text in ranking.excluded[0].texts)


def test_a_family_without_preferred_half_days_takes_any():
    [suggestion] = rank(family(slots=()), volunteer()).suggestions
    half_days = next(f for f in suggestion.factors if f.key == "half_days")
    assert half_days.value == 1.0
    assert half_days.text == "Geen voorkeur voor een dagdeel; 2 dagdelen vrij"


def test_unknown_postcode_is_said_not_guessed():
    [suggestion] = rank(family(location=None), volunteer()).suggestions
    distance = next(f for f in suggestion.factors if f.key == "distance")
    assert (distance.value, distance.text) == (0.0, "Afstand onbekend (postcode ontbreekt)")


def test_weights_come_from_the_rules():
    rules = Rules(
        weights=Weights(
            distance=0, languages=0, half_days=0, experience=100, wishes=0, volunteer_waiting=0
        )
    )
    [suggestion] = rank(family(), volunteer(), rules=rules).suggestions
    assert suggestion.score == pytest.approx(100.0)


def test_french_explanations():
    set_language("fr")
    [suggestion] = rank(family(), volunteer()).suggestions
    texts = {f.key: f.text for f in suggestion.factors}
    assert texts["languages"] == "Parle arabe comme la mère"
    assert texts["half_days"].startswith("Mardi matin")


def test_whole_list_gives_the_only_volunteer_to_the_longest_waiting_family():
    old = family(id=1, reference="GZ-2025-001", waiting_since=dt.date(2025, 6, 1))
    new = family(id=2, reference="GZ-2026-099", waiting_since=dt.date(2026, 11, 1))
    lines = propose_for_waiting_list([new, old], VolunteerPool([volunteer()]), Rules(), TODAY)
    assert [line.family_reference for line in lines] == ["GZ-2025-001", "GZ-2026-099"]
    assert lines[0].suggestion is not None and lines[0].suggestion.volunteer_id == 1
    assert lines[1].suggestion is None


def test_whole_list_never_gives_a_volunteer_twice():
    families = [family(id=i, reference=f"GZ-2026-{i:03d}") for i in range(1, 5)]
    volunteers = [volunteer(1), volunteer(2, free_places=2)]
    lines = propose_for_waiting_list(families, VolunteerPool(volunteers), Rules(), TODAY)
    given = [line.suggestion.volunteer_id for line in lines if line.suggestion]
    assert sorted(given) == [1, 2, 2]


def test_both_parents_speaking_the_language_are_named_together():
    parents = (Caregiver("mother", ("tr",)), Caregiver("father", ("tr", "nl")))
    [suggestion] = rank(family(caregivers=parents), volunteer(languages=("nl", "tr"))).suggestions
    languages = next(f for f in suggestion.factors if f.key == "languages")
    assert (languages.value, languages.text) == (1.0, "Spreekt Turks zoals de ouders")
