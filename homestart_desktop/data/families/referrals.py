"""Families: referral, corrections, and every status step with its reason.

Each status change is kept (date, from, to, reason) and is the family's timeline; corrections
overwrite details but never that history. The intake lives in ``data/families/intake.py``, the list in
``data/families/register.py``, one family's file in ``data/families/file.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families import checks as check
from homestart_desktop.data.families.back_on_list import put_back_on_list
from homestart_desktop.data.models import (
    Caregiver,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Referral,
    ReferrerCategory,
)
from homestart_desktop.data.privacy.consent import follow_referral
from homestart_desktop.data.references import FAMILY_PREFIX, next_reference
from homestart_desktop.data.status_steps import audit, step_family
from homestart_desktop.data.validation import (
    FIRST_EVENT_YEAR,
    Problems,
    ValidationError,
    check_fields,
    check_typed,
    first_year,
)
from homestart_desktop.data.workflow import check_step
from homestart_desktop.i18n import LANGUAGES, _

REOPENABLE = frozenset({FamilyStatus.closed, FamilyStatus.not_started, FamilyStatus.archived})


# ---- Values


@dataclasses.dataclass(frozen=True)
class ReferralIn:
    """What the referral dialog asks: the referrer and the first caregiver."""

    referred_on: dt.date | None
    category: ReferrerCategory | None
    first_name: str
    last_name: str = ""
    phone: str = ""
    postcode: str = ""
    organisation: str = ""
    contact: str = ""
    question: str = ""
    inform_referrer: bool = False
    language: str = "nl"


@dataclasses.dataclass(frozen=True)
class Saved:
    """The family a write concerned, and what changed."""

    family_id: int
    reference: str
    changes: Changes


# ---- Writes


def _audit(session: Session, action: str, family_id: int, detail: str = "") -> None:
    audit(session, action, "family", family_id, detail)


def _record_step(
    session: Session, family: Family, new: FamilyStatus, on: dt.date, reason: str = ""
) -> None:
    step_family(session, family, new, on, reason)


def check_referral(referral: ReferralIn, *, today: dt.date, since: int = FIRST_EVENT_YEAR) -> None:
    """Refuse a referral with every problem by field name (the dialog's and the import's rules)."""
    problems = Problems()
    check.required(problems, "referred_on", referral.referred_on)
    check.not_in_future(problems, "referred_on", referral.referred_on, today)
    check.required(problems, "category", referral.category)
    check.required(problems, "first_name", referral.first_name)
    check.phone(problems, "phone", referral.phone)
    check.postcode(problems, "postcode", referral.postcode)
    if referral.language not in LANGUAGES:
        problems.add("language", _("Choose Dutch, French or English."))
    check_typed(problems, referral, today=today, first_year=since)
    problems.raise_if_any()


def _referral_row(family_id: int, referral: ReferralIn) -> Referral:
    return Referral(
        family_id=family_id,
        referred_on=referral.referred_on,
        category=referral.category,
        organisation=referral.organisation.strip(),
        contact=referral.contact.strip(),
        question=referral.question.strip(),
        inform_referrer=referral.inform_referrer,
    )


def register_referral(*, session: Session, referral: ReferralIn, today: dt.date) -> Saved:
    """A new family with its first caregiver and referral; it gets its code and is *referred*."""
    check_referral(referral, today=today, since=first_year(session=session))
    assert referral.referred_on is not None
    reference = next_reference(
        session=session, prefix=FAMILY_PREFIX, year=referral.referred_on.year
    )
    family = Family(
        reference=reference,
        status=FamilyStatus.referred,
        language=referral.language,
        postcode=referral.postcode.strip(),
        phone=referral.phone.strip(),
        created_on=today,
    )
    session.add(family)
    session.flush()
    session.add(
        Caregiver(
            family_id=family.id,
            position=0,
            first_name=referral.first_name.strip(),
            last_name=referral.last_name.strip(),
            phone=referral.phone.strip(),
        )
    )
    session.add(_referral_row(family.id, referral))
    follow_referral(
        session=session,
        family_id=family.id,
        agrees=referral.inform_referrer,
        on=referral.referred_on,
        today=today,
    )
    session.add(
        FamilyStatusChange(
            family_id=family.id, on=referral.referred_on, to_status=FamilyStatus.referred
        )
    )
    _audit(session, "family.referred", family.id, referral.category.value)
    return Saved(family.id, reference, Changes(families=True))


def correct_referral(
    *,
    session: Session,
    family_id: int,
    referral_id: int,
    referral: ReferralIn,
    today: dt.date,
) -> Saved:
    """Correct a referral and the first caregiver's name, phone and postcode; status unchanged."""
    check_referral(referral, today=today, since=first_year(session=session))
    family = _family(session, family_id)
    row = session.get(Referral, referral_id)
    if row is None or row.family_id != family_id:
        raise LookupError("no such referral")
    for name, value in _referral_row(family_id, referral).model_dump().items():
        if name not in ("id", "family_id"):
            setattr(row, name, value)
    session.add(row)
    first = session.exec(
        select(Caregiver).where(Caregiver.family_id == family_id).order_by(Caregiver.position)
    ).first() or Caregiver(family_id=family_id, position=0, first_name="")
    first.first_name = referral.first_name.strip()
    first.last_name = referral.last_name.strip()
    first.phone = referral.phone.strip()
    session.add(first)
    # Ticked or cleared in a correction: agreed or withdrawn now, in the consent record.
    follow_referral(
        session=session, family_id=family_id, agrees=referral.inform_referrer, on=today, today=today
    )
    family.postcode = referral.postcode.strip()
    family.phone = family.phone or referral.phone.strip()
    family.language = referral.language
    session.add(family)
    _audit(session, "family.referral_corrected", family_id)
    return Saved(family_id, family.reference, Changes(families=True))


