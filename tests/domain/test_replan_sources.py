"""Where a claim's source and context go when its article changes (app/domain/replan.py): the name
highlighted in the reader must be the speaker's, not a namesake's, and the quote kept for the next
re-anchoring must be the new text's."""

from __future__ import annotations

from app.domain.anchoring import describe_quote
from app.domain.replan import SOURCE_SEARCH_RADIUS, Placement, replan

INTRO = "Update: this story was corrected on Tuesday after the port authority wrote to us. " * 12


def place(text: str, exact: str, source: str | None = None, source_at: int | None = None) -> Placement:
    start = text.index(exact)
    quote = describe_quote(text, start, start + len(exact))
    span = (None, None) if source is None or source_at is None else (source_at, source_at + len(source))
    return Placement(
        start, start + len(exact), quote.exact, quote.prefix, quote.suffix,
        source=source, source_start=span[0], source_end=span[1],
    )  # fmt: skip


def source_words(text: str, planned: Placement) -> str | None:
    if planned.source_start is None or planned.source_end is None:
        return None
    return text[planned.source_start : planned.source_end]


def test_the_speakers_name_is_followed_not_a_namesake_just_before() -> None:
    text = "Moss said the port was closed. Moss said 14 shells were found."
    at = text.rindex("Moss")
    claim = place(text, "14 shells were found.", "Moss", at)
    new = "Update. " + text
    (planned,) = replan(text, new, [claim])
    assert (planned.place.source_start, planned.place.source_end) == (at + 8, at + 12)


def test_a_name_far_before_a_long_quote_stays_attached_when_the_text_only_shifts() -> None:
    quote = "we found shells, " * 30 + "and 14 of them were unexploded"
    text = f'Lena Moss, the harbour master, said: "{quote}."'
    assert text.index("14 of them") > SOURCE_SEARCH_RADIUS
    claim = place(text, "14 of them were unexploded", "Lena Moss", 0)
    new = "Correction appended. " + text
    (planned,) = replan(text, new, [claim])
    assert source_words(new, planned.place) == "Lena Moss"


def test_the_name_is_found_again_near_its_claim_after_a_long_insertion() -> None:
    text = "Harbour works halted. The agency said 14 shells were found on the seabed."
    at = text.index("The agency")
    claim = place(text, "14 shells were found on the seabed.", "The agency", at)
    new = INTRO + text.replace("The agency said", "The agency has said")
    assert len(INTRO) > 2 * SOURCE_SEARCH_RADIUS
    (planned,) = replan(text, new, [claim])
    assert source_words(new, planned.place) == "The agency"


def test_a_name_gone_from_near_its_claim_is_not_tied_to_a_namesake_far_away() -> None:
    text = "Harbour works halted. The agency said 14 shells were found on the seabed."
    at = text.index("The agency")
    claim = place(text, "14 shells were found on the seabed.", "The agency", at)
    new = "The agency " + INTRO + text.replace("The agency said", "Officials said")
    (planned,) = replan(text, new, [claim])
    assert planned.outcome == "unchanged" or planned.place.start > SOURCE_SEARCH_RADIUS
    assert (planned.place.source_start, planned.place.source_end) == (None, None)
    assert planned.place.source == "The agency", "the name itself is kept"


def test_the_span_is_followed_by_the_words_in_the_text_not_the_name_as_stored() -> None:
    text = "Harbour works halted. The port authority said 14 shells were found."
    at = text.index("The port authority")
    claim = place(text, "14 shells were found.", "the port authority", at)  # stored in lower case
    new = "Update. " + text
    (planned,) = replan(text, new, [claim])
    assert source_words(new, planned.place) == "The port authority"


def test_an_orphan_found_again_takes_the_occurrence_of_its_source_nearest_the_claim() -> None:
    text = "Moss opened the briefing. The weather was calm all week. Moss said 14 shells were found."
    orphan = Placement(0, 0, "14 shells were found.", "", "", anchored=False, source="Moss")
    (planned,) = replan("", text, [orphan])
    assert planned.place.anchored and planned.place.source_start == text.rindex("Moss")


def test_a_moved_claim_keeps_the_new_texts_words_around_it() -> None:
    text = "Harbour works halted. The agency said 14 shells were found on the seabed. Divers left."
    claim = place(text, "14 shells were found on the seabed.")
    new = text.replace("Harbour works halted. The agency said", "Works stopped; officials said").replace(
        "Divers left.", "Navy divers stayed."
    )
    (planned,) = replan(text, new, [claim])
    start = new.index("14 shells")
    expected = describe_quote(new, start, start + len(claim.exact))
    assert (planned.place.prefix, planned.place.suffix) == (expected.prefix, expected.suffix)
    assert (planned.place.prefix, planned.place.suffix) != (claim.prefix, claim.suffix)


def test_a_repeated_sentence_is_told_apart_by_its_context_not_by_where_it_was() -> None:
    """Text added in front brings the first of two identical sentences to where the claimed (second)
    one was; its context (the words after it, here, as the words before are the same) decides."""
    lead = "The navy searched the harbour at dawn: "
    text = f"{lead}Nothing was found. Divers left. {lead}Nothing was found. Police left."
    first, second = text.index("Nothing was found."), text.rindex("Nothing was found.")
    claim = Placement(second, second + 18, *_quote(text, second, second + 18))
    new = "Correction: " + "x" * (second - first - 12) + " " + text
    (planned,) = replan(text, new, [claim])
    assert planned.place.start == new.rindex("Nothing was found.")


def test_the_words_before_a_repeated_sentence_tell_it_apart_too() -> None:
    text = "Divers returned. Nothing was found. Later, the navy searched the quay. Nothing was found."
    first, second = text.index("Nothing was found."), text.rindex("Nothing was found.")
    claim = Placement(second, second + 18, *_quote(text, second, second + 18))
    new = "x" * (second - first) + " " + text
    (planned,) = replan(text, new, [claim])
    assert planned.place.start == new.rindex("Nothing was found.")


def _quote(text: str, start: int, end: int) -> tuple[str, str, str]:
    quote = describe_quote(text, start, end)
    return quote.exact, quote.prefix, quote.suffix
