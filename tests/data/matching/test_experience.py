"""The experience a family's situation asks for (the intake's matching wishes) meets the
experience a volunteer brings (the volunteer's file), and the sentence says which."""

from __future__ import annotations

import datetime as dt

from homestart_desktop.data.matching import candidates
from homestart_desktop.data.models import Family
from homestart_desktop.data.volunteers import register
from tests.data.matching.test_candidates import add_available_volunteer, add_waiting_family

TODAY = dt.date(2026, 11, 26)


def _experience(ranking, volunteer_id):
    suggestion = next(s for s in ranking.suggestions if s.volunteer_id == volunteer_id)
    return next(f for f in suggestion.factors if f.key == "experience")


def test_wished_experience_counts_and_is_explained(empty_case_file):
    with empty_case_file.session() as session:
        family_id = add_waiting_family(
            session,
            "GZ-2026-031",
            "Fatima",
            waiting_since=dt.date(2026, 3, 1),
            wished_experience=["teenagers", "single_fathers"],
        )
        knows_all = add_available_volunteer(
            session,
            "VW-2025-011",
            "Hilde",
            experience_tags=["twins", "teenagers", "single_fathers"],
        )
        twins_only = add_available_volunteer(session, "VW-2025-012", "Jan")
    with empty_case_file.session() as session:
        ranking = candidates.rank_family(session=session, family_id=family_id, today=TODAY)
    assert [s.volunteer_id for s in ranking.suggestions] == [knows_all, twins_only]
    best, other = _experience(ranking, knows_all), _experience(ranking, twins_only)
    assert best.value == 1.0
    assert best.text == "Heeft ervaring met alleenstaande vaders, tieners en een tweeling"
    assert other.value == 1 / 3
    assert other.text == (
        "Heeft ervaring met een tweeling; nog geen ervaring met alleenstaande vaders en tieners"
    )


def test_a_family_without_wishes_keeps_the_needs_of_its_file(empty_case_file):
    with empty_case_file.session() as session:
        family_id = add_waiting_family(
            session, "GZ-2026-032", "Sara", waiting_since=dt.date(2026, 3, 1)
        )
        volunteer_id = add_available_volunteer(session, "VW-2025-013", "Lieve")
        assert session.get(Family, family_id).wished_experience == []
    with empty_case_file.session() as session:
        ranking = candidates.rank_family(session=session, family_id=family_id, today=TODAY)
    assert _experience(ranking, volunteer_id).text == "Heeft ervaring met een tweeling"


def test_the_volunteer_file_keeps_the_experience_ticked(empty_case_file):
    with empty_case_file.session() as session:
        saved = register.add_volunteer(
            session=session,
            volunteer_in=register.VolunteerIn(
                first_name="Hilde",
                last_name="Peeters",
                experience_tags=("newborn", "single_fathers"),
            ),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        file = register.get_volunteer(session=session, volunteer_id=saved.id)
    assert file.details.experience_tags == ("newborn", "single_fathers")
