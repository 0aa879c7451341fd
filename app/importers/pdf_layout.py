"""From positioned lines of PDF pages to paragraphs: running headers, page numbers and line breaks.

A PDF keeps no paragraphs, only glyphs at positions; pypdf hands us its text pieces with their
text and page matrices, and the layout tells the rest:

- a line is the text at one baseline (pieces within half a font size of it);
- running headers and footers are lines near the top or bottom of a page that repeat (digits
  ignored: "Page 3 of 9") on half of the pages, or on three (a chapter's header), and on two at
  least; page numbers are edge lines holding only a number ("7", "- 7 -", "Page 7", "7 / 12",
  "iv"), dropped on any page;
- a paragraph ends where the gap to the next line is clearly wider than the document's usual
  line spacing, the font size changes, the next line is indented, or a line ending a sentence is
  clearly shorter than the page's usual line. Across a page break (or a jump up to a new column)
  a paragraph ends only if its last line ends a sentence.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.importers.line_joining import Vocabulary, clean_line, join_lines

__all__ = ["Line", "LineCollector", "drop_running_lines", "paragraphs"]

_EDGE_LINES = 2  # lines at each end of a page that may be a header or a footer
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|seite|página|страница)?\s*[-–—(\[]?\s*(?:\d{1,5}|[ivxlc]{1,7})\s*[-–—)\]]?"
    r"\s*(?:(?:/|of|von|de|из)\s*\d{1,5})?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_WIDER_GAP = 1.35  # a gap this many times the usual line spacing separates paragraphs
_MATRIX = Sequence[float]


@dataclass(slots=True)
class Line:
    text: str
    x: float  # start of the line, page units
    y: float  # baseline, page units (grows upwards, as in PDF)
    size: float  # font size, page units


@dataclass(slots=True)
class LineCollector:
    """pypdf's `visitor_text` callback: gathers one page's pieces of text into positioned lines."""

    lines: list[Line] = field(default_factory=list)
    _parts: list[str] = field(default_factory=list)
    _x: float = 0.0
    _y: float = 0.0
    _size: float = 1.0

    def __call__(self, text: str, cm: _MATRIX, tm: _MATRIX, font: object, size: float) -> None:
        if not text:
            return
        x, y, scaled = _position(cm, tm, size)
        for i, piece in enumerate(text.split("\n")):
            if i and piece.strip():  # a line break inside one piece: the next line, position unknown
                self._end()
            if not piece.strip():
                if self._parts:
                    self._parts.append(piece)
                continue
            if self._parts and abs(y - self._y) > 0.5 * max(scaled, self._size):
                self._end()
            if not self._parts:
                self._x, self._y, self._size = x, y, scaled
            elif not self._parts[-1][-1:].isspace() and not piece[0].isspace() and self._apart(x):
                self._parts.append(" ")  # two pieces on one baseline with a gap between them
            self._parts.append(piece)

    def _apart(self, x: float) -> bool:
        """Whether `x` lies clearly beyond the end of the line so far (glyphs are under 0.6 em)."""
        written = sum(len(part) for part in self._parts)
        return x > self._x + (0.6 * written + 1.0) * self._size

    def finish(self) -> list[Line]:
        self._end()
        lines, self.lines = self.lines, []
        return lines

    def _end(self) -> None:
        text = clean_line("".join(self._parts))
        if text:
            self.lines.append(Line(text, self._x, self._y, self._size))
        self._parts = []


def _position(cm: _MATRIX, tm: _MATRIX, size: float) -> tuple[float, float, float]:
    """Where the text matrix puts the next glyph on the page, and the font size there."""
    try:
        a, b, c, d, e, f = (float(v) for v in cm[:6])
        x = a * tm[4] + c * tm[5] + e
        y = b * tm[4] + d * tm[5] + f
        scale = math.hypot(tm[2] * a + tm[3] * c, tm[2] * b + tm[3] * d)
        scaled = abs(float(size) * scale)
    except (TypeError, ValueError, IndexError):
        return 0.0, 0.0, 1.0
    if not all(math.isfinite(v) for v in (x, y, scaled)):
        return 0.0, 0.0, 1.0
    return x, y, scaled if scaled > 1e-6 else 1.0


def _edges(page: Sequence[Line]) -> list[int]:
    """Indices of the lines that could be a header or footer: the top and bottom ones by position."""
    order = sorted(range(len(page)), key=lambda i: -page[i].y)
    return sorted(set(order[:_EDGE_LINES] + order[-_EDGE_LINES:]))


def _running_key(line: Line) -> tuple[str, int]:
    """A running header is the same text (but for its numbers) at the same height on every page."""
    return _DIGITS.sub("#", line.text.lower()), round(line.y / 4)


def drop_running_lines(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The pages without their running headers, footers and page numbers."""
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen.update({_running_key(page[i]) for i in _edges(page)})
    enough = min(3, max(2, math.ceil(len(pages) / 2)))
    kept: list[list[Line]] = []
    for page in pages:
        edges = set(_edges(page))
        kept.append(
            [
                line
                for i, line in enumerate(page)
                if i not in edges
                or (seen[_running_key(line)] < enough and not _PAGE_NUMBER.fullmatch(line.text))
            ]
        )
    return kept


def paragraphs(pages: Sequence[Sequence[Line]]) -> list[str]:
    """Running text of each paragraph, in reading order (the order of the content streams)."""
    vocabulary = Vocabulary(line.text for page in pages for line in page)
    spacing = _usual_spacing(pages)
    result: list[str] = []
    current: list[str] = []
    previous: Line | None = None
    for page in pages:
        left = statistics.median(line.x for line in page) if page else 0.0
        usual_length = statistics.median(len(line.text) for line in page) if len(page) >= 4 else 0.0
        for index, line in enumerate(page):
            if previous is not None and current:
                new_page = index == 0
                if _breaks(previous, line, new_page, spacing, left, usual_length):
                    result.append(join_lines(current, vocabulary))
                    current = []
            current.append(line.text)
            previous = line
    if current:
        result.append(join_lines(current, vocabulary))
    return [p for p in result if p]


def _usual_spacing(pages: Sequence[Sequence[Line]]) -> float:
    """The distance between baselines inside a paragraph, in font sizes (about 1.2 for most text).

    Not the commonest gap: in a text of two-line paragraphs there are as many gaps between
    paragraphs as inside them. A low percentile is a gap inside a paragraph whenever most
    paragraphs have more than one line.
    """
    gaps = sorted(
        (a.y - b.y) / max(a.size, b.size)
        for page in pages
        for a, b in itertools.pairwise(page)
        if a.y - b.y > 0.2 * max(a.size, b.size)
    )
    return gaps[len(gaps) // 5] if gaps else 0.0


def _breaks(
    previous: Line, line: Line, new_page: bool, spacing: float, left: float, usual_length: float
) -> bool:
    """Whether `line` starts a new paragraph after `previous` (see the module's rules)."""
    ends_sentence = bool(_ENDS_SENTENCE.search(previous.text))
    size = max(previous.size, line.size)
    gap = (previous.y - line.y) / size
    if new_page or gap < -0.5:  # a new page or a new column
        return ends_sentence
    if abs(previous.size - line.size) > 0.15 * size:
        return True
    if spacing and gap > _WIDER_GAP * spacing:
        return True
    if line.x - left > 0.8 * line.size and previous.x - left <= 0.4 * previous.size:
        return True
    return ends_sentence and usual_length > 0 and len(previous.text) < 0.7 * usual_length
