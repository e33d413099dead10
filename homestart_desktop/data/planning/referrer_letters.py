"""Letters to the referrer: only when the family agreed, only "started on" and "ended on".

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
from homestart_desktop.data.models import AuditEvent, Family, Referral, Trajectory
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.data.validation import Problems
from homestart_desktop.i18n import _

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
    if referral is None or not referral.inform_referrer:
        problems.add(
            "inform_referrer",
            _("The family did not agree that the referrer is told when support starts and ends."),
        )
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


def mark_referrer_informed(
    *, session: Session, trajectory_id: int, kind: LetterKind, today: dt.date
) -> Changes:
    """The letter went out today: note it (and tick the trajectory's box for the end letter)."""
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise LookupError(trajectory_id)
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
