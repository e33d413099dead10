"""Rows for bulk inserts: plain dicts with every column filled, ids given up front.

The demo makes tens of thousands of rows; building ORM objects for each would take longer than
the rest of the work together, so rows are dicts inserted with one executemany per table.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import func, insert, select
from sqlmodel import Session, SQLModel

from homestart_desktop.data import models as m

# Parents before children, so that foreign keys hold at every insert.
INSERT_ORDER: tuple[type[SQLModel], ...] = (
    m.Family,
    m.FamilyStatusChange,
    m.Caregiver,
    m.Child,
    m.Referral,
    m.ConsentEvent,
    m.Intake,
    m.BlockedPeriod,
    m.Volunteer,
    m.VolunteerStatusChange,
    m.Availability,
    m.Training,
    m.Trajectory,
    m.TrajectoryStatusChange,
    m.Visit,
    m.Review,
    m.IntervisionSession,
    m.IntervisionAttendance,
    m.FollowUpAction,
    m.CoachingTalk,
    m.ExpenseYear,
    m.Expense,
    m.AuditEvent,
    m.ExportRecord,
)


def _defaults(model: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    fixed: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            factories[name] = info.default_factory
        elif info.default is not PydanticUndefined:
            fixed[name] = info.default
    return fixed, factories


class Rows:
    """Rows per table, with ids that continue after what the case file holds already."""

    def __init__(self, session: Session, *, keys: random.Random | None = None) -> None:
        self._keys = keys  # draws record keys (synthetic data: reproducible); else the model's
        self.tables: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
        self._next_id: dict[type[SQLModel], int] = {}
        self._defaults = {model: _defaults(model) for model in INSERT_ORDER}
        for model in INSERT_ORDER:
            highest = session.execute(select(func.max(model.__table__.c.id))).scalar()
            self._next_id[model] = (highest or 0) + 1

    def holds_people(self) -> bool:
        """Whether the case file had families or volunteers before (their codes would clash)."""
        return self._next_id[m.Family] > 1 or self._next_id[m.Volunteer] > 1

    def add(self, model: type[SQLModel], **values: Any) -> int:
        """Queue one row of ``model``; returns its id."""
        fixed, factories = self._defaults[model]
        row = dict(fixed)
        for name, factory in factories.items():
            if name not in values:
                row[name] = factory()
        if self._keys is not None and "record_key" in factories and "record_key" not in values:
            row["record_key"] = self._keys.getrandbits(m.RECORD_KEY_BITS)
        row.update(values)
        row["id"] = self._next_id[model]
        self._next_id[model] += 1
        self.tables[model].append(row)
        return row["id"]

    def count(self, model: type[SQLModel]) -> int:
        return len(self.tables[model])

    def insert_all(self, session: Session, *, chunk: int = 20_000) -> dict[str, int]:
        """Write every queued row, table by table; returns the row count per table."""
        counts: dict[str, int] = {}
        for model in INSERT_ORDER:
            rows = self.tables.get(model, [])
            if model is m.AuditEvent:  # numbered after the entries the bulk inserts just left
                rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
            for first in range(0, len(rows), chunk):
                session.execute(insert(model.__table__), rows[first : first + chunk])
            counts[model.__tablename__] = len(rows)
        return counts


def at_nine(day: dt.date) -> dt.datetime:
    """A time stamp on a working morning, for events the demo dates by day only."""
    return dt.datetime.combine(day, dt.time(8, 0), tzinfo=dt.UTC)
