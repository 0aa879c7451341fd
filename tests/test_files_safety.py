"""Writes never replace what is not a plain file, and a killed write's leftovers are cleaned."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.config import files_dir
from app.errors import ClaimdeskError
from app.files import LEFTOVER_AGE_S, remove_leftovers, write_atomic
from app.services import safety
from app.storage.database import open_database


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "memo.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ClaimdeskError, match="not a regular file"):
        write_atomic(fifo, b"%PDF")
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_old_leftovers_of_our_own_are_removed_young_ones_and_others_kept(tmp_path: Path) -> None:
    old = tmp_path / ".memo.pdf.abc123.partial"
    young = tmp_path / ".memo.pdf.def456.partial"
    nested = tmp_path / "ab" / ".incoming.x1.partial"
    theirs = tmp_path / "notes.partial"  # not one of our names
    nested.parent.mkdir()
    for path in (old, young, nested, theirs):
        path.write_bytes(b"half")
    an_hour_ago = time.time() - LEFTOVER_AGE_S - 60
    for path in (old, nested, theirs):
        os.utime(path, (an_hour_ago, an_hour_ago))
    assert remove_leftovers(tmp_path) == [old]
    assert remove_leftovers(tmp_path, below=True) == [nested]
    assert young.exists() and theirs.exists()


def test_opening_the_library_cleans_what_a_crash_left(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    open_database(path).close()
    attachments = files_dir(path) / "attachments" / "ab"
    attachments.mkdir(parents=True)
    leftovers = [
        tmp_path / ".library.sqlite3.k2j3.partial",
        attachments / ".incoming.q9.partial",
        tmp_path / "backups" / ".library-x.sqlite3.z.partial",
    ]
    leftovers[2].parent.mkdir()
    old = time.time() - 2 * LEFTOVER_AGE_S
    for leftover in leftovers:
        leftover.write_bytes(b"half a file")
        os.utime(leftover, (old, old))
    safety.open_checked(path).close()
    assert not any(leftover.exists() for leftover in leftovers)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_as_the_library_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "library.sqlite3"
    os.mkfifo(fifo)
    with pytest.raises(ClaimdeskError, match="not a regular file"):
        safety.open_checked(fifo)
    assert fifo.is_fifo()


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes are POSIX")
def test_a_file_name_that_is_not_utf8_imports(tmp_path: Path) -> None:
    from app.services import articles

    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    path.write_text("Ships\n\nThe minister said 4 ships sank.\n", encoding="utf-8")
    db = open_database(tmp_path / "library.sqlite3")
    try:
        result = articles.import_path(db, path)
        assert articles.load_article(db, result.article_id).title
        (summary,) = articles.list_articles(db)
        assert summary.title
    finally:
        db.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_library_made_read_only_stays_read_only(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    open_database(path).close()
    path.chmod(0o444)
    db = open_database(path)
    db.close()
    assert path.stat().st_mode & 0o777 == 0o400, "rights are only ever taken away from others"


def test_a_library_whose_first_page_was_overwritten_offers_its_backup(tmp_path: Path) -> None:
    from app.services import articles

    path = tmp_path / "library.sqlite3"
    db = open_database(path)
    articles.import_text(db, "Ships\n\nThe minister said 4 ships sank.")
    db.close()
    saved = safety.back_up(path)
    with path.open("r+b") as stream:
        stream.write(b"\x00" * 100)
    with pytest.raises(safety.DatabaseSetAsideError) as raised:
        safety.open_checked(path)
    assert raised.value.backup == saved and raised.value.aside.exists()

    stranger = tmp_path / "notes.sqlite3"
    stranger.write_bytes(b"not a database at all")
    with pytest.raises(ClaimdeskError, match="left untouched"):
        safety.open_checked(stranger)
    assert stranger.read_bytes() == b"not a database at all"
