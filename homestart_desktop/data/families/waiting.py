"""The inputs of a family's wait, read for many families at once; the rule is ``domain.waiting``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session, col, func, select

from homestart_desktop.data.models import Referral


def latest_referrals(
    *, session: Session, family_ids: Iterable[int] | None = None
) -> dict[int, dt.date]:
    """Each family's latest referral date (only the families asked for, when given)."""
    query = select(Referral.family_id, func.max(Referral.referred_on)).group_by(Referral.family_id)
    if family_ids is not None:
        query = query.where(col(Referral.family_id).in_(list(family_ids)))
    result = {}
    for family_id, referred_on in session.exec(query):
        if isinstance(referred_on, str):  # max() loses the column's date type
            referred_on = dt.date.fromisoformat(referred_on)
        result[family_id] = referred_on
    return result
