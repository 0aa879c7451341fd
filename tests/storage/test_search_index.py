"""The FTS5 index follows its tables through triggers; user queries never reach FTS syntax."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.services import articles, claims
from app.storage.database import Database
from app.storage.models import Article
from app.storage.search_index import HIT_END, HIT_START, match_expression, search


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on SQLite's FTS5 and on PostgreSQL's twin (newsroom mode)."""
    return both_db


def _hits(db: Database, query: str) -> list[tuple[str, int]]:
    match = match_expression(query)
    assert match is not None
    with db.session() as session:
        return [(row.kind, row.article_id) for row in search(session, match)]


@pytest.mark.parametrize(
    "typed", ['"', 'harbour"', "NEAR(", "a AND", "-x", "*", "col:harbour", "^", "((", "OR", "'"]
)
def test_any_typed_text_is_a_valid_query(db: Database, article_file: Path, typed: str) -> None:
    articles.import_path(db, article_file)
    match = match_expression(typed)
    if match is None:
        assert not any(ch.isalnum() for ch in typed)
        return
    with db.session() as session:
        search(session, match)  # must not raise


def test_blank_or_punctuation_only_is_no_query() -> None:
    assert match_expression("  ") is None
    assert match_expression("!! ?") is None


def test_updates_and_deletes_follow_the_rows(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    assert ("article", article_id) in _hits(db, "seabed")
    with db.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        article.text = "Something else entirely, about lighthouses."
    assert ("article", article_id) not in _hits(db, "seabed")  # its claims still say it
    assert ("article", article_id) in _hits(db, "lighthouses")
    with db.session() as session:
        session.execute(text("DELETE FROM article WHERE id = :id"), {"id": article_id})
    assert _hits(db, "lighthouses") == []
    if db.shared:
        return  # PostgreSQL's expression indexes have no entries of their own to go stale
    with db.session() as session:  # cascaded claim deletes left no stale entries behind
        stale = session.execute(text("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'authority'"))
        assert stale.scalar() == 0
        for fts in ("article_fts", "claim_fts", "note_fts"):  # raises if index and table disagree
            session.execute(text(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"))


def test_diacritics_and_case_are_folded(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_text("Café owners in Zürich said prices rose by 12 percent last year.\n", encoding="utf-8")
    article_id = articles.import_path(db, path).article_id
    assert ("article", article_id) in _hits(db, "CAFE zurich")


def test_notes_and_sources_are_found(db: Database, article_file: Path) -> None:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    claim = next(c for c in article.claims if c.source)
    claims.add_note(db, claim.id, "Called the quartermaster about it")
    assert ("note", article.id) in _hits(db, "quartermaster")
    source_word = claim.source.split()[-1]  # type: ignore[union-attr]
    assert ("claim", article.id) in _hits(db, source_word)


def test_snippets_mark_the_matched_words(db: Database, article_file: Path) -> None:
    articles.import_path(db, article_file)
    with db.session() as session:
        rows = search(session, match_expression("shells") or "")
    assert rows and all(f"{HIT_START}shells{HIT_END}" in row.snippet.lower() for row in rows)


def test_words_too_common_to_rank_come_newest_first(
    db: Database, article_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.storage.search_index as search_index

    first = articles.import_path(db, article_file).article_id
    other = tmp_path / "other.txt"
    other.write_text("Harbour fees\n\nThe harbour board said fees rose 5 percent.\n", encoding="utf-8")
    second = articles.import_path(db, other).article_id
    monkeypatch.setattr(search_index, "RANK_AT_MOST", 1)
    with db.session() as session:
        rows = search(session, match_expression("harbour") or "")
    article_rows = [row.article_id for row in rows if row.kind == "article"]
    assert article_rows == [second, first]
    assert all(row.rank == 0.0 and HIT_START in row.snippet for row in rows)


def test_short_last_word_is_not_a_prefix() -> None:
    assert match_expression("according to") == '"according" "to"'
    assert match_expression('say "cafe') == '"say" """cafe"*'
