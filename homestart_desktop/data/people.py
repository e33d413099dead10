"""Who a reference code stands for: the first name a coordinator knows a family or volunteer by.

Screens show ``GZ-2025-031 · Fatima``; paper and exports keep the code alone. One query for the
whole branch (a few thousand short strings), read with each screen's own load.
"""

from __future__ import annotations

import dataclasses

from sqlmodel import Session, select

from homestart_desktop.data.models import Caregiver, Family, Volunteer


@dataclasses.dataclass(frozen=True)
class PersonName:
    first_name: str
    full_name: str


# Columns read on the connection (Core), not through the ORM session: no ORM compile and
# row processing for plain columns (Today's first unlock compiles each query anew).
def names_by_reference(*, session: Session) -> dict[str, PersonName]:
    """Every family (its first caregiver) and volunteer, by reference code."""
    names: dict[str, PersonName] = {}
    session.flush()  # what the caller added counts, as the ORM's autoflush made it count
    caregivers = session.connection().execute(
        select(Family.reference, Caregiver.first_name, Caregiver.last_name)
        .join(Caregiver, Caregiver.family_id == Family.id)
        .order_by(Family.id, Caregiver.position.desc(), Caregiver.id.desc())
    )
    for reference, first, last in caregivers:  # the first caregiver comes last, and stays
        names[reference] = PersonName(first, f"{first} {last}".strip())
    volunteers = session.connection().execute(
        select(Volunteer.reference, Volunteer.first_name, Volunteer.last_name)
    )
    for reference, first, last in volunteers:
        names[reference] = PersonName(first, f"{first} {last}".strip())
    return names
