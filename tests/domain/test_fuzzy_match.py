"""The approximate search's edge cases, one by one (its properties: test_anchoring_fuzzy.py)."""

from __future__ import annotations

from app.domain.fuzzy_match import Match, TextMasks, search, search_window


def test_an_empty_pattern_or_text_has_no_match() -> None:
    assert search("", "abc", 1) == [] and search("abc", "", 1) == []
    assert search_window("", "abc", 1, 0, 3) == [] and search_window("abc", "abc", 0, 2, 2) == []


def test_masks_of_another_text_are_not_used() -> None:
    assert search("abc", "xxabc", 0, TextMasks("abcxx")) == [Match(2, 5, 0)]
    masks = TextMasks("xxabc")
    assert search("abc", "xxabc", 0, masks) == [Match(2, 5, 0)]
    assert masks.mask("a") == 0b00100 and masks.mask("a") is masks.mask("a")


def test_an_empty_text_has_empty_masks() -> None:
    assert TextMasks("").mask("a") == 0 and TextMasks("").full == 0


def test_a_match_prefers_ends_between_words() -> None:
    """Where an edit leaves a choice of span, the one that starts and ends on word boundaries wins."""
    assert search_window("a a", "bb a", 1, 0, 4) == [Match(2, 4, 1)]
    assert search_window("b ", "aa  ", 1, 0, 4) == [Match(2, 4, 1)]


def test_at_most_eight_matches_come_back_fewest_errors_first() -> None:
    found = search("ab", "axzzzz" * 9 + "ab", 1)  # nine one-edit matches, then the exact one
    assert found == [Match(54, 56, 0)] + [Match(at, at + 2, 1) for at in range(0, 42, 6)]
    assert len(search("ab", "ab zzzz " * 10, 0)) == 8


# Cases where a slip in the clustering of neighbouring ends, or in reading the bits of a 64-position
# chunk, changes what is found (found by comparing the search against variants of itself).
CLUSTERS = [
    (" b ", "   aba ab bbb  ba", 1, [(0, 3, 1), (7, 10, 1)]),
    ("ba", " bb  abba b  baa b bbbbababbabaabbb   ab  a a  b", 2, [(7, 9, 0)]),
    ("b bba", " abbbbbb  bab  a ab b", 2, [(7, 12, 1), (12, 16, 2), (18, 21, 2)]),
    (
        "ba   a",
        " a b bab a b b aa   b b bbbb  a abba aa a bbba ba  ab a bb a   aaabaaa   a a   aaba  baaaaa bbbb a "
        "bbaaaababaa  b aaa ",
        1,
        [(47, 52, 1), (58, 64, 1), (68, 74, 1), (74, 80, 1), (81, 87, 1)],
    ),
]


def test_neighbouring_ends_make_one_match_per_cluster() -> None:
    for pattern, text, k, expected in CLUSTERS:
        assert [tuple(m) for m in search(pattern, text, k)] == expected, (pattern, text)
        assert [tuple(m) for m in search_window(pattern, text, k, 0, len(text))] == expected, (pattern, text)
