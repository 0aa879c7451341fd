"""The segmenter's finer rules: list markers and their runs, line breaks in hard-wrapped prose,
asides and stops at the edges of a paragraph (the main rules: test_text.py)."""

from __future__ import annotations

import pytest

from app.domain.text import split_sentences


def sentences(text: str, *, clean: bool = False) -> list[str]:
    return [s.of(text) for s in split_sentences(text, clean=clean)]


# --- runs of inline list markers ------------------------------------------------------------------


def test_a_run_of_two_letters_counts_only_when_it_starts_at_a() -> None:
    assert sentences("The plan has two parts: a) a new road and b) a bridge over the river.") == [
        "The plan has two parts:",
        "a) a new road and",
        "b) a bridge over the river.",
    ]
    assert sentences("The plan has parts c) a new road and d) a bridge over the river.") == [
        "The plan has parts c) a new road and d) a bridge over the river."
    ]


def test_two_letter_roman_numerals_count_in_a_run() -> None:
    assert sentences("The rules: (ii) no fishing (iii) no diving (iv) no sailing.") == [
        "The rules:",
        "(ii) no fishing",
        "(iii) no diving",
        "(iv) no sailing.",
    ]


def test_capital_letters_with_a_bracket_make_a_run() -> None:
    assert sentences("Choose A) red paint, B) green paint or C) blue paint for the hall.") == [
        "Choose",
        "A) red paint,",
        "B) green paint or",
        "C) blue paint for the hall.",
    ]


# --- line breaks --------------------------------------------------------------------------------


def test_a_line_ending_in_a_colon_ends_before_a_capital() -> None:
    assert sentences("The mayor wrote:\nThe harbour stays closed.") == [
        "The mayor wrote:",
        "The harbour stays closed.",
    ]


def test_a_hard_wrapped_line_before_a_capitalised_name_does_not_end_the_sentence() -> None:
    text = "The report on the flooding of the old harbour was written by\nMaria Lopez and her team."
    assert sentences(text) == [text]


def test_a_line_holding_a_list_item_ends_before_a_capital_even_when_it_reads_on() -> None:
    text = "Steps to follow.\n1. Open the valve and\nThen close it again."
    assert sentences(text) == ["Steps to follow.", "1. Open the valve and", "Then close it again."]
    bullet = "Steps to follow.\n\u2022 Open the valve and\nThen close it again."
    assert sentences(bullet) == ["Steps to follow.", "\u2022 Open the valve and", "Then close it again."]


def test_two_short_lines_in_a_block_of_long_ones_are_list_lines_only_under_half_the_longest() -> None:
    """Short means under half the longest line (at most 40 characters): a line of exactly that length
    reads on into the next."""
    longest = "The harbour office prints new tide tables every single week for the fishing fleet."
    assert len(longest) // 2 > 40
    at_limit, under = "Tide tables for the north quay and piers", "Tide tables for the north quay and pier"
    assert sentences(f"{longest}\n{at_limit}\nthe old jetty and slipway") == [
        longest,
        f"{at_limit}\nthe old jetty and slipway",
    ]
    assert sentences(f"{longest}\n{under}\nthe old jetty and slipway") == [
        longest,
        under,
        "the old jetty and slipway",
    ]


def test_a_line_ending_in_a_plain_word_and_a_period_ends_before_a_small_letter() -> None:
    assert sentences("The ship docked at the end.\nnobody was hurt.") == [
        "The ship docked at the end.",
        "nobody was hurt.",
    ]
    assert sentences("The load weighed approx.\nten tonnes.") == ["The load weighed approx.\nten tonnes."]


# --- asides, titles, initials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ['The crowd cheered. "(laughs) We left," she said.', "The vote passed. ((laughs)) Nobody objected."],
)
def test_an_aside_after_opening_marks_is_looked_past_for_the_next_word(text: str) -> None:
    first = text.index(".") + 1
    assert sentences(text) == [text[:first], text[first + 1 :]]


def test_a_capitalised_aside_is_not_looked_past() -> None:
    assert sentences("The talks ended. [X] Then the vote.") == ["The talks ended.", "[X] Then the vote."]
    assert sentences("The talks ended. [X] then the vote.") == ["The talks ended.", "[X] then the vote."]


def test_a_title_before_a_number_does_not_end_the_sentence() -> None:
    assert sentences("Take Rt. 9 north to the harbour.") == ["Take Rt. 9 north to the harbour."]


def test_an_initial_i_after_a_word_that_starts_with_a_digit_stays_an_initial() -> None:
    assert sentences("She came 2nd, I. Petrova was third.") == ["She came 2nd, I. Petrova was third."]


# --- the edges of a paragraph ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [". Then the vote.", "? Then the vote.", "! Then the vote."])
def test_a_paragraph_may_open_with_end_punctuation(text: str) -> None:
    assert sentences(text) == [text[0], text[2:]]


def test_a_dash_before_a_quote_at_the_start_does_not_look_at_the_end_of_the_text() -> None:
    """A dash counts as speech broken off only after a hyphen inside the paragraph: the character
    before the first one is not the last character of the text."""
    text = '-" Then the vote came -'
    assert sentences(text) == [text]
