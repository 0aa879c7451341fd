"""Leftovers of the claim engine: a capital "I." initial in English, initials in Ukrainian and Russian
sources, and "учора" beside "вчора" in the Ukrainian lexicon.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.claims import analyze
from app.domain.text import split_sentences

_UK_LEXICON = Path(__file__).resolve().parents[2] / "app" / "domain" / "lexicons" / "uk.json"


def _sentences(text: str, lang: str = "en") -> list[str]:
    return [span.of(text) for span in split_sentences(text, lang=lang)]


# --- the segmenter: "I." as an initial or as the pronoun ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The report was written by I. Ivanova and published on Monday.",
        "Letters came from I. Petrov, who lives in the harbour town.",
        "The mural was painted with I. Okafor in three weeks.",
        "A grant went to I. O'Neill and two other students.",
        "Albert I. Jones opened the meeting.",  # a capital before "I." was never a sentence end
    ],
)
def test_a_capital_i_initial_before_a_surname_keeps_the_sentence_whole(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("He said the answer was I. The vote followed.", "He said the answer was I."),
        ("It was you and I. Did he know?", "It was you and I."),
        ("The winner was I. Nobody expected it.", "The winner was I."),
        ("Nobody was taller than I. Then we left.", "Nobody was taller than I."),
        ("The last to leave was I. Maria Lopez stayed.", "The last to leave was I."),  # a full name next
    ],
)
def test_the_pronoun_i_still_ends_its_sentence(text: str, first: str) -> None:
    assert _sentences(text)[0] == first
    assert len(_sentences(text)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Звіт уранці оприлюднив О. Іваненко, голова комісії."),
        ("uk", "Лист підписали І. Мельник та Т. Бойко."),
        ("ru", "Доклад подготовил А. Смирнов вместе с коллегами."),
        ("ru", "Письмо подписали Е. Морозова и В. Козлов."),
    ],
)
def test_cyrillic_initials_keep_the_sentence_whole(lang: str, text: str) -> None:
    assert _sentences(text, lang) == [text]


# --- Ukrainian and Russian sources with initials --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "source"),
    [
        ("uk", "Про це на брифінгу заявив О. Іваненко.", "О. Іваненко"),
        ("uk", "Тарифи зростуть, заявив О. Іваненко.", "О. Іваненко"),
        ("uk", "Тарифи зростуть у травні, — сказав О. П. Іваненко.", "О. П. Іваненко"),
        ("uk", "Тарифи зростуть, повідомив журналістам О. Іваненко.", "О. Іваненко"),
        ("uk", "За словами О. Іваненка, тарифи зростуть.", "О. Іваненка"),
        ("uk", "В. Мельник заявив, що тарифи зростуть.", "В. Мельник"),
        ("uk", "О. В. Мельник заявив, що тарифи зростуть.", "О. В. Мельник"),
        ("ru", "Об этом на брифинге заявил А. Смирнов.", "А. Смирнов"),
        ("ru", "Тарифы вырастут, сказал в понедельник А. Смирнов.", "А. Смирнов"),
        ("ru", "Тарифы вырастут, заявил А.С. Смирнов.", "А.С. Смирнов"),
        ("ru", "По словам А. Смирнова, тарифы вырастут.", "А. Смирнова"),
        ("ru", "А. Смирнов заявил, что тарифы вырастут.", "А. Смирнов"),
        ("ru", "В. Козлов заявил, что тарифы вырастут.", "В. Козлов"),
    ],
)
def test_a_source_keeps_its_initials(lang: str, sentence: str, source: str) -> None:
    (claim,) = analyze(sentence, lang=lang).claims
    assert claim.source == source


@pytest.mark.parametrize(
    ("lang", "sentence", "source"),
    [
        ("ru", "А Смирнов заявил, что тарифы вырастут.", "Смирнов"),  # 'а' without a period: 'and'
        ("uk", "А Мельник заявив, що тарифи зростуть.", "Мельник"),
        ("uk", "Тарифи зростуть, заявив журналістам Мельник.", None),  # unchanged: no initial here
    ],
)
def test_a_capital_letter_without_its_period_is_no_initial(
    lang: str, sentence: str, source: str | None
) -> None:
    (claim,) = analyze(sentence, lang=lang).claims
    assert claim.source == source


# --- "учора" beside "вчора" -----------------------------------------------------------------------


def test_every_ukrainian_word_list_with_vchora_has_uchora() -> None:
    data = json.loads(_UK_LEXICON.read_text(encoding="utf-8"))
    lists = [name for name, words in data.items() if isinstance(words, list) and "вчора" in words]
    assert lists  # the lexicon lists 'вчора' somewhere, or this test checks nothing
    assert [name for name in lists if "учора" not in data[name]] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Учора Мельник заявив, що тарифи зростуть.",
        "Тарифи зростуть, заявив учора Мельник.",
        "Мельник учора заявив, що тарифи зростуть.",
    ],
)
def test_uchora_is_read_as_a_time_word_like_vchora(sentence: str) -> None:
    (claim,) = analyze(sentence, lang="uk").claims
    (with_vchora,) = analyze(sentence.replace("учора", "вчора").replace("Учора", "Вчора"), lang="uk").claims
    assert claim.source == "Мельник"
    assert with_vchora.source == claim.source
