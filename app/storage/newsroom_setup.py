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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.storage import attachment_store
from app.storage.migrate import current_revision
from app.storage.server import INSUFFICIENT_PRIVILEGE, explain, open_server_database, parse_url, shown

EDITORS = "claimdesk_editor"
APPEND_ONLY = ("status_change", "attachment")  # the history; documents are named by their content
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@contextmanager
def administering(url: str, what: str, data_folder: Path | None = None) -> Iterator[Connection]:
    """One transaction on the newsroom database, for the administrator's work: a role without the
    rights is told who may do `what`, and nothing is changed."""
    where = shown(parse_url(url))
    refused = StorageError(
        f"Only the newsroom's administrator (the role that owns {where}) may {what}; "
        "your role may not, and nothing was changed"
    )
    db = open_server_database(url, data_folder)
    try:
        with db.engine.begin() as connection:
            # a GRANT or REVOKE without the right only warns: ask first rather than half do it
            if not connection.execute(text(
                "SELECT pg_has_role(current_user, datdba, 'MEMBER') FROM pg_database "
                "WHERE datname = current_database()"
            )).scalar():  # fmt: skip
                raise refused
            yield connection
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise refused from error
        raise StorageError(explain(error, where) or f"Database error on {where}: {error.orig}") from error
    finally:
        db.close()


def prepare_newsroom(url: str, data_folder: Path | None = None) -> str:
    """Migrate to the newest schema and (re)grant the editors' rights; safe to run again. Returns
    the schema's revision."""
    with administering(url, "prepare the newsroom library", data_folder) as connection:
        _ensure_role(connection, EDITORS, login=False)
        grant_editors(connection)
        return current_revision(connection) or ""


def grant_editors(connection: Connection) -> None:
    """The editors' rights on every table and sequence of the schema, the history append-only."""
    connection.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {EDITORS}"))
    tables = (
        connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        .scalars()
        .all()
    )
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


def add_editor(url: str, role: str, password: str | None = None) -> bool:
    """A journalist's own login role, in the editors' group, with `password` if given (a new one
    for a role that exists). True when the role is new.

    The password leaves this computer only as a SCRAM verifier made here (as psql's \\password
    does): the server, and its log, never see it.
    """
    if not _ROLE_NAME.match(role):
        raise StorageError(f"{role!r} is not a role name: use lower-case letters, digits and _")
    if password is not None and not password:
        raise StorageError("An editor's password cannot be empty")
    with administering(url, "add editors") as connection:
        new = _ensure_role(connection, role, login=True)
        connection.execute(text(f"GRANT {EDITORS} TO {role}"))
        if password is not None:
            verifier = _verifier(connection, role, password)  # its ":" are no bind parameters: not text()
            connection.exec_driver_sql(f"ALTER ROLE {role} PASSWORD '{verifier}'")
    return new


def _verifier(connection: Connection, role: str, password: str) -> str:
    """The password as the server stores it (its password_encryption, scram-sha-256 by default)."""
    pgconn = connection.connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier = bytes(pgconn.encrypt_password(password.encode(), role.encode())).decode("ascii")
    if "'" in verifier or "\\" in verifier:  # base64 and hex never have them; refused rather than quoted
        raise StorageError("The server made an unexpected password verifier; nothing was changed")
    return verifier


def prune_attachments(url: str, *, removed_too: bool = False) -> tuple[int, int]:
    """Delete, in one transaction, the documents no evidence refers to any more; (how many, bytes)."""
    with administering(url, "delete documents") as connection, Session(connection) as session:
        return attachment_store.prune(session, removed_too=removed_too)


def _ensure_role(connection: Connection, role: str, *, login: bool) -> bool:
    """Create the role unless it exists; True when it was created."""
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if not exists:
        connection.execute(text(f"CREATE ROLE {role} {'LOGIN' if login else 'NOLOGIN'}"))
    return not exists
