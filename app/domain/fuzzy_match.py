"""Approximate string search: where does a pattern occur in a text with at most k edits?

Myers' bit-parallel edit distance (1999) with Python integers as bit vectors, two ways round:

- pattern bits, one step per text character: the classic form, for short stretches of text (a
  window around where a quote is expected) and for aligning a quote's ends;
- text bits, one step per pattern character ("transposed"): the same recurrence with the roles of
  the two strings swapped, so a 150-character quote costs 150 steps over one big integer instead
  of 125,000 steps over a small one: 3 ms instead of 80 on a 20,000-word article, once the
  article's character masks are built (40 ms, once per text). That is what a quote that moved
  far, or vanished, needs.

Both compute Sellers' search: the distance of the pattern to the best substring ending at each
position of the text.
"""

from __future__ import annotations

from typing import NamedTuple

_CHUNK_BYTES = 8  # 64 text positions at a time when reading the transposed result


class Match(NamedTuple):
    start: int
    end: int
    errors: int


def myers_distances(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Item n is the edit distance of `pattern` to a piece of text ending at n.

    Anchored: the piece is text[:n]. Otherwise the best text[i:n] for any i (Sellers' search).
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


def prefix_distances(pattern: str, text: str) -> list[int]:
    """Edit distance of `pattern` to text[:n], for every n from 0 to len(text)."""
    return myers_distances(pattern, text, anchored=True)


def edit_distance(a: str, b: str) -> int:
    return prefix_distances(a, b)[-1]


class TextMasks:
    """Where each character occurs in one text, as an integer whose bit i stands for text[i].

    Built lazily, one character at a time, and shared by every search in the same text (re-anchoring
    300 claims builds each mask once).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.full = (1 << len(text)) - 1
        self._masks: dict[str, int] = {}

    def mask(self, char: str) -> int:
        found = self._masks.get(char)
        if found is None:
            found = self._masks[char] = self._build(char)
        return found

    def _build(self, char: str) -> int:
        size = len(self.text)
        digits = bytearray(b"0") * size  # most significant first: text[i] is digit size - 1 - i
        at = self.text.find(char)
        while at != -1:
            digits[size - 1 - at] = 0x31
            at = self.text.find(char, at + 1)
        return int(digits, 2) if size else 0


def search(pattern: str, text: str, max_errors: int, masks: TextMasks | None = None) -> list[Match]:
    """Approximate occurrences of `pattern` in the whole text, fewest errors first.

    One match per cluster of neighbouring ends (the best of them), its start aligned backwards
    (see `_with_starts` for how ties are broken).
    """
    if not pattern or not text:
        return []
    masks = masks if masks is not None and masks.text is text else TextMasks(text)
    ends = _local_minima(_transposed_ends(pattern, masks, max_errors))
    return _with_starts(pattern, text, ends, max_errors, offset=0)


def search_window(pattern: str, text: str, max_errors: int, lo: int, hi: int) -> list[Match]:
    """Like `search`, in text[lo:hi] only (offsets stay those of the whole text)."""
    lo, hi = max(0, lo), min(len(text), hi)
    if not pattern or lo >= hi:
        return []
    window = text[lo:hi]
    scores = myers_distances(pattern, window, anchored=False)
    ends = _local_minima([(n, e) for n, e in enumerate(scores) if n and e <= max_errors])
    return _with_starts(pattern, window, ends, max_errors, offset=lo)


def _transposed_ends(pattern: str, masks: TextMasks, max_errors: int) -> list[tuple[int, int]]:
    """(end, errors) for every end whose best substring is within `max_errors` of the pattern.

    The text is the bit vector: row 0 (the empty pattern) is all zeros, so both vertical delta
    vectors start empty, and the column of the empty text grows by one per pattern character,
    which is the carry of 1 shifted in at each step. What is left at the end are the horizontal
    deltas of the last row: D[m][n] - D[m][n-1] for every n.
    """
    full = masks.full
    positive = negative = 0
    for char in pattern:  # bits above the text's length carry garbage upwards only: masked once, at the end
        eq = masks.mask(char)
        xv = eq | negative
        xh = (((eq & positive) + positive) ^ positive) | eq
        ph = (((negative | ((xh | positive) ^ full)) << 1) | 1) & full
        positive = ((positive & xh) << 1) | ((xv | ph) ^ full)
        negative = ph & xv
    return _ends_from_deltas(len(pattern), positive & full, negative, len(masks.text), max_errors)


def _ends_from_deltas(start: int, up: int, down: int, size: int, max_errors: int) -> list[tuple[int, int]]:
    """Walk the running sum start + ups - downs, chunk by chunk, reading bits only where it may dip
    to `max_errors` (a chunk can fall at most by its number of downs)."""
    length = (size + 7) // 8
    ups, downs = up.to_bytes(length, "little"), down.to_bytes(length, "little")
    score, found = start, []
    for offset in range(0, length, _CHUNK_BYTES):
        chunk_up = int.from_bytes(ups[offset : offset + _CHUNK_BYTES], "little")
        chunk_down = int.from_bytes(downs[offset : offset + _CHUNK_BYTES], "little")
        if score - chunk_down.bit_count() > max_errors:
            score += chunk_up.bit_count() - chunk_down.bit_count()
            continue
        base = offset * 8
        for bit in range(min(_CHUNK_BYTES * 8, size - base)):
            score += ((chunk_up >> bit) & 1) - ((chunk_down >> bit) & 1)
            if score <= max_errors:
                found.append((base + bit + 1, score))
    return found


def _local_minima(found: list[tuple[int, int]]) -> list[tuple[int, list[int]]]:
    """One entry per run of neighbouring ends: its fewest errors and every end that has them."""
    runs: list[tuple[int, list[int]]] = []
    last = -1
    for end, errors in found:
        if runs and end - last <= 1 + runs[-1][0]:
            if errors < runs[-1][0]:
                runs[-1] = (errors, [end])
            elif errors == runs[-1][0]:
                runs[-1][1].append(end)
        else:
            runs.append((errors, [end]))
        last = end
    return runs


def _with_starts(
    pattern: str, text: str, runs: list[tuple[int, list[int]]], max_errors: int, *, offset: int
) -> list[Match]:
    """The best few runs, each as the span that aligns the pattern best (aligned backwards).

    Where edits leave a choice ("remembr" is "rememb" or "remember", one edit each), a span that
    starts and ends on word boundaries wins, then the one closest to the pattern's length.
    """
    runs = sorted(runs, key=lambda run: (run[0], run[1][0]))[:8]
    reversed_pattern = pattern[::-1]
    matches = []
    for errors, ends in runs:
        options = []
        for end in ends:
            window_start = max(0, end - len(pattern) - max_errors)
            backwards = prefix_distances(reversed_pattern, text[window_start:end][::-1])
            for length, cost in enumerate(backwards):
                if cost <= errors:
                    start = end - length
                    rank = (cost, -_on_boundaries(text, start, end), abs(length - len(pattern)))
                    options.append((rank, start, end, cost))
        if options:
            _, start, end, cost = min(options)
            matches.append(Match(offset + start, offset + end, max(errors, cost)))
    return matches


def _on_boundaries(text: str, start: int, end: int) -> int:
    """How many of the span's two ends fall between words rather than inside one."""
    return sum(
        at in (0, len(text)) or not (text[at - 1].isalnum() and text[at].isalnum()) for at in (start, end)
    )
