"""The claim engine's reading of an imported article, and the claims stored from it.

Shared by a first import (app/services/articles.py) and a new version of an article already in
the library (app/services/versions.py), which is why it is a module of its own: neither of those
has to import the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import UnreadableFileError
from app.importers import ImportedArticle
from app.storage.models import Claim

if TYPE_CHECKING:  # the engine loads its lexicons and models when first used, not at start-up
    from app.domain.claims import Analysis, DetectedClaim

MAX_ANALYSED_CHARS = 2_000_000  # about 300,000 words: a few seconds of analysis, bounded memory
CONTEXT = 32  # characters of prefix/suffix kept with each claim, as TextQuoteSelector does


def analyze_imported(imported: ImportedArticle, language: str | None = None) -> Analysis:
    """Run the claim engine, refusing texts far beyond any article (minutes of work, GBs of memory).

    `language` is the article's language when a journalist set it (its properties); otherwise the
    engine detects it, and the analysis says which it was (`Analysis.language`, stored as
    `Article.language`)."""
    from app.domain.claims import analyze

    if len(imported.text) > MAX_ANALYSED_CHARS:
        name = imported.filename or "This text"
        raise UnreadableFileError(
            f"{name} has {len(imported.text):,} characters; Claimdesk analyses articles of up to "
            f"{MAX_ANALYSED_CHARS:,} (a long book). Split it, or import the part you are checking."
        )
    return analyze(imported.text, title=imported.title, lang=language)


def stored_language(analysis: Analysis) -> str | None:
    """The language kept with the article: the one the engine read it in ("en", "uk", "ru"); None
    for a language without lexicons ("other"), which the properties leave to the journalist."""
    from app.domain.language import SUPPORTED  # loaded with the engine, which analysed it

    return analysis.language if analysis.language in SUPPORTED else None


def claim_from(text: str, detected: DetectedClaim) -> Claim:
    """The claim stored for a detected sentence: a list item's bullet or number left out."""
    from app.domain.claims import claim_start  # loaded with the engine, which detected the claim

    start = claim_start(text, detected.start, detected.end)
    return Claim(
        start=start,
        end=detected.end,
        exact=text[start : detected.end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[detected.end : detected.end + CONTEXT],
        kind=detected.kind,
        origin="detected",
        source=detected.source,
        source_start=detected.source_start,
        source_end=detected.source_end,
        secondary_source=detected.secondary_source,
        source_refers_to=detected.source_refers_to,
        source_confidence=detected.source_confidence,
        cues=list(detected.cues),
        hedges=list(detected.hedges),
        figures=list(detected.figures),
        reasons=list(detected.reasons),
        score=detected.score,
    )
