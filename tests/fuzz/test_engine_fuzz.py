"""`analyze` on hostile text: it never raises, and every offset it returns points into the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.claims import Analysis, analyze
from app.domain.text import normalize_text, split_sentences
from tests.fuzz.conftest import ACCEPTED, FUZZ, TRIED, accepting
from tests.fuzz.strategies import hostile_text


def check_invariants(text: str, analysis: Analysis) -> None:
    """What the rest of the app relies on: spans in bounds and in order, texts that match them."""
    n = len(text)
    previous = 0
    for span in analysis.sentences:
        assert previous <= span.start < span.end <= n
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        previous = span.end
    sentence_spans = {(s.start, s.end) for s in analysis.sentences}
    previous = 0
    for i, claim in enumerate(analysis.claims):
        assert previous <= claim.start < claim.end <= n and (claim.start, claim.end) in sentence_spans
        assert claim.text == text[claim.start : claim.end]
        assert 0.0 <= claim.score <= 1.0
        assert claim.kind in ("claim", "quote", "caveat")
        if claim.source_start is not None or claim.source_end is not None:
            assert claim.source_start is not None and claim.source_end is not None
            assert 0 <= claim.source_start <= claim.source_end <= n
            assert claim.source == text[claim.source_start : claim.source_end]
        # a caveat qualifies claims before or after it, never itself
        assert all(0 <= j < len(analysis.claims) and j != i for j in claim.applies_to)
        previous = claim.end
    if analysis.byline_span is not None:
        assert 0 <= analysis.byline_span.start <= analysis.byline_span.end <= n
    assert 0 <= analysis.body_end <= n
    analysis.to_json()  # the `analyze --json` contract serialises whatever was found


def _run(target: str, text: str, title: str | None = None) -> None:
    """One input: the invariants always; it counts as accepted when sentences came out of it."""
    TRIED[target] += 1
    analysis = analyze(text, title=title)
    check_invariants(text, analysis)
    ACCEPTED[target] += bool(analysis.sentences)


@FUZZ
@given(raw=hostile_text())
def _hostile_text(raw: str) -> None:
    _run("analyze (hostile pieces)", normalize_text(raw))


def test_analyze_keeps_its_invariants_on_hostile_text() -> None:
    with accepting(0.5):  # measured: 92-99%
        _hostile_text()


@FUZZ
@given(raw=st.text(st.characters(codec=None), max_size=400))
def _any_code_points(raw: str) -> None:
    _run("analyze (any code points)", normalize_text(raw))


def test_analyze_keeps_its_invariants_on_any_code_points() -> None:
    with accepting(0.5):  # measured: 92-99%
        _any_code_points()


@FUZZ
@given(raw=hostile_text(max_pieces=30), title=st.none() | hostile_text(max_pieces=5))
def _with_a_title(raw: str, title: str | None) -> None:
    _run("analyze (with title)", normalize_text(raw), title)


def test_analyze_with_a_title() -> None:
    with accepting(0.5):  # measured: 92-99%
        _with_a_title()


@FUZZ
@given(raw=hostile_text())
def _raw_line_breaks(raw: str) -> None:
    TRIED["split_sentences (raw)"] += 1
    previous = 0
    spans = split_sentences(raw, clean=True)
    for span in spans:
        assert previous <= span.start < span.end <= len(raw)
        previous = span.end
    ACCEPTED["split_sentences (raw)"] += bool(spans)


def test_segmenter_copes_with_unnormalised_line_breaks() -> None:
    """The segmenter promises offsets into the raw text, CR and U+2028 included."""
    with accepting(0.5):  # measured: 92-99%
        _raw_line_breaks()
