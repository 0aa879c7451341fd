"""The files a library points at (attached documents, fetched originals) kept with its backups.

A backup of the database alone would restore evidence whose documents are gone. Kept files are
named by their sha256 and never change, so the backups share one mirror of them,
`backups/files/<same relative path>`: each backup adds the files its database names that the
mirror lacks, and a restore brings back any the library's folder lacks (or holds changed), each
checked against its name before it is used.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.config import files_dir
from app.errors import ClaimdeskError, StorageError
from app.files import replacing, sha256_of_file

MIRROR = "files"


def mirror_dir(database: Path) -> Path:
    from app.storage.backup import backups_dir

    return backups_dir(database) / MIRROR


def kept_files(database: Path) -> list[str]:
    """The relative paths of every kept file the database at `database` names."""
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT stored_path FROM evidence WHERE stored_path IS NOT NULL"
                " UNION SELECT original_path FROM article WHERE original_path IS NOT NULL"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return []
    return sorted(str(row[0]) for row in rows if _safe(str(row[0])))


def _safe(relative: str) -> bool:
    """A path inside the library's files: no absolute path, no way up and out."""
    path = Path(relative)
    return not path.is_absolute() and ".." not in path.parts and bool(path.parts)


def _whole(path: Path) -> bool:
    """The file exists and its bytes still hash to its name."""
    try:
        return path.is_file() and sha256_of_file(path) == path.name.split(".")[0]
    except OSError:
        return False


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with replacing(target, mode=0o600) as partial:
        shutil.copyfile(source, partial)


def keep_with_backups(database: Path, copy: Path) -> int:
    """Add to the mirror the files the backup `copy` names and the mirror lacks; how many were added."""
    source_root, mirror = files_dir(database), mirror_dir(database)
    added = 0
    for relative in kept_files(copy):
        target = mirror / relative
        if _whole(target) or not _whole(source_root / relative):
            continue  # already kept, or nothing whole to keep (reported when the evidence is opened)
        try:
            _copy(source_root / relative, target)
        except (OSError, ClaimdeskError) as error:
            raise StorageError(f"The database was backed up, but not its attached files: {error}") from None
        added += 1
    return added


def bring_back(database: Path) -> int:
    """After a restore: put back the files the restored database names and the library lacks."""
    root, mirror = files_dir(database), mirror_dir(database)
    brought = 0
    for relative in kept_files(database):
        if _whole(root / relative) or not _whole(mirror / relative):
            continue
        _copy(mirror / relative, root / relative)
        brought += 1
    return brought
