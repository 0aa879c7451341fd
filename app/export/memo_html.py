"""The verification memo as HTML: the one layout that the PDF, the printer and the preview all render.

Everything that comes from an article or a person (titles, claims, notes, URLs) is escaped here;
article text is untrusted and must never become markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from html import escape
from itertools import pairwise

from PySide6.QtCore import QCoreApplication

from app.domain.link_records import ClaimLinks
from app.domain.records import ArticleRecord, ClaimRecord, EvidenceRecord
from app.domain.statuses import STATUSES, Status, status
from app.domain.summaries import ArticleVersionRecord
from app.domain.text_diff import VersionChange
from app.export.markdown_html import breakable, is_safe_link, linked, render_markdown
from app.export.memo_links import elsewhere_html
from app.export.memo_options import MemoOptions, verdict_rank

INK, GREY = "#1d1f23", "#5b616b"
TAKEN_OUT, PUT_IN = "#b3261e", "#1e6b34"  # both read at 4.5:1 or better on white; "−"/"+" say it too
MAX_CHANGES = 40  # a page rewritten end to end is summarised, not printed word by word
KEEP_TOGETHER = 7  # block user state: the paginator must not split this paragraph across pages
GLANCE_LINE = 8  # block user state of an at-a-glance line: tests check that each stays one line
KEEP_WITH_NEXT = 9  # block user state: a heading or label never ends a page, apart from what follows
_WITH_NEXT = f' style="-qt-user-state:{KEEP_WITH_NEXT};"'
# The memo is written in the window's language: the window installs its translator (app/ui/translation.py);
# the command line installs none, so its memos stay in English. Words only: dates stay ISO 8601.
translate = QCoreApplication.translate
GLANCE_CHARS = 92  # what one at-a-glance line holds at 8.5pt on A4 or Letter, with room to spare

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
.glance {{ font-size: 8.5pt; margin-top: 0px; margin-bottom: 2px; }}
.note {{ margin-left: 22px; margin-right: 22px; margin-top: 1px; margin-bottom: 3px; }}
.note p {{ margin-top: 0px; margin-bottom: 3px; }}
.note ul, .note ol {{ margin-top: 0px; margin-bottom: 3px; }}
.note pre {{ font-size: 8.5pt; margin-top: 0px; margin-bottom: 3px; }}
.note blockquote {{ color: {GREY}; margin-top: 0px; margin-bottom: 3px; margin-left: 18px; }}
a {{ color: #1a56a8; text-decoration: underline; }}
.muted {{ color: {GREY}; }}
.orphans {{ margin-top: 14px; }}
"""


def memo_html(
    article: ArticleRecord,
    reviewer: str,
    made_at: datetime,
    options: MemoOptions | None = None,
    versions: tuple[tuple[ArticleVersionRecord, ...], list[VersionChange]] | None = None,
    links: Mapping[int, ClaimLinks] | None = None,
) -> str:
    """Header, summary with a line per claim, what changed since the article was first captured
    (when it did: `versions` holds its versions and the changes from the first to the newest), the
    chosen claims by verdict or in article order, where else in the library they are made (when
    `links` has any), and optionally the annotated article.

    Claims keep their place in the article as their number, whatever order lists them."""
    options = options or MemoOptions()
    numbered = [(n, c) for n, c in enumerate(article.claims, start=1) if c.status in options.statuses]
    listed = in_memo_order(numbered, options.order)
    parts = [f"<html><head><style>{_STYLE}</style></head><body>"]
    parts.append(_header(article, reviewer, made_at))
    parts.append(_summary(article.claims, numbered, options))
    parts.append(_at_a_glance(listed))
    if versions is not None and len(versions[0]) > 1:
        parts.append(_versions(*versions))
    parts.append(_caveats(article.claims))
    parts.append(f"<h2{_WITH_NEXT}>" + translate("Memo", "Claims") + "</h2>")
    if not numbered:
        parts.append(
            '<p class="small">' + translate("Memo", "No claim has one of the chosen statuses.") + "</p>"
        )
    for number, claim in listed:
        parts.append(_claim_html(number, claim, options.include_history))
    if links:  # the claims other articles of the library make too (issue 20)
        parts.append(elsewhere_html(listed, links, KEEP_WITH_NEXT))
    if options.include_appendix:
        parts.append(_appendix(article.text, numbered))
    parts.append("</body></html>")
    return "".join(parts)


