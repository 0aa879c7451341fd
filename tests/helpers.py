"""Small helpers shared by tests."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """All text of a PDF, whitespace collapsed and ligatures (ﬁ) unfolded, as a reader would copy it."""
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())
