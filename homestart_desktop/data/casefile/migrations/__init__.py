"""Alembic migrations of the case file, applied on unlock after an automatic backup.

Alembic itself (0.2 s to import) loads only when a migration is due: which revisions exist is
read from the migration files' ``revision``/``down_revision`` lines, and a file's revision from
its ``alembic_version`` table, so a command on an up-to-date file never imports it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

HERE = Path(__file__).parent
_ASSIGNMENT = re.compile(
    r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.M
)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


@cache
def _revisions() -> dict[str, str | None]:
    """Each migration's revision and the one it follows, from the files in versions/."""
    found: dict[str, str | None] = {}
    for path in sorted((HERE / "versions").glob("*.py")):
        values = {name: value or None for name, value in _ASSIGNMENT.findall(path.read_text())}
        if values.get("revision"):
            found[values["revision"]] = values.get("down_revision")
    return found


def known_revisions() -> set[str]:
    return set(_revisions())


def head_revision() -> str:
    revisions = _revisions()
    followed = set(revisions.values())
    heads = [revision for revision in revisions if revision not in followed]
    assert len(heads) == 1, f"the migrations must form one line, heads: {heads}"
    return heads[0]


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import text

    tables = connection.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if tables is None:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest revision this version of the app knows."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