def in_memo_order(numbered: list[tuple[int, ClaimRecord]], order: str) -> list[tuple[int, ClaimRecord]]:
    """The claims as the memo lists them: by verdict, the most serious first (then by place), or in
    the article's order. Dismissed claims listed on request come last either way."""
    if order == "article":
        return sorted(numbered, key=lambda item: (item[1].dismissed, item[0]))
    return sorted(numbered, key=lambda item: (item[1].dismissed, verdict_rank(item[1].status), item[0]))


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
    left_out = translate("Memo", "[{count} more characters, in the article]").format(count=f"{rest:,}")
    return f"{text[:MAX_SENTENCE_CHARS]} … {left_out}"


def _p(
    css_class: str, content_html: str, plain: str, tag: str = "p", keep: bool = False, state: int = 0
) -> str:
    """A paragraph whose direction, and so its alignment, follows its own text."""
    rtl = direction(plain) == "rtl"
    # Kept blocks are claim headings: the number hangs out, the sentence lines up with the fields.
    hang = f"-qt-user-state:{KEEP_TOGETHER}; text-indent:-22px; margin-{'right' if rtl else 'left'}:22px;"
    # Other marked blocks (`state`) only carry a user state that the layout or tests look for.
    state_attr = f' style="{hang}"' if keep else (f' style="-qt-user-state:{state};"' if state else "")
    if rtl:
        return f'<{tag} class="{css_class}" dir="rtl" align="right"{state_attr}>{content_html}</{tag}>'
    return f'<{tag} class="{css_class}"{state_attr}>{content_html}</{tag}>'


def _multiline(text: str) -> str:
    """Plain text, escaped, its lines kept and its web addresses live links."""
    return "<br>".join(linked(line) for line in text.strip().splitlines())


def _link_or_text(address: str) -> str:
    """A web address as a live link that wraps at sensible places; anything else as text."""
    if is_safe_link(address) and not any(c.isspace() for c in address.strip()):
        return f'<a href="{escape(address.strip())}">{breakable(address.strip())}</a>'
    return _multiline(address)


def note_html(body: str) -> str:
    """A note's Markdown as the memo prints it: the shared rendering, headings as bold lines (a
    note's "# Title" must not outrank the memo's own headings)."""
    html = render_markdown(body)
    html = re.sub(r"<h[1-6]>", "<p><b>", html)
    html = re.sub(r"</h[1-6]>", "</b></p>", html)
    # Qt draws a table without lines unless told; a note's table needs them to be read as one.
    rules = "border-style:solid; border-color:#c8ccd2"
    return html.replace("<table>", f'<table border="1" cellspacing="0" cellpadding="3" style="{rules}">')


def status_name(status_id: str) -> str:
    """A status's name as the memo prints it, in the window's language."""
    return translate("Statuses", _status_of(status_id).label)


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
        f'font-weight:bold;">&nbsp;{escape(status_name(status_id))}&nbsp;</span>'
    )


# ---- header and summary ---------------------------------------------------------------------


def _header(article: ArticleRecord, reviewer: str, made_at: datetime) -> str:
    rows: list[tuple[str, str]] = []
    if article.outlet:
        rows.append((translate("Memo", "Outlet"), article.outlet))
    url = translate("Memo", "URL")
    if article.source_url:
        rows.append((url, article.source_url))
    elif article.filename:
        rows.append((translate("Memo", "File"), article.filename))
    if article.byline:
        rows.append((translate("Memo", "Byline"), article.byline))
    if article.published_at:
        rows.append((translate("Memo", "Published"), article.published_at))
    rows.append((translate("Memo", "Imported"), _when(article.imported_at)))
    rows.append((translate("Memo", "Reviewed by"), reviewer or translate("Memo", "unknown")))
    rows.append((translate("Memo", "Memo made"), _when(made_at)))
    cells = "".join(
        f'<tr><td class="key" width="18%">{escape(k)}</td><td>{_link_or_text(v) if k == url else escape(v)}'
        "</td></tr>"
        for k, v in rows
    )
    return (
        '<p class="kicker">'
        + translate("Memo", "VERIFICATION MEMO")
        + "</p>"
        + _p("title", escape(article.title), article.title, tag="h1")
        + f'<table class="meta" width="100%" cellspacing="0" cellpadding="1">{cells}</table>'
    )


