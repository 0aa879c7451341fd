"""Check-worthiness of a sentence inside a news article, with reasons a journalist reads.

The sentence model (`worthiness.py`) was fitted on debate transcripts: in wire copy nearly every
sentence reads like a claim to it, so on its own it ranks little. Here its logit is one feature
among what the claim engine found in the sentence (figures, a named source, a quotation, hedges,
opinion words, a question), and a small logistic model fitted on hand-labelled Wikinews
sentences (`tests/data/worthiness_news/`, by `scripts/fit_news_score.py`) weighs them. The
weights ship in `data/news_score_<lang>.json`; scoring is pure Python.

Reasons carry their direction and the words behind them: "+ a figure (50,000)",
"+ a named source (Jane Roe)", "− opinion (“should”)".
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from app.domain import DATA_DIR
from app.domain.worthiness import cue_words, has_model, sentence_logit

# A reason is named when its feature moves the logit by at least this much.
_MIN_REASON = 0.25
_MAX_UP = 3
_MAX_DOWN = 2
# A claim the article itself says it could not verify is what a fact-checker looks at first, even
# a quoted order that reads like talk ("Nobody leaves the bridge, whatever happens"). Too rare in the labelled
# news to be fitted, so a fixed rule: its score is lifted into [UNVERIFIED_FLOOR, 1], order kept.
UNVERIFIED_FLOOR = 0.6


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the claim engine found in one sentence, as the score needs it."""

    text: str
    kind: str = "claim"  # claim, quote or caveat
    figures: tuple[str, ...] = ()
    source: str | None = None
    named_source: bool = False
    hedges: tuple[str, ...] = ()
    quoted_share: float = 0.0  # share of the sentence's characters inside quotation marks
    lead: bool = False  # among the article's first three body sentences
    unverified: bool = False  # a caveat of the article says this could not be verified


@dataclass(frozen=True, slots=True)
class NewsScore:
    """A score in [0, 1] (>= 0.5: worth checking) and signed reasons, strongest first."""

    score: float
    reasons: tuple[str, ...]


def features(facts: SentenceFacts, lang: str = "en") -> dict[str, float]:
    """The model's inputs: the sentence model's logit and the engine's findings, by name.

    Shared by the fitting script and the runtime, so both see the same values.
    """
    # a language without its own sentence model is read with the English one (numbers, names,
    # quotation marks still count); its own lexicon drives everything else
    z, cues = sentence_logit(facts.text, lang=lang if has_model(lang) else "en")
    words = len(facts.text.split())
    out: dict[str, float] = {"sentence_logit": max(-6.0, min(6.0, z))}
    flags = {
        "figure": bool(facts.figures),
        "figures": len(facts.figures) > 1,
        "attributed": facts.source is not None,
        "named_source": facts.named_source,
        "quote": facts.kind == "quote",
        "mostly_quoted": facts.quoted_share > 0.6,
        "caveat": facts.kind == "caveat",
        "hedged": bool(facts.hedges),
        "question": facts.text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?"),
        "short": words < 8,
        "long": words > 30,
        "lead": facts.lead,
    }
    for cue in (
        "opinion",
        "modal",
        "first_person",
        "second_person",
        "courtesy",
        "hedge",
        "legal_official",
        "comparative",
        "superlative",
        "stat",
        "money",
        "month",
        "past",
        "name",
        "names",
    ):
        flags["cue:" + cue] = "h:" + cue in cues
    out.update({k: 1.0 for k, v in flags.items() if v})
    return out


@dataclass(frozen=True, slots=True)
class _Model:
    bias: float
    weights: Mapping[str, float]
    labels: Mapping[str, Mapping[str, str]]  # feature -> {"+" or "-": reason text}


@cache
def _model(lang: str) -> _Model | None:
    path = DATA_DIR / f"news_score_{lang}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return _Model(
        float(data["bias"]),
        {str(k): float(v) for k, v in data["weights"].items()},
        {str(k): {str(d): str(t) for d, t in v.items()} for k, v in data["labels"].items()},
    )


def score_in_article(facts: SentenceFacts, lang: str = "en") -> NewsScore:
    """Score one sentence of a news article; a language without a fitted model keeps the
    sentence model's score."""
    model = _model(lang)
    x = features(facts, lang)
    if model is None:
        z = x["sentence_logit"]
        return NewsScore(_sigmoid(z), ())
    parts = {name: model.weights.get(name, 0.0) * value for name, value in x.items()}
    z = model.bias + sum(parts.values())
    ranked = sorted(
        (
            (w, n)
            for n, w in parts.items()
            if abs(w) >= _MIN_REASON and ("+" if w > 0 else "-") in model.labels.get(n, {})
        ),
        key=lambda t: -abs(t[0]),
    )
    up = [_reason("+", n, facts, lang, model) for w, n in ranked if w > 0][:_MAX_UP]
    if facts.unverified:
        up.insert(0, "+ the article says it could not be verified")
    down = [_reason("-", n, facts, lang, model) for w, n in ranked if w < 0][:_MAX_DOWN]
    score = _sigmoid(z)
    if facts.unverified:
        score = UNVERIFIED_FLOOR + (1.0 - UNVERIFIED_FLOOR) * score
    return NewsScore(score, tuple(dict.fromkeys(up + down)))


def _reason(sign: str, name: str, facts: SentenceFacts, lang: str, model: _Model) -> str:
    """'+ a figure (50,000)': the label, then the words of the sentence that carry it."""
    label = model.labels[name][sign]
    sign = "\u2212" if sign == "-" else sign
    detail: str | None = None
    if name in ("figure", "figures") and facts.figures:
        detail = ", ".join(facts.figures[:2])
    elif name in ("named_source", "attributed") and facts.source:
        detail = facts.source
    elif name == "hedged" and facts.hedges:
        detail = facts.hedges[0]
    elif name.startswith("cue:"):
        found = cue_words(facts.text, name.removeprefix("cue:"), lang if has_model(lang) else "en")
        detail = "\u201c" + found[0] + "\u201d" if found else None
    if detail and len(detail) > 40:
        detail = detail[:39] + "\u2026"
    return f"{sign} {label}" + (f" ({detail})" if detail else "")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -500.0 else 0.0
