"""The demo branch's history, lived week by week: referrals, intakes, the waiting list, matches.

Every life event is drawn when it becomes known and written as a dated status step, also steps
that fall after "today"; :func:`simulate` then cuts every timeline at today, so the statuses in
the file are exactly what the dated history says. Plain values only: the rows are made later.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from homestart_desktop.data.demo.names import pick_origin, pick_postcode
from homestart_desktop.data.demo.plans import (
    DAY,
    REALISTIC,
    Branch,
    FamilyPlan,
    Pace,
    Timeline,
    TrajectoryPlan,
    VolunteerPlan,
    days,
)
from homestart_desktop.data.models import CloseReason, HalfDay, IntakeOutcome
from homestart_desktop.data.models import FamilyStatus as F
from homestart_desktop.data.models import TrajectoryStatus as T
from homestart_desktop.data.models import VolunteerStatus as V
from homestart_desktop.data.postcodes import distance_km

SLOTS: tuple[tuple[int, HalfDay], ...] = tuple(
    (weekday, half)
    for weekday in range(6)
    for half in HalfDay
    if not (weekday == 5 and half != HalfDay.morning)
)
CLOSE_REASONS = (
    (CloseReason.goals_reached, 50),
    (CloseReason.family_stops, 14),
    (CloseReason.family_moved, 9),
    (CloseReason.referred_on, 11),
    (CloseReason.volunteer_stopped, 9),
    (CloseReason.other, 7),
)
MATCH_KM = 15.0  # a coordinator does not send a volunteer further than this
NEGATIVE_OUTCOMES = (
    (IntakeOutcome.not_suitable, 35),
    (IntakeOutcome.referred_elsewhere, 30),
    (IntakeOutcome.family_declines, 25),
    (IntakeOutcome.no_contact, 10),
)


def _weighted(rng: random.Random, pairs: tuple) -> object:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _slots(rng: random.Random, count: int) -> list[tuple[int, HalfDay]]:
    return sorted(rng.sample(SLOTS, count), key=lambda s: (s[0], list(HalfDay).index(s[1])))


# ---- Families up to the waiting list


def _family(rng: random.Random, index: int, referred_on: dt.date) -> FamilyPlan:
    family = FamilyPlan(
        index, pick_origin(rng), referred_on, pick_postcode(rng), _slots(rng, rng.randint(2, 5))
    )
    family.timeline.step(referred_on, F.referred)
    family.intake_planned_on = referred_on + days(rng.triangular(2, 21, 6))
    family.timeline.step(family.intake_planned_on, F.intake_planned)
    if rng.random() < 0.05:
        family.outcome = IntakeOutcome.no_contact
        family.outcome_on = family.intake_planned_on + days(rng.uniform(14, 35))
        family.timeline.step(family.outcome_on, F.not_started, "no_contact")
        return family
    family.intake_done_on = family.intake_planned_on + days(rng.triangular(3, 30, 8))
    family.timeline.step(family.intake_done_on, F.intake_done)
    family.outcome_on = family.intake_done_on + days(rng.triangular(0, 14, 3))
    if rng.random() < 0.18:
        family.outcome = _weighted(rng, NEGATIVE_OUTCOMES)
        family.timeline.step(family.outcome_on, F.not_started, family.outcome.value)
    else:
        family.outcome = IntakeOutcome.waiting_list
        family.waiting_since = family.free_from = family.outcome_on
        family.timeline.step(family.outcome_on, F.waiting)
    return family


def _force_recent_families(families: list[FamilyPlan], today: dt.date) -> None:
    """The newest three families sit at the first steps, so every status is in the demo."""
    stages = [(2, None, None), (6, 5, None), (20, -11, -3)]  # referred / planned / intake done
    for family, (ago, planned_in, done_in) in zip(families[-3:], stages, strict=True):
        family.referred_on = today - days(ago)
        family.timeline = Timeline()
        family.timeline.step(family.referred_on, F.referred)
        family.intake_planned_on = family.intake_done_on = family.outcome = None
        family.outcome_on = family.waiting_since = family.free_from = None
        if planned_in is not None:
            family.intake_planned_on = today + days(planned_in)
            family.timeline.step(
                min(family.intake_planned_on, today - days(ago - 1)), F.intake_planned
            )
        if done_in is not None:
            family.intake_done_on = today + days(done_in)
            family.timeline.step(family.intake_done_on, F.intake_done)


# ---- Volunteers up to available


def _volunteer(
    rng: random.Random, pace: Pace, index: int, first_interview_on: dt.date, origin_weights
) -> VolunteerPlan:
    training_from = first_interview_on + days(rng.triangular(10, 70, 25))
    available_on = training_from + days(rng.triangular(35, 100, 50))
    volunteer = VolunteerPlan(
        index,
        pick_origin(rng, origin_weights),
        pick_postcode(rng),
        first_interview_on,
        training_from,
        available_on,
        _slots(rng, rng.randint(2, 6)),
        leaves_on=available_on + days(rng.expovariate(1 / pace.service_days)),
    )
    volunteer.timeline.step(first_interview_on, V.candidate)
    if rng.random() < pace.dropout:
        volunteer.dropped_out_on = first_interview_on + days(rng.uniform(7, 50))
        volunteer.stop_reason = "not_a_fit"
        volunteer.timeline.step(volunteer.dropped_out_on, V.stopped, volunteer.stop_reason)
        volunteer.stopped_on = volunteer.dropped_out_on
        return volunteer
    volunteer.timeline.step(training_from, V.in_training)
    volunteer.timeline.step(available_on, V.available)
    volunteer.free_from = available_on
    return volunteer


# ---- Matching


@cache
def _distance(a: str, b: str) -> float:
    return distance_km(a, b) or 0.0


def _fit(family: FamilyPlan, volunteer: VolunteerPlan) -> tuple[float, tuple[int, HalfDay] | None]:
    common = [s for s in family.slots if s in volunteer.slots]
    distance = _distance(family.postcode, volunteer.postcode)
    return distance + (0 if common else 25), (common[0] if common else None)


def _live_trajectory(rng, pace, family, volunteer, proposed_on, slot) -> TrajectoryPlan:
    """Draw a whole match: withdrawn, or introduced, started, maybe paused, and closed."""
    trajectory = TrajectoryPlan(family, volunteer, proposed_on, slot)
    family.trajectories.append(trajectory)
    trajectory.timeline.step(proposed_on, T.proposed)
    family.timeline.step(proposed_on, F.matched)
    volunteer.timeline.step(proposed_on, V.matched)
    family.free_from = volunteer.free_from = None
    if rng.random() < 0.08:
        withdrawn = proposed_on + days(rng.uniform(3, 12))
        trajectory.withdrawn_on = withdrawn
        trajectory.timeline.step(withdrawn, T.withdrawn, "no_click")
        family.timeline.step(withdrawn, F.waiting, "proposal withdrawn")
        volunteer.timeline.step(withdrawn, V.available, "proposal withdrawn")
        family.free_from = volunteer.free_from = withdrawn + DAY
        return trajectory
    trajectory.introduction_on = proposed_on + days(rng.triangular(4, 18, 8))
    trajectory.timeline.step(trajectory.introduction_on, T.introduced)
    start = trajectory.introduction_on + days(rng.triangular(3, 14, 7))
    trajectory.start_on = start
    trajectory.timeline.step(start, T.active)
    family.timeline.step(start, F.active)
    end = start + days(rng.triangular(*pace.length_days))
    reason = _weighted(rng, CLOSE_REASONS)
    if reason == CloseReason.volunteer_stopped and rng.random() < pace.another_family:
        reason = CloseReason.family_moved
    if end >= volunteer.leaves_on:
        reason = CloseReason.volunteer_stopped if rng.random() < 0.5 else reason
        end = max(start + days(60), min(end, volunteer.leaves_on))
    if rng.random() < 0.22 and (end - start).days > 130:
        # A pause lies well inside the trajectory, so its end stays where it was drawn.
        paused = start + days(rng.uniform(40, (end - start).days - 90))
        restart = paused + days(rng.uniform(14, min(70, (end - paused).days - 30)))
        trajectory.pauses.append((paused, restart))
        trajectory.timeline.step(paused, T.paused, "family_circumstances")
        trajectory.timeline.step(restart, T.active)
        family.timeline.step(paused, F.paused)
        family.timeline.step(restart, F.active)
    trajectory.ended_on, trajectory.close_reason = end, reason
    trajectory.timeline.step(end, T.closed, reason.value)
    family.timeline.step(end, F.closed, reason.value)
    if reason == CloseReason.volunteer_stopped or end >= volunteer.leaves_on:
        volunteer.stopped_on = end + days(rng.uniform(0, 21))
        volunteer.stop_reason = "personal"
        volunteer.timeline.step(volunteer.stopped_on, V.stopped, volunteer.stop_reason)
    elif rng.random() < pace.break_after:
        pause_from = end + days(rng.uniform(1, 10))
        back = pause_from + days(rng.uniform(40, 150))
        volunteer.timeline.step(pause_from, V.paused, "break")
        volunteer.timeline.step(back, V.available)
        volunteer.free_from = back
    else:
        volunteer.timeline.step(end + days(rng.uniform(1, 10)), V.available)
        volunteer.free_from = end + days(11)
    return trajectory


def _match_week(
    rng, pace: Pace, week: dt.date, waiting: list[FamilyPlan], free: list[VolunteerPlan], out: list
) -> None:
    for family in sorted(waiting, key=lambda f: (f.waiting_since, f.index)):
        if not free:
            return
        if (
            rng.random() < pace.hesitation
        ):  # finding the right person takes the coordinator some weeks
            continue
        near = [v for v in free if _distance(family.postcode, v.postcode) <= MATCH_KM]
        if not near:
            continue  # no one close enough this week: the family waits on
        candidates = sorted(near, key=lambda v: (_fit(family, v)[0], v.index))[:6]
        volunteer = rng.choice(candidates[:3])
        slot = _fit(family, volunteer)[1] or volunteer.slots[0]
        proposed_on = max(week + days(rng.uniform(0, 4)), family.free_from, volunteer.free_from)
        free.remove(volunteer)
        out.append(_live_trajectory(rng, pace, family, volunteer, proposed_on, slot))


def simulate(
    rng: random.Random,
    *,
    families: int,
    volunteers: int,
    start: dt.date,
    today: dt.date,
    volunteer_origins: dict[str, int],
    pace: Pace = REALISTIC,
) -> Branch:
    """Live the branch from ``start`` to ``today``; every timeline ends on or before today."""
    span = (today - start).days
    referral_days = sorted(rng.uniform(0, span - 1) for _ in range(families))
    plans = [_family(rng, i, start + days(d)) for i, d in enumerate(referral_days)]
    _force_recent_families(plans, today)
    veterans = round(volunteers * pace.veterans)
    course = min(len(SPRING_COURSE), volunteers // 5, max(volunteers - veterans - len(RECENT), 0))
    forced = RECENT + SPRING_COURSE[:course]
    interview_days = sorted(
        [rng.uniform(-3 * 365, -160) for _ in range(veterans)]
        + [rng.uniform(-150, span - 60) for _ in range(volunteers - veterans - len(forced))]
    ) + [span - stage[0] for stage in forced]  # see _force_recent_volunteers
    people = [
        _volunteer(rng, pace, i, start + days(d), volunteer_origins)
        for i, d in enumerate(interview_days)
    ]
    _force_recent_volunteers(people[-len(forced) :], forced, today)
    trajectories: list[TrajectoryPlan] = []
    week = start - days(start.weekday())
    while week <= today:
        week_end = week + days(6)
        waiting = [f for f in plans if f.free_from and f.free_from <= week_end]
        for family in waiting:
            waited = (week - family.waiting_since).days
            if waited > 70 and rng.random() < pace.waiting_dropout + waited / 60000:
                family.timeline.step(week + days(rng.uniform(0, 4)), F.closed, "no_longer_needed")
                family.free_from = None
        waiting = [f for f in waiting if f.free_from]
        free = []
        for volunteer in people:
            if volunteer.free_from and volunteer.free_from <= week_end:
                if volunteer.leaves_on <= week_end:
                    volunteer.stopped_on = max(volunteer.free_from, volunteer.leaves_on)
                    volunteer.stop_reason = "personal"
                    volunteer.timeline.step(volunteer.stopped_on, V.stopped, volunteer.stop_reason)
                    volunteer.free_from = None
                else:
                    free.append(volunteer)
        _match_week(rng, pace, week, waiting, free, trajectories)
        week += days(7)
    trajectories = _cut(plans, people, trajectories, rng, today)
    _ensure_every_status(plans, people, trajectories, today)
    _hard_to_match(plans)
    return Branch(plans, people, trajectories, start, today)


# Days ago of the first talk; days from today to the course, to available, to a break.
RECENT = (
    (300, -280, -200, -20),  # trained, then a break before a first family
    (160, -140, -60, None),  # available: the proposal under way
    (130, -110, -40, None),  # available: the introduction held
    (110, -90, -10, None),  # just trained, waiting for a family
    (150, -130, -30, None),  # trained last month: Matching has volunteers to propose
    (200, -170, -75, None),
    (240, -215, -120, None),
    (45, -25, 60, None),  # following the preparation course
    (10, 20, 80, None),  # first talk last week
)
# This spring's preparation course: eight new volunteers (women, as most are), free and ready
# for a first family, so the demo's Matching and whole-list proposal have someone to propose.
SPRING_COURSE = tuple(
    (ago, 20 - ago, -ago // 3, None) for ago in (95, 105, 110, 120, 130, 140, 150, 170)
)


def _force_recent_volunteers(recent: list[VolunteerPlan], stages: tuple, today: dt.date) -> None:
    """A few volunteers at each first step, so that every status is in even a small demo; and
    this spring's course, free today, with room in their week and their travel (``wide``)."""
    for volunteer, (ago, training_in, available_in, pause_in) in zip(recent, stages, strict=True):
        volunteer.first_interview_on = today - days(ago)
        volunteer.training_from = today + days(training_in)
        volunteer.available_on = today + days(available_in)
        volunteer.leaves_on = today + days(2000)
        volunteer.dropped_out_on = volunteer.stopped_on = None
        volunteer.stop_reason = ""
        volunteer.free_from = None  # kept out of the weekly matching
        volunteer.timeline = Timeline()
        volunteer.timeline.step(volunteer.first_interview_on, V.candidate)
        volunteer.timeline.step(volunteer.training_from, V.in_training)
        volunteer.timeline.step(volunteer.available_on, V.available)
        if pause_in is not None:
            volunteer.timeline.step(today + days(pause_in), V.paused, "personal")
    for volunteer in recent[len(RECENT) :]:
        # Their own seed: the branch's history is drawn from the same numbers as before.
        rng = random.Random(f"spring-course-{volunteer.index}")
        volunteer.slots = _slots(rng, rng.randint(6, 9))
        volunteer.wide = True


