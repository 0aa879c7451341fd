"""A throwaway PostgreSQL server for the newsroom tests: one cluster per test session.

initdb in a temporary folder, listening on a Unix socket only (no TCP port to collide with or to be
reached from outside), stopped and deleted at the end. PostgreSQL refuses to run as root, so under
root (CI) the cluster belongs to the `postgres` system user that Debian's package creates.
Durability is switched off (fsync, full pages): a crash loses nothing a test needs.

Each test gets a database of its own, copied from a template migrated once per session (a copy
takes a few milliseconds; migrating takes most of a second). Without PostgreSQL the fixtures skip,
which CI turns into a failure (tests/conftest.py): the newsroom tests cannot silently not run.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import psycopg

    from app.storage.database import Database

SUPERUSER = "claimdesk_admin"  # owns the schema and runs the migrations, as a newsroom's admin would
TEMPLATE = "claimdesk_template"
PASSWORD_ROLE = "pw_editor"  # the one role that must log in with a password (scram-sha-256); others: trust
_SEARCHED = ("/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt/postgresql")
_numbers = itertools.count(1)


def find_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps one per major version)."""
    if explicit := os.environ.get("CLAIMDESK_PG_BIN"):
        return Path(explicit)
    candidates = [p.parent for root in _SEARCHED for p in Path(root).glob("*/bin/initdb")]
    candidates += [p.parent for root in _SEARCHED for p in Path(root).glob("bin/initdb")]
    if on_path := shutil.which("initdb"):
        candidates.append(Path(on_path).parent)
    return max(candidates, key=_version_key, default=None)


def _version_key(path: Path) -> tuple[int, ...]:
    name = path.parent.name
    return (int(name),) if name.isdigit() else (0,)


@dataclass
class PostgresServer:
    """A running cluster: connect through `url(database, user)`."""

    socket_dir: Path
    port: int

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@/{database}?host={self.socket_dir}&port={self.port}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A psycopg connection as the superuser, autocommit (CREATE DATABASE needs it)."""
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        )

    def create_database(self, template: str | None = None) -> str:
        name = f"test_{os.getpid()}_{next(_numbers)}"
        with self.admin() as connection:
            suffix = f" TEMPLATE {template}" if template else ""
            connection.execute(f'CREATE DATABASE "{name}"{suffix}')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def execute(self, sql: str, database: str = "postgres") -> None:
        with self.admin(database) as connection:
            connection.execute(sql)


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL will not run as root: hand the command to the `postgres` system user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _run(command: list[str]) -> None:
    subprocess.run(_as_owner(command), check=True, capture_output=True, text=True, timeout=120)


def start_server() -> Iterator[PostgresServer]:
    """initdb, start, yield, stop and delete; skips when PostgreSQL or psycopg is missing."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    bindir = find_bin()
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="claimdesk-pg-"))
    data, socket_dir = folder / "data", folder / "socket"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        try:
            shutil.chown(folder, user="postgres")
            shutil.chown(socket_dir, user="postgres")
        except LookupError:
            shutil.rmtree(folder)
            pytest.skip("running as root and there is no `postgres` system user to run the server")
    os.chmod(folder, 0o755)  # the test process (root or the same user) reaches the socket
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{socket_dir}' -c fsync=off "
        "-c full_page_writes=off -c synchronous_commit=off -c max_connections=60"
    )
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync", "--no-instructions"])  # fmt: skip
        hba = data / "pg_hba.conf"  # first match wins: the password role's line before the trust lines
        hba.write_text(f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text())  # owner kept
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o", options,
              "start"])  # fmt: skip
    except subprocess.CalledProcessError as error:
        log = folder / "server.log"
        detail = log.read_text() if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {error.stderr}{detail}") from error
    try:
        yield PostgresServer(socket_dir, 5432)
    finally:
        subprocess.run(
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True, timeout=60, check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway cluster for the whole session, started on first use."""
    yield from start_server()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A database migrated to the newest schema and set up for editors, copied for each test."""
    from app.storage.newsroom_setup import prepare_newsroom

    postgres_server.execute(f'CREATE DATABASE "{TEMPLATE}"')
    prepare_newsroom(postgres_server.url(TEMPLATE))
    return TEMPLATE


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, postgres_template: str) -> Iterator[str]:
    """A fresh migrated database of this test's own, as its owner (the newsroom's admin)."""
    name = postgres_server.create_database(template=postgres_template)
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def both_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated library on each backend in turn: a local SQLite file, then a newsroom database.

    A test module runs its tests on both by overriding `db` with this (see tests/storage/
    test_search_index.py); on PostgreSQL the library is opened as the schema's owner.
    """
    from app.storage.database import open_database
    from app.storage.server import open_server_database

    if request.param == "sqlite":
        database = open_database(tmp_path / "test.sqlite3")
        try:
            yield database
        finally:
            database.close()
        return
    url = request.getfixturevalue("postgres_url")
    database = open_server_database(url, tmp_path / "newsroom-side")
    try:
        yield database
    finally:
        database.close()


def another_window(db: Database) -> Database:
    """A second connection to the same library, as another window or a colleague would have."""
    from app.storage.database import open_database
    from app.storage.server import open_server_database

    if not db.shared:
        return open_database(db.path)
    return open_server_database(db.engine.url.render_as_string(hide_password=False), db.path.parent)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "local_library_only(why): in a module run on both backends (both_db), this test is for a local "
        "SQLite library only; on PostgreSQL it is not collected",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out (not skip: CI fails skips) the PostgreSQL run of tests marked local_library_only."""
    dropped = [
        item
        for item in items
        if item.get_closest_marker("local_library_only")
        and getattr(getattr(item, "callspec", None), "params", {}).get("both_db") == "postgresql"
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]
