"""The claims list grouped by linked claim, at newsroom scale:
`python -m tests.benchmarks.bench_link_groups [--library DIR]`.

The library is bench_claim_links.py's (10,000 articles, ~360,000 claims, and two 300-claim
articles). The list asks `article_link_groups` on a worker each time an article is opened grouped
by linked claim; it should cost no more than linking the article (issue 20's goal: < 300 ms), and
less than the editor's full links of every claim (`links_for_article`), which it does not need.
Nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from tests.benchmarks.bench_claim_links import HOUSING, WIKI_300, prepare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--library", type=Path, default=Path("/tmp/claimdesk-links-scale"), help="kept for reuse"
    )
    args = parser.parse_args()
    path = prepare(args.library)
    os.environ["CLAIMDESK_HOME"] = str(args.library)
    from app.services import articles, claim_links
    from app.storage.database import open_database

    db = open_database(path)
    ids = {a.title: a.id for a in articles.list_articles(db)}
    started = time.perf_counter()
    claim_links.library_index(db)
    print(f"index built (once per library opened, on a worker)  {time.perf_counter() - started:7.1f} s")
    for title in (HOUSING, WIKI_300):
        article = ids[title]
        claim_links.article_link_groups(db, article)  # warm: the first look at those rows
        groups, runs, full = [], [], []
        for _ in range(5):
            started = time.perf_counter()
            groups = claim_links.article_link_groups(db, article)
            runs.append(time.perf_counter() - started)
        for _ in range(3):
            started = time.perf_counter()
            claim_links.links_for_article(db, article)
            full.append(time.perf_counter() - started)
        grouped = sum(len(g.members) for g in groups)
        ms = min(runs) * 1000
        print(
            f"{title}: {len(groups)} groups of {grouped} claims  {ms:7.0f} ms  < 300 ms  "
            f"{'met' if ms < 300 else 'MISSED'}  (every claim's full links: {min(full) * 1000:.0f} ms)"
        )
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
