"""Direct quotations: where they are, who says them, and quotes that carry on a speaker.

A quote is attributed by the clause right after it ('"...," the minister said') or right before
it ('She said: "..."'); a quote that opens the next sentence keeps that speaker. The words come
from the language's lexicon; with none, quotes of the form `"...", verb Name.` are found by shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.domain.attribution import (
    MARK_END,
    NAME_SEQ,
    SENTENCE_END,
    TAIL_END,
    TITLED_NAME,
    clause_before,
    clause_stop,
    np_after,
    participle_source,
    stop_regex,
    trim_np,
)
from app.domain.lexicon import Lexicon, load

# quote marks (and spaces) around a quote's words
_MARKS = "\"'\u201c\u201d\u00ab\u00bb\u201e\u2039\u203a\u2018\u2019 "
# ', the station's night supervisor. ': the rest of an inverted attribution, up to its full stop
_APPOSITIVE_TAIL = re.compile('\\s*,[^.!?;"\u201c\u201d\u00ab\u00bb\n]{1,120}[.!?\u2026]\\s*')


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: its text with the marks, who says it and the verb that says so."""

    start: int
    end: int
    content: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None  # None when the cue is inherited from the previous quote
    cue_end: int | None = None
    from_context: bool = False  # speaker carried over from the quote before it
    attribution_end: int = 0  # where the "..., he said" clause after the quote ends


