"""Fit the news check-worthiness model and write app/domain/data/news_score_en.json.

Run from the repository root: ``python scripts/fit_news_score.py`` (needs the ``train`` extra,
scikit-learn). It reads the hand labels in tests/data/worthiness_news/labels.jsonl, TRAIN split
only (the held-out articles are never read here), analyses each labelled Wikinews article with
the claim engine, and fits a logistic regression over `app.domain.news_score.features`.
ClaimBuster's train split (debate sentences, never its test split) joins the fit with a smaller
weight, so a check-worthy sentence outside news still scores above 0.5. The regularisation C and
that weight are chosen by cross-validated ROC AUC on the news labels over folds grouped by article
(the sentences of one article never sit on both sides of a fold); within noise of the best, the
setting that leans most on ClaimBuster. Then the bias alone (which moves where 0.5 falls, never
the ranking) is set where the prior-balanced F1 on ClaimBuster's train split is highest, counted
with out-of-fold sentence logits as the sentence model's own selection counts it. Class weights
are balanced within each source, so a score of 0.5 sits where both kinds of mistake weigh the
same, not at either training mix.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from fit_worthiness import balanced_f1, featurize, new_model  # noqa: E402  (the sentence model's recipe)

from app.domain.claims import analyze  # noqa: E402
from app.domain.news_score import SentenceFacts, features  # noqa: E402
from tests.evaluation.news_worthiness import labelled  # noqa: E402

CLAIMBUSTER_TRAIN = ROOT.parent / "shared" / "eval" / "claimbuster" / "train.json"
CB_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5, 1.0)
AUC_NOISE = 0.002  # differences in grouped CV AUC smaller than this are noise
OUT = ROOT / "app" / "domain" / "data" / "news_score_en.json"
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5

# Feature -> what the claims panel says when it raises ("+") or lowers ("-") the score. A feature
# moving the score the other way is not named: a reason must read true on its own.
LABELS_EN: dict[str, dict[str, str]] = {
    "sentence_logit": {"+": "reads like a factual claim", "-": "reads like talk, not a claim"},
    "figure": {"+": "a figure"},
    "figures": {"+": "several figures"},
    "attributed": {"+": "attributed to a source"},
    "named_source": {"+": "a named source"},
    "quote": {"-": "a direct quotation"},
    "mostly_quoted": {"-": "mostly quoted words"},
    "caveat": {"-": "a note on verification, not a claim"},
    "hedged": {"+": "hedged"},
    "question": {"-": "a question"},
    "short": {"-": "very short"},
    "long": {},
    "lead": {"+": "in the lead"},
    "cue:opinion": {"-": "opinion"},
    "cue:modal": {"-": "speculation"},
    "cue:first_person": {"-": "first person"},
    "cue:second_person": {"-": "addresses the reader"},
    "cue:courtesy": {"-": "courtesy words"},
    "cue:hedge": {"+": "uncertain wording"},
    "cue:legal_official": {"+": "legal or official action"},
    "cue:comparative": {"+": "a comparison"},
    "cue:superlative": {"+": "a superlative"},
    "cue:stat": {"+": "statistics"},
    "cue:money": {"+": "money"},
    "cue:month": {"+": "a date"},
    "cue:past": {"+": "a past event"},
    "cue:name": {"+": "a named entity"},
    "cue:names": {"+": "named entities"},
}


def labelled_facts(split: str) -> tuple[list[SentenceFacts], list[int], list[str]]:
    """Facts, labels and article of every labelled sentence of `split` (one reader: the evaluation's)."""
    facts, labels, groups, _ = labelled(split)
    return list(facts), list(labels), list(groups)


def matrix(facts: list[SentenceFacts], names: list[str]) -> np.ndarray:
    rows = [features(f) for f in facts]
    return np.array([[r.get(n, 0.0) for n in names] for r in rows])


def claimbuster_facts() -> tuple[list[SentenceFacts], list[int]]:
    """Each ClaimBuster train sentence analysed as a one-sentence article."""
    rows = json.loads(CLAIMBUSTER_TRAIN.read_text(encoding="utf-8"))
    facts, labels = [], []
    for r in rows:
        analysis = analyze(r["text"])
        if analysis.facts:
            facts.append(analysis.facts[0])
            labels.append(int(r["label"]))
    return facts, labels


def matrix_with_logits(facts: list[SentenceFacts], names: list[str], logits: np.ndarray | None) -> np.ndarray:
    """`matrix`, with the sentence model's logit replaced where an out-of-fold one is given."""
    x = matrix(facts, names)
    if logits is not None:
        x[:, names.index("sentence_logit")] = np.clip(logits, -6.0, 6.0)
    return x


def out_of_fold_logits(texts: list[str], labels: list[int]) -> np.ndarray:
    """The sentence model's logit for each ClaimBuster train sentence from a fit that did not see it.

    The shipped sentence model was fitted on these very rows, so its logits there are too sure;
    refitting it (same features and settings as app/domain/data/worthiness_en.json) on the other
    folds gives each row the logit an unseen sentence would get.
    """

    from app.domain.worthiness import _model as sentence_model

    shipped = json.loads(
        (ROOT / "app" / "domain" / "data" / "worthiness_en.json").read_text(encoding="utf-8")
    )
    lexicon = sentence_model("en").lexicon
    x, _ = featurize(texts, lexicon, shipped["features"], shipped["ngram_scale"], int(shipped["min_df"]))
    y = np.array(labels)
    logits = np.zeros(len(y))
    for tr, va in StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=7).split(x, y):
        model = new_model(y[tr], float(shipped["C"]), float(shipped["positive_boost"]))
        model.fit(x[tr], y[tr])
        logits[va] = model.decision_function(x[va])
    return logits


