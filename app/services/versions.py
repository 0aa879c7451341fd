"""A new version of an article already in the library: the same URL or file with other bytes.

The new text is kept as the article's next version (app.services.article_versions: the earlier
texts stay, to show what changed), the article's text is replaced and each claim is found again in
it by its quote, prefix and suffix (app.domain.replan decides where, fuzzy as Hypothesis does it).
Nothing a journalist did is touched: statuses and their history, notes, evidence, tags and
dismissals stay as they are. A claim whose wording changed keeps the wording it had before in
`previous_exact`; a claim that can't be found any more becomes an orphan (`anchored=False`) with
its notes, keeps its old quote, and is looked for again in the next version. The claim engine reads
the new text too: a reworded claim takes its new hedges, figures and score, and sentences it
detects where no claim is yet are added.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate
from typing import TYPE_CHECKING

from app.domain.replan import Placement, replan
from app.importers import ImportedArticle
from app.services.analysis import analyze_imported, claim_from
from app.services.article_versions import store_version
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Article, Claim, utcnow

if TYPE_CHECKING:
    from app.domain.claims import Analysis

@dataclass(frozen=True, slots=True)
class VersionReport:
    """What a new version did to an article's claims (each claim is counted once)."""

    article_id: int
    unchanged: int = 0  # same wording at the same place
    moved: int = 0  # same wording elsewhere (text was added or removed before it)
    changed: int = 0  # found, with other wording: the earlier wording is kept
    orphaned: int = 0  # not found: kept, with everything on it, in the Orphans list
    added: int = 0  # claims newly detected in the new text
    changed_ids: tuple[int, ...] = ()
    orphaned_ids: tuple[int, ...] = ()

    def summary(self) -> str:
        """One line for the status bar or the command line."""
        parts = [f"{self.unchanged} unchanged", f"{self.moved} moved", f"{self.changed} reworded"]
        parts.append(f"{self.orphaned} not found (orphans)")
        if self.added:
            parts.append(f"{self.added} new")
        return "New version: " + ", ".join(parts)


def apply_new_version(
    db: Database,
    article_id: int,
    imported: ImportedArticle,
    *,
    analysis: Analysis | None = None,
    detect_new: bool = True,
    captured_at: datetime | None = None,
    original_path: str | None = None,
) -> VersionReport:
    """Replace the article's text and metadata and re-anchor every claim, in one transaction.

    `analysis` is the claim engine's result for `imported` when the caller has it already;
    otherwise it is computed here (before the transaction) unless `detect_new` is False.
    """
    if analysis is None and detect_new:
        with db.session(reading=True) as session:  # the language it was read in, or a journalist set
            language = repository.get_article(session, article_id).language
        analysis = analyze_imported(imported, language=language)
    with db.session() as session:
        article = repository.get_article(session, article_id)
        if article.sha256 == imported.sha256 and article.text == imported.text:
            return VersionReport(article_id, unchanged=len(article.claims))
        store_version(session, article, article.captured_at or article.imported_at)  # if not kept yet
        counts = _reanchor_claims(article.claims, article.text, imported.text)
        _replace_text(article, imported, analysis, captured_at, original_path)
        store_version(session, article, captured_at)  # the new text, as the next version
        added = 0
        if analysis is not None:
            _refresh_reworded(article.claims, counts["changed"], analysis)
            added = _add_detected(article, analysis) if detect_new else 0
        session.flush()
        return VersionReport(
            article_id,
            unchanged=len(counts["unchanged"]),
            moved=len(counts["moved"]),
            changed=len(counts["changed"]),
            orphaned=len(counts["orphaned"]),
            added=added,
            changed_ids=tuple(counts["changed"]),
            orphaned_ids=tuple(counts["orphaned"]),
        )


def _reanchor_claims(claims: list[Claim], old_text: str, text: str) -> dict[str, list[int]]:
    """Move every claim to where its quote is in `text` (app/domain/replan.py decides); the claim
    ids by outcome."""
    outcomes: dict[str, list[int]] = {"unchanged": [], "moved": [], "changed": [], "orphaned": []}
    now = utcnow()
    for claim, planned in zip(claims, replan(old_text, text, [_placement(c) for c in claims]), strict=True):
        place = planned.place
        if planned.outcome == "changed" or place.anchored != claim.anchored:  # what the journalist sees
            claim.updated_at = now
        claim.start, claim.end, claim.anchored = place.start, place.end, place.anchored
        claim.exact, claim.prefix, claim.suffix = place.exact, place.prefix, place.suffix
        claim.previous_exact = place.previous_exact
        claim.source_start, claim.source_end = place.source_start, place.source_end
        outcomes[planned.outcome].append(claim.id)
    return outcomes


def _placement(claim: Claim) -> Placement:
    return Placement(
        claim.start, claim.end, claim.exact, claim.prefix, claim.suffix, claim.anchored,
        claim.previous_exact, claim.source, claim.source_start, claim.source_end,
    )  # fmt: skip


def _replace_text(
    article: Article,
    imported: ImportedArticle,
    analysis: Analysis | None,
    captured_at: datetime | None,
    original_path: str | None,
) -> None:
    """The new text and what the new bytes say about the article; what they don't say is kept."""
    article.text = imported.text
    article.html = imported.html
    article.sha256 = imported.sha256
    article.format = imported.format
    article.title = (analysis.title if analysis else None) or imported.title or article.title
    article.byline = imported.byline or (analysis.byline if analysis else None) or article.byline
    article.outlet = getattr(imported, "outlet", None) or article.outlet
    article.source_url = imported.url or article.source_url
    article.filename = imported.filename or article.filename
    article.published_at = imported.published or article.published_at
    article.captured_at = captured_at or article.captured_at
    article.original_path = original_path or article.original_path


def _refresh_reworded(claims: list[Claim], reworded: list[int], analysis: Analysis) -> None:
    """A reworded claim takes the engine's reading of its new wording (hedges, figures, score...)
    when the engine found the same span; kind and source, which a journalist may have edited, stay."""
    detected = {(d.start, d.end): d for d in analysis.claims}
    ids = set(reworded)
    for claim in claims:
        found = detected.get((claim.start, claim.end)) if claim.id in ids else None
        if found is not None:
            claim.cues, claim.hedges = list(found.cues), list(found.hedges)
            claim.figures, claim.reasons, claim.score = list(found.figures), list(found.reasons), found.score


def _add_detected(article: Article, analysis: Analysis) -> int:
    """Detected claims of the new text that overlap no claim there yet (dismissed ones count)."""
    spans = sorted((c.start, c.end) for c in article.claims if c.anchored)
    starts = [start for start, _ in spans]
    furthest_ends = list(accumulate((end for _, end in spans), max))  # of the spans up to each one
    added = 0
    for detected in analysis.claims:
        before = bisect_left(starts, detected.end)  # spans starting before the detection ends
        if before and furthest_ends[before - 1] > detected.start:
            continue
        article.claims.append(claim_from(article.text, detected))
        added += 1
    return added
