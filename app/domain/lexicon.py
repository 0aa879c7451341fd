"""Load a language's lexicon (lexicons/<lang>.json) and compile it once into regexes.

The engine's code knows no words of any language: every cue, hedge, unit or month comes from
here, so adding a language means adding a JSON file. A language without a file gets an empty
lexicon and the engine falls back on its structural rules (quote marks, capitalised names).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
_NEVER = re.compile(r"(?!x)x")  # matches nothing: the compiled form of an empty list
_WORD = re.compile(r"\w+")


def phrase_pattern(phrases: Iterable[str], cased: bool = False) -> str:
    """An alternation of literal phrases as a trie (fast to fail), longer matches tried first.

    Spaces inside a phrase match any whitespace run. Python's regex engine tries alternatives
    one by one, so a flat list of 200 cues costs 200 tests per position; the trie costs one.
    Unless `cased`, each phrase also matches in lower case and with a capital first letter:
    listing those forms is 2-3 times faster than re.IGNORECASE, which slows every position.
    """
    forms = set()
    for p in phrases:
        p = " ".join(p.split())
        forms.add(p)
        if not cased and p:
            forms.update((p.lower(), p[0].upper() + p[1:], p[0].upper() + p[1:].lower()))
    unique = {p for p in forms if p}
    if not unique:
        return r"(?!x)x"
    trie: dict[str, Any] = {}
    for p in unique:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


def phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Phrases as one regex that only matches whole words (no letter or digit either side)."""
    pattern = phrase_pattern(phrases)
    if pattern == r"(?!x)x":
        return _NEVER
    return re.compile(r"(?<!\w)" + pattern + r"(?!\w)")


def word_set(s: str) -> frozenset[str]:
    """The lowercased words of a string: a cheap test of whether a lexicon regex can match at all."""
    return frozenset(_WORD.findall(s.lower()))


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """First words of phrases, as `word_set` would see them."""
    out: set[str] = set()
    for p in phrases:
        words = _WORD.findall(p.lower())
        if words:
            out.add(words[0])
    return frozenset(out)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's word lists, with the regexes the engine matches them by."""

    lang: str
    data: dict[str, Any]
    cue_re: re.Pattern[str]
    cue_words: frozenset[str]
    free_cues: frozenset[str]
    source_after_cues: frozenset[str]
    secondary_re: re.Pattern[str]
    hedge_re: re.Pattern[str]
    hedge_words: frozenset[str]
    caveat_re: re.Pattern[str]
    caveat_words: frozenset[str]
    report_subject_re: re.Pattern[str]
    connective_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    closing_credit_re: re.Pattern[str]  # a credit line that ends the story ('Reporting by ...')
    caveat_openers: frozenset[str]  # 'a figure X has not confirmed': a hedge clause, not a caveat
    participle_cues: frozenset[str]  # 'X did Y, saying ...': the source is the main clause's subject
    people_nouns: frozenset[str]  # plural nouns for groups of people ('residents', 'workers')
    byline_re: re.Pattern[str]
    determiners: frozenset[str]
    conjunctions: frozenset[str]
    stop_words: frozenset[str]  # words that end a noun phrase ('on', 'when', 'after')
    negations: frozenset[str]  # 'not', 'never': a cue after one is denied ('have not said')
    relatives: frozenset[str]  # 'who', 'which': a subject never ends with one
    noun_cues: frozenset[str]  # cue words that are also nouns ('claims', 'reports')
    noun_only_markers: frozenset[str]  # 'official', 'media': before a cue, a noun only if it can be one
    auxiliaries: frozenset[str]
    noun_markers: frozenset[str]
    trailer_re: re.Pattern[str]
    pronouns: dict[str, str]
    anaphor_nouns: dict[str, str]
    anaphor_determiners: frozenset[str]
    org_words: frozenset[str]
    titles: frozenset[str]
    long_titles: tuple[str, ...]  # titles of several words ('prime minister')
    title_words: frozenset[str]  # first words of titles and their modifiers
    not_names: frozenset[str]  # determiners and pronouns: never the start of a name
    title_modifiers: frozenset[str]
    role_line_words: frozenset[str]
    count_stopwords: frozenset[str]
    caption_starts: tuple[str, ...]
    interview_re: re.Pattern[str]
    quote_pairs: tuple[tuple[str, str], ...]
    single_quotes: dict[str, str]  # opening single quote mark -> its closing mark (apostrophes too)

    def words(self, key: str) -> list[str]:
        """A raw list from the data file ([] when the language lacks it)."""
        value = self.data.get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    def lowered(self, key: str) -> frozenset[str]:
        """A list from the data file as a lower-case set, made once: for `in` tests on hot paths."""
        return _lowered(self, key)


