"""OpenDocument text (.odt, LibreOffice and Google Docs): a zip with the text in content.xml.

Read as Word documents are (app/importers/docx.py): the same zip-bomb limits and shared inflate
budget, the same XML parser that refuses any document type declaration (app/importers/safe_xml.py).
Headings (`text:h`, by their outline level) and paragraphs (`text:p`, in lists and tables too)
become the article; footnotes, comments, tracked deletions and frames (images, text boxes) are
left out, as the reader of the printed page would not read them in the flow of the text. The
title and author come from the first level-1 heading, else meta.xml's Dublin Core fields.
"""

from __future__ import annotations

import zipfile

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle
from app.importers.office_zip import OfficeFormat, OfficeText, chunks, one_line, read_office_zip
from app.importers.safe_xml import parse_xml

__all__ = ["read_odt"]

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_MIMETYPE = "application/vnd.oasis.opendocument.text"
_SKIPPED = {
    (_TEXT, "note"),  # footnotes and endnotes
    (_TEXT, "tracked-changes"),  # deleted text kept for review
    (_OFFICE, "annotation"),  # comments
    (_DRAW, "frame"),  # images and text boxes
}
_IN_PARAGRAPH = {"tab": "\t", "line-break": "\n"}
_MAX_SPACES = 1000  # `<text:s text:c="...">`: a count, which a crafted file could make enormous


_ODT = OfficeFormat("odt", "an OpenDocument text (an .odt is a zip archive)", "office programs", "document")


def read_odt(data: bytes | bytearray, name: str) -> ImportedArticle:
    """The article in an .odt, or `UnreadableFileError` saying why it can't be read."""
    return read_office_zip(data, name, _ODT, _read)


def _read(archive: zipfile.ZipFile, budget: list[int], name: str) -> OfficeText:
    _check_kind(archive, name)
    paragraphs = _paragraphs(archive, budget, name)
    title, creator = _meta(archive, budget)
    return paragraphs, title, creator


def _check_kind(archive: zipfile.ZipFile, name: str) -> None:
    """A spreadsheet or a presentation is an OpenDocument too; say so rather than read nothing."""
    if "content.xml" not in archive.NameToInfo:
        raise UnreadableFileError(f"{name}: this is a zip archive but not an OpenDocument (no content.xml)")
    if "mimetype" in archive.NameToInfo and archive.getinfo("mimetype").file_size < 200:
        kind = archive.read("mimetype").decode("ascii", "replace").strip()
        if kind != _MIMETYPE and kind.startswith("application/vnd.oasis.opendocument."):
            what = kind.rsplit(".", 1)[-1]
            raise UnreadableFileError(f"{name} is an OpenDocument {what}, not a text document")


class _Body:
    """Expat handlers collecting (heading level, text) per paragraph of content.xml's body."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[int, str]] = []
        self._open: list[tuple[list[str], int]] = []
        self._depth = 0
        self._skip_below = -1  # depth of an element whose content is skipped, or -1
        self._in_body = False

    def start(self, namespace: str, local: str, attributes: dict[str, str]) -> None:
        self._depth += 1
        if self._skip_below >= 0:
            return
        if (namespace, local) in _SKIPPED:
            self._skip_below = self._depth
        elif namespace == _OFFICE and local == "body":
            self._in_body = True
        elif namespace != _TEXT or not self._in_body:
            return
        elif local in ("p", "h"):
            level = _level(attributes.get("outline-level", "1")) if local == "h" else 0
            self._open.append(([], level))
        elif self._open and local == "s":
            self._open[-1][0].append(" " * _count(attributes.get("c", "1")))
        elif self._open and local in _IN_PARAGRAPH:
            self._open[-1][0].append(_IN_PARAGRAPH[local])

    def end(self, namespace: str, local: str) -> None:
        self._depth -= 1
        if self._skip_below >= 0:
            if self._depth < self._skip_below:
                self._skip_below = -1
            return
        if namespace == _OFFICE and local == "body":
            self._in_body = False
        elif namespace == _TEXT and local in ("p", "h") and self._open:
            parts, level = self._open.pop()
            self.paragraphs.append((level, "".join(parts).strip()))

    def text(self, data: str) -> None:
        if self._skip_below < 0 and self._open:
            self._open[-1][0].append(data)


def _level(value: str) -> int:
    return min(9, max(1, int(value))) if value.isdigit() and len(value) < 3 else 1


def _count(value: str) -> int:
    return min(_MAX_SPACES, max(1, int(value))) if value.isdigit() and len(value) < 6 else 1


def _paragraphs(archive: zipfile.ZipFile, budget: list[int], name: str) -> list[tuple[int, str]]:
    body = _Body()
    parse_xml(chunks(archive, "content.xml", budget), body.start, body.end, body.text)
    return body.paragraphs


def _meta(archive: zipfile.ZipFile, budget: list[int]) -> tuple[str | None, str | None]:
    """(title, author) from meta.xml, when it is there."""
    if "meta.xml" not in archive.NameToInfo:
        return None, None
    found: dict[str, list[str]] = {}
    current: list[str] = []

    def start(namespace: str, local: str, _attributes: dict[str, str]) -> None:
        key = local if namespace == _DC and local in ("title", "creator") else None
        if namespace == _META and local == "initial-creator":
            key = local
        current.append(key or "")

    def end(_namespace: str, _local: str) -> None:
        current.pop()

    def text(data: str) -> None:
        if current and current[-1]:
            found.setdefault(current[-1], []).append(data)

    parse_xml(chunks(archive, "meta.xml", budget), start, end, text)
    author = one_line("".join(found.get("creator", []))) or one_line(
        "".join(found.get("initial-creator", []))
    )
    return one_line("".join(found.get("title", []))), author
