"""A family's tables: the family, its status steps, caregivers, children, consent, referral and
intake."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import (
    ConsentItem,
    FamilyStatus,
    Gender,
    GenderPreference,
    IntakeOutcome,
    ReferrerCategory,
    new_record_key,
)
from homestart_desktop.data.tables import json_list


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
    support_questions: list[str] = Field(default_factory=list, sa_column=json_list())
    support_question_text: str = ""
    preferred_slots: list[str] = Field(
        default_factory=list, sa_column=json_list(), description='e.g. ["tue-morning"]'
    )
    volunteer_gender_preference: GenderPreference = GenderPreference.none
    # Experience the volunteer should bring (domain.matching_words.EXPERIENCE_TAGS), beyond what
    # follows from the file itself (twins, a baby, newcomers).
    wished_experience: list[str] = Field(default_factory=list, sa_column=json_list())
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
    languages: list[str] = Field(default_factory=list, sa_column=json_list())
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
