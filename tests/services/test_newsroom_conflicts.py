"""Two people changing the same claim or note: the second is told what the first did, their own
text is kept in the message, and nothing is overwritten silently (optimistic locking, 0011)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import ConflictError
from app.services import articles, claims, library
from app.storage.database import Database
from app.storage.models import Article, Claim, utcnow
from app.storage.server import open_server_database
from tests.postgres_server import another_window


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    other = another_window(db)
    yield other
    other.close()


def _first_claim(db: Database, article_file: Path) -> int:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    return article.claims[0].id


def test_a_status_set_over_a_colleagues_change_is_refused_and_says_what_it_was(
    db: Database, colleague: Database, article_file: Path
) -> None:
    claim_id = _first_claim(db, article_file)
    shown = claims.load_claim(db, claim_id)  # what Ana's window shows
    claims.set_status(colleague, claim_id, "disputed", "The navy counts 12 shells, not 14")
    with pytest.raises(ConflictError) as refused:
        claims.set_status(db, claim_id, "verified", "Port authority confirmed", expect_version=shown.version)
    message = str(refused.value)
    assert "Disputed" in message and "The navy counts 12 shells" in message
    assert refused.value.yours == "Port authority confirmed" and "Port authority confirmed" in message
    now = claims.load_claim(db, claim_id)
    assert now.status == "disputed" and [h.new_status for h in now.history] == ["disputed"]
    # having seen it, Ana chooses: her change made over the version she now sees goes through
    claims.set_status(db, claim_id, "verified", "Port authority confirmed", expect_version=now.version)
    assert claims.load_claim(colleague, claim_id).status == "verified"


def test_every_change_raises_the_version(db: Database, article_file: Path) -> None:
    claim_id = _first_claim(db, article_file)
    before = claims.load_claim(db, claim_id).version
    claims.set_status(db, claim_id, "in_progress")
    claims.add_note(db, claim_id, "Asked the navy")
    assert claims.load_claim(db, claim_id).version == before + 2


def test_a_note_reworded_by_a_colleague_is_not_overwritten(
    db: Database, colleague: Database, article_file: Path
) -> None:
    claim_id = _first_claim(db, article_file)
    note = claims.add_note(db, claim_id, "Call the port on Monday")
    claims.edit_note(colleague, note.id, "Called the port: 14 shells confirmed")
    with pytest.raises(ConflictError, match="14 shells confirmed") as refused:
        claims.edit_note(db, note.id, "Call the port on Tuesday", expect_version=note.version)
    assert "Call the port on Tuesday" in str(refused.value)
    assert [n.body for n in claims.load_claim(db, claim_id).notes] == ["Called the port: 14 shells confirmed"]


def test_a_write_racing_a_colleagues_commit_is_refused(
    postgres_url: str, article_file: Path, tmp_path: Path
) -> None:
    """Between one person's read and their write another commits: the version check in the UPDATE
    itself refuses the write (only PostgreSQL lets two writers in at once; SQLite makes one wait)."""
    ana = open_server_database(postgres_url, tmp_path / "ana")
    ben = open_server_database(postgres_url, tmp_path / "ben")
    try:
        claim_id = _first_claim(ana, article_file)
        with pytest.raises(ConflictError, match="at the same moment"), ana.session() as session:
            claim = session.get(Claim, claim_id)
            assert claim is not None
            claims.set_status(ben, claim_id, "false", "Wrong figure")  # commits while Ana's read is open
            claim.source = "the harbour master"
        assert claims.load_claim(ana, claim_id).status == "false"
        assert claims.load_claim(ana, claim_id).source != "the harbour master"
    finally:
        ana.close()
        ben.close()


def test_opening_an_article_is_no_change_and_an_edit_is(
    db: Database, colleague: Database, article_file: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id

    def version() -> int:
        with db.session(reading=True) as session:
            article = session.get(Article, article_id)
            assert article is not None
            return article.version

    before = version()
    articles.mark_opened(db, article_id)
    articles.mark_opened(colleague, article_id)
    assert version() == before
    library.rename(db, article_id, "Harbour dredging halted")
    assert version() == before + 1


def test_colleagues_opening_one_article_at_once_do_not_conflict(
    postgres_url: str, article_file: Path, tmp_path: Path
) -> None:
    ana = open_server_database(postgres_url, tmp_path / "ana")
    ben = open_server_database(postgres_url, tmp_path / "ben")
    try:
        article_id = articles.import_path(ana, article_file).article_id
        with ana.session() as session:  # Ana's open reads the row, Ben's open commits meanwhile
            article = session.get(Article, article_id)
            assert article is not None
            articles.mark_opened(ben, article_id)
            article.last_opened_at = utcnow()
        with pytest.raises(ConflictError), ana.session() as session:  # a real change still conflicts
            article = session.get(Article, article_id)
            assert article is not None
            with ben.session() as other:
                renamed = other.get(Article, article_id)
                assert renamed is not None
                renamed.title = "Ben's title"
            article.title = "Ana's title"
        assert articles.load_article(ana, article_id).title == "Ben's title"
    finally:
        ana.close()
        ben.close()
