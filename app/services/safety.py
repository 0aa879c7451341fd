"""Keeping the library safe: open with a check, back up, list backups, restore.

Both faces call these. A damaged database is set aside here (never deleted), and the error that
comes back names the newest good backup so the user can be offered it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from app.config import ATTACHMENTS, ORIGINALS, files_dir
from app.errors import ClaimdeskError, StorageError
from app.files import remove_leftovers, replacing
from app.storage import backup, backup_files, integrity, library_lock
from app.storage.backup import BackupInfo
from app.storage.database import Database, NotADatabaseError, open_database
from app.storage.integrity import SIDE_FILES, DamagedDatabaseError, set_aside
from app.storage.migrate import check_known


class DatabaseSetAsideError(StorageError):
    """The database was damaged and has been moved aside; `backup` is the newest good copy."""

    def __init__(self, path: Path, aside: Path, newest: Path | None) -> None:
        offer = (
            f"the newest good backup is {newest}"
            if newest
            else "there is no good backup; a new, empty library will be started"
        )
        super().__init__(f"The database {path} was damaged and has been moved to {aside}; {offer}")
        self.path, self.aside, self.backup = path, aside, newest


def open_checked(path: Path) -> Database:
    """Open the database after SQLite's quick check; a damaged one is set aside and reported.

    A library set aside stays remembered (`<name>.set-aside` beside it) until the user decides:
    while it is, and a good backup exists, every start reports it again instead of opening a new
    empty library in its place. An empty (0-byte) file with good backups counts as damaged: it
    is what a failed write or a copy tool leaves, never a library anyone made.
    """
    newest = backup.newest_good_backup(path) if _looks_emptied(path) else None
    if newest is not None and path.exists():
        aside = set_aside(path)
        _remember(path, aside)
        raise DatabaseSetAsideError(path, aside, newest)
    pending = _remembered(path)
    if pending is not None and _looks_emptied(path):
        newest = backup.newest_good_backup(path)
        if newest is not None:
            raise DatabaseSetAsideError(path, pending, newest)
    try:
        db = open_database(path)
    except NotADatabaseError:
        if backup.newest_good_backup(path) is None:
            raise  # not a library we know: left untouched
        aside = set_aside(path)  # the library's own file, its first page gone: damaged
        _remember(path, aside)
        raise DatabaseSetAsideError(path, aside, backup.newest_good_backup(path)) from None
    except DamagedDatabaseError:
        aside = set_aside(path)
        _remember(path, aside)
        raise DatabaseSetAsideError(path, aside, backup.newest_good_backup(path)) from None
    _remove_leftovers(path)
    return db


def _remove_leftovers(path: Path) -> None:
    """Temporary files of writes a crash interrupted: beside the library, in its files and backups."""
    remove_leftovers(path.parent)
    for folder in (files_dir(path) / ATTACHMENTS, files_dir(path) / ORIGINALS, backup.backups_dir(path)):
        remove_leftovers(folder, below=True)


def daily_backup(path: Path) -> str | None:
    """The day's backup, when due; a warning to show when it could not be made (never silent).

    The copy gets SQLite's full check, so this is also the library's daily full check: a copy
    that fails it means the library has damage the start-up quick check cannot see. Damage only
    in indexes is repaired by rebuilding them, and the backup is tried again; anything else is
    reported with the newest good backup to restore.
    """
    try:
        backup.daily_backup(path)
        return None
    except backup.BackupCheckError:
        if integrity.repair_indexes(path):
            try:
                backup.daily_backup(path)
                return None
            except ClaimdeskError as error:
                return _backup_warning(path, error)
        problems = integrity.full_check(path)
        return _backup_warning(
            path, StorageError(f"the library has damage SQLite found in a full check ({problems[0]})")
        )
    except ClaimdeskError as error:
        return _backup_warning(path, error)


def _backup_warning(path: Path, error: ClaimdeskError) -> str:
    newest = backup.newest_good_backup(path)
    last = f"the newest good backup is {newest.name}" if newest else "there is no good backup yet"
    return f"Today's backup of the library could not be made: {error}. Your work is still saved; {last}."


def start_empty(path: Path) -> Path | None:
    """The user chose a new, empty library over a set-aside one: forget it, and move the old
    library's backups into their own folder (returned) so the new library's rotation never deletes
    them."""
    pending = _remembered(path)
    _marker(path).unlink(missing_ok=True)
    if pending is None:
        return None
    return backup.move_backups_aside(path, pending.name)


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".set-aside")


def _remember(path: Path, aside: Path) -> None:
    with contextlib.suppress(OSError):  # the error that follows still names the set-aside file
        _marker(path).write_text(aside.name + "\n", encoding="utf-8")


def _remembered(path: Path) -> Path | None:
    """The set-aside library still waiting for a decision, if its file is still there."""
    try:
        name = _marker(path).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    aside = path.with_name(name)
    return aside if name and aside.exists() else None


def _looks_emptied(path: Path) -> bool:
    """No library file, or one of 0 bytes: what a start after a set-aside or a failed write sees."""
    return not path.exists() or path.stat().st_size == 0


def back_up(path: Path) -> Path:
    """A manual backup of the database at `path`."""
    if not path.exists():
        raise ClaimdeskError(f"There is no database at {path} to back up")
    return backup.make_backup(path, "manual")


def list_backups(path: Path) -> list[BackupInfo]:
    return backup.list_backups(path)


def backups_folder(path: Path) -> Path:
    return backup.backups_dir(path)


def restore(path: Path, source: Path, *, window_may_hold_it: bool = False) -> Path | None:
    """Replace the database with the backup `source`, keeping the current one.

    Copy, verify, then swap: the backup is copied beside the database and read back whole first;
    only then is the current database backed up (reason before-restore) or, if it cannot be read,
    moved aside (a rename, which needs no space), and the copy renamed over it in one step. On a
    full disk the copy fails first and nothing is touched. Nobody may have the database open
    meanwhile: a window holding the library's lock refuses the restore, unless the caller is that
    window (`window_may_hold_it`), which closes the database first. Returns the kept copy.
    """
    source = Path(source).expanduser()
    if not source.is_file() or not backup.is_good_database(source, quick=False):
        raise ClaimdeskError(f"{source} is not a good Claimdesk database; nothing was changed")
    check_known(_revision_of(source), source)
    other = None if window_may_hold_it else library_lock.holder(path)
    if other is not None:
        raise ClaimdeskError(
            f"{path} is open in Claimdesk (process {other}); close that window first, or restore from"
            " its File > Backups; nothing was changed"
        )
    kept: Path | None = None
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with replacing(path, mode=0o600) as partial:
        try:
            src, dst = sqlite3.connect(f"file:{source}?mode=ro", uri=True), sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        except sqlite3.Error as error:
            raise StorageError(f"Could not copy {source}: {error}; nothing was changed") from None
        if not backup.is_good_database(partial, quick=False):
            raise StorageError(f"The copy of {source} did not read back whole; nothing was changed")
        if path.exists() and path.stat().st_size > 0:
            _checkpoint(path)
            try:
                kept = backup.make_backup(path, "before-restore")
            except ClaimdeskError:
                kept = set_aside(path)  # unreadable, or no room for a copy: kept whole under a new name
        # A WAL left from the old file must never be replayed into the new one.
        for suffix in SIDE_FILES:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    _marker(path).unlink(missing_ok=True)  # the decision is made: the set-aside library is not waited on
    backup_files.bring_back(path)
    return kept


def _revision_of(database: Path) -> str | None:
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file so the safety copy and the replaced file agree."""
    try:
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    except sqlite3.Error:
        pass  # damaged or unreadable: it is set aside instead of copied


__all__ = [
    "DatabaseSetAsideError",
    "back_up",
    "backups_folder",
    "list_backups",
    "open_checked",
    "restore",
    "start_empty",
]
