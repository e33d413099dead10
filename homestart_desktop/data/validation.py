"""Refused input: which fields are wrong and why, so each message can stand beside its field.

This module is also the one place that says what a person can plausibly type: how long a text
may be, which characters a text may hold, and which dates make sense. Every write path checks
its input with :func:`check_typed` (messages under the fields), and :mod:`write_guard` applies
the same rules to every row just before it is written, so nothing slips past a form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from typing import TYPE_CHECKING

from homestart_desktop.data.settings import load_settings
from homestart_desktop.i18n import _, format_date, format_number

if TYPE_CHECKING:
    from sqlmodel import Session


class ValidationError(ValueError):
    """Input that ``data/`` refuses; ``problems`` maps a field name to a translated message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class Problems(dict[str, str]):
    """Collects problems field by field; ``raise_if_any()`` raises them all at once."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


# ---- Lengths no person reaches by typing (a paste of a whole document does)

NAME_LENGTH = 100
LINE_LENGTH = 500
NOTE_LENGTH = 20_000

# A person's name, an organisation, a reference: refused when they hold a control character,
# because a name is what a coordinator trusts on paper and on screen.
NAME_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        "organisation",
        "contact",
        "coordinator",
        "facilitator",
        "who",
        "reference",
        "branch_name",
        "insurer",
    }
)
# Multi-line notes: they keep their line breaks (and nothing else invisible).
NOTE_FIELDS = frozenset(
    {
        "question",
        "life_events",
        "services_involved",
        "support_question_text",
        "pets_description",
        "outcome_reason",
        "motivation",
        "experience_with_children",
        "notes",
        "note",
        "agreements",
        "participants",
        "reason",
        "proposal_reason",
        "pause_reason",
        "stop_reason",
        "end_note",
        "non_profit_aim",
        "non_profit_aim_fr",
        "non_profit_aim_en",
        "other_cover",
    }
)

# C0 and C1 controls (NUL, ESC of ANSI colours, tab, line breaks, DEL), the bidirectional
# controls (U+202E turns "fdp.exe" around), line/paragraph separators and the BOM. Zero-width
# (non-)joiners stay: Persian and Indic names need them.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_BLANK_CONTROL = re.compile("[\t\n\r\x0b\x0c\u2028\u2029]")


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds a character that does not print (a tab or line break too)."""
    return _CONTROL.search(text) is not None


def single_line(text: str) -> str:
    """``text`` as one line: tabs and line breaks become spaces, other controls go."""
    return _CONTROL.sub("", _BLANK_CONTROL.sub(" ", text))


def multi_line(text: str) -> str:
    """A note: line breaks stay (as ``\\n``), tabs become spaces, other controls go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = re.sub("[\t\x0b\x0c\u2029]", " ", text)
    return _CONTROL.sub(lambda m: m.group() if m.group() == "\n" else "", text)


def text_limit(field: str) -> int:
    """How many characters ``field`` may hold."""
    if field in NAME_FIELDS:
        return NAME_LENGTH
    return NOTE_LENGTH if field in NOTE_FIELDS else LINE_LENGTH


def text_problem(field: str, value: str) -> str | None:
    """Why ``value`` cannot be stored in ``field`` (a column or form field name), or None."""
    if field in NAME_FIELDS and has_control_characters(value):
        return _("Type this without line breaks, tabs or invisible characters.")
    limit = text_limit(field)
    if len(value.strip()) > limit:
        return _("Keep this to at most {limit} characters (now {count}).").format(
            limit=format_number(limit), count=format_number(len(value.strip()))
        )
    return None


# ---- An e-mail address

# What a person means by an address: one @, no spaces, a dot in the part after it. Stricter
# rules (RFC 5322) refuse addresses that work; looser ones accept a phone number typed here.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_problem(value: str) -> str | None:
    """Why ``value`` is not an e-mail address a letter could go to, or None (empty is fine)."""
    text = value.strip()
    if text and not EMAIL.match(text):
        return _("This is not an e-mail address. Write it like name@example.be.")
    return None


# ---- Dates a person can mean

EARLIEST_BIRTH = dt.date(1900, 1, 1)
FIRST_EVENT_YEAR = 2000  # when the branch did not say since when it exists
YEARS_AHEAD = 2  # what happened or is arranged: an intake, a visit, an expense
PLAN_YEARS_AHEAD = 5  # what is planned: a review, an end date, a next talk

BIRTH_DATES = frozenset({"birth_date"})
PLAN_DATES = frozenset(
    {
        "planned_on",
        "next_on",
        "next_review_on",
        "due_on",
        "due_date",
        "expected_restart_on",
        "planned_end_on",
        "starts_on",
        "ends_on",
    }
)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def date_range(
    field: str, *, today: dt.date, first_year: int = FIRST_EVENT_YEAR
) -> tuple[dt.date, dt.date]:
    """(earliest, latest) for a date typed in ``field``: births from 1900 until today, other
    dates from the branch's first year, at most 2 years ahead (5 for a plan)."""
    if field in BIRTH_DATES:
        return EARLIEST_BIRTH, today
    ahead = PLAN_YEARS_AHEAD if field in PLAN_DATES else YEARS_AHEAD
    return dt.date(max(first_year, EARLIEST_BIRTH.year), 1, 1), _years_later(today, ahead)


def date_problem(
    field: str, value: dt.date, *, today: dt.date, first_year: int = FIRST_EVENT_YEAR
) -> str | None:
    """Why ``value`` is not a date a person means in ``field``, or None."""
    earliest, latest = date_range(field, today=today, first_year=first_year)
    if value < earliest:
        return _("This date lies before {first}. Check the year.").format(
            first=format_date(earliest, format="short")
        )
    if value > latest:
        return _("This date lies after {last}. Check the year.").format(
            last=format_date(latest, format="short")
        )
    return None


# ---- One check for every form


def check_typed(
    problems: Problems,
    data: object,
    *,
    today: dt.date,
    first_year: int = FIRST_EVENT_YEAR,
    prefix: str = "",
) -> None:
    """Add a problem for each text or date field of ``data`` (a dataclass of what was typed)
    beyond the limits above; lists of people are checked as ``caregivers.0.first_name``."""
    for field in dataclasses.fields(data):  # type: ignore[arg-type]
        value = getattr(data, field.name)
        key = f"{prefix}{field.name}"
        if isinstance(value, enum.Enum):
            continue
        if isinstance(value, str):
            message = text_problem(field.name, value)
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            message = date_problem(field.name, value, today=today, first_year=first_year)
        else:
            message = None
            if isinstance(value, tuple):
                for index, item in enumerate(value):
                    if dataclasses.is_dataclass(item):
                        check_typed(
                            problems,
                            item,
                            today=today,
                            first_year=first_year,
                            prefix=f"{key}.{index}.",
                        )
        if message:
            problems.add(key, message)


def check_fields(
    problems: Problems,
    *,
    today: dt.date,
    first_year: int = FIRST_EVENT_YEAR,
    **values: object,
) -> None:
    """:func:`check_typed` for values passed one by one, each named as its field."""
    for field, value in values.items():
        message = None
        if isinstance(value, str) and not isinstance(value, enum.Enum):
            message = text_problem(field, value)
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            message = date_problem(field, value, today=today, first_year=first_year)
        if message:
            problems.add(field, message)


def first_year(*, session: Session) -> int:
    """The year the branch started (Settings), before which no event can lie."""
    return load_settings(session=session).founded_year
