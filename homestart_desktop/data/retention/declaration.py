"""What anonymisation does to every column of the case file that can hold personal data.

One declaration, read by :mod:`anonymise`: for each table, which subject its rows belong to
(a family, a volunteer, or nobody in particular) and what happens to each text, date or list
column. Whatever the quarterly figures read (docs/figures.md) is kept as it is, or rounded only
as far as the figures cannot tell; everything else that could name a person goes.
``tests/data/retention/test_declaration.py`` fails when a table or column appears in
``data/models.py`` without being declared here, so a new field is never kept by accident.
"""

from __future__ import annotations

import dataclasses
import enum


class Treat(enum.StrEnum):
    keep = "keep"  # a status, category, code, score or date the figures read
    blank = "blank"  # free text, names, contact details: ''
    empty = "empty"  # optional date or number nobody counts: NULL
    month = "month"  # a date the figures count only by quarter: the first of its month
    birth = "birth"  # a child's birth or due date: see anonymise.figure_safe_birth
    rows = "rows"  # the subject's rows go altogether (e.g. a hold-back and its reason)
    no_list = "no_list"  # a list nobody counts (languages spoken): an empty list
    not_given = "not_given"  # a gender nobody counts: "not given"


# How a table's rows are reached from the subject's id (``:ids``, a JSON list).
_BY_FAMILY = "family_id IN (SELECT value FROM json_each(:ids))"
_FAMILY_TRAJECTORIES = (
    "SELECT id FROM trajectory WHERE family_id IN (SELECT value FROM json_each(:ids))"
)
_BY_VOLUNTEER = "volunteer_id IN (SELECT value FROM json_each(:ids))"


@dataclasses.dataclass(frozen=True)
class TableRule:
    """What happens to one table's columns for one kind of subject."""

    table: str
    rows: str  # SQL condition selecting the subject's rows
    columns: dict[str, Treat]


@dataclasses.dataclass(frozen=True)
class NotAboutOne:
    """A table whose rows belong to no one family or volunteer; why it is left alone."""

    table: str
    why: str
    columns: tuple[str, ...]