@lru_cache(maxsize=1024)
def _lowered(lex: Lexicon, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.words(key))


def _lower_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _expand(phrases: list[str], platforms: list[str]) -> list[str]:
    """Expand the '{platform}' placeholder so the data file stays short."""
    out: list[str] = []
    for p in phrases:
        out.extend(p.replace("{platform}", x) for x in platforms) if "{platform}" in p else out.append(p)
    return out


DEFAULT_QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("\u00ab", "\u00bb"),
    ("\u201e", "\u201c"),
)


def _with_curly_apostrophes(phrases: list[str]) -> list[str]:
    """ "couldn't" also as "couldn’t": texts use both."""
    return phrases + [p.replace("'", "\u2019") for p in phrases if "'" in p]


# Caveat families: (group name, the words that open it, the verb forms that close it).
_CAVEAT_FAMILIES = (
    ("active", "caveat_unable", "caveat_verbs"),
    ("perfect", "caveat_perfect", "caveat_participles"),
    ("passive", "caveat_passive", "caveat_participles"),
    ("negsubj", "caveat_plain_passive", "caveat_participles"),
    ("reply", "caveat_no_reply", "caveat_reply_verbs"),
    ("negreply", "caveat_reply_past", "caveat_reply_links"),
)


def _caveat_regex(words: Any) -> tuple[re.Pattern[str], frozenset[str]]:
    """A caveat family as one regex: 'could not (independently) verify', 'has not been verified',
    'did not (immediately) respond', and fixed phrases ('declined to comment'), each a named group
    so `caveats.py` can check what follows. The words come from the data file, the shape from here.
    """

    def part(key: str) -> str:
        return phrase_pattern(_with_curly_apostrophes(words(key)))

    adverbs = rf"(?:(?:{part('caveat_adverbs')})\s+){{0,2}}"
    groups = [
        # 'Neither account could be verified' (negsubj) and 'Neither firm responded to requests for
        # comment' (negreply) are negated by their subject, checked in caveats.py
        rf"(?P<{name}>(?:{part(head)})\s+{adverbs}(?:{part(tail)}))"
        for name, head, tail in _CAVEAT_FAMILIES
        if words(head) and words(tail)
    ]
    if words("caveat_phrases"):
        groups.append(rf"(?P<phrase>{part('caveat_phrases')})")
    if not groups:
        return _NEVER, frozenset()
    starts = first_words(
        _with_curly_apostrophes(
            words("caveat_unable")
            + words("caveat_perfect")
            + words("caveat_passive")
            + words("caveat_plain_passive")
            + words("caveat_no_reply")
            + words("caveat_reply_past")
            + words("caveat_phrases")
        )
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)"), starts


