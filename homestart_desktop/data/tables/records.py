"""What the file keeps about itself: holds on retention, the audit trail and the figures outbox."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import ExportState

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
