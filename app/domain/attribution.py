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
from app.domain.text import abbreviations

_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]\s|\s[\u2014\u2013-]\s")
SENTENCE_END = re.compile(r"[.!?]+\s+")
_NAME = r"[^\W\d_a-z\u00df-\u00ff][\w'\u2019.\-]*"  # a capitalised word (any alphabet's upper case)
NAME_SEQ = re.compile(rf"{_NAME}(?:\s+(?:{_NAME}|\([^\W\d_]{{2,10}}\)))*")
TITLED_NAME = re.compile(rf"(?:[^\W\d_][\w\-]*\s+){{0,4}}?{_NAME}(?:\s+{_NAME})*")
_LEADING_NAME_NP = re.compile(
    rf"\s*(?:[Tt]he\s+)?((?:{_NAME}\s+(?:(?:of|for|on|and|de|&)\s+(?:the\s+)?)?)*{_NAME})(?=[\s,.;:]|$)"
)
_WITH_NP = re.compile(r"(?:^|[,;]\s+)with\s+((?:\S+\s+){0,4}?\S+)\s*$")
_NAME_BEFORE_WHO = re.compile(rf"({_NAME}(?:\s+{_NAME}){{0,3}}),?\s+who\s+$")
MARK_END = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_ACRONYM = re.compile(r"\([^\W\d_]{2,10}\)")
_TOKEN = re.compile(r"\S+")
TAIL_END = re.compile(r"[.!?;,](?=\s|$)|$")
# 'KYIV, March 3 (Reuters) - ', 'WASHINGTON (AP) — ': a wire dateline before the first clause
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'\u2019.\-]+(?:\s+[A-Z][A-Z'\u2019.\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:\s+\d{1,2})?)?\s*(?:\([^()]{1,40}\))?\s*(?:-{1,2}|[\u2013\u2014])\s+"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source of one sentence, with offsets relative to the sentence."""

    source: tuple[int, int] | None
    cues: tuple[tuple[int, int], ...]
    secondary: tuple[int, int] | None = None
    rule: str | None = None  # how the source was found ('subject', 'according_to', ...)


@dataclass(frozen=True, slots=True)
class Said:
    """One attribution inside a sentence: who (source), through which cue, found by which rule.

    Offsets are relative to the text the caller passed. `nested` marks one inside a quotation
    ('"I think the toll will rise," the mayor said': I think), whose first person is the speaker.
    """

    source: tuple[int, int]
    cue: tuple[int, int] | None  # None: a source found without a cue word ('the agency's report')
    rule: str
    nested: bool = False
    resolved: str | None = None  # whom a nested 'I' or 'we' means: the quotation's speaker


def every_attribution(masked: str, cues: tuple[tuple[int, int], ...], lex: Lexicon) -> list[Said]:
    """Each cue outside quotes with the source it names (a sentence may carry several:
    'Police said ..., but his lawyer claimed ...'), in the order of the cues."""
    secondary = {m.span() for m in lex.secondary_re.finditer(masked)}
    out: list[Said] = []
    for a, b in sorted(cues):
        if (a, b) in secondary:
            continue
        source, rule = cue_source(masked, a, b, lex)
        earlier = [y for x, y in cues if y <= a]
        inside = [y for y in earlier if source is None or source[0] < y]
        if earlier and inside and masked[a:b].lower() not in lex.free_cues:
            # 'Memon said she believed ...': the subject of a reported clause starts after its cue
            source, rule = _reported_subject(masked, max(inside), a, lex), "reported_clause"
        if source is None:
            source, rule = _pronoun_before(masked, a, lex), "pronoun"  # 'Prompted I think by ...'
        if source is not None and _free_relative(masked, source[0], lex):
            continue  # 'alarmed by what they found': the cue's content is 'what', no claim follows
        if source is not None and rule is not None and _names_someone(masked[source[0] : source[1]], lex):
            out.append(Said(source, (a, b), rule))
    return out


def _free_relative(s: str, source_start: int, lex: Lexicon) -> bool:
    """True when the source opens a clause headed by 'what' ('by what they found', 'what he said')."""
    m = re.search(r"(\w+)\s+$", s[:source_start])
    return m is not None and m.group(1).lower() in lex.lowered("free_relatives")


def _pronoun_before(s: str, cue_start: int, lex: Lexicon) -> tuple[int, int] | None:
    """'..., I think the toll ...': a subject pronoun right before its cue is its own clause's subject."""
    m = re.search(r"(\w+)\s+$", s[:cue_start])
    word = m.group(1).lower() if m else ""
    if m is None or word not in lex.pronouns or word in lex.lowered("object_pronouns"):
        return None
    return m.span(1)


