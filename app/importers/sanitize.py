"""The display copy of a web page: a few safe block kinds, rebuilt from scratch, never filtered.

Nothing of the source markup is passed through. A tree (trafilatura's XML or any parsed HTML) is
walked into `Block`s of plain inline runs, and both the article's plain text and its HTML are
written from those same blocks: the text every claim offset refers to and the display copy cannot
drift apart. The HTML holds only h2-h6, p, ul/ol/li, blockquote, a (http, https or mailto href,
never loaded by anyone), em, strong and br; no attribute but href, so no script, style, image,
frame, event handler, CSS or refresh can survive, whatever the page tried.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

__all__ = [
    "Block",
    "Inline",
    "PageTooComplex",
    "blocks_from_tree",
    "blocks_text",
    "parse_html",
    "render_html",
    "safe_url",
    "sanitize_html",
]

# Inline marks, in the order they are nested when written.
EM, STRONG = "em", "strong"
_SAFE_SCHEMES = frozenset(("http", "https", "mailto"))
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML
_SPACES = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ATTRIBUTE_BREAKERS = str.maketrans({'"': "%22", "'": "%27", "<": "%3C", ">": "%3E", "`": "%60"})
_LONG_DATA_URI = re.compile(r"data:[^\s\"'<>()]{1024,}", re.IGNORECASE)  # inline images, fonts


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements whose whole content is dropped: code, styling, embedded or interactive things.
_DROPPED = _names(
    """script style iframe frame frameset object embed applet noscript template svg math canvas
    audio video source track picture img image map area link meta base title input button
    select option textarea dialog portal fencedframe graphic"""
)
# Page furniture: dropped too when a whole page body is walked (not trafilatura's main text).
_FURNITURE = _names("nav header footer aside menu")
_HEADINGS = {f"h{n}": f"h{max(n, 2)}" for n in range(1, 7)}  # h1 is the page's title: shown as h2
_BLOCKS = _names(
    """p div section article main body html center address pre figure figcaption details
    summary dl dt dd fieldset legend hr"""
) | _FURNITURE  # blocks when they are kept (a pasted fragment): their words never run into the next
_LISTS = {"ul": "ul", "ol": "ol", "list": "ul", "dir": "ul"}
_ITEMS = frozenset(("li", "item"))
_QUOTES = frozenset(("blockquote", "quote"))
_TABLES = frozenset(("table", "thead", "tbody", "tfoot"))
_ROWS = frozenset(("tr", "row"))
_CELLS = frozenset(("td", "th", "cell"))
_MARKS = {"em": EM, "i": EM, "cite": EM, "dfn": EM, "var": EM, "strong": STRONG, "b": STRONG}
_BREAKS = frozenset(("br", "lb"))
_REND_MARKS = {"#i": EM, "#b": STRONG}  # trafilatura's <hi rend="..."> (#u, #t, #sub: plain)


class PageTooComplex(ValueError):
    """The parser stopped at one of its safety limits, so only part of the page was read."""


@dataclass(frozen=True, slots=True)
class Inline:
    """A run of text with its marks; `href` is set for link text (already checked by `safe_url`)."""

    text: str
    marks: frozenset[str] = frozenset()
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the article; `kind` is p or h2-h6, `container` ul, ol or blockquote."""

    kind: str
    inlines: tuple[Inline, ...]
    container: str | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.inlines)


