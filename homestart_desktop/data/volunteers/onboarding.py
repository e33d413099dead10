"""Onboarding and status: the checklist from first interview to course, and the status it allows.

A volunteer moves candidate → in training → available → matched → paused → stopped. The checklist
drives the first steps forward by itself; every step, by hand or not, passes the rules here:
no date in the future, the 596.2 extract at most a month old when handed in, and no *available*
volunteer without extract, signed agreement, course and at least one free half-day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import Availability, Volunteer, VolunteerStatus
from homestart_desktop.data.models import VolunteerStatusChange as StatusChange
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.validation import (
    FIRST_EVENT_YEAR,
    Problems,
    ValidationError,
    check_fields,
    check_typed,
)
from homestart_desktop.data.volunteers.register import (
    ONBOARDING_FIELDS,
    Onboarding,
    Slot,
    VolunteerIn,
    _row,
    add_volunteer,
    set_availability,
    update_volunteer,
)
from homestart_desktop.data.workflow import IllegalStep, check_step
from homestart_desktop.i18n import N_, _

V = VolunteerStatus

# What an available volunteer must have, by onboarding field, in the coordinator's words.
REQUIRED_FOR_AVAILABLE: dict[str, str] = {
    "extract_issued_on": N_("the criminal-record extract (596.2)"),
    "agreement_signed_on": N_("the signed volunteer agreement"),
    "course_completed_on": N_("the preparation course"),
}
ACTIVE = (V.available, V.matched)


@dataclasses.dataclass(frozen=True)
class OnboardingSaved:
    """The status after saving, whether it moved, and what still blocks *available*."""

    status: VolunteerStatus
    status_changed: bool
    missing_for_available: tuple[str, ...]
    changes: Changes


def missing_for_available(onboarding: Onboarding, *, has_availability: bool = True) -> list[str]:
    """The onboarding fields still missing before the volunteer may become available."""
    missing = [name for name in REQUIRED_FOR_AVAILABLE if getattr(onboarding, name) is None]
    if not has_availability:
        missing.append("availability")
    return missing


def missing_message(missing: list[str] | tuple[str, ...]) -> str:
    """'Still missing: the signed volunteer agreement, the preparation course.'"""
    words = [
        _(REQUIRED_FOR_AVAILABLE[name]) if name in REQUIRED_FOR_AVAILABLE else _("a free half-day")
        for name in missing
    ]
    return _("Not yet available. Still missing: {missing}.").format(missing=", ".join(words))


def check_onboarding(
    onboarding: Onboarding,
    *,
    today: dt.date,
    extract_max_age_days: int,
    since: int = FIRST_EVENT_YEAR,
) -> None:
    """Refuse dates in the future, an extract too old or dated after it was handed in."""
    problems = Problems()
    for name in ONBOARDING_FIELDS:
        value = getattr(onboarding, name)
        if isinstance(value, dt.date) and value > today:
            problems.add(name, _("This date is in the future."))
    issued, received = onboarding.extract_issued_on, onboarding.extract_received_on
    if issued and not received:
        problems.add("extract_received_on", _("When was the extract handed in?"))
    if received and not issued:
        problems.add("extract_issued_on", _("Fill in the date of issue printed on the extract."))
    if issued and received:
        if issued > received:
            problems.add(
                "extract_issued_on",
                _("The extract cannot be dated after the day it was handed in."),
            )
        elif (received - issued).days > extract_max_age_days:
            problems.add(
                "extract_issued_on",
                _(
                    "The extract was {days} days old when handed in; at most {limit} days "
                    "are accepted. Ask the volunteer for a new one."
                ).format(days=(received - issued).days, limit=extract_max_age_days),
            )
    hours = onboarding.course_hours
    if hours < 0 or hours > 200:
        problems.add("course_hours", _("Give the course hours as a number from 0 to 200."))
    elif onboarding.course_completed_on and hours == 0:
        problems.add("course_hours", _("How many hours did the course take?"))
    check_typed(problems, onboarding, today=today, first_year=since)
    problems.raise_if_any()


def save_onboarding(
    *,
    session: Session,
    volunteer_id: int,
    onboarding: Onboarding,
    today: dt.date,
) -> OnboardingSaved:
    """Store the checklist; a candidate with a first interview goes into training, and a volunteer
    in training with everything in place becomes available."""
    settings = load_settings(session=session)
    check_onboarding(
        onboarding,
        today=today,
        extract_max_age_days=settings.extract_max_age_days,
        since=settings.founded_year,
    )
    volunteer = _row(session, volunteer_id)
    if volunteer.status in ACTIVE:
        lost = missing_for_available(onboarding)
        if lost:
            problems = {
                name: _("An available volunteer needs this; pause the volunteer first.")
                for name in lost
            }
            raise ValidationError(problems)
    volunteer.sqlmodel_update(dataclasses.asdict(onboarding))
    session.add(volunteer)
    has_slots = _has_availability(session, volunteer_id)
    missing = missing_for_available(onboarding, has_availability=has_slots)
    moved = False
    if volunteer.status == V.candidate and onboarding.first_interview_on:
        _step(session, volunteer, V.in_training, today, "")
        moved = True
    if volunteer.status == V.in_training and not missing:
        _step(session, volunteer, V.available, today, "")
        moved = True
    return OnboardingSaved(
        VolunteerStatus(volunteer.status), moved, tuple(missing), Changes(volunteers=True)
    )


def change_status(
    *,
    session: Session,
    volunteer_id: int,
    new_status: VolunteerStatus,
    on: dt.date | None = None,
    reason: str = "",
    today: dt.date,
) -> Changes:
    """Move the volunteer to ``new_status`` if the work allows it; say precisely why not."""
    on = on or today
    volunteer = _row(session, volunteer_id)
    problems = Problems()
    try:
        check_step(VolunteerStatus(volunteer.status), new_status)
    except IllegalStep as error:
        raise ValidationError({"status": str(error)}) from error
    if on > today:
        problems.add("on", _("This date is in the future."))
    if new_status == V.available:
        onboarding = Onboarding(**{name: getattr(volunteer, name) for name in ONBOARDING_FIELDS})
        missing = missing_for_available(
            onboarding, has_availability=_has_availability(session, volunteer_id)
        )
        if missing:
            problems.add("status", missing_message(missing))
            for name in missing:
                problems.add(name, _("Missing before the volunteer can be available."))
    if new_status == V.stopped and not reason.strip():
        problems.add("reason", _("Say why the volunteer stops."))
    since = load_settings(session=session).founded_year
    check_fields(problems, today=today, first_year=since, on=on, reason=reason)
    problems.raise_if_any()
    _step(session, volunteer, new_status, on, reason.strip())
    return Changes(volunteers=True)


def _has_availability(session: Session, volunteer_id: int) -> bool:
    query = select(Availability.id).where(Availability.volunteer_id == volunteer_id).limit(1)
    return session.exec(query).first() is not None


def _step(
    session: Session, volunteer: Volunteer, new: VolunteerStatus, on: dt.date, reason: str
) -> None:
    session.add(
        StatusChange(
            volunteer_id=volunteer.id,
            on=on,
            from_status=volunteer.status,
            to_status=new,
            reason=reason,
        )
    )
    if new == V.stopped:
        volunteer.stopped_on, volunteer.stop_reason = on, reason
    elif volunteer.status == V.stopped:
        volunteer.stopped_on, volunteer.stop_reason = None, ""
    volunteer.status = new
    session.add(volunteer)


@dataclasses.dataclass(frozen=True)
class FileSaved:
    """What the volunteer's file screen needs after a save."""

    id: int
    reference: str
    status: VolunteerStatus
    status_changed: bool
    missing_for_available: tuple[str, ...]
    changes: Changes


def save_volunteer_file(
    *,
    session: Session,
    volunteer_id: int | None,
    volunteer_in: VolunteerIn,
    slots: frozenset[Slot],
    onboarding: Onboarding,
    today: dt.date,
) -> FileSaved:
    """Save the whole file at once (details, free half-days, checklist): all or nothing."""
    if volunteer_id is None:
        saved = add_volunteer(session=session, volunteer_in=volunteer_in, today=today)
    else:
        saved = update_volunteer(
            session=session, volunteer_id=volunteer_id, volunteer_in=volunteer_in, today=today
        )
    # Free half-days before the checklist, so a volunteer becoming available has them counted.
    set_availability(session=session, volunteer_id=saved.id, slots=slots)
    result = save_onboarding(
        session=session, volunteer_id=saved.id, onboarding=onboarding, today=today
    )
    return FileSaved(
        saved.id,
        saved.reference,
        result.status,
        result.status_changed,
        result.missing_for_available,
        Changes(volunteers=True),
    )
