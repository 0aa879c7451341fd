"""Article properties: one transaction, blank fields cleared, and search follows a new title."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ClaimdeskError
from app.services import articles, search
from app.services.articles import ArticleProperties
from app.storage.database import Database


def test_saving_properties_stores_every_field_and_search_finds_the_new_title(
    db: Database, article_file: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    stored = articles.save_properties(
        db,
        article_id,
        ArticleProperties(
            title="  Seabed   survey stops the dredgers ",
            source_url="https://news.example/harbour",
            outlet="Coast Gazette",
            byline="Ann Lee",
            published_at="2026-03-02",
            language="en",
        ),
    )
    assert stored.title == "Seabed survey stops the dredgers"
    assert articles.article_properties(db, article_id) == stored
    record = articles.load_article(db, article_id)
    assert (record.title, record.outlet, record.byline) == (stored.title, "Coast Gazette", "Ann Lee")
    assert record.source_url == "https://news.example/harbour" and record.published_at == "2026-03-02"
    hits = search.search(db, "dredgers")
    assert any(h.article_id == article_id and h.kind == "article" for h in hits)


def test_blank_fields_become_unset_and_a_blank_title_is_refused(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    articles.save_properties(db, article_id, ArticleProperties("Kept", outlet="Gazette", language="uk"))
    cleared = articles.save_properties(db, article_id, ArticleProperties("Kept", outlet="  ", language=""))
    assert cleared.outlet is None and cleared.language is None
    with pytest.raises(ClaimdeskError):
        articles.save_properties(db, article_id, ArticleProperties("   ", outlet="Changed"))
    assert articles.article_properties(db, article_id).outlet is None  # nothing of the refused save


def test_the_language_guess_reads_the_text(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "uk.txt"
    path.write_text(
        "Рада ухвалила бюджет\n\nДепутати міської ради ухвалили бюджет на наступний рік, "
        "повідомила пресслужба. Це не остаточне рішення, і його ще обговорять.\n",
        encoding="utf-8",
    )
    article_id = articles.import_path(db, path).article_id
    assert articles.guessed_language(db, article_id) == "uk"
