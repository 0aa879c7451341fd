"""Text normalisation and sentence segmentation with exact offsets.

Offsets are Python string indices into the normalised text: every claim, highlight and selector
refers to them, so normalisation must change nothing but line endings, and the segmenter never
rewrites the text: a sentence is a `Span` into it, trimmed of surrounding whitespace.

How `split_sentences` decides, paragraph by paragraph (a paragraph is text between blank lines,
and a paragraph break always ends a sentence):

1. List items: a bullet ("•") opens a new sentence, and so does an enumerator ("1.", "b)",
   "(iv)") that starts a line or belongs to an inline run ("1. ... 2. ...", "a) ... b) ...").
2. Line breaks: in a block where no line ends with end punctuation (a list, a two-line heading, a
   table of contents) every line is a sentence of its own; elsewhere a single line break ends a
   sentence only after a heading-like line (short, no end punctuation, a capital next) or a list
   item, so hard-wrapped text reads as running text.
3. End punctuation: ".", "!", "?", ellipses, with their closing quotes, brackets and footnote
   marks, end a sentence when what follows starts like a sentence (a capital, a digit, a list
   marker) and the word before is no abbreviation bound to the next word (titles, "No. 2",
   "Sept. 25", initials). Abbreviations and their classes are data, in
   `lexicons/en_abbreviations.txt`.
4. Quotations (up to 400 characters; longer ones are split into their sentences) and short
   bracketed asides are kept whole: punctuation inside them never ends the sentence that carries
   them (`She said, "It's over. We lost."` is one sentence, attributed as a whole).

Speed: each paragraph is scanned by a few compiled regular expressions that start with a
character class (so the regex engine skips ahead quickly); Python code runs only at the few
places they find.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of the article text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def normalize_text(raw: str) -> str:
    """Drop a byte-order mark and turn CRLF/CR line ends into LF; nothing else changes."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


_LEXICONS = Path(__file__).with_name("lexicons")


@cache
def abbreviations(language: str = "en") -> dict[str, str]:
    """Read `<language>_abbreviations.txt` once: abbreviation (lower case, no final period) -> class."""
    table: dict[str, str] = {}
    path = _LEXICONS / f"{language}_abbreviations.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            word, _, kind = entry.partition("\t")
            table[word.strip()] = kind.strip() or "plain"
    return table


@cache
def segmenter_abbreviations(language: str) -> dict[str, str]:
    """English abbreviations, with the language's own on top when it has a file (Cyrillic texts
    cite "U.S." and "Mr." too)."""
    table = abbreviations("en")
    if language == "en" or not (_LEXICONS / f"{language}_abbreviations.txt").is_file():
        return table
    return {**table, **abbreviations(language)}


# --- patterns ------------------------------------------------------------------------------------

