"""Base (nominative) forms of Ukrainian and Russian sources, so that one source is one name.

"за словами Зеленського", "як повідомив Зеленський" and "Зеленський заявив" name one man in two
cases; the Source column groups them only if both read "Зеленський". Endings are not guessed by
hand: pymorphy3 with its Ukrainian and Russian dictionaries parses each word, and the words that
agree with the phrase's head (its adjectives, the head noun, the parts of a person's name) are put
in the nominative; the rest keeps its case ("міністерства оборони" -> "міністерство оборони").

The analysers load their dictionaries (a few MB each) when first asked, not at start-up.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
from typing import Any

_LANGS = ("uk", "ru")
_WORD = re.compile(r"[^\W\d_][\w'\u2019\u02bc-]*")
_NAME_TAGS = frozenset(("Name", "Surn", "Patr"))
_HEAD_POS = frozenset(("NOUN", "NPRO"))
_AGREEING_POS = frozenset(("ADJF", "PRTF", "NUMR"))


@cache
def _analyzer(lang: str) -> Any:
    """pymorphy3's analyser of `lang` (None when the library or its dictionary is missing)."""
    try:
        import pymorphy3  # the dictionaries load here, on the first Ukrainian or Russian source

        # the dictionary's own path, not the entry point pymorphy3 looks it up by: a frozen build
        # (PyInstaller) keeps the package data but not always the package metadata
        path = importlib.import_module(f"pymorphy3_dicts_{lang}").get_path()
        return pymorphy3.MorphAnalyzer(path=path, lang=lang)
    except (ImportError, ValueError, OSError):
        return None


def base_form(phrase: str, lang: str, subject: bool = False) -> str:
    """The phrase with its head and the words agreeing with it in the nominative; unchanged for
    other languages, or when no analyser is installed.

    `subject`: the phrase is a verb's subject ('Міська рада заявила'), so where a word can be read
    as a nominative it is one. The Ukrainian dictionary weighs no reading above another, and its
    first one for 'рада' is the genitive of 'рад', for 'Міська' a surname."""
    if lang not in _LANGS or not phrase:
        return phrase
    morph = _analyzer(lang)
    if morph is None:
        return phrase
    return _base_form(phrase, lang, subject)


@lru_cache(maxsize=4096)
def _base_form(phrase: str, lang: str, subject: bool) -> str:
    morph = _analyzer(lang)
    parts: list[str] = []
    pending: list[tuple[int, Any, str]] = []  # adjectives before the head: put in its gender later
    pos = 0
    head_seen = False
    case: str | None = None  # the case of the phrase's head, which its agreeing words share
    for m in _WORD.finditer(phrase):
        word = m.group()
        parts.append(phrase[pos : m.start()])
        pos = m.end()
        if word.isupper() and len(word) > 1:
            parts.append(word)  # an acronym ('МЗС', 'ООН') keeps its form
            continue
        # before the head is known, an adjective's case says which reading of the head is meant
        # ('міської ради': 'ради' is the genitive singular, not the nominative plural); a numeral's
        # does not ('пяти человек': the head of a count is in the genitive whatever the case)
        adjectives = [p for _, p, _ in pending if p.tag.POS != "NUMR"]
        prefer = case or ("nomn" if subject else None) or (adjectives[0].tag.case if adjectives else None)
        parse = _best_parse(morph, word, prefer)
        if parse is None:
            parts.append(word)
            continue
        tag = parse.tag
        is_name = bool(_NAME_TAGS & set(tag.grammemes)) and word[:1].isupper()
        if not head_seen and tag.POS in _AGREEING_POS:
            pending.append((len(parts), parse, word))
            parts.append(word)
        elif (not head_seen and tag.POS in _HEAD_POS) or (is_name and (case is None or tag.case == case)):
            if case is None:
                case = tag.case
                _agree(parts, pending, tag)
            parts.append(_nominative(parse, word))
            head_seen = head_seen or not is_name
        else:
            parts.append(word)
            head_seen = head_seen or tag.POS in _HEAD_POS
    if case is None:
        _agree(parts, pending, None)
    parts.append(phrase[pos:])
    return "".join(parts)


def _agree(parts: list[str], pending: list[tuple[int, Any, str]], head: Any) -> None:
    """Adjectives before the head, in the nominative and in the head's gender and number."""
    for i, parse, word in pending:
        wanted = {"nomn"}
        if head is not None and head.number:
            wanted.add(head.number)
            if head.number == "sing" and head.gender:
                wanted.add(head.gender)
            elif head.number == "sing" and "ms-f" in head and parse.tag.gender == "neut":
                wanted.add("masc")  # 'местного судьи': a head of common gender is never neuter
        form = parse.inflect(wanted) or parse.inflect({"nomn"})
        parts[i] = _cased_like(form.word, word) if form is not None else word


def _best_parse(morph: Any, word: str, case: str | None) -> Any:
    """The likeliest parse, preferring one in the head's case (or a name's) once that is known."""
    parses = morph.parse(word)
    if not parses:
        return None
    if word[:1].isupper():
        named = [p for p in parses if _NAME_TAGS & set(p.tag.grammemes)]
        if named:
            parses = named + [p for p in parses if p not in named]
    if case is not None:
        same = [p for p in parses if p.tag.case == case]
        if same:
            return same[0]
    return parses[0]


def _nominative(parse: Any, word: str) -> str:
    """The word in the nominative, in its own number and gender, cased as it was written."""
    if parse.tag.case in (None, "nomn"):
        return word
    form = parse.inflect({"nomn"})
    new = form.word if form is not None else parse.normal_form
    return _cased_like(new, word)


def _cased_like(new: str, old: str) -> str:
    """'зеленський' written as 'Зеленського' was: 'Зеленський'; hyphenated parts each."""
    if old.isupper():
        return new.upper()
    parts = new.split("-")
    olds = old.split("-")
    out = []
    for i, part in enumerate(parts):
        ref = olds[i] if i < len(olds) else olds[-1]
        out.append(part[:1].upper() + part[1:] if ref[:1].isupper() else part)
    return "-".join(out)


@lru_cache(maxsize=65536)
def word_kind(word: str, lang: str) -> str:
    """What a word most likely is, for finding a source: "verb" (finite), "participle"
    ('опублікований'), "nominative" (a noun, pronoun or adjective that may be a subject),
    "oblique" (a noun in another case: 'журналістам', 'брифінгу'), "other", or "unknown" when no
    analyser is installed. A capitalised word the dictionary lacks is taken for a name."""
    morph = _analyzer(lang) if lang in _LANGS else None
    if morph is None:
        return "unknown"
    parses = morph.parse(word)
    if not parses:
        return "other"
    top = parses[0].tag
    if word[:1].isupper() and (
        not morph.word_is_known(word.lower()) or top.POS in ("GRND", "VERB", "INFN", "ADVB", "PRTS", "PRED")
    ):
        return "nominative"  # a foreign name ('Нугрохо', 'Дейлі') or one spelt like a word ('Заев')
    if top.POS == "VERB":
        return "verb"
    if top.POS in ("PRTF", "PRTS") and not word[:1].isupper():
        return "participle"
    for p in parses[:4]:
        if p.tag.POS in ("NOUN", "NPRO", "ADJF", "NUMR") and p.tag.case == "nomn":
            return "nominative"
        if p.tag.POS is None and word[:1].isupper():
            return "nominative"  # unknown to the dictionary: a foreign name ('Сутопо')
    if top.POS in ("NOUN", "NPRO", "ADJF"):
        return "oblique"
    return "other"
