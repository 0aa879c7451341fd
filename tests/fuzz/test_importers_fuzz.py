"""`import_file` on hostile bytes: an article or one clear `UnreadableFileError`, nothing else."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.errors import UnreadableFileError
from app.importers import SUPPORTED_SUFFIXES, ImportedArticle, import_file
from tests.fuzz.conftest import FUZZ, TRIED
from tests.fuzz.strategies import hostile_bytes

_DIR = Path(tempfile.mkdtemp(prefix="claimdesk-fuzz-"))  # one folder for the run; files overwritten
atexit.register(shutil.rmtree, _DIR, True)


def _check(data: bytes, suffix: str) -> None:
    """The importer's whole contract for one input."""
    path = _DIR / f"article{suffix}"
    path.write_bytes(data)
    TRIED[f"import_file ({suffix or 'no suffix'})"] += 1
    try:
        article = import_file(path)
    except UnreadableFileError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        assert path.name in message  # the person learns which file it was
        return
    assert isinstance(article, ImportedArticle)
    assert article.text.strip()
    assert "\x00" not in article.text and "\r" not in article.text
    assert article.text.strip("\ufeff\u200b\u200c\u200d\u2060").strip()  # something visible
    article.text.encode("utf-8")  # no lone surrogates: the text can be stored and shown


@FUZZ
@given(data=hostile_bytes(), suffix=st.sampled_from((*SUPPORTED_SUFFIXES, "")))
def test_import_file_returns_an_article_or_a_clear_error(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@FUZZ
@given(data=st.binary(min_size=1, max_size=64))
def test_tiny_random_files(data: bytes) -> None:
    """Short files are where detectors guess most wildly."""
    _check(data, ".txt")
