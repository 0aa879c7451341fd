"""Every version of an article's text, so a stealth edit (a figure changed, a hedge dropped after
publication) can be shown, not only the newest text.

- article_version: one row per text an article has had, number 1 being the first import, kept
  from the moment a second text arrives (app/services/article_versions.py). An article that never
  changed has no rows: its one version is article.text, so the library is not stored twice.

The unique (article_id, number) index also serves lookups by article_id (its first column),
including the cascade when an article is deleted, so no second index on article_id is kept.

Revision ID: 0006_article_versions
Revises: 0005_last_opened_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_article_versions"
down_revision = "0005_last_opened_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id", sa.Integer(), sa.ForeignKey("article.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.UniqueConstraint("article_id", "number", name="article_version_number_unique"),
    )


def downgrade() -> None:
    op.drop_table("article_version")
