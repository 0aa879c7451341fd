"""Behaviours of the segmenter (app/domain/text.py) and the quote finder (app/domain/quotes.py)
that mutation samples (issue 21, seeds 13, 17, 23, 29 and 31) showed no other test pinned down.
Our own sentences."""

from __future__ import annotations

from app.domain.quotes import find_quotes
from app.domain.text import split_sentences


def sentences(text: str, *, clean: bool = False) -> list[str]:
    return [s.of(text) for s in split_sentences(text, clean=clean)]


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.content, q.speaker) for q in find_quotes(text)]


# --- quotes.py -----------------------------------------------------------------------------------


def test_a_time_phrase_between_the_verb_and_a_named_speaker_stays_out_of_the_name() -> None:
    quote = '"The levee will hold through the weekend,"'
    for rest in (" — the county engineer.", " the county engineer."):
        text = f"{quote} said on Friday Mark Ellison{rest}"
        assert speakers(text) == [(quote, "Mark Ellison")], text


def test_a_speaker_of_five_words_after_the_verb_is_kept_whole_and_a_longer_one_cut_to_the_name() -> None:
    quote = '"The river crested overnight,"'
    assert speakers(f"{quote} said Mark Ellison of the bureau.") == [(quote, "Mark Ellison of the bureau")]
    assert speakers(f"{quote} said Mark Ellison of the weather bureau.") == [(quote, "Mark Ellison")]


def test_a_straight_single_quote_after_a_capital_letter_closes_no_quote() -> None:
    # "Sisters X'" is a possessive: the quote runs on to the mark after its own comma
    quote = "'The Sisters X' new record is their best in years,'"
    assert speakers(f"{quote} the reviewer wrote.") == [(quote, "the reviewer")]


def test_a_quote_followed_by_but_or_yet_and_a_new_clause_gets_no_speaker_from_it() -> None:
    for word in ("but", "yet"):
        text = f'"We lost the final," {word} the coach said it was close.'
        assert speakers(text) == [], text


def test_four_wiki_apostrophes_before_a_quote_do_not_hide_it() -> None:
    quote = "''The vote is over,''"
    assert speakers(f"''{quote} the clerk said.") == [(quote, "the clerk")]


def test_a_british_quote_closing_together_with_a_quote_inside_it_is_found_whole() -> None:
    for quote, after in (
        ("‘The coach told us ‘keep going’’", ","),
        ("‘The coach told us, ‘Keep going.’’", ""),
    ):
        assert speakers(f"{quote}{after} the captain said.") == [(quote, "the captain")], quote


def _speaker_before_quote(name: str, gap: int) -> str:
    """`name`, a long relative clause and 'said:', padded so the quote opens `gap` characters after
    the start of the name."""
    clause = ", who has run the county roads office since the floods and who oversaw the repair of every"
    clause += " culvert and every ford between the two market towns in that long and busy time"
    head = f"{name}{clause}"
    assert len(head) + len(", said: ") <= gap
    return f"{head}{' ' * (gap - len(head) - len(', said: '))}, said: "


def test_a_speaker_is_looked_for_in_the_200_characters_before_the_quote() -> None:
    quote = '"We will rebuild the bridge by the spring."'
    assert speakers(_speaker_before_quote("Roe", 200) + quote) == [(quote, "Roe")]
    assert speakers(_speaker_before_quote("Roe", 201) + quote) == []


# --- text.py -------------------------------------------------------------------------------------


def test_a_decimal_at_the_very_start_of_a_text_is_no_footnote_mark() -> None:
    # headlines without a full stop: nothing stands before the leading ".45" (not the last letter)
    titles = (".45 Colt revolvers return to the gun show", ".5 Percent rise in rents puts tenants on edge")
    for title in titles:
        assert sentences(title) == [title]


def test_a_paragraph_splits_the_same_whatever_paragraph_follows() -> None:
    first = "The ferry left at noon. :-)"
    alone = sentences(first)
    for following in ("Then it rained.", "Nobody waved.", "3 boats stayed behind."):
        assert sentences(f"{first}\n\n{following}")[: len(alone)] == alone, following


def test_clean_text_keeps_a_product_name_glued_to_a_period_after_capitals() -> None:
    assert sentences("The site runs on ASP.Net and little else.", clean=True) == [
        "The site runs on ASP.Net and little else."
    ]
    # the rule it guards: a lower-case word glued to the next sentence is split
    assert sentences("The site went down.Nobody noticed for hours.", clean=True) == [
        "The site went down.",
        "Nobody noticed for hours.",
    ]