_OPENERS = "\"'`“‘«„([{¿¡"
_BULLETS = "•▪◦‣⁃●○■□►➢✓✔"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# End punctuation: a run of stops, maybe a spaced ellipsis after it ("end. . . ."). Full-width
# stops need no space after them; a dash before a closing quote is speech broken off ("to--\"").
_STOP = re.compile(r"[.!?…‼⁇⁈⁉．。！？।॥؟۔]+(?:(?:[ ]\.){2,})?")
_WIDE = frozenset("．。！？")
_DASH_QUOTE = re.compile(r"[-—][\"”’']")
_CLOSERS = re.compile(r"(?:[\u2009\u200a\u202f\xa0]?[\"'”’»)\]]|\[\d{1,3}\])*")
_FOOTNOTE = re.compile(r"\d{1,3}(?: \d{1,3})*(?=\s+[A-Z])")
# What follows a candidate: whitespace, dashes, opening punctuation, then the next token.
_NEXT = re.compile(r"(\s*)(?:[-–—]+\s*)?([\"'`“‘«„(\[{¿¡$£€¥*_]*)(\S*)")
_GLUED = re.compile(r"\.(?=[A-Z][a-z])")
_TOKEN_END = re.compile(r"\s|$")
_NAME_PREFIX = re.compile(r"[a-z]{1,3}-[A-Z]")
# After "I.": a surname (maybe with its comma), then a lower-case word: "by I. Ivanova and ...".
_SURNAME_GOES_ON = re.compile(
    r"[^\S\n]+([A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?),?[^\S\n]+[a-z]"
)
_ASIDE = re.compile(r"[(\[]+[^()\[\]\s]{0,20}[)\]]+")
# Enumerators: "1." "1.)" "1)" "(1)" "a." "b)" "(iv)"; found from their last character.
_ENUM_END = re.compile(r"[.)](?=\s)")
_ENUM_TOKEN = re.compile(
    r"(?<!\S)(?P<open>\()?(?P<item>\d{1,2}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})(?P<suffix>\.\)|\.|\))\Z"
)
_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[A-Za-z]|[ivx]{1,4}|[IVX]{1,4})\)?")
_BULLET = re.compile(f"[{_BULLETS}]")
_LIST_LINE = re.compile(
    rf"(?:[{_BULLETS}]|[-*–](?=\s)|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}}|[IVX]{{1,4}})(?:\.\)|\.|\))(?=\s))"
)
_BRACKETED = re.compile(r"(?:\(\w{1,4}\)|\[\w\]|\w{1,3}\))\S*")
_TIME_LEAD = re.compile(
    r"(?:(?:at|by|before|after|until|till|from|since|around|about|shortly before|shortly after"
    r"|just before|just after)\s+)?(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d\d)?",
    re.IGNORECASE,
)
# A line citing a source: '"Title" — Outlet, August 15, 2008', maybe after its author ('Jane Roe.
# "Title" — ...'); it ends at its line break like a list item, and is never a claim.
CITATION_LINE = re.compile(
    r"(?:[^\"“”\n]{1,80}[.,]\s+)?[\"“][^\"“”\n]{3,250}[\"”]\s*[—–-]\s*[^\n—–]{1,120}?\b(?:1[6-9]|20)\d\d\.?"
)
_LINE_END = re.compile(r"[.!?…:;．。！？][\"'”’»)\]]*\s*$")
_JOINING_END = re.compile(
    r"(?:[,\-–—/&(]|\b(?:a|an|the|of|to|and|or|but|in|on|at|for|with|by|from|as|that|which)),?\s*$",
    re.IGNORECASE,
)
_QUOTE_CHAR = re.compile("[\"'`“”‘’«»„]")
_SHORT_BRACKETS = re.compile(r"[(\[](?:(?<=\()[^()\n]{1,80}\)|(?<=\[)[^\[\]\n]{1,80}\])")
_ALNUM = re.compile(r"[^\W_]")
_CONTENT = re.compile(rf"[^\s{_BULLETS}]")
_OTHER_WORDS = frozenset(("starter", "day", "opener"))  # lexicon classes of words that are no abbreviations
_RELATIVE = frozenset(("which", "who", "whom", "whose"))
_SMILEY = re.compile(r"(?<=\s)[:;]-?\)+(?=\s)")  # ';)', ':))' close a sentence as a full stop would
_SECTION = re.compile(r"§\s?\d+(?:\.\d+)*|\d{1,2}(?:\.\d{1,2})+")  # '§2.', '8.1.' numbering a heading
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_MAX_QUOTE = 400  # a longer quotation is split into its sentences (and may be a stray quote mark)


def split_sentences(text: str, *, clean: bool = False, lang: str = "en") -> list[Span]:
    """Split `text` into sentences: trimmed spans in order, covering every non-space character once.

    `clean=True` is for text extracted from PDFs or scraped pages: a sentence glued to the next
    one without a space ("world.Today") is split too, and letters set one per line are joined.
    `lang` picks the abbreviations ("м. Київ", "ул. Тверская") besides the English ones.
    """
    work = _unify_line_breaks(text)
    lexicon = segmenter_abbreviations(lang)
    spans: list[Span] = []
    for start, end in _paragraphs(work):
        prev = start
        for cut in _Paragraph(work, start, end, clean, lexicon).cuts():
            _append_trimmed(spans, work, prev, cut)
            prev = cut
        _append_trimmed(spans, work, prev, end)
    return spans


