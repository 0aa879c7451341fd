"""The news check-worthiness score: the shipped model is what the fitting script wrote, its reasons
read true, and within an article it puts the checkable above the talk."""

from __future__ import annotations

import json
import math
from dataclasses import replace

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

    low, low_lifted = pair('"Nobody leaves the bridge, whatever happens."')
    high, high_lifted = pair('"We lost 40 men near the river on Monday."')
    assert low < 0.5 <= UNVERIFIED_FLOOR <= low_lifted
    assert low_lifted == pytest.approx(UNVERIFIED_FLOOR + (1 - UNVERIFIED_FLOOR) * low)
    assert (low < high) == (low_lifted < high_lifted)


def test_reasons_agree_with_the_direction_each_label_allows() -> None:
    labels = _model()["labels"]
    assert isinstance(labels, dict)
    texts = [
        "More than 12,000 passengers have been stranded since February 2022, according to a report.",
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


# --- features and reasons, rule by rule ------------------------------------------------------------

from app.domain import news_score  # noqa: E402


def _flags(facts: SentenceFacts, lang: str = "en") -> set[str]:
    return set(features(facts, lang)) - {"sentence_logit"}


def test_each_finding_of_the_engine_is_one_named_feature() -> None:
    long_text = (
        "We think the council should spend 40 million dollars and 3 more on a road that is far "
        "longer than the old road the council planned to build ten years ago?"
    )
    facts = SentenceFacts(
        long_text,
        kind="quote",
        figures=("40 million dollars", "3"),
        source="Ana Ruiz",
        named_source=True,
        hedges=("reportedly",),
        quoted_share=0.7,
        lead=True,
    )
    assert _flags(facts) == {
        "figure",
        "figures",
        "attributed",
        "named_source",
        "quote",
        "mostly_quoted",
        "hedged",
        "question",
        "long",
        "lead",
        "cue:opinion",
        "cue:modal",
        "cue:comparative",
        "cue:money",
        "cue:past",
    }
    assert _flags(SentenceFacts("Nobody verified it.", kind="caveat", quoted_share=0.6)) == {
        "caveat",
        "short",
        "cue:past",
    }
    assert "question" in _flags(SentenceFacts('"Is the dam safe?"'))
    assert "figures" not in _flags(SentenceFacts("The dam is 40 metres high.", figures=("40 metres",)))
    words30 = " ".join(["word"] * 30)
    assert not {"short", "long"} & _flags(SentenceFacts(words30 + "."))
    assert "short" not in _flags(SentenceFacts("one two three four five six seven eight"))
    assert -6.0 <= features(SentenceFacts("I I I I ? ! ! you you we."))["sentence_logit"] <= 6.0


def test_each_cue_of_the_sentence_model_is_a_feature_worth_one() -> None:
    facts = SentenceFacts(
        "I thank you, you know, for the largest average court ruling in March, Ana Ruiz and the "
        "Harbour Board probably said."
    )
    found = features(facts)
    assert {k for k in found if k.startswith("cue:")} == {
        "cue:courtesy",
        "cue:first_person",
        "cue:second_person",
        "cue:legal_official",
        "cue:month",
        "cue:names",
        "cue:stat",
        "cue:superlative",
        "cue:hedge",
    }
    assert all(value == 1.0 for key, value in found.items() if key != "sentence_logit")
    assert "cue:name" in features(SentenceFacts("The board said Ana Ruiz will sign it."))


def test_the_sentence_logit_is_clamped_to_six_either_way() -> None:
    high = "The court ruled the tax unconstitutional and ordered the state to pay $40 million by March 2019."
    assert features(SentenceFacts(high))["sentence_logit"] == 6.0
    assert (
        features(SentenceFacts("Thank you, thank you, I think you should, please?"))["sentence_logit"] == -6.0
    )


def test_a_question_mark_must_end_the_sentence() -> None:
    assert "question" in _flags(SentenceFacts("Is the dam safe? "))
    assert "question" not in _flags(SentenceFacts("Is the dam safe?X"))


def test_a_language_without_models_keeps_the_sentence_score_and_gives_no_reasons() -> None:
    facts = SentenceFacts("The mayor said 40 homes burned.", figures=("40 homes",), source="The mayor")
    scored = score_in_article(facts, "xx")
    assert scored.reasons == ()
    assert scored.score == pytest.approx(1 / (1 + math.exp(-features(facts, "xx")["sentence_logit"])))
    assert features(facts, "xx") == features(facts, "en")


def _fake_model(weights: dict[str, float]) -> news_score._Model:
    labels = {
        "figures": {"+": "several figures"},
        "named_source": {"+": "a named source"},
        "attributed": {"+": "attributed"},
        "hedged": {"+": "hedged"},
        "cue:opinion": {"-": "opinion"},
        "cue:modal": {"-": "speculation"},
        "short": {"-": "very short"},
        "lead": {"+": "in the lead"},
        "quote": {"+": "a quotation"},
        "cue:past": {"+": "a past event"},
        "cue:hedge": {"+": "uncertain wording"},
    }
    return news_score._Model(0.0, weights, labels)


def test_reasons_carry_their_sign_and_the_words_behind_them(monkeypatch: pytest.MonkeyPatch) -> None:
    weights = {
        "figures": 2.0,
        "named_source": 1.5,
        "hedged": 1.0,
        "lead": 0.26,
        "quote": 0.24,
        "cue:opinion": -1.0,
        "cue:modal": -0.5,
        "short": -0.3,
    }
    monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model(weights))
    facts = SentenceFacts(
        "I think it should be 40, 50 or 60.",
        kind="quote",
        figures=("40", "50", "60"),
        source="Ana Ruiz",
        named_source=True,
        hedges=("reportedly", "allegedly"),
        lead=True,
    )
    scored = score_in_article(facts)
    assert scored.reasons == (
        "+ several figures (40, 50)",
        "+ a named source (Ana Ruiz)",
        "+ hedged (reportedly)",
        "\u2212 opinion (\u201cthink\u201d)",
        "\u2212 speculation (\u201cshould\u201d)",
    )
    z = sum(weights.get(name, 0.0) * value for name, value in features(facts).items())
    assert scored.score == pytest.approx(1 / (1 + math.exp(-z)))  # "+ in the lead" is the 4th up: cut
    unverified = score_in_article(SentenceFacts("Short one.", unverified=True))
    assert unverified.reasons == ("+ the article says it could not be verified", "\u2212 very short")