def test_a_closing_quote_looks_back_over_at_most_three_stray_opening_marks() -> None:
    # "‘" used as an apostrophe ("‘til", "‘em") leaves single marks open inside a double quote;
    # the closing "”" still pairs with "“" past three of them, never past four
    three = "He said “we sang ‘til dawn ‘cause ‘em. Never again” and left."
    four = "He said “we sang ‘til dawn ‘cause ‘em ‘round. Never again” and left."
    assert sentences(three) == [three]
    assert sentences(four) == [
        "He said “we sang ‘til dawn ‘cause ‘em ‘round.",
        "Never again” and left.",
    ]


def test_an_apostrophe_that_elides_the_start_of_a_word_opens_no_quotation() -> None:
    text = "Prices rose in the ’90s. Then the players’ union struck."
    assert sentences(text) == ["Prices rose in the ’90s.", "Then the players’ union struck."]


def test_a_lower_case_aside_after_an_opening_quote_mark_is_looked_past_to_the_next_word() -> None:
    for mark, close in (('"', '"'), ("“", "”")):
        text = f"He paused. {mark}((laughs)) Then we ran,{close} he said."
        assert sentences(text) == ["He paused.", f"{mark}((laughs)) Then we ran,{close} he said."], mark


def test_clean_text_keeps_a_dotted_token_that_ends_in_an_abbreviation_whole() -> None:
    # scraped text without spaces: "vs" and "al" bind to what follows, whatever stands before them
    for text in ("Tonight: L.A.Lakers.vs.Boston Celtics at home.", "As found by Roe,J.et.al.The data held."):
        assert sentences(text, clean=True) == [text]


def test_a_single_letter_initial_at_a_line_end_binds_to_a_lower_case_name_particle() -> None:
    for text in (
        "The memo was signed by Ann B.\nde la Cruz, the treasurer.",
        "The deed names Pieter J.\nvan der Berg as the owner.",
    ):
        assert sentences(text) == [text]
    # the rule it sits beside: an ordinary word ending a line ends its sentence before lower case
    assert sentences("The memo was signed.\nnobody read it.") == ["The memo was signed.", "nobody read it."]


def test_a_full_stop_before_a_closing_aside_ends_its_sentence_at_the_paragraph_end_too() -> None:
    for rest in ("", " Then we went home.", "\n\nThen we went home."):
        assert sentences(f"Our team won the cup. [applause]{rest}")[0] == "Our team won the cup.", rest


def test_a_heading_ends_at_its_line_break_whatever_letter_the_next_line_starts_with() -> None:
    for body in ("Xavier Roe won the race by a full length.", "Wendy Roe won the race by a full length."):
        assert sentences(f"Results\n{body}") == ["Results", body]
    assert sentences("Instruments\nXylophone\nDrums") == ["Instruments", "Xylophone", "Drums"]


def test_a_text_that_opens_with_a_line_break_still_splits_its_heading_from_the_body() -> None:
    for lead in ("", "\n", "\n  "):
        text = f"{lead}Flood warning\nThe river rose two metres overnight."
        assert sentences(text) == ["Flood warning", "The river rose two metres overnight."], repr(lead)


def test_an_initial_that_starts_a_wrapped_line_opens_no_list_item() -> None:
    text = "The letter was signed by\nJ. Smith and two others."
    assert sentences(text) == [text]
    assert sentences("The summit was opened by\nV. Putin and two aides.") == [
        "The summit was opened by\nV. Putin and two aides."
    ]
    # while "B)" at the start of a line does
    assert sentences("The letter was signed by\nB) Smith and two others.") == [
        "The letter was signed by",
        "B) Smith and two others.",
    ]


def test_a_bracketed_capital_enumerator_after_a_single_capital_opens_a_new_sentence() -> None:
    assert sentences("The draft names plan A and plan B. (C) The vote comes next week.") == [
        "The draft names plan A and plan B.",
        "(C) The vote comes next week.",
    ]


def test_an_inline_run_of_two_capital_enumerators_from_a_opens_two_items() -> None:
    for a, b in (("A)", "B)"), ("(A)", "(B)")):
        text = f"Voters chose between {a} a new bridge and {b} a ferry service"
        assert sentences(text) == ["Voters chose between", f"{a} a new bridge and", f"{b} a ferry service"], a
