"""a family's consent as a record: what was signed, agreed and withdrawn, and when

Revision ID: 0009
Revises: 0008

A family had one date (*privacy statement signed on*) and a tick for *anonymised reporting*;
its latest referral said whether the referrer may be told when support starts and ends. Now
each signature, agreement and withdrawal is a row of ``consentevent`` that is never rewritten:

- a signature date becomes a *privacy statement* step on that day; which version was signed
  was never recorded, so its version stays empty (the file shows *version not recorded*);
- a latest referral that allowed informing the referrer becomes an *agreed* step on the day of
  that referral;
- *anonymised reporting* goes without a trace: anonymous figures are not personal data (GDPR
  recital 26) and were always counted for every family (docs/figures.md).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consentevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column(
            "item",
            sa.Enum("privacy_statement", "inform_referrer", name="consentitem"),
            nullable=False,
        ),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("statement_version", sa.String(length=40), nullable=False),
        sa.Column("statement_dated", sa.Date(), nullable=True),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consentevent_family_id", "consentevent", ["family_id"], unique=False)
    op.execute(
        """
        INSERT INTO consentevent
            (family_id, item, given, "on", statement_version, statement_dated, noted_on)
        SELECT id, 'privacy_statement', 1, privacy_consent_date, '', NULL, privacy_consent_date
        FROM family WHERE privacy_consent_date IS NOT NULL
        """
    )
    # The latest referral of each family (as data/planning/referrer_letters read it).
    op.execute(
        """
        INSERT INTO consentevent
            (family_id, item, given, "on", statement_version, statement_dated, noted_on)
        SELECT r.family_id, 'inform_referrer', 1, r.referred_on, '', NULL, r.referred_on
        FROM referral AS r
        WHERE r.inform_referrer AND r.id = (
            SELECT r2.id FROM referral AS r2 WHERE r2.family_id = r.family_id
            ORDER BY r2.referred_on DESC, r2.id DESC LIMIT 1
        )
        """
    )
    # SQLite drops a plain column in place: the family table keeps its rows and references.
    op.drop_column("family", "reporting_consent")
    op.drop_column("family", "privacy_consent_date")


def downgrade() -> None:
    op.add_column("family", sa.Column("privacy_consent_date", sa.Date(), nullable=True))
    op.add_column(
        "family",
        sa.Column("reporting_consent", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        """
        UPDATE family SET privacy_consent_date = (
            SELECT c."on" FROM consentevent AS c
            WHERE c.family_id = family.id AND c.item = 'privacy_statement' AND c.given
            ORDER BY c."on" DESC, c.id DESC LIMIT 1
        )
        """
    )
    op.drop_index("ix_consentevent_family_id", table_name="consentevent")
    op.drop_table("consentevent")
