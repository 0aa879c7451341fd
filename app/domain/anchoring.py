"""Text anchoring: describe a span as a quote with context, and find it again in a text.

A span is described the way the W3C TextQuoteSelector does (exact text, a little prefix and suffix)
and by position (TextPositionSelector, in code points: Python's own string indices). Finding it
again must survive small edits of the text, so matching is exact first and approximate after:
Myers' bit-parallel edit distance (1999), with Python integers as bit vectors, keeps the fuzzy
search linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32  # characters of prefix and suffix, as Claimdesk stores them with every claim
MIN_SIMILARITY = 0.75  # a fuzzy match must keep three quarters of the quote
_QUOTE_WEIGHT, _CONTEXT_WEIGHT, _POSITION_WEIGHT = 50.0, 20.0, 2.0  # quote first, then context


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


def match_quote(text: str, quote: TextQuote, hint: int | None = None) -> tuple[int, int] | None:
    """Where the quote is in `text`, or None when nothing is similar enough.

    Exact occurrences win over approximate ones; among several, the context (prefix, suffix,
    compared approximately) decides, then the distance from `hint`, an expected start.
    """
    strict = exact_matches(text, quote)
    if len(strict) == 1:
        return strict[0]
    if strict:
        return min(strict, key=lambda span: (_distance_from(span[0], hint), span[0]))
    if not quote.exact:
        return None
    candidates = [(at, at + len(quote.exact), 0) for at in _occurrences(text, quote.exact)]
    if not candidates:
        candidates = _approximate(text, quote.exact)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: _score(text, quote, c, hint))
    return best[0], best[1]


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
    return 1.0 if longest == 0 else 1.0 - _levenshtein(a, b) / longest


def _distance_from(start: int, hint: int | None) -> int:
    return 0 if hint is None else abs(start - hint)


def _occurrences(text: str, exact: str) -> list[int]:
    found = []
    at = text.find(exact)
    while at != -1:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _score(text: str, quote: TextQuote, candidate: tuple[int, int, int], hint: int | None) -> float:
    start, end, errors = candidate
    score = _QUOTE_WEIGHT * (1.0 - errors / max(1, len(quote.exact)))
    if quote.prefix:
        score += _CONTEXT_WEIGHT * _context_similarity(quote.prefix, text[:start], before=True)
    if quote.suffix:
        score += _CONTEXT_WEIGHT * _context_similarity(quote.suffix, text[end:], before=False)
    if hint is not None and text:
        score += _POSITION_WEIGHT * (1.0 - min(1.0, abs(start - hint) / len(text)))
    return score


def _context_similarity(context: str, side: str, *, before: bool) -> float:
    """How well `context` fits right against the span: best alignment, gaps in the text allowed."""
    slack = len(context) // 2 + 1
    if before:
        window, pattern = side[-(len(context) + slack) :][::-1], context[::-1]
    else:
        window, pattern = side[: len(context) + slack], context
    errors = min(_prefix_distances(pattern, window))
    return max(0.0, 1.0 - errors / len(pattern))


def _approximate(text: str, exact: str) -> list[tuple[int, int, int]]:
    """Spans within MIN_SIMILARITY of `exact`: (start, end, errors), the best first."""
    max_errors = int(len(exact) * (1.0 - MIN_SIMILARITY))
    ends = _search_ends(exact, text, max_errors)
    ends.sort(key=lambda item: (item[1], item[0]))
    spans: list[tuple[int, int, int]] = []
    for end, errors in ends[:8]:
        window_start = max(0, end - len(exact) - max_errors)
        backwards = _prefix_distances(exact[::-1], text[window_start:end][::-1])
        length = min(range(len(backwards)), key=lambda n: (backwards[n], abs(n - len(exact))))
        spans.append((end - length, end, max(errors, backwards[length])))
    return spans


def _search_ends(pattern: str, text: str, max_errors: int) -> list[tuple[int, int]]:
    """(end, errors) for each local best end of an approximate occurrence of `pattern`."""
    scores = _myers(pattern, text, anchored=False)
    return _local_minima([(n, e) for n, e in enumerate(scores) if n and e <= max_errors])


def _local_minima(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep one end per run of neighbouring ends: the one with the fewest errors."""
    best: list[tuple[int, int]] = []
    for end, errors in found:
        if best and end - best[-1][0] <= 1 + best[-1][1]:
            if errors < best[-1][1]:
                best[-1] = (end, errors)
            continue
        best.append((end, errors))
    return best


def _prefix_distances(pattern: str, text: str) -> list[int]:
    """Edit distance of `pattern` to text[:n], for every n from 0 to len(text)."""
    return _myers(pattern, text, anchored=True)


def _myers(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Myers' bit-vector edit distance; item n is for the text up to n.

    Anchored: the distance of `pattern` to text[:n]. Otherwise the best distance of `pattern` to
    any text[i:n], which finds approximate occurrences (Sellers' search).
    """
    size = len(pattern)
    if size == 0:
        return list(range(len(text) + 1)) if anchored else [0] * (len(text) + 1)
    full = (1 << size) - 1
    high = 1 << (size - 1)
    carry = 1 if anchored else 0
    masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << i)
    positive, negative, score = full, 0, size
    scores = [size]
    for char in text:
        eq = masks.get(char, 0)
        xv = eq | negative
        xh = (((eq & positive) + positive) ^ positive) | eq
        ph = (negative | ~(xh | positive)) & full
        mh = positive & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        positive = (mh | ~(xv | ph)) & full
        negative = ph & xv
        scores.append(score)
    return scores


def _levenshtein(a: str, b: str) -> int:
    return _prefix_distances(a, b)[-1]
