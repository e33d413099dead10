"""What the branch's settings must be before they are stored: one message per field.

``save_checked_settings`` is what the Settings screen calls; ``check_settings`` alone serves the
command line and tests. Messages stand beside their field, so they name no field themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re

from sqlmodel import Session

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.retention.due import note_retention_choice
from homestart_desktop.data.settings import BranchSettings, save_settings
from homestart_desktop.data.validation import (
    NOTE_FIELDS,
    Problems,
    check_typed,
    multi_line,
    single_line,
)
from homestart_desktop.i18n import LANGUAGES, _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# An age X25519 recipient: "age1" and 58 bech32 characters.
_AGE_RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")

# (field, lowest, highest) for the whole numbers of the settings.
_RANGES: tuple[tuple[str, int, int], ...] = (
    ("flat_rate_day_cents", 0, 100_000),
    ("flat_rate_year_cents", 0, 10_000_000),
    ("car_km_rate_e4", 0, 20_000),
    ("bicycle_km_rate_e4", 0, 20_000),
    ("combined_km_limit", 0, 100_000),
    ("founded_year", 1970, 2100),
    ("autolock_minutes", 1, 120),
    ("backups_to_keep", 1, 100),
    ("retention_years", 1, 30),
    ("audit_retention_years", 1, 50),
    ("review_every_months", 1, 24),
    ("extract_max_age_days", 1, 365),
    ("extract_renewal_years", 1, 10),
    ("no_visit_alert_days", 1, 365),
    ("coaching_alert_weeks", 1, 104),
    ("waiting_alert_days", 1, 730),
    ("around_birth_months_after", 0, 24),
    ("young_parent_under", 14, 30),
    ("match_weight_distance", 0, 100),
    ("match_weight_languages", 0, 100),
    ("match_weight_half_days", 0, 100),
    ("match_weight_experience", 0, 100),
    ("match_weight_wishes", 0, 100),
    ("match_weight_volunteer_waiting", 0, 100),
    ("match_neighbourhood_km", 0, 50),
    ("match_family_wait_priority", 0, 1000),
)


def _company_digits(number: str) -> str:
    digits = re.sub(r"[\s.]", "", number)
    if len(digits) == 9:
        digits = "0" + digits  # written without its leading zero
    return digits


def company_number_ok(number: str) -> bool:
    """A Belgian enterprise number (0123.456.749): ten digits, the last two a mod-97 check."""
    return company_number_problem(number) is None


def company_number_problem(number: str) -> str | None:
    """What is wrong with a company number, in the coordinator's words; None when it is right.

    The length and the check digits get different messages: a number of ten digits is not
    told that it should have ten digits.
    """
    digits = _company_digits(number)
    if not re.fullmatch(r"[01]\d{9}", digits):
        return _("A company number has ten digits and starts with 0 or 1, e.g. 0123.456.749.")
    expected = 97 - int(digits[:8]) % 97
    if expected != int(digits[8:]):
        return _(
            "The check digits (the last two, {given}) do not match the first eight digits, "
            "which call for {expected}; check for a typing error."
        ).format(given=digits[8:], expected=f"{expected:02d}")
    return None


def check_settings(settings: BranchSettings) -> None:
    """Raise ``ValidationError`` with a message per field that cannot be stored."""
    problems = Problems()
    if not settings.branch_name.strip():
        problems.add("branch_name", _("Give the branch's name."))
    if settings.postcode and not re.fullmatch(r"[1-9]\d{3}", settings.postcode.strip()):
        problems.add("postcode", _("A Belgian postcode has four digits, e.g. 9000."))
    if settings.email and not _EMAIL.match(settings.email.strip()):
        problems.add("email", _("This is not an e-mail address (name@example.be)."))
    company_problem = settings.company_number and company_number_problem(settings.company_number)
    if company_problem:
        problems.add("company_number", company_problem)
    key = settings.central_office_public_key.strip()
    if key and not _AGE_RECIPIENT.match(key):
        problems.add(
            "central_office_public_key",
            _("The central office's key starts with age1 and has 62 characters in all."),
        )
    url = settings.webdav_url.strip()
    if url and not re.fullmatch(r"https://[^\s/]+\.[^\s/]+(/\S*)?", url):
        problems.add("webdav_url", _("Give the share's full web address, starting with https://."))
    if settings.language not in LANGUAGES:
        problems.add("language", _("Choose Dutch, French or English."))
    for name, lowest, highest in _RANGES:
        value = getattr(settings, name)
        if not lowest <= value <= highest:
            problems.add(
                name, _("Give a value from {low} to {high}.").format(low=lowest, high=highest)
            )
    if settings.flat_rate_day_cents > settings.flat_rate_year_cents:
        problems.add("flat_rate_day_cents", _("The day ceiling cannot be above the year ceiling."))
    months = settings.first_reviews_months
    if any(m < 1 or m > 24 for m in months) or list(months) != sorted(set(months)):
        problems.add(
            "first_reviews_months",
            _("Give months after the start in increasing order, e.g. 3, 6."),
        )
    statement_problem = _privacy_statements_problem(settings.privacy_statements)
    if statement_problem:
        problems.add("privacy_statements", statement_problem)
    check_typed(problems, settings, today=dt.date.today())
    problems.raise_if_any()


def _privacy_statements_problem(statements: tuple[dict[str, str], ...]) -> str | None:
    """At least one version, each with a short label and a date, no label twice."""
    if not statements:
        return _("Keep at least one version of the privacy statement.")
    labels = [str(s.get("version", "")).strip() for s in statements]
    if not all(labels) or any(len(label) > 40 for label in labels):
        return _("Give each version a label of at most 40 characters, e.g. 2026-1.")
    if len(set(labels)) != len(labels):
        return _("Each version needs a label of its own.")
    try:
        dates = [dt.date.fromisoformat(str(s.get("dated", ""))) for s in statements]
    except ValueError:
        return _("Give each version the date it bears.")
    if any(day.year < 2000 or day > dt.date.today() + dt.timedelta(days=366) for day in dates):
        return _("Give each version the date it bears.")
    return None


def _without_controls(settings: BranchSettings) -> BranchSettings:
    """The texts as they will print: one line each, the notes keeping their line breaks."""
    texts = {
        field.name: (multi_line if field.name in NOTE_FIELDS else single_line)(value)
        for field in dataclasses.fields(settings)
        if isinstance(value := getattr(settings, field.name), str)
        and not isinstance(value, enum.Enum)
    }
    return settings.replace(**texts)


def save_checked_settings(
    *, session: Session, settings: BranchSettings, today: dt.date | None = None
) -> Changes:
    """Check the settings, then store them; nothing is stored when one field is wrong.

    With ``today``, a new retention period is recorded as chosen on that day.
    """
    check_settings(settings)
    if today is not None:
        note_retention_choice(session=session, years=settings.retention_years, today=today)
    return save_settings(session=session, settings=_without_controls(settings))
