"""The family list and the waiting list: one plain row per family with a prepared search key.

Read in four plain queries (no live rows; each distinct JSON list decoded once),
so that the screen loads 3,000 families at once and then searches and filters in memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from functools import lru_cache

from sqlmodel import Session

from homestart_desktop.data.families.waiting import waiting_since_of
from homestart_desktop.data.models import Caregiver, Child, Family, FamilyStatus, Referral
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.domain import waiting as wait
from homestart_desktop.domain.search import search_key
from homestart_desktop.i18n import current_language

_EMPTY_LISTS = ("", "[]", None)


@dataclasses.dataclass(frozen=True)
class FamilyRow:
    """One line of the family list (and of the waiting list).

    ``waiting_since`` and ``waiting_days`` follow ``domain.waiting`` (one rule for every screen);
    both are empty once support has started.
    """

    family_id: int
    reference: str
    name: str
    status: FamilyStatus
    postcode: str
    municipality: str
    referred_on: dt.date | None
    waiting_since: dt.date | None
    waiting_days: int | None
    languages: tuple[str, ...]
    preferred_slots: tuple[str, ...]
    children: int
    search_key: str

    @property
    def search_text(self) -> str:
        """What the shared list widget searches besides the columns (members, children)."""
        return self.search_key


@lru_cache(maxsize=4096)  # a few hundred distinct lists among thousands of rows
def _codes(raw: str | None) -> tuple[str, ...]:
    return () if raw in _EMPTY_LISTS else tuple(json.loads(raw))


# Plain SQL through the driver: for 10,000 small rows the ORM's per-row work costs more than
# reading the encrypted file. Table names come from the models, so a rename follows.
_CAREGIVERS = (
    f"SELECT family_id, first_name, last_name, languages FROM {Caregiver.__tablename__} "
    "ORDER BY family_id, position, id"
)
_CHILDREN = f"SELECT family_id, first_name FROM {Child.__tablename__}"
_REFERRALS = f"SELECT family_id, max(referred_on) FROM {Referral.__tablename__} GROUP BY family_id"
_FAMILIES = (
    f"SELECT id, reference, status, postcode, waiting_since, preferred_slots "
    f"FROM {Family.__tablename__}"
)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def list_families(*, session: Session, today: dt.date) -> list[FamilyRow]:
    """Every family with what the list shows and a prepared search key."""
    lang = current_language()
    connection = session.connection()
    members: dict[int, list[str]] = defaultdict(list)
    spoken: dict[int, list[str]] = defaultdict(list)
    for family_id, first, last, languages in connection.exec_driver_sql(_CAREGIVERS).all():
        members[family_id].append(f"{first} {last}".strip())
        for code in _codes(languages):
            if code not in spoken[family_id]:
                spoken[family_id].append(code)
    children: dict[int, list[str]] = defaultdict(list)
    for family_id, first in connection.exec_driver_sql(_CHILDREN).all():
        children[family_id].append(first)
    referred = {
        family_id: _date(on) for family_id, on in connection.exec_driver_sql(_REFERRALS).all()
    }
    statuses = {status.name: status for status in FamilyStatus}
    places: dict[str, str] = {}
    found = connection.exec_driver_sql(_FAMILIES).all()
    since_of = waiting_since_of(
        session=session, statuses={row[0]: statuses[row[2]] for row in found}, today=today
    )
    rows = []
    for fid, reference, status_name, postcode, _since, slots in found:
        people = members.get(fid, ())
        kids = children.get(fid, ())
        place = places.get(postcode)
        if place is None:
            place = places[postcode] = municipality_name(postcode, lang)
        referred_on = referred.get(fid)
        status = statuses[status_name]
        waiting_since = since_of[fid]
        rows.append(
            FamilyRow(
                family_id=fid,
                reference=reference,
                name=people[0] if people else "",
                status=status,
                postcode=postcode,
                municipality=place,
                referred_on=referred_on,
                waiting_since=waiting_since,
                waiting_days=wait.waiting_days(waiting_since, today),
                languages=tuple(spoken.get(fid, ())),
                preferred_slots=_codes(slots),
                children=len(kids),
                search_key=search_key((reference, postcode, place, *people, *kids)),
            )
        )
    return rows


def waiting_list(*, session: Session, today: dt.date) -> list[FamilyRow]:
    """Families on the waiting list (status *waiting*), longest waiting first."""
    rows = [
        r for r in list_families(session=session, today=today) if r.status == FamilyStatus.waiting
    ]
    return sorted(
        rows, key=lambda r: wait.longest_waiting_first(r.waiting_since, r.reference, today)
    )
