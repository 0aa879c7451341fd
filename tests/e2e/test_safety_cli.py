"""Backup, restore, damage, a busy database and a full disk, as the command line meets them."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.test_cli import run


def _articles(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        count = int(connection.execute("SELECT count(*) FROM article").fetchone()[0])
    connection.close()
    return count


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        verdict = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    connection.close()
    return verdict


def _no_partial_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".partial")]


def test_backup_list_restore(isolated_home: Path, article_file: Path) -> None:
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    made = run("backup", home=isolated_home)
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip())
    assert copy.parent == isolated_home / "backups" and copy.exists()
    listed = run("backups", home=isolated_home)
    assert "manual" in listed.stdout and str(copy) in listed.stdout
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM article")
    connection.close()
    assert _articles(db) == 0
    restored = run("restore", str(copy), home=isolated_home)
    assert restored.returncode == 0, restored.stderr
    assert _articles(db) == 1
    assert "before-restore" in run("backups", home=isolated_home).stdout


def test_restore_of_a_bad_file_changes_nothing(
    isolated_home: Path, article_file: Path, tmp_path: Path
) -> None:
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 500)
    done = run("restore", str(bad), home=isolated_home)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "not a good Claimdesk database" in done.stderr
    assert _articles(isolated_home / "claimdesk.sqlite3") == 1


def test_damaged_database_one_line_and_the_restore_command(isolated_home: Path, article_file: Path) -> None:
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    copy = Path(run("backup", home=isolated_home).stdout.strip())
    data = bytearray(db.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    db.write_bytes(bytes(data))
    listed = run("list", home=isolated_home)
    assert listed.returncode == 2 and "Traceback" not in listed.stderr
    assert listed.stderr.count("\n") == 1, listed.stderr
    assert "damaged" in listed.stderr and f"claimdesk restore {copy}" in listed.stderr
    (aside,) = isolated_home.glob("claimdesk.sqlite3.damaged-*")
    assert aside.read_bytes() == bytes(data)
    assert run("restore", str(copy), home=isolated_home).returncode == 0
    assert "Harbour dredging" in run("list", home=isolated_home).stdout


def test_busy_database_is_a_message_not_a_traceback(isolated_home: Path, article_file: Path) -> None:
    """A second program (the GUI, say) holds the write lock longer than the busy timeout."""
    db = isolated_home / "claimdesk.sqlite3"
    assert run("list", home=isolated_home).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = run("import", str(article_file), home=isolated_home)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2
    assert "busy in another program" in done.stderr and "Traceback" not in done.stderr
    assert _articles(db) == 0 and _integrity(db) == "ok"


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_full_disk_keeps_the_last_good_state(isolated_home: Path, article_file: Path, tmp_path: Path) -> None:
    """`ulimit -f` stands in for a full disk; it binds root too, unlike a read-only folder."""
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    big = tmp_path / "big.txt"
    big.write_text(
        "A long report\n\n"
        + "\n\n".join(f"The ministry said {n} schools reopened on day {n}." for n in range(20000)),
        encoding="utf-8",
    )
    existing = max(path.stat().st_size for path in isolated_home.iterdir() if path.is_file())
    env = {**os.environ, "CLAIMDESK_HOME": str(isolated_home), "PYTHONDONTWRITEBYTECODE": "1"}
    limited = _file_size_limit(existing + 64 * 1024)
    done = subprocess.run(
        [sys.executable, "-m", "app", "import", str(big)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limited,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "disk is full" in done.stderr and "Traceback" not in done.stderr
    assert _integrity(db) == "ok" and _articles(db) == 1
    assert _no_partial_files(isolated_home) == []

    tiny = _file_size_limit(db.stat().st_size // 2)  # the database opens, its copy cannot be written
    backed = subprocess.run(
        [sys.executable, "-m", "app", "backup"], capture_output=True, text=True, env=env, preexec_fn=tiny
    )
    assert backed.returncode == 2 and "Traceback" not in backed.stderr, backed.stderr
    assert backed.stderr.count("\n") == 1 and "Could not back up" in backed.stderr
    assert _no_partial_files(isolated_home) == []
    assert not any((isolated_home / "backups").glob("*-manual.sqlite3"))


# Root ignores folder permissions, and CI runs as root. So for root the folder is made read-only
# for real: bind-mounted read-only over itself in a mount namespace of the command's own (the
# whole file system reads as read-only there, database file included), else marked immutable.
_READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
_PROBE = "import sys; open(sys.argv[1] + '/probe', 'w')"


@contextmanager
def _unwritable(folder: Path) -> Iterator[list[str]]:
    """Make `folder` unwritable to this user, root included; yields the prefix to run commands under."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield []
        finally:
            folder.chmod(0o700)
        return
    tried = []
    if shutil.which("unshare") and shutil.which("mount"):
        prefix = ["unshare", "--mount", "sh", "-c", _READ_ONLY_MOUNT, str(folder)]
        probe = _probe(prefix, folder)
        if probe.returncode != 0 and "Read-only file system" in probe.stderr:
            yield prefix
            return
        tried.append(f"a read-only bind mount ({probe.stderr.strip()[-200:]})")
    if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)]).returncode == 0:
        try:
            if _probe([], folder).returncode != 0:
                yield []
                return
            tried.append("chattr +i (the folder stayed writable)")
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        tried.append("chattr +i (refused: no CAP_LINUX_IMMUTABLE, or the file system has no such flag)")
    pytest.skip("no way to make a folder read-only for root on this machine: tried " + "; ".join(tried))


