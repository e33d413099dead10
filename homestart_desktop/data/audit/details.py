"""The *detail* of an entry in words: what a retention run, an erasure, a restore, a letter or an
import stored in short, stable notes (never values) read as a sentence in the Logboek and its PDF.

The stored notes do not change: entries written by any version read the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from homestart_desktop.i18n import N_, format_short_date

# What anonymisation (data/retention/anonymise.py) and erasure (data/retention/erase.py) note.
RETENTION_NOTES: dict[str, str] = {
    "rows removed": N_("rows removed"),
    "columns blanked or rounded": N_("names, contact details and notes blanked, dates rounded"),
    "notes naming the code": N_("notes that name the code blanked"),
}

LETTER_NOTES: dict[str, str] = {
    "start": N_("support started"),
    "end": N_("support ended"),
}

# The Excel import's summary: "families+3~1 volunteers+2~0 matches+0~0 problems=0".
IMPORT_KINDS: dict[str, str] = {
    "families": N_("families"),
    "volunteers": N_("volunteers"),
    "matches": N_("running matches"),
}
_IMPORTED = re.compile(r"(\w+)\+(\d+)~(\d+)")
_OLD_ENTRIES = re.compile(r"audit entries=(\d+)")


def retention_note(detail: str, tr: Callable[[str], str]) -> str:
    """An anonymisation's or erasure's note; as stored when this version does not know it."""
    if (old := _OLD_ENTRIES.fullmatch(detail)) is not None:
        return tr(N_("who and code taken off {count} older entries")).format(count=old[1])
    return tr(RETENTION_NOTES[detail]) if detail in RETENTION_NOTES else detail


def restore_note(detail: str, tr: Callable[[str], str], lang: str | None) -> str:
    """A restore notes the day its backup was made (ISO)."""
    try:
        made = dt.date.fromisoformat(detail)
    except ValueError:
        return detail
    return tr(N_("backup of {date}")).format(date=format_short_date(made, lang=lang))


def letter_note(detail: str, tr: Callable[[str], str]) -> str:
    return tr(LETTER_NOTES[detail]) if detail in LETTER_NOTES else detail


def import_note(detail: str, tr: Callable[[str], str]) -> str:
    """``families+3~1 …`` as "families: 3 new, 1 updated; …"."""
    parts = [
        tr(N_("{kind}: {new} new, {updated} updated")).format(
            kind=tr(IMPORT_KINDS.get(kind, kind)), new=new, updated=updated
        )
        for kind, new, updated in _IMPORTED.findall(detail)
        if new != "0" or updated != "0"
    ]
    problems = re.search(r"problems=(\d+)", detail)
    if problems is not None and problems[1] != "0":
        parts.append(tr(N_("{count} problems left out")).format(count=problems[1]))
    return "; ".join(parts) if parts or _IMPORTED.search(detail) else detail
