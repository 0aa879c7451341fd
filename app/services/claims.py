"""Work on claims: verification status (with its history), notes, manual claims, edits, dismissal.

Every function is one transaction. The UI reaches these through app/ui/claims/commands.py, which
pairs each with its inverse for undo: remove_note undoes add_note (and restore_note a removal),
swap_notes undoes and redoes edit_note, remove_manual_claim undoes add_manual_claim, restore_claim
undoes dismiss_claim.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.anchoring import describe_quote, nearest_occurrence
from app.domain.records import ClaimRecord, NoteRecord, StatusChangeRecord
from app.domain.statuses import is_status, status
from app.errors import ChangedSinceError, ClaimdeskError, NotFoundError
from app.services import newsroom_conflicts
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Claim, Note, utcnow
from app.storage.record_mapping import claim_record, note_record

SOURCE_SEARCH_RADIUS = 300  # characters around a claim where an edited source is looked for


def set_status(
    db: Database,
    claim_id: int,
    new_status: str,
    reason: str = "",
    author: str | None = None,
    *,
    expect_version: int | None = None,
) -> ClaimRecord:
    """Set a claim's status; the change is appended to its history in the same transaction.

    Final judgements (Verified, False, Disputed) must say why: without a reason they are refused.
    `expect_version`: the claim's version as shown; if someone changed it since, ConflictError says
    what they did and nothing is written.
    """
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        newsroom_conflicts.check_claim(claim, expect_version, reason)
        _change_status(session, claim, new_status, reason, author)
        session.flush()
        return claim_record(claim)


def change_status(
    db: Database,
    claim_id: int,
    new_status: str,
    reason: str = "",
    author: str | None = None,
    *,
    expect: str | None = None,
    expect_version: int | None = None,
) -> StatusChangeRecord | None:
    """As set_status, but return only the step added to the history (None: the claim had this status).

    Nothing else about the claim is read back, so a status key costs a single small transaction;
    `with_step` applies the step to the record the caller already holds. With `expect` (undo and
    redo), the claim must still have that status: a colleague's newer change is never overwritten.
    """
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        if expect is not None and claim.status != expect:
            last = claim.history[-1] if claim.history else None
            label = status(claim.status).label
            who = f"{last.author or 'Someone'} set it to {label}" if last else "It changed"
            raise ChangedSinceError(
                f"This claim changed since: {who}. Nothing was undone or redone, so that change stands"
            )
        newsroom_conflicts.check_claim(claim, expect_version, reason)
        return _change_status(session, claim, new_status, reason, author)


def with_step(claim: ClaimRecord, step: StatusChangeRecord) -> ClaimRecord:
    """The claim as it is after a status step, from the record as it was before it."""
    return replace(
        claim, status=step.new_status, history=(*claim.history, step), updated_at=step.at,
        version=claim.version + 1,
    )  # fmt: skip


def _change_status(
    session: Session, claim: Claim, new_status: str, reason: str, author: str | None
) -> StatusChangeRecord | None:
    if not is_status(new_status):
        raise ClaimdeskError(f"Unknown status {new_status!r}")
    if claim.status == new_status:
        return None
    reason = reason.strip()
    if status(new_status).needs_reason and not reason:
        raise ClaimdeskError(f"Say why the claim is {status(new_status).label}: a reason is required")
    old, who = claim.status, repository.signed(session, author)
    repository.record_status_change(session, claim, new_status, reason, who)
    return StatusChangeRecord(old, new_status, reason, who, claim.updated_at)


def add_note(db: Database, claim_id: int, body: str, author: str | None = None) -> NoteRecord:
    """Add a note to a claim; an empty note is refused rather than stored."""
    body = body.strip()
    if not body:
        raise ClaimdeskError("The note is empty")
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        who = repository.signed(session, author)
        return note_record(repository.add_claim_note(session, claim, body, who, utcnow()))


def remove_note(
    db: Database, note_id: int, author: str | None = None, *, expect_version: int | None = None
) -> int:
    """Take a note off its claim (undo of adding it); returns the claim's id.

    The note is kept, marked removed, and shown in the claim's history: what was written is never
    lost by an undo. `restore_note` puts it back (redo). With `expect_version` (the note as shown), a
    note reworded or taken off by someone else since is left as they made it: ConflictError.
    """
    return _mark_note(db, note_id, removed=True, author=author, expect_version=expect_version)


def restore_note(db: Database, note_id: int) -> int:
    """Put a removed note back on its claim (redo of adding it); returns the claim's id."""
    return _mark_note(db, note_id, removed=False)


