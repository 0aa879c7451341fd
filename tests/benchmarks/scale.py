"""Speed at newsroom scale: `python -m tests.benchmarks.scale [--library DIR] [--runs N]`.

Builds (once, then reuses) a library of 10,000 articles and their ~360,000 claims replicated
from ../shared/eval/news/wikinews (tests/benchmarks/library_builder.py), adds an article of 300
claims (opened last) and one of 500 reviewed claims (for the memo), and prints each figure next
to its goal (issue 8). Nothing here asserts: it measures and says "met" or "MISSED".

Start-up is measured as whole processes, each reporting the moment of a probe and quitting
(app/ui/application.py): first paint (the window with the last article) and ready (the database
opened and checked on a worker, the library listed), next to a bare PySide6 window's first paint
in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench_search import time_list, time_search
from tests.benchmarks.startup import BARE_WINDOW, time_process

HOUSING = "Housing report"  # the 300-claim article (tests/benchmarks/bench_status_change.py)
MEMO = "Housing report 500"  # the 500-claim, fully reviewed article (tests/benchmarks/bench_memo.py)
# The app's own peak: Linux's VmHWM (of this process image). ru_maxrss would not do here: Linux
# carries it across exec, so a child of this benchmark (which may have just built the library in
# memory) would report the parent's peak.
PEAK_RSS = (
    "import resource, runpy, sys\n"
    "sys.argv = ['claimdesk']\n"
    "try:\n    runpy.run_module('app', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "try:\n"
    "    status = open('/proc/self/status').read()\n"
    "    print(int(status.split('VmHWM:')[1].split()[0]))\n"
    "except (OSError, IndexError):\n"
    "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def prepare(home: Path) -> Path:
    """The library at home/claimdesk.sqlite3, built if missing; the 300-claim article opened last."""
    from app.services import articles
    from app.storage.database import open_database
    from tests.benchmarks.bench_memo import build_article
    from tests.benchmarks.bench_status_change import write_article
    from tests.benchmarks.library_builder import build_library

    home.mkdir(parents=True, exist_ok=True)
    os.environ["CLAIMDESK_HOME"] = str(home)
    path = home / "claimdesk.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        build_library(path)
        print(f"built the library in {time.perf_counter() - started:.0f} s")
    db = open_database(path)
    titles = {a.title: a.id for a in articles.list_articles(db)}
    if MEMO not in titles:
        build_article(db, home, 500)
    if HOUSING not in titles:
        articles.import_path(db, write_article(home))
    titles = {a.title: a.id for a in articles.list_articles(db)}
    articles.mark_opened(db, titles[HOUSING])
    db.close()
    return path


def start_up(home: Path, runs: int) -> dict[str, float]:
    env = {**os.environ, "CLAIMDESK_HOME": str(home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    app = [sys.executable, "-m", "app"]
    paint_env = {**env, "CLAIMDESK_QUIT_AFTER_FIRST_PAINT": "1"}
    ready_env = {**env, "CLAIMDESK_QUIT_WHEN_READY": "1"}
    time_process(app, ready_env, "ready")  # warm the caches; the day's backup is made once, here
    bare, painted, ready = [], [], []
    for _ in range(runs):
        bare.append(time_process([sys.executable, "-c", BARE_WINDOW], env)[0])
        painted.append(time_process(app, paint_env)[0])
        ready.append(time_process(app, ready_env, "ready")[0])
    rss = subprocess.run(
        [sys.executable, "-c", PEAK_RSS], env=ready_env, capture_output=True, text=True, check=True
    )
    return {
        "bare": statistics.median(bare),
        "painted": statistics.median(painted),
        "ready": statistics.median(ready),
        "peak_mb": int(rss.stdout.split()[-1]) / 1024,
    }


def in_the_window(path: Path, runs: int) -> dict[str, float]:
    """Open the 300-claim article, change statuses, export the 500-claim memo, in one process."""
    from PySide6.QtWidgets import QApplication

    from app.domain.statuses import STATUSES
    from app.services import articles, reports
    from app.storage.database import open_database
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(path)
    titles = {a.title: a.id for a in articles.list_articles(db)}
    window = MainWindow(db)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    other, housing = titles[MEMO], titles[HOUSING]
    opened = []
    for _ in range(runs):
        window.open_article(other)
        app.processEvents()
        opened.append(_timed(lambda: (window.open_article(housing), window.repaint(), app.processEvents())))
    ids = [c.id for c in window.claim_model.claims()]
    cycle = [s for s in STATUSES if s.id != "unreviewed"] + [s for s in STATUSES if s.id == "unreviewed"]
    changes = []
    for i in range(200):
        claim_id = ids[(i * 7) % len(ids)]
        current = window.claim_model.claim(claim_id)
        assert current is not None
        following = cycle[([s.id for s in cycle].index(current.status) + 1) % len(cycle)]
        reason = "Checked the register" if following.needs_reason else ""
        change = partial(window.actions.set_status, claim_id, following.id, reason)
        changes.append(_timed(change))
    memo = path.parent / "scale-memo.pdf"
    reports.export_pdf(db, other, memo)  # warm-up: fonts, Qt's PDF writer
    exports = [_timed(lambda: reports.export_pdf(db, other, memo)) for _ in range(3)]
    window.close()
    db.close()
    return {
        "open": statistics.median(opened),
        "status_p50": statistics.median(changes),
        "status_p95": percentile(changes, 0.95),
        "memo": min(exports),
        "claims": len(ids),
    }


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, default=Path("/tmp/claimdesk-scale"), help="kept for reuse")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = prepare(args.library)
    from app.storage.database import open_database

    db = open_database(path)
    with db.session() as session:
        counts = (
            session.connection()
            .exec_driver_sql("SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM claim)")
            .one()
        )
    db.close()
    print(f"library: {counts[0]:,} articles, {counts[1]:,} claims, {path.stat().st_size / 2**20:.0f} MB")
    boot = start_up(args.library, args.runs)
    _, list_s, _, rows = time_list(path)
    searches = time_search(path)
    window = in_the_window(path, args.runs)
    ratio = boot["painted"] / boot["bare"]
    rows_out = [
        ("start-up, first paint / bare window", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5),
        ("  bare PySide6 window", f"{boot['bare'] * 1000:.0f} ms", "", None),
        ("  first paint, last article open", f"{boot['painted'] * 1000:.0f} ms", "", None),
        ("  ready (database checked, library listed)", f"{boot['ready'] * 1000:.0f} ms", "", None),
        (f"library list shown ({rows:,} rows)", f"{list_s * 1000:.0f} ms", "< 1 s", list_s < 1.0),
        (
            "full-text search p95",
            f"{percentile(searches, 0.95):.1f} ms",
            "< 100 ms",
            percentile(searches, 0.95) < 100,
        ),
        (
            f"article of {window['claims']:.0f} claims opened and painted",
            f"{window['open'] * 1000:.0f} ms",
            "< 150 ms",
            window["open"] < 0.150,
        ),
        (
            "status change committed, p95",
            f"{window['status_p95'] * 1000:.1f} ms",
            "< 20 ms",
            window["status_p95"] < 0.020,
        ),
        ("PDF memo of 500 claims", f"{window['memo']:.2f} s", "< 3 s", window["memo"] < 3.0),
        ("peak memory, library open", f"{boot['peak_mb']:.0f} MB", "< 300 MB", boot["peak_mb"] < 300),
    ]
    print(f"\n{'measure':<46}{'result':>12}  {'goal':<10}verdict")
    for name, result, goal, met in rows_out:
        verdict = "" if met is None else ("met" if met else "MISSED")
        print(f"{name:<46}{result:>12}  {goal:<10}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
