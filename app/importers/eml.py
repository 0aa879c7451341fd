"""A story forwarded by e-mail (.eml): the message's text, without its attachments.

Parsed with the standard library's `email` package under its modern policy, which undoes the
transfer encodings and applies each part's charset. The body is the text/plain part when there is
one (what the sender wrote, with nothing to sanitise), else the text/html part, which goes the way
of any saved page (app/importers/html.py: sanitised, nothing remote loaded). Attachments are never
read, though a story forwarded *as* an attached message is opened (up to three levels deep). The
subject, without its "Fwd:" and "Re:", is the title of a plain-text message (its first line is as
often the sender's "Worth a look?"); an HTML one keeps its page's title. A forwarding client's
header block ("---------- Forwarded message ---------", "Begin forwarded message:") is left out.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import re
from dataclasses import replace
from email.message import EmailMessage, Message

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.html import read_html_text
from app.importers.plain_text import read_plain_text

__all__ = ["read_eml"]

_MAX_PARTS = 1_000  # a message has a handful; a crafted one is not walked for ever
_MAX_NESTING = 3  # messages attached inside messages
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:fwd?|re|aw|wg|tr|rv|enc|пересл|fw)\s*:\s*)+", re.IGNORECASE)
_FORWARD_START = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:Forwarded|Original) message\s*-{2,}|Begin forwarded message:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINE = re.compile(r"^[ \t>]*[A-Za-z][\w -]{0,30}:[ \t]")
_DAMAGED = (
    ValueError,
    TypeError,
    LookupError,
    IndexError,
    AttributeError,
    UnicodeError,
    email.errors.MessageError,
)


def read_eml(data: bytes | bytearray, name: str) -> ImportedArticle:
    """A saved e-mail message as an article."""
    try:
        message = email.message_from_bytes(bytes(data), policy=email.policy.default)
        subject = _subject(message)
        kind, content = _body(message, name, 0)
    except RecursionError:  # the parser recurses once per level of parts within parts
        raise UnreadableFileError(f"{name}: its parts are nested too deeply to be read") from None
    except _DAMAGED:
        raise UnreadableFileError(f"{name} is not a readable e-mail message") from None
    if kind == "html":  # a page's own title names the story; the subject only when it has none
        article = read_html_text(content, name=name, fmt="eml")
        article = replace(article, title=article.title or subject)
    else:  # the first line is as often the sender's "Worth a look?" as the story's headline
        article = read_plain_text(_without_forward_header(content).encode("utf-8"), name)
        article = replace(article, format="eml", title=subject or article.title)
    return replace(article, sha256=sha256_of(data), filename=name)


def _body(message: Message, name: str, depth: int) -> tuple[str, str]:
    """("plain" or "html", the text) of the message's body, or of a message attached to it."""
    if not isinstance(message, EmailMessage):
        raise UnreadableFileError(f"{name} is not a readable e-mail message")
    if sum(1 for _ in message.walk()) > _MAX_PARTS:
        raise UnreadableFileError(f"{name} has more than {_MAX_PARTS:,} parts: not a forwarded story")
    part = message.get_body(preferencelist=("plain", "html"))
    if part is not None:
        kind = part.get_content_subtype()
        text = _content(part)
        if text.strip():
            return ("html" if kind == "html" else "plain"), text
    if depth < _MAX_NESTING:
        for attached in message.walk():
            if attached.get_content_type() == "message/rfc822":
                inner = attached.get_payload()
                inner = inner[0] if isinstance(inner, list) and inner else inner
                if isinstance(inner, Message) and inner is not message:
                    return _body(inner, name, depth + 1)
    raise UnreadableFileError(f"{name}: this message has no text (only attachments?)")


def _content(part: Message) -> str:
    """The part's text; a charset Python does not know is read as UTF-8, bad bytes replaced."""
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else None
    except LookupError:
        content = None
    if isinstance(content, str):
        return content
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""


def _subject(message: Message) -> str | None:
    subject = " ".join(str(message.get("Subject", "") or "").split())
    return _REPLY_PREFIX.sub("", subject).strip()[:300] or None


def _without_forward_header(text: str) -> str:
    """The text with a forwarding client's header block (From:, Date:, Subject:, To:) taken out."""
    found = _FORWARD_START.search(text)
    if found is None:
        return text
    lines = text[found.end() :].lstrip("\r\n").splitlines(keepends=True)
    index = 0
    while index < len(lines) and _HEADER_LINE.match(lines[index]):
        index += 1
    before, after = text[: found.start()].rstrip(), "".join(lines[index:]).lstrip()
    return f"{before}\n\n{after}" if before else after
