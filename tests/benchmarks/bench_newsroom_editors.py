"""Many editors on one newsroom library: `python -m tests.benchmarks.bench_newsroom_editors
[--editors 20] [--changes 10000] [--claims 60]`.

Starts a throwaway PostgreSQL (tests/postgres_server.py), imports articles, then runs `--editors`
processes at once, each with its own login role, making `--changes` status changes and notes in
all, on a small set of claims so they collide often. Each change is made as the UI would: read the
claim, then write with the version read (`change_status(..., expect_version=)`, as a status key
does); a ConflictError is counted, the claim read again, and the change tried again (at most 20).

Prints: changes made, conflicts met, p50/p95 per change (the write, including its retries' writes),
and the checks: every note written is there (0 lost) and every claim's history is one unbroken
chain, each step starting from the status the previous one left (0 overwritten without a conflict).
Exit status 0 when both hold and p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

STATUSES = ("in_progress", "disputed", "unreviewed", "false", "partly_true", "unverified")
GOAL_P95_MS = 50.0
MAX_TRIES = 20


def _editor(
    url: str, number: int, changes: int, claim_ids: list[int], out: multiprocessing.Queue  # type: ignore[type-arg]
) -> None:
    from app.errors import ConflictError
    from app.services import claims
    from app.storage.server import open_server_database

    db = open_server_database(url, Path(tempfile.mkdtemp(prefix=f"editor{number}-")))
    rng = random.Random(number)
    times, conflicts, notes, steps = [], 0, [], 0
    for change in range(changes):
        claim_id = rng.choice(claim_ids)
        for _try in range(MAX_TRIES):
            shown = claims.load_claim(db, claim_id)
            began = time.perf_counter()
            try:
                if change % 2:
                    body = f"editor {number} note {change}"
                    claims.add_note(db, claim_id, body)
                    notes.append(body)
                else:
                    new = rng.choice([s for s in STATUSES if s != shown.status])
                    reason = f"reason {number}/{change}"
                    claims.change_status(db, claim_id, new, reason, expect_version=shown.version)
                    steps += 1
            except ConflictError:
                conflicts += 1
                continue
            finally:
                times.append(time.perf_counter() - began)
            break
    db.close()
    out.put((times, conflicts, notes, steps))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=60, help="claims worked on (fewer: more collisions)")
    args = parser.parse_args()

    from sqlalchemy import select

    from app.services import articles
    from app.storage.models import Claim, Note, StatusChange
    from app.storage.newsroom_setup import add_editor, prepare_newsroom
    from app.storage.server import open_server_database
    from tests.postgres_server import start_server

    server_run = start_server()
    server = next(server_run)
    try:
        name = server.create_database()
        admin_url = server.url(name)
        prepare_newsroom(admin_url)
        db = open_server_database(admin_url, Path(tempfile.mkdtemp(prefix="admin-")))
        from tests.benchmarks.library_builder import write_wikinews_files

        corpus = write_wikinews_files(Path(tempfile.mkdtemp(prefix="wikinews-")))
        claim_ids: list[int] = []
        for path in corpus:
            if len(claim_ids) >= args.claims:
                break
            article_id = articles.import_path(db, path).article_id
            claim_ids += [c.id for c in articles.load_article(db, article_id).claims]
        claim_ids = claim_ids[: args.claims]
        for number in range(args.editors):
            add_editor(admin_url, f"editor{number}")
        spawn = multiprocessing.get_context("spawn")  # fresh interpreters: no engine inherited
        queue: multiprocessing.Queue = spawn.Queue()  # type: ignore[type-arg]
        each = args.changes // args.editors
        started = time.perf_counter()
        processes = [
            spawn.Process(
                target=_editor, args=(server.url(name, f"editor{n}"), n, each, claim_ids, queue)
            )
            for n in range(args.editors)
        ]
        for process in processes:
            process.start()
        results = [queue.get(timeout=1800) for _ in processes]
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - started

        times = [t for r in results for t in r[0]]
        conflicts = sum(r[1] for r in results)
        written_notes = {body for r in results for body in r[2]}
        steps_made = sum(r[3] for r in results)
        with db.session(reading=True) as session:
            stored_notes = set(session.scalars(select(Note.body)))
            history = session.execute(
                select(StatusChange.claim_id, StatusChange.old_status, StatusChange.new_status)
                .order_by(StatusChange.claim_id, StatusChange.id)
            ).all()
            statuses = dict(session.execute(select(Claim.id, Claim.status)).all())
        lost = len(written_notes - stored_notes) + (steps_made - len(history))
        overwritten, previous = 0, {}
        for claim_id, old, new in history:
            if previous.get(claim_id, "unreviewed") != old:
                overwritten += 1
            previous[claim_id] = new
        overwritten += sum(1 for c, s in previous.items() if statuses[c] != s)
        db.close()
    finally:
        server_run.close()

    p50 = statistics.median(times) * 1000
    p95 = statistics.quantiles(times, n=20)[18] * 1000
    made = steps_made + len(written_notes)
    print(f"editors {args.editors}, claims {len(claim_ids)}, changes {made} ({steps_made} statuses, "
          f"{len(written_notes)} notes) in {elapsed:.1f} s")
    print(f"conflicts met and retried: {conflicts}")
    print(f"per change: p50 {p50:.1f} ms, p95 {p95:.1f} ms (goal < {GOAL_P95_MS:.0f} ms)")
    print(f"lost: {lost}; overwritten without a conflict: {overwritten}")
    return 0 if lost == 0 and overwritten == 0 and p95 < GOAL_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
