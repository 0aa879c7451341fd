"""Newsroom mode: optimistic locking, attachments in the database, and on PostgreSQL authors from
the login role and notices of every change.

- claim.version, note.version, article.version: 1 for a new row, raised by one at every change
  (SQLAlchemy's version_id_col, app/storage/models.py). A change written over a row that someone
  else changed since it was read finds another number and is refused (app/errors.py ConflictError),
  so in a shared newsroom library nobody's work is overwritten without a word. Added in place
  (a NOT NULL column with a default): SQLite keeps the tables and the search index's triggers.
- attachment: evidence documents by their sha256, bytes and all. A newsroom library keeps them
  here, so every colleague can open them (verified against the name on the way in, by a check
  the server enforces, and on the way out); a local library keeps them in its files folder and
  leaves this table empty.
- PostgreSQL only: status_change.author, note.author and evidence.author are set by the database
  to the role that wrote the row (current_user), and note/evidence.removed_by likewise when a row
  is taken off: in a newsroom, the history says who did what, and nobody can sign for a colleague.
- PostgreSQL only: every statement that writes the desk's work sends NOTIFY claimdesk_changes with
  the writer's application_name (one per open library, app/storage/server.py), so an open window
  sees a colleague's change within a second and can tell its own apart (app/ui/outside_changes.py).

Revision ID: 0011_newsroom
Revises: 0010_edits_outcomes_language
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_newsroom"
down_revision = "0010_edits_outcomes_language"
branch_labels = None
depends_on = None

VERSIONED = ("article", "claim", "note")
AUTHORED = ("status_change", "note", "evidence")
WATCHED = ("article", "article_version", "claim", "status_change", "note", "evidence", "tag", "claim_tag")
CHANNEL = "claimdesk_changes"


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    # the server itself refuses bytes that do not hash to their name
    op.execute(
        "ALTER TABLE attachment ADD CONSTRAINT attachment_content_matches "
        "CHECK (encode(sha256(content), 'hex') = sha256 AND length(content) = size)"
    )
    # Copying a library in (app/services/newsroom_copy.py) keeps the authors it carries, but only
    # for the tables' owner (the administrator), and only when the copy says so for its transaction.
    op.execute(
        "CREATE FUNCTION claimdesk_sign() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF current_setting('claimdesk.copying', true) = 'on' "
        "AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') "
        "THEN RETURN NEW; END IF; "
        "IF TG_OP = 'INSERT' THEN NEW.author := current_user; "
        "ELSIF NEW.removed_at IS NOT NULL AND OLD.removed_at IS NULL THEN NEW.removed_by := current_user; "
        "END IF; RETURN NEW; END $$"
    )
    for table in AUTHORED:
        events = "INSERT" if table == "status_change" else "INSERT OR UPDATE OF removed_at"
        op.execute(
            f"CREATE TRIGGER {table}_signed BEFORE {events} ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION claimdesk_sign()"
        )
    # once per statement, and PostgreSQL folds equal notices of one transaction into one
    op.execute(
        "CREATE FUNCTION claimdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANNEL}', current_setting('application_name')); RETURN NULL; END $$"
    )
    for table in WATCHED:
        op.execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION claimdesk_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS claimdesk_sign() CASCADE")  # with its triggers
        op.execute("DROP FUNCTION IF EXISTS claimdesk_notify() CASCADE")
    op.drop_table("attachment")
    for table in reversed(VERSIONED):
        # in place (SQLite 3.35+), not a batch rebuild, which would drop the search index's triggers
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
