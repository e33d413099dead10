"""Rows for the demo's matches: trajectories, their weekly visits, reviews and closed periods.

A trajectory visits on its weekday and half-day from its start to its end, skipping Belgian
public holidays, the branch's Christmas closure, the family's holidays and pauses. Past visits
are logged (mostly done), the last few days' visits partly still wait to be logged, and the
coming four weeks are planned. Reviews follow the branch's default schedule.
"""

from __future__ import annotations

import datetime as dt
import random

import holidays

from homestart_desktop.data import models as m
from homestart_desktop.data.demo import notes
from homestart_desktop.data.demo.plans import Branch, TrajectoryPlan, days
from homestart_desktop.data.demo.rows import Rows
from homestart_desktop.data.postcodes import distance_km

PLAN_AHEAD_DAYS = 28
ROAD_FACTOR = 1.3  # the road is about a third longer than the straight line between postcodes
COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#9C755F")
ACTIVITIES = (
    "parenting:respite", "parenting:play", "parenting:reading", "parenting:outing",
    "parenting:listening", "parenting:homework", "network:leisure", "network:neighbourhood",
    "network:parent_group", "network:dutch", "network:services", "rights:administration",
    "rights:finding_services", "rights:advocacy",
)  # fmt: skip
VISIT_OUTCOMES = (
    (m.VisitStatus.done, 85),
    (m.VisitStatus.cancelled_family, 8),
    (m.VisitStatus.cancelled_volunteer, 5),
    (m.VisitStatus.not_happened, 2),
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_trajectories(
    rows: Rows, branch: Branch, family_ids: dict[int, int], volunteer_ids: dict[int, int], seed: int
) -> None:
    """Every trajectory with its history, visits and reviews, and the periods without visits."""
    today = branch.today
    years = range(branch.start.year - 1, today.year + 2)
    closed_days = set(holidays.Belgium(years=years))
    for year in years[:-1]:
        christmas = dt.date(year, 12, 24)
        rows.add(
            m.BlockedPeriod, starts_on=christmas, ends_on=christmas + days(8), label="Kerstvakantie"
        )
        closed_days.update(christmas + days(i) for i in range(9))
    baselines = _baselines(rows)
    for number, plan in enumerate(branch.trajectories):
        rng = random.Random(f"{seed}-trajectory-{number}")
        ids = (family_ids[plan.family.index], volunteer_ids[plan.volunteer.index])
        _add_trajectory(rows, rng, plan, number, ids, closed_days, baselines, today)


def _add_trajectory(
    rows, rng, plan: TrajectoryPlan, number, ids, closed_days, baselines, today
) -> None:
    status = plan.timeline.status
    family_id, volunteer_id = ids
    pause = plan.pauses[-1] if status == m.TrajectoryStatus.paused else None
    distance = distance_km(plan.family.postcode, plan.volunteer.postcode)
    if distance is not None and distance < 1.0:
        # One postcode, two addresses: a street or a neighbourhood apart, not zero.
        distance = rng.uniform(1.0, 3.5)
    closed = status == m.TrajectoryStatus.closed
    trajectory_id = rows.add(
        m.Trajectory,
        family_id=family_id,
        volunteer_id=volunteer_id,
        status=status,
        proposed_on=plan.proposed_on,
        proposal_reason=f"Woont op {round(distance or 1)} km, vrij op het gevraagde dagdeel.",
        introduction_on=plan.introduction_on,
        start_on=plan.start_on,
        weekday=plan.slot[0],
        half_day=plan.slot[1],
        planned_end_on=add_months(plan.start_on, 12) if plan.start_on else None,
        paused_on=pause[0] if pause else None,
        pause_reason="Gezin heeft even rust nodig" if pause else "",
        expected_restart_on=pause[1] if pause else None,
        ended_on=plan.ended_on,
        close_reason=plan.close_reason,
        end_note="Afsluitend gesprek gehad." if closed else "",
        referrer_informed=closed and rng.random() < 0.8,
        colour=COLOURS[number % len(COLOURS)],
    )
    for on, old, new, reason in plan.timeline.steps:
        rows.add(
            m.TrajectoryStatusChange,
            trajectory_id=trajectory_id,
            on=on,
            from_status=old,
            to_status=new,
            reason=reason,
        )
    if plan.start_on is None:
        return
    blocked = list(plan.pauses)
    if rng.random() < 0.1:
        holiday = dt.date(plan.start_on.year, 7, rng.randint(1, 20))
        rows.add(
            m.BlockedPeriod,
            family_id=family_id,
            starts_on=holiday,
            ends_on=holiday + days(13),
            label="Vakantie van het gezin",
        )
        blocked.append((holiday, holiday + days(14)))
    _add_visits(rows, rng, plan, trajectory_id, distance, closed_days, blocked, today)
    baseline = baselines.get(family_id) or {area: 2 for area in m.OUTCOME_AREAS}
    _add_reviews(rows, rng, plan, trajectory_id, baseline, today)


def _add_visits(rows, rng, plan, trajectory_id, distance, closed_days, blocked, today) -> None:
    weekday, half_day = plan.slot
    day = plan.start_on + days((weekday - plan.start_on.weekday()) % 7)
    if plan.ended_on:
        last = plan.ended_on
    elif plan.timeline.status == m.TrajectoryStatus.paused:
        last = today
    else:
        last = today + days(PLAN_AHEAD_DAYS)
    km = round(2 * ROAD_FACTOR * (distance or 2.0), 1)  # there and back, by road
    week = dt.timedelta(days=7)
    while day <= last:
        if day in closed_days or any(first <= day < until for first, until in blocked):
            day += week
            continue
        if day >= today or (day > today - days(6) and rng.random() < 0.5):
            status = m.VisitStatus.planned
        else:
            status = rng.choices([o[0] for o in VISIT_OUTCOMES], [o[1] for o in VISIT_OUTCOMES])[0]
        done = status == m.VisitStatus.done
        rows.add(
            m.Visit,
            trajectory_id=trajectory_id,
            on=day,
            half_day=half_day,
            status=status,
            minutes=rng.choice((150, 180, 180, 210, 240)) if done else 0,
            km=km if done else 0.0,
            activities=rng.sample(ACTIVITIES, rng.randint(1, 3)) if done else [],
            note=notes.visit_note(rng) if done and rng.random() < 0.2 else "",
        )
        day += week


def _baselines(rows: Rows) -> dict[int, dict[str, int]]:
    """Each family's own scores at the intake: where its reviews start from."""
    return {
        intake["family_id"]: {area: intake[f"score_{area}"] for area in m.OUTCOME_AREAS}
        for intake in rows.tables[m.Intake]
        if intake.get("score_wellbeing") is not None
    }


def _add_reviews(rows, rng, plan: TrajectoryPlan, trajectory_id: int, baseline, today) -> None:
    score = dict(baseline)
    months = [3, 6, *range(12, 121, 6)]
    for offset in months:
        planned = add_months(plan.start_on, offset)
        if plan.ended_on and planned >= plan.ended_on - days(21):
            break
        held = None
        if planned <= today:
            overdue = not plan.ended_on and planned > today - days(40) and rng.random() < 0.25
            held = None if overdue else min(planned + days(rng.uniform(-5, 12)), today)
        if held:
            score = {a: min(5, s + rng.choice((0, 0, 1))) for a, s in score.items()}
        rows.add(
            m.Review,
            trajectory_id=trajectory_id,
            kind=m.ReviewKind.interim,
            planned_on=planned,
            held_on=held,
            participants="gezin, vrijwilliger, coördinator" if held else "",
            agreements="Verder zoals afgesproken; focus op het netwerk." if held else "",
            **({f"score_{a}": s for a, s in score.items()} if held else {}),
        )
        if planned > today or held is None:
            break  # the next review is planned; later ones follow from it
    if plan.ended_on and rng.random() < 0.85:
        gain = 1 if plan.close_reason == m.CloseReason.goals_reached else 0
        rows.add(
            m.Review,
            trajectory_id=trajectory_id,
            kind=m.ReviewKind.closing,
            planned_on=plan.ended_on,
            held_on=plan.ended_on - days(rng.uniform(0, 10)),
            participants="gezin, vrijwilliger, coördinator",
            agreements="Traject afgesloten; verwijzer op de hoogte gebracht.",
            **{f"score_{a}": min(5, s + gain * rng.choice((0, 1))) for a, s in score.items()},
        )