# --- quotation marks --------------------------------------------------------------------------


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line: quotes and attributions never cross a line end."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def quoted_spans(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """Quoted stretches of one paragraph, marks included; an unclosed one runs to the end."""
    closers = {a: b for a, b in lex.quote_pairs}
    spans: list[tuple[int, int, bool]] = []
    opened_at, expect = -1, ""
    for m in _marks_regex(lex.quote_pairs).finditer(text, start, end):
        ch, i = m.group(0), m.start()
        if opened_at >= 0:
            if ch == expect and ch in closers and closers[ch] == ch and _opens(text, i, start, end):
                # a straight mark that can only open ('... risk. "Rainfall'): the quote before it was
                # never closed; end it here rather than pair every later mark the wrong way round
                spans.append((opened_at, i, False))
                opened_at = i
            elif ch == expect:
                spans.append((opened_at, i + 1, True))
                opened_at = -1
        elif ch in closers:
            if ch == closers[ch] and i > start and text[i - 1].isalnum():
                continue  # 'Dragons" Den': a straight mark after a letter opens nothing
            opened_at, expect = i, closers[ch]
    if opened_at >= 0 and end - opened_at > 1:
        spans.append((opened_at, end, False))
    if lex.single_quotes:
        spans = sorted(spans + _single_quoted(text, start, end, spans, lex))
    return spans


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """A straight quote mark that opens a new sentence ('... risk. "Rainfall'): after a full stop
    and a space, before a word. A nested quote ('they say: "How could ...') is not one."""
    before = text[max(start, i - 2) : i]
    after = text[i + 1] if i + 1 < end else " "
    return (
        len(before) == 2 and before[0] in ".!?" and before[1].isspace() and (after.isalnum() or after in "[(")
    )


@lru_cache(maxsize=16)
def _single_regex(openers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(openers)) + "]")


_SINGLE_BEFORE = set(' \t([{\u2014\u2013-"\u201c')
_SINGLE_CLOSE_AFTER = set(' \t)]}\u2014\u2013,;:.!?\u201d"')


def _single_quoted(
    text: str, start: int, end: int, taken: list[tuple[int, int, bool]], lex: Lexicon
) -> list[tuple[int, int, bool]]:
    """British quotes ('The dam held,' the mayor said) and wiki ''...'' quotes outside the double
    quotes. An apostrophe is told from a quote mark by its place: an opening mark follows a space
    and comes before a letter; a closing ASCII mark comes after the quote's own punctuation
    ('held,'), so "the girls' team" and "it's" never open or close anything."""
    out: list[tuple[int, int, bool]] = []
    inside = [(a, b) for a, b, _ in taken]
    pos = start
    while pos < end:
        i = text.find("''", pos, end)
        single = _single_regex(tuple(lex.single_quotes)).search(text, pos, end)
        j = single.start() if single else -1
        if j < 0 and i < 0:
            break
        if i >= 0 and (j < 0 or i <= j):
            close = text.find("''", i + 2, end)
            if close > i + 2 and not any(a <= i < b for a, b in inside):
                out.append((i, close + 2, True))
                pos = close + 2
            else:
                pos = i + 2
            continue
        opener, closer = text[j], lex.single_quotes[text[j]]
        ok = (j == start or text[j - 1] in _SINGLE_BEFORE) and j + 1 < end and text[j + 1].isalnum()
        if not ok or any(a <= j < b for a, b in inside):
            pos = j + 1
            continue
        k = j + 1
        found = -1
        while True:
            k = text.find(closer, k, min(end, j + 600))
            if k < 0:
                break
            after_ok = k + 1 >= end or text[k + 1] in _SINGLE_CLOSE_AFTER
            punctuated = text[k - 1] in ",.!?\u2026"
            if after_ok and (punctuated or opener != closer):
                found = k
                break
            k += 1
        if found > 0 and not any(j < a < found for a, _ in inside):
            out.append((j, found + 1, True))
            pos = found + 1
        else:
            pos = j + 1
    return out


@lru_cache(maxsize=16)
def _marks_regex(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join({c for pair in pairs for c in pair})) + "]")


def find_quotes(text: str, lang: str = "en") -> list[Quote]:
    """Direct quotations with speaker and cue; scare quotes and titles in quote marks are not.

    A quote is direct when an attribution stands right after it ('"...," the minister said') or
    right before it ('She said: "..."'), or when it opens a sentence right after such a quote
    (then it keeps that speaker, across a paragraph break too).
    """
    lex = load(lang)
    quotes: list[Quote] = []
    pending: list[tuple[int, int, str]] = []  # unclosed, unattributed quotes awaiting a speaker
    for p_start, p_end in paragraphs(text):
        for qs, qe, closed in quoted_spans(text, p_start, p_end, lex):
            content = text[qs:qe]
            inner = content.strip(_MARKS)
            if not inner:
                continue
            q = _after(text, qs, qe, p_end, lex) or _before(text, p_start, qs, qe, lex)
            last = quotes[-1] if quotes else None
            if (
                q is None
                and last is not None
                and last.speaker
                and _opens_sentence(text, p_start, qs)
                and _continues(text, last, qs, inner)
            ):
                q = _carried(last, qs, qe, content)
            if q is None:
                if not closed and _opens_sentence(text, p_start, qs) and inner[:1].isupper():
                    pending.append((qs, qe, content))
                continue
            for ps, pe, pc in pending:
                if not text[pe:qs].strip():
                    quotes.append(_carried(q, ps, pe, pc))
            pending = []
            quotes.append(q)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _speaker_like(np: str, lex: Lexicon) -> bool:
    """A speaker starts with a name, a determiner, a pronoun or a title, and holds no cue."""
    words = np.split()
    head = words[0].lower()
    if lex.cue_re.search(np):
        return False
    known = lex.determiners | lex.titles | lex.title_modifiers | set(lex.pronouns)
    # 'team member Rodaba Noori': a role before a name; 'weather.com': a site
    first = words[0][:1]
    return (
        first.isupper()
        or (first.isalpha() and not first.islower())  # '李明 said': a script without capitals
        or head in known
        or (len(words) > 1 and words[-1][:1].isupper())
        or bool(re.fullmatch(r"[\w-]+\.[a-z]{2,}", np))
    )


def _carried(source: Quote, start: int, end: int, content: str) -> Quote:
    """A quote whose speaker (and cue, for readers) come from a neighbouring quote."""
    return Quote(
        start,
        end,
        content,
        source.speaker,
        source.speaker_start,
        source.speaker_end,
        source.cue,
        from_context=True,
        attribution_end=end,
    )


def _opens_sentence(text: str, p_start: int, qs: int) -> bool:
    before = text[p_start:qs].rstrip()
    return not before or before[-1] in ".!?\u2026"


def _continues(text: str, last: Quote, qs: int, inner: str) -> bool:
    """A quote opening a sentence right after the previous quote's attribution continues it."""
    gap = text[max(last.attribution_end, last.end) : qs]
    if inner[:1].islower():
        return False
    return (not gap.strip(" \n\t.,;:!?\u2026") and len(gap) < 40) or bool(_APPOSITIVE_TAIL.fullmatch(gap))


