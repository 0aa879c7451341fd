"""ORM rows to the domain's records (app/domain/records.py): the one place that reads them field by field.

The first paint builds the same records from sqlite3 rows (app/storage/article_reader.py); a test
checks that both give equal records for the same article.
"""

from __future__ import annotations

from app.domain.records import ClaimRecord, EvidenceRecord, NoteRecord, StatusChangeRecord
from app.storage.models import Claim, Evidence, Note, StatusChange


def note_record(note: Note) -> NoteRecord:
    return NoteRecord(
        note.id, note.body, note.author, note.created_at, note.uid, note.removed_at, note.removed_by or "",
        note.replaces_id, note.version,
    )  # fmt: skip


def status_change_record(change: StatusChange) -> StatusChangeRecord:
    return StatusChangeRecord(change.old_status, change.new_status, change.reason, change.author, change.at)


def evidence_record(evidence: Evidence) -> EvidenceRecord:
    return EvidenceRecord(
        id=evidence.id,
        uid=evidence.uid,
        kind=evidence.kind,
        reference=evidence.reference,
        note=evidence.note,
        stored_path=evidence.stored_path,
        sha256=evidence.sha256,
        role=evidence.role,
        contact_method=evidence.contact_method,
        contacted_at=evidence.contacted_at,
        author=evidence.author,
        added_at=evidence.added_at,
        removed_at=evidence.removed_at,
        removed_by=evidence.removed_by or "",
        replaces_id=evidence.replaces_id,
        outcome=evidence.outcome,
    )


def claim_record(claim: Claim) -> ClaimRecord:
    """A claim with its notes, history, evidence and tags; removed notes and evidence apart."""
    return ClaimRecord(
        id=claim.id,
        article_id=claim.article_id,
        start=claim.start,
        end=claim.end,
        text=claim.exact,
        kind=claim.kind,
        origin=claim.origin,
        source=claim.source,
        secondary_source=claim.secondary_source,
        source_refers_to=claim.source_refers_to,
        source_confidence=claim.source_confidence,
        cues=tuple(claim.cues),
        hedges=tuple(claim.hedges),
        figures=tuple(claim.figures),
        reasons=tuple(claim.reasons),
        score=claim.score,
        status=claim.status,
        anchored=claim.anchored,
        updated_at=claim.updated_at,
        notes=tuple(note_record(n) for n in claim.notes if n.removed_at is None),
        history=tuple(status_change_record(h) for h in claim.history),
        evidence=tuple(evidence_record(e) for e in claim.evidence if e.removed_at is None),
        removed_notes=tuple(note_record(n) for n in claim.notes if n.removed_at is not None),
        removed_evidence=tuple(evidence_record(e) for e in claim.evidence if e.removed_at is not None),
        tags=tuple(t.name for t in claim.tags),
        uid=claim.uid,
        dismissed=claim.dismissed_at is not None,
        previous_text=claim.previous_exact,
        version=claim.version,
    )
