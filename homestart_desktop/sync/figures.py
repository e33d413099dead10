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

from homestart_desktop.data.figures.facts import WAITING_STAGES, FamilyFact, QuarterFacts
from homestart_desktop.data.figures.queries import quarter_facts
from homestart_desktop.data.models import (
    OUTCOME_AREAS,
    CloseReason,
    ReferrerCategory,
    VisitStatus,
    VolunteerStatus,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.domain.waiting import WaitFacts, wait_began
from homestart_desktop.sync.quarter import Quarter

# ---- The shape of the figures: tables, their rows in display order

BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "referrals": tuple(c.value for c in ReferrerCategory),
    "closed": tuple(c.value for c in CloseReason),
    "visits": ("done", "cancelled_family", "cancelled_volunteer", "not_happened"),
    "children": ("unborn", "age_0_1", "age_1_3", "age_3_6", "age_6_12", "age_12_plus", "unknown"),
}
FLOW = (
    "intakes",
    "waiting_at_end",
    "started",
    "new_families_started",
    "active_at_end",
    "families_since_january",
)
STAGES = ("referred", "intake", "waiting", "matched")
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
    "median_waiting_so_far_days",
    "median_closed_days",
    "visit_hours",
    "training_hours",
    "expenses_paid_cents",
)
# A median or a sum over people is given only when it rests on at least this many families
# (or volunteers): never on visits or trajectories, which one family can supply alone.
MIN_BASIS = 5
ACTIVE_VOLUNTEER = frozenset({VolunteerStatus.available, VolunteerStatus.matched})
STAGE_OF = WAITING_STAGES  # family status at quarter end -> stage of the waiting list
VISIT_ROWS = {
    VisitStatus.done: "done",
    VisitStatus.cancelled_family: "cancelled_family",
    VisitStatus.cancelled_volunteer: "cancelled_volunteer",
    VisitStatus.not_happened: "not_happened",
}


@dataclasses.dataclass(frozen=True)
class RawFigures:
    """Exact counts before disclosure control: shown only to the branch, never sent.

    ``keys`` mirrors the counts (table -> row -> sum of the record keys of what a count counts,
    ``total``/``base`` included): the cell key method draws each count's noise from it.
    """

    breakdowns: dict[str, dict[str, int]]  # table -> row -> count (total = their sum)
    flow: dict[str, int]
    waiting_list: dict[str, int]  # stage -> families at quarter end (total: flow's waiting_at_end)
    families_active: int
    indicators: dict[str, int]
    volunteers: dict[str, int]
    measures: dict[str, tuple[float | int | None, int]]  # value, how many people it rests on
    outcomes: dict[str, tuple[int, int]]  # area -> (improved, assessed)
    definitions: dict[str, Any]
    keys: dict[str, dict[str, int]] = dataclasses.field(default_factory=dict)


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
    """The indicators a family counts for; ages and years are taken on the quarter end."""
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
    if any(end.year - year < young_under for year in family.caregiver_birth_years):
        found.add("young_parent")
    if family.physical_disability:
        found.add("physical_disability")
    if any(end.year - year < 5 for year in family.arrival_years):
        found.add("newcomer")
    if sum(family.kansarmoede) >= 3:
        found.add("deprived")
    return found


def median(values: list[int]) -> float:
    """The middle value; of an even count, the mean of the two middle values (may end in .5)."""
    return float(statistics.median(values))


def _median_over(by_family: dict[int, list[int]]) -> tuple[float | None, int]:
    """The median of the values, given only when at least MIN_BASIS families supply them."""
    values = [v for found in by_family.values() for v in found]
    if len(by_family) < MIN_BASIS:
        return None, len(by_family)
    return median(values), len(by_family)


def _sum_over_people(by_person: dict[int, float] | dict[int, int]) -> tuple[float | None, int]:
    people = [v for v in by_person.values() if v]
    if len(people) < MIN_BASIS:
        return None, len(people)
    return sum(people), len(people)


