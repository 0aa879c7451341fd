"""The texts an article has had, and what changed between two of them.

An outlet may change a figure or drop a hedge after publication without saying so. Every text an
article has had is kept (`article_version`, number 1 being the first import) from the moment a
second text arrives; until then the article's one version is its own text, stored once.
`compare` shows the differences the way a journalist reads them: paragraphs are matched first, so
a paragraph moved or untouched is not noise, then the words inside the paragraphs that changed
("14" -> "4", a "reportedly" gone). Offsets point into the newer text, so the reader can jump to each change.
"""

from __future__ import annotations

import re
from datetime import datetime
from difflib import SequenceMatcher

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.summaries import ArticleVersionRecord, VersionChange
from app.errors import NotFoundError
from app.storage.database import Database
from app.storage.models import Article, ArticleVersion, utcnow

CONTEXT_WORDS = 4  # words of the newer text shown on each side of a change
EXACT_WORD_PAIRS = 4_000_000  # old words × new words of one run compared exactly (2,000 × 2,000)
# A paragraph: text up to a blank line (a line break inside it is only layout).
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
_WORD = re.compile(r"\S+")

Span = tuple[int, int]


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


def diff_texts(old: str, new: str) -> list[VersionChange]:
    """Paragraphs matched first (their words compared, so a re-wrapped line is no change), then the
    words inside each run of paragraphs that differ."""
    old_paragraphs, new_paragraphs = _spans(_PARAGRAPH, old), _spans(_PARAGRAPH, new)
    matcher = SequenceMatcher(None, _keys(old, old_paragraphs), _keys(new, new_paragraphs), autojunk=False)
    changes: list[VersionChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        runs = [(i1, i2, j1, j2)]
        if tag == "replace" and i2 - i1 == j2 - j1:  # as many paragraphs: each changed in place
            runs = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        for a1, a2, b1, b2 in runs:
            old_words = _words_in(old, old_paragraphs[a1:a2])
            new_words = _words_in(new, new_paragraphs[b1:b2])
            anchor = new_paragraphs[b1][0] if b1 < len(new_paragraphs) else _end(new_paragraphs)
            if b1 > 0 and b1 == b2:  # paragraphs only removed: the place is where the previous one ends
                anchor = new_paragraphs[b1 - 1][1]
            changes += _word_changes(old, new, old_words, new_words, anchor)
    return changes


def _word_changes(
    old: str, new: str, old_words: list[Span], new_words: list[Span], anchor: int
) -> list[VersionChange]:
    # Exact matching is quadratic in the words of a run; past a bound, difflib's own heuristic
    # (frequent words are not used to anchor a match) keeps a rewritten page to seconds at most.
    exact = len(old_words) * len(new_words) <= EXACT_WORD_PAIRS
    matcher = SequenceMatcher(
        None, [old[s:e] for s, e in old_words], [new[s:e] for s, e in new_words], autojunk=not exact
    )
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if j1 < j2:
            start, end = new_words[j1][0], new_words[j2 - 1][1]
        elif j1 < len(new_words):  # a deletion: an empty span where the words were
            start = end = new_words[j1][0]
        else:
            start = end = new_words[-1][1] if new_words else anchor
        changes.append(
            VersionChange(
                kind={"insert": "inserted", "delete": "deleted"}.get(tag, "replaced"),
                old=_joined(old, old_words[i1:i2]),
                new=_joined(new, new_words[j1:j2]),
                start=start,
                end=end,
                before=" ".join(new[max(0, start - 40 * CONTEXT_WORDS) : start].split()[-CONTEXT_WORDS:]),
                after=" ".join(new[end : end + 40 * CONTEXT_WORDS].split()[:CONTEXT_WORDS]),
            )
        )
    return changes


def _spans(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The pattern's matches as (start, end), trimmed of the spaces at their ends, empty ones left out."""
    spans = []
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _keys(text: str, paragraphs: list[Span]) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in paragraphs]


def _words_in(text: str, paragraphs: list[Span]) -> list[Span]:
    return [word for s, e in paragraphs for word in _spans(_WORD, text, s, e)]


def _joined(text: str, words: list[Span]) -> str:
    """The words as they read, on one line (a change across paragraphs too)."""
    return " ".join(text[s:e] for s, e in words)


def _end(paragraphs: list[Span]) -> int:
    return paragraphs[-1][1] if paragraphs else 0
