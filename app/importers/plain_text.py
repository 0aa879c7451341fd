"""Plain text and Markdown files: decode carefully, refuse what is not text.

Order of trust: a byte-order mark; UTF-16 without one (every other byte NUL); strict UTF-8; then
charset_normalizer's guess (Windows-1251, KOI8-R, Latin-1...). Whatever the source, the decoded
text must read as text: NUL bytes and a noticeable share of control or unassigned characters mean
a binary file or a wrong guess, and the person is told so rather than shown mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from app.domain.text import normalize_text
from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle, sha256_of
from app.importers.headline import headline_of

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024  # bytes and characters looked at to judge a file; enough for any article's start
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Controls always betray a binary file; unassigned and private-use characters betray a wrong guess
# (valid UTF-8 may hold emoji newer than Python's Unicode tables, so there only controls count).
_CONTROLS = frozenset(("Cc",))
_NOISE = frozenset(("Cc", "Cn", "Co", "Cs"))
_VISIBLE = re.compile(r"[^\s\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\u00ad]")


def decode_text(data: bytes | bytearray, name: str) -> str:
    """The file's text, or `UnreadableFileError` saying why it is not text we can read."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, name), name, _CONTROLS)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:  # only a guess: if it doesn't decode cleanly, the other readings get their turn
            return _checked(data.decode(utf16), name, _NOISE)
        except (UnicodeDecodeError, UnreadableFileError):
            pass
    if b"\x00" in data:
        raise UnreadableFileError(f"{name} looks like a binary file, not text")
    try:
        return _checked(data.decode("utf-8"), name, _CONTROLS)
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data, name), name, _NOISE)


def _decode(data: bytes | bytearray, encoding: str, name: str) -> str:
    label = encoding.upper().replace("-SIG", "")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableFileError(f"{name} starts as {label} text but is damaged or cut short") from None


def _utf16_without_bom(data: bytes | bytearray) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the high bytes of the pairs give it away, else None.

    In UTF-16 text of one script the high byte of each pair takes a handful of values (0x00 for
    Latin and spaces, 0x04 for Cyrillic), while the low bytes vary; single-byte encodings and
    UTF-8 look alike at both parities.
    """
    sample = bytes(data[: _SAMPLE & ~1])
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.6 * pairs and even.count(0) <= 0.05 * pairs:
        return "utf-16-le"
    if even.count(0) >= 0.6 * pairs and odd.count(0) <= 0.05 * pairs:
        return "utf-16-be"
    if pairs < 16:
        return None
    even_share, odd_share = _top_share(even), _top_share(odd)
    if odd_share >= 0.7 and odd_share - even_share >= 0.3:
        return "utf-16-le"
    if even_share >= 0.7 and even_share - odd_share >= 0.3:
        return "utf-16-be"
    return None


def _top_share(column: bytes) -> float:
    """The share of the two commonest byte values in `column`."""
    top = sorted(Counter(column).values(), reverse=True)[:2]
    return sum(top) / len(column)


def _guess(data: bytes | bytearray, name: str) -> str:
    """Ask charset_normalizer; any failure of its own is the file's "cannot tell", never a crash."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(bytes(data)).best()
        text = None if best is None else str(best)
    except (LookupError, ValueError, UnicodeError):
        text = None
    if text is None:
        raise UnreadableFileError(f"{name}: cannot tell which text encoding it uses; save it as UTF-8")
    return text


def _checked(text: str, name: str, bad_categories: frozenset[str]) -> str:
    """Refuse decoded text that holds NULs or reads as noise (more than 1 in 100 characters)."""
    if "\x00" in text:
        raise UnreadableFileError(f"{name} looks like a binary file, not text")
    sample = text[:_SAMPLE]
    bad = sum(
        1 for ch in sample if unicodedata.category(ch) in bad_categories and ch not in _ALLOWED_CONTROLS
    )
    if bad > max(2, len(sample) // 100):
        raise UnreadableFileError(
            f"{name} does not read as text (binary, or an encoding Claimdesk can't tell)"
        )
    return text


def read_plain_text(data: bytes | bytearray, name: str) -> ImportedArticle:
    text = normalize_text(decode_text(data, name))
    if not _VISIBLE.search(text):  # blank, or only invisible marks (stray BOMs, zero-width spaces)
        raise UnreadableFileError(f"{name} is empty")
    fmt = "markdown" if name.lower().endswith(".md") else "text"
    return ImportedArticle(
        text=text, format=fmt, sha256=sha256_of(data), filename=name, title=headline_of(text)
    )
