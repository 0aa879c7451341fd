"""All 295 Wikinews articles (../shared/eval/news/wikinews) analysed, invariants checked.

Speed is measured by tests/benchmarks/bench_engine.py, which prints its figures; no unit test
is timed.
"""

from __future__ import annotations

import pytest

from app.domain.claims import analyze
from app.domain.text import normalize_text
from tests.evaluation.claims import WIKINEWS, invariant_errors, wikinews_articles

pytestmark = pytest.mark.skipif(not any(WIKINEWS.glob("*.csv")), reason="wikinews sample not present")


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, str]]:
    return [(normalize_text(a["text"]), a["title"]) for a in wikinews_articles()]


def test_there_are_295_articles(articles: list[tuple[str, str]]) -> None:
    assert len(articles) == 295


def test_every_article_keeps_the_invariants(articles: list[tuple[str, str]]) -> None:
    failures = {}
    for text, title in articles:
        errors = invariant_errors(analyze(text, title=title))
        if errors:
            failures[title] = errors
    assert failures == {}


def test_every_article_yields_claims_and_skips_its_dateline(articles: list[tuple[str, str]]) -> None:
    for text, title in articles:
        a = analyze(text, title=title)
        if len(text.split()) > 20:  # the sample holds one empty test page
            assert a.claims, title
        first_line = text.strip().split("\n", 1)[0].strip()
        assert all(c.text != first_line for c in a.claims if first_line.endswith(("2019", "2020")))
