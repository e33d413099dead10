"""One row of a branch's list read into a family, a volunteer or a running match, or refused.

Cells are read with ``cells.py``; the record is then checked with the SAME checks the dialogs
use (``check_referral``, ``check_intake``, ``check_volunteer``, the workflow's steps), so an
import never lets in what a coordinator could not type. Every problem names the workbook's own
column, so the coordinator knows where to correct it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from homestart_desktop.data.families.intake import CaregiverIn, ChildIn, IntakeIn, check_intake
from homestart_desktop.data.families.referrals import ReferralIn, check_referral
from homestart_desktop.data.importing.cells import (
    CellProblem,
    FormulaWithoutValue,
    parse_date,
    parse_phone,
    parse_postcode,
    postcode_elsewhere,
    split_name,
    text,
)
from homestart_desktop.data.importing.fields import FIELDS, Field, Kind, field
from homestart_desktop.data.importing.mapping import Mapping
from homestart_desktop.data.importing.reading import Table
from homestart_desktop.data.models import (
    FamilyStatus,
    Gender,
    HalfDay,
    IntakeOutcome,
    ReferrerCategory,
    VolunteerStatus,
)
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.register import VolunteerIn, check_volunteer
from homestart_desktop.data.workflow import IllegalStep, check_step
from homestart_desktop.domain.matching_words import experience_words, in_tag_order
from homestart_desktop.i18n import _


@dataclasses.dataclass(frozen=True)
class FamilyRecord:
    row: int
    reference: str
    first_name: str
    last_name: str
    phone: str
    street: str
    postcode: str
    language: str
    referred_on: dt.date
    referrer: ReferrerCategory
    organisation: str
    single_parent: bool
    children: tuple[ChildIn, ...]
    status: FamilyStatus  # waiting, active or closed
    waiting_since: dt.date
    volunteer: str
    match_start: dt.date | None
    closed_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class VolunteerRecord:
    row: int
    reference: str
    details: VolunteerIn
    status: VolunteerStatus


@dataclasses.dataclass(frozen=True)
class MatchRecord:
    row: int
    family: str
    volunteer: str
    start_on: dt.date
    weekday: int
    half_day: HalfDay


Record = FamilyRecord | VolunteerRecord | MatchRecord

# Where the shared checks' field names point in an import's columns.
_CHECKED_FIELDS = {
    "category": "referrer",
    "caregivers.0.first_name": "first_name",
    "caregivers.0.phone": "phone",
    "caregivers": "first_name",
    "done_on": "waiting_since",
    "outcome": "status",
}
VOLUNTEER_STEPS = (
    VolunteerStatus.candidate,
    VolunteerStatus.in_training,
    VolunteerStatus.available,
)


class RowReader:
    """Reads the cells of one row through the mapping and collects its problems in words."""

    def __init__(self, kind: Kind, table: Table, mapping: Mapping, today: dt.date) -> None:
        self.kind, self.table, self.mapping, self.today = kind, table, mapping, today
        self.row: tuple[object, ...] = ()
        self.problems: list[str] = []
        self._formulas: set[str] = set()
        self._columns = {}
        for f in FIELDS[kind]:
            header = mapping.header_for(kind, f.key)
            column = table.column(header) if header else None
            if column is not None:
                self._columns[f.key] = column.index

    def start(self, row: tuple[object, ...]) -> None:
        self.row, self.problems, self._formulas = row, [], set()

    def has(self, key: str) -> bool:
        return key in self._columns

    def where(self, key: str) -> str:
        """The column a field comes from (the workbook's header), or the field's name."""
        header = self.mapping.header_for(self.kind, key)
        if key in self._columns and header:
            return header
        known = {f.key for f in FIELDS[self.kind]}
        return field(self.kind, key).title() if key in known else key

    def problem(self, key: str, reason: str) -> None:
        if key not in self._formulas:  # the formula is the one thing to say about that cell
            self.problems.append(f"{self.where(key)}: {reason}")

    def raw(self, key: str) -> object:
        index = self._columns.get(key)
        value = None if index is None else self.row[index]
        if isinstance(value, FormulaWithoutValue):
            self.problem(
                key,
                _(
                    "a formula without a saved value; open the workbook in Excel, save it and try again"
                ),
            )
            self._formulas.add(key)
            return None
        return value

    def text(self, key: str) -> str:
        return text(self.raw(key))

    def date(self, key: str) -> dt.date | None:
        try:
            return parse_date(self.raw(key), today=self.today)
        except CellProblem as problem:
            self.problem(key, str(problem))
            return None

    def choice(self, key: str) -> str | None:
        raw = self.text(key)
        if not raw:
            return None
        f: Field = field(self.kind, key)
        code = self.mapping.code_for(f.choices, raw)
        if code is None:
            self.problem(key, _("“{value}” is not linked to a value of the app").format(value=raw))
        return code

    def tags(self, key: str) -> tuple[str, ...]:
        """Several choices in one cell ("baby's, tieners; meerlingen"), each linked on its own."""
        f: Field = field(self.kind, key)
        codes = set()
        for word in experience_words(self.text(key)):
            code = self.mapping.code_for(f.choices, word)
            if code is None:
                self.problem(
                    key, _("“{value}” is not linked to a value of the app").format(value=word)
                )
            else:
                codes.add(code)
        return in_tag_order(codes)

    def postcode(self) -> str:
        """The postcode, filled in from the municipality when missing and checked against it."""
        code = parse_postcode(self.raw("postcode"), self.raw("municipality"))
        elsewhere = postcode_elsewhere(code, self.raw("municipality"))
        if elsewhere:
            self.problem(
                "postcode",
                _("{postcode} lies in {municipality}, not in {typed}").format(
                    postcode=code, municipality=elsewhere, typed=self.text("municipality")
                ),
            )
        return code

    def name(self) -> tuple[str, str]:
        first, last = self.text("first_name"), self.text("last_name")
        if self.has("full_name"):
            whole_first, whole_last = split_name(self.raw("full_name"))
            first, last = first or whole_first, last or whole_last
        return first, last

    def shared_check(self, error: ValidationError, extra: dict[str, str] | None = None) -> None:
        """The dialogs' refusal, each message under the column it concerns."""
        for name, message in error.problems.items():
            key = (extra or {}).get(name) or _CHECKED_FIELDS.get(name, name)
            if key == "first_name" and not self.has("first_name") and self.has("full_name"):
                key = "full_name"
            self.problem(key, message)


# ---- Families


def read_family(reader: RowReader, number: int) -> FamilyRecord | None:
    """The family on this row, or None with ``reader.problems`` saying why."""
    first, last = reader.name()
    postcode = reader.postcode()
    phone = parse_phone(reader.raw("phone"))
    referred_on = reader.date("referred_on")
    waiting_since = reader.date("waiting_since")
    match_start, closed_on = reader.date("match_start"), reader.date("closed_on")
    referred_on = referred_on or waiting_since
    waiting_since = waiting_since or referred_on
    referrer_raw = reader.text("referrer")
    referrer = reader.choice("referrer") or ReferrerCategory.andere.value
    language = reader.choice("language") or "nl"
    single_parent = reader.choice("single_parent") == "yes"
    volunteer = reader.text("volunteer")
    status_code = reader.choice("status")
    if status_code is None:
        status_code = "closed" if closed_on else "active" if volunteer or match_start else "waiting"
    status = FamilyStatus(status_code)
    children, extra = [], {}
    for n in (1, 2, 3):
        born = reader.date(f"child_birth_date_{n}")
        name = reader.text(f"child_first_name_{n}")
        if born or name:
            extra[f"children.{len(children)}.birth_date"] = f"child_birth_date_{n}"
            children.append(ChildIn(first_name=name, birth_date=born))
    due = reader.date("due_date")
    if due:
        extra[f"children.{len(children)}.due_date"] = "due_date"
        children.append(ChildIn(due_date=due))
    referral = ReferralIn(
        referred_on=referred_on,
        category=ReferrerCategory(referrer),
        first_name=first,
        last_name=last,
        phone=phone,
        postcode=postcode,
        organisation=referrer_raw,
        language=language,
    )
    # Children's ages and due dates as they were when the family's file was closed.
    checked_on = closed_on if status == FamilyStatus.closed and closed_on else reader.today
    try:
        check_referral(referral, today=reader.today)
    except ValidationError as error:
        reader.shared_check(error, {"referred_on": "referred_on"})
    if referred_on is not None:
        intake = IntakeIn(
            done_on=waiting_since,
            coordinator="",
            caregivers=(CaregiverIn(first_name=first, last_name=last, phone=phone),),
            children=tuple(children),
            outcome=IntakeOutcome.waiting_list,
            single_parent=single_parent,
            street=reader.text("street"),
            postcode=postcode,
            phone=phone,
        )
        try:
            check_intake(intake, referred_on=referred_on, today=min(checked_on, reader.today))
        except ValidationError as error:
            reader.shared_check(error, extra)
            reader.problems = list(dict.fromkeys(reader.problems))  # the referral said it already
    _check_family_dates(reader, status, waiting_since, volunteer, match_start, closed_on)
    if reader.problems:
        return None
    assert referred_on is not None and waiting_since is not None
    return FamilyRecord(
        row=number,
        reference=reader.text("reference").upper(),
        first_name=first,
        last_name=last,
        phone=phone,
        street=reader.text("street"),
        postcode=postcode,
        language=language,
        referred_on=referred_on,
        referrer=ReferrerCategory(referrer),
        organisation=referrer_raw,
        single_parent=single_parent,
        children=tuple(children),
        status=status,
        waiting_since=waiting_since,
        volunteer=volunteer,
        match_start=match_start,
        closed_on=closed_on,
    )


def family_steps(status: FamilyStatus, with_match: bool) -> list[FamilyStatus]:
    """The statuses an imported family went through, checked against the workflow."""
    steps = [FamilyStatus.referred, FamilyStatus.intake_done, FamilyStatus.waiting]
    if with_match:
        steps += [FamilyStatus.matched, FamilyStatus.active]
    if status == FamilyStatus.closed:
        steps.append(FamilyStatus.closed)
    for before, after in zip(steps, steps[1:], strict=False):
        check_step(before, after)
    return steps


def _check_family_dates(
    reader: RowReader,
    status: FamilyStatus,
    waiting_since: dt.date | None,
    volunteer: str,
    match_start: dt.date | None,
    closed_on: dt.date | None,
) -> None:
    if status not in (FamilyStatus.waiting, FamilyStatus.active, FamilyStatus.closed):
        reader.problem("status", _("a family comes in waiting, active or closed"))
        return
    try:
        family_steps(status, bool(volunteer and match_start))
    except IllegalStep as refused:
        reader.problem("status", str(refused))
    if status == FamilyStatus.active and not (volunteer and match_start):
        reader.problem("status", _("an active family needs its volunteer and the start date"))
    if status == FamilyStatus.closed and closed_on is None:
        reader.problem("closed_on", _("a closed family needs the date it was closed"))
    for key, day in (("match_start", match_start), ("closed_on", closed_on)):
        if day and day > reader.today:
            reader.problem(key, _("This date is in the future."))
    if match_start and waiting_since and match_start < waiting_since:
        reader.problem("match_start", _("the match starts before the family was waiting"))
    if closed_on and (match_start or waiting_since) and closed_on < (match_start or waiting_since):
        reader.problem("closed_on", _("the file is closed before it started"))


# ---- Volunteers


def read_volunteer(reader: RowReader, number: int) -> VolunteerRecord | None:
    """The volunteer on this row, or None with ``reader.problems`` saying why."""
    first, last = reader.name()
    details = VolunteerIn(
        first_name=first,
        last_name=last,
        birth_date=reader.date("birth_date"),
        gender=Gender(reader.choice("gender") or Gender.unknown.value),
        language=reader.choice("language") or "nl",
        street=reader.text("street"),
        postcode=reader.postcode(),
        phone=parse_phone(reader.raw("phone")),
        email=reader.text("email"),
        has_car=reader.choice("has_car") == "yes",
        experience_tags=reader.tags("experience_tags"),
    )
    status = VolunteerStatus(reader.choice("status") or VolunteerStatus.available.value)
    try:
        check_volunteer(details, today=reader.today)
    except ValidationError as error:
        reader.shared_check(error)
    try:
        volunteer_steps(status)
    except IllegalStep as refused:
        reader.problem("status", str(refused))
    if reader.problems:
        return None
    return VolunteerRecord(number, reader.text("reference").upper(), details, status)


def volunteer_steps(status: VolunteerStatus) -> list[VolunteerStatus]:
    """The statuses an imported volunteer went through, checked against the workflow."""
    if status in VOLUNTEER_STEPS:
        steps = list(VOLUNTEER_STEPS[: VOLUNTEER_STEPS.index(status) + 1])
    else:
        steps = [*VOLUNTEER_STEPS, status]
    for before, after in zip(steps, steps[1:], strict=False):
        check_step(before, after)
    return steps


# ---- Running matches


def read_match(reader: RowReader, number: int) -> MatchRecord | None:
    """The running match on this row, or None with ``reader.problems`` saying why."""
    family, volunteer = reader.text("family"), reader.text("volunteer")
    start_on = reader.date("start_on")
    weekday = reader.choice("weekday")
    half_day = reader.choice("half_day") or HalfDay.morning.value
    if not family:
        reader.problem("family", _("Please fill this in."))
    if not volunteer:
        reader.problem("volunteer", _("Please fill this in."))
    if start_on is None and not reader.problems:
        reader.problem("start_on", _("Please fill this in."))
    elif start_on and start_on > reader.today:
        reader.problem("start_on", _("This date is in the future."))
    if reader.problems or start_on is None:
        return None
    day = int(weekday) if weekday is not None else start_on.weekday()
    return MatchRecord(number, family, volunteer, start_on, day, HalfDay(half_day))


READERS = {Kind.families: read_family, Kind.volunteers: read_volunteer, Kind.matches: read_match}
