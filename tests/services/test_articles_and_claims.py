"""Services over a real database: import, list, status with history, notes, sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import sample_article_path
from app.errors import ClaimdeskError, NotFoundError, UnreadableFileError
from app.services import articles, claims
from app.storage.database import Database


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


def test_import_stores_text_and_detected_claims(db: Database, article_file: Path) -> None:
    result = articles.import_path(db, article_file)
    assert result.created
    record = articles.load_article(db, result.article_id)
    assert record.text == article_file.read_text(encoding="utf-8")
    assert record.claims, "the article has attributed sentences; some must be detected"
    for claim in record.claims:
        assert record.text[claim.start : claim.end] == claim.text
    texts = [c.text for c in record.claims]
    assert any("according to the port authority" in t for t in texts)
    calm = [c for c in record.claims if c.text == "The weather was calm all week."]
    assert all(c.source is None for c in calm), "nobody is quoted on the weather"


def test_same_file_twice_is_not_imported_twice(db: Database, article_file: Path) -> None:
    first = articles.import_path(db, article_file)
    second = articles.import_path(db, article_file)
    assert not second.created and second.article_id == first.article_id
    assert len(articles.list_articles(db)) == 1


@pytest.mark.local_library_only("a newsroom signs history with the login role")
def test_status_change_is_recorded_in_history(db: Database, article_file: Path) -> None:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    claim_id = article.claims[0].id
    claims.set_status(db, claim_id, "in_progress", author="A")
    updated = claims.set_status(db, claim_id, "false", reason="Port denies it", author="B")
    assert updated.status == "false"
    assert [(h.old_status, h.new_status, h.reason, h.author) for h in updated.history] == [
        ("unreviewed", "in_progress", "", "A"),
        ("in_progress", "false", "Port denies it", "B"),
    ]
    same = claims.set_status(db, claim_id, "false")
    assert len(same.history) == 2, "setting the same status again is not a change"


def test_unknown_status_and_empty_note_are_refused(db: Database, article_file: Path) -> None:
    claim_id = articles.load_article(db, articles.import_path(db, article_file).article_id).claims[0].id
    with pytest.raises(ClaimdeskError):
        claims.set_status(db, claim_id, "probably")
    with pytest.raises(ClaimdeskError):
        claims.add_note(db, claim_id, "   \n ")
    assert claims.load_claim(db, claim_id).history == ()
    assert claims.load_claim(db, claim_id).notes == ()


def test_notes_are_kept_in_order(db: Database, article_file: Path) -> None:
    claim_id = articles.load_article(db, articles.import_path(db, article_file).article_id).claims[0].id
    claims.add_note(db, claim_id, "first", author="me")
    claims.add_note(db, claim_id, "second\nline", author="me")
    assert [n.body for n in claims.load_claim(db, claim_id).notes] == ["first", "second\nline"]


def test_missing_ids_raise_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        articles.load_article(db, 42)
    with pytest.raises(NotFoundError):
        claims.set_status(db, 42, "verified")


def test_empty_library_opens_the_sample_then_the_last_opened(db: Database, article_file: Path) -> None:
    sample_id = articles.article_to_open(db)
    assert sample_id is not None
    sample = articles.load_article(db, sample_id)
    assert sample.text == sample_article_path().read_text(encoding="utf-8")
    assert len(sample.claims) >= 5
    other = articles.import_path(db, article_file).article_id
    articles.mark_opened(db, other)
    assert articles.article_to_open(db) == other
    assert len(articles.list_articles(db)) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\n  \n", "empty"), (b"\x7fELF\x02\x01\x00\x00binary", "binary")],
)
def test_bad_files_are_refused_and_store_nothing(
    db: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=message):
        articles.import_path(db, path)
    assert articles.list_articles(db) == []


def test_legacy_encoding_is_detected(db: Database, tmp_path: Path) -> None:
    text = "Мэр города заявил, что плотина выдержит паводок, сообщает агентство.\n"
    path = tmp_path / "cyrillic.txt"
    path.write_bytes(text.encode("windows-1251"))
    record = articles.load_article(db, articles.import_path(db, path).article_id)
    assert record.text == text


@pytest.mark.local_library_only("a newsroom signs history with the login role")
def test_author_defaults_to_the_reviewer(db: Database, article_file: Path) -> None:
    claim_id = articles.load_article(db, articles.import_path(db, article_file).article_id).claims[0].id
    assert claims.add_note(db, claim_id, "checked").author == "Test Reviewer"
    assert claims.set_status(db, claim_id, "verified", "Seen the log").history[-1].author == "Test Reviewer"


def test_a_text_far_beyond_any_article_is_refused_clearly(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("The mayor said 12 bridges closed. " * 70_000, encoding="utf-8")  # 2.4 M characters
    with pytest.raises(UnreadableFileError, match="analyses articles of up to"):
        articles.import_path(db, path)
    with pytest.raises(UnreadableFileError, match="Split it"):
        articles.analyze_file(path)
    assert articles.list_articles(db) == []


def test_a_list_items_claim_is_stored_without_its_bullet(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "port.md"
    path.write_text(
        "# Port works\n\n- Berth 4 reopens in May, officials said.\n"
        "1. About 300 divers will help, the union said.\n"
    )
    record = articles.load_article(db, articles.import_path(db, path).article_id)
    texts = sorted(c.text for c in record.claims)
    assert "Berth 4 reopens in May, officials said." in texts
    assert all(not t.startswith(("•", "1.", "-")) for t in texts), texts
    for claim in record.claims:
        assert record.text[claim.start : claim.end] == claim.text
