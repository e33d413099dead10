"""A family's consent as a record: the privacy statement it signed, what it agreed to, withdrawals.

Every signature, agreement and withdrawal is a ``ConsentEvent`` that is never rewritten; what the
family agrees to now is the latest step of each item. A withdrawal is carried out at once: when
the family no longer wants the referrer told, every referral of the family says so too, and
``data/planning/referrer_letters`` refuses the letter (it asks :func:`may_inform_referrer`).

Anonymous figures are not an item: they are not personal data (GDPR recital 26) and count every
family (docs/figures.md). Photos are not an item either: the app keeps none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families import checks as check
from homestart_desktop.data.models import ConsentEvent, ConsentItem, Family, Referral
from homestart_desktop.data.privacy.statements import (  # noqa: F401 (re-exported)
    PrivacyStatement,
    current_statement,
    privacy_statements,
)
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.status_steps import audit
from homestart_desktop.data.validation import Problems
from homestart_desktop.i18n import _, format_short_date


@dataclasses.dataclass(frozen=True)
class ConsentStep:
    """One row of a family's consent history."""

    item: ConsentItem
    given: bool
    on: dt.date
    statement_version: str
    statement_dated: dt.date | None
    noted_on: dt.date


@dataclasses.dataclass(frozen=True)
class FamilyConsent:
    """The whole record, oldest step first; the current state is read from it."""

    history: tuple[ConsentStep, ...] = ()

    def latest(self, item: ConsentItem) -> ConsentStep | None:
        steps = [s for s in self.history if s.item == item]
        return steps[-1] if steps else None

    @property
    def statement(self) -> ConsentStep | None:
        """The latest signature of the privacy statement."""
        latest = self.latest(ConsentItem.privacy_statement)
        return latest if latest is not None and latest.given else None

    def agrees(self, item: ConsentItem) -> bool:
        latest = self.latest(item)
        return latest is not None and latest.given

    def withdrawn_on(self, item: ConsentItem) -> dt.date | None:
        """The day of a standing withdrawal (None: agreed, or never asked)."""
        latest = self.latest(item)
        return latest.on if latest is not None and not latest.given else None


@dataclasses.dataclass(frozen=True)
class ConsentIn:
    """What the consent dialog (and the intake) says; ``None`` leaves that part as it is."""

    statement_version: str | None = None
    statement_signed_on: dt.date | None = None
    inform_referrer: bool | None = None
    inform_referrer_on: dt.date | None = None  # the day the family agreed or withdrew


# ---- Reads


def family_consent(*, session: Session, family_id: int) -> FamilyConsent:
    """The family's consent record (empty: nothing signed or agreed yet)."""
    rows = session.exec(
        select(ConsentEvent)
        .where(ConsentEvent.family_id == family_id)
        .order_by(col(ConsentEvent.on), col(ConsentEvent.id))
    )
    return FamilyConsent(
        tuple(
            ConsentStep(
                item=r.item,
                given=r.given,
                on=r.on,
                statement_version=r.statement_version,
                statement_dated=r.statement_dated,
                noted_on=r.noted_on,
            )
            for r in rows
        )
    )


def may_inform_referrer(*, session: Session, family_id: int) -> bool:
    """Whether the family agrees, now, that the referrer is told when support starts and ends."""
    return family_consent(session=session, family_id=family_id).agrees(ConsentItem.inform_referrer)


# ---- Writes


def check_consent(
    consent: ConsentIn,
    *,
    record: FamilyConsent,
    statements: tuple[PrivacyStatement, ...],
    referred_on: dt.date | None,
    today: dt.date,
) -> None:
    """Refuse with a message per field: unknown version, a date in the future or out of order."""
    problems = Problems()
    if consent.statement_version is not None and not _unchanged(consent, record.statement):
        signed_on = consent.statement_signed_on
        known = {s.version: s for s in statements}
        if signed_on is None and consent.statement_version:
            problems.add("statement_signed_on", _("Give the day the family signed."))
        if signed_on is not None:
            check.consent_date(problems, "statement_signed_on", signed_on, referred_on, today)
            statement = known.get(consent.statement_version)
            if statement is None:
                problems.add("statement_version", _("Choose the version the family signed."))
            elif statement is not None and signed_on < statement.dated:
                problems.add(
                    "statement_signed_on",
                    _("Version {version} is dated {date}: it cannot be signed before.").format(
                        version=statement.version, date=format_short_date(statement.dated)
                    ),
                )
    if consent.inform_referrer is not None and consent.inform_referrer_on is not None:
        on = consent.inform_referrer_on
        check.not_in_future(problems, "inform_referrer_on", on, today)
        latest = record.latest(ConsentItem.inform_referrer)
        if latest is not None and on < latest.on and consent.inform_referrer != latest.given:
            problems.add(
                "inform_referrer_on",
                _(
                    "The record's last step for this is dated {date}: give that day or later."
                ).format(date=format_short_date(latest.on)),
            )
    problems.raise_if_any()


