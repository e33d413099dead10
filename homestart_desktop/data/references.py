"""Pseudonymous reference codes: ``GZ-2026-014`` for a family, ``VW-2025-003`` for a volunteer.

A code is the prefix, the year and a counter per prefix and year kept in the ``sequence`` table.
Counters only go up, so a code is never given twice, not even after a family is deleted.
"""

from __future__ import annotations

import re

from sqlmodel import Session

from homestart_desktop.data.models import Sequence

FAMILY_PREFIX = "GZ"
VOLUNTEER_PREFIX = "VW"

REFERENCE_PATTERN = re.compile(r"^(?P<prefix>[A-Z]{2,4})-(?P<year>\d{4})-(?P<number>\d{3,})$")


def format_reference(prefix: str, year: int, number: int) -> str:
    """``GZ-2026-014``: at least three digits, more once a year passes 999."""
    return f"{prefix}-{year:04d}-{number:03d}"


def reserve_references(*, session: Session, prefix: str, year: int, count: int) -> list[str]:
    """The next ``count`` codes for ``prefix`` and ``year``, taken at once (for bulk imports)."""
    if count < 0:
        raise ValueError("count must not be negative")
    if not REFERENCE_PATTERN.match(format_reference(prefix, year, 1)):
        raise ValueError("a prefix is two to four capital letters")
    row = session.get(Sequence, (prefix, year))
    if row is None:
        row = Sequence(prefix=prefix, year=year, last=0)
    first = row.last + 1
    row.last += count
    session.add(row)
    session.flush()
    return [format_reference(prefix, year, number) for number in range(first, first + count)]


def next_reference(*, session: Session, prefix: str, year: int) -> str:
    """The next free code for ``prefix`` in ``year``; the counter is kept in the case file."""
    return reserve_references(session=session, prefix=prefix, year=year, count=1)[0]


def is_reference(text: str) -> bool:
    """Whether ``text`` looks like a reference code (``GZ-2026-014``)."""
    return REFERENCE_PATTERN.match(text.strip()) is not None
