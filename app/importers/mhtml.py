"""Web pages saved as one MHTML file (.mhtml, .mht): the HTML part goes the way of a saved page.

The file is a MIME message (RFC 2557); the stdlib `email` package splits it and undoes the
quoted-printable or base64 transfer encoding. Only the root HTML part is read: the images, style
sheets and frames saved beside it are never looked at. Where the page was captured
(`Snapshot-Content-Location`, else the part's `Content-Location`) becomes the article's URL.
"""

from __future__ import annotations

import codecs
import email
import email.errors
import email.header
import email.policy
from dataclasses import replace
from email.message import Message

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.html import read_html_text
from app.importers.html_charset import decode_html
from app.importers.sanitize import safe_url

__all__ = ["read_mhtml"]

_MAX_PARTS = 10_000  # a saved page has tens or hundreds; a crafted file is not walked for ever


def read_mhtml(data: bytes | bytearray, name: str) -> ImportedArticle:
    """A saved .mhtml/.mht page as an article."""
    try:
        message = email.message_from_bytes(bytes(data), policy=email.policy.compat32)
        part = _html_part(message)
    except (ValueError, TypeError, LookupError, IndexError):  # what a mangled header can raise
        raise UnreadableFileError(f"{name} is not a readable MHTML file") from None
    except RecursionError:  # the stdlib parser recurses once per level of parts within parts
        raise UnreadableFileError(f"{name}: its parts are nested too deeply to be read") from None
    if part is None:
        raise UnreadableFileError(f"{name}: no web page found inside this MHTML file")
    markup = _decoded(part, name)
    location = _header(message, "Snapshot-Content-Location") or _header(part, "Content-Location")
    article = read_html_text(markup, url=safe_url(location), name=name, fmt="mhtml")
    if article.title is None:
        article = replace(article, title=_header(message, "Subject") or None)
    return replace(article, sha256=sha256_of(data))


def _html_part(message: Message) -> Message | None:
    """The root text/html part: the one `start` names, else the first one."""
    start = str(message.get_param("start", "", header="content-type") or "").strip("<>")
    first: Message | None = None
    for count, part in enumerate(message.walk()):
        if count > _MAX_PARTS:
            break
        if part.get_content_type() not in ("text/html", "application/xhtml+xml"):
            continue
        if start and _header(part, "Content-ID").strip("<>") == start:
            return part
        first = first or part
    return first


def _decoded(part: Message, name: str) -> str:
    """The part's text: its transfer encoding undone, its charset (declared, else sniffed) applied."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise UnreadableFileError(f"{name}: the web page inside this MHTML file is empty")
    charset = part.get_content_charset()
    if charset:
        try:
            codecs.lookup(charset)
            return payload.decode(charset, errors="replace")
        except (LookupError, ValueError):
            pass  # an unknown label: let the page's own <meta> or detection decide
    return decode_html(payload, name)


def _header(message: Message, key: str) -> str:
    """A header as plain text (RFC 2047 words decoded), "" when absent or unreadable."""
    value = message.get(key)
    if value is None:
        return ""
    try:
        words = email.header.decode_header(str(value))
        return " ".join(str(email.header.make_header(words)).split())
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        return " ".join(str(value).split())
