"""Behaviours of the segmenter (app/domain/text.py) and the quote finder (app/domain/quotes.py)
that a mutation sample (issue 21, seed 5) showed no other test pinned down. Our own sentences."""

from __future__ import annotations

from app.domain.quotes import find_quotes
from app.domain.text import split_sentences


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text)]


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.content, q.speaker) for q in find_quotes(text)]


# --- text.py -------------------------------------------------------------------------------------


def test_a_crlf_inside_a_hard_wrapped_sentence_is_no_paragraph_break() -> None:
    text = "The mayor said the bridge\r\nwould reopen in May."
    assert sentences(text) == [text]


def test_an_indented_enumerator_opens_an_item_as_one_at_the_line_start_does() -> None:
    lead = "The council weighs two plans for the river crossing this year"
    item = "B) Keep the old bridge open for cars and buses alike."
    for indent in ("", "  ", "\t"):
        assert sentences(f"{lead}\n{indent}{item}") == [lead, item], repr(indent)


def test_a_list_item_ending_in_a_semicolon_ends_before_a_capitalised_line() -> None:
    text = "Two steps remain:\n1. Approve the budget;\n2. Hire the engineers;\nThe vote is set for March."
    assert sentences(text) == [
        "Two steps remain:",
        "1. Approve the budget;",
        "2. Hire the engineers;",
        "The vote is set for March.",
    ]


def test_a_run_of_periods_after_a_full_stop_starts_the_next_sentence() -> None:
    """The word after the dots is not looked at: '...' is no abbreviation that binds to it."""
    assert sentences("The mayor paused. ... and then she left.") == [
        "The mayor paused.",
        "... and then she left.",
    ]


def test_a_two_line_heading_keeps_its_lines_apart_whatever_the_next_paragraph_holds() -> None:
    """Whether a paragraph reads as prose is decided from its own lines, not the next paragraph's."""
    heading = ["Council approves the river bridge budget", "after a long night of debate at City Hall"]
    body = ["The vote was close.", "It passed by one vote."]
    assert sentences("\n".join(heading) + "\n\n" + "\n".join(body)) == heading + body


def test_a_full_stop_after_a_roman_numeral_sign_ends_the_sentence() -> None:
    """'Ⅷ' (U+2167) is upper case but no letter: it is no initial binding to the next name."""
    assert sentences("The ship was named \u2167. Its crew was small.") == [
        "The ship was named \u2167.",
        "Its crew was small.",
    ]


# --- quotes.py -----------------------------------------------------------------------------------


def test_a_bare_common_noun_after_the_cue_is_no_speaker() -> None:
    assert speakers('"We will rebuild the bridge," said officials.') == []
    assert speakers('"We will rebuild the bridge," said residents who live nearby.') == []


def test_a_name_in_an_uncased_script_after_the_cue_is_a_speaker() -> None:
    assert speakers('"We will rebuild the bridge," said \u674e\u660e.') == [
        ('"We will rebuild the bridge,"', "\u674e\u660e")
    ]


def test_a_name_in_an_uncased_script_before_the_cue_is_a_speaker() -> None:
    assert speakers('"We will rebuild the bridge," \u674e\u660e said.') == [
        ('"We will rebuild the bridge,"', "\u674e\u660e")
    ]


def test_a_closing_mark_glued_to_the_next_word_still_closes_the_quote() -> None:
    """Only a straight mark after '. ' (or '! ', '? ') can open a new quote while one is open."""
    assert speakers('"We wanted a new bridge,"the mayor said.') == [
        ('"We wanted a new bridge,"', "the mayor")
    ]


def test_a_capitalised_aside_after_a_full_stop_opens_the_next_sentence() -> None:
    """'(Reuters)' is looked at, not past: its capital starts a sentence; '(laughs)' is looked
    past to the lower-case word after it."""
    assert sentences("The vote was close. (Reuters) the count resumed on Monday.") == [
        "The vote was close.",
        "(Reuters) the count resumed on Monday.",
    ]
    assert len(sentences("The vote was close. (laughs) the count resumed on Monday.")) == 1
