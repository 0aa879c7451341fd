"""The verification memo as HTML: the one layout that the PDF, the printer and the preview all render.

Everything that comes from an article or a person (titles, claims, notes, URLs) is escaped here;
article text is untrusted and must never become markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from html import escape

from app.domain.records import ArticleRecord, ClaimRecord, EvidenceRecord
from app.domain.statuses import STATUSES, Status, status
from app.domain.summaries import ArticleVersionRecord
from app.domain.text_diff import VersionChange
from app.export.memo_options import MemoOptions

INK, GREY = "#1d1f23", "#5b616b"
TAKEN_OUT, PUT_IN = "#b3261e", "#1e6b34"  # both read at 4.5:1 or better on white; "−"/"+" say it too
MAX_CHANGES = 40  # a page rewritten end to end is summarised, not printed word by word
KEEP_TOGETHER = 7  # block user state: the paginator must not split this paragraph across pages

# Qt's rich text understands a subset of CSS 2: margins only in px (1px = 1/96 in, scaled to the
# printer), no borders on paragraphs. Keep to that.
_STYLE = f"""
body {{ font-family: 'DejaVu Sans'; font-size: 9.5pt; color: {INK}; }}
h1 {{ font-size: 17pt; margin-top: 0px; margin-bottom: 8px; }}
h2 {{ font-size: 12.5pt; margin-top: 22px; margin-bottom: 6px; }}
.kicker {{ color: {GREY}; font-size: 8pt; margin-bottom: 2px; }}
.meta {{ font-size: 9pt; }}
.key {{ color: {GREY}; }}
.small {{ color: {GREY}; font-size: 8.5pt; }}
.head {{ margin-top: 16px; margin-bottom: 4px; }}
.field {{ margin-left: 22px; margin-right: 22px; margin-top: 1px; margin-bottom: 1px; }}
.history {{ margin-left: 34px; margin-right: 34px; margin-top: 0px; margin-bottom: 0px;
            font-size: 8.5pt; color: {GREY}; }}
