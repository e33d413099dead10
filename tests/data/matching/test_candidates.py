"""Matching on a real encrypted case file: from the waiting list to an active trajectory, and back."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from homestart_desktop.data.matching import candidates, steps
from homestart_desktop.data.models import (
    Availability,
    Caregiver,
    Child,
    CloseReason,
    Family,
    FamilyStatus,
    Gender,
    HalfDay,
    Review,
    Trajectory,
    TrajectoryStatus,
    TrajectoryStatusChange,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import trajectories
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.data.validation import ValidationError

TODAY = dt.date(2026, 11, 26)


def add_waiting_family(
    session: Session, reference: str, first_name: str, *, waiting_since: dt.date, **fields
) -> int:
    """A family on the waiting list in Gent with a mother who speaks Arabic and a toddler."""
    values = dict(postcode="9000", preferred_slots=["tue-morning"], twins=True)
    values.update(fields)
    family = Family(
        reference=reference, status=FamilyStatus.waiting, waiting_since=waiting_since, **values
    )
    session.add(family)
    session.flush()
    session.add(
        Caregiver(
            family_id=family.id,
            first_name=first_name,
            last_name="El Amrani",
            gender=Gender.female,
            languages=["ar", "fr"],
        )
    )
    session.add(Child(family_id=family.id, first_name="Amina", birth_date=dt.date(2024, 3, 1)))
    return family.id


def add_available_volunteer(
    session: Session, reference: str, first_name: str, *, postcode: str = "9050", **fields
) -> int:
    """An onboarded, available volunteer free on Tuesday morning."""
    values = dict(
        languages=["nl", "ar"],
        experience_tags=["twins"],
        has_bike=True,
        max_travel_km=10,
        extract_issued_on=dt.date(2026, 1, 5),
        extract_received_on=dt.date(2026, 1, 10),
        agreement_signed_on=dt.date(2026, 2, 1),
        course_completed_on=dt.date(2026, 3, 1),
    )
    values.update(fields)
    volunteer = Volunteer(
        reference=reference,
        first_name=first_name,
        last_name="Wróbel",
        status=VolunteerStatus.available,
        postcode=postcode,
        **values,
    )
    session.add(volunteer)
    session.flush()
    session.add(Availability(volunteer_id=volunteer.id, weekday=1, half_day=HalfDay.morning))
    return volunteer.id


@pytest.fixture
def branch(empty_case_file):
    with empty_case_file.session() as session:
        family_id = add_waiting_family(
            session, "GZ-2026-001", "Fatima", waiting_since=dt.date(2026, 3, 1)
        )
        near = add_available_volunteer(session, "VW-2025-001", "Łukasz")
        far = add_available_volunteer(session, "VW-2025-002", "Ioana", postcode="2000")
        smoker_averse = add_available_volunteer(session, "VW-2025-003", "Özlem", accepts_pets=False)
        session.get(Family, family_id).pets_at_home = True
    return empty_case_file, family_id, near, far, smoker_averse


def test_ranking_explains_and_excludes(branch):
    case_file, family_id, near, far, no_pets = branch
    with case_file.session() as session:
        ranking = candidates.rank_family(session=session, family_id=family_id, today=TODAY)
    assert [s.volunteer_id for s in ranking.suggestions] == [near]
    texts = [f.text for f in ranking.suggestions[0].factors]
    assert "Dinsdagvoormiddag vrij, past bij het gezin" in texts
    assert "Spreekt Arabisch zoals de moeder" in texts
    assert any(t.endswith("km, fietst") for t in texts)
    excluded = {e.volunteer_id: e.texts for e in ranking.excluded}
    assert excluded[no_pets] == ("Wil liever geen huisdieren — het gezin heeft huisdieren",)
    assert "verder dan de 10 km" in excluded[far][0]


def test_propose_introduce_confirm_makes_an_active_trajectory(branch):
    case_file, family_id, near, _far, _ = branch
    with case_file.session() as session:
        saved = steps.propose_match(
            session=session,
            family_id=family_id,
            volunteer_id=near,
            reason="Spreekt Arabisch, fietst",
            today=TODAY,
        )
    [trajectory_id] = saved.trajectory_ids
    assert saved.changes.families and saved.changes.volunteers
    with case_file.session() as session:
        assert session.get(Family, family_id).status == FamilyStatus.matched
        assert session.get(Volunteer, near).status == VolunteerStatus.matched
        steps.plan_introduction(
            session=session, trajectory_id=trajectory_id, on=TODAY + dt.timedelta(3), today=TODAY
        )
    later = TODAY + dt.timedelta(days=4)
    with case_file.session() as session:
        steps.record_introduction(
            session=session, trajectory_id=trajectory_id, on=later, today=later
        )
        steps.confirm_match(
            session=session,
            trajectory_id=trajectory_id,
            start_on=dt.date(2026, 12, 8),
            weekday=1,
            half_day=HalfDay.morning,
            today=later,
        )
    with case_file.session() as session:
        trajectory = session.get(Trajectory, trajectory_id)
        assert trajectory.status == TrajectoryStatus.active
        assert (trajectory.weekday, trajectory.half_day) == (1, HalfDay.morning)
        assert trajectory.planned_end_on == dt.date(2027, 12, 8)
        reviews = session.exec(select(Review.planned_on).order_by(Review.planned_on)).all()
        assert reviews == [dt.date(2027, 3, 8), dt.date(2027, 6, 8), dt.date(2027, 12, 8)]
        assert session.get(Family, family_id).status == FamilyStatus.active
        assert session.get(Volunteer, near).status == VolunteerStatus.matched


def test_an_excluded_volunteer_cannot_be_proposed(branch):
    case_file, family_id, _near, far, _ = branch
    with case_file.session() as session, pytest.raises(ValidationError) as refused:
        steps.propose_match(
            session=session, family_id=family_id, volunteer_id=far, reason="", today=TODAY
        )
    assert "verder dan de 10 km" in refused.value.problems["volunteer"]
    assert "reason" in refused.value.problems
    with case_file.session() as session:
        assert session.exec(select(Trajectory)).all() == []


def test_confirm_refuses_a_trajectory_shorter_than_a_year(branch):
    case_file, family_id, near, _far, _ = branch
    with case_file.session() as session:
        [tid] = steps.propose_match(
            session=session, family_id=family_id, volunteer_id=near, reason="ok", today=TODAY
        ).trajectory_ids
        steps.record_introduction(session=session, trajectory_id=tid, on=TODAY, today=TODAY)
    with case_file.session() as session, pytest.raises(ValidationError) as refused:
        steps.confirm_match(
            session=session,
            trajectory_id=tid,
            start_on=TODAY,
            weekday=1,
            half_day=HalfDay.morning,
            planned_end_on=TODAY + dt.timedelta(days=200),
            today=TODAY,
        )
    assert refused.value.problems["planned_end_on"] == "Een traject loopt minstens een jaar."


def test_withdrawn_after_introduction_keeps_history_and_waiting_date(branch):
    case_file, family_id, near, _far, _ = branch
    with case_file.session() as session:
        [tid] = steps.propose_match(
            session=session, family_id=family_id, volunteer_id=near, reason="ok", today=TODAY
        ).trajectory_ids
        steps.record_introduction(session=session, trajectory_id=tid, on=TODAY, today=TODAY)
        steps.withdraw_match(session=session, trajectory_id=tid, reason="Klikte niet", today=TODAY)
    with case_file.session() as session:
        family = session.get(Family, family_id)
        assert (family.status, family.waiting_since) == (FamilyStatus.waiting, dt.date(2026, 3, 1))
        assert session.get(Volunteer, near).status == VolunteerStatus.available
        statuses = session.exec(
            select(TrajectoryStatusChange.to_status).where(
                TrajectoryStatusChange.trajectory_id == tid
            )
        ).all()
        assert statuses == [
            TrajectoryStatus.proposed,
            TrajectoryStatus.introduced,
            TrajectoryStatus.withdrawn,
        ]
        ranking = candidates.rank_family(session=session, family_id=family_id, today=TODAY)
        assert [s.volunteer_id for s in ranking.suggestions] == [near]


def test_rematch_after_the_volunteer_stops_waits_from_the_day_it_went_back_on_the_list(branch):
    # The rule of the figures (docs/figures.md, "Waiting began") on every screen: a rematch waits
    # from the day it went back on the list, not from its first referral.
    case_file, family_id, near, _far, _ = branch
    with case_file.session() as session:
        newer = add_waiting_family(
            session, "GZ-2026-050", "Наталія", waiting_since=dt.date(2026, 9, 1)
        )
        [tid] = steps.propose_match(
            session=session, family_id=family_id, volunteer_id=near, reason="ok", today=TODAY
        ).trajectory_ids
        steps.record_introduction(session=session, trajectory_id=tid, on=TODAY, today=TODAY)
        steps.confirm_match(
            session=session,
            trajectory_id=tid,
            start_on=TODAY,
            weekday=1,
            half_day="morning",
            today=TODAY,
        )
    end = dt.date(2027, 2, 1)
    with case_file.session() as session:
        trajectories.close(
            session=session,
            trajectory_id=tid,
            closing=trajectories.ClosingInput(
                ended_on=end,
                reason=CloseReason.volunteer_stopped,
                review=trajectories.ReviewInput(held_on=end),
            ),
            today=end,
        )
    with case_file.session() as session:
        waiting = candidates.waiting_families(session=session, today=end)
        assert [w.family_id for w in waiting] == [newer, family_id]
        assert waiting[1].waiting_since == end
        lines = candidates.propose_whole_list(session=session, today=end)
        assert [line.family_id for line in lines] == [newer, family_id]


def test_whole_list_then_accept_line_by_line(branch):
    case_file, family_id, near, _far, no_pets = branch
    with case_file.session() as session:
        other = add_waiting_family(
            session, "GZ-2026-060", "Jef", waiting_since=dt.date(2026, 10, 1)
        )
        spare = add_available_volunteer(session, "VW-2025-009", "Jef", postcode="9000")
    with case_file.session() as session:
        lines = candidates.propose_whole_list(session=session, today=TODAY)
        assert session.exec(select(Trajectory)).all() == []  # a proposal changes nothing
    pairs = {line.family_id: line.suggestion.volunteer_id for line in lines if line.suggestion}
    assert set(pairs) == {family_id, other}
    assert pairs[family_id] in {near, spare}  # the family has pets
    assert pairs[other] in {near, spare, no_pets} - {pairs[family_id]}
    with case_file.session() as session:
        saved = steps.propose_matches(
            session=session, pairs=[(family_id, pairs[family_id], "Uit de wachtlijst")], today=TODAY
        )
    assert len(saved.trajectory_ids) == 1
    with case_file.session() as session:
        assert session.get(Family, other).status == FamilyStatus.waiting


def test_weights_are_branch_settings(branch):
    case_file, family_id, _near, _far, _ = branch
    with case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(
                match_weight_distance=0,
                match_weight_languages=0,
                match_weight_half_days=0,
                match_weight_experience=50,
                match_weight_wishes=0,
                match_weight_volunteer_waiting=0,
            ),
        )
    with case_file.session() as session:
        [suggestion] = candidates.rank_family(
            session=session, family_id=family_id, today=TODAY
        ).suggestions
    assert suggestion.score == pytest.approx(50.0)


def test_a_second_family_only_when_the_branch_allows_it(branch):
    case_file, family_id, near, _far, _ = branch
    with case_file.session() as session:
        session.get(Volunteer, near).max_families = 2
        second = add_waiting_family(
            session, "GZ-2026-070", "Ioana", waiting_since=dt.date(2026, 5, 1)
        )
        steps.propose_match(
            session=session, family_id=family_id, volunteer_id=near, reason="ok", today=TODAY
        )
    with case_file.session() as session:
        ranking = candidates.rank_family(session=session, family_id=second, today=TODAY)
        excluded = {e.volunteer_id: e.reasons for e in ranking.excluded}
        assert excluded[near] == ("full",)
        save_settings(
            session=session,
            settings=load_settings(session=session).replace(match_several_families=True),
        )
    with case_file.session() as session:
        ranking = candidates.rank_family(session=session, family_id=second, today=TODAY)
    assert near in [s.volunteer_id for s in ranking.suggestions]


def test_language_codes_typed_in_capitals_still_match(branch):
    case_file, family_id, near, _far, _ = branch
    with case_file.session() as session:
        session.get(Volunteer, near).languages = ["NL", " Ar"]
    with case_file.session() as session:
        ranking = candidates.rank_family(session=session, family_id=family_id, today=TODAY)
    languages = next(f for f in ranking.suggestions[0].factors if f.key == "languages")
    assert languages.text == "Spreekt Arabisch zoals de moeder"
