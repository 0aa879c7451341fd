"""Markdown articles: readable text for the claim engine, and a safe HTML rendering for display.

The text is what a reader sees, not the markup: headings without their "#", emphasis without
"*", links as their words, images dropped, code kept as written, list items and table rows one
line each ("• item", "3. item", "a | b"). A paragraph's soft line breaks become spaces, since a
quotation or an attribution never crosses a line end in the engine's eyes.

The HTML comes from markdown-it-py with raw HTML off (any tag in the source is shown as text) and
images replaced by their alt text, so displaying it loads nothing. YAML front matter between
"---" lines gives title, author and date (read as plain `key: value` lines; no YAML library).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from html import escape
from typing import TYPE_CHECKING

from app.domain.text import normalize_text
from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.headline import headline_of
from app.importers.line_joining import clean_line
from app.importers.plain_text import _VISIBLE, decode_text  # one notion of visible text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["MAX_CHARS", "read_markdown", "readable_text"]

# markdown-it-py parses 0.3-1 MB a second here (hostile markup such as "![" * n: 40 KB a second,
# still linear); and the claim engine analyses 2,000,000 characters at most anyway.
MAX_CHARS = 2_000_000
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.{0,65536}?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")
_ITEM = re.compile(r"[ \t]+-[ \t]+(.*)")
_KEYS = {"title": "title", "author": "author", "authors": "author", "byline": "author"}
_KEYS |= {"date": "date", "published": "date"}


def read_markdown(data: bytes | bytearray, name: str) -> ImportedArticle:
    """A Markdown file as an article; decoded like plain text (any common encoding)."""
    source = normalize_text(decode_text(data, name))
    if len(source) > MAX_CHARS:
        raise UnreadableFileError(
            f"{name} has {len(source):,} characters; Claimdesk reads Markdown files of up to "
            f"{MAX_CHARS:,} (a long book). Split it, or import the part you are checking."
        )
    fields, body = _front_matter(source)
    tokens = _parser().parse(body)
    text = readable_text(tokens)
    if not _VISIBLE.search(text):
        raise UnreadableFileError(f"{name} is empty (no text outside its markup)")
    return ImportedArticle(
        text=text,
        format="markdown",
        sha256=sha256_of(data),
        filename=name,
        title=clean_line(fields.get("title") or _first_heading(tokens) or headline_of(text) or "") or None,
        byline=clean_line(fields.get("author", "")) or None,
        published=clean_line(fields.get("date", "")) or None,
        html=_parser().renderer.render(tokens, _parser().options, {}),
    )


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.add_render_rule("image", _image_as_alt_text)
    return parser


def _image_as_alt_text(_renderer: object, tokens: Sequence[Token], index: int, *_rest: object) -> str:
    """An image shown as its description: nothing is ever fetched to display an article."""
    return escape(tokens[index].content)


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """(title/author/date found, the rest of the file) for a file opening with a "---" block."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields: dict[str, str] = {}
    key = ""
    items: list[str] = []
    for line in [*match.group(1).split("\n"), "end:"]:
        item = _ITEM.fullmatch(line)
        if item and key:
            items.append(_unquote(item.group(1)))
            continue
        entry = _KEY.fullmatch(line)
        if entry is None:
            continue
        if key and items and key not in fields:
            fields[key] = ", ".join(i for i in items if i)
        key, items = _KEYS.get(entry.group(1).lower(), ""), []
        value = entry.group(2).strip()
        if key and value and key not in fields:
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v) for v in value[1:-1].split(","))
            fields[key] = _unquote(value)[:300]
    return {k: v for k, v in fields.items() if v}, source[match.end() :]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _first_heading(tokens: Sequence[Token]) -> str | None:
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.tag == "h1":
            return _inline_text(tokens[index + 1]).strip()[:200] or None
    return None


def _inline_text(token: Token) -> str:
    """The words of an inline token: markup dropped, images dropped, soft breaks as spaces."""
    parts = []
    for child in token.children or ():
        if child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type != "image":
            parts.append(child.content)
    return "".join(parts)


def readable_text(tokens: Sequence[Token]) -> str:
    """The text a reader sees, block by block (see the module's docstring)."""
    blocks: list[tuple[str, bool]] = []  # (text, one line of a list or table)
    lists: list[str] = []  # "bullet" or "ordered", innermost last
    marker = ""
    cells: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind)
        elif kind in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif kind == "list_item_open":
            marker = "• " if lists and lists[-1] == "bullet_list_open" else f"{token.info}{token.markup} "
        elif kind == "tr_open":
            cells = []
        elif kind == "tr_close" and cells is not None:
            blocks.append((" | ".join(cells), True))
            cells = None
        elif kind == "inline" and cells is not None:
            cells.append(_inline_text(token).strip())
        elif kind == "inline":
            text = _inline_text(token).strip()
            if text:
                blocks.append(("  " * max(0, len(lists) - 1) + marker + text, bool(lists)))
                marker = ""
        elif kind in ("fence", "code_block"):
            blocks.append((token.content.rstrip("\n"), False))
    out: list[str] = []
    previous_is_line = False
    for text, is_line in blocks:
        if not text.strip():
            continue
        if out:
            out.append("\n" if is_line and previous_is_line else "\n\n")
        out.append(text)
        previous_is_line = is_line
    return "".join(out)
