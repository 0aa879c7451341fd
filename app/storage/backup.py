"""Copies of the database made with SQLite's online backup API (consistent even while in use).

Backups live in `backups/` beside the database, one self-contained file each, named
`<stem>-<UTC stamp>-<reason>.sqlite3` (the reason is `before-<revision>` for the copy taken before
a migration). Each copy is checked with `PRAGMA integrity_check` before it is renamed into place,
so a file in `backups/` is always a whole, good database.

Rotation (after every new backup): daily copies keep the 7 newest plus the newest of each of 4
older ISO weeks; manual copies keep the 20 newest; copies made before a migration or a restore
keep the 5 newest of each. Nothing else in `backups/` is ever touched. The library's attached
files go to a mirror beside the copies (app/storage/backup_files.py).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.errors import StorageError
from app.files import replacing
from app.storage.backup_files import keep_with_backups
from app.storage.models import utcnow

BACKUPS = "backups"
REASONS = ("daily", "manual", "before-migration", "before-restore")
KEEP = {"daily": 7, "manual": 20, "before-migration": 5, "before-restore": 5}
WEEKLY = 4
DAILY_EVERY = timedelta(hours=24)
_STAMP = "%Y%m%dT%H%M%SZ"


class BackupCheckError(StorageError):
    """The copy was made but failed SQLite's full check: the live database has damage too."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    articles: int | None  # None when the copy cannot be read


def backups_dir(database: Path) -> Path:
    return database.parent / BACKUPS


def is_good_database(path: Path, quick: bool = True) -> bool:
    """A readable SQLite file that passes SQLite's own check and has Claimdesk's tables."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        check = "quick_check" if quick else "integrity_check"
        if connection.execute(f"PRAGMA {check}").fetchall() != [("ok",)]:
            return False
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return {"alembic_version", "article"} <= tables
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def backup_to(source: Path, target: Path) -> Path:
    """Copy a live database to `target` page by page, verified, then renamed into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StorageError(f"Cannot create the backup folder {target.parent}: {error.strerror}") from None
    with replacing(target, mode=0o600) as partial:
        try:
            src, dst = sqlite3.connect(source), sqlite3.connect(partial)
            try:
                src.backup(dst)
                # One self-contained file: no -wal beside a copy that may be moved around.
                dst.execute("PRAGMA journal_mode=DELETE")
                verdict = dst.execute("PRAGMA integrity_check").fetchall()
            finally:
                dst.close()
                src.close()
        except sqlite3.Error as error:
            raise StorageError(
                f"Could not back up {source} ({error}): is the disk full or read-only? No backup was kept"
            ) from None
        if verdict != [("ok",)]:
            raise BackupCheckError(
                f"The backup of {source} failed its integrity check, so the library has damage; "
                "the copy was not kept"
            )
    return target


def make_backup(database: Path, reason: str, revision: str = "") -> Path:
    """A new backup for `reason` (see REASONS), then rotation of the old ones."""
    if reason not in REASONS:
        raise ValueError(reason)
    folder = backups_dir(database)
    token = f"before-{revision}" if reason == "before-migration" else reason
    name = f"{database.stem}-{utcnow().strftime(_STAMP)}-{token}"
    target = folder / f"{name}.sqlite3"
    counter = 1
    while target.exists():  # two backups within one second
        counter += 1
        target = folder / f"{name}-{counter}.sqlite3"
    backup_to(database, target)
    rotate(database)
    keep_with_backups(database, target)
    return target


def backup_before_migration(database: Path, revision: str) -> Path:
    """Keep the database as it was before a schema upgrade."""
    return make_backup(database, "before-migration", revision)


def _pattern(database: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(database.stem)}-(?P<stamp>\d{{8}}T\d{{6}}Z)-"
        r"(?P<reason>daily|manual|before-restore|before-\w+)(?:-(?P<counter>\d+))?\.sqlite3$"
    )


def _parsed(database: Path) -> list[tuple[Path, datetime, str]]:
    """This database's backups, newest first: by the time in the name, then, within one second,
    by the counter a second copy of one reason gets (`-2`, ... `-10`; none is the first), then by
    when the file was written (a daily and a manual copy made in the same second)."""
    folder = backups_dir(database)
    if not folder.is_dir():
        return []
    pattern = _pattern(database)
    found = []
    for path in folder.iterdir():
        if match := pattern.match(path.name):
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            reason = match["reason"]
            if reason.startswith("before-") and reason != "before-restore":
                reason = "before-migration"
            found.append((path, taken, reason, (int(match["counter"] or 1), _written(path))))
    found.sort(key=lambda item: (item[1], item[3]), reverse=True)
    return [(path, taken, reason) for path, taken, reason, _order in found]


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup of `database`, newest first, with its size and article count."""
    return [
        BackupInfo(path, taken, reason, path.stat().st_size, _article_count(path))
        for path, taken, reason in _parsed(database)
    ]


def _article_count(path: Path) -> int | None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(connection.execute("SELECT count(*) FROM article").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def move_backups_aside(database: Path, label: str) -> Path | None:
    """Move every backup of `database` into `backups/<label>/`, out of the rotation's reach."""
    found = _parsed(database)
    if not found:
        return None
    folder = backups_dir(database) / label
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for path, _taken, _reason in found:
        path.rename(folder / path.name)
    return folder


def newest_good_backup(database: Path) -> Path | None:
    for path, _taken, _reason in _parsed(database):
        if is_good_database(path):
            return path
    return None


def rotate(database: Path) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns them."""
    doomed: list[Path] = []
    by_reason: dict[str, list[tuple[Path, datetime]]] = {reason: [] for reason in REASONS}
    for path, taken, reason in _parsed(database):
        by_reason[reason].append((path, taken))
    for reason, items in by_reason.items():
        keep = items[: KEEP[reason]]
        rest = items[KEEP[reason] :]
        if reason == "daily":
            weeks: set[tuple[int, int]] = set()
            for path, taken in rest:  # newest first: the first seen of each week is kept
                week = taken.isocalendar()[:2]
                if week not in weeks and len(weeks) < WEEKLY:
                    weeks.add(week)
                    keep.append((path, taken))
        kept = {path for path, _ in keep}
        doomed.extend(path for path, _ in items if path not in kept)
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def daily_backup_due(database: Path, now: datetime | None = None) -> bool:
    """True when the database has data and its newest backup of any kind is 24 h old or more."""
    if not database.exists() or database.stat().st_size == 0 or not _has_articles(database):
        return False
    backups = _parsed(database)
    if not backups:
        return True
    return (now or utcnow()) - backups[0][1] >= DAILY_EVERY


def _has_articles(database: Path) -> bool:
    return bool(_article_count(database))


def daily_backup(database: Path) -> Path | None:
    """The day's backup when it is due (None when not); a failure raises, so it is never silent."""
    if not daily_backup_due(database):
        return None
    return make_backup(database, "daily")
