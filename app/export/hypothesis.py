"""Annotations in the shape of Hypothesis's API (`{"total", "rows"}`), one row per claim.

What `claimdesk import-annotations` reads as Hypothesis (app/services/annotations.py), and what
tools built on Hypothesis's format take: `uri` (the article's URL, else the `ni:` name of its text,
as the W3C export uses), a target with a TextQuoteSelector and, for an anchored claim, a
TextPositionSelector in UTF-16 code units as a browser counts them; `text` is the verdict, the
reason and the notes in Markdown; `tags` the claim's tags. Hypothesis has no place for a status,
so the verdict is part of the text. A row's `id` is the claim's uid in Hypothesis's own id form (22
URL-safe base64 characters), so exporting twice gives the same ids and importing twice adds
nothing the second time.
"""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Any

from app.domain.anchoring import codepoint_to_utf16
from app.domain.records import ArticleRecord, ClaimRecord
from app.export.markdown import label
from app.export.w3c import claim_quote, iso, target_source

GROUP = "__world__"
USER_DOMAIN = "claimdesk.invalid"  # a reserved name: no Hypothesis account can be mistaken for it


def hypothesis_export(article: ArticleRecord, reviewer: str) -> dict[str, Any]:
    rows = [hypothesis_row(article, claim, reviewer) for claim in article.claims]
    return {"total": len(rows), "rows": rows}


def hypothesis_row(article: ArticleRecord, claim: ClaimRecord, reviewer: str) -> dict[str, Any]:
    source = target_source(article)
    quote = claim_quote(claim, article.text)
    selectors: list[dict[str, Any]] = []
    if claim.anchored:
        selectors.append({
            "type": "TextPositionSelector",
            "start": codepoint_to_utf16(article.text, claim.start),
            "end": codepoint_to_utf16(article.text, claim.end),
        })  # fmt: skip
    selectors.append({"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix,
                      "suffix": quote.suffix})  # fmt: skip
    author = claim.history[-1].author if claim.history and claim.history[-1].author else reviewer
    created = min([claim.updated_at, *(n.created_at for n in claim.notes)])
    return {
        "id": row_id(claim),
        "created": iso(created),
        "updated": iso(claim.updated_at),
        "user": f"acct:{_account(author)}@{USER_DOMAIN}",
        "user_info": {"display_name": author or None},
        "uri": source,
        "group": GROUP,
        "text": row_text(claim),
        "tags": list(claim.tags),
        "target": [{"source": source, "selector": selectors}],
        "document": {"title": [article.title]},
        "permissions": {"read": [f"group:{GROUP}"]},
    }


def row_id(claim: ClaimRecord) -> str:
    """The claim's uid as Hypothesis writes ids; a claim without a uid gets one from its id."""
    try:
        ident = uuid.UUID(claim.uid)
    except ValueError:
        ident = uuid.uuid5(uuid.NAMESPACE_URL, f"claimdesk:claim:{claim.id}")
    return base64.urlsafe_b64encode(ident.bytes).decode("ascii").rstrip("=")


def row_text(claim: ClaimRecord) -> str:
    """The verdict (with its reason) in bold, then each note with who wrote it and when."""
    verdict = f"**{label(claim.status)}**"
    if claim.reason and claim.history:
        verdict += f": {claim.reason}"
    parts = [verdict]
    for note in claim.notes:
        by = f"{note.author}, " if note.author else ""
        parts.append(f"*{by}{_day(note.created_at)}:*\n\n{note.body.strip()}")
    return "\n\n".join(parts)


def _account(name: str) -> str:
    """A Hypothesis-like user name (letters, digits, dots and underscores) from a display name."""
    kept = "".join(c if c.isascii() and (c.isalnum() or c in "._") else "_" for c in name.strip())
    return kept.strip("_") or "claimdesk"


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
