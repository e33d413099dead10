"""Every table that refers to a family or a volunteer is part of that subject's access export.

A new table (a consent record, a retention hold-back, the audit trail with its subject's code)
that is not declared in ``data/access/declaration.py`` makes these tests fail with the line to
add there.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Table
from sqlmodel import SQLModel

from homestart_desktop.data import models  # noqa: F401  (fills SQLModel.metadata)
from homestart_desktop.data.access.declaration import (
    FAMILY_PARTS,
    MENTIONS,
    NOT_ABOUT_ONE_PERSON,
    VOLUNTEER_PARTS,
    Part,
)

DECLARATION = "homestart_desktop/data/access/declaration.py"
# A column naming a family or volunteer by its code rather than by a foreign key.
CODE_COLUMN = re.compile(r"^(family|volunteer|subject)_?(code|reference|ref)$")


def _tables() -> dict[str, Table]:
    return dict(SQLModel.metadata.tables)


def _code_column(table: Table, subject: str) -> str | None:
    for column in table.columns:
        match = CODE_COLUMN.match(column.name)
        if match and not column.foreign_keys and match.group(1) in (subject, "subject"):
            return column.name
    return None


def _ways_to(subject: str) -> dict[str, tuple[str, ...]]:
    """Every table that refers to ``subject``, with one way (``Part.via``) from its rows."""
    ways: dict[str, tuple[str, ...]] = {subject: ("reference",)}
    tables = _tables()
    grew = True
    while grew:
        grew = False
        for name, table in tables.items():
            if name in ways:
                continue
            way: tuple[str, ...] | None = None
            for column in table.columns:
                for key in column.foreign_keys:
                    target = key.column.table.name
                    if target == subject:
                        way = (column.name,)
                    elif target in ways and target not in (subject,) and way is None:
                        way = (column.name, *ways[target])
            code = _code_column(table, subject)
            if way is None and code:
                way = (code,)
            if way is not None:
                ways[name] = way
                grew = True
    return ways


def _missing(subject: str, parts: tuple[Part, ...], list_name: str) -> list[str]:
    declared = {part.table for part in parts}
    problems = []
    for table, way in sorted(_ways_to(subject).items()):
        if table in declared:
            continue
        model = next(
            (
                mapper.class_.__name__
                for mapper in SQLModel._sa_registry.mappers
                if mapper.local_table.name == table
            ),
            "<Model>",
        )
        problems.append(
            f"Table {table!r} refers to a {subject} ({' -> '.join(way)}) but is not in the "
            f"{subject}'s access export. Add to {list_name} in {DECLARATION}:\n"
            f'    Part("{table}s", m.{model}, N_("<section title>"), via={way!r}),\n'
            "  (a code column shared by families and volunteers also needs "
            'only=(("<kind column>", "family"),); add withheld=frozenset({...}) for columns '
            "about someone else, and an N_ label for each new column in "
            "homestart_desktop/documents/access/labels.py; then run tools/translations.py)"
        )
    return problems


def test_every_table_that_refers_to_a_family_is_in_its_export():
    problems = _missing("family", FAMILY_PARTS, "FAMILY_PARTS")
    assert not problems, "\n".join(problems)


def test_every_table_that_refers_to_a_volunteer_is_in_its_export():
    problems = _missing("volunteer", VOLUNTEER_PARTS, "VOLUNTEER_PARTS")
    assert not problems, "\n".join(problems)


def test_every_table_is_accounted_for():
    """A table with neither link nor declaration must say why it is about no one in particular."""
    accounted = (
        {p.table for p in FAMILY_PARTS + VOLUNTEER_PARTS}
        | {note.model.__tablename__ for note in MENTIONS}
        | set(NOT_ABOUT_ONE_PERSON)
    )
    unknown = sorted(set(_tables()) - accounted)
    assert not unknown, (
        f"Tables {unknown} are not in the access export. If a row can be about one family or "
        f"volunteer, add a Part to FAMILY_PARTS/VOLUNTEER_PARTS (or its note columns to "
        f"MENTIONS) in {DECLARATION}; if not, add it to NOT_ABOUT_ONE_PERSON there with the "
        "reason."
    )


def test_declared_ways_reach_the_subject():
    """Each ``via`` follows real foreign keys and ends on the subject's id or code."""
    tables = _tables()
    for subject, parts in (("family", FAMILY_PARTS), ("volunteer", VOLUNTEER_PARTS)):
        for part in parts:
            table = tables[part.table]
            for name in part.via[:-1]:
                (key,) = table.columns[name].foreign_keys
                table = key.column.table
            last = table.columns[part.via[-1]]
            if last.foreign_keys:
                (key,) = last.foreign_keys
                assert key.column.table.name == subject, (part.key, part.via)
            else:
                assert table.name == subject or CODE_COLUMN.match(last.name), (part.key, part.via)
            assert set(part.withheld) <= set(part.model.model_fields), part.key


def test_the_test_sees_a_new_table_with_a_family_code(monkeypatch):
    """The guard is real: a table naming a family by code is found and the message says how."""
    from sqlalchemy import Column, Integer, MetaData, String

    metadata = MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(metadata)
    Table(
        "consentrecord",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("family_code", String),
    )
    monkeypatch.setattr(SQLModel, "metadata", metadata)
    assert _ways_to("family")["consentrecord"] == ("family_code",)
    (problem,) = _missing("family", FAMILY_PARTS, "FAMILY_PARTS")
    assert "'consentrecord' refers to a family (family_code)" in problem
    assert "via=('family_code',)" in problem


def test_notes_found_through_the_index_are_exactly_its_columns():
    """A note kind looked up in the full-text index must be indexed on all its declared columns."""
    import importlib.util

    from homestart_desktop.data.casefile.migrations import versions

    (path,) = Path(versions.__path__[0]).glob("0006_*.py")
    spec = importlib.util.spec_from_file_location("migration_0006", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    for note in MENTIONS:
        if note.indexed is not None:
            kind, columns = migration.SOURCES[note.model.__tablename__]
            assert (kind, set(columns)) == (note.indexed, set(note.columns)), note.key
