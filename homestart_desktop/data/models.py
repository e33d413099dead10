"""Every table of the case file, imported from one place.

The tables live by area in ``data/tables/``; import them from here (the app, the tests and the
Alembic environment do), together with the codes of ``data/codes.py`` they use. The areas are
imported in the order the tables were always declared, so the metadata lists them as before.
"""

from sqlmodel import SQLModel

from homestart_desktop.data.codes import (  # the codes live apart: no SQLAlchemy needed
    OUTCOME_AREA_LABELS,
    OUTCOME_AREAS,
    RECORD_KEY_BITS,
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
)

# The order of declaration, not the alphabet's: the metadata keeps its tables in this order.
# isort: off
from homestart_desktop.data.tables.branch import Sequence, Setting
from homestart_desktop.data.tables.families import (
    Caregiver,
    Child,
    ConsentEvent,
    Family,
    FamilyStatusChange,
    Intake,
    Referral,
)
from homestart_desktop.data.tables.volunteers import (
    Availability,
    Training,
    Volunteer,
    VolunteerStatusChange,
)
from homestart_desktop.data.tables.planning import (
    BlockedPeriod,
    Review,
    Trajectory,
    TrajectoryStatusChange,
    Visit,
)
from homestart_desktop.data.tables.coaching import (
    CoachingTalk,
    FollowUpAction,
    IntervisionAttendance,
    IntervisionSession,
)
from homestart_desktop.data.tables.expenses import Expense, ExpenseYear
from homestart_desktop.data.tables.records import AuditEvent, ExportRecord, RetentionHold

# isort: on

__all__ = [
    "SQLModel",
    "OUTCOME_AREA_LABELS",
    "OUTCOME_AREAS",
    "RECORD_KEY_BITS",
    "CloseReason",
    "ConsentItem",
    "ExpenseRegime",
    "ExportState",
    "FamilyStatus",
    "Gender",
    "GenderPreference",
    "HalfDay",
    "IntakeOutcome",
    "Presence",
    "ReferrerCategory",
    "ReviewKind",
    "TalkKind",
    "TrajectoryStatus",
    "Transport",
    "VisitStatus",
    "VolunteerStatus",
    "Sequence",
    "Setting",
    "Caregiver",
    "Child",
    "ConsentEvent",
    "Family",
    "FamilyStatusChange",
    "Intake",
    "Referral",
    "Availability",
    "Training",
    "Volunteer",
    "VolunteerStatusChange",
    "BlockedPeriod",
    "Review",
    "Trajectory",
    "TrajectoryStatusChange",
    "Visit",
    "CoachingTalk",
    "FollowUpAction",
    "IntervisionAttendance",
    "IntervisionSession",
    "Expense",
    "ExpenseYear",
    "AuditEvent",
    "ExportRecord",
    "RetentionHold",
]
