"""Plain text and Markdown files: decode carefully, refuse what is not text."""

from __future__ import annotations

import codecs

from app.domain.text import normalize_text
from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (or a BOM's encoding) first; otherwise detect; a binary file is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableFileError(f"{name} starts as {encoding} text but is damaged") from None
    if b"\x00" in data[:8192]:
        raise UnreadableFileError(f"{name} looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFileError(f"{name}: cannot tell which text encoding it uses")
    return str(best)


def read_plain_text(data: bytes, name: str) -> ImportedArticle:
    text = normalize_text(decode_text(data, name))
    if not text.strip():
        raise UnreadableFileError(f"{name} is empty")
    fmt = "markdown" if name.lower().endswith(".md") else "text"
    return ImportedArticle(text=text, format=fmt, sha256=sha256_of(data), filename=name)
