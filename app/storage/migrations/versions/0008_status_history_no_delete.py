"""Status history rows cannot be deleted either, while their claim exists.

0001 made the history append-only against UPDATE; a DELETE still went through, so a verdict's
record could vanish without a trace. Now a status_change row can go only with its claim: deleting
a claim (or an article, emptying the trash) cascades to its history after the claim row is gone,
which the trigger lets through. Code that deletes a claim must leave its history to that cascade
(the ORM relationship is `passive_deletes`), never delete the rows first.

SQLite only, like 0001's trigger; PostgreSQL will get its twin with the newsroom mode.

Revision ID: 0008_status_history_no_delete
Revises: 0007_source_confidence
"""

from alembic import op

revision = "0008_status_history_no_delete"
down_revision = "0007_source_confidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER status_change_no_delete BEFORE DELETE ON status_change "
            "WHEN EXISTS (SELECT 1 FROM claim WHERE claim.id = OLD.claim_id) "
            "BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS status_change_no_delete")
