"""Evidence and tags on claims: what a verdict rests on, and how claims are grouped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from app.config import ATTACHMENTS, author_name, files_dir
from app.domain.records import ClaimRecord, EvidenceRecord
from app.errors import ChangedSinceError, ClaimdeskError, NotFoundError, UnreadableFileError
from app.files import keep_by_digest, read_chunks, sha256_of_file
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Evidence, utcnow
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
) -> EvidenceRecord:
    """Record a person contacted: name, role, how and when (now, if not given; text is ISO 8601)."""
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
        note=note.strip(),
        author=author_name(author),
    )
    return _add(db, claim_id, evidence)


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
    return _add(db, claim_id, evidence)


def attachments_dir(db: Database) -> Path:
    return files_dir(db.path) / ATTACHMENTS


KeptCopy = Literal["ok", "missing", "changed"]


def kept_copy(db: Database, item: EvidenceRecord) -> Path | None:
    """Where a document's kept copy is, if it exists inside the library's files (never outside)."""
    if item.kind != "document" or not item.stored_path:
        return None
    root = files_dir(db.path).resolve()
    path = (root / item.stored_path).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


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


def remove_evidence(db: Database, evidence_id: int, author: str | None = None) -> int:
    """Take an evidence item off its claim (undo of adding it); returns the claim's id.

    The item is kept, marked removed, in the claim's history; a document's stored copy stays in
    the library's files (another claim may share it, and redo needs it).
    """
    return _mark_evidence(db, evidence_id, removed=True, author=author)


def restore_evidence(db: Database, evidence_id: int) -> int:
    """Put a removed evidence item back on its claim (redo of adding it)."""
    return _mark_evidence(db, evidence_id, removed=False)


def _mark_evidence(db: Database, evidence_id: int, *, removed: bool, author: str | None = None) -> int:
    with db.session() as session:
        evidence = session.get(Evidence, evidence_id)
        if evidence is None or (evidence.removed_at is not None) == removed:
            state = "on" if removed else "removed from"
            raise NotFoundError(f"There is no evidence {evidence_id} {state} a claim")
        if removed:
            evidence.removed_at, evidence.removed_by = utcnow(), author_name(author)
        else:
            evidence.removed_at, evidence.removed_by = None, None
        evidence.claim.updated_at = utcnow()
        return evidence.claim_id


def _add(db: Database, claim_id: int, evidence: Evidence) -> EvidenceRecord:
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        return evidence_record(repository.add_evidence(session, claim, evidence))


def set_tags(
    db: Database, claim_id: int, names: list[str], *, expect: list[str] | None = None
) -> ClaimRecord:
    """Replace a claim's tags; names are trimmed, blank ones dropped, duplicates merged.

    With `expect` (undo and redo) the claim must still have those tags: a newer change stands.
    """
    clean = sorted({" ".join(n.split()) for n in names if n.strip()}, key=str.casefold)
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
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
