"""The facts of a family's wait, read for many families at once; the rule is ``domain.waiting``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Referral,
    Trajectory,
    TrajectoryStatus,
)
from homestart_desktop.domain.waiting import BEFORE_SUPPORT as _BEFORE_SUPPORT
from homestart_desktop.domain.waiting import WaitFacts, waiting_since


# Columns read on the connection (Core), not through the ORM session: no ORM compile and
# row processing for plain columns (Today's first unlock compiles each query anew).
def _date(value: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def wait_facts(
    *, session: Session, family_ids: Iterable[int], up_to: dt.date | None = None
) -> dict[int, WaitFacts]:
    """Each family's referrals, trajectories and moves back to *waiting* (up to ``up_to``)."""
    ids = list(family_ids)
    if not ids:
        return {}
    session.flush()  # what the caller added counts, as the ORM's autoflush made it count
    # One expanding parameter, not a thousand literals SQLAlchemy checks one by one (Today's
    # first unlock asks this for every waiting family of a large branch).
    among = bindparam("family_ids", ids, expanding=True)
    parts: dict[int, dict[str, list]] = {
        i: {"referrals": [], "supported": [], "back_on_list": [], "back_from_not_started": []}
        for i in ids
    }
    for family_id, on in session.connection().execute(
        select(Referral.family_id, Referral.referred_on).where(col(Referral.family_id).in_(among))
    ):
        parts[family_id]["referrals"].append(_date(on))
    for family_id, start, end in session.connection().execute(
        select(Trajectory.family_id, Trajectory.start_on, Trajectory.ended_on).where(
            col(Trajectory.family_id).in_(among),
            col(Trajectory.start_on).is_not(None),
            Trajectory.status != TrajectoryStatus.withdrawn,
        )
    ):
        parts[family_id]["supported"].append((_date(start), _date(end)))
    for family_id, on, from_status in session.connection().execute(
        select(
            FamilyStatusChange.family_id, FamilyStatusChange.on, FamilyStatusChange.from_status
        ).where(
            col(FamilyStatusChange.family_id).in_(among),
            FamilyStatusChange.to_status == FamilyStatus.waiting,
        )
    ):
        parts[family_id]["back_on_list"].append(_date(on))
        if from_status == FamilyStatus.not_started:
            parts[family_id]["back_from_not_started"].append(_date(on))
    since = {
        family_id: on
        for family_id, on in session.connection().execute(
            select(Family.id, Family.waiting_since).where(col(Family.id).in_(among))
        )
    }
    result = {}
    for family_id, found in parts.items():
        if up_to is not None:
            found = {
                "referrals": [d for d in found["referrals"] if d <= up_to],
                "supported": [(s, e) for s, e in found["supported"] if s <= up_to],
                "back_on_list": [d for d in found["back_on_list"] if d <= up_to],
                "back_from_not_started": [d for d in found["back_from_not_started"] if d <= up_to],
            }
        result[family_id] = WaitFacts(
            referrals=tuple(sorted(found["referrals"])),
            supported=tuple(sorted(found["supported"])),
            on_list_since=_date(since.get(family_id)),
            back_on_list=tuple(sorted(found["back_on_list"])),
            back_from_not_started=tuple(sorted(found["back_from_not_started"])),
        )
    return result


def waiting_since_of(
    *, session: Session, statuses: dict[int, str], today: dt.date
) -> dict[int, dt.date | None]:
    """Each family's *waiting since* (``domain.waiting``), given its current status."""
    waiting = [f for f, status in statuses.items() if status in _BEFORE_SUPPORT]
    facts = wait_facts(session=session, family_ids=waiting)
    return {
        f: waiting_since(status=status, facts=facts.get(f, WaitFacts()), today=today)
        for f, status in statuses.items()
    }


def waiting_families(*, session: Session, today: dt.date) -> list[tuple[int, str, dt.date | None]]:
    """The families on the waiting list: id, reference and *waiting since* (``domain.waiting``).

    Today's figures and the morning list both start from these; read once, they share them.
    """
    families = (
        session.connection()
        .execute(select(Family.id, Family.reference).where(Family.status == FamilyStatus.waiting))
        .all()
    )
    since_of = waiting_since_of(
        session=session, statuses={f: FamilyStatus.waiting for f, _ in families}, today=today
    )
    return [(family_id, reference, since_of[family_id]) for family_id, reference in families]
