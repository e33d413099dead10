"""Checks a person would make on a family's details, each with a message for beside the field.

Every function adds to a :class:`Problems` under the field's name and never raises itself, so a
form shows all its problems at once; the caller raises them before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re

from homestart_desktop.data.postcodes import is_known_postcode
from homestart_desktop.data.validation import Problems, email_problem
from homestart_desktop.i18n import _, format_short_date

YOUNGEST_PARENT = 12
OLDEST_PARENT = 85
OLDEST_CHILD_YEARS = 18
DUE_DATE_MAX_DAYS = 305  # about ten months ahead
_PHONE_SEPARATORS = re.compile(r"[\s./()\-]")


def required(problems: Problems, field: str, value: object) -> None:
    """A field that must not be left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.add(field, _("Please fill this in."))


def phone(problems: Problems, field: str, value: str) -> None:
    """A Belgian number (0470 12 34 56, 09 123 45 67) or an international one (+32 …)."""
    text = value.strip()
    if not text:
        return
    digits = _PHONE_SEPARATORS.sub("", text)
    if digits.startswith("+"):
        ok = digits[1:].isdigit() and 8 <= len(digits) - 1 <= 15
    elif digits.startswith("00"):
        ok = digits.isdigit() and 10 <= len(digits) <= 17
    else:
        ok = digits.isdigit() and digits.startswith("0") and len(digits) in (9, 10)
    if not ok:
        problems.add(
            field, _("This is not a phone number. Write it like 0470 12 34 56 or +32 9 123 45 67.")
        )


def email(problems: Problems, field: str, value: str) -> None:
    """An e-mail address (name@example.be), or nothing."""
    message = email_problem(value)
    if message:
        problems.add(field, message)


def postcode(problems: Problems, field: str, value: str, *, needed: bool = True) -> None:
    """A Belgian postcode in use today."""
    code = value.strip()
    if not code:
        if needed:
            problems.add(field, _("Please fill in the postcode."))
        return
    if not is_known_postcode(code):
        problems.add(field, _("{postcode} is not a Belgian postcode.").format(postcode=code))


def not_in_future(problems: Problems, field: str, value: dt.date | None, today: dt.date) -> None:
    """A date that has happened already (a referral, an intake, a signature)."""
    if value is not None and value > today:
        problems.add(field, _("This date is in the future."))


def birth_year(problems: Problems, field: str, value: int | None, today: dt.date) -> None:
    """A parent's birth year: between 12 and 85 years old today."""
    if value is None:
        return
    age = today.year - value
    if age < YOUNGEST_PARENT or age > OLDEST_PARENT:
        problems.add(
            field,
            _("Born in {year}, this parent would be {age} years old. Check the year.").format(
                year=value, age=age
            ),
        )


def arrival_year(
    problems: Problems, field: str, value: int | None, born: int | None, today: dt.date
) -> None:
    """The year of arrival in Belgium: not in the future, not before birth."""
    if value is None:
        return
    if value > today.year:
        problems.add(field, _("This year is in the future."))
    elif (born is not None and value < born) or value < 1900:
        problems.add(field, _("This year lies before the birth year."))


def child_dates(
    problems: Problems,
    prefix: str,
    born: dt.date | None,
    due: dt.date | None,
    today: dt.date,
) -> None:
    """A child has a birth date in the past, or (unborn) a due date within ten months."""
    if born is None and due is None:
        problems.add(
            f"{prefix}.birth_date",
            _("Fill in the birth date, or the due date for an unborn child."),
        )
        return
    if born is not None:
        if born > today:
            problems.add(
                f"{prefix}.birth_date",
                _(
                    "A birth date cannot be in the future. For an unborn child, fill in the due date."
                ),
            )
        elif (today - born).days > OLDEST_CHILD_YEARS * 366:
            problems.add(
                f"{prefix}.birth_date",
                _("This child would be older than {years}. Check the date.").format(
                    years=OLDEST_CHILD_YEARS
                ),
            )
        return
    assert due is not None
    if due < today:
        problems.add(
            f"{prefix}.due_date",
            _("The due date is in the past. Once the child is born, fill in the birth date."),
        )
    elif (due - today).days > DUE_DATE_MAX_DAYS:
        problems.add(
            f"{prefix}.due_date", _("A due date lies at most ten months ahead. Check the date.")
        )


def consent_date(
    problems: Problems,
    field: str,
    value: dt.date | None,
    referred_on: dt.date | None,
    today: dt.date,
) -> None:
    """Privacy consent is signed after the referral and not in the future."""
    if value is None:
        return
    if value > today:
        problems.add(field, _("This date is in the future."))
    elif referred_on is not None and value < referred_on:
        problems.add(
            field,
            _("Consent cannot be signed before the referral ({date}).").format(
                date=format_short_date(referred_on)
            ),
        )
