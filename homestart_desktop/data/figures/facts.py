"""The plain facts the quarterly figures are counted from: no names, no free text, no SQL.

``queries.py`` reads them from the case file; ``sync/figures.py`` counts figures from them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from homestart_desktop.data.models import CloseReason, FamilyStatus, VisitStatus, VolunteerStatus

Scores = tuple[int | None, ...]  # one per area of OUTCOME_AREAS
# The waiting list at quarter end, by stage: from referral until support starts.
WAITING_STAGES: dict[FamilyStatus, str] = {
    FamilyStatus.referred: "referred",
    FamilyStatus.intake_planned: "intake",
    FamilyStatus.intake_done: "intake",
    FamilyStatus.waiting: "waiting",
    FamilyStatus.matched: "matched",
}
WAITING_LIST = frozenset(WAITING_STAGES)


@dataclasses.dataclass(frozen=True)
class TrajectoryFact:
    id: int
    family_id: int
    volunteer_id: int
    start_on: dt.date
    ended_on: dt.date | None
    close_reason: CloseReason | None
    closed: bool
    key: int  # the trajectory's record key (cell key method)


@dataclasses.dataclass(frozen=True)
class FamilyFact:
    id: int
    key: int  # the family's record key (cell key method)
    single_parent: bool
    kansarmoede: tuple[bool, bool, bool, bool, bool, bool]
    psychological_vulnerability: bool
    physical_disability: bool
    caregiver_birth_years: tuple[int, ...]
    arrival_years: tuple[int, ...]
    children: tuple[tuple[dt.date | None, dt.date | None], ...]  # (birth date, due date)


@dataclasses.dataclass(frozen=True)
class VolunteerFact:
    id: int
    key: int
    status_at_end: VolunteerStatus | None  # None: not yet known to the branch at quarter end
    onboarded_on: dt.date | None
    course_completed_on: dt.date | None
    stopped_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class OutcomeFact:
    trajectory_id: int
    key: int
    baseline: Scores
    closing: Scores


@dataclasses.dataclass(frozen=True)
class QuarterFacts:
    """Plain facts of one quarter; every ``*_keys`` is a sum of record keys (cell key method)."""

    start: dt.date
    end: dt.date
    referrals_by_category: dict[str, tuple[int, int]]  # category -> (count, family keys)
    intakes_done: tuple[int, int]  # (count, family keys)
    families_status_at_end: dict[int, FamilyStatus]  # family id -> status at quarter end
    family_keys: dict[int, int]  # every family -> its record key
    # Running at some moment from 1 January of the quarter's year to the quarter end.
    trajectories: tuple[TrajectoryFact, ...]
    history: dict[int, tuple[tuple[dt.date, dt.date | None], ...]]  # family -> starts, ends
    referral_dates: dict[int, tuple[dt.date, ...]]  # family id -> referral dates, oldest first
    back_on_list: dict[int, tuple[dt.date, ...]]  # family id -> dates it went (back) to waiting
    waiting_since: dict[int, dt.date]  # family id -> ``Family.waiting_since`` (when set)
    families: dict[int, FamilyFact]  # the families of ``trajectories``
    visits_by_status: dict[VisitStatus, tuple[int, int]]  # status -> (count, visit keys)
    visit_minutes_done: int
    visit_families_done: int  # distinct families with a visit done in the quarter
    volunteers: tuple[VolunteerFact, ...]
    training_hours_by_volunteer: dict[int, float]
    intervision_sessions: int
    intervision_present: tuple[int, int]  # (attendances, keys of the volunteers present)
    expenses_paid_by_volunteer: dict[int, int]  # cents
    outcomes: tuple[OutcomeFact, ...]  # closed in the quarter
    # family id -> days it went back to *waiting* from *not started* (domain.waiting)
    back_from_not_started: dict[int, tuple[dt.date, ...]] = dataclasses.field(default_factory=dict)


History = dict[int, tuple[tuple[dt.date, dt.date | None], ...]]
