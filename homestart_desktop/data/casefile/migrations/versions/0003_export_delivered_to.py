"""where a figures package went: the folder it was saved in, or the share it was uploaded to

Revision ID: 0003
Revises: 0002

The outbox said *Sent* for a package saved on a USB stick; it now says where it was saved, and
*Sent* only for a confirmed upload. Packages that left before this know no place ('').
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("exportrecord", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("delivered_to", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("exportrecord", schema=None) as batch_op:
        batch_op.drop_column("delivered_to")
