"""Decode a saved web page: a byte-order mark, then the page's own <meta> charset, then detection.

Detection and the "is this text at all" judgement are the plain-text reader's (`decode_text`); this
module adds only what HTML declares about itself. Labels follow the WHATWG encoding rules where
they differ from Python's: latin-1 and ascii mean windows-1252, and a page that declares UTF-16 in
ASCII bytes cannot be UTF-16, so it is read as UTF-8.
"""

from __future__ import annotations

import codecs
import re

from app.importers.plain_text import decode_text

_PRESCAN = 4096  # the spec looks at 1024 bytes; real pages put a long <head> first
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_STARTS_WITH_BOM = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's start so too
_WHATWG = {"iso8859-1": "cp1252", "ascii": "cp1252"}  # what browsers read these labels as
_DAMAGE = 0.01  # more than 1 in 100 characters undecodable: the declaration is wrong, not a stray byte


def decode_html(data: bytes | bytearray, name: str) -> str:
    """The page as text, or `UnreadableFileError` when it is not text we can read."""
    if bytes(data[:4]).startswith(_STARTS_WITH_BOM):
        return decode_text(data, name)
    encoding = declared_encoding(data)
    if encoding is not None:
        try:
            return bytes(data).decode(encoding)
        except UnicodeDecodeError:
            text = bytes(data).decode(encoding, errors="replace")
            if text.count("\ufffd") <= _DAMAGE * len(text):
                return text  # a stray byte in a page that tells the truth about itself
    return decode_text(data, name)


def declared_encoding(data: bytes | bytearray) -> str | None:
    """The Python codec a page's <meta> or XML declaration names, if Python knows it."""
    match = _META_CHARSET.search(bytes(data[:_PRESCAN]))
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name == "utf-16" or name == "utf-32" or name.startswith(("utf-16-", "utf-32-")):
        return "utf-8"
    return _WHATWG.get(name, name)
