"""A running trajectory: reviews, pause and restart, closure — family and volunteer follow."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import (
    OUTCOME_AREAS,
    CloseReason,
    ConsentItem,
    Family,
    FamilyStatus,
    Review,
    ReviewKind,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import visits
from homestart_desktop.data.privacy.consent import family_consent
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.status_steps import step_family, step_trajectory, step_volunteer
from homestart_desktop.data.validation import Problems, check_fields, check_typed, first_year
from homestart_desktop.i18n import _, format_short_date


@dataclasses.dataclass(frozen=True)
class ReviewInput:
    held_on: dt.date
    participants: str = ""
    scores: dict[str, int | None] = dataclasses.field(default_factory=dict)
    agreements: str = ""
    # The next review: the one planned after this (moved to this date), or a new one. None:
    # no next review, and the one planned goes. The screen shows the plan and asks first.
    next_review_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class ReviewPlan:
    """What a review about to be recorded meets: the planned review it fulfils, the one planned
    after it, and the branch's rhythm (months between reviews) for when none is planned."""

    fulfils_on: dt.date | None
    next_on: dt.date | None
    every_months: int


@dataclasses.dataclass(frozen=True)
class ClosingInput:
    ended_on: dt.date
    reason: CloseReason
    review: ReviewInput
    referrer_informed: bool = False
    note: str = ""


def _trajectory(session: Session, trajectory_id: int) -> Trajectory:
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise LookupError(trajectory_id)
    return trajectory


def _step_trajectory(
    session: Session, trajectory: Trajectory, new: TrajectoryStatus, on: dt.date, reason: str = ""
) -> None:
    step_trajectory(session, trajectory, new, on, reason)


def _step_family(
    session: Session, family_id: int, new: FamilyStatus, on: dt.date, reason: str
) -> None:
    family = session.get(Family, family_id)
    assert family is not None
    step_family(session, family, new, on, reason, same_is_fine=True)


def _step_volunteer(
    session: Session, volunteer_id: int, new: VolunteerStatus, on: dt.date, reason: str
) -> None:
    volunteer = session.get(Volunteer, volunteer_id)
    assert volunteer is not None
    if volunteer.status != VolunteerStatus.stopped:  # a stopped volunteer stays stopped
        step_volunteer(session, volunteer, new, on, reason, same_is_fine=True)


def _check_review(
    review: ReviewInput, trajectory: Trajectory, today: dt.date, problems: Problems, since: int
) -> None:
    if review.held_on > today:
        problems.add("held_on", _("A review cannot be recorded before it has taken place."))
    if trajectory.start_on and review.held_on < trajectory.start_on:
        problems.add("held_on", _("The review is dated before the trajectory started."))
    for area, score in review.scores.items():
        if area not in OUTCOME_AREAS:
            problems.add("scores", _("Unknown outcome area."))
        elif score is not None and not 0 <= score <= 5:
            problems.add(f"score_{area}", _("A score is a whole number from 0 to 5."))
    if review.next_review_on and review.next_review_on <= review.held_on:
        problems.add("next_review_on", _("The next review comes after this one."))
    check_typed(problems, review, today=today, first_year=since)


def _fill_review(row: Review, review: ReviewInput) -> Review:
    row.held_on = review.held_on
    row.participants = review.participants
    row.agreements = review.agreements
    for area, score in review.scores.items():
        setattr(row, f"score_{area}", score)
    return row


def _planned_reviews(session: Session, trajectory_id: int) -> list[Review]:
    return list(
        session.exec(
            select(Review)
            .where(Review.trajectory_id == trajectory_id, Review.held_on == None)  # noqa: E711
            .order_by(Review.planned_on, Review.id)
        )
    )


def review_plan(*, session: Session, trajectory_id: int) -> ReviewPlan:
    """The planned review a new review fulfils and the one after it (the next review)."""
    _trajectory(session, trajectory_id)
    planned = [row.planned_on for row in _planned_reviews(session, trajectory_id)]
    return ReviewPlan(
        fulfils_on=planned[0] if planned else None,
        next_on=planned[1] if len(planned) > 1 else None,
        every_months=load_settings(session=session).review_every_months,
    )


def record_review(
    *, session: Session, trajectory_id: int, review: ReviewInput, today: dt.date
) -> Changes:
    """Record an interim review: it fulfils the earliest planned one, and the next review is
    ``review.next_review_on`` (the one planned after it moves there; None takes it off)."""
    trajectory = _trajectory(session, trajectory_id)
    problems = Problems()
    _check_review(review, trajectory, today, problems, first_year(session=session))
    problems.raise_if_any()
    planned = _planned_reviews(session, trajectory_id)
    row = planned[0] if planned else Review(trajectory_id=trajectory_id, planned_on=review.held_on)
    session.add(_fill_review(row, review))
    following = planned[1] if len(planned) > 1 else None
    if review.next_review_on and following is not None:
        following.planned_on = review.next_review_on  # moved, never planned twice
        session.add(following)
    elif review.next_review_on:
        session.add(Review(trajectory_id=trajectory_id, planned_on=review.next_review_on))
    elif following is not None:
        session.delete(following)
    return Changes(trajectories=True)


