"""permanent random record keys for the cell key method

Revision ID: 0004
Revises: 0003

Families, volunteers, trajectories and visits get a ``record_key``: a random integer in
0 .. 2**32 - 1, drawn once and never changed, used only inside the encrypted file to pick the
noise of the quarterly figures (``sync/ptable.py``). Existing rows get theirs here, from the OS's
cryptographic source (SQLite's ``random()`` is not one); new rows get one at creation.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("family", "volunteer", "trajectory", "visit")
BITS = 32  # the same as data.models.RECORD_KEY_BITS (kept here so this migration never changes)
CHUNK = 20_000


def upgrade() -> None:
    connection = op.get_bind()
    for table in TABLES:
        # A plain ADD COLUMN (no table copy): the default only fills the rows until updated below.
        op.add_column(
            table, sa.Column("record_key", sa.Integer(), nullable=False, server_default="0")
        )
        ids = [row[0] for row in connection.execute(sa.text(f"SELECT id FROM {table}"))]
        update = sa.text(f"UPDATE {table} SET record_key = :key WHERE id = :id")
        for first in range(0, len(ids), CHUNK):
            connection.execute(
                update,
                [{"key": secrets.randbits(BITS), "id": i} for i in ids[first : first + CHUNK]],
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("record_key")
