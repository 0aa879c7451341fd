"""What the versions dialog, the memo and `claimdesk versions --compare` show of a changed article
(app/domain/text_diff.py): each change's words, where it is in the newer text, and its context."""

from __future__ import annotations

from app.domain.text_diff import CONTEXT_WORDS, EXACT_WORD_PAIRS, VersionChange, diff_texts

LEDE = "The port authority said on Monday that divers found 14 unexploded shells on the seabed."
SECOND = "Works on the new berth are halted until the navy has cleared the area."
THIRD = "Fishermen reportedly saw divers in the area for weeks."


def only(old: str, new: str) -> VersionChange:
    (change,) = diff_texts(old, new)
    return change


def test_a_changed_figure_shows_four_words_of_context_on_each_side() -> None:
    old = f"{LEDE}\n\n{SECOND}"
    new = old.replace("found 14 ", "found 4 ")
    change = only(old, new)
    assert (change.kind, change.old, change.new) == ("replaced", "14", "4")
    assert new[change.start : change.end] == "4"
    assert change.before == "Monday that divers found"
    assert change.after == "unexploded shells on the"
    assert len(change.before.split()) == len(change.after.split()) == CONTEXT_WORDS


def test_context_stops_at_the_start_and_end_of_the_text() -> None:
    old = "Navy divers found 14 shells."
    first = only(old, old.replace("Navy", "Police"))
    assert (first.kind, first.new, first.before) == ("replaced", "Police", "")
    assert first.after == "divers found 14 shells."
    second = only(old, old.replace("divers", "teams"))
    assert second.before == "Navy", "the first word of the text is whole"
    last = only(old, old.replace("shells.", "old shells."))
    assert last.after == "shells."


def test_context_is_the_newer_texts_words_across_paragraphs_on_one_line() -> None:
    old = f"{SECOND}\n\n{THIRD}"
    new = old.replace("Fishermen reportedly", "Fishermen")
    change = only(old, new)
    assert (change.kind, change.old, change.new) == ("deleted", "reportedly", "")
    assert change.before == "cleared the area. Fishermen"
    assert change.after == "saw divers in the"


def test_a_deletion_is_an_empty_span_where_the_words_were() -> None:
    old = f"{LEDE}\n\n{THIRD}"
    new = old.replace(" reportedly", "")
    change = only(old, new)
    assert change.start == change.end == new.index("saw divers")


def test_words_cut_from_the_end_of_a_paragraph_point_at_its_last_word() -> None:
    old = f"{LEDE}\n\n{SECOND}"
    new = old.replace(" on the seabed.", "")
    change = only(old, new)
    assert (change.kind, change.old) == ("deleted", "on the seabed.")
    assert change.start == change.end == new.index("shells") + len("shells")
    assert change.before == "found 14 unexploded shells" and change.after == "Works on the new"


def test_a_paragraph_cut_from_the_end_points_at_the_end_of_the_one_before() -> None:
    old = f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    new = f"{LEDE}\n\n{SECOND}\n\n"
    change = only(old, new)
    assert (change.kind, change.old, change.new) == ("deleted", THIRD, "")
    assert change.start == change.end == new.index(SECOND) + len(SECOND)


def test_a_paragraph_cut_from_the_start_points_at_the_start_of_the_text() -> None:
    old = f"Update: corrected.\n\n{LEDE}\n\n{SECOND}"
    new = f"\n\n{LEDE}\n\n{SECOND}"
    change = only(old, new)
    assert (change.kind, change.old) == ("deleted", "Update: corrected.")
    assert change.start == change.end == new.index(LEDE)


def test_a_paragraph_cut_from_the_middle_points_at_the_end_of_the_one_before() -> None:
    old = f"{LEDE}\n\n{THIRD}\n\n{SECOND}"
    new = f"{LEDE}\n\n{SECOND}"
    change = only(old, new)
    assert change.start == change.end == len(LEDE)