def _probe(prefix: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """Try to create a file in `folder` (under `prefix`): a non-zero exit means it is unwritable."""
    command = [*prefix, sys.executable, "-c", _PROBE, str(folder)]
    return subprocess.run(command, capture_output=True, text=True)


def _run_in(prefix: list[str], *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_read_only_data_folder(isolated_home: Path, article_file: Path) -> None:
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    with _unwritable(isolated_home) as prefix:
        done = _run_in(prefix, "import", str(article_file), home=isolated_home)
        backed = _run_in(prefix, "backup", home=isolated_home)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "writable" in done.stderr
    assert backed.returncode == 2 and "Traceback" not in backed.stderr, backed.stderr
    assert _integrity(db) == "ok" and _articles(db) == 1
    assert not any((isolated_home / "backups").glob("*-manual.sqlite3"))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_a_memo_on_a_full_disk_is_refused_and_leaves_nothing(
    isolated_home: Path, article_file: Path, tmp_path: Path
) -> None:
    """A PDF memo that cannot be written whole: exit 2, a clear line, no file and no partial file."""
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    whole = tmp_path / "whole.pdf"
    assert run("export", "1", "--pdf", str(whole), home=isolated_home).returncode == 0
    out = tmp_path / "memo.pdf"
    env = {**os.environ, "CLAIMDESK_HOME": str(isolated_home), "PYTHONDONTWRITEBYTECODE": "1"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-m", "app", "export", "1", "--pdf", str(out)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_file_size_limit(whole.stat().st_size // 2),
        timeout=120,
    )
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "disk is full" in done.stderr and "Traceback" not in done.stderr
    assert str(out) not in done.stdout, "no path is printed for a memo that was not written"
    assert not out.exists() and _no_partial_files(tmp_path) == []


def test_restore_refuses_while_a_window_holds_the_library(isolated_home: Path, article_file: Path) -> None:
    """The window's lock (Qt's QLockFile, taken here the way the window takes it) stops a restore."""
    from PySide6.QtCore import QLockFile

    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    copy = Path(run("backup", home=isolated_home).stdout.strip())
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM article")
    connection.close()
    lock = QLockFile(str(db.with_name(db.name + ".lock")))
    assert lock.tryLock(0)
    try:
        refused = run("restore", str(copy), home=isolated_home)
    finally:
        lock.unlock()
    assert refused.returncode == 2 and "is open in Claimdesk" in refused.stderr, refused.stderr
    assert _articles(db) == 0, "the file under the window was not swapped"
    assert run("restore", str(copy), home=isolated_home).returncode == 0, "once the window is gone"
    assert _articles(db) == 1


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_restore_on_a_full_disk_leaves_the_library_in_place(
    isolated_home: Path, article_file: Path, tmp_path: Path
) -> None:
    """Copy, verify, then swap: when neither the safety copy nor the copy fits, the live file stays."""
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    copy = Path(run("backup", home=isolated_home).stdout.strip())
    before = db.read_bytes()
    env = {**os.environ, "CLAIMDESK_HOME": str(isolated_home), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "restore", str(copy)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_file_size_limit(1024),
        timeout=120,
    )
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert db.exists() and db.read_bytes() == before, "the good library was neither moved nor changed"
    assert _integrity(db) == "ok" and _articles(db) == 1
    assert _no_partial_files(isolated_home) == []


def _from_the_future(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    connection.close()


def test_a_library_from_a_newer_version_is_one_clear_line(isolated_home: Path, article_file: Path) -> None:
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    _from_the_future(db)
    before = db.read_bytes()
    done = run("list", home=isolated_home)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "newer version of Claimdesk" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == before, "nothing was changed"
    assert not (isolated_home / "backups").exists() or not any((isolated_home / "backups").iterdir())


def test_restoring_a_backup_from_a_newer_version_is_refused_before_anything_is_replaced(
    isolated_home: Path, article_file: Path, tmp_path: Path
) -> None:
    db = isolated_home / "claimdesk.sqlite3"
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    made = run("backup", home=isolated_home)
    future = tmp_path / "future.sqlite3"
    future.write_bytes(Path(made.stdout.strip()).read_bytes())
    _from_the_future(future)
    before = run("backups", home=isolated_home).stdout
    done = run("restore", str(future), home=isolated_home)
    assert done.returncode == 2 and "newer version of Claimdesk" in done.stderr, done.stderr
    assert _articles(db) == 1
    assert run("backups", home=isolated_home).stdout == before, "no before-restore copy: nothing was started"
