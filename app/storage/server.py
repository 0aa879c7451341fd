"""Opening a newsroom library: a PostgreSQL database shared by a desk, through the same models
and the same migrations as a local SQLite file.

`postgresql+psycopg://role@host/database` (or `?host=/socket/folder`). A password never belongs
in the URL kept in settings: psycopg reads ~/.pgpass (kept at 0600) or PGPASSWORD, and
`sslmode=verify-full` in the URL checks the server's certificate and name. Each journalist connects
with a role of their own: the database records it as the author of what they write (migration 0011).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError

from app.errors import StorageError
from app.storage.database import Database
from app.storage.migrate import check_known, current_revision, head_revision, upgrade_to_head

INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE: the role lacks a right
CHANGES_CHANNEL = "claimdesk_changes"  # NOTIFY'd by every write to the desk's work (migration 0011)


def parse_url(text: str) -> URL:
    """The URL, always with the psycopg 3 driver; refused with a clear message when malformed."""
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise StorageError(f"Not a database address: {shown(text)}") from error
    if url.get_backend_name() != "postgresql":
        raise StorageError(f"A newsroom library is a PostgreSQL database (postgresql://…), not {shown(text)}")
    if not url.database:
        raise StorageError(f"Name the newsroom database in the address: {shown(text)}")
    return url.set(drivername="postgresql+psycopg")


def shown(url: str | URL) -> str:
    """The address as it may be shown or logged: never with its password."""
    try:
        return unquote(make_url(url).render_as_string(hide_password=True))  # ?host=/run/… as typed
    except ArgumentError:
        return "(an address that could not be read)"


def local_side(url: URL, data_folder: Path) -> Path:
    """Where this computer keeps a newsroom library's own files (drafts, fetched copies): the path a
    Database carries, named after the server and database so two newsrooms never share a folder."""
    host = str(url.host or url.query.get("host") or "local").strip("/").replace("/", "_")
    return data_folder / "newsroom" / f"{url.database}@{host}.sqlite3"


def open_server_database(text: str, data_folder: Path | None = None) -> Database:
    """Connect, bring the schema to the newest revision if this role may, and hand out sessions."""
    from app.config import data_dir
    from app.storage.server_credentials import keep_password_file_private

    url = parse_url(text)
    where = shown(url)
    keep_password_file_private()
    # a name of this library's own connections: NOTIFY carries it, so a window knows its own writes
    url = url.update_query_dict({"application_name": f"claimdesk-{uuid.uuid4().hex[:16]}"})
    # a host that drops packets must not hold the start for minutes (an address may set its own)
    timeout = {} if "connect_timeout" in url.query else {"connect_timeout": 10}
    engine = create_engine(url, pool_pre_ping=True, connect_args=timeout)
    try:
        _migrate(engine, where)
    except (DBAPIError, StorageError) as error:
        engine.dispose()
        if isinstance(error, StorageError):
            raise
        raise StorageError(explain(error, where) or f"Database error on {where}: {error.orig}") from error
    side = local_side(url, data_folder or data_dir())
    side.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return Database(side, engine, explain=lambda error: explain(error, where))


def _migrate(engine: Engine, where: str) -> None:
    """Upgrade in one transaction (PostgreSQL's DDL is transactional); others wait for its lock."""
    with engine.connect() as connection, connection.begin():
        revision = current_revision(connection)
        if revision == head_revision():
            return
        check_known(revision, where)
        # one upgrader at a time: a second Claimdesk starting meanwhile waits, then finds head
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(1919)")
        if current_revision(connection) == head_revision():
            return
        try:
            upgrade_to_head(connection)
        except ProgrammingError as error:
            if _sqlstate(error) == INSUFFICIENT_PRIVILEGE:
                raise StorageError(
                    f"The newsroom database {where} needs upgrading to schema {head_revision()}, and "
                    f"your role may not change it: ask the newsroom's administrator to open it once "
                    "with Claimdesk; nothing was changed"
                ) from error
            raise


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def explain(error: Exception, where: str) -> str | None:
    """One sentence for what went wrong on the server; None for a bug in our SQL."""
    if not isinstance(error, DBAPIError):
        return None
    state = _sqlstate(error) or ""
    detail = str(error.orig).strip().splitlines()[0] if error.orig else ""
    if isinstance(error, OperationalError) and not state:  # libpq's connection failures carry no SQLSTATE
        return connection_problem(str(error.orig or ""), where)
    if state == INSUFFICIENT_PRIVILEGE:
        return f"Your role on {where} has no right to do this ({detail}); nothing was changed"
    if state.startswith("08"):
        return f"Cannot reach the newsroom server {where}: {detail}"
    if state == "28P01" or state == "28000":
        return f"The newsroom server {where} refused the login: {detail}"
    if state == "3D000":
        return f"There is no database {where} on the server: {detail}"
    if state.startswith("40"):  # serialization failure, deadlock
        return f"Someone changed the same thing at the same moment on {where}; try again"
    if isinstance(error, OperationalError):
        return f"Database error on {where}: {detail}"
    return None


# libpq's words for why a connection failed (it gives no SQLSTATE), first match wins: what it means
_CONNECTION_PROBLEMS = (
    (r"password authentication failed",
     "The newsroom server {where} refused the password: check the role's name and its password"),
    (r"no password supplied",
     "The newsroom server {where} asks for a password and none is kept for this role: enter it in "
     "Preferences > Library (Claimdesk keeps it in ~/.pgpass)"),
    (r"permission denied for database|connect privilege",
     "Your role may not connect to {where}: ask the newsroom's administrator to add you "
     "(claimdesk newsroom add-editor)"),
    (r"pg_hba\.conf", "The newsroom server {where} does not accept this role from this computer: ask its "
     "administrator"),
    (r"certificate|ssl", "The newsroom server's certificate could not be checked ({reason}): {where}"),
    (r'database "[^"]*" does not exist', "There is no such database on the newsroom server ({reason}): "
     "check the name in {where}"),
    (r'role "[^"]*" does not exist', "The newsroom server has no such role ({reason}): check the name in "
     "{where}, or ask the administrator to add you"),
)  # fmt: skip


def connection_problem(message: str, where: str) -> str:
    """What a failed connection means, in one sentence; a server that isn't there is the default."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    reason = lines[0].rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip() if lines else ""
    for pattern, sentence in _CONNECTION_PROBLEMS:
        if re.search(pattern, message, re.IGNORECASE):
            return sentence.format(where=where, reason=reason)
    return f"Cannot reach the newsroom server {where}: is it running, and is the address right? ({reason})"
