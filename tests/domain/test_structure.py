"""Page furniture around a story (title, byline, dateline, captions, credits, author box), in
articles we wrote for the purpose."""

from __future__ import annotations

import pytest

from app.domain.lexicon import load
from app.domain.structure import Structure, find_structure
from app.domain.text import split_sentences


def classify(text: str, title: str | None = None) -> tuple[Structure, list[tuple[str, str | None]]]:
    spans = split_sentences(text)
    found = find_structure(text, spans, title, load("en"))
    return found, [(span.of(text), found.skipped.get(i)) for i, span in enumerate(spans)]


ARTICLE = (
    "Dredging halts at the north harbour\n\nBy Ana Ruiz\n\nFriday, January 4, 2019\n\n"
    "Dredging in the north harbour stopped on Monday, the port said.\n\nWhy did it stop?\n\n"
    '"Will it reopen?" he asked.\n\nPhoto: the quay at dawn\n\n'
    "The survey found 14 shells on the seabed near the quay.\n\n"
    "The work resumes in May, the port said.\n\nReporting by Ana Ruiz; editing by Tom Hale\n\n"
    "Ana Ruiz\n\nHarbour reporter\n\nAna Ruiz covers the port."
)


def test_every_part_of_a_page_is_told_apart_from_the_story() -> None:
    found, parts = classify(ARTICLE)
    assert parts == [
        ("Dredging halts at the north harbour", "title"),
        ("By Ana Ruiz", "byline"),
        ("Friday, January 4, 2019", "dateline"),
        ("Dredging in the north harbour stopped on Monday, the port said.", None),
        ("Why did it stop?", "question"),
        ('"Will it reopen?" he asked.', None),
        ("Photo: the quay at dawn", "caption or credit"),
        ("The survey found 14 shells on the seabed near the quay.", None),
        ("The work resumes in May, the port said.", None),
        ("Reporting by Ana Ruiz; editing by Tom Hale", "caption or credit"),
        ("Ana Ruiz", "author box"),
        ("Harbour reporter", "author box"),
        ("Ana Ruiz covers the port.", "author box"),
    ]
    assert found.title == "Dredging halts at the north harbour"
    assert found.title_span is not None and found.title_span.start == 0
    assert found.byline is not None and found.byline.of(ARTICLE) == "By Ana Ruiz"
    assert found.author == "Ana Ruiz"
    assert found.credits is not None and found.credits.of(ARTICLE).startswith("Reporting by")
    assert found.body_end == found.credits.start
    assert found.author_box == ARTICLE.rindex("Ana Ruiz\n\nHarbour")


def test_what_follows_the_closing_credits_is_no_story() -> None:
    text = (
        "Harbour works\n\nThe crane fell on the quay.\n\nIt was old, the port said.\n\n"
        "More text follows here.\n\nReporting by Ana Ruiz\n\nA late line after the credits."
    )
    found, parts = classify(text)
    assert parts[-2:] == [
        ("Reporting by Ana Ruiz", "caption or credit"),
        ("A late line after the credits.", "after credits"),
    ]
    assert found.author_box == len(text) and found.body_end == text.index("Reporting")


def test_a_given_title_is_skipped_where_the_text_repeats_it() -> None:
    found, parts = classify("Harbour works.\n\nThe crane fell on the quay.", title="Harbour works")
    assert parts == [("Harbour works.", "title"), ("The crane fell on the quay.", None)]
    assert found.title is None and found.title_span is None


def test_a_first_line_is_a_headline_only_when_short_and_unpunctuated() -> None:
    assert classify("The crane fell.\n\nNo one saw it.\n\nA later update.")[0].title is None
    assert classify("Cranes\n\nThe crane fell on the quay.")[0].title is None  # one word
    assert classify("May 4\n\nThe crane fell on the quay.")[0].title is None  # a date
    assert classify("By Ana Ruiz\n\nThe crane fell on the quay on Monday.")[0].title is None  # a byline
    long_line = " ".join(["word"] * 26)
    assert classify(long_line + "\n\nThe crane fell on the quay.")[0].title is None
    assert classify("Did the crane fall?\n\nThe crane fell on the quay.")[0].title == "Did the crane fall?"
    assert classify("  Crane down  \n\nThe crane fell.")[0].title_span is not None
    assert classify("One line only, no blank line after it")[0].title is None


