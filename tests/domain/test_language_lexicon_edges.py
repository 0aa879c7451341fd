"""Language detection and the lexicon at their edges.

Detection: which of the function words and letters decide between Ukrainian and Russian, texts that
are as much one as the other, other Cyrillic languages, mixed scripts at the thresholds. The
lexicon: the words that let a sentence reach the caveat rules at all, and phrases with capitals
inside them.
"""

from __future__ import annotations

import json
import re

import pytest

from app.domain.claims import analyze
from app.domain.language import detect, lexicon_language
from app.domain.lexicon import (
    LEXICON_DIR,
    _caveat_regex,
    _expand,
    first_words,
    load,
    phrase_pattern,
    phrase_regex,
)

# --- Ukrainian or Russian ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Вона каже, що буде вдома.", "uk"),  # no і, ї, є or ґ: 'вона', 'що', 'буде' decide
        ("Она сказала, что Київ далеко.", "ru"),  # 'она', 'что' outweigh the ї of a Ukrainian name
        ("Рабочие сняли вывеску «Київ» с высотки вчера утром.", "ru"),  # two ы against one ї
        ("Ты та, которую мы ждали, сказали мы.", "ru"),  # three ы against 'та', a Ukrainian word too
        ("От і всі пішли.", "uk"),  # three і against 'от', a Russian word too
        ("Київ, Львів, Харків", "uk"),  # letters alone
    ],
)
def test_letters_and_function_words_weigh_ukrainian_against_russian(text: str, language: str) -> None:
    assert detect(text) == language


def test_a_short_cyrillic_text_without_any_marker_is_russian() -> None:
    """Ukrainian writes і, ї or є in nearly every sentence; a text with none is taken for Russian."""
    assert detect("Москва, Петербург, Новгород") == "ru"


def test_a_text_as_ukrainian_as_it_is_russian_is_neither() -> None:
    assert detect("Львів Выборг") == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Ён сказаў, што горад атрымае новыя аўтобусы.",  # Belarusian: ў
        "Он је рекао да ће град добити нове аутобусе.",  # Serbian: ј, ћ
    ],
)
def test_another_cyrillic_language_is_other(text: str) -> None:
    assert detect(text) == "other"


# --- scripts and English -------------------------------------------------------------------------


def test_an_even_mix_of_cyrillic_and_latin_letters_reads_as_cyrillic() -> None:
    assert detect("Kyiv Київ") == "uk"


def test_an_english_text_quoting_a_cyrillic_name_stays_english() -> None:
    assert detect("The mayor of Kyiv (Київ) said the city would buy new buses.") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Η εφημερίδα The Guardian έγραψε ότι ο υπουργός παραιτήθηκε χθες το βράδυ στην Αθήνα.",
        "Ο υπουργός είπε ότι η πόλη θα αγοράσει νέα λεωφορεία. The minister said the city will buy buses.",
        "Αθήνα, Атина, Athens",  # a place in three scripts: Greek has the most letters
        "市长说，这座城市将购买新的公共汽车。",
        "قال رئيس البلدية إن المدينة ستشتري حافلات جديدة",
    ],
)
def test_a_text_mostly_in_another_script_is_other(text: str) -> None:
    assert detect(text) == "other"


def test_a_script_with_half_of_the_letters_wins() -> None:
    assert detect("The mayor said: δήμαρχος είπε") == "en"  # twelve Latin letters, twelve Greek


def test_a_line_of_figures_is_read_by_its_few_letters() -> None:
    assert detect("Ціни: 12 345 678 910 грн.") == "uk"


def test_latin_text_is_english_from_one_function_word_in_twelve_and_a_half() -> None:
    german = (
        "Der Bürgermeister sagte in Berlin, die Stadt kaufe neue Busse und Bahnen für die Schulen "
        "der Bezirke im Norden."
    )
    assert detect(german) == "other"  # 'in' is one word of twenty
    listing = (
        "Mayor Ana Ruiz announces new buses, trams, bike lanes, parking meters, street lights, benches, "
        "fountains, playgrounds, libraries, museums, markets, bridges, tunnels and ferries for Springfield."
    )
    assert detect(listing) == "en"  # 'and', 'for': two words of twenty-five


@pytest.mark.parametrize(
    ("language", "lexicon"),
    [("en", "en"), ("uk", "uk"), ("ru", "ru"), ("other", "en"), ("de", "en")],
)
def test_a_language_without_a_lexicon_reads_the_english_one(language: str, lexicon: str) -> None:
    assert lexicon_language(language) == lexicon


# --- the lexicon ---------------------------------------------------------------------------------


def test_every_caveat_family_gives_the_words_a_sentence_must_hold_to_be_searched() -> None:
    data = {
        "caveat_unable": ["could not"],
        "caveat_verbs": ["verify"],
        "caveat_perfect": ["has not"],
        "caveat_passive": ["remains"],
        "caveat_plain_passive": ["was"],
        "caveat_participles": ["verified", "unverified"],
        "caveat_no_reply": ["did not"],
        "caveat_reply_verbs": ["respond"],
        "caveat_reply_past": ["replied"],
        "caveat_reply_links": ["to"],
        "caveat_phrases": ["declined to comment"],
    }
    regex, starts = _caveat_regex(lambda key: data.get(key, []))
    assert starts == frozenset({"could", "has", "remains", "was", "did", "replied", "declined"})
    for sentence, family in [
        ("Reuters has not verified the video.", "perfect"),
        ("The toll remains unverified.", "passive"),
        ("Neither account was verified.", "negsubj"),
        ("No ministry replied to questions.", "negreply"),
    ]:
        m = regex.search(sentence)
        assert m is not None and m.lastgroup == family, sentence


