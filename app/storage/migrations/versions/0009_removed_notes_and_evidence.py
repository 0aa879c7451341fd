"""A note or an evidence item taken off a claim is kept, marked removed, in the claim's history.

- note.removed_at / removed_by, evidence.removed_at / removed_by: NULL while the item is on its
  claim. Undoing an added note (or evidence) marks it removed instead of deleting it, so what was
  written stays readable in the claim's history; redo clears the mark.

Revision ID: 0009_removed_notes_and_evidence
Revises: 0008_status_history_no_delete
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_removed_notes_and_evidence"
down_revision = "0008_status_history_no_delete"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("note", "evidence"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
            batch.add_column(sa.Column("removed_by", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in ("note", "evidence"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("removed_by")
            batch.drop_column("removed_at")
