"""the family's e-mail address

Revision ID: 0010
Revises: 0009

The intake form asked for the family's e-mail on a line written by hand, but the file had nowhere
to keep it. A text column, empty for every family recorded before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("family", sa.Column("email", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+); a batch copy of the table would have to drop the
    # old one, which the foreign keys of referrals, intakes and trajectories refuse.
    op.execute("ALTER TABLE family DROP COLUMN email")
