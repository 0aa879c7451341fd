"""Text anchoring: describe a span as a quote with context, and find it again in a text.

A span is described the way the W3C TextQuoteSelector does (exact text, a little prefix and suffix)
and by position (TextPositionSelector, in code points: Python's own string indices). Finding it
again must survive edits of the text, as Hypothesis's client does it: exact first, then an
approximate search for the quote with an error budget proportional to its length (Myers'
bit-parallel algorithm, in fuzzy_match.py), the candidates ranked by how similar the quote, its
prefix and its suffix are, then by how close they are to where the quote was expected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.domain.fuzzy_match import Match, TextMasks, edit_distance, prefix_distances, search, search_window

CONTEXT = 32  # characters of prefix and suffix, as Claimdesk stores them with every claim
MIN_SIMILARITY = 0.75  # a fuzzy match must keep three quarters of the quote
_QUOTE_WEIGHT, _CONTEXT_WEIGHT, _POSITION_WEIGHT = 50.0, 20.0, 2.0  # quote first, then context
_WINDOW_SLACK = 256  # characters searched either side of the expected place before the whole text


@dataclass(frozen=True, slots=True)
class TextQuote:
    exact: str
    prefix: str = ""
    suffix: str = ""


def describe_quote(text: str, start: int, end: int, context: int = CONTEXT) -> TextQuote:
    """The quote of text[start:end] with up to `context` characters either side."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} characters")
    return TextQuote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def exact_matches(text: str, quote: TextQuote) -> list[tuple[int, int]]:
    """Every span (overlapping ones too) whose text and context equal the quote's exactly."""
    spans = []
    size = len(quote.exact)
    at = text.find(quote.exact)
    while at != -1:
        end = at + size
        if text.startswith(quote.suffix, end) and text[:at].endswith(quote.prefix):
            spans.append((at, end))
        at = text.find(quote.exact, at + 1)
    return spans


def error_budget(quote_length: int) -> int:
    """How many edits a quote of this length may have and still be the same quote."""
    return int(quote_length * (1.0 - MIN_SIMILARITY))


def match_quote(
    text: str, quote: TextQuote, hint: int | None = None, masks: TextMasks | None = None
) -> tuple[int, int] | None:
    """Where the quote is in `text`, or None when nothing is similar enough.

    Exact occurrences win over approximate ones; among several, the context (prefix, suffix,
    compared approximately) decides, then the distance from `hint`, an expected start. The
    approximate search looks around `hint` first and in the whole text only when that finds
    nothing close; `masks` (of this text) lets many searches in one text share their set-up.
    """
    return _match(text, quote, hint, masks, ())


def _match(
    text: str, quote: TextQuote, hint: int | None, masks: TextMasks | None, rivals: Sequence[TextQuote]
) -> tuple[int, int] | None:
    """match_quote, leaving out every place whose context fits one of `rivals` (the same words
    elsewhere in the old text) better than the quote's own."""

    def ours(start: int, end: int) -> bool:
        return not rivals or not _belongs_to_a_rival(text, quote, start, end, rivals)

    strict = [span for span in exact_matches(text, quote) if ours(*span)]
    if len(strict) == 1:
        return strict[0]
    if strict:
        return min(strict, key=lambda span: (_distance_from(span[0], hint), span[0]))
    if not quote.exact:
        return None
    size = len(quote.exact)
    candidates = [Match(at, at + size, 0) for at in _occurrences(text, quote.exact) if ours(at, at + size)]
    if not candidates:
        candidates = _approximate(text, quote, hint, masks, ours)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: _score(text, quote, c, hint))
    return best.start, best.end


def anchor(
    text: str, quote: TextQuote, start: int | None = None, end: int | None = None
) -> tuple[int, int] | None:
    """The span a quote and position selector pair name: the position if its text still agrees."""
    if (
        start is not None
        and end is not None
        and 0 <= start <= end <= len(text)
        and text[start:end] == quote.exact
    ):
        return start, end
    return match_quote(text, quote, hint=start)


def reanchor(
    text: str, targets: Sequence[tuple[TextQuote, int]], old_text: str | None = None
) -> list[tuple[int, int] | None]:
    """Where each (quote, old start) is in a new version of its text; None for those gone.

    Taken in the order of the old starts, each quote is expected where the previous one found
    moved it (an insertion shifts everything after it), which keeps the fuzzy search local.
    Words repeated in the article are as many occurrences, each with its own context: a place
    whose context fits another occurrence (another claim's quote, or another place of the words
    in `old_text`, the text the old starts are in) better than the claim's own is that one's, so
    the claim of a deleted repeat is orphaned rather than moved onto the repeat that is left.
    """
    masks = TextMasks(text)
    rivals = _rivals(targets, old_text)
    found: list[tuple[int, int] | None] = [None] * len(targets)
    shift = 0
    for index in sorted(range(len(targets)), key=lambda i: targets[i][1]):
        quote, old_start = targets[index]
        hint = max(0, min(len(text), old_start + shift))
        span = _match(text, quote, hint, masks, rivals[index])
        if span is not None:
            shift = span[0] - old_start
        found[index] = span
    return found


