"""Letters to the referrer: only when the family agrees, only "started on" and "ended on".

Whether it agrees is the family's consent record (data/privacy/consent.py): after a withdrawal
no letter is made and none is marked as sent.

The day a letter went out is kept as an audit event of the trajectory (codes and dates only), so
the trajectory shows *referrer informed* with its date without a new column; the end letter
also ticks the trajectory's own *referrer informed* box, the one the closing dialog shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from sqlmodel import Session, col, select

from homestart_desktop.data.audit.events import codes_of
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.audit.trail import who_of
from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import AuditEvent, ConsentItem, Family, Referral, Trajectory
from homestart_desktop.data.privacy.consent import family_consent, may_inform_referrer
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.data.validation import Problems, ValidationError
from homestart_desktop.i18n import _, format_short_date

ACTION = "referrer_informed"


class LetterKind(enum.StrEnum):
    start = "start"
    end = "end"


@dataclasses.dataclass(frozen=True)
class ReferrerLetter:
    """What a letter to the referrer may say: no names of the family, no content of the support."""

    kind: LetterKind
    branch: BranchSettings
    family_reference: str
    organisation: str
    contact: str
    referred_on: dt.date
    started_on: dt.date | None
    ended_on: dt.date | None
    written_on: dt.date


@dataclasses.dataclass(frozen=True)
class LetterFacts:
    """What a screen needs to offer the letters of one trajectory."""

    trajectory_id: int
    family_reference: str
    agreed: bool  # the family agreed that the referrer is told
    started_on: dt.date | None
    ended_on: dt.date | None
    informed_on: dict[LetterKind, dt.date]  # the day each letter went out
    # The letter goes in the referrer's language; the referral does not record it, so the
    # branch's language (the one it writes to its partners in) comes first, the others offered.
    language: str


def letter_facts(*, session: Session, trajectory_id: int) -> LetterFacts:
    """The facts of one trajectory's letters; ``LookupError`` when there is no such trajectory."""
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise LookupError(trajectory_id)
    family = session.get(Family, trajectory.family_id)
    assert family is not None
    referral = _latest_referral(session, family.id)
    return LetterFacts(
        trajectory_id=trajectory_id,
        family_reference=family.reference,
        agreed=referral is not None and referral.inform_referrer,
        started_on=trajectory.start_on,
        ended_on=trajectory.ended_on,
        informed_on=referrer_informed_on(session=session, trajectory_id=trajectory_id),
        language=load_settings(session=session).language,
    )


def family_letter_facts(*, session: Session, family_id: int) -> LetterFacts | None:
    """The letters of the family's latest trajectory that started (None: support never started)."""
    latest = session.exec(
        select(Trajectory)
        .where(Trajectory.family_id == family_id, col(Trajectory.start_on).is_not(None))
        .order_by(col(Trajectory.start_on).desc(), col(Trajectory.id).desc())
    ).first()
    return None if latest is None else letter_facts(session=session, trajectory_id=latest.id)


def _latest_referral(session: Session, family_id: int) -> Referral | None:
    return session.exec(
        select(Referral)
        .where(Referral.family_id == family_id)
        .order_by(col(Referral.referred_on).desc(), col(Referral.id).desc())
    ).first()


def referrer_letter(
    *, session: Session, trajectory_id: int, kind: LetterKind, today: dt.date
) -> ReferrerLetter:
    """The letter's facts; refuses (``Problems``) when the family did not agree or the date is
    not there yet (a start letter before the start, an end letter before the end)."""
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise LookupError(trajectory_id)
    family = session.get(Family, trajectory.family_id)
    assert family is not None
    referral = _latest_referral(session, family.id)
    problems = Problems()
    if referral is None or not may_inform_referrer(session=session, family_id=family.id):
        problems.add("inform_referrer", _refusal(session, family.id))
    elif kind == LetterKind.start and trajectory.start_on is None:
        problems.add("start_on", _("The support has not started yet."))
    elif kind == LetterKind.end and trajectory.ended_on is None:
        problems.add("ended_on", _("The support has not ended yet."))
    problems.raise_if_any()
    assert referral is not None
    return ReferrerLetter(
        kind=kind,
        branch=load_settings(session=session),
        family_reference=family.reference,
        organisation=referral.organisation,
        contact=referral.contact,
        referred_on=referral.referred_on,
        started_on=trajectory.start_on,
        ended_on=trajectory.ended_on if kind == LetterKind.end else None,
        written_on=today,
    )


def _refusal(session: Session, family_id: int) -> str:
    withdrawn = family_consent(session=session, family_id=family_id).withdrawn_on(
        ConsentItem.inform_referrer
    )
    if withdrawn is not None:
        return _(
            "The family withdrew on {date} its consent that the referrer is told when support "
            "starts and ends: no letter goes to the referrer."
        ).format(date=format_short_date(withdrawn))
    return _("The family did not agree that the referrer is told when support starts and ends.")


def mark_referrer_informed(
    *, session: Session, trajectory_id: int, kind: LetterKind, today: dt.date
) -> Changes:
    """The letter went out today: note it (and tick the trajectory's box for the end letter).

    Refused, like the letter itself, when the family does not (or no longer) agree.
    """
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise LookupError(trajectory_id)
    if not may_inform_referrer(session=session, family_id=trajectory.family_id):
        raise ValidationError({"inform_referrer": _refusal(session, trajectory.family_id)})
    if kind == LetterKind.end:
        trajectory.referrer_informed = True
    family_code, volunteer_code = codes_of(session=session, trajectory_id=trajectory_id)
    session.add(
        AuditEvent(
            # Noon UTC: the stored moment keeps its calendar day in Brussels too.
            at=dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC),
            action=ACTION,
            entity="trajectory",
            entity_id=trajectory_id,
            detail=kind.value,
            kind=AuditKind.letter,
            who=who_of(session),
            family_code=family_code,
            volunteer_code=volunteer_code,
        )
    )
    return Changes(trajectories=True)


def referrer_informed_on(*, session: Session, trajectory_id: int) -> dict[LetterKind, dt.date]:
    """The latest day the referrer was sent each letter (a kind missing: not sent)."""
    events = session.exec(
        select(AuditEvent)
        .where(
            AuditEvent.action == ACTION,
            AuditEvent.entity == "trajectory",
            AuditEvent.entity_id == trajectory_id,
        )
        .order_by(col(AuditEvent.at))
    )
    return {LetterKind(e.detail): e.at.date() for e in events}
