"""Is the database whole? And if not, put it aside without losing a byte of it.

`quick_check` runs at every open (GUI and CLI): it reads every page but skips the slow index
cross-checks, so a damaged file is found before anything writes to it. The full check runs once a
day on the daily backup's copy (app/storage/backup.py), which has the same pages; damage it finds
only in indexes is repaired by rebuilding them (`repair_indexes`), which loses no row.
A damaged file is renamed (with its -wal and -shm, which belong to it) to
`<name>.damaged-<UTC stamp>`; it is never deleted or overwritten, so a specialist can still try to
recover it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.errors import StorageError
from app.storage.models import utcnow

SIDE_FILES = ("-wal", "-shm")
_DAMAGE = ("not a database", "malformed", "corrupt", "disk image")
_INDEX_ONLY = ("missing from index", "wrong # of entries in index")


class DamagedDatabaseError(StorageError):
    """The file is SQLite's but fails its check or cannot be read as a database."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"The database {path} is damaged ({detail})")
        self.path = path


def quick_check(path: Path) -> None:
    """Raise DamagedDatabaseError if SQLite finds damage; other trouble is left to the caller."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error:
        return  # cannot open at all (permissions, folder): reported when the engine tries
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if any(word in str(error).lower() for word in _DAMAGE):
            raise DamagedDatabaseError(path, str(error)) from None
        return
    finally:
        connection.close()
    if rows != [("ok",)]:
        raise DamagedDatabaseError(path, f"{len(rows)} problems found by SQLite's check")


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; returns its new name."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    try:
        for suffix in SIDE_FILES:
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.rename(side, f"{aside}{suffix}")
        os.rename(path, aside)
    except OSError as error:
        raise StorageError(f"Could not move the damaged database {path} aside: {error.strerror}") from None
    return aside


def full_check(path: Path) -> list[str]:
    """Every problem SQLite's full `integrity_check` finds (index contents too); [] when whole.

    Not a read-only connection: on one, SQLite skips the CHECK constraints.
    """
    try:
        connection = sqlite3.connect(path, timeout=5)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [str(error)]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def repair_indexes(path: Path) -> bool:
    """Rebuild the indexes when they are the only damage (every row is whole); True if whole now."""
    problems = full_check(path)
    if not problems:
        return True
    if not all(any(sign in problem for sign in _INDEX_ONLY) for problem in problems):
        return False
    try:
        connection = sqlite3.connect(path, timeout=5)
        try:
            connection.execute("REINDEX")
            connection.commit()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return not full_check(path)
