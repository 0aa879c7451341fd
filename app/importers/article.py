"""The one shape every importer returns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    text: str  # normalised; every offset in the app refers to it
    format: str  # "text", "markdown", "html", ...
    sha256: str  # of the original bytes: duplicates and evidence integrity
    filename: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None
    html: str | None = None  # sanitised, for display
    outlet: str | None = None  # the site or publication name (web pages)


def sha256_of(data: bytes | bytearray) -> str:
    return hashlib.sha256(data).hexdigest()
