"""an index for Today's morning list: each volunteer's last coaching talk

Revision ID: 0011
Revises: 0010

The morning list asks, for every volunteer, the date of the last coaching talk. With an index on
the volunteer alone SQLite read every talk's row (20,000 on a large branch, each page decrypted)
to find its date; on (volunteer, date) it reads the index only. Every other query of Today already
searches an index (EXPLAIN QUERY PLAN, checked when this was written).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A plain CREATE INDEX, not a batch operation: the table is not rebuilt, so the note index's
# triggers on coachingtalk (migrations 0002, 0006) stay as they are.
def upgrade() -> None:
    op.create_index("ix_coachingtalk_volunteer_on", "coachingtalk", ["volunteer_id", "on"])


def downgrade() -> None:
    op.drop_index("ix_coachingtalk_volunteer_on", table_name="coachingtalk")
