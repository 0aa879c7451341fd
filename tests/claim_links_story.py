"""Our own linked-claims story (tests/data/claim_links/story_a*.txt) imported as a journalist would:
each file, then its outlet and date set in Properties. Shared by the service, memo and UI tests."""

from __future__ import annotations

from pathlib import Path

from app.services import articles
from app.storage.database import Database

DATA = Path(__file__).resolve().parent / "data" / "claim_links"
OUTLETS = {
    "story_a1.txt": ("Valdora Courier", "2024-07-02"),
    "story_a2.txt": ("Northern Daily", "2024-07-03"),
    "story_a3.txt": ("Metro Wire", "2024-07-03"),
    "story_a4.txt": ("The Evening Post", "2024-07-04"),
    "story_a5.txt": ("Coastal Ledger", "2024-07-05"),
}


def import_story_file(db: Database, name: str) -> int:
    article_id = articles.import_path(db, DATA / name).article_id
    outlet, date = OUTLETS[name]
    props = articles.article_properties(db, article_id)
    articles.save_properties(
        db, article_id, articles.ArticleProperties(props.title, outlet=outlet, published_at=date)
    )
    return article_id


def import_story(db: Database) -> list[int]:
    """The five articles of the Valdora fire, in order."""
    return [import_story_file(db, name) for name in OUTLETS]


def claim_with(db: Database, article_id: int, words: str) -> int:
    """The id of the article's claim containing `words`."""
    return next(c.id for c in articles.load_article(db, article_id).claims if words in c.text)
