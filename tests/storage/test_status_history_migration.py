"""Migration 0008: a status history row cannot be deleted while its claim exists; it goes with it.

The history is the record of how a verdict was reached: 0001 refused UPDATE, this refuses DELETE.
Deleting a claim or an article (emptying the trash) still takes the history along.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, func, select, text
from sqlalchemy.exc import IntegrityError

from app.services import articles, claims, library
from app.storage.database import Database, open_database
from app.storage.migrate import MIGRATIONS
from app.storage.models import Claim, StatusChange
from tests.helpers import alembic_config

REVISION = "0008_status_history_no_delete"


def _triggers(raw: sqlite3.Connection) -> set[str]:
    rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'status_change'")
    return {row[0] for row in rows}


def _history_rows(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count = int(connection.execute("SELECT count(*) FROM status_change").fetchone()[0])
    connection.close()
    return count


def _judged(db: Database, article_file: Path) -> tuple[int, int]:
    """An imported article with one claim whose status was set twice: (article id, claim id)."""
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    claim_id = article.claims[0].id
    claims.set_status(db, claim_id, "in_progress")
    claims.set_status(db, claim_id, "false", reason="The port log says otherwise.")
    return article.id, claim_id


def test_a_direct_delete_is_refused(db: Database, db_path: Path, article_file: Path) -> None:
    _, claim_id = _judged(db, article_file)
    with pytest.raises(IntegrityError, match="append-only"), db.session() as session:
        session.execute(delete(StatusChange).where(StatusChange.claim_id == claim_id))
    with pytest.raises(IntegrityError, match="append-only"), db.session() as session:
        session.delete(session.scalars(select(StatusChange)).first())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), sqlite3.connect(db_path) as raw:
        raw.execute("DELETE FROM status_change")  # another program, past the app
    raw.close()
    assert [h.new_status for h in claims.load_claim(db, claim_id).history] == ["in_progress", "false"]


def test_emptying_the_trash_takes_the_history_along(db: Database, db_path: Path, article_file: Path) -> None:
    article_id, _ = _judged(db, article_file)
    assert _history_rows(db_path) == 2
    library.move_to_trash(db, [article_id])
    assert library.empty_trash(db) == 1
    assert _history_rows(db_path) == 0


def test_a_removed_manual_claim_takes_its_history_along(db: Database, article_file: Path) -> None:
    article_id, _ = _judged(db, article_file)
    added = claims.add_manual_claim(db, article_id, 0, 8)
    claims.set_status(db, added.id, "in_progress")
    assert claims.remove_manual_claim(db, added.id) == article_id
    with db.session() as session:
        assert session.scalar(select(func.count()).where(StatusChange.claim_id == added.id)) == 0
        # deleting a claim whose history is loaded: the database, not the ORM, removes the steps
        claim = session.scalars(select(Claim).where(Claim.status == "false")).one()
        assert len(claim.history) == 2
        session.delete(claim)
    with db.session() as session:
        assert session.scalar(select(func.count(StatusChange.id))) == 0


def _library_at_0007(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0007_source_confidence")
        connection.execute(
            text(
                "INSERT INTO article (id, title, format, text, sha256, imported_at) VALUES "
                "(1, 'Harbour', 'text', 'The survey found 14 shells.', 'a1', '2025-01-01 09:00:00')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claim (id, uid, article_id, start, "end", exact, prefix, suffix, kind, origin,'
                " cues, hedges, figures, reasons, score, status, anchored, created_at, updated_at)"
                " VALUES (1, 'u1', 1, 0, 27, 'The survey found 14 shells.', '', '', 'claim', 'detected',"
                " '[]', '[]', '[]', '[]', 0.9, 'false', 1, '2025-01-01 09:00:00', '2025-01-01 09:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO status_change (claim_id, old_status, new_status, reason, author, at) VALUES"
                " (1, 'unreviewed', 'false', 'Port log', 'Ana', '2025-01-02 10:00:00')"
            )
        )
    engine.dispose()


def test_an_older_library_is_upgraded_and_keeps_its_history(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _library_at_0007(path)
    with sqlite3.connect(path) as raw:  # before: nothing stopped a delete
        raw.execute("DELETE FROM status_change WHERE 0")
        assert _triggers(raw) == {"status_change_append_only"}
    raw.close()
    db = open_database(path)
    (claim,) = articles.load_article(db, 1).claims
    assert [(h.new_status, h.reason) for h in claim.history] == [("false", "Port log")]
    with pytest.raises(IntegrityError, match="append-only"), db.session() as session:
        session.execute(delete(StatusChange))
    library.move_to_trash(db, [1])
    assert library.empty_trash(db) == 1
    db.close()
    assert _history_rows(path) == 0


def test_downgrade_drops_only_the_trigger(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _library_at_0007(path)
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007_source_confidence")
        connection.execute(text("DELETE FROM status_change"))
        assert connection.execute(text("SELECT count(*) FROM claim")).scalar() == 1
    engine.dispose()


FUTURE = '''
"""A later migration that rebuilds the claim table (as batch mode does to alter a column)."""

import sqlalchemy as sa
from alembic import op

revision = "9999_rebuild_claim"
down_revision = "{head}"


def upgrade() -> None:
    with op.batch_alter_table("claim", recreate="always") as batch:
        batch.add_column(sa.Column("later", sa.Integer(), nullable=True))
'''


def test_a_later_migration_can_still_rebuild_the_claim_table(tmp_path: Path) -> None:
    """The trigger reads `claim`; SQLite's modern rename would refuse batch mode's rebuild of it."""
    from app.storage.migrate import head_revision

    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_rebuild_claim.py").write_text(FUTURE.format(head=head_revision()))
    path = tmp_path / "library.sqlite3"
    db = open_database(path)
    _judged(db, _article(tmp_path))
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # as app.storage.database migrates
        connection.commit()
        with connection.begin():
            config = alembic_config(connection)
            config.set_main_option("script_location", str(scripts))
            command.upgrade(config, "9999_rebuild_claim")
        with pytest.raises(IntegrityError, match="append-only"), connection.begin():
            connection.execute(text("DELETE FROM status_change"))
        assert connection.exec_driver_sql("PRAGMA legacy_alter_table").scalar() == 0
    engine.dispose()
    assert _history_rows(path) == 2


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text("Harbour\n\nThe port authority said the survey found 14 shells.\n", encoding="utf-8")
    return path


def test_a_new_library_gets_both_triggers(db: Database, db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        assert {"status_change_append_only", "status_change_no_delete"} <= _triggers(raw)
    raw.close()
    assert (MIGRATIONS / "versions" / f"{REVISION}.py").is_file()