FAMILY_RULES: tuple[TableRule, ...] = (
    TableRule(
        "family",
        "id IN (SELECT value FROM json_each(:ids))",
        {
            "reference": Treat.keep,
            "status": Treat.keep,
            "language": Treat.keep,
            "street": Treat.blank,
            "postcode": Treat.blank,  # no figure reads it; with a birth year it can name a family
            "phone": Treat.blank,
            "email": Treat.blank,
            "life_events": Treat.blank,
            "services_involved": Treat.blank,
            "support_questions": Treat.keep,  # categories
            "support_question_text": Treat.blank,
            "preferred_slots": Treat.keep,
            "volunteer_gender_preference": Treat.keep,
            "wished_experience": Treat.keep,
            "pets_description": Treat.blank,
            "waiting_since": Treat.keep,  # waiting times
            "created_on": Treat.keep,  # status on a day
            "anonymised_on": Treat.keep,
            "erased_on": Treat.keep,
        },
    ),
    # Consent steps hold an item, yes or no, days and a statement version: proof that the family
    # was informed, nothing that names anyone, so they stay with the code.
    TableRule(
        "consentevent",
        _BY_FAMILY,
        {
            "item": Treat.keep,
            "on": Treat.keep,
            "statement_version": Treat.keep,
            "statement_dated": Treat.keep,
            "noted_on": Treat.keep,
        },
    ),
    TableRule(
        "familystatuschange",
        _BY_FAMILY,
        {
            "on": Treat.keep,
            "from_status": Treat.keep,
            "to_status": Treat.keep,
            "reason": Treat.blank,
        },
    ),
    TableRule(
        "caregiver",
        _BY_FAMILY,
        # birth_year and arrival_year (numbers) stay: young parent, newcomer.
        {
            "first_name": Treat.blank,
            "last_name": Treat.blank,
            # No figure reads a parent's gender or languages: in a small branch, "the father who
            # speaks Tigrinya" names a person.
            "gender": Treat.not_given,
            "languages": Treat.no_list,
            "phone": Treat.blank,
        },
    ),
    TableRule(
        "child",
        _BY_FAMILY,
        {
            "first_name": Treat.blank,
            "birth_date": Treat.birth,
            "due_date": Treat.birth,
            "gender": Treat.not_given,
        },
    ),
    TableRule(
        "referral",
        _BY_FAMILY,
        {
            "referred_on": Treat.keep,  # referrals per quarter, waiting times (to the day)
            "category": Treat.keep,
            "organisation": Treat.blank,
            "contact": Treat.blank,  # the referrer's contact: a link that identifies
            "question": Treat.blank,
        },
    ),
    TableRule(
        "intake",
        _BY_FAMILY,
        {
            "planned_on": Treat.month,
            "done_on": Treat.keep,  # intakes per quarter; the latest intake with scores
            "coordinator": Treat.blank,
            "outcome": Treat.keep,
            "outcome_reason": Treat.blank,
        },
    ),
    TableRule(
        "trajectory",
        _BY_FAMILY,
        {
            "status": Treat.keep,
            "proposed_on": Treat.keep,
            "proposal_reason": Treat.blank,
            "introduction_on": Treat.keep,
            "start_on": Treat.keep,
            "half_day": Treat.keep,
            "planned_end_on": Treat.keep,
            "paused_on": Treat.keep,
            "pause_reason": Treat.blank,
            "expected_restart_on": Treat.keep,
            "ended_on": Treat.keep,
            "close_reason": Treat.keep,
            "end_note": Treat.blank,
            "colour": Treat.keep,
        },
    ),
    TableRule(
        "trajectorystatuschange",
        f"trajectory_id IN ({_FAMILY_TRAJECTORIES})",
        {
            "on": Treat.keep,
            "from_status": Treat.keep,
            "to_status": Treat.keep,
            "reason": Treat.blank,
        },
    ),
    TableRule(
        "visit",
        f"trajectory_id IN ({_FAMILY_TRAJECTORIES})",
        {
            "on": Treat.month,  # visits and hours count per quarter
            "half_day": Treat.keep,
            "status": Treat.keep,
            "activities": Treat.keep,
            "note": Treat.blank,
        },
    ),
    TableRule(
        "review",
        f"trajectory_id IN ({_FAMILY_TRAJECTORIES})",
        {
            "kind": Treat.keep,
            "planned_on": Treat.month,
            "held_on": Treat.keep,  # which closing review is the latest
            "participants": Treat.blank,
            "agreements": Treat.blank,
        },
    ),
    TableRule(
        "blockedperiod",
        _BY_FAMILY,
        {"starts_on": Treat.keep, "ends_on": Treat.keep, "label": Treat.blank},
    ),
    TableRule(
        "expense",
        # An expense for a visit to this family may name it in its purpose.
        f"visit_id IN (SELECT id FROM visit WHERE trajectory_id IN ({_FAMILY_TRAJECTORIES}))",
        {"on": Treat.keep, "transport": Treat.keep, "purpose": Treat.blank, "paid_on": Treat.keep},
    ),
    TableRule(
        "retentionhold",
        _BY_FAMILY,
        {"held_on": Treat.rows, "until": Treat.rows, "reason": Treat.rows},
    ),
)

