"""Dates of a trajectory on plain values: weekly visits, reviews, reminders. No Qt, no database.

A visit is a date and a half-day, not a clock time, so daylight saving never moves it; clock
times appear only where a calendar file needs them (see ``half_day_times``).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Iterable
from functools import cache

# The clock times a half-day stands for in a calendar file (local time, Europe/Brussels).
HALF_DAY_TIMES: dict[str, tuple[dt.time, dt.time]] = {
    "morning": (dt.time(9, 0), dt.time(12, 0)),
    "afternoon": (dt.time(13, 30), dt.time(17, 0)),
    "evening": (dt.time(18, 0), dt.time(20, 30)),
}


@dataclasses.dataclass(frozen=True)
class Period:
    """Days without visits, both ends included (school holidays, a family's holiday)."""

    starts_on: dt.date
    ends_on: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.starts_on <= day <= self.ends_on


@cache
def _belgian_holidays(year: int) -> frozenset[dt.date]:
    import holidays  # ~20 MB: loaded when dates are first planned, not at start-up

    return frozenset(holidays.country_holidays("BE", years=year).keys())


def is_public_holiday(day: dt.date) -> bool:
    """A Belgian public holiday (New Year, Easter Monday, 1 May, ..., Christmas)."""
    return day in _belgian_holidays(day.year)


def public_holiday_name(day: dt.date, lang: str = "nl") -> str | None:
    """The holiday's name in nl, fr or en, or None on an ordinary day."""
    return _holiday_names(day.year, lang).get(day)


@cache
def _holiday_names(year: int, lang: str) -> dict[dt.date, str]:
    import holidays

    language = {"nl": "nl", "fr": "fr", "en": "en_US"}.get(lang, "nl")
    return dict(holidays.country_holidays("BE", years=year, language=language))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day where that day does not exist."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def weekly_visit_dates(
    *,
    first_possible: dt.date,
    weekday: int,
    until: dt.date,
    blocked: Iterable[Period] = (),
    skip_public_holidays: bool = True,
) -> list[dt.date]:
    """Every ``weekday`` (0 = Monday) from ``first_possible`` to ``until``, both included,
    skipping Belgian public holidays and blocked periods."""
    blocked = list(blocked)
    day = first_possible + dt.timedelta(days=(weekday - first_possible.weekday()) % 7)
    dates = []
    while day <= until:
        if not (skip_public_holidays and is_public_holiday(day)) and not any(
            day in period for period in blocked
        ):
            dates.append(day)
        day += dt.timedelta(days=7)
    return dates


def review_dates(
    start: dt.date,
    *,
    first_months: Iterable[int] = (3, 6),
    every_months: int = 6,
    until: dt.date,
) -> list[dt.date]:
    """Interim reviews: ``first_months`` after the start, then every ``every_months``."""
    months = sorted(set(first_months))
    dates = [add_months(start, m) for m in months]
    last = months[-1] if months else 0
    if every_months > 0:
        step = last + every_months
        while add_months(start, step) <= until:
            dates.append(add_months(start, step))
            step += every_months
    return [d for d in dates if d <= until]


def planned_end(start: dt.date, *, years: int = 1) -> dt.date:
    """A trajectory runs at least one year."""
    return add_months(start, 12 * years)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week ``day`` falls in."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of ``day``'s month."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def visit_times(day: dt.date, half_day: str) -> tuple[dt.datetime, dt.datetime]:
    """Local start and end of a visit, for calendar files (naive: Europe/Brussels)."""
    start, end = HALF_DAY_TIMES[half_day]
    return dt.datetime.combine(day, start), dt.datetime.combine(day, end)
