"""How long the PDF memo takes as articles grow: `python -m tests.benchmarks.bench_memo`.

Builds articles of N claims, each with a status change and its reason, a note and a link, in a
temporary database through the services, then times `reports.export_pdf`. The goal: a memo of
500 claims in under 3 s, and seconds per claim roughly flat (linear growth).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.statuses import STATUSES
from app.export.memo_options import MemoOptions
from app.services import articles, claims, evidence, reports
from app.storage.database import Database, open_database

SIZES = (125, 250, 500, 1000)
GOAL_SECONDS, GOAL_CLAIMS = 3.0, 500
FINAL = [s.id for s in STATUSES if s.id != "unreviewed"]


def build_article(db: Database, folder: Path, size: int) -> int:
    """An article of `size` attributed, numeric sentences, every claim reviewed and annotated."""
    sentences = [
        f"The council said {100 + i} new homes were finished in district {i % 17} during {2000 + i % 25}."
        for i in range(size)
    ]
    source = folder / f"article-{size}.txt"
    source.write_text(f"Housing report {size}\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    article_id = articles.import_path(db, source).article_id
    for i, claim in enumerate(articles.load_article(db, article_id).claims):
        claims.set_status(db, claim.id, FINAL[i % len(FINAL)], reason=f"Checked against register {i}")
        claims.add_note(db, claim.id, f"Spoke to the records office about entry {i}; they confirmed it.")
        evidence.add_link(db, claim.id, f"https://example.org/register/{i}")
    return article_id


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "bench.sqlite3")
        rows = []
        for size in SIZES:
            article_id = build_article(db, folder, size)
            count = len(articles.load_article(db, article_id).claims)
            reports.export_pdf(db, article_id, folder / "warm-up.pdf")  # fonts, Qt start-up
            timings = []
            for _ in range(3):
                start = time.perf_counter()
                reports.export_pdf(db, article_id, folder / f"memo-{size}.pdf", MemoOptions())
                timings.append(time.perf_counter() - start)
            rows.append((count, min(timings), (folder / f"memo-{size}.pdf").stat().st_size))
        db.close()
    print(f"{'claims':>7} {'seconds':>8} {'ms/claim':>9} {'PDF KiB':>8}")
    for count, seconds, size_bytes in rows:
        print(f"{count:>7} {seconds:>8.3f} {1000 * seconds / count:>9.2f} {size_bytes / 1024:>8.0f}")
    at_goal = next((s for c, s, _ in rows if c >= GOAL_CLAIMS), None)
    if at_goal is not None:
        verdict = "met" if at_goal < GOAL_SECONDS else "MISSED"
        print(f"goal: {GOAL_CLAIMS} claims in < {GOAL_SECONDS:.0f} s: {verdict} ({at_goal:.2f} s)")
    per_claim = [s / c for c, s, _ in rows]
    print(f"linearity: ms/claim largest/smallest = {max(per_claim) / min(per_claim):.2f} (1.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