VOLUNTEER_RULES: tuple[TableRule, ...] = (
    TableRule(
        "volunteer",
        "id IN (SELECT value FROM json_each(:ids))",
        {
            "reference": Treat.keep,
            "status": Treat.keep,
            "first_name": Treat.blank,
            "last_name": Treat.blank,
            "birth_date": Treat.empty,  # no figure reads a volunteer's age
            "gender": Treat.not_given,
            "language": Treat.keep,
            "street": Treat.blank,
            "postcode": Treat.blank,
            "phone": Treat.blank,
            "email": Treat.blank,
            "languages": Treat.no_list,
            "motivation": Treat.blank,
            "experience_with_children": Treat.blank,
            "experience_tags": Treat.keep,
            "first_interview_on": Treat.keep,  # new volunteers per quarter
            "extract_issued_on": Treat.month,
            "extract_received_on": Treat.month,
            "info_note_received_on": Treat.month,
            "agreement_signed_on": Treat.month,
            "insurance_registered_on": Treat.month,
            "course_completed_on": Treat.keep,  # completed the course, per quarter
            "stopped_on": Treat.keep,  # stopped, per quarter; status on a day
            "stop_reason": Treat.blank,
            "created_on": Treat.keep,
            "anonymised_on": Treat.keep,
            "erased_on": Treat.keep,
        },
    ),
    TableRule(
        "volunteerstatuschange",
        _BY_VOLUNTEER,
        {
            "on": Treat.keep,
            "from_status": Treat.keep,
            "to_status": Treat.keep,
            "reason": Treat.blank,
        },
    ),
    TableRule("availability", _BY_VOLUNTEER, {"half_day": Treat.keep}),
    TableRule("training", _BY_VOLUNTEER, {"on": Treat.keep, "topic": Treat.keep}),
    TableRule(
        "trajectory",
        _BY_VOLUNTEER,
        {"proposal_reason": Treat.blank, "pause_reason": Treat.blank, "end_note": Treat.blank},
    ),
    TableRule("intervisionattendance", _BY_VOLUNTEER, {"presence": Treat.keep}),
    TableRule(
        "coachingtalk",
        _BY_VOLUNTEER,
        {
            "on": Treat.keep,
            "kind": Treat.keep,
            "notes": Treat.blank,
            "agreements": Treat.blank,
            "next_on": Treat.keep,
        },
    ),
    TableRule("expenseyear", _BY_VOLUNTEER, {"regime": Treat.keep}),
    TableRule(
        "expense",
        _BY_VOLUNTEER,
        {"on": Treat.keep, "transport": Treat.keep, "purpose": Treat.blank, "paid_on": Treat.keep},
    ),
    TableRule(
        "retentionhold",
        _BY_VOLUNTEER,
        {"held_on": Treat.rows, "until": Treat.rows, "reason": Treat.rows},
    ),
)

NOT_ABOUT_ONE: tuple[NotAboutOne, ...] = (
    NotAboutOne("setting", "the branch's own settings", ("key", "value")),
    NotAboutOne("sequence", "counters of reference codes", ("prefix",)),
    NotAboutOne(
        "intervisionsession",
        "a group session of the branch; erasure blanks the texts that name the family's code",
        ("on", "theme", "facilitator", "notes", "agreements"),
    ),
    NotAboutOne(
        "followupaction",
        "an action of a group session; erasure blanks the texts that name the family's code",
        ("description", "who", "due_on", "done_on"),
    ),
    NotAboutOne(
        "auditevent",
        "codes only, never personal data (the audit trail strips its subject's entries itself)",
        ("at", "action", "entity", "detail"),
    ),
    NotAboutOne(
        "exportrecord",
        "figures packages: counts only",
        (
            "quarter",
            "created_at",
            "sent_at",
            "via",
            "delivered_to",
            "state",
            "last_error",
            "package",
            "sha256",
        ),
    ),
    NotAboutOne("blockedperiod", "the branch's school holidays (family_id empty)", ()),
)


def declared_columns() -> dict[str, set[str]]:
    """Every table and the columns the declaration speaks of, for the completeness test."""
    found: dict[str, set[str]] = {}
    for rule in (*FAMILY_RULES, *VOLUNTEER_RULES):
        found.setdefault(rule.table, set()).update(rule.columns)
    for table in NOT_ABOUT_ONE:
        found.setdefault(table.table, set()).update(table.columns)
    return found
