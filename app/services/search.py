"""Full-text search over the library: article text, claims, their sources and notes."""

from __future__ import annotations

from dataclasses import dataclass

from app.storage import search_index
from app.storage.database import Database
from app.storage.search_index import HIT_END, HIT_START

__all__ = ["HIT_END", "HIT_START", "SearchHit", "locate", "search"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "article", "claim" or "note"
    article_id: int
    article_title: str
    claim_id: int | None
    note_id: int | None
    start: int | None  # where to select in the article: the claim's span; None for article hits
    end: int | None
    snippet: str  # plain text with HIT_START/HIT_END around the matched words


def search(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Hits for what a person typed, best first; any input is safe (no syntax errors)."""
    match = search_index.match_expression(query)
    if match is None:
        return []
    with db.session(reading=True) as session:
        rows = search_index.search(session, match, limit)
    return [
        SearchHit(r.kind, r.article_id, r.article_title, r.claim_id, r.note_id, r.start, r.end, r.snippet)
        for r in rows
    ]


def locate(db: Database, hit: SearchHit, query: str) -> tuple[int, int] | None:
    """Where to select in the article for a hit: the claim's span, else the first matched word."""
    if hit.start is not None and hit.end is not None:
        return hit.start, hit.end
    match = search_index.match_expression(query)
    if match is None:
        return None
    with db.session(reading=True) as session:
        return search_index.first_match_in_text(session, hit.article_id, match)
