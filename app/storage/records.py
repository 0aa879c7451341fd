"""Plain, immutable views of stored data, handed to the GUI and the CLI.

Services return these instead of ORM objects so nothing outside storage can lazy-load, or write,
behind a session's back. These are what showing an article needs (they are read before the first
paint); records that list or compare articles are in app/storage/summaries.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.domain.confidence import is_uncertain

if TYPE_CHECKING:  # records load without SQLAlchemy: the first paint reads them with sqlite3 alone
    from app.storage.models import Claim, Evidence, Note, StatusChange


@dataclass(frozen=True, slots=True)
class NoteRecord:
    id: int
    body: str
    author: str
    created_at: datetime
    uid: str = ""
    removed_at: datetime | None = None  # taken off its claim (kept in the history)
    removed_by: str = ""

    @classmethod
    def of(cls, note: Note) -> NoteRecord:
        return cls(
            note.id, note.body, note.author, note.created_at, note.uid, note.removed_at, note.removed_by or ""
        )


@dataclass(frozen=True, slots=True)
class StatusChangeRecord:
    old_status: str
    new_status: str
    reason: str
    author: str
    at: datetime

    @classmethod
    def of(cls, change: StatusChange) -> StatusChangeRecord:
        return cls(change.old_status, change.new_status, change.reason, change.author, change.at)


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    id: int
    kind: str  # url, document, person, other
    reference: str
    note: str
    stored_path: str | None
    sha256: str | None
    role: str | None
    contact_method: str | None
    contacted_at: datetime | None
    author: str
    added_at: datetime
    uid: str = ""
    removed_at: datetime | None = None  # taken off its claim (kept in the history)
    removed_by: str = ""

    @classmethod
    def of(cls, evidence: Evidence) -> EvidenceRecord:
        return cls(
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
        )


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    kind: str
    origin: str
    source: str | None
    secondary_source: str | None
    source_refers_to: str | None
    cues: tuple[str, ...]
    hedges: tuple[str, ...]
    figures: tuple[str, ...]
    reasons: tuple[str, ...]
    score: float
    status: str
    anchored: bool
    updated_at: datetime
    notes: tuple[NoteRecord, ...]
    history: tuple[StatusChangeRecord, ...]
    evidence: tuple[EvidenceRecord, ...] = ()
    tags: tuple[str, ...] = ()
    uid: str = ""
    dismissed: bool = False
    previous_text: str | None = None  # the wording before a new version of the article changed it
    source_confidence: float | None = None  # the engine's, for a detected source; None when typed
    removed_notes: tuple[NoteRecord, ...] = ()  # taken off the claim, shown in its history
    removed_evidence: tuple[EvidenceRecord, ...] = ()

    @property
    def source_name(self) -> str | None:
        """Whom the Source column names: the person 'he' or 'the agency' means, else the words."""
        return self.source_refers_to or self.source if self.source else None

    @property
    def source_uncertain(self) -> bool:
        """A detected source the engine is unsure of: shown as uncertain, not as fact."""
        return self.source is not None and is_uncertain(self.source_confidence)

    @property
    def source_label(self) -> str | None:
        """The source as every view shows it: the resolved name, marked when uncertain."""
        name = self.source_name
        return f"{name} (uncertain)" if name and self.source_uncertain else name

    @property
    def source_description(self) -> str | None:
        """The source in full for a tooltip or the memo: the name, the words in the text, how sure."""
        if not self.source:
            return None
        text = self.source_name or self.source
        if self.source_refers_to and self.source_refers_to != self.source:
            text += f" \u2014 the text says \u201c{self.source}\u201d"
        if self.secondary_source:
            text += f", citing {self.secondary_source}"
        if self.source_uncertain and self.source_confidence is not None:
            text += f" \u2014 uncertain (confidence {self.source_confidence:.0%})"
        return text

    @property
    def reason(self) -> str:
        """Why the claim has its current status: the reason given with the last change."""
        return self.history[-1].reason if self.history else ""

    @classmethod
    def of(cls, claim: Claim) -> ClaimRecord:
        return cls(
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
            notes=tuple(NoteRecord.of(n) for n in claim.notes if n.removed_at is None),
            history=tuple(StatusChangeRecord.of(h) for h in claim.history),
            evidence=tuple(EvidenceRecord.of(e) for e in claim.evidence if e.removed_at is None),
            removed_notes=tuple(NoteRecord.of(n) for n in claim.notes if n.removed_at is not None),
            removed_evidence=tuple(EvidenceRecord.of(e) for e in claim.evidence if e.removed_at is not None),
            tags=tuple(t.name for t in claim.tags),
            uid=claim.uid,
            dismissed=claim.dismissed_at is not None,
            previous_text=claim.previous_exact,
        )


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    title: str
    byline: str | None
    outlet: str | None
    source_url: str | None
    published_at: str | None
    filename: str | None
    format: str
    text: str
    imported_at: datetime
    claims: tuple[ClaimRecord, ...]
    html: str | None = None  # the sanitised display copy (headings, lists, quotes); None for plain text

    @property
    def source_label(self) -> str:
        """Where the article came from, in one line: its URL, else its file name."""
        return self.source_url or self.filename or "pasted text"
