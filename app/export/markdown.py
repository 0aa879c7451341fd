"""The verification memo as Markdown: the same content as the PDF, for editors' and wikis' tools.

Article text, notes and names are escaped wherever a character would start Markdown markup, so a
sentence beginning with "1." or holding "*" reads as written. Notes are Markdown already and are
kept as they are, indented under their claim.

Friendly to Obsidian and other Markdown vaults: YAML front matter first (title, url, outlet, date,
claims and the count of each verdict, all values quoted or plain numbers, so any YAML reader
gets the same strings), and each claim's quote ends with a block id, `^claim-<first characters of
its uid>`, that a note elsewhere can link to (`[[memo#^claim-1a2b3c4d]]`) and that stays the
same from one export to the next.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from app.domain.records import ArticleRecord, ClaimRecord, EvidenceRecord
from app.domain.statuses import STATUSES, status
from app.domain.summaries import ArticleVersionRecord
from app.domain.text_diff import VersionChange
from app.export.dates import published_on

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
_LINE_MARK = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
BLOCK_ID_PREFIX = "claim-"
SHORT_UID = 8  # hex digits of the uid in a block id; more only when two claims would share one


def escape(text: str) -> str:
    """Text shown literally in Markdown: markup characters get a backslash, newlines become spaces."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    return _LINE_MARK.sub(r"\1\\\2", text)


def label(status_id: str) -> str:
    try:
        return status(status_id).label
    except ValueError:
        return status_id


def memo_markdown(
    article: ArticleRecord,
    reviewer: str,
    made_at: datetime,
    versions: tuple[tuple[ArticleVersionRecord, ...], list[VersionChange]] | None = None,
) -> str:
    """Title, header fields, a count by status, what changed since the first capture (when it did),
    then every claim with all that was found out."""
    lines = [*front_matter(article), f"# {escape(article.title)}", ""]
    fields = [
        ("Outlet", article.outlet),
        ("URL", article.source_url),
        ("File", None if article.source_url else article.filename),
        ("Byline", article.byline),
        ("Published", article.published_at),
        ("Imported", _when(article.imported_at)),
        ("Reviewed by", reviewer or "unknown"),
        ("Memo made", _when(made_at)),
    ]
    lines += [f"- **{name}:** {escape(value)}" for name, value in fields if value]
    lines += ["", "## Summary", ""]
    lines += _summary(article.claims)
    if versions is not None and len(versions[0]) > 1:
        lines += ["", "## The article changed", ""]
        lines += _versions(*versions)
    lines += ["", f"## Claims ({len(article.claims)})", ""]
    ids = block_ids(article.claims)
    for number, claim in enumerate(article.claims, start=1):
        lines += _claim(number, claim, ids[claim.id])
    return "\n".join(lines).rstrip() + "\n"


def front_matter(article: ArticleRecord) -> list[str]:
    """YAML between `---` lines: what a vault lists, sorts and filters notes by."""
    counts = Counter(c.status for c in article.claims)
    order = [s.id for s in STATUSES] + sorted(set(counts) - {s.id for s in STATUSES})
    fields = [("title", article.title), ("url", article.source_url), ("outlet", article.outlet)]
    fields += [("author", article.byline)]
    lines = ["---"] + [f"{name}: {yaml_string(value)}" for name, value in fields if value]
    lines.append(f"date: {publication_date(article)}")
    lines.append(f"claims: {len(article.claims)}")
    verdicts = [f"  {yaml_string(sid)}: {counts[sid]}" for sid in order if counts[sid]]
    lines += ["verdicts:", *verdicts] if verdicts else ["verdicts: {}"]
    return [*lines, "---", ""]


def publication_date(article: ArticleRecord) -> str:
    """YYYY-MM-DD: the publication date when the page gave one, else the day it was imported."""
    published = published_on(article.published_at)  # a YAML reader refuses a 31 February
    return (published or article.imported_at.astimezone().date()).isoformat()


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar on one line: only escapes YAML 1.1 and 1.2 both read."""
    out = []
    for char in " ".join(value.split()):
        code = ord(char)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif 0xD800 <= code < 0xE000:  # a lone surrogate (undecodable bytes): no reader takes it
            out.append("\ufffd")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def block_ids(claims: tuple[ClaimRecord, ...]) -> dict[int, str]:
    """Each claim's block id from its uid: the first 8 hex digits, longer only if two would clash."""
    digits = {c.id: c.uid.replace("-", "").lower() or f"{c.id:08d}" for c in claims}
    length = SHORT_UID
    while len({d[:length] for d in digits.values()}) < len(digits) and length < 32:
        length += 4
    return {cid: BLOCK_ID_PREFIX + d[:length] for cid, d in digits.items()}


