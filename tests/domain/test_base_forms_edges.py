"""Base forms at their edges: names over common nouns, initials, hyphenated words, numerals,
heads of common gender, and the words the dictionaries give no nominative for.

Each phrase is a source as an article writes it after a frame ('за словами ...', 'по словам ...'),
and the base form is what the Source column groups it under.
"""

from __future__ import annotations

import pytest

from app.domain.base_forms import base_form, word_kind
from app.domain.claims import analyze


@pytest.mark.parametrize(
    ("phrase", "lang", "base"),
    [
        ("Марка Рютте", "uk", "Марк Рютте"),  # 'марка' (a stamp) is a nominative already
        ("Лілії Іванової", "uk", "Лілія Іванова"),
        ("Лилии Ивановой", "ru", "Лилия Иванова"),  # 'лилии' (lilies) is a nominative plural
        ("Надії Савченко", "uk", "Надія Савченко"),
        ("Віри Савченко", "uk", "Віра Савченко"),
        ("Веры Ивановой", "ru", "Вера Иванова"),
        ("Любови Соболь", "ru", "Любовь Соболь"),
        ("Надежды Толоконниковой", "ru", "Надежда Толоконникова"),
    ],
)
def test_a_capitalised_word_that_can_be_a_name_is_read_as_one(phrase: str, lang: str, base: str) -> None:
    assert base_form(phrase, lang) == base


def test_a_phrase_after_a_frame_is_not_read_as_a_subject_unless_asked() -> None:
    """'Веры' read as a subject is the plural of 'вера' (faith), already a nominative."""
    assert base_form("Веры Ивановой", "ru") == "Вера Иванова"
    assert base_form("Веры Ивановой", "ru", subject=True).startswith("Веры ")


@pytest.mark.parametrize(
    ("phrase", "lang", "base"),
    [
        ("Івана В. Петренка", "uk", "Іван В. Петренко"),
        ("Ивана В. Петрова", "ru", "Иван В. Петров"),
    ],
)
def test_an_initial_keeps_its_capital(phrase: str, lang: str, base: str) -> None:
    assert base_form(phrase, lang) == base


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("Пресс-секретаря Кремля", "Пресс-секретарь Кремля"),  # only the first part was capitalised
        ("Римского-Корсакова", "Римский-Корсаков"),  # both parts were
        ("Ростова-на-Дону", "Ростов-на-Дону"),
    ],
)
def test_each_part_of_a_hyphenated_word_keeps_its_own_case(phrase: str, base: str) -> None:
    assert base_form(phrase, "ru") == base


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("пяти человек", "пять человек"),
        ("обеих сторон", "обе стороны"),
    ],
)
def test_a_numeral_before_its_noun_takes_the_nominative(phrase: str, base: str) -> None:
    """A numeral has no number of its own to put in the head's: it takes the nominative alone."""
    assert base_form(phrase, "ru") == base


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("местной судьи", "местная судья"),
        ("местного судьи", "местный судья"),  # 'местного' reads as neuter too: a judge never is
        ("бывшего главы", "бывший глава"),
        ("нашей коллеги", "наша коллега"),
    ],
)
def test_an_adjective_before_a_head_of_common_gender_takes_a_persons_gender(phrase: str, base: str) -> None:
    """'судья', 'глава', 'коллега' are masculine or feminine by who they are: the adjective says which."""
    assert base_form(phrase, "ru") == base


@pytest.mark.parametrize(
    ("phrase", "lang", "base"),
    [
        ("міської ради", "uk", "міська рада"),  # 'ради' alone reads first as the nominative plural
        ("Верховної Ради", "uk", "Верховна Рада"),
        ("нашей коллеги", "ru", "наша коллега"),  # 'коллеги' alone reads first as the plural
    ],
)
def test_an_adjectives_case_picks_the_reading_of_an_ambiguous_head(phrase: str, lang: str, base: str) -> None:
    assert base_form(phrase, lang) == base


def test_a_frame_naming_a_council_groups_it_under_the_councils_nominative() -> None:
    (claim,) = analyze("За даними міської ради, ремонт коштуватиме 40 млн гривень.", lang="uk").claims
    assert (claim.source, claim.source_resolved) == ("міської ради", "міська рада")


def test_a_word_the_dictionary_gives_no_nominative_falls_back_on_its_dictionary_form() -> None:
    """The Ukrainian dictionary lists 'браття' (brethren) without a nominative in that paradigm,
    and the adjective 'вижній' without one: the noun takes its dictionary form, the adjective
    stays as written rather than the phrase failing."""
    assert base_form("браттю", "uk") == "браття"
    assert base_form("вижнього села", "uk") == "вижнього село"


def test_an_acronym_keeps_its_form_and_other_languages_are_left_alone() -> None:
    assert base_form("представителя МИД", "ru") == "представитель МИД"
    assert base_form("Зеленського", "en") == "Зеленського"
    assert base_form("", "uk") == ""


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("приёмосдаточного пункта", "приёмо-сдаточный пункт"),
        ("Центральночернозёмного управления", "Центрально-Чернозёмное управление"),
    ],
)
def test_a_nominative_the_dictionary_writes_with_a_hyphen_gets_it(phrase: str, base: str) -> None:
    """The Russian dictionary lists 'приёмосдаточного' under 'приёмо-сдаточный': the part the
    hyphen adds is cased like the last part of the word as written."""
    assert base_form(phrase, "ru") == base


def test_a_phrase_in_quotation_marks_keeps_them() -> None:
    assert base_form("«Нафтогазу»", "uk") == "«Нафтогаз»"


@pytest.mark.parametrize(
    ("phrase", "lang", "base"),
    [
        ("міністерства оборони України", "uk", "міністерство оборони України"),
        ("министерства обороны России", "ru", "министерство обороны России"),
        ("председателя комитета по вопросам обороны", "ru", "председатель комитета по вопросам обороны"),
    ],
)
def test_the_nouns_after_the_head_keep_their_case(phrase: str, lang: str, base: str) -> None:
    assert base_form(phrase, lang) == base


@pytest.mark.parametrize(
    ("phrase", "base"),
    [("лише речника", "лише речник"), ("саме міністерства", "саме міністерство")],
)
def test_a_particle_before_the_head_does_not_stand_for_it(phrase: str, base: str) -> None:
    assert base_form(phrase, "uk") == base


@pytest.mark.parametrize(
    ("word", "lang", "kind"),
    [
        ("заявив", "uk", "verb"),
        ("сказал", "ru", "verb"),
        ("опубликованный", "ru", "participle"),
        ("опубликован", "ru", "participle"),
        ("Опубликованный", "ru", "other"),  # capitalised: it opens a sentence, it is no participle cue
        ("журналістам", "uk", "oblique"),
        ("брифінгу", "uk", "oblique"),
        ("журналистам", "ru", "oblique"),
        ("речник", "uk", "nominative"),
        ("Зеленський", "uk", "nominative"),
        ("Нугрохо", "uk", "nominative"),  # a foreign name the dictionary lacks
        ("Заев", "ru", "nominative"),  # a name spelt like a verb form
        ("Швидко", "uk", "nominative"),  # a capitalised adverb is taken for a name
        ("швидко", "uk", "other"),
        ("быстро", "ru", "other"),
        ("said", "en", "unknown"),
        ("заявив", "de", "unknown"),
    ],
)
def test_word_kind_tells_verbs_participles_and_cases_apart(word: str, lang: str, kind: str) -> None:
    assert word_kind(word, lang) == kind
