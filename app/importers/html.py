"""Web pages saved from a browser: the main article, its metadata and a safe display copy.

trafilatura finds the article in the page (navigation, ads, related links and comments left out)
and its title, byline, date, site name and URL. It is handed a tree we parsed ourselves without
the network or external entities, and nothing it returns is shown as it is: `sanitize` rebuilds
the text and the display copy from its output. No file the page names (a `_files` folder, images,
style sheets) is ever read, so a page imports the same with or without them.

trafilatura is imported inside the reader: it takes a noticeable part of a second to load and the
GUI imports `app.importers` at start-up.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lxml import etree

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.html_charset import decode_html
from app.importers.sanitize import (
    Block,
    PageTooComplex,
    blocks_from_tree,
    blocks_text,
    parse_html,
    render_html,
    safe_url,
)

__all__ = ["read_html", "read_html_text"]

_HEADINGS = frozenset(f"h{n}" for n in range(2, 7))
_FURNITURE = frozenset(("nav", "header", "footer", "aside", "form"))
_TITLE_SEPARATORS = (" · ", " | ", " - ", " – ", " — ", " :: ", " » ", " • ")
_WORD = re.compile(r"\w+")
_MIN_LEDE_WORDS = 3
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SHORT = 250  # characters: trafilatura's own threshold for "found too little, try harder"
_SHORT_PAGE = 1000  # a page whose whole text is this short is read whole
# Article pages have a few thousand elements, a busy front page twenty thousand. Finding the article
# costs about a third of a millisecond an element (a 1 MB index page: 25,000, 8 s, 200 MB); a page
# far beyond any article is refused at once rather than tying up the machine for minutes.
MAX_ELEMENTS = 60_000


def read_html(data: bytes | bytearray, name: str) -> ImportedArticle:
    """A saved .html/.htm/.xhtml page as an article."""
    article = read_html_text(decode_html(data, name), name=name)
    return _with_bytes(article, data, "html")


def read_html_text(
    markup: str, *, url: str | None = None, name: str | None = None, fmt: str = "html"
) -> ImportedArticle:
    """Any HTML text (a saved page, an MHTML part, the clipboard) as an article.

    `url`, when given (where the page was captured), wins over the page's own canonical URL. The
    article's sha256 is of `markup` as UTF-8; file readers replace it with that of the file's bytes.
    """
    label = name or "the page"
    try:
        tree = parse_html(markup)
    except PageTooComplex:
        raise UnreadableFileError(
            f"{label}: the page is nested too deeply or has too long a run of text to be read safely"
        ) from None
    except (etree.ParserError, ValueError):  # no element at all: empty, or only a comment
        raise UnreadableFileError(f"{label}: no article text found in this page") from None
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise UnreadableFileError(
            f"{label} has {elements:,} elements, far more than an article page (up to {MAX_ELEMENTS:,}):"
            " an index or a generated page? Save the article's own page and import that"
        )
    document = _extract(tree, url)
    metadata = _metadata(document if document is not None else _page_metadata(tree, url))
    page_url = safe_url(url) or metadata.get("url") or _saved_from(markup)
    blocks = _article_blocks(tree, document, page_url, metadata.get("title"))
    text = blocks_text(blocks)
    if not text.strip():
        raise UnreadableFileError(f"{label}: no article text found in this page")
    return ImportedArticle(
        text=text,
        format=fmt,
        sha256=sha256_of(markup.encode("utf-8", errors="replace")),
        filename=name,
        title=metadata.get("title"),
        byline=metadata.get("author"),
        url=page_url,
        published=metadata.get("date"),
        html=render_html(blocks),
        outlet=metadata.get("sitename"),
    )


def _saved_from(markup: str) -> str | None:
    """The address a browser notes when saving a page: <!-- saved from url=(0042)https://... -->."""
    match = _SAVED_FROM.search(markup, 0, 4096)
    url = safe_url(match.group(1)) if match else None
    return url if url and url.startswith(("http://", "https://")) else None


