"""Random branches over eight quarters, as plain facts: referrals, rematches, closures, corrections.

Fast enough for hundreds of branches per test: no case file, the facts go straight into
``count_figures`` and ``protect``, the same code a real package runs through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from homestart_desktop.data.figures.facts import (
    FamilyFact,
    QuarterFacts,
    TrajectoryFact,
    VolunteerFact,
)
from homestart_desktop.data.models import CloseReason, FamilyStatus, VolunteerStatus
from homestart_desktop.sync.quarter import Quarter

FIRST = Quarter(2025, 1)
QUARTERS = FIRST.next().next().next().next().next().next().next().last(8)  # 2025-Q1 … 2026-Q4
REASONS = list(CloseReason)


@dataclasses.dataclass
class Trajectory:
    id: int
    family_id: int
    volunteer_id: int
    key: int
    start_on: dt.date
    ended_on: dt.date | None
    reason: CloseReason


@dataclasses.dataclass
class Family:
    id: int
    key: int
    referred_on: dt.date
    single_parent: bool
    waiting_since: dt.date | None = None


@dataclasses.dataclass
class Branch:
    families: list[Family]
    trajectories: list[Trajectory]
    volunteer_keys: dict[int, int]
    rng: random.Random

    # ---- Building

    def add_family(self, referred_on: dt.date, *, rematch_chance: float = 0.3) -> None:
        """A family referred on ``referred_on``; maybe supported, maybe twice (a rematch)."""
        rng = self.rng
        family = Family(
            len(self.families) + 1, rng.getrandbits(32), referred_on, rng.random() < 0.45
        )
        self.families.append(family)
        start = referred_on + dt.timedelta(days=rng.randint(15, 200))
        rounds = 2 if rng.random() < rematch_chance else 1
        for _ in range(rounds):
            if rng.random() < 0.15 or start > QUARTERS[-1].end:
                return  # still waiting, or dropped out before a start
            days = rng.randint(0, 450)
            ended = start + dt.timedelta(days=days)
            self.trajectories.append(
                Trajectory(
                    len(self.trajectories) + 1,
                    family.id,
                    rng.choice(list(self.volunteer_keys)),
                    rng.getrandbits(32),
                    start,
                    ended if ended <= QUARTERS[-1].end else None,
                    rng.choice(REASONS),
                )
            )
            if ended > QUARTERS[-1].end:
                return
            family.waiting_since = ended  # back on the waiting list
            start = ended + dt.timedelta(days=rng.randint(5, 150))

    def copy(self) -> Branch:
        return Branch(
            [dataclasses.replace(f) for f in self.families],
            [dataclasses.replace(t) for t in self.trajectories],
            dict(self.volunteer_keys),
            random.Random(self.rng.random()),
        )

    # ---- Facts of a quarter

    def status_on(self, family: Family, day: dt.date) -> FamilyStatus | None:
        if family.referred_on > day:
            return None
        mine = [t for t in self.trajectories if t.family_id == family.id and t.start_on <= day]
        if not mine:
            return FamilyStatus.waiting
        last = mine[-1]
        if last.ended_on is None or last.ended_on > day:
            return FamilyStatus.active
        later = [t for t in self.trajectories if t.family_id == family.id and t.start_on > day]
        return FamilyStatus.waiting if later else FamilyStatus.closed

    def facts(self, quarter: Quarter) -> QuarterFacts:
        start, end = quarter.start, quarter.end
        january = dt.date(end.year, 1, 1)
        running = [
            t
            for t in self.trajectories
            if t.start_on <= end and (t.ended_on is None or t.ended_on >= january)
        ]
        statuses = {f.id: s for f in self.families if (s := self.status_on(f, end)) is not None}
        history: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
        for t in sorted(self.trajectories, key=lambda t: (t.start_on, t.id)):
            history.setdefault(t.family_id, []).append((t.start_on, t.ended_on))
        by_id = {f.id: f for f in self.families}
        return QuarterFacts(
            start=start,
            end=end,
            referrals_by_category={},
            intakes_done=(0, 0),
            families_status_at_end=statuses,
            family_keys={f.id: f.key for f in self.families},
            trajectories=tuple(
                TrajectoryFact(
                    id=t.id,
                    family_id=t.family_id,
                    volunteer_id=t.volunteer_id,
                    start_on=t.start_on,
                    ended_on=t.ended_on,
                    close_reason=t.reason if t.ended_on else None,
                    closed=t.ended_on is not None,
                    key=t.key,
                )
                for t in running
            ),
            history={k: tuple(v) for k, v in history.items()},
            referral_dates={f.id: (f.referred_on,) for f in self.families},
            back_on_list={},
            waiting_since={f.id: f.waiting_since for f in self.families if f.waiting_since},
            families={
                t.family_id: FamilyFact(
                    id=t.family_id,
                    key=by_id[t.family_id].key,
                    single_parent=by_id[t.family_id].single_parent,
                    kansarmoede=(False,) * 6,  # type: ignore[arg-type]
                    psychological_vulnerability=False,
                    physical_disability=False,
                    caregiver_birth_years=(),
                    arrival_years=(),
                    children=(),
                )
                for t in running
            },
            visits_by_status={},
            visit_minutes_done=0,
            visit_families_done=0,
            volunteers=tuple(
                VolunteerFact(
                    id=v,
                    key=key,
                    status_at_end=VolunteerStatus.available,
                    onboarded_on=None,
                    course_completed_on=None,
                    stopped_on=None,
                )
                for v, key in self.volunteer_keys.items()
            ),
            training_hours_by_volunteer={},
            intervision_sessions=0,
            intervision_present=(0, 0),
            expenses_paid_by_volunteer={},
            outcomes=(),
        )


def branch(seed: int, *, families: tuple[int, int] = (4, 30)) -> Branch:
    """A random branch: families referred from half a year before the first quarter on."""
    rng = random.Random(seed)
    volunteers = {v: rng.getrandbits(32) for v in range(1, rng.randint(2, 12))}
    made = Branch([], [], volunteers, rng)
    first_day = QUARTERS[0].start - dt.timedelta(days=180)
    span = (QUARTERS[-1].end - first_day).days
    for _ in range(rng.randint(*families)):
        made.add_family(first_day + dt.timedelta(days=rng.randint(0, span)))
    return made


def corrected(original: Branch, quarter: Quarter) -> Branch:
    """Version 2 of a quarter: something recorded late (a start, a closure, a referral)."""
    fixed = original.copy()
    rng = fixed.rng
    choice = rng.randrange(3)
    in_quarter = [
        t for t in fixed.trajectories if t.ended_on and quarter.start <= t.ended_on <= quarter.end
    ]
    if choice == 0 and in_quarter:  # a closure was recorded a few days too early
        trajectory = rng.choice(in_quarter)
        trajectory.ended_on = trajectory.ended_on + dt.timedelta(days=rng.randint(1, 120))  # type: ignore[operator]
    elif choice == 1:  # a family referred in the quarter was typed in late
        fixed.add_family(quarter.start + dt.timedelta(days=rng.randint(0, 80)), rematch_chance=0)
    else:  # a family started in the quarter that was forgotten
        fixed.add_family(quarter.start - dt.timedelta(days=rng.randint(20, 200)))
    return fixed
