"""The branch's own tables: its settings and the counters of its reference codes."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    """One branch setting; ``data/settings.py`` knows their names, types and defaults."""

    key: str = Field(primary_key=True, max_length=80)
    value: str = Field(default="", description="JSON-encoded value")


class Sequence(SQLModel, table=True):
    """Counters for reference codes per prefix and year (GZ-2026-014, VW-2025-003)."""

    prefix: str = Field(primary_key=True, max_length=4)
    year: int = Field(primary_key=True)
    last: int = 0
