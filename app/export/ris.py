"""RIS for Zotero, EndNote and other reference managers: one record per article.

Each line is `XX  - value` (two capital letters or a letter and a digit, two spaces, a hyphen, a
space), lines end with CR LF, a record opens with TY and closes with `ER  - `. Zotero turns each
N1 of a record into a child note of the item: one N1 per claim, written as one line of HTML (Zotero
keeps HTML notes as they are, and a note on one line cannot be cut by a line that looks like a
tag). KW lines carry the claims' tags, which become the item's tags.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from app.domain.records import ArticleRecord
from app.export.claim_summary import claim_lines
from app.export.dates import published_on

EOL = "\r\n"


def articles_ris(articles: Iterable[ArticleRecord]) -> str:
    """The RIS text of every article, records separated by a blank line."""
    return EOL.join(article_record(article) for article in articles)


def article_record(article: ArticleRecord) -> str:
    """One article as a RIS record: TY first, ER last."""
    tags: list[tuple[str, str]] = [("TY", "NEWS" if article.outlet else "ELEC"), ("TI", article.title)]
    if article.byline:
        tags.append(("AU", article.byline))
    if article.outlet:
        tags.append(("T2", article.outlet))
    if published := published_on(article.published_at):
        tags += [("PY", f"{published.year}"), ("DA", published.strftime("%Y/%m/%d"))]
    if article.source_url:
        tags.append(("UR", article.source_url))
    tags.append(("Y2", article.imported_at.astimezone().strftime("%Y/%m/%d")))  # accessed
    tags.append(("ID", f"claimdesk-{article.id}"))
    for tag in sorted({t for claim in article.claims for t in claim.tags}, key=str.casefold):
        tags.append(("KW", tag))
    for number, claim in enumerate(article.claims, start=1):
        tags.append(("N1", note_html(claim_lines(number, claim))))
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags]
    return EOL.join([*lines, "ER  - ", ""])


def note_html(lines: list[str]) -> str:
    """A claim's lines as one line of HTML: its heading in bold, the details as a list."""
    head, details = lines[0], [line.removeprefix("  - ") for line in lines[1:]]
    items = "".join(f"<li>{html.escape(detail)}</li>" for detail in details)
    return f"<p><b>{html.escape(head)}</b></p>" + (f"<ul>{items}</ul>" if items else "")


def _one_line(value: str) -> str:
    return " ".join(value.split())