def _cut(plans, people, trajectories, rng, today: dt.date) -> list[TrajectoryPlan]:
    """Forget what lies after today and archive old closed files; the trajectories kept."""
    kept = [t for t in trajectories if t.proposed_on <= today]
    for family in plans:
        family.trajectories = [t for t in family.trajectories if t.proposed_on <= today]
        family.timeline.cut(today)
        last_on, _old, status, _r = family.timeline.steps[-1]
        if (
            status in (F.closed, F.not_started)
            and (today - last_on).days > 730
            and rng.random() < 0.5
        ):
            family.timeline.step(last_on + days(730), F.archived, "retention")
        if family.intake_done_on and family.intake_done_on > today:
            family.intake_done_on = None
        if family.outcome_on and family.outcome_on > today:
            family.outcome = family.outcome_on = family.waiting_since = None
    for volunteer in people:
        volunteer.timeline.cut(today)
        if volunteer.stopped_on and volunteer.stopped_on > today:
            volunteer.stopped_on, volunteer.stop_reason = None, ""
    for trajectory in kept:
        trajectory.timeline.cut(today)
        if trajectory.withdrawn_on and trajectory.withdrawn_on > today:
            trajectory.withdrawn_on = None
        if trajectory.start_on and trajectory.start_on > today:
            trajectory.start_on = None
        if trajectory.ended_on and trajectory.ended_on > today:
            trajectory.ended_on = trajectory.close_reason = None
        trajectory.pauses = [p for p in trajectory.pauses if p[0] <= today]
    return kept