def test_a_caveat_family_without_its_closing_words_adds_nothing() -> None:
    only_heads = {"caveat_unable": ["could not"], "caveat_passive": ["remains"]}
    regex, starts = _caveat_regex(lambda key: only_heads.get(key, []))
    assert starts == frozenset() and regex.search("could not verify, remains unverified") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll remains unconfirmed.",  # 'remains' opens only the passive family
        "None of the ministries replied to requests for comment.",  # 'replied' only a negated reply
    ],
)
def test_an_english_caveat_opened_by_a_word_of_one_family_alone_is_found(sentence: str) -> None:
    claim = analyze("Harbour dredging halted\n\n" + sentence).claims[-1]
    assert claim.kind == "caveat"


def test_a_phrase_with_capitals_inside_also_matches_with_a_capital_first_letter() -> None:
    pattern = phrase_pattern(["according to the UN"])
    for text in ("according to the UN", "According to the UN", "according to the un"):
        assert re.fullmatch(pattern, text), text
    assert phrase_regex(["told the BBC"]).search("He Told the BBC so") is not None


# --- a language's lexicon is its data file ---------------------------------------------------------

# Lexicon field -> the data file's list it holds, lowered
_LOWERED_FIELDS = {
    "source_after_cues": "source_after_cues",
    "caveat_openers": "caveat_clause_openers",
    "participle_cues": "participle_cues",
    "people_nouns": "people_nouns",
    "determiners": "determiners",
    "conjunctions": "conjunctions",
    "negations": "negations",
    "relatives": "relatives",
    "noun_cues": "noun_cues",
    "noun_only_markers": "noun_only_markers",
    "auxiliaries": "auxiliaries",
    "noun_markers": "noun_markers",
    "anaphor_determiners": "anaphor_determiners",
    "org_words": "org_words",
    "titles": "titles",
    "title_modifiers": "title_modifiers",
    "role_line_words": "role_line_words",
    "count_stopwords": "count_stopwords",
}


def _data(lang: str) -> dict[str, list[str]]:
    data = json.loads((LEXICON_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    return {k: [str(w) for w in v] for k, v in data.items() if isinstance(v, list) and k != "quote_pairs"}


def _lowered(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_every_word_list_of_the_data_file_reaches_its_lexicon_field(lang: str) -> None:
    data, lex = _data(lang), load(lang)
    for field, key in _LOWERED_FIELDS.items():
        assert getattr(lex, field) == _lowered(data.get(key, [])), field
    stops = data.get("np_stops", []) + data.get("weekdays", []) + data.get("months", [])
    assert lex.stop_words == _lowered(stops)
    titles = data.get("titles", [])
    assert lex.long_titles == tuple(t.lower() for t in titles if " " in t)
    assert lex.title_words == first_words(titles + data.get("title_modifiers", []))
    assert lex.not_names == _lowered(data.get("determiners", [])) | frozenset(lex.pronouns)
    assert lex.caption_starts == tuple(data.get("caption_starts", []))
    free = _expand(data.get("free_cues", []), data.get("platforms", []))
    assert lex.free_cues == _lowered(free)
    assert lex.hedge_words == first_words(data.get("hedges", []))


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_every_cue_hedge_and_secondary_cue_of_the_data_file_is_found(lang: str) -> None:
    data, lex = _data(lang), load(lang)
    cues = _expand(data.get("cues", []) + data.get("free_cues", []), data.get("platforms", []))
    for regex, phrases in (
        (lex.cue_re, cues),
        (lex.hedge_re, data.get("hedges", [])),
        (lex.secondary_re, data.get("secondary_cues", [])),
    ):
        for phrase in phrases:
            assert regex.fullmatch(" ".join(phrase.split())) is not None, phrase
    assert lex.cue_words == first_words(cues)


def test_the_english_lexicon_takes_its_quote_pairs_from_its_file_and_is_the_default() -> None:
    pairs = json.loads((LEXICON_DIR / "en.json").read_text(encoding="utf-8"))["quote_pairs"]
    assert load().lang == "en" and load().quote_pairs == tuple((a, b) for a, b in pairs)


def test_a_closing_credit_ending_in_by_counts_only_at_the_start_of_a_line() -> None:
    lex = load("en")
    assert lex.closing_credit_re.search("Reporting by Ana Ruiz") is not None
    assert lex.closing_credit_re.search("She was reporting by phone from the port.") is None
    assert lex.closing_credit_re.search("Ana Ruiz contributed reporting.") is not None


@pytest.mark.parametrize("lang", ["uk", "ru", "xx"])
def test_a_lexicon_without_an_interview_marker_finds_no_interview(lang: str) -> None:
    assert load(lang).interview_re.search("None: ((WN)) Hello") is None
