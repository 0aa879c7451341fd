"""The database checks (quick at every open, full once a day), index repair, and setting damage aside."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.errors import StorageError
from app.storage import integrity
from app.storage.integrity import DamagedDatabaseError
from tests.helpers import corrupt_pages

WHEN = datetime(2026, 3, 4, 10, 20, 30, tzinfo=UTC)


def _database(path: Path, rows: int = 200) -> Path:
    connection = sqlite3.connect(path)
    with connection:  # one transaction
        connection.execute("CREATE TABLE t (a INTEGER, b TEXT CHECK (length(b) < 5))")
        connection.execute("CREATE INDEX ix_t_a ON t (a)")
        connection.executemany("INSERT INTO t VALUES (?, ?)", [(n, str(n * 7)) for n in range(rows)])
    connection.close()
    return path


def _rewrite_schema(path: Path, name: str, sql: str) -> None:
    """Change an object's declaration under its stored pages, as damage (or a bad tool) would."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, name))
    connection.close()


def _damage_the_index(path: Path) -> None:
    _rewrite_schema(path, "ix_t_a", "CREATE INDEX ix_t_a ON t (b)")  # its entries no longer match


def _break_a_check(path: Path) -> None:
    _rewrite_schema(path, "t", "CREATE TABLE t (a INTEGER, b TEXT CHECK (length(b) < 1))")


# --- quick check ---------------------------------------------------------------------------------


def test_a_whole_missing_or_empty_file_passes_the_quick_check(tmp_path: Path) -> None:
    integrity.quick_check(_database(tmp_path / "whole.sqlite3"))
    integrity.quick_check(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists(), "checking never creates a file"
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    integrity.quick_check(empty)
    integrity.quick_check(tmp_path)  # a folder cannot be opened: left for the engine to report


def test_rows_that_break_their_table_are_damage(tmp_path: Path) -> None:
    path = _database(tmp_path / "t.sqlite3", rows=3)
    _break_a_check(path)
    with pytest.raises(
        DamagedDatabaseError, match=r"damaged \(3 problems found by SQLite's check\)"
    ) as raised:
        integrity.quick_check(path)
    assert raised.value.path == path and str(path) in str(raised.value)
    assert isinstance(raised.value, StorageError)


@pytest.mark.parametrize(
    "damage",
    [corrupt_pages, lambda path: path.write_bytes(b"SQLite format 3\0" + b"\xff" * 2000)],
    ids=["pages", "header"],
)
def test_unreadable_pages_are_damage(tmp_path: Path, damage: object) -> None:
    path = _database(tmp_path / "t.sqlite3")
    assert callable(damage)
    damage(path)
    with pytest.raises(DamagedDatabaseError, match="damaged"):
        integrity.quick_check(path)


def test_a_file_that_is_no_database_at_all_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"my notes, not a database" * 100)
    with pytest.raises(
        DamagedDatabaseError, match=r"notes\.sqlite3 is damaged \(file is not a database\)"
    ) as raised:
        integrity.quick_check(path)
    assert raised.value.path == path
    assert path.read_bytes() == b"my notes, not a database" * 100, "the check changes nothing"


def test_index_damage_passes_the_quick_check_but_not_the_full_one(tmp_path: Path) -> None:
    path = _database(tmp_path / "t.sqlite3")
    _damage_the_index(path)
    integrity.quick_check(path)
    problems = integrity.full_check(path)
    assert problems and all("missing from index ix_t_a" in p or "wrong # of entries" in p for p in problems)


# --- full check and repair -----------------------------------------------------------------------


def test_the_full_check_of_a_whole_database_is_empty(tmp_path: Path) -> None:
    assert integrity.full_check(_database(tmp_path / "t.sqlite3")) == []


def test_the_full_check_of_an_unreadable_file_says_why(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"junk" * 500)
    assert integrity.full_check(path) == ["file is not a database"]


def test_the_full_check_sees_broken_checks(tmp_path: Path) -> None:
    path = _database(tmp_path / "t.sqlite3", rows=2)
    _break_a_check(path)
    assert integrity.full_check(path) == ["CHECK constraint failed in t"] * 2


