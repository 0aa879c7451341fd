"""Caveats: where an article says a claim could not be verified, or a party gave no answer.

A caveat is found as a family, not as a list of phrases: the lexicon gives the parts ('could
not', 'independently', 'verify'; 'has not been', 'confirmed'; 'did not', 'respond'; fixed
phrases such as 'declined to comment') and `lexicon.py` composes them. What follows a match
decides the rest: 'could not verify his identity' is a fact of the story, not a caveat about a
claim; 'did not respond to treatment' is no missing answer.

`link` ties each caveat to the claims it qualifies by what they share (figures, topic words,
the party named), before or after it, and falls back on the claim just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.domain.lexicon import Lexicon

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|$)")
# How far a caveat looks for the claims it qualifies, in sentences either side.
_WINDOW = 8


@dataclass(frozen=True, slots=True)
class Caveat:
    """A caveat phrase in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    kind: str  # the lexicon's group: active, perfect, passive, negsubj, reply or phrase
    own_clause: (
        bool  # a clause qualifying its own sentence's claim ('..., a figure that could not be verified')
    )


def find(masked: str, lex: Lexicon) -> Caveat | None:
    """The first caveat in a sentence whose quotes are masked out, or None."""
    for m in lex.caveat_re.finditer(masked):
        if _accepted(masked, m, lex):
            return Caveat(m.start(), m.end(), m.lastgroup or "phrase", _own_clause(masked, m.start(), lex))
    return None


def _accepted(s: str, m: re.Match[str], lex: Lexicon) -> bool:
    after = s[m.end() :]
    if m.lastgroup == "reply":
        # 'did not respond.' / '... to a request for comment' / '... by publication time'
        if _CLAUSE_END.match(after):
            return True
        words = [w.lower() for w in _WORD.findall(after[:60]) if w.lower() not in lex.determiners][:4]
        requests = lex.lowered("caveat_request_nouns")
        if words and words[0] in requests:
            return True  # 'did not return calls'
        if not words or words[0] not in ("to", "by", "on", "for", "immediately"):
            return False
        if words[0] != "to":
            return True
        return any(w in requests for w in words[1:4])
    if m.lastgroup in ("negsubj", "negreply"):
        clause = re.split(r"[,;:]\s", s[: m.start()])[-1]
        negated = not {w.lower() for w in _WORD.findall(clause)}.isdisjoint(
            lex.lowered("caveat_negative_subjects")
        )
        if m.lastgroup == "negsubj" or not negated:
            return negated
        # 'Neither the ministry nor the army responded to requests for comment', not '... responded
        # to the ruling with requests for a retrial': the request is what they left unanswered
        words = [w.lower() for w in _WORD.findall(after[:60]) if w.lower() not in lex.determiners][:3]
        stop = next((i for i, w in enumerate(words) if w in lex.lowered("caveat_reply_breaks")), len(words))
        return any(w in lex.lowered("caveat_request_nouns") for w in words[:stop])
    if m.lastgroup in ("active", "perfect"):
        # 'could not verify the claim' / '... whether' / '... it' / end of clause: about a claim;
        # whatever the object when the outlet speaks ('We could not verify her medical history')
        if _CLAUSE_END.match(after) or _outlet_subject(s[: m.start()], lex):
            return True
        words = [w.lower() for w in _WORD.findall(after[:80])][:4]
        objects = lex.lowered("caveat_claim_objects")
        if words and words[0] in lex.relatives | lex.lowered("caveat_clause_words"):
            return True  # 'verify that a transfer took place', 'confirm when the video was filmed'
        if words and words[0] in lex.determiners:
            return any(w in objects and w not in lex.determiners for w in words[1:4])
        return bool(words) and words[0] in objects
    return True


def _outlet_subject(head: str, lex: Lexicon) -> bool:
    """'We', 'It', 'This newspaper', 'Reuters', 'The Associated Press': the reporting side speaks,
    not an actor of the story ('The court', 'Police')."""
    clause = re.split(r"[,;:]\s", head)[-1].strip()
    words = clause.split()
    if not words:
        return False
    if clause.lower() in lex.lowered("caveat_outlet_subjects"):
        return True
    named = [w for w in words if w.lower() not in lex.determiners]
    if len(named) == 1 and named[0].lower() in lex.people_nouns | lex.org_words:
        return False  # 'Police': a party to the story
    return bool(named) and all(w[:1].isupper() for w in named) and len(named) <= 4


def _own_clause(s: str, pos: int, lex: Lexicon) -> bool:
    """'..., a figure that could not be verified.' (a trailing clause) or 'Though the figures
    could not be verified, the ministry said ...' (a lead-in): the caveat qualifies its own
    sentence, whose claim stays the sentence's kind."""
    head = s[:pos]
    breaks = [m.end() for m in re.finditer(r"[,;:\u2014\u2013]\s", head)]
    if breaks:
        words = head[breaks[-1] :].split()
        if words and words[0].lower() in lex.caveat_openers:
            return True
    first = head.split()[:1]
    lead_ins = lex.lowered("caveat_lead_ins")
    if first and first[0].lower().strip(",") in lead_ins:
        return True
    rest = s[pos:]
    contrast = "|".join(re.escape(w) for w in sorted(lex.lowered("caveat_contrasts"), key=len, reverse=True))
    return bool(contrast) and bool(re.search(rf",\s+(?:{contrast})\s+\S", rest[:200]))


