"""A volunteer's tables: the volunteer, status steps, free half-days and training."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import Gender, HalfDay, VolunteerStatus, new_record_key
from homestart_desktop.data.tables import json_list


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
    languages: list[str] = Field(default_factory=list, sa_column=json_list())
    motivation: str = ""
    experience_with_children: str = ""
    experience_tags: list[str] = Field(
        default_factory=list,
        sa_column=json_list(),
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
