"""Evidence and tags on claims: what a verdict rests on, and how claims are grouped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import ATTACHMENTS, author_name, files_dir
from app.domain.contacts import CONTACT_OUTCOMES
from app.domain.records import ClaimRecord, EvidenceRecord
from app.errors import ChangedSinceError, ClaimdeskError, NotFoundError, UnreadableFileError
from app.files import keep_by_digest, read_chunks, sha256_of_file
from app.services import newsroom_conflicts
from app.storage import attachment_store, repository
from app.storage.database import Database
from app.storage.models import Article, Claim, Evidence, utcnow
from app.storage.record_mapping import claim_record, evidence_record

EVIDENCE_KINDS = ("url", "document", "person", "other")


def add_link(
    db: Database, claim_id: int, url: str, note: str = "", author: str | None = None
) -> EvidenceRecord:
    url = url.strip()
    if not url:
        raise ClaimdeskError("The link is empty")
    return _add(
        db, claim_id, Evidence(kind="url", reference=url, note=note.strip(), author=author_name(author))
    )


def add_person(
    db: Database,
    claim_id: int,
    name: str,
    role: str = "",
    how: str = "",
    when: datetime | str | None = None,
    note: str = "",
    author: str | None = None,
    outcome: str | None = None,
) -> EvidenceRecord:
    """Record a person contacted: name, role, how, when (now, if not given; text is ISO 8601) and
    how it went (one of CONTACT_OUTCOMES, or None when not said)."""
    name = name.strip()
    if not name:
        raise ClaimdeskError("Give the name of the person contacted")
    if isinstance(when, str):
        when = _parse_when(when)
    evidence = Evidence(
        kind="person",
        reference=name,
        role=role.strip() or None,
        contact_method=how.strip() or None,
        contacted_at=when or utcnow(),
        outcome=_outcome(outcome),
        note=note.strip(),
        author=author_name(author),
    )
    return _add(db, claim_id, evidence)


def _outcome(outcome: str | None) -> str | None:
    outcome = (outcome or "").strip() or None
    if outcome is not None and outcome not in CONTACT_OUTCOMES:
        raise ClaimdeskError(f"Unknown outcome {outcome!r}: use one of {', '.join(CONTACT_OUTCOMES)}")
    return outcome


def add_document(
    db: Database, claim_id: int, path: str | Path, note: str = "", author: str | None = None
) -> EvidenceRecord:
    """Copy a document into the library's files, keyed by its sha256: later edits elsewhere can't change it.

    The file is read once: the bytes hashed are the bytes kept.
    """
    source = Path(path)
    if not source.is_file():
        raise UnreadableFileError(f"{source}: no such file (or not a plain file)")
    try:
        digest, stored = keep_by_digest(read_chunks(source), attachments_dir(db), source.suffix.lower())
    except OSError as error:
        raise UnreadableFileError(f"{source}: cannot be read ({error.strerror})") from None
    evidence = Evidence(
        kind="document",
        reference=source.name,
        stored_path=str(stored.relative_to(files_dir(db.path))),
        sha256=digest,
        note=note.strip(),
        author=author_name(author),
    )
    # a newsroom library shares the bytes through the database; this computer's copy is a cache
    return _add(db, claim_id, evidence, upload=stored.read_bytes() if db.shared else None)


def attachments_dir(db: Database) -> Path:
    return files_dir(db.path) / ATTACHMENTS


KeptCopy = Literal["ok", "missing", "changed"]


def kept_copy(db: Database, item: EvidenceRecord) -> Path | None:
    """Where a document's kept copy is, if it exists inside the library's files (never outside).

    In a newsroom library a document a colleague attached is fetched from the database first,
    checked against its sha256, and kept here like one attached on this computer.
    """
    if item.kind != "document" or not item.stored_path:
        return None
    root = files_dir(db.path).resolve()
    path = (root / item.stored_path).resolve()
    if not path.is_relative_to(root):
        return None
    if not path.is_file() and db.shared and item.sha256:
        _fetch(db, item.sha256, path.suffix)
    return path if path.is_file() else None


def _fetch(db: Database, digest: str, suffix: str) -> None:
    with db.session(reading=True) as session:
        content = attachment_store.get(session, digest)
    if content is not None:
        keep_by_digest([content], attachments_dir(db), suffix)


def check_kept_copy(db: Database, item: EvidenceRecord) -> KeptCopy:
    """Whether a document's kept copy is still the file that was attached (its bytes hash to its sha256)."""
    path = kept_copy(db, item)
    if path is None:
        return "missing"
    try:
        return "ok" if sha256_of_file(path) == item.sha256 else "changed"
    except OSError:
        return "missing"


