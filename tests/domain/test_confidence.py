"""How sure the engine is of a source: the measured precision of the rule that found it."""

from __future__ import annotations

import dataclasses
import json

import pytest

from app.domain import DATA_DIR
from app.domain.confidence import UNCERTAIN, _table, is_uncertain, of_source
from app.domain.lexicon import load

RULES = json.loads((DATA_DIR / "source_confidence_en.json").read_text(encoding="utf-8"))["rules"]


def test_a_named_source_is_as_sure_as_its_rule() -> None:
    lex = load("en")
    assert of_source("subject", "The port authority", None, lex) == round(RULES["subject"]["precision"], 2)
    assert of_source("quote", "Ana Ruiz", None, lex) == round(RULES["quote"]["precision"], 2)
    assert of_source("no_such_rule", "Ana Ruiz", None, lex) == 0.7  # never measured


def test_an_anaphor_is_as_sure_as_its_rule_times_its_resolution() -> None:
    lex = load("en")
    expected = RULES["subject"]["precision"] * RULES["anaphor_resolved"]["precision"]
    assert of_source("subject", "He", "Mayor Ana Ruiz", lex) == pytest.approx(round(expected, 2))
    assert of_source("subject", "The agency", "The port authority", lex) == pytest.approx(round(expected, 2))
    # a resolved name that is no anaphor keeps its rule's figure
    assert of_source("subject", "Ana Ruiz", "Ana Ruiz", lex) == round(RULES["subject"]["precision"], 2)


def test_an_unresolved_pronoun_is_uncertain_but_an_unresolved_body_is_not() -> None:
    lex = load("en")
    assert of_source("subject", " He ", None, lex) == 0.5
    assert of_source("passive_agent", "they", None, lex) == 0.5
    assert of_source("subject", "The agency", None, lex) == round(RULES["subject"]["precision"], 2)


def test_a_language_without_calibration_has_no_table() -> None:
    assert _table("xx") == {}
    assert _table("en")["quote"] == RULES["quote"]["precision"]
    assert of_source("quote", "Ana Ruiz", None, load("xx")) == 0.7
    uncalibrated = dataclasses.replace(load("en"), lang="xx")  # English words, no measured rules
    assert of_source("subject", "He", "Mayor Ana Ruiz", uncalibrated) == 0.49  # 0.7 x 0.7


def test_uncertain_is_below_the_threshold_only() -> None:
    assert is_uncertain(UNCERTAIN - 0.01) and not is_uncertain(UNCERTAIN) and not is_uncertain(None)
