"""retention: anonymised and erased families and volunteers, and hold-backs

Revision ID: 0008
Revises: 0007

A family's or volunteer's personal data is anonymised some years after the support ended
(``data/retention/``), or erased on request. The day it happened is kept on the record (its
code stays, so figures and links stay whole). A coordinator may hold one back, with a reason,
until a chosen day (``retentionhold``). The number of years and the day it was chosen are
branch settings (``setting`` rows), which need no migration.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MARKED = ("family", "volunteer")


def upgrade() -> None:
    for table in MARKED:
        op.add_column(table, sa.Column("anonymised_on", sa.Date(), nullable=True))
        op.add_column(table, sa.Column("erased_on", sa.Date(), nullable=True))
    op.create_table(
        "retentionhold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=True),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"]),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("retentionhold", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retentionhold_family_id"), ["family_id"])
        batch_op.create_index(batch_op.f("ix_retentionhold_volunteer_id"), ["volunteer_id"])


def downgrade() -> None:
    op.drop_table("retentionhold")
    # SQLite drops a column in place (3.35+): a batch copy of ``family`` would have to drop the
    # table, which its children's foreign keys refuse.
    for table in MARKED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN erased_on")
        op.execute(f"ALTER TABLE {table} DROP COLUMN anonymised_on")