def test_short_lines_headings_and_dates_are_no_claims() -> None:
    _, parts = classify(
        "\u2014 Ana Ruiz at the quay\n\nOkay then.\n\nThe crane fell on the quay.\n\n"
        "Heading Here\nThe crane fell on the quay again, twice, on a Monday.\n\nFriday\n\nMay 4"
    )
    assert parts[1:] == [
        ("Okay then.", "too short"),
        ("The crane fell on the quay.", None),
        ("Heading Here", "heading or caption"),
        ("The crane fell on the quay again, twice, on a Monday.", None),
        ("Friday", "heading or caption"),
        ("May 4", "dateline"),
    ]


def test_a_caption_opening_with_a_dash_and_a_bio_box_without_byline() -> None:
    text = (
        "The crane fell on the quay on Monday, the port said.\n\n"
        "\u2014 The quay at dawn, seen from the water on a calm day.\n\n"
        "The survey found 14 shells.\n\nAna Ruiz\n\nSenior editor\n\nAna Ruiz writes on ports."
    )
    found, parts = classify(text)
    assert parts[1][1] == "caption or credit"
    assert found.author_box == text.index("Ana Ruiz\n\nSenior")
    assert [reason for _, reason in parts[3:]] == ["author box"] * 3


def test_a_name_line_without_a_role_or_bio_is_no_author_box() -> None:
    text = "The crane fell on the quay on Monday.\n\nIt was old.\n\nAna Ruiz\n\nThe port will rebuild it."
    assert classify(text)[0].author_box == len(text)
    assert classify("Ana Ruiz\n\nEditor")[0].author_box == len("Ana Ruiz\n\nEditor")


def test_a_question_quoted_whole_is_a_quotation_not_a_question() -> None:
    text = (
        "The crane fell on the quay on Monday, the port said.\n\n"
        '"Will the crane ever be rebuilt by the port?"\n\n'
        'Will the crane ever be "rebuilt"?\n\n'
        "\u201cWill the crane be rebuilt?\u201d asked the mayor of the town?"
    )
    _, parts = classify(text)
    assert [reason for _, reason in parts] == [None, None, "question", "question"]


def test_an_author_box_name_has_two_to_four_words_and_a_short_role_line() -> None:
    def box(name: str, role: str) -> int:
        story = "The crane fell on the quay on Monday.\n\nIt was old."
        text = f"{story}\n\n{name}\n\n{role}\n\n{name} writes on ports."
        return classify(text)[0].author_box

    assert box("Ana Maria Ruiz Vega", "Senior editor") < 80
    assert box("Ana Maria Ruiz Vega Lopez", "Senior editor") > 80  # five words: no name line
    assert box("Ana Ruiz", "Senior harbour and shipping editor here") < 80  # six words
    assert box("Ana Ruiz", "Senior harbour and shipping editor at large") > 80  # seven: prose
    assert box("Ana Ruiz", "Senior harbour correspondent.") > 80  # a sentence, not a role line
    assert box("Ana Ruiz", "Port authority") > 80  # no role word


def test_a_byline_is_two_to_ten_words_among_the_first_six_lines() -> None:
    body = "\n\nThe crane fell on the quay on Monday."
    assert classify("By Ruiz" + body)[0].author == "Ruiz"
    ten = "By Ana Maria de la Ruiz y Vega Lopez Sr"
    assert classify(ten + body)[0].author == ten[3:]
    assert classify(ten + " Jr" + body)[0].byline is None
    six_lines = "One line.\nTwo line.\nThree line.\nFour line.\nFive line.\nSix line.\n"
    assert classify(six_lines + "By Ana Ruiz" + body)[0].byline is None


def test_the_closing_credit_is_looked_for_in_the_second_half_past_the_byline() -> None:
    found, _ = classify("Short body.\nWritten by Ana Ruiz\nReporting by Tom Hale")
    assert found.byline is not None and found.credits is not None
    assert (found.byline.start, found.credits.start) == (12, 32)
    early = "Reporting by Tom Hale\n\nThe crane fell on the quay.\n\nIt was old.\n\nIt was rebuilt."
    assert classify(early, title="A title")[0].credits is None  # in the first half: no closing credit
    names = " ".join(["Name"] * 28)
    assert classify(f"The crane fell.\n\nIt was old.\n\nReporting by {names}\n\nEnd.")[0].credits is not None
    assert classify(f"The crane fell.\n\nIt was old.\n\nReporting by {names} Name\n\nEnd.")[0].credits is None


def test_a_headline_has_at_most_25_words_and_its_own_offsets() -> None:
    assert classify(" ".join(["Word"] * 25) + "\n\nThe crane fell on the quay.")[0].title is not None
    found, _ = classify("  Crane down  \n\nThe crane fell.")
    assert found.title == "Crane down" and found.title_span is not None and found.title_span.start == 2


