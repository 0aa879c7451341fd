"""Status history rows cannot be deleted either, while their claim exists.

0001 made the history append-only against UPDATE; a DELETE still went through, so a verdict's
record could vanish without a trace. Now a status_change row can go only with its claim: deleting
a claim (or an article, emptying the trash) cascades to its history after the claim row is gone,
which the trigger lets through. Code that deletes a claim must leave its history to that cascade
(the ORM relationship is `passive_deletes`), never delete the rows first.

On PostgreSQL (newsroom mode) the twin also refuses TRUNCATE, which skips row triggers; editors'
roles hold no UPDATE or DELETE right on the table either (app/storage/newsroom_setup.py).

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
    elif op.get_bind().dialect.name == "postgresql":
        # the cascade from a deleted claim runs after the claim row is gone: the check lets it through
        op.execute(
            "CREATE FUNCTION status_change_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP = 'TRUNCATE' OR EXISTS (SELECT 1 FROM claim WHERE claim.id = OLD.claim_id) THEN "
            "RAISE EXCEPTION 'status history is append-only' "
            "USING ERRCODE = 'integrity_constraint_violation'; "
            "END IF; RETURN OLD; END $$"
        )
        op.execute(
            "CREATE TRIGGER status_change_no_delete BEFORE DELETE ON status_change "
            "FOR EACH ROW EXECUTE FUNCTION status_change_refuse_delete()"
        )
        op.execute(
            "CREATE TRIGGER status_change_no_truncate BEFORE TRUNCATE ON status_change "
            "FOR EACH STATEMENT EXECUTE FUNCTION status_change_refuse_delete()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS status_change_refuse_delete() CASCADE")
        return
    op.execute("DROP TRIGGER IF EXISTS status_change_no_delete")
