"""The versions of the branch's privacy statement (Settings), read without the database library:
a blank intake form prints the current one without unlocking the file in full."""

from __future__ import annotations

import dataclasses
import datetime as dt

from homestart_desktop.data.settings import BranchSettings


@dataclasses.dataclass(frozen=True)
class PrivacyStatement:
    """One version of the branch's privacy statement, as the coordinator lists it in Settings."""

    version: str
    dated: dt.date


def privacy_statements(settings: BranchSettings) -> tuple[PrivacyStatement, ...]:
    """The versions in Settings, oldest first (the default one when none was entered)."""
    stored = settings.privacy_statements or BranchSettings().privacy_statements
    found = [PrivacyStatement(s["version"], dt.date.fromisoformat(s["dated"])) for s in stored]
    return tuple(sorted(found, key=lambda s: (s.dated, s.version)))


def current_statement(settings: BranchSettings) -> PrivacyStatement:
    """The newest version: the one a family signs today."""
    return privacy_statements(settings)[-1]
