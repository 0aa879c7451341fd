"""Optimistic locking made readable: when a change is refused because the claim, note or article
changed since it was read (a colleague on the newsroom server, or another window), say what the
other change was and keep the refused text, so the person can choose; nothing is lost silently.

The version numbers themselves are kept by SQLAlchemy (version_id_col, migration 0011); callers pass
the version they showed (`expect_version`) and these functions compare and explain. The message
quotes at most QUOTED_AT_MOST characters of anyone's text; `ConflictError.theirs` and `.yours` keep
the whole of it, for the conflict dialog to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from app.domain.statuses import status
from app.errors import ConflictError
from app.storage.models import Article, Claim, Evidence, Note

QUOTED_AT_MOST = 120  # characters of someone's note or reason quoted in the message
# Article columns a person edits (Article > Properties), in the words the message uses for them
PROPERTY_WORDS = {
    "title": "title",
    "source_url": "address",
    "outlet": "outlet",
    "byline": "author",
    "published_at": "date published",
    "language": "language",
}


def stale(current: int, expect_version: int | None) -> bool:
    """The one comparison: a version was shown (None: the caller does not check) and it moved on."""
    return expect_version is not None and current != expect_version


def check_claim(claim: Claim, expect_version: int | None, yours: str = "") -> None:
    """Refuse a change to a claim that moved on since version `expect_version` was shown."""
    if not stale(claim.version, expect_version):
        return
    kept = f" Yours was not saved: {_quoted(yours)}." if yours else " Yours was not saved."
    raise ConflictError(
        f"This claim changed since you opened it: {latest_change(claim)}.{kept} Look at theirs, then choose.",
        theirs=latest_change(claim, quote_all=True),
        yours=yours,
    )


def check_note(
    note: Note, replacement: Note | None, expect_version: int | None, yours: str, *, removing: bool = False
) -> None:
    """Refuse an edit (or, `removing`, the removal) of a note that was reworded or removed since
    version `expect_version` was shown (without a version, the caller's own check says it is gone)."""
    if expect_version is None:
        return
    if replacement is not None:
        who, words = f"{_who(replacement.author)} reworded it to", replacement.body
        when = f" at {replacement.updated_at:%H:%M} UTC"
    elif note.removed_at is not None:
        who = f"{_who(note.removed_by)} took it off the claim at {note.removed_at:%H:%M} UTC"
        words = when = ""
    elif stale(note.version, expect_version):
        who, words, when = "it now reads", note.body, ""
    else:
        return

    def theirs(limit: int | None) -> str:
        return f"{who} {_quoted(words, limit)}{when}" if words else who

    kept = "Your removal was not done" if removing else f"Your wording was not saved: {_quoted(yours)}"
    raise ConflictError(
        f"This note changed since you opened it: {theirs(QUOTED_AT_MOST)}. {kept}.",
        theirs=theirs(None),
        yours=yours,
    )


def check_evidence(item: Evidence, replacement: Evidence | None, yours: str) -> None:
    """Refuse an edit of an evidence item that someone else edited or took off since it was shown
    (an edit is a new row: the shown row is then marked removed, which is all there is to compare)."""
    if item.removed_at is None:
        return
    if replacement is not None:
        theirs = f"{_who(replacement.author)} changed it to {_evidence_words(replacement)}"
    else:
        theirs = f"{_who(item.removed_by)} took it off the claim"
    theirs += f" at {item.removed_at:%H:%M} UTC"
    raise ConflictError(
        f"This evidence changed since you opened it: {theirs}. Your change was not made.",
        theirs=theirs,
        yours=yours,
    )


def check_article(
    article: Article,
    expect_version: int | None,
    shown: Mapping[str, str | None] | None = None,
    yours: str = "",
) -> None:
    """Refuse new properties for an article whose properties changed since version `expect_version`
    was shown; `shown` (column -> value as shown) lets the message name only the fields that changed."""
    if stale(article.version, expect_version):
        raise _article_changed(article, shown, yours)


def check_title(
    article: Article, expect_version: int | None, row: Mapping[str, str | None] | None, yours: str
) -> None:
    """Refuse a new title (F2 in the library) for an article renamed since its row showed it (`row`:
    column -> value as the row showed it), or changed since version `expect_version` was read as
    the title editor opened; the message names what changed of what the row showed."""
    renamed = row is not None and "title" in row and article.title != row["title"]
    if renamed or stale(article.version, expect_version):
        shown = {key: getattr(article, key) for key in PROPERTY_WORDS} | dict(row or {})
        raise _article_changed(article, shown, f"Title: {yours}")


def _article_changed(article: Article, shown: Mapping[str, str | None] | None, yours: str) -> ConflictError:
    now = {key: getattr(article, key) for key in PROPERTY_WORDS}
    changed = [key for key in PROPERTY_WORDS if shown is None or shown.get(key) != now[key]]
    told = [f"the {PROPERTY_WORDS[key]} is now {_shown_value(now[key])}" for key in changed]
    said = "; ".join(told) or "its text or another detail was changed"  # a new version, say
    return ConflictError(
        "This article's properties changed since you opened them (a colleague, or another window): "
        f"{said}. Yours were not saved.",
        theirs="\n".join(f"{what[:1].upper()}{what[1:]}" for what in told) or said.capitalize(),
        yours=yours,
    )


def latest_change(claim: Claim, *, quote_all: bool = False) -> str:
    """The newest thing done to a claim, in words: a status step, a note or a piece of evidence.

    Someone's reason or note is cut to QUOTED_AT_MOST characters unless `quote_all`."""
    limit = None if quote_all else QUOTED_AT_MOST
    candidates: list[tuple[datetime, str]] = []
    if claim.history:
        step = claim.history[-1]
        said = f" ({_quoted(step.reason, limit)})" if step.reason else ""
        candidates.append((step.at, f"{_who(step.author)} set it to {status(step.new_status).label}{said}"))
    notes = [n for n in claim.notes if n.removed_at is None]
    if notes:
        note = max(notes, key=lambda n: (n.updated_at, n.id))
        candidates.append(
            (note.updated_at, f"{_who(note.author)} added the note {_quoted(note.body, limit)}")
        )
    items = [e for e in claim.evidence if e.removed_at is None]
    if items:
        item = max(items, key=lambda e: (e.added_at, e.id))
        candidates.append((item.added_at, f"{_who(item.author)} added evidence: {item.reference}"))
    if not candidates:
        return "its wording, source or span was changed"
    moment, what = max(candidates, key=lambda c: c[0])
    if moment < claim.updated_at:  # something newer than any of these: an edit of the claim itself
        return "its wording, source, span, tags or dismissal was changed"
    return f"{what} at {moment:%H:%M} UTC"


def _evidence_words(item: Evidence) -> str:
    parts = [item.reference, item.role or "", item.contact_method or "", item.outcome or "", item.note]
    return _quoted(", ".join(p for p in parts if p), None)


def _shown_value(value: str | None) -> str:
    return _quoted(value, None) if value else "empty"


def _who(author: str | None) -> str:
    return author or "Someone"


def _quoted(text: str, limit: int | None = QUOTED_AT_MOST) -> str:
    """Cut to `limit` characters on one line, for a message; without a limit, whole, as written."""
    if limit is None:
        return f"“{text.strip()}”"
    flat = " ".join(text.split())
    return f"“{flat[:limit]}…”" if len(flat) > limit else f"“{flat}”"
