"""Killed at any moment, nothing committed is lost and the file stays whole.

A child process writes status changes and notes through the services and prints each one right
after the call returns (so after the commit). The parent kills it with SIGKILL after a random
delay, 24 times, then checks SQLite's integrity check and that every printed write is there.
Run as `python -m tests.storage.test_crash_safety DB CLAIM_ID ROUND`, this file is the child.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROUNDS = 24
ROOT = Path(__file__).resolve().parents[2]


def _child(path: str, claim_id: int, round_no: int) -> None:
    from app.services.claims import add_note, load_claim, set_status
    from app.storage.database import open_database

    db = open_database(Path(path))
    print("ready", flush=True)
    status = load_claim(db, claim_id).status
    seq = 0
    while True:
        seq += 1
        tag = f"r{round_no}-{seq}"
        status = "false" if status == "verified" else "verified"
        set_status(db, claim_id, status, reason=tag)
        print(f"status {tag}", flush=True)
        note = add_note(db, claim_id, f"note {tag}")
        print(f"note {note.id}", flush=True)


def test_synchronous_normal_with_wal_is_what_we_ship(db_path: Path) -> None:
    from app.storage.database import open_database

    db = open_database(db_path)
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("synchronous") == 1  # NORMAL: durable across a process kill (see database.py)
    db.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_loses_no_committed_write(db_path: Path, article_file: Path) -> None:
    from app.services.articles import import_path, load_article
    from app.storage.database import open_database

    db = open_database(db_path)
    article_id = import_path(db, article_file).article_id
    claim_id = load_article(db, article_id).claims[0].id
    db.close()
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reasons: set[str] = set()
    notes: set[int] = set()
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.storage.test_crash_safety",
                str(db_path),
                str(claim_id),
                str(round_no),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.5))
        child.send_signal(signal.SIGKILL)
        lines = child.stdout.read().splitlines()
        child.wait()
        assert child.returncode == -signal.SIGKILL
        for line in lines:
            kind, _, value = line.partition(" ")
            if kind == "status":
                reasons.add(value)
            elif kind == "note" and value:
                notes.add(int(value))
        with sqlite3.connect(db_path) as check:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored_reasons = {row[0] for row in check.execute("SELECT reason FROM status_change")}
            stored_notes = {row[0] for row in check.execute("SELECT id FROM note")}
        check.close()
        assert reasons <= stored_reasons, f"round {round_no}: lost {sorted(reasons - stored_reasons)}"
        assert notes <= stored_notes, f"round {round_no}: lost {sorted(notes - stored_notes)}"
    assert len(reasons) > ROUNDS, "the child must have written in most rounds"


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
