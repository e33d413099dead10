"""The preview: what an import would do, row by row, without writing anything (a dry run).

Each row becomes a step (create, update, unchanged, skip) or a problem with its reasons in
words. Volunteers are read first, so that a family's volunteer or a match can name one from the
same import; a row that repeats an earlier one is a problem (*dubbel met rij 14*).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable

from sqlmodel import Session

from homestart_desktop.data.importing.existing import (
    CaseFileNow,
    name_key,
    person_keys,
    read_case_file,
)
from homestart_desktop.data.importing.fields import Kind, fold
from homestart_desktop.data.importing.mapping import Mapping
from homestart_desktop.data.importing.reading import Table
from homestart_desktop.data.importing.records import (
    READERS,
    FamilyRecord,
    MatchRecord,
    Record,
    RowReader,
    VolunteerRecord,
)
from homestart_desktop.data.models import FamilyStatus, HalfDay, VolunteerStatus
from homestart_desktop.data.workflow import IllegalStep, check_step, status_label
from homestart_desktop.i18n import _

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class Action(enum.StrEnum):
    create = "create"
    update = "update"
    unchanged = "unchanged"
    skip = "skip"


class ImportCancelled(Exception):
    """The coordinator stopped the import; nothing was written."""


@dataclasses.dataclass(frozen=True)
class Options:
    existing: str = "update"  # a row imported before: "update" it or "skip" it
    skip_problem_rows: bool = True  # False: one problem and nothing is imported


@dataclasses.dataclass(frozen=True)
class Problem:
    kind: Kind
    row: int
    reasons: tuple[str, ...]
    cells: tuple[object, ...]


@dataclasses.dataclass(eq=False)
class Step:
    """One planned write; ``saved_id`` is filled in when it is written."""

    kind: Kind
    action: Action
    record: Record
    existing_id: int | None = None
    family: Step | int | None = None  # a match's family: planned here, or in the file
    volunteer: Step | int | None = None
    closed_on: dt.date | None = None
    saved_id: int | None = None


@dataclasses.dataclass
class Plan:
    steps: list[Step]
    problems: list[Problem]
    headers: dict[Kind, tuple[str, ...]]

    def count(self, kind: Kind, action: Action) -> int:
        return sum(1 for s in self.steps if s.kind == kind and s.action == action)

    def problem_count(self, kind: Kind | None = None) -> int:
        return sum(1 for p in self.problems if kind is None or p.kind == kind)

    @property
    def writes(self) -> bool:
        return any(s.action in (Action.create, Action.update) for s in self.steps)


class _Planner:
    def __init__(self, now: CaseFileNow, options: Options) -> None:
        self.now, self.options = now, options
        self.steps: list[Step] = []
        self.problems: list[Problem] = []
        self.new_volunteers: dict[str, list[Step]] = {}
        self.new_families: dict[str, list[Step]] = {}

    def refuse(self, kind: Kind, row: int, cells: tuple, reasons: list[str]) -> None:
        self.problems.append(Problem(kind, row, tuple(reasons), cells))

    def person(self, kind: Kind, record: Record, keys: list, reference: str) -> Step:
        known = self.now.families if kind == Kind.families else self.now.volunteers
        found = known.find(reference, keys)
        if found is None:
            return Step(kind, Action.create, record)
        if self.options.existing == "skip":
            return Step(kind, Action.skip, record, found)
        same = all(known.details[found].get(k) == v for k, v in _details(record).items())
        return Step(kind, Action.unchanged if same else Action.update, record, found)

    def volunteer_target(self, name: str) -> tuple[Step | int | None, str]:
        reference = name.strip().upper()
        if reference in self.now.volunteers.by_reference:
            return self.now.volunteers.by_reference[reference], ""
        return self._target(name, self.new_volunteers, self.now.volunteers.by_name)

    def family_target(self, name: str) -> tuple[Step | int | None, str]:
        reference = name.strip().upper()
        if reference in self.now.families.by_reference:
            return self.now.families.by_reference[reference], ""
        return self._target(name, self.new_families, self.now.families.by_name)

    def _target(self, name: str, new: dict, known: dict) -> tuple[Step | int | None, str]:
        key = fold(name)
        found: list[Step | int] = list(new.get(key, []))
        found += [i for i in known.get(key, []) if not any(s.existing_id == i for s in found)]
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, _("“{name}” is not in the case file nor in this import").format(name=name)
        return None, _("more than one person is called “{name}”; use the code").format(name=name)

    def match(
        self,
        row: int,
        cells: tuple,
        kind: Kind,
        record: MatchRecord,
        family,
        volunteer,
        closed_on: dt.date | None = None,
    ) -> None:
        family_id = family if isinstance(family, int) else family.existing_id
        volunteer_id = volunteer if isinstance(volunteer, int) else volunteer.existing_id
        if (family_id, volunteer_id) in self.now.open_matches:
            self.steps.append(Step(Kind.matches, Action.unchanged, record, None, family, volunteer))
            return
        reasons = []
        if family_id is not None and (isinstance(family, int) or family.action != Action.create):
            status = self.now.family_status(family_id)
            if status != FamilyStatus.waiting:
                reasons.append(
                    _("the family is “{status}” in the case file, not on the waiting list").format(
                        status=status_label(status)
                    )
                )
        if isinstance(volunteer, Step) and volunteer.action == Action.create:
            status = volunteer.record.status
        else:
            status = self.now.volunteer_status(volunteer_id)
        if status != VolunteerStatus.matched:
            try:
                check_step(status, VolunteerStatus.matched)
            except IllegalStep as refused:
                reasons.append(_("Volunteer") + f": {refused}")
        if reasons:
            self.refuse(kind, row, cells, reasons)
            return
        self.steps.append(
            Step(Kind.matches, Action.create, record, None, family, volunteer, closed_on)
        )


def _details(record: Record) -> dict[str, object]:
    if isinstance(record, FamilyRecord):
        names = ("first_name", "last_name", "phone", "street", "postcode", "language")
        return {name: getattr(record, name) for name in names}
    assert isinstance(record, VolunteerRecord)
    details = dataclasses.asdict(record.details)
    names = (
        "first_name",
        "last_name",
        "birth_date",
        "gender",
        "language",
        "street",
        "postcode",
        "phone",
        "email",
        "has_car",
    )
    compared = {name: details[name] for name in names}
    if record.details.experience_tags:  # only a list with an experience column changes them
        compared["experience_tags"] = frozenset(record.details.experience_tags)
    return compared


def _keys(record: Record) -> tuple[str, list]:
    if isinstance(record, FamilyRecord):
        name = name_key(record.first_name, record.last_name)
        births = [child.birth_date for child in record.children]
        return name, person_keys(name, record.phone, births)
    assert isinstance(record, VolunteerRecord)
    name = name_key(record.details.first_name, record.details.last_name)
    return name, person_keys(name, record.details.phone, [record.details.birth_date])


def build_plan(
    *,
    session: Session,
    tables: dict[Kind, Table],
    mapping: Mapping,
    options: Options = Options(),
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Plan:
    """What importing these tables would do; nothing is written."""
    planner = _Planner(read_case_file(session=session), options)
    total = sum(len(t.rows) for t in tables.values())
    done = 0
    for kind in (Kind.volunteers, Kind.families, Kind.matches):
        table = tables.get(kind)
        if table is None:
            continue
        reader = RowReader(kind, table, mapping, today)
        seen: dict[object, int] = {}
        for cells, number in zip(table.rows, table.row_numbers, strict=True):
            done += 1
            if done % 200 == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(done, total)
            reader.start(cells)
            record = READERS[kind](reader, number)
            if record is None:
                planner.refuse(kind, number, cells, reader.problems)
                continue
            if kind == Kind.matches:
                _plan_match(planner, record, cells)
                continue
            name, keys = _keys(record)
            reference = record.reference
            earlier = next((seen[k] for k in [reference, *keys] if k and k in seen), None)
            if earlier is not None:
                planner.refuse(
                    kind, number, cells, [_("duplicate of row {row}").format(row=earlier)]
                )
                continue
            for key in [reference, *keys]:
                if key:
                    seen[key] = number
            step = planner.person(kind, record, keys, reference)
            if kind == Kind.volunteers:
                planner.new_volunteers.setdefault(name, []).append(step)
                planner.steps.append(step)
                continue
            # A family known to the case file keeps its support as the file says.
            with_match = (
                bool(record.volunteer and record.match_start)
                and record.status != FamilyStatus.waiting  # a former volunteer's name, kept
                and step.existing_id is None
            )
            if with_match:
                volunteer, why = planner.volunteer_target(record.volunteer)
                if volunteer is None:
                    planner.refuse(kind, number, cells, [_("Volunteer") + f": {why}"])
                    continue
            planner.new_families.setdefault(name, []).append(step)
            planner.steps.append(step)
            if with_match:
                match = MatchRecord(
                    number,
                    reference,
                    record.volunteer,
                    record.match_start,
                    record.match_start.weekday(),
                    HalfDay.morning,
                )
                planner.match(number, cells, kind, match, step, volunteer, record.closed_on)
    if progress is not None:
        progress(total, total)
    headers = {kind: tuple(c.header for c in table.columns) for kind, table in tables.items()}
    return Plan(planner.steps, planner.problems, headers)


def _plan_match(planner: _Planner, record: MatchRecord, cells: tuple) -> None:
    family, why_family = planner.family_target(record.family)
    volunteer, why_volunteer = planner.volunteer_target(record.volunteer)
    reasons = [_("Family") + f": {why_family}"] if why_family else []
    reasons += [_("Volunteer") + f": {why_volunteer}"] if why_volunteer else []
    if reasons:
        planner.refuse(Kind.matches, record.row, cells, reasons)
        return
    new_family = isinstance(family, Step) and family.action == Action.create
    if new_family and family.record.status != FamilyStatus.waiting:
        reason = _("the family's row already says how its support goes")
        planner.refuse(Kind.matches, record.row, cells, [reason])
        return
    planner.match(record.row, cells, Kind.matches, record, family, volunteer)
