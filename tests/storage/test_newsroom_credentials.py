"""A newsroom password lives in the password file libpq reads, at 0600, never in the address kept."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app.errors import StorageError
from app.storage.newsroom_setup import add_editor
from app.storage.server import open_server_database, parse_url
from app.storage.server_credentials import address_to_keep, remember_password
from tests.postgres_server import PASSWORD_ROLE, PostgresServer


def test_the_password_is_kept_private_and_read_from_the_password_file(
    postgres_server: PostgresServer, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_editor(postgres_url, PASSWORD_ROLE)
    postgres_server.execute(f"ALTER ROLE {PASSWORD_ROLE} PASSWORD 'tide:table\\42'")  # ':' and '\\' escaped
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    url = make_url(postgres_url).set(username=PASSWORD_ROLE)
    with pytest.raises(StorageError, match="password"):  # nothing kept yet: the server refuses
        open_server_database(url.render_as_string(hide_password=False), tmp_path / "side").close()

    path = remember_password(url.set(password="wrong"), "wrong")
    path = remember_password(url, "tide:table\\42")  # replaces the line for the same server and role
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(path.read_text().splitlines()) == 1
    kept = address_to_keep(url.set(password="tide:table\\42"))
    assert "tide" not in kept and PASSWORD_ROLE in kept
    path.chmod(0o644)  # loosened by someone: libpq would ignore it; Claimdesk takes the rights back
    open_server_database(kept, tmp_path / "side").close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_verify_full_reaches_the_driver_and_the_driver_is_always_psycopg_3() -> None:
    url = parse_url("postgresql://ana@news.example/desk?sslmode=verify-full&sslrootcert=/etc/desk-ca.pem")
    assert url.drivername == "postgresql+psycopg"
    _args, options = create_engine(url).dialect.create_connect_args(url)
    assert (options["sslmode"], options["sslrootcert"]) == ("verify-full", "/etc/desk-ca.pem")
    with pytest.raises(StorageError, match="PostgreSQL"):
        parse_url("sqlite:///claimdesk.sqlite3")
    with pytest.raises(StorageError, match="Name the newsroom database"):
        parse_url("postgresql://ana@news.example")
