"""Link decisions: a journalist's word on whether two claims are the same claim (issue 20).

- link_decision: one row per pair of claims (lower id first), `same` true or false, who decided
  and when. The matcher's links are computed, never stored; these are the exceptions a person made:
  a link taken away, or a paraphrase linked by hand. Deleted with either claim (ON DELETE CASCADE).
- PostgreSQL only: the author is the role that wrote the row, and a change notifies open windows,
  as for the rest of the desk's work (0011's functions).

Revision ID: 0012_link_decisions
Revises: 0011_newsroom
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_link_decisions"
down_revision = "0011_newsroom"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("other_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("same", sa.Boolean(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("claim_id < other_id", name="pair_ordered"),
        sa.UniqueConstraint("claim_id", "other_id", name="link_decision_pair"),
    )
    op.create_index("ix_link_decision_other", "link_decision", ["other_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION claimdesk_sign_decision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF current_setting('claimdesk.copying', true) = 'on' "
        "AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') "
        "THEN RETURN NEW; END IF; NEW.author := current_user; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER link_decision_signed BEFORE INSERT OR UPDATE ON link_decision "
        "FOR EACH ROW EXECUTE FUNCTION claimdesk_sign_decision()"
    )
    op.execute(
        "CREATE TRIGGER link_decision_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON link_decision "
        "FOR EACH STATEMENT EXECUTE FUNCTION claimdesk_notify()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS claimdesk_sign_decision() CASCADE")
    op.drop_index("ix_link_decision_other", "link_decision")
    op.drop_table("link_decision")
