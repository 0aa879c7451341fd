"""Where claims go when an article's text changes (app/domain/replan.py), on our own sentences."""

from __future__ import annotations

from app.domain.anchoring import describe_quote
from app.domain.replan import Placement, replan

OLD = (
    "Harbour works halted.\n\n"
    "The port authority said 14 shells were found on the seabed.\n\n"
    "Divers were seen in the area for weeks."
)
CLAIM = "The port authority said 14 shells were found on the seabed."


def place(text: str, exact: str, **extra: object) -> Placement:
    start = text.index(exact)
    quote = describe_quote(text, start, start + len(exact))
    return Placement(start, start + len(exact), quote.exact, quote.prefix, quote.suffix, **extra)  # type: ignore[arg-type]


def test_the_same_text_leaves_every_claim_unchanged() -> None:
    (planned,) = replan(OLD, OLD, [place(OLD, CLAIM)])
    assert planned.outcome == "unchanged" and planned.place == place(OLD, CLAIM)


def test_text_added_before_moves_the_claim() -> None:
    new = "Update: new details below.\n\n" + OLD
    (planned,) = replan(OLD, new, [place(OLD, CLAIM)])
    assert planned.outcome == "moved"
    assert new[planned.place.start : planned.place.end] == CLAIM


def test_text_laid_out_again_only_moves_a_claim() -> None:
    new = OLD.replace("said 14 shells", "said 14\nshells")
    (planned,) = replan(OLD, new, [place(OLD, CLAIM)])
    assert planned.outcome == "moved" and planned.place.previous_exact is None


def test_reworded_keeps_the_first_wording_until_the_text_comes_back_to_it() -> None:
    new = OLD.replace("14 shells", "4 shells")
    (planned,) = replan(OLD, new, [place(OLD, CLAIM)])
    assert planned.outcome == "changed"
    assert planned.place.previous_exact == CLAIM
    assert new[planned.place.start : planned.place.end] == planned.place.exact
    (again,) = replan(new, new.replace("4 shells", "40 shells"), [planned.place])
    assert again.outcome == "changed" and again.place.previous_exact == CLAIM, "the first wording stays"
    (back,) = replan(new, OLD, [planned.place])
    assert back.outcome == "changed" and back.place.previous_exact is None


def test_a_claim_gone_is_an_orphan_clamped_into_the_text() -> None:
    new = "Harbour works halted."
    at = OLD.index("The port")
    claim = place(OLD, CLAIM, source="The port authority", source_start=at, source_end=at + 18)
    (planned,) = replan(OLD, new, [claim])
    assert planned.outcome == "orphaned" and not planned.place.anchored
    assert planned.place.start <= planned.place.end <= len(new)
    assert (planned.place.source_start, planned.place.source_end) == (None, None)
    assert planned.place.exact == CLAIM and planned.place.source == "The port authority", "kept as it was"


def test_an_orphan_found_again_is_anchored_and_finds_its_source_again() -> None:
    orphan = Placement(0, 0, CLAIM, "", "", anchored=False, source="The port authority")
    (planned,) = replan("", OLD, [orphan])
    assert planned.outcome == "moved" and planned.place.anchored
    start = planned.place.source_start
    assert start is not None and OLD[start : planned.place.source_end] == "The port authority"


def test_the_source_span_follows_its_claim_or_the_nearest_occurrence() -> None:
    text = "Officials spoke. " + OLD.replace("The port authority said", "Said the port authority,")
    exact = "14 shells were found on the seabed."
    name_at = text.index("the port authority")
    claim = place(text, exact, source="the port authority", source_start=name_at, source_end=name_at + 18)
    shifted = "More: " + text
    (planned,) = replan(text, shifted, [claim])
    assert (planned.place.source_start, planned.place.source_end) == (name_at + 6, name_at + 24)
    renamed = shifted.replace("Said the port authority,", "Said the port authority (PA),")
    (near,) = replan(text, renamed, [claim])
    assert near.place.source_start is not None
    assert renamed[near.place.source_start : near.place.source_end] == "the port authority"
    gone = shifted.replace("Said the port authority,", "Said someone,")
    (lost,) = replan(text, gone, [claim])
    assert (lost.place.source_start, lost.place.source_end) == (None, None)
    assert lost.place.source == "the port authority", "the name is kept"


def test_a_typed_source_with_no_span_is_left_as_it_is() -> None:
    claim = place(OLD, CLAIM, source="A harbour pilot")
    (planned,) = replan(OLD, "Intro.\n\n" + OLD, [claim])
    assert (planned.place.source, planned.place.source_start, planned.place.source_end) == (
        "A harbour pilot",
        None,
        None,
    )
