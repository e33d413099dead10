"""Volunteers: the register, one volunteer's file, identity details and the week's free half-days.

Onboarding dates and status changes live in ``data/volunteers/onboarding.py``. Everything returned here is a
plain frozen value, so the screens never hold a live row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import defaultdict

from sqlmodel import Session, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import (
    Availability,
    Family,
    Gender,
    HalfDay,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
    VolunteerStatus,
    VolunteerStatusChange,
)
from homestart_desktop.data.postcodes import is_known_postcode, municipality_name
from homestart_desktop.data.references import VOLUNTEER_PREFIX, next_reference
from homestart_desktop.data.validation import Problems, ValidationError, check_typed
from homestart_desktop.domain.search import search_key
from homestart_desktop.i18n import LANGUAGES, _

Slot = tuple[int, HalfDay]  # (weekday 0 = Monday, half-day)

# Trajectories that still tie a volunteer to a family.
OPEN_TRAJECTORY = (
    TrajectoryStatus.proposed,
    TrajectoryStatus.introduced,
    TrajectoryStatus.active,
    TrajectoryStatus.paused,
)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# ---- Values


@dataclasses.dataclass(frozen=True)
class VolunteerIn:
    """What the coordinator types about a volunteer: identity, contact, profile, preferences."""

    first_name: str
    last_name: str = ""
    birth_date: dt.date | None = None
    gender: Gender = Gender.unknown
    language: str = "nl"
    street: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    languages: tuple[str, ...] = ()
    motivation: str = ""
    experience_with_children: str = ""
    experience_tags: tuple[str, ...] = ()
    has_car: bool = False
    has_bike: bool = False
    uses_public_transport: bool = False
    max_travel_km: int = 10
    child_age_min: int | None = None
    child_age_max: int | None = None
    accepts_smoking: bool = False
    accepts_pets: bool = True


IN_FIELDS = tuple(f.name for f in dataclasses.fields(VolunteerIn))


@dataclasses.dataclass(frozen=True)
class VolunteerRow:
    """One line of the register."""

    id: int
    reference: str
    name: str
    postcode: str
    municipality: str
    status: VolunteerStatus
    current_families: tuple[str, ...]
    languages: tuple[str, ...]
    free_slots: tuple[Slot, ...]
    search_text: str


@dataclasses.dataclass(frozen=True)
class MatchLine:
    """One trajectory of the volunteer, by the family's reference only."""

    family_reference: str
    status: TrajectoryStatus
    proposed_on: dt.date
    start_on: dt.date | None
    ended_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class StatusLine:
    on: dt.date
    from_status: VolunteerStatus | None
    to_status: VolunteerStatus
    reason: str


@dataclasses.dataclass(frozen=True)
class VolunteerFile:
    """Everything the volunteer's file shows."""

    id: int
    reference: str
    status: VolunteerStatus
    details: VolunteerIn
    onboarding: Onboarding
    availability: frozenset[Slot]
    stopped_on: dt.date | None
    stop_reason: str
    created_on: dt.date
    matches: tuple[MatchLine, ...]
    status_history: tuple[StatusLine, ...]
    erased: bool = False  # erased on request (data/retention/erase.py): the code stays

    @property
    def name(self) -> str:
        return f"{self.details.first_name} {self.details.last_name}".strip()


@dataclasses.dataclass(frozen=True)
class Onboarding:
    """The onboarding checklist: a date (or nothing yet) per step, and the course hours."""

    first_interview_on: dt.date | None = None
    extract_issued_on: dt.date | None = None
    extract_received_on: dt.date | None = None
    info_note_received_on: dt.date | None = None
    agreement_signed_on: dt.date | None = None
    insurance_registered_on: dt.date | None = None
    course_completed_on: dt.date | None = None
    course_hours: float = 0.0


ONBOARDING_FIELDS = tuple(f.name for f in dataclasses.fields(Onboarding))


@dataclasses.dataclass(frozen=True)
class VolunteerSaved:
    id: int
    reference: str
    changes: Changes


# ---- Reading


