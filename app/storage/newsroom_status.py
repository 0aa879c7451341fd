"""What a newsroom server says about itself and about us: who we are there, what we may do, the
schema's revision and who else has the library open. Read-only: it never migrates or writes, so
Preferences' "Test connection" and `claimdesk newsroom status` can ask without changing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from app.errors import NewerDatabaseError, StorageError
from app.storage.migrate import check_known, head_revision
from app.storage.server import explain, parse_url, shown
from app.storage.server_credentials import keep_password_file_private

CONNECT_TIMEOUT = 10  # seconds: an address that goes nowhere is said so, not waited on for minutes
# what verdict() says of a role on a server
READY, SET_UP, EMPTY, NO_RIGHTS = "ready", "set_up", "empty", "no_rights"
READ_ONLY, OLDER, NEWER = "read_only", "older", "newer"


@dataclass(frozen=True)
class Connected:
    """One Claimdesk library open on the server (a window or a command), by its connections."""

    role: str
    since: datetime
    client: str  # the computer's address, or "local" for the server's own socket


@dataclass(frozen=True)
class ServerStatus:
    where: str  # the address without a password
    database: str
    role: str
    server_version: str
    owner: bool  # the role owns the database: the newsroom's administrator
    has_library: bool  # the database holds a Claimdesk schema
    revision: str | None  # the schema's, None when there is none or this role may not read it
    may_read: bool
    may_write: bool
    others: list[Connected] = field(default_factory=list)

    def verdict(self) -> str:
        """Whether this role can work here, and if not, why (one of the constants above)."""
        if not self.has_library:
            return SET_UP if self.owner else EMPTY  # the owner's first start creates the schema
        if not self.owner and (self.revision is None or not self.may_read):
            return NO_RIGHTS
        try:
            check_known(self.revision, self.where)
        except NewerDatabaseError:
            return NEWER
        if self.revision != head_revision():
            return SET_UP if self.owner else OLDER  # the owner's next start upgrades it
        return READY if self.owner or self.may_write else READ_ONLY


def read_status(address: str, password: str | None = None, timeout: int = CONNECT_TIMEOUT) -> ServerStatus:
    """Connect once (with `password` if given, else ~/.pgpass) and read the status; StorageError
    with one clear sentence when the server can't be reached or refuses us."""
    url = parse_url(address)
    where = shown(url)
    if password:
        url = url.set(password=password)
    keep_password_file_private()
    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": timeout})
    try:
        with engine.connect() as connection:
            return _read(connection, where)
    except DBAPIError as error:
        raise StorageError(explain(error, where) or f"Database error on {where}: {error.orig}") from error
    finally:
        engine.dispose()


def _read(connection: Connection, where: str) -> ServerStatus:
    database, role, version, owner = connection.execute(text(
        "SELECT current_database(), current_user, current_setting('server_version'), "
        "pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), "
        "'MEMBER')"
    )).one()  # fmt: skip
    revision = None
    there = connection.execute(text("SELECT to_regclass('public.alembic_version') IS NOT NULL"))
    has_library = bool(there.scalar())
    if _table_right("alembic_version", "SELECT", connection):
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return ServerStatus(
        where=where, database=database, role=role, server_version=version, owner=bool(owner),
        has_library=has_library, revision=revision,
        may_read=_table_right("claim", "SELECT", connection),
        may_write=_table_right("claim", "INSERT, UPDATE", connection), others=_others(connection),
    )  # fmt: skip


def _table_right(table: str, rights: str, connection: Connection) -> bool:
    """Whether the table exists and this role has every one of the rights on it."""
    return bool(connection.execute(
        text("SELECT to_regclass(:t) IS NOT NULL AND has_table_privilege(:t, :r)"),
        {"t": f"public.{table}", "r": rights},
    ).scalar())  # fmt: skip


def _others(connection: Connection) -> list[Connected]:
    """The libraries open on this database: a Claimdesk names its connections claimdesk-<id>
    (app/storage/server.py), its listening one claimdesk-<id>-listen; this connection left out."""
    rows = connection.execute(text(
        "SELECT usename, application_name, backend_start, client_addr FROM pg_stat_activity "
        "WHERE datname = current_database() AND application_name LIKE 'claimdesk-%' "
        "AND pid <> pg_backend_pid() ORDER BY backend_start"
    )).all()  # fmt: skip
    libraries: dict[str, Connected] = {}
    for role, name, since, client in rows:
        library = name.removesuffix("-listen")
        if library not in libraries:
            libraries[library] = Connected(str(role or "?"), since, str(client) if client else "local")
    return list(libraries.values())