def _summary(
    claims: tuple[ClaimRecord, ...], numbered: list[tuple[int, ClaimRecord]], options: MemoOptions
) -> str:
    dismissed = sum(c.dismissed for c in claims)  # listed on request, counted apart: one count everywhere
    claims = tuple(c for c in claims if not c.dismissed)
    total = len(claims)
    parts = ["<h2>" + translate("Memo", "Summary") + "</h2>"]
    if not total:
        parts.append("<p>" + translate("Memo", "No claims were found in this article.") + "</p>")
        return "".join(parts)
    counts = Counter(c.status for c in claims)
    shown = [s for s in STATUSES if counts[s.id]]
    shown += [_status_of(sid) for sid in sorted(counts) if sid not in {s.id for s in STATUSES}]
    parts.append(_bar([(s.colour, counts[s.id]) for s in shown], total))
    legend = "&nbsp;&nbsp; ".join(f"{badge(s.id)}&nbsp;{counts[s.id]}" for s in shown)
    counted = (
        translate("Memo", "1 claim")
        if total == 1
        else translate("Memo", "{count} claims").format(count=total)
    )
    aside = ""
    if dismissed:
        aside = " &nbsp;&nbsp; " + translate("Memo", "and {count} dismissed, listed below as such").format(
            count=dismissed
        )
    parts.append(f'<p style="margin-top:6px;">{counted} &nbsp;&nbsp; {legend}{aside}</p>')
    if not options.lists_every_status:
        chosen = ", ".join(status_name(s.id) for s in STATUSES if s.id in options.statuses)
        listed = translate(
            "Memo",
            "Listed below: {listed} of {total} claims, those marked {statuses}. "
            "Numbers are the claims' places in the article.",
        ).format(listed=len(numbered), total=total, statuses=escape(chosen))
        parts.append(f'<p class="small">{listed}</p>')
    return "".join(parts)


def _at_a_glance(listed: list[tuple[int, ClaimRecord]]) -> str:
    """One line per claim, in the memo's order: number, verdict, who says it, its figures, and as
    much of its words as the line holds. What an editor reads before anything else."""
    if not listed:
        return ""
    parts = [
        f'<p class="small" style="margin-top:8px; margin-bottom:3px; -qt-user-state:{KEEP_WITH_NEXT};">'
        + translate("Memo", "At a glance")
        + "</p>"
    ]
    quoted = translate("Memo", "“{words}”")  # the quotation marks of the memo's language
    for number, claim in listed:
        label = status_name(claim.status)
        facts = [claim.source_name or translate("Memo", "no source named")]
        if claim.figures:
            facts.append(", ".join(claim.figures))
        if claim.dismissed:
            facts.append(translate("Memo", "dismissed"))
        lead = " · ".join(facts)
        room = GLANCE_CHARS - len(f"{number}. {label} {lead} — {quoted.format(words='')}")
        words = " ".join(claim.text.split())
        if room < 16:  # a long source or many figures: cut them, keep a few words of the claim
            lead = _cut(lead, max(12, len(lead) + room - 16))
            room = 16
        quote = _cut(words, room)
        line = (
            f"<b>{number}.</b>&nbsp;{badge(claim.status)}&nbsp; {escape(lead)} "
            f'<span style="color:{GREY};">— {escape(quoted.format(words=quote))}</span>'
        )
        parts.append(_p("glance", line, claim.text, state=GLANCE_LINE))
    return "".join(parts)


