"""Word `.docx` articles: the body's paragraphs, read straight from the zip with no new dependency.

Only the main document part is read (word/document.xml, or where _rels/.rels points): its
paragraphs, tables and text boxes, in order. Headers, footers, comments and footnotes live in
other parts and are skipped, and so are deleted text (tracked changes), field codes and the
fallback copies of drawings. The title is the first
paragraph styled Title or Heading 1, else the file's own title (docProps/core.xml); the byline
is its creator.

A .docx is a zip, read as every office zip is (app/importers/office_zip.py: zip bombs and XML
with a DTD refused).
"""

from __future__ import annotations

import re
import zipfile

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle
from app.importers.office_zip import (
    MAX_EXPANDED_MB,
    OfficeFormat,
    OfficeText,
    chunks,
    one_line,
    read_office_zip,
)
from app.importers.safe_xml import parse_xml

__all__ = ["MAX_EXPANDED_MB", "read_docx"]

_DOCUMENT = "word/document.xml"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WORD = frozenset(
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
    )
)
_DC = "http://purl.org/dc/elements/1.1/"
_IN_RUN = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_HEADING = re.compile(r"(?:heading|berschrift|titre|título|заголовок)\s*(\d)", re.IGNORECASE)


_WORD_DOCUMENT = OfficeFormat(
    "docx", "a Word document (a .docx is a zip archive; this is not one)", "Word", "Word document"
)


def read_docx(data: bytes | bytearray, name: str) -> ImportedArticle:
    """The article in a .docx, or `UnreadableFileError` saying why it can't be read."""
    return read_office_zip(data, name, _WORD_DOCUMENT, _read)


def _read(archive: zipfile.ZipFile, budget: list[int], name: str) -> OfficeText:
    main = _main_part(archive, budget)
    styles = _style_names(archive, budget, main.rpartition("/")[0] + "/styles.xml")
    paragraphs = _paragraphs(archive, budget, styles, name, main)
    title, creator = _core_properties(archive, budget)
    return paragraphs, title, creator


def _optional_part(archive: zipfile.ZipFile, member: str) -> bool:
    return member in archive.NameToInfo


def _main_part(archive: zipfile.ZipFile, budget: list[int]) -> str:
    """The main document's name, as the package's relationships give it (almost always the default)."""
    targets: list[str] = []
    if not _optional_part(archive, "_rels/.rels"):
        return _DOCUMENT

    def start(_namespace: str, local: str, attributes: dict[str, str]) -> None:
        if local == "Relationship" and attributes.get("Type", "").endswith("/officeDocument"):
            targets.append(attributes.get("Target", "").lstrip("/"))

    parse_xml(chunks(archive, "_rels/.rels", budget), start, lambda _n, _l: None, lambda _t: None)
    return next((t for t in targets if _optional_part(archive, t)), _DOCUMENT)


def _style_names(archive: zipfile.ZipFile, budget: list[int], part: str) -> dict[str, str]:
    """Style id -> style name ("Heading1" -> "heading 1"; ids are localised, names are not)."""
    names: dict[str, str] = {}
    if not _optional_part(archive, part):
        return names
    current = [""]

    def start(namespace: str, local: str, attributes: dict[str, str]) -> None:
        if namespace in _WORD and local == "style":
            current[0] = attributes.get("styleId", "")
        elif namespace in _WORD and local == "name" and current[0]:
            names[current[0]] = attributes.get("val", "")

    parse_xml(chunks(archive, part, budget), start, lambda _n, _l: None, lambda _t: None)
    return names


def _heading_level(style: str, styles: dict[str, str]) -> int:
    """1 for Title and Heading 1, 2-9 for other headings, 0 for body text."""
    label = styles.get(style, style).lower()
    if label == "title":
        return 1
    match = _HEADING.search(label) or _HEADING.search(style)
    return int(match.group(1)) if match and match.group(1) != "0" else 0


class _Body:
    """Expat handlers that collect (heading level, text) per paragraph of the main document."""

    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.paragraphs: list[tuple[int, str]] = []
        self._open: list[tuple[list[str], list[int]]] = []  # text boxes nest paragraphs in paragraphs
        self._depth = 0
        self._skip_below = -1  # depth of an element whose content is skipped, or -1
        self._runs = 0
        self._in_text = False

    def start(self, namespace: str, local: str, attributes: dict[str, str]) -> None:
        self._depth += 1
        if self._skip_below >= 0:
            return
        if namespace == _MC and local == "Fallback":
            self._skip_below = self._depth
        elif namespace not in _WORD:
            return
        elif local == "p":
            self._open.append(([], [0]))
        elif not self._open:
            return
        elif local == "r":
            self._runs += 1
        elif local == "t":
            self._in_text = True
        elif local in _IN_RUN and self._runs:
            self._open[-1][0].append(_IN_RUN[local])
        elif local == "pStyle":
            self._open[-1][1][0] = _heading_level(attributes.get("val", ""), self.styles)
        elif local == "outlineLvl" and attributes.get("val") == "0":
            self._open[-1][1][0] = 1

    def end(self, namespace: str, local: str) -> None:
        self._depth -= 1
        if self._skip_below >= 0:
            if self._depth < self._skip_below:
                self._skip_below = -1
            return
        if namespace not in _WORD or not self._open:
            return
        if local == "p":
            parts, level = self._open.pop()
            self.paragraphs.append((level[0], "".join(parts).strip()))
        elif local == "r":
            self._runs = max(0, self._runs - 1)
        elif local == "t":
            self._in_text = False

    def text(self, data: str) -> None:
        if self._in_text and self._skip_below < 0 and self._open:
            self._open[-1][0].append(data)


def _paragraphs(
    archive: zipfile.ZipFile, budget: list[int], styles: dict[str, str], name: str, main: str
) -> list[tuple[int, str]]:
    if not _optional_part(archive, main):
        raise UnreadableFileError(
            f"{name}: this is a zip archive but not a Word document (it has no {_DOCUMENT})"
        )
    body = _Body(styles)
    parse_xml(chunks(archive, main, budget), body.start, body.end, body.text)
    return body.paragraphs


def _core_properties(archive: zipfile.ZipFile, budget: list[int]) -> tuple[str | None, str | None]:
    """dc:title and dc:creator from docProps/core.xml, when there."""
    found: dict[str, list[str]] = {}
    if not _optional_part(archive, "docProps/core.xml"):
        return None, None
    inside = [""]

    def start(namespace: str, local: str, _attributes: dict[str, str]) -> None:
        inside[0] = local if namespace == _DC and local in ("title", "creator") else ""

    def end(_namespace: str, _local: str) -> None:
        inside[0] = ""

    def text(data: str) -> None:
        if inside[0]:
            found.setdefault(inside[0], []).append(data)

    parse_xml(chunks(archive, "docProps/core.xml", budget), start, end, text)
    return one_line("".join(found.get("title", []))), one_line("".join(found.get("creator", [])))
