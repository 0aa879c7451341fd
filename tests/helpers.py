"""Small helpers shared by tests."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.config import Config
from pypdf import PdfReader
from sqlalchemy import Connection

from app.storage.migrate import MIGRATIONS


def pdf_text(path: Path) -> str:
    """All text of a PDF as a reader would copy it: whitespace collapsed, ligatures (ﬁ) unfolded."""
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    raw = re.sub(r"(?<=\w-)[ \t]*\n\s*(?=\w)", "", raw)  # Qt breaks lines after a hyphen: "front-\nline"
    return " ".join(unicodedata.normalize("NFKC", raw).split())


HANG = 240  # seconds: a case that takes this long is stuck, not slow
ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def children(programs: dict[str, list[str]]) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """Start every case at once, each `python -c PROGRAM [ARGS]` in its own interpreter (the
    slow ones overlap); whatever is still running at the end is killed."""
    started = {
        name: subprocess.Popen(
            [sys.executable, "-c", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, args in programs.items()
    }
    try:
        yield started
    finally:
        for child in started.values():
            if child.poll() is None:
                child.kill()
            child.communicate()


def finished(name: str, child: subprocess.Popen[str]) -> str:
    """The case's output once it exits 0; a hang or a crash fails the test, naming the case."""
    try:
        out, err = child.communicate(timeout=HANG)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail(f"{name}: no result after {HANG} s (a hang)")
    assert child.returncode == 0, f"{name}: {err[-2000:]}"
    return out


def refusal(path: Path) -> str:
    """The one-line message with which `import_file` refuses `path` (the test fails otherwise)."""
    from app.errors import UnreadableFileError
    from app.importers import import_file

    with pytest.raises(UnreadableFileError) as caught:
        import_file(path)
    message = str(caught.value)
    assert path.name in message and "\n" not in message
    return message


def alembic_config(connection: Connection) -> Config:
    """Alembic pointed at our migrations, on an open connection: to move a test library up or down."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def corrupt_pages(path: Path) -> None:
    """Overwrite every page after the first with noise; the header stays valid."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data), 7):
        data[offset] = (offset * 31) % 256
    path.write_bytes(bytes(data))


def case_id(text: str, size: int = 40) -> str:
    """A test id from a case's text that a command line can pass back (letters, digits and dashes):
    mutmut hands pytest the node ids it collected, and an id with spaces, brackets or an escaped
    newline is then "not found"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text[:size]).strip("-") or "empty"
