"""The facts of a family's wait, read for many families at once; the rule is ``domain.waiting``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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


def _date(value: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def wait_facts(
    *, session: Session, family_ids: Iterable[int], up_to: dt.date | None = None
) -> dict[int, WaitFacts]:
    """Each family's referrals, trajectories and moves back to *waiting* (up to ``up_to``)."""
    ids = list(family_ids)
    if not ids:
        return {}
    parts: dict[int, dict[str, list]] = {
        i: {"referrals": [], "supported": [], "back_on_list": [], "back_from_not_started": []}
        for i in ids
    }
    for family_id, on in session.exec(
        select(Referral.family_id, Referral.referred_on).where(col(Referral.family_id).in_(ids))
    ):
        parts[family_id]["referrals"].append(_date(on))
    for family_id, start, end in session.exec(
        select(Trajectory.family_id, Trajectory.start_on, Trajectory.ended_on).where(
            col(Trajectory.family_id).in_(ids),
            col(Trajectory.start_on).is_not(None),
            Trajectory.status != TrajectoryStatus.withdrawn,
        )
    ):
        parts[family_id]["supported"].append((_date(start), _date(end)))
    for family_id, on, from_status in session.exec(
        select(
            FamilyStatusChange.family_id, FamilyStatusChange.on, FamilyStatusChange.from_status
        ).where(
            col(FamilyStatusChange.family_id).in_(ids),
            FamilyStatusChange.to_status == FamilyStatus.waiting,
        )
    ):
        parts[family_id]["back_on_list"].append(_date(on))
        if from_status == FamilyStatus.not_started:
            parts[family_id]["back_from_not_started"].append(_date(on))
    since = {
        family_id: on
        for family_id, on in session.exec(
            select(Family.id, Family.waiting_since).where(col(Family.id).in_(ids))
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
