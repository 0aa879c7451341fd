"""Importers: each format becomes a plain `ImportedArticle`, all behind `import_file(path)`."""

from __future__ import annotations

from pathlib import Path

from app.errors import UnreadableFileError
from app.importers.article import ImportedArticle
from app.importers.plain_text import read_plain_text

__all__ = ["SUPPORTED_SUFFIXES", "ImportedArticle", "import_file"]

# Markdown is read as text for now: its markup stays visible, and offsets stay exact.
_READERS = {".txt": read_plain_text, ".text": read_plain_text, ".md": read_plain_text, "": read_plain_text}
SUPPORTED_SUFFIXES = tuple(s for s in _READERS if s)
MAX_BYTES = 64 * 1024 * 1024


def import_file(path: str | Path) -> ImportedArticle:
    """Read one file as an article, or raise `UnreadableFileError` with a message a person reads."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFileError(f"{path}: no such file")
    if path.is_dir():
        raise UnreadableFileError(f"{path} is a folder; choose an article file")
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(SUPPORTED_SUFFIXES)
        raise UnreadableFileError(
            f"{path.name}: Claimdesk cannot read {path.suffix} files yet (it reads {known})"
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFileError(
                f"{path.name} is {size // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB"
            )
        data = path.read_bytes()
    except PermissionError:
        raise UnreadableFileError(f"{path}: permission denied") from None
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot be read ({error.strerror})") from None
    return reader(data, path.name)
