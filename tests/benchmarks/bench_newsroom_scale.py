"""A large library on both backends, side by side:
`python -m tests.benchmarks.bench_newsroom_scale [--articles 10000]`.

Fills a local SQLite library and a newsroom PostgreSQL database (a throwaway server,
tests/postgres_server.py) with the same `--articles` copies of the Wikinews set
(tests/benchmarks/library_builder.py), then times on each: the library list as the pane reads it
(every row, then the status counts of the rows in view; every article's counts at once is printed
for information), search p50/p95 over bench_search's queries, and opening the article
with the most claims (p95 of 20). Goals (issue 19, at 100,000 articles): list < 1 s, search p95 <
150 ms, the article opened < 200 ms. Prints one table; exit status 0 when PostgreSQL meets them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GOALS = {"list": 1000.0, "search p95": 150.0, "open p95": 200.0}  # milliseconds
VISIBLE = 60  # rows a library pane shows at once; the rest are counted as they scroll into view


def _ms(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def measure(db: object) -> dict[str, float]:
    from sqlalchemy import func, select

    from app.services import articles, library, search
    from app.storage.database import Database
    from app.storage.models import Claim
    from tests.benchmarks.bench_search import QUERIES, RUNS

    assert isinstance(db, Database)
    with db.session(reading=True) as session:
        biggest, claims = session.execute(
            select(Claim.article_id, func.count()).group_by(Claim.article_id).order_by(func.count().desc())
        ).first() or (1, 0)
    library.list_library(db)  # warm up
    search.search(db, "warm up")

    def pane() -> None:
        """What the library pane does: every row, then the counts of the rows in view."""
        rows = library.list_library(db, counts=False)
        library.status_counts(db, [row.id for row in rows[:VISIBLE]])

    listing = min(_ms(pane) for _ in range(3))
    every_count = min(_ms(lambda: library.list_library(db)) for _ in range(3))
    searches = [_ms(lambda q=q: search.search(db, q)) for _ in range(RUNS) for q in QUERIES]  # type: ignore[misc]
    opens = [_ms(lambda: articles.load_article(db, biggest)) for _ in range(20)]
    return {
        "list": listing,
        "list, every count (info)": every_count,
        "search p50": statistics.median(searches),
        "search p95": statistics.quantiles(searches, n=20)[18],
        f"open p95 ({claims} claims)": statistics.quantiles(opens, n=20)[18],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()

    from sqlalchemy import text

    from app.storage.database import open_database
    from app.storage.newsroom_setup import prepare_newsroom
    from app.storage.server import open_server_database
    from tests.benchmarks.library_builder import fill_library
    from tests.postgres_server import start_server

    workdir = Path(tempfile.mkdtemp(prefix="claimdesk-scale-"))
    local = open_database(workdir / "claimdesk.sqlite3")
    started = time.perf_counter()
    fill_library(local, args.articles)
    filled_local = time.perf_counter() - started
    sqlite_figures = measure(local)
    local.close()

    server_run = start_server()
    server = next(server_run)
    try:
        url = server.url(server.create_database())
        prepare_newsroom(url)
        shared = open_server_database(url, workdir / "newsroom")
        started = time.perf_counter()
        fill_library(shared, args.articles)
        with shared.engine.begin() as connection:  # the builder gave ids: bring the sequences after them
            for table in ("article", "claim", "note"):
                connection.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
        with shared.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
        filled_shared = time.perf_counter() - started
        postgres_figures = measure(shared)
        shared.close()
    finally:
        server_run.close()

    print(
        f"{args.articles} articles; filled in {filled_local:.0f} s (SQLite), {filled_shared:.0f} s "
        "(PostgreSQL)"
    )
    print(f"{'':28}{'SQLite':>12}{'PostgreSQL':>14}{'goal':>10}")
    ok = True
    for name in sqlite_figures:
        goal = None if "(info)" in name else next((g for k, g in GOALS.items() if name.startswith(k)), None)
        ok &= goal is None or postgres_figures[name] < goal
        goal_text = f"< {goal:.0f}" if goal else ""
        print(f"{name:28}{sqlite_figures[name]:>9.1f} ms{postgres_figures[name]:>11.1f} ms{goal_text:>10}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
