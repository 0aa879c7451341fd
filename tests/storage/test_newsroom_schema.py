"""Newsroom mode: the same migrations on a real PostgreSQL server (tests/postgres_server.py)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.storage.migrate import current_revision, head_revision
from app.storage.server import open_server_database
from tests.postgres_server import PostgresServer


def test_every_migration_runs_on_postgres_and_matches_the_models(postgres_server: PostgresServer) -> None:
    """From an empty database to head, then autogenerate finds nothing: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.storage.models import Base
    from app.storage.search_index import is_search_object

    options = {"include_name": lambda name, kind, _parent: not is_search_object(name, kind)}

    name = postgres_server.create_database()
    try:
        db = open_server_database(postgres_server.url(name))
        with db.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            diff = compare_metadata(MigrationContext.configure(connection, opts=options), Base.metadata)
        db.close()
    finally:
        postgres_server.drop_database(name)
    assert diff == []


def test_search_on_postgres_is_served_by_the_gin_indexes(postgres_url: str, tmp_path: Path) -> None:
    """The search's tsvector expressions are the indexes' own: with sequential scans priced out, each
    kind of hit is found through its index (a different expression would leave only a scan)."""
    from app.storage import search_postgres
    from app.storage.search_index import match_expression

    db = open_server_database(postgres_url, tmp_path / "side")
    query = search_postgres.tsquery_text(match_expression("harbour shel") or "")
    try:
        with db.session(reading=True) as session:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            for table, vector, index in (
                ("article a", search_postgres.ARTICLE_VECTOR, "ix_article_search"),
                ("claim c", search_postgres.CLAIM_VECTOR, "ix_claim_search"),
                ("note n", search_postgres.NOTE_VECTOR, "ix_note_search"),
            ):
                matches = f"{vector} @@ to_tsquery({search_postgres.CONFIG}, :q)"
                sql = f"EXPLAIN SELECT 1 FROM {table} WHERE {matches}"
                explained = session.execute(text(sql), {"q": query})
                plan = explained.scalars().all()
                assert any(index in line for line in plan), plan
    finally:
        db.close()