def _cut(text: str, room: int) -> str:
    """`text` shortened at a word to at most `room` characters, with an ellipsis when cut."""
    if len(text) <= room:
        return text
    cut = text[: max(1, room - 1)]
    if " " in cut[room // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:·") + "…"


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
    parts = [f"<h2{_WITH_NEXT}>" + translate("Memo", "The article changed") + "</h2>"]
    for version in versions:
        line = translate("Memo", "Version {number}: captured {when}, {words} words").format(
            number=version.number, when=_when(version.captured_at), words=f"{version.words:,}"
        )
        parts.append(_p("field", escape(line), line))
    count = len(changes)
    changed = (
        translate("Memo", "1 change from version {first} to version {newest} (the text this memo is about): ")
        if count == 1
        else translate(
            "Memo", "{count} changes from version {first} to version {newest} (the text this memo is about): "
        )
    ).format(count=count, first=first.number, newest=newest.number)
    parts.append(f'<p class="small">{changed}' + translate("Memo", "− taken out, + put in.") + "</p>")
    for number, change in enumerate(changes[:MAX_CHANGES], start=1):
        plain = f"{change.before} {change.old} {change.new} {change.after}"
        parts.append(_p("field", f"<b>{number}.</b> {change_html(change)}", plain, keep=True))
    if count > MAX_CHANGES:
        more = translate("Memo", "… and {count} more (claimdesk versions lists all).").format(
            count=count - MAX_CHANGES
        )
        parts.append(f'<p class="small">{more}</p>')
    return "".join(parts)


def _caveats(claims: tuple[ClaimRecord, ...]) -> str:
    caveats = [(n, c) for n, c in enumerate(claims, start=1) if c.kind == "caveat"]
    parts = [f"<h2{_WITH_NEXT}>" + translate("Memo", "The outlet's own caveats") + "</h2>"]
    if not caveats:
        parts.append(
            '<p class="small">' + translate("Memo", "The article states no caveats of its own.") + "</p>"
        )
    for number, claim in caveats:
        parts.append(_p("field", f"<b>[{number}]</b> {escape(claim.text)}", claim.text))
    return "".join(parts)


# ---- one claim ------------------------------------------------------------------------------


def _claim_html(number: int, claim: ClaimRecord, include_history: bool) -> str:
    facts = [escape(translate("ClaimKinds", claim.kind))]
    if claim.origin == "manual":
        facts.append(translate("Memo", "marked by hand"))
    if not claim.anchored:
        facts.append(escape(translate("Memo", "no longer found in the article's text")))
    if claim.dismissed:
        facts.append(translate("Memo", "dismissed: judged not worth checking (kept in the library)"))
    # Heading and sentence share one block that the layout keeps on one page (KEEP_TOGETHER):
    # a number and badge alone at the foot of a page, its sentence overleaf, reads badly.
    kind = f'<span class="small">{" · ".join(facts)}</span>'
    head = f"<b>{number}.</b>&nbsp;&nbsp;{badge(claim.status)}&nbsp;&nbsp;{kind}"
    sentence = f'<span style="font-size:10.5pt;">{escape(_shortened(claim.text))}</span>'
    if direction(claim.text) == "rtl":  # isolate the English heading inside a right-to-left block
        head = f"\u2066{head}\u2069"
    lines = [_p("head", f"{head}<br>{sentence}", claim.text, keep=True)]
    if claim.source_description:
        described = claim.described_source(
            translate("Memo", " — the text says “{words}”"),
            translate("Memo", ", citing {source}"),
            translate("Memo", " — uncertain (confidence {confidence})"),
        )
        lines.append(_field(translate("Memo", "Source"), described or ""))
    if claim.hedges:
        lines.append(_field(translate("Memo", "Hedges"), ", ".join(claim.hedges)))
    if claim.figures:
        lines.append(_field(translate("Memo", "Figures"), ", ".join(claim.figures)))
    if claim.tags:
        lines.append(_field(translate("Memo", "Tags"), ", ".join(claim.tags)))
    if claim.reason:
        lines.append(_field(translate("Memo", "Reason"), claim.reason))
    for note in claim.notes:
        author = escape(note.author or translate("Memo", "unknown"))
        byline = f"<span class='small'>{author}, {_when(note.created_at)}</span>"
        note_key = escape(translate("Memo", "Note"))
        lines.append(_p("field", f'<span class="key">{note_key}</span> — {byline}', "", state=KEEP_WITH_NEXT))
        lines.append(f'<div class="note"{_dir_attr(note.body)}>{note_html(note.body)}</div>')
    lines.extend(_evidence_html(e) for e in claim.evidence)
    if include_history and claim.history:
        lines.append(_history(claim))
    return "".join(lines)


def _dir_attr(text: str) -> str:
    return ' dir="rtl" align="right"' if direction(text) == "rtl" else ""


def _field(label: str, value: str, suffix: str = "", value_html: str | None = None) -> str:
    key = f'<span class="key">{escape(label)}:</span>'
    if direction(value) == "rtl":  # keep "Note:" reading as English inside a right-to-left line
        key = f"\u2066{key}\u2069"
    shown = _multiline(value) if value_html is None else value_html
    return _p("field", f"{key} {shown}{suffix}", value)


def _evidence_html(evidence: EvidenceRecord) -> str:
    details: list[str] = []
    if evidence.kind == "url":
        label = translate("Memo", "Link")
    elif evidence.kind == "document":
        label = translate("Memo", "Document")
        if evidence.sha256:
            details.append(f"sha256 {evidence.sha256[:12]}")
    elif evidence.kind == "person":
        label = translate("Memo", "Person")
        details += [x for x in (evidence.role, evidence.contact_method) if x]
        if evidence.contacted_at:
            details.append(translate("Memo", "contacted {day}").format(day=_day(evidence.contacted_at)))
        if evidence.outcome:
            details.append(translate("Outcomes", evidence.outcome))
    else:
        label = translate("Memo", "Evidence")
    value = evidence.reference + "".join(f" · {d}" for d in details)
    if evidence.note:
        value += f" — {evidence.note}"
    linkable = evidence.kind == "url"
    reference = _link_or_text(evidence.reference) if linkable else _multiline(evidence.reference)
    shown = reference + "".join(f" · {escape(d)}" for d in details)
    if evidence.note:
        shown += f" — {_multiline(evidence.note)}"
    return _field(label, value, value_html=shown)


def _history(claim: ClaimRecord) -> str:
    """Every change of status; the latest one's reason is the claim's Reason, printed once above."""
    rows = []
    for step, change in enumerate(claim.history, start=1):
        old, new = status_name(change.old_status), status_name(change.new_status)
        line = f"{_when(change.at)} · {change.author or translate('Memo', 'unknown')} · {old} → {new}"
        if change.reason and step < len(claim.history):
            line += f": {change.reason}"
        rows.append(_p("history", escape(line), ""))  # a date first: always left to right
    key = '<span class="key">' + escape(translate("Memo", "History:")) + "</span>"
    return _p("field", key, "", state=KEEP_WITH_NEXT) + "".join(rows)


# ---- appendix: the article, annotated -------------------------------------------------------


def _appendix(text: str, numbered: Iterable[tuple[int, ClaimRecord]]) -> str:
    """The whole article, each listed claim highlighted in its status colour and tagged with its number.

    Claims may nest (a figure marked by hand inside a detected sentence): every claim gets its tag
    where it starts, the innermost one's colour wins where they overlap, and overlapping stretches
    are underlined. Claims no longer found in the text are listed after it."""
    listed = list(numbered)
    marks = sorted(
        (c.start, c.end, n, c.status) for n, c in listed if c.anchored and 0 <= c.start < c.end <= len(text)
    )
    parts = [
        '<h2 style="page-break-before: always;">' + translate("Memo", "Appendix: the article") + "</h2>",
        '<p class="small">'
        + translate(
            "Memo",
            "The claims listed above are highlighted in their status colour and "
            "numbered as in the list; where one lies inside another it is underlined.",
        )
        + "</p>",
    ]
    tagged: set[int] = set()
    waiting, open_marks = iter(marks), list[tuple[int, int, int, str]]()
    upcoming = next(waiting, None)
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while upcoming is not None and upcoming[0] < end:  # claims in text order: each taken once
            open_marks.append(upcoming)
            upcoming = next(waiting, None)
        open_marks = [m for m in open_marks if m[1] > start]
        inside = open_marks
        cuts = sorted({start, end} | {x for m in inside for x in m[:2] if start < x < end})
        pieces = [_appendix_piece(text, a, b, inside, tagged) for a, b in pairwise(cuts)]
        parts.append(_p("article", "".join(pieces), match.group()))
    lost = [(n, c) for n, c in listed if n not in tagged]
    if lost:
        lost_heading = escape(translate("Memo", "Not found in the article's current text:"))
        parts.append(f'<p class="small orphans">{lost_heading}</p>')
        for number, claim in lost:
            line = f"{_tag(number, claim.status)}&nbsp;{escape(_shortened(claim.text))}"
            parts.append(_p("field", line, claim.text))
    return "".join(parts)


def _appendix_piece(
    text: str, start: int, end: int, marks: list[tuple[int, int, int, str]], tagged: set[int]
) -> str:
    """One stretch of a paragraph with the same claims over all of it: tags of the claims that
    begin here (outermost first), then the text in the innermost claim's colour."""
    covering = sorted((m for m in marks if m[0] <= start and m[1] >= end), key=lambda m: (m[1] - m[0], -m[2]))
    words = escape(text[start:end])
    if not covering:
        return words
    tags = ""
    for _s, _e, number, status_id in reversed(covering):  # outermost first
        if number not in tagged:
            tagged.add(number)
            tags += f"{_tag(number, status_id)}&nbsp;"
    innermost = covering[0]
    style = f"background-color:{tint(_status_of(innermost[3]).colour)};"
    if len(covering) > 1:
        style += " text-decoration: underline;"
    return f'{tags}<span style="{style}">{words}</span>'


def _tag(number: int, status_id: str) -> str:
    """A claim's number in the appendix, on its status colour in the ink that reads on it."""
    colour = _status_of(status_id).colour
    return f'<b style="background-color:{colour}; color:{_text_colour(colour)};">[{number}]</b>'
