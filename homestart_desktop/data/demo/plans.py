"""The plain values the demo's history is made of: timelines, plans per person, and the pace.

A :class:`Timeline` holds dated status steps; the plans carry the dates the simulation draws
(``simulation.py``) and the row builders turn into records (``household.py`` and on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from homestart_desktop.data.demo.names import Origin
from homestart_desktop.data.models import CloseReason, HalfDay, IntakeOutcome

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Pace:
    """How busy the branch is: a large benchmark branch keeps its volunteers longer."""

    veterans: float = 0.5  # share of volunteers already trained when the history starts
    service_days: float = 3600  # mean time a volunteer stays
    length_days: tuple[float, float, float] = (120, 600, 380)  # low, high, mode
    hesitation: float = 0.5  # chance a waiting family is not proposed to anyone this week
    waiting_dropout: float = 0.012  # weekly chance a long-waiting family no longer needs us
    dropout: float = 0.10  # candidates who do not go on after the first talk
    break_after: float = 0.15  # volunteers who take a break after a family
    another_family: float = 0.5  # volunteers who stay after their family leaves early


REALISTIC = Pace()
BUSY = Pace(0.9, 20000, (300, 1500, 1000), 0.0, 0.002, 0.03, 0.03, 0.8)


def days(n: float) -> dt.timedelta:
    return dt.timedelta(days=round(n))


@dataclass
class Timeline:
    """Dated status steps; the status on a day is the last step on or before it."""

    steps: list[tuple[dt.date, object, object, str]] = field(default_factory=list)

    def step(self, on: dt.date, new: object, reason: str = "") -> None:
        current = self.steps[-1][2] if self.steps else None
        if self.steps and on < self.steps[-1][0]:
            on = self.steps[-1][0]
        self.steps.append((on, current, new, reason))

    def cut(self, today: dt.date) -> None:
        self.steps = [s for s in self.steps if s[0] <= today]

    @property
    def status(self) -> object:
        return self.steps[-1][2] if self.steps else None

    def status_on(self, day: dt.date) -> object:
        status = None
        for on, _old, new, _reason in self.steps:
            if on > day:
                break
            status = new
        return status


@dataclass
class FamilyPlan:
    index: int
    origin: Origin
    referred_on: dt.date
    postcode: str
    slots: list[tuple[int, HalfDay]]
    intake_planned_on: dt.date | None = None
    intake_done_on: dt.date | None = None
    outcome: IntakeOutcome | None = None
    outcome_on: dt.date | None = None
    waiting_since: dt.date | None = None
    free_from: dt.date | None = None  # on the waiting list and not in a proposal
    timeline: Timeline = field(default_factory=Timeline)
    trajectories: list[TrajectoryPlan] = field(default_factory=list)
    hard_to_match: bool = False  # wishes no volunteer meets today (simulation._hard_to_match)


@dataclass
class VolunteerPlan:
    index: int
    origin: Origin
    postcode: str
    first_interview_on: dt.date
    training_from: dt.date
    available_on: dt.date
    slots: list[tuple[int, HalfDay]]
    leaves_on: dt.date
    dropped_out_on: dt.date | None = None
    free_from: dt.date | None = None
    stopped_on: dt.date | None = None
    stop_reason: str = ""
    timeline: Timeline = field(default_factory=Timeline)
    wide: bool = False  # travels far and takes any family: a demo's proposals need a few


@dataclass
class TrajectoryPlan:
    family: FamilyPlan
    volunteer: VolunteerPlan
    proposed_on: dt.date
    slot: tuple[int, HalfDay]
    withdrawn_on: dt.date | None = None
    introduction_on: dt.date | None = None
    start_on: dt.date | None = None
    pauses: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    ended_on: dt.date | None = None
    close_reason: CloseReason | None = None
    timeline: Timeline = field(default_factory=Timeline)


@dataclass
class Branch:
    families: list[FamilyPlan]
    volunteers: list[VolunteerPlan]
    trajectories: list[TrajectoryPlan]
    start: dt.date
    today: dt.date