@lru_cache(maxsize=16)
def load(lang: str = "en") -> Lexicon:
    """The lexicon of `lang`, compiled once per process; an empty one when no file exists."""
    path = LEXICON_DIR / f"{lang}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def words(key: str) -> list[str]:
        value = data.get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    def mapping(key: str) -> dict[str, str]:
        value = data.get(key, {})
        return {str(k).lower(): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    platforms = words("platforms")
    cues = _expand(words("cues") + words("free_cues"), platforms)
    links = phrase_pattern(words("report_links"))
    subjects = phrase_pattern(words("report_subjects"))
    connectives = phrase_pattern(words("connectives"))
    report_subject_re = (
        re.compile(rf"^(?:{connectives},?\s+)?({subjects})(?=\s+{links}(?!\w))")
        if words("report_subjects")
        else _NEVER
    )
    caveat_re, caveat_words = _caveat_regex(words)
    interview = data.get("interview_marker")
    pairs = data.get("quote_pairs")
    return Lexicon(
        lang=lang,
        data=data,
        cue_re=phrase_regex(cues),
        cue_words=first_words(cues),
        free_cues=_lower_set(_expand(words("free_cues"), platforms)),
        source_after_cues=_lower_set(words("source_after_cues")),
        secondary_re=phrase_regex(words("secondary_cues")),
        hedge_re=phrase_regex(words("hedges")),
        hedge_words=first_words(words("hedges")),
        caveat_re=caveat_re,
        caveat_words=caveat_words,
        report_subject_re=report_subject_re,
        connective_re=(re.compile(rf"(?:{connectives})(?!\w),?\s*") if words("connectives") else _NEVER),
        credit_re=(
            re.compile(r"^\W{0,3}" + phrase_pattern(words("credit_markers")))
            if words("credit_markers")
            else _NEVER
        ),
        closing_credit_re=(
            re.compile(
                r"^\W{0,3}"
                + phrase_pattern(words("closing_credits"))
                + r"(?!\w)|(?<!\w)(?:"
                + phrase_pattern([w for w in words("closing_credits") if not w.endswith(" by")])
                + r")(?!\w)"
            )
            if words("closing_credits")
            else _NEVER
        ),
        caveat_openers=_lower_set(words("caveat_clause_openers")),
        participle_cues=_lower_set(words("participle_cues")),
        people_nouns=_lower_set(words("people_nouns")),
        byline_re=(
            re.compile(r"^\s*" + phrase_pattern(words("byline_prefixes")) + r"\s+(?=\S)")
            if words("byline_prefixes")
            else _NEVER
        ),
        determiners=_lower_set(words("determiners")),
        conjunctions=_lower_set(words("conjunctions")),
        stop_words=_lower_set(words("np_stops"))
        | _lower_set(words("weekdays"))
        | _lower_set(words("months")),
        negations=_lower_set(words("negations")),
        relatives=_lower_set(words("relatives")),
        noun_cues=_lower_set(words("noun_cues")),
        noun_only_markers=_lower_set(words("noun_only_markers")),
        auxiliaries=_lower_set(words("auxiliaries")),
        noun_markers=_lower_set(words("noun_markers")),
        trailer_re=(
            re.compile(r"(?:\s+" + phrase_pattern(words("subject_trailers")) + r")+$")
            if words("subject_trailers")
            else _NEVER
        ),
        pronouns=mapping("pronouns"),
        anaphor_nouns=mapping("anaphor_nouns"),
        anaphor_determiners=_lower_set(words("anaphor_determiners")),
        org_words=_lower_set(words("org_words")),
        titles=_lower_set(words("titles")),
        long_titles=tuple(t.lower() for t in words("titles") if " " in t),
        title_words=first_words(words("titles") + words("title_modifiers")),
        not_names=_lower_set(words("determiners")) | frozenset(mapping("pronouns")),
        title_modifiers=_lower_set(words("title_modifiers")),
        role_line_words=_lower_set(words("role_line_words")),
        count_stopwords=_lower_set(words("count_stopwords")),
        caption_starts=tuple(words("caption_starts")),
        interview_re=re.compile(str(interview)) if isinstance(interview, str) else _NEVER,
        single_quotes={str(a): str(b) for a, b in data.get("single_quote_pairs", [])},
        quote_pairs=(
            tuple((str(a), str(b)) for a, b in pairs) if isinstance(pairs, list) else DEFAULT_QUOTE_PAIRS
        ),
    )
