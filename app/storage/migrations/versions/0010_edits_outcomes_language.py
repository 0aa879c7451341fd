"""Edited notes and evidence keep their earlier wording; a call has an outcome; an article a language.

- note.replaces_id, evidence.replaces_id: editing a note (or an evidence item) marks the old row
  removed and adds the new wording as a row that points at it, so the claim's history shows what it
  said before and undo brings the old row back. NULL for an item written fresh.
- evidence.outcome: for a person contacted, how it went (reached, declined to comment, no answer,
  left a message); NULL when not said.
- article.language: the article's language as a BCP 47 tag ("en", "uk", "ru"), detected on import
  or set in its properties; NULL for articles imported before this revision (detected when read).

Revision ID: 0010_edits_outcomes_language
Revises: 0009_removed_notes_and_evidence
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_edits_outcomes_language"
down_revision = "0009_removed_notes_and_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain columns added in place: a foreign key would make SQLite rebuild the note table and
    # drop the search index's triggers on it. The services keep replaces_id pointing at a row.
    for table in ("note", "evidence"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("outcome", sa.Text(), nullable=True))
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("language", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("outcome")
    for table in ("note", "evidence"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("replaces_id")
