"""The words for every field of the access export (the PDF's labels; the JSON keeps the names).

A label is looked up for ``(table, column)`` first, then for the column alone, so fields with
the same meaning everywhere (a date, a reason) have one label. ``tests/documents/
test_access_export.py`` fails when a declared table has a column without a label here.
"""

from __future__ import annotations

from collections.abc import Callable

from homestart_desktop.data.models import OUTCOME_AREA_LABELS
from homestart_desktop.domain.setting_fields import setting_label
from homestart_desktop.i18n import N_

# Internal numbers that only link or order rows, and the planning's colour: kept in the JSON,
# left out of the readable PDF.
TECHNICAL = frozenset({"id", "record_key", "position", "colour"})

LABELS: dict[str, str] = {
    "reference": N_("Code"),
    "status": N_("Status"),
    "language": N_("Language for letters"),
    "street": N_("Street and number"),
    "postcode": N_("Postcode"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "birth_date": N_("Birth date"),
    "birth_year": N_("Year of birth"),
    "gender": N_("Gender"),
    "languages": N_("Languages spoken"),
    "on": N_("Date"),
    "from_status": N_("Previous status"),
    "to_status": N_("New status"),
    "reason": N_("Reason"),
    "created_on": N_("In the file since"),
    "weekday": N_("Day of the week"),
    "half_day": N_("Half-day"),
    "notes": N_("Notes"),
    "agreements": N_("Agreements"),
    "kind": N_("Kind"),
    "year": N_("Year"),
    "km": N_("Kilometres"),
    "planned_on": N_("Planned on"),
    "held_on": N_("Held on"),
    "volunteer_code": N_("Volunteer"),
    "family_code": N_("Family"),
    "family_id": N_("Family"),
    "volunteer_id": N_("Volunteer"),
    "trajectory_id": N_("Support"),
    "session_id": N_("Intervision session"),
    "visit_id": N_("Home visit"),
    "referral_id": N_("Referral"),
    **{f"score_{area}": label for area, label in OUTCOME_AREA_LABELS.items()},
    # The family
    "single_parent": N_("Single parent"),
    "kg_income": N_("Low income"),
    "kg_education": N_("Little schooling"),
    "kg_work": N_("No stable work"),
    "kg_stimulation": N_("Little stimulation of the children"),
    "kg_housing": N_("Poor housing"),
    "kg_health": N_("Poor health"),
    "psychological_vulnerability": N_("Psychological vulnerability"),
    "physical_disability": N_("Physical disability"),
    "small_network": N_("Small social network"),
    "recently_moved": N_("Recently moved"),
    "twins": N_("Twins or more"),
    "life_events": N_("Life events"),
    "services_involved": N_("Services involved"),
    "support_questions": N_("Support questions"),
    "support_question_text": N_("Support question in the family's words"),
    "preferred_slots": N_("Preferred half-days"),
    "volunteer_gender_preference": N_("Preferred gender of the volunteer"),
    "wished_experience": N_("Experience the volunteer should have"),
    "smoking_at_home": N_("Smoking at home"),
    "pets_at_home": N_("Pets at home"),
    "pets_description": N_("Which pets"),
    "no_volunteer_from_neighbourhood": N_("No volunteer from the neighbourhood"),
    "anonymised_on": N_("Anonymised on"),
    "erased_on": N_("Erased on"),
    # Consent steps and hold-backs
    "item": N_("Consent to"),
    "given": N_("Agreed (no: withdrawn)"),
    "statement_version": N_("Privacy statement version"),
    "statement_dated": N_("Version dated"),
    "noted_on": N_("Recorded on"),
    "until": N_("Kept until"),
    "waiting_since": N_("On the waiting list since"),
    # Household
    "position": N_("Order in the household"),
    "interpreter_needed": N_("Interpreter needed"),
    "arrival_year": N_("Year of arrival in Belgium"),
    "due_date": N_("Expected birth date"),
    # Referral and intake
    "referred_on": N_("Referred on"),
    "category": N_("Referred by"),
    "organisation": N_("Organisation"),
    "contact": N_("Contact person at the referrer"),
    "question": N_("Question of the referrer"),
    "inform_referrer": N_("Keep the referrer informed"),
    "done_on": N_("Done on"),
    "coordinator": N_("Coordinator"),
    "outcome": N_("Outcome"),
    "outcome_reason": N_("Reason for the outcome"),
    # Support
    "proposed_on": N_("Proposed on"),
    "proposal_reason": N_("Why this volunteer was proposed"),
    "introduction_on": N_("Introduction on"),
    "start_on": N_("Start"),
    "planned_end_on": N_("Planned end"),
    "paused_on": N_("Paused on"),
    "pause_reason": N_("Reason for the pause"),
    "expected_restart_on": N_("Expected restart"),
    "ended_on": N_("Ended on"),
    "close_reason": N_("Reason for ending"),
    "end_note": N_("Note at the end"),
    "referrer_informed": N_("Referrer informed of the end"),
    "colour": N_("Colour in the planning"),
    "minutes": N_("Minutes"),
    "activities": N_("Activities"),
    "note": N_("Note"),
    "participants": N_("Participants"),
    "starts_on": N_("From"),
    "ends_on": N_("Until"),
    "label": N_("Description"),
    # The volunteer
    "motivation": N_("Motivation"),
    "experience_with_children": N_("Experience with children"),
    "experience_tags": N_("Experience"),
    "has_car": N_("Has a car"),
    "has_bike": N_("Has a bicycle"),
    "uses_public_transport": N_("Uses public transport"),
    "max_travel_km": N_("Travels at most (km)"),
    "child_age_min": N_("Children from age"),
    "child_age_max": N_("Children up to age"),
    "accepts_smoking": N_("Accepts a family that smokes"),
    "accepts_pets": N_("Accepts pets"),
    "max_families": N_("At most this many families"),
    "first_interview_on": N_("First interview on"),
    "extract_issued_on": N_("Criminal record extract issued on"),
    "extract_received_on": N_("Criminal record extract received on"),
    "info_note_received_on": N_("Information note received on"),
    "agreement_signed_on": N_("Agreement signed on"),
    "insurance_registered_on": N_("Insured since"),
    "course_completed_on": N_("Preparation course completed on"),
    "course_hours": N_("Hours of the preparation course"),
    "stopped_on": N_("Stopped on"),
    "stop_reason": N_("Reason for stopping"),
    "hours": N_("Hours"),
    "topic": N_("Topic"),
    "presence": N_("Presence"),
    "session_on": N_("Date of the session"),
    "session_theme": N_("Theme of the session"),
    "next_on": N_("Next talk on"),
    "regime": N_("Regime"),
    "transport": N_("Transport"),
    "amount_cents": N_("Amount"),
    "purpose": N_("Purpose"),
    "paid_on": N_("Paid on"),
    # Notes that name the subject
    "theme": N_("Theme"),
    "facilitator": N_("Facilitator"),
    "description": N_("Description"),
    "who": N_("Who"),
}

# Where one column means something else in one table.
TABLE_LABELS: dict[tuple[str, str], str] = {
    ("auditevent", "at"): N_("When"),
    ("auditevent", "action"): N_("What"),
    ("auditevent", "detail"): N_("Details"),
    ("auditevent", "entity"): N_("Record"),
    ("auditevent", "entity_id"): N_("Record number"),
    ("auditevent", "fields"): N_("Fields"),
    ("review", "kind"): N_("Kind of review"),
    ("coachingtalk", "kind"): N_("Kind of talk"),
}


def label_of(table: str, column: str) -> str | None:
    """The English msgid labelling ``column`` of ``table`` (None: no label yet)."""
    return TABLE_LABELS.get((table, column)) or LABELS.get(column)


def field_words(table: str, fields: tuple[str, ...], tr: Callable[[str], str]) -> str:
    """The Logboek's *Velden*: each changed column in words where it has a label (the access
    export's; a setting's as the Settings screen names it), else as stored."""
    if table == "setting":
        return ", ".join(_setting_words(key, tr) for key in fields)
    return ", ".join(tr(label) if (label := label_of(table, f)) else f for f in fields)


def _setting_words(key: str, tr: Callable[[str], str]) -> str:
    known = setting_label(key)
    if known is None:  # a key of a newer app: as stored
        return key
    label, language = known
    return f"{tr(label)} ({language})" if language else tr(label)
