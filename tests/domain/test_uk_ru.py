"""Ukrainian and Russian articles: language, sentences, sources, quotes, caveats, hedges, figures.

The sentences are our own, written for these tests; the evaluation rows at the end measure the
same engine on hand-labelled NTREX news (tests/evaluation/multilingual.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.base_forms import base_form
from app.domain.claims import Analysis, DetectedClaim, analyze
from app.domain.figures import find_figures
from app.domain.language import detect
from app.domain.text import split_sentences
from app.services import articles
from app.storage.database import Database
from tests.evaluation import multilingual

UK_ARTICLE = (
    "Зеленський: Україна не погодиться на перемир'я\n\n"
    "Автор: Іван Петренко\n\n"
    "КИЇВ, 3 березня — Президент України Володимир Зеленський заявив, що Україна не погодиться "
    "на заморожування конфлікту. За словами Зеленського, понад 50 тисяч людей евакуювали з м. Бахмут. "
    "«Ми не віддамо жодного міста», — сказав він журналістам. Як повідомляє агентство Reuters, у "
    "Києві пролунали вибухи. У Міноборони заявили, що втрати становлять 1,5 тис. осіб. Ці дані не "
    "вдалося незалежно перевірити. Росія нібито готує новий наступ, повідомили в розвідці."
)
RU_ARTICLE = (
    "МОСКВА, 5 марта (Рейтер) - Пресс-секретарь президента России Дмитрий Песков заявил "
    "журналистам, что Кремль не видит оснований для переговоров. По словам Пескова, более 2 тыс. "
    "человек были эвакуированы из г. Белгород. «Мы будем действовать решительно», — сказал он. "
    "— Все под контролем, — заявила официальный представитель МИД Мария Захарова. Как сообщает "
    "ТАСС, прогремели взрывы. Эти данные не удалось независимо проверить. В Минобороны отказались "
    "от комментариев. Предположительно, удар нанесли дроны."
)


def _lang(sentence: str) -> str:
    """Our test sentences are short: a Ukrainian one has a letter Russian lacks."""
    return "uk" if set(sentence.lower()) & set("іїєґ") else "ru"


def _claim(analysis: Analysis, start: str) -> DetectedClaim:
    return next(c for c in analysis.claims if c.text.startswith(start))


# --- language ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (UK_ARTICLE, "uk"),
        (RU_ARTICLE, "ru"),
        ("Він сказав, що місто отримає нові автобуси.", "uk"),
        ("Он сказал, что город получит новые автобусы.", "ru"),
        ("The mayor said the city would buy new buses.", "en"),
        ("Der Bürgermeister sagte, die Stadt kaufe neue Busse.", "other"),
        ("1234 — 5678", "other"),
        ("", "other"),
    ],
)
def test_language_is_detected_offline(text: str, language: str) -> None:
    assert detect(text) == language


def test_the_analysis_says_its_language_and_a_language_set_by_hand_wins() -> None:
    assert analyze(UK_ARTICLE).language == "uk"
    assert analyze(UK_ARTICLE).to_json()["language"] == "uk"
    assert analyze(RU_ARTICLE, lang="uk").language == "uk"  # the journalist's choice, not the guess


def test_an_english_article_reads_exactly_as_before() -> None:
    text = "Harbour dredging halted\n\nThe authority said the survey found 14 shells, officials said."
    assert analyze(text).to_json() == {**analyze(text, lang="en").to_json(), "language": "en"}


# --- sentences -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "count"),
    [
        ("uk", "Ми живемо в м. Київ на вул. Хрещатик. Це центр.", 2),
        ("uk", "Вибух стався у Харківській обл. Рятувальники працюють.", 2),
        ("uk", "В. Зеленський прибув до Львова. Його зустріли.", 2),
        ("uk", "Загинули 12 тис. осіб, повідомив О. Іваненко.", 1),
        ("uk", "«Ми готові. Ми чекаємо», — сказав він. Зал мовчав.", 2),
        ("ru", "Мы были в г. Москва на ул. Тверская. Потом уехали.", 2),
        ("ru", "Это, т. е. решение суда, и т. д. Потом всё стихло.", 2),
        ("ru", "— Иди домой! — сказал он. Она ушла.", 2),
        ("ru", "В ст. 5 закона это сказано. Суд согласился.", 2),
        ("ru", "Статья опубликована в журн. «Наука». Её прочли.", 2),
    ],
)
def test_cyrillic_abbreviations_initials_quotes_and_dialogue_do_not_split(
    lang: str, text: str, count: int
) -> None:
    assert len(split_sentences(text, lang=lang)) == count


# --- sources -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Зеленський заявив, що армія готова.", "Зеленський"),
        ("Міністерка заявила, що армія готова.", "Міністерка"),
        ("Депутати заявили, що армія готова.", "Депутати"),
        ("Речник також наголосив, що армія готова.", "Речник"),
        ("Армія готова, зазначила прессекретарка.", "прессекретарка"),
        ("Армія готова, — заявив Зеленський.", "Зеленський"),
        ("За словами Зеленського, армія готова.", "Зеленського"),
        ("Як повідомляє Укрінформ, армія готова.", "Укрінформ"),
        ("Як заявили в Генштабі, армія готова.", "Генштабі"),
        ("За даними поліції, загинули двоє.", "поліції"),
        ("Про це повідомили в поліції.", "поліції"),
        ("Путин заявил, что армия готова.", "Путин"),
        ("Министр сообщила, что армия готова.", "Министр"),
        ("Военные сказали, что армия готова.", "Военные"),
        ("Армия готова, отметил Песков.", "Песков"),
        ("По словам Пескова, армия готова.", "Пескова"),
        ("Как сообщает ТАСС, армия готова.", "ТАСС"),
        ("По данным полиции, погибли двое.", "полиции"),
        ("Агентство со ссылкой на источники сообщило, что армия готова.", "Агентство"),
        ("Армия готова, сообщил со ссылкой на источники Интерфакс.", "Интерфакс"),
    ],
)
def test_speech_verbs_and_frames_name_the_source(sentence: str, source: str) -> None:
    claim = analyze(sentence, lang=_lang(sentence)).claims[-1]
    assert claim.source == source


@pytest.mark.parametrize(
    "sentence",
    [
        "Зеленський не заявив нічого нового.",  # a negated verb asserts nothing
        "Погода була теплою весь тиждень.",
        "Путин не сказал, когда начнутся переговоры.",
    ],
)
def test_no_source_without_an_asserting_cue(sentence: str) -> None:
    assert analyze(sentence, lang=_lang(sentence)).claims[-1].source is None


def test_a_source_in_another_case_groups_under_its_base_form() -> None:
    analysis = analyze(UK_ARTICLE)
    said = _claim(analysis, "За словами")
    assert said.source == "Зеленського"
    assert said.source_resolved == "Зеленський"
    assert said.source_refers_to == "Зеленський"  # the Source column groups it under the name
    assert _claim(analysis, "«Ми").source_resolved == "Зеленський"  # 'він' after the named source
    assert base_form("речника Кремля Дмитра Пєскова", "uk") == "речник Кремля Дмитро Пєсков"
    assert base_form("официального представителя МИД Марии Захаровой", "ru") == (
        "официальный представитель МИД Мария Захарова"
    )
    assert base_form("Zelensky", "en") == "Zelensky"


def test_quotes_in_guillemets_and_dialogue_are_quotes_with_their_speaker() -> None:
    uk, ru = analyze(UK_ARTICLE), analyze(RU_ARTICLE)
    assert (_claim(uk, "«Ми").kind, _claim(uk, "«Ми").source) == ("quote", "він")
    assert (_claim(ru, "«Мы").kind, _claim(ru, "«Мы").source) == ("quote", "он")
    dialogue = _claim(ru, "— Все")
    assert dialogue.kind == "quote"
    assert dialogue.source == "официальный представитель МИД Мария Захарова"


# --- caveats, hedges, figures ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("uk", "Ці дані не вдалося незалежно перевірити."),
        ("uk", "Редакція не змогла одразу підтвердити ці дані."),
        ("uk", "Ми не можемо підтвердити цю інформацію."),
        ("uk", "Видання не може підтвердити це повідомлення."),
        ("uk", "Речник відмовився від коментарів."),
        ("uk", "Речниця відмовилася від коментарів."),
        ("uk", "У міністерстві відмовилися коментувати ці дані."),
        ("uk", "Компанія не відповіла на запит."),
        ("ru", "Эти данные не удалось независимо проверить."),
        ("ru", "Мы не можем подтвердить эту информацию."),
        ("ru", "Редакция не смогла сразу подтвердить эти данные."),
        ("ru", "Песков отказался от комментариев."),
        ("ru", "В Кремле отказались комментировать ситуацию."),
        ("ru", "Пресс-служба не ответила на запрос."),
    ],
)
def test_caveats_are_found_as_families_in_every_form(lang: str, sentence: str) -> None:
    claim = analyze(sentence, lang=lang).claims[-1]
    assert claim.kind == "caveat"


@pytest.mark.parametrize(
    ("lang", "sentence", "agent"),
    [
        ("uk", "Ці дані не вдалося незалежно перевірити.", None),  # what was not verified
        ("ru", "Агентству Reuters пока не удалось подтвердить авторство ролика.", "Агентству Reuters"),
        ("uk", "Речниця відомства відмовилася від коментарів.", "Речниця відомства"),
    ],
)
def test_who_could_not_verify_or_declined(lang: str, sentence: str, agent: str | None) -> None:
    claim = analyze(sentence, lang=lang).claims[-1]
    assert (claim.kind, claim.source) == ("caveat", agent)


def test_a_caveat_on_its_own_clause_hedges_its_sentence() -> None:
    claim = analyze(
        "Заголовок новини тут\n\nЗагинули 12 людей, що не вдалося незалежно перевірити.", lang="uk"
    ).claims[-1]
    assert claim.kind == "claim"
    assert "не вдалося незалежно перевірити" in claim.hedges


@pytest.mark.parametrize(
    ("lang", "sentence", "hedge"),
    [
        ("uk", "Росія нібито готує наступ.", "нібито"),
        ("uk", "Ймовірно, удар завдали дрони.", "Ймовірно"),
        ("uk", "За неперевіреними даними, загинули троє.", "За неперевіреними даними"),
        ("uk", "Повідомляється, що міст зруйновано.", "Повідомляється"),
        ("ru", "Россия якобы готовит наступление.", "якобы"),
        ("ru", "Предположительно, удар нанесли дроны.", "Предположительно"),
        ("ru", "По неподтверждённым данным, погибли трое.", "По неподтверждённым данным"),
    ],
)
def test_hedges(lang: str, sentence: str, hedge: str) -> None:
    claim = analyze(sentence, lang=lang).claims[-1]
    assert hedge in claim.hedges


@pytest.mark.parametrize(
    ("lang", "sentence", "figures"),
    [
        ("uk", "Евакуювали понад 50 тисяч людей.", ["понад 50 тисяч людей"]),
        ("uk", "Збитки сягнули 1,5 млрд гривень.", ["1,5 млрд гривень"]),
        ("uk", "Площа міста — 839 км².", ["839 км²"]),
        ("uk", "Загинули п'ять людей і 12 тис. осіб залишилися без світла.", ["п'ять людей", "12 тис. осіб"]),
        ("ru", "Эвакуировали более 15 000 человек.", ["более 15 000 человек"]),
        ("ru", "Ущерб составил 2,5 млн рублей 3 марта.", ["2,5 млн рублей", "3 марта"]),
        ("ru", "Пострадали десять детей.", ["десять детей"]),
        ("uk", "Загинули двадцять п’ять людей.", ["двадцять п’ять людей"]),  # a typographic apostrophe
        ("ru", "Эвакуированы более пятидесяти тысяч человек.", ["более пятидесяти тысяч человек"]),
    ],
)
def test_figures(lang: str, sentence: str, figures: list[str]) -> None:
    assert [sentence[a:b] for a, b in find_figures(sentence, lang)] == figures


# --- datelines and bylines -------------------------------------------------------------------------


def test_datelines_and_bylines_are_no_claims_and_no_sources() -> None:
    text = "Автор: Іван Петренко\n\nКИЇВ, 3 березня 2024\n\nУряд заявив, що ціни не зростуть."
    analysis = analyze(text)
    claimed = [c.text for c in analysis.claims]
    assert claimed == ["Уряд заявив, що ціни не зростуть."]
    assert analysis.byline == "Іван Петренко"
    lead = _claim(analyze(UK_ARTICLE), "КИЇВ")
    assert lead.source == "Президент України Володимир Зеленський"  # not the dateline
    assert _claim(analyze(RU_ARTICLE), "МОСКВА").source == "Пресс-секретарь президента России Дмитрий Песков"


# --- the article's language is stored ----------------------------------------------------------------


def test_an_imported_article_keeps_the_language_it_was_read_in(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "novyna.txt"
    path.write_text(UK_ARTICLE, encoding="utf-8")
    result = articles.import_path(db, path)
    assert articles.article_properties(db, result.article_id).language == "uk"
    record = articles.load_article(db, result.article_id)
    assert any(c.source == "Зеленського" for c in record.claims)


def test_analyze_json_has_the_language_key() -> None:
    payload = json.loads(json.dumps(analyze(RU_ARTICLE).to_json(), ensure_ascii=False))
    assert payload["language"] == "ru"
    assert {"title", "sentences", "claims", "skipped"} <= payload.keys()


# --- the evaluation table's rows (python -m tests.evaluation) ------------------------------------


def test_multilingual_evaluation_rows_pass() -> None:
    rows = multilingual.rows()
    assert len(rows) == 16 and all(r.passed for r in rows), [r for r in rows if not r.passed]


@pytest.mark.parametrize(
    "text,resolved",
    [
        ("Міська рада заявила, що ремонт коштуватиме 40 млн гривень.", "Міська рада"),
        ("Повітряні сили повідомили, що збили 30 дронів.", "Повітряні сили"),
        ("За даними Повітряних сил, дронів було 40.", "Повітряні сили"),
        ("За словами Зеленського, понад 50 тисяч людей отримають допомогу.", "Зеленський"),
    ],
)
def test_a_subject_keeps_its_nominative_and_a_frame_gives_the_base_form(text: str, resolved: str) -> None:
    """The Ukrainian dictionary weighs no reading above another: 'рада' first reads as the
    genitive of 'рад', 'Міська' as a surname. A subject is in the nominative where it can be."""
    (claim,) = analyze(text, lang="uk").claims
    assert claim.source_resolved == resolved
