"""Copies of the database made with SQLite's online backup API (consistent even while in use)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.files import replacing
from app.storage.models import utcnow

BACKUPS = "backups"


def backup_to(source: Path, target: Path) -> Path:
    """Copy a live database to `target` page by page; written beside it first, then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with replacing(target, mode=0o600) as partial:
        src, dst = sqlite3.connect(source), sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    return target


def backup_before_migration(database: Path, revision: str) -> Path:
    """Keep the database as it was before a schema upgrade, in `backups/` beside it."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    return backup_to(
        database, database.parent / BACKUPS / f"{database.stem}-{stamp}-before-{revision}.sqlite3"
    )
