"""Lines of a laid-out page back into running text: where a line break was only the page's width.

A typesetter breaks words at line ends ("inter-" / "national") and a compound may happen to break
at its own hyphen ("well-" / "known"); the page alone can't tell which. The rule, in order, for a
line ending in a letter and a hyphen whose next line starts with a lower-case letter:

1. a soft hyphen (U+00AD) is always dropped: it exists only to break words;
2. a fragment that already holds a hyphen ("state-of-the-") keeps it: it is a compound;
3. a continuation that is a plain suffix ("-ly", "-ing", "-ness"...) means one broken word: drop it;
4. the document's own words decide next: the joined word written elsewhere ("international")
   drops the hyphen, the hyphenated compound written elsewhere ("well-known") keeps it;
5. a fragment that usually heads compounds ("well", "self", "half", "ex"...) keeps it;
6. otherwise the hyphen is dropped: a typesetter's break is far more common at a line end.

Before an upper-case letter or a digit ("Anglo-" / "Saxon", "COVID-" / "19") the hyphen stays and
the words are joined without a space. Any other line break becomes one space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["Vocabulary", "clean_line", "join_lines"]

_HYPHENS = "-\u2010"  # ASCII hyphen-minus, Unicode hyphen
_SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_LAST_FRAGMENT = re.compile(r"([^\W\d_]+(?:[-\u2010][^\W\d_]+)*)[-\u2010]$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# Endings that are never words of their own: "-ly" after a line break is half of one word.
_SUFFIX = re.compile(
    r"ly|ings?|ed|ers?|est|ness|less|ful|ments?|tions?|sions?|[ai]ble|ism|ists?|ity|i[sz]ed?|ish|ous|ive|ally|al"
)
# Words that head hyphenated compounds more often than they start a longer word.
_COMPOUND_HEAD = re.compile(
    r"well|self|ex|all|half|ill|so|cross|ever|never|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|hundred|thousand|first|second|third|brother|sister|mother|father"
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = re.compile(r"[\s\u00a0]+")


class Vocabulary:
    """The words a document spells out in full, lower-cased: its own evidence for rule 4."""

    def __init__(self, lines: Iterable[str]) -> None:
        words: set[str] = set()
        for line in lines:
            body = line[:-1] if line.endswith(tuple(_HYPHENS)) else line  # not the broken fragment
            words.update(w.lower() for w in _WORD.findall(body))
        self.words = frozenset(words)


def clean_line(raw: str) -> str:
    """One line of extracted text: ligatures spelt out, control characters gone, spaces collapsed."""
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), raw)
    text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def join_lines(lines: Sequence[str], vocabulary: Vocabulary) -> str:
    """The lines of one paragraph as one line of running text (see the module's rule)."""
    out = ""
    for line in lines:
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith(_SOFT_HYPHEN):
            out = out[:-1] + line
        elif out[-1] in _HYPHENS and len(out) > 1 and out[-2].isalpha():
            out = _join_hyphenated(out, line, vocabulary)
        elif out[-1] in "\u2014\u2013" and not out[:-1].endswith(" "):  # an unspaced dash
            out += line
        else:
            out += " " + line
    return out.replace(_SOFT_HYPHEN, "")


def _join_hyphenated(before: str, after: str, vocabulary: Vocabulary) -> str:
    if not after[0].islower():
        return before + after  # "Anglo-" + "Saxon", "COVID-" + "19"
    return before + after if keeps_hyphen(before, after, vocabulary) else before[:-1] + after


def keeps_hyphen(before: str, after: str, vocabulary: Vocabulary) -> bool:
    """Whether the hyphen ending `before` belongs to a compound rather than to a broken word."""
    fragment_match = _LAST_FRAGMENT.search(before)
    tail_match = _FIRST_WORD.match(after)
    if fragment_match is None or tail_match is None:
        return True
    fragment, tail = fragment_match.group(1).lower(), tail_match.group(0).lower()
    if any(h in fragment for h in _HYPHENS):
        return True
    if _SUFFIX.fullmatch(tail):
        return False
    if fragment + tail in vocabulary.words:
        return False
    if f"{fragment}-{tail}" in vocabulary.words or f"{fragment}\u2010{tail}" in vocabulary.words:
        return True
    return _COMPOUND_HEAD.fullmatch(fragment) is not None
