"""Claims as CSV, one row per claim, for spreadsheets.

Written as UTF-8 with a byte-order mark: Excel opens a BOM-less UTF-8 CSV as the local code page
and mangles every accented or Cyrillic letter, while LibreOffice, Numbers, pandas and Python's
`utf-8-sig` all read the BOM correctly. Several notes or evidence items in one cell are separated
by a blank line; newlines inside them are kept (the csv module quotes such cells).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula in
Excel, LibreOffice or Google Sheets (article text and notes come from strangers: a page can plant
`=HYPERLINK(...)` or `=cmd|...`), so such a cell gets a leading apostrophe, which the spreadsheet
shows as text and hides. Every cell goes through `safe_cell`, ids and dates included.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from app.domain.records import ArticleRecord, ClaimRecord, EvidenceRecord
from app.domain.statuses import status

COLUMNS = (
    "article", "sentence", "source", "status", "reason", "notes", "evidence", "updated", "dismissed",
    "url", "article_id", "claim_uid", "tags",
)  # fmt: skip
ENCODING = "utf-8-sig"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TAG_SEPARATOR = "; "  # tags may hold commas; a semicolon is rarer in a tag


def claims_csv(articles: Iterable[ArticleRecord]) -> str:
    """The CSV text (without the BOM: the encoding adds it when written)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for article in articles:
        for claim in article.claims:
            writer.writerow([safe_cell(cell) for cell in row(article, claim)])
    return buffer.getvalue()


def safe_cell(value: str) -> str:
    """The cell as a spreadsheet shows it, never run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def row(article: ArticleRecord, claim: ClaimRecord) -> list[str]:
    """One claim's cells, in the order of COLUMNS, before formula escaping."""
    return [
        article.title,
        claim.text,
        claim.source or "",
        _label(claim.status),
        claim.reason if claim.history else "",
        "\n\n".join(f"{n.author}: {n.body}" if n.author else n.body for n in claim.notes),
        "\n\n".join(evidence_line(e) for e in claim.evidence),
        claim.updated_at.isoformat(timespec="seconds"),
        "yes" if claim.dismissed else "",
        article.source_url or "",
        str(article.id),
        claim.uid,
        TAG_SEPARATOR.join(claim.tags),
    ]


def evidence_line(item: EvidenceRecord) -> str:
    details = [item.reference]
    if item.role:
        details.append(item.role)
    if item.contact_method:
        details.append(item.contact_method)
    if item.contacted_at:
        details.append(item.contacted_at.isoformat(timespec="minutes"))
    if item.outcome:
        details.append(item.outcome)
    if item.sha256:
        details.append(f"sha256 {item.sha256}")
    text = f"{item.kind}: {', '.join(details)}"
    return f"{text} — {item.note}" if item.note else text


def _label(status_id: str) -> str:
    try:
        return status(status_id).label
    except ValueError:
        return status_id