.article {{ font-size: 10pt; margin-bottom: 9px; }}
"""


def memo_html(
    article: ArticleRecord,
    reviewer: str,
    made_at: datetime,
    options: MemoOptions | None = None,
    versions: tuple[tuple[ArticleVersionRecord, ...], list[VersionChange]] | None = None,
) -> str:
    """Header, summary, what changed since the article was first captured (when it did: `versions`
    holds its versions and the changes from the first to the newest), the chosen claims in article
    order, and optionally the annotated article."""
    options = options or MemoOptions()
    numbered = [(n, c) for n, c in enumerate(article.claims, start=1) if c.status in options.statuses]
    parts = [f"<html><head><style>{_STYLE}</style></head><body>"]
    parts.append(_header(article, reviewer, made_at))
    parts.append(_summary(article.claims, numbered, options))
    if versions is not None and len(versions[0]) > 1:
        parts.append(_versions(*versions))
    parts.append(_caveats(article.claims))
    parts.append("<h2>Claims</h2>")
    if not numbered:
        parts.append('<p class="small">No claim has one of the chosen statuses.</p>')
    for number, claim in numbered:
        parts.append(_claim_html(number, claim, options.include_history))
    if options.include_appendix:
        parts.append(_appendix(article.text, numbered))
    parts.append("</body></html>")
    return "".join(parts)


# ---- small pieces ---------------------------------------------------------------------------


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")


def direction(text: str) -> str:
    """'rtl' when the first strongly directional letter is Arabic or Hebrew, else 'ltr' (Unicode P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


MAX_SENTENCE_CHARS = 2000  # a "sentence" longer than this is a text without full stops, not a claim


def _shortened(text: str) -> str:
    """A claim's words as the memo prints them: a run-on text is cut, saying how much is left out
    (laying out one paragraph of 300,000 words took Qt minutes)."""
    if len(text) <= MAX_SENTENCE_CHARS:
        return text
    rest = len(text) - MAX_SENTENCE_CHARS
    return f"{text[:MAX_SENTENCE_CHARS]} … [{rest:,} more characters, in the article]"


def _p(css_class: str, content_html: str, plain: str, tag: str = "p", keep: bool = False) -> str:
    """A paragraph whose direction, and so its alignment, follows its own text."""
    rtl = direction(plain) == "rtl"
    # Kept blocks are claim headings: the number hangs out, the sentence lines up with the fields.
    hang = f"-qt-user-state:{KEEP_TOGETHER}; text-indent:-22px; margin-{'right' if rtl else 'left'}:22px;"
    state = f' style="{hang}"' if keep else ""
    if rtl:
        return f'<{tag} class="{css_class}" dir="rtl" align="right"{state}>{content_html}</{tag}>'
    return f'<{tag} class="{css_class}"{state}>{content_html}</{tag}>'


def _multiline(text: str) -> str:
    return "<br>".join(escape(line) for line in text.strip().splitlines())


def _status_of(status_id: str) -> Status:
    """A status by id; one no longer in the vocabulary still prints, in grey, under its own id."""
    try:
        return status(status_id)
    except ValueError:
        return Status(status_id, status_id, "?", "#8a8f98", "", False)


def _text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.2 else "#ffffff"


def tint(colour: str, strength: float = 0.28) -> str:
    """The colour mixed into white: a highlight that keeps black text readable."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in rgb)


def badge(status_id: str) -> str:
    """The status as a coloured label with its word, so colour is never the only signal."""
    s = _status_of(status_id)
    return (
        f'<span style="background-color:{s.colour}; color:{_text_colour(s.colour)}; '
        f'font-weight:bold;">&nbsp;{escape(s.label)}&nbsp;</span>'
    )


# ---- header and summary ---------------------------------------------------------------------


def _header(article: ArticleRecord, reviewer: str, made_at: datetime) -> str:
    rows: list[tuple[str, str]] = []
    if article.outlet:
        rows.append(("Outlet", article.outlet))
    if article.source_url:
        rows.append(("URL", article.source_url))
    elif article.filename:
        rows.append(("File", article.filename))
    if article.byline:
        rows.append(("Byline", article.byline))
    if article.published_at:
        rows.append(("Published", article.published_at))
    rows.append(("Imported", _when(article.imported_at)))
    rows.append(("Reviewed by", reviewer or "unknown"))
    rows.append(("Memo made", _when(made_at)))
    cells = "".join(
        f'<tr><td class="key" width="18%">{escape(k)}</td><td>{escape(v)}</td></tr>' for k, v in rows
    )
    return (
        '<p class="kicker">VERIFICATION MEMO</p>'
        + _p("title", escape(article.title), article.title, tag="h1")
        + f'<table class="meta" width="100%" cellspacing="0" cellpadding="1">{cells}</table>'
    )


def _summary(
    claims: tuple[ClaimRecord, ...], numbered: list[tuple[int, ClaimRecord]], options: MemoOptions
) -> str:
    dismissed = sum(c.dismissed for c in claims)  # listed on request, counted apart: one count everywhere
    claims = tuple(c for c in claims if not c.dismissed)
    total = len(claims)
    parts = ["<h2>Summary</h2>"]
    if not total:
        parts.append("<p>No claims were found in this article.</p>")
        return "".join(parts)
    counts = Counter(c.status for c in claims)
    shown = [s for s in STATUSES if counts[s.id]]
    shown += [_status_of(sid) for sid in sorted(counts) if sid not in {s.id for s in STATUSES}]
    parts.append(_bar([(s.colour, counts[s.id]) for s in shown], total))
    legend = "&nbsp;&nbsp; ".join(f"{badge(s.id)}&nbsp;{counts[s.id]}" for s in shown)
    noun = "claim" if total == 1 else "claims"
    aside = f" &nbsp;&nbsp; and {dismissed} dismissed, listed below as such" if dismissed else ""
    parts.append(f'<p style="margin-top:6px;">{total} {noun} &nbsp;&nbsp; {legend}{aside}</p>')
    if not options.lists_every_status:
        chosen = ", ".join(s.label for s in STATUSES if s.id in options.statuses)
        parts.append(
            f'<p class="small">Listed below: {len(numbered)} of {total} claims, '
            f"those marked {escape(chosen)}. Numbers are the claims' places in the article.</p>"
        )
    return "".join(parts)


def _bar(segments: list[tuple[str, int]], total: int) -> str:
    """A horizontal bar split by status colour, each part as wide as its share of the claims."""
    widths = [max(1, round(100 * count / total)) for _, count in segments]
    widths[widths.index(max(widths))] += 100 - sum(widths)  # rounding must not overflow the row
    cells = "".join(
        f'<td width="{w}%" bgcolor="{colour}" style="font-size:5pt;">&nbsp;</td>'
        for (colour, _), w in zip(segments, widths, strict=True)
    )
    return f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'


def change_html(change: VersionChange, taken_out: str = TAKEN_OUT, put_in: str = PUT_IN) -> str:
    """One change in its context, escaped: the words taken out struck through, those put in
    underlined, each with its sign as well as its colour (the memo and the versions dialog)."""
    pieces = [f"…{escape(change.before)} " if change.before else ""]
    if change.old:
        pieces.append(f'<span style="color:{taken_out}">−&nbsp;<s>{escape(change.old)}</s></span> ')
    if change.new:
        pieces.append(f'<span style="color:{put_in}">+&nbsp;<u>{escape(change.new)}</u></span> ')
    pieces.append(f"{escape(change.after)}…" if change.after else "")
    return "".join(pieces)


def _versions(versions: tuple[ArticleVersionRecord, ...], changes: list[VersionChange]) -> str:
    """The article changed after it was first captured: when, and word by word how."""
    first, newest = versions[0], versions[-1]
    parts = ["<h2>The article changed</h2>"]
    for version in versions:
        line = f"Version {version.number}: captured {_when(version.captured_at)}, {version.words:,} words"
        parts.append(_p("field", escape(line), line))
    count = len(changes)
    parts.append(
        f'<p class="small">{count} change{"" if count == 1 else "s"} from version {first.number} '
        f"to version {newest.number} (the text this memo is about): − taken out, + put in.</p>"
    )
    for number, change in enumerate(changes[:MAX_CHANGES], start=1):
        plain = f"{change.before} {change.old} {change.new} {change.after}"
        parts.append(_p("field", f"<b>{number}.</b> {change_html(change)}", plain, keep=True))
    if count > MAX_CHANGES:
        parts.append(f'<p class="small">… and {count - MAX_CHANGES} more (claimdesk versions lists all).</p>')
    return "".join(parts)


def _caveats(claims: tuple[ClaimRecord, ...]) -> str:
    caveats = [(n, c) for n, c in enumerate(claims, start=1) if c.kind == "caveat"]
    parts = ["<h2>The outlet's own caveats</h2>"]
    if not caveats:
        parts.append('<p class="small">The article states no caveats of its own.</p>')
    for number, claim in caveats:
        parts.append(_p("field", f"<b>[{number}]</b> {escape(claim.text)}", claim.text))
    return "".join(parts)


# ---- one claim ------------------------------------------------------------------------------


def _claim_html(number: int, claim: ClaimRecord, include_history: bool) -> str:
    facts = [escape(claim.kind)]
    if claim.origin == "manual":
        facts.append("marked by hand")
    if not claim.anchored:
        facts.append("no longer found in the article's text")
    if claim.dismissed:
        facts.append(claim.dismissed_note)
    # Heading and sentence share one block that the layout keeps on one page (KEEP_TOGETHER):
    # a number and badge alone at the foot of a page, its sentence overleaf, reads badly.
    kind = f'<span class="small">{" · ".join(facts)}</span>'
    head = f"<b>{number}.</b>&nbsp;&nbsp;{badge(claim.status)}&nbsp;&nbsp;{kind}"
    sentence = f'<span style="font-size:10.5pt;">{escape(_shortened(claim.text))}</span>'
    if direction(claim.text) == "rtl":  # isolate the English heading inside a right-to-left block
        head = f"\u2066{head}\u2069"
    lines = [_p("head", f"{head}<br>{sentence}", claim.text, keep=True)]
    if claim.source_description:
        lines.append(_field("Source", claim.source_description))
    if claim.hedges:
        lines.append(_field("Hedges", ", ".join(claim.hedges)))
    if claim.figures:
        lines.append(_field("Figures", ", ".join(claim.figures)))
    if claim.tags:
        lines.append(_field("Tags", ", ".join(claim.tags)))
    if claim.reason:
        lines.append(_field("Reason", claim.reason))
    for note in claim.notes:
        byline = f" <span class='small'>— {escape(note.author or 'unknown')}, {_when(note.created_at)}</span>"
        lines.append(_field("Note", note.body, suffix=byline))
    lines.extend(_evidence_html(e) for e in claim.evidence)
    if include_history and claim.history:
        lines.append(_history(claim))
    return "".join(lines)


def _field(label: str, value: str, suffix: str = "") -> str:
    key = f'<span class="key">{escape(label)}:</span>'
    if direction(value) == "rtl":  # keep "Note:" reading as English inside a right-to-left line
        key = f"\u2066{key}\u2069"
    return _p("field", f"{key} {_multiline(value)}{suffix}", value)


def _evidence_html(evidence: EvidenceRecord) -> str:
    details: list[str] = []
    if evidence.kind == "url":
        label = "Link"
    elif evidence.kind == "document":
        label = "Document"
        if evidence.sha256:
            details.append(f"sha256 {evidence.sha256[:12]}")
    elif evidence.kind == "person":
        label = "Person"
        details += [x for x in (evidence.role, evidence.contact_method) if x]
        if evidence.contacted_at:
            details.append(f"contacted {_day(evidence.contacted_at)}")
    else:
        label = "Evidence"
    value = evidence.reference + "".join(f" · {d}" for d in details)
    if evidence.note:
        value += f" — {evidence.note}"
    return _field(label, value)


def _history(claim: ClaimRecord) -> str:
    rows = []
    for change in claim.history:
        old, new = _status_of(change.old_status).label, _status_of(change.new_status).label
        line = f"{_when(change.at)} · {change.author or 'unknown'} · {old} → {new}"
        if change.reason:
            line += f": {change.reason}"
        rows.append(_p("history", escape(line), ""))  # a date first: always left to right
    return _p("field", '<span class="key">History:</span>', "") + "".join(rows)


# ---- appendix: the article, annotated -------------------------------------------------------


def _appendix(text: str, numbered: Iterable[tuple[int, ClaimRecord]]) -> str:
    """The whole article, each listed claim highlighted in its status colour and tagged `[n]`."""
    spans = _highlight_spans(text, numbered)
    parts = [
        '<h2 style="page-break-before: always;">Appendix: the article</h2>',
        '<p class="small">The claims listed above are highlighted in their status colour and '
        "numbered as in the list.</p>",
    ]
    i = 0
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        pieces: list[str] = []
        pos = start
        while i < len(spans) and spans[i][0] < end:
            s, e, number, status_id = spans[i]
            piece_start, piece_end = max(s, start), min(e, end)
            if piece_end > piece_start:
                pieces.append(escape(text[pos:piece_start]))
                colour = _status_of(status_id).colour
                tag = f'<b style="color:{colour};">[{number}]</b>&nbsp;' if s >= start else ""
                pieces.append(
                    f'{tag}<span style="background-color:{tint(colour)};">'
                    f"{escape(text[piece_start:piece_end])}</span>"
                )
                pos = piece_end
            if e > end:  # the claim runs on into the next paragraph
                break
            i += 1
        pieces.append(escape(text[pos:end]))
        parts.append(_p("article", "".join(pieces), match.group()))
    return "".join(parts)


def _highlight_spans(
    text: str, numbered: Iterable[tuple[int, ClaimRecord]]
) -> list[tuple[int, int, int, str]]:
    """Non-overlapping (start, end, number, status) spans of the claims still found in the text."""
    marks = sorted(
        (c.start, c.end, n, c.status) for n, c in numbered if c.anchored and 0 <= c.start < c.end <= len(text)
    )
    spans: list[tuple[int, int, int, str]] = []
    cursor = 0
    for start, end, number, status_id in marks:
        start = max(start, cursor)  # a claim inside another is highlighted from where that one ends
        if start < end:
            spans.append((start, end, number, status_id))
            cursor = end
    return spans