def test_the_byline_author_alone_at_the_end_opens_the_author_box() -> None:
    text = "By Ana Ruiz\n\nThe crane fell on the quay on Monday.\n\nAna Ruiz"
    assert classify(text)[0].author_box == text.rindex("Ana Ruiz")


def test_a_given_title_matches_with_or_without_its_full_stop() -> None:
    _, parts = classify("Vote on Plan X.\n\nThe crane fell on the quay on Monday.", title="Vote on Plan X")
    assert parts[0] == ("Vote on Plan X.", "title")
    _, parts = classify("Vote on Plan X\n\nThe crane fell on the quay on Monday.", title="Vote on Plan X.")
    assert parts[0] == ("Vote on Plan X", "title")


def test_headings_are_whole_short_lines_and_short_sentences_have_under_three_words() -> None:
    _, parts = classify(
        "The crane fell on the quay.\nHeading Here\n"
        "The crane fell on the quay again, twice, on a Monday morning.\nClosing Heading"
    )
    assert [reason for _, reason in parts] == [None, "heading or caption", None, "heading or caption"]
    twelve, thirteen = " ".join(["Word"] * 12), " ".join(["Word"] * 13)
    _, parts = classify(
        f"The crane fell on the quay today.\n\n{twelve}\n\n{thirteen}\n\nOkay then, fine.\n\nOkay, fine."
    )
    assert [reason for _, reason in parts] == [None, "heading or caption", None, None, "too short"]


def test_a_lower_case_line_is_no_author_name() -> None:
    text = "The crane fell on the quay.\n\nsome words here\n\nSenior editor\n\nsome words here again"
    assert classify(text)[0].author_box == len(text)


def test_only_a_quotation_mark_opening_a_question_makes_it_quoted_whole() -> None:
    text = (
        "The crane fell on the quay on Monday, the port said.\n\n"
        'X marks the "spot?"\n\n'
        "\u201cWill the crane ever be rebuilt?\u201d"
    )
    assert [reason for _, reason in classify(text)[1]] == [None, "question", None]


def test_the_author_box_is_looked_for_in_the_second_half_and_needs_a_role_and_a_bio_or_the_end() -> None:
    def box_line(text: str) -> str | None:
        found = classify(text)[0].author_box
        return None if found == len(text) else text[found:].split("\n")[0]

    early = (
        "Ana Ruiz\n\nSenior editor\n\nAna Ruiz says the crane fell.\n\n"
        "The port will rebuild it.\n\nWork starts.\n\nIt costs 40."
    )
    assert box_line(early) is None  # a name and role at the top are a byline block, not the box
    third = (
        "Intro one here.\n\nIntro two here.\n\nAna Ruiz\n\nSenior editor\n\nAna Ruiz writes.\n\nEnd of it."
    )
    assert box_line(third) is None  # line 3 of 6: still the first half
    assert box_line("Story line here.\n\nAna Ruiz\n\nEditor") == "Ana Ruiz"  # three lines: from the second
    story = "One line here.\n\nTwo line here.\n\nThree line here.\n\n"
    first_name = story + "Ana Ruiz\n\nSenior editor\n\nAna writes on ports.\n\nShe lives by the sea."
    assert box_line(first_name) == "Ana Ruiz"  # the bio opens with the first name
    assert box_line(story + "Ana Ruiz\n\nSenior editor") == "Ana Ruiz"  # at the end: no bio needed
    assert box_line(story + "Four line here.\n\nAna Ruiz\n\nSenior editor\n\nOther line.") is None


def test_a_credit_line_counts_only_from_the_middle_of_the_page_on() -> None:
    third = "One line.\n\nTwo line.\n\nReporting by Tom Hale\n\nFour line.\n\nFive line.\n\nSix line."
    assert classify(third)[0].credits is None
    found = classify("Body line here.\nReporting by Tom Hale\nEnd line here.")[0].credits
    assert found is not None and (found.start, found.end) == (16, 37)


@pytest.mark.parametrize(
    "text",
    [
        "Bridge to be rebuilt\n\nMykolaiv, December 4.\n\nThe council said repairs cost 40 million.\n",
        "Міст відновлять\n\nМиколаїв, 4 грудня.\n\nМіська рада заявила, що ремонт коштуватиме 40 млн.\n",
    ],
)
def test_a_place_and_a_date_alone_on_a_line_is_a_dateline(text: str) -> None:
    from app.domain.claims import analyze

    found = analyze(text)
    assert [why for _, why in found.skipped] == ["title", "dateline"]
    assert len(found.claims) == 1 and "40" in found.claims[0].text
