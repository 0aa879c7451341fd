"""Speed of the claim engine on Ukrainian and Russian news against English: per word, same stories.

`python -m tests.benchmarks.bench_multilingual`. The 100 NTREX articles (../shared/eval/multilingual/
ntrex, CC BY-SA 4.0) exist in English, Ukrainian and Russian, translated from one another, so the
three languages are timed on the same stories. The whole engine, `analyze(text)` with the language
detected, as the app runs it; on one core, best of `--runs` passes, in CPU seconds of this process
(wall-clock beside). The first analysis of each language, which loads its lexicon and (uk, ru) the
morphological dictionaries, is timed apart: the app pays it once per session.

Goal: CPU time per word within 1.5x of English. Exit status 0 when met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from app.domain.claims import analyze
from tests.benchmarks.bench_engine import best_time, pin_to_one_core
from tests.evaluation import EVAL

NTREX = EVAL / "multilingual" / "ntrex"
FILES = {"en": "eng", "uk": "ukr", "ru": "rus"}
GOAL_RATIO = 1.5


def load(lang: str) -> list[str]:
    path = NTREX / f"ntrex_news_{FILES[lang]}.jsonl"
    return [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"pinned: {pin_to_one_core()}")
    per_word: dict[str, float] = {}
    for lang in FILES:
        texts = load(lang)
        words = sum(len(t.split()) for t in texts)
        first = time.process_time()
        analyze(texts[0])  # loads the lexicon (and for uk, ru the dictionaries)
        first_ms = 1000 * (time.process_time() - first)
        cpu, wall = best_time(analyze, texts, args.runs)
        per_word[lang] = cpu / words
        print(
            f"{lang}: {len(texts)} articles, {words:,} words: {cpu:.3f} s CPU ({wall:.3f} s wall), "
            f"{1e6 * per_word[lang]:.1f} us/word; first analysis {first_ms:.0f} ms"
        )
    ok = True
    for lang in ("uk", "ru"):
        ratio = per_word[lang] / per_word["en"]
        ok = ok and ratio <= GOAL_RATIO
        print(f"{lang}/en per word: {ratio:.2f}x (goal <= {GOAL_RATIO}x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
