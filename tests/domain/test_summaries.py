"""The library's claim count is the sum of its per-status counts (app/domain/summaries.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.summaries import LibraryEntry

AT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def entry(*statuses: tuple[str, int]) -> LibraryEntry:
    return LibraryEntry(1, "Harbour works", "Coast Times", None, AT, None, statuses)


def test_an_article_counts_every_claim_whatever_its_status() -> None:
    assert entry(("unchecked", 3), ("false", 2), ("true", 1)).claim_count == 6


def test_an_article_without_claims_counts_none() -> None:
    assert entry().claim_count == 0
