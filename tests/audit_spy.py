"""Watches every SQL statement the app runs: a transaction in which ``data/`` wrote a row must
also have written an entry to the audit trail (the Logboek), or the write path is listed.

Enabled for every test (``tests/conftest.py``): the whole suite's writes, through every data
function the tests call, are the property test's examples.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

import homestart_desktop
from homestart_desktop.data.audit.trail import RAW_SQL_WRITES

PACKAGE = Path(homestart_desktop.__file__).parent
DATA = PACKAGE / "data"
_WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)
# Bookkeeping that is not the coordinator's data: the trail itself, the codes' counters, the
# schema's version (migrations), the full-text index (kept by triggers).
NOT_DATA = {"auditevent", "sequence", "alembic_version"}
# Writes that run below ``data/`` on purpose: migrations change the schema, not a record.
EXEMPT = [DATA / "casefile" / "migrations", *(DATA / path for path in RAW_SQL_WRITES)]

missed: list[str] = []


def _data_frame() -> str | None:
    """The ``data/`` module (not exempt) that asked for the statement, if one did (a DELETE
    that found nothing wrote nothing)."""
    frame = sys._getframe(2)
    found = None
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if any(path.is_relative_to(exempt) for exempt in EXEMPT):
            return None
        if found is None and path.is_relative_to(DATA) and not path.is_relative_to(DATA / "audit"):
            found = f"{path.relative_to(PACKAGE)}:{frame.f_code.co_name}"
        frame = frame.f_back
    return found


_COLUMNS = re.compile(r"\(([^)]*)\)")


def _entities(statement: str, parameters) -> set[str]:
    """The tables the audit entries of an ``INSERT INTO auditevent`` are about."""
    columns = [c.strip().strip('"') for c in _COLUMNS.search(statement).group(1).split(",")]
    if "entity" not in columns:
        return set()
    at, width = columns.index("entity"), len(columns)
    values = list(parameters)
    if values and isinstance(values[0], (list, tuple)):  # executemany: one tuple a row
        rows = values
    else:  # one row, or SQLAlchemy's "insertmanyvalues": several rows in one flat tuple
        rows = [values[i : i + width] for i in range(0, len(values), width)]
    return {str(row[at]) for row in rows}


def _after(conn, cursor, statement, parameters, _context, _many) -> None:
    match = _WRITE.match(statement)
    if match is None:
        return
    table = match.group(1).lower()
    if table == "auditevent" and statement.lstrip().upper().startswith("INSERT"):
        conn.info.setdefault("audited", set()).update(_entities(statement, parameters))
    elif table not in NOT_DATA and not table.startswith("note_search") and cursor.rowcount != 0:
        where = _data_frame()
        if where is not None:
            conn.info.setdefault("data_writes", {}).setdefault(table, where)


def _commit(conn) -> None:
    """Every table ``data/`` wrote in the transaction has an entry about that table."""
    writes = conn.info.pop("data_writes", {})
    audited = conn.info.pop("audited", set())
    unaudited = sorted(
        f"{where} wrote {table}" for table, where in writes.items() if table not in audited
    )
    if unaudited:
        missed.append("; ".join(unaudited))


def _rollback(conn) -> None:
    conn.info.pop("data_writes", None)
    conn.info.pop("audited", None)


def watch_every_engine() -> None:
    """Listen on every engine, the case files' and the tests' own alike."""
    if not event.contains(Engine, "after_cursor_execute", _after):
        event.listen(Engine, "after_cursor_execute", _after)
        event.listen(Engine, "commit", _commit)
        event.listen(Engine, "rollback", _rollback)
