"""Who asserts a Ukrainian or Russian sentence (app/domain/attribution_frames.py), read shape by
shape: the source's words, the cue that names it, the rule that found it and whether the sentence
is a quote.

The sentences are our own, news-like. Quotations are masked the way the claim engine masks them
(their words blanked out), so a speech verb inside one is no cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.domain import attribution_frames, caveat_families
from app.domain.lexicon import load

_QUOTED = re.compile(r"\u00ab([^\u00bb]*)\u00bb|\u201c([^\u201d]*)\u201d")

Reading = tuple[str | None, str, str | None, bool]


@pytest.fixture(autouse=True)
def words_afresh() -> Iterator[None]:
    """The module compiles a language's word lists once and keeps them: each test here compiles
    them itself, so what it checks does not rest on lists an earlier test left behind."""
    attribution_frames._words.cache_clear()
    yield
    attribution_frames._words.cache_clear()


def _read(lang: str, sentence: str) -> Reading:
    """(the source's words, the first cue's words, the rule, whether a quote)."""
    masked = _QUOTED.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], sentence)
    att, quote = attribution_frames.attribute(sentence, masked, load(lang))
    source = sentence[att.source[0] : att.source[1]] if att.source else None
    cue = sentence[att.cues[0][0] : att.cues[0][1]] if att.cues else ""
    return source, cue, att.rule, quote


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        ("uk", "Зеленський заявив, що армія готова.", ("Зеленський", "заявив", "subject", False)),
        ("uk", "Зеленський також заявив, що армія готова.", ("Зеленський", "заявив", "subject", False)),
        (
            "uk",
            "Зеленський в інтерв'ю BBC заявив, що армія готова.",
            ("Зеленський", "заявив", "subject", False),
        ),
        (
            "uk",
            "Зеленський вихваляв армію й заявив, що вона готова.",
            ("Зеленський", "заявив", "subject", False),
        ),
        (
            "uk",
            "Під час брифінгу в Києві речник заявив, що армія готова.",
            ("речник", "заявив", "subject", False),
        ),
        ("uk", "На шоу репер заявив, що альбом готовий.", ("репер", "заявив", "subject", False)),
        (
            "uk",
            "Після Майдану Зеленський заявив, що армія готова.",
            ("Зеленський", "заявив", "subject", False),
        ),
        ("uk", "О. Іваненко заявив, що армія готова.", ("О. Іваненко", "заявив", "subject", False)),
        ("uk", "Мер заявив: ремонт завершено.", ("Мер", "заявив", "subject", False)),
        (
            "uk",
            "Мер Львова Андрій Садовий сказав журналістам, що ремонт завершать.",
            ("Мер Львова Андрій Садовий", "сказав", "subject", False),
        ),
        (
            "uk",
            "Мер міста і його заступник заявили, що ремонт завершать.",
            ("Мер міста і його заступник", "заявили", "subject", False),
        ),
        ("ru", "Путин заявил, что армия готова.", ("Путин", "заявил", "subject", False)),
        # the subject of the verb after a negated one
        (
            "uk",
            "Зеленський не заявив про відставку, а прем'єр сказав, що уряд працює.",
            ("прем'єр", "сказав", "subject", False),
        ),
    ],
)
def test_the_subject_before_a_speech_verb_is_the_source(lang: str, sentence: str, reading: Reading) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        # a wire dateline, even one whose dash touches the city, is no part of the subject
        (
            "uk",
            "ЛЬВІВ, 3 березня— Мер міста заявив, що ремонт завершено.",
            ("Мер міста", "заявив", "subject", False),
        ),
        (
            "uk",
            "Відповідь надіслала Олена Петрівна Коваль, яка заявила, що ремонт завершено.",
            ("Олена Петрівна Коваль", "заявила", "subject", False),
        ),
        (
            "uk",
            "Журналістка Олена Коваль, яка заявила, що ремонт завершено, отримала премію.",
            ("Журналістка Олена Коваль", "заявила", "subject", False),
        ),
        (
            "uk",
            "Греція, яка має провінцію Македонія, стверджує, що назва належить їй.",
            ("Греція", "стверджує", "subject", False),
        ),
        (
            "uk",
            "Мер, який приїхав на об'єкт, заявив, що ремонт завершено.",
            ("Мер", "заявив", "subject", False),
        ),
        ("uk", "Влада, однак, вважає, що загрози немає.", ("Влада", "вважає", "subject", False)),
        (
            "uk",
            "Влада міста, зокрема мер і депутати, заявила, що загрози немає.",
            ("Влада міста", "заявила", "subject", False),
        ),
        ("ru", "Власти, однако, полагают, что угрозы нет.", ("Власти", "полагают", "subject", False)),
    ],
)
def test_the_subject_is_found_past_a_dateline_a_relative_clause_or_an_aside(
    lang: str, sentence: str, reading: Reading
) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        ("uk", "Армія готова, — заявив Зеленський.", ("Зеленський", "заявив", "inverted", False)),
        ("uk", "Армія готова, заявив у понеділок Зеленський.", ("Зеленський", "заявив", "inverted", False)),
        (
            "uk",
            "Армія готова, сказав під час брифінгу Зеленський.",
            ("Зеленський", "сказав", "inverted", False),
        ),
        ("uk", "Армія готова, сказав в інтерв'ю Зеленський.", ("Зеленський", "сказав", "inverted", False)),
        ("uk", "Армія готова, заявив він і додав, що резерви є.", ("він", "заявив", "inverted", False)),
        ("uk", "Армія готова, заявив він, який очолює штаб.", ("він", "заявив", "inverted", False)),
        (
            "uk",
            "Армія готова, заявив Зеленський, який відвідав фронт.",
            ("Зеленський", "заявив", "inverted", False),
        ),
        ("uk", "Що армія готова, заявив Зеленський.", ("Зеленський", "заявив", "inverted", False)),
        (
            "uk",
            "Армія готова, заявив президент Володимир Зеленський у Києві.",
            ("президент Володимир Зеленський", "заявив", "inverted", False),
        ),
        (
            "uk",
            "Армія готова, заявив президент Володимир Зеленський та його радник.",
            ("президент Володимир Зеленський", "заявив", "inverted", False),
        ),
        (
            "uk",
            "Армія готова, заявив речник штабу ЗСУ Дмитро Лиховій, додавши, що резерви є.",
            ("речник штабу ЗСУ Дмитро Лиховій", "заявив", "inverted", False),
        ),
        (
            "uk",
            "Про це заявив на брифінгу в Києві речник Повітряних сил Юрій Ігнат.",
            ("речник Повітряних сил Юрій Ігнат", "заявив", "inverted", False),
        ),
        (
            "uk",
            "Про це сказав у понеділок на брифінгу в Новому Орлеані мер міста.",
            ("мер міста", "сказав", "inverted", False),
        ),
        (
            "uk",
            "Про це сказав журналістам мер Львова Андрій Садовий.",
            ("мер Львова Андрій Садовий", "сказав", "inverted", False),
        ),
        (
            "uk",
            "Про це повідомив виданню The Guardian посол Вадим Пристайко.",
            ("посол Вадим Пристайко", "повідомив", "inverted", False),
        ),
        (
            "uk",
            "Про це повідомив телеканалу Суспільне речник Сил оборони Владислав Волошин.",
            ("речник Сил оборони Владислав Волошин", "повідомив", "inverted", False),
        ),
        (
            "uk",
            "Армія готова, заявив Зеленський",
            ("Зеленський", "заявив", "inverted", False),
        ),  # no full stop
        ("uk", "Це заявив мер Києва.", ("мер Києва", "заявив", "inverted", False)),
        ("uk", "Армія готова, заявив також Зеленський.", ("Зеленський", "заявив", "inverted", False)),
        (
            "uk",
            "Армія готова, заявив Зеленський щодо ситуації на фронті.",
            ("Зеленський", "заявив", "inverted", False),
        ),
        ("uk", "Армія готова, неодноразово публічно заявляв мер.", ("мер", "заявляв", "inverted", False)),
        ("uk", "Армія готова, — заявив Іван Петренко-", ("Іван Петренко", "заявив", "inverted", False)),
        ("uk", "Армія готова, заявив він “Сніданку” журналістам.", ("він", "заявив", "inverted", False)),
        ("ru", "Армия готова, — заявил Песков журналистам.", ("Песков", "заявил", "inverted", False)),
        ("ru", "Армия готова, заявил в понедельник Песков.", ("Песков", "заявил", "inverted", False)),
        (
            "ru",
            "Армия готова, сообщил со ссылкой на источники Интерфакс.",
            ("Интерфакс", "сообщил", "inverted", False),
        ),
        (
            "ru",
            "Ремонт завершат в мае, пишет газета со ссылкой на источники в правительстве.",
            ("газета", "пишет", "inverted", False),
        ),
        (
            "ru",
            "Об этом сказал журналистам мэр Москвы Сергей Собянин.",
            ("мэр Москвы Сергей Собянин", "сказал", "inverted", False),
        ),
        (
            "ru",
            "Об этом заявил на брифинге в Москве представитель МИД Мария Захарова.",
            ("представитель МИД Мария Захарова", "заявил", "inverted", False),
        ),
    ],
)
def test_a_verb_before_its_subject_takes_the_noun_phrase_after_it(
    lang: str, sentence: str, reading: Reading
) -> None:
    """Past time phrases, places, addressees ('журналістам', 'виданню The Guardian')."""
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        ("uk", "Про це повідомили в поліції.", ("поліції", "повідомили", "inverted", False)),
        ("uk", "У Міноборони заявили, що втрати зросли.", ("Міноборони", "заявили", "inverted", False)),
        ("uk", "Раніше у Toyota UK заявили, що завод зупинять.", ("Toyota UK", "заявили", "inverted", False)),
        (
            "uk",
            "Раніше у Toyota Motor заявили, що завод зупинять.",
            ("Toyota Motor", "заявили", "inverted", False),
        ),
        ("uk", "Армія готова, заявили в поліції Києва.", ("поліції Києва", "заявили", "inverted", False)),
        ("uk", "Армія готова, повідомили у Генштабі.", ("Генштабі", "повідомили", "inverted", False)),
        ("uk", "Там живе 300 тисяч людей, сказано в заяві.", ("заяві", "сказано", "inverted", False)),
        ("uk", "Про це повідомили у свою чергу в поліції.", ("поліції", "повідомили", "inverted", False)),
        (
            "uk",
            "Про це повідомили в поліції, що загинули двоє.",
            ("поліції", "повідомили", "inverted", False),
        ),
        ("uk", "Про це заявили у SpaceX.", ("SpaceX", "заявили", "inverted", False)),
        (
            "uk",
            "Армія готова, повідомили в мерії Києва, яка відповідає за оборону.",
            ("мерії Києва", "повідомили", "inverted", False),
        ),
        ("ru", "Об этом сообщили в полиции.", ("полиции", "сообщили", "inverted", False)),
        ("ru", "В Минобороны заявили, что потери выросли.", ("Минобороны", "заявили", "inverted", False)),
    ],
)
def test_a_body_after_in_speaks_for_a_verb_without_a_subject(
    lang: str, sentence: str, reading: Reading
) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        ("uk", "За словами Зеленського, армія готова.", ("Зеленського", "За словами", "according_to", False)),
        (
            "uk",
            "Згідно з даними поліції, загинули двоє.",
            ("поліції", "Згідно з даними", "according_to", False),
        ),
        # a frame before the verb wins over the speaker after it
        (
            "uk",
            "За словами мера, речник сказав, що грошей немає.",
            ("мера", "За словами", "according_to", False),
        ),
        (
            "uk",
            "Ремонт, за його словами, завершать у травні.",
            ("його", "за його словами", "according_to", False),
        ),
        ("uk", "Мер, на її думку, помиляється.", ("її", "на її думку", "according_to", False)),
        (
            "uk",
            "Позаторік за його словами ремонт завершили.",
            ("його", "за його словами", "according_to", False),
        ),
        # an initial's full stop ends no source
        ("uk", "За словами О. Іваненка, армія готова.", ("О. Іваненка", "За словами", "according_to", False)),
        (
            "uk",
            "За словами мера О. Іваненка, армія готова.",
            ("мера О. Іваненка", "За словами", "according_to", False),
        ),
        ("ru", "По словам М. Иванова, армия готова.", ("М. Иванова", "По словам", "according_to", False)),
        # the first of two frames; a frame that opens a line with no full stop
        (
            "uk",
            "За його словами, армія готова, і за його словами, резерви є.",
            ("його", "За його словами", "according_to", False),
        ),
        ("uk", "За його словами армія готова", ("його", "За його словами", "according_to", False)),
        ("ru", "По словам Пескова, армия готова.", ("Пескова", "По словам", "according_to", False)),
        ("ru", "По данным полиции, погибли двое.", ("полиции", "По данным", "according_to", False)),
        ("ru", "По его словам, армия готова.", ("его", "По его словам", "according_to", False)),
    ],
)
def test_a_frame_names_the_source_after_it_or_inside_it(lang: str, sentence: str, reading: Reading) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        (
            "uk",
            "За словами так званого мера Донецька, армія готова.",
            ("так званого мера Донецька", "За словами", "according_to", False),
        ),
        (
            "uk",
            "Як заявив так званий мер Донецька, армія готова.",
            ("так званий мер Донецька", "заявив", "as_frame", False),
        ),
        (
            "uk",
            "Ремонт завершать у травні, з посиланням на так званого мера Донецька.",
            ("так званого мера Донецька", "з посиланням на", "according_to", False),
        ),
        (
            "ru",
            "По словам так называемого мэра Донецка, армия готова.",
            ("так называемого мэра Донецка", "По словам", "according_to", False),
        ),
        # a comma after a number ends the source like any other
        (
            "uk",
            "За даними перепису 2001, населення зросло.",
            ("перепису 2001", "За даними", "according_to", False),
        ),
    ],
)
def test_the_words_after_a_frame_are_the_source_as_they_stand(
    lang: str, sentence: str, reading: Reading
) -> None:
    """'так' opens many clauses ('Так, ...'), yet after a frame it is the source's own word."""
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        ("uk", "Як повідомляє Укрінформ, армія готова.", ("Укрінформ", "повідомляє", "as_frame", False)),
        ("uk", "Так, як повідомляє Укрінформ, армія готова.", ("Укрінформ", "повідомляє", "as_frame", False)),
        (
            "uk",
            "Як повідомляє Укрінформ, речник штабу заявив, що армія готова.",
            ("речник штабу", "заявив", "subject", False),
        ),
        (
            "uk",
            "Коли мер заявив про ремонт, речниця ради сказала, що грошей немає.",
            ("речниця ради", "сказала", "subject", False),
        ),
        ("uk", "Як повідомив О. Іваненко, армія готова.", ("О. Іваненко", "повідомив", "as_frame", False)),
        # past an adverb, a prepositional phrase, an addressee
        ("uk", "Як заявив публічно Зеленський, армія готова.", ("Зеленський", "заявив", "as_frame", False)),
        (
            "uk",
            "Як заявив після засідання Зеленський, армія готова.",
            ("Зеленський", "заявив", "as_frame", False),
        ),
        (
            "uk",
            "Як заявив Зеленський журналістам, армія готова.",
            ("Зеленський", "заявив", "as_frame", False),
        ),
        ("uk", "Як заявили мер і депутати, армія готова.", ("мер", "заявили", "as_frame", False)),
        (
            "uk",
            "Як повідомляє Укрінформ, як заявив мер, армія готова.",
            ("Укрінформ", "повідомляє", "as_frame", False),
        ),
        (
            "uk",
            "Хоча мер заявив про ремонт, речниця ради сказала, що грошей немає.",
            ("речниця ради", "сказала", "subject", False),
        ),
        ("ru", "Как заявил после заседания Песков, армия готова.", ("Песков", "заявил", "as_frame", False)),
        ("ru", "Как сообщает ТАСС, армия готова.", ("ТАСС", "сообщает", "as_frame", False)),
        ("ru", "Как заявили в Кремле, армия готова.", ("Кремле", "заявили", "as_frame", False)),
        (
            "ru",
            "Как сообщает ТАСС со ссылкой на источник, армия готова.",
            ("ТАСС", "сообщает", "as_frame", False),
        ),
        (
            "ru",
            "Когда мэр заявил о ремонте, пресс-секретарь думы сказала, что денег нет.",
            ("пресс-секретарь думы", "сказала", "subject", False),
        ),
    ],
)
def test_a_relaying_outlet_or_a_subordinate_clause_gives_way_to_the_main_speaker(
    lang: str, sentence: str, reading: Reading
) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        (
            "uk",
            "Ремонт завершать у травні, з посиланням на джерела в уряді.",
            ("джерела", "з посиланням на", "according_to", False),
        ),
        (
            "uk",
            "З посиланням на джерела в уряді ремонт завершать у травні.",
            ("джерела", "З посиланням на", "according_to", False),
        ),
        (
            "uk",
            "Ремонт завершать у травні, з посиланням на О. Іваненка.",
            ("О. Іваненка", "з посиланням на", "according_to", False),
        ),
        (
            "ru",
            "Ремонт завершат в мае, со ссылкой на М. Иванова.",
            ("М. Иванова", "со ссылкой на", "according_to", False),
        ),
        # someone who relays outranks whom they cite
        (
            "uk",
            "Агентство з посиланням на джерела в уряді пише, що ремонт завершать.",
            ("Агентство", "пише", "subject", False),
        ),
        (
            "ru",
            "Агентство со ссылкой на источники сообщило, что армия готова.",
            ("Агентство", "сообщило", "subject", False),
        ),
    ],
)
def test_whom_a_report_cites_is_the_source_only_when_no_one_speaks(
    lang: str, sentence: str, reading: Reading
) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        (
            "uk",
            "Мер міста похвалив робітників, зазначивши, що ремонт завершать у травні.",
            ("Мер міста", "зазначивши", "participle", False),
        ),
        (
            "ru",
            "Мэр похвалил рабочих, отметив, что ремонт завершат в мае.",
            ("Мэр", "отметив", "participle", False),
        ),
    ],
)
def test_a_participle_gives_the_subject_of_the_clause_it_hangs_on(
    lang: str, sentence: str, reading: Reading
) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence", "reading"),
    [
        ("uk", "«Ми готові», — сказав він.", ("він", "сказав", "quote", True)),
        ("uk", "— Ми готові, — заявив він журналістам.", ("він", "заявив", "quote", True)),
        ("uk", "Він сказав: «Ми готові».", ("Він", "сказав", "quote", True)),
        ("uk", "Мер продовжував: «Ремонт завершимо вчасно».", ("Мер", "продовжував", "quote", True)),
        (
            "uk",
            "Мер вийшов до журналістів і продовжував: «Ремонт завершимо».",
            ("Мер", "продовжував", "quote", True),
        ),
        (
            "uk",
            "«Ремонт завершимо вчасно», — сказав мер Львова Андрій Садовий.",
            ("мер Львова Андрій Садовий", "сказав", "quote", True),
        ),
        ("ru", "«Мы готовы», — сказал он.", ("он", "сказал", "quote", True)),
        ("ru", "Он сказал: «Мы готовы».", ("Он", "сказал", "quote", True)),
        ("ru", "Мэр продолжал: «Ремонт завершим вовремя».", ("Мэр", "продолжал", "quote", True)),
        (
            "ru",
            "«Мы готовы», — заявил официальный представитель МИД Мария Захарова.",
            ("официальный представитель МИД Мария Захарова", "заявил", "quote", True),
        ),
    ],
)
def test_a_cue_against_a_quotation_or_a_dialogue_dash_makes_a_quote(
    lang: str, sentence: str, reading: Reading
) -> None:
    assert _read(lang, sentence) == reading


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("uk", "Зеленський не заявив нічого нового."),
        ("uk", "Про це не повідомили в поліції."),
        ("uk", "Ремонт не завершено, не заявив мер."),
        ("uk", "Погода була теплою весь тиждень."),
        ("uk", "Під час брифінгу заявили, що армія готова."),  # a time phrase is no speaker
        ("uk", "Після Майдану заявили, що армія готова."),
        ("uk", "Журналістам, зокрема, заявили, що загрози немає."),  # an addressee is no subject
        ("uk", "Депутат який голосував заявив мер."),  # a clause it cannot read: no guess
    ],
)
def test_a_negated_verb_or_no_cue_names_no_source(lang: str, sentence: str) -> None:
    assert _read(lang, sentence) == (None, "", None, False)


