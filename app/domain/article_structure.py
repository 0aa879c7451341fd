"""Which paragraphs of an article's plain text are headings, list items or quotes, read from its html.

Importers store two copies written from the same paragraphs: the plain text (claims are offsets
into it) and a sanitised html for display. The reader shows the plain text, so its structure is
read back here and applied as formats only. The two are matched paragraph by paragraph on their
words (white space collapsed); at the first disagreement the answer is None and the article is
shown plain: a wrong heading would be worse than none.

Two importer habits are matched too, both still word for word: Markdown writes a list or a table
as one paragraph of lines ("• item", "a | b"), one line per html block; and a block holding a
double line break (<br><br>, a code block with blank lines) is several paragraphs of the text.

Pure: no Qt, only the standard library's html.parser, which is why the reader imports this module
only when an article has html (it is not needed for the first paint of a plain-text article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["KINDS", "StructuredBlock", "article_structure", "text_paragraphs"]

KINDS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "li", "quote", "p"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_LISTS = frozenset(("ul", "ol"))
# Tags that start or end a paragraph of their own; anything else (a, em, span...) is inline.
_BLOCK_TAGS = _HEADINGS | _LISTS | {"p", "li", "blockquote", "div", "pre", "table", "tr", "hr", "section"}
_BLOCK_TAGS |= {"article", "main", "body", "html", "dl", "dt", "dd", "figure", "figcaption", "thead"}
_BLOCK_TAGS |= {"tbody", "tfoot", "details", "summary", "address", "center", "fieldset", "legend"}
_CELLS = frozenset(("td", "th"))
_VOID = frozenset(("br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"))
_SPACES = re.compile(r"\s+")
# The marker Markdown's importer writes before a list item's words: "• ", "3. ", "2) ", indented.
_TEXT_MARKER = re.compile(r"\s*(?:[•◦▪‣⁃-]|\d{1,9}[.)])\s+")
_BULLETS = ("•", "◦", "▪")
_MAX_OPEN = 200  # blocks nested deeper than any importer writes: not an article's html, show it plain


@dataclass(frozen=True, slots=True)
class StructuredBlock:
    """A paragraph (or one line of a Markdown list) of the text: [start, end) in code points.

    `depth` counts the lists (for "li") or quotes (for "quote") around it, 1 for the outermost.
    `marker` is what a list item's first line should show in the margin ("•", "3."); "" when the
    text already starts with its own marker (`own_marker` code points of it, indent included), or
    for an item's second paragraph.
    """

    start: int
    end: int
    kind: str
    depth: int = 0
    marker: str = ""
    own_marker: int = 0


@dataclass(slots=True)
class _HtmlBlock:
    kind: str
    depth: int
    marker: str
    words: str  # white space collapsed


def text_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines, in code points; the line ends between them excluded."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    position = 0
    for line in text.split("\n"):
        line_end = position + len(line)
        if line.strip():
            if start is None:
                start = position
            end = line_end
        elif start is not None:
            spans.append((start, end))
            start = None
        position = line_end + 1
    if start is not None:
        spans.append((start, end))
    return spans


def article_structure(text: str, html: str | None) -> tuple[StructuredBlock, ...] | None:
    """The kind of every paragraph of `text`, read from `html`; None if the two do not match word for word."""
    if not html or not text:
        return None
    try:
        blocks = _html_blocks(html)
    except Exception:  # _TooDeep, or html.parser's AssertionError on odd declarations: show it plain
        return None
    return _match(text, text_paragraphs(text), blocks)


def _words(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _match(
    text: str, paragraphs: list[tuple[int, int]], blocks: list[_HtmlBlock]
) -> tuple[StructuredBlock, ...] | None:
    """Walk both in step; each paragraph is one block, several lines of blocks, or part of one block."""
    out: list[StructuredBlock] = []
    i = j = 0
    while i < len(paragraphs) and j < len(blocks):
        start, end = paragraphs[i]
        words, block = _words(text[start:end]), blocks[j]
        if words == block.words:
            out.append(StructuredBlock(start, end, block.kind, block.depth, block.marker))
            i, j = i + 1, j + 1
        elif block.words.startswith(words + " "):  # one block spread over several paragraphs
            taken = _spread(text, paragraphs, i, block)
            if taken is None:
                return None
            out.extend(taken)
            i, j = i + len(taken), j + 1
        else:  # several blocks written as the lines of one paragraph
            lines = _lines(text, start, end, blocks, j)
            if lines is None:
                return None
            out.extend(lines)
            i, j = i + 1, j + len(lines)
    return tuple(out) if i == len(paragraphs) and j == len(blocks) and out else None


def _spread(
    text: str, paragraphs: list[tuple[int, int]], first: int, block: _HtmlBlock
) -> list[StructuredBlock] | None:
    """The paragraphs from `first` whose words, one space between each, are the block's words."""
    taken: list[StructuredBlock] = []
    matched = 0  # how much of the block's words the paragraphs taken so far cover
    for start, end in paragraphs[first:]:
        words = _words(text[start:end])
        if not block.words.startswith(words, matched):
            return None
        taken.append(StructuredBlock(start, end, block.kind, block.depth, block.marker if not taken else ""))
        matched += len(words)
        if matched == len(block.words):
            return taken
        if block.words[matched] != " ":
            return None
        matched += 1
    return None


