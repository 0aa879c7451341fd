"""Figures a checker would look up, in sentences we wrote."""

from __future__ import annotations

import pytest

from app.domain.figures import figure_regex, find_figures


def figures(sentence: str, lang: str = "en") -> list[str]:
    return [sentence[a:b] for a, b in find_figures(sentence, lang)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("More than 50,000 people fled on May 5, 2024.", ["More than 50,000 people", "May 5, 2024"]),
        ("Seven settlements were hit; one of them twice.", ["Seven settlements"]),
        ("The vote is on 25 Sept. and costs $4.5 million.", ["25 Sept.", "$4.5 million"]),
        (
            "It rose from 5 to 7 percent, between 80 and 120 million euros.",
            ["from 5 to 7 percent", "between 80 and 120 million euros"],
        ),
        ("A 40-meter wall and a 12-year-old boy.", ["40-meter", "12-year-old"]),
        (
            "Two to three people, five other villages, ten more boats.",
            ["three people", "five other villages", "ten more boats"],
        ),
        ("No numbers here at all.", []),
        ("He paid 3,000.", ["3,000"]),
        ("In Sept. 2020 she left.", ["Sept. 2020"]),
        ("Version 2.5; about 30 km2.", ["2.5", "about 30 km2"]),
        ("One Direction sang.", []),
        ("The figure was 5.", ["5"]),
        (
            "Some 1.5 billion dollars and 20 percent of 300 people.",
            ["Some 1.5 billion dollars", "20 percent", "300 people"],
        ),
        ("three people, three Kings", ["three people"]),
        ("It fell by 4-5 percent in 2019.", ["4-5 percent", "2019"]),
        ("One boat sank, and half the town was flooded.", []),  # weak number words count nothing
        ("About one person came.", ["About one person"]),
    ],
)
def test_figures_keep_their_unit_qualifier_and_counted_noun(sentence: str, expected: list[str]) -> None:
    assert figures(sentence) == expected


def test_a_language_without_a_lexicon_still_finds_digits() -> None:
    assert figures("It cost 5 dollars on May 5.", "xx") == ["5", "5"]
    assert figures("seven people", "xx") == []


def test_the_words_given_decide_whether_number_words_are_looked_for() -> None:
    assert find_figures("Seven settlements and 5 villages", words=frozenset()) == [(22, 23)]
    assert find_figures("Seven settlements", words=frozenset({"seven"})) == [(0, 17)]


def test_the_pattern_holds_only_the_branches_asked_for() -> None:
    text = "Seven settlements and 5 villages on May 5"
    assert [m.group() for m in figure_regex("en", False, True).finditer(text)] == ["Seven settlements"]
    assert [m.group() for m in figure_regex("en", True, False).finditer(text)] == ["5", "May 5"]
    assert [m.group() for m in figure_regex("en", False, False).finditer(text)] == []


def test_a_hyphenated_number_word_is_one_count() -> None:
    sentence = "Sixty-six people were hurt and twenty-one are missing."
    found = [sentence[a:b] for a, b in find_figures(sentence, "en")]
    assert found[0] == "Sixty-six people"
    assert "six people" not in found