def test_everything_gone_or_everything_new() -> None:
    gone = only(LEDE, "")
    assert (gone.kind, gone.old, gone.start, gone.end) == ("deleted", LEDE, 0, 0)
    assert only(LEDE, "   \n\n  ").start == 0
    new = only("", f"  {LEDE}")
    assert (new.kind, new.new, new.start, new.end) == ("inserted", LEDE, 2, 2 + len(LEDE))
    assert diff_texts("", "") == []


def test_a_paragraph_added_at_the_end_points_at_its_words() -> None:
    old = f"{LEDE}\n\n{SECOND}"
    new = f"{old}\n\n{THIRD}\n"
    change = only(old, new)
    assert (change.kind, change.new) == ("inserted", THIRD)
    assert new[change.start : change.end] == THIRD


def test_a_paragraph_split_in_two_is_one_change_of_the_words_only() -> None:
    old = f"{LEDE} {SECOND}\n\n{THIRD}"
    new = f"{LEDE}\n\nUpdate: {SECOND}\n\n{THIRD}"
    change = only(old, new)
    assert (change.kind, change.old, change.new) == ("inserted", "", "Update:")
    assert new[change.start : change.end] == "Update:"


def test_paragraphs_merged_and_reworded_give_the_words_that_changed() -> None:
    old = f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    new = f"{LEDE} {SECOND.replace('halted', 'stopped')}\n\n{THIRD}"
    change = only(old, new)
    assert (change.kind, change.old, change.new) == ("replaced", "halted", "stopped")
    assert new[change.start : change.end] == "stopped"


def test_a_paragraph_whose_lines_and_spaces_only_moved_is_no_change() -> None:
    old = f"{LEDE}\n\n{SECOND}"
    wrapped = LEDE.replace(" said ", " said\n  ")
    assert diff_texts(old, f"  {wrapped}  \n \n\t\n{SECOND}\t") == []


def test_words_replaced_across_a_run_keep_each_side_whole() -> None:
    old = f"{LEDE}\n\n{SECOND}"
    new = old.replace("unexploded shells on the seabed", "mines near a quay")
    change = only(old, new)
    assert (change.old, change.new) == ("unexploded shells on the seabed.", "mines near a quay.")
    assert new[change.start : change.end] == "mines near a quay."


def test_a_long_paragraph_of_few_distinct_words_still_gives_the_one_word_changed() -> None:
    """A results table pasted as one paragraph repeats a handful of words. Up to the exact-matching
    bound every word takes part in the matching; difflib's shortcut for long texts (frequent words
    don't anchor a match) would report the whole table as rewritten."""
    side = int(EXACT_WORD_PAIRS**0.5)  # old words x new words exactly at the bound
    words = [("home", "won", "away", "lost")[n % 4] for n in range(side - 1)]
    old = "Results: " + " ".join(words)
    new = "Scores: " + " ".join(words)
    assert len(old.split()) * len(new.split()) == EXACT_WORD_PAIRS
    change = only(old, new)
    assert (change.kind, change.old, change.new) == ("replaced", "Results:", "Scores:")


def test_a_sentence_moved_to_the_next_paragraph_shows_where_it_left_and_where_it_went() -> None:
    """Paragraphs changed in place are compared pair by pair, so a sentence carried over a paragraph
    break is shown taken out of one and put into the other, each at its place."""
    old = f"Harbour works halted.\n\n{LEDE} {SECOND}\n\n{THIRD}"
    new = f"Harbour works halted.\n\n{LEDE}\n\n{SECOND} {THIRD}"
    taken, put = diff_texts(old, new)
    assert (taken.kind, taken.old, taken.start) == ("deleted", SECOND, new.index(LEDE) + len(LEDE))
    assert (put.kind, put.new) == ("inserted", SECOND)
    assert new[put.start : put.end] == SECOND


def test_a_single_paragraph_left_after_the_last_is_cut() -> None:
    change = only(f"{LEDE}\n\n{THIRD}", LEDE)
    assert (change.kind, change.old, change.start, change.end) == ("deleted", THIRD, len(LEDE), len(LEDE))