def _parse_when(text: str) -> datetime | None:
    """A date or date and time as a form gives it; without a zone it is the user's local time."""
    if not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ClaimdeskError(
            f"{text.strip()!r} is not a date: write it as 2024-03-05 or 2024-03-05 14:30"
        ) from None
    return moment.astimezone(UTC)  # a naive time is taken as local time


def remove_evidence(
    db: Database, evidence_id: int, author: str | None = None, *, check_shown: bool = False
) -> int:
    """Take an evidence item off its claim (undo of adding it); returns the claim's id.

    The item is kept, marked removed, in the claim's history; a document's stored copy stays in
    the library's files (another claim may share it, and redo needs it) until the trash is emptied.
    `check_shown` as for edit_evidence: an item someone else changed or took off since is left alone.
    """
    return _mark_evidence(db, evidence_id, removed=True, author=author, check_shown=check_shown)


def restore_evidence(db: Database, evidence_id: int) -> int:
    """Put a removed evidence item back on its claim (redo of adding it)."""
    return _mark_evidence(db, evidence_id, removed=False)


def _mark_evidence(
    db: Database, evidence_id: int, *, removed: bool, author: str | None = None, check_shown: bool = False
) -> int:
    with db.session() as session:
        evidence = session.get(Evidence, evidence_id)
        if check_shown and evidence is not None:
            newsroom_conflicts.check_evidence(evidence, _replacement(session, evidence_id), "")
        if evidence is None or (evidence.removed_at is not None) == removed:
            state = "on" if removed else "removed from"
            raise NotFoundError(f"There is no evidence {evidence_id} {state} a claim")
        if removed:
            evidence.removed_at, evidence.removed_by = utcnow(), repository.signed(session, author)
        else:
            evidence.removed_at, evidence.removed_by = None, None
        evidence.claim.updated_at = utcnow()
        return evidence.claim_id


def edit_evidence(
    db: Database,
    evidence_id: int,
    *,
    url: str | None = None,
    name: str | None = None,
    note: str | None = None,
    role: str | None = None,
    how: str | None = None,
    when: datetime | str | None = None,
    outcome: str | None = None,
    author: str | None = None,
    check_shown: bool = False,
    **_ignored: object,
) -> EvidenceRecord:
    """Change an evidence item: the old row is marked removed and the new one added, pointing at it.

    Fields as the add_* functions take them; None leaves one as it was (a person's outcome: "" clears
    it). A document keeps its kept copy and fingerprint: only its note changes (attach another file to
    change the file). One transaction; `swap_evidence` undoes and redoes it. `check_shown` (the item
    as a window shows it): one edited or taken off by someone else since is left as they made it,
    and ConflictError says what they did.
    """
    with db.session() as session:
        if check_shown and (shown := session.get(Evidence, evidence_id)) is not None:
            newsroom_conflicts.check_evidence(
                shown, _replacement(session, evidence_id), _fields_in_words(url, name, note, role, how)
            )
        old = _current_evidence(session, evidence_id)
        new = Evidence(
            kind=old.kind, reference=old.reference, note=old.note, stored_path=old.stored_path,
            sha256=old.sha256, role=old.role, contact_method=old.contact_method,
            contacted_at=old.contacted_at, outcome=old.outcome, added_at=old.added_at,
            replaces_id=old.id,
        )  # fmt: skip
        reference = url if old.kind == "url" else name if old.kind == "person" else None
        if reference is not None:
            if not reference.strip():
                raise ClaimdeskError("The link is empty" if old.kind == "url" else "Give the person's name")
            new.reference = reference.strip()
        if note is not None:
            new.note = note.strip()
        if old.kind == "person":
            if role is not None:
                new.role = role.strip() or None
            if how is not None:
                new.contact_method = how.strip() or None
            if when is not None:
                new.contacted_at = _parse_when(when) if isinstance(when, str) else when
            if outcome is not None:
                new.outcome = _outcome(outcome)
        if _same(old, new):
            return evidence_record(old)
        now = utcnow()
        old.removed_at, old.removed_by = now, repository.signed(session, author)
        new.author = old.removed_by
        new.claim = old.claim
        session.add(new)
        old.claim.updated_at = now
        session.flush()
        return evidence_record(new)


def _fields_in_words(*fields: str | None) -> str:
    return ", ".join(f.strip() for f in fields if f and f.strip())


_EDITABLE = ("reference", "note", "role", "contact_method", "contacted_at", "outcome")


def _same(old: Evidence, new: Evidence) -> bool:
    return all(getattr(old, field) == getattr(new, field) for field in _EDITABLE)