def list_volunteers(*, session: Session) -> list[VolunteerRow]:
    """The register: every volunteer with current families and free half-days (3 queries)."""
    # Plain SQL on the few columns the register shows: the ORM's per-value conversions (enums,
    # JSON) cost more than the queries themselves on 800 volunteers.
    connection = session.connection()
    volunteers = connection.exec_driver_sql(
        "SELECT id, reference, first_name, last_name, postcode, status, languages "
        "FROM volunteer ORDER BY reference"
    ).all()
    slots: dict[int, set[Slot]] = defaultdict(set)
    for volunteer_id, weekday, half_day in connection.exec_driver_sql(
        "SELECT volunteer_id, weekday, half_day FROM availability"
    ):
        slots[volunteer_id].add((weekday, _HALF_DAYS[half_day]))
    families: dict[int, list[str]] = defaultdict(list)
    taken: dict[int, set[Slot]] = defaultdict(set)
    open_statuses = ", ".join(f"'{status.value}'" for status in OPEN_TRAJECTORY)
    for volunteer_id, reference, weekday, half_day in connection.exec_driver_sql(
        "SELECT t.volunteer_id, f.reference, t.weekday, t.half_day "
        "FROM trajectory t JOIN family f ON f.id = t.family_id "
        f"WHERE t.status IN ({open_statuses}) ORDER BY t.proposed_on"
    ):
        families[volunteer_id].append(reference)
        if weekday is not None and half_day is not None:
            taken[volunteer_id].add((weekday, _HALF_DAYS[half_day]))
    rows = []
    for volunteer_id, reference, first, last, postcode, status, languages in volunteers:
        free = sorted(slots[volunteer_id] - taken[volunteer_id], key=_slot_order)
        name = f"{first} {last}".strip()
        place = municipality_name(postcode)
        langs = tuple(json.loads(languages) if languages else ())
        rows.append(
            VolunteerRow(
                id=volunteer_id,
                reference=reference,
                name=name,
                postcode=postcode,
                municipality=place,
                status=_STATUSES[status],
                current_families=tuple(families[volunteer_id]),
                languages=langs,
                free_slots=tuple(free),
                search_text=search_key((reference, name, postcode, place, *langs)),
            )
        )
    return rows


_HALF_DAYS = {h.value: h for h in HalfDay} | {h.name: h for h in HalfDay}
_STATUSES = {s.value: s for s in VolunteerStatus} | {s.name: s for s in VolunteerStatus}
_HALF_DAY_RANK = {h: i for i, h in enumerate(HalfDay)}


def _slot_order(slot: Slot) -> tuple[int, int]:
    return slot[0], _HALF_DAY_RANK[slot[1]]


def get_volunteer(*, session: Session, volunteer_id: int) -> VolunteerFile:
    """One volunteer's whole file."""
    v = _row(session, volunteer_id)
    availability = frozenset(
        (a.weekday, HalfDay(a.half_day))
        for a in session.exec(select(Availability).where(Availability.volunteer_id == v.id))
    )
    matches = tuple(
        MatchLine(ref, TrajectoryStatus(t.status), t.proposed_on, t.start_on, t.ended_on)
        for t, ref in session.exec(
            select(Trajectory, Family.reference)
            .join(Family, Family.id == Trajectory.family_id)
            .where(Trajectory.volunteer_id == v.id)
            .order_by(Trajectory.proposed_on.desc())  # type: ignore[attr-defined]
        )
    )
    history = tuple(
        StatusLine(c.on, c.from_status, VolunteerStatus(c.to_status), c.reason)
        for c in session.exec(
            select(VolunteerStatusChange)
            .where(VolunteerStatusChange.volunteer_id == v.id)
            .order_by(VolunteerStatusChange.on, VolunteerStatusChange.id)
        )
    )
    details = {name: getattr(v, name) for name in IN_FIELDS}
    details["languages"] = tuple(v.languages or ())
    details["experience_tags"] = tuple(v.experience_tags or ())
    return VolunteerFile(
        id=v.id,
        reference=v.reference,
        status=VolunteerStatus(v.status),
        details=VolunteerIn(**details),
        onboarding=Onboarding(**{name: getattr(v, name) for name in ONBOARDING_FIELDS}),
        availability=availability,
        stopped_on=v.stopped_on,
        stop_reason=v.stop_reason,
        created_on=v.created_on,
        matches=matches,
        status_history=history,
        erased=v.erased_on is not None,
    )


def find_volunteer_id(*, session: Session, reference: str) -> int:
    """The id of the volunteer with this reference code (e.g. VW-2025-003)."""
    found = session.exec(
        select(Volunteer.id).where(Volunteer.reference == reference.strip().upper())
    ).first()
    if found is None:
        raise ValidationError(
            {
                "reference": _("No volunteer has the reference {reference}.").format(
                    reference=reference
                )
            }
        )
    return found


# ---- Writing


