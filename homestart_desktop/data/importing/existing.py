"""What the case file already holds, to know a row imported before.

A family is the same when it has the same reference, or the same parent's name with the same
phone number or a child's birth date; a volunteer the same with the same reference, or the same
name with the same phone number or birth date. Read with a few plain queries, so that checking
3,000 rows against 3,000 families stays quick.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import defaultdict

from sqlmodel import Session

from homestart_desktop.data.importing.fields import fold
from homestart_desktop.data.models import FamilyStatus, VolunteerStatus

Key = tuple[str, str, str]


def name_key(first: str, last: str) -> str:
    return fold(f"{first} {last}")


def phone_digits(phone: str) -> str:
    return re.sub(r"\D", "", phone or "")[-9:]


def person_keys(name: str, phone: str, dates: list[dt.date | None]) -> list[Key]:
    """The ways a person is recognised: name + phone, name + a birth date."""
    keys: list[Key] = []
    if name and phone_digits(phone):
        keys.append(("phone", name, phone_digits(phone)))
    keys += [("born", name, day.isoformat()) for day in dates if day]
    return keys


@dataclasses.dataclass
class Known:
    """Ids by reference, by recognising key and by name; details to compare on re-import."""

    by_reference: dict[str, int] = dataclasses.field(default_factory=dict)
    by_key: dict[Key, int] = dataclasses.field(default_factory=dict)
    by_name: dict[str, list[int]] = dataclasses.field(default_factory=lambda: defaultdict(list))
    details: dict[int, dict[str, object]] = dataclasses.field(default_factory=dict)
    status: dict[int, str] = dataclasses.field(default_factory=dict)

    def find(self, reference: str, keys: list[Key]) -> int | None:
        if reference and reference in self.by_reference:
            return self.by_reference[reference]
        return next((self.by_key[key] for key in keys if key in self.by_key), None)


@dataclasses.dataclass
class CaseFileNow:
    families: Known
    volunteers: Known
    open_matches: set[tuple[int, int]]  # (family id, volunteer id) of open trajectories

    def family_status(self, family_id: int) -> FamilyStatus:
        return FamilyStatus(self.families.status[family_id])

    def volunteer_status(self, volunteer_id: int) -> VolunteerStatus:
        return VolunteerStatus(self.volunteers.status[volunteer_id])


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value)[:10])


def read_case_file(*, session: Session) -> CaseFileNow:
    """Everything the import compares with, in five queries."""
    sql = session.connection().exec_driver_sql
    families = Known()
    births: dict[int, list[dt.date | None]] = defaultdict(list)
    for family_id, born in sql("SELECT family_id, birth_date FROM child"):
        births[family_id].append(_date(born))
    first_parent: dict[int, tuple[str, str]] = {}
    for family_id, first, last in sql(
        "SELECT family_id, first_name, last_name FROM caregiver ORDER BY position DESC, id DESC"
    ):
        first_parent[family_id] = (first, last)
    for family_id, reference, status, phone, street, postcode, language in sql(
        "SELECT id, reference, status, phone, street, postcode, language FROM family"
    ):
        first, last = first_parent.get(family_id, ("", ""))
        name = name_key(first, last)
        families.by_reference[reference] = family_id
        families.by_name[name].append(family_id)
        for key in person_keys(name, phone, births[family_id]):
            families.by_key.setdefault(key, family_id)
        families.status[family_id] = status
        families.details[family_id] = {
            "first_name": first,
            "last_name": last,
            "phone": phone,
            "street": street,
            "postcode": postcode,
            "language": language,
        }
    volunteers = Known()
    for row in sql(
        "SELECT id, reference, status, first_name, last_name, birth_date, gender, language, "
        "street, postcode, phone, email, has_car, experience_tags FROM volunteer"
    ):
        volunteer_id, reference, status, first, last, born = row[:6]
        name = name_key(first, last)
        volunteers.by_reference[reference] = volunteer_id
        volunteers.by_name[name].append(volunteer_id)
        for key in person_keys(name, row[10], [_date(born)]):
            volunteers.by_key.setdefault(key, volunteer_id)
        volunteers.status[volunteer_id] = status
        volunteers.details[volunteer_id] = dict(
            zip(
                (
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
                ),
                (first, last, _date(born), *row[6:12], bool(row[12])),
                strict=True,
            ),
            experience_tags=frozenset(json.loads(row[13] or "[]")),
        )
    open_matches = {
        (family_id, volunteer_id)
        for family_id, volunteer_id in sql(
            "SELECT family_id, volunteer_id FROM trajectory "
            "WHERE status IN ('proposed', 'introduced', 'active', 'paused')"
        )
    }
    return CaseFileNow(families, volunteers, open_matches)
