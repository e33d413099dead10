"""Every write leaves an entry: the flush hook and the statement hook of the audit trail.

``watch(session)`` (the case file attaches it to every session, as it does the write guard)
catches the two ways a row reaches the file through a session:

- the ORM's unit of work: ``after_flush`` walks ``session.new``, ``dirty`` and ``deleted`` and
  writes one entry per row, naming the columns that changed (attribute history), never values;
- statements run with ``session.execute(insert/update/delete(...))`` (bulk imports, the
  intervision attendance list): ``do_orm_execute`` writes one entry per statement and subject.

Entries are inserted with Core on the flush's own connection, in the same transaction: a write
that rolls back leaves no entry, and no entry exists without its write. Raw ``text()`` SQL is not
seen; the only such writes in ``data/`` maintain the full-text index (listed in
``RAW_SQL_WRITES``: the index follows the notes by triggers, not by the coordinator).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState
from sqlalchemy.orm.util import identity_key
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlmodel import Session

from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.audit.who import login_name
from homestart_desktop.data.models import AuditEvent, Family, Sequence, Trajectory, Volunteer

WHO = "audit_who"
"""``session.info`` key: the coordinator's name for this session's entries."""
SYNTHETIC = "audit_synthetic"
"""``session.info`` key, set by the demo branch only: the moment its synthetic history ends.
Its entries carry that moment and the name *demo*, and a bulk statement leaves one entry per
table instead of one per invented family (the same seed must give the same file)."""

# Files of ``data/`` that write with raw SQL, and why the trail need not follow them.
RAW_SQL_WRITES = {
    "intervision/notes_search.py": "rebuilds the full-text index from the notes already stored",
    "retention/purge.py": "merges the note index and rewrites the file after anonymisation; "
    "the anonymisation itself is in the trail",
    "retention/anonymise.py": "one set-based UPDATE per table; each table's change is noted "
    "with record_event (kind anonymised), the codes by erase.py",
    "retention/erase.py": "blanks notes naming an erased code; noted with record_event",
    "casefile/quick_read.py": "writes the Logboek entry itself (a blank form saved from the "
    "command line, without SQLAlchemy)",
}

# Counters of the reference codes: the family or volunteer that took the code has its own entry.
_NOT_FOLLOWED = (AuditEvent, Sequence)
_TABLE = AuditEvent.__table__  # type: ignore[attr-defined]
_EMPTY = (None, "", [], ())


def who_of(session: Session) -> str:
    """The name the entries of ``session`` carry."""
    if session.info.get(SYNTHETIC):
        return "demo"
    return str(session.info.get(WHO) or login_name())


def now(session: Session | None = None) -> dt.datetime:
    """The moment of an entry (wall clock, UTC; the demo's own moment in its history)."""
    synthetic = session.info.get(SYNTHETIC) if session is not None else None
    return synthetic or dt.datetime.now(dt.UTC)


@functools.cache
def _columns(model: type) -> tuple[str, ...]:
    return tuple(attribute.key for attribute in inspect(model).column_attrs)


# ---- Subjects: which family and volunteer a row is about


class _Codes:
    """Reference codes by row id, looked up once per flush or statement."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.family: dict[int, str] = {}
        self.volunteer: dict[int, str] = {}
        self.trajectory: dict[int, tuple[int, int]] = {}

    def load(self, families: set[int], volunteers: set[int], trajectories: set[int]) -> None:
        connection = self.session.connection()
        wanted = trajectories - self.trajectory.keys()
        for row in self._known(Trajectory, wanted):
            self.trajectory[row.id] = (row.family_id, row.volunteer_id)
        if wanted - self.trajectory.keys():
            table = Trajectory.__table__  # type: ignore[attr-defined]
            query = select(table.c.id, table.c.family_id, table.c.volunteer_id)
            for tid, fid, vid in connection.execute(query.where(table.c.id.in_(wanted))):
                self.trajectory[tid] = (fid, vid)
        for fid, vid in (self.trajectory[t] for t in trajectories if t in self.trajectory):
            families.add(fid)
            volunteers.add(vid)
        for model, ids, found in (
            (Family, families, self.family),
            (Volunteer, volunteers, self.volunteer),
        ):
            wanted = ids - found.keys()
            for row in self._known(model, wanted):
                found[row.id] = row.reference
            wanted -= found.keys()
            if wanted:
                table = model.__table__  # type: ignore[attr-defined]
                query = select(table.c.id, table.c.reference).where(table.c.id.in_(wanted))
                found.update(dict(connection.execute(query).all()))

    def _known(self, model: type, ids: Iterable[int]) -> list[Any]:
        """Rows the session holds already, read without SQL (a row removed in this flush is no
        longer in its table, and an expired one would be read again)."""
        needed = ("id", "family_id", "volunteer_id") if model is Trajectory else ("id", "reference")
        rows = []
        for row_id in ids:
            row = self.session.identity_map.get(identity_key(model, row_id))
            loaded = inspect(row).dict if row is not None else {}
            if all(name in loaded for name in needed):
                rows.append(row)
        return rows

    def of(self, table: str, values: dict[str, Any]) -> tuple[str | None, str | None]:
        """(family code, volunteer code) of a row with ``values``."""
        family_id, volunteer_id = values.get("family_id"), values.get("volunteer_id")
        if table == "family":
            return values.get("reference"), None
        if table == "volunteer":
            return None, values.get("reference")
        if values.get("trajectory_id") in self.trajectory:
            family_id, volunteer_id = self.trajectory[values["trajectory_id"]]
        return self.family.get(family_id), self.volunteer.get(volunteer_id)  # type: ignore[arg-type]


def _ids(rows: Iterable[dict[str, Any]]) -> tuple[set[int], set[int], set[int]]:
    families, volunteers, trajectories = set(), set(), set()
    for values in rows:
        if values.get("family_id") is not None:
            families.add(values["family_id"])
        if values.get("volunteer_id") is not None:
            volunteers.add(values["volunteer_id"])
        if values.get("trajectory_id") is not None:
            trajectories.add(values["trajectory_id"])
    return families, volunteers, trajectories


# ---- The unit of work


def _changed_fields(row: Any) -> list[str]:
    state = inspect(row)
    return [
        name
        for name in _columns(type(row))
        if name in state.attrs and state.attrs[name].history.has_changes()
    ]


def _set_fields(values: dict[str, Any]) -> list[str]:
    return [
        name
        for name, value in values.items()
        if name != "id" and value is not False and value not in _EMPTY
    ]


def _loaded(row: Any) -> dict[str, Any]:
    """The row's column values as the session holds them (no SQL: a removed row is gone)."""
    state = inspect(row).dict
    return {name: state[name] for name in _columns(type(row)) if name in state}


def _after_flush(session: Session, _context: Any) -> None:
    written: list[tuple[Any, str, list[str], dict[str, Any]]] = []
    for row in session.new:
        if not isinstance(row, _NOT_FOLLOWED):
            values = _loaded(row)
            written.append((row, "added", _set_fields(values), values))
    for row in session.deleted:
        if not isinstance(row, _NOT_FOLLOWED):
            written.append((row, "removed", [], _loaded(row)))
    for row in session.dirty:
        if not isinstance(row, _NOT_FOLLOWED) and (fields := _changed_fields(row)):
            written.append((row, "changed", fields, _loaded(row)))
    if not written:
        return
    codes = _Codes(session)
    codes.load(*_ids(values for *_, values in written))
    who, at = who_of(session), now(session)
    entries = []
    for row, action, fields, values in written:
        table = row.__tablename__
        family_code, volunteer_code = codes.of(table, values)
        if table == "setting":  # a setting's "field" is its key (a secret's name stays inside)
            fields = [str(values.get("key") or "").split(":")[0]]
        entries.append(
            _entry(
                who=who,
                at=at,
                kind=AuditKind.write,
                action=action,
                record=table,
                record_id=values.get("id") if isinstance(values.get("id"), int) else None,
                family_code=family_code,
                volunteer_code=volunteer_code,
                fields=fields,
            )
        )
    session.connection().execute(_TABLE.insert(), entries)


def _entry(
    *,
    who: str,
    at: dt.datetime,
    kind: AuditKind,
    action: str,
    record: str = "",
    record_id: int | None = None,
    family_code: str | None = None,
    volunteer_code: str | None = None,
    fields: Iterable[str] = (),
    detail: str = "",
) -> dict[str, Any]:
    return {
        "at": at,
        "who": who,
        "kind": kind.value,
        "action": action,
        "entity": record,
        "entity_id": record_id,
        "family_code": family_code,
        "volunteer_code": volunteer_code,
        "fields": ",".join(sorted(set(fields))),
        "detail": detail,
    }


# ---- Statements


def _statement_rows(state: ORMExecuteState, table: Any) -> list[dict[str, Any]]:
    """The rows a statement writes (insert) or will touch (update, delete), as column values."""
    statement = state.statement
    if isinstance(statement, Insert):
        params = state.parameters
        rows = params if isinstance(params, list) else [params or {}]
        if not params:  # insert(table).values(...)
            rows = [dict(statement.compile().params)]
        return [dict(r) for r in rows]
    linking = [
        c for c in ("id", "reference", "family_id", "volunteer_id", "trajectory_id") if c in table.c
    ]
    query = select(*(table.c[c] for c in linking))
    if statement.whereclause is not None:  # type: ignore[union-attr]
        query = query.where(statement.whereclause)  # type: ignore[union-attr]
    return [dict(row._mapping) for row in state.session.connection().execute(query)]


def _statement_fields(state: ORMExecuteState, rows: list[dict[str, Any]]) -> list[str]:
    statement = state.statement
    if isinstance(statement, Delete):
        return []
    if isinstance(statement, Update):
        params = state.parameters if isinstance(state.parameters, dict) else {}
        named = [getattr(k, "key", k) for k in getattr(statement, "_values", None) or {}]
        return [str(n) for n in [*named, *params] if n != "id"]
    return sorted({k for r in rows for k, v in r.items() if k != "id" and v not in (None, "")})


def _do_orm_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if not isinstance(statement, Insert | Update | Delete):
        return
    table = statement.table  # type: ignore[union-attr]
    if table.name in ("auditevent", "sequence"):
        return
    session = state.session
    rows = _statement_rows(state, table)
    if not rows:
        return
    action = {Insert: "added", Update: "changed", Delete: "removed"}[type(statement)]
    fields = _statement_fields(state, rows)
    who, at = who_of(session), now(session)  # type: ignore[arg-type]
    if session.info.get(SYNTHETIC):
        groups: dict[tuple[str | None, str | None], int] = {(None, None): len(rows)}
    else:
        codes = _Codes(session)  # type: ignore[arg-type]
        codes.load(*_ids(rows))
        groups = defaultdict(int)
        for values in rows:
            groups[codes.of(table.name, values)] += 1
    entries = [
        _entry(
            who=who,
            at=at,
            kind=AuditKind.write,
            action=action,
            record=table.name,
            family_code=family_code,
            volunteer_code=volunteer_code,
            fields=fields,
            detail=f"rows={count}" if count > 1 else "",
        )
        for (family_code, volunteer_code), count in groups.items()
    ]
    session.connection().execute(_TABLE.insert(), entries)


def watch(session: Session, *, who: str = "") -> Session:
    """Leave an entry for every write ``session`` makes from now on; returns the session."""
    if who:
        session.info[WHO] = who
    event.listen(session, "after_flush", _after_flush)
    event.listen(session, "do_orm_execute", _do_orm_execute)
    return session
