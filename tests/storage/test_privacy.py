"""The user's library is theirs alone: folder 0700, database and side files 0600, even when they existed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import data_dir, database_path
from app.services import articles, evidence
from app.storage.database import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_an_existing_loose_data_folder_is_made_private(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    isolated_home.chmod(0o755)
    assert mode(data_dir()) == 0o700


def test_database_and_side_files_are_the_users_alone(isolated_home: Path, article_file: Path) -> None:
    path = database_path()
    db = open_database(path)
    try:
        result = articles.import_path(db, article_file)
        assert mode(path) == 0o600
        for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert side.exists() and mode(side) == 0o600
    finally:
        db.close()

    path.chmod(0o644)  # loosened by a copy or an old version
    db = open_database(path)
    try:
        assert mode(path) == 0o600
        claim_id = articles.load_article(db, result.article_id).claims[0].id
        document = isolated_home.parent / "doc.pdf"
        document.write_bytes(b"%PDF-1.4 x")
        (data_dir() / "attachments").mkdir(mode=0o755)
        (data_dir() / "attachments").chmod(0o755)
        item = evidence.add_document(db, claim_id, document)
        kept = evidence.kept_copy(db, item)
        assert kept is not None and mode(kept) == 0o600
        assert mode(data_dir() / "attachments") == 0o700
        assert mode(kept.parent) == 0o700
    finally:
        db.close()
