"""Speed and faithfulness of the web-page importer: `python -m tests.benchmarks.bench_html_import`.

Times `import_file` (decoding, parsing, trafilatura, the sanitised copy) in CPU seconds of this
process, pinned to one core, on:

- the three saved pages of ../shared/eval/news/html (best of `--runs` runs each);
- the 295 Wikinews articles of ../shared/eval/news/wikinews (CC BY 2.5, Wikinews), each written out
  as a saved page of our own making: a menu, the article, a "related stories" aside, a comment form
  and a footer around it.

Besides the times it prints how faithful the Wikinews imports are: articles whose every paragraph
came back as a paragraph of the text, whose title came back, and in which none of the page around
the article (menu, related stories, comments, footer) leaked into the text. No goal is asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from html import escape
from pathlib import Path

from app.importers import ImportedArticle, import_file
from tests.benchmarks.bench_engine import pin_to_one_core
from tests.evaluation import EVAL
from tests.evaluation.claims import wikinews_articles

PAGES = EVAL / "news" / "html"
FURNITURE = ("Front page", "Related stories", "Storm season ahead", "Leave a comment", "All rights reserved")


def wikinews_page(row: dict[str, str]) -> str:
    """One Wikinews article as a browser would save a news site's page."""
    paragraphs = _paragraphs(row["text"])
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(row["title"])} - Wikinews</title><link rel="canonical" href="{escape(row["url"])}">
<meta property="og:site_name" content="Wikinews"><link rel="stylesheet" href="page_files/site.css">
<script src="page_files/app.js"></script></head><body>
<header><a href="/">Wikinews</a><nav><ul><li><a href="/">Front page</a></li><li><a href="/w">World</a></li>
</ul></nav></header><main><article><h1>{escape(row["title"])}</h1>
<p class="byline">Published <time datetime="{row["date"]}">{row["date"]}</time></p>
{body}</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Storm season ahead, forecasters warn</a></li></ul></aside>
<section class="comments"><h2>Leave a comment</h2><form><textarea></textarea><button>Send</button></form>
</section></main><footer><p>All rights reserved. Content under CC BY 2.5.</p></footer></body></html>
"""


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def faithful(article: ImportedArticle, row: dict[str, str]) -> tuple[bool, bool, bool]:
    """(every paragraph kept, title kept, no furniture) for one imported Wikinews page."""
    kept = set(article.text.split("\n\n"))
    paragraphs = all(p in kept for p in _paragraphs(row["text"]))
    title = article.title == " ".join(row["title"].split())
    clean = not any(thing in article.text for thing in FURNITURE)
    return paragraphs, title, clean


def timed(path: Path) -> tuple[float, ImportedArticle]:
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        article = import_file(path)
        return time.process_time() - start, article
    finally:
        gc.enable()


def summary(label: str, seconds: Sequence[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (
        f"{label}: {len(ms)} pages, total {sum(ms) / 1000:.2f} s, mean {statistics.fmean(ms):.1f} ms, "
        f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs per eval page")
    args = parser.parse_args(argv)
    print(f"pinned: {pin_to_one_core()}")
    start = time.process_time()
    import trafilatura  # noqa: F401  (its first import is a one-off cost: reported apart)

    print(f"first import of trafilatura: {(time.process_time() - start) * 1000:.0f} ms CPU")

    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    for entry in expected.values():
        path = PAGES / entry["file"]
        best, article = min((timed(path) for _ in range(args.runs)), key=lambda pair: pair[0])
        hits = sum(s in article.text for s in entry["with"])
        leaks = sum(s in article.text for s in entry["without"])
        print(
            f"{entry['file']}: {path.stat().st_size / 1024:.0f} KB, {best * 1000:.1f} ms, "
            f"{len(article.text)} characters, with {hits}/{len(entry['with'])}, "
            f"without leaked {leaks}/{len(entry['without'])}"
        )

    rows = wikinews_articles()
    with tempfile.TemporaryDirectory() as folder:
        seconds, counts = [], [0, 0, 0]
        for n, row in enumerate(rows):
            path = Path(folder) / f"{n:03d}.html"
            path.write_text(wikinews_page(row), encoding="utf-8")
            took, article = timed(path)
            seconds.append(took)
            for i, ok in enumerate(faithful(article, row)):
                counts[i] += ok
    print(summary("Wikinews as saved pages", seconds))
    print(
        f"faithful: every paragraph kept {counts[0]}/{len(rows)}, title {counts[1]}/{len(rows)}, "
        f"no furniture in the text {counts[2]}/{len(rows)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