def _after(text: str, qs: int, qe: int, p_end: int, lex: Lexicon) -> Quote | None:
    """'"...," the commander said.' / '"...!" insists Jane.' / '"...", dijo Juana.'"""
    content = text[qs:qe]
    seg_end = min(p_end, qe + 160)
    rest = text[qe:seg_end]
    lead = re.match(r"\s*,?\s*", rest)
    assert lead is not None
    inner = content.strip(_MARKS)
    verb_next = (
        lex.cue_re.match(rest, lead.end()) is not None and inner[:1].isupper() and len(inner.split()) > 3
    )
    if (
        inner[-1:] not in ",.!?\u2026"
        and not (rest.lstrip().startswith(",") and inner[:1].isupper())
        and not verb_next
    ):
        return None  # a scare quote or a title: '... are "cuties".' (not '"We wanted ..." said Roe')
    a = qe + lead.end()
    b = clause_stop(text, a, seg_end, lex, TAIL_END)
    cut = re.search('["\u201c\u201d\u00ab\u00bb]', text[a:b])
    if cut:
        b = a + cut.start()
    tail = text[a:b]
    if inner[-1:] == "." and tail[:1].isupper():
        return None  # '"... maneuver." She explained': a full stop ends the quote's sentence
    opener = tail.split()[0].lower() if tail.split() else ""
    if opener in lex.conjunctions | lex.lowered("clause_coordinators"):
        return None  # 'Roe said, "We lost," and Lee said, "...": the next clause, another speaker
    cue = lex.cue_re.search(tail)
    if cue is not None:
        if cue.start() > 0:
            np = trim_np(tail, 0, cue.start(), lex)
        else:
            np = np_after(tail, cue.end(), len(tail), lex, through_by=False)
            if (
                np
                and np[1] < len(tail.rstrip())
                and not NAME_SEQ.fullmatch(tail[np[0] : np[1]])
                and not stop_regex(lex.lang).match(tail, np[1])  # 'said the spokesman on Monday'
            ):
                np = None
            if np is None or len(tail[np[0] : np[1]].split()) > 5:
                # 'said study co-author Jane Roe of the institute': keep the titled name
                head = TITLED_NAME.match(tail, cue.end() + 1)
                np = head.span() if head else np
        if np is None:
            return None
        speaker = tail[np[0] : np[1]]
        if not _speaker_like(speaker, lex) and not (cue.start() == 0 and TITLED_NAME.fullmatch(speaker)):
            return None
        return Quote(
            qs,
            qe,
            content,
            speaker,
            a + np[0],
            a + np[1],
            cue.group(0),
            a + cue.start(),
            a + cue.end(),
            attribution_end=b,
        )
    # no lexicon for this language: trust the shape '"...", verb Name.' alone
    m = re.fullmatch(rf"([^\W\d_]+)\s+({NAME_SEQ.pattern})\s*", tail) if not lex.cue_words else None
    if m and m.group(1).islower():
        g = m.group
        return Quote(
            qs,
            qe,
            content,
            g(2),
            a + m.start(2),
            a + m.end(2),
            g(1),
            a + m.start(1),
            a + m.end(1),
            attribution_end=b,
        )
    return None


@lru_cache(maxsize=16)
def _cue_at_end(lang: str) -> re.Pattern[str]:
    lex = load(lang)
    cues = lex.cue_re.pattern
    return re.compile(rf"{cues}\s*[,:]?\s*$")


def _before(text: str, p_start: int, qs: int, qe: int, lex: Lexicon) -> Quote | None:
    """'Jane Roe said, "..."' / 'He told reporters: "..."'."""
    a = max(p_start, qs - 200)
    head = text[a:qs]
    ends = list(SENTENCE_END.finditer(head)) + list(MARK_END.finditer(head))
    if ends:
        cut = max(e.end() for e in ends)
        head, a = head[cut:], a + cut  # start after the last sentence or the quote before
    m = _cue_at_end(lex.lang).search(head)
    if m is None:
        return None
    cue = re.match(lex.cue_re.pattern, head[m.start() :])
    if cue is None:
        return None
    inner = text[qs + 1 : qe - 1].strip()
    if not re.search(r"[,:]\s*$", head) and not (inner[:1].isupper() and inner[-1:] in ".!?\u2026"):
        return None  # 'said "three terrorists" were killed': a partial quote inside a claim
    np = clause_before(head, m.start(), lex)
    if cue.group(0).lower() in lex.participle_cues:
        np = participle_source(head, m.start(), np, lex)  # 'Roe praised it, saying: "..."'
    if np is None or not _speaker_like(head[np[0] : np[1]], lex):
        return None
    cue_at = a + m.start()
    return Quote(
        qs,
        qe,
        text[qs:qe],
        head[np[0] : np[1]],
        a + np[0],
        a + np[1],
        cue.group(0),
        cue_at,
        cue_at + cue.end(),
        attribution_end=qe,
    )
