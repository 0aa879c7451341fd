"""Moving work between a local library and a newsroom library, either way, by public ids.

`copy_library(source, target)` brings every article (or the ones named) with its claims, status
history, notes, evidence, tags and documents into the target. It is a merge, never an overwrite:
- an article is the same when its sha256 and text are; a claim, note or evidence item when its
  uid is (a detected claim nobody touched takes on the incoming uid, as an import does);
- history steps missing from the target are added (a step is its statuses, reason and time);
  notes and evidence by uid, tags by name; a claim's own fields only when the source's change is
  newer than the target's; a word on a link (link_decision) when both its claims were brought,
  the newer word on a pair winning;
- documents go with their evidence: into the database on a newsroom server, into the files
  folder locally, verified against their sha256 either way.
So running it twice changes nothing the second time, and a journalist can take a story offline
(newsroom -> local), work on it, and bring it back (local -> newsroom).

Into a newsroom library the administrator's copy keeps the authors it carries; an editor's copy is
signed with the editor's role, as anything else they write (migration 0011).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.config import files_dir
from app.errors import ClaimdeskError
from app.files import keep_by_digest
from app.services.evidence import attachments_dir
from app.storage import attachment_store, repository
from app.storage.database import Database
from app.storage.models import Article, ArticleVersion, Claim, Evidence, LinkDecision, Note, StatusChange

_NOT_COPIED = frozenset({"id", "article_id", "claim_id", "version", "replaces_id"})
# a claim's own fields, taken from the source when its change is newer
_CLAIM_FIELDS = (
    "start", "end", "exact", "prefix", "suffix", "kind", "source", "source_start", "source_end",
    "secondary_source", "source_refers_to", "source_confidence", "status", "anchored", "dismissed_at",
    "previous_exact", "updated_at",
)  # fmt: skip


@dataclass
class CopyReport:
    """What the copy added or changed in the target; all zero when there was nothing to bring."""

    articles: int = 0
    claims: int = 0
    claims_updated: int = 0
    steps: int = 0
    notes: int = 0
    evidence: int = 0
    documents: int = 0
    tags: int = 0
    links: int = 0  # words on links (app/services/link_decisions.py) added or changed

    def changed_nothing(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


def copy_library(source: Database, target: Database, article_ids: Sequence[int] | None = None) -> CopyReport:
    """Merge the source's articles (all, or those with these ids) into the target; one transaction."""
    report = CopyReport()
    with source.session(reading=True) as src, target.session() as dst:
        if target.shared:
            dst.execute(text("SET LOCAL claimdesk.copying = 'on'"))  # kept authors: owner only (0011)
        query = select(Article).order_by(Article.id)
        if article_ids is not None:
            query = query.where(Article.id.in_(article_ids))
        articles = src.scalars(query).all()
        if article_ids is not None and len(articles) != len(set(article_ids)):
            raise ClaimdeskError("Some of those articles are not in the library being copied from")
        copier = _Copier(source, target, src, dst, report)
        for article in articles:
            copier.article(article)
        copier.link_decisions()
    return report


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs if c.key not in _NOT_COPIED}


