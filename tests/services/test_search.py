"""Searching the library: hits in text, claims, sources and notes, and where to select for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import articles, claims, library, search
from app.storage.database import Database


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on SQLite's FTS5 and on PostgreSQL's twin (newsroom mode)."""
    return both_db


def test_article_hit_locates_the_word_in_the_text(db: Database, article_file: Path) -> None:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    hit = next(h for h in search.search(db, "calm") if h.kind == "article")
    start, end = search.locate(db, hit, "calm") or (0, 0)
    assert article.text[start:end] == "calm"


def test_prefix_of_the_last_word_finds_as_you_type(db: Database, article_file: Path) -> None:
    articles.import_path(db, article_file)
    assert search.search(db, "unexploded she")


def test_claim_and_note_hits_select_the_claim(db: Database, article_file: Path) -> None:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    claim = next(c for c in article.claims if "shells" in c.text)
    claims.add_note(db, claim.id, "The navy confirmed the ordnance count by phone")
    (note_hit,) = [h for h in search.search(db, "ordnance") if h.kind == "note"]
    assert (note_hit.claim_id, search.locate(db, note_hit, "ordnance")) == (
        claim.id,
        (claim.start, claim.end),
    )
    claim_hit = next(h for h in search.search(db, "shells") if h.kind == "claim")
    assert claim_hit.claim_id == claim.id and search.HIT_START in claim_hit.snippet


def test_trashed_articles_are_not_searched(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    library.move_to_trash(db, [article_id])
    assert search.search(db, "harbour") == []
    library.restore(db, [article_id])
    assert search.search(db, "harbour")


def test_nonsense_input_gives_no_hits_not_an_error(db: Database, article_file: Path) -> None:
    articles.import_path(db, article_file)
    assert sorted(h.kind for h in search.search(db, "harbour")) == ["article", "claim"]  # the search works
    for typed in ['"', "AND OR NOT", "NEAR(a b", "***", "", "   "]:
        assert search.search(db, typed) == [], typed
    # FTS5 syntax around a word of the article is read as plain text: the word is still found
    for typed in ["harbour -", '"harbour', "harbour*", "-harbour", "(harbour)"]:
        assert sorted(h.kind for h in search.search(db, typed)) == ["article", "claim"], typed
    # and operators are words: "harbour AND" also asks for a word starting "and", which it lacks
    assert search.search(db, "harbour AND") == []
