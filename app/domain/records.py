"""Plain, immutable views of stored data, handed to the GUI, the exports and the CLI.

Services return these instead of ORM objects so nothing outside storage can lazy-load, or write,
behind a session's back. They are domain types: pure data, no SQLAlchemy, so ui and export need
not import storage for them; storage fills them (app/storage/record_mapping.py from ORM rows,
app/storage/article_reader.py from sqlite3 rows before the first paint). Records that list or
compare articles are in app/domain/summaries.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.confidence import is_uncertain


@dataclass(frozen=True, slots=True)
class NoteRecord:
    id: int
    body: str
    author: str
    created_at: datetime
    uid: str = ""
    removed_at: datetime | None = None  # taken off its claim (kept in the history)
    removed_by: str = ""
    replaces_id: int | None = None  # an edit: the note with the earlier wording
    version: int = 1  # as read: a change made over a newer one is refused (optimistic locking)


@dataclass(frozen=True, slots=True)
class StatusChangeRecord:
    old_status: str
    new_status: str
    reason: str
    author: str
    at: datetime


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
    replaces_id: int | None = None  # an edit: the item as it was before
    outcome: str | None = None  # a person contacted: reached, declined to comment, no answer, left a message


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
    version: int = 1  # as read: a change made over a newer one is refused (optimistic locking)

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
        return self.labelled_source()

    def labelled_source(self, uncertain: str = "{name} (uncertain)") -> str | None:
        """`source_label` with the window's wording for an uncertain source (issue 17: the domain
        knows no language but English; the window and the memo pass their own)."""
        name = self.source_name
        return uncertain.format(name=name) if name and self.source_uncertain else name

    @property
    def source_description(self) -> str | None:
        """The source in full for a tooltip or the memo: the name, the words in the text, how sure."""
        return self.described_source()

    def described_source(
        self,
        says: str = " \u2014 the text says \u201c{words}\u201d",
        citing: str = ", citing {source}",
        uncertain: str = " \u2014 uncertain (confidence {confidence})",
    ) -> str | None:
        """`source_description` in other words: the window's and the memo's language (issue 17)."""
        if not self.source:
            return None
        text = self.source_name or self.source
        if self.source_refers_to and self.source_refers_to != self.source:
            text += says.format(words=self.source)
        if self.secondary_source:
            text += citing.format(source=self.secondary_source)
        if self.source_uncertain and self.source_confidence is not None:
            text += uncertain.format(confidence=f"{self.source_confidence:.0%}")
        return text

    @property
    def dismissed_note(self) -> str:
        """What an export says of a dismissed claim listed on request ("" for any other)."""
        return "dismissed: judged not worth checking (kept in the library)" if self.dismissed else ""

    @property
    def reason(self) -> str:
        """Why the claim has its current status: the reason given with the last change."""
        return self.history[-1].reason if self.history else ""


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

    def for_export(self, include_dismissed: bool = False) -> ArticleRecord:
        """The article as exports show it: dismissed claims left out unless asked for. The one rule
        for what counts, so the memo, the claims panel and the library agree on the numbers."""
        if include_dismissed:
            return self
        return replace(self, claims=tuple(c for c in self.claims if not c.dismissed))

    @property
    def source_label(self) -> str:
        """Where the article came from, in one line: its URL, else its file name."""
        return self.source_url or self.filename or "pasted text"
