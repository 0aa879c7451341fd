"""Anchoring: our own cases, a property test, and Hypothesis's and Apache Annotator's cases."""

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
    exact_matches,
    match_quote,
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


def _quote(selector: dict[str, Any]) -> TextQuote:
    return TextQuote(selector["exact"], selector.get("prefix", ""), selector.get("suffix", ""))


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


# --- others' cases ---------------------------------------------------------------------------


def hypothesis_rows() -> tuple[int, int]:
    data = _load("hypothesis_match_quote_cases.json")
    passed = 0
    for case in data["context_cases"]:
        text = data["fixtures"][case["text_fixture"]]
        quote = TextQuote(case["quote"], case.get("prefix", ""), case.get("suffix", ""))
        span = match_quote(text, quote)
        passed += span == (case["expected_start"], case["expected_start"] + len(case["quote"]))
    return passed, len(data["context_cases"])


def apache_quote_match_rows() -> tuple[int, int]:
    cases = _load("apache_text_quote_match_cases.json")["testCases"]
    passed = 0
    for case in cases.values():
        found = exact_matches(case["text"], _quote(case["selector"]))
        passed += found == [(o["start"], o["end"]) for o in case["expected_text_offsets"]]
    return passed, len(cases)


def apache_position_rows() -> tuple[int, int]:
    cases = _load("apache_text_position_match_cases.json")["testCases"]
    passed = 0
    for case in cases.values():
        start, end = case["selector"]["start"], case["selector"]["end"]
        expected = case["expected_text_offsets"][0]
        quote = TextQuote(case["text"][start:end])
        passed += anchor(case["text"], quote, start, end) == (expected["start"], expected["end"])
    return passed, len(cases)


def apache_describe_rows() -> tuple[int, int]:
    """Apache's selectors (its minimal-context describe) must anchor, with our matcher, to the range."""
    groups = _load("apache_text_quote_describe_cases.json")
    passed = total = 0
    for cases in groups.values():
        for case in cases.values():
            span = case["range_text_offsets"]
            ours = describe_quote(case["text"], span["start"], span["end"])
            theirs = match_quote(case["text"], _quote(case["expected"]))
            total += 1
            passed += theirs == (span["start"], span["end"]) and exact_matches(case["text"], ours) == [
                (span["start"], span["end"])
            ]
    return passed, total


def test_hypothesis_match_quote_cases() -> None:
    passed, total = hypothesis_rows()
    assert passed == total


def test_apache_text_quote_match_cases() -> None:
    passed, total = apache_quote_match_rows()
    assert passed == total


def test_apache_text_position_match_cases() -> None:
    passed, total = apache_position_rows()
    assert passed == total


def test_apache_text_quote_describe_cases_anchor_back() -> None:
    passed, total = apache_describe_rows()
    assert passed == total


if __name__ == "__main__":
    for name, rows in [
        ("hypothesis match-quote (context)", hypothesis_rows),
        ("apache text-quote match", apache_quote_match_rows),
        ("apache text-position match", apache_position_rows),
        ("apache text-quote describe (anchor back)", apache_describe_rows),
    ]:
        ok, n = rows()
        print(f"{name}: {ok}/{n}")
