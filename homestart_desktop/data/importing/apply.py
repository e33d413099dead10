"""Write a previewed import into the case file, in the caller's one transaction.

Families arrive with the history a coordinator would have built by hand: referred on the
referral date, intake done and on the waiting list from the waiting date, matched and active
from the start of the match, closed on the closing date, each step checked against the
workflow. A running match becomes an active trajectory with its weekly half-day, its planned
end, its reviews and its visits for the coming weeks. Rows are written in bulk (references
reserved at once), so 3,000 families take seconds, not minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlmodel import Session, select

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


@dataclasses.dataclass(frozen=True)
class Imported:
    created: dict[str, int]
    updated: dict[str, int]
    changes: Changes


class _Writer:
    def __init__(self, session: Session, today: dt.date, progress, cancelled, total: int) -> None:
        self.session, self.today = session, today
        self.progress, self.cancelled, self.total, self.done = progress, cancelled, total, 0
        self.settings = load_settings(session=session)

    def tick(self, count: int = 1) -> None:
        self.done += count
        if self.done % 100 < count or self.done == self.total:
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled()
            if self.progress is not None:
                self.progress(self.done, self.total)

    # ---- Volunteers

    def volunteers(self, steps: list[Step]) -> None:
        new = [s for s in steps if s.action == Action.create]
        references = reserve_references(
            session=self.session, prefix=VOLUNTEER_PREFIX, year=self.today.year, count=len(new)
        )
        rows = []
        for step, reference in zip(new, references, strict=True):
            record: VolunteerRecord = step.record  # type: ignore[assignment]
            values = dataclasses.asdict(record.details)
            values["languages"] = list(values["languages"])
            values["experience_tags"] = list(values["experience_tags"])
            row = Volunteer(
                reference=reference, status=record.status, created_on=self.today, **values
            )
            rows.append(row)
        self.session.add_all(rows)
        self.session.flush()
        for step, row in zip(new, rows, strict=True):
            step.saved_id = row.id
            before = None
            for status in volunteer_steps(step.record.status):
                self.session.add(
                    VolunteerStatusChange(
                        volunteer_id=row.id,
                        on=self.today,
                        from_status=before,
                        to_status=status,
                        reason=REASON,
                    )
                )
                before = status
            self.tick()
        for step in steps:
            if step.action == Action.update:
                volunteer = self.session.get(Volunteer, step.existing_id)
                values = dataclasses.asdict(step.record.details)
                for name in (
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
                ):
                    values.pop(name)  # not in a branch's list: kept as the file has them
                volunteer.sqlmodel_update(values)
                self.session.add(volunteer)
            if step.action != Action.create:
                step.saved_id = step.existing_id
                self.tick()

    # ---- Families

    def families(self, steps: list[Step], with_match: set[int]) -> None:
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
        rows = []
        for step in new:
            record: FamilyRecord = step.record  # type: ignore[assignment]
            # Until its match is written, a family with a running match waits like any other.
            status = FamilyStatus.waiting if id(step) in with_match else record.status
            rows.append(
                Family(
                    reference=references[id(step)],
                    status=status,
                    language=record.language,
                    street=record.street,
                    postcode=record.postcode,
                    phone=record.phone,
                    single_parent=record.single_parent,
                    waiting_since=record.waiting_since,
                    created_on=self.today,
                )
            )
        self.session.add_all(rows)
        self.session.flush()
        referrals = []
        for step, row in zip(new, rows, strict=True):
            step.saved_id = row.id
            referrals.append(self._household(row.id, step.record))
        self.session.flush()
        for step, referral in zip(new, referrals, strict=True):
            self._history(step.saved_id, referral, step.record, waiting_only=id(step) in with_match)
            self.tick()
        for step in steps:
            if step.action == Action.update:
                self._update_family(step)
            if step.action != Action.create:
                step.saved_id = step.existing_id
                self.tick()

    def _household(self, family_id: int, record: FamilyRecord) -> Referral:
        add = self.session.add
        add(
            Caregiver(
                family_id=family_id,
                position=0,
                first_name=record.first_name,
                last_name=record.last_name,
                phone=record.phone,
            )
        )
        for child in record.children:
            add(Child(family_id=family_id, **dataclasses.asdict(child)))
        referral = Referral(
            family_id=family_id,
            referred_on=record.referred_on,
            category=record.referrer,
            organisation=record.organisation,
        )
        add(referral)
        return referral

    def _history(
        self, family_id: int, referral: Referral, record: FamilyRecord, *, waiting_only: bool
    ) -> None:
        add = self.session.add
        add(
            Intake(
                family_id=family_id,
                referral_id=referral.id,
                done_on=record.waiting_since,
                outcome=IntakeOutcome.waiting_list,
            )
        )
        steps = family_steps(FamilyStatus.waiting if waiting_only else record.status, False)
        dates = {
            FamilyStatus.referred: record.referred_on,
            FamilyStatus.closed: record.closed_on,
        }
        before = None
        for status in steps:
            on = dates.get(status) or record.waiting_since
            add(
                FamilyStatusChange(
                    family_id=family_id, on=on, from_status=before, to_status=status, reason=REASON
                )
            )
            before = status

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

    # ---- Running matches

    def match(self, step: Step) -> None:
        record: MatchRecord = step.record  # type: ignore[assignment]
        family_id = step.family if isinstance(step.family, int) else step.family.saved_id
        volunteer_id = (
            step.volunteer if isinstance(step.volunteer, int) else step.volunteer.saved_id
        )
        start = record.start_on
        end = planning.planned_end(start)
        trajectory = Trajectory(
            family_id=family_id,
            volunteer_id=volunteer_id,
            status=TrajectoryStatus.active,
            proposed_on=start,
            proposal_reason=REASON,
            introduction_on=start,
            start_on=start,
            weekday=record.weekday,
            half_day=record.half_day,
            planned_end_on=end,
        )
        self.session.add(trajectory)
        self.session.flush()
        step.saved_id = trajectory.id
        before = None
        for status in (
            TrajectoryStatus.proposed,
            TrajectoryStatus.introduced,
            TrajectoryStatus.active,
        ):
            self.session.add(
                TrajectoryStatusChange(
                    trajectory_id=trajectory.id,
                    on=start,
                    from_status=before,
                    to_status=status,
                    reason=REASON,
                )
            )
            before = status
        family = self.session.get(Family, family_id)
        volunteer = self.session.get(Volunteer, volunteer_id)
        step_family(self.session, family, FamilyStatus.matched, start, REASON)
        step_family(self.session, family, FamilyStatus.active, start, REASON)
        step_volunteer(
            self.session, volunteer, VolunteerStatus.matched, start, REASON, same_is_fine=True
        )
        slot = (record.weekday, record.half_day)
        free = self.session.exec(
            select(Availability).where(Availability.volunteer_id == volunteer_id)
        )
        if slot not in {(a.weekday, HalfDay(a.half_day)) for a in free}:
            self.session.add(
                Availability(volunteer_id=volunteer_id, weekday=slot[0], half_day=slot[1])
            )
        if step.closed_on is not None:
            self._close(trajectory, family, step.closed_on)
            return
        # Reviews from today on (those before the import were held on paper), and at least
        # the next one, also for a match running past its planned end.
        dates = planning.review_dates(
            start,
            first_months=self.settings.first_reviews_months,
            every_months=self.settings.review_every_months,
            until=max(end, planning.add_months(self.today, self.settings.review_every_months)),
        )
        coming = [on for on in dates if on >= self.today]
        for on in [d for d in coming if d <= end] or coming[:1]:
            self.session.add(
                Review(trajectory_id=trajectory.id, kind=ReviewKind.interim, planned_on=on)
            )

    def _close(self, trajectory: Trajectory, family: Family, on: dt.date) -> None:
        self.session.add(
            TrajectoryStatusChange(
                trajectory_id=trajectory.id,
                on=on,
                from_status=TrajectoryStatus.active,
                to_status=TrajectoryStatus.closed,
                reason=REASON,
            )
        )
        trajectory.status, trajectory.ended_on = TrajectoryStatus.closed, on
        trajectory.close_reason = CloseReason.other
        self.session.add(trajectory)
        step_family(self.session, family, FamilyStatus.closed, on, REASON)


def apply_plan(
    *,
    session: Session,
    plan: Plan,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Imported:
    """Write every planned step; the caller's transaction makes it all or nothing."""
    today = today or dt.date.today()
    if not plan.writes:  # importing the same lists again changes nothing, not even the audit
        nothing = {k.value: 0 for k in Kind}
        return Imported(nothing, dict(nothing), Changes())
    writer = _Writer(session, today, progress, cancelled, len(plan.steps))
    by_kind = {kind: [s for s in plan.steps if s.kind == kind] for kind in Kind}
    with_match = {
        id(s.family)
        for s in by_kind[Kind.matches]
        if s.action == Action.create and isinstance(s.family, Step)
    }
    writer.volunteers(by_kind[Kind.volunteers])
    writer.families(by_kind[Kind.families], with_match)
    for step in by_kind[Kind.matches]:
        if step.action == Action.create:
            writer.match(step)
        writer.tick()
    session.flush()
    if any(s.kind == Kind.matches and s.action == Action.create for s in plan.steps):
        plan_visits(
            session=session, until=today + dt.timedelta(weeks=WEEKS_PLANNED_AHEAD), today=today
        )
    created = {k.value: plan.count(k, Action.create) for k in Kind}
    updated = {k.value: plan.count(k, Action.update) for k in Kind}
    detail = " ".join(f"{k}+{created[k]}~{updated[k]}" for k in created)
    audit(session, "import.done", "import", None, f"{detail} problems={plan.problem_count()}")
    return Imported(
        created, updated, Changes(families=True, volunteers=True, trajectories=True, visits=True)
    )
