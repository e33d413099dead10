"""Write a previewed import into the case file, in the caller's one transaction.

Families arrive with the history a coordinator would have built by hand: referred on the
referral date, intake done and on the waiting list from the waiting date, matched and active
from the start of the match, closed on the closing date, each step checked against the
workflow. A running match becomes an active trajectory with its weekly half-day, its planned
end, its next reviews and its visits for the coming weeks.

New rows go in as bulk inserts (references reserved at once): building thousands of ORM objects
costs seconds each thousand, a bulk insert milliseconds. Records already in the file are
updated, and their status moved, through the ORM and ``status_steps`` like any dialog's save.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.importing.fields import Kind
from homestart_desktop.data.importing.plan import (
    Action,
    Cancelled,
    ImportCancelled,
    Plan,
    Progress,
    Step,
)
from homestart_desktop.data.importing.records import (
    FamilyRecord,
    MatchRecord,
    VolunteerRecord,
    family_steps,
    volunteer_steps,
)
from homestart_desktop.data.models import (
    Availability,
    Caregiver,
    Child,
    CloseReason,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    HalfDay,
    Intake,
    IntakeOutcome,
    Referral,
    Review,
    ReviewKind,
    Trajectory,
    TrajectoryStatus,
    TrajectoryStatusChange,
    Volunteer,
    VolunteerStatus,
    VolunteerStatusChange,
)
from homestart_desktop.data.planning.visits import plan_visits
from homestart_desktop.data.references import FAMILY_PREFIX, VOLUNTEER_PREFIX, reserve_references
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.status_steps import audit, step_family, step_volunteer
from homestart_desktop.domain import planning

REASON = "import"
WEEKS_PLANNED_AHEAD = 8  # as the planning screen plans
T = TrajectoryStatus


@dataclasses.dataclass(frozen=True)
class Imported:
    created: dict[str, int]
    updated: dict[str, int]
    changes: Changes


def _insert(session: Session, model: Any, rows: list[dict], *, ids: bool = False) -> list[int]:
    """One bulk insert; with ``ids`` the new ids, in the order of ``rows``."""
    if not rows:
        return []
    table = model.__table__
    if ids:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [row[0] for row in session.execute(statement, rows)]
    session.execute(insert(table), rows)
    return []


def _history(on_dates: list[tuple[Any, dt.date]], key: str, owner: int) -> list[dict]:
    """Status change rows from a list of (status, date), each from the one before."""
    rows, before = [], None
    for status, on in on_dates:
        rows.append(
            {key: owner, "on": on, "from_status": before, "to_status": status, "reason": REASON}
        )
        before = status
    return rows


class _Writer:
    def __init__(self, session: Session, plan: Plan, today: dt.date, progress, cancelled) -> None:
        self.session, self.today = session, today
        self.progress, self.cancelled = progress, cancelled
        self.total, self.done = max(len(plan.steps), 1), 0
        self.settings = load_settings(session=session)
        steps = {kind: [s for s in plan.steps if s.kind == kind] for kind in Kind}
        self.steps = steps
        self.matches = [s for s in steps[Kind.matches] if s.action == Action.create]
        # A new record with a running match is written with its final status and whole history.
        self.match_of: dict[int, Step] = {}
        for match in self.matches:
            for side in (match.family, match.volunteer):
                new = isinstance(side, Step) and side.action == Action.create
                if new and (match.closed_on is None or id(side) not in self.match_of):
                    self.match_of[id(side)] = match

    def tick(self, count: int) -> None:
        self.done += count
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    # ---- Volunteers

    def volunteers(self) -> None:
        steps = self.steps[Kind.volunteers]
        new = [s for s in steps if s.action == Action.create]
        references = reserve_references(
            session=self.session, prefix=VOLUNTEER_PREFIX, year=self.today.year, count=len(new)
        )
        rows = []
        for step, reference in zip(new, references, strict=True):
            record: VolunteerRecord = step.record  # type: ignore[assignment]
            values = dataclasses.asdict(record.details)
            values.update(
                languages=list(record.details.languages),
                experience_tags=list(record.details.experience_tags),
            )
            values.update(reference=reference, status=self._volunteer_path(step)[-1][0])
            rows.append(values | {"created_on": self.today})
        ids = _insert(self.session, Volunteer, rows, ids=True)
        history = []
        for step, volunteer_id in zip(new, ids, strict=True):
            step.saved_id = volunteer_id
            history += _history(self._volunteer_path(step), "volunteer_id", volunteer_id)
        _insert(self.session, VolunteerStatusChange, history)
        self.tick(len(new))
        for step in steps:
            if step.action == Action.update:
                volunteer = self.session.get(Volunteer, step.existing_id)
                values = dataclasses.asdict(step.record.details)
                kept = (
                    "languages",
                    "experience_tags",
                    "motivation",
                    "experience_with_children",
                    "max_travel_km",
                    "child_age_min",
                    "child_age_max",
                    "accepts_smoking",
                    "accepts_pets",
                    "has_bike",
                    "uses_public_transport",
                )
                if step.record.details.experience_tags:  # the list has an experience column
                    kept = tuple(k for k in kept if k != "experience_tags")
                    values["experience_tags"] = list(step.record.details.experience_tags)
                volunteer.sqlmodel_update({k: v for k, v in values.items() if k not in kept})
                self.session.add(volunteer)
            if step.action != Action.create:
                step.saved_id = step.existing_id
        self.tick(len(steps) - len(new))

    def _volunteer_path(self, step: Step) -> list[tuple[VolunteerStatus, dt.date]]:
        match = self.match_of.get(id(step))
        statuses = volunteer_steps(step.record.status)
        on = self.today
        if match is not None and match.closed_on is None:
            on = min(self.today, match.record.start_on)
            if statuses[-1] != VolunteerStatus.matched:
                statuses.append(VolunteerStatus.matched)
        return [(status, on) for status in statuses]

    # ---- Families

    def families(self) -> None:
        steps = self.steps[Kind.families]
        new = [s for s in steps if s.action == Action.create]
        by_year: dict[int, list[Step]] = defaultdict(list)
        for step in new:
            by_year[step.record.referred_on.year].append(step)
        references: dict[int, str] = {}
        for year, group in sorted(by_year.items()):
            codes = reserve_references(
                session=self.session, prefix=FAMILY_PREFIX, year=year, count=len(group)
            )
            references.update({id(step): code for step, code in zip(group, codes, strict=True)})
        paths = {id(step): self._family_path(step) for step in new}
        rows = []
        for step in new:
            record: FamilyRecord = step.record  # type: ignore[assignment]
            rows.append(
                {
                    "reference": references[id(step)],
                    "status": paths[id(step)][-1][0],
                    "language": record.language,
                    "street": record.street,
                    "postcode": record.postcode,
                    "phone": record.phone,
                    "single_parent": record.single_parent,
                    "waiting_since": record.waiting_since,
                    "created_on": self.today,
                }
            )
        ids = _insert(self.session, Family, rows, ids=True)
        caregivers, children, referrals = [], [], []
        for step, family_id in zip(new, ids, strict=True):
            step.saved_id = family_id
            record = step.record
            caregivers.append(
                {
                    "family_id": family_id,
                    "position": 0,
                    "first_name": record.first_name,
                    "last_name": record.last_name,
                    "phone": record.phone,
                }
            )
            children += [
                {"family_id": family_id, **dataclasses.asdict(child)} for child in record.children
            ]
            referrals.append(
                {
                    "family_id": family_id,
                    "referred_on": record.referred_on,
                    "category": record.referrer,
                    "organisation": record.organisation,
                }
            )
        _insert(self.session, Caregiver, caregivers)
        _insert(self.session, Child, children)
        referral_ids = _insert(self.session, Referral, referrals, ids=True)
        intakes, history = [], []
        for step, referral_id in zip(new, referral_ids, strict=True):
            intakes.append(
                {
                    "family_id": step.saved_id,
                    "referral_id": referral_id,
                    "done_on": step.record.waiting_since,
                    "outcome": IntakeOutcome.waiting_list,
                }
            )
            history += _history(paths[id(step)], "family_id", step.saved_id)
        _insert(self.session, Intake, intakes)
        _insert(self.session, FamilyStatusChange, history)
        self.tick(len(new))
        for step in steps:
            if step.action == Action.update:
                self._update_family(step)
            if step.action != Action.create:
                step.saved_id = step.existing_id
        self.tick(len(steps) - len(new))

    def _family_path(self, step: Step) -> list[tuple[FamilyStatus, dt.date]]:
        record: FamilyRecord = step.record  # type: ignore[assignment]
        match = self.match_of.get(id(step))
        status = (
            FamilyStatus.closed
            if record.status == FamilyStatus.closed
            else (FamilyStatus.active if match else FamilyStatus.waiting)
        )
        dates = {
            FamilyStatus.referred: record.referred_on,
            FamilyStatus.matched: match.record.start_on if match else None,
            FamilyStatus.active: match.record.start_on if match else None,
            FamilyStatus.closed: record.closed_on,
        }
        return [
            (s, dates.get(s) or record.waiting_since) for s in family_steps(status, bool(match))
        ]

    def _update_family(self, step: Step) -> None:
        record: FamilyRecord = step.record  # type: ignore[assignment]
        family = self.session.get(Family, step.existing_id)
        family.phone, family.street = record.phone, record.street
        family.postcode, family.language = record.postcode, record.language
        self.session.add(family)
        caregiver = self.session.exec(
            select(Caregiver).where(Caregiver.family_id == family.id).order_by(Caregiver.position)
        ).first()
        if caregiver is not None:
            caregiver.first_name, caregiver.last_name = record.first_name, record.last_name
            self.session.add(caregiver)

    # ---- Running (and ended) matches

    def trajectories(self) -> None:
        rows, paths = [], []
        for step in self.matches:
            record: MatchRecord = step.record  # type: ignore[assignment]
            start, ended = record.start_on, step.closed_on
            path = [(T.proposed, start), (T.introduced, start), (T.active, start)]
            if ended is not None:
                path.append((T.closed, ended))
            paths.append(path)
            rows.append(
                {
                    "family_id": _saved(step.family),
                    "volunteer_id": _saved(step.volunteer),
                    "status": path[-1][0],
                    "proposed_on": start,
                    "proposal_reason": REASON,
                    "introduction_on": start,
                    "start_on": start,
                    "weekday": record.weekday,
                    "half_day": record.half_day,
                    "planned_end_on": planning.planned_end(start),
                    "ended_on": ended,
                    "close_reason": CloseReason.other if ended else None,
                }
            )
        ids = _insert(self.session, Trajectory, rows, ids=True)
        history, reviews, slots = [], [], set()
        for step, trajectory_id, path, row in zip(self.matches, ids, paths, rows, strict=True):
            step.saved_id = trajectory_id
            history += _history(path, "trajectory_id", trajectory_id)
            if step.closed_on is None:
                reviews += self._reviews(trajectory_id, row["start_on"], row["planned_end_on"])
                slots.add((row["volunteer_id"], row["weekday"], HalfDay(row["half_day"])))
                self._known_records_follow(step)
        _insert(self.session, TrajectoryStatusChange, history)
        _insert(self.session, Review, reviews)
        taken = {
            (a.volunteer_id, a.weekday, HalfDay(a.half_day))
            for a in self.session.exec(
                select(Availability).where(
                    col(Availability.volunteer_id).in_({s[0] for s in slots})
                )
            )
        }
        _insert(
            self.session,
            Availability,
            [{"volunteer_id": v, "weekday": w, "half_day": h} for v, w, h in sorted(slots - taken)],
        )
        self.tick(len(self.matches))

    def _known_records_follow(self, step: Step) -> None:
        """A family or volunteer already in the file moves to matched and active, as a match's
        confirmation moves them."""
        start = step.record.start_on
        if not (isinstance(step.family, Step) and step.family.action == Action.create):
            family = self.session.get(Family, _saved(step.family))
            step_family(self.session, family, FamilyStatus.matched, start, REASON)
            step_family(self.session, family, FamilyStatus.active, start, REASON)
        if not (isinstance(step.volunteer, Step) and step.volunteer.action == Action.create):
            volunteer = self.session.get(Volunteer, _saved(step.volunteer))
            step_volunteer(
                self.session, volunteer, VolunteerStatus.matched, start, REASON, same_is_fine=True
            )

    def _reviews(self, trajectory_id: int, start: dt.date, end: dt.date) -> list[dict]:
        # Reviews from today on (those before the import were held on paper), and at least
        # the next one, also for a match running past its planned end.
        dates = planning.review_dates(
            start,
            first_months=self.settings.first_reviews_months,
            every_months=self.settings.review_every_months,
            until=max(end, planning.add_months(self.today, self.settings.review_every_months)),
        )
        coming = [on for on in dates if on >= self.today]
        return [
            {"trajectory_id": trajectory_id, "kind": ReviewKind.interim, "planned_on": on}
            for on in ([d for d in coming if d <= end] or coming[:1])
        ]


def _saved(side: Step | int | None) -> int:
    return side if isinstance(side, int) else side.saved_id  # type: ignore[union-attr,return-value]


def apply_plan(
    *,
    session: Session,
    plan: Plan,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Imported:
    """Write every planned step; the caller's transaction makes it all or nothing."""
    if not plan.writes:  # importing the same lists again changes nothing, not even the audit
        nothing = {k.value: 0 for k in Kind}
        return Imported(nothing, dict(nothing), Changes())
    writer = _Writer(session, plan, today, progress, cancelled)
    writer.volunteers()
    writer.families()
    writer.trajectories()
    session.flush()
    if writer.matches:
        plan_visits(
            session=session, until=today + dt.timedelta(weeks=WEEKS_PLANNED_AHEAD), today=today
        )
    writer.tick(0)
    created = {k.value: plan.count(k, Action.create) for k in Kind}
    updated = {k.value: plan.count(k, Action.update) for k in Kind}
    detail = " ".join(f"{k}+{created[k]}~{updated[k]}" for k in created)
    audit(session, "import.done", "import", None, f"{detail} problems={plan.problem_count()}")
    everything = Changes(families=True, volunteers=True, trajectories=True, visits=True)
    return Imported(created, updated, everything)
