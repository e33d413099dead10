"""Alembic's environment: always runs on a connection the case file hands it."""

from alembic import context
from sqlmodel import SQLModel

import homestart_desktop.data.models  # noqa: F401  (fills the metadata)

connection = context.config.attributes["connection"]


def _include_name(name, type_, _parent_names) -> bool:
    # The full-text index of migration 0002 (and its shadow tables) is no model: leave it be.
    return not (type_ == "table" and name is not None and name.startswith("note_search"))


context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    include_name=_include_name,
)
with context.begin_transaction():
    context.run_migrations()
