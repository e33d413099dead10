"""The retention rules on plain values: when a record is due, and what a birth date becomes.

Anonymisation keeps what the quarterly figures read, so that no figure of any quarter changes
(docs/figures.md). A child's birth date is read twice: its age band on every quarter end, and
"started around a birth" (the birth, or the due date, inside a window around the family's first
start). :func:`figure_safe_birth` moves the date to the earliest day that gives the same answer
to both questions.
"""

from __future__ import annotations

import datetime as dt

from homestart_desktop.domain.planning import add_months

DEFAULT_YEARS = 5
WINDOW_MONTHS_AFTER_START = 9  # sync/figures: "around birth" ends 9 months after the first start


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the calendar quarter ``day`` lies in."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    return add_months(day, 12 * years)


def due_on(ended_on: dt.date, years: int) -> dt.date:
    """The day a record whose support ended on ``ended_on`` is due for anonymisation."""
    return years_later(ended_on, years)


def figure_safe_birth(
    day: dt.date | None, first_start: dt.date | None, months_after: int
) -> dt.date | None:
    """The earliest day of ``day``'s quarter that every quarterly figure reads as ``day``.

    Age bands are taken on quarter ends, so any day of the same quarter gives the same band;
    the "around birth" window (``months_after`` months before the first start to 9 months after
    it) may cut through the quarter, and then the day moves only to the window's edge.
    """
    if day is None:
        return None
    safe = quarter_start(day)
    if first_start is None:
        return safe
    opens = add_months(first_start, -months_after)
    closes = add_months(first_start, WINDOW_MONTHS_AFTER_START)
    if opens <= day <= closes:
        return max(safe, opens)
    if day > closes:
        return max(safe, closes + dt.timedelta(days=1))
    return safe
