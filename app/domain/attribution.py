"""Who asserts a sentence: source spans, cues, secondary sources, anaphora (quotes: quotes.py).

All patterns are structural (clause boundaries, quote marks, capitalised names) and take their
words from the language's lexicon, so the same code serves any language with a data file; with
no file, quotes of the form `"...", verb Name.` are still found by shape alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.domain.lexicon import Lexicon, load, phrase_pattern, word_set

_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]\s|\s[\u2014\u2013]\s")
SENTENCE_END = re.compile(r"[.!?]+\s+")
_NAME = r"[^\W\d_a-z\u00df-\u00ff][\w'\u2019.\-]*"  # a capitalised word (any alphabet's upper case)
NAME_SEQ = re.compile(rf"{_NAME}(?:\s+(?:{_NAME}|\([^\W\d_]{{2,10}}\)))*")
TITLED_NAME = re.compile(rf"(?:[^\W\d_][\w\-]*\s+){{0,3}}?{_NAME}(?:\s+{_NAME})*")
MARK_END = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_ACRONYM = re.compile(r"\([^\W\d_]{2,10}\)")
_TOKEN = re.compile(r"\S+")
TAIL_END = re.compile(r"[.!?;,](?=\s|$)|$")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source of one sentence, with offsets relative to the sentence."""

    source: tuple[int, int] | None
    cues: tuple[tuple[int, int], ...]
    secondary: tuple[int, int] | None = None


# --- noun phrases -----------------------------------------------------------------------------


def trim_np(s: str, a: int, b: int, lex: Lexicon, strip_tail: bool = True) -> tuple[int, int] | None:
    """Shrink s[a:b] to a plausible subject noun phrase, or None (too long, empty, no noun)."""
    while a < b and s[a] in " ,;:(\u2014\u2013":
        a += 1
    while b > a and s[b - 1] in " ,;:\u2014\u2013":
        b -= 1
    m = lex.connective_re.match(s, a, b)
    if m and m.end() > a:
        a = m.end()
    if strip_tail:
        t = lex.trailer_re.search(s, a, b)
        if t:
            b = t.start()
    words = s[a:b].split()
    if not 1 <= len(words) <= 9 or any(c in s[a:b] for c in '"\u201c\u201d\u00ab\u00bb'):
        return None
    if not lex.auxiliaries.isdisjoint(w.lower() for w in words):
        return None  # 'A total of 39 are confirmed': a clause, not a subject
    if words[-1].lower() in lex.determiners or (not words[-1][0].isalnum() and words[-1][0] != "("):
        return None
    return a, b


