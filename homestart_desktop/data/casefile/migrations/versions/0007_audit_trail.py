"""the audit trail: who, kind, subject codes and field names; append-only

Revision ID: 0007
Revises: 0006

Every entry now says who wrote it (the coordinator's name on the laptop), its kind (a write, a
file opened, a document printed...), the family and volunteer codes it is about and the names
of the fields a write changed (never their values). The entries already in the file get their
kind from their action and their subject's code from the row they name.

Two triggers make the table append-only: UPDATE and DELETE are refused unless the app's own
function ``audit_may_change()`` allows it (only retention and forgetting a subject do, see
``data/audit/keeping.py``). A later migration that rebuilds ``auditevent`` must create them
again (``create_guard``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Same words as data.audit.keeping (kept here so that this migration never changes with it).
REFUSAL = "the audit trail is append-only"
GUARDED = ("UPDATE", "DELETE")


def create_guard() -> None:
    for verb in GUARDED:
        op.execute(
            f"CREATE TRIGGER auditevent_no_{verb.lower()} BEFORE {verb} ON auditevent "
            f"WHEN NOT audit_may_change() BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
        )


def drop_guard() -> None:
    for verb in GUARDED:
        op.execute(f"DROP TRIGGER IF EXISTS auditevent_no_{verb.lower()}")


def upgrade() -> None:
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("who", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("family_code", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("volunteer_code", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("fields", sa.String(), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_auditevent_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_auditevent_family_code"), ["family_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_auditevent_volunteer_code"), ["volunteer_code"], unique=False
        )
    op.execute(
        "UPDATE auditevent SET kind = CASE "
        "WHEN action = 'import.done' THEN 'imported' "
        "WHEN action = 'referrer_informed' THEN 'letter' "
        "ELSE 'step' END"
    )
    op.execute(
        "UPDATE auditevent SET family_code = (SELECT reference FROM family f WHERE f.id = "
        "CASE entity WHEN 'family' THEN auditevent.entity_id ELSE (SELECT family_id FROM "
        "trajectory t WHERE t.id = auditevent.entity_id) END) "
        "WHERE entity IN ('family', 'trajectory')"
    )
    op.execute(
        "UPDATE auditevent SET volunteer_code = (SELECT reference FROM volunteer v WHERE v.id = "
        "CASE entity WHEN 'volunteer' THEN auditevent.entity_id ELSE (SELECT volunteer_id FROM "
        "trajectory t WHERE t.id = auditevent.entity_id) END) "
        "WHERE entity IN ('volunteer', 'trajectory')"
    )
    create_guard()


def downgrade() -> None:
    drop_guard()
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auditevent_volunteer_code"))
        batch_op.drop_index(batch_op.f("ix_auditevent_family_code"))
        batch_op.drop_index(batch_op.f("ix_auditevent_kind"))
        batch_op.drop_column("fields")
        batch_op.drop_column("volunteer_code")
        batch_op.drop_column("family_code")
        batch_op.drop_column("who")
        batch_op.drop_column("kind")
