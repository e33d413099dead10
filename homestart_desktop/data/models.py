"""Every table of the case file, in one place.

Dates are dates, money is integer cents, lists of small codes are JSON. Statuses are enums whose
allowed transitions live in ``data/workflow.py``; widgets never decide them. Nothing is stored
that can be derived (waiting days, age, municipality names come from the postcode at display).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import (  # the codes live apart: no SQLAlchemy needed
    OUTCOME_AREA_LABELS,  # noqa: F401 (imported from here by others)
    OUTCOME_AREAS,  # noqa: F401 (imported from here by others)
    RECORD_KEY_BITS,  # noqa: F401 (imported from here by others)
    CloseReason,
    ConsentItem,
    ExpenseRegime,
    ExportState,
    FamilyStatus,
    Gender,
    GenderPreference,
    HalfDay,
    IntakeOutcome,
    Presence,
    ReferrerCategory,
    ReviewKind,
    TalkKind,
    TrajectoryStatus,
    Transport,
    VisitStatus,
    VolunteerStatus,
    new_record_key,
)


def _json_list() -> Column:
    return Column(JSON, nullable=False, default=list)


# ---- Branch


class Setting(SQLModel, table=True):
    """One branch setting; ``data/settings.py`` knows their names, types and defaults."""

    key: str = Field(primary_key=True, max_length=80)
    value: str = Field(default="", description="JSON-encoded value")


class Sequence(SQLModel, table=True):
    """Counters for reference codes per prefix and year (GZ-2026-014, VW-2025-003)."""

    prefix: str = Field(primary_key=True, max_length=4)
    year: int = Field(primary_key=True)
    last: int = 0


# ---- Families


class Family(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=20)
    status: FamilyStatus = Field(default=FamilyStatus.referred, index=True)
    language: str = Field(default="nl", max_length=5, description="language for documents")
    street: str = ""
    postcode: str = Field(default="", max_length=4, index=True)
    phone: str = ""
    email: str = ""  # migration 0010
    single_parent: bool = False
    # Kind & Gezin deprivation criteria: weak on 3 or more of 6 counts as deprived.
    kg_income: bool = False
    kg_education: bool = False
    kg_work: bool = False
    kg_stimulation: bool = False
    kg_housing: bool = False
    kg_health: bool = False
    psychological_vulnerability: bool = False
    physical_disability: bool = False
    small_network: bool = False
    recently_moved: bool = False
    twins: bool = False
    life_events: str = ""
    services_involved: str = ""
    support_questions: list[str] = Field(default_factory=list, sa_column=_json_list())
    support_question_text: str = ""
    preferred_slots: list[str] = Field(
        default_factory=list, sa_column=_json_list(), description='e.g. ["tue-morning"]'
    )
    volunteer_gender_preference: GenderPreference = GenderPreference.none
    # Experience the volunteer should bring (domain.matching_words.EXPERIENCE_TAGS), beyond what
    # follows from the file itself (twins, a baby, newcomers).
    wished_experience: list[str] = Field(default_factory=list, sa_column=_json_list())
    smoking_at_home: bool = False
    pets_at_home: bool = False
    pets_description: str = ""
    no_volunteer_from_neighbourhood: bool = False
    waiting_since: dt.date | None = None
    created_on: dt.date = Field(default_factory=dt.date.today)
    record_key: int = Field(default_factory=new_record_key)
    # Retention (data/retention/): the days its personal data was removed: after the retention period, or on request.
    anonymised_on: dt.date | None = None
    erased_on: dt.date | None = None


class FamilyStatusChange(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    on: dt.date
    from_status: FamilyStatus | None = None
    to_status: FamilyStatus
    reason: str = ""


class Caregiver(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    position: int = 0
    first_name: str
    last_name: str = ""
    birth_year: int | None = None
    gender: Gender = Gender.unknown
    languages: list[str] = Field(default_factory=list, sa_column=_json_list())
    interpreter_needed: bool = False
    arrival_year: int | None = Field(default=None, description="year of arrival in Belgium")
    phone: str = ""


class Child(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    first_name: str = ""
    birth_date: dt.date | None = None
    due_date: dt.date | None = Field(default=None, description="for an unborn child")
    gender: Gender = Gender.unknown


class ConsentEvent(SQLModel, table=True):
    """One step of a family's consent: signed, agreed or withdrawn on a day, never rewritten.

    The family's consent now is the latest step of each item; the earlier steps stay as its
    history (a withdrawal does not undo that the family once agreed).
    """

    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    item: ConsentItem
    given: bool = True  # False: withdrawn
    on: dt.date  # the day the family signed, agreed or withdrew
    # The privacy statement signed (its version and the date of that version), as it was then:
    # empty for a signature recorded before versions were kept (migration 0009).
    statement_version: str = Field(default="", max_length=40)
    statement_dated: dt.date | None = None
    noted_on: dt.date  # the day the coordinator recorded it


class Referral(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    referred_on: dt.date
    category: ReferrerCategory
    organisation: str = ""
    contact: str = ""
    question: str = ""
    inform_referrer: bool = False


class Intake(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    referral_id: int | None = Field(default=None, foreign_key="referral.id")
    planned_on: dt.date | None = None
    done_on: dt.date | None = None
    coordinator: str = ""
    outcome: IntakeOutcome | None = None
    outcome_reason: str = ""
    score_wellbeing: int | None = None
    score_parenting: int | None = None
    score_services: int | None = None
    score_participation: int | None = None
    score_behaviour: int | None = None
    score_school: int | None = None


# ---- Volunteers


class Volunteer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=20)
    status: VolunteerStatus = Field(default=VolunteerStatus.candidate, index=True)
    first_name: str
    last_name: str = ""
    birth_date: dt.date | None = None
    gender: Gender = Gender.unknown
    language: str = Field(default="nl", max_length=5, description="language for documents")
    street: str = ""
    postcode: str = Field(default="", max_length=4, index=True)
    phone: str = ""
    email: str = ""
    languages: list[str] = Field(default_factory=list, sa_column=_json_list())
    motivation: str = ""
    experience_with_children: str = ""
    experience_tags: list[str] = Field(
        default_factory=list,
        sa_column=_json_list(),
        description="domain.matching_words.EXPERIENCE_TAGS: newborn, twins, ...",
    )
    has_car: bool = False
    has_bike: bool = False
    uses_public_transport: bool = False
    max_travel_km: int = 10
    child_age_min: int | None = None
    child_age_max: int | None = None
    accepts_smoking: bool = False
    accepts_pets: bool = True
    max_families: int = 1
    first_interview_on: dt.date | None = None
    extract_issued_on: dt.date | None = Field(default=None, description="596.2 date of issue")
    extract_received_on: dt.date | None = None
    info_note_received_on: dt.date | None = None
    agreement_signed_on: dt.date | None = None
    insurance_registered_on: dt.date | None = None
    course_completed_on: dt.date | None = None
    course_hours: float = 0.0
    stopped_on: dt.date | None = None
    stop_reason: str = ""
    created_on: dt.date = Field(default_factory=dt.date.today)
    record_key: int = Field(default_factory=new_record_key)
    anonymised_on: dt.date | None = None
    erased_on: dt.date | None = None


class VolunteerStatusChange(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    on: dt.date
    from_status: VolunteerStatus | None = None
    to_status: VolunteerStatus
    reason: str = ""


class Availability(SQLModel, table=True):
    """One free half-day in the week of a volunteer."""

    __table_args__ = (UniqueConstraint("volunteer_id", "weekday", "half_day"),)
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    weekday: int = Field(ge=0, le=6, description="0 = Monday")
    half_day: HalfDay


class Training(SQLModel, table=True):
    """A training session a volunteer followed (the preparation course or later training)."""

    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    on: dt.date
    hours: float = 0.0
    topic: str = ""


# ---- Trajectories and visits


class Trajectory(SQLModel, table=True):
    """The match of one volunteer with one family, from proposal to closure."""

    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    status: TrajectoryStatus = Field(default=TrajectoryStatus.proposed, index=True)
    proposed_on: dt.date
    proposal_reason: str = ""
    introduction_on: dt.date | None = None
    start_on: dt.date | None = None
    weekday: int | None = Field(default=None, ge=0, le=6)
    half_day: HalfDay | None = None
    planned_end_on: dt.date | None = None
    paused_on: dt.date | None = None
    pause_reason: str = ""
    expected_restart_on: dt.date | None = None
    ended_on: dt.date | None = None
    close_reason: CloseReason | None = None
    end_note: str = ""
    referrer_informed: bool = False
    colour: str = Field(default="", max_length=9)
    record_key: int = Field(default_factory=new_record_key)


class TrajectoryStatusChange(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    trajectory_id: int = Field(foreign_key="trajectory.id", index=True)
    on: dt.date
    from_status: TrajectoryStatus | None = None
    to_status: TrajectoryStatus
    reason: str = ""


class Visit(SQLModel, table=True):
    # The last visit done of each trajectory (Today, planning) is one index seek, not a scan.
    __table_args__ = (Index("ix_visit_trajectory_status_on", "trajectory_id", "status", "on"),)
    id: int | None = Field(default=None, primary_key=True)
    trajectory_id: int = Field(foreign_key="trajectory.id", index=True)
    on: dt.date = Field(index=True)
    half_day: HalfDay = HalfDay.morning
    status: VisitStatus = Field(default=VisitStatus.planned, index=True)
    minutes: int = 0
    km: float = 0.0
    activities: list[str] = Field(default_factory=list, sa_column=_json_list())
    note: str = ""
    record_key: int = Field(default_factory=new_record_key)


class Review(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    trajectory_id: int = Field(foreign_key="trajectory.id", index=True)
    kind: ReviewKind = ReviewKind.interim
    planned_on: dt.date | None = Field(default=None, index=True)
    held_on: dt.date | None = None
    participants: str = ""
    score_wellbeing: int | None = None
    score_parenting: int | None = None
    score_services: int | None = None
    score_participation: int | None = None
    score_behaviour: int | None = None
    score_school: int | None = None
    agreements: str = ""


class BlockedPeriod(SQLModel, table=True):
    """A period without visits: school holidays for the branch, or one family's holiday."""

    id: int | None = Field(default=None, primary_key=True)
    family_id: int | None = Field(default=None, foreign_key="family.id", index=True)
    starts_on: dt.date
    ends_on: dt.date
    label: str = ""