def np_after(s: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase that follows a cue ('according to X on Monday' -> X), cut at a stop word."""
    seg = s[a:b]
    m = re.search(r"[,;:.!?](?=\s|$)|\s[\u2014\u2013]\s|$", seg)
    end = a + (m.start() if m else len(seg))
    stops = _stop_regex(lex.lang)
    sm = stops.search(s, a, end)
    if sm and sm.start() > a:
        end = sm.start()
    by = _by_regex(lex.lang)
    last_by = None
    for bm in by.finditer(s, a, end):
        last_by = bm
    if last_by is not None:
        a = last_by.end()
    verb = _verb_cue(s, a, end, lex)
    if verb is not None:
        end = verb  # 'according to the agency said on Friday': the source stops at its verb
    return trim_np(s, a, end, lex, strip_tail=False)


def _verb_cue(s: str, a: int, b: int, lex: Lexicon) -> int | None:
    """Start of the first cue in s[a:b] used as a verb (not 'media reports', not 'according to')."""
    for cm in lex.cue_re.finditer(s, a, b):
        word = cm.group(0).lower()
        prev = s[a : cm.start()].split()
        if not prev or word in lex.free_cues or word in _noun_cues(lex.lang):
            continue
        if prev[-1].lower() not in lex.noun_markers and prev[-1].lower() not in lex.auxiliaries:
            return cm.start()
    return None


@lru_cache(maxsize=16)
def _noun_cues(lang: str) -> frozenset[str]:
    """Cue words that are also plural nouns ('reports', 'claims'): never cut a source at them."""
    return frozenset(w.lower() for w in load(lang).words("report_subjects"))


@lru_cache(maxsize=16)
def _stop_regex(lang: str) -> re.Pattern[str]:
    return re.compile(r"\s" + phrase_pattern(load(lang).words("np_stops")) + r"(?!\w)")


@lru_cache(maxsize=16)
def _by_regex(lang: str) -> re.Pattern[str]:
    return re.compile(r"\s" + phrase_pattern(load(lang).words("by_words")) + r"\s")


def is_named(np: str, lex: Lexicon) -> bool:
    """True for a source that names someone ('President Jane Roe'), not 'The agency' or 'he'."""
    words = np.split()
    if not words:
        return False
    if any(w[:1].isupper() or w.startswith("(") for w in words[1:]):
        return True
    first = words[0].lower()
    generic = lex.determiners | set(lex.pronouns) | set(lex.anaphor_nouns)
    generic |= {w.lower() for w in lex.words("report_subjects")}
    return words[0][:1].isupper() and first not in generic


def source_type(np: str, lex: Lexicon) -> str:
    """'org', 'person' or 'any': what kind of anaphor may point back to this source."""
    lowered = np.lower()
    words = [w.strip("()'\u2019s,") for w in lowered.split()]
    if not lex.org_words.isdisjoint(words) or _ACRONYM.search(np):
        return "org"
    if not lex.titles.isdisjoint(words) or any(t in lowered for t in lex.long_titles):
        return "person"
    return "any"


def anaphor_type(np: str, lex: Lexicon) -> str | None:
    """The kind an anaphoric source needs ('he' -> person, 'The ministry' -> org), else None."""
    words = np.split()
    if len(words) == 1 and words[0].lower() in lex.pronouns:
        return lex.pronouns[words[0].lower()]
    if 2 <= len(words) <= 3 and words[0].lower() in lex.anaphor_determiners:
        if any(w[:1].isupper() for w in words[1:]):
            return None
        return lex.anaphor_nouns.get(words[-1].lower())
    return None


# --- cues -------------------------------------------------------------------------------------


def find_cues(masked: str, lex: Lexicon, words: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Attribution cues outside quotes; a verb cue used as a noun ('media reports') is skipped."""
    if lex.cue_words.isdisjoint(word_set(masked) if words is None else words):
        return []
    markers = lex.noun_markers
    found = list(lex.cue_re.finditer(masked))
    out: list[tuple[int, int]] = []
    for i, m in enumerate(found):
        if m.group(0).lower() not in lex.free_cues:
            before = masked[: m.start()].rstrip()
            prev = before.split()[-1].lower() if before.split() else ""
            after = masked[m.end() :].split()
            nxt = after[0].lower().strip(",.;:") if after else ""
            if prev in markers or nxt in {"of", "by"} or prev in lex.auxiliaries:
                continue  # a noun ('the claims', 'reports of') or a passive ('are confirmed')
            if masked[m.start()].isupper() and before:
                continue  # capitalised inside a sentence: a name ('United States')
            if i + 1 < len(found) and found[i + 1].start() == m.end() + 1:
                continue  # 'media reports indicate': the first is the subject's noun
            starts_sentence = not before or before[-1] in ";:" or lex.connective_re.fullmatch(before + " ")
            if starts_sentence and not _ends_sentence(masked, m.end()):
                continue  # 'Reports ...' opening a sentence is a noun, unless 'Says Jane Roe.'
        out.append(m.span())
    return out


def _ends_sentence(s: str, pos: int) -> bool:
    """A clause-initial verb cue is real only in 'said John Roe.' (cue, name, end)."""
    rest = s[pos:].strip()
    return bool(rest) and bool(re.fullmatch(r"[^.!?;]{1,80}[.!?]?", rest)) and rest[:1].isupper()


# --- attribution of a sentence ---------------------------------------------------------------


def attribute(sentence: str, masked: str, lex: Lexicon, words: frozenset[str] | None = None) -> Attribution:
    """Source, cues and secondary source of a sentence (quotes masked out in `masked`).

    `words` is `word_set(sentence)` when the caller has it already.
    """
    cues = find_cues(masked, lex, words)
    secondary_cues = {m.span() for m in lex.secondary_re.finditer(masked)} if cues else set()
    source: tuple[int, int] | None = None
    secondary: tuple[int, int] | None = None
    for a, b in cues:
        if (a, b) in secondary_cues:
            h = _heads_regex(lex).match(masked, b)
            start = h.end() if h else b
            sec = np_after(masked, start, len(masked), lex)
            if sec and secondary is None and source is not None:
                secondary = sec
                continue
            if source is None:
                head = clause_before(masked, a, lex)
                if head:
                    source, secondary = head, sec
            continue
        if source is not None:
            continue
        cue = masked[a:b].lower()
        if cue in lex.source_after_cues:
            source = np_after(masked, b, len(masked), lex)
            continue
        if cue in lex.free_cues:
            continue  # an adverb ('reportedly') names nobody: the article relays an unnamed report
        source = clause_before(masked, a, lex)
        if cue in lex.participle_cues:
            source = participle_source(masked, a, source, lex)
        if source is None and _ends_sentence(masked, b):
            source = np_after(masked, b, len(masked), lex)  # '..., said Jane Roe.'
    if source is None:
        m = lex.report_subject_re.match(masked)
        if m:
            source = m.span(1)
    return Attribution(source, tuple(cues), secondary)


@lru_cache(maxsize=16)
def _heads_regex(lex: Lexicon) -> re.Pattern[str]:
    """'citing [a report from] X': the words between a secondary cue and its source."""
    return re.compile(r"\s+" + phrase_pattern(lex.words("secondary_heads")) + r"\s+")


def participle_source(
    s: str, cue_start: int, clause: tuple[int, int] | None, lex: Lexicon
) -> tuple[int, int] | None:
    """The source of '..., saying': the subject of the clause the participle hangs on."""
    end = len(s[:cue_start].rstrip(" ,"))
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s, 0, end)]
    raw = (breaks[-1] if breaks else 0, end)
    for span in (clause, raw):
        if span is not None:
            subject = _main_subject(s, span, lex)
            if subject is not None:
                return subject
    return clause


