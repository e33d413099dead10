"""The planning's tables: trajectories (a volunteer matched with a family), visits, reviews and
periods without visits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import (
    CloseReason,
    HalfDay,
    ReviewKind,
    TrajectoryStatus,
    VisitStatus,
    new_record_key,
)
from homestart_desktop.data.tables import json_list


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
    activities: list[str] = Field(default_factory=list, sa_column=json_list())
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