# ---- Coaching


class IntervisionSession(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    on: dt.date = Field(index=True)
    theme: str
    facilitator: str = ""
    notes: str = ""
    agreements: str = ""


class IntervisionAttendance(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("session_id", "volunteer_id"),)
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="intervisionsession.id", index=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    presence: Presence = Presence.present


class FollowUpAction(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="intervisionsession.id", index=True)
    description: str
    who: str = ""
    due_on: dt.date | None = None
    done_on: dt.date | None = None


class CoachingTalk(SQLModel, table=True):
    # The morning list reads each volunteer's last talk from this index alone (migration 0011).
    __table_args__ = (Index("ix_coachingtalk_volunteer_on", "volunteer_id", "on"),)
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    on: dt.date = Field(index=True)
    kind: TalkKind = TalkKind.coaching
    notes: str = ""
    agreements: str = ""
    next_on: dt.date | None = None


# ---- Expenses


class ExpenseYear(SQLModel, table=True):
    """The one expense regime of a volunteer for one calendar year (law of 3 July 2005)."""

    __table_args__ = (UniqueConstraint("volunteer_id", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    year: int
    regime: ExpenseRegime


class Expense(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    on: dt.date = Field(index=True)
    km: float = 0.0
    transport: Transport = Transport.car
    amount_cents: int = 0
    purpose: str = ""
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    paid_on: dt.date | None = Field(default=None, index=True)  # the quarter's expenses paid


# ---- Retention


class RetentionHold(SQLModel, table=True):
    """A family or volunteer kept back from anonymisation until a day, and why (a court case)."""

    id: int | None = Field(default=None, primary_key=True)
    family_id: int | None = Field(default=None, foreign_key="family.id", index=True)
    volunteer_id: int | None = Field(default=None, foreign_key="volunteer.id", index=True)
    held_on: dt.date
    until: dt.date
    reason: str = ""


# ---- Bookkeeping


class AuditEvent(SQLModel, table=True):
    """What happened, to which record, when, by whom: never the personal data itself.

    Append-only (migration 0007's triggers refuse UPDATE and DELETE; ``data/audit/`` holds the
    only two ways round them: retention and forgetting a subject). ``fields`` names the columns
    a write changed, never their values.
    """

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(index=True)
    action: str = Field(max_length=60)
    entity: str = Field(default="", max_length=40)
    entity_id: int | None = None
    detail: str = Field(default="", description="codes only, no personal data")
    kind: str = Field(default="", max_length=20, index=True)
    who: str = Field(default="", max_length=100)
    family_code: str | None = Field(default=None, max_length=20, index=True)
    volunteer_code: str | None = Field(default=None, max_length=20, index=True)
    fields: str = Field(default="", description="column names, comma-separated")


class ExportRecord(SQLModel, table=True):
    """A quarterly figures package in the outbox."""

    __table_args__ = (UniqueConstraint("quarter", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    quarter: str = Field(max_length=7, description="2026-Q3")
    version: int = 1
    sequence: int = 0
    created_at: dt.datetime
    sent_at: dt.datetime | None = None
    via: str = ""
    # Where it went: the folder it was saved in, or the share's address (never a password).
    delivered_to: str = ""
    state: ExportState = ExportState.waiting
    attempts: int = 0
    last_error: str = ""
    package: bytes = b""
    sha256: str = ""
