"""`import_file` on hostile bytes: an article or one clear `UnreadableFileError`, nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.importers import SUPPORTED_SUFFIXES
from tests.fuzz.conftest import FUZZ
from tests.fuzz.contract import import_under_contract
from tests.fuzz.strategies import hostile_bytes


def _check(data: bytes, suffix: str) -> None:
    """The importer's whole contract for one input."""
    import_under_contract(data, f"article{suffix}", f"import_file ({suffix or 'no suffix'})")


@FUZZ
@given(data=hostile_bytes(), suffix=st.sampled_from((*SUPPORTED_SUFFIXES, "")))
def test_import_file_returns_an_article_or_a_clear_error(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@FUZZ
@given(data=st.binary(min_size=1, max_size=64))
def test_tiny_random_files(data: bytes) -> None:
    """Short files are where detectors guess most wildly."""
    _check(data, ".txt")
