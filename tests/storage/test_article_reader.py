"""The plain-SQL article reader gives exactly the records the ORM path gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.services import articles, claims, evidence
from app.storage import repository
from app.storage.article_reader import last_opened_article_id, open_read_only, read_article
from app.storage.database import Database
from app.storage.record_mapping import claim_record


def test_plain_sql_and_orm_records_are_equal(db: Database, article_file: Path, tmp_path: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    first, second, *_ = articles.load_article(db, article_id).claims
    claims.set_status(db, first.id, "disputed", reason="The port authority denies it")
    claims.set_status(db, first.id, "verified", reason="Registry entry 14 confirms it")
    claims.add_note(db, first.id, "Called the harbour master; **confirmed** the date.")
    claims.add_note(db, first.id, "Second note.")
    evidence.add_link(db, first.id, "https://example.org/register", note="the register")
    evidence.add_person(db, first.id, "A. Harbourmaster", role="harbour master", how="phone")
    document = tmp_path / "letter.txt"
    document.write_text("a letter", encoding="utf-8")
    evidence.add_document(db, second.id, document)
    evidence.set_tags(db, first.id, ["shipping", "Budget", "ports"])

    with db.session() as session:  # the ORM's own mapping of the same rows
        article = repository.get_article(session, article_id, with_claims=True)
        via_orm = (article.title, article.text, article.imported_at)
        orm_claims = tuple(claim_record(c) for c in article.claims)
    connection = open_read_only(db.path)
    assert connection is not None
    try:
        via_sql = read_article(connection.execute, article_id)
        assert read_article(connection.execute, article_id + 1000) is None
    finally:
        connection.close()
    assert via_sql is not None
    assert (via_sql.title, via_sql.text, via_sql.imported_at) == via_orm
    assert via_sql.claims == orm_claims
    assert via_sql.claims[0].tags == ("Budget", "ports", "shipping")
    assert articles.load_article(db, article_id) == via_sql, "the session's run of the queries agrees"
    # a removed note comes back apart from the others, the same way on both paths
    claims.remove_note(db, via_sql.claims[0].notes[1].id)
    reread = articles.load_article(db, article_id)
    with db.session() as session:
        assert tuple(
            claim_record(c) for c in repository.get_article(session, article_id, with_claims=True).claims
        ) == (reread.claims)
    assert [n.body for n in reread.claims[0].removed_notes] == ["Second note."]


def test_last_opened_article_comes_first(db: Database, article_file: Path, tmp_path: Path) -> None:
    first = articles.import_path(db, article_file).article_id
    other = tmp_path / "other.txt"
    other.write_text("Another article\n\nThe mayor said 12 roads would close.\n", encoding="utf-8")
    second = articles.import_path(db, other).article_id
    articles.mark_opened(db, first)
    connection = open_read_only(db.path)
    assert connection is not None
    try:
        assert last_opened_article_id(connection) == first
        articles.mark_opened(db, second)
        assert last_opened_article_id(connection) == second
    finally:
        connection.close()


def test_no_database_file_means_no_connection(tmp_path: Path) -> None:
    assert open_read_only(tmp_path / "missing.sqlite3") is None
    assert open_read_only(tmp_path) is None


def test_reading_needs_no_sqlalchemy() -> None:
    """The start-up path must not pay for SQLAlchemy before the first paint."""
    code = "import sys, app.storage.article_reader; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_last_article_needs_the_newest_schema(db: Database, article_file: Path) -> None:
    from app.storage.article_reader import read_last_article

    article_id = articles.import_path(db, article_file).article_id
    articles.mark_opened(db, article_id)
    record = read_last_article(db.path)
    assert record is not None and record == articles.load_article(db, article_id)
    with db.session() as session:
        session.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '0001_initial'")
    assert read_last_article(db.path) is None, "an older schema must go through the migration first"


def test_damaged_or_foreign_file_is_left_to_the_full_path(tmp_path: Path) -> None:
    from app.storage.article_reader import read_last_article

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    assert read_last_article(junk) is None
