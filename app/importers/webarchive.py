"""Safari's saved pages (.webarchive): a property list whose main resource is the page's HTML.

The file is a binary (or XML) property list; `WebMainResource` holds the page's bytes
(`WebResourceData`), its address (`WebResourceURL`) and its text encoding. Only that resource is
read, and it goes the way of any saved page (app/importers/html.py: parsed with limits, sanitised,
nothing remote loaded); the subresources (images, scripts, style sheets) and subframes saved
beside it are never looked at. plistlib refuses XML entity declarations in XML property lists.
"""

from __future__ import annotations

import codecs
import plistlib
import struct
from dataclasses import replace
from typing import Any

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.html import read_html_text
from app.importers.html_charset import decode_html
from app.importers.sanitize import safe_url

__all__ = ["read_webarchive"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What plistlib raises on a damaged or crafted file: its own InvalidFileException (a ValueError),
# struct and index errors on offsets outside the file, recursion on references that loop.
_DAMAGED = (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError, OverflowError,
            struct.error, RecursionError, EOFError, UnicodeError)  # fmt: skip


def read_webarchive(data: bytes | bytearray, name: str) -> ImportedArticle:
    """A Safari .webarchive as an article."""
    try:
        archive = plistlib.loads(bytes(data))
    except _DAMAGED:
        raise UnreadableFileError(f"{name} is not a readable Safari web archive") from None
    resource = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(resource, dict):
        raise UnreadableFileError(f"{name}: no web page found inside this web archive")
    payload = resource.get("WebResourceData")
    kind = _text(resource.get("WebResourceMIMEType")).lower() or "text/html"
    if not isinstance(payload, bytes) or not payload.strip():
        raise UnreadableFileError(f"{name}: the web page inside this web archive is empty")
    if kind not in _HTML_TYPES:
        raise UnreadableFileError(f"{name}: this web archive holds {kind}, not a web page")
    markup = _decoded(payload, _text(resource.get("WebResourceTextEncodingName")), name)
    url = safe_url(_text(resource.get("WebResourceURL")) or None)
    article = read_html_text(markup, url=url, name=name, fmt="webarchive")
    return replace(article, sha256=sha256_of(data))


def _decoded(payload: bytes, encoding: str, name: str) -> str:
    """The page's text in the encoding Safari recorded; else its own <meta>, else detection."""
    if encoding:
        try:
            codecs.lookup(encoding)
            return payload.decode(encoding, errors="replace")
        except (LookupError, ValueError):
            pass
    return decode_html(payload, name)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
