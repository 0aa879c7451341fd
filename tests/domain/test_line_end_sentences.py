"""A period at the end of a line followed by a lower-case word (app/domain/text.py): a sentence ends
there after an ordinary word, not after an abbreviation that only happens to end the line."""

from __future__ import annotations

from app.domain.text import split_sentences


def sentences(text: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text)]


def test_an_ordinary_word_ending_a_line_ends_the_sentence() -> None:
    assert sentences("The ferry left.\nnobody saw it go") == ["The ferry left.", "nobody saw it go"]


def test_an_abbreviation_ending_a_line_does_not() -> None:
    text = "Prices rose approx.\nten percent in a year."
    assert sentences(text) == [text]