def _mark_note(
    db: Database, note_id: int, *, removed: bool, author: str | None = None, expect_version: int | None = None
) -> int:
    with db.session() as session:
        note = session.get(Note, note_id)
        if note is not None and note.claim is not None:
            newsroom_conflicts.check_note(
                note, _replacement(session, note_id), expect_version, note.body, removing=True
            )
        if note is None or note.claim is None or (note.removed_at is not None) == removed:
            state = "on" if removed else "removed from"
            raise NotFoundError(f"There is no note {note_id} {state} a claim")
        note.removed_at, note.removed_by = (
            (utcnow(), repository.signed(session, author)) if removed else (None, None)
        )
        note.claim.updated_at = utcnow()
        return note.claim.id


def edit_note(
    db: Database, note_id: int, body: str, author: str | None = None, *, expect_version: int | None = None
) -> NoteRecord:
    """Reword a note: the old row is marked removed and the new wording added, pointing at it.

    One transaction, so the claim never shows both wordings or neither. The new row keeps the
    note's first writing time (it stays in its place among the notes); the history reads the
    earlier wording from the old row. `swap_notes` undoes and redoes it. A note reworded or taken
    off by someone else since it was shown is left as they made it: ConflictError quotes both.
    """
    body = body.strip()
    if not body:
        raise ClaimdeskError("The note is empty: remove it instead")
    with db.session() as session:
        shown = session.get(Note, note_id)
        if shown is not None and shown.claim is not None:
            newsroom_conflicts.check_note(shown, _replacement(session, note_id), expect_version, body)
        old = _current_note(session, note_id)
        if old.body == body:
            return note_record(old)
        now, who = utcnow(), repository.signed(session, author)
        old.removed_at, old.removed_by = now, who
        new = Note(
            claim=old.claim, body=body, author=who, created_at=old.created_at, updated_at=now,
            replaces_id=old.id,
        )  # fmt: skip
        session.add(new)
        assert old.claim is not None  # _current_note checked it
        old.claim.updated_at = now
        session.flush()
        return note_record(new)


def _replacement(session: Session, note_id: int) -> Note | None:
    """The row with the wording that replaced this note's, if it was edited."""
    return session.scalars(
        select(Note).where(Note.replaces_id == note_id).order_by(Note.id.desc()).limit(1)
    ).first()


def current_note(db: Database, note_id: int) -> NoteRecord | None:
    """A note as it reads now, following its edits (someone may have reworded it since it was
    shown); None when it is no longer on its claim."""
    with db.session(reading=True) as session:
        note = session.get(Note, note_id)
        seen: set[int] = set()
        while note is not None and note.removed_at is not None and note.id not in seen:
            seen.add(note.id)
            note = _replacement(session, note.id)
        if note is None or note.claim is None or note.removed_at is not None:
            return None
        return note_record(note)


def swap_notes(db: Database, remove_id: int, restore_id: int, author: str | None = None) -> int:
    """Take one wording of a note off and put another back, in one transaction (undo/redo of an edit).

    Returns the claim's id.
    """
    with db.session() as session:
        going, back = _current_note(session, remove_id), session.get(Note, restore_id)
        if back is None or back.removed_at is None or back.claim_id != going.claim_id:
            raise NotFoundError(f"There is no removed note {restore_id} on that claim")
        going.removed_at, going.removed_by = utcnow(), repository.signed(session, author)
        back.removed_at = back.removed_by = None
        assert going.claim is not None
        going.claim.updated_at = utcnow()
        return going.claim.id


def _current_note(session: Session, note_id: int) -> Note:
    note = session.get(Note, note_id)
    if note is None or note.claim is None or note.removed_at is not None:
        raise NotFoundError(f"There is no note {note_id} on a claim: it was removed or edited since")
    return note


def load_claim(db: Database, claim_id: int) -> ClaimRecord:
    with db.session(reading=True) as session:
        return claim_record(repository.get_claim(session, claim_id))


def add_manual_claim(
    db: Database, article_id: int, start: int, end: int, *, claim_id: int | None = None
) -> ClaimRecord:
    """A claim the journalist marked by hand: nothing is analysed, the quote is the selection.

    Blank space at either end of the selection is left out. `claim_id` puts back a claim that an
    undo removed, under its old id, so later commands that name it still find it.
    """
    with db.session() as session:
        article = repository.get_article(session, article_id)
        start, end = _trimmed_span(article.text, start, end)
        if any(c.start == start and c.end == end and c.dismissed_at is None for c in article.claims):
            raise ClaimdeskError("That passage is already a claim")
        claim = Claim(id=claim_id, kind="claim", origin="manual", score=0.0)
        _anchor(claim, article.text, start, end)
        article.claims.append(claim)
        session.flush()
        return claim_record(claim)


