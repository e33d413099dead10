"""Which tables hold something about a family or a volunteer, and how a row reaches them.

The access export is made from these lists alone (``gather.py`` follows them), so a table
that refers to a family or a volunteer is exported as soon as it is declared here.
``tests/data/access/test_declaration.py`` fails when a table in ``models.py`` refers to a
family or a volunteer (a foreign key, directly or through a trajectory or a visit, or a
family/volunteer code column) and is missing from :data:`FAMILY_PARTS` or
:data:`VOLUNTEER_PARTS`; its message gives the line to add.
"""

from __future__ import annotations

import dataclasses

from sqlmodel import SQLModel

from homestart_desktop.data import models as m
from homestart_desktop.i18n import N_


@dataclasses.dataclass(frozen=True)
class Part:
    """One table's rows about the subject, as one section of the export.

    ``via`` is the way from a row to the subject: foreign-key columns followed one table at a
    time, ending in a column compared with the subject's id (a foreign key to ``family.id`` or
    ``volunteer.id``) or with its code (a column without a foreign key, such as
    ``family_code``). ``only`` adds fixed conditions (``{"subject_kind": "family"}``).
    ``context`` adds a readable value from another table to each row (the volunteer's code
    beside a trajectory) by the same kind of path, ending in the column to show. ``withheld``
    columns are about someone else (a volunteer's export does not carry the family's visit
    notes, GDPR art. 15(4)) and are left out.
    """

    key: str
    model: type[SQLModel]
    title: str
    via: tuple[str, ...]
    order: tuple[str, ...] = ("id",)
    context: tuple[tuple[str, tuple[str, ...]], ...] = ()
    withheld: frozenset[str] = frozenset()
    only: tuple[tuple[str, object], ...] = ()
    many: bool = True  # one line per row in the PDF (a table) rather than one block per row

    @property
    def table(self) -> str:
        return self.model.__tablename__  # type: ignore[return-value]


@dataclasses.dataclass(frozen=True)
class Mentions:
    """Free text of one table that may name a subject by its code (GZ-2026-014 in a note)."""

    key: str
    model: type[SQLModel]
    title: str
    columns: tuple[str, ...]
    date: str  # the column that dates the note
    # The kind number of these notes in the full-text note index (migration 0006), whose
    # columns are exactly ``columns``: found there in a millisecond instead of a scan of
    # every visit note. None: the columns are scanned.
    indexed: int | None = None


_VOLUNTEER_CODE = ("volunteer_code", ("volunteer_id", "reference"))
_FAMILY_CODE = ("family_code", ("family_id", "reference"))

FAMILY_PARTS: tuple[Part, ...] = (
    Part("family", m.Family, N_("The family"), via=("reference",), many=False),
    Part(
        "caregivers",
        m.Caregiver,
        N_("Parents and other adults"),
        via=("family_id",),
        order=("position", "id"),
        many=False,
    ),
    Part("children", m.Child, N_("Children"), via=("family_id",), many=False),
    Part(
        "referrals",
        m.Referral,
        N_("Referrals"),
        via=("family_id",),
        order=("referred_on", "id"),
        many=False,
    ),
    Part("intakes", m.Intake, N_("Intakes"), via=("family_id",), many=False),
    Part(
        "status_steps",
        m.FamilyStatusChange,
        N_("History of the family's status"),
        via=("family_id",),
        order=("on", "id"),
    ),
    Part(
        "trajectories",
        m.Trajectory,
        N_("Support by a volunteer"),
        via=("family_id",),
        order=("proposed_on", "id"),
        context=(_VOLUNTEER_CODE,),
        many=False,
    ),
    Part(
        "trajectory_steps",
        m.TrajectoryStatusChange,
        N_("History of the support"),
        via=("trajectory_id", "family_id"),
        order=("on", "id"),
    ),
    Part(
        "visits", m.Visit, N_("Home visits"), via=("trajectory_id", "family_id"), order=("on", "id")
    ),
    Part(
        "reviews",
        m.Review,
        N_("Reviews and outcome scores"),
        via=("trajectory_id", "family_id"),
        order=("planned_on", "id"),
        many=False,
    ),
    Part(
        "blocked_periods",
        m.BlockedPeriod,
        N_("Periods without visits"),
        via=("family_id",),
        order=("starts_on", "id"),
    ),
    Part("consent", m.ConsentEvent, N_("Consent"), via=("family_id",), order=("on", "id")),
    Part(
        "log_entries",
        m.AuditEvent,
        N_("Log entries about this family"),
        via=("family_code",),
        order=("at", "id"),
    ),
    Part(
        "retention_holds",
        m.RetentionHold,
        N_("Kept beyond the retention period"),
        via=("family_id",),
        order=("held_on", "id"),
    ),
    # A volunteer's expenses for a visit to this family: the trip, not the volunteer's money.
    Part(
        "expenses",
        m.Expense,
        N_("Volunteer's trips for visits"),
        via=("visit_id", "trajectory_id", "family_id"),
        order=("on", "id"),
        withheld=frozenset({"amount_cents", "paid_on", "transport"}),
    ),
)

