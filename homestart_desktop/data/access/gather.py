"""Gather everything the case file holds about one family or volunteer, following ``declaration``.

Nothing here knows a table by name: each declared part says how its rows reach the subject,
and each declared note table which columns may name the subject's code. The result is plain
frozen values (every column of every row, as stored), ready for the PDF and the JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from sqlalchemy import Column, Table, or_, text
from sqlmodel import Session, SQLModel, col, select

from homestart_desktop.data.access.declaration import (
    FAMILY_PARTS,
    MENTIONS,
    VOLUNTEER_PARTS,
    Part,
)
from homestart_desktop.data.intervision.notes_search import query_terms
from homestart_desktop.data.models import Family, Volunteer

NOTE_KINDS = 8  # note index row id = record id * 8 + kind (migration 0006)


@dataclasses.dataclass(frozen=True)
class Section:
    """One declared part: its rows as ``{column: value}``, columns in the table's order."""

    key: str
    title: str  # an English msgid; the document translates it
    table: str
    many: bool
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    withheld: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Mention:
    """A note elsewhere in the file that names the subject's code: only the fields naming it."""

    key: str
    title: str
    table: str
    record_id: int
    on: dt.date | None
    texts: tuple[tuple[str, str], ...]  # (column, the whole text of that field)


@dataclasses.dataclass(frozen=True)
class AccessExport:
    """Everything about one subject: ``kind`` is "family" or "volunteer"."""

    kind: str
    code: str
    language: str
    sections: tuple[Section, ...]
    mentions: tuple[Mention, ...]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


# ---- Public API


def gather_family(*, session: Session, reference: str) -> AccessExport:
    """Everything about the family with this code; ``LookupError`` when there is none."""
    family = session.exec(select(Family).where(Family.reference == reference)).first()
    if family is None:
        raise LookupError("no such family")
    return _gather(session, "family", family.id, family.reference, family.language, FAMILY_PARTS)


def gather_volunteer(*, session: Session, reference: str) -> AccessExport:
    """Everything about the volunteer with this code; ``LookupError`` when there is none."""
    volunteer = session.exec(select(Volunteer).where(Volunteer.reference == reference)).first()
    if volunteer is None:
        raise LookupError("no such volunteer")
    return _gather(
        session, "volunteer", volunteer.id, volunteer.reference, volunteer.language, VOLUNTEER_PARTS
    )


def reference_of(*, session: Session, kind: str, subject_id: int) -> str:
    """The code of the family or volunteer with this id (the screens know the id)."""
    model = Family if kind == "family" else Volunteer
    row = session.get(model, subject_id)
    if row is None:
        raise LookupError(f"no such {kind}")
    return row.reference


def columns_of(part: Part) -> tuple[str, ...]:
    """The keys of each row of ``part``: the table's columns, then its context values."""
    own = [name for name in part.model.model_fields if name not in part.withheld]
    return (*own, *(key for key, _path in part.context))


# ---- Internals


def _gather(
    session: Session, kind: str, subject_id: int, code: str, language: str, parts: tuple[Part, ...]
) -> AccessExport:
    sections = tuple(_section(session, part, subject_id, code) for part in parts)
    exported = {(s.table, row["id"]) for s in sections for row in s.rows}
    return AccessExport(
        kind=kind,
        code=code,
        language=language if language in ("nl", "fr", "en") else "nl",
        sections=sections,
        mentions=_mentions(session, code, exported),
    )


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def _target(column: Column) -> Column:
    (foreign_key,) = column.foreign_keys
    return foreign_key.column


def _section(session: Session, part: Part, subject_id: int, code: str) -> Section:
    model = part.model
    statement = select(model).where(_reaches(part, subject_id, code))
    for name, value in part.only:
        statement = statement.where(getattr(model, name) == value)
    statement = statement.order_by(*(col(getattr(model, name)) for name in part.order))
    rows = []
    for row in session.exec(statement):
        values = {
            name: _plain(getattr(row, name))
            for name in model.model_fields
            if name not in part.withheld
        }
        for key, path in part.context:
            values[key] = _plain(_follow(session, row, path))
        rows.append(values)
    return Section(
        key=part.key,
        title=part.title,
        table=part.table,
        many=part.many,
        columns=columns_of(part),
        rows=tuple(rows),
        withheld=tuple(sorted(part.withheld)),
    )