# --- which claims a caveat qualifies ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Linkable:
    """What `link` needs to know of each sentence."""

    text: str
    is_caveat: bool
    figures: tuple[str, ...]
    source: str | None
    relayed: bool  # attributed, hedged or quoted: the kind of claim a caveat is about


def link(items: Sequence[Linkable], lex: Lexicon) -> list[tuple[int, ...]]:
    """For each sentence, the indices of the claims it qualifies (empty for non-caveats)."""
    if not any(it.is_caveat for it in items):
        return [() for _ in items]
    near = {j for i, it in enumerate(items) if it.is_caveat for j in range(i - _WINDOW, i + _WINDOW + 1)}
    keys = [_weighted_keywords(it.text, lex, it.is_caveat) if i in near else {} for i, it in enumerate(items)]
    out: list[tuple[int, ...]] = []
    for i, it in enumerate(items):
        if not it.is_caveat:
            out.append(())
            continue
        scored: list[tuple[float, int]] = []
        for j in range(max(0, i - _WINDOW), min(len(items), i + _WINDOW + 1)):
            if j == i or items[j].is_caveat:
                continue
            score = _shared(it, items[j], keys[i], keys[j])
            if score > 0:
                scored.append((score - 0.05 * abs(i - j) - (0.3 if j > i else 0.0), j))
        picked = _pick(scored, it.text, lex)
        if not picked:
            picked = _fallback(items, i)
        out.append(tuple(sorted(picked)))
    return out


def _stem(word: str, lex: Lexicon) -> str:
    """A crude stem ('striking' and 'strike', 'wages' and 'wage' meet), cut to six letters."""
    for suffix in _suffixes(lex):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


@lru_cache(maxsize=16)
def _suffixes(lex: Lexicon) -> tuple[str, ...]:
    return tuple(lex.words("stem_suffixes"))


def _weighted_keywords(text: str, lex: Lexicon, caveat: bool) -> dict[str, float]:
    """Topic word stems with their weight. In a caveat, the words after 'on' / 'about' (what the
    party did not answer on) weigh double and the words naming the party before the caveat half."""
    stop = lex.lowered("np_stops") | lex.determiners | lex.auxiliaries | lex.lowered("caveat_generic_words")
    stop |= (
        lex.lowered("caveat_verbs") | lex.lowered("caveat_participles") | lex.lowered("caveat_reply_verbs")
    )
    stop |= lex.cue_words | lex.lowered("caveat_adverbs") | lex.lowered("caveat_clause_words")
    topic_at = len(text)
    phrase_at = phrase_end = len(text)
    if caveat:
        m = lex.caveat_re.search(text)
        if m:
            phrase_at, phrase_end = m.start(), m.end()
            markers = lex.lowered("caveat_topic_markers")
            for w in _WORD.finditer(text, m.end()):
                if w.group(0).lower() in markers:
                    topic_at = w.end()
                    break
    out: dict[str, float] = {}
    for w in _WORD.finditer(text):
        low = w.group(0).lower().replace("\u2019", "'").removesuffix("'s").rstrip("'")
        if len(low) < 4 or low in stop or phrase_at <= w.start() < phrase_end:
            continue  # the caveat's own words ('declined to', 'refused to') are no topic
        weight = 2.0 if w.start() >= topic_at else 0.5 if w.start() < phrase_at and caveat else 1.0
        stem = _stem(low, lex)
        out[stem] = max(out.get(stem, 0.0), weight)
    return out


def _shared(caveat: Linkable, claim: Linkable, ck: dict[str, float], k: dict[str, float]) -> float:
    """How much a caveat and a claim share: figures most, then topic words, then the party named."""
    score = 0.0
    digits = {re.sub(r"\D", "", f) for f in claim.figures} - {""}
    caveat_digits = {re.sub(r"\D", "", d) for d in re.findall(r"\d[\d,.]*", caveat.text)} - {""}
    if digits & caveat_digits:
        score += 3.0
    common = ck.keys() & k.keys()
    score += sum(ck[w] for w in common)
    if claim.relayed and common:
        score += 1.0
    return score


def _speaks_of_several(text: str, lex: Lexicon) -> bool:
    """'either account', 'Neither side's claims': the caveat is about more than one claim."""
    return not {w.lower() for w in _WORD.findall(text)}.isdisjoint(lex.lowered("caveat_plural_markers"))


def _pick(scored: list[tuple[float, int]], text: str, lex: Lexicon) -> list[int]:
    """The best-sharing claim, and others nearly as good when the caveat speaks of several."""
    if not scored:
        return []
    scored.sort(reverse=True)
    best = scored[0][0]
    if best < 1.0:
        return []
    if _speaks_of_several(text, lex):
        return [j for score, j in scored if score >= 0.5 * best][:3]
    return [scored[0][1]]


def _fallback(items: Sequence[Linkable], i: int) -> list[int]:
    """Nothing shared: the relayed claims right before the caveat, else the sentence before it,
    else the one after (a caveat opening the article)."""
    targets = []
    for j in range(i - 1, -1, -1):
        if items[j].is_caveat or not items[j].relayed:
            break
        targets.append(j)
    if targets:
        return targets  # the run of relayed claims the caveat closes (a quoted exchange, say)
    if i > 0 and not items[i - 1].is_caveat:
        return [i - 1]
    if i + 1 < len(items) and not items[i + 1].is_caveat:
        return [i + 1]
    return []
