"""Which language an article is written in: English, Ukrainian, Russian, or another.

Offline and tiny on purpose: the engine only needs to pick a lexicon, and the three languages it
has lexicons for are told apart by their scripts and by a few letters and function words that
only one of the two Cyrillic languages uses (і ї є ґ and 'що', 'від', 'який' in Ukrainian; ы э ъ ё
and 'что', 'это', 'который' in Russian). A text mostly in another script, or in Latin letters
without English function words, is "other", and the engine falls back on its structural rules.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

SUPPORTED = ("en", "uk", "ru")
_SAMPLE = 3_000  # characters looked at: the opening of an article says what its language is
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f\u0400-\u04ff]")  # Greek, Arabic, CJK...
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_UK_LETTERS = frozenset("іїєґ")
_RU_LETTERS = frozenset("ыэъё")
_OTHER_CYRILLIC = frozenset("јљњћђџўѓќѕ")
_WORDS_FILE = Path(__file__).resolve().parent / "lexicons" / "language_words.json"


@cache
def _function_words(lang: str) -> frozenset[str]:
    """Frequent words of `lang` the other languages lack (lexicons/language_words.json)."""
    data = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w) for w in data.get(lang, []))


def detect(text: str) -> str:
    """The language code of the text: "en", "uk", "ru", or "other" (also for a text without letters)."""
    sample = text[:_SAMPLE]
    cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    letters = cyrillic + latin
    if 2 * max(cyrillic, latin) < len(sample):  # letters of other scripts count only if they may win
        letters += len(_OTHER_LETTER.findall(sample))
    if letters == 0:
        return "other"
    if cyrillic / letters >= 0.5:
        return _uk_or_ru(sample)
    if latin / letters >= 0.5:
        words = _WORD.findall(sample.lower())
        common = _function_words("en")
        english = sum(1 for w in words if w in common)
        return "en" if words and english / len(words) >= 0.08 else "other"
    return "other"


def _uk_or_ru(sample: str) -> str:
    """Ukrainian or Russian, by letters only one of them has and words only one of them uses."""
    low = sample.lower()
    uk = sum(low.count(ch) for ch in _UK_LETTERS)
    ru = sum(low.count(ch) for ch in _RU_LETTERS)
    words = _WORD.findall(low)
    uk_words, ru_words = _function_words("uk"), _function_words("ru")
    uk += 2 * sum(1 for w in words if w in uk_words and w not in ru_words)
    ru += 2 * sum(1 for w in words if w in ru_words and w not in uk_words)
    if any(ch in low for ch in _OTHER_CYRILLIC):
        return "other"  # Serbian, Macedonian, Belarusian...: neither lexicon fits
    # Ukrainian writes і, ї or є in nearly every sentence: without any, a short text is Russian
    return "uk" if uk > ru else "ru" if ru > uk or uk == 0 else "other"


def lexicon_language(language: str) -> str:
    """The lexicon the engine reads for a detected language: English for "other", as it read
    every article before languages were told apart."""
    return language if language in SUPPORTED else "en"
