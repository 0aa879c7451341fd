"""The news check-worthiness score: the shipped model is what the fitting script wrote, its reasons
read true, and within an article it puts the checkable above the talk."""

from __future__ import annotations

import json
import math

import pytest

from app.domain import DATA_DIR
from app.domain.claims import analyze
from app.domain.news_score import UNVERIFIED_FLOOR, SentenceFacts, features, score_in_article


def _model() -> dict[str, object]:
    return json.loads((DATA_DIR / "news_score_en.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "facts",
    [
        SentenceFacts(
            "The army said 60 fighters were killed near the dam on Monday.",
            figures=("60 fighters",),
            source="The army",
            named_source=False,
        ),
        SentenceFacts(
            '"I am so proud of this team," she said.', kind="quote", source="she", quoted_share=0.8
        ),
        SentenceFacts("Will the talks resume?"),
    ],
)
def test_the_score_is_the_logistic_model_over_the_shared_features(facts: SentenceFacts) -> None:
    model = _model()
    weights = model["weights"]
    assert isinstance(weights, dict)
    z = float(str(model["bias"])) + sum(weights.get(k, 0.0) * v for k, v in features(facts).items())
    assert score_in_article(facts).score == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-9)


def test_an_unverified_claim_is_lifted_above_the_floor_in_the_same_order() -> None:
    def pair(text: str) -> tuple[float, float]:
        base = score_in_article(SentenceFacts(text, kind="quote", source="the commander")).score
        lifted = score_in_article(
            SentenceFacts(text, kind="quote", source="the commander", unverified=True)
        ).score
        return base, lifted

    low, low_lifted = pair('"If anyone runs away, shoot them."')
    high, high_lifted = pair('"We lost 40 men near the river on Monday."')
    assert low < 0.5 <= UNVERIFIED_FLOOR <= low_lifted
    assert low_lifted == pytest.approx(UNVERIFIED_FLOOR + (1 - UNVERIFIED_FLOOR) * low)
    assert (low < high) == (low_lifted < high_lifted)


def test_reasons_agree_with_the_direction_each_label_allows() -> None:
    labels = _model()["labels"]
    assert isinstance(labels, dict)
    texts = [
        "More than 50,000 soldiers have deserted since February 2022, according to a report.",
        '"I think we should all be proud," the coach said.',
        "What happens next?",
    ]
    for text in texts:
        for claim in analyze(text).claims:
            for reason in claim.reasons:
                sign, _, label = reason.partition(" ")
                label = label.split(" (")[0]
                allowed = {
                    v for spec in labels.values() for d, v in spec.items() if (d == "+") == (sign == "+")
                }
                assert label in allowed or label.startswith("the article says"), reason


def test_within_an_article_figures_rank_above_courtesies() -> None:
    text = (
        "Floods displaced 3,400 residents of Holmstead on Tuesday, the fire brigade said. "
        '"Thank you all for your patience," the mayor said.'
    )
    figures, courtesy = (c.score for c in analyze(text).claims)
    assert figures > 0.5 > courtesy
