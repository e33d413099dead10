"""The last check before anything reaches the case file: every row, from every write path.

Forms check what was typed with :func:`validation.check_typed` and show each message under its
field. This guard runs on every flush of every session (the case file attaches it), so a write
path that forgot its form check, a command or an import still cannot store a name with a
right-to-left override, a 100,000-character text or a date in the year 1:

- single-line texts lose their control characters, notes keep their line breaks only;
- names and references holding control characters, texts past their limit and dates no
  person means are refused as a :class:`ValidationError` keyed by the column's name.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from homestart_desktop.data import validation
from homestart_desktop.data.models import AuditEvent, ExportRecord, Sequence, Setting
from homestart_desktop.i18n import _, format_date

# Rows the app fills itself (codes, JSON, hashes): nothing typed lands there directly.
_NOT_TYPED = (Setting, Sequence, AuditEvent, ExportRecord)
# The widest range any typed date may have; each form narrows it per field.
_EARLIEST = validation.EARLIEST_BIRTH


def _latest(today: dt.date) -> dt.date:
    return validation.date_range("planned_on", today=today)[1]


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@functools.cache
def _columns(model: type) -> tuple[str, ...]:
    """The column attributes of a table class (looked up once: a flush can hold 100,000 rows)."""
    return tuple(attribute.key for attribute in inspect(model).column_attrs)


def check_row(row: Any, problems: validation.Problems, latest: dt.date) -> None:
    """Clean the texts of ``row`` in place and add a problem for what cannot be stored
    (dates from 1900 to ``latest``)."""
    for name in _columns(type(row)):
        value = getattr(row, name, None)
        if value is None or isinstance(value, enum.Enum):
            continue
        if isinstance(value, str):
            if len(value) <= validation.NAME_LENGTH and not validation.has_control_characters(
                value
            ):
                continue  # the common case, checked quickly
            message = validation.text_problem(name, value)
            if message:
                problems.add(name, message)
                continue
            clean = (
                validation.multi_line(value)
                if name in validation.NOTE_FIELDS
                else validation.single_line(value)
            )
            if clean != value:
                setattr(row, name, clean)
        elif isinstance(value, dt.date) and not _EARLIEST <= _day(value) <= latest:
            problems.add(
                name,
                _("This date lies outside {first} to {last}. Check the year.").format(
                    first=format_date(_EARLIEST, format="short"),
                    last=format_date(latest, format="short"),
                ),
            )


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    problems = validation.Problems()
    latest = _latest(dt.date.today())
    for row in [*session.new, *session.dirty]:
        if not isinstance(row, _NOT_TYPED):
            check_row(row, problems, latest)
    problems.raise_if_any()


def guard(session: Session) -> Session:
    """Check every row ``session`` writes from now on; returns the session."""
    event.listen(session, "before_flush", _before_flush)
    return session