def _reaches(part: Part, subject_id: int, code: str) -> Any:
    """The condition on ``part``'s rows: its ``via`` as nested ``IN (SELECT …)``.

    Nested sets, not joins: SQLite then starts from the subject's indexed rows (its
    trajectories, their visits) instead of walking every expense of the branch (200 ms).
    """
    tables = [_table(part.model)]
    for name in part.via[:-1]:
        tables.append(_target(tables[-1].c[name]).table)
    last = tables[-1].c[part.via[-1]]
    condition: Any = last == (subject_id if last.foreign_keys else code)
    for table, name in zip(reversed(tables[:-1]), reversed(part.via[:-1]), strict=True):
        target = _target(table.c[name])
        condition = table.c[name].in_(select(target).where(condition))
    return condition


def _follow(session: Session, row: SQLModel, path: tuple[str, ...]) -> Any:
    """Follow foreign keys from ``row`` along ``path``; the last name is the value to show."""
    current: Any = row
    for name in path[:-1]:
        key = getattr(current, name)
        if key is None:
            return None
        target = _target(_table(type(current)).c[name]).table
        current = session.get(_model_of(target), key)
        if current is None:
            return None
    return getattr(current, path[-1])


def _model_of(table: Table) -> type[SQLModel]:
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        if mapper.local_table is table:
            return mapper.class_  # type: ignore[no-any-return]
    raise LookupError(table.name)


def _plain(value: Any) -> Any:
    """Lists as tuples (frozen); everything else as stored (enums stay enums, dates dates)."""
    return tuple(value) if isinstance(value, list) else value


def _naming(code: str) -> re.Pattern[str]:
    # GZ-2026-014 but not GZ-2026-0145: the code stands on its own.
    return re.compile(r"(?<![0-9A-Za-z])" + re.escape(code) + r"(?![0-9])", re.IGNORECASE)


def _mentions(session: Session, code: str, exported: set[tuple[str, int]]) -> tuple[Mention, ...]:
    pattern = _naming(code)
    like = "%" + code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    indexed = _indexed(session, code)
    found: list[Mention] = []
    for note in MENTIONS:
        model = note.model
        if note.indexed is not None:
            ids = indexed.get(note.indexed, [])
            if not ids:
                continue
            statement = select(model).where(col(model.id).in_(ids))
        else:
            columns = [getattr(model, name) for name in note.columns]
            statement = select(model).where(or_(*(c.like(like, escape="\\") for c in columns)))
        for row in session.exec(statement):
            if (note.model.__tablename__, row.id) in exported:
                continue
            texts = tuple(
                (name, getattr(row, name))
                for name in note.columns
                if pattern.search(getattr(row, name) or "")
            )
            if texts:
                found.append(
                    Mention(
                        key=note.key,
                        title=note.title,
                        table=note.model.__tablename__,  # type: ignore[arg-type]
                        record_id=row.id,
                        on=getattr(row, note.date),
                        texts=texts,
                    )
                )
    found.sort(key=lambda m: (m.on or dt.date.min, m.key, m.record_id))
    return tuple(found)


def _indexed(session: Session, code: str) -> dict[int, list[int]]:
    """Ids of the indexed notes holding the code's words side by side, by kind of note."""
    terms = query_terms(code)
    if not terms:
        return {}
    phrase = '"' + " ".join(terms) + '"'  # the words in this order, next to each other
    rows = session.execute(
        text("SELECT rowid FROM note_search WHERE note_search MATCH :q"), {"q": phrase}
    ).all()
    found: dict[int, list[int]] = {}
    for (rowid,) in rows:
        found.setdefault(rowid % NOTE_KINDS, []).append(rowid // NOTE_KINDS)
    return found
