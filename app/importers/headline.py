"""A title for a text with no title of its own (a .txt, a pasted text): its first line, when that
line reads as a headline.

A headline is short, does not end like a sentence (a full stop, a colon, a comma), and is not the
byline, the dateline or a date. Anything else is no guess (None), and the caller falls back on
the file's name: a wrong headline is worse than an honest file name.
"""

from __future__ import annotations

import re

MAX_WORDS = 16
MAX_CHARS = 150
_SENTENCE_END = re.compile(r"[.\u2026:;,\-\u2013\u2014]['\"\u201d\u2019\u00bb)\]]*$")
_BYLINE = re.compile(
    r"^(?:by|written by|reporting by|від|автор(?:ка)?|автори|от|текст)\b[\s:]", re.IGNORECASE
)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    "sunday|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATE_WORD = re.compile(rf"^(?:\d[\d./:-]*(?:st|nd|rd|th)?|{_MONTHS}|at|on|updated|published|am|pm)$")
# "KYIV, March 3 (Reuters) -", "LONDON —", "BERLIN (AP) —": a place in capitals, then the story
_CAPS = "[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.'-]+"
_DATELINE = re.compile(rf"^{_CAPS}(?: {_CAPS}){{0,2}}(?:,|\s\(|\s[-\u2013\u2014])")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_FIRST_VISIBLE = re.compile(r"\S")


def headline_of(text: str) -> str | None:
    """The text's first line if it reads as a headline, else None."""
    # only the opening of the text: splitting a 50 MB file into lines would copy all of it
    first = _FIRST_VISIBLE.search(text)
    start = first.start() if first else 0
    line = text[start : start + MAX_CHARS * 4].split("\n", 1)[0].strip()
    line = " ".join(line.split())
    words = line.split()
    if not 2 <= len(words) <= MAX_WORDS or len(line) > MAX_CHARS:
        return None
    if _SENTENCE_END.search(line) or _BYLINE.match(line) or _DATELINE.match(line):
        return None
    if "://" in line or "@" in line or len(_LETTERS.findall(line)) < 2:
        return None
    if all(_DATE_WORD.match(word.strip(",()").casefold()) for word in words):
        return None  # "Monday, 4 March 2024", "Updated 12:30"
    return line
