"""Zotero 7's annotations of a saved web page (a snapshot), read as incoming annotations.

Two shapes of the same records are read: the reader's own (`type`, `text`, `comment`, `position`,
`tags` as words, `dateCreated`), and the web API's items (`{"key", "data": {"itemType":
"annotation", "annotationText", "annotationComment", "annotationPosition", ...}}`), where an
attachment item in the same file gives the snapshot's address. A highlight or underline becomes a
claim at the quoted passage, its comment a note; a note on no passage, a note on the article.

A snapshot's position is a CSS selector, refined by a text position counted inside the element it
selects, or a W3C text quote selector: only the quote means something in Claimdesk's text, so the
passage is found by its words (the position is not used).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from app.domain.anchoring import TextQuote
from app.export.w3c import IncomingAnnotation, IncomingNote, parse_time

ZOTERO_ANNOTATION = "zotero:annotation:"
_PASSAGE_TYPES = ("highlight", "underline")
_READER_TYPES = (*_PASSAGE_TYPES, "note", "text", "image", "ink")


def read_zotero(data: Any) -> list[IncomingAnnotation] | None:
    """The file's annotations if it is a Zotero export (either shape); None if it is not one."""
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        return None
    records = [i["data"] if isinstance(i.get("data"), dict) else i for i in items]
    if all("annotationType" in r or r.get("itemType") in ("attachment", "annotation") for r in records):
        return _from_api(records)
    if all(r.get("type") in _READER_TYPES and "position" in r and "dateCreated" in r for r in items):
        return [_annotation(r, source=None) for r in items if _readable(r)]
    return None


def _from_api(records: list[dict[str, Any]]) -> list[IncomingAnnotation]:
    """Web API items: annotation fields carry an `annotation` prefix; the parent attachment the URL."""
    urls = {r.get("key"): r.get("url") for r in records if r.get("itemType") == "attachment"}
    found = []
    for record in records:
        if "annotationType" not in record:
            continue
        fields = {
            "id": record.get("key"),
            "type": record.get("annotationType"),
            "text": record.get("annotationText"),
            "comment": record.get("annotationComment"),
            "position": record.get("annotationPosition"),
            "tags": record.get("tags"),
            "dateCreated": record.get("dateAdded"),
            "dateModified": record.get("dateModified"),
            "authorName": record.get("annotationAuthorName") or "",
        }
        if _readable(fields):
            url = urls.get(record.get("parentItem"))
            found.append(_annotation(fields, source=url if isinstance(url, str) and url else None))
    return found


def tag_name(tag: Any) -> str:
    """A tag as words (the reader's export), `{"tag": ...}` (the web API) or `{"name": ...}` (the reader)."""
    if isinstance(tag, dict):
        tag = tag.get("tag", tag.get("name"))
    return tag.strip() if isinstance(tag, str) else ""


def _readable(record: dict[str, Any]) -> bool:
    """Highlights and underlines of text, and notes; not drawings or image areas, which quote nothing."""
    return record.get("type") in (*_PASSAGE_TYPES, "note", "text")


def _annotation(record: dict[str, Any], source: str | None) -> IncomingAnnotation:
    ident = ZOTERO_ANNOTATION + str(record.get("id") or "")
    created = parse_time(record.get("dateCreated"))
    author = str(record.get("authorName") or "")
    comment = record.get("comment")
    comment = comment.strip() if isinstance(comment, str) else ""
    notes = (IncomingNote(str(uuid.uuid5(uuid.NAMESPACE_URL, ident + "#comment")), comment, author, created),)
    tags = tuple(name for name in map(tag_name, record.get("tags") or []) if name)
    return IncomingAnnotation(
        uid=str(uuid.uuid5(uuid.NAMESPACE_URL, ident)),
        own=False,
        source=source,
        quote=_quote(record) if record.get("type") in _PASSAGE_TYPES else None,
        start=None,
        end=None,
        notes=notes if comment else (),
        tags=tags,
        created=created,
        modified=parse_time(record.get("dateModified")) or created,
    )


def _quote(record: dict[str, Any]) -> TextQuote | None:
    """A text quote selector in the position (with its prefix and suffix), else the highlighted text."""
    position = record.get("position")
    if isinstance(position, str):  # the web API keeps the position as a JSON string
        try:
            position = json.loads(position)
        except ValueError:
            position = None
    for selector in _selectors(position):
        if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            prefix, suffix = selector.get("prefix"), selector.get("suffix")
            return TextQuote(
                selector["exact"],
                prefix if isinstance(prefix, str) else "",
                suffix if isinstance(suffix, str) else "",
            )
    text = record.get("text")
    return TextQuote(text.strip()) if isinstance(text, str) and text.strip() else None


def _selectors(position: Any, depth: int = 0) -> list[dict[str, Any]]:
    """A selector, the ones it is refined by, and those of a list of alternatives, flattened."""
    if depth > 8:
        return []
    if isinstance(position, list):
        return [s for item in position for s in _selectors(item, depth + 1)]
    if not isinstance(position, dict):
        return []
    return [position, *_selectors(position.get("refinedBy"), depth + 1)]
