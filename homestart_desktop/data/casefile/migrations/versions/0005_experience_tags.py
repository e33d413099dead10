"""the experience a family's situation asks of its volunteer

Revision ID: 0005
Revises: 0004

Matching weighed a volunteer's experience tags against needs read from the family's file only
(twins, a baby, newcomers, a disability, psychological vulnerability). The intake's matching
wishes now also hold the experience the coordinator asks for ("teenagers", "single fathers"):
a JSON list of codes, empty for every family recorded before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("family", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("wished_experience", sa.JSON(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("family", schema=None) as batch_op:
        batch_op.drop_column("wished_experience")
