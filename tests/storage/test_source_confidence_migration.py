"""Migration 0007: claims gain the engine's confidence in their source; old claims keep theirs unmeasured."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.services.articles import import_text, load_article
from app.storage.database import open_database
from tests.helpers import alembic_config


def _library_at_0006(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0006_article_versions")
        connection.execute(
            text(
                "INSERT INTO article (id, title, format, text, sha256, imported_at) VALUES "
                "(1, 'Harbour', 'text', 'He said the survey found 14 shells.', 'a1', '2025-01-01 09:00:00')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claim (id, uid, article_id, start, "end", exact, prefix, suffix, kind, origin,'
                " source, cues, hedges, figures, reasons, score, status, anchored, created_at, updated_at)"
                " VALUES (1, 'u1', 1, 0, 35, 'He said the survey found 14 shells.', '', '', 'claim',"
                " 'detected', 'He', '[]', '[]', '[]', '[]', 0.9, 'unreviewed', 1, '2025-01-01 09:00:00',"
                " '2025-01-01 09:00:00')"
            )
        )
    engine.dispose()


def test_upgrade_adds_the_column_and_leaves_old_sources_unmeasured(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _library_at_0006(path)
    db = open_database(path)
    (claim,) = load_article(db, 1).claims
    assert claim.source == "He"
    assert claim.source_confidence is None
    assert not claim.source_uncertain, "a source nobody measured is not called uncertain"
    db.close()


def test_downgrade_drops_only_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _library_at_0006(path)
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006_article_versions")
        columns = {c["name"] for c in inspect(connection).get_columns("claim")}
        assert "source_confidence" not in columns
        assert connection.execute(text("SELECT source FROM claim")).scalar() == "He"
    engine.dispose()


def test_a_new_import_stores_the_engines_confidence(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    result = import_text(db, "The port authority said the survey found 14 shells.")
    (claim,) = load_article(db, result.article_id).claims
    assert claim.source == "The port authority"
    assert claim.source_confidence is not None and 0.6 <= claim.source_confidence <= 1.0
    db.close()
