"""The quarter's figures, counted exactly as ``docs/figures.md`` defines them.

:func:`count_figures` is pure: plain facts in, raw (unprotected) figures out. Nothing raw ever
leaves the branch: :func:`quarter_figures` passes them through disclosure control
(``sync/disclosure.py``) and the result is what the coordinator sees and the package carries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections import Counter
from typing import Any

from sqlmodel import Session

from homestart_desktop.data.figures.queries import FamilyFact, QuarterFacts, quarter_facts
from homestart_desktop.data.models import (
    OUTCOME_AREAS,
    CloseReason,
    FamilyStatus,
    ReferrerCategory,
    VisitStatus,
    VolunteerStatus,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.domain import waiting as wait
from homestart_desktop.sync.quarter import Quarter

# ---- The shape of the figures: tables, their rows in display order

BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "referrals": tuple(c.value for c in ReferrerCategory),
    "closed": tuple(c.value for c in CloseReason),
    "visits": ("done", "cancelled_family", "cancelled_volunteer", "not_happened"),
    "children": ("unborn", "age_0_1", "age_1_3", "age_3_6", "age_6_12", "age_12_plus", "unknown"),
}
FLOW = ("intakes", "waiting_at_end", "started", "active_at_end")
INDICATORS = (
    "financially_vulnerable",
    "single_parent",
    "around_birth",
    "psychological_vulnerability",
    "young_parent",
    "physical_disability",
    "newcomer",
    "deprived",
)
VOLUNTEERS = (
    "active",
    "new",
    "trained",
    "stopped",
    "unmatched",
    "intervision_sessions",
    "intervision_attendances",
)
MEASURES = (
    "median_waiting_days",
    "median_closed_days",
    "visit_hours",
    "training_hours",
    "expenses_paid_cents",
)
# A median or a sum over people is given only when it rests on at least this many.
MIN_BASIS = 5
WAITING_STATUSES = frozenset({FamilyStatus.waiting, FamilyStatus.matched})
ACTIVE_VOLUNTEER = frozenset({VolunteerStatus.available, VolunteerStatus.matched})


@dataclasses.dataclass(frozen=True)
class RawFigures:
    """Exact counts before disclosure control: never shown, never sent."""

    breakdowns: dict[str, dict[str, int]]  # table -> row -> count (total = their sum)
    flow: dict[str, int]
    families_active: int
    indicators: dict[str, int]
    volunteers: dict[str, int]
    measures: dict[str, tuple[float | int | None, int]]  # value, how many it rests on
    outcomes: dict[str, tuple[int, int]]  # area -> (improved, assessed)
    definitions: dict[str, Any]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for clip in range(4):
        try:
            return dt.date(year, month + 1, day.day - clip)
        except ValueError:
            continue
    raise ValueError(day)


def _age_band(birth: dt.date | None, due: dt.date | None, end: dt.date) -> str:
    if birth is None:
        return "unborn" if due is not None else "unknown"
    if birth > end:
        return "unborn"
    years = end.year - birth.year - ((end.month, end.day) < (birth.month, birth.day))
    if years < 1:
        return "age_0_1"
    if years < 3:
        return "age_1_3"
    if years < 6:
        return "age_3_6"
    return "age_6_12" if years < 12 else "age_12_plus"


def _indicators(
    family: FamilyFact, first_start: dt.date, end: dt.date, months_after: int, young_under: int
) -> set[str]:
    found = set()
    if family.kansarmoede[0]:
        found.add("financially_vulnerable")
    if family.single_parent:
        found.add("single_parent")
    window = (add_months(first_start, -months_after), add_months(first_start, 9))
    if any(
        window[0] <= (birth or due) <= window[1] for birth, due in family.children if birth or due
    ):
        found.add("around_birth")
    if family.psychological_vulnerability:
        found.add("psychological_vulnerability")
    if any(first_start.year - year < young_under for year in family.caregiver_birth_years):
        found.add("young_parent")
    if family.physical_disability:
        found.add("physical_disability")
    if any(end.year - year < 5 for year in family.arrival_years):
        found.add("newcomer")
    if sum(family.kansarmoede) >= 3:
        found.add("deprived")
    return found


def _median(values: list[int]) -> tuple[float | None, int]:
    if len(values) < MIN_BASIS:
        return None, len(values)
    return float(statistics.median(values)), len(values)


def _sum_over_people(by_person: dict[int, float] | dict[int, int]) -> tuple[float | None, int]:
    people = [v for v in by_person.values() if v]
    if len(people) < MIN_BASIS:
        return None, len(people)
    return sum(people), len(people)


def count_figures(
    facts: QuarterFacts, *, months_after: int = 6, young_under: int = 23
) -> RawFigures:
    """Count every figure of the quarter from its facts (pure; see docs/figures.md)."""
    start, end = facts.start, facts.end
    running_at_end = [t for t in facts.trajectories if t.ended_on is None or t.ended_on > end]
    started = [t for t in facts.trajectories if t.start_on >= start]
    closed = [t for t in facts.trajectories if t.closed and t.ended_on and t.ended_on <= end]

    first_start: dict[int, dt.date] = {}
    for t in facts.trajectories:
        first_start[t.family_id] = min(t.start_on, first_start.get(t.family_id, t.start_on))
    indicators: Counter[str] = Counter()
    children: Counter[str] = Counter({row: 0 for row in BREAKDOWNS["children"]})
    for family_id, begun in first_start.items():
        family = facts.families[family_id]
        indicators.update(_indicators(family, begun, end, months_after, young_under))
        children.update(_age_band(birth, due, end) for birth, due in family.children)

    waiting_days = []
    for t in started:
        before = [d for d in facts.referral_dates.get(t.family_id, ()) if d <= t.start_on]
        if before:  # the wait of domain.waiting, as it stood on the day support started
            waiting_days.append(wait.waiting_days(before[-1], t.start_on))
    closed_days = [(t.ended_on - t.start_on).days for t in closed if t.ended_on]

    volunteers_matched_at_end = {t.volunteer_id for t in running_at_end}
    active = [v for v in facts.volunteers if v.status_at_end in ACTIVE_VOLUNTEER]
    in_quarter = lambda day: day is not None and start <= day <= end  # noqa: E731

    outcomes = {}
    for index, area in enumerate(OUTCOME_AREAS):
        pairs = [
            (o.baseline[index], o.closing[index])
            for o in facts.outcomes
            if o.baseline[index] is not None and o.closing[index] is not None
        ]
        outcomes[area] = (sum(1 for b, c in pairs if c > b), len(pairs))  # type: ignore[operator]

    visits = facts.visits_by_status
    return RawFigures(
        breakdowns={
            "referrals": {
                c: facts.referrals_by_category.get(c, 0) for c in BREAKDOWNS["referrals"]
            },
            "closed": {
                r: sum(1 for t in closed if (t.close_reason or CloseReason.other) == r)
                for r in BREAKDOWNS["closed"]
            },
            "visits": {
                "done": visits.get(VisitStatus.done, 0),
                "cancelled_family": visits.get(VisitStatus.cancelled_family, 0),
                "cancelled_volunteer": visits.get(VisitStatus.cancelled_volunteer, 0),
                "not_happened": visits.get(VisitStatus.not_happened, 0),
            },
            "children": {row: children[row] for row in BREAKDOWNS["children"]},
        },
        flow={
            "intakes": facts.intakes_done,
            "waiting_at_end": sum(
                n for s, n in facts.families_status_at_end.items() if s in WAITING_STATUSES
            ),
            "started": len(started),
            "active_at_end": len(running_at_end),
        },
        families_active=len(first_start),
        indicators={key: indicators[key] for key in INDICATORS},
        volunteers={
            "active": len(active),
            "new": sum(1 for v in facts.volunteers if in_quarter(v.onboarded_on)),
            "trained": sum(1 for v in facts.volunteers if in_quarter(v.course_completed_on)),
            "stopped": sum(1 for v in facts.volunteers if in_quarter(v.stopped_on)),
            "unmatched": sum(1 for v in active if v.id not in volunteers_matched_at_end),
            "intervision_sessions": facts.intervision_sessions,
            "intervision_attendances": facts.intervision_present,
        },
        measures={
            "median_waiting_days": _median(waiting_days),
            "median_closed_days": _median(closed_days),
            "visit_hours": (
                round(facts.visit_minutes_done / 60, 1)
                if visits.get(VisitStatus.done, 0) >= MIN_BASIS
                else None,
                visits.get(VisitStatus.done, 0),
            ),
            "training_hours": _sum_over_people(facts.training_hours_by_volunteer),
            "expenses_paid_cents": _sum_over_people(facts.expenses_paid_by_volunteer),
        },
        outcomes=outcomes,
        definitions={"around_birth_months_after": months_after, "young_parent_under": young_under},
    )


def raw_quarter_figures(*, session: Session, quarter: Quarter) -> RawFigures:
    """The raw figures of a quarter, read from the case file (never shown as such)."""
    settings = load_settings(session=session)
    facts = quarter_facts(session=session, start=quarter.start, end=quarter.end)
    return count_figures(
        facts,
        months_after=settings.around_birth_months_after,
        young_under=settings.young_parent_under,
    )
