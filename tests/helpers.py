"""Small helpers shared by tests."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """All text of a PDF as a reader would copy it: whitespace collapsed, ligatures (ﬁ) unfolded."""
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    raw = re.sub(r"(?<=\w-)[ \t]*\n\s*(?=\w)", "", raw)  # Qt breaks lines after a hyphen: "front-\nline"
    return " ".join(unicodedata.normalize("NFKC", raw).split())
