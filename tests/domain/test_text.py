"""Text normalisation and the segmenter's rules one by one, in our own short sentences
(others' suites and properties: test_sentences.py)."""

from __future__ import annotations

import pytest

from app.domain.text import Span, normalize_text, split_sentences
from tests.helpers import case_id


def sentences(text: str, *, clean: bool = False) -> list[str]:
    return [s.of(text) for s in split_sentences(text, clean=clean)]


HEADING = "Harbour works halted"
BODY = "The crane fell onto the quay on Monday morning. Nobody was hurt."


@pytest.mark.parametrize("brk", ["\n", "\u2028", "\u2029", "\f", "\v", "\r\n", "\r"])
def test_every_kind_of_line_break_ends_a_heading(brk: str) -> None:
    text = HEADING + brk + BODY
    assert sentences(text) == [HEADING, "The crane fell onto the quay on Monday morning.", "Nobody was hurt."]


def test_offsets_are_those_of_the_text_as_given() -> None:
    text = HEADING + "\r\n" + BODY
    spans = split_sentences(text)
    assert spans[0] == Span(0, len(HEADING))
    assert spans[1].start == len(HEADING) + 2


def test_normalize_drops_the_byte_order_mark_and_unifies_line_ends_only() -> None:
    assert normalize_text("\ufeffOne\r\nTwo\rThree\n\u2028Four") == "One\nTwo\nThree\n\u2028Four"
    assert normalize_text("No mark\ufeff here") == "No mark\ufeff here"


# --- the rules of `split_sentences`, one short case each ------------------------------------------