def _main_subject(s: str, clause: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """'The mayor cut the budget, saying ...': the subject that opens the clause, not all of it.

    Words are taken up to the last name, title, organisation or people noun among the first
    few, and stop at the first other word after one (most likely the verb).
    """
    a, b = clause
    lead = lex.connective_re.match(s, a, b)  # 'But the mayor ...'
    if lead and lead.end() > a:
        a = lead.end()
    tokens = list(_TOKEN.finditer(s, a, b))
    if len(tokens) < 2:
        return None
    nouns = _subject_nouns(lex)
    i = 1 if tokens[0].group(0).lower() in lex.determiners else 0
    last = None
    for j in range(i, min(len(tokens), i + 8)):
        w = tokens[j].group(0)
        if w[:1].isupper() or w.lower().strip(",") in nouns:
            last = j
        elif last is not None:
            break
    if last is None or last == len(tokens) - 1:
        return None
    return a, tokens[last].start() + len(tokens[last].group(0).rstrip(",;:"))


@lru_cache(maxsize=16)
def _subject_nouns(lex: Lexicon) -> frozenset[str]:
    """Lower-case words that may end a subject: titles, organisations, groups of people."""
    return lex.titles | lex.title_modifiers | lex.org_words | lex.people_nouns | frozenset(lex.anaphor_nouns)


def clause_before(s: str, cue_start: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject right before a cue: from the last clause break (or sentence start) to the cue."""
    prefix = s[:cue_start]
    # 'The agency, citing sources, said' -> skip the parenthetical back to its subject
    sec = list(lex.secondary_re.finditer(prefix))
    if sec and prefix.rstrip().endswith(","):
        comma = prefix.rfind(",", 0, sec[-1].start())
        if comma > 0 and not prefix[comma + 1 : sec[-1].start()].strip():
            prefix = prefix[:comma]
    breaks = [0] + [
        m.end()
        for m in _CLAUSE_BREAK.finditer(prefix)
        if prefix.count("(", 0, m.start()) <= prefix.count(")", 0, m.start())
    ]
    stops = _stop_regex(lex.lang)
    end = len(prefix)
    # 'The head of police, Jane Roe, on Sunday said': step back over empty or adverbial
    # segments to the appositive that names the source
    for k in range(len(breaks) - 1, max(len(breaks) - 4, -1), -1):
        start = breaks[k]
        seg = prefix[start:end]
        lead = seg.split()[0].lower() if seg.split() else ""
        if seg.strip() and (not stops.match(" " + seg.lstrip()) or lex.connective_re.fullmatch(lead)):
            return trim_np(s, start, end, lex)
        end = max(start - 2, 0)
    return None


def in_hedge_clause(s: str, pos: int, lex: Lexicon) -> bool:
    """'..., a figure the agency has not confirmed': a caveat phrase inside a trailing clause that
    opens with an indefinite noun or a relative pronoun hedges the sentence; it is not its statement.
    """
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s, 0, pos)]
    if not breaks:
        return False
    words = s[breaks[-1] : pos].split()
    return bool(words) and words[0].lower() in lex.caveat_openers


def subject_before(s: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """Public form of the clause-subject rule, for caveats ('The outlet could not verify')."""
    return clause_before(s, pos, lex)


# --- direct quotations ------------------------------------------------------------------------
