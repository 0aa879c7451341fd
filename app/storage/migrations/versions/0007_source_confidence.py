"""How sure the engine was of each claim's source.

- claim.source_confidence: the measured precision of the rule that found the source (app/domain/
  confidence.py), NULL for a source a journalist typed or for no source. Below 0.6 the app shows
  the source as uncertain instead of as fact. Existing claims keep NULL until their article is
  analysed again: a source nobody measured is not called uncertain.

Revision ID: 0007_source_confidence
Revises: 0006_article_versions
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_source_confidence"
down_revision = "0006_article_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("source_confidence", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("source_confidence")
