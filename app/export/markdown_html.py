"""Markdown notes as safe HTML: the one renderer behind the note editor's view and the memo.

Notes are written by the journalist but may hold pasted material: raw HTML in them is shown as
text, images become a line naming them (showing one would mean loading it), and only web and mail
links stay links. A bare web address becomes a link too: pasting one is how notes cite a source.
No Qt here, so exports and the window share it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

LINK_SCHEMES = ("http://", "https://", "mailto:")  # a memo's reader may click: nothing local
_BARE_URL = re.compile(r"\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]}]")
ZERO_WIDTH_SPACE = "\u200b"
# Qt's line breaker already wraps an address after "/", "-" and "?"; these add the places it lacks
# (inside a query string), always before a letter or digit so no separator starts a line alone.
_URL_BREAKS = re.compile(r"(?<=[&=#_~+])(?=[\w%])")
_MIN_PIECE = 8  # no break opportunity closer than this to the previous one: "a/b/c" stays whole


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # loaded when the first note is shown, not at start-up

    # commonmark plus tables and strikethrough; html=False escapes any raw HTML in the source.
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(["table", "strikethrough"])
    parser.add_render_rule("image", _image_as_text)
    parser.add_render_rule("link_open", _link_open)
    parser.add_render_rule("link_close", _link_close)
    parser.add_render_rule("text", _text_with_links)
    return parser


def _image_as_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    return (
        f"<span class='muted'>[image: {escape(token.content or 'untitled')} — "
        f"{escape(str(token.attrGet('src') or ''))}]</span>"
    )


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """A link to the web or to an address; anything else (a local file, a script) is plain text."""
    href = str(tokens[idx].attrGet("href") or "")
    safe = is_safe_link(href)
    env.setdefault("links", []).append(safe)
    return f'<a href="{escape(href)}">' if safe else "<span>"


def _link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    links = env.get("links") or [True]
    return "</a>" if links.pop() else "</span>"


def _text_with_links(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """Text, with each bare web address made a link unless it already sits inside one."""
    content = tokens[idx].content
    if env.get("links"):  # a link's own words: an address there may still wrap
        return breakable(content) if _BARE_URL.fullmatch(content) else escape(content)
    return linked(content)


@lru_cache(maxsize=4096)  # notes never change once written; moving between claims re-shows them
def render_markdown(text: str) -> str:
    """HTML for a note written in Markdown; raw HTML in `text` comes out escaped."""
    return str(_parser().render(text, {}))


def is_safe_link(href: str) -> bool:
    return href.strip().lower().startswith(LINK_SCHEMES)


def breakable(address: str) -> str:
    """An address, escaped, with places to wrap after its slashes and separators.

    Qt wraps after "/" and "-" by itself but not inside a query string ("?id=1&lang=en"), where
    it either runs past the margin or, told to wrap anywhere, cuts at whatever letter meets it.
    A zero-width space marks each extra place; none closer than a few letters to the last.
    """
    pieces: list[str] = []
    last = 0
    for match in _URL_BREAKS.finditer(address):
        if match.start() - last >= _MIN_PIECE:
            pieces.append(address[last : match.start()])
            last = match.start()
    pieces.append(address[last:])
    return ZERO_WIDTH_SPACE.join(escape(p) for p in pieces)


def linked(text: str) -> str:
    """Plain text, escaped, with every web address in it a live, breakable link."""
    out: list[str] = []
    last = 0
    for match in _BARE_URL.finditer(text):
        out.append(escape(text[last : match.start()]))
        address = match.group()
        out.append(f'<a href="{escape(address)}">{breakable(address)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
