"""The PostgreSQL twin of the FTS5 search (newsroom mode): stored tsvector columns under GIN indexes
(migration 0004), ts_rank for ranking, ts_headline for snippets and highlights.

app/storage/search_index.py stays the one entry point and hands over here on PostgreSQL. The match
it builds for FTS5 (every word quoted, the last maybe a prefix) is read back into a tsquery whose
words are only letters and digits, so nothing a person types can be tsquery syntax; the words go
to the server as a bound parameter, never into the SQL.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

CONFIG = "'claimdesk_search'::regconfig"  # case and diacritics folded, no stop words (0004)
# The stored tsvector columns of migration 0004 (title and text; wording and source; a note's body),
# each under a GIN index
ARTICLE_VECTOR = "a.search_vector"
CLAIM_VECTOR = "c.search_vector"
NOTE_VECTOR = "n.search_vector"
_QUOTED = re.compile(r'"((?:[^"]|"")*)"(\*?)')
_TOKEN = re.compile(r"[^\W_]+")  # what both FTS5's unicode61 and PostgreSQL's parser take as a word


def tsquery_text(match: str) -> str | None:
    """to_tsquery's input for a match of search_index.match_expression: each quoted word a phrase
    of its letter-and-digit runs (`U.S.` -> `u <-> s`), all of them required, `*` a prefix."""
    parts = []
    for phrase, star in _QUOTED.findall(match):
        tokens = _TOKEN.findall(phrase.replace('""', '"'))
        if not tokens:
            continue
        if star:
            tokens[-1] += ":*"
        parts.append("(" + " <-> ".join(tokens) + ")")
    return " & ".join(parts) or None


def _snippet_options(tokens: int, hit_start: str, hit_end: str) -> str:
    words = f"MaxWords={tokens}, MinWords={max(tokens // 3, 1)}, ShortWord=0"
    return f"StartSel={hit_start}, StopSel={hit_end}, {words}"


_ARTICLE_HITS = f"""
    SELECT a.id, a.title, ts_headline({CONFIG}, a.title || ' ' || a.text, q.q, :opts), {{score}}
    FROM article a, (SELECT to_tsquery({CONFIG}, :query) AS q) q
    WHERE {ARTICLE_VECTOR} @@ q.q AND a.deleted_at IS NULL
    ORDER BY {{order}} LIMIT :limit
    """
_CLAIM_HITS = f"""
    SELECT a.id, a.title, c.id, c.start, c."end",
           ts_headline({CONFIG}, c.exact || ' ' || coalesce(c.source, ''), q.q, :opts), {{score}}
    FROM claim c JOIN article a ON a.id = c.article_id, (SELECT to_tsquery({CONFIG}, :query) AS q) q
    WHERE {CLAIM_VECTOR} @@ q.q AND a.deleted_at IS NULL
    ORDER BY {{order}} LIMIT :limit
    """
_NOTE_HITS = f"""
    SELECT a.id, a.title, c.id, n.id, c.start, c."end", ts_headline({CONFIG}, n.body, q.q, :opts), {{score}}
    FROM note n LEFT JOIN claim c ON c.id = n.claim_id
    JOIN article a ON a.id = coalesce(n.article_id, c.article_id),
         (SELECT to_tsquery({CONFIG}, :query) AS q) q
    WHERE {NOTE_VECTOR} @@ q.q AND a.deleted_at IS NULL AND n.removed_at IS NULL
    ORDER BY {{order}} LIMIT :limit
    """
# table alias, vector, the id that orders unranked hits newest first
_SOURCES = {
    "article": ("article a", ARTICLE_VECTOR, "a.id"),
    "claim": ("claim c", CLAIM_VECTOR, "c.id"),
    "note": ("note n", NOTE_VECTOR, "n.id"),
}


def hits(session: Session, kind: str, params: dict[str, Any], rank_at_most: int) -> list[tuple[Any, ...]]:
    """One kind's hits as search_index's FTS5 queries give them: ranked (lower is better) while
    few enough match, else newest first with rank 0.0."""
    query = tsquery_text(str(params["match"]))
    if query is None:
        return []
    table, vector, newest = _SOURCES[kind]
    count = text(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {vector} @@ to_tsquery({CONFIG}, :query) "
        "LIMIT :cap) AS matched"
    )
    matches = session.execute(count, {"query": query, "cap": rank_at_most + 1}).scalar() or 0
    if matches == 0:
        return []
    template = {"article": _ARTICLE_HITS, "claim": _CLAIM_HITS, "note": _NOTE_HITS}[kind]
    if matches > rank_at_most:
        sql = template.format(score="0.0", order=f"{newest} DESC")
    else:
        rank = f"-ts_rank({vector}, q.q)"
        sql = template.format(score=rank, order=f"{rank}, {newest} DESC")
    options = _snippet_options(int(params["tokens"]), str(params["hs"]), str(params["he"]))
    bound = {"query": query, "opts": options, "limit": params["limit"]}
    return [tuple(row) for row in session.execute(text(sql), bound)]


def highlighted_text(
    session: Session, article_id: int, match: str, hit_start: str, hit_end: str
) -> str | None:
    """The article's text with every matched word marked, or None when the article does not match."""
    query = tsquery_text(match)
    if query is None:
        return None
    sql = text(
        f"SELECT ts_headline({CONFIG}, a.text, q.q, :opts) "
        f"FROM article a, (SELECT to_tsquery({CONFIG}, :query) AS q) q "
        f"WHERE a.id = :article_id AND {ARTICLE_VECTOR} @@ q.q"
    )
    options = f"StartSel={hit_start}, StopSel={hit_end}, HighlightAll=true"
    marked: str | None = session.execute(
        sql, {"query": query, "opts": options, "article_id": article_id}
    ).scalar()
    return marked
