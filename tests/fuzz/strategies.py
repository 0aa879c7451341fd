"""Hypothesis strategies for hostile text and bytes: the shapes real broken files take."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces that stress the segmenter, attribution and quote finder, and the decoders.
PIECES = (
    "The minister said",
    " 40 ferries",
    " were cancelled",
    " on Friday",
    ", according to officials",
    ".",
    ". ",
    "! ",
    "? ",
    "...",
    "…",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\f",
    "\v",
    "\u2028",
    "\u2029",
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "`",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "1. ",
    "2. ",
    "a) ",
    "(iv) ",
    "• ",
    "- ",
    "Dr. ",
    "No. 2",
    "U.S.",
    "e.g.",
    "Sept. 25",
    "$1.5bn",
    "42%",
    "3,000",
    "½",
    "１２３",
    "Mr",
    "he said.",
    "she told reporters",
    "reportedly",
    "may have",
    "could not be verified",
    "BY JANE ROE",
    "by Jane Roe",
    "مرحبا بالعالم",
    "שלום",
    "\u202e",
    "\u200f",
    "\u200e",
    "e\u0301",
    "a\u0308\u0323",
    "\u0301",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00a0",
    "\u202f",
    "\x00",
    "\x1b",
    "Вчера мэр заявил",
    "東京で。",
    "。",
    "！",
    "x" * 300,
    '"' * 40,
    "(" * 50,
    ")" * 50,
)

# Bytes that decoders trip on: lone surrogates encoded as UTF-8, truncated sequences, BOMs, NUL.
NASTY_BYTES = (
    b"\x00",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xc3",
    b"\xe2\x80",
    b"\xf0\x9f\x98",
    b"\xff",
    b"\xfe",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\xc0\xaf",
    b"\xf8\x88\x80\x80\x80",
    b"\x80",
    b"\r\n",
    b"\r",
    b"\x1a",
)
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "latin-1",
    "cp1252",
    "cp1251",
    "koi8-r",
    "shift_jis",
    "gb18030",
    "iso-8859-7",
)


def hostile_text(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Text built from stressful pieces, mixed with arbitrary code points (astral ones included)."""
    piece = st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec=None), max_size=12))
    return st.lists(piece, max_size=max_pieces).map("".join)


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """Random bytes, or hostile text in some encoding, maybe truncated, spliced or mixed."""
    kind = draw(st.sampled_from(("random", "encoded", "mixed", "spliced")))
    if kind == "random":
        return draw(st.binary(max_size=4096))
    parts: list[bytes] = []
    for _ in range(2 if kind == "mixed" else 1):
        text = draw(hostile_text())
        encoding = draw(st.sampled_from(ENCODINGS))
        parts.append(text.encode(encoding, errors="replace"))
    data = b"".join(parts)
    if kind == "spliced" and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(NASTY_BYTES)) + data[at:]
    if draw(st.booleans()) and data:  # a file cut short, maybe in the middle of a character
        data = data[: draw(st.integers(0, len(data)))]
    return data
