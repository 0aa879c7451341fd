"""Anchoring against Hypothesis's and Apache Annotator's own test cases, one test per case.

The cases are in ../shared/eval/anchoring (see its PROVENANCE.txt): four JSON files derived from
the projects' tests so that no DOM is needed. Each case has, besides its HTML and DOM range, the
plain text of the snippet and the expected span in code points of that text, which is our model:
an article is one plain text and a claim a span of it.

- hypothesis_match_quote_cases.json: the 8 prefix/suffix context cases of Hypothesis's
  match-quote-test.js (quote repeated in the text; the context, sometimes misspelt, decides).
- apache_text_quote_match_cases.json: 25 TextQuoteSelector cases; Apache returns every match,
  so `exact_matches` must return exactly the expected spans (empty quotes included).
- apache_text_position_match_cases.json: 7 TextPositionSelector cases with an astral character
  (code points vs UTF-16): `anchor` must find the span, and the DOM offset of the single-node cases
  converted from UTF-16 must give the same start.
- apache_text_quote_describe_cases.json: 22 cases of describing a range as a selector. Apache
  keeps the least context that makes the quote unique (its options tune how little); Claimdesk
  always keeps 32 characters either side, what it stores with every claim. So the selectors are
  compared as the same selector up to the length of their context: the same exact text, and each
  side's context agreeing with Apache's wherever both reach (one is a cut of the other, taken
  next to the quote), ours never shorter than Apache's unless 32 characters are all there is.
  Besides: Apache's selector, matched with our matcher, lands on the range; and our own
  description of the range is unambiguous.

Not here: PROVENANCE.txt also lists Hypothesis's HTML baselines, range and CSS selector tests and
dom-anchor-text-*; their folders are not in ../shared/eval/anchoring (only the JSON derived from
them is), and they test DOM ranges and CSS selectors, which a plain-text article has none of.

`python -m tests.domain.test_anchoring_eval` prints the pass counts per file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from app.domain.anchoring import (
    CONTEXT,
    TextQuote,
    anchor,
    describe_quote,
    exact_matches,
    match_quote,
    utf16_to_codepoint,
)
from tests.evaluation import EVAL
from tests.helpers import case_id

CASES = EVAL / "anchoring"
MISSING = f"{CASES} is not beside the checkout"
Case = dict[str, Any]


def _load(name: str) -> Any:
    path = CASES / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _params(cases: list[tuple[str, Case]]) -> list[Any]:
    if not cases:
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING), id="missing")]
    return [pytest.param(case, id=case_id(name, 60)) for name, case in cases]


def hypothesis_cases() -> list[tuple[str, Case]]:
    data = _load("hypothesis_match_quote_cases.json")
    if data is None:
        return []
    found = []
    for number, case in enumerate(data["context_cases"]):
        context = f"prefix={case['prefix']!r}" if "prefix" in case else f"suffix={case['suffix']!r}"
        found.append(
            (f"{number}:{case['quote']}:{context}", {**case, "text": data["fixtures"][case["text_fixture"]]})
        )
    return found


def apache_cases(name: str) -> list[tuple[str, Case]]:
    data = _load(name)
    return [] if data is None else list(data["testCases"].items())


def apache_describe_cases() -> list[tuple[str, Case]]:
    data = _load("apache_text_quote_describe_cases.json")
    if data is None:
        return []
    return [(f"{group}:{name}", case) for group, cases in data.items() for name, case in cases.items()]


def _quote(selector: Case) -> TextQuote:
    return TextQuote(selector["exact"], selector.get("prefix", ""), selector.get("suffix", ""))


# --- the checks, shared by the tests and the printed summary -------------------------------------


def check_hypothesis_context(case: Case) -> None:
    quote = TextQuote(case["quote"], case.get("prefix", ""), case.get("suffix", ""))
    span = match_quote(case["text"], quote)
    expected = (case["expected_start"], case["expected_start"] + len(case["quote"]))
    assert span == expected, f"{span} instead of {expected}"
    assert case["text"][span[0] :].startswith(case["expected"])


def check_apache_quote_match(case: Case) -> None:
    found = exact_matches(case["text"], _quote(case["selector"]))
    assert found == [(o["start"], o["end"]) for o in case["expected_text_offsets"]]
    text, quote = case["text"], _quote(case["selector"])
    single = match_quote(text, quote)
    if found:
        assert single in found
    elif quote.exact and quote.exact in text:  # like Hypothesis's: context ranks, it doesn't exclude
        assert single is not None and text[single[0] : single[1]] == quote.exact
    else:
        assert single is None


def check_apache_position_match(case: Case) -> None:
    text, selector = case["text"], case["selector"]
    expected = case["expected_text_offsets"][0]
    quote = TextQuote(text[selector["start"] : selector["end"]])
    assert anchor(text, quote, selector["start"], selector["end"]) == (expected["start"], expected["end"])
    dom = case["expected"][0]
    if case["html"].count("<") == 2:
        # the whole text is one DOM text node: its UTF-16 offset must convert to our start
        assert utf16_to_codepoint(text, dom["startOffset"]) == expected["start"]


def check_apache_describe_same_selector(case: Case) -> None:
    text, span = case["text"], case["range_text_offsets"]
    apache, ours = _quote(case["expected"]), describe_quote(text, span["start"], span["end"])
    assert ours.exact == apache.exact == text[span["start"] : span["end"]]
    reach = min(len(ours.prefix), len(apache.prefix))
    assert ours.prefix[len(ours.prefix) - reach :] == apache.prefix[len(apache.prefix) - reach :], "prefix"
    reach = min(len(ours.suffix), len(apache.suffix))
    assert ours.suffix[:reach] == apache.suffix[:reach], "suffix"
    assert len(ours.prefix) >= min(CONTEXT, len(apache.prefix)) and len(ours.suffix) >= min(
        CONTEXT, len(apache.suffix)
    ), "ours keeps at least Apache's context, up to 32 characters"


def check_apache_describe_anchors_back(case: Case) -> None:
    text, span = case["text"], case["range_text_offsets"]
    expected = (span["start"], span["end"])
    assert match_quote(text, _quote(case["expected"])) == expected, "Apache's selector, our matcher"
    ours = describe_quote(text, *expected)
    assert exact_matches(text, ours) == [expected], "our description names one place only"


# --- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _params(hypothesis_cases()))
def test_hypothesis_match_quote_context(case: Case) -> None:
    check_hypothesis_context(case)


@pytest.mark.parametrize("case", _params(apache_cases("apache_text_quote_match_cases.json")))
def test_apache_text_quote_match(case: Case) -> None:
    check_apache_quote_match(case)


@pytest.mark.parametrize("case", _params(apache_cases("apache_text_position_match_cases.json")))
def test_apache_text_position_match(case: Case) -> None:
    check_apache_position_match(case)


@pytest.mark.parametrize("case", _params(apache_describe_cases()))
def test_apache_text_quote_describe_anchors_back(case: Case) -> None:
    check_apache_describe_anchors_back(case)


@pytest.mark.parametrize("case", _params(apache_describe_cases()))
def test_apache_text_quote_describe_same_selector(case: Case) -> None:
    check_apache_describe_same_selector(case)


def test_the_describe_comparison_tells_a_wrong_context_apart() -> None:
    """The check above can fail: a prefix or suffix that disagrees with Apache's is caught."""
    (_, case), *_ = apache_describe_cases() or [("", None)]
    if case is None:
        pytest.skip(MISSING)
    check_apache_describe_same_selector(case)
    for side in ("prefix", "suffix"):
        wrong = {**case, "expected": {**case["expected"], side: "Zz" + case["expected"].get(side, "") + "Zz"}}
        with pytest.raises(AssertionError):
            check_apache_describe_same_selector(wrong)


SUITES: list[tuple[str, Callable[[], list[tuple[str, Case]]], Callable[[Case], None]]] = [
    ("hypothesis_match_quote_cases.json", hypothesis_cases, check_hypothesis_context),
    (
        "apache_text_quote_match_cases.json",
        lambda: apache_cases("apache_text_quote_match_cases.json"),
        check_apache_quote_match,
    ),
    (
        "apache_text_position_match_cases.json",
        lambda: apache_cases("apache_text_position_match_cases.json"),
        check_apache_position_match,
    ),
    (
        "apache_text_quote_describe_cases.json (anchor back)",
        apache_describe_cases,
        check_apache_describe_anchors_back,
    ),
    (
        "apache_text_quote_describe_cases.json (same selector, up to context length)",
        apache_describe_cases,
        check_apache_describe_same_selector,
    ),
]


def main() -> None:
    for name, cases, check in SUITES:
        passed = failed = 0
        for case_name, case in cases():
            try:
                check(case)
                passed += 1
            except AssertionError as error:
                failed += 1
                print(f"  FAILED {name} {case_name}: {error}")
        print(f"{name}: {passed}/{passed + failed} passed")


if __name__ == "__main__":
    main()
