"""PDF articles with a text layer, through pypdf; paragraphs rebuilt by `pdf_layout`.

pypdf reads what a PDF says its text is; a scanned page says nothing, and Claimdesk does no OCR,
so a PDF without text is refused with that reason. Hostile PDFs are bounded: at most `MAX_PAGES`
pages, `MAX_PAGE_CONTENT` bytes of drawing instructions a page, `MAX_CHARS` characters, and
`TIME_BUDGET` seconds of extraction (checked page by page; pypdf itself caps each decompressed
stream at 75 MB). Any failure inside pypdf on a damaged file becomes one `UnreadableFileError`:
a broken file is the file's fault, not ours.
"""

from __future__ import annotations

import io
import logging
import re
import time
from typing import TYPE_CHECKING

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.line_joining import clean_line
from app.importers.pdf_layout import Line, LineCollector, drop_running_lines, paragraphs
from app.importers.plain_text import _VISIBLE  # one notion of visible text

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["MAX_CHARS", "MAX_PAGES", "MAX_PAGE_CONTENT", "TIME_BUDGET", "read_pdf"]

MAX_PAGES = 2_000
MAX_CHARS = 4_000_000  # twice what the claim engine analyses: a long book, far beyond any article
TIME_BUDGET = 120.0  # seconds of text extraction, checked between pages
# Decoded content of one page. A dense page of text drawn glyph by glyph (as Qt does) is ~60 KB;
# pypdf parses ~0.2-0.5 MB of content a second, and a page can't be interrupted half-way.
MAX_PAGE_CONTENT = 4 * 2**20
_HEAD = 1024  # the "%PDF-" mark may follow some junk, but not much
_NO_TEXT = "this PDF has no text layer (a scan?); Claimdesk cannot read text from images"
_TITLE_JUNK = re.compile(
    r"^(untitled|document|title|microsoft word\b.*|.*\.(docx?|pdf|indd|tex|dvi|odt|rtf))$", re.I
)


def read_pdf(data: bytes | bytearray, name: str) -> ImportedArticle:
    """The article in a PDF's text layer, or `UnreadableFileError` saying why there is none."""
    if b"%PDF-" not in bytes(data[:_HEAD]):
        raise UnreadableFileError(f"{name} is not a PDF file (it does not start like one)")
    # pypdf logs what it works around in damaged files (even as errors); the person gets our one sentence
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = _open(data, name)
        pages = _page_lines(reader, name)
        title, author = _metadata(reader)
    except UnreadableFileError:
        raise
    except Exception:  # pypdf raises a zoo of types (and RecursionError) on damaged files
        raise UnreadableFileError(f"{name}: this PDF is damaged or cut short and cannot be read") from None
    kept = drop_running_lines(pages)
    body = [paragraph for paragraph in paragraphs(kept) if _VISIBLE.search(paragraph)]
    if not body:
        raise UnreadableFileError(f"{name}: {_NO_TEXT}")
    first_line = next(line.text for page in kept for line in page if _VISIBLE.search(line.text))
    return ImportedArticle(
        text="\n\n".join(body),
        format="pdf",
        sha256=sha256_of(data),
        filename=name,
        title=_meaningful_title(title, name) or _shortened(first_line),
        byline=author,
    )


def _open(data: bytes | bytearray, name: str) -> PdfReader:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # many "protected" PDFs only restrict printing or copying
        except DependencyError:
            opened = PasswordType.NOT_DECRYPTED
        if opened == PasswordType.NOT_DECRYPTED:
            raise UnreadableFileError(
                f"{name}: this PDF is locked with a password; save an unlocked copy and import that"
            )
    count = len(reader.pages)
    if count == 0:
        raise UnreadableFileError(f"{name}: this PDF has no pages")
    if count > MAX_PAGES:
        raise UnreadableFileError(
            f"{name} has {count:,} pages; Claimdesk reads PDFs of up to {MAX_PAGES:,} pages "
            "(extract the part you are checking)"
        )
    return reader


def _page_lines(reader: PdfReader, name: str) -> list[list[Line]]:
    """Each page's positioned lines, within the character and time bounds."""
    started = time.monotonic()
    collector = LineCollector()
    pages: list[list[Line]] = []
    chars = 0
    for number, page in enumerate(reader.pages, 1):
        contents = page.get_contents()
        size = len(contents.get_data()) if contents is not None else 0
        if size > MAX_PAGE_CONTENT:  # pypdf would parse it for minutes, and the time budget can't stop it
            raise UnreadableFileError(
                f"{name}: page {number} holds {size / 2**20:.1f} MB of drawing instructions, more than "
                f"Claimdesk reads ({MAX_PAGE_CONTENT // 2**20} MB a page); it may be built to stall readers"
            )
        page.extract_text(visitor_text=collector)
        lines = collector.finish()
        pages.append(lines)
        chars += sum(len(line.text) for line in lines)
        if chars > MAX_CHARS:
            raise UnreadableFileError(
                f"{name} holds more than {MAX_CHARS:,} characters of text; Claimdesk reads articles, "
                "not libraries (extract the part you are checking)"
            )
        if time.monotonic() - started > TIME_BUDGET:
            raise UnreadableFileError(
                f"{name}: reading this PDF's text took over {TIME_BUDGET:.0f} s after "
                f"{len(pages):,} pages; it may be damaged or built to stall readers"
            )
    return pages


def _metadata(reader: PdfReader) -> tuple[str | None, str | None]:
    info = reader.metadata
    if info is None:
        return None, None
    return _clean(info.title), _clean(info.author)


def _clean(value: object) -> str | None:
    """A metadata string worth showing: some letters, one line, not absurdly long."""
    if not isinstance(value, str):
        return None
    text = clean_line(value)
    return text if text and len(text) <= 300 and any(ch.isalpha() for ch in text) else None


def _meaningful_title(title: str | None, name: str) -> str | None:
    """The metadata title unless it is a placeholder or a file name left by the producing program."""
    if title is None or _TITLE_JUNK.match(title):
        return None
    stem = name.rsplit(".", 1)[0]
    return None if title.lower() == stem.lower() else title


def _shortened(line: str) -> str:
    return line if len(line) <= 200 else line[:200].rsplit(" ", 1)[0] + "…"