@pytest.mark.parametrize(
    ("lang", "sentence", "agent"),
    [
        ("uk", "ЛЬВІВ, 3 березня— Редакція не змогла підтвердити ці дані.", "Редакція"),
        ("uk", "Редакція не змогла підтвердити ці дані.", "Редакція"),
        ("uk", "Редакція перевіряла дані й не змогла підтвердити їх.", "Редакція"),
        ("uk", "Ці дані не вдалося незалежно перевірити.", None),  # what was not verified
        ("uk", "Агентству Reuters не вдалося підтвердити ці дані.", "Агентству Reuters"),
        ("uk", "Раніше агентству Reuters не вдалося підтвердити ці дані.", "агентству Reuters"),
        ("ru", "Агентству Reuters пока не удалось подтвердить авторство ролика.", "Агентству Reuters"),
        ("ru", "Редакция не смогла подтвердить эти данные.", "Редакция"),
    ],
)
def test_who_could_not_verify_is_the_caveat_clause_subject(
    lang: str, sentence: str, agent: str | None
) -> None:
    lex = load(lang)
    caveat = caveat_families.find(sentence, lex)
    assert caveat is not None
    found = attribution_frames.caveat_agent(sentence, caveat.start, lex)
    assert (sentence[found[0] : found[1]] if found else None) == agent


@pytest.mark.parametrize(
    "sentence",
    [
        "ХАРКІВ, 3 березня (повідомляє Укрінформ) — Ремонт завершать у травні.",
        "ХАРКІВ, 3 березня (за даними Укрінформу) — Ремонт завершать у травні.",
        "ХАРКІВ, 3 березня (за його словами) — Ремонт завершать у травні.",
        "ХАРКІВ, 3 березня (з посиланням на Укрінформ) — Ремонт завершать у травні.",
    ],
)
def test_no_cue_is_read_inside_a_wire_dateline(sentence: str) -> None:
    assert _read("uk", sentence) == (None, "", None, False)


def test_a_source_after_a_frame_stops_at_fourteen_words() -> None:
    sentence = (
        "За оцінками аналітиків відділу досліджень ринку праці Національного інституту стратегічних "
        "досліджень Київського міжнародного інституту соціології Олени Петренко Івана Сидоренка, "
        "безробіття зросло."
    )
    source, cue, rule, _ = _read("uk", sentence)
    assert (cue, rule) == ("За оцінками", "according_to")
    assert source is not None and source.split() == sentence.split()[2:16]
