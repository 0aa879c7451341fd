"""The texts an article has had, and what changed between two of them.

An outlet may change a figure or drop a hedge after publication without saying so. Every text an
article has had is kept (`article_version`, number 1 being the first import) from the moment a
second text arrives; until then the article's one version is its own text, stored once.
`compare` shows the differences the way a journalist reads them (app/domain/text_diff.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.summaries import ArticleVersionRecord
from app.domain.text_diff import VersionChange, diff_texts
from app.errors import NotFoundError
from app.storage.database import Database
from app.storage.models import Article, ArticleVersion, utcnow


def store_version(session: Session, article: Article, captured_at: datetime | None = None) -> int | None:
    """Keep the article's current text as its next version, in the caller's transaction.

    Returns the new version's number, or None when that text is the newest version already.
    """
    when = captured_at or utcnow()
    if article.id is None:  # a new article: nothing stored yet, and no query needed
        article.versions.append(_version(article, 1, when))
        return 1
    latest = session.execute(
        select(ArticleVersion.number, ArticleVersion.text)
        .where(ArticleVersion.article_id == article.id)
        .order_by(ArticleVersion.number.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.text == article.text:
        return None
    number = 1 if latest is None else latest.number + 1
    version = _version(article, number, when)
    version.article_id = article.id
    session.add(version)  # not article.versions.append: that would load every earlier text
    return number


def _version(article: Article, number: int, captured_at: datetime) -> ArticleVersion:
    return ArticleVersion(
        number=number, text=article.text, sha256=article.sha256, captured_at=captured_at, title=article.title
    )


def list_versions(db: Database, article_id: int) -> tuple[ArticleVersionRecord, ...]:
    """The article's versions, oldest first (one, its own text, if it never changed)."""
    with db.session(reading=True) as session:
        article = _article(session, article_id)
        rows = session.execute(
            select(
                ArticleVersion.number,
                ArticleVersion.captured_at,
                ArticleVersion.sha256,
                ArticleVersion.title,
                ArticleVersion.text,
            )
            .where(ArticleVersion.article_id == article_id)
            .order_by(ArticleVersion.number)
        ).all()
        if not rows:
            first = article.captured_at or article.imported_at
            return (ArticleVersionRecord(1, first, article.sha256, article.title, len(article.text.split())),)
        return tuple(
            ArticleVersionRecord(r.number, r.captured_at, r.sha256, r.title, len(r.text.split()))
            for r in rows
        )


def history(db: Database, article_id: int) -> tuple[tuple[ArticleVersionRecord, ...], list[VersionChange]]:
    """The versions, and what changed from the first to the newest (none if it never changed):
    what a memo says about an article that came back changed."""
    versions = list_versions(db, article_id)
    if len(versions) < 2:
        return versions, []
    return versions, compare(db, article_id, versions[0].number, versions[-1].number)


def version_text(db: Database, article_id: int, number: int) -> str:
    """The text the article had as version `number`."""
    with db.session(reading=True) as session:
        _article(session, article_id)
        return _text_of(session, article_id, number)


def compare(db: Database, article_id: int, old_number: int, new_number: int) -> list[VersionChange]:
    """What changed from version `old_number` to `new_number`, in the order of the newer text."""
    with db.session(reading=True) as session:
        _article(session, article_id)
        old_text = _text_of(session, article_id, old_number)
        new_text = _text_of(session, article_id, new_number)
    return diff_texts(old_text, new_text)


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"There is no article {article_id}")
    return article


def _text_of(session: Session, article_id: int, number: int) -> str:
    text = session.scalar(
        select(ArticleVersion.text).where(
            ArticleVersion.article_id == article_id, ArticleVersion.number == number
        )
    )
    if text is not None:
        return text
    numbers = list(
        session.scalars(select(ArticleVersion.number).where(ArticleVersion.article_id == article_id))
    )
    if not numbers and number == 1:  # never changed: its one version is its own text
        return _article(session, article_id).text
    known = f"it has versions 1 to {max(numbers)}" if numbers else "it has one version"
    raise NotFoundError(f"Article {article_id} has no version {number}; {known}")