def _ensure_every_status(plans, people, trajectories, today: dt.date) -> None:
    """A small branch may by chance have no paused match or volunteer today: make one."""
    if not any(t.timeline.status == T.paused for t in trajectories):
        for trajectory in trajectories:
            if trajectory.timeline.status == T.active and trajectory.start_on < today - days(90):
                if trajectory.pauses and trajectory.pauses[-1][1] > today - days(30):
                    continue
                paused = today - days(12)
                trajectory.pauses.append((paused, today + days(16)))
                trajectory.timeline.step(paused, T.paused, "family_circumstances")
                trajectory.family.timeline.step(paused, F.paused)
                break
    under_way = [t.timeline.status for t in trajectories]
    for status, ago in ((T.introduced, 12), (T.withdrawn, 9), (T.proposed, 3)):
        if status not in under_way:
            _propose_now(plans, people, trajectories, today, ago, status)
    if not any(v.timeline.status == V.paused for v in people):
        for volunteer in people:
            if volunteer.timeline.status == V.available and volunteer.timeline.steps[-1][
                0
            ] < today - days(30):
                volunteer.timeline.step(today - days(20), V.paused, "break")
                break


def _hard_to_match(plans: list[FamilyPlan]) -> None:
    """Three waiting families (none of the five longest waiting) whom no volunteer fits today:
    Saturday morning only, a man preferred, smoking at home, so Matching shows why."""
    waiting = sorted(
        (f for f in plans if f.timeline.status == F.waiting),
        key=lambda f: (f.waiting_since or f.referred_on, f.index),
    )
    if len(waiting) < 12:
        return
    for family in (waiting[len(waiting) // 3], waiting[len(waiting) // 2], waiting[-3]):
        family.slots = [(5, HalfDay.morning)]
        family.hard_to_match = True


def _propose_now(plans, people, trajectories, today: dt.date, ago: int, status) -> None:
    """A proposal made ``ago`` days ago to the longest-waiting family, with a free volunteer."""
    waiting = [
        f
        for f in plans
        if f.timeline.status == F.waiting and f.timeline.steps[-1][0] < today - days(ago)
    ]
    free = [
        v
        for v in people
        if v.timeline.status == V.available and v.timeline.steps[-1][0] < today - days(ago)
    ]
    if not waiting or not free:
        return
    family = min(waiting, key=lambda f: (f.waiting_since, f.index))
    volunteer = min(
        free,
        key=lambda v: (
            _distance(family.postcode, v.postcode) > MATCH_KM,
            v.timeline.steps[-1][0],
            v.index,
        ),
    )
    proposed_on = max(today - days(ago), family.timeline.steps[-1][0])
    trajectory = TrajectoryPlan(
        family, volunteer, proposed_on, _fit(family, volunteer)[1] or volunteer.slots[0]
    )
    trajectory.timeline.step(proposed_on, T.proposed)
    family.timeline.step(proposed_on, F.matched)
    volunteer.timeline.step(proposed_on, V.matched)
    if status == T.withdrawn:  # the family said no after a first phone call
        trajectory.withdrawn_on = proposed_on + days(5)
        trajectory.timeline.step(trajectory.withdrawn_on, T.withdrawn, "no_click")
        family.timeline.step(trajectory.withdrawn_on, F.waiting, "proposal withdrawn")
        volunteer.timeline.step(trajectory.withdrawn_on, V.available, "proposal withdrawn")
        family.trajectories.append(trajectory)
        trajectories.append(trajectory)
        return
    # The introduction visit is planned for next week, or was held a few days ago.
    trajectory.introduction_on = today + days(6) if status == T.proposed else today - days(3)
    if status == T.introduced:
        trajectory.timeline.step(trajectory.introduction_on, T.introduced)
    family.trajectories.append(trajectory)
    trajectories.append(trajectory)