def _lines(
    text: str, start: int, end: int, blocks: list[_HtmlBlock], first: int
) -> list[StructuredBlock] | None:
    """A Markdown list or table: each line of the paragraph is the next block (list markers aside)."""
    lines: list[StructuredBlock] = []
    position = start
    for line in text[start:end].split("\n"):
        line_start, position = position, position + len(line) + 1
        if first + len(lines) >= len(blocks):
            return None
        block = blocks[first + len(lines)]
        words = _words(line)
        marker, own_marker = block.marker, 0
        if words != block.words and block.kind == "li":
            found = _TEXT_MARKER.match(line)
            if found is not None and _words(line[found.end() :]) == block.words:
                words, marker, own_marker = block.words, "", found.end()  # the text shows its own marker
        if words != block.words:
            return None
        lines.append(
            StructuredBlock(line_start, line_start + len(line), block.kind, block.depth, marker, own_marker)
        )
    # one line that is not its block word for word is a list item showing its own marker ("• item")
    return lines or None


def _html_blocks(html: str) -> list[_HtmlBlock]:
    reader = _BlockReader()
    reader.feed(html)
    reader.close()
    reader.end_block()
    return reader.blocks


class _TooDeep(ValueError):
    """Nesting past `_MAX_OPEN`: each paragraph would cost a walk over every open tag."""


class _BlockReader(HTMLParser):
    """The display html as a list of paragraphs with their kinds; empty paragraphs left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_HtmlBlock] = []
        self._open: list[str] = []  # the block-level tags open around the current text
        self._items: list[int] = []  # the number of the next item of each open list
        self._pieces: list[str] = []
        self._item_started = False  # the next block is the first of a list item: it gets the marker
        self._marker = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._pieces.append("\n")
        elif tag in _CELLS:
            if "".join(self._pieces).strip():  # a cell after the first of its row
                self._pieces.append(" | ")
        elif tag in _BLOCK_TAGS:
            self.end_block()
            if tag in _LISTS:
                self._items.append(_list_start(attrs) if tag == "ol" else -1)
            elif tag == "li":
                self._marker = self._next_marker()
                self._item_started = True
            if tag not in _VOID:
                self._open.append(tag)
                if len(self._open) > _MAX_OPEN:
                    raise _TooDeep(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and tag in _BLOCK_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _BLOCK_TAGS or tag in _VOID or tag not in self._open:
            return  # a stray end tag closes nothing
        self.end_block()
        while self._open:
            closed = self._open.pop()
            if closed in _LISTS and self._items:
                self._items.pop()
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        self._pieces.append(data)

    def _next_marker(self) -> str:
        if not self._items:
            return _BULLETS[0]
        number = self._items[-1]
        if number < 0:
            return _BULLETS[min(len(self._items), len(_BULLETS)) - 1]
        self._items[-1] = number + 1
        return f"{number}."

    def end_block(self) -> None:
        words = _words("".join(self._pieces))
        self._pieces = []
        if not words:
            return
        kind, depth = self._kind()
        marker = self._marker if kind == "li" and self._item_started else ""
        if kind == "li":
            self._item_started = False
        self.blocks.append(_HtmlBlock(kind, depth, marker, words))

    def _kind(self) -> tuple[str, int]:
        """The innermost heading, else list item, else quote decides; a plain paragraph otherwise."""
        for tag in reversed(self._open):
            if tag in _HEADINGS:
                return tag, 0
        for tag in reversed(self._open):
            if tag == "li":
                return "li", max(1, sum(1 for t in self._open if t in _LISTS))
        quotes = sum(1 for t in self._open if t == "blockquote")
        return ("quote", quotes) if quotes else ("p", 0)


def _list_start(attrs: list[tuple[str, str | None]]) -> int:
    """An ordered list's first number (Markdown writes start="3" for a list that begins at 3)."""
    for name, value in attrs:
        if name == "start" and value is not None and value.strip().isdigit() and len(value.strip()) < 9:
            return int(value.strip())
    return 1
