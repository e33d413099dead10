"""Erasure on request (right to be forgotten), and anonymising everyone due, on a case file.

Erasure removes what anonymisation removes, at once and whatever the retention period or a
hold-back, and more: every text of the intervision sessions, their follow-up actions and the
coaching talks that names the family's or volunteer's code (those texts belong to the branch or
to a volunteer, so anonymisation leaves them). The code stays, marked erased, so that figures
and links stay whole. Support still under way is refused: close the trajectory first.
Both end by making the removed bytes unreadable (:mod:`purge`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection

from sqlalchemy import text
from sqlmodel import Session, select

from homestart_desktop.data.audit.events import record_event
from homestart_desktop.data.audit.keeping import forget_subject_in_audit, prune_audit
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.models import Family, Volunteer
from homestart_desktop.data.retention import purge
from homestart_desktop.data.retention.anonymise import anonymise_families, anonymise_volunteers
from homestart_desktop.data.retention.due import OPEN_TRAJECTORY, due_for_anonymisation
from homestart_desktop.i18n import N_, _

# Texts that belong to no one family or volunteer but may name one by code.
MENTIONING = {
    "intervisionsession": ("theme", "facilitator", "notes", "agreements"),
    "followupaction": ("description", "who"),
    "coachingtalk": ("notes", "agreements"),
}


class ErasureRefused(ValueError):
    """The erasure cannot be done now; the message says why, in the coordinator's words."""


@dataclasses.dataclass(frozen=True)
class ErasurePlan:
    """What erasing one family or volunteer removes, counted, before it is done."""

    kind: str  # "family" or "volunteer"
    id: int
    reference: str
    goes: tuple[tuple[str, int], ...]  # (msgid with {count}, count), translated by the caller


@dataclasses.dataclass(frozen=True)
class Removed:
    """What anonymisation or erasure removed, and the newest backup that still holds it."""

    families: tuple[str, ...]
    volunteers: tuple[str, ...]
    last_backup: dt.datetime | None


def _count(session: Session, sql: str, **params: object) -> int:
    return int(session.execute(text(sql), params).scalar_one())


def _mentions(session: Session, code: str) -> int:
    total = 0
    for table, columns in MENTIONING.items():
        found = " OR ".join(f"instr({c}, :code) > 0" for c in columns)
        total += _count(session, f"SELECT count(*) FROM {table} WHERE {found}", code=code)
    return total


def _blank_mentions(session: Session, code: str) -> None:
    for table, columns in MENTIONING.items():
        found = " OR ".join(f"instr({c}, :code) > 0" for c in columns)
        blanks = ", ".join(
            f"{c} = CASE WHEN instr({c}, :code) > 0 THEN '' ELSE {c} END" for c in columns
        )
        session.execute(text(f"UPDATE {table} SET {blanks} WHERE {found}"), {"code": code})
        record_event(
            session=session, kind=AuditKind.erased, record=table, detail="notes naming the code"
        )


def _subject(session: Session, reference: str) -> Family | Volunteer:
    model = Family if reference.upper().startswith("GZ") else Volunteer
    found = session.exec(select(model).where(model.reference == reference.upper())).first()
    if found is None:
        raise ErasureRefused(
            _("No family or volunteer has the code {code}.").format(code=reference)
        )
    return found