def re_refer(*, session: Session, family_id: int, referral: ReferralIn, today: dt.date) -> Saved:
    """A closed, not started or archived family is referred again: a new referral, *referred*."""
    check_referral(referral, today=today, since=first_year(session=session))
    family = _family(session, family_id)
    if family.status not in REOPENABLE:
        check_step(family.status, FamilyStatus.referred)
    session.add(_referral_row(family_id, referral))
    follow_referral(
        session=session,
        family_id=family_id,
        agrees=referral.inform_referrer,
        on=referral.referred_on,
        today=today,
    )
    _record_step(session, family, FamilyStatus.referred, referral.referred_on, _("Referred again"))
    return Saved(family_id, family.reference, Changes(families=True))


def change_status(
    *,
    session: Session,
    family_id: int,
    to_status: FamilyStatus,
    on: dt.date | None = None,
    reason: str = "",
    today: dt.date,
) -> Changes:
    """One status step, refused with a clear message when the work does not allow it."""
    on = on or today
    problems = Problems()
    check.not_in_future(problems, "on", on, today)
    check_fields(
        problems, today=today, first_year=first_year(session=session), on=on, reason=reason
    )
    if to_status in (FamilyStatus.not_started, FamilyStatus.closed, FamilyStatus.archived):
        check.required(problems, "reason", reason)
    problems.raise_if_any()
    family = _family(session, family_id)
    if family.status == FamilyStatus.not_started and to_status == FamilyStatus.waiting:
        # Back on the list keeps the family's place (back_on_list.py says how).
        return put_back_on_list(
            session=session, family_id=family_id, on=on, reason=reason, today=today
        )
    _record_step(session, family, to_status, on, reason.strip())
    return Changes(families=True)


def archive_family(
    *, session: Session, family_id: int, reason: str, today: dt.date, on: dt.date | None = None
) -> Changes:
    """Put a family aside (history kept; it can be referred again later)."""
    return change_status(
        session=session,
        family_id=family_id,
        to_status=FamilyStatus.archived,
        on=on,
        reason=reason,
        today=today,
    )


def _family(session: Session, family_id: int) -> Family:
    family = session.get(Family, family_id)
    if family is None:
        raise LookupError("no such family")
    return family


# ---- Reads


def family_id_for_reference(*, session: Session, reference: str) -> int:
    """The id of the family with this code; ``ValidationError`` when there is none."""
    found = session.exec(select(Family.id).where(Family.reference == reference.strip())).first()
    if found is None:
        raise ValidationError(
            {"family": _("No family with code {reference}.").format(reference=reference)}
        )
    return found
