"""One window per library: a second start hands its file over and exits; a crash frees the lock."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.single_instance import SingleInstance, hand_over, server_name

REPO = Path(__file__).resolve().parents[2]


def test_second_instance_hands_its_file_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    first = SingleInstance(database)
    assert first.claim()
    first.listen()
    second = SingleInstance(database)
    assert not second.claim()
    article = tmp_path / "article.txt"
    with qtbot.waitSignal(first.messageReceived, timeout=5000) as received:
        assert hand_over(database, str(article))
    assert received.args == [str(article.resolve())]
    with qtbot.waitSignal(first.messageReceived, timeout=5000) as received:
        assert hand_over(database, None)
    assert received.args == [""]
    first.release()
    assert second.claim(), "once the first has gone, the next start is first"
    second.release()


def test_each_library_has_its_own_instance(tmp_path: Path) -> None:
    one, other = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert server_name(one) != server_name(other)
    first, second = SingleInstance(one), SingleInstance(other)
    try:
        assert first.claim() and second.claim()
    finally:
        first.release()
        second.release()


def test_nobody_listening_means_no_hand_over(tmp_path: Path) -> None:
    assert not hand_over(tmp_path / "nobody.sqlite3", None, patience_s=0.3)


LISTEN_LATE = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from app.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
assert instance.claim()
print("locked", flush=True)
instance.messageReceived.connect(lambda file: (print("asked for", file, flush=True), app.quit()))
QTimer.singleShot(800, instance.listen)  # as the app does: listening starts after the first paint
QTimer.singleShot(20000, app.quit)
app.exec()
"""


def test_a_second_start_waits_for_the_first_to_listen(tmp_path: Path) -> None:
    """The first start holds the lock before it paints but listens only after: no false "not answering"."""
    database = tmp_path / "library.sqlite3"
    first = subprocess.Popen(
        [sys.executable, "-c", LISTEN_LATE, str(database)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "locked"
        assert not SingleInstance(database).claim()
        assert hand_over(database, str(tmp_path / "late.txt"))
        assert first.stdout.readline().strip() == f"asked for {(tmp_path / 'late.txt').resolve()}"
    finally:
        first.kill()
        first.wait()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from app.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
assert instance.claim()
print("held", flush=True)
time.sleep(60)
"""


def test_lock_of_a_killed_instance_is_stale(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not SingleInstance(database).claim(), "a live holder keeps the lock"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    after_crash = SingleInstance(database)
    assert after_crash.claim(), "the lock of a killed process must not block the next start"
    after_crash.release()


def test_second_start_opens_its_file_in_the_running_window(tmp_path: Path) -> None:
    """Two real `python -m app` processes: the second exits at once; the first imports its file."""
    home = tmp_path / "home"
    env = dict(os.environ, CLAIMDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("CLAIMDESK_QUIT_AFTER_FIRST_PAINT", None)
    first = subprocess.Popen(
        [sys.executable, "-m", "app"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        database = home / "claimdesk.sqlite3"
        deadline = time.monotonic() + 60
        while not _titles(database) and time.monotonic() < deadline:  # the sample is in: it listens
            assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
            time.sleep(0.1)
        article = tmp_path / "second.txt"
        article.write_text(
            "Officials said on Monday that the bridge would reopen in May.\n", encoding="utf-8"
        )
        second = subprocess.run(
            [sys.executable, "-m", "app", str(article)], cwd=REPO, env=env, capture_output=True, timeout=60
        )
        assert second.returncode == 0, second.stderr.decode()
        while "second" not in _titles(database) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "second" in _titles(database)
        assert first.poll() is None, "the first window is still running"
    finally:
        first.terminate()
        first.wait(timeout=30)


def _titles(database: Path) -> str:
    if not database.exists():
        return ""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            rows = connection.execute("SELECT title, coalesce(filename, '') FROM article").fetchall()
    except sqlite3.Error:
        return ""
    return " ".join(" ".join(row) for row in rows)


def test_the_socket_lives_in_a_folder_only_the_user_can_enter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    name = Path(server_name(tmp_path / "library.sqlite3"))
    assert name.parent == runtime

    shared = tmp_path / "shared-run"
    shared.mkdir()
    shared.chmod(0o777)  # a runtime folder others can enter is not used
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    name = Path(server_name(tmp_path / "library.sqlite3"))
    assert name.parent != shared
    assert name.parent.stat().st_mode & 0o077 == 0 and name.parent.stat().st_uid == os.getuid()
    assert not str(name).startswith("/tmp/claimdesk-") or name.parent.name == f"claimdesk-{os.getuid()}"
