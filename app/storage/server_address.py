"""A newsroom server's address as Preferences shows it: host, port, database, role and TLS check.

Kept in settings as a URL without a password (the password lives in ~/.pgpass, see
server_credentials.py). A host starting with "/" is the folder of the server's Unix socket, which
libpq takes as `?host=`; `sslmode=verify-full` with `sslrootcert` checks the server's certificate
against the newsroom's own CA file.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL

from app.errors import StorageError
from app.storage.server import parse_url
from app.storage.server_credentials import DEFAULT_PORT, address_to_keep

SSL_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_SSL_MODE = "prefer"  # libpq's own default


@dataclass(frozen=True)
class ServerAddress:
    host: str = ""  # empty: this computer's default socket
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""  # empty: the login name
    sslmode: str = DEFAULT_SSL_MODE
    ca_file: str = ""  # verify-full only: the CA that signed the server's certificate

    @property
    def on_socket(self) -> bool:
        return not self.host or self.host.startswith("/")

    def url(self) -> URL:
        """The address as a URL (never with a password); refused when the database is not named."""
        if not self.database.strip():
            raise StorageError("Name the newsroom database")
        if self.sslmode not in SSL_MODES:
            raise StorageError(f"Unknown sslmode {self.sslmode!r}: one of {', '.join(SSL_MODES)}")
        query: dict[str, str] = {}
        host = self.host.strip()
        if host.startswith("/"):
            query.update(host=host, port=str(self.port))
        if self.sslmode != DEFAULT_SSL_MODE:
            query["sslmode"] = self.sslmode
        if self.sslmode == "verify-full" and self.ca_file.strip():
            query["sslrootcert"] = self.ca_file.strip()
        return URL.create(
            "postgresql+psycopg",
            username=self.user.strip() or None,
            host=None if self.on_socket else host,
            port=None if self.on_socket else self.port,
            database=self.database.strip(),
            query=query,
        )

    def text(self) -> str:
        """The URL as settings keep it."""
        return address_to_keep(self.url())

    @classmethod
    def from_text(cls, text: str) -> ServerAddress:
        """The fields of a kept address; an empty one for an address that can't be read."""
        if not text.strip():
            return cls()
        try:
            url = parse_url(text)
        except StorageError:
            return cls()
        host = url.host or _query(url, "host")
        port = url.port or (int(_query(url, "port")) if _query(url, "port").isdigit() else DEFAULT_PORT)
        sslmode = _query(url, "sslmode") or DEFAULT_SSL_MODE
        return cls(
            host=host, port=port, database=url.database or "", user=url.username or "",
            sslmode=sslmode if sslmode in SSL_MODES else DEFAULT_SSL_MODE, ca_file=_query(url, "sslrootcert"),
        )  # fmt: skip


def _query(url: URL, name: str) -> str:
    value = url.query.get(name, "")
    return value if isinstance(value, str) else (value[0] if value else "")
