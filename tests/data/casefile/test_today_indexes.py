"""Migration 0011: an index for Today's morning list, without touching the note index."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from homestart_desktop.data.casefile.migrations import alembic_config, current_revision, upgrade


def _coaching_schema(connection) -> set[tuple[str, str]]:
    found = connection.execute(
        text("SELECT type, name FROM sqlite_master WHERE tbl_name = 'coachingtalk'")
    )
    return {tuple(row) for row in found}


def test_migration_0011_adds_the_index_and_keeps_the_note_triggers(empty_case_file):
    with empty_case_file.engine.begin() as connection:
        new = _coaching_schema(connection)
        assert ("index", "ix_coachingtalk_volunteer_on") in new
        command.downgrade(alembic_config(connection), "0006")
        assert current_revision(connection) == "0006"
        assert _coaching_schema(connection) == new - {("index", "ix_coachingtalk_volunteer_on")}
        upgrade(connection)
        assert _coaching_schema(connection) == new
        triggers = {name for kind, name in new if kind == "trigger"}
        assert triggers == {f"coachingtalk_search_{w}" for w in ("insert", "update", "delete")}
