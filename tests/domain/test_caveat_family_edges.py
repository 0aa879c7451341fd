"""Ukrainian and Russian caveats read as families of stems (app/domain/caveat_families.py): which
phrase is found, of which kind, how far it reaches, and whether it qualifies its own clause.

The sentences are our own. Some tests give a lexicon families of their own (`_with_families`):
the stems are data, and the code must read any of them the way the lexicon's notation says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.domain import caveat_families
from app.domain.lexicon import Lexicon, load


@pytest.fixture(autouse=True)
def compiled_afresh() -> Iterator[None]:
    """The families are compiled once per lexicon and kept: each test here compiles them itself,
    so what it checks is the compiling, not a pattern an earlier test left behind."""
    caveat_families._families.cache_clear()
    yield
    caveat_families._families.cache_clear()


def _with_families(families: list[list[object]]) -> Lexicon:
    uk = load("uk")
    return replace(uk, data={**uk.data, "caveat_families": families})


def _found(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    caveat = caveat_families.find(sentence, lex)
    return None if caveat is None else (sentence[caveat.start : caveat.end], caveat.kind)


@pytest.mark.parametrize(
    ("lang", "sentence", "phrase", "kind"),
    [
        ("uk", "Ці дані не вдалося незалежно перевірити.", "не вдалося незалежно перевірити", "active"),
        ("uk", "Втрати не вдалося поки що перевірити.", "не вдалося поки що перевірити", "active"),
        ("uk", "Ця інформація поки не підтверджена.", "не підтверджена", "passive"),
        ("uk", "Ці дані неможливо незалежно перевірити.", "неможливо незалежно перевірити", "negsubj"),
        ("uk", "Речник відмовився від коментарів.", "відмовився від коментарів", "reply"),
        ("uk", "Компанія не відповіла одразу на запит.", "не відповіла одразу на запит", "reply"),
        ("ru", "Эти данные не удалось сразу проверить.", "не удалось сразу проверить", "active"),
        ("ru", "Информация пока не подтверждена официально.", "не подтверждена", "passive"),
        ("ru", "Эти цифры нельзя независимо проверить.", "нельзя независимо проверить", "negsubj"),
        ("ru", "Песков воздержался от комментариев.", "воздержался от комментариев", "reply"),
    ],
)
def test_each_family_is_found_with_its_kind_and_whole_phrase(
    lang: str, sentence: str, phrase: str, kind: str
) -> None:
    assert _found(sentence, load(lang)) == (phrase, kind)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("uk", "Новина невдовзі підтверджена урядом."),  # 'не' is a whole word, not the start of 'невдовзі'
        ("ru", "Информация немедленно подтверждена министерством."),
        ("uk", "Погода була теплою весь тиждень."),
    ],
)
def test_no_caveat_where_no_family_reads(lang: str, sentence: str) -> None:
    assert caveat_families.find(sentence, load(lang)) is None


def test_the_longest_stem_of_a_family_is_tried_first() -> None:
    """'не дав' alone would end the phrase early; 'не дав коментарів' is the caveat."""
    lex = _with_families([["reply", ["не="], [], ["дав=", "дав коментар"]]])
    assert _found("Речник не дав коментарів.", lex) == ("не дав коментарів", "reply")


def test_a_whole_word_stem_may_end_in_a_capital_latin_letter() -> None:
    """A platform named X: the stem 'у X=' is the words 'у' and 'X', both kept."""
    lex = _with_families([["reply", ["не відповів="], [], ["у X="]]])
    assert _found("Він не відповів у X.", lex) == ("не відповів у X", "reply")


def test_a_family_without_heads_or_tails_is_left_out() -> None:
    lex = _with_families([["active", [], [], ["перевір"]], ["reply", ["не відповів="], [], []]])
    assert caveat_families.find("Він не відповів. Ніхто не перевірив.", lex) is None
    assert caveat_families.find("Він не відповів — і ніхто не перевірив дані.", lex) is None
    assert caveat_families.find("Він не відповів.", _with_families([])) is None


@pytest.mark.parametrize(
    ("lang", "sentence", "own"),
    [
        ("uk", "Загинули 12 людей, що не вдалося незалежно перевірити.", True),
        # the sentence opens with 'хоча' and the caveat sits past a clause break
        ("uk", "Хоча ці дані, за словами редакції, не вдалося перевірити, уряд наполягає на них.", True),
        ("uk", "Хоча, за словами редакції, ці дані не вдалося перевірити, уряд наполягає на них.", True),
        ("ru", "Хотя эти данные, по словам редакции, не удалось проверить, власти настаивают.", True),
        ("uk", "Дані про втрати, однак,не вдалося перевірити.", True),  # no space after the comma
        # a clause break alone makes no clause of the caveat's own
        ("uk", "Редакція, як і раніше, не змогла підтвердити ці дані.", False),
        # what follows the caveat does not count
        ("uk", "Ці дані не вдалося перевірити, що визнали в редакції.", False),
        ("uk", "Ці дані не вдалося незалежно перевірити.", False),
    ],
)
def test_a_caveat_qualifies_its_own_clause_only_after_an_opener(lang: str, sentence: str, own: bool) -> None:
    caveat = caveat_families.find(sentence, load(lang))
    assert caveat is not None and caveat.own_clause is own


def test_a_language_without_caveat_families_finds_no_caveat() -> None:
    assert caveat_families.find("could not independently verify the video", load("de")) is None
