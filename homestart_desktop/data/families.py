"""Families: referral, the family list, one family's file, and every status step with its reason.

Each status change is kept (date, from, to, reason) and is the family's timeline; corrections
overwrite details but never that history. The intake itself lives in ``data/intake.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import func
from sqlmodel import Session, select

from homestart_desktop.data import families_checks as check
from homestart_desktop.data.changes import Changes
from homestart_desktop.data.family_search import search_key
from homestart_desktop.data.models import (
    AuditEvent,
    Caregiver,
    Child,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Referral,
    ReferrerCategory,
)
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.references import FAMILY_PREFIX, next_reference
from homestart_desktop.data.validation import Problems, ValidationError
from homestart_desktop.data.workflow import check_step
from homestart_desktop.i18n import LANGUAGES, _, current_language

# Before support starts: the referral date counts as the start of waiting.
NOT_YET_STARTED = frozenset(
    {
        FamilyStatus.referred,
        FamilyStatus.intake_planned,
        FamilyStatus.intake_done,
        FamilyStatus.waiting,
    }
)
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


@dataclasses.dataclass(frozen=True)
class FamilyRow:
    """One line of the family list (and of the waiting list)."""

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


# ---- Writes


def _audit(session: Session, action: str, family_id: int, detail: str = "") -> None:
    session.add(
        AuditEvent(
            at=dt.datetime.now(dt.UTC),
            action=action,
            entity="family",
            entity_id=family_id,
            detail=detail,
        )
    )


def _record_step(
    session: Session, family: Family, new: FamilyStatus, on: dt.date, reason: str = ""
) -> None:
    check_step(family.status, new)
    session.add(
        FamilyStatusChange(
            family_id=family.id, on=on, from_status=family.status, to_status=new, reason=reason
        )
    )
    _audit(session, "family.status", family.id, f"{family.status.value}->{new.value}")
    family.status = new
    if new == FamilyStatus.waiting:
        family.waiting_since = on
    elif new == FamilyStatus.referred:
        family.waiting_since = None
    session.add(family)


def _check_referral(referral: ReferralIn, today: dt.date) -> None:
    problems = Problems()
    check.required(problems, "referred_on", referral.referred_on)
    check.not_in_future(problems, "referred_on", referral.referred_on, today)
    check.required(problems, "category", referral.category)
    check.required(problems, "first_name", referral.first_name)
    check.phone(problems, "phone", referral.phone)
    check.postcode(problems, "postcode", referral.postcode)
    if referral.language not in LANGUAGES:
        problems.add("language", _("Choose Dutch, French or English."))
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


def register_referral(
    *, session: Session, referral: ReferralIn, today: dt.date | None = None
) -> Saved:
    """A new family with its first caregiver and referral; it gets its code and is *referred*."""
    today = today or dt.date.today()
    _check_referral(referral, today)
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
    today: dt.date | None = None,
) -> Saved:
    """Correct a referral and the first caregiver's name, phone and postcode; status unchanged."""
    today = today or dt.date.today()
    _check_referral(referral, today)
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
    family.postcode = referral.postcode.strip()
    family.phone = family.phone or referral.phone.strip()
    family.language = referral.language
    session.add(family)
    _audit(session, "family.referral_corrected", family_id)
    return Saved(family_id, family.reference, Changes(families=True))


def re_refer(
    *, session: Session, family_id: int, referral: ReferralIn, today: dt.date | None = None
) -> Saved:
    """A closed, not started or archived family is referred again: a new referral, *referred*."""
    today = today or dt.date.today()
    _check_referral(referral, today)
    family = _family(session, family_id)
    if family.status not in REOPENABLE:
        check_step(family.status, FamilyStatus.referred)
    session.add(_referral_row(family_id, referral))
    _record_step(session, family, FamilyStatus.referred, referral.referred_on, _("Referred again"))
    return Saved(family_id, family.reference, Changes(families=True))