def swap_evidence(db: Database, remove_id: int, restore_id: int, author: str | None = None) -> int:
    """Take one version of an evidence item off and put another back, in one transaction
    (undo/redo of an edit). Returns the claim's id."""
    with db.session() as session:
        going, back = _current_evidence(session, remove_id), session.get(Evidence, restore_id)
        if back is None or back.removed_at is None or back.claim_id != going.claim_id:
            raise NotFoundError(f"There is no removed evidence {restore_id} on that claim")
        going.removed_at, going.removed_by = utcnow(), repository.signed(session, author)
        back.removed_at = back.removed_by = None
        going.claim.updated_at = utcnow()
        return going.claim_id


def current_evidence(db: Database, evidence_id: int) -> EvidenceRecord | None:
    """An evidence item as it is now, following its edits (someone may have changed it since it was
    shown); None when it is no longer on its claim."""
    with db.session(reading=True) as session:
        item = session.get(Evidence, evidence_id)
        seen: set[int] = set()
        while item is not None and item.removed_at is not None and item.id not in seen:
            seen.add(item.id)
            item = _replacement(session, item.id)
        return None if item is None or item.removed_at is not None else evidence_record(item)


def _replacement(session: Session, evidence_id: int) -> Evidence | None:
    """The row that replaced this item, if it was edited."""
    return session.scalars(
        select(Evidence).where(Evidence.replaces_id == evidence_id).order_by(Evidence.id.desc()).limit(1)
    ).first()


def _current_evidence(session: Session, evidence_id: int) -> Evidence:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.removed_at is not None:
        raise NotFoundError(f"There is no evidence {evidence_id} on a claim: it was removed or edited since")
    return evidence


def removed_attachments(session: Session) -> set[str]:
    """Kept copies that only removed evidence, or evidence of a trashed article, refers to.

    Emptying the trash deletes these files (app/services/library.py empty_trash): until then a
    removed document can come back with its file. A copy that any current item still uses stays.
    """
    trashed = select(Claim.id).join(Article).where(Article.deleted_at.is_not(None))
    going = select(Evidence.stored_path).where(
        Evidence.stored_path.is_not(None),
        Evidence.removed_at.is_not(None) | Evidence.claim_id.in_(trashed),
    )
    staying = select(Evidence.stored_path).where(
        Evidence.stored_path.is_not(None), Evidence.removed_at.is_(None), Evidence.claim_id.not_in(trashed)
    )
    return {p for p in session.scalars(going) if p} - set(session.scalars(staying))


def delete_attachments(db: Database, stored_paths: set[str]) -> int:
    """Delete kept copies (paths relative to the library's files; never anything outside them).

    Returns how many files went; one that is already gone, or can't be deleted, is left alone.
    """
    root = files_dir(db.path).resolve()
    deleted = 0
    for stored in stored_paths:
        path = (root / stored).resolve()
        if not path.is_relative_to(root / ATTACHMENTS) or not path.is_file():
            continue
        try:
            path.unlink()
        except OSError:
            continue
        deleted += 1
    return deleted


def _add(db: Database, claim_id: int, evidence: Evidence, upload: bytes | None = None) -> EvidenceRecord:
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        if upload is not None and evidence.sha256:
            attachment_store.put(session, evidence.sha256, upload)
        evidence.author = repository.signed(session, evidence.author)
        return evidence_record(repository.add_evidence(session, claim, evidence))


def set_tags(
    db: Database,
    claim_id: int,
    names: list[str],
    *,
    expect: list[str] | None = None,
    expect_version: int | None = None,
) -> ClaimRecord:
    """Replace a claim's tags; names are trimmed, blank ones dropped, duplicates merged.

    With `expect` (undo and redo) the claim must still have those tags: a newer change stands.
    `expect_version`: the claim's version as shown; changed since, ConflictError says how.
    """
    clean = sorted({" ".join(n.split()) for n in names if n.strip()}, key=str.casefold)
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        newsroom_conflicts.check_claim(claim, expect_version, ", ".join(clean))
        if expect is not None and sorted(t.name for t in claim.tags) != sorted(expect):
            raise ChangedSinceError(
                "This claim's tags changed since, in another window or by a colleague; nothing was"
                " undone or redone, so that change stands"
            )
        claim.tags = [repository.tag_named(session, name) for name in clean]
        claim.updated_at = utcnow()
        session.flush()
        return claim_record(claim)


def tag_names(db: Database) -> list[str]:
    """Every tag in use, for completion."""
    with db.session(reading=True) as session:
        return repository.all_tag_names(session)