def _extract(tree: Any, url: str | None) -> Any:
    """trafilatura's document (metadata and the article's XML body), or None when it finds none."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=True,
            include_formatting=True,
            deduplicate=False,
        )
    except (RecursionError, ValueError):  # its own limits (deep trees, odd text): ours takes over
        return None


def _article_blocks(tree: Any, document: Any, page_url: str | None, title: str | None) -> list[Block]:
    """trafilatura's article; on a short page, the page's own text when that reads better.

    On a few hundred characters trafilatura has little to go on: it may flatten the page into lines
    (headings and lists lost) or keep a stray menu link. There the page's text, menus, headers,
    footers and asides left out, is the article if it is short too.
    """
    theirs = (
        []
        if document is None or document.body is None or _flattened(document.body)
        else blocks_from_tree(document.body, base_url=page_url)
    )
    if len(blocks_text(theirs)) >= _SHORT:
        return _lede(tree, theirs, title) + theirs
    body = tree.find("body")
    ours = blocks_from_tree(tree if body is None else body, base_url=page_url, drop_furniture=True)
    return ours if not theirs or len(blocks_text(ours)) < _SHORT_PAGE else theirs


def _flattened(body: Any) -> bool:
    """trafilatura's last resort on a small page: all its text as lines of one <p>, structure lost."""
    return len(body) == 1 and body[0].tag == "p" and "\n" in "".join(body[0].itertext())


def _page_metadata(tree: Any, url: str | None) -> Any:
    """The page's metadata alone, for when trafilatura finds no article in it."""
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(tree, default_url=url)
    except (RecursionError, ValueError):
        return None


def _metadata(document: Any) -> dict[str, Any]:
    """Title, author, date, site name and URL as plain strings, empty ones left out."""
    fields = {key: _clean(getattr(document, key, None)) for key in ("title", "author", "date", "sitename")}
    fields["url"] = safe_url(getattr(document, "url", None))
    if fields["url"] and not fields["url"].startswith(("http://", "https://")):
        fields["url"] = None
    if fields["title"] and fields["sitename"]:
        fields["title"] = _without_site_name(fields["title"], fields["sitename"])
    return {key: value for key, value in fields.items() if value}


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _without_site_name(title: str, site: str) -> str:
    """ "Story · Outlet" -> "Story": the outlet has a field of its own."""
    for separator in _TITLE_SEPARATORS:
        suffix = separator + site
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


def _lede(tree: Any, blocks: list[Block], title: str | None) -> list[Block]:
    """Headings between a page's <main> and its <article>: a standfirst trafilatura leaves out.

    Many templates put the deck ("read this in Turkish", a summary line) above the <article>
    element but inside <main>; trafilatura takes the <article> alone. Headings there of a few words
    that are not the title and not already in the text are kept, in order, before the body.
    """
    main = next(tree.iter("main"), None)
    article = None if main is None else next(main.iter("article"), None)
    if main is None or article is None:
        return []
    body_words, title_words = _words(blocks_text(blocks)), _words(title or "")
    lede: list[Block] = []
    for element in main.iter():
        if element is article:
            break
        if element.tag not in _HEADINGS or _inside_furniture(element, main):
            continue
        for block in blocks_from_tree(element):
            words = _words(block.text)
            if len(words.split()) >= _MIN_LEDE_WORDS and words != title_words and words not in body_words:
                lede.append(Block("p", block.inlines))
                body_words += " " + words
    return lede


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _inside_furniture(element: Any, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _FURNITURE:
            return True
        parent = parent.getparent()
    return False


def _with_bytes(article: ImportedArticle, data: bytes | bytearray, fmt: str) -> ImportedArticle:
    """The same article, its sha256 taken of the file's own bytes (duplicates, evidence)."""
    return replace(article, sha256=sha256_of(data), format=fmt)
