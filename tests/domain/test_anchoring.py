"""Anchoring: our own cases and property tests (others' cases: test_anchoring_eval.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.anchoring import (
    TextQuote,
    anchor,
    codepoint_to_utf16,
    describe_quote,
    error_budget,
    match_quote,
    reanchor,
    similarity,
    utf16_to_codepoint,
)
from app.domain.fuzzy_match import edit_distance
from tests.evaluation import EVAL

CASES = EVAL / "anchoring"


def _load(name: str) -> Any:
    path = CASES / name
    if not path.exists():
        pytest.skip(f"{path} is not beside the checkout")
    return json.loads(path.read_text(encoding="utf-8"))


# --- our own cases ---------------------------------------------------------------------------


def test_describe_keeps_32_characters_of_context() -> None:
    text = "x" * 50 + "CLAIM" + "y" * 50
    quote = describe_quote(text, 50, 55)
    assert quote == TextQuote("CLAIM", "x" * 32, "y" * 32)
    assert describe_quote("abc", 0, 3) == TextQuote("abc", "", "")
    with pytest.raises(ValueError):
        describe_quote("abc", 2, 9)


def test_context_and_hint_pick_among_repeats() -> None:
    text = "Prices rose. Wages fell. Prices rose. Rents fell."
    assert match_quote(text, TextQuote("Prices rose.", suffix=" Rents")) == (25, 37)
    assert match_quote(text, TextQuote("Prices rose.")) == (0, 12)
    assert match_quote(text, TextQuote("Prices rose."), hint=24) == (25, 37)


def test_fuzzy_match_survives_small_edits_and_refuses_unrelated_text() -> None:
    original = "The authority said the survey found 14 unexploded shells on the seabed."
    quote = describe_quote(original, 19, 71)
    edited = "Update: the authority said the survey had found 14 unexploded shells on the sea bed."
    span = match_quote(edited, quote)
    assert span is not None
    assert edited[span[0] : span[1]].startswith("the survey had found")
    assert match_quote(edited, TextQuote("a completely different sentence about rain")) is None


def test_anchor_prefers_the_position_when_it_still_agrees() -> None:
    text = "one two one two"
    assert anchor(text, TextQuote("one"), 8, 11) == (8, 11)
    assert anchor(text + "!", TextQuote("two", suffix="!"), 0, 3) == (12, 15)


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "l😃rem ipsum"
    assert codepoint_to_utf16(text, 2) == 3
    assert utf16_to_codepoint(text, 3) == 2
    assert utf16_to_codepoint(text, 2) == 1  # inside the surrogate pair: rounds down
    assert utf16_to_codepoint(text, 99) == len(text)
    assert similarity("abc", "abc") == 1.0 and similarity("", "") == 1.0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c.😃Ж", min_size=1, max_size=120), st.data())
def test_describe_then_match_returns_the_same_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = describe_quote(text, start, end)
    assert match_quote(text, quote, hint=start) == (start, end)
    offset = codepoint_to_utf16(text, start)
    assert utf16_to_codepoint(text, offset) == start


# --- fuzzy matching, in the manner of Hypothesis's match-quote tests, on their texts --------------


def _fixture(name: str) -> str:
    text: str = _load("hypothesis_match_quote_cases.json")["fixtures"][name]
    return text


def test_a_misspelt_quote_still_finds_its_place() -> None:
    text = _fixture("solitude")
    start = text.index("Colonel Aureliano")
    for typo in ("Colonel Aureliano Buendia was to remember", "Colonel Aurelano Buendía was to remembr"):
        span = match_quote(text, TextQuote(typo))
        assert span is not None and span[0] == start, typo
        assert text[span[0] : span[1]] == "Colonel Aureliano Buendía was to remember"


def test_a_quote_beyond_its_error_budget_is_not_found() -> None:
    text = _fixture("solitude")
    assert error_budget(40) == 10 and error_budget(3) == 0
    assert match_quote(text, TextQuote("Colonel Buendía remembered the ice")) is None
    assert match_quote(text, TextQuote("xyz")) is None


def test_the_position_hint_picks_the_nearest_of_equal_matches() -> None:
    text = _fixture("twoCities")
    starts = [i for i in range(len(text)) if text.startswith("it was the age", i)]
    assert len(starts) == 2
    for start in starts:
        assert match_quote(text, TextQuote("it was the age"), hint=start + 3) == (start, start + 14)
        assert match_quote(text, TextQuote("it was the agr"), hint=start + 3) == (start, start + 14)


def test_a_close_quote_far_away_beats_a_look_alike_near_the_hint() -> None:
    moved = "The minister said 40,000 homes would be built by the end of 2027."
    look_alike = "The minister said 30,000 flats would be sold by the end of 2026."  # 10 edits of 16
    filler = " ".join(f"Line {n} is about something else entirely." for n in range(200))
    text = look_alike + " " + filler + " " + moved.replace("40,000", "40 000")
    span = match_quote(text, TextQuote(moved), hint=0)
    assert span is not None and text[span[0] : span[1]] == moved.replace("40,000", "40 000")


def test_reanchor_follows_the_shift_and_reports_what_is_gone() -> None:
    old = "First claim here. Second claim there. Third claim everywhere."
    quotes = [(describe_quote(old, s, e), s) for s, e in [(0, 17), (18, 37), (38, 61)]]
    new = "A new opening line. " + old.replace("Second claim there. ", "")
    assert reanchor(new, quotes) == [(20, 37), None, (38, 61)]
    assert reanchor(old, quotes) == [(0, 17), (18, 37), (38, 61)]
    assert reanchor("", quotes) == [None, None, None]


def test_nearest_occurrence_looks_only_near_the_span_and_picks_the_closest() -> None:
    from app.domain.anchoring import nearest_occurrence

    text = "HUR said so. " + "x" * 50 + " The HUR report. HUR again."
    claim_start = text.index("The HUR")
    assert nearest_occurrence(text, "HUR", claim_start, claim_start + 15, 10, claim_start) == claim_start + 4
    assert nearest_occurrence(text, "HUR", claim_start, claim_start + 15, 80, 0) == 0
    assert nearest_occurrence(text, "SBU", claim_start, claim_start + 15, 80, claim_start) is None


# --- any edit of a text: what re-anchoring promises for every claim -------------------------------

_EDIT_TEXT = st.text(alphabet="abcde fgh.,XY😃", min_size=1, max_size=160)
_EDIT = st.tuples(st.floats(0, 1), st.integers(0, 12), st.text(alphabet="abz Q.😃", max_size=12))


@settings(max_examples=150, deadline=None)
@given(_EDIT_TEXT, st.lists(_EDIT, min_size=1, max_size=3), st.data())
def test_every_reanchored_claim_is_the_new_text_at_its_offsets(
    text: str, edits: list[tuple[float, int, str]], data: st.DataObject
) -> None:
    """Whatever the edits, a claim found again is a span of the new text within the quote's error
    budget, the exact quote itself when the edits left it alone, and found at that same span when
    described and re-anchored once more; a claim not found is reported orphaned (None)."""
    spans = data.draw(
        st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 40)), min_size=1, max_size=5)
    )
    claims = [(start, min(len(text), start + size)) for start, size in spans]
    targets = [(describe_quote(text, start, end), start) for start, end in claims]
    new, untouched = text, [True] * len(claims)
    shift = [0] * len(claims)
    for fraction, removed, inserted in edits:
        at = int(fraction * len(new))
        removed = min(removed, len(new) - at)
        for i, (start, end) in enumerate(claims):
            lo, hi = start + shift[i], end + shift[i]
            if (at < hi and at + removed > lo) or lo < at < hi or (removed == 0 and lo < at < hi):
                untouched[i] = False
            elif at <= lo:
                shift[i] += len(inserted) - removed
        new = new[:at] + inserted + new[at + removed :]
    for (quote, _), found, kept in zip(targets, reanchor(new, targets), untouched, strict=True):
        if found is None:
            assert not kept or quote.exact not in new  # an untouched quote is never orphaned
            continue
        start, end = found
        assert 0 <= start <= end <= len(new)
        assert edit_distance(new[start:end], quote.exact) <= error_budget(len(quote.exact))
        if kept:
            assert new[start:end] == quote.exact
        again = describe_quote(new, start, end)
        assert again.exact == new[start:end]
        assert reanchor(new, [(again, start)]) == [(start, end)]


# --- the rules one at a time ---------------------------------------------------------------------


def test_an_approximate_match_near_the_hint_whose_context_agrees_is_not_second_guessed() -> None:
    """Five edits near the hint are too many to be sure by the quote alone, but the prefix (or the
    suffix) agrees there: the closer copy far away, with the other context, is not looked for."""
    quote = "the harbour was closed to all ships"
    near = "Before it: the harbr wa closd to al ships; nothing else follows here."
    text = near + " " + "z" * 400 + " xx the harbour was closed to all ship. and more words"
    at = near.index("the harbr")
    assert match_quote(text, TextQuote(quote, prefix="Before it: ", suffix=" and more"), hint=0) == (
        at,
        at + 30,
    )
    assert match_quote(text, TextQuote(quote, prefix="xx ", suffix="; nothing else"), hint=0) == (at, at + 30)


def test_anchor_keeps_an_agreeing_position_even_where_the_context_points_elsewhere() -> None:
    assert anchor("one two one two!", TextQuote("two", suffix="!"), 4, 7) == (4, 7)
    assert anchor("two one two!", TextQuote("two", suffix="!"), 0, 3) == (0, 3)
    assert anchor("two! two", TextQuote("two", suffix="!"), 5, 8) == (5, 8)
    assert anchor("two! two", TextQuote("two", suffix="!"), None, 8) == (0, 3)
    assert anchor("two! two", TextQuote("two", suffix="!"), 5, None) == (0, 3)


def test_a_stale_position_still_chooses_the_nearest_of_repeated_quotes() -> None:
    text = "one two one two one"
    assert anchor(text, TextQuote("one"), 9, 12) == (8, 11)
    assert anchor(text, TextQuote("one"), 17, 20) == (16, 19)


def test_the_last_bmp_character_counts_once_and_the_first_astral_one_twice() -> None:
    for char, units in (("\uffff", 1), ("\U00010000", 2), ("\U0001f600", 2)):
        text = char + "a"
        assert codepoint_to_utf16(text, 1) == units
        assert utf16_to_codepoint(text, units) == 1


def test_nearest_occurrence_is_the_one_closest_to_the_hint_not_the_first() -> None:
    from app.domain.anchoring import nearest_occurrence

    text = "HUR and HUR and HUR"
    assert nearest_occurrence(text, "HUR", 0, len(text), 5, 9) == 8
    assert nearest_occurrence(text, "HUR", 0, len(text), 5, 15) == 16


def test_context_similarity_allows_gaps_in_the_text() -> None:
    from app.domain.anchoring import _prefix_similarity, _suffix_similarity

    context = "abcdefghijkl"
    assert _prefix_similarity(context + "QUOTE", context, 12) == 1.0  # the prefix opens the text
    assert _prefix_similarity("abcdxfghijklQUOTE", context, 12) == pytest.approx(11 / 12)
    assert _prefix_similarity("abcdefgUVWXYZhijklQUOTE", context, 18) == pytest.approx(6 / 12)  # six inserted
    assert _prefix_similarity("zzzzzzzzzzzzQUOTE", context, 12) == 0.0
    assert _suffix_similarity("QUOTE" + context, context, 5) == 1.0
    assert _suffix_similarity("QUOTEabcdxfghijkl", context, 5) == pytest.approx(11 / 12)
    assert _suffix_similarity("QUOTEabcdefgUVWXYZhijkl", context, 5) == pytest.approx(7 / 12)
    assert _suffix_similarity("QUOTEzzzzzzzzzzzz", context, 5) == 0.0


def test_a_candidate_scores_by_its_quote_then_its_context_then_its_place() -> None:
    from app.domain.anchoring import _score
    from app.domain.fuzzy_match import Match

    text = "xyzQUOTEabc"
    assert _score(text, TextQuote("QUOTE", "xyz", "abc"), Match(3, 8, 0), None) == pytest.approx(90.0)
    assert _score(text, TextQuote("QUOTE", "xyq", "abd"), Match(3, 8, 1), 3) == pytest.approx(
        50 * (1 - 1 / 5) + 20 * (2 / 3) + 20 * (2 / 3) + 2
    )
    assert _score(text, TextQuote("QUOTE"), Match(3, 8, 0), 0) == pytest.approx(50 + 2 * (1 - 3 / 11))


def test_context_three_quarters_right_agrees() -> None:
    from app.domain.anchoring import _context_agrees
    from app.domain.fuzzy_match import Match

    assert _context_agrees("abcxQUOTE", TextQuote("QUOTE", prefix="abcd"), Match(4, 9, 1))
    assert _context_agrees("QUOTEabcx", TextQuote("QUOTE", suffix="abcd"), Match(0, 5, 1))
    assert not _context_agrees("abxxQUOTE", TextQuote("QUOTE", prefix="abcd", suffix="zz"), Match(4, 9, 1))


def test_a_near_match_within_half_the_budget_is_sure_even_without_context() -> None:
    quote = "the harbour was closed to all ships today"  # 41 characters: 10 edits allowed
    near = "the harbor was closd to al ship tday"  # 5 edits: half the budget, so sure
    far = "the harbour was closed to all ships toda"  # 1 edit, far away
    text = near + " " + "z" * 500 + " " + far
    assert match_quote(text, TextQuote(quote), hint=0) == (0, len(near))


def test_the_window_near_the_hint_reaches_a_quote_length_and_budget_beyond_the_slack() -> None:
    quote = "the harbour was closed to all ships today"  # 41 characters, budget 10: slack 41 + 10 + 256
    near = "the harbor was closd to al ship tday"  # 5 edits: sure once seen
    far = "the harbour was closed to all ships toda"
    start = 300 - len(near)  # ends 300 characters after the hint: inside 307, outside 41 - 10 + 256
    text = "y" * start + near + " " + "z" * 600 + " " + far
    assert match_quote(text, TextQuote(quote), hint=0) == (start, start + len(near))


def test_an_empty_span_keeps_its_agreeing_position() -> None:
    assert anchor("abcab", TextQuote("", prefix="ab"), 1, 1) == (1, 1)


def test_reanchoring_follows_the_shift_of_the_claims_before() -> None:
    """Quotes without context: only where the previous claim moved tells repeated ones apart."""
    old = "alpha beta gamma beta"
    targets = [(TextQuote("alpha"), 0), (TextQuote("beta"), 6), (TextQuote("beta"), 17)]
    assert reanchor("zzzz " + old, targets) == [(5, 10), (11, 15), (22, 26)]
    reordered = [targets[2], targets[0], targets[1]]  # taken in the order of their old starts
    assert reanchor("zzzz " + old, reordered) == [(22, 26), (5, 10), (11, 15)]
    assert reanchor(old, [(TextQuote("beta"), 40)]) == [(17, 21)]  # an old start past the end


def test_describing_a_span_checks_its_bounds_and_keeps_the_context_at_the_edges() -> None:
    assert describe_quote("abc", 1, 2) == TextQuote("b", "a", "c")
    assert describe_quote("abc", 1, 1) == TextQuote("", "a", "bc")
    with pytest.raises(ValueError, match=r"span 2\.\.9 is outside a text of 3 characters"):
        describe_quote("abc", 2, 9)


def test_exact_matches_overlap_and_check_the_suffix_after_the_quote() -> None:
    from app.domain.anchoring import exact_matches

    assert exact_matches("aaa", TextQuote("aa")) == [(0, 2), (1, 3)]
    assert exact_matches("ab cb", TextQuote("b", suffix=" c")) == [(1, 2)]
    assert similarity("abc", "abd") == pytest.approx(2 / 3)


def test_a_hint_past_the_end_of_the_text_costs_no_more_than_the_whole_weight() -> None:
    from app.domain.anchoring import _score
    from app.domain.fuzzy_match import Match

    assert _score("xyzQUOTEabc", TextQuote("QUOTE"), Match(3, 8, 0), 100) == pytest.approx(50.0)


def test_overlapping_occurrences_of_a_name_are_all_candidates() -> None:
    from app.domain.anchoring import nearest_occurrence

    assert nearest_occurrence("aaaa", "aa", 0, 4, 5, 1) == 1


@pytest.mark.parametrize(
    "text,targets,expected",
    [
        (
            "x" * 30 + " longword kk gamma beta gamma kk alpha",
            [("kk", 29), ("longword", 0), ("alpha", 32), ("kk", 9)],
            [(60, 62), (31, 39), (63, 68), (40, 42)],
        ),
        (
            "xxxxxx kk beta alpha alpha kk beta",
            [("kk", 20), ("kk", 0), ("alpha", 8), ("beta", 3)],
            [(27, 29), (7, 9), (15, 20), (10, 14)],
        ),
        (
            "x" * 20 + " delta kk kk beta kk beta",
            [("delta", 0), ("beta", 20), ("kk", 9)],
            [(21, 26), (41, 45), (30, 32)],
        ),
    ],
)
def test_repeated_quotes_follow_the_shift_measured_on_the_claims_before_them(
    text: str, targets: list[tuple[str, int]], expected: list[tuple[int, int]]
) -> None:
    """Taken in the order of their old starts, each quote is looked for where the claim before it
    moved by: its start shifted by the same amount, not its end and not by its own old start."""
    assert reanchor(text, [(TextQuote(word), start) for word, start in targets]) == expected


# --- a sentence repeated in the article, one occurrence deleted ----------------------------------

REPEATED = "Prices rose in May. Wages fell again this spring. Prices rose in May. Rents fell too."
FIRST, SECOND = (0, 19), (50, 69)  # the two occurrences of 'Prices rose in May.'
WITHOUT_FIRST = REPEATED[FIRST[1] + 1 :]  # 'Wages fell again this spring. Prices rose in May. ...'


def test_a_claim_on_a_deleted_repeat_does_not_take_the_place_of_the_claim_on_the_other() -> None:
    targets = [(describe_quote(REPEATED, *span), span[0]) for span in (FIRST, SECOND)]
    kept = WITHOUT_FIRST.index("Prices")
    assert reanchor(WITHOUT_FIRST, targets) == [None, (kept, kept + 19)]


def test_a_claim_on_a_deleted_repeat_is_orphaned_even_when_the_other_carries_no_claim() -> None:
    """The old text says the quote was there twice: the occurrence left, by its context, is the other one."""
    target = (describe_quote(REPEATED, *FIRST), FIRST[0])
    assert reanchor(WITHOUT_FIRST, [target], old_text=REPEATED) == [None]
    assert reanchor(WITHOUT_FIRST, [target]) == [(30, 49)]  # without the old text nothing tells them apart


def test_a_claim_on_the_surviving_repeat_stays_with_it() -> None:
    without_second = REPEATED[: SECOND[0]] + REPEATED[SECOND[1] + 1 :]
    targets = [(describe_quote(REPEATED, *span), span[0]) for span in (FIRST, SECOND)]
    assert reanchor(without_second, targets, old_text=REPEATED) == [FIRST, None]
    assert reanchor(without_second, targets[:1], old_text=REPEATED) == [FIRST]


def test_a_repeat_reworded_in_place_keeps_its_claim_instead_of_jumping_to_the_other() -> None:
    reworded = REPEATED.replace("Prices rose in May.", "Prices Rose in May.", 1)
    target = (describe_quote(REPEATED, *FIRST), FIRST[0])
    assert reanchor(reworded, [target], old_text=REPEATED) == [FIRST]


def test_a_unique_sentence_moved_elsewhere_is_still_followed_with_the_old_text() -> None:
    old = "The mayor resigned on Monday. Rents fell too. Wages fell again this spring."
    new = "Rents fell too. Wages fell again this spring. The mayor resigned on Monday."
    target = (describe_quote(old, 0, 29), 0)
    assert reanchor(new, [target], old_text=old) == [(46, 75)]


def test_replanning_orphans_the_claim_of_a_deleted_repeat() -> None:
    from app.domain.replan import Placement, replan

    quote = describe_quote(REPEATED, *FIRST)
    place = Placement(FIRST[0], FIRST[1], quote.exact, quote.prefix, quote.suffix)
    assert [r.outcome for r in replan(REPEATED, WITHOUT_FIRST, [place])] == ["orphaned"]


def test_an_empty_quote_among_others_keeps_its_place_and_breaks_nothing() -> None:
    """A zero-length selection (an imported annotation can hold one) has no words to compare
    with the others; it stays where it was and the other claims still move."""
    new = "Late on Sunday the bridge fell on Monday."
    targets = [(TextQuote("", "", ""), 3), (TextQuote("bridge", "The ", " fell"), 4)]
    at = new.index("bridge")
    assert reanchor(new, targets) == [(3, 3), (at, at + len("bridge"))]