def add_volunteer(*, session: Session, volunteer_in: VolunteerIn, today: dt.date) -> VolunteerSaved:
    """A new candidate volunteer with a fresh reference code (VW-<year>-<nnn>)."""
    values = check_volunteer(volunteer_in, today=today)
    reference = next_reference(session=session, prefix=VOLUNTEER_PREFIX, year=today.year)
    volunteer = Volunteer(reference=reference, created_on=today, **values)
    session.add(volunteer)
    session.flush()
    session.add(
        VolunteerStatusChange(
            volunteer_id=volunteer.id, on=today, to_status=VolunteerStatus.candidate
        )
    )
    return VolunteerSaved(volunteer.id, reference, Changes(volunteers=True))


def update_volunteer(
    *, session: Session, volunteer_id: int, volunteer_in: VolunteerIn, today: dt.date
) -> VolunteerSaved:
    """Save the edited identity, contact, profile and preferences."""
    volunteer = _row(session, volunteer_id)
    if volunteer.erased_on is not None:  # erased on request: nothing comes back
        raise ValidationError(
            {
                "": _(
                    "This volunteer's data were erased on request: the file can no longer be changed."
                )
            }
        )
    volunteer.sqlmodel_update(check_volunteer(volunteer_in, today=today))
    session.add(volunteer)
    return VolunteerSaved(volunteer.id, volunteer.reference, Changes(volunteers=True))


def set_availability(
    *, session: Session, volunteer_id: int, slots: frozenset[Slot] | set[Slot]
) -> Changes:
    """Replace the week's free half-days; an available or matched volunteer needs at least one."""
    volunteer = _row(session, volunteer_id)
    for weekday, half_day in slots:
        if not 0 <= weekday <= 6 or half_day not in HalfDay:
            raise ValidationError({"availability": _("This is not a half-day of the week.")})
    if not slots and volunteer.status in (VolunteerStatus.available, VolunteerStatus.matched):
        raise ValidationError(
            {
                "availability": _(
                    "An available volunteer needs at least one free half-day. "
                    "Tick one, or pause the volunteer first."
                )
            }
        )
    for old in session.exec(select(Availability).where(Availability.volunteer_id == volunteer_id)):
        session.delete(old)
    session.flush()
    for weekday, half_day in sorted(slots):
        session.add(Availability(volunteer_id=volunteer_id, weekday=weekday, half_day=half_day))
    return Changes(volunteers=True)


# ---- Internals


def _row(session: Session, volunteer_id: int) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise ValidationError({"volunteer": _("This volunteer no longer exists.")})
    return volunteer


def check_volunteer(v: VolunteerIn, *, today: dt.date) -> dict:
    """The values to store, or every problem at once (the dialog's and the import's rules)."""
    problems = Problems()
    if not v.first_name.strip():
        problems.add("first_name", _("Fill in the first name."))
    if v.birth_date is not None:
        if v.birth_date > today:
            problems.add("birth_date", _("A birth date cannot be in the future."))
        elif v.birth_date.year < 1900 or (today - v.birth_date).days < 16 * 365:
            problems.add("birth_date", _("A volunteer is at least 16 years old."))
    postcode = v.postcode.strip()
    if postcode and not is_known_postcode(postcode):
        problems.add("postcode", _("This is not a Belgian postcode."))
    email = v.email.strip()
    if email and not EMAIL.match(email):
        problems.add("email", _("This e-mail address is incomplete (name@example.be)."))
    if v.language not in LANGUAGES:
        problems.add("language", _("Choose Dutch, French or English."))
    if not 0 <= v.max_travel_km <= 200:
        problems.add("max_travel_km", _("Give a distance between 0 and 200 km."))
    for name in ("child_age_min", "child_age_max"):
        age = getattr(v, name)
        if age is not None and not 0 <= age <= 12:
            problems.add(name, _("Home-Start supports children from 0 to 12 years."))
    if (
        v.child_age_min is not None
        and v.child_age_max is not None
        and v.child_age_min > v.child_age_max
    ):
        problems.add("child_age_max", _("The highest age is lower than the lowest."))
    check_typed(problems, v, today=today)
    problems.raise_if_any()
    values = dataclasses.asdict(v)
    values.update(
        first_name=v.first_name.strip(),
        last_name=v.last_name.strip(),
        postcode=postcode,
        email=email,
        languages=[code.strip().lower() for code in v.languages if code.strip()],
        experience_tags=list(v.experience_tags),
    )
    return values
