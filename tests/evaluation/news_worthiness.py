"""Check-worthiness in news: the engine's score against our hand labels of Wikinews sentences.

`tests/data/worthiness_news/labels.jsonl` holds 1,042 sentences of 48 Wikinews articles labelled
check-worthy or not by reading (guidelines beside it), a third of the articles held out. The
score must rank a news article's sentences (ROC AUC) on the held-out articles (`gated_rows`, what
the test suite asserts), and stay a good detector on ClaimBuster's debate sentences, each analysed
as a one-sentence text: measured on ClaimBuster's held-out test split for the evaluation report
only (`rows`), so no test reads it.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from app.domain.claims import analyze
from app.domain.news_score import SentenceFacts
from app.domain.text import normalize_text
from tests.evaluation import EVAL, Row
from tests.evaluation.claims import wikinews_articles
from tests.evaluation.worthiness import prf

LABELS = Path(__file__).resolve().parents[1] / "data" / "worthiness_news" / "labels.jsonl"
GOAL_AUC = 0.80
GOAL_CLAIMBUSTER_F1 = 0.85


@cache
def labelled(
    split: str,
) -> tuple[tuple[SentenceFacts, ...], tuple[int, ...], tuple[str, ...], tuple[float, ...]]:
    """(facts, labels, article URLs, engine scores) of every labelled sentence of `split`.

    Each label is checked against the text it was made on (sha1 of the sentence), and the
    segmenter must still give that sentence: either change is an error, not a silent skip.
    """
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = {a["url"]: a for a in wikinews_articles()}
    by_url: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        if r["split"] == split:
            by_url.setdefault(str(r["url"]), []).append(r)
    facts, labels, groups, scores = [], [], [], []
    for url, items in by_url.items():
        text = normalize_text(articles[url]["text"])
        analysis = analyze(text, title=articles[url]["title"])
        found = {(c.start, c.end): (c, f) for c, f in zip(analysis.claims, analysis.facts, strict=True)}
        for r in items:
            start, end = int(str(r["start"])), int(str(r["end"]))
            if hashlib.sha1(text[start:end].encode()).hexdigest()[:12] != r["sha1"]:
                raise AssertionError(f"{url} {start}-{end}: the labelled text changed")
            if (start, end) not in found:
                raise AssertionError(f"{url} {start}-{end}: the segmenter no longer gives this sentence")
            claim, fact = found[(start, end)]
            facts.append(fact)
            labels.append(int(str(r["label"])))
            groups.append(url)
            scores.append(claim.score)
    return tuple(facts), tuple(labels), tuple(groups), tuple(scores)


def roc_auc(labels: tuple[int, ...] | list[int], scores: tuple[float, ...] | list[float]) -> float:
    """The chance that a random check-worthy sentence scores above a random other one (ties half)."""
    ranked = sorted(zip(scores, labels, strict=True))
    rank_sum, i, n = 0.0, 0, len(ranked)
    while i < n:  # average ranks over ties
        j = i
        while j < n and ranked[j][0] == ranked[i][0]:
            j += 1
        rank_sum += sum(label for _, label in ranked[i:j]) * (i + j + 1) / 2
        i = j
    positives = sum(labels)
    negatives = n - positives
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


@cache
def claimbuster_through_the_engine() -> tuple[float, float, float]:
    """Precision, recall, F1 of the score `analyze` gives each ClaimBuster test sentence."""
    data = json.loads((EVAL / "claimbuster" / "test.json").read_text(encoding="utf-8"))
    gold, pred = [], []
    for r in data:
        claims = analyze(r["text"]).claims
        gold.append(int(r["label"]))
        pred.append(int(max((c.score for c in claims), default=0.0) >= 0.5))
    return prf(gold, pred)


def gated_rows() -> list[Row]:
    """Our Wikinews labels: what the test suite asserts."""
    out = []
    for split in ("train", "heldout"):
        _, labels, _, scores = labelled(split)
        auc = roc_auc(labels, scores)
        flagged = sum(s >= 0.5 for s in scores) / len(scores)
        suite = f"worthiness: our Wikinews {split}"
        goal = f">= {GOAL_AUC:.2f}" if split == "heldout" else "reported (fitted here)"
        out.append(
            Row(
                suite,
                f"ROC AUC ({len(labels)} sentences)",
                f"{auc:.3f}",
                goal,
                split != "heldout" or auc >= GOAL_AUC,
            )
        )
        out.append(
            Row(
                suite,
                "share scored >= 0.5 (labelled 1)",
                f"{flagged:.0%} ({sum(labels) / len(labels):.0%})",
                "reported",
                True,
            )
        )
    return out


def rows() -> list[Row]:
    """The report's rows: the gated ones, and ClaimBuster's test split through the engine."""
    out = gated_rows()
    p, r, f = claimbuster_through_the_engine()
    suite = "worthiness: ClaimBuster test, engine score"
    out += [
        Row(suite, "precision / recall (label 1)", f"{p:.3f} / {r:.3f}", "reported", True),
        Row(suite, "F1 (label 1)", f"{f:.3f}", f">= {GOAL_CLAIMBUSTER_F1:.2f}", f >= GOAL_CLAIMBUSTER_F1),
    ]
    return out
