"""Office documents (.docx, .odt) are zips of XML: the reading they share, hostile input refused.

A zip can be a bomb: every member's declared size and compression ratio are checked before
anything is inflated, and the parts read are inflated through a hard byte cap shared by all of
them (`budget`), so a member lying about its size is stopped all the same. XML with a DTD is
refused (`safe_xml`). Each format gives its paragraphs as (heading level, text), 0 for a plain
paragraph; the article, its title and its display HTML are made here.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape

from app.domain.text import normalize_text
from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.plain_text import _VISIBLE  # one notion of visible text
from app.importers.safe_xml import ExpatError, XMLRefused

MAX_EXPANDED_MB = 100  # all members together, inflated; a long book with photos is well below
MAX_RATIO = 100  # inflated/compressed for a member over 1 MB; office XML deflates 5-20 times
_RATIO_FLOOR = 2**20
_MAX_MEMBERS = 10_000
_CHUNK = 64 * 1024

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


class ZipBomb(Exception):
    """More bytes than the budget allows: refused as a zip bomb."""


@dataclass(frozen=True)
class OfficeFormat:
    """How the messages name one format (the file's suffix, what it is, who writes it)."""

    suffix: str
    what: str  # 'is not a Word document (a .docx is a zip archive; this is not one)'
    writer: str  # 'which Word never writes'
    noun: str  # 'this Word document has no text'


Paragraphs = list[tuple[int, str]]
OfficeText = tuple[Paragraphs, str | None, str | None]  # paragraphs, title, creator
Reader = Callable[[zipfile.ZipFile, list[int], str], OfficeText]  # archive, budget, name for messages


def read_office_zip(data: bytes | bytearray, name: str, kind: OfficeFormat, read: Reader) -> ImportedArticle:
    """The article in an office zip, or `UnreadableFileError` saying why it can't be read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (*_DAMAGED, zipfile.LargeZipFile):
        raise UnreadableFileError(f"{name} is not {kind.what}") from None
    with archive:
        try:
            check_sizes(archive, name, kind)
            budget = [MAX_EXPANDED_MB * 2**20]  # bytes still allowed to inflate, shared by every part
            paragraphs, title, creator = read(archive, budget, name)
        except ZipBomb:
            raise UnreadableFileError(
                f"{name}: this .{kind.suffix} expands to more than {MAX_EXPANDED_MB} MB; it may be a zip bomb"
            ) from None
        except XMLRefused:
            raise UnreadableFileError(
                f"{name}: this .{kind.suffix} holds XML entity declarations, which {kind.writer} never "
                "writes; Claimdesk refuses it as unsafe"
            ) from None
        except _DAMAGED:
            raise UnreadableFileError(
                f"{name}: this .{kind.suffix} is damaged or cut short and cannot be read"
            ) from None
    body = [(level, text) for level, text in paragraphs if _VISIBLE.search(text)]
    if not body:
        raise UnreadableFileError(f"{name}: this {kind.noun} has no text")
    heading = next((text for level, text in body if level == 1), None)
    return ImportedArticle(
        text=normalize_text("\n\n".join(text for _, text in body)),
        format=kind.suffix,
        sha256=sha256_of(data),
        filename=name,
        title=one_line(heading) or title,
        byline=creator,
        html=_html(body),
    )


def check_sizes(archive: zipfile.ZipFile, name: str, kind: OfficeFormat) -> None:
    """Refuse before inflating anything: too many members, too large, or compressed too well."""
    members = archive.infolist()
    if len(members) > _MAX_MEMBERS:
        raise UnreadableFileError(
            f"{name}: this .{kind.suffix} holds {len(members):,} files; {kind.writer} writes a few dozen"
        )
    total = 0
    for info in members:
        total += info.file_size
        if total > MAX_EXPANDED_MB * 2**20:
            raise ZipBomb
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise ZipBomb


def chunks(archive: zipfile.ZipFile, member: str, budget: list[int]) -> Iterator[bytes]:
    """A member's bytes, chunk by chunk, counted against `budget` whatever its header claims."""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise ZipBomb
            yield chunk


def one_line(text: str | None) -> str | None:
    cleaned = " ".join((text or "").split())
    return cleaned[:300] or None


def _html(body: list[tuple[int, str]]) -> str:
    """Headings and paragraphs for display; every character of the text escaped."""
    blocks = []
    for level, text in body:
        tag = f"h{min(level, 6)}" if level else "p"
        blocks.append(f"<{tag}>{escape(text).replace(chr(10), '<br>')}</{tag}>")
    return "\n".join(blocks)
