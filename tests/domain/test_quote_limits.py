"""Where quotations stop (app/domain/quotes.py): the line a quote mark pairs within, the length of
a single-quoted passage, how far a quotation may stand from the one it continues, and the titled
speaker after the verb; invented sentences."""

from __future__ import annotations

from app.domain.lexicon import load
from app.domain.quotes import find_quotes, quoted_spans


def speakers(text: str) -> list[tuple[str, str | None, bool]]:
    return [(q.content, q.speaker, q.from_context) for q in find_quotes(text)]


def test_a_titled_name_after_the_verb_is_the_speaker_even_when_its_title_holds_a_cue_word() -> None:
    """'claims' is a cue ('she claims'), yet 'said claims adjuster Jane Roe' names who speaks."""
    assert speakers('"The levee will hold," said claims adjuster Jane Roe.') == [
        ('"The levee will hold,"', "claims adjuster Jane Roe", False)
    ]


def test_a_quotation_continues_the_last_one_only_within_40_characters_of_its_attribution() -> None:
    said = '"We are ready," the mayor said.'
    near = said + " " * 38 + '"The dam will hold."'  # '.' and 38 spaces: 39 characters between
    far = said + " " * 39 + '"The dam will hold."'
    assert speakers(near) == [
        ('"We are ready,"', "the mayor", False),
        ('"The dam will hold."', "the mayor", True),
    ]
    assert speakers(far) == [('"We are ready,"', "the mayor", False)]


def test_doubled_apostrophes_pair_within_their_line_only() -> None:
    lex = load("en")
    text = "The paper ran it as ''Harbour\nNews'' in May."
    line_end = text.index("\n")
    assert quoted_spans(text, 0, line_end, lex) == []
    one_line = "The paper ran ''Harbour News'' in May."
    assert quoted_spans(one_line, 0, len(one_line), lex) == [(14, 30, True)]


def test_a_single_quoted_passage_closes_within_600_characters_of_its_opening_mark() -> None:
    lex = load("en")

    def passage(length: int) -> str:
        words = ("The tide came in early " * 40)[: length - 1]
        return "She wrote '" + words + ".' on Monday."

    fits, too_long = passage(598), passage(599)  # the closing mark at 599 and 600 past the opening
    assert quoted_spans(fits, 0, len(fits), lex) == [(10, 610, True)]
    assert quoted_spans(too_long, 0, len(too_long), lex) == []


def test_a_quotation_after_its_speakers_verb_is_not_given_to_the_next_speaker() -> None:
    text = 'Roe said, "We lost the match," and Lee said, "I think we can still win the league."'
    assert [(q.content, q.speaker) for q in find_quotes(text)] == [
        ('"We lost the match,"', "Roe"),
        ('"I think we can still win the league."', "Lee"),
    ]
