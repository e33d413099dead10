"""The codes the case file stores (statuses, kinds, lists) and their words, without the tables.

Plain enums, importable without SQLAlchemy: a blank form or a command that prints needs the
codes, not the database (``data/tables/`` holds the tables; ``data/models.py`` re-exports them
with the codes they use).
"""

from __future__ import annotations

import enum
import secrets

from homestart_desktop.i18n import N_

# Cell key method (sync/ptable.py): every family, volunteer, trajectory and visit carries a
# permanent random key, drawn once at creation. It stays in the encrypted file; only the noise
# it selects for a count ever leaves, so the same records always give the same published count.
RECORD_KEY_BITS = 32


def new_record_key() -> int:
    """A fresh record key: uniform in 0 .. 2**32 - 1, from the OS's cryptographic source."""
    return secrets.randbits(RECORD_KEY_BITS)


# ---- Enums


class FamilyStatus(enum.StrEnum):
    referred = "referred"
    intake_planned = "intake_planned"
    intake_done = "intake_done"
    waiting = "waiting"
    matched = "matched"  # a proposal or introduction is under way
    active = "active"
    paused = "paused"
    closed = "closed"
    not_started = "not_started"
    archived = "archived"


class ReferrerCategory(enum.StrEnum):
    ocmw = "ocmw"
    huis_van_het_kind = "huis_van_het_kind"
    kind_en_gezin = "kind_en_gezin"
    clb = "clb"
    school = "school"
    kinderopvang = "kinderopvang"
    buurtwerk = "buurtwerk"
    caw = "caw"
    ckg = "ckg"
    ocj = "ocj"
    een_gezin_een_plan = "een_gezin_een_plan"
    perinataal_netwerk = "perinataal_netwerk"
    ziekenhuis = "ziekenhuis"
    huisarts = "huisarts"
    vroedvrouw = "vroedvrouw"
    cgg = "cgg"
    wijkgezondheidscentrum = "wijkgezondheidscentrum"
    zelfaanmelding = "zelfaanmelding"
    andere = "andere"


class IntakeOutcome(enum.StrEnum):
    waiting_list = "waiting_list"
    not_suitable = "not_suitable"
    referred_elsewhere = "referred_elsewhere"
    family_declines = "family_declines"
    no_contact = "no_contact"


class Gender(enum.StrEnum):
    female = "female"
    male = "male"
    other = "other"
    unknown = "unknown"


class GenderPreference(enum.StrEnum):
    none = "none"
    female = "female"
    male = "male"


class HalfDay(enum.StrEnum):
    morning = "morning"
    afternoon = "afternoon"
    evening = "evening"


class VolunteerStatus(enum.StrEnum):
    candidate = "candidate"
    in_training = "in_training"
    available = "available"
    matched = "matched"
    paused = "paused"
    stopped = "stopped"


class TrajectoryStatus(enum.StrEnum):
    proposed = "proposed"
    introduced = "introduced"
    active = "active"
    paused = "paused"
    closed = "closed"
    withdrawn = "withdrawn"  # a proposal that did not become a trajectory


class CloseReason(enum.StrEnum):
    goals_reached = "goals_reached"
    family_stops = "family_stops"
    family_moved = "family_moved"
    referred_on = "referred_on"
    volunteer_stopped = "volunteer_stopped"
    other = "other"


class VisitStatus(enum.StrEnum):
    planned = "planned"
    done = "done"
    cancelled_family = "cancelled_family"
    cancelled_volunteer = "cancelled_volunteer"
    not_happened = "not_happened"


class ReviewKind(enum.StrEnum):
    interim = "interim"
    closing = "closing"


class Presence(enum.StrEnum):
    present = "present"
    absent_notified = "absent_notified"
    absent = "absent"


class TalkKind(enum.StrEnum):
    coaching = "coaching"
    evaluation = "evaluation"
    exit = "exit"


class ExpenseRegime(enum.StrEnum):
    flat_rate = "flat_rate"
    actual_costs = "actual_costs"


class Transport(enum.StrEnum):
    car = "car"
    bicycle = "bicycle"
    public_transport = "public_transport"
    other = "other"


class ConsentItem(enum.StrEnum):
    """What a family signs or agrees to (data/privacy/consent.py): only what the app acts on."""

    privacy_statement = "privacy_statement"  # received and signed the branch's statement
    inform_referrer = "inform_referrer"  # the referrer is told when support starts and ends


class ExportState(enum.StrEnum):
    waiting = "waiting"
    sending = "sending"
    sent = "sent"
    failed = "failed"


# The six outcome areas of DOMAIN.md, scored 0–5 at intake, at each review and at closing.
OUTCOME_AREAS: tuple[str, ...] = (
    "wellbeing",
    "parenting",
    "services",
    "participation",
    "behaviour",
    "school",
)
# The one name of each area, on every screen, form and figure (intake, reviews, the chart, the
# quarterly figures): a coordinator must recognise the same area wherever it is scored.
OUTCOME_AREA_LABELS: dict[str, str] = {
    "wellbeing": N_("Parental well-being"),
    "parenting": N_("Positive parenting"),
    "services": N_("Easier access to services"),
    "participation": N_("Taking part in leisure and community life"),
    "behaviour": N_("Children's behaviour"),
    "school": N_("School culture at home"),
}