def _rivals(targets: Sequence[tuple[TextQuote, int]], old_text: str | None) -> list[tuple[TextQuote, ...]]:
    """For each target, the other occurrences of its words: other claims' quotes of the same words
    with another context, and the words' other places in the old text."""
    same_words: dict[str, set[TextQuote]] = {}
    for quote, _ in targets:
        if quote.exact:
            same_words.setdefault(quote.exact, set()).add(quote)
    if old_text is not None:
        for exact, quotes in same_words.items():
            quotes.update(
                describe_quote(old_text, at, at + len(exact)) for at in _occurrences(old_text, exact)
            )
    return [tuple(q for q in same_words.get(quote.exact, ()) if q != quote) for quote, _ in targets]


def _belongs_to_a_rival(
    text: str, quote: TextQuote, start: int, end: int, rivals: Sequence[TextQuote]
) -> bool:
    own = _context_fit(text, quote, start, end)
    return any(_context_fit(text, rival, start, end) > own for rival in rivals)


def _context_fit(text: str, quote: TextQuote, start: int, end: int) -> float:
    """How well the quote's prefix and suffix fit around text[start:end], 0 to 2; an empty side
    (a quote at an edge of its text) fits only an edge."""
    before = _prefix_similarity(text, quote.prefix, start) if quote.prefix else float(start == 0)
    after = _suffix_similarity(text, quote.suffix, end) if quote.suffix else float(end == len(text))
    return before + after


def utf16_to_codepoint(text: str, offset: int) -> int:
    """A UTF-16 offset (browsers, Hypothesis) as a code point index; mid-pair rounds down."""
    units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if units + width > offset:
            return index
        units += width
    return len(text)


def codepoint_to_utf16(text: str, index: int) -> int:
    """A code point index as a UTF-16 offset: astral characters count twice."""
    head = text[: max(0, index)]
    return len(head) + sum(1 for char in head if ord(char) > 0xFFFF)


def similarity(a: str, b: str) -> float:
    """1 for equal strings, falling to 0 as the edit distance reaches the longer length."""
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1.0 - edit_distance(a, b) / longest


def nearest_occurrence(text: str, name: str, start: int, end: int, radius: int, hint: int) -> int | None:
    """Where `name` occurs within `radius` characters of [start, end), the occurrence nearest `hint`.

    A claim's source is found this way after its span or its name changes."""
    low = max(0, start - radius)
    hits = [low + at for at in _occurrences(text[low : end + radius], name)]
    return min(hits, key=lambda hit: abs(hit - hint)) if hits else None


def _distance_from(start: int, hint: int | None) -> int:
    return 0 if hint is None else abs(start - hint)


def _occurrences(text: str, exact: str) -> list[int]:
    found = []
    at = text.find(exact)
    while at != -1:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _approximate(
    text: str,
    quote: TextQuote,
    hint: int | None,
    masks: TextMasks | None,
    keep: Callable[[int, int], bool] = lambda start, end: True,
) -> list[Match]:
    """Spans within the error budget of the quote (those `keep` accepts): near `hint` if a sure one
    is there, else anywhere.

    A match near the expected place is sure when it is close to the quote or its context agrees;
    otherwise it may be a look-alike of a quote that moved far, so the whole text is searched too
    and every candidate competes on score.
    """
    exact = quote.exact
    budget = error_budget(len(exact))
    near: list[Match] = []
    if hint is not None:
        slack = len(exact) + budget + _WINDOW_SLACK
        near = [
            m for m in search_window(exact, text, budget, hint - slack, hint + slack) if keep(m.start, m.end)
        ]
        if any(m.errors * 2 <= budget or _context_agrees(text, quote, m) for m in near):
            return near
    anywhere = [m for m in search(exact, text, budget, masks) if keep(m.start, m.end)]
    return list(dict.fromkeys([*near, *anywhere]))


def _context_agrees(text: str, quote: TextQuote, match: Match) -> bool:
    """Whether the prefix or the suffix of the quote is (almost) right against the match."""
    if quote.prefix and _prefix_similarity(text, quote.prefix, match.start) >= MIN_SIMILARITY:
        return True
    return bool(quote.suffix) and _suffix_similarity(text, quote.suffix, match.end) >= MIN_SIMILARITY


def _score(text: str, quote: TextQuote, candidate: Match, hint: int | None) -> float:
    start, end, errors = candidate
    score = _QUOTE_WEIGHT * (1.0 - errors / max(1, len(quote.exact)))
    if quote.prefix:
        score += _CONTEXT_WEIGHT * _prefix_similarity(text, quote.prefix, start)
    if quote.suffix:
        score += _CONTEXT_WEIGHT * _suffix_similarity(text, quote.suffix, end)
    if hint is not None and text:
        score += _POSITION_WEIGHT * (1.0 - min(1.0, abs(start - hint) / len(text)))
    return score


def _prefix_similarity(text: str, prefix: str, start: int) -> float:
    """How well `prefix` fits right before `start`: best alignment, gaps in the text allowed."""
    window = text[max(0, start - len(prefix) - len(prefix) // 2 - 1) : start]
    errors = min(prefix_distances(prefix[::-1], window[::-1]))
    return max(0.0, 1.0 - errors / len(prefix))


def _suffix_similarity(text: str, suffix: str, end: int) -> float:
    """How well `suffix` fits right after `end`, the same way."""
    errors = min(prefix_distances(suffix, text[end : end + len(suffix) + len(suffix) // 2 + 1]))
    return max(0.0, 1.0 - errors / len(suffix))
