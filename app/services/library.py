"""The library: every article with its claim counts and statuses; rename, trash, restore, filters.

Listing reads summary columns only (never an article's text), so a library of 10,000 articles
loads in a fraction of a second (tests/benchmarks/bench_search.py measures it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from app.domain.statuses import STATUSES
from app.domain.summaries import LibraryEntry as LibraryEntry  # re-exported for the library's callers
from app.domain.summaries import LibraryFilter as LibraryFilter
from app.errors import ClaimdeskError
from app.services import newsroom_conflicts
from app.services.evidence import delete_attachments, removed_attachments
from app.storage import repository
from app.storage.database import Database
from app.storage.models import utcnow

_STATUS_IDS = tuple(s.id for s in STATUSES)
_STATUS_ORDER = frozenset(_STATUS_IDS)


def list_library(
    db: Database, where: LibraryFilter | None = None, *, counts: bool = True
) -> list[LibraryEntry]:
    """Articles matching the filter, newest import first, with their status counts.

    `counts=False` leaves the counts out (empty `statuses`): counting reads an index entry per
    claim of the whole library, so the pane asks `status_counts` for the rows it shows instead.
    """
    where = where or LibraryFilter()
    with db.session(reading=True) as session:
        rows = repository.library_rows(
            session, trash=where.trash, status=where.status, outlet=where.outlet, tag=where.tag
        )
        by_article = repository.status_counts(session) if counts else {}
    return [_entry(row, by_article) for row in rows]


def status_counts(
    db: Database, article_ids: Sequence[int] | None = None
) -> dict[int, tuple[tuple[str, int], ...]]:
    """The status counts of these articles (every article when None), in STATUSES order."""
    with db.session(reading=True) as session:
        if article_ids is None:
            by_article = repository.status_counts(session)
        else:
            by_article = {}
            for chunk in range(0, len(article_ids), 500):  # SQLite binds at most a few thousand values
                by_article.update(repository.status_counts(session, article_ids[chunk : chunk + 500]))
    wanted = by_article.keys() if article_ids is None else article_ids
    return {a_id: _ordered(by_article.get(a_id, {})) for a_id in wanted}


def entry(db: Database, article_id: int) -> LibraryEntry | None:
    """One article's row, fresh (after its claims changed); None if it is in the trash or gone."""
    with db.session(reading=True) as session:
        rows = repository.library_rows(session, article_id=article_id)
        counts = repository.status_counts(session, [article_id])
    return next((_entry(row, counts) for row in rows), None)


def _entry(
    row: tuple[int, str, str | None, str | None, datetime, datetime | None], counts: dict[int, dict[str, int]]
) -> LibraryEntry:
    a_id, title, outlet, published, imported, deleted = row
    return LibraryEntry(a_id, title, outlet, published, imported, deleted, _ordered(counts.get(a_id, {})))


def _ordered(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    known = tuple((status_id, counts[status_id]) for status_id in _STATUS_IDS if status_id in counts)
    if len(known) == len(counts):
        return known
    return known + tuple((s, n) for s, n in counts.items() if s not in _STATUS_ORDER)  # a retired status


def filter_choices(db: Database) -> tuple[list[str], list[str]]:
    """The outlets and tags there are, for the library's filter menus."""
    with db.session(reading=True) as session:
        return repository.outlet_names(session), repository.all_tag_names(session)


def rename(
    db: Database,
    article_id: int,
    title: str,
    *,
    expect_version: int | None = None,
    row: Mapping[str, str | None] | None = None,
) -> int:
    """Retitle an article (F2 in the library); returns its version now.

    `row`: what its row showed (title, outlet, published_at); `expect_version`: the version read
    as the title editor opened (`version`). Renamed or changed since (a colleague, another window):
    ConflictError says how and nothing is written.
    """
    title = " ".join(title.split())
    if not title:
        raise ClaimdeskError("An article needs a title")
    with db.session() as session:
        article = repository.get_article(session, article_id)
        newsroom_conflicts.check_title(article, expect_version, row, title)
        article.title = title
        session.flush()
        return article.version


def version(db: Database, article_id: int) -> int:
    """The article's version, read as its title editor opens (one row: reading it with every row
    listed would walk every article's text in SQLite, the column sits after it)."""
    with db.session(reading=True) as session:
        return repository.get_article(session, article_id).version


def move_to_trash(db: Database, article_ids: list[int]) -> None:
    """Hide articles in the trash; their claims and notes stay until the trash is emptied."""
    now = utcnow()
    with db.session() as session:
        for article_id in article_ids:
            repository.get_article(session, article_id).deleted_at = now


def restore(db: Database, article_ids: list[int]) -> None:
    with db.session() as session:
        for article_id in article_ids:
            repository.get_article(session, article_id).deleted_at = None


def empty_trash(db: Database) -> int:
    """Delete the trashed articles for good, with their claims and notes; how many went.

    Documents kept only for removed evidence (or for the trashed articles) go too, once the
    rows are deleted: a file is never deleted while a current evidence item uses it.
    """
    with db.session() as session:
        going = removed_attachments(session)
        count = repository.delete_trashed_articles(session)
    delete_attachments(db, going)
    return count
