"""The coaching's tables: intervision sessions, who attended, their follow-up and coaching talks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import Presence, TalkKind


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
