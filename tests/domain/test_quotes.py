"""Direct quotations: textacy's cases (read from ../shared, never copied) and invented ones."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.claims import analyze
from app.domain.quotes import find_quotes
from tests.evaluation.claims import QUOTES, quote_case_ok, quote_cases
from tests.helpers import case_id

pytestmark = pytest.mark.skipif(not QUOTES.is_file(), reason="shared evaluation material not present")


@pytest.mark.parametrize("case", quote_cases() if QUOTES.is_file() else [], ids=lambda c: case_id(c["text"]))
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


# --- quotation rules one by one, in sentences we wrote (these need nothing from ../shared) ---------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("'The dam held,' the mayor said.", [("'The dam held,'", "the mayor", "said", False)]),
        ("The mayor said, 'The dam held.'", [("'The dam held.'", "The mayor", "said", False)]),
        ("It was the girls' team's win, and it's over.", []),
        ("''The dam held,'' the mayor said.", [("''The dam held,''", "the mayor", "said", False)]),
        ("He called it ''a triumph'' then.", []),
        (
            "\u2018The dam held,\u2019 the mayor said.",
            [("\u2018The dam held,\u2019", "the mayor", "said", False)],
        ),
        (
            "\u00abThe dam held\u00bb, said the mayor.",
            [("\u00abThe dam held\u00bb", "the mayor", "said", False)],
        ),
        (
            "\u201eThe dam held,\u201c the mayor said.",
            [("\u201eThe dam held,\u201c", "the mayor", "said", False)],
        ),
        (
            '"The dam held," the mayor said. "It is safe." Then the mayor left.',
            [('"The dam held,"', "the mayor", "said", False), ('"It is safe."', "the mayor", "said", True)],
        ),
        ('"The dam held," the mayor said. "it is safe."', [('"The dam held,"', "the mayor", "said", False)]),
        (
            'The risk is low. "Rainfall was normal," the mayor said.',
            [('"Rainfall was normal,"', "the mayor", "said", False)],
        ),
        (
            'The warning said "evacuate. "Rainfall was heavy," the mayor said.',
            [('"Rainfall was heavy,"', "the mayor", "said", False)],
        ),
        ('The show Dragons" Den aired.', []),
        ('"The dam held." She explained the details later.', []),
        (
            '"The dam held," said study co-author Jane Roe of the institute at the university in the city.',
            [('"The dam held,"', "study co-author Jane Roe", "said", False)],
        ),
        ('"The dam held," said the.', []),
        ('"The dam held," weather.com reported.', [('"The dam held,"', "weather.com", "reported", False)]),
        ('Roe praised the crew, saying: "The dam held."', [('"The dam held."', "Roe", "saying", False)]),
        ('She told the paper, "the dam held"', []),
        ('"The dam held," she said, according to the agency.', [('"The dam held,"', "she", "said", False)]),
        (
            '"The dam held," the mayor said.\n\n"The town is safe."',
            [
                ('"The dam held,"', "the mayor", "said", False),
                ('"The town is safe."', "the mayor", "said", True),
            ],
        ),
        (
            '"The dam held," the mayor said, the town\'s engineer. "It is safe."',
            [('"The dam held,"', "the mayor", "said", False), ('"It is safe."', "the mayor", "said", True)],
        ),
        ('"The dam held" the mayor.', []),
        (
            '"Nobody came," the company that builds the harbour said.',
            [('"Nobody came,"', "the company that builds the harbour", "said", False)],
        ),
    ],
)
def test_who_says_each_quotation(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert [(q.content, q.speaker, q.cue, q.from_context) for q in find_quotes(text)] == expected


def test_offsets_of_speaker_and_cue_point_into_the_text() -> None:
    text = 'The risk is low. "Rainfall was normal," the mayor said. "It is safe."'
    first, carried = find_quotes(text)
    assert (first.start, first.end) == (17, 39)
    assert text[first.speaker_start : first.speaker_end] == "the mayor"
    assert text[first.cue_start : first.cue_end] == "said" and first.attribution_end == 54
    assert (carried.speaker_start, carried.speaker_end) == (first.speaker_start, first.speaker_end)
    assert carried.cue_start is None and carried.attribution_end == carried.end == len(text)
    before = find_quotes('Roe praised the crew, saying: "The dam held."')[0]
    assert before.speaker_start == 0 and before.cue_start == 22 and before.attribution_end == 45


def test_quoted_spans_pair_marks_and_keep_unclosed_ones_to_the_line_end() -> None:
    from app.domain.lexicon import load
    from app.domain.quotes import paragraphs, quoted_spans

    lex = load("en")

    def spans(text: str) -> list[tuple[str, bool]]:
        return [(text[a:b], ok) for a, b, ok in quoted_spans(text, 0, len(text), lex)]

    assert spans('a "b" c \u201cd\u201d') == [('"b"', True), ("\u201cd\u201d", True)]
    assert spans('"open only') == [('"open only', False)]
    assert spans('""') == [('""', True)] and spans('x "') == []
    assert spans('It was "one. "Two" three') == [('"one. ', False), ('"Two"', True)]
    assert spans("\u2018a,\u2019 b \u2018c\u2019 d\u2019s") == [
        ("\u2018a,\u2019", True),
        ("\u2018c\u2019", True),
    ]
    assert spans("''a'' ''b") == [("''a''", True)]
    assert spans("say 'hi there' now") == [] and spans("('hi,' he)") == [("'hi,'", True)]
    assert quoted_spans('x "a" y', 0, 7, load("xx")) == [(2, 5, True)]
    assert list(paragraphs("a\n\n b\nc ")) == [(0, 1), (3, 5), (6, 8)]


def test_a_quotation_after_its_cue_needs_a_comma_or_a_whole_sentence() -> None:
    (quote,) = find_quotes('The mayor said "The dam held."')
    assert (quote.speaker, quote.speaker_start, quote.speaker_end) == ("The mayor", 0, 9)
    assert find_quotes('The mayor said "the dam held"') == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He said, 'It is fine.'x", []),  # a closing mark needs a space or punctuation after it
        ("''", []),
        ("'", []),
        ("It's 'Yes,' he said.", ["'Yes,'"]),  # the apostrophe of "It's" opens nothing
        ("'" + "a" * 700 + ",' x", []),  # a quotation closes within 600 characters
        ("\"Hi\"'yes,' he said", ['"Hi"', "'yes,'"]),
        ("'a,' x ''b''", ["'a,'", "''b''"]),
    ],
)
def test_single_quotes_are_told_from_apostrophes(text: str, expected: list[str]) -> None:
    from app.domain.lexicon import load
    from app.domain.quotes import quoted_spans

    assert [text[a:b] for a, b, _ in quoted_spans(text, 0, len(text), load("en"))] == expected