def _unchanged(consent: ConsentIn, recorded: ConsentStep | None) -> bool:
    return recorded is not None and (consent.statement_version, consent.statement_signed_on) == (
        recorded.statement_version,
        recorded.on,
    )


def save_consent(
    *,
    session: Session,
    family_id: int,
    consent: ConsentIn,
    today: dt.date,
    referred_on: dt.date | None = None,
) -> Changes:
    """Add a step for every part that changed, and carry out a withdrawal at once."""
    if session.get(Family, family_id) is None:
        raise LookupError("no such family")
    record = family_consent(session=session, family_id=family_id)
    statements = privacy_statements(load_settings(session=session))
    if referred_on is None:
        referred_on = _latest_referral_date(session, family_id)
    check_consent(
        consent, record=record, statements=statements, referred_on=referred_on, today=today
    )
    changed: list[str] = []
    signed_on = consent.statement_signed_on
    version = consent.statement_version
    if version is not None and signed_on is not None and not _unchanged(consent, record.statement):
        session.add(
            ConsentEvent(
                family_id=family_id,
                item=ConsentItem.privacy_statement,
                on=signed_on,
                statement_version=version,
                statement_dated={s.version: s.dated for s in statements}.get(version),
                noted_on=today,
            )
        )
        changed.append(ConsentItem.privacy_statement.value)
    wish = consent.inform_referrer
    # Never asked and still not agreed is no step: only a change is recorded.
    referrer_changed = wish is not None and wish != record.agrees(ConsentItem.inform_referrer)
    if referrer_changed:
        on = consent.inform_referrer_on or today
        _add_step(session, family_id, ConsentItem.inform_referrer, bool(wish), on, today)
        changed.append(f"{ConsentItem.inform_referrer.value}:{'given' if wish else 'withdrawn'}")
    if changed:
        audit(session, "family.consent", "family", family_id, ",".join(changed))
    # The planning's trajectories offer the referrer's letter by this record.
    return Changes(families=True, trajectories=referrer_changed)


def follow_referral(
    *, session: Session, family_id: int, agrees: bool, on: dt.date, today: dt.date
) -> None:
    """A referral saved with (or without) *the referrer may be informed*: record the change."""
    record = family_consent(session=session, family_id=family_id)
    if agrees == record.agrees(ConsentItem.inform_referrer):
        return
    latest = record.latest(ConsentItem.inform_referrer)
    if latest is not None and on < latest.on:
        on = today  # a correction made now must not slip under the step it overrides
    _add_step(session, family_id, ConsentItem.inform_referrer, agrees, on, today)


def _add_step(
    session: Session, family_id: int, item: ConsentItem, given: bool, on: dt.date, today: dt.date
) -> None:
    session.add(ConsentEvent(family_id=family_id, item=item, given=given, on=on, noted_on=today))
    if item == ConsentItem.inform_referrer:
        _carry_out_referrer(session, family_id, given)


def _carry_out_referrer(session: Session, family_id: int, given: bool) -> None:
    """The referrals follow the record: a withdrawal clears every one, agreeing ticks the latest."""
    referrals = list(
        session.exec(
            select(Referral)
            .where(Referral.family_id == family_id)
            .order_by(col(Referral.referred_on), col(Referral.id))
        )
    )
    for referral in referrals if not given else referrals[-1:]:
        referral.inform_referrer = given
        session.add(referral)


def _latest_referral_date(session: Session, family_id: int) -> dt.date | None:
    return session.exec(
        select(Referral.referred_on)
        .where(Referral.family_id == family_id)
        .order_by(col(Referral.referred_on).desc(), col(Referral.id).desc())
    ).first()