def _versions(versions: tuple[ArticleVersionRecord, ...], changes: list[VersionChange]) -> list[str]:
    lines = [f"- Version {v.number}: captured {_when(v.captured_at)}, {v.words:,} words" for v in versions]
    count = len(changes)
    lines += [
        "",
        f"{count} change{'' if count == 1 else 's'} from version "
        f"{versions[0].number} to version {versions[-1].number} (the text this memo is about): "
        "− taken out, + put in.",
        "",
    ]
    for number, change in enumerate(changes, start=1):
        pieces = [f"…{escape(change.before)}" if change.before else ""]
        if change.old:
            pieces.append(f"− ~~{escape(change.old)}~~")
        if change.new:
            pieces.append(f"+ **{escape(change.new)}**")
        pieces.append(f"{escape(change.after)}…" if change.after else "")
        lines.append(f"{number}. " + " ".join(p for p in pieces if p))
    return lines


def _summary(claims: tuple[ClaimRecord, ...]) -> list[str]:
    if not claims:
        return ["No claims were found in this article."]
    counts = Counter(c.status for c in claims)
    order = [s.id for s in STATUSES] + sorted(set(counts) - {s.id for s in STATUSES})
    rows = ["| Status | Claims |", "|---|---:|"]
    rows += [f"| {escape(label(sid))} | {counts[sid]} |" for sid in order if counts[sid]]
    rows.append(f"| **Total** | **{len(claims)}** |")
    return rows


def _claim(number: int, claim: ClaimRecord, block_id: str) -> list[str]:
    lines = [f"### {number}. {escape(label(claim.status))}", "", f"> {escape(claim.text)} ^{block_id}", ""]
    facts = [
        ("Source", claim.source_description or "the article itself"),
        ("Kind", claim.kind + (" (added by hand)" if claim.origin == "manual" else "")),
        ("Hedges", ", ".join(claim.hedges)),
        ("Figures", ", ".join(claim.figures)),
        ("Tags", ", ".join(claim.tags)),
        ("Reason", claim.reason if claim.history else ""),
    ]
    if not claim.anchored:
        facts.append(("Warning", "no longer found in the article's text"))
    if claim.dismissed:
        facts.append(("Dismissed", claim.dismissed_note.removeprefix("dismissed: ")))
    lines += [f"- **{name}:** {escape(value)}" for name, value in facts if value]
    if claim.notes:
        lines.append("- **Notes:**")
        for note in claim.notes:
            by = f"{escape(note.author)}, " if note.author else ""
            lines.append(f"  - *{by}{_when(note.created_at)}:*")
            lines += [f"    {line}" if line else "" for line in note.body.strip().splitlines()]
    if claim.evidence:
        lines.append("- **Evidence:**")
        lines += [f"  - {_evidence(item)}" for item in claim.evidence]
    if claim.history:
        lines.append("- **History:**")
        for step in claim.history:
            why = f": {escape(step.reason)}" if step.reason else ""
            who = f" by {escape(step.author)}" if step.author else ""
            change = f"{escape(label(step.old_status))} → {escape(label(step.new_status))}"
            lines.append(f"  - {_when(step.at)}{who}: {change}{why}")
    lines.append("")
    return lines


def _evidence(item: EvidenceRecord) -> str:
    if item.kind == "url":
        text = f"Link: <{item.reference}>" if " " not in item.reference else escape(item.reference)
    elif item.kind == "person":
        when = _when(item.contacted_at) if item.contacted_at else None
        details = ", ".join(x for x in (item.role, item.contact_method, when, item.outcome) if x)
        text = f"Person: {escape(item.reference)}" + (f" ({escape(details)})" if details else "")
    elif item.kind == "document":
        digest = f" (sha256 `{item.sha256}`)" if item.sha256 else ""
        text = f"Document: {escape(item.reference)}{digest}"
    else:
        text = f"Other: {escape(item.reference)}"
    return text + (f" — {escape(item.note)}" if item.note else "")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
