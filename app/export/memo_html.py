"""The verification memo as HTML, the one layout the PDF (and later print) render."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from html import escape

from app.domain.statuses import STATUSES, status
from app.storage.records import ArticleRecord, ClaimRecord

_STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1d1f23; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 14pt; border-bottom: 1px solid #c8ccd2; }
.meta { color: #4a4f57; font-size: 9pt; }
.claim { font-size: 10.5pt; margin-top: 4pt; }
.label { color: #4a4f57; font-size: 8.5pt; }
.note { margin-left: 12pt; }
"""


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def badge(status_id: str) -> str:
    s = status(status_id)
    return (
        f'<span style="background-color:{s.colour}; color:white; font-weight:bold;">'
        f"&nbsp;{escape(s.letter)} {escape(s.label)}&nbsp;</span>"
    )


def memo_html(article: ArticleRecord, reviewer: str, made_at: datetime) -> str:
    """Header, a count by status, then every claim with its status, notes and history."""
    parts = [f"<html><head><style>{_STYLE}</style></head><body>"]
    parts.append(f"<h1>{escape(article.title)}</h1>")
    meta = [f"Source: {escape(article.source_label)}"]
    if article.byline:
        meta.append(f"Byline: {escape(article.byline)}")
    if article.published_at:
        meta.append(f"Published: {escape(article.published_at)}")
    meta.append(f"Imported: {_when(article.imported_at)}")
    meta.append(f"Reviewed by: {escape(reviewer or 'unknown')} · memo made {_when(made_at)}")
    parts.append('<p class="meta">' + "<br>".join(meta) + "</p>")
    parts.append(_summary(article.claims))
    parts.append(f"<h2>Claims ({len(article.claims)})</h2>")
    for number, claim in enumerate(article.claims, start=1):
        parts.append(_claim_html(number, claim))
    parts.append("</body></html>")
    return "".join(parts)


def _summary(claims: tuple[ClaimRecord, ...]) -> str:
    counts = Counter(c.status for c in claims)
    cells = [f"<td>{badge(s.id)}&nbsp;{counts[s.id]}&nbsp;&nbsp;</td>" for s in STATUSES if counts[s.id]]
    if not cells:
        return "<p>No claims were found in this article.</p>"
    return '<table cellspacing="2"><tr>' + "".join(cells) + "</tr></table>"


def _claim_html(number: int, claim: ClaimRecord) -> str:
    lines = [f'<p class="claim"><b>{number}.</b> {badge(claim.status)} {escape(claim.text)}</p>']
    facts = [f"Kind: {escape(claim.kind)}"]
    if claim.source:
        source = escape(claim.source)
        if claim.source_refers_to:
            source += f" (= {escape(claim.source_refers_to)})"
        if claim.secondary_source:
            source += f", citing {escape(claim.secondary_source)}"
        facts.append(f"Source: {source}")
    if claim.hedges:
        facts.append("Hedges: " + escape(", ".join(claim.hedges)))
    if claim.figures:
        facts.append("Figures: " + escape(", ".join(claim.figures)))
    lines.append('<p class="label">' + " · ".join(facts) + "</p>")
    for note in claim.notes:
        who = escape(note.author or "unknown")
        lines.append(
            f'<p class="note"><i>Note ({who}, {_when(note.created_at)}):</i> {escape(note.body)}</p>'
        )
    for change in claim.history:
        reason = f": {escape(change.reason)}" if change.reason else ""
        old, new = status(change.old_status).label, status(change.new_status).label
        who = escape(change.author or "unknown")
        lines.append(f'<p class="label note">{_when(change.at)} {who} changed {old} → {new}{reason}</p>')
    return "".join(lines)
