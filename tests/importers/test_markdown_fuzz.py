"""Random and markup-heavy text as .md: an article whose HTML escapes every tag, or one clear error."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.errors import UnreadableFileError
from app.importers.markdown import read_markdown
from tests.fuzz.conftest import ACCEPTED, FUZZ, TRIED, accepting
from tests.fuzz.strategies import hostile_bytes, hostile_text
from tests.importers.test_pdf_fuzz import check

_MARKUP = (
    "# ",
    "## ",
    "\n",
    "\n\n",
    "*",
    "**",
    "_",
    "`",
    "```",
    "~~",
    "[",
    "]",
    "](",
    ")",
    "![",
    "<",
    ">",
    "> ",
    "- ",
    "1. ",
    "|",
    "|---|",
    "---\n",
    "title: x\n",
    "\\",
    "&amp;",
    "&#0;",
    "    ",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "javascript:",
    "http://example.org/",
)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
_RENDERED = set(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "em",
        "strong",
        "s",
        "a",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "br",
    ]
)
_RENDERED |= set(["table", "thead", "tbody", "tr", "th", "td"])
MARKDOWN = st.lists(st.sampled_from(_MARKUP) | hostile_text(max_pieces=3), max_size=80).map("".join)


# Shares of inputs that must import (measured: 47% of markup text, 78% rendered; 36% of bytes).
SHARE_TEXT, SHARE_BYTES = 0.2, 0.15


@FUZZ
@given(text=MARKDOWN)
def _markup_text(text: str) -> None:
    check(text.encode("utf-8", errors="replace"), ".md", "import_file (.md, markup text)")


def test_markdown_text() -> None:
    with accepting(SHARE_TEXT):
        _markup_text()


@FUZZ
@given(data=hostile_bytes())
def _hostile_bytes(data: bytes) -> None:
    check(data, ".md", "import_file (.md, hostile bytes)")


def test_markdown_bytes() -> None:
    with accepting(SHARE_BYTES):
        _hostile_bytes()


@FUZZ
@given(text=MARKDOWN)
def _rendered(text: str) -> None:
    TRIED["read_markdown (HTML safety)"] += 1
    try:
        html = read_markdown(text.encode("utf-8", errors="replace"), "x.md").html or ""
    except UnreadableFileError:
        return
    ACCEPTED["read_markdown (HTML safety)"] += 1
    assert {tag.lower() for tag in _TAG.findall(html)} <= _RENDERED
    assert 'href="javascript:' not in html and 'href="file:' not in html and 'src="' not in html


def test_rendered_html_never_carries_a_raw_tag() -> None:
    with accepting(SHARE_TEXT):
        _rendered()
