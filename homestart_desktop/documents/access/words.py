"""Stored values in the words of the access export's reader: statuses, categories, dates, yes/no.

What a person typed stays as typed; what the app stores as a code (a status, a half-day, a
support question) is shown in the reader's language, as the screens show it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import get_day_names

from homestart_desktop.data.families.intake_choices import (
    GENDER_PREFERENCES,
    GENDERS,
    HALF_DAYS,
    INTAKE_OUTCOMES,
    REFERRER_CATEGORIES,
    SUPPORT_QUESTIONS,
)
from homestart_desktop.data.intervision.coaching import TALK_KIND_LABELS
from homestart_desktop.data.intervision.sessions import PRESENCE_LABELS
from homestart_desktop.data.models import (
    CloseReason,
    ExpenseRegime,
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
from homestart_desktop.data.planning.visits import ACTIVITY_LABELS
from homestart_desktop.data.volunteers.expenses import REGIME_WORDS, TRANSPORT_WORDS
from homestart_desktop.data.workflow import (
    FAMILY_STATUS_LABELS,
    REASON_LABELS,
    TRAJECTORY_STATUS_LABELS,
    VOLUNTEER_STATUS_LABELS,
)
from homestart_desktop.documents.visit_plan import STATUS_WORDS as VISIT_STATUS_WORDS
from homestart_desktop.domain import days
from homestart_desktop.domain.matching_words import EXPERIENCE_CHOICES
from homestart_desktop.i18n import N_, format_date, format_datetime, format_money, format_number
from homestart_desktop.i18n import locale_name as babel_locale

Translate = Callable[[str], str]

REVIEW_KINDS = {ReviewKind.interim: N_("interim review"), ReviewKind.closing: N_("closing review")}

# Per kind of code, its words (a status of a family and of a volunteer share a value, not a word).
_WORDS: dict[type[enum.Enum], dict[Any, str]] = {
    FamilyStatus: FAMILY_STATUS_LABELS,
    VolunteerStatus: VOLUNTEER_STATUS_LABELS,
    TrajectoryStatus: TRAJECTORY_STATUS_LABELS,
    ReferrerCategory: REFERRER_CATEGORIES,
    IntakeOutcome: INTAKE_OUTCOMES,
    HalfDay: HALF_DAYS,
    Gender: GENDERS,
    GenderPreference: GENDER_PREFERENCES,
    Transport: TRANSPORT_WORDS,
    ExpenseRegime: REGIME_WORDS,
    VisitStatus: VISIT_STATUS_WORDS,
    Presence: PRESENCE_LABELS,
    TalkKind: TALK_KIND_LABELS,
    CloseReason: REASON_LABELS,
    ReviewKind: REVIEW_KINDS,
}
# Lists of codes, by column.
_LIST_WORDS: dict[str, dict[str, str]] = {
    "support_questions": SUPPORT_QUESTIONS,
    "wished_experience": EXPERIENCE_CHOICES,
    "experience_tags": EXPERIENCE_CHOICES,
}


def value_text(column: str, value: Any, *, tr: Translate, lang: str) -> str:
    """One stored value as the reader of the PDF reads it ('' for nothing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, enum.Enum):
        word = _WORDS.get(type(value), {}).get(value)
        return tr(word) if word else str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value, lang=lang)
    if isinstance(value, dt.date):
        return format_date(value, lang=lang)
    if column == "amount_cents":
        return format_money(value, lang=lang)
    if column == "weekday" and isinstance(value, int):
        return _weekday(value, lang)
    if column in _YEARS:
        return str(value)  # 2026, never 2.026
    if column == "language":
        return _language(str(value), lang)
    if isinstance(value, float | int):
        return _number(value, lang)
    if isinstance(value, tuple | list):
        return ", ".join(_item(column, item, tr=tr, lang=lang) for item in value)
    if column == "reason" and value in REASON_LABELS:
        return tr(REASON_LABELS[value])
    return str(value)


@cache
def _number(value: float, lang: str) -> str:
    # Hundreds of visits repeat the same few minutes and kilometres; babel is slow per call.
    return format_number(value, lang=lang)


_YEARS = frozenset({"year", "birth_year", "arrival_year"})


def _language(code: str, lang: str) -> str:
    return Locale.parse(babel_locale(lang)).languages.get(code, code)


def _weekday(index: int, lang: str) -> str:
    return dict(get_day_names("wide", locale=babel_locale(lang)))[index]


def _item(column: str, item: Any, *, tr: Translate, lang: str) -> str:
    words = _LIST_WORDS.get(column)
    if words and item in words:
        return tr(words[item])
    if column == "activities":
        # "play", or "parenting:play" as older files wrote it: the activity's own word.
        activity = str(item).rpartition(":")[2]
        return tr(ACTIVITY_LABELS[activity]) if activity in ACTIVITY_LABELS else str(item)
    if column == "languages":
        return _language(str(item), lang)
    if column == "preferred_slots":
        day, _sep, half = str(item).partition("-")
        if day in days.WEEKDAY_CODES and half in days.HALF_DAY_FORMS:
            weekday = _weekday(days.WEEKDAY_CODES.index(day), lang)
            return tr(days.HALF_DAY_FORMS[half]).format(weekday=weekday)
    return str(item)
