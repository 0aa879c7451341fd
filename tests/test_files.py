"""Whole-or-nothing file writes: what every export, attachment and backup relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ClaimdeskError
from app.files import replacing, write_atomic


def test_write_atomic_replaces_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "memo.md"
    out.write_text("old")
    write_atomic(out, "new ✓".encode())
    assert out.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_failure_inside_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    out = tmp_path / "memo.pdf"
    out.write_bytes(b"the editor's copy")
    with pytest.raises(RuntimeError), replacing(out) as partial:
        partial.write_bytes(b"half a memo")
        raise RuntimeError("renderer crashed")
    assert out.read_bytes() == b"the editor's copy"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_nothing_produced_is_an_error_not_an_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    with pytest.raises(ClaimdeskError, match="nothing was produced"), replacing(out):
        pass
    assert not out.exists() and not list(tmp_path.iterdir())


def test_bad_targets_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ClaimdeskError, match="folder"):
        write_atomic(tmp_path, b"x")
    with pytest.raises(ClaimdeskError, match="does not exist"):
        write_atomic(tmp_path / "no" / "such" / "x.csv", b"x")


def test_modes(tmp_path: Path) -> None:
    assert write_atomic(tmp_path / "a", b"x").stat().st_mode & 0o777 == 0o644
    assert write_atomic(tmp_path / "b", b"x", mode=0o600).stat().st_mode & 0o777 == 0o600