RULES = [
    # end punctuation, abbreviations, initials
    ("Costs rose. Prices fell.", ["Costs rose.", "Prices fell."]),
    ("Shares fell 3 p.c. on Monday. Trading ended.", ["Shares fell 3 p.c. on Monday.", "Trading ended."]),
    ("No. 2 is here. Sept. 25 is the date.", ["No. 2 is here.", "Sept. 25 is the date."]),
    ("Dr. Smith met Prof. Jones. They talked.", ["Dr. Smith met Prof. Jones.", "They talked."]),
    ("J. R. R. Tolkien wrote. He died.", ["J. R. R. Tolkien wrote.", "He died."]),
    ("Albert I. Jones arrived. You and I. Did we?", ["Albert I. Jones arrived.", "You and I.", "Did we?"]),
    ("B. Smith spoke. C. Jones too.", ["B. Smith spoke.", "C. Jones too."]),
    (
        "The U.S. Army moved. In the U.S. The army moved.",
        ["The U.S. Army moved.", "In the U.S.", "The army moved."],
    ),
    ("Apple Inc. NBC agreed to terms.", ["Apple Inc. NBC agreed to terms."]),
    ("Apple Inc. Shares fell sharply.", ["Apple Inc.", "Shares fell sharply."]),
    (
        "Apple Inc. (\u201cCompany A\u201d) agreed. It paid.",
        ["Apple Inc. (\u201cCompany A\u201d) agreed.", "It paid."],
    ),
    ("It was e.g. the best. Fine.", ["It was e.g. the best.", "Fine."]),
    ("A v. B was decided. Then more.", ["A v. B was decided.", "Then more."]),
    ("Tuesday.Mr. Smith arrived.", ["Tuesday.Mr. Smith arrived."]),
    ("He was al-Muhandis. al-Muhandis was killed.", ["He was al-Muhandis.", "al-Muhandis was killed."]),
    # times
    ("We met at 5 p.m. Mr. Smith spoke.", ["We met at 5 p.m.", "Mr. Smith spoke."]),
    ("We met at 5 p.m. The talks ended.", ["We met at 5 p.m.", "The talks ended."]),
    ("It ended at 2 a.m. Sunday in the city.", ["It ended at 2 a.m. Sunday in the city."]),
    ("The talks ended at 5 p.m. ET on Friday.", ["The talks ended at 5 p.m. ET on Friday."]),
    # digits after a stop
    ("It costs 5. 6 people came.", ["It costs 5.", "6 people came."]),
    ("It costs 5 dollars. 6 people came.", ["It costs 5 dollars.", "6 people came."]),
    ("Look at x. 6 people came.", ["Look at x. 6 people came."]),
    (
        "It was a consultation.11 12 Take the next step.",
        ["It was a consultation.11 12", "Take the next step."],
    ),
    ("The item[1] is here. More text.", ["The item[1] is here.", "More text."]),
    # exclamations, questions, ellipses, dashes
    ("Is it true? Yes! Really.", ["Is it true?", "Yes!", "Really."]),
    ("Yahoo! announced profits. Google did too.", ["Yahoo! announced profits.", "Google did too."]),
    ("It's done! in a way.", ["It's done! in a way."]),
    ("She paused... Then she spoke.", ["She paused...", "Then she spoke."]),
    ("She paused [...] Then spoke.", ["She paused [...] Then spoke."]),
    ("He wrote . . . and then stopped. Next came.", ["He wrote . . . and then stopped.", "Next came."]),
    ("He wrote. . . . Then stopped.", ["He wrote.", ". . . Then stopped."]),
    ("Hello . . . . World is here.", ["Hello . . . .", "World is here."]),
    ("The reste .. Suite follows here.", ["The reste .", ".", "Suite follows here."]),
    ("He said \u201cstop\u2014\u201d Then he ran.", ["He said \u201cstop\u2014\u201d", "Then he ran."]),
    ('He stopped -- "Wait" Then ran.', ['He stopped -- "Wait" Then ran.']),
    ("Ends here. \u2014 Next part starts.", ["Ends here.", "\u2014 Next part starts."]),
    ('The end." He left.', ['The end."', "He left."]),
    ("The end.) He left.", ["The end.)", "He left."]),
    ("End.\u3002Next", ["End.\u3002", "Next"]),
    (
        "\u6771\u4eac\u306b\u884c\u3063\u305f\u3002\u5927\u962a\u306b\u884c\u3063\u305f\u3002",
        ["\u6771\u4eac\u306b\u884c\u3063\u305f\u3002", "\u5927\u962a\u306b\u884c\u3063\u305f\u3002"],
    ),
    # quotations and asides are kept whole
    ('He said: "It\'s over. We lost." Then he left.', ['He said: "It\'s over. We lost."', "Then he left."]),
    (
        "The plan (see p. 4. Fig. 2) was approved. It passed.",
        ["The plan (see p. 4. Fig. 2) was approved.", "It passed."],
    ),
    ("It was true. (Which it was.) Then more.", ["It was true. (Which it was.)", "Then more."]),
    ("There were 3 of them. [Laughs] Then more.", ["There were 3 of them.", "[Laughs] Then more."]),
    ("Go to (a) the shop. Then home.", ["Go to (a) the shop.", "Then home."]),
    # list items
    (
        "Items:\n\u2022 First item here\n\u2022 Second item here",
        ["Items:", "\u2022 First item here", "\u2022 Second item here"],
    ),
    (
        "1. Open the gate. 2. Close the gate. 3. Lock it.",
        ["1. Open the gate.", "2. Close the gate.", "3. Lock it."],
    ),
    ("a) red b) green c) blue", ["a) red", "b) green", "c) blue"]),
    ("Part 1) the gate 2) the wall 3) the roof", ["Part", "1) the gate", "2) the wall", "3) the roof"]),
    ("See item 1. above for details. Then go.", ["See item 1. above for details.", "Then go."]),
    ("The talks ended. 2. The next item starts here.", ["The talks ended.", "2. The next item starts here."]),
    ("1. One\n2. Two\n3. Three", ["1. One", "2. Two", "3. Three"]),
    # line breaks
    (
        "Contents\nIntroduction\nMethods and data\nResults",
        ["Contents", "Introduction", "Methods and data", "Results"],
    ),
    (
        "Dredging in the harbour of the\ncity stopped on Monday after a survey.",
        ["Dredging in the harbour of the\ncity stopped on Monday after a survey."],
    ),
    (
        "The port said on Monday that\nDredging stopped after a survey found shells.",
        ["The port said on Monday that\nDredging stopped after a survey found shells."],
    ),
    (
        "Short one\nShort two\nThis line is much longer than the two before it, and ends here.",
        ["Short one", "Short two", "This line is much longer than the two before it, and ends here."],
    ),
    (
        "harbour news\nthe crane fell onto the quay on Monday morning, the port said today.",
        ["harbour news\nthe crane fell onto the quay on Monday morning, the port said today."],
    ),
    (
        "The crane fell onto the quay on Monday morning.\nIt was old.\n- It fell\n- It broke",
        ["The crane fell onto the quay on Monday morning.", "It was old.", "- It fell", "- It broke"],
    ),
    (
        "Steps follow.\n1. Open the gate and walk in\nThen close it behind you.",
        ["Steps follow.", "1. Open the gate and walk in", "Then close it behind you."],
    ),
    (
        "Steps follow.\n1. Open the gate and walk in\nthen close it behind you.",
        ["Steps follow.", "1. Open the gate and walk in\nthen close it behind you."],
    ),
    ("He wrote:\n\u201cThe port is closed.\u201d", ["He wrote:", "\u201cThe port is closed.\u201d"]),
    ("He wrote:\nthe port is closed.", ["He wrote:\nthe port is closed."]),
    ("Ends here.\nnext line continues lowercase", ["Ends here.", "next line continues lowercase"]),
    (
        "The list of things we need for the trip is long.\n.Not a line start",
        ["The list of things we need for the trip is long.", ".Not a line start"],
    ),
    (
        "Report, 2019\nThe port grew by 4 percent in the year, the authority said.",
        ["Report, 2019", "The port grew by 4 percent in the year, the authority said."],
    ),
    (
        "Line one ends with a comma,\nAnd the next begins with a capital letter here.",
        ["Line one ends with a comma,\nAnd the next begins with a capital letter here."],
    ),
    (
        "Words and more words here\n(and a bracketed line)",
        ["Words and more words here", "(and a bracketed line)"],
    ),
    ("T\nh\ne\nEnd of it here.", ["T", "h", "e", "End of it here."]),
    ("   \n\n  Lone line.  \n\n   ", ["Lone line."]),
    ("One.\n   \nTwo.", ["One.", "Two."]),
    ("", []),
]


