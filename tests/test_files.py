"""Whole-or-nothing file writes: what every export, attachment and backup relies on."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import ClaimdeskError
from app.files import (
    CHUNK,
    LEFTOVER_AGE_S,
    keep_by_digest,
    read_chunks,
    remove_leftovers,
    replacing,
    sha256_of_file,
    write_atomic,
)


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


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EFBIG, "the disk is full"),
        (errno.EDQUOT, "the disk is full"),
        (errno.EACCES, "Permission denied"),
    ],
)
def test_a_failed_write_says_why_in_words_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str
) -> None:
    out = tmp_path / "memo.pdf"
    out.write_bytes(b"the editor's copy")

    def refuse(*_args: object) -> None:
        raise OSError(code, os.strerror(code) if code == errno.EACCES else "errno text")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ClaimdeskError) as raised:
        write_atomic(out, b"new")
    assert str(raised.value) == f"Could not write {out}: {said}; nothing was written"
    assert out.read_bytes() == b"the editor's copy"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_a_folder_that_refuses_new_files_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(ClaimdeskError, match=r"^Could not write .*memo\.pdf: Read-only file system$"):
        write_atomic(tmp_path / "memo.pdf", b"new")


# --- where a write in progress lives: beside its target, under a name the clean-up knows ---------


def test_a_write_in_progress_is_a_hidden_partial_file_beside_its_target(tmp_path: Path) -> None:
    out = tmp_path / "memo.pdf"
    with replacing(out) as partial:
        assert partial.parent == tmp_path
        assert re.fullmatch(r"\.memo\.pdf\.[^./]+\.partial", partial.name), partial.name
        partial.write_bytes(b"%PDF")
        old = time.time() - LEFTOVER_AGE_S - 60
        os.utime(partial, (old, old))
        assert remove_leftovers(tmp_path, now=time.time() + 1) == [partial], "a killed write is cleaned up"
        partial.write_bytes(b"%PDF")  # the write goes on
    assert out.read_bytes() == b"%PDF" and out.stat().st_mode & 0o777 == 0o644


def test_leftovers_are_judged_by_the_time_given(tmp_path: Path) -> None:
    leftover = tmp_path / ".memo.pdf.abc123.partial"
    leftover.write_bytes(b"half")
    written = leftover.stat().st_mtime
    assert remove_leftovers(tmp_path, now=written + LEFTOVER_AGE_S) == [], "exactly an hour old: kept"
    assert remove_leftovers(tmp_path, now=written + LEFTOVER_AGE_S + 1) == [leftover]


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck, other = tmp_path / ".a.pdf.1.partial", tmp_path / ".b.pdf.2.partial"
    for path in (stuck, other):
        path.write_bytes(b"half")
    unlink = Path.unlink

    def refuse_one(self: Path, missing_ok: bool = False) -> None:
        if self.name == stuck.name:
            raise PermissionError(errno.EACCES, "Permission denied")
        unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse_one)
    assert remove_leftovers(tmp_path, now=time.time() + 2 * LEFTOVER_AGE_S) == [other]
    assert stuck.exists()


# --- the content-addressed store of kept documents ----------------------------------------------


def test_a_kept_copy_is_named_by_its_digest_in_a_private_folder(tmp_path: Path) -> None:
    store = tmp_path / "attachments"
    store.mkdir(mode=0o755)
    store.chmod(0o755)  # an existing folder with loose rights is made private
    digest, kept = keep_by_digest([b"survey ", b"page 2"], store, ".pdf")
    assert digest == hashlib.sha256(b"survey page 2").hexdigest()
    assert kept == store / digest[:2] / f"{digest}.pdf"
    assert kept.read_bytes() == b"survey page 2"
    assert store.stat().st_mode & 0o777 == 0o700 and kept.parent.stat().st_mode & 0o777 == 0o700
    assert kept.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "new" / "store"
    keep_by_digest([b"x"], fresh, "")
    assert fresh.stat().st_mode & 0o777 == 0o700


def test_bytes_on_their_way_in_are_a_partial_file_in_the_store(tmp_path: Path) -> None:
    store = tmp_path / "attachments"
    seen: list[str] = []

    def chunks() -> Iterator[bytes]:
        yield b"first"
        seen.extend(p.name for p in store.iterdir())
        yield b"second"

    keep_by_digest(chunks(), store, ".txt")
    assert len(seen) == 1 and re.fullmatch(r"\.incoming\.[^./]+\.partial", seen[0]), seen
    assert [p.name for p in store.iterdir() if p.is_file()] == [], "nothing left beside the copies"


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_before_keeping_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "attachments"
    monkeypatch.setattr("tempfile.mkstemp", _disk_full)
    with pytest.raises(ClaimdeskError) as raised:
        keep_by_digest([b"x"], store, ".pdf")
    assert str(raised.value) == f"Could not keep a copy in {store}: the disk is full"


def test_a_full_disk_while_keeping_is_said_and_leaves_nothing(tmp_path: Path) -> None:
    store = tmp_path / "attachments"

    def chunks() -> Iterator[bytes]:
        yield b"first"
        _disk_full()

    with pytest.raises(ClaimdeskError) as raised:
        keep_by_digest(chunks(), store, ".pdf")
    assert str(raised.value) == f"Could not keep a copy in {store}: the disk is full; nothing was kept"
    assert list(store.rglob("*")) == []


def test_a_large_file_is_read_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    data = bytes(range(256)) * (CHUNK * 2 // 256 + 100)
    path.write_bytes(data)
    pieces = list(read_chunks(path))
    assert [len(piece) for piece in pieces] == [CHUNK, CHUNK, len(data) - 2 * CHUNK]
    assert b"".join(pieces) == data and sha256_of_file(path) == hashlib.sha256(data).hexdigest()
