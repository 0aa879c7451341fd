"""Check-worthiness score on ClaimBuster: gated on the train split, measured on the test split.

The suite asserts `gated_rows()`, which read train.json only: the shipped model's configuration
(features, n-gram scaling, C and positive boost, from app/domain/data/worthiness_en.json)
cross-validated on train.json with the fitting script's own seeded folds and the runtime's feature
extractor, and the shipped weights taking on train the decisions the script recorded. The CV F1
is the one with both classes weighted equally, the like-for-like figure for test.json (half of
its 702 sentences are check-worthy).

`rows()` adds the held-out test split (702 sentences, 351 check-worthy) for the evaluation report
(`python -m tests.evaluation`): the engine's sentence model, and beside it a plain baseline
fitted on train.json only, TF-IDF words + logistic regression with balanced class weights
(scikit-learn defaults otherwise), so the reader sees what the engine's own features and tuning
add. A sentence counts as flagged when ``score_sentence(text).score >= 0.5``. Nothing is chosen
or asserted on test.json: it is read here, to report, and nowhere else.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from app.domain import worthiness
from app.domain.worthiness import THRESHOLD, Lexicon, score_sentence
from tests.evaluation import EVAL, Row

DATA = EVAL / "claimbuster"
SUITE = "worthiness: ClaimBuster test, sentence model"
BASELINE_SUITE = "worthiness: baseline TF-IDF+LR"
CV_SUITE = "worthiness: ClaimBuster train, 5-fold CV"
FIT_SUITE = "worthiness: ClaimBuster train, shipped weights"
FIT_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fit_worthiness.py"
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


def shipped() -> dict[str, Any]:
    path = worthiness.DATA_DIR / "worthiness_en.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _fit_script() -> ModuleType:
    """scripts/fit_worthiness.py, whose folds, model and metrics the gate reuses."""
    spec = importlib.util.spec_from_file_location("fit_worthiness", FIT_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def train_cv_scores() -> dict[str, float]:
    """The shipped configuration's out-of-fold figures on train.json, as the fitting script counts them."""
    import numpy as np

    script, model = _fit_script(), shipped()
    texts, gold = _load(DATA / "train.json")
    lexicon = Lexicon.from_lists(model["lexicon"])
    x, _ = script.featurize(texts, lexicon, model["features"], model["ngram_scale"], model["min_df"])
    scores: dict[str, float] = script.cross_validate(x, np.array(gold), model["C"], model["positive_boost"])
    return scores


@cache
def train_fit_scores() -> tuple[float, float, float]:
    """Precision, recall and F1 of the runtime's shipped weights on the sentences they were fitted on."""
    texts, gold = _load(DATA / "train.json")
    return prf(gold, [int(score_sentence(t).score >= THRESHOLD) for t in texts])


def gated_rows() -> list[Row]:
    """What the test suite asserts: train.json only."""
    cv, recorded = train_cv_scores(), shipped()["metrics"]
    f1, se = cv["balanced_f1"], cv["balanced_f1_se"]
    p, r, f = train_fit_scores()
    fit = recorded["train_fit"]
    drift = max(abs(p - fit["precision"]), abs(r - fit["recall"]), abs(f - fit["f1"]))
    return [
        Row(
            CV_SUITE,
            "F1 (label 1, classes weighted equally)",
            f"{f1:.3f} ± {se:.3f}",
            f">= {GOAL_F1:.2f}",
            f1 >= GOAL_F1,
        ),
        Row(
            CV_SUITE,
            "precision / recall (classes weighted equally)",
            f"{cv['balanced_precision']:.3f} / {cv['balanced_recall']:.3f}",
            "reported",
            True,
        ),
        Row(
            CV_SUITE,
            "F1 as the weights file records it",
            f"{f1:.4f} (file: {recorded['cv_5fold']['balanced_f1']:.4f})",
            "within 0.005",
            abs(f1 - recorded["cv_5fold"]["balanced_f1"]) <= 0.005,
        ),
        Row(
            FIT_SUITE,
            "precision / recall / F1 (label 1) as fitted",
            f"{p:.4f} / {r:.4f} / {f:.4f}",
            "within 0.002 of the file",
            drift <= 0.002,
        ),
    ]


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
    """The report's rows: the gate, then the held-out test split (measured here only)."""
    p, r, f = engine_scores()
    out = [
        *gated_rows(),
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
