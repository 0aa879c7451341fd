"""Opening the database: engine, SQLite pragmas, sessions, and migration to the newest schema.

Durability: WAL with `synchronous=NORMAL`. A transaction whose commit returned is in the WAL file
in the operating system's hands, so it survives the process being killed at any moment (tested
with SIGKILL in tests/storage/test_crash_safety.py); only a power cut or an OS crash can lose the
last few commits, never corrupt the file. FULL would fsync on every commit to cover power loss
too, at several milliseconds per status key press; NORMAL is the right trade for a desktop app.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.config import make_private
from app.errors import ConflictError, StorageError
from app.storage.backup import backup_before_migration
from app.storage.integrity import quick_check
from app.storage.migrate import check_known, current_revision, head_revision, upgrade_to_head

SQLITE_MAGIC = b"SQLite format 3\x00"


class NotADatabaseError(StorageError):
    """The file does not start as an SQLite database: another file, or a library whose first
    page was overwritten (the caller decides which, by whether it has backups)."""
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another program's transaction to end


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Per connection: foreign keys on, WAL (readers never block the writer), wait when busy.

    The driver's own transaction handling is switched off (it would not put DDL in a transaction);
    `_begin` opens every transaction explicitly instead, so migrations are all-or-nothing too.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin(connection: Connection) -> None:
    """Writers take the write lock at BEGIN, where SQLite's busy timeout applies.

    A deferred transaction that reads and then writes cannot wait for another program's writer:
    SQLite answers "busy" at once (its snapshot may be stale). Readers stay deferred, so in WAL
    they never wait for anybody.
    """
    reading = connection.get_execution_options().get("claimdesk_reading", False)
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


class Database:
    """One library: an SQLite file, or a newsroom's PostgreSQL database; sessions from `session()`.

    `path` is the library's file; for a newsroom database (app/storage/server.py) it is where this
    computer keeps that library's local side (attachments, drafts), and `shared` is True.
    """

    def __init__(
        self, path: Path, engine: Engine, explain: Callable[[Exception], str | None] | None = None
    ) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # what to tell the user of a failed unit of work; None: a bug, raised as it is
        self._explain = explain or (
            lambda error: None if isinstance(error, ProgrammingError) else _explain(error, path)
        )
        self.after_commit: list[Callable[[], None]] = []  # told of this program's own writes

    @property
    def shared(self) -> bool:
        """A newsroom library on a server: others write to it at the same time."""
        return self.engine.dialect.name != "sqlite"

    @contextmanager
    def session(self, *, reading: bool = False) -> Iterator[Session]:
        """One unit of work: committed as a whole, or rolled back as a whole.

        A writing session (the default) holds the write lock from its start; `reading=True` for
        one that only reads, which never waits for a writer.
        """
        session = self._sessions()
        if reading:
            session.connection(execution_options={"claimdesk_reading": True})
        try:
            yield session
            session.commit()
            if not reading:
                for tell in self.after_commit:
                    tell()
        except StaleDataError as error:  # a row's version changed between our read and our write
            session.rollback()
            raise ConflictError(
                "Someone else changed this at the same moment (a colleague, or another window); your "
                "change was not saved and theirs stands: look at it, then make yours again"
            ) from error
        except (OperationalError, ProgrammingError) as error:
            session.rollback()
            explained = self._explain(error)
            if explained is None:
                raise  # a bug in our SQL, not something the user can act on
            raise StorageError(explained) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def pragma(self, name: str) -> Any:
        """Read one pragma (for checks and tests)."""
        with self.engine.connect() as connection:
            return connection.execute(text(f"PRAGMA {name}")).scalar()


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at `path`; clear errors, never a traceback."""
    _check_file(path)
    _keep_private(path)
    quick_check(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    try:
        _migrate(engine, path)
    except (DBAPIError, sqlite3.DatabaseError) as error:
        engine.dispose()
        raise StorageError(_explain(error, path)) from error
    return Database(path, engine)


def _migrate(engine: Engine, path: Path) -> None:
    """Upgrade in one transaction, foreign keys off while tables are rebuilt, backup first.

    SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy would cascade
    and delete every note of every claim. So they are off during the upgrade and checked after.
    """
    with engine.connect() as connection:
        with connection.begin():
            revision = current_revision(connection)
        if revision == head_revision():
            return
        check_known(revision, path)
        if revision is not None:
            backup_before_migration(path, revision)
        raw = connection.connection.driver_connection  # PRAGMA foreign_keys works outside a transaction only
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                upgrade_to_head(connection)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StorageError(
                        f"Upgrading {path} would break {len(broken)} links; nothing was changed"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _check_file(path: Path) -> None:
    """Refuse a folder or a file that is not SQLite, before SQLite can touch it."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    if path.exists() and not path.is_file():  # a pipe or a device would hang or fail oddly
        raise StorageError(f"{path} is not a regular file (a pipe or a device?); give a database file")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_MAGIC))
        except OSError as error:
            raise StorageError(f"Cannot read the database {path}: {error.strerror}") from error
        if header != SQLITE_MAGIC:
            raise NotADatabaseError(
                f"{path} is not a Claimdesk database (or it is damaged); it was left untouched"
            )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StorageError(f"Cannot create the data folder {path.parent}: {error.strerror}") from error


def _keep_private(path: Path) -> None:
    """The database and its -wal/-shm are the user's alone (side files get the main file's rights)."""
    if not path.exists():
        try:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError:
            return  # reported with a clear message when the engine tries to open it
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(file, 0o600)


def _explain(error: Exception, path: Path) -> str:
    message = str(getattr(error, "orig", error)).lower()
    if "locked" in message or "busy" in message:
        return f"The database {path} is busy in another program; try again in a moment"
    if "readonly" in message or "read-only" in message:
        return f"The database {path} is read-only; nothing was changed"
    if "disk is full" in message or "disk i/o" in message:
        return f"Could not write to {path}: the disk is full or failing; nothing was changed"
    if "not a database" in message or "malformed" in message:
        return f"{path} is damaged or not a Claimdesk database; it was left untouched"
    if "unable to open" in message:
        return f"Cannot open the database {path}: check the folder exists and is writable"
    return f"Database error in {path}: {getattr(error, 'orig', error)}"