def _unify_line_breaks(text: str) -> str:
    """Make every line break a "\\n" without changing any offset (CRLF becomes " \\n")."""
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\f" in text or "\v" in text:
        text = text.translate({0x2028: "\n", 0x2029: "\n", 0x0C: "\n", 0x0B: "\n"})
    return text


def _paragraphs(work: str) -> Iterator[tuple[int, int]]:
    """Runs of text between blank lines: a paragraph break always ends a sentence."""
    start = 0
    for m in _BLANK_LINE.finditer(work):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(work):
        yield start, len(work)


def _append_trimmed(spans: list[Span], work: str, start: int, end: int) -> None:
    """Add [start, end) without its surrounding whitespace, unless nothing is left."""
    while start < end and work[start].isspace():
        start += 1
    while end > start and work[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


class _Regions:
    """Quotations and asides as disjoint spans (open, close], for a quick "is this cut inside?"."""

    def __init__(self, regions: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for open_, close in sorted(regions):
            if merged and open_ <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], close)
            else:
                merged.append([open_, close])
        self.opens = [m[0] for m in merged]
        self.closes = [m[1] for m in merged]

    def __contains__(self, cut: int) -> bool:
        i = bisect_left(self.opens, cut) - 1
        return i >= 0 and cut <= self.closes[i]