def test_index_only_damage_is_repaired_without_losing_a_row(tmp_path: Path) -> None:
    path = _database(tmp_path / "t.sqlite3")
    _damage_the_index(path)
    assert integrity.repair_indexes(path) is True
    assert integrity.full_check(path) == []
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM t").fetchone() == (200,)


def test_a_whole_database_needs_no_repair(tmp_path: Path) -> None:
    path = _database(tmp_path / "t.sqlite3")
    before = path.read_bytes()
    assert integrity.repair_indexes(path) is True
    assert path.read_bytes() == before, "nothing rewritten"


def test_damage_beyond_indexes_is_not_repaired(tmp_path: Path) -> None:
    path = _database(tmp_path / "t.sqlite3")
    _damage_the_index(path)
    _break_a_check(path)
    before = path.read_bytes()
    assert integrity.repair_indexes(path) is False
    assert path.read_bytes() == before, "a database with damaged rows is left as it was"


def test_an_unreadable_file_is_not_repaired(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"junk" * 500)
    assert integrity.repair_indexes(path) is False


# --- setting damage aside ------------------------------------------------------------------------


def test_a_damaged_database_is_set_aside_with_its_side_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrity, "utcnow", lambda: WHEN)
    path = tmp_path / "library.sqlite3"
    contents = {"": b"main", "-wal": b"wal", "-shm": b"shm"}
    for suffix, data in contents.items():
        Path(f"{path}{suffix}").write_bytes(data)
    aside = integrity.set_aside(path)
    assert aside == tmp_path / "library.sqlite3.damaged-20260304T102030Z"
    for suffix, data in contents.items():
        assert not Path(f"{path}{suffix}").exists()
        assert Path(f"{aside}{suffix}").read_bytes() == data, "every byte kept, the side files beside it"


def test_a_second_damaged_file_in_the_same_second_gets_its_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrity, "utcnow", lambda: WHEN)
    path = tmp_path / "library.sqlite3"
    names = []
    for number in range(3):
        path.write_bytes(f"copy {number}".encode())
        names.append(integrity.set_aside(path).name)
    stamp = "library.sqlite3.damaged-20260304T102030Z"
    assert names == [stamp, f"{stamp}-2", f"{stamp}-3"]
    assert (tmp_path / f"{stamp}-3").read_bytes() == b"copy 2"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names), "no side files were invented"


def test_a_file_that_cannot_be_moved_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"Could not move the damaged database .* aside"):
        integrity.set_aside(tmp_path / "gone.sqlite3")


class _Troubled:
    """A connection whose check fails with `message`, as SQLite reports trouble that is not damage."""

    def __init__(self, message: str) -> None:
        self.message = message

    def execute(self, _sql: str) -> None:
        raise sqlite3.OperationalError(self.message)

    def close(self) -> None:
        pass


@pytest.mark.parametrize("message", ["database is locked", "disk I/O error", "unable to open database file"])
def test_trouble_that_is_not_damage_is_left_to_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str
) -> None:
    path = _database(tmp_path / "t.sqlite3")
    monkeypatch.setattr(integrity.sqlite3, "connect", lambda *_args, **_kwargs: _Troubled(message))
    integrity.quick_check(path)  # the engine reports it when it opens the file


@pytest.mark.parametrize(
    "message", ["database disk image is malformed", "file is not a database", "CORRUPT page"]
)
def test_each_word_of_damage_is_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    path = _database(tmp_path / "t.sqlite3")
    monkeypatch.setattr(integrity.sqlite3, "connect", lambda *_args, **_kwargs: _Troubled(message))
    with pytest.raises(DamagedDatabaseError, match=message):
        integrity.quick_check(path)


def test_a_repair_that_cannot_open_the_file_leaves_it_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _database(tmp_path / "t.sqlite3")
    _damage_the_index(path)
    problems = integrity.full_check(path)

    def locked(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(integrity, "full_check", lambda _path: problems)
    monkeypatch.setattr(integrity.sqlite3, "connect", locked)
    assert integrity.repair_indexes(path) is False