@pytest.mark.parametrize("text,expected", RULES, ids=[case_id(t, 30) for t, _ in RULES])
def test_each_rule_of_the_segmenter(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_clean_text_splits_glued_sentences_and_joins_letters_set_one_per_line() -> None:
    assert sentences("The world.Today is new. Mail me@x.Com now.", clean=True) == [
        "The world.",
        "Today is new.",
        "Mail me@x.Com now.",
    ]
    assert sentences("The world.Today is new.") == ["The world.Today is new."]
    assert sentences("Visit www.site.Com today. Then leave.", clean=True) == [
        "Visit www.site.Com today.",
        "Then leave.",
    ]
    assert sentences("T\nh\ne\nEnd of it here.", clean=True) == ["T\nh\ne", "End of it here."]


def test_more_glued_and_company_cases() -> None:
    assert sentences("Version a1.Today it shipped.", clean=True) == ["Version a1.", "Today it shipped."]
    assert sentences("The U.K.Today we met. Then the world.Today is new.", clean=True) == [
        "The U.K.Today we met.",
        "Then the world.",
        "Today is new.",
    ]
    assert sentences("Apple Inc. A new era began.") == ["Apple Inc.", "A new era began."]


def test_an_organisation_abbreviation_runs_on_before_a_lower_case_word() -> None:
    from app.domain.text import split_sentences

    text = "He works at the Dept.\nof Transport in Ohio. The Univ. of Kent said so."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "He works at the Dept.\nof Transport in Ohio.",
        "The Univ. of Kent said so.",
    ]
