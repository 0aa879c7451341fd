"""A large library for benchmarks, built from the Wikinews sample (../shared/eval/news/wikinews).

`build_library(db_path, articles=10_000)` analyses the 295 Wikinews articles once, then writes
copies of them (and their claims, with a spread of statuses and a note on one claim in ten) in one
transaction of bulk inserts, so 10,000 articles take seconds, not 10,000 analyses. The search index
is kept by the same triggers as in use.

`write_wikinews_files(folder)` writes the articles out as .txt, .md and .html files in turn (the
title as a heading, then the paragraphs), the way a journalist's folder of saved articles looks.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

from sqlalchemy import insert

from app.domain.statuses import STATUSES
from app.domain.text import normalize_text
from app.services.analysis import claim_from
from app.storage.database import Database, open_database
from app.storage.models import Article, Claim, Note
from tests.evaluation.claims import wikinews_articles

FORMATS = (".txt", ".md", ".html")
NOTE_WORDS = ("called the press office", "checked the register", "asked the ministry", "archive copy")


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def article_file(row: dict[str, str], suffix: str) -> str:
    """One Wikinews article as the text of a .txt, .md or .html file."""
    title, paragraphs = row["title"], _paragraphs(row["text"])
    if suffix == ".md":
        return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
    if suffix == ".html":
        body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)} - Wikinews</title>"
            f"<link rel='canonical' href='{escape(row['url'])}'></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{escape(title)}</h1>\n{body}\n</article></body></html>\n"
        )
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_wikinews_files(folder: Path) -> list[Path]:
    """All 295 articles as files, the formats in turn; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, row in enumerate(wikinews_articles()):
        suffix = FORMATS[i % len(FORMATS)]
        path = folder / f"{i:03d}_{row['date']}{suffix}"
        path.write_text(article_file(row, suffix), encoding="utf-8")
        paths.append(path)
    return paths


def _analysed() -> list[tuple[dict[str, str], str, list[dict[str, object]]]]:
    """Each Wikinews article with its normalised text and its claims' column values, analysed once."""
    from app.domain.claims import analyze

    result = []
    for row in wikinews_articles():
        text = normalize_text(row["text"])
        analysis = analyze(text, title=row["title"])
        columns = [_columns(claim_from(text, detected)) for detected in analysis.claims]
        result.append((row, text, columns))
    return result


def _columns(claim: Claim) -> dict[str, object]:
    return {
        c.key: getattr(claim, c.key) for c in Claim.__table__.columns if getattr(claim, c.key) is not None
    }


def build_library(db_path: Path, articles: int = 10_000) -> None:
    """Fill a new database at `db_path` with `articles` copies of the Wikinews set, in one transaction."""
    db = open_database(db_path)
    fill_library(db, articles)
    db.close()


def fill_library(db: Database, articles: int = 10_000) -> None:
    """`build_library` into an open library, local or a newsroom's (bench_newsroom_scale.py)."""
    base = _analysed()
    statuses = [s.id for s in STATUSES]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    article_rows, claim_rows, note_rows = [], [], []
    claim_id = 0
    for article_id in range(1, articles + 1):
        row, text, claims = base[(article_id - 1) % len(base)]
        copy = (article_id - 1) // len(base)
        article_rows.append(
            {
                "id": article_id,
                "title": row["title"] if copy == 0 else f"{row['title']} (copy {copy})",
                "outlet": "Wikinews",
                "source_url": f"{row['url']}?copy={copy}",
                "published_at": row["date"],
                "imported_at": start + timedelta(minutes=article_id),
                "filename": None,
                "format": "text",
                "text": text,
                "sha256": hashlib.sha256(f"{copy}:{text}".encode()).hexdigest(),
            }
        )
        for n, columns in enumerate(claims):
            claim_id += 1
            status = statuses[(article_id + n) % len(statuses)] if (article_id + n) % 3 else "unreviewed"
            claim_rows.append({**columns, "id": claim_id, "article_id": article_id, "status": status})
            if claim_id % 10 == 0:
                body = f"{NOTE_WORDS[claim_id % len(NOTE_WORDS)]} about claim {claim_id}"
                note_rows.append({"claim_id": claim_id, "body": body, "author": "Benchmark"})
    with db.session() as session:
        session.execute(insert(Article), article_rows)
        session.execute(insert(Claim), claim_rows)
        session.execute(insert(Note), note_rows)
