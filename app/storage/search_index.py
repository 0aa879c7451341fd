"""SQLite FTS5 search over articles, claims and notes (tables and triggers: migration 0004).

Everything FTS5-specific lives here, behind plain functions; on PostgreSQL (newsroom mode) they
hand over to the twin in app/storage/search_postgres.py (tsvector and ts_headline). What people
type never reaches FTS5's query syntax: each word becomes a quoted string, so `"`, `*`, `NEAR(`,
`AND` or a stray `-` can't raise a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

HIT_START = "\x02"  # around each matched word in snippets; the UI turns them into highlighting
HIT_END = "\x03"
SNIPPET_TOKENS = 14
SEARCH_TABLES = ("article_fts", "claim_fts", "note_fts")  # migration 0004
SEARCH_INDEXES_POSTGRES = ("ix_article_search", "ix_claim_search", "ix_note_search")  # 0004 on PostgreSQL
SEARCH_COLUMN_POSTGRES = "search_vector"  # the tsvector those indexes hold, on article, claim and note
_WORD = re.compile(r"\w", re.UNICODE)
PREFIX_FROM = 3  # a shorter last word is taken whole: "to*" would match thousands of words


@dataclass(frozen=True, slots=True)
class SearchRow:
    kind: str  # "article" (title or text), "claim" (wording or source), "note"
    article_id: int
    article_title: str
    claim_id: int | None
    note_id: int | None
    start: int | None  # the claim's span, for claim and note hits
    end: int | None
    snippet: str  # with HIT_START/HIT_END around matched words
    rank: float  # bm25: lower is better; 0.0 when too many matched to rank


def match_expression(query: str) -> str | None:
    """The FTS5 query for what a person typed: every word must occur; the last may be a prefix.

    None when nothing searchable is left (only punctuation or spaces).
    """
    words = [w for w in query.split() if _WORD.search(w)]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if len(words[-1]) >= PREFIX_FROM:
        quoted[-1] += "*"  # search as you type: "harb" finds "harbour"
    return " ".join(quoted)


# Each query is run on its own index; {order} is the index's rank (bm25) or, for words too common
# to rank cheaply, its rowid (newest first).
_ARTICLE_HITS = f"""
    SELECT a.id, a.title, snippet(article_fts, -1, :hs, :he, '…', {SNIPPET_TOKENS}), {{score}}
    FROM article_fts JOIN article a ON a.id = article_fts.rowid
    WHERE article_fts MATCH :match AND a.deleted_at IS NULL
    ORDER BY {{order}} LIMIT :limit
    """
_CLAIM_HITS = f"""
    SELECT a.id, a.title, c.id, c.start, c."end",
           snippet(claim_fts, -1, :hs, :he, '…', {SNIPPET_TOKENS}), {{score}}
    FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid JOIN article a ON a.id = c.article_id
    WHERE claim_fts MATCH :match AND a.deleted_at IS NULL
    ORDER BY {{order}} LIMIT :limit
    """
_NOTE_HITS = f"""
    SELECT a.id, a.title, c.id, n.id, c.start, c."end",
           snippet(note_fts, 0, :hs, :he, '…', {SNIPPET_TOKENS}), {{score}}
    FROM note_fts JOIN note n ON n.id = note_fts.rowid
    LEFT JOIN claim c ON c.id = n.claim_id
    JOIN article a ON a.id = coalesce(n.article_id, c.article_id)
    WHERE note_fts MATCH :match AND a.deleted_at IS NULL AND n.removed_at IS NULL
    ORDER BY {{order}} LIMIT :limit
    """
_HIGHLIGHT = text(
    "SELECT highlight(article_fts, 1, :hs, :he) FROM article_fts WHERE article_fts MATCH :match "
    "AND rowid = :article_id"
)
# Ranking reads every match's positions: cheap for a few hundred, 0.3 s for a word in 150,000
# claims. Beyond this many matches (counted without ranking, which is fast) hits come newest first.
RANK_AT_MOST = 500
# A snippet reads and tokenises the whole column: 1.5 ms for a long article, next to nothing for a
# claim. Whole-article hits are capped; their claims still come up as hits of their own.
ARTICLE_HITS_AT_MOST = 20


def search(session: Session, match: str, limit: int = 50) -> list[SearchRow]:
    """The best `limit` hits across articles, claims and notes, best first."""
    params = {"match": match, "limit": limit, "hs": HIT_START, "he": HIT_END}
    hits = _postgres_hits if _on_postgres(session) else _hits
    rows = [
        SearchRow("article", a_id, title, None, None, None, None, snippet, score)
        for a_id, title, snippet, score in hits(
            session, "article_fts", _ARTICLE_HITS, {**params, "limit": min(limit, ARTICLE_HITS_AT_MOST)}
        )
    ]
    rows += [
        SearchRow("claim", a_id, title, c_id, None, start, end, snippet, score)
        for a_id, title, c_id, start, end, snippet, score in hits(session, "claim_fts", _CLAIM_HITS, params)
    ]
    rows += [
        SearchRow("note", a_id, title, c_id, n_id, start, end, snippet, score)
        for a_id, title, c_id, n_id, start, end, snippet, score in hits(
            session, "note_fts", _NOTE_HITS, params
        )
    ]
    rows.sort(
        key=lambda r: r.rank
    )  # stable: unranked (newest-first) hits keep their order, after ranked ones
    return rows[:limit]


def _hits(session: Session, fts: str, template: str, params: dict[str, object]) -> list[tuple[Any, ...]]:
    count = text(f"SELECT count(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :match LIMIT :cap)")
    matches = session.execute(count, {"match": params["match"], "cap": RANK_AT_MOST + 1}).scalar() or 0
    if matches == 0:
        return []
    if matches > RANK_AT_MOST:
        query = template.format(score="0.0", order=f"{fts}.rowid DESC")
    else:
        query = template.format(score=f"{fts}.rank", order=f"{fts}.rank")
    return [tuple(row) for row in session.execute(text(query), params)]


def _on_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _postgres_hits(
    session: Session, fts: str, _template: str, params: dict[str, object]
) -> list[tuple[Any, ...]]:
    """The same hits from PostgreSQL's twin (newsroom mode), ranked by the same rule."""
    from app.storage import search_postgres

    kind = fts.removesuffix("_fts")
    return search_postgres.hits(session, kind, {**params, "tokens": SNIPPET_TOKENS}, RANK_AT_MOST)


