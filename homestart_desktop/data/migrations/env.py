"""Alembic's environment: always runs on a connection the case file hands it."""

from alembic import context
from sqlmodel import SQLModel

import homestart_desktop.data.models  # noqa: F401  (fills the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
