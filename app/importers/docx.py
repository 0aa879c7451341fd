"""Word `.docx` articles: the body's paragraphs, read straight from the zip with no new dependency.

Only the main document part is read (word/document.xml, or where _rels/.rels points): its
paragraphs, tables and text boxes, in order. Headers, footers, comments and footnotes live in
other parts and are skipped, and so are deleted text (tracked changes), field codes and the
fallback copies of drawings. The title is the first
paragraph styled Title or Heading 1, else the file's own title (docProps/core.xml); the byline
is its creator.

A .docx is a zip, and a zip can be a bomb: every member's declared size and compression ratio
are checked before anything is inflated, and the parts we read are inflated through a hard byte
cap, so a member lying about its size is stopped all the same. XML with a DTD is refused
(`safe_xml`).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from html import escape

from app.domain.text import normalize_text
from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.plain_text import _VISIBLE  # one notion of visible text
from app.importers.safe_xml import ExpatError, XMLRefused, parse_xml

__all__ = ["MAX_EXPANDED_MB", "read_docx"]

MAX_EXPANDED_MB = 100  # all members together, inflated; a long book with photos is well below
MAX_RATIO = 100  # inflated/compressed for a member over 1 MB; Word's XML deflates 5-20 times
_RATIO_FLOOR = 2**20
_MAX_MEMBERS = 10_000
_CHUNK = 64 * 1024
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


# What zipfile, zlib and expat raise on damaged input: RuntimeError for an encrypted member,
# NotImplementedError for a compression zipfile lacks, ValueError/struct.error for offsets that
# point outside the file (found by fuzzing).
_DAMAGED = (
    ExpatError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
)


class _ZipBomb(Exception):
    pass


def read_docx(data: bytes | bytearray, name: str) -> ImportedArticle:
    """The article in a .docx, or `UnreadableFileError` saying why it can't be read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (*_DAMAGED, zipfile.LargeZipFile):
        raise UnreadableFileError(
            f"{name} is not a Word document (a .docx is a zip archive; this is not one)"
        ) from None
    with archive:
        try:
            _check_sizes(archive, name)
            budget = [MAX_EXPANDED_MB * 2**20]  # bytes still allowed to inflate, shared by every part
            main = _main_part(archive, budget)
            styles = _style_names(archive, budget, main.rpartition("/")[0] + "/styles.xml")
            paragraphs = _paragraphs(archive, budget, styles, name, main)
            title, creator = _core_properties(archive, budget)
        except _ZipBomb:
            raise UnreadableFileError(
                f"{name}: this .docx expands to more than {MAX_EXPANDED_MB} MB; it may be a zip bomb"
            ) from None
        except XMLRefused:
            raise UnreadableFileError(
                f"{name}: this .docx holds XML entity declarations, which Word never writes; "
                "Claimdesk refuses it as unsafe"
            ) from None
        except _DAMAGED:
            raise UnreadableFileError(
                f"{name}: this .docx is damaged or cut short and cannot be read"
            ) from None
    body = [(level, text) for level, text in paragraphs if _VISIBLE.search(text)]
    if not body:
        raise UnreadableFileError(f"{name}: this Word document has no text")
    heading = next((text for level, text in body if level == 1), None)
    return ImportedArticle(
        text=normalize_text("\n\n".join(text for _, text in body)),
        format="docx",
        sha256=sha256_of(data),
        filename=name,
        title=_one_line(heading) or title,
        byline=creator,
        html=_html(body),
    )


def _check_sizes(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse before inflating anything: too many members, too large, or compressed too well."""
    members = archive.infolist()
    if len(members) > _MAX_MEMBERS:
        raise UnreadableFileError(f"{name}: this .docx holds {len(members):,} files; Word writes a few dozen")
    total = 0
    for info in members:
        total += info.file_size
        if total > MAX_EXPANDED_MB * 2**20:
            raise _ZipBomb
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise _ZipBomb


def _chunks(archive: zipfile.ZipFile, member: str, budget: list[int]) -> Iterator[bytes]:
    """A member's bytes, chunk by chunk, counted against `budget` whatever its header claims."""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise _ZipBomb
            yield chunk


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

    parse_xml(_chunks(archive, "_rels/.rels", budget), start, lambda _n, _l: None, lambda _t: None)
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

    parse_xml(_chunks(archive, part, budget), start, lambda _n, _l: None, lambda _t: None)
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
    parse_xml(_chunks(archive, main, budget), body.start, body.end, body.text)
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

    parse_xml(_chunks(archive, "docProps/core.xml", budget), start, end, text)
    return _one_line("".join(found.get("title", []))), _one_line("".join(found.get("creator", [])))


def _one_line(text: str | None) -> str | None:
    cleaned = " ".join((text or "").split())
    return cleaned[:300] or None


def _html(body: list[tuple[int, str]]) -> str:
    """Headings and paragraphs for display; every character of the text escaped."""
    blocks = []
    for level, text in body:
        tag = f"h{min(level, 6)}" if level else "p"
        blocks.append(f"<{tag}>{escape(text).replace(chr(10), '<br>')}</{tag}>")
    return "\n".join(blocks)
