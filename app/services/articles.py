"""Articles: import (analysis included), list, open, and the sample shown on first run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import sample_article_path
from app.errors import UnreadableFileError
from app.importers import ImportedArticle, import_file
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Article, Claim, utcnow
from app.storage.records import ArticleRecord, ArticleSummary

if TYPE_CHECKING:  # the engine loads its lexicons and models when first used, not at start-up
    from app.domain.claims import Analysis, DetectedClaim

MAX_ANALYSED_CHARS = 2_000_000  # about 300,000 words: a few seconds of analysis, bounded memory
CONTEXT = 32  # characters of prefix/suffix kept with each claim, as TextQuoteSelector does


@dataclass(frozen=True, slots=True)
class ImportResult:
    article_id: int
    created: bool  # False: the same bytes were already in the library


def analyze_file(path: str | Path) -> Analysis:
    """Analysis only; nothing is stored (`claimdesk analyze`)."""
    return analyze_imported(import_file(path))


def analyze_imported(imported: ImportedArticle) -> Analysis:
    """Run the claim engine, refusing texts far beyond any article (minutes of work, GBs of memory)."""
    from app.domain.claims import analyze

    if len(imported.text) > MAX_ANALYSED_CHARS:
        name = imported.filename or "This text"
        raise UnreadableFileError(
            f"{name} has {len(imported.text):,} characters; Claimdesk analyses articles of up to "
            f"{MAX_ANALYSED_CHARS:,} (a long book). Split it, or import the part you are checking."
        )
    return analyze(imported.text, title=imported.title)


def import_path(db: Database, path: str | Path) -> ImportResult:
    return store_imported(db, import_file(path))


def store_imported(db: Database, imported: ImportedArticle) -> ImportResult:
    """Analyse and store an imported article with its detected claims, in one transaction."""
    analysis = analyze_imported(imported)
    with db.session() as session:
        existing = repository.find_article_by_sha256(session, imported.sha256)
        if existing is not None:
            return ImportResult(existing.id, created=False)
        article = Article(
            title=analysis.title or imported.title or _fallback_title(imported),
            byline=imported.byline or analysis.byline,
            source_url=imported.url,
            published_at=imported.published,
            filename=imported.filename,
            format=imported.format,
            text=imported.text,
            html=imported.html,
            sha256=imported.sha256,
        )
        article.claims = [_claim_from(imported.text, detected) for detected in analysis.claims]
        session.add(article)
        session.flush()
        return ImportResult(article.id, created=True)


def _fallback_title(imported: ImportedArticle) -> str:
    if imported.filename:
        return Path(imported.filename).stem.replace("_", " ")
    first_line = imported.text.strip().split("\n", 1)[0]
    return first_line[:80]


def _claim_from(text: str, detected: DetectedClaim) -> Claim:
    return Claim(
        start=detected.start,
        end=detected.end,
        exact=text[detected.start : detected.end],
        prefix=text[max(0, detected.start - CONTEXT) : detected.start],
        suffix=text[detected.end : detected.end + CONTEXT],
        kind=detected.kind,
        origin="detected",
        source=detected.source,
        source_start=detected.source_start,
        source_end=detected.source_end,
        secondary_source=detected.secondary_source,
        source_refers_to=detected.source_refers_to,
        cues=list(detected.cues),
        hedges=list(detected.hedges),
        figures=list(detected.figures),
        reasons=list(detected.reasons),
        score=detected.score,
    )


def list_articles(db: Database) -> list[ArticleSummary]:
    with db.session() as session:
        return [
            ArticleSummary(a.id, a.title, a.byline, a.format, a.imported_at, n)
            for a, n in repository.article_rows(session)
        ]


def load_article(db: Database, article_id: int) -> ArticleRecord:
    with db.session() as session:
        return ArticleRecord.of(repository.get_article(session, article_id, with_claims=True))


def mark_opened(db: Database, article_id: int) -> None:
    """Remember the article last looked at, so the next start opens it again."""
    with db.session() as session:
        repository.get_article(session, article_id).last_opened_at = utcnow()


def article_to_open(db: Database) -> int | None:
    """The article to show at start-up: the last one opened; the sample in an empty library."""
    with db.session() as session:
        if repository.count_articles(session):
            return repository.last_opened_article_id(session)
    return import_path(db, sample_article_path()).article_id
