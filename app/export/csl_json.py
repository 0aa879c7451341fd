"""CSL-JSON (the Citation Style Language's data format) for Zotero, Pandoc and citation processors.

A list of items, one per article: `id` and `type` (required by the CSL data schema), `title`,
`URL`, `container-title` (the outlet), `author` as a literal name (a byline is not reliably
"given family"), `issued` and `accessed` as `date-parts`. CSL-JSON has no child notes, so the
claims and their verdicts travel in `note`, one claim after another (Zotero shows it as the
item's Extra); RIS is the export that gives Zotero one child note per claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from app.domain.records import ArticleRecord
from app.export.claim_summary import claim_lines
from app.export.dates import published_on


def csl_items(articles: Iterable[ArticleRecord]) -> list[dict[str, Any]]:
    return [csl_item(article) for article in articles]


def csl_item(article: ArticleRecord) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": f"claimdesk-{article.id}",
        "type": "article-newspaper" if article.outlet else "webpage",
        "title": article.title,
    }
    if article.outlet:
        item["container-title"] = article.outlet
    if article.byline:
        item["author"] = [{"literal": article.byline}]
    if article.source_url:
        item["URL"] = article.source_url
    if published := published_on(article.published_at):
        item["issued"] = _date_parts(published)
    elif article.published_at and article.published_at.strip():
        item["issued"] = {"raw": article.published_at.strip()}
    item["accessed"] = _date_parts(article.imported_at.astimezone().date())
    if article.claims:
        item["note"] = "\n".join(
            line for n, claim in enumerate(article.claims, start=1) for line in claim_lines(n, claim)
        )
    return item


def _date_parts(day: date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}
