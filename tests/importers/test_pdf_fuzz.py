"""Mutated and truncated PDFs: `import_file` gives an article or one clear error, never a crash or hang.

Bases: a PDF drawn by Qt (compressed streams, embedded fonts) and a tiny hand-written one whose
text operators lie in the open, so byte mutations reach the content parser too.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ, accepting
from tests.fuzz.contract import import_under_contract
from tests.importers.test_pdf import PAGES, hand_written_pdf, write_pdf

_DIR = Path(tempfile.mkdtemp(prefix="claimdesk-pdf-fuzz-"))
atexit.register(shutil.rmtree, _DIR, True)

_NUMBERS = (b"0", b"-1", b"99999999999", b"2147483648", b"1e308", b"9" * 40, b"00", b".")
_NASTY = (
    b"\x00",
    b"\xff",
    b"(",
    b")",
    b"<",
    b">",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"\\",
    b"/",
    b"%",
    b"obj",
    b"endobj",
)
_NASTY += (
    b"stream\n",
    b"endstream",
    b"R",
    b" 0 R",
    b"BT",
    b"ET",
    b"Tj",
    b"TJ",
    b"Tf",
    b"Tm",
    b"cm",
    b"q",
    b"Q",
)


@cache
def bases() -> tuple[bytes, ...]:
    qt = write_pdf(_DIR / "qt.pdf", [PAGES[0]], title="Ferries").read_bytes()
    return (qt, hand_written_pdf())


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """A few byte-level edits of `base`: flips, cuts, insertions, deletions, numbers made huge."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(("flip", "truncate", "insert", "delete", "duplicate", "number")))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(_NASTY) | st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 256))] * draw(st.integers(1, 4))
        else:
            found = re.compile(rb"\d+").search(bytes(data), at)
            if found:
                data[found.start() : found.end()] = draw(st.sampled_from(_NUMBERS))
    return bytes(data)


def check(data: bytes, suffix: str, target: str) -> None:
    """The importer's whole contract for one input (as in tests/fuzz/test_importers_fuzz.py)."""
    article = import_under_contract(data, f"fuzzed{suffix}", target)
    if article is None:
        return
    for field in (article.title, article.byline):
        assert field is None or ("\n" not in field and field.strip())


# Shares of inputs that must import (measured: 20-35% of mutated files, 15% of content soup).
SHARE_MUTATED, SHARE_SOUP = 0.08, 0.05


@FUZZ
@given(data=st.data(), which=st.integers(0, 1))
def _mutated_pdf(data: st.DataObject, which: int) -> None:
    check(data.draw(mutated(bases()[which])), ".pdf", "import_file (.pdf, mutated)")


def test_mutated_pdfs() -> None:
    with accepting(SHARE_MUTATED):
        _mutated_pdf()


# A line of text drawn as a page shows it; the soup around it decides whether it still can be.
_TEXT_LINE = b"BT /F1 12 Tf 72 700 Td (The mayor said 40 ferries sailed.) Tj ET"


@FUZZ
@given(
    ops=st.lists(
        st.sampled_from((*_NASTY, *_NUMBERS)) | st.binary(max_size=8) | st.just(_TEXT_LINE),
        max_size=40,
    )
)
def _content_soup(ops: list[bytes]) -> None:
    check(hand_written_pdf(b" ".join(ops)), ".pdf", "import_file (.pdf, content soup)")


def test_hostile_content_streams() -> None:
    """Well-formed files whose page content is operator soup."""
    with accepting(SHARE_SOUP):
        _content_soup()
