"""Initial schema: articles, claims, the append-only status history, notes.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("byline", sa.Text()),
        sa.Column("source_url", sa.Text()),
        sa.Column("published_at", sa.String(40)),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("last_opened_at", sa.DateTime()),
        sa.Column("filename", sa.Text()),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text()),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_article_sha256", "article", ["sha256"])

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id", sa.Integer(), sa.ForeignKey("article.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("source_start", sa.Integer()),
        sa.Column("source_end", sa.Integer()),
        sa.Column("secondary_source", sa.Text()),
        sa.Column("source_refers_to", sa.Text()),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("hedges", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("anchored", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("kind IN ('claim', 'quote', 'caveat')", name="kind_valid"),
        sa.CheckConstraint("origin IN ('detected', 'manual')", name="origin_valid"),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name="span_valid"),
    )
    op.create_index("ix_claim_article_start", "claim", ["article_id", "start"])

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE")),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("article.id", ondelete="CASCADE")),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("(claim_id IS NULL) != (article_id IS NULL)", name="note_has_one_owner"),
    )
    op.create_index("ix_note_claim_id", "note", ["claim_id"])
    op.create_index("ix_note_article_id", "note", ["article_id"])

    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("old_status", sa.String(32), nullable=False),
        sa.Column("new_status", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_status_change_claim_id", "status_change", ["claim_id"])
    # The history is evidence of how a verdict was reached: rows are never rewritten.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER status_change_append_only BEFORE UPDATE ON status_change "
            "BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END"
        )
    elif op.get_bind().dialect.name == "postgresql":  # an integrity error, as SQLite's RAISE(ABORT)
        op.execute(
            "CREATE FUNCTION status_change_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'status history is append-only' "
            "USING ERRCODE = 'integrity_constraint_violation'; "
            "END $$"
        )
        op.execute(
            "CREATE TRIGGER status_change_append_only BEFORE UPDATE ON status_change "
            "FOR EACH ROW EXECUTE FUNCTION status_change_refuse_update()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS status_change_refuse_update() CASCADE")  # with its trigger
    else:
        op.execute("DROP TRIGGER IF EXISTS status_change_append_only")
    for table in ("status_change", "note", "claim", "article"):
        op.drop_table(table)