class _Paragraph:
    """The cuts (sentence boundaries) of one paragraph `work[start:end]`."""

    def __init__(self, work: str, start: int, end: int, clean: bool, lexicon: dict[str, str]) -> None:
        self.work = work
        self.start = start
        self.end = end
        self.clean = clean
        self.lexicon = lexicon

    def cuts(self) -> list[int]:
        """All cut positions, sorted: list items and line breaks first, then end punctuation."""
        items = self._list_cuts()
        forced = sorted(set(items) | set(self._line_cuts(items)))
        regions = _Regions(self._quotations() + self._brackets())
        punctuation = list(self._punctuation_cuts(forced, regions))
        if self.clean:
            punctuation += self._glued_cuts(regions)
        return sorted(set(forced) | set(punctuation))

    # -- list items ------------------------------------------------------------------------------

    def _list_cuts(self) -> list[int]:
        """Cuts before bullets, enumerators that start a line, and members of inline runs."""
        work, start, end = self.work, self.start, self.end
        cuts = [m.start() for m in _BULLET.finditer(work, start, end)]
        open_runs: dict[str, list[tuple[int, int, int]]] = {}
        runs: list[tuple[str, list[tuple[int, int, int]]]] = []
        for hit in _ENUM_END.finditer(work, start, end):
            m = _ENUM_TOKEN.search(work, max(start, hit.start() - 5), hit.end())
            if m is None:
                continue
            capital_dot = m.group("suffix") == "." and m.group("item").isupper() and not m.group("open")
            if m.start() > start and not capital_dot and self._at_line_start(m.start()):
                cuts.append(m.start())
            style, value = _marker_value(m)
            run = open_runs.get(style)
            if value is None:
                continue
            if run and value == run[-1][2] + 1:
                run.append((m.start(), m.end(), value))
                if len(run) == 2:  # only runs of two or more can count: 'a. a. a.' keeps no garbage
                    runs.append((style, run))
            else:
                open_runs[style] = [(m.start(), m.end(), value)]
        for style, run in runs:
            if len(run) >= 3 or (len(run) == 2 and run[0][2] == 1):
                cuts.extend(pos for pos, stop, _ in run if self._opens_item(style, stop))
        return sorted(set(cuts))

    def _opens_item(self, style: str, stop: int) -> bool:
        """An inline "1." opens an item only before a capital ("for 1. above" does not)."""
        if not style.startswith("num."):
            return True
        m = _NEXT.match(self.work, stop, self.end)
        token = m.group(3) if m else ""
        return bool(token) and not token[0].islower()

    def _at_line_start(self, pos: int) -> bool:
        """Whether only spaces stand between `pos` and the start of its line (or paragraph)."""
        while pos > self.start and self.work[pos - 1] in " \t":
            pos -= 1
        return pos == self.start or self.work[pos - 1] == "\n"

    # -- line breaks -----------------------------------------------------------------------------

    def _line_cuts(self, items: list[int]) -> list[int]:
        """Cuts at single line breaks that end a heading, a list item or a line of a list block."""
        work = self.work
        if work.find("\n", self.start, self.end) < 0:
            return []
        bounds = [self.start]
        breaks: list[int] = []
        pos = work.find("\n", self.start, self.end)
        while pos >= 0:
            breaks.append(pos)
            bounds.append(pos + 1)
            pos = work.find("\n", pos + 1, self.end)
        lines = [work[a:b].strip() for a, b in zip(bounds, [*breaks, self.end], strict=True)]
        prose = any(_LINE_END.search(line) for line in lines if line)
        longest = max(len(line) for line in lines)
        cuts: list[int] = []
        for i, brk in enumerate(breaks):
            nxt = lines[i + 1]
            if self._line_break_ends(lines[i], nxt, prose, longest) or (
                prose and self._ends_list_item(items, bounds[i], brk, nxt)
            ):
                cuts.append(brk)
        return cuts

    def _line_break_ends(self, prev: str, nxt: str, prose: bool, longest: int) -> bool:
        """Whether the break between two lines of a paragraph ends a sentence."""
        if not prev or not nxt or nxt[0] in ".!?,;:)]":
            return False
        if self.clean and len(prev) <= 2 and len(nxt) <= 2 and (prev + nxt).isalpha():
            return False  # letters set one per line, as PDFs extract vertical text
        if not prose:
            return not (nxt[0].islower() and _JOINING_END.search(prev))
        if _LIST_LINE.match(nxt) and not (nxt[0].isupper() and nxt[1:2] == "."):
            return True
        if prev[-1] == ":" and (nxt[0].isupper() or nxt[0] in _OPENERS):
            return True  # "He wrote:" and a quoted block on the next line
        if CITATION_LINE.fullmatch(prev):
            return True  # a list of sources: one citation per line
        if _LINE_END.search(prev) or _JOINING_END.search(prev):
            return False
        return _short_lines(prev, nxt, longest) or _heading_like(prev, nxt, longest)

    @staticmethod
    def _ends_list_item(items: list[int], line_start: int, brk: int, nxt: str) -> bool:
        """A line holding a list item ends it when the next line starts with a capital."""
        i = bisect_right(items, brk)
        first = nxt.lstrip(_OPENERS)[:1]
        return bool(i) and items[i - 1] >= line_start and (first.isupper() or first.isdigit())

    # -- quotations and asides -------------------------------------------------------------------

    def _quotations(self) -> list[tuple[int, int]]:
        """Balanced quotations (open, close) of the paragraph, inside which no sentence ends."""
        work, start, end = self.work, self.start, self.end
        stack: list[tuple[int, str]] = []
        found: list[tuple[int, int]] = []
        for q in _QUOTE_CHAR.finditer(work, start, end):
            pos, ch = q.start(), q.group()
            before = work[pos - 1] if pos > start else " "
            after = work[pos + 1] if pos + 1 < end else " "
            kind = "d" if ch in '"“”«»„' else "s"
            if ch in "“‘«„`" or (
                ch in "\"'" and (before.isspace() or before in "([{-–—") and after.isalnum()
            ):
                stack.append((pos, kind))
            elif ch in "”»" or (ch in "\"'’" and not before.isspace() and not after.isalnum()):
                for depth in range(len(stack) - 1, max(-1, len(stack) - 5), -1):  # nesting is shallow
                    if stack[depth][1] == kind:
                        if pos - stack[depth][0] <= _MAX_QUOTE:
                            found.append((stack[depth][0], pos))
                        del stack[depth:]
                        break
            elif ch == '"' and before.isspace() and not after.isspace():
                stack.append((pos, kind))  # "“(a quote" opened before punctuation
        return found

    def _brackets(self) -> list[tuple[int, int]]:
        """Short bracketed asides ("(Oh. Again!)", "[16: firma? 13:28]") in which no sentence ends."""
        return [(m.start(), m.end() - 1) for m in _SHORT_BRACKETS.finditer(self.work, self.start, self.end)]

    # -- end punctuation -------------------------------------------------------------------------

    def _stops(self) -> list[tuple[int, int, str]]:
        """Runs of end punctuation, and dashes before a closing quote, as (start, end, text)."""
        work, start, end = self.work, self.start, self.end
        stops = [(m.start(), m.end(), m.group()) for m in _STOP.finditer(work, start, end)]
        dashes = [
            (m.start() - 1 if work[m.start()] == "-" else m.start(), m.start() + 1, "—")
            for m in _DASH_QUOTE.finditer(work, start, end)
            if work[m.start()] == "—" or (m.start() > start and work[m.start() - 1] == "-")
        ]
        smiles = [(m.start(), m.end(), ")") for m in _SMILEY.finditer(work, start, end)]
        extra = dashes + smiles
        return sorted(stops + extra) if extra else stops

    def _punctuation_cuts(self, forced: list[int], regions: _Regions) -> Iterator[int]:
        """Cuts after end punctuation, scanned left to right so each knows its sentence's start."""
        last = self.start
        for start, end, stop in self._stops():
            cut = self._candidate(start, end, stop)
            if cut is None or cut in regions:
                continue
            i = bisect_right(forced, start) if forced else 0
            sentence_start = max(last, forced[i - 1]) if i else last
            if self._stray_period(start, stop, sentence_start):
                last = sentence_start = start + 1
                yield last
            decided = self._decide(start, stop, cut, sentence_start)
            if decided is not None:
                last = decided
                yield decided

    def _candidate(self, start: int, end: int, stop: str) -> int | None:
        """The cut after the punctuation and its closers, if a space or the paragraph end follows."""
        work = self.work
        if stop[-1] in _WIDE:
            return end
        closers = _CLOSERS.match(work, end, self.end)
        pos = closers.end() if closers else end
        if stop == "—" and pos == end:
            return None
        if pos == end and stop == "." and pos < self.end and work[pos].isdigit():
            before = work[start - 1] if start > self.start else " "
            note = _FOOTNOTE.match(work, pos, self.end)
            if note and (before.isalpha() or before in ")]") and not before.isupper():
                pos = note.end()  # "a consultation.11 12 Take": footnote numbers end the sentence
        if pos < self.end and not work[pos].isspace():
            return None
        return pos

    def _stray_period(self, start: int, stop: str, sentence_start: int) -> bool:
        """A detached ".." ("reste .. Suite") is a full stop, then a stray period."""
        if stop != ".." or start == self.start:
            return False
        return (
            self.work[start - 1].isspace() and _CONTENT.search(self.work, sentence_start, start) is not None
        )

    def _decide(self, start: int, stop: str, cut: int, sentence_start: int) -> int | None:
        """Whether (and where) the punctuation `stop` at `start` ends a sentence."""
        following = self._following(cut)
        if following is None:
            return cut
        gap, opener, token, first = following
        if " " in stop:
            return self._spaced_ellipsis(start, stop, cut, first)
        if stop in ("—", ")"):  # speech broken off, or a smiley ("тоже ;) Я вспомнила")
            return cut if first.isupper() else None
        if not first:  # only punctuation follows; a run of periods is a sentence of its own
            return cut if stop == "." and token and not token.strip(".") else None
        if first.islower():  # "e.g. the", "Yahoo! in"; but a line that ends with "end." ends it
            return cut if "\n" in gap and self._plain_word(start) else None
        if "(" in opener and token.rstrip(".,;:!?").lower() in _RELATIVE:
            return None  # "(Which was true.)" continues the sentence before it
        if stop[-1] in _WIDE or stop.strip(".…"):
            return self._exclamation(start, stop, cut)
        if stop != ".":  # an ellipsis ends a sentence before a capital, unless it is "[...]"
            return None if start > self.start and self.work[start - 1] in "[(" else cut
        return self._period(start, cut, sentence_start, first, opener, token)

    def _following(self, cut: int) -> tuple[str, str, str, str] | None:
        """What follows a cut: (whitespace, opening marks, token, its first letter or digit).

        None at the end of the paragraph. Bracketed asides ("[laughs]", "[...]", "((hi))") are
        looked past, and so is a token without letters ("—", ":-)"), for the word that follows.
        """
        nxt = _NEXT.match(self.work, cut, self.end)
        if nxt is None or not nxt.group(3):
            return None
        opener = nxt.group(2)
        if opener[-1:] in "[(":
            aside = _ASIDE.match(self.work, nxt.start(2) + len(opener.rstrip("([")), self.end)
            if aside and not aside.group().lstrip("([")[:1].isupper():
                nxt = _NEXT.match(self.work, aside.end(), self.end)
                if nxt is None or not nxt.group(3):
                    return None
        token = nxt.group(3)
        first = _first_alnum(token)
        if not first and token.strip("."):
            further = _NEXT.match(self.work, nxt.end(), self.end)
            first = _first_alnum(further.group(3)) if further else ""
        if first.islower() and _NAME_PREFIX.match(token):
            first = first.upper()  # "al-Muhandis was ..."
        return nxt.group(1), nxt.group(2), token, first

    def _abbreviation(self, word: str) -> str | None:
        """The lexicon class of `word` if it is an abbreviation (the lexicon also lists other words)."""
        kind = self.lexicon.get(word.lower())
        return None if kind in _OTHER_WORDS else kind

    def _plain_word(self, pos: int) -> bool:
        """Whether the punctuation at `pos` follows an ordinary word, no abbreviation or initial."""
        word = self._word_before(pos)
        return len(word) > 1 and "." not in word and self._abbreviation(word) is None

    def _spaced_ellipsis(self, start: int, stop: str, cut: int, first: str) -> int | None:
        """A spaced ". . ." marks an omission; "word. . . ." ends the sentence after "word."."""
        if not first.isupper():
            return None
        dots = stop.count(".")
        attached = start > self.start and not self.work[start - 1].isspace()
        if attached and dots >= 4:
            return start + 1
        return cut if attached or dots >= 4 else None

    def _exclamation(self, start: int, stop: str, cut: int) -> int | None:
        """An exclamation or question mark ends a sentence before a capital, except in "Yahoo!"."""
        word = self._word_before(start) + stop
        return None if self.lexicon.get(word.lower()) == "title" else cut

    def _word_before(self, pos: int, back: int = 1) -> str:
        """The token that ends at `pos` (or `back` tokens before), without opening punctuation."""
        chunk = self.work[max(self.start, pos - 80) : pos]
        if not chunk or chunk[-1].isspace():
            return ""
        tokens = chunk.split()
        return tokens[-back].lstrip(_OPENERS + _BULLETS) if len(tokens) >= back else ""

    def _period(
        self, start: int, cut: int, sentence_start: int, first: str, opener: str, token: str
    ) -> int | None:
        """A single period before a capital or a digit: abbreviation, initial, enumerator or end."""
        word = self._word_before(start)
        if not word:
            return cut
        if (_ENUMERATOR.fullmatch(word) or _SECTION.fullmatch(word)) and self._starts_sentence(
            start - len(word), sentence_start
        ):
            return None
        kind = None if len(word) == 1 and word.isupper() else self._abbreviation(word)
        if first.isdigit():
            if kind in ("number", "date", "title", "inline", "time") or (len(word) == 1 and word.isalpha()):
                return None
            return cut
        if kind is None and _BRACKETED.fullmatch(opener + token):
            return cut
        if kind is not None and "(" in opener:
            return None  # "Inc. (“Company A”)"
        if kind is None and "." in word and self.lexicon.get(word.rsplit(".", 1)[1].lower()) == "title":
            return None  # "Tuesday.Mr. Smith": a title glued to the sentence before
        if kind is None:
            return self._unlisted(word, start, cut)
        return self._listed(kind, word, token, cut, sentence_start, start)

    def _listed(
        self, kind: str, word: str, token: str, cut: int, sentence_start: int, pos: int
    ) -> int | None:
        """A lexicon abbreviation before a capitalised word."""
        if kind in ("title", "inline"):
            return None
        bare = token.rstrip(".,;:!?\"'”’)")
        if kind == "company":
            return None if len(bare) > 1 and bare.isupper() else cut
        if kind == "place":  # "in the U.S. The ..." ends; "the U.S. Army", "U.S. Route 2" do not
            return cut if self.lexicon.get(bare.lower()) == "starter" else None
        if kind == "time":
            return cut if self._time_ends(word, bare, sentence_start, pos) else None
        return cut

    def _time_ends(self, word: str, bare: str, sentence_start: int, pos: int) -> bool:
        """Whether a.m./p.m. ends its sentence: not in "At 5 a.m. Mr. Smith", "2 a.m. Sunday", "5 p.m. ET"."""
        if (bare.isupper() and 2 <= len(bare) <= 4) or self.lexicon.get(bare.lower()) == "day":
            return False
        content = _CONTENT.search(self.work, sentence_start, pos)
        begin = content.start() if content else pos
        lead = self.work[begin : pos - len(word)].strip() if pos - begin < 60 else ""
        return not _TIME_LEAD.fullmatch(lead)

    def _unlisted(self, word: str, pos: int, cut: int) -> int | None:
        """An unknown word before a capital: initials bind to the name, other words end the sentence."""
        if len(word) == 1 and word.isalpha():
            if word == "I":  # "you and I. Did" ends; "Albert I. Jones", "by I. Ivanova and" do not
                pronoun = self._word_before(pos, 2)[:1].islower() and not self._surname_after(cut)
                return cut if pronoun else None
            return None if word.isupper() else cut
        letters = word.split(".")
        if len(letters) > 1 and all(len(p) == 1 and p.isupper() for p in letters):
            return None
        return cut

    def _surname_after(self, cut: int) -> bool:
        """Whether a surname-like word that continues the sentence follows `cut`: a capitalised word
        in no lexicon class (no "The", "Nobody"), then a lower-case word ("I. Ivanova and ...")."""
        m = _SURNAME_GOES_ON.match(self.work, cut, self.end)
        return m is not None and m.group(1).lower() not in self.lexicon

    def _starts_sentence(self, pos: int, sentence_start: int) -> bool:
        """Whether only spaces and bullets stand between the sentence start and `pos`."""
        return _CONTENT.search(self.work, sentence_start, pos) is None

    def _glued_cuts(self, regions: _Regions) -> list[int]:
        """Cuts after a period glued to a capitalised word ("world.Today"), outside names and URLs."""
        work, cuts = self.work, []
        for g in _GLUED.finditer(work, self.start, self.end):
            before = work[g.start() - 2 : g.start()]
            if not (before.isalpha() and before.islower()) and not before[-1:].isdigit():
                continue
            token_end = _TOKEN_END.search(work, g.end())
            token = self._word_before(g.start()) + work[g.start() : token_end.start() if token_end else None]
            if any(mark in token.lower() for mark in ("@", "/", "www")) or g.end() in regions:
                continue
            if self._abbreviation(self._word_before(g.start()).rsplit(".", 1)[-1]) is None:
                cuts.append(g.end())
        return cuts


