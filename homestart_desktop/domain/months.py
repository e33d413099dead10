"""Counting in months and years, as the figures and the retention period count them."""

from __future__ import annotations

import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for clip in range(4):
        try:
            return dt.date(year, month + 1, day.day - clip)
        except ValueError:
            continue
    raise ValueError(day)


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the calendar quarter ``day`` lies in."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
