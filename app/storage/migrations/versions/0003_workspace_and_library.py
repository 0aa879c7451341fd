"""Columns the workspace and the library need: trash, capture, dismissed claims, changed wording.

- article.deleted_at: an article in the trash (restorable; its notes are kept until emptied).
- article.captured_at / original_path: a page fetched from a URL is saved as it was (the bytes
  under the data folder, their sha256 in article.sha256) with the time of capture.
- article.html: already there (sanitised copy for display).
- claim.dismissed_at: a detected claim the journalist dismissed: hidden, restorable, never deleted.
- claim.previous_exact: the claim's wording before a new version of the article changed it, so
  the journalist sees what changed.

Revision ID: 0003_workspace_and_library
Revises: 0002_evidence_and_tags
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_workspace_and_library"
down_revision = "0002_evidence_and_tags"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime()))
        batch.add_column(sa.Column("captured_at", sa.DateTime()))
        batch.add_column(sa.Column("original_path", sa.Text()))
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("dismissed_at", sa.DateTime()))
        batch.add_column(sa.Column("previous_exact", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("previous_exact")
        batch.drop_column("dismissed_at")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("original_path")
        batch.drop_column("captured_at")
        batch.drop_column("deleted_at")
