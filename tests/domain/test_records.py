"""What every view and export says about a claim's source, status and dismissal (app/domain/records.py).

The claims panel, the memo, the CSV and the W3C export all read these properties, so a wrong word
here is wrong everywhere at once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app.domain.confidence import UNCERTAIN
from app.domain.records import ArticleRecord, ClaimRecord, StatusChangeRecord

AT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def claim(**fields: object) -> ClaimRecord:
    base = ClaimRecord(
        id=1, article_id=1, start=0, end=10, text="14 shells were found.", kind="factual", origin="auto",
        source=None, secondary_source=None, source_refers_to=None, cues=(), hedges=(), figures=(),
        reasons=(), score=0.5, status="unchecked", anchored=True, updated_at=AT, notes=(), history=(),
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def article(*claims: ClaimRecord, **fields: object) -> ArticleRecord:
    base = ArticleRecord(
        id=1, title="Harbour works", byline=None, outlet=None, source_url=None, published_at=None,
        filename=None, format="text", text="14 shells were found.", imported_at=AT, claims=claims,
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def test_a_claim_without_a_source_shows_none() -> None:
    plain = claim(source_refers_to="Lena Moss", source_confidence=0.2)
    assert plain.source_name is None and plain.source_label is None and plain.source_description is None
    assert not plain.source_uncertain


def test_the_source_is_named_by_whom_he_means_and_the_tooltip_keeps_the_words() -> None:
    he = claim(source="he", source_refers_to="Lena Moss", source_confidence=0.9)
    assert he.source_name == he.source_label == "Lena Moss"
    assert he.source_description == "Lena Moss \u2014 the text says \u201che\u201d"


def test_a_source_resolved_to_itself_is_not_said_twice() -> None:
    named = claim(source="Lena Moss", source_refers_to="Lena Moss", source_confidence=0.9)
    assert named.source_description == "Lena Moss"


def test_a_source_citing_another_says_so() -> None:
    citing = claim(source="the agency", secondary_source="the port authority", source_confidence=0.9)
    assert citing.source_label == "the agency"
    assert citing.source_description == "the agency, citing the port authority"


def test_an_unsure_source_is_marked_uncertain_with_its_confidence() -> None:
    unsure = claim(source="he", source_confidence=UNCERTAIN - 0.01)
    assert unsure.source_uncertain
    assert unsure.source_label == "he (uncertain)"
    assert unsure.source_description == "he \u2014 uncertain (confidence 59%)"
    sure = claim(source="he", source_confidence=UNCERTAIN)
    assert not sure.source_uncertain and sure.source_label == "he" and sure.source_description == "he"


def test_a_typed_source_has_no_confidence_and_is_never_uncertain() -> None:
    typed = claim(source="Lena Moss", source_confidence=None)
    assert not typed.source_uncertain and typed.source_label == "Lena Moss"


def test_the_reason_is_the_one_given_with_the_last_status_change() -> None:
    first = StatusChangeRecord("unchecked", "checking", "called the port", "ana", AT)
    last = StatusChangeRecord("checking", "false", "the port says 4 shells", "ana", AT)
    assert claim().reason == ""
    assert claim(history=(first, last)).reason == "the port says 4 shells"
    middle = StatusChangeRecord("checking", "disputed", "two accounts differ", "ana", AT)
    assert claim(history=(first, middle, last)).reason == "the port says 4 shells"


def test_only_a_dismissed_claim_says_it_was_dismissed() -> None:
    assert claim().dismissed_note == ""
    assert claim(dismissed=True).dismissed_note.startswith("dismissed: judged not worth checking")


def test_exports_leave_dismissed_claims_out_unless_asked() -> None:
    kept, dismissed = claim(id=1), claim(id=2, dismissed=True)
    whole = article(kept, dismissed)
    assert whole.for_export().claims == (kept,)
    assert whole.for_export(include_dismissed=True).claims == (kept, dismissed)


def test_an_article_comes_from_its_url_else_its_file_else_pasted_text() -> None:
    assert (
        article(source_url="https://example.org/a", filename="a.txt").source_label == "https://example.org/a"
    )
    assert article(filename="a.txt").source_label == "a.txt"
    assert article().source_label == "pasted text"