VOLUNTEER_PARTS: tuple[Part, ...] = (
    Part("volunteer", m.Volunteer, N_("The volunteer"), via=("reference",), many=False),
    Part(
        "status_steps",
        m.VolunteerStatusChange,
        N_("History of the volunteer's status"),
        via=("volunteer_id",),
        order=("on", "id"),
    ),
    Part(
        "availability",
        m.Availability,
        N_("Availability"),
        via=("volunteer_id",),
        order=("weekday", "half_day"),
    ),
    Part("trainings", m.Training, N_("Training"), via=("volunteer_id",), order=("on", "id")),
    Part(
        "trajectories",
        m.Trajectory,
        N_("Families supported"),
        via=("volunteer_id",),
        order=("proposed_on", "id"),
        context=(_FAMILY_CODE,),
        many=False,
    ),
    Part(
        "trajectory_steps",
        m.TrajectoryStatusChange,
        N_("History of the support"),
        via=("trajectory_id", "volunteer_id"),
        order=("on", "id"),
    ),
    # The family's own words (visit notes, its scores and the review's agreements) are about
    # the family, not about the volunteer: a volunteer's export leaves them out.
    Part(
        "visits",
        m.Visit,
        N_("Home visits"),
        via=("trajectory_id", "volunteer_id"),
        order=("on", "id"),
        withheld=frozenset({"note"}),
    ),
    Part(
        "reviews",
        m.Review,
        N_("Reviews"),
        via=("trajectory_id", "volunteer_id"),
        order=("planned_on", "id"),
        withheld=frozenset({"agreements", *(f"score_{area}" for area in m.OUTCOME_AREAS)}),
    ),
    Part(
        "coaching_talks",
        m.CoachingTalk,
        N_("Coaching talks"),
        via=("volunteer_id",),
        order=("on", "id"),
        many=False,
    ),
    Part(
        "intervision",
        m.IntervisionAttendance,
        N_("Intervision attended"),
        via=("volunteer_id",),
        order=("session_id",),
        context=(
            ("session_on", ("session_id", "on")),
            ("session_theme", ("session_id", "theme")),
        ),
    ),
    Part(
        "expense_years",
        m.ExpenseYear,
        N_("Expense regime per year"),
        via=("volunteer_id",),
        order=("year",),
    ),
    Part("expenses", m.Expense, N_("Expenses"), via=("volunteer_id",), order=("on", "id")),
    Part(
        "log_entries",
        m.AuditEvent,
        N_("Log entries about this volunteer"),
        via=("volunteer_code",),
        order=("at", "id"),
    ),
    Part(
        "retention_holds",
        m.RetentionHold,
        N_("Kept beyond the retention period"),
        via=("volunteer_id",),
        order=("held_on", "id"),
    ),
)

# Every note that may name a family or a volunteer by its code. Rows already exported as a
# part of the same subject (its own visit notes) are not repeated.
MENTIONS: tuple[Mentions, ...] = (
    Mentions(
        "intervision_sessions",
        m.IntervisionSession,
        N_("Intervision session"),
        ("theme", "facilitator", "notes", "agreements"),
        "on",
        indexed=1,
    ),
    Mentions(
        "follow_up_actions",
        m.FollowUpAction,
        N_("Follow-up action of intervision"),
        ("description", "who"),
        "due_on",
        indexed=2,
    ),
    Mentions(
        "coaching_talks",
        m.CoachingTalk,
        N_("Coaching talk"),
        ("notes", "agreements"),
        "on",
        indexed=3,
    ),
    Mentions("visits", m.Visit, N_("Home visit"), ("note",), "on", indexed=4),
    Mentions("reviews", m.Review, N_("Review"), ("agreements",), "held_on", indexed=5),
    Mentions("review_participants", m.Review, N_("Review"), ("participants",), "held_on"),
    Mentions(
        "trajectories",
        m.Trajectory,
        N_("Support by a volunteer"),
        ("proposal_reason", "pause_reason", "end_note"),
        "proposed_on",
    ),
    Mentions("expenses", m.Expense, N_("Expense"), ("purpose",), "on"),
    Mentions(
        "status_steps",
        m.FamilyStatusChange,
        N_("Family status step"),
        ("reason",),
        "on",
    ),
    Mentions(
        "volunteer_status_steps",
        m.VolunteerStatusChange,
        N_("Volunteer status step"),
        ("reason",),
        "on",
    ),
)

# Tables that hold nothing about one family or volunteer, each with the reason. A new table
# belongs either in a declaration above or here (a test asks).
NOT_ABOUT_ONE_PERSON: dict[str, str] = {
    "setting": "the branch's settings",
    "sequence": "counters for new codes",
    "exportrecord": "quarterly figures packages: anonymised counts, sealed for the office",
    # Until the audit trail names its subject by code: then it becomes a Part of each export
    # (the declaration test says so as soon as it has a family or volunteer code column).
}

SCHEMA_VERSION = 1
