"""A newsroom password kept where libpq looks for it, never in Claimdesk's settings.

The settings keep the address without its password (`address_to_keep`); the password goes into the
user's password file (PGPASSFILE, else ~/.pgpass), one `host:port:database:role:password` line, the
file readable by the user alone: libpq ignores one that others can read, so it is kept at 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL

from app.config import make_private
from app.errors import StorageError

DEFAULT_PORT = 5432


def password_file() -> Path:
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def address_to_keep(url: URL) -> str:
    """The address as settings may keep it: everything but the password."""
    return url._replace(password=None).render_as_string(hide_password=False)  # set() keeps a None field


def _escaped(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _entry_key(url: URL) -> list[str]:
    host = url.host or str(url.query.get("host") or "localhost")
    port = url.port or url.query.get("port") or DEFAULT_PORT  # a socket's port is in the query
    return [_escaped(host), str(port), _escaped(url.database or "*"), _escaped(url.username or "*")]


def has_password(url: URL) -> bool:
    """Whether the password file has a line for this server, database and role."""
    key = ":".join(_entry_key(url)) + ":"
    try:
        return any(line.startswith(key) for line in password_file().read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False


def remember_password(url: URL, password: str) -> Path:
    """Write (or replace) the line for this server, database and role; the file stays 0600."""
    if "\n" in password:
        raise StorageError("A password cannot contain a line break")
    path = password_file()
    key = ":".join(_entry_key(url)) + ":"
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        kept = [line for line in lines if not line.startswith(key)]
        kept.append(key + _escaped(password))
        partial = path.with_name(f".{path.name}.partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write("\n".join(kept) + "\n")
        os.replace(partial, path)
    except OSError as error:
        raise StorageError(f"Could not keep the password in {path}: {error.strerror}") from error
    keep_password_file_private()
    return path


def keep_password_file_private() -> None:
    """libpq skips a password file that others may read: take their rights away before connecting."""
    make_private(password_file(), 0o600)
