"""Work on claims: verification status (with its history) and notes."""

from __future__ import annotations

from app.config import author_name
from app.domain.statuses import is_status
from app.errors import ClaimdeskError
from app.storage import repository
from app.storage.database import Database
from app.storage.models import utcnow
from app.storage.records import ClaimRecord, NoteRecord


def set_status(
    db: Database, claim_id: int, new_status: str, reason: str = "", author: str | None = None
) -> ClaimRecord:
    """Set a claim's status; the change is appended to its history in the same transaction."""
    if not is_status(new_status):
        raise ClaimdeskError(f"Unknown status {new_status!r}")
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        if claim.status != new_status:
            repository.record_status_change(session, claim, new_status, reason.strip(), author_name(author))
        session.flush()
        return ClaimRecord.of(claim)


def add_note(db: Database, claim_id: int, body: str, author: str | None = None) -> NoteRecord:
    """Add a note to a claim; an empty note is refused rather than stored."""
    body = body.strip()
    if not body:
        raise ClaimdeskError("The note is empty")
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        return NoteRecord.of(repository.add_claim_note(session, claim, body, author_name(author), utcnow()))


def load_claim(db: Database, claim_id: int) -> ClaimRecord:
    with db.session() as session:
        return ClaimRecord.of(repository.get_claim(session, claim_id))
