"""Direct quotations: textacy's cases (read from ../shared, never copied) and invented ones."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.claims import analyze
from app.domain.quotes import find_quotes
from tests.evaluation.claims import QUOTES, quote_case_ok, quote_cases

pytestmark = pytest.mark.skipif(not QUOTES.is_file(), reason="shared evaluation material not present")


@pytest.mark.parametrize("case", quote_cases() if QUOTES.is_file() else [], ids=lambda c: c["text"][:30])
def test_textacy_case(case: dict[str, Any]) -> None:
    got = [(q.content, q.speaker, q.cue) for q in find_quotes(case["text"], case.get("lang", "en"))]
    assert quote_case_ok(case), got


def test_quote_after_then_continuation_in_same_paragraph() -> None:
    text = '"The roof held," the engineer said. "The walls did not."'
    quotes = find_quotes(text)
    assert [(q.content, q.speaker, q.cue, q.from_context) for q in quotes] == [
        ('"The roof held,"', "the engineer", "said", False),
        ('"The walls did not."', "the engineer", "said", True),
    ]


def test_quote_continues_into_the_next_paragraph() -> None:
    text = '"We sailed at six," Captain Ruth Lee said.\n\n"By noon the fog was gone."'
    a = analyze(text)
    assert [c.kind for c in a.claims] == ["quote", "quote"]
    second = a.claims[1]
    assert second.source == "Captain Ruth Lee"
    assert second.source_from_context
    assert second.cues == ()
    assert second.source_start is not None
    assert text[second.source_start : second.source_end] == "Captain Ruth Lee"


def test_unclosed_paragraph_quote_takes_the_speaker_of_the_next() -> None:
    text = '"The harvest failed twice in a row.\n\n"We had nothing left to sell," the farmer said.'
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == ["the farmer", "the farmer"]
    assert quotes[0].from_context and not quotes[1].from_context


def test_cue_before_quote_with_colon() -> None:
    quotes = find_quotes('The coach told reporters: "We will win on Sunday."')
    assert [(q.speaker, q.cue) for q in quotes] == [("The coach", "told reporters")]


def test_inverted_cue_and_name() -> None:
    quotes = find_quotes('"Nobody warned us," said resident Paul Ives.')
    assert [(q.speaker, q.cue) for q in quotes] == [("resident Paul Ives", "said")]


def test_quote_split_by_its_attribution() -> None:
    quotes = find_quotes('"The river," she said, "rose a metre overnight."')
    assert [(q.content, q.speaker) for q in quotes] == [
        ('"The river,"', "she"),
        ('"rose a metre overnight."', "she"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The critic called the film "a triumph".',
        'She read "The Long Winter Road" twice.',
        'Officials said "three suspects" were held overnight.',
        '"A quiet street" is how neighbours describe it.',
    ],
)
def test_scare_quotes_and_titles_are_no_quotations(text: str) -> None:
    assert find_quotes(text) == []


def test_cue_word_inside_a_quote_is_not_the_cue() -> None:
    quotes = find_quotes('"They say it never snows here," he admitted.')
    assert [(q.speaker, q.cue) for q in quotes] == [("he", "admitted")]


def test_sentences_cut_inside_a_quote_are_joined() -> None:
    text = '"Stop! Turn back now," the guard shouted at the hikers. The path was closed.'
    a = analyze(text)
    assert a.claims[0].text == '"Stop! Turn back now," the guard shouted at the hikers.'
