"""Figures a checker would look up: quantities with units and qualifiers, dates, counts in words.

One regex per language, built from the lexicon's months, units, qualifiers and number words.
Digits keep only a unit ("More than 50,000", "160 square kilometers"); a count in words also
keeps the thing counted ("seven settlements"), because a bare "seven" says nothing to a checker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.domain.lexicon import Lexicon, load, phrase_pattern, word_set

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# '40-meter', '12-year-old': a number joined to its unit by a hyphen is one figure
_HYPHENATED = r"-[^\W\d_A-Z][^\W\d_]*(?:-[^\W\d_]+){0,2}(?![\w\-])"


@lru_cache(maxsize=64)
def figure_regex(lang: str, digits: bool = True, counts: bool = True) -> re.Pattern[str]:
    """The compiled figure pattern of a language (dates first, then numbers, then number words)."""
    lex = load(lang)
    months = phrase_pattern(lex.words("months"), cased=True)  # 'May 5', never 'may'

    qualifier = phrase_pattern(lex.words("qualifiers"))
    unit = phrase_pattern(lex.words("units"))
    mult = phrase_pattern(lex.words("multipliers"))
    currency = phrase_pattern(lex.words("currency_symbols"))
    ranges = phrase_pattern(lex.words("range_words"))
    words = phrase_pattern(lex.words("number_words"))
    fillers = phrase_pattern(lex.words("count_fillers"))  # 'five other villages', 'ten more'

    end = r"(?![^\W_])"  # no letter or digit right after
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = (
        rf"(?<![^\W_]){months}(?:\s+{day}(?:,?\s+\d{{4}})?|\s+\d{{4}}){end}"
        rf"|(?<![\w.,]){day}\s+{months}(?:\s+\d{{4}})?{end}"
    )
    # a language may write numbers its own way ('50 000', '1,5'): its lexicon's "number_regex"
    figure = str(lex.data.get("number_regex") or _NUMBER)
    amount = rf"(?:{currency}\s?)?(?<![\w\-/.,])(?:{figure})"
    tail = rf"(?:\s*{mult}{end})?(?:\s*{unit}{end}|{_HYPHENATED}|{end})"
    # 'between 80 and 120 million euros', 'from 5 to 7 percent': one figure, both ends kept
    pairs = [p for p in lex.data.get("range_pairs", []) if isinstance(p, list) and len(p) == 2]
    bounded = "|".join(
        rf"{phrase_pattern([str(a)])}\s+{amount}{tail}\s+{phrase_pattern([str(b)])}\s+{amount}{tail}"
        for a, b in pairs
    )
    number = (
        (rf"(?:{bounded})|" if bounded else "")
        + rf"(?:{qualifier}\s+)?{amount}"
        + rf"(?:\s*(?:[-\u2013]|\s{ranges}\s)\s*(?:{currency}\s?)?(?:{figure}))?{tail}"
    )
    if lex.data.get("compound_number_words"):  # 'двадцять п'ять людей': one count of several words
        words = rf"{words}(?:\s+{words}){{0,3}}"
    counted = (  # 'Sixty-six people' is one count, never 'six people'
        rf"(?<![^\W_])(?<!-)(?:{qualifier}\s+)?{words}(?:-{words})?(?:\s+{mult})?"
        rf"(?:\s+{unit}{end}|\s+(?:{fillers}\s+(?=[^\W\d_]))?(?P<noun>[^\W\d_][\w\-]*))"
    )
    # every figure starts a word (or is a currency sign): testing that first keeps the scan linear
    # a sentence without digits (or without number words) gets the branches it can match only
    branches = [rf"(?P<date>{date})|(?P<num>{number})"] if digits else []
    branches += [rf"(?P<word>{counted})"] if counts else []
    # ...and checking its possible first characters before anything else saves a quarter more
    first = {d for d in "0123456789"} if digits else set()
    for key in ("months", "currency_symbols", "qualifiers", "number_words") if counts or digits else ():
        first.update(c for p in lex.words(key) if p for c in (p[0], p[0].lower(), p[0].upper()))
    first.update(c for a, _ in pairs if str(a) for c in (str(a)[0].lower(), str(a)[0].upper()))
    starts = "[" + re.escape("".join(sorted(first))) + "]" if first else "(?!x)x"
    return re.compile(rf"(?={starts})(?<!\w)(?:{'|'.join(branches) or '(?!x)x'})")


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16)
def _number_words(lang: str) -> frozenset[str]:
    """Every figure holds a digit or one of these words."""
    return frozenset(w for p in load(lang).words("number_words") for w in word_set(p))


def find_figures(
    sentence: str, lang: str = "en", words: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """Offsets (within `sentence`) of every figure, in reading order."""
    lex = load(lang)
    out: list[tuple[int, int]] = []
    digits = _DIGIT.search(sentence) is not None
    counts = not _number_words(lang).isdisjoint(word_set(sentence) if words is None else words)
    if not digits and not counts:
        return out  # no digit and no number word: most sentences end here, cheaply
    for m in figure_regex(lang, digits, counts).finditer(sentence):
        if m.lastgroup == "word" and not _real_count(m, lex):
            continue
        out.append(m.span())  # no figure ends in punctuation but an abbreviated month's dot ('Sept.')
    return out


def _real_count(m: re.Match[str], lex: Lexicon) -> bool:
    """A number word counts only before a noun it counts (not 'one of', 'two to three')."""
    noun = m.group("noun")
    first = m.group("word").split()[0].lower()
    if noun is None:
        return True
    if not noun[0].islower() or noun.lower() in lex.count_stopwords:
        return False
    return first not in _weak_words(lex.lang)


@lru_cache(maxsize=16)
def _weak_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load(lang).words("weak_number_words"))
