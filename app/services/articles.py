"""Articles: import (analysis included), list, open, and the sample shown on first run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import files_dir, sample_article_path
from app.domain.records import ArticleRecord
from app.domain.summaries import ArticleSummary
from app.errors import ClaimdeskError
from app.importers import SUPPORTED_SUFFIXES, ImportedArticle, import_file
from app.importers.plain_text import read_plain_text
from app.services import newsroom_conflicts
from app.services.analysis import analyze_imported, claim_from, stored_language
from app.services.newsroom_conflicts import PROPERTY_WORDS
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Article, utcnow

if TYPE_CHECKING:  # the engine loads its lexicons and models when first used, not at start-up
    from app.domain.claims import Analysis
    from app.services.versions import VersionReport


@dataclass(frozen=True, slots=True)
class ImportResult:
    article_id: int
    created: bool  # False: the same bytes were already in the library (or it was a new version)
    new_version: VersionReport | None = None  # a file or page already here came back changed
    namesake: int | None = None  # an article with the same file name, but another story: kept apart


def analyze_file(path: str | Path) -> Analysis:
    """Analysis only; nothing is stored (`claimdesk analyze`)."""
    return analyze_imported(import_file(path))


def import_path(db: Database, path: str | Path) -> ImportResult:
    return store_imported(db, import_file(path))


def import_text(db: Database, text: str) -> ImportResult:
    """An article from pasted plain text."""
    imported = read_plain_text(text.encode("utf-8"), "The pasted text")
    return store_imported(db, replace(imported, filename=None))


def import_html(db: Database, markup: str) -> ImportResult:
    """An article from pasted HTML (the clipboard's rich text), through the HTML importer."""
    from app.importers.html import read_html_text

    imported = read_html_text(markup, name="The pasted page")
    return store_imported(db, replace(imported, filename=None))


def store_imported(
    db: Database,
    imported: ImportedArticle,
    *,
    captured_at: datetime | None = None,
    original_path: str | None = None,
) -> ImportResult:
    """Analyse and store an imported article with its detected claims, in one transaction.

    The same bytes again: the article already there (taken out of the trash if it was in it).
    A URL already in the library with other bytes: a new version of that article, its claims
    re-anchored. A file name already there (and no URL): a new version only when the text is the
    same story changed (`domain.similarity`); two different articles that happen to share a name
    (`story.txt`) stay two articles.
    """
    namesake = None
    with db.session() as session:
        existing = repository.find_article_by_sha256(session, imported.sha256)
        if existing is not None:
            existing.deleted_at = None
            return ImportResult(existing.id, created=False)
        earlier = repository.find_article_by_origin(session, imported.url, imported.filename)
        if earlier is not None and not imported.url:
            from app.domain.similarity import same_story

            if not same_story(repository.article_text(session, earlier), imported.text):
                namesake, earlier = earlier, None
    if earlier is not None:
        from app.services.versions import apply_new_version  # loaded when an article comes back changed

        report = apply_new_version(
            db, earlier, imported, captured_at=captured_at, original_path=original_path
        )
        return ImportResult(earlier, created=False, new_version=report)
    analysis = analyze_imported(imported)
    with db.session() as session:
        article = Article(
            title=analysis.title or imported.title or _fallback_title(imported),
            byline=imported.byline or analysis.byline,
            outlet=imported.outlet,
            source_url=imported.url,
            published_at=imported.published,
            filename=imported.filename,
            format=imported.format,
            text=imported.text,
            html=imported.html,
            sha256=imported.sha256,
            language=stored_language(analysis),
            captured_at=captured_at,
            original_path=original_path,
        )
        article.claims = [claim_from(imported.text, detected) for detected in analysis.claims]
        session.add(article)
        session.flush()
        return ImportResult(article.id, created=True, namesake=namesake)


@dataclass
class BatchReport:
    """What a batch import did, file by file: new articles, duplicates, failures."""

    imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (file, the article it matches)
    updated: list[tuple[str, int]] = field(default_factory=list)  # new versions of known articles
    namesakes: list[tuple[str, int]] = field(default_factory=list)  # same file name, another story
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    cancelled: bool = False

    def summary(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        if self.updated:
            parts.append(f"{len(self.updated)} updated to a new version")
        if self.namesakes:
            parts.append(
                f"{len(self.namesakes)} kept apart from an article with the same file name but another text"
            )
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the library (not imported twice)")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be read")
        return ", ".join(parts) + (" — cancelled" if self.cancelled else "")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: the files given, and the readable files inside the folders given."""
    found: list[Path] = []
    for path in map(Path, paths):
        inside = (
            sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if path.is_dir()
            else []
        )
        found += inside or [path]  # a folder with no article in it fails as a folder: one clear error
    return found


def import_files(
    db: Database, paths: Iterable[str | Path], progress: Callable[[int, int, str], bool] | None = None
) -> BatchReport:
    """Import many files, each in its own transaction; `progress(done, total, name)` False cancels."""
    files = collect_files(paths)
    report = BatchReport()
    for done, path in enumerate(files):
        if progress is not None and progress(done, len(files), path.name) is False:
            report.cancelled = True
            break
        try:
            result = import_path(db, path)
        except ClaimdeskError as error:  # one bad file is reported; the others still import
            report.failed.append((str(path), str(error)))
            continue
        if result.created:
            report.imported.append(result.article_id)
            if result.namesake is not None:
                report.namesakes.append((str(path), result.namesake))
        elif result.new_version is not None:
            report.updated.append((str(path), result.article_id))
        else:
            report.duplicates.append((str(path), result.article_id))
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _fallback_title(imported: ImportedArticle) -> str:
    if imported.filename:
        return Path(imported.filename).stem.replace("_", " ")
    first_line = imported.text.strip().split("\n", 1)[0]
    return first_line[:80]


@dataclass(frozen=True, slots=True)
class ArticleProperties:
    """What a person may correct about an article: the Article > Properties dialog's fields."""

    title: str
    source_url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published_at: str | None = None
    language: str | None = None  # "en", "uk", "ru", another code, or None: not set
    # The article's version as read (optimistic locking): not a property, so never compared
    version: int | None = field(default=None, compare=False)

    def values(self) -> dict[str, str | None]:
        """Column -> value, for the fields a person edits."""
        return {
            "title": self.title, "source_url": self.source_url, "outlet": self.outlet,
            "byline": self.byline, "published_at": self.published_at, "language": self.language,
        }  # fmt: skip

    def with_values(self, changes: Mapping[str, str | None]) -> ArticleProperties:
        """These properties with some fields (by column, as `values` names them) changed."""
        v = {**self.values(), **changes}
        return ArticleProperties(
            v["title"] or "", v["source_url"], v["outlet"], v["byline"], v["published_at"], v["language"],
            version=self.version,
        )  # fmt: skip


def article_properties(db: Database, article_id: int) -> ArticleProperties:
    with db.session(reading=True) as session:
        a = repository.get_article(session, article_id)
        return ArticleProperties(
            a.title, a.source_url, a.outlet, a.byline, a.published_at, a.language, version=a.version
        )


def save_properties(
    db: Database,
    article_id: int,
    properties: ArticleProperties,
    *,
    expect_version: int | None = None,
    shown: ArticleProperties | None = None,
) -> ArticleProperties:
    """Store the fields in one transaction (the search index follows the title through its
    triggers); blank fields become None, and a blank title is refused. Returns what was stored,
    with the article's new version.

    `expect_version`: the version the properties were shown at; if someone changed the article
    since, ConflictError names what they changed (the fields that differ from `shown`) and
    nothing is written.
    """
    tidy = cleaned(properties)
    if not tidy.title:
        raise ClaimdeskError("An article needs a title")
    if tidy.published_at is not None and len(tidy.published_at) > 40:
        raise ClaimdeskError("The date is too long (at most 40 characters)")
    if tidy.language is not None and len(tidy.language) > 16:
        raise ClaimdeskError("The language code is too long (at most 16 characters)")
    with db.session() as session:
        article = repository.get_article(session, article_id)
        newsroom_conflicts.check_article(
            article, expect_version, None if shown is None else shown.values(), _in_words(tidy)
        )
        for column, value in tidy.values().items():
            setattr(article, column, value)
        session.flush()
        return replace(tidy, version=article.version)


def _in_words(properties: ArticleProperties) -> str:
    """The fields as a person reads them, one a line (what the conflict dialog shows as theirs)."""
    return "\n".join(
        f"{word.capitalize()}: {value or ''}"
        for word, value in zip(PROPERTY_WORDS.values(), properties.values().values(), strict=True)
    )


def cleaned(properties: ArticleProperties) -> ArticleProperties:
    """As they would be stored: each field on one line, blank ones None (the version kept)."""

    def one_line(value: str | None) -> str | None:
        joined = " ".join((value or "").split())
        return joined or None

    return ArticleProperties(
        title=one_line(properties.title) or "",
        source_url=one_line(properties.source_url),
        outlet=one_line(properties.outlet),
        byline=one_line(properties.byline),
        published_at=one_line(properties.published_at),
        language=one_line(properties.language),
        version=properties.version,
    )


def guessed_language(db: Database, article_id: int) -> str | None:
    """The language the text reads as ("en", "uk", "ru"), for an article whose language is not
    set; None when the detector can't tell. Only a suggestion: nothing is stored."""
    from app.domain.language import SUPPORTED, detect

    with db.session(reading=True) as session:
        text = repository.article_text(session, article_id)
    found = detect(text)
    return found if found in SUPPORTED else None


def is_in_library(db: Database, article_id: int) -> bool:
    """The article exists and is not in the trash (an article open in a window may have gone)."""
    with db.session(reading=True) as session:
        article = session.get(Article, article_id)
        return article is not None and article.deleted_at is None


def saved_copy_folder(db: Database, article_id: int) -> Path | None:
    """The folder holding the article's original as fetched (in the data folder), if it is there."""
    with db.session(reading=True) as session:
        kept = repository.get_article(session, article_id).original_path
    if not kept:
        return None
    path = files_dir(db.path) / kept
    return path.parent if path.is_file() else None


def import_sample(db: Database) -> ImportResult:
    """The sample article that comes with Claimdesk (the empty library offers it)."""
    return import_path(db, sample_article_path())


def list_articles(db: Database) -> list[ArticleSummary]:
    with db.session(reading=True) as session:
        return [
            ArticleSummary(a.id, a.title, a.byline, a.format, a.imported_at, n)
            for a, n in repository.article_rows(session)
        ]


def load_article(db: Database, article_id: int) -> ArticleRecord:
    with db.session(reading=True) as session:
        return repository.read_article_record(session, article_id)


def mark_opened(db: Database, article_id: int) -> None:
    """Remember the article last looked at, so the next start opens it again."""
    with db.session() as session:
        repository.get_article(session, article_id).last_opened_at = utcnow()


def article_to_open(db: Database) -> int | None:
    """The article to show at start-up: the last one opened; the sample in an empty library."""
    with db.session(reading=True) as session:
        if repository.count_articles(session):
            return repository.last_opened_article_id(session)
    return import_path(db, sample_article_path()).article_id