def waiting_began(facts: QuarterFacts, family_id: int, day: dt.date) -> dt.date | None:
    """The day a family's wait for support on ``day`` began: the rule of every screen
    (``domain.waiting.wait_began``, docs/figures.md "Waiting began") on the quarter's facts."""
    return wait_began(
        WaitFacts(
            referrals=facts.referral_dates.get(family_id, ()),
            supported=facts.history.get(family_id, ()),
            on_list_since=facts.waiting_since.get(family_id),
            back_on_list=facts.back_on_list.get(family_id, ()),
            back_from_not_started=facts.back_from_not_started.get(family_id, ()),
        ),
        day,
    )


class _Tally:
    """Counts and the sums of their records' keys, side by side."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.keys: Counter[str] = Counter()

    def add(self, row: str, key: int, times: int = 1) -> None:
        self.counts[row] += times
        self.keys[row] += key

    def rows(self, order: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
        return {r: self.counts[r] for r in order}, {r: self.keys[r] for r in order}


def _with_total(keys: dict[str, int]) -> dict[str, int]:
    return {**keys, "total": sum(keys.values())}


def count_figures(
    facts: QuarterFacts, *, months_after: int = 6, young_under: int = 23
) -> RawFigures:
    """Count every figure of the quarter from its facts (pure; see docs/figures.md)."""
    start, end = facts.start, facts.end
    family_key = facts.family_keys.get
    in_quarter = [t for t in facts.trajectories if t.ended_on is None or t.ended_on >= start]
    running_at_end = [t for t in in_quarter if t.ended_on is None or t.ended_on > end]
    started = [t for t in in_quarter if t.start_on >= start]
    closed = [t for t in in_quarter if t.closed and t.ended_on and t.ended_on <= end]
    first_ever = {f: history[0][0] for f, history in facts.history.items() if history}
    new_families = {t.family_id for t in started if start <= first_ever.get(t.family_id, start)}
    since_january = {t.family_id for t in facts.trajectories}

    active_families = {t.family_id for t in in_quarter}
    indicators, children = _Tally(), _Tally()
    for family_id in active_families:
        family = facts.families[family_id]
        begun = first_ever.get(family_id) or min(
            t.start_on for t in in_quarter if t.family_id == family_id
        )
        for found in _indicators(family, begun, end, months_after, young_under):
            indicators.add(found, family.key)
        for birth, due in family.children:
            children.add(_age_band(birth, due, end), family.key)

    waiting_list = [f for f, status in facts.families_status_at_end.items() if status in STAGE_OF]
    stages = _Tally()
    for family_id in waiting_list:
        stages.add(STAGE_OF[facts.families_status_at_end[family_id]], family_key(family_id, 0))

    waited: dict[int, list[int]] = {}
    for t in started:
        began = waiting_began(facts, t.family_id, t.start_on)
        if began is not None:
            waited.setdefault(t.family_id, []).append((t.start_on - began).days)
    waiting_so_far: dict[int, list[int]] = {}
    for family_id in waiting_list:
        began = waiting_began(facts, family_id, end)
        if began is not None:
            waiting_so_far[family_id] = [(end - began).days]
    closed_days: dict[int, list[int]] = {}
    for t in closed:
        closed_days.setdefault(t.family_id, []).append((t.ended_on - t.start_on).days)  # type: ignore[operator]

    closed_tally = _Tally()
    for t in closed:
        closed_tally.add(str(t.close_reason or CloseReason.other), t.key)
    referrals = _Tally()
    for category, (count, key) in facts.referrals_by_category.items():
        referrals.add(category, key, count)
    visits = _Tally()
    for status, (count, key) in facts.visits_by_status.items():
        if status in VISIT_ROWS:
            visits.add(VISIT_ROWS[status], key, count)

    matched_at_end = {t.volunteer_id for t in running_at_end}
    active = [v for v in facts.volunteers if v.status_at_end in ACTIVE_VOLUNTEER]
    in_quarter_day = lambda day: day is not None and start <= day <= end  # noqa: E731
    people = _Tally()
    for row, chosen in (
        ("active", active),
        ("new", [v for v in facts.volunteers if in_quarter_day(v.onboarded_on)]),
        ("trained", [v for v in facts.volunteers if in_quarter_day(v.course_completed_on)]),
        ("stopped", [v for v in facts.volunteers if in_quarter_day(v.stopped_on)]),
        ("unmatched", [v for v in active if v.id not in matched_at_end]),
    ):
        people.counts[row] = len(chosen)
        people.keys[row] = sum(v.key for v in chosen)
    attendances, present_keys = facts.intervision_present
    people.counts["intervision_sessions"] = facts.intervision_sessions
    people.keys["intervision_sessions"] = present_keys
    people.add("intervision_attendances", present_keys, attendances)

    outcomes, improved_keys, assessed_keys = {}, {}, {}
    for index, area in enumerate(OUTCOME_AREAS):
        pairs = [
            (o.baseline[index], o.closing[index], o.key)
            for o in facts.outcomes
            if o.baseline[index] is not None and o.closing[index] is not None
        ]
        better = [key for b, c, key in pairs if c > b]  # type: ignore[operator]
        outcomes[area] = (len(better), len(pairs))
        improved_keys[area] = sum(better)
        assessed_keys[area] = sum(key for _b, _c, key in pairs)

    breakdowns, keys = {}, {}
    for table, tally in (
        ("referrals", referrals),
        ("closed", closed_tally),
        ("visits", visits),
        ("children", children),
    ):
        breakdowns[table], row_keys = tally.rows(BREAKDOWNS[table])
        keys[table] = _with_total(row_keys)
    waiting_counts, keys["waiting_list"] = stages.rows(STAGES)
    flow = {
        "intakes": facts.intakes_done[0],
        "waiting_at_end": len(waiting_list),
        "started": len(started),
        "new_families_started": len(new_families),
        "active_at_end": len(running_at_end),
        "families_since_january": len(since_january),
    }
    keys["flow"] = {
        "intakes": facts.intakes_done[1],
        "waiting_at_end": sum(family_key(f, 0) for f in waiting_list),
        "started": sum(t.key for t in started),
        "new_families_started": sum(family_key(f, 0) for f in new_families),
        "active_at_end": sum(t.key for t in running_at_end),
        "families_since_january": sum(family_key(f, 0) for f in since_january),
    }
    indicator_counts, indicator_keys = indicators.rows(INDICATORS)
    keys["families"] = {
        "base": sum(facts.families[f].key for f in active_families),
        **indicator_keys,
    }
    volunteer_counts, keys["volunteers"] = people.rows(VOLUNTEERS)
    keys["outcomes"], keys["outcomes_bases"] = improved_keys, assessed_keys
    return RawFigures(
        breakdowns=breakdowns,
        flow=flow,
        waiting_list=waiting_counts,
        families_active=len(active_families),
        indicators=indicator_counts,
        volunteers=volunteer_counts,
        measures={
            "median_waiting_days": _median_over(waited),
            "median_waiting_so_far_days": _median_over(waiting_so_far),
            "median_closed_days": _median_over(closed_days),
            "visit_hours": (
                round(facts.visit_minutes_done / 60, 1)
                if facts.visit_families_done >= MIN_BASIS
                else None,
                facts.visit_families_done,
            ),
            "training_hours": _sum_over_people(facts.training_hours_by_volunteer),
            "expenses_paid_cents": _sum_over_people(facts.expenses_paid_by_volunteer),
        },
        outcomes=outcomes,
        definitions={
            "around_birth_months_after": months_after,
            "young_parent_under": young_under,
            "reference_date": "quarter_end",
        },
        keys=keys,
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
