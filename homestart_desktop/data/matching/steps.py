"""The steps of a match: propose, plan and record the introduction visit, confirm, or withdraw.

proposed → introduced → active, or withdrawn (with reason) before it starts. The family goes
waiting → matched → active; the volunteer available → matched. A withdrawn proposal puts the
family back on the waiting list with its ORIGINAL waiting date, and frees the volunteer; the
trajectory row and its status history stay, so the match history is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.matching.candidates import OPEN_TRAJECTORY, load_matching_input
from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Review,
    ReviewKind,
    Trajectory,
    TrajectoryStatus,
    TrajectoryStatusChange,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.status_steps import audit, step_family, step_trajectory, step_volunteer
from homestart_desktop.data.validation import (
    Problems,
    ValidationError,
    check_fields,
    first_year,
)
from homestart_desktop.domain import matching, planning
from homestart_desktop.i18n import _

T = TrajectoryStatus


@dataclasses.dataclass(frozen=True)
class MatchSaved:
    trajectory_ids: tuple[int, ...]
    changes: Changes


# ---- Status steps (the waiting date is never touched here: a family keeps its place)


def _audit(session: Session, action: str, trajectory_id: int | None, detail: str = "") -> None:
    audit(session, action, "trajectory", trajectory_id, detail)


def _step_trajectory(
    session: Session, trajectory: Trajectory, new: T, on: dt.date, reason: str = ""
) -> None:
    step_trajectory(session, trajectory, new, on, reason)


def _step_family(session: Session, family: Family, new: FamilyStatus, on: dt.date) -> None:
    step_family(session, family, new, on, "match", same_is_fine=True)


def _step_volunteer(
    session: Session, volunteer: Volunteer, new: VolunteerStatus, on: dt.date
) -> None:
    step_volunteer(session, volunteer, new, on, "match", same_is_fine=True)


def _trajectory(session: Session, trajectory_id: int) -> Trajectory:
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise LookupError(trajectory_id)
    return trajectory


# ---- Propose


def propose_matches(
    *, session: Session, pairs: list[tuple[int, int, str]], today: dt.date
) -> MatchSaved:
    """Propose each (family id, volunteer id, reason) at once; all or none are stored.

    Refused, with the reasons in words, when a family is not waiting, a reason is missing or a
    hard constraint excludes the volunteer (checked again here, on the current file).
    """
    problems = Problems()
    data = load_matching_input(session=session, today=today, family_ids=[p[0] for p in pairs])
    families = {f.id: f for f in data.families}
    pool = matching.VolunteerPool(data.volunteers)
    index = {v.id: i for i, v in enumerate(pool.volunteers)}
    taken: dict[int, int] = {}
    for family_id, volunteer_id, reason in pairs:
        family_row = session.get(Family, family_id)
        if family_row is None or family_row.status != FamilyStatus.waiting:
            problems.add("family", _("This family is not on the waiting list (any more)."))
            continue
        if not reason.strip():
            problems.add("reason", _("Say in a few words why this volunteer fits the family."))
        check_fields(problems, today=today, reason=reason)
        if volunteer_id not in index:
            problems.add("volunteer", _("This volunteer cannot be matched."))
            continue
        evaluation = matching.evaluate(families[family_id], pool, data.rules, today)
        i = index[volunteer_id]
        taken[volunteer_id] = taken.get(volunteer_id, 0) + 1
        if not evaluation.allowed[i] or taken[volunteer_id] > pool.volunteers[i].free_places:
            # The refusal travels as an exception: keep the family's free text out of it.
            plain = dataclasses.replace(families[family_id], pets_description="")
            ranking = matching.rank_volunteers(plain, pool, data.rules, today)
            why = next((e.texts for e in ranking.excluded if e.volunteer_id == volunteer_id), ())
            problems.add(
                "volunteer",
                _("This volunteer cannot visit this family: {why}.").format(
                    why="; ".join(why) or _("already proposed to another family")
                ),
            )
    problems.raise_if_any()
    ids = []
    for family_id, volunteer_id, reason in pairs:
        trajectory = Trajectory(
            family_id=family_id,
            volunteer_id=volunteer_id,
            status=T.proposed,
            proposed_on=today,
            proposal_reason=reason.strip(),
        )
        session.add(trajectory)
        session.flush()
        session.add(
            TrajectoryStatusChange(
                trajectory_id=trajectory.id, on=today, to_status=T.proposed, reason="proposal"
            )
        )
        _audit(session, "match.proposed", trajectory.id)
        _step_family(session, session.get(Family, family_id), FamilyStatus.matched, today)
        _step_volunteer(
            session, session.get(Volunteer, volunteer_id), VolunteerStatus.matched, today
        )
        ids.append(trajectory.id)
    return MatchSaved(tuple(ids), Changes(families=True, volunteers=True, trajectories=True))


def propose_match(
    *, session: Session, family_id: int, volunteer_id: int, reason: str, today: dt.date
) -> MatchSaved:
    """Propose one volunteer for one waiting family, with the coordinator's reason."""
    return propose_matches(session=session, pairs=[(family_id, volunteer_id, reason)], today=today)


