import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.models import (
    CloseReason,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Review,
    ReviewKind,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import trajectories
from homestart_desktop.data.planning.trajectories import ClosingInput, ReviewInput
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.workflow import IllegalStep
from tests.builders import matched_pair

TODAY = dt.date(2026, 11, 26)
WAITING_SINCE = dt.date(2025, 10, 1)


@pytest.fixture
def ids(empty_case_file):
    with empty_case_file.session() as session:
        family = Family(
            reference="GZ-2025-007", status=FamilyStatus.active, waiting_since=WAITING_SINCE
        )
        volunteer = Volunteer(
            reference="VW-2024-002", first_name="Ioana", status=VolunteerStatus.matched
        )
        trajectory = matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            proposed_on=dt.date(2025, 12, 1),
            start_on=dt.date(2026, 1, 6),
        )
        session.add(Review(trajectory_id=trajectory.id, planned_on=dt.date(2026, 4, 6)))
        session.add(
            Visit(
                trajectory_id=trajectory.id,
                on=dt.date(2026, 11, 17),
                status=VisitStatus.done,
                minutes=180,
            )
        )
        session.add(Visit(trajectory_id=trajectory.id, on=dt.date(2026, 12, 1)))
        return {"trajectory": trajectory.id, "family": family.id, "volunteer": volunteer.id}


def scores(value):
    return {
        area: value
        for area in ("wellbeing", "parenting", "services", "participation", "behaviour", "school")
    }


def test_a_review_fulfils_the_planned_one_and_plans_the_next(empty_case_file, ids):
    review = ReviewInput(
        dt.date(2026, 4, 9),
        "moeder, vrijwilliger, coördinator",
        scores(3),
        "meer buiten",
        dt.date(2026, 7, 6),
    )
    with empty_case_file.session() as session:
        trajectories.record_review(
            session=session, trajectory_id=ids["trajectory"], review=review, today=TODAY
        )
    with empty_case_file.session() as session:
        rows = session.exec(select(Review).order_by(Review.planned_on)).all()
    assert [(r.planned_on, r.held_on, r.score_wellbeing) for r in rows] == [
        (dt.date(2026, 4, 6), dt.date(2026, 4, 9), 3),
        (dt.date(2026, 7, 6), None, None),
    ]


def test_a_review_before_the_start_or_with_a_score_of_six_is_refused(empty_case_file, ids):
    with empty_case_file.session() as session, pytest.raises(ValidationError) as refused:
        trajectories.record_review(
            session=session,
            trajectory_id=ids["trajectory"],
            review=ReviewInput(dt.date(2025, 12, 20), scores={"wellbeing": 6}),
            today=TODAY,
        )
    assert set(refused.value.problems) == {"held_on", "score_wellbeing"}


def test_pause_drops_planned_visits_and_resume_restarts(empty_case_file, ids):
    with empty_case_file.session() as session:
        trajectories.pause(
            session=session,
            trajectory_id=ids["trajectory"],
            on=dt.date(2026, 11, 27),
            reason="opname in het ziekenhuis",
            expected_restart_on=dt.date(2027, 1, 5),
            today=TODAY,
        )
    with empty_case_file.session() as session:
        assert session.get(Trajectory, ids["trajectory"]).status == TrajectoryStatus.paused
        assert session.get(Family, ids["family"]).status == FamilyStatus.paused
        assert not session.exec(select(Visit).where(Visit.status == VisitStatus.planned)).all()
        trajectories.resume(
            session=session, trajectory_id=ids["trajectory"], on=dt.date(2027, 1, 5)
        )
    with empty_case_file.session() as session:
        assert session.get(Family, ids["family"]).status == FamilyStatus.active


def test_closing_before_the_last_logged_visit_is_refused(empty_case_file, ids):
    closing = ClosingInput(
        dt.date(2026, 11, 10),
        CloseReason.goals_reached,
        ReviewInput(dt.date(2026, 11, 10), scores=scores(4)),
    )
    with empty_case_file.session() as session, pytest.raises(ValidationError) as refused:
        trajectories.close(
            session=session, trajectory_id=ids["trajectory"], closing=closing, today=TODAY
        )
    assert "ended_on" in refused.value.problems


def test_closing_frees_the_volunteer_and_closes_the_family(empty_case_file, ids):
    closing = ClosingInput(
        dt.date(2026, 11, 24),
        CloseReason.goals_reached,
        ReviewInput(dt.date(2026, 11, 24), scores=scores(4)),
        referrer_informed=True,
    )
    with empty_case_file.session() as session:
        trajectories.close(
            session=session, trajectory_id=ids["trajectory"], closing=closing, today=TODAY
        )
    with empty_case_file.session() as session:
        trajectory = session.get(Trajectory, ids["trajectory"])
        assert (trajectory.status, trajectory.close_reason, trajectory.referrer_informed) == (
            TrajectoryStatus.closed,
            CloseReason.goals_reached,
            True,
        )
        assert session.get(Family, ids["family"]).status == FamilyStatus.closed
        assert session.get(Volunteer, ids["volunteer"]).status == VolunteerStatus.available
        kinds = [r.kind for r in session.exec(select(Review)).all()]
        assert kinds == [ReviewKind.closing]  # the review still planned will not happen
        assert not session.exec(select(Visit).where(Visit.status == VisitStatus.planned)).all()
        with pytest.raises(IllegalStep):
            trajectories.pause(
                session=session,
                trajectory_id=ids["trajectory"],
                on=TODAY,
                reason="x",
                expected_restart_on=None,
                today=TODAY,
            )


def test_when_the_volunteer_stops_the_family_waits_again_with_its_first_date(empty_case_file, ids):
    closing = ClosingInput(
        dt.date(2026, 11, 24), CloseReason.volunteer_stopped, ReviewInput(dt.date(2026, 11, 24))
    )
    with empty_case_file.session() as session:
        trajectories.close(
            session=session, trajectory_id=ids["trajectory"], closing=closing, today=TODAY
        )
    with empty_case_file.session() as session:
        family = session.get(Family, ids["family"])
        assert (family.status, family.waiting_since) == (FamilyStatus.waiting, WAITING_SINCE)
        volunteer = session.get(Volunteer, ids["volunteer"])
        assert (volunteer.status, volunteer.stopped_on) == (
            VolunteerStatus.stopped,
            dt.date(2026, 11, 24),
        )
        last_change = session.exec(
            select(FamilyStatusChange).order_by(FamilyStatusChange.id.desc())
        ).first()
        assert (last_change.from_status, last_change.to_status) == (
            FamilyStatus.active,
            FamilyStatus.waiting,
        )


def test_reasons_the_app_writes_read_as_words_and_typed_ones_stay_as_typed():
    from homestart_desktop.data.workflow import reason_label
    from homestart_desktop.i18n import set_language

    assert reason_label("pause") == "traject gepauzeerd"
    assert reason_label("no_longer_needed") == "niet meer nodig"
    assert reason_label("opname in het ziekenhuis") == "opname in het ziekenhuis"
    set_language("fr")
    assert reason_label("volunteer_stopped") == "le/la volontaire a arrêté"
