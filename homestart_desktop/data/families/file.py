"""One family's file, read in one go as plain frozen values: household, referrals, intake, timeline.

The value classes mirror the tables column by column (made from the models, so a new column
appears here without a second list to keep in step).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlmodel import Session, SQLModel, select

from homestart_desktop.data.families.waiting import waiting_since_of
from homestart_desktop.data.models import (
    Caregiver,
    Child,
    Family,
    FamilyStatusChange,
    Intake,
    Referral,
)
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.privacy.consent import (
    FamilyConsent,
    PrivacyStatement,
    family_consent,
    privacy_statements,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.domain import waiting as wait
from homestart_desktop.i18n import current_language


def _frozen_like(model: type[SQLModel]) -> type:
    fields = [(name, Any) for name in model.model_fields]
    return dataclasses.make_dataclass(f"{model.__name__}Values", fields, frozen=True)


FamilyValues = _frozen_like(Family)
CaregiverValues = _frozen_like(Caregiver)
ChildValues = _frozen_like(Child)
ReferralValues = _frozen_like(Referral)
IntakeValues = _frozen_like(Intake)
StatusChangeValues = _frozen_like(FamilyStatusChange)


def _copy(row: SQLModel, cls: type) -> Any:
    values = {}
    for name in type(row).model_fields:
        value = getattr(row, name)
        values[name] = tuple(value) if isinstance(value, list) else value
    return cls(**values)


@dataclasses.dataclass(frozen=True)
class FamilyFile:
    """Everything the family file shows, newest referral and intake last."""

    family: Any  # FamilyValues
    municipality: str
    caregivers: tuple[Any, ...]  # CaregiverValues, in household order
    children: tuple[Any, ...]  # ChildValues, eldest first, unborn last
    referrals: tuple[Any, ...]  # ReferralValues, oldest first
    intakes: tuple[Any, ...]  # IntakeValues, oldest first
    timeline: tuple[Any, ...]  # StatusChangeValues, oldest first
    waiting_since: dt.date | None  # domain.waiting (latest referral, or back on the list)
    waiting_days: int | None
    consent: FamilyConsent = FamilyConsent()  # the consent record, oldest step first
    # The privacy statement's versions a family can sign (Settings), oldest first.
    statements: tuple[PrivacyStatement, ...] = ()

    @property
    def referral(self) -> Any | None:
        """The current (latest) referral."""
        return self.referrals[-1] if self.referrals else None

    @property
    def intake(self) -> Any | None:
        """The intake belonging to the current referral, if any (a referral again starts anew)."""
        current = self.referral.id if self.referral else None
        mine = [i for i in self.intakes if i.referral_id == current]
        return mine[-1] if mine else None

    @property
    def name(self) -> str:
        """The first caregiver's full name (what a coordinator calls the family)."""
        if not self.caregivers:
            return ""
        first = self.caregivers[0]
        return " ".join(p for p in (first.first_name, first.last_name) if p)


def _child_order(child: Any) -> tuple[int, dt.date]:
    if child.birth_date is not None:
        return (0, child.birth_date)
    return (1, child.due_date or dt.date.max)


def load_family(*, session: Session, family_id: int, today: dt.date) -> FamilyFile:
    """The whole file of one family; ``LookupError`` when there is no such family."""
    family = session.get(Family, family_id)
    if family is None:
        raise LookupError("no such family")

    def rows(model: type[SQLModel], *order: Any) -> list[Any]:
        statement = select(model).where(model.family_id == family_id).order_by(*order)
        return [_copy(row, _CLASSES[model]) for row in session.exec(statement)]

    referrals = rows(Referral, Referral.referred_on, Referral.id)
    since = waiting_since_of(session=session, statuses={family_id: family.status}, today=today)[
        family_id
    ]
    return FamilyFile(
        family=_copy(family, FamilyValues),
        municipality=municipality_name(family.postcode, current_language()),
        caregivers=tuple(rows(Caregiver, Caregiver.position, Caregiver.id)),
        children=tuple(sorted(rows(Child, Child.id), key=_child_order)),
        referrals=tuple(referrals),
        intakes=tuple(rows(Intake, Intake.id)),
        timeline=tuple(rows(FamilyStatusChange, FamilyStatusChange.on, FamilyStatusChange.id)),
        waiting_since=since,
        waiting_days=wait.waiting_days(since, today),
        consent=family_consent(session=session, family_id=family_id),
        statements=privacy_statements(load_settings(session=session)),
    )


_CLASSES: dict[type[SQLModel], type] = {
    Caregiver: CaregiverValues,
    Child: ChildValues,
    Referral: ReferralValues,
    Intake: IntakeValues,
    FamilyStatusChange: StatusChangeValues,
}