# ---- Introduction visit


def plan_introduction(
    *, session: Session, trajectory_id: int, on: dt.date, today: dt.date
) -> Changes:
    """Plan the introduction visit (coordinator, volunteer and family together)."""
    trajectory = _trajectory(session, trajectory_id)
    problems = Problems()
    if trajectory.status != T.proposed:
        problems.add("status", _("Only a proposed match has an introduction visit to plan."))
    if on < trajectory.proposed_on:
        problems.add("introduction_on", _("The introduction visit comes after the proposal."))
    check_fields(problems, today=today, first_year=first_year(session=session), introduction_on=on)
    problems.raise_if_any()
    trajectory.introduction_on = on
    session.add(trajectory)
    return Changes(trajectories=True)


def record_introduction(
    *, session: Session, trajectory_id: int, on: dt.date, today: dt.date
) -> Changes:
    """The introduction visit took place on ``on``."""
    trajectory = _trajectory(session, trajectory_id)
    problems = Problems()
    if on > today:
        problems.add("introduction_on", _("An introduction visit is recorded once it took place."))
    if on < trajectory.proposed_on:
        problems.add("introduction_on", _("The introduction visit comes after the proposal."))
    check_fields(problems, today=today, first_year=first_year(session=session), introduction_on=on)
    problems.raise_if_any()
    _step_trajectory(session, trajectory, T.introduced, on, "introduction")
    trajectory.introduction_on = on
    return Changes(trajectories=True)


# ---- Confirm or withdraw


def confirm_match(
    *,
    session: Session,
    trajectory_id: int,
    start_on: dt.date,
    weekday: int,
    half_day: HalfDay,
    planned_end_on: dt.date | None = None,
    today: dt.date,
) -> Changes:
    """After the introduction: the trajectory starts, with its visit half-day and reviews."""
    trajectory = _trajectory(session, trajectory_id)
    problems = Problems()
    minimum_end = planning.planned_end(start_on)
    planned_end_on = planned_end_on or minimum_end
    if trajectory.status != T.introduced:
        problems.add("status", _("Record the introduction visit before confirming the match."))
    if trajectory.introduction_on and start_on < trajectory.introduction_on:
        problems.add("start_on", _("The trajectory starts on or after the introduction visit."))
    if not 0 <= weekday <= 6:
        problems.add("weekday", _("Choose the day of the weekly visit."))
    if planned_end_on < minimum_end:
        problems.add("planned_end_on", _("A trajectory runs at least one year."))
    check_fields(
        problems,
        today=today,
        first_year=first_year(session=session),
        start_on=start_on,
        planned_end_on=planned_end_on,
    )
    problems.raise_if_any()
    _step_trajectory(session, trajectory, T.active, start_on, "confirmed")
    trajectory.start_on, trajectory.planned_end_on = start_on, planned_end_on
    trajectory.weekday, trajectory.half_day = weekday, HalfDay(half_day)
    settings = load_settings(session=session)
    for on in planning.review_dates(
        start_on,
        first_months=settings.first_reviews_months,
        every_months=settings.review_every_months,
        until=planned_end_on,
    ):
        session.add(Review(trajectory_id=trajectory.id, kind=ReviewKind.interim, planned_on=on))
    _step_family(session, session.get(Family, trajectory.family_id), FamilyStatus.active, start_on)
    return Changes(families=True, volunteers=True, trajectories=True)


def withdraw_match(*, session: Session, trajectory_id: int, reason: str, today: dt.date) -> Changes:
    """A proposal withdrawn, or failed after the introduction: the family waits again (same
    waiting date), the volunteer is free again unless they have another family."""
    trajectory = _trajectory(session, trajectory_id)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the match does not go ahead.")})
    problems = Problems()
    check_fields(problems, today=today, reason=reason)
    problems.raise_if_any()
    _step_trajectory(session, trajectory, T.withdrawn, today, reason.strip())
    trajectory.ended_on, trajectory.end_note = today, reason.strip()
    _step_family(session, session.get(Family, trajectory.family_id), FamilyStatus.waiting, today)
    others = session.exec(
        select(Trajectory.id).where(
            Trajectory.volunteer_id == trajectory.volunteer_id,
            Trajectory.id != trajectory.id,
            col(Trajectory.status).in_(OPEN_TRAJECTORY),
        )
    ).first()
    volunteer = session.get(Volunteer, trajectory.volunteer_id)
    if others is None and volunteer.status == VolunteerStatus.matched:
        _step_volunteer(session, volunteer, VolunteerStatus.available, today)
    return Changes(families=True, volunteers=True, trajectories=True)