def parse_html(markup: str) -> Any:
    """Parse markup without the network, external entities, comments or processing instructions.

    libxml2's HTML parser never loads a DTD or an external entity (it has no `resolve_entities`
    switch, unlike the XML one); `no_network` and a bounded tree (`huge_tree` off) are asked for
    anyway. An XML declaration is dropped first: lxml refuses a str
    that names an encoding, and the text is decoded already. Raises `etree.ParserError` when the
    markup holds no element at all, `PageTooComplex` when the parser gave up part way (tags nested
    over 256 deep, a single text run over 10 MB): a page cut short is not imported as if whole.
    Inline data: URIs over 1 KB are cut first (an image is never shown; 10 MB of one would hit that
    limit), and <base> elements dropped: links resolve against the article's own URL only.
    """
    parser = lxml_html.HTMLParser(
        recover=True,
        no_network=True,
        huge_tree=False,
        decompress=False,  # gzip input is not a page: no bomb gets inflated
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
    )
    cleaned = _CONTROLS.sub(" ", _XML_DECLARATION.sub("", markup, count=1))
    cleaned = _LONG_DATA_URI.sub("data:,", cleaned)
    root = lxml_html.document_fromstring(cleaned, parser=parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise PageTooComplex("libxml2 stopped at a limit; the rest of the page is missing")
    for base in list(root.iter("base")):
        base.drop_tree()
    return root


def safe_url(url: str | None, base: str | None = None) -> str | None:
    """An absolute http(s)/mailto URL, or None: javascript:, data:, file: and the like never pass.

    A relative link is resolved against `base` (the article's own URL, never the page's <base>).
    Quotes, angle brackets and backticks are percent-encoded (as a browser sends them anyway), so
    the URL can never end an HTML attribute or open a tag, wherever it is written.
    """
    if not url:
        return None
    url = _SPACES.sub("", _CONTROLS.sub("", url))
    if base and not urlsplit(url).scheme:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    url = url.translate(_ATTRIBUTE_BREAKERS)
    return url if scheme in _SAFE_SCHEMES and len(url) <= 2048 else None


def blocks_from_tree(root: Any, *, base_url: str | None = None, drop_furniture: bool = False) -> list[Block]:
    """The paragraphs under `root`, in order; empty ones are left out."""
    walker = _Walker(base_url, drop_furniture)
    walker.walk(root, frozenset(), None)
    walker.end_block()
    return walker.blocks


def blocks_text(blocks: Iterable[Block]) -> str:
    """The article's plain text: one paragraph per block, separated by a blank line."""
    return "\n\n".join(block.text for block in blocks)


def render_html(blocks: Iterable[Block]) -> str:
    """The display copy: whitelisted tags only, every text and href escaped."""
    out: list[str] = []
    open_container: str | None = None
    for block in blocks:
        if block.container != open_container:
            if open_container:
                out.append(f"</{open_container}>")
            if block.container:
                out.append(f"<{block.container}>")
            open_container = block.container
        tag = "li" if block.container in ("ul", "ol") else block.kind
        out.append(f"<{tag}>{''.join(_render_inline(run) for run in block.inlines)}</{tag}>")
    if open_container:
        out.append(f"</{open_container}>")
    return "\n".join(out)


def _render_inline(run: Inline) -> str:
    body = html.escape(run.text, quote=False).replace("\n", "<br>")
    for mark in (EM, STRONG):
        if mark in run.marks:
            body = f"<{mark}>{body}</{mark}>"
    if run.href:
        body = f'<a href="{html.escape(run.href, quote=True)}">{body}</a>'
    return body


class _Walker:
    """Turns a tree into blocks; inline runs gather until something starts a new block."""

    def __init__(self, base_url: str | None, drop_furniture: bool) -> None:
        self.blocks: list[Block] = []
        self._base = base_url
        self._dropped = _DROPPED | _FURNITURE if drop_furniture else _DROPPED
        self._runs: list[Inline] = []
        self._kind = "p"
        self._containers: list[str] = []  # ul, ol or blockquote, innermost last

    def walk(self, element: Any, marks: frozenset[str], href: str | None) -> None:
        """Depth-first over `element` with an explicit stack: 10,000 nested tags need no recursion."""
        stack: list[tuple[Any, frozenset[str], str | None, bool]] = [(element, marks, href, False)]
        while stack:
            node, node_marks, node_href, leaving = stack.pop()
            if leaving:
                self._leave(node, node_marks, node_href)
                continue
            tag = _tag(node)
            if tag is None or tag in self._dropped or _is_html_head(node, tag):
                self.add_text(node.tail, node_marks, node_href)  # the tail belongs to the parent
                continue
            child_marks, child_href = self._enter(node, tag, node_marks, node_href)
            stack.append((node, node_marks, node_href, True))  # its tail: the parent's marks and link
            self.add_text(node.text, child_marks, child_href)
            children = list(node)
            stack.extend((child, child_marks, child_href, False) for child in reversed(children))

    def _enter(
        self, node: Any, tag: str, marks: frozenset[str], href: str | None
    ) -> tuple[frozenset[str], str | None]:
        if tag in _HEADINGS or tag == "head":  # trafilatura's <head rend="h3">
            self.end_block()
            self._kind = _HEADINGS.get(tag) or _HEADINGS.get(str(node.get("rend", "")), "h2")
        elif tag in _LISTS:
            self.end_block()
            ordered = tag == "ol" or str(node.get("rend", "")) == "ol"
            self._containers.append("ol" if ordered else "ul")
        elif tag in _QUOTES:
            self.end_block()
            self._containers.append("blockquote")
        elif tag in _BLOCKS or tag in _ITEMS or tag in _ROWS or tag in _TABLES:
            self.end_block()
        elif tag in _CELLS and self._runs:
            self._runs.append(Inline(" | ", marks))
        elif tag in _BREAKS:
            self._runs.append(Inline("\n", marks))
        elif tag in _MARKS:
            marks = marks | {_MARKS[tag]}
        elif tag == "hi" and str(node.get("rend", "")) in _REND_MARKS:
            marks = marks | {_REND_MARKS[str(node.get("rend"))]}
        elif tag in ("a", "ref"):
            href = safe_url(node.get("href") or node.get("target"), self._base)
        return marks, href

    def _leave(self, node: Any, marks: frozenset[str], href: str | None) -> None:
        tag = _tag(node)
        if tag in _HEADINGS or tag == "head" or tag in _BLOCKS or tag in _ITEMS or tag in _ROWS:
            self.end_block()
            self._kind = "p"
        elif tag in _LISTS or tag in _QUOTES:
            self.end_block()
            self._containers.pop()
        elif tag in _TABLES:
            self.end_block()
        self.add_text(node.tail, marks, href)

    def add_text(self, text: str | None, marks: frozenset[str], href: str | None) -> None:
        if text:
            self._runs.append(Inline(text, marks, href))

    def end_block(self) -> None:
        inlines = tuple(_tidy(self._runs))
        self._runs = []
        if inlines:
            container = self._containers[-1] if self._containers else None
            self.blocks.append(Block(self._kind, inlines, container))


def _tag(node: Any) -> str | None:
    """The lower-case local name of an element; None for comments, entities and the like."""
    tag = node.tag
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1].lower()


