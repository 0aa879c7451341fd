"""The administrator's side of a newsroom library: the schema, the editors' group and its rights.

The administrator's role owns every table (it ran the migrations); journalists log in with roles
of their own, members of `claimdesk_editor`, which may read and write the desk's work but:
- never UPDATE, DELETE or TRUNCATE the status history (the triggers of 0001 and 0008 refuse it too)
  nor the attached documents (content-addressed: a name's bytes never change),
- never DROP or ALTER anything (only an owner may, and no editor owns a table),
- never create objects in the schema.
Deleting a claim still takes its history with it: PostgreSQL runs a foreign key's cascade with the
rights of the table's owner.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Connection, text

from app.errors import StorageError
from app.storage.server import open_server_database

EDITORS = "claimdesk_editor"
APPEND_ONLY = ("status_change", "attachment")  # the history; documents are named by their content
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def prepare_newsroom(url: str, data_folder: Path | None = None) -> None:
    """Migrate to the newest schema and (re)grant the editors' rights; safe to run again."""
    db = open_server_database(url, data_folder)
    try:
        with db.engine.begin() as connection:
            _ensure_role(connection, EDITORS, login=False)
            grant_editors(connection)
    finally:
        db.close()


def grant_editors(connection: Connection) -> None:
    """The editors' rights on every table and sequence of the schema, the history append-only."""
    connection.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {EDITORS}"))
    tables = connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ).scalars().all()
    for table in tables:
        connection.execute(text(f'REVOKE ALL ON TABLE "{table}" FROM {EDITORS}'))
        if table == "alembic_version":
            rights = "SELECT"
        elif table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        connection.execute(text(f'GRANT {rights} ON TABLE "{table}" TO {EDITORS}'))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {EDITORS}"))


def add_editor(url: str, role: str) -> None:
    """A journalist's own login role, in the editors' group (the administrator sets its password)."""
    if not _ROLE_NAME.match(role):
        raise StorageError(f"{role!r} is not a role name: use lower-case letters, digits and _")
    db = open_server_database(url)
    try:
        with db.engine.begin() as connection:
            _ensure_role(connection, role, login=True)
            connection.execute(text(f"GRANT {EDITORS} TO {role}"))
    finally:
        db.close()


def _ensure_role(connection: Connection, role: str, *, login: bool) -> None:
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if not exists:
        connection.execute(text(f"CREATE ROLE {role} {'LOGIN' if login else 'NOLOGIN'}"))