def first_match_in_text(session: Session, article_id: int, match: str) -> tuple[int, int] | None:
    """Offsets in article.text of the first matched word, or None when only the title matched.

    FTS5 reads the text back and marks the matches; the marks' positions give the offsets, since
    nothing before the first mark was changed.
    """
    if _on_postgres(session):
        from app.storage import search_postgres

        marked = search_postgres.highlighted_text(session, article_id, match, HIT_START, HIT_END)
    else:
        params = {"match": match, "article_id": article_id, "hs": HIT_START, "he": HIT_END}
        marked = session.execute(_HIGHLIGHT, params).scalar()
    if not marked:
        return None
    start = marked.find(HIT_START)
    if start < 0:
        return None
    end = marked.find(HIT_END, start)
    return start, end - 1


def rebuild(session: Session) -> None:
    """Rebuild all three indexes from their tables (after a bulk load that bypassed triggers).

    PostgreSQL's expression indexes follow their tables by themselves: nothing to do there.
    """
    if _on_postgres(session):
        return
    for fts in SEARCH_TABLES:
        session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))


def is_search_table(name: str | None) -> bool:
    """FTS5's tables (and their shadow tables), which the models don't declare: for autogenerate."""
    return name is not None and any(name == t or name.startswith(f"{t}_") for t in SEARCH_TABLES)


def is_search_object(name: str | None, kind: str) -> bool:
    """The search index's tables (SQLite) or tsvector columns and their indexes (PostgreSQL), which
    the models don't declare: autogenerate leaves them out (`include_name`)."""
    if kind == "table":
        return is_search_table(name)
    if kind == "column":
        return name == SEARCH_COLUMN_POSTGRES
    return kind == "index" and name in SEARCH_INDEXES_POSTGRES
