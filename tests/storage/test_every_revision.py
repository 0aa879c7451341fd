"""A real library at every schema revision opens in this version with every record kept.

The libraries are in tests/fixtures/libraries (made by its make.py): one article of our own with
statuses and their reasons, notes, evidence, tags, a dismissed and a manual claim and a second
version, at each revision the migrations know.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.services import articles
from app.storage.database import open_database
from app.storage.migrate import current_revision, head_revision
from tests.fixtures.libraries.make import HERE, revisions

KEPT = {  # table -> the columns whose values must come through every upgrade unchanged
    "article": ("id", "title", "text", "sha256"),
    "claim": ("id", "article_id", "start", '"end"', "exact", "status", "source", "kind", "origin"),
    "status_change": ("id", "claim_id", "old_status", "new_status", "reason", "author"),
    "note": ("id", "claim_id", "article_id", "body", "author"),
    "evidence": ("id", "claim_id", "kind", "reference", "note", "role", "contact_method"),
    "tag": ("id", "name"),
    "claim_tag": ("claim_id", "tag_id"),
    "article_version": ("article_id", "number", "text", "sha256"),
}


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            table: connection.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1, 2").fetchall()
            for table, cols in KEPT.items()
            if table in tables
        }
    finally:
        connection.close()


def test_there_is_a_library_for_every_revision() -> None:
    assert [p.stem.removeprefix("library-") for p in sorted(HERE.glob("library-*.sqlite3"))] == revisions()


@pytest.mark.parametrize("revision", revisions())
def test_each_revision_upgrades_keeping_every_record(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "claimdesk.sqlite3"
    shutil.copyfile(HERE / f"library-{revision}.sqlite3", path)
    before = _rows(path)
    assert before["article"] and before["claim"] and before["status_change"] and before["note"]
    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
        (article,) = articles.list_articles(db)
        record = articles.load_article(db, article.id)
        assert {c.status for c in record.claims} >= {"verified", "disputed"}
    finally:
        db.close()
    after = _rows(path)
    for table, rows in before.items():
        assert after[table] == rows, f"{table} changed on the way from {revision}"