def _reported_subject(s: str, after: int, cue_start: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject between a cue and the next ('said [that] she believed'), or None ('said fishermen
    first noticed' has one only when the words between are a whole noun phrase)."""
    start = after
    that = re.match(r"\s+(\w+)\s", s[start:cue_start] + " ")
    if that and that.group(1).lower() in lex.stop_words:
        start += that.end() - 1
    np = trim_np(s, start, cue_start, lex)
    return np if np is not None and np[1] == len(s[:cue_start].rstrip()) else None


def _names_someone(np: str, lex: Lexicon) -> bool:
    """A source that can stand beside the sentence's own: a pronoun, a name or 'the agency', not
    words of a clause ('research or scientific', "I'm (told)")."""
    words = np.split()
    first, last = words[0].lower(), words[-1].lower()
    if len(words) > 8 or re.search(r"['’](?!s$)\w+$", last):
        return False
    if first in lex.pronouns:
        return len(words) == 1
    if last.strip(",") in _subject_nouns(lex) | lex.lowered("research_subjects"):
        return first in lex.determiners or len(words) <= 3  # 'the agency', 'local residents', 'the data'
    return words[0][:1].isupper()


def quoted_attributions(text: str, start: int, end: int, lex: Lexicon) -> list[Said]:
    """Attributions inside the quotation text[start:end] ('I think', 'the police told us'),
    offsets in `text`; the quotation's own speaker is not among them."""
    inner = text[start:end]
    out = []
    for said in every_attribution(inner, tuple(find_cues(inner, lex)), lex):
        assert said.cue is not None
        source = (start + said.source[0], start + said.source[1])
        out.append(Said(source, (start + said.cue[0], start + said.cue[1]), said.rule, nested=True))
    agent = _passive_agent(inner, lex)  # '"... it is asserted by the Crown that ..."'
    if agent is not None and all(x.source != (start + agent[0], start + agent[1]) for x in out):
        out.append(Said((start + agent[0], start + agent[1]), None, "passive_agent", nested=True))
    return out


_DATE_COMMA = re.compile(r"\d\d?,\s+(?:1[6-9]|20)\d\d\b|\s\d,\s+(?:1[6-9]|20)\d\d\b")
_CLAUSE_STOP = re.compile(r"[,;:.!?](?=\s|$)|$")


def clause_stop(s: str, a: int, b: int, lex: Lexicon, stops: re.Pattern[str] = _CLAUSE_STOP) -> int:
    """Where the clause starting at `a` ends (a comma, full stop...), not at 'Rep.' or 'J.' in a name."""
    titles = _title_abbreviations(lex.lang)
    pos = a
    while True:
        m = stops.search(s, pos, b)
        if m is None:
            return b
        if m.group(0) == "," and _DATE_COMMA.match(s, m.start() - 2):
            pos = m.end()  # 'a March 14, 2019 NATO press release': the comma of a date
            continue
        if m.group(0) != "." or m.start() <= a:
            return m.start()
        word = s[a : m.start()].split()[-1] if s[a : m.start()].split() else ""
        initials = (len(word) == 1 and word.isupper()) or "." in word  # 'J.', 'U.S.'
        if not (word.lower() in titles or initials):
            return m.start()
        pos = m.end()


@lru_cache(maxsize=16)
def _title_abbreviations(lang: str) -> frozenset[str]:
    """'rep', 'sen', 'mr', 'u.s', 'inc': abbreviations inside a name, so their full stop ends nothing."""
    try:
        table = abbreviations(lang)
    except OSError:
        return frozenset()
    return frozenset(w for w, kind in table.items() if kind in ("title", "place", "company"))


# --- noun phrases -----------------------------------------------------------------------------


def trim_np(
    s: str, a: int, b: int, lex: Lexicon, strip_tail: bool = True, verb_after_modal: bool = True
) -> tuple[int, int] | None:
    """Shrink s[a:b] to a plausible subject noun phrase, or None (too long, empty, no noun).

    `verb_after_modal` False: 'The wrestler has died' is a clause, not 'The wrestler' (for a
    clause the search stepped back to, behind the cue's own)."""
    while a < b and s[a] in " ,;:(\u2014\u2013":
        a += 1
    while b > a and s[b - 1] in " ,;:\u2014\u2013":
        b -= 1
    m = lex.connective_re.match(s, a, b)
    if m and m.end() > a:
        a = m.end()
    a = _skip_leading_adverbs(s, a, b, lex)  # 'According to the Herald, reportedly the mayor said'
    b = _reduced_relative_cut(s, a, b, lex)  # 'an Internet posting made just over a day ago'
    if strip_tail:
        t = lex.trailer_re.search(s, a, b)
        if t:
            b = t.start()
        if lex.trailer_re.fullmatch(" " + s[a:b]):
            return None  # '..., has': only an auxiliary or an adverb, no subject
        b = _strip_adverbs(s, a, b, lex)
    if s.count("(", a, b) != s.count(")", a, b):
        return None  # '((WN)) Statistics ...': an interview marker or a cut bracket
    relative = re.match(r"\s*(\w+)\s+", s[a:b])
    if relative and relative.group(1).lower() in lex.relatives and len(s[a:b].split()) <= 6:
        a += relative.end()  # '..., which state media said were under control': 'state media
    opener = _time_opener(lex).match(s, a, b)
    if opener and opener.end() < b:
        a = opener.end()  # 'On Friday Ford Motor Company (announced)'
    words = s[a:b].split()
    if words and words[0] in lex.lowered("prepositions"):
        return None  # '..., but in the longer term, warned': a lower-case preposition opens no subject
    # a long title before a name ('Executive director of the Dallas chapter of ... Alia Salem')
    limit = 18 if len(words) > 2 and all(w[:1].isupper() or w[:1] == "(" for w in words[-2:]) else 12
    marks = sum(s.count(c, a, b) for c in '"\u201c\u201d\u00ab\u00bb')
    if not 1 <= len(words) <= limit or marks % 2 or (marks and len(words) > 8):
        return None  # a quote mark cut in two; a short title in quotes may stay ('The "History" section')
    lowered = [w.lower() for w in words if not w.isupper()]  # 'AM' is an Assembly Member, not 'am
    if not lex.auxiliaries.isdisjoint(lowered) or any(
        w in lex.negations or w.endswith("n't") for w in lowered
    ):
        return None  # 'A total of 39 are confirmed', "I don't know what he": a clause, not a subject
    modal = next((i for i, w in enumerate(words) if w in lex.lowered("modals")), None)
    if modal is not None:
        # a lower-case modal is a verb ('Theresa May' is not): before a cue, with only adverbs after
        # it, it ends the subject ('Athens has long (insisted)'); a verb after it makes a clause ('The
        # wrestler has died'), and after a cue it opens one ('said the tariffs would hurt')
        adverbs = lex.lowered("subject_trailers") | lex.lowered("verb_adverbs")
        rest = [w for w in words[modal + 1 :] if w.lower() not in adverbs and not w.endswith("ly")]
        if not strip_tail or modal == 0 or (rest and not verb_after_modal):
            return None
        return trim_np(s, a, list(_TOKEN.finditer(s, a, b))[modal - 1].end(), lex)
    if words[0].islower() and words[0].endswith(tuple(lex.words("past_suffixes"))) and "-" not in words[0]:
        return None  # 'rolled out for the first time', 'heaped praise on Kim': a verb ('state-owned' is not)
    if (
        len(words) > 1
        and words[0].lower() in lex.pronouns
        and words[0].lower() not in lex.determiners  # 'Her office (said)': a possessive opens a noun phrase
        and words[1].lower() not in lex.conjunctions
    ):
        # 'They felt that they learned ..., citing': a pronoun takes no modifiers, so the words after
        # it are its verb and object; the subject is the pronoun
        return a, a + len(words[0])
    if (
        len(words) > 1
        and words[-1].lower() in lex.pronouns
        and words[-1].lower() not in lex.lowered("object_pronouns")
    ):
        return None  # 'colleagues with whom I (had thought)', 'all I (would say)': a clause
    last = words[-1].lower() if not words[-1].isupper() else words[-1]  # 'WHO say', not 'who'
    if (
        last in lex.determiners
        or last in lex.relatives
        or last in lex.conjunctions
        or (not words[-1][0].isalnum() and words[-1][0] != "(")
    ):
        return None  # 'an independent who (does not claim)': a relative clause cut at its verb
    return a, b


def _skip_leading_adverbs(s: str, a: int, b: int, lex: Lexicon) -> int:
    """'reportedly the mayor': an adverb that may trail a subject never opens one."""
    suffixes = tuple(lex.words("adverb_suffixes"))
    for token in _TOKEN.finditer(s, a, b):
        word = token.group(0)
        adverb = suffixes and word.islower() and word.endswith(suffixes)
        if not (adverb and word in lex.lowered("subject_trailers")):
            return token.start()
    return a


def _reduced_relative_cut(s: str, a: int, b: int, lex: Lexicon) -> int:
    """'a report published in the journal', 'officials briefed on the talks': the noun phrase ends
    before a participle that opens a reduced relative clause (one followed by a preposition, 'by'
    or an adverb), so the source is 'a report', not the clause hanging on it."""
    tokens = list(_TOKEN.finditer(s, a, b))
    links = lex.lowered("np_linkers")
    irregular = lex.lowered("irregular_participles")
    adverb = tuple(lex.words("adverb_suffixes")) or ("\0",)
    follows = links | lex.lowered("np_stops") | lex.lowered("reduced_relative_next")
    words = [t.group(0).lower() for t in tokens]
    beyond = _TOKEN.match(s, b + 1) if b < len(s) and s[b] == " " else None
    words.append(beyond.group(0).lower() if beyond else "")  # 'two people briefed | on the talks'
    for i in range(1, len(tokens)):
        word, prev, nxt = tokens[i].group(0), words[i - 1], words[i + 1]
        if word == "to" and nxt == "be":
            return tokens[i - 1].end()  # 'Figures to be published today (show)'
        if word in lex.relatives and i >= 2 and not lex.lowered("anonymity_words").isdisjoint(words[i:]):
            return tokens[i - 1].end()  # 'a campaign spokesman who declined to be named (told)'
        past = word.endswith(tuple(lex.words("past_suffixes"))) or word in irregular
        participle = word.isalpha() and word.islower() and past  # not '(based in Kyiv)': an aside
        if (
            participle
            and prev not in lex.determiners | links | lex.auxiliaries
            and not prev.endswith((*adverb, "'s", "\u2019s"))
            and (nxt in follows or nxt.endswith(adverb))
            and lex.relatives.isdisjoint(words[:i])  # 'who last year threatened': a relative's verb
            and lex.lowered("by_words").isdisjoint(words[i:])  # 'a poll published by X': X is the agent
        ):
            return tokens[i - 1].end()
    return b


def _new_np_cut(s: str, a: int, b: int, lex: Lexicon) -> int:
    """'According to the port authority the ferries stopped': with no comma after the source, a
    determiner that follows a noun (not a preposition or 'and') opens the next clause's subject."""
    openers = lex.lowered("np_openers")
    links = lex.lowered("np_linkers") | lex.conjunctions | lex.determiners
    verbish = tuple(lex.words("participle_suffixes"))  # 'a protester using the pseudonym Katya'
    tokens = list(_TOKEN.finditer(s, a, b))
    for i in range(1, len(tokens)):
        prev = tokens[i - 1].group(0).lower()
        if tokens[i].group(0) in openers and prev not in links and not (verbish and prev.endswith(verbish)):
            return tokens[i - 1].end()
    return b


@lru_cache(maxsize=16)
def _time_opener(lex: Lexicon) -> re.Pattern[str]:
    """'On Friday ', 'Last week ', 'On Monday morning ': a time phrase before a subject."""
    openers = phrase_pattern(lex.words("time_openers"))
    times = phrase_pattern(lex.words("weekdays") + lex.words("months") + lex.words("time_words"))
    subjects = phrase_pattern(lex.words("people_nouns") + lex.words("determiners"))
    return re.compile(
        rf"(?:{openers})\s+(?:(?:the\s+)?(?:{times}|\d{{1,4}}(?:st|nd|rd|th)?),?\s+)+(?=[A-Z]|(?:{subjects})\b)"
    )


def _strip_adverbs(s: str, a: int, b: int, lex: Lexicon) -> int:
    """'players truly (believe)': a lower-case adverb at the end of a subject is not part of it
    ('organisers of the rally (said)': after a determiner an '-ly' word is a noun)."""
    suffixes = tuple(lex.words("adverb_suffixes"))
    words = list(_TOKEN.finditer(s, a, b))
    while (
        len(words) > 1
        and suffixes
        and words[-1].group(0).islower()
        and words[-1].group(0).endswith(suffixes)
        and words[-2].group(0).lower() not in lex.determiners
    ):
        words.pop()
        b = words[-1].end()
    return b


def np_after(s: str, a: int, b: int, lex: Lexicon, through_by: bool = True) -> tuple[int, int] | None:
    """The noun phrase that follows a cue ('according to X on Monday' -> X), cut at a stop word.

    `through_by`: 'according to a statement by the ministry' names the ministry; after a verb
    ('said the post by an unknown author') the subject is the post, so the span keeps it."""
    seg = s[a:b]
    m = re.search(r"\s[\u2014\u2013]\s", seg)
    end = min(a + m.start() if m else b, clause_stop(s, a, b, lex))
    stops = stop_regex(lex.lang)
    sm = stops.search(s, a, end)
    if sm and sm.start() > a:
        end = sm.start()
    by = _by_regex(lex.lang)
    last_by = None
    for bm in by.finditer(s, a, end):
        last_by = bm
    if last_by is not None and through_by:
        a = last_by.end()
    verb = _verb_cue(s, a, end, lex)
    if verb is not None:
        end = verb  # 'according to the agency said on Friday': the source stops at its verb
    end = _new_np_cut(s, a, end, lex)
    found = trim_np(s, a, end, lex, strip_tail=False)
    if found is None:
        # 'According to the Saudi Interior Ministry over 345 pilgrims died': no comma after the
        # source, so take the determiner and the capitalised name that open the rest
        m = _LEADING_NAME_NP.match(s, a, end)
        if m and m.group(1):
            found = trim_np(s, m.start(), m.end(), lex, strip_tail=False)
    return found


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
def stop_regex(lang: str) -> re.Pattern[str]:
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


_ALL_CAPS = re.compile(r"[A-Z]{3,6}")


def source_type(np: str, lex: Lexicon) -> str:
    """'org', 'person' or 'any': what kind of anaphor may point back to this source."""
    lowered = np.lower()
    words = [re.sub(r"['\u2019]s$", "", w.strip("(),")) for w in lowered.split()]  # 'police's', not 'new(s)'
    if not lex.org_words.isdisjoint(words) or _ACRONYM.search(np) or _ALL_CAPS.fullmatch(np):
        return "org"  # 'NBC News', 'the ministry (MoD)', 'KTUU'
    if lowered in lex.lowered("countries"):
        return "org"  # 'North Korea pledged ...': a country, which 'he' never means
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
    adverbs = lex.lowered("verb_adverbs")
    found = list(lex.cue_re.finditer(masked))
    out: list[tuple[int, int]] = []
    for i, m in enumerate(found):
        if m.group(0).lower() not in lex.free_cues:
            before = masked[: m.start()].rstrip()
            prior = [w.lower() for w in before.split()[-3:]]
            while len(prior) > 1 and prior[-1] in adverbs:
                prior.pop()  # 'are also accused': the auxiliary behind the adverb
            prev = prior[-1] if prior else ""
            after = masked[m.end() :].split()
            nxt = after[0].lower().strip(",.;:") if after else ""
            word = m.group(0).lower()
            prev_word = before.split()[-1] if before.split() else ""
            named_before = (
                prev_word[:1].isupper() and len(before.split()) > 1
            )  # 'The Associated Press reports'
            noun_like = prev in lex.noun_only_markers and word in lex.noun_cues and not named_before
            subject_before = prev in lex.pronouns  # 'They estimated by 2050 ...': a verb, not 'estimated by'
            by_of = (nxt == "by" and not subject_before) or (nxt == "of" and word in lex.noun_cues)
            person_object = (
                nxt in lex.lowered("object_pronouns")
                and word not in lex.words("cues_with_addressee")
                and not after[0].isupper()  # 'said US troops had won': the country, not 'us'
            )
            research = word in lex.lowered("research_cues") and not _research_subject(before, lex)
            auxiliary = prev in lex.auxiliaries and not prev_word.isupper()  # 'was said', not 'One AM said'
            # 'another late claim', 'our climate forecast', 'has heightened fears': an object noun
            last3 = before.split()[-3:]
            object_noun = (
                word in lex.noun_cues
                and not named_before
                and (
                    # a determiner two words back that follows a lower-case verb ('had another late claim')
                    (
                        len(last3) == 3
                        and last3[1].lower() in lex.determiners
                        and last3[0].islower()
                        and last3[0][-1:].isalpha()  # not '..., the paper reports': a clause ends
                    )
                    or (prev_word.islower() and prev_word.endswith(tuple(lex.words("past_suffixes"))))
                )
            )
            counted = (
                word in lex.noun_cues
                and any(  # 'two penalty claims': a noun after a number
                    w.lower() in lex.lowered("number_words") or w[:1].isdigit() for w in before.split()[-2:]
                )
            )
            quote_only = word in lex.lowered("quote_only_cues")  # 'Trump continued, "..."' only
            # 'cabins described as unsafe': a participle after its noun, not a speech act
            reduced = nxt in lex.lowered("reduced_passive_next") and prev not in lex.pronouns
            # 'the warships - said to allow Germany ... -': a hedge in an aside, not a speech act
            reduced = reduced or (
                nxt == "to"
                and before[-1:] in ",-\u2014\u2013"
                and any(h.endswith(f" {word} to") for h in lex.lowered("hedges"))  # 'is said to'
            )
            compound = nxt in lex.lowered("compound_heads")  # 'a U.S.-based think tank': a noun
            # 'Our climate forecast is indicating': a cue that is also a noun, right before a finite
            # 'is' or 'was', is the subject's noun ('what carmakers say are ...' keeps its verb)
            compound = compound or (nxt in lex.lowered("finite_be") and word in lex.noun_cues)
            # 'a place for sharing ideas, making plans, and reporting problems': one of a list of
            # activities after 'and', not a speaker's '..., reporting'
            listed = word in lex.participle_cues and prev in lex.conjunctions
            if (
                prev in markers
                or noun_like
                or by_of
                or auxiliary
                or person_object
                or research
                or counted
                or quote_only
                or reduced
                or compound
                or listed
                or object_noun
            ):
                continue  # a noun ('the claims', 'reports of'), a passive ('are confirmed'), 'found a body'
            if masked[m.start()].isupper() and before:
                continue  # capitalised inside a sentence: a name ('United States')
            if i + 1 < len(found) and found[i + 1].start() == m.end() + 1:
                continue  # 'media reports indicate': the first is the subject's noun
            starts_sentence = not before or before[-1] in ";:" or lex.connective_re.fullmatch(before + " ")
            if starts_sentence and not _ends_sentence(masked, m.end()):
                continue  # 'Reports ...' opening a sentence is a noun, unless 'Says Jane Roe.'
        out.append(m.span())
    return out


def _research_subject(before: str, lex: Lexicon) -> bool:
    """'The scientists found ...', 'Results of the study show ...': 'found' and 'show' report a
    finding only after a research subject (not 'Police found a body', 'a light show')."""
    clause = re.split(r"[;:]\s|,\s(?=\w+\s)", before)[-1] if before else ""
    words = {w.lower().strip(",") for w in before.split()[-14:]} if clause else set()
    return not words.isdisjoint(lex.lowered("research_subjects"))


def _ends_sentence(s: str, pos: int) -> bool:
    """A clause-initial verb cue is real only in 'said John Roe.' (cue, name, end)."""
    rest = s[pos:].strip()
    return bool(rest) and bool(re.fullmatch(r"[^.!?;]{1,80}[.!?]?", rest)) and rest[:1].isupper()


# --- attribution of a sentence ---------------------------------------------------------------


def attribute(sentence: str, masked: str, lex: Lexicon, words: frozenset[str] | None = None) -> Attribution:
    """Source, cues and secondary source of a sentence (quotes masked out in `masked`), with the
    rule that found the source (its measured precision becomes the source's confidence).

    `words` is `word_set(sentence)` when the caller has it already.
    """
    cues = find_cues(masked, lex, words)
    secondary_cues = {m.span() for m in lex.secondary_re.finditer(masked)} if cues else set()
    source: tuple[int, int] | None = None
    secondary: tuple[int, int] | None = None
    rule: str | None = None
    # 'officials have not said why ..., but the ambassador says ...': a denied cue names no source
    # of what the sentence asserts, so a cue that is not negated goes first
    ordered = sorted(cues, key=lambda c: _negated(masked, c[0], lex))
    lead = _leading_according(masked, ordered, lex)
    if lead is not None:
        return Attribution(lead[0], tuple(cues), lead[1], "relayed_speaker")
    for a, b in ordered:
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
                    source, secondary, rule = head, sec, "subject"
            continue
        if source is None:
            source, rule = cue_source(masked, a, b, lex)
        free = masked[a:b].lower() in lex.free_cues  # 'where he allegedly ...': an adverb, no speaker
        if source is None and not free and (pronoun := _pronoun_before(masked, a, lex)) is not None:
            source, rule = pronoun, "pronoun"  # 'On the live television he said': no comma after the opener
    if source is None:
        agent = _passive_agent(masked, lex)
        if agent is not None:
            source, rule = agent, "passive_agent"  # 'The attack was claimed by the Houthi movement'
    elif rule in ("subject", "according_to"):
        inner = _relayed_speaker(masked, source, ordered, lex)
        if inner is not None:
            # 'Znak.com reported its source said ...', 'The BBC cited X as saying': X speaks
            source, secondary, rule = inner, source, "relayed_speaker"
    if source is None:
        m = lex.report_subject_re.match(masked)
        if m:
            source, rule = m.span(1), "report_noun"
    if source is not None and (short := _CONTRACTED.fullmatch(masked, source[0], source[1])):
        source = short.span(1)  # "I've said all along": the pronoun, not its auxiliary
    if source is not None and masked[source[0] : source[1]].lower() in lex.lowered("writer_pronouns"):
        source = None  # 'I think', 'we believe' outside quotes: the writer, so the article itself
    if source is not None and (year := _LEADING_YEAR.match(masked, source[0], source[1])):
        source = (year.end(), source[1])  # 'On March 14, 2019 NATO said': the date's year is not NATO's
    return Attribution(source, tuple(cues), secondary, rule if source is not None else None)


def cue_source(masked: str, a: int, b: int, lex: Lexicon) -> tuple[tuple[int, int] | None, str | None]:
    """Who speaks through the cue at masked[a:b], and the rule that found them (None: nobody named)."""
    cue = masked[a:b].lower()
    if cue in lex.source_after_cues:
        source, rule = np_after(masked, b, len(masked), lex), "according_to"
        if source is not None:
            source = _named_after(masked, source, lex) or source
        return source, rule
    if cue in lex.free_cues:
        return None, None  # an adverb ('reportedly') names nobody: the article relays an unnamed report
    if masked[:a].split()[-1:] == ["as"]:
        return None, None  # 'as promised', 'as expected': no one is named as saying it
    inverted = _inverted_source(masked, a, b, lex)
    if (
        inverted is not None
        and (
            _is_name(masked[inverted[0] : inverted[1]], lex)
            or TITLED_NAME.fullmatch(masked[inverted[0] : inverted[1]])
            or (  # 'said the spokesman', not 'said Beijing had hurt American workers'
                masked[inverted[0] : inverted[1]].split()[0].lower() in lex.determiners
                and masked[inverted[0] : inverted[1]].split()[-1].lower() in _subject_nouns(lex)
            )
            or _bare_speaker(masked[inverted[0] : inverted[1]], lex)
        )
    ):
        return inverted, "inverted"  # 'Recipients, said Mauer, are required ...'
    source, rule = clause_before(masked, a, lex), "subject"
    if cue in lex.participle_cues:
        source, rule = participle_source(masked, a, source, lex), "participle"
    if source is None and masked[:a].split()[-1:] == ["who"]:
        name = _NAME_BEFORE_WHO.search(masked, 0, a)  # 'drafted by Alex Greenwich who said'
        source, rule = (name.span(1) if name else None), "relative"
    if (
        source is None
        and cue in lex.lowered("coordinated_cues")
        and masked[:a].split()[-1:]
        and masked[:a].split()[-1].lower() in lex.conjunctions | lex.lowered("clause_coordinators")
    ):
        # 'Watson called the deal "lousy" and said he would ...': the subject of the first verb
        source, rule = _main_subject(masked, (0, a), lex), "coordinated"
        if source is not None and _passive_after(masked, source[1], lex):
            source = None  # 'I was hauled in and told that ...': told, not telling
    if source is None:
        return inverted, "inverted"  # '..., said the spokesman.'
    return source, rule


_CONTRACTED = re.compile(r"(\w+)['\u2019](?:ve|re|ll|d|m)")
_LEADING_YEAR = re.compile(r"(?:1[89]|20)\d\d\s+(?=[A-Z])")


def _passive_agent(s: str, lex: Lexicon) -> tuple[int, int] | None:
    """'was claimed by X', 'he was told by Minister Y of ...': the agent of a passive cue."""
    for m in lex.cue_re.finditer(s):
        before = s[: m.start()].split()[-2:]
        if not before or not any(w.lower() in lex.auxiliaries for w in before):
            continue
        if m.group(0).lower() in lex.lowered("passive_action_cues"):
            continue  # 'the plan was rejected by the minister': an act, not something the minister says
        by = re.match(
            r"(?:\s+(?:on|in|at|last|this|yesterday|today|earlier)(?:\s+[\w-]+)?)?\s+by\s+", s[m.end() :]
        )
        if by is None:
            continue
        np = np_after(s, m.end() + by.end(), len(s), lex)
        if (np is not None and s[np[0]].isupper()) or (
            np is not None and s[np[0] : np[1]].split()[0].lower() in lex.determiners
        ):
            return np
    return None


def _relayed_speaker(
    s: str, source: tuple[int, int], cues: list[tuple[int, int]], lex: Lexicon
) -> tuple[int, int] | None:
    """'X reported [that] its source said ...' / 'X cited Y as saying ...': Y, the inner speaker."""
    after = [c for c in sorted(cues) if c[0] > source[1]]
    if len(after) < 2 or s[after[0][0] : after[0][1]].lower() not in lex.lowered("relay_cues"):
        return None  # 'Dewar says bureaucrats complained': what Dewar says, not who relays whom
    first, second = after[0], after[1]
    gap = s[first[1] : second[0]]
    start = first[1] + len(gap) - len(gap.lstrip())
    if gap.lstrip().lower().startswith("that "):
        start += len("that ")
    end = second[0]
    if s[second[0] : second[1]].lower().startswith("as "):
        end = start + len(
            s[start:end].split(",")[0].rstrip()
        )  # 'cited Budi Gunawan, chief of ..., as saying'
    elif any(ch in gap for ch in ",;:"):
        return None
    as_word = re.search(r"\s+as\s*$", s[start:end])
    if as_word:
        end = start + as_word.start()  # 'It cited the Air Force as stating'
    np = trim_np(s, start, end, lex)
    if np is None or len(s[np[0] : np[1]].split()) > 6:
        return None
    trailers = lex.lowered("subject_trailers") | lex.lowered("verb_adverbs")
    if any(w.lower() not in trailers for w in s[np[1] : end].split()):
        return None  # 'reported Hamza bin Laden to be dead, citing ...': no speaker before the cue
    return np


def _passive_after(s: str, pos: int, lex: Lexicon) -> bool:
    """'I was (basically) hauled in': the subject's verb is a passive."""
    words = [w.lower() for w in s[pos : pos + 40].split()[:3]]
    return bool(words) and words[0] in lex.auxiliaries


def _negated(s: str, cue_start: int, lex: Lexicon) -> bool:
    """'have not said', 'didn't say', 'never claimed'."""
    before = s[max(0, cue_start - 24) : cue_start].lower().split()[-2:]
    return any(w in lex.negations or w.endswith("n't") for w in before)


def _leading_according(
    s: str, cues: list[tuple[int, int]], lex: Lexicon
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'According to the Herald, Professor Burrows said ...': Burrows speaks, the Herald relays.

    Returns (source, secondary) when the sentence opens with a source-after cue and a speech verb
    with its own subject follows; else None.
    """
    if len(cues) < 2:
        return None
    first = min(cues)
    if s[first[0] : first[1]].lower() not in lex.source_after_cues or s[: first[0]].strip():
        return None
    relay = np_after(s, first[1], len(s), lex)
    if relay is None:
        return None
    for a, b in sorted(cues):
        if a <= relay[1] or s[a:b].lower() in lex.free_cues or _negated(s, a, lex):
            continue
        speaker = clause_before(s, a, lex)
        if speaker is not None and speaker[0] > relay[1]:
            return speaker, relay
        return None
    return None


_APPOSITIVE_NAME = re.compile(r",\s+([^,;:]{2,60}?),\s")


def _named_after(s: str, np: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """'according to the Crown prosecutor, Mark Tedeschi, QC, ...': the name that follows a
    title in apposition is the source; 'according to the ministry, 40 people ...' has none."""
    m = _APPOSITIVE_NAME.match(s, np[1])
    if m is None or s[np[0] : np[1]].split()[0].lower() not in lex.determiners:
        return None
    name = m.group(1)
    places = lex.org_words | lex.lowered("place_words")
    words = name.split()
    if not _is_name(name, lex, max_words=4) or len(words) < 2 or any(w.lower() in places for w in words):
        return None  # 'the ministry, Kharkiv Region, ...': a place or a body, not a person's name
    return m.span(1)


def _bare_speaker(np: str, lex: Lexicon) -> bool:
    """'..., said he.' / '..., said officials.' / '..., said police officials.': a pronoun, or
    lower-case words ending in a noun for people who speak, standing alone after the cue."""
    words = np.split()
    if len(words) == 1 and words[0].lower() in lex.pronouns:
        return words[0].lower() not in lex.lowered("object_pronouns") and words[0].lower() != "it"
    return words[-1].lower() in _subject_nouns(lex) and all(w.islower() for w in words)


def _inverted_source(s: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """'..., said Jane Roe.' / 'Recipients, said Mauer, are ...': the speaker stands after its cue.

    Only after a comma or a closing quote, and only a name, title or determiner phrase that is
    followed by the clause's end, so 'they claimed Montalvo left' keeps its subject.
    """
    before = s[:a].rstrip()
    cue = s[a:b].lower()
    if not before or before[-1] not in ",\"\u201d\u2019'" or cue in lex.participle_cues:
        return None
    if cue.split()[0] in lex.lowered("cues_with_addressee"):
        return None  # '..., Stu Rothenberg, an analyst, told the news site': the site is told
    np = np_after(s, b, len(s), lex, through_by=False)  # 'said the post by an unknown author'
    if np is None:
        return None
    after = s[np[1] :].lstrip()
    if after and after[0] not in ",.;!?\u2014\u2013":
        return None
    words = s[np[0] : np[1]].split()
    first = words[0].lower()
    if first in lex.pronouns and len(words) == 1:
        return np  # '"...," said he.'
    titled = (
        TITLED_NAME.fullmatch(s[np[0] : np[1]]) is not None
    )  # 'says investor and AI practitioner Kai-Fu Lee'
    if not (
        words[0][:1].isupper()
        or first in lex.determiners
        or first in lex.titles | lex.title_modifiers
        or titled
        or _bare_speaker(s[np[0] : np[1]], lex)
    ):
        return None
    return np


@lru_cache(maxsize=16)
def _heads_regex(lex: Lexicon) -> re.Pattern[str]:
    """'citing [a report from] X': the words between a secondary cue and its source."""
    return re.compile(r"\s+" + phrase_pattern(lex.words("secondary_heads")) + r"\s+")


def participle_source(
    s: str, cue_start: int, clause: tuple[int, int] | None, lex: Lexicon
) -> tuple[int, int] | None:
    """The source of '..., saying': the subject of the clause the participle hangs on, or the
    noun phrase of '..., with local media reporting' ('with many saying' names nobody)."""
    with_np = _WITH_NP.search(s, 0, cue_start)
    if with_np is not None:
        return trim_np(s, *with_np.span(1), lex)
    end = len(s[:cue_start].rstrip(" ,"))
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s, 0, end)]
    raw = (breaks[-1] if breaks else 0, end)
    for span in (clause, raw):
        if span is not None:
            subject = _main_subject(s, span, lex)
            if subject is not None:
                return subject
    if clause is not None and (
        s[clause[0]].isupper() or s[clause[0] : clause[1]].split()[0].lower() in lex.determiners
    ):
        return clause
    # 'But the actor, 31, has hit out at ..., saying': the noun phrase that opens the sentence
    first = _CLAUSE_BREAK.search(s, 0, end)
    return trim_np(s, 0, first.start() if first else end, lex) if first else None


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
    if tokens[0].group(0).lower() in lex.pronouns:
        return tokens[0].span()  # 'it referred to X as Y, adding ...': 'it'
    if len(tokens) > 2 and tokens[0].group(0).lower() in lex.determiners and tokens[1].group(0).islower():
        for k in (2, 3):  # 'The embassy declined ... and said', "The plant's owner declined ..."
            if k < len(tokens) and tokens[k].group(0).endswith("ed") and tokens[k].group(0).islower():
                end = k - 1
                while end > 1 and tokens[end].group(0).lower() in lex.lowered("subject_trailers"):
                    end -= 1  # 'The minister instead highlighted'
                return tokens[0].start(), tokens[end].end()
    i = 1 if tokens[0].group(0).lower() in lex.determiners else 0
    last = None
    unknown = 0
    for j in range(i, min(len(tokens), i + 8)):
        w = tokens[j].group(0)
        if w[:1].isupper() or w.lower().strip(",") in nouns:
            last = j
        elif last is not None:
            break
        else:
            unknown += 1
            if unknown > 2:
                return None  # no subject noun among the first words: a clause, not a subject
    if last is None or last == len(tokens) - 1:
        return None
    return a, tokens[last].start() + len(tokens[last].group(0).rstrip(",;:"))


@lru_cache(maxsize=16)
def _subject_nouns(lex: Lexicon) -> frozenset[str]:
    """Lower-case words that may end a subject: titles, organisations, groups of people."""
    return lex.titles | lex.title_modifiers | lex.org_words | lex.people_nouns | frozenset(lex.anaphor_nouns)


_QUOTE_MARK = "[\"\u201c\u201d\u00ab\u00bb\u2018\u2019']"
_MASKED_QUOTE = re.compile(rf"\s*{_QUOTE_MARK}?_{{2,}}{_QUOTE_MARK}?,?\s+")  # a masked quote, a comma


def _determiner_phrase(seg: str, lex: Lexicon) -> bool:
    """'this person' opens a subject; 'this week' is a time, like the other stop words."""
    words = seg.lower().split()
    times = lex.lowered("time_words") | lex.lowered("weekdays") | lex.lowered("months")
    return len(words) > 1 and words[0] in lex.determiners and words[1] not in times


def clause_before(s: str, cue_start: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject right before a cue: from the last clause break (or sentence start) to the cue."""
    prefix = s[:cue_start]
    # 'The agency, citing sources, said' -> skip the parenthetical back to its subject
    sec = list(lex.secondary_re.finditer(prefix))
    if sec and prefix.rstrip().endswith(","):
        comma = prefix.rfind(",", 0, sec[-1].start())
        if comma > 0 and not prefix[comma + 1 : sec[-1].start()].strip():
            prefix = prefix[:comma]
    dateline = DATELINE.match(prefix)
    first = dateline.end() if dateline else 0
    quoted = _MASKED_QUOTE.match(prefix, first)
    first = quoted.end() if quoted else first  # '"...," Rep. Maria Lopez, R-Texas, told': after the quote
    breaks = [first] + [
        m.end()
        for m in _CLAUSE_BREAK.finditer(prefix, first)
        if prefix.count("(", 0, m.start()) <= prefix.count(")", 0, m.start())
    ]
    trailer = lex.trailer_re.search(prefix.rstrip())
    core = prefix[: trailer.start()] if trailer else prefix
    named = _appositive_name(core, breaks, lex) or _name_list(core, breaks, lex)
    if named is not None:
        return named
    stops = stop_regex(lex.lang)
    end = len(prefix)
    # 'The head of police, Jane Roe, on Sunday said': step back over empty or adverbial
    # segments to the appositive that names the source
    passed_words = False  # stepped back over words, not only over empty segments
    behind_participle = False  # stepped back over a participle clause
    for k in range(len(breaks) - 1, max(len(breaks) - 4, -1), -1):
        start = breaks[k]
        opener = _time_opener(lex).match(
            prefix, start + len(prefix[start:end]) - len(prefix[start:end].lstrip()), end
        )
        if opener:
            start = opener.end()  # 'On Friday Ford Motor Company announced'
        seg = prefix[start:end]
        lead = seg.split()[0].lower() if seg.split() else ""
        participle = seg.split()[0].islower() if seg.split() else False
        participle = (
            participle
            and "-" not in lead  # 'state-owned news agency Fars': an adjective
            and (
                lead.endswith(tuple(lex.words("past_suffixes") + lex.words("participle_suffixes")))
                or lead in lex.lowered("irregular_participles")  # '..., made up of lay leaders, wrote'
            )
        )
        # 'The data, collected from 74 schools, showed': step back over a participle clause too
        subordinate = (
            (bool(stops.match(" " + seg.lstrip())) and not _determiner_phrase(seg, lex))
            or lead in lex.lowered("prepositions")
            or participle
        )
        if lead in lex.relatives and end != len(prefix) and k > 0 and not passed_words:
            end = max(start - 2, 0)  # 'The company, which employs 4,000 people, said': an aside
            continue
        # 'Tomas, who was detained in May, and promised': a lone 'and' is no words of a clause
        passed_words = passed_words or bool(seg.strip() and not lex.connective_re.fullmatch(seg.strip()))
        if lead in lex.relatives:
            np = trim_np(s, start, end, lex)  # '..., which state media said': 'state media'
            if np is None and start > 2:
                name = _NAME_BEFORE_WHO.search(prefix[:start].rstrip(" ,") + " who ")
                np = name.span(1) if name else None  # 'Devocht, who had told': 'Devocht'
            return np
        if seg.strip() and lex.trailer_re.fullmatch(" " + seg.strip()):
            end = max(start - 2, 0)  # 'The security firm Secunia.com, has said': an auxiliary alone
            continue
        if seg.strip() and (not subordinate or lex.connective_re.fullmatch(lead)):
            # not behind a participle clause: 'The wrestler has died, wrestling promotion X announced'
            np = trim_np(s, start, end, lex, verb_after_modal=not behind_participle)
            if np is None and end == len(prefix):
                np = _after_relative(s, start, end, lex)  # only right before the cue: 'what X (told)'

            if np is not None or not lex.connective_re.fullmatch(lead):
                return np
            # 'Leyts, when asked whether ..., told': no subject in the aside, step back over it
        behind_participle = behind_participle or (participle and bool(seg.strip()))
        end = max(start - 2, 0)
    return None


def _after_relative(s: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """'disruption at the border which the industry (says)', 'what U.S. officials (told Reuters)':
    the short subject after the last relative word of a clause that is no subject itself."""
    words = list(_TOKEN.finditer(s, start, end))
    for k in range(len(words) - 2, max(len(words) - 6, -1), -1):
        if words[k].group(0).lower() in lex.relatives | lex.lowered("clause_words"):
            return trim_np(s, words[k + 1].start(), end, lex)
    return None


def _appositive_name(prefix: str, breaks: list[int], lex: Lexicon) -> tuple[int, int] | None:
    """'Maria Dunn, the region's governor, said': the name, not the title after it.

    The segments between the name and the cue must all describe it (open with a determiner, a
    lower-case word or a title), save a last place name ('..., University of Arkansas,
    Fayetteville, said').
    """
    if len(breaks) < 2 or not prefix.rstrip().endswith(","):
        return None
    breaks = [x for x in breaks if x < len(prefix.rstrip())]
    segments = [(breaks[i], breaks[i + 1]) for i in range(len(breaks) - 1)]
    segments.append((breaks[-1], len(prefix)))
    segments = [(a, b) for a, b in segments if prefix[a:b].strip(" ,")]
    k = len(segments) - 1
    if k >= 2 and _is_name(prefix[segments[k][0] : segments[k][1]], lex, max_words=3):
        k -= 1  # the place that ends a description
    described = 0
    while k >= 1 and _is_description(prefix[segments[k][0] : segments[k][1]], lex):
        described += 1
        k -= 1
    if not described or k < 0:
        return None

    def described_subject(text: str) -> bool:
        """'The senator, a Republican from Ohio, said': a described subject, then what it is."""
        return _is_description(text, lex) and text.split()[0].lower() in lex.determiners

    def named(text: str) -> bool:
        """'Rep. Jim Ortega', 'the Valley Courier' (not 'R-Ky.'): a name, which names the source."""
        words = text.strip(" ,").split()
        if words and words[0].lower() in lex.determiners:
            words = words[1:]
        return bool(words) and _is_name(" ".join(words), lex) and not _PARTY_TAG.fullmatch(" ".join(words))

    after = segments[k + 1 :]
    a, b = segments[k]
    text = prefix[a:b]
    if not _is_name(text, lex):
        names = [(x, y) for x, y in after if named(prefix[x:y])]
        if names:
            # 'A regional paper, the Valley Courier, claims', "The committee's chairman, Rep. Jim
            # Ortega, R-Ky., said": the name that the descriptions around it describe
            a, b = names[0]
            text = prefix[a:b]
        elif not described_subject(text):
            if described < 2 or not described_subject(prefix[after[0][0] : after[0][1]]):
                return None
            a, b = after[0]  # 'In Kyiv, the minister, a former general, said'
            text = prefix[a:b]
    lead = len(text) - len(text.lstrip(" ,"))
    return trim_np(prefix, a + lead, a + len(text.rstrip(" ,")), lex)


def _name_list(prefix: str, breaks: list[int], lex: Lexicon) -> tuple[int, int] | None:
    """'China, Iran, and Russia have pledged': the whole list, not its last name."""
    last = prefix[breaks[-1] :].split()
    if len(breaks) < 2 or not last or last[0].lower() not in lex.conjunctions:
        return None
    k = len(breaks) - 2
    while k >= 0 and _is_name(prefix[breaks[k] : breaks[k + 1]].strip(" ,"), lex, max_words=5):
        k -= 1
    if k == len(breaks) - 2 or not _is_name(" ".join(last[1:]), lex, max_words=5):
        return None
    start = breaks[k + 1]
    return trim_np(prefix, start, len(prefix.rstrip()), lex)


def _is_name(np: str, lex: Lexicon, max_words: int = 6) -> bool:
    """'Valeska Paris', 'Professor Cres Eastman', 'K.C. Maurer': capitalised words, no time or stop."""
    words = np.strip(" ,").split()
    if not 1 <= len(words) <= max_words:
        return False
    first = words[0].lower().strip(",")
    if first in lex.not_names or first in lex.stop_words or lex.connective_re.fullmatch(first):
        return False
    return all(
        w[:1].isupper() or w.lower() in {"of", "the", "de", "van", "von", "al", "bin", "&"} for w in words
    )


_PARTY_TAG = re.compile(r"[A-Z]-[A-Z][\w.]*(?: [A-Z][\w.]*)?,?")


def _is_description(np: str, lex: Lexicon) -> bool:
    """'the region's governor', 'an Australian woman', 'curator at ...', 'Director of the study'."""
    words = np.strip(" ,").split()
    if not words or len(words) > 16:
        return False
    if words[0].lower() in lex.conjunctions and len(words) > 1:
        words = words[1:]
    first = words[0].lower()
    if first in lex.determiners or first in lex.titles or first in lex.title_modifiers:
        return True
    if _PARTY_TAG.fullmatch(" ".join(words)) or (len(words) == 1 and words[0].isdigit()):
        return True  # 'Rep. Maria Lopez, R-Texas, said', 'Biden, 81, said': a party and state, an age
    if first in lex.relatives or first in lex.lowered("prepositions"):
        return True  # 'Travis Hood, who witnessed the crash, said'; 'imaging, from the UN, suggests'
    if any(w.lower().strip(",") in lex.titles for w in words[:3]):
        return True  # 'Elisabeth Ferrell, Scottish officer for the Trust, said'
    if len(words) > 1 and words[0].endswith(("'s", "\u2019s")):
        return True  # "Rosselló's chief of staff
    return words[0][:1].islower() and first not in lex.stop_words and first not in lex.pronouns


def subject_before(s: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """Public form of the clause-subject rule, for caveats ('The outlet could not verify')."""
    return clause_before(s, pos, lex)


# --- direct quotations ------------------------------------------------------------------------
