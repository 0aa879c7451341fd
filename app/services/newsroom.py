"""Newsroom mode for the GUI: opening a library on a PostgreSQL server and hearing others' changes.

The storage side is app/storage/server.py; the window reaches it through here (ui never imports
storage, tests/test_layers.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.config import data_dir
from app.errors import ClaimdeskError
from app.storage.database import Database
from app.storage.server import CHANGES_CHANNEL, local_side, open_server_database, parse_url

__all__ = ["connection_name", "listen", "local_folder", "open_newsroom"]


def open_newsroom(url: str) -> Database:
    return open_server_database(url)


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