def balanced_weights(y: np.ndarray, source: np.ndarray, cb_weight: float) -> np.ndarray:
    """Each source weighs its two classes equally; ClaimBuster's rows weigh `cb_weight` in all."""
    w = np.zeros(len(y))
    for src, total in ((0, 1.0), (1, cb_weight)):
        for label in (0, 1):
            sel = (source == src) & (y == label)
            if sel.any():
                w[sel] = total * ((source == src).sum() / 2) / sel.sum()
    return w


def fit(x: np.ndarray, y: np.ndarray, source: np.ndarray, c: float, cb_weight: float) -> LogisticRegression:
    keep = (source == 0) | (cb_weight > 0)
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x[keep], y[keep], sample_weight=balanced_weights(y, source, cb_weight)[keep])
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    facts, labels, groups = labelled_facts("train")
    cb_facts, cb_labels = claimbuster_facts()
    names = sorted(LABELS_EN)
    cb_logits = out_of_fold_logits([f.text for f in cb_facts], cb_labels)
    x = np.vstack([matrix(facts, names), matrix_with_logits(cb_facts, names, cb_logits)])
    y = np.array(labels + cb_labels)
    source = np.array([0] * len(labels) + [1] * len(cb_labels))
    news = np.flatnonzero(source == 0)
    results: list[tuple[float, float, float, float]] = []  # (auc, cb_f1, c, cb_weight)
    for cb_weight in CB_WEIGHTS:
        for c in CS:
            scores = np.zeros(len(news))
            for tr, va in GroupKFold(n_splits=FOLDS).split(news, y[news], groups):
                rows = np.concatenate([news[tr], np.flatnonzero(source == 1)])
                model = fit(x[rows], y[rows], source[rows], c, cb_weight)
                scores[va] = model.predict_proba(x[news[va]])[:, 1]
            auc = float(roc_auc_score(y[news], scores))
            whole = fit(x, y, source, c, cb_weight)
            cb_pred = (whole.predict_proba(x[source == 1])[:, 1] >= 0.5).astype(int)
            cb_f1 = balanced_f1(y[source == 1], cb_pred)[2]
            results.append((auc, cb_f1, c, cb_weight))
            print(
                f"ClaimBuster weight {cb_weight:<4} C={c:<5} news grouped CV AUC {auc:.3f}"
                f"  ClaimBuster train balanced F1 {cb_f1:.3f}"
            )
    # within the fold noise of the best news AUC, the setting that leans most on ClaimBuster
    top = max(r[0] for r in results)
    auc, cb_f1, best, cb_weight = max(
        (r for r in results if r[0] >= top - AUC_NOISE), key=lambda r: (r[3], r[0])
    )
    model = fit(x, y, source, best, cb_weight)
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 0.01}
    # The bias moves where 0.5 falls, never the order of sentences (the news AUC): it is set where
    # the prior-balanced F1 on ClaimBuster's train split is highest.
    cb_z = model.decision_function(x[source == 1])
    shifts = [round(0.05 * k, 2) for k in range(-20, 21)]
    shift = max(shifts, key=lambda d: (balanced_f1(y[source == 1], (cb_z + d >= 0).astype(int))[2], -abs(d)))
    cb_f1 = balanced_f1(y[source == 1], (cb_z + shift >= 0).astype(int))[2]
    out = {
        "language": "en",
        "model": "logistic regression over the claim engine's findings (balanced class weights)",
        "trained_on": f"tests/data/worthiness_news/labels.jsonl, train split ({len(y)} sentences, "
        f"{int(y.sum())} check-worthy, {len(set(groups))} Wikinews articles)",
        "also_trained_on": f"claimbuster/train.json ({len(cb_labels)} sentences) at weight {cb_weight}",
        "C": best,
        "claimbuster_weight": cb_weight,
        "news_cv_grouped_roc_auc": round(auc, 4),
        "claimbuster_train_balanced_f1": round(cb_f1, 4),
        "grid_columns": [
            "news_cv_grouped_roc_auc",
            "claimbuster_train_balanced_f1",
            "C",
            "claimbuster_weight",
        ],
        "grid": [[round(a, 4), round(f, 4), c, w] for a, f, c, w in results],
        "bias_shift": shift,
        "bias": round(float(model.intercept_[0]) + shift, 4),
        "labels": LABELS_EN,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"C={best}, ClaimBuster weight {cb_weight}: news CV AUC {auc:.3f}; wrote {args.out}")
    for n, w in sorted(weights.items(), key=lambda t: -abs(t[1])):
        print(f"  {w:+.3f}  {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
