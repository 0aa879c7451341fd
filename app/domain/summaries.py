"""Records that list, filter or compare articles: the library, the versions of one article.

Kept apart from app/domain/records.py, whose records are what showing an article needs: that
module is read before the first paint, and every frozen dataclass costs its creation there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str
    byline: str | None
    format: str
    imported_at: datetime
    claim_count: int


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    id: int
    title: str
    outlet: str | None
    published: str | None  # as the outlet gives it
    imported_at: datetime
    deleted_at: datetime | None
    statuses: tuple[tuple[str, int], ...] = field(default=())  # (status id, count), in STATUSES order

    @property
    def claim_count(self) -> int:
        return sum(n for _, n in self.statuses)


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    status: str | None = None  # articles with at least one claim of this status
    outlet: str | None = None
    tag: str | None = None  # articles with at least one claim tagged so
    trash: bool = False  # the trash instead of the library


@dataclass(frozen=True, slots=True)
class ArticleVersionRecord:
    """One text an article has had (number 1: the first import), without the text itself."""

    number: int
    captured_at: datetime
    sha256: str  # of the bytes the text was read from
    title: str
    words: int
