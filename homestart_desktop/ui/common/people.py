"""A family or volunteer on screen: the code with the first name beside it, the full name as tip.

Coordinators know people by name; codes alone stay on paper and in exports. Every screen that
lists families or volunteers (Today, Planning, Matching) writes them with these helpers, from the
names its own load read (``data/people.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from homestart_desktop.data.people import PersonName
from homestart_desktop.ui.common.widgets.status_table import Column

Names = Mapping[str, PersonName]


def who(reference: str, names: Names) -> str:
    """``GZ-2025-031 · Fatima``; the code alone when no first name is known."""
    person = names.get(reference)
    if person is None or not person.first_name:
        return reference
    return f"{reference} · {person.first_name}"


def who_lines(reference: str, names: Names, *, mark: str = "") -> str:
    """The same words stacked for a narrow calendar cell: the code (and a mark), then the name."""
    person = names.get(reference)
    first = person.first_name if person is not None else ""
    return f"{reference}{mark}\n{first}" if first else f"{reference}{mark}"


def who_tip(reference: str, names: Names) -> str:
    """The full name, for a tooltip ('' when unknown)."""
    person = names.get(reference)
    return person.full_name if person is not None else ""


def who_column(
    title: str, reference_of: Callable[[Any], str], names: Names, *, optional: bool = False
) -> Column:
    """A table column of references shown with first names; sorted by code, tip: full name.
    ``optional``: the column steps aside when the table has no room for it."""
    return Column(
        title,
        reference_of,
        lambda reference: who(reference, names) if reference else "",
        tooltip=lambda record: who_tip(reference_of(record), names),
        optional=optional,
    )
