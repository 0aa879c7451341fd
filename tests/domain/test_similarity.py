"""Whether a file that came back changed is the same story (app/domain/similarity.py)."""

from __future__ import annotations

from app.domain.similarity import SAME_STORY, kept_share, same_story


def test_an_empty_text_keeps_nothing_of_a_story_and_all_of_another_empty_one() -> None:
    assert kept_share("", "") == 1.0
    assert kept_share("", "The ferry sailed at noon.") == 0.0
    assert kept_share("The ferry sailed at noon.", "  ") == 0.0


def test_the_share_is_of_the_shorter_texts_words_kept_in_order() -> None:
    old = "one two three four five six seven eight nine ten"
    new = "one two three four five six seven eleven twelve thirteen"
    assert kept_share(old, new) == SAME_STORY == 0.7
    assert same_story(old, new), "exactly the threshold is the same story"
    assert not same_story(old, "one two three four five six eleven twelve thirteen fourteen")
    assert kept_share("a b c", "a b c d e f") == 1.0, "a text cut short is still the same story"


def test_frequent_words_still_anchor_matches_in_a_long_text() -> None:
    """Over 200 words, difflib would treat a word in more than 1% of places as junk unless told
    not to: a long article full of "the" must still match itself after a small change."""
    words = [f"the harbour {n} the ferry the quay" for n in range(60)]
    old = " ".join(words)
    new = old.replace("the harbour 30 ", "the harbour thirty ")
    assert kept_share(old, new) > 0.99


def test_a_long_text_of_few_distinct_words_is_the_same_story_as_itself() -> None:
    """A results table or a list of scores repeats a handful of words: past 200 words difflib would
    drop every word that common from the matching, and the story would keep nothing of itself."""
    table = " ".join(f"{team} won {team} lost" for team in ["home", "away"] * 40)
    assert len(table.split()) > 200
    assert kept_share(table, "Corrected: " + table) == 1.0
    assert same_story(table, "Corrected: " + table.replace("won", "drew", 1))