def test_a_long_detail_is_cut_and_a_missing_one_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        news_score, "_model", lambda lang: _fake_model({"named_source": 1.0, "cue:opinion": -1.0})
    )
    source = "The spokesperson of the northern regional harbour authority"
    reasons = score_in_article(
        SentenceFacts("Opinions differ here today.", source=source, named_source=True)
    ).reasons
    assert reasons == ("+ a named source (" + source[:39] + "\u2026)",)
    exactly40 = "x" * 40
    reasons = score_in_article(
        SentenceFacts("A plain line of words.", source=exactly40, named_source=True)
    ).reasons
    assert reasons == (f"+ a named source ({exactly40})",)


def test_only_labelled_weights_of_a_quarter_or_more_become_reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    facts = SentenceFacts(
        "The port reopened on a long and sunny day.", kind="quote", source="Ana Ruiz", lead=True
    )

    def reasons(weights: dict[str, float]) -> tuple[str, ...]:
        monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model(weights))
        return score_in_article(facts).reasons

    assert reasons({"quote": 0.2}) == ()
    assert reasons({"quote": 0.25}) == ("+ a quotation",)
    assert reasons({"long": 1.0, "sentence_logit": 1.0}) == ()  # no label for them: never named
    assert reasons({"attributed": 0.5}) == ("+ attributed (Ana Ruiz)",)
    assert reasons({"cue:past": 0.5}) == ("+ a past event",)  # from the '-ed' ending: no word to show
    monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model({"lead": 1.0}))
    assert score_in_article(replace(facts, unverified=True)).reasons == (
        "+ the article says it could not be verified",
        "+ in the lead",
    )


def test_cue_words_of_a_language_without_a_sentence_model_are_read_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model({"cue:opinion": -1.0}))
    assert score_in_article(SentenceFacts("I think it is so."), "xx").reasons == (
        "\u2212 opinion (\u201cthink\u201d)",
    )


def test_a_detail_of_41_characters_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model({"named_source": 1.0}))
    source = "y" * 41
    reasons = score_in_article(
        SentenceFacts("A plain line of words.", source=source, named_source=True)
    ).reasons
    assert reasons == ("+ a named source (" + "y" * 39 + "\u2026)",)


def test_an_extremely_low_logit_scores_zero_without_overflow() -> None:
    assert news_score._sigmoid(-1000.0) == 0.0 and news_score._sigmoid(0.0) == 0.5


def test_a_language_with_its_own_sentence_model_is_read_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.domain import worthiness

    english = worthiness._model("en")
    own_words = worthiness.Lexicon.from_lists({"opinion": ["tror"], "hedge": ["kanskje"]})
    own = worthiness._Model(3.0, {}, own_words, True, False, {})
    models = {"en": english, "xx": own}
    monkeypatch.setattr(worthiness, "_model", lambda lang: models[lang])
    monkeypatch.setattr(news_score, "has_model", lambda lang: lang in models)
    facts = SentenceFacts("Jeg tror det er sant.")
    assert features(facts, "xx")["sentence_logit"] == 3.0
    assert features(facts, "en")["sentence_logit"] != 3.0
    monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model({"cue:opinion": -1.0}))
    assert score_in_article(facts, "xx").reasons == ("\u2212 opinion (\u201ctror\u201d)",)
    assert score_in_article(facts).reasons == ()  # English reads no opinion word here
    monkeypatch.setattr(news_score, "_model", lambda lang: _fake_model({"cue:hedge": 1.0}))
    assert score_in_article(SentenceFacts("Det er kanskje sant."), "xx").reasons == (
        "+ uncertain wording (\u201ckanskje\u201d)",
    )