def erasure_plan(*, session: Session, reference: str) -> ErasurePlan:
    """What erasing the family or volunteer with this code removes; refused while supported."""
    subject = _subject(session, reference)
    owner = "family_id" if isinstance(subject, Family) else "volunteer_id"
    still_open = ", ".join(f"'{s}'" for s in OPEN_TRAJECTORY)
    if _count(
        session,
        f"SELECT count(*) FROM trajectory WHERE {owner} = :id AND status IN ({still_open})",
        id=subject.id,
    ):
        raise ErasureRefused(
            _("{code} still has a trajectory under way. Close it first, then erase.").format(
                code=subject.reference
            )
        )
    if subject.erased_on is not None:
        raise ErasureRefused(_("{code} was erased already.").format(code=subject.reference))
    params = {"id": subject.id}
    trajectories = f"SELECT id FROM trajectory WHERE {owner} = :id"
    if isinstance(subject, Family):
        goes = [
            (N_("Address and phone number of the family: {count}"), 1),
            (
                N_("Names, gender, languages and phone numbers of parents or carers: {count}"),
                _count(session, "SELECT count(*) FROM caregiver WHERE family_id = :id", **params),
            ),
            (
                N_(
                    "Children's first names and gender (birth dates kept only to the quarter): {count}"
                ),
                _count(session, "SELECT count(*) FROM child WHERE family_id = :id", **params),
            ),
            (
                N_("Referrals: the referrer's organisation, contact and question: {count}"),
                _count(session, "SELECT count(*) FROM referral WHERE family_id = :id", **params),
            ),
            (
                N_("Visit notes: {count}"),
                _count(
                    session,
                    f"SELECT count(*) FROM visit WHERE note <> '' AND trajectory_id IN ({trajectories})",
                    **params,
                ),
            ),
            (
                N_("Reviews: participants and agreements: {count}"),
                _count(
                    session,
                    f"SELECT count(*) FROM review WHERE trajectory_id IN ({trajectories})",
                    **params,
                ),
            ),
        ]
    else:
        goes = [
            (
                N_(
                    "Name, birth date, gender, languages, address, phone and e-mail of the volunteer: {count}"
                ),
                1,
            ),
            (
                N_("Coaching talks: notes and agreements: {count}"),
                _count(
                    session, "SELECT count(*) FROM coachingtalk WHERE volunteer_id = :id", **params
                ),
            ),
            (
                N_("Expenses: what each was for: {count}"),
                _count(session, "SELECT count(*) FROM expense WHERE volunteer_id = :id", **params),
            ),
        ]
    goes += [
        (N_("Free texts, reasons and notes of the file and its trajectories: {count}"), 1),
        (
            N_("Intervision and coaching texts that mention the code: {count}"),
            _mentions(session, subject.reference),
        ),
    ]
    kind = "family" if isinstance(subject, Family) else "volunteer"
    return ErasurePlan(kind, int(subject.id or 0), subject.reference, tuple(goes))


def erase(case_file: CaseFile, *, reference: str, today: dt.date) -> Removed:
    """Erase one family or volunteer for good (see the module's text), then purge the file."""
    with case_file.session() as session:
        purge.zero_what_is_freed(session=session)
        plan = erasure_plan(session=session, reference=reference)
        if plan.kind == "family":
            anonymise_families(session=session, family_ids=[plan.id], today=today, erase=True)
        else:
            anonymise_volunteers(session=session, volunteer_ids=[plan.id], today=today, erase=True)
        _blank_mentions(session, plan.reference)
        purge.merge_note_index(session=session)
        # The Logboek keeps its length but no longer links earlier entries to the code; the
        # erasure itself is noted with it (the code stays in the file, marked erased).
        codes = _codes(plan.kind, plan.reference)
        forget_subject_in_audit(session=session, **codes)
        record_event(session=session, kind=AuditKind.erased, **codes)
    purge.rewrite_file(engine=case_file.engine)
    families = (plan.reference,) if plan.kind == "family" else ()
    volunteers = (plan.reference,) if plan.kind == "volunteer" else ()
    return Removed(families, volunteers, purge.last_backup_before(case_file.path))


def _codes(kind: str, reference: str) -> dict[str, str]:
    return {"family_code": reference} if kind == "family" else {"volunteer_code": reference}


def anonymise_due(
    case_file: CaseFile,
    *,
    today: dt.date,
    years: int | None = None,
    references: Collection[str] | None = None,
) -> Removed:
    """Anonymise everyone due and not held back (only ``references`` when given), then purge."""
    with case_file.session() as session:
        due = [
            record
            for record in due_for_anonymisation(session=session, today=today, years=years)
            if record.held_until is None and (references is None or record.reference in references)
        ]
        families = [r for r in due if r.kind == "family"]
        volunteers = [r for r in due if r.kind == "volunteer"]
        # The Logboek's own retention (Settings, default 7 years) is kept at the same moment,
        # whether or not anyone is due.
        prune_audit(session=session, today=today)
        if not due:
            return Removed((), (), purge.last_backup_before(case_file.path))
        purge.zero_what_is_freed(session=session)
        anonymise_families(session=session, family_ids=[r.id for r in families], today=today)
        anonymise_volunteers(session=session, volunteer_ids=[r.id for r in volunteers], today=today)
        purge.merge_note_index(session=session)
        for record in due:
            codes = _codes(record.kind, record.reference)
            forget_subject_in_audit(session=session, **codes)
            record_event(session=session, kind=AuditKind.anonymised, **codes)
    purge.rewrite_file(engine=case_file.engine)
    return Removed(
        tuple(r.reference for r in families),
        tuple(r.reference for r in volunteers),
        purge.last_backup_before(case_file.path),
    )
