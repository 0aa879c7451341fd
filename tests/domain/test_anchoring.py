"""Anchoring: our own cases and property tests (others' cases: test_anchoring_eval.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.anchoring import (
    TextQuote,
    anchor,
    codepoint_to_utf16,
    describe_quote,
    error_budget,
    match_quote,
    reanchor,
    similarity,
    utf16_to_codepoint,
)
from tests.evaluation import EVAL

CASES = EVAL / "anchoring"


def _load(name: str) -> Any:
    path = CASES / name
    if not path.exists():
        pytest.skip(f"{path} is not beside the checkout")
    return json.loads(path.read_text(encoding="utf-8"))


# --- our own cases ---------------------------------------------------------------------------


def test_describe_keeps_32_characters_of_context() -> None:
    text = "x" * 50 + "CLAIM" + "y" * 50
    quote = describe_quote(text, 50, 55)
    assert quote == TextQuote("CLAIM", "x" * 32, "y" * 32)
    assert describe_quote("abc", 0, 3) == TextQuote("abc", "", "")
    with pytest.raises(ValueError):
        describe_quote("abc", 2, 9)


def test_context_and_hint_pick_among_repeats() -> None:
    text = "Prices rose. Wages fell. Prices rose. Rents fell."
    assert match_quote(text, TextQuote("Prices rose.", suffix=" Rents")) == (25, 37)
    assert match_quote(text, TextQuote("Prices rose.")) == (0, 12)
    assert match_quote(text, TextQuote("Prices rose."), hint=24) == (25, 37)


def test_fuzzy_match_survives_small_edits_and_refuses_unrelated_text() -> None:
    original = "The authority said the survey found 14 unexploded shells on the seabed."
    quote = describe_quote(original, 19, 71)
    edited = "Update: the authority said the survey had found 14 unexploded shells on the sea bed."
    span = match_quote(edited, quote)
    assert span is not None
    assert edited[span[0] : span[1]].startswith("the survey had found")
    assert match_quote(edited, TextQuote("a completely different sentence about rain")) is None


def test_anchor_prefers_the_position_when_it_still_agrees() -> None:
    text = "one two one two"
    assert anchor(text, TextQuote("one"), 8, 11) == (8, 11)
    assert anchor(text + "!", TextQuote("two", suffix="!"), 0, 3) == (12, 15)


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "l😃rem ipsum"
    assert codepoint_to_utf16(text, 2) == 3
    assert utf16_to_codepoint(text, 3) == 2
    assert utf16_to_codepoint(text, 2) == 1  # inside the surrogate pair: rounds down
    assert utf16_to_codepoint(text, 99) == len(text)
    assert similarity("abc", "abc") == 1.0 and similarity("", "") == 1.0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c.😃Ж", min_size=1, max_size=120), st.data())
def test_describe_then_match_returns_the_same_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = describe_quote(text, start, end)
    assert match_quote(text, quote, hint=start) == (start, end)
    offset = codepoint_to_utf16(text, start)
    assert utf16_to_codepoint(text, offset) == start


# --- fuzzy matching, in the manner of Hypothesis's match-quote tests, on their texts --------------


def _fixture(name: str) -> str:
    text: str = _load("hypothesis_match_quote_cases.json")["fixtures"][name]
    return text


def test_a_misspelt_quote_still_finds_its_place() -> None:
    text = _fixture("solitude")
    start = text.index("Colonel Aureliano")
    for typo in ("Colonel Aureliano Buendia was to remember", "Colonel Aurelano Buendía was to remembr"):
        span = match_quote(text, TextQuote(typo))
        assert span is not None and span[0] == start, typo
        assert text[span[0] : span[1]] == "Colonel Aureliano Buendía was to remember"


def test_a_quote_beyond_its_error_budget_is_not_found() -> None:
    text = _fixture("solitude")
    assert error_budget(40) == 10 and error_budget(3) == 0
    assert match_quote(text, TextQuote("Colonel Buendía remembered the ice")) is None
    assert match_quote(text, TextQuote("xyz")) is None


def test_the_position_hint_picks_the_nearest_of_equal_matches() -> None:
    text = _fixture("twoCities")
    starts = [i for i in range(len(text)) if text.startswith("it was the age", i)]
    assert len(starts) == 2
    for start in starts:
        assert match_quote(text, TextQuote("it was the age"), hint=start + 3) == (start, start + 14)
        assert match_quote(text, TextQuote("it was the agr"), hint=start + 3) == (start, start + 14)


def test_a_close_quote_far_away_beats_a_look_alike_near_the_hint() -> None:
    moved = "The minister said 40,000 homes would be built by the end of 2027."
    look_alike = "The minister said 30,000 flats would be sold by the end of 2026."  # 10 edits of 16
    filler = " ".join(f"Line {n} is about something else entirely." for n in range(200))
    text = look_alike + " " + filler + " " + moved.replace("40,000", "40 000")
    span = match_quote(text, TextQuote(moved), hint=0)
    assert span is not None and text[span[0] : span[1]] == moved.replace("40,000", "40 000")


def test_reanchor_follows_the_shift_and_reports_what_is_gone() -> None:
    old = "First claim here. Second claim there. Third claim everywhere."
    quotes = [(describe_quote(old, s, e), s) for s, e in [(0, 17), (18, 37), (38, 61)]]
    new = "A new opening line. " + old.replace("Second claim there. ", "")
    assert reanchor(new, quotes) == [(20, 37), None, (38, 61)]
    assert reanchor(old, quotes) == [(0, 17), (18, 37), (38, 61)]
    assert reanchor("", quotes) == [None, None, None]


def test_nearest_occurrence_looks_only_near_the_span_and_picks_the_closest() -> None:
    from app.domain.anchoring import nearest_occurrence

    text = "HUR said so. " + "x" * 50 + " The HUR report. HUR again."
    claim_start = text.index("The HUR")
    assert nearest_occurrence(text, "HUR", claim_start, claim_start + 15, 10, claim_start) == claim_start + 4
    assert nearest_occurrence(text, "HUR", claim_start, claim_start + 15, 80, 0) == 0
    assert nearest_occurrence(text, "SBU", claim_start, claim_start + 15, 80, claim_start) is None
