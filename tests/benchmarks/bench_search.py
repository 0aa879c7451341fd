"""Library speed: `python -m tests.benchmarks.bench_search [--articles 10000] [--db PATH]`.

Prints one table:
- importing the 295 Wikinews articles (as .txt/.md/.html files, analysis included) through the
  batch import service (goal: under 20 s);
- building a library of `--articles` copies of them (tests/benchmarks/library_builder.py);
- search: p50/p95 over a spread of queries (common and rare words, two words, prefixes, words only
  in notes), each run several times (goal: p95 under 100 ms);
- loading the library: the service with every claim count; the pane shown (summaries, then the
  counts of the rows on screen: goal under 1 s); the pane sorted by claims (every count).

`--db PATH` reuses (or keeps) the built library between runs. Figures are wall-clock (the import
also in CPU seconds, which other work on a shared machine does not inflate). Exit status 0 when
every goal is met.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = (
    "said",
    "government",
    "police",
    "president",
    "election",
    "the",
    "people killed",
    "prime minister",
    "earthquake",
    "covid",
    "coronavirus vaccine",
    "wikinews",
    "football",
    "football club",
    "court ruled",
    "according to",
    "percent",
    "million",
    "bank",
    "vote",
    "parliament",
    "minist",  # a prefix, as typed
    "gov",
    "pres",
    "ministry",  # also in notes
    "press office",
    "register",
    "Zürich",
    "cafe",
    'quoted "phrase',
    "nonexistentword",
    "said police",
    "fire",
    "storm",
    "New Zealand",
)
RUNS = 5
SEARCH_GOAL_MS = 100.0
LIST_GOAL_S = 1.0
IMPORT_GOAL_S = 20.0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_import(workdir: Path) -> tuple[float, float, int]:
    from app.services.articles import import_files
    from app.storage.database import open_database
    from tests.benchmarks.library_builder import write_wikinews_files

    paths = write_wikinews_files(workdir / "wikinews")
    db = open_database(workdir / "import.sqlite3")
    started, cpu = time.perf_counter(), time.process_time()
    report = import_files(db, paths)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    return elapsed, cpu, len(report.imported)


def time_search(db_path: Path) -> list[float]:
    from app.services.search import search
    from app.storage.database import open_database

    db = open_database(db_path)
    search(db, "warm up")
    timings = []
    for _ in range(RUNS):
        for query in QUERIES:
            started = time.perf_counter()
            search(db, query)
            timings.append((time.perf_counter() - started) * 1000)
    db.close()
    return timings


def time_list(db_path: Path) -> tuple[float, float, float, int]:
    from PySide6.QtWidgets import QApplication

    from app.services.library import list_library
    from app.storage.database import open_database
    from app.ui.library.library_pane import LibraryPane

    app = QApplication.instance() or QApplication([])
    db = open_database(db_path)
    started = time.perf_counter()
    rows = list_library(db)
    service_s = time.perf_counter() - started

    def guard(work):  # type: ignore[no-untyped-def]
        return work()

    started = time.perf_counter()
    pane = LibraryPane(db, guard)  # builds the model and loads the summaries, newest first
    pane.resize(900, 700)
    pane.show()
    app.processEvents()  # first paint: the shown rows ask for their counts
    pane.model.load_wanted_counts()
    app.processEvents()
    pane_s = time.perf_counter() - started
    started = time.perf_counter()
    pane.table.sortByColumn(4, pane.table.horizontalHeader().sortIndicatorOrder())  # every count
    app.processEvents()
    sort_s = time.perf_counter() - started
    count = pane.row_count()
    pane.deleteLater()
    db.close()
    assert count == len(rows)
    return service_s, pane_s, sort_s, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="build the library here (kept), or reuse it if it exists")
    parser.add_argument("--skip-import", action="store_true", help="skip the 295-article import timing")
    args = parser.parse_args(argv)

    from tests.benchmarks.library_builder import build_library

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        rows: list[tuple[str, str, str]] = []
        ok = True
        if not args.skip_import:
            import_s, import_cpu, imported = time_import(workdir)
            ok &= import_s < IMPORT_GOAL_S
            rows.append(
                (f"import {imported} Wikinews files: CPU seconds of this process", f"{import_cpu:.1f} s", "")
            )
            rows.append(
                (f"import {imported} Wikinews files, analysis included", f"{import_s:.1f} s", "< 20 s")
            )
        db_path = args.db or workdir / "library.sqlite3"
        if not db_path.exists():
            started = time.perf_counter()
            build_library(db_path, args.articles)
            rows.append(
                (
                    f"build a library of {args.articles:,} articles",
                    f"{time.perf_counter() - started:.1f} s",
                    "",
                )
            )
        timings = time_search(db_path)
        p50, p95 = _percentile(timings, 0.5), _percentile(timings, 0.95)
        ok &= p95 < SEARCH_GOAL_MS
        rows.append((f"search p50 ({len(QUERIES)} queries x {RUNS})", f"{p50:.1f} ms", ""))
        rows.append(("search p95", f"{p95:.1f} ms", "< 100 ms"))
        rows.append(("search max", f"{max(timings):.1f} ms", ""))
        rows.append(("search mean", f"{statistics.fmean(timings):.1f} ms", ""))
        service_s, pane_s, sort_s, count = time_list(db_path)
        ok &= pane_s < LIST_GOAL_S
        rows.append(
            (f"library list with every count, service ({count:,} rows)", f"{service_s * 1000:.0f} ms", "")
        )
        rows.append(
            ("library pane shown (summaries, counts of shown rows)", f"{pane_s * 1000:.0f} ms", "< 1 s")
        )
        rows.append(("library pane sorted by claims (reads every count)", f"{sort_s * 1000:.0f} ms", ""))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>10}  goal")
    for name, figure, goal in rows:
        print(f"{name:<{width}}  {figure:>10}  {goal}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
