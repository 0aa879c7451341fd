"""The article_version table (migration 0006): no copy of unchanged texts, downgrade, indexes, cascade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from app.services.article_versions import list_versions, version_text
from app.storage.database import Database, open_database
from app.storage.migrate import current_revision, head_revision
from app.storage.models import Article, ArticleVersion, utcnow
from tests.helpers import alembic_config

REVISION = head_revision()  # the newest: an old library is brought all the way up


def _database_at_0005(path: Path) -> None:
    """A library as the release before this one left it: two articles, one fetched from a URL."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0005_last_opened_index")
        connection.execute(
            text(
                "INSERT INTO article (id, title, format, text, sha256, imported_at, captured_at) VALUES "
                "(1, 'Harbour', 'text', 'The survey found 14 shells.', 'a1', '2025-01-01 09:00:00', NULL), "
                "(2, 'Bridge', 'html', 'The bridge cost 40 million.', 'b2', '2025-02-01 09:00:00', "
                "'2025-01-31 18:30:00')"
            )
        )
    engine.dispose()


def test_upgrade_keeps_each_article_as_its_one_version_without_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_0005(path)
    db = open_database(path)
    with db.engine.connect() as connection:
        assert current_revision(connection) == REVISION
    with db.session() as session:
        assert list(session.scalars(select(ArticleVersion))) == [], "a library is not stored twice"
    (harbour,) = list_versions(db, 1)
    (bridge,) = list_versions(db, 2)
    assert (harbour.number, harbour.sha256, harbour.captured_at.isoformat()) == (
        1,
        "a1",
        "2025-01-01T09:00:00+00:00",
    )
    assert bridge.captured_at.isoformat() == "2025-01-31T18:30:00+00:00", (
        "a fetched page: when it was fetched"
    )
    assert version_text(db, 2, 1) == "The bridge cost 40 million."
    db.close()
    (backup,) = (tmp_path / "backups").glob("old-*-before-0005_last_opened_index.sqlite3")
    with sqlite3.connect(backup) as copy:  # the backup taken before is the old schema, untouched
        assert copy.execute("SELECT name FROM sqlite_master WHERE name = 'article_version'").fetchall() == []


def test_downgrade_drops_the_table_and_keeps_the_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_0005(path)
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0005_last_opened_index")
        assert not inspect(connection).has_table("article_version")
        assert connection.execute(text("SELECT count(*) FROM article")).scalar() == 2
        command.upgrade(alembic_config(connection), "head")  # and up again
        assert inspect(connection).has_table("article_version")
    engine.dispose()


def test_lookups_by_article_use_the_unique_index(db: Database) -> None:
    """The unique (article_id, number) index serves "the versions of article N" and the cascade."""
    with db.engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT number FROM article_version WHERE article_id = 1"
        ).fetchall()
    assert any("USING COVERING INDEX" in row[-1] or "USING INDEX" in row[-1] for row in plan), plan


def test_versions_go_with_their_article_and_numbers_are_unique(db: Database) -> None:
    with db.session() as session:
        article = Article(title="T", format="text", text="one", sha256="s1")
        article.versions = [
            ArticleVersion(number=1, text="one", sha256="s1", title="T", captured_at=utcnow())
        ]
        session.add(article)
    with pytest.raises(IntegrityError, match="UNIQUE"), db.session() as session:
        session.add(ArticleVersion(article_id=1, number=1, text="two", sha256="s2", title="T"))
    with db.session() as session:
        session.delete(session.get(Article, 1))
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM article_version").scalar() == 0
