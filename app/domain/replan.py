"""Where each claim goes when its article's text changes: found again, reworded, or orphaned.

Pure decisions over plain data: `replan` takes the old text, the new text and each claim's place
(quote, offsets, source span) and says where it goes and what changed. Storage applies them to
the stored claims (app/services/versions.py); nothing here knows about a database.

A claim found again keeps everything a journalist did; if its words changed, the wording it had
first is kept (`previous_exact`) until the text comes back to it. Only a change of words is a
change of wording: text laid out again (line breaks, double spaces) only moves the claim. A claim
not found becomes an orphan: kept, its quote kept, its offsets only clamped into the new text,
and looked for again in the next version. A claim's source span follows it: shifted if the name is
still there, else the nearest occurrence of the name, else none (the name itself is kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from app.domain.anchoring import TextQuote, describe_quote, nearest_occurrence, reanchor

SOURCE_SEARCH_RADIUS = 400  # how far from its claim a source's name may be found again
Outcome = Literal["unchanged", "moved", "changed", "orphaned"]


@dataclass(frozen=True, slots=True)
class Placement:
    """A claim's place in a text, and what re-anchoring may change about it."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    anchored: bool = True
    previous_exact: str | None = None  # the wording the journalist first worked on, if reworded
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None

    @property
    def quote(self) -> TextQuote:
        return TextQuote(self.exact, self.prefix, self.suffix)


@dataclass(frozen=True, slots=True)
class Replanned:
    outcome: Outcome
    place: Placement


def replan(old_text: str, new_text: str, places: Sequence[Placement]) -> list[Replanned]:
    """Each claim's place in `new_text`, in the order given."""
    spans = reanchor(new_text, [(p.quote, p.start) for p in places], old_text)
    return [
        _orphan(place, new_text) if span is None else _move(place, old_text, new_text, span)
        for place, span in zip(places, spans, strict=True)
    ]


def _move(place: Placement, old_text: str, text: str, span: tuple[int, int]) -> Replanned:
    start, end = span
    quote = describe_quote(text, start, end)
    previous = place.previous_exact
    outcome: Outcome
    if quote.exact.split() != place.exact.split():
        outcome = "changed"
        if previous is None:
            previous = place.exact
        elif previous == quote.exact:
            previous = None  # back to the first wording: nothing to show any more
    elif (start, end) != (place.start, place.end) or quote.exact != place.exact or not place.anchored:
        outcome = "moved"
    else:
        outcome = "unchanged"
    source_start, source_end = _source_span(place, old_text, text, start - place.start)
    moved = replace(
        place, start=start, end=end, exact=quote.exact, prefix=quote.prefix, suffix=quote.suffix,
        anchored=True, previous_exact=previous, source_start=source_start, source_end=source_end,
    )  # fmt: skip
    return Replanned(outcome, moved)


def _orphan(place: Placement, text: str) -> Replanned:
    start = min(place.start, len(text))
    end = min(max(place.end, start), len(text))
    orphan = replace(place, start=start, end=end, anchored=False, source_start=None, source_end=None)
    return Replanned("orphaned", orphan)


def _source_span(place: Placement, old_text: str, text: str, shift: int) -> tuple[int | None, int | None]:
    """Where the source's name is in the new text, near its claim moved by `shift`."""
    if not place.source:
        return place.source_start, place.source_end
    if place.source_start is None or place.source_end is None:
        if place.anchored:
            return place.source_start, place.source_end  # no span (typed by a journalist): kept
        name, hint = place.source, place.start + shift  # an orphan found again: look near it
    else:
        name = old_text[place.source_start : place.source_end] or place.source
        hint = place.source_start + shift
        if text[hint : hint + len(name)] == name:
            return hint, hint + len(name)
    best = nearest_occurrence(text, name, place.start + shift, place.end + shift, SOURCE_SEARCH_RADIUS, hint)
    return (best, best + len(name)) if best is not None else (None, None)
