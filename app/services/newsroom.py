"""Newsroom mode for the GUI: opening a library on a PostgreSQL server and hearing others' changes.

The storage side is app/storage/server.py; the window reaches it through here (ui never imports
storage, tests/test_layers.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import preferences
from app.config import DB_FILENAME, data_dir
from app.errors import ClaimdeskError, StorageError
from app.storage import server_credentials
from app.storage.database import Database
from app.storage.newsroom_status import ServerStatus, read_status
from app.storage.server import CHANGES_CHANNEL, local_side, open_server_database, parse_url, shown
from app.storage.server_address import SSL_MODES, ServerAddress

__all__ = [
    "SSL_MODES",
    "ServerAddress",
    "ServerStatus",
    "check_connection",
    "connection_name",
    "has_password",
    "library_name",
    "listen",
    "local_folder",
    "open_newsroom",
    "password_file_name",
    "remember_password",
]  # fmt: skip


def open_newsroom(url: str) -> Database:
    """The newsroom library; when it can't be opened and Preferences chose it, the error says how
    to reach the library on this computer meanwhile."""
    try:
        return open_server_database(url)
    except ClaimdeskError as error:
        if url != preferences.newsroom_url():
            raise
        said = str(error).rstrip(".")
        raise StorageError(
            f"{said}. Preferences > Library chose this newsroom library; to open the library on this "
            f"computer instead, start Claimdesk with: claimdesk --db {data_dir() / DB_FILENAME}"
        ) from error


def local_folder(url: str) -> Path:
    """Where this computer keeps a newsroom library's own side (drafts, the one-window lock)."""
    try:
        return local_side(parse_url(url), data_dir())
    except ClaimdeskError:
        return data_dir() / "newsroom" / "unreadable-address.sqlite3"  # opening it says why


def connection_name(db: Database) -> str:
    """The application_name of a newsroom library's connections: what its NOTIFYs carry (0011)."""
    return str(db.engine.url.query.get("application_name", ""))


def listen(db: Database) -> Any:
    """A psycopg connection of its own, outside the pool, LISTENing for changes (autocommit)."""
    import psycopg

    args, kwargs = db.engine.dialect.create_connect_args(db.engine.url)
    kwargs["application_name"] = f"{connection_name(db)}-listen"
    connection = psycopg.connect(*args, autocommit=True, **kwargs)
    connection.execute(f"LISTEN {CHANGES_CHANNEL}")
    return connection


def check_connection(address: str, password: str | None = None) -> ServerStatus:
    """Connect once, only now (offline is a promise), with `password` if given, else ~/.pgpass."""
    return read_status(address, password or None)


def remember_password(address: str, password: str) -> Path:
    """Keep the password in ~/.pgpass (0600) for this server, database and role; never in settings."""
    return server_credentials.remember_password(parse_url(address), password)


def password_file_name() -> str:
    """The password file as the user may be told of it (~ for the home folder)."""
    path, home = server_credentials.password_file(), Path.home()
    return f"~/{path.relative_to(home).as_posix()}" if path.is_relative_to(home) else str(path)


def has_password(address: str) -> bool:
    try:
        return server_credentials.has_password(parse_url(address))
    except ClaimdeskError:
        return False


def library_name(db: Database) -> str:
    """What library a window has open, as the user may be shown it: a file, or a server's address."""
    return shown(db.engine.url.difference_update_query(["application_name"])) if db.shared else str(db.path)
