"""Speed of the claim engine on real news: `python -m tests.benchmarks.bench_engine`.

Reads the 295 Wikinews articles of ../shared/eval/news/wikinews/*.csv (CC BY 2.5, Wikinews) and
times, on one core and best of `--runs` runs, in CPU seconds of this process (so that other work on a
shared machine does not count; wall-clock seconds are printed beside them):

- the whole engine, `app.domain.claims.analyze(text)` for every article (goal: under 2 s);
- our segmenter alone, `app.domain.text.split_sentences(text)`;
- pySBD's segmenter alone (`pysbd.Segmenter(language="en", clean=False, char_span=False)`), the
  usual reference, which the whole engine must beat;
- one article of 1,000 words (each article that long, cut to its first 1,000 words): the slowest
  of them must take under 100 ms.

Exit status 0 when both goals are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app.domain.claims import analyze
from app.domain.text import split_sentences
from tests.evaluation import EVAL

WIKINEWS = EVAL / "news" / "wikinews"
ENGINE_BUDGET_S = 2.0
ARTICLE_WORDS = 1000
ARTICLE_BUDGET_MS = 100.0


def load_articles(folder: Path = WIKINEWS) -> list[str]:
    """The `text` column of every Wikinews CSV, in file order."""
    texts: list[str] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            texts.extend(row["text"] for row in csv.DictReader(fh))
    return texts


def pin_to_one_core() -> str:
    """Run on one CPU, so figures do not depend on how many cores the machine has."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    return "not pinned (no sched_setaffinity)"


def best_time(work: Callable[[str], object], texts: Sequence[str], runs: int) -> tuple[float, float]:
    """(CPU, wall) seconds of the fastest of `runs` passes over all texts, garbage collector paused."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            cpu, wall = time.process_time(), time.perf_counter()
            for text in texts:
                work(text)
            best = min(best, (time.process_time() - cpu, time.perf_counter() - wall))
        finally:
            gc.enable()
    return best


def pysbd_segment() -> Callable[[str], object] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return segmenter.segment  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument("--no-pysbd", action="store_true", help="skip pySBD (it takes a while)")
    args = parser.parse_args(argv)

    where = pin_to_one_core()
    texts = load_articles()
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    print(
        f"{len(texts)} Wikinews articles, {words:,} words, {chars:,} characters; one core ({where}); "
        f"best of {args.runs}"
    )

    timings: list[tuple[str, tuple[float, float]]] = [
        ("engine: claims.analyze", best_time(analyze, texts, args.runs)),
        ("segmenter: split_sentences", best_time(split_sentences, texts, args.runs)),
    ]
    reference = None if args.no_pysbd else pysbd_segment()
    if reference is not None:
        timings.append(("pySBD 0.3.4 segment (clean=False)", best_time(reference, texts, args.runs)))

    width = max(len(name) for name, _ in timings)
    print(f"{'what':<{width}}  {'CPU s':>7}  {'words/s':>11}  {'wall s':>7}")
    for name, (cpu, wall) in timings:
        print(f"{name:<{width}}  {cpu:>7.3f}  {words / cpu:>11,.0f}  {wall:>7.3f}")

    long_ones = [" ".join(t.split()[:ARTICLE_WORDS]) for t in texts if len(t.split()) >= ARTICLE_WORDS]
    per_article = sorted(1000 * best_time(analyze, [t], args.runs)[0] for t in long_ones)
    slowest = per_article[-1] if per_article else 0.0
    if per_article:
        print(
            f"one {ARTICLE_WORDS:,}-word article ({len(per_article)} of them): median "
            f"{per_article[len(per_article) // 2]:.1f} ms, slowest {slowest:.1f} ms CPU"
        )

    engine = timings[0][1][0]
    ok = engine < ENGINE_BUDGET_S and slowest < ARTICLE_BUDGET_MS
    within = "<" if engine < ENGINE_BUDGET_S else ">="
    verdict = f"engine {engine:.2f} CPU s {within} {ENGINE_BUDGET_S:.0f} s budget"
    verdict += (
        f"; a {ARTICLE_WORDS:,}-word article at most {slowest:.0f} ms (budget {ARTICLE_BUDGET_MS:.0f} ms)"
    )
    if reference is not None:
        reference_cpu = timings[2][1][0]
        faster = engine < reference_cpu
        ok = ok and faster
        verdict += f"; engine {reference_cpu / engine:.1f}x {'faster' if faster else 'NOT faster'} than pySBD"
    print(verdict)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