def _first_alnum(token: str) -> str:
    """The first letter or digit of a token, or "" if it has none."""
    m = _ALNUM.search(token)
    return m.group() if m else ""


def _marker_value(m: re.Match[str]) -> tuple[str, int | None]:
    """An enumerator's style ("num.", "let)", ...) and its value in a run, if it has one."""
    raw = m.group("item")
    suffix = "()" if m.group("open") else m.group("suffix")
    if raw.isdigit():
        return "num" + suffix, int(raw)
    if raw.lower() in _ROMAN and len(raw) > 1:
        return "rom" + suffix, _ROMAN[raw.lower()]
    if len(raw) == 1 and raw.islower():
        return "let" + suffix, ord(raw) - ord("a") + 1
    if len(raw) == 1 and suffix != ".":
        return "cap" + suffix, ord(raw) - ord("A") + 1
    return "other", None


def _short_lines(prev: str, nxt: str, longest: int) -> bool:
    """Two short lines without end punctuation, in a block of longer ones, are list lines."""
    limit = min(40, longest // 2)
    return len(prev) < limit and len(nxt) < limit and not _LINE_END.search(nxt)


def _heading_like(prev: str, nxt: str, longest: int) -> bool:
    """A short line without end punctuation, before a capitalised line, reads as a heading."""
    first = nxt.lstrip(_OPENERS + _BULLETS + "-*–—")[:1]
    if not first or first.islower():
        return False
    return len(prev) < 0.6 * longest or bool(_LIST_LINE.match(prev))
