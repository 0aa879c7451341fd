"""Optimistic locking made readable: when a change is refused because the claim or note changed
since it was read (a colleague on the newsroom server, or another window), say what the other
change was and keep the refused text, so the person can choose; nothing is lost silently.

The version numbers themselves are kept by SQLAlchemy (version_id_col, migration 0011); callers pass
the version they showed (`expect_version`) and these functions compare and explain.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.statuses import status
from app.errors import ConflictError
from app.storage.models import Claim, Note

QUOTED_AT_MOST = 120  # characters of someone's note or reason quoted in the message


def check_claim(claim: Claim, expect_version: int | None, yours: str = "") -> None:
    """Refuse a change to a claim that moved on since version `expect_version` was shown."""
    if expect_version is None or claim.version == expect_version:
        return
    theirs = latest_change(claim)
    kept = f" Yours was not saved: {_quoted(yours)}." if yours else " Yours was not saved."
    raise ConflictError(
        f"This claim changed since you opened it: {theirs}.{kept} Look at theirs, then choose.",
        theirs=theirs,
        yours=yours,
    )


def check_note(note: Note, replacement: Note | None, expect_version: int | None, yours: str) -> None:
    """Refuse an edit of a note that was reworded or removed since version `expect_version` was
    shown (without a version, the caller's own check says the note is gone)."""
    if expect_version is None:
        return
    if replacement is not None:
        theirs = f"{_who(replacement.author)} reworded it to {_quoted(replacement.body)}"
    elif note.removed_at is not None:
        theirs = f"{_who(note.removed_by)} took it off the claim"
    elif note.version != expect_version:
        theirs = f"it now reads {_quoted(note.body)}"
    else:
        return
    raise ConflictError(
        f"This note changed since you opened it: {theirs}. Your wording was not saved: {_quoted(yours)}.",
        theirs=theirs,
        yours=yours,
    )


def latest_change(claim: Claim) -> str:
    """The newest thing done to a claim, in words: a status step, a note or a piece of evidence."""
    candidates: list[tuple[datetime, str]] = []
    if claim.history:
        step = claim.history[-1]
        said = f" ({_quoted(step.reason)})" if step.reason else ""
        candidates.append((step.at, f"{_who(step.author)} set it to {status(step.new_status).label}{said}"))
    notes = [n for n in claim.notes if n.removed_at is None]
    if notes:
        note = max(notes, key=lambda n: (n.updated_at, n.id))
        candidates.append((note.updated_at, f"{_who(note.author)} added the note {_quoted(note.body)}"))
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


def _who(author: str | None) -> str:
    return author or "Someone"


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return f"“{flat[:QUOTED_AT_MOST]}…”" if len(flat) > QUOTED_AT_MOST else f"“{flat}”"