class _Copier:
    def __init__(
        self, source: Database, target: Database, src: Session, dst: Session, report: CopyReport
    ) -> None:
        self.source, self.target, self.src, self.dst, self.report = source, target, src, dst, report
        self.ids: dict[int, int] = {}  # a source claim's id -> its claim in the target

    def article(self, article: Article) -> None:
        there = next(
            (a for a in self.dst.scalars(select(Article).where(Article.sha256 == article.sha256))
             if a.text == article.text),
            None,
        )  # fmt: skip
        if there is None:
            there = Article(**_columns(article))
            self.dst.add(there)
            for version in article.versions:
                there.versions.append(ArticleVersion(**_columns(version)))
            self.dst.flush()
            self.report.articles += 1
        for claim in article.claims:
            self.claim(claim, there)
        self.notes([n for n in article.notes if n.claim_id is None], there, None)

    def claim(self, claim: Claim, article: Article) -> None:
        there = self.dst.scalars(select(Claim).where(Claim.uid == claim.uid)).first()
        if there is None:
            there = self._adoptable(claim, article)
            if there is not None:
                there.uid = claim.uid
        if there is None:
            there = Claim(**_columns(claim))
            article.claims.append(there)
            self.report.claims += 1
        elif claim.updated_at > there.updated_at:
            for name in _CLAIM_FIELDS:
                setattr(there, name, getattr(claim, name))
            self.report.claims_updated += 1
        self._steps(claim, there)
        self.dst.flush()
        self.ids[claim.id] = there.id
        self.notes(list(claim.notes), article, there)
        self.evidence(claim, there)
        self.tags(claim, there)

    def link_decisions(self) -> None:
        """The words on links between claims brought here; on a pair the target has a word on
        too, the newer word wins."""
        for word in self.src.scalars(select(LinkDecision).order_by(LinkDecision.id)):
            a, b = self.ids.get(word.claim_id), self.ids.get(word.other_id)
            if a is None or b is None:
                continue
            low, high = min(a, b), max(a, b)
            there = self.dst.scalars(
                select(LinkDecision).where(LinkDecision.claim_id == low, LinkDecision.other_id == high)
            ).first()
            if there is None:
                self.dst.add(LinkDecision(claim_id=low, other_id=high, same=word.same, author=word.author,
                                          decided_at=word.decided_at))  # fmt: skip
            elif word.decided_at > there.decided_at and word.same != there.same:
                there.same, there.author, there.decided_at = word.same, word.author, word.decided_at
            else:
                continue
            self.report.links += 1

    def _adoptable(self, claim: Claim, article: Article) -> Claim | None:
        """A detected claim at the same words that nobody touched: it becomes the incoming one."""
        for candidate in article.claims:
            same = (candidate.start, candidate.end, candidate.exact) == (claim.start, claim.end, claim.exact)
            touched = candidate.history or candidate.notes or candidate.evidence or candidate.tags
            if same and not touched and candidate.origin == "detected":
                return candidate
        return None

    def _steps(self, claim: Claim, there: Claim) -> None:
        known = {(s.old_status, s.new_status, s.reason, s.at) for s in there.history}
        for step in claim.history:
            if (step.old_status, step.new_status, step.reason, step.at) in known:
                continue
            there.history.append(StatusChange(**_columns(step)))
            self.report.steps += 1

    def notes(self, notes: list[Note], article: Article, claim: Claim | None) -> None:
        for note in sorted(notes, key=lambda n: n.id):  # an edit comes after the note it replaces
            there = self.dst.scalars(select(Note).where(Note.uid == note.uid)).first()
            if there is not None:
                if there.removed_at is None and note.removed_at is not None:
                    there.removed_at, there.removed_by = note.removed_at, note.removed_by
                continue
            copy = Note(**_columns(note), replaces_id=self._same_note(note.replaces_id))
            copy.claim, copy.article = (claim, None) if claim is not None else (None, article)
            self.dst.add(copy)
            self.report.notes += 1
        self.dst.flush()

    def _same_note(self, source_id: int | None) -> int | None:
        if source_id is None:
            return None
        uid = self.src.scalar(select(Note.uid).where(Note.id == source_id))
        return self.dst.scalar(select(Note.id).where(Note.uid == uid))

    def evidence(self, claim: Claim, there: Claim) -> None:
        for item in sorted(claim.evidence, key=lambda e: e.id):
            known = self.dst.scalars(select(Evidence).where(Evidence.uid == item.uid)).first()
            if known is not None:
                if known.removed_at is None and item.removed_at is not None:
                    known.removed_at, known.removed_by = item.removed_at, item.removed_by
                continue
            if item.kind == "document" and item.sha256 and item.stored_path:
                self._document(item.sha256, item.stored_path)
            replaces = None
            if item.replaces_id is not None:
                uid = self.src.scalar(select(Evidence.uid).where(Evidence.id == item.replaces_id))
                replaces = self.dst.scalar(select(Evidence.id).where(Evidence.uid == uid))
            there.evidence.append(Evidence(**_columns(item), replaces_id=replaces))
            self.report.evidence += 1
        self.dst.flush()

    def _document(self, digest: str, stored_path: str) -> None:
        """The document's bytes into the target, unless they are there already."""
        if self.target.shared and attachment_store.has(self.dst, digest):
            return
        if not self.target.shared and (files_dir(self.target.path) / stored_path).is_file():
            return
        content = self._document_bytes(digest, stored_path)
        if content is None:
            return  # the source lost its copy too: the evidence still says what it was
        if self.target.shared:
            attachment_store.put(self.dst, digest, content)
        else:
            keep_by_digest([content], attachments_dir(self.target), Path(stored_path).suffix)
        self.report.documents += 1

    def _document_bytes(self, digest: str, stored_path: str) -> bytes | None:
        if self.source.shared:
            return attachment_store.get(self.src, digest)
        root = files_dir(self.source.path).resolve()
        path = (root / stored_path).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
        return path.read_bytes()

    def tags(self, claim: Claim, there: Claim) -> None:
        have = {t.name for t in there.tags}
        for tag in claim.tags:
            if tag.name not in have:
                there.tags.append(repository.tag_named(self.dst, tag.name))
                self.report.tags += 1