def change_status(
    *,
    session: Session,
    family_id: int,
    to_status: FamilyStatus,
    on: dt.date | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> Changes:
    """One status step, refused with a clear message when the work does not allow it."""
    today = today or dt.date.today()
    on = on or today
    problems = Problems()
    check.not_in_future(problems, "on", on, today)
    if to_status in (FamilyStatus.not_started, FamilyStatus.closed, FamilyStatus.archived):
        check.required(problems, "reason", reason)
    problems.raise_if_any()
    family = _family(session, family_id)
    _record_step(session, family, to_status, on, reason.strip())
    return Changes(families=True)


def archive_family(
    *, session: Session, family_id: int, reason: str, on: dt.date | None = None
) -> Changes:
    """Put a family aside (history kept; it can be referred again later)."""
    return change_status(
        session=session, family_id=family_id, to_status=FamilyStatus.archived, on=on, reason=reason
    )


def _family(session: Session, family_id: int) -> Family:
    family = session.get(Family, family_id)
    if family is None:
        raise LookupError("no such family")
    return family


# ---- Reads


def list_families(*, session: Session, today: dt.date | None = None) -> list[FamilyRow]:
    """Every family with what the list shows and a prepared search key, in four queries."""
    today = today or dt.date.today()
    lang = current_language()
    members: dict[int, list[tuple[str, str]]] = defaultdict(list)
    languages: dict[int, list[str]] = defaultdict(list)
    for family_id, first, last, spoken in session.exec(
        select(
            Caregiver.family_id, Caregiver.first_name, Caregiver.last_name, Caregiver.languages
        ).order_by(Caregiver.family_id, Caregiver.position, Caregiver.id)
    ):
        members[family_id].append((first, last))
        languages[family_id].extend(
            code for code in spoken or () if code not in languages[family_id]
        )
    children: dict[int, list[str]] = defaultdict(list)
    for family_id, first in session.exec(select(Child.family_id, Child.first_name)):
        children[family_id].append(first)
    referred = dict(
        session.exec(
            select(Referral.family_id, func.max(Referral.referred_on)).group_by(Referral.family_id)
        ).all()
    )
    rows = []
    for fid, reference, status, postcode, since, slots in session.exec(
        select(
            Family.id,
            Family.reference,
            Family.status,
            Family.postcode,
            Family.waiting_since,
            Family.preferred_slots,
        )
    ):
        people = members.get(fid, [])
        name = " ".join(p for p in people[0] if p) if people else ""
        place = municipality_name(postcode, lang)
        referred_on = referred.get(fid)
        status = FamilyStatus(status)
        waiting = (
            (today - referred_on).days
            if referred_on is not None and status in NOT_YET_STARTED
            else None
        )
        parts = [reference, postcode, place]
        parts += [f"{first} {last}" for first, last in people]
        parts += children.get(fid, [])
        rows.append(
            FamilyRow(
                family_id=fid,
                reference=reference,
                name=name,
                status=status,
                postcode=postcode,
                municipality=place,
                referred_on=referred_on,
                waiting_since=since,
                waiting_days=waiting,
                languages=tuple(languages.get(fid, ())),
                preferred_slots=tuple(slots or ()),
                children=len(children.get(fid, ())),
                search_key=search_key(parts),
            )
        )
    return rows


def waiting_list(*, session: Session, today: dt.date | None = None) -> list[FamilyRow]:
    """Families on the waiting list, longest waiting first."""
    rows = [
        r for r in list_families(session=session, today=today) if r.status == FamilyStatus.waiting
    ]
    return sorted(rows, key=lambda r: (-(r.waiting_days or 0), r.reference))


def family_id_for_reference(*, session: Session, reference: str) -> int:
    """The id of the family with this code; ``ValidationError`` when there is none."""
    found = session.exec(select(Family.id).where(Family.reference == reference.strip())).first()
    if found is None:
        raise ValidationError(
            {"family": _("No family with code {reference}.").format(reference=reference)}
        )
    return found
