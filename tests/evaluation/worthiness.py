"""Check-worthiness score against ClaimBuster's held-out test split (702 sentences, 351 check-worthy).

A sentence counts as flagged when ``score_sentence(text).score >= 0.5``. The same table shows a
plain baseline fitted on train.json only, TF-IDF words + logistic regression with balanced class
weights (scikit-learn defaults otherwise), so the reader sees what the engine's own features
and tuning add. The model was chosen by cross-validation on train.json; test.json is only read
here, to report.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from app.domain.worthiness import THRESHOLD, score_sentence
from tests.evaluation import EVAL, Row

DATA = EVAL / "claimbuster"
SUITE = "worthiness: ClaimBuster test, sentence model"
BASELINE_SUITE = "worthiness: baseline TF-IDF+LR"
GOAL_F1 = 0.83


def _load(path: Path) -> tuple[list[str], list[int]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [r["text"] for r in rows], [int(r["label"]) for r in rows]


def prf(gold: list[int], pred: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 of label 1."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == 1 and p == 1)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g == 0 and p == 1)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == 1 and p == 0)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@cache
def engine_scores() -> tuple[float, float, float]:
    texts, gold = _load(DATA / "test.json")
    pred = [int(score_sentence(t).score >= THRESHOLD) for t in texts]
    return prf(gold, pred)


@cache
def baseline_scores() -> tuple[float, float, float] | None:
    """The plain reference; None when scikit-learn (a train/test extra) is not installed."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        return None
    train_texts, train_gold = _load(DATA / "train.json")
    test_texts, test_gold = _load(DATA / "test.json")
    vectorizer = TfidfVectorizer()
    model = LogisticRegression(class_weight="balanced", max_iter=1000)
    model.fit(vectorizer.fit_transform(train_texts), train_gold)
    pred = [int(p) for p in model.predict(vectorizer.transform(test_texts))]
    return prf(test_gold, pred)


def rows() -> list[Row]:
    p, r, f = engine_scores()
    out = [
        Row(SUITE, "precision (label 1)", f"{p:.3f}", "reported", True),
        Row(SUITE, "recall (label 1)", f"{r:.3f}", "reported", True),
        Row(SUITE, "F1 (label 1)", f"{f:.3f}", f">= {GOAL_F1:.2f}", f >= GOAL_F1),
    ]
    base = baseline_scores()
    if base is None:
        out.append(Row(BASELINE_SUITE, "F1 (label 1)", "n/a (no scikit-learn)", "reference", True))
    else:
        bp, br, bf = base
        out += [
            Row(BASELINE_SUITE, "precision (label 1)", f"{bp:.3f}", "reference", True),
            Row(BASELINE_SUITE, "recall (label 1)", f"{br:.3f}", "reference", True),
            Row(BASELINE_SUITE, "F1 (label 1)", f"{bf:.3f}", "reference", True),
        ]
    return out