def remove_manual_claim(db: Database, claim_id: int) -> int:
    """Delete a claim the journalist added (undo of adding it); detected claims are only dismissed.

    Returns the article's id.
    """
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        if claim.origin != "manual":
            raise ClaimdeskError("Only a claim you added can be removed; dismiss a detected claim instead")
        article_id = claim.article_id
        session.delete(claim)
        return article_id


def edit_claim(
    db: Database,
    claim_id: int,
    *,
    source: str | None = None,
    kind: str | None = None,
    start: int | None = None,
    end: int | None = None,
    source_refers_to: str | None = None,
    expect: tuple[str | None, str, int, int] | None = None,
    expect_version: int | None = None,
) -> ClaimRecord:
    """Adjust what the engine got wrong: who asserts the claim, its kind, or its span.

    None leaves a field as it is; an empty source means the article asserts the claim itself.
    `source_refers_to` (whom a source like "he" means) goes with a changed source; undo passes it,
    and `expect` (source, kind, start, end): a claim changed since by someone else is left alone.
    """
    from app.domain.claims import KINDS  # the engine loads its lexicons only when first used

    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        if expect is not None and (claim.source, claim.kind, claim.start, claim.end) != expect:
            raise ChangedSinceError(
                "This claim's source, kind or span changed since, in another window or by a colleague;"
                " nothing was undone or redone, so that change stands"
            )
        newsroom_conflicts.check_claim(claim, expect_version, source or "")
        text = claim.article.text
        if kind is not None and kind != claim.kind:
            if kind not in KINDS:
                raise ClaimdeskError(f"Unknown kind {kind!r}: use one of {', '.join(KINDS)}")
            claim.kind = kind
        if start is not None or end is not None:
            new_start, new_end = _trimmed_span(
                text, claim.start if start is None else start, claim.end if end is None else end
            )
            if (new_start, new_end) != (claim.start, claim.end):
                _anchor(claim, text, new_start, new_end)
        if source is not None:
            _set_source(claim, text, " ".join(source.split()) or None, source_refers_to)
        claim.updated_at = utcnow()
        session.flush()
        return claim_record(claim)


def dismiss_claim(db: Database, claim_id: int) -> ClaimRecord:
    """Hide a claim the journalist judges not worth checking: kept, with its notes, and restorable."""
    return set_dismissed(db, claim_id, True)[0]


def restore_claim(db: Database, claim_id: int) -> ClaimRecord:
    return set_dismissed(db, claim_id, False)[0]


def set_dismissed(
    db: Database, claim_id: int, dismissed: bool, *, expect_version: int | None = None
) -> tuple[ClaimRecord, bool]:
    """Dismiss or restore a claim; also says whether anything changed (undo needs to know).

    `expect_version`: the claim's version as shown; changed since (a colleague judged it, say),
    ConflictError says how and it is neither dismissed nor restored."""
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        newsroom_conflicts.check_claim(claim, expect_version)
        changed = (claim.dismissed_at is not None) != dismissed
        if changed:
            claim.updated_at = utcnow()
            claim.dismissed_at = claim.updated_at if dismissed else None
        session.flush()
        return claim_record(claim), changed


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without blank space at its ends; refused if it is outside the text or empty."""
    if not 0 <= start <= end <= len(text):
        raise ClaimdeskError(f"The span {start}–{end} is outside the article ({len(text)} characters)")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ClaimdeskError("Select some text of the article first")
    return start, end


def _anchor(claim: Claim, text: str, start: int, end: int) -> None:
    """Set the span and the quote that re-anchors it after the article changes."""
    quote = describe_quote(text, start, end)
    claim.start, claim.end = start, end
    claim.exact, claim.prefix, claim.suffix = quote.exact, quote.prefix, quote.suffix


def _set_source(claim: Claim, text: str, source: str | None, refers_to: str | None) -> None:
    """Set the source; its offsets point at the occurrence nearest the claim, if there is one near."""
    if source == claim.source:
        return
    claim.source = source
    claim.source_start = claim.source_end = None
    claim.source_refers_to = refers_to if source else None
    claim.source_confidence = None  # a journalist's source is not the engine's guess
    if source is None:
        return
    best = nearest_occurrence(text, source, claim.start, claim.end, SOURCE_SEARCH_RADIUS, claim.start)
    if best is not None:
        claim.source_start, claim.source_end = best, best + len(source)
