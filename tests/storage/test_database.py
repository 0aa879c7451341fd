"""The database file: pragmas, migrations, constraints, round trips, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.errors import StorageError
from app.storage.database import Database, open_database
from app.storage.migrate import current_revision, head_revision
from app.storage.models import Article, Claim, Note, StatusChange, utcnow


def _article(**overrides: object) -> Article:
    values: dict[str, object] = {
        "title": "T",
        "format": "text",
        "text": "Alpha said so.",
        "sha256": "ab" * 32,
    }
    values.update(overrides)
    return Article(**values)


def test_wal_and_foreign_keys_are_on(db: Database) -> None:
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("foreign_keys") == 1


def test_migrated_to_head_on_open(db: Database) -> None:
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision() == "0012_link_decisions"


def test_models_match_migrations(db: Database) -> None:
    """Autogenerate against the migrated schema finds nothing: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.storage.models import Base
    from app.storage.search_index import is_search_table  # FTS5's virtual tables are not models

    options = {"include_name": lambda name, kind, _parent: kind != "table" or not is_search_table(name)}
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts=options), Base.metadata)
    assert diff == []


def test_round_trip_article_claim_note_history(db: Database, db_path: Path) -> None:
    with db.session() as session:
        article = _article(title="Ünïcode — title")
        claim = Claim(start=0, end=14, exact="Alpha said so.", cues=["said"], figures=["3"], score=0.7)
        article.claims = [claim]
        session.add(article)
        session.flush()
        session.add(
            Note(claim=claim, body="**called** Alpha", author="me", created_at=utcnow(), updated_at=utcnow())
        )
        session.add(
            StatusChange(claim=claim, old_status="unreviewed", new_status="verified", reason="r", at=utcnow())
        )
    db.close()

    reopened = open_database(db_path)
    with reopened.session() as session:
        stored = session.scalars(select(Article)).one()
        assert stored.title == "Ünïcode — title"
        assert stored.imported_at.tzinfo is not None
        (claim,) = stored.claims
        assert (claim.exact, claim.cues, claim.figures, claim.score) == (
            "Alpha said so.",
            ["said"],
            ["3"],
            0.7,
        )
        assert [n.body for n in claim.notes] == ["**called** Alpha"]
        assert [(h.old_status, h.new_status) for h in claim.history] == [("unreviewed", "verified")]
    reopened.close()


def test_history_is_append_only(db: Database) -> None:
    with db.session() as session:
        claim = Claim(start=0, end=1, exact="A")
        session.add(_article(claims=[claim]))
        session.flush()
        session.add(StatusChange(claim=claim, old_status="unreviewed", new_status="false", at=utcnow()))
    with pytest.raises(IntegrityError, match="append-only"), db.session() as session:
        session.execute(text("UPDATE status_change SET new_status = 'verified'"))
    with db.session() as session:
        assert session.scalars(select(StatusChange.new_status)).all() == ["false"]


def test_constraints_reject_bad_rows(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(_article(claims=[Claim(start=5, end=2, exact="x")]))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Claim(article_id=999, start=0, end=1, exact="x"))  # no such article: foreign key
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(_article(claims=[Claim(start=0, end=1, exact="x", kind="rumour")]))


def test_failed_unit_of_work_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(_article())
        session.flush()
        raise RuntimeError("crash in the middle")
    with db.session() as session:
        assert session.scalars(select(Article)).all() == []


def test_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my precious notes, not a database")
    with pytest.raises(StorageError, match="not a Claimdesk database"):
        open_database(path)
    assert path.read_bytes() == b"these are my precious notes, not a database"


def test_folder_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        open_database(tmp_path)


def test_damaged_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    connection.commit()
    connection.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StorageError):
        open_database(path)
    assert path.read_bytes() == before


def test_upgrade_from_the_first_schema_keeps_data(tmp_path: Path) -> None:
    """A database made by the first release is migrated at start-up without losing a note."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from app.storage.migrate import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
        connection.execute(
            text(
                "INSERT INTO article (id, title, format, text, sha256, imported_at) "
                "VALUES (1, 'Old', 'text', 'A said B.', 'x', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claim (id, article_id, start, "end", exact, prefix, suffix, kind, origin, cues, '
                "hedges, figures, reasons, score, status, anchored, created_at, updated_at) VALUES "
                "(1, 1, 0, 9, 'A said B.', '', '', 'claim', 'detected', '[]', '[]', '[]', '[]', 0.5, "
                "'verified', 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO note (claim_id, body, author, created_at, updated_at) "
                "VALUES (1, 'precious', 'me', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            )
        )
    engine.dispose()
    db = open_database(path)
    with db.session() as session:
        claim = session.get(Claim, 1)
        assert claim is not None
        assert [n.body for n in claim.notes] == ["precious"]
        assert claim.status == "verified" and claim.evidence == [] and claim.tags == []
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    db.close()
    (backup,) = (tmp_path / "backups").glob("old-*-before-0001_initial.sqlite3")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT body FROM note").fetchall() == [("precious",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001_initial",)]