def _is_html_head(node: Any, tag: str) -> bool:
    """HTML's <head> (metadata, never text), not trafilatura's <head> (a heading)."""
    parent = node.getparent() if tag == "head" else None
    return parent is not None and _tag(parent) == "html"


def _tidy(runs: list[Inline]) -> Iterator[Inline]:
    """Collapse white space as a browser would (a kept line break aside) and trim the block."""
    pieces: list[Inline] = []
    space_before = True  # at the start of a block, leading space goes
    for run in runs:
        if run.text == "\n":
            while pieces and pieces[-1].text.endswith(" "):  # no space before a line break
                last = pieces.pop()
                if last.text.rstrip(" "):
                    pieces.append(Inline(last.text.rstrip(" "), last.marks, last.href))
            if pieces:
                pieces.append(run)
            space_before = True
            continue
        text = _SPACES.sub(" ", run.text)
        if space_before:
            text = text.lstrip(" ")
        if text:
            pieces.append(Inline(text, run.marks, run.href))
            space_before = text.endswith(" ")
    while pieces and (pieces[-1].text == "\n" or pieces[-1].text.endswith(" ")):
        last = pieces.pop()
        trimmed = last.text.rstrip(" \n")
        if trimmed:
            pieces.append(Inline(trimmed, last.marks, last.href))
    if any(piece.text.strip() for piece in pieces):
        yield from _merge(pieces)


def _merge(pieces: list[Inline]) -> Iterator[Inline]:
    """Join neighbouring runs with the same marks and link: fewer, cleaner tags."""
    current: Inline | None = None
    for piece in pieces:
        if current is not None and (current.marks, current.href) == (piece.marks, piece.href):
            current = Inline(current.text + piece.text, current.marks, current.href)
            continue
        if current is not None:
            yield current
        current = piece
    if current is not None:
        yield current


def sanitize_html(markup: str, *, base_url: str | None = None) -> str:
    """Any HTML (a page, a clipboard fragment) as the safe display copy; "" when nothing is left."""
    try:
        root = parse_html(markup)
    except (etree.ParserError, ValueError):
        return ""
    return render_html(blocks_from_tree(root, base_url=base_url))