def pause(
    *,
    session: Session,
    trajectory_id: int,
    on: dt.date,
    reason: str,
    expected_restart_on: dt.date | None,
    today: dt.date,
) -> Changes:
    """Pause the visits (illness, a move, a family's wish); planned visits from then are dropped."""
    trajectory = _trajectory(session, trajectory_id)
    problems = Problems()
    if not reason.strip():
        problems.add("reason", _("Say why the trajectory pauses."))
    if expected_restart_on and expected_restart_on <= on:
        problems.add("expected_restart_on", _("The restart comes after the pause begins."))
    check_fields(
        problems,
        today=today,
        first_year=first_year(session=session),
        on=on,
        reason=reason,
        expected_restart_on=expected_restart_on,
    )
    problems.raise_if_any()
    _step_trajectory(session, trajectory, TrajectoryStatus.paused, on, reason)
    trajectory.paused_on, trajectory.pause_reason = on, reason
    trajectory.expected_restart_on = expected_restart_on
    visits.drop_planned_visits(session=session, trajectory_ids=[trajectory_id], from_date=on)
    _step_family(session, trajectory.family_id, FamilyStatus.paused, on, "pause")
    return Changes(trajectories=True, visits=True, families=True)


def resume(*, session: Session, trajectory_id: int, on: dt.date) -> Changes:
    """Visits start again; the weekly plan is filled on the next planning run."""
    trajectory = _trajectory(session, trajectory_id)
    _step_trajectory(session, trajectory, TrajectoryStatus.active, on, "restart")
    trajectory.paused_on = trajectory.expected_restart_on = None
    _step_family(session, trajectory.family_id, FamilyStatus.active, on, "restart")
    return Changes(trajectories=True, families=True)


def close(
    *, session: Session, trajectory_id: int, closing: ClosingInput, today: dt.date
) -> Changes:
    """Close with date, reason and closing review. The volunteer is free again; the family is
    closed, or back on the waiting list (its first waiting date kept) when the volunteer stopped.
    """
    trajectory = _trajectory(session, trajectory_id)
    problems = Problems()
    if closing.ended_on > today:
        problems.add("ended_on", _("A trajectory cannot be closed on a date in the future."))
    last = visits.last_logged_visit(session=session, trajectory_id=trajectory_id)
    if last and closing.ended_on < last:
        problems.add(
            "ended_on",
            _("There are visits logged after this date. Close on or after the last visit."),
        )
    if trajectory.start_on and closing.ended_on < trajectory.start_on:
        problems.add("ended_on", _("The closing date is before the trajectory started."))
    if closing.referrer_informed:
        withdrawn = family_consent(session=session, family_id=trajectory.family_id).withdrawn_on(
            ConsentItem.inform_referrer
        )
        if withdrawn is not None:
            problems.add(
                "referrer_informed",
                _("The family withdrew on {date} its consent that the referrer is told.").format(
                    date=format_short_date(withdrawn)
                ),
            )
    since = first_year(session=session)
    _check_review(closing.review, trajectory, today, problems, since)
    check_typed(problems, closing, today=today, first_year=since)
    problems.raise_if_any()
    _step_trajectory(session, trajectory, TrajectoryStatus.closed, closing.ended_on, closing.reason)
    trajectory.ended_on, trajectory.close_reason = closing.ended_on, closing.reason
    trajectory.referrer_informed, trajectory.end_note = closing.referrer_informed, closing.note
    closing_review = Review(
        trajectory_id=trajectory_id, kind=ReviewKind.closing, planned_on=closing.ended_on
    )
    session.add(_fill_review(closing_review, closing.review))
    # Reviews still planned after the end will not happen.
    for planned in session.exec(
        select(Review).where(Review.trajectory_id == trajectory_id, Review.held_on == None)  # noqa: E711
    ):
        session.delete(planned)
    visits.drop_planned_visits(
        session=session,
        trajectory_ids=[trajectory_id],
        from_date=closing.ended_on + dt.timedelta(days=1),
    )
    if closing.reason == CloseReason.volunteer_stopped:
        _step_family(
            session, trajectory.family_id, FamilyStatus.waiting, closing.ended_on, "rematch"
        )
    else:
        _step_family(
            session, trajectory.family_id, FamilyStatus.closed, closing.ended_on, closing.reason
        )
    others = session.exec(
        select(Trajectory).where(
            Trajectory.volunteer_id == trajectory.volunteer_id,
            Trajectory.id != trajectory_id,
            Trajectory.status.in_([TrajectoryStatus.active, TrajectoryStatus.paused]),  # type: ignore[attr-defined]
        )
    ).first()
    if closing.reason == CloseReason.volunteer_stopped:
        # The volunteer stops: never offered again by matching until restarted as a candidate.
        _step_volunteer(
            session,
            trajectory.volunteer_id,
            VolunteerStatus.stopped,
            closing.ended_on,
            "volunteer_stopped",
        )
        volunteer = session.get(Volunteer, trajectory.volunteer_id)
        if volunteer is not None and volunteer.stopped_on is None:
            volunteer.stopped_on = closing.ended_on
            volunteer.stop_reason = volunteer.stop_reason or closing.note
            session.add(volunteer)
    elif others is None:
        _step_volunteer(
            session, trajectory.volunteer_id, VolunteerStatus.available, closing.ended_on, "closed"
        )
    return Changes(trajectories=True, visits=True, families=True, volunteers=True)
