"""How long comparing two versions of an article takes, easy cases and hard ones.

`python -m tests.benchmarks.bench_versions`. The memo and View > Versions compare the first text
with the newest, so a page rewritten end to end, or touched in every paragraph (quotes curled, a
byline added to each), must stay quick. Exact word matching is quadratic in a run's words; see
app/services/article_versions.py for how runs are kept small.
"""

from __future__ import annotations

import random
import time

from app.services.article_versions import diff_texts

PARAGRAPH_WORDS = 60


def article(words: int, seed: int, vocabulary: int) -> str:
    """Paragraphs of random words; a small vocabulary is the hard case (every word is frequent)."""
    pick = random.Random(seed).choice
    lexicon = [f"w{i}" for i in range(vocabulary)]
    paragraphs = [" ".join(pick(lexicon) for _ in range(PARAGRAPH_WORDS)) + "." for _ in range(words // 60)]
    return "\n\n".join(paragraphs)


def main() -> None:
    print(f"{'case':<44}{'words':>8}{'seconds':>10}{'changes':>9}")
    for words in (20_000, 60_000):
        old = article(words, 1, 300)
        cases = {
            "a few words changed": old.replace(" w5 ", " w6 ", 30),
            "every paragraph touched": "\n\n".join(p.replace(" ", "  x ", 1) for p in old.split("\n\n")),
            "rewritten end to end": article(words, 2, 300),
            "one paragraph fewer, one more": old.split("\n\n", 1)[1] + "\n\nA new last paragraph.",
        }
        for name, new in cases.items():
            started = time.perf_counter()
            changes = diff_texts(old, new)
            print(f"{name:<44}{words:>8,}{time.perf_counter() - started:>10.3f}{len(changes):>9,}")


if __name__ == "__main__":
    main()
