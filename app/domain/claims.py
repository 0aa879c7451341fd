"""Claim detection: which sentences are checkable, who asserts them, hedges, figures, score.

`analyze()` is the one entry point; its `Analysis.to_json()` is the `claimdesk analyze --json`
contract that outside checks read, so its keys only ever grow.

`byline` is the author's name ("Jane Roe"); the whole byline line ("by Jane Roe") is in
`byline_span`. Offsets everywhere are indices into the analysed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from app.domain import attribution_frames, caveat_families, caveats, confidence
from app.domain.attribution import (
    Attribution,
    Said,
    anaphor_type,
    attribute,
    every_attribution,
    is_named,
    quoted_attributions,
    source_type,
    subject_before,
)
from app.domain.base_forms import base_form
from app.domain.figures import find_figures
from app.domain.language import detect, lexicon_language
from app.domain.lexicon import Lexicon, load, phrase_pattern, word_set
from app.domain.news_score import SentenceFacts, score_in_article
from app.domain.quotes import Quote, find_quotes, paragraphs, quoted_spans
from app.domain.structure import find_structure
from app.domain.text import Span, split_sentences

KINDS = ("claim", "quote", "caveat")
_NAME = r"[^\W\d_a-z][\w'\u2019\-]+"
# An anaphor ('the agency', 'she') is resolved among the latest mentions only (a long article has
# a few hundred in all): searching all of them made a 50 MB text file take hours.
_LOOKBACK = 250
# A list item's bullet or number: the sentence (and the analysis, whose claims are sentences) keeps
# it; the claim a journalist works on does not (app/services/analysis.py claim_from).
_LIST_MARKER = re.compile(r"(?:[•▪◦‣⁃●○■□►➢✓✔]|\(?\d{1,3}[.)]|\(?[a-z]\))[ \t]+")
# a sentence's subject: 'Jane Roe called', 'Raymond So, a student, helped'
_LEADING_NAME = re.compile(rf"{_NAME}(?:\s+{_NAME}){{0,3}}(?=,?\s+[^\W\d_A-Z])")


@dataclass(frozen=True, slots=True)
class DetectedClaim:
    """One checkable sentence and what the engine found in it."""

    start: int
    end: int
    text: str
    kind: str = "claim"
    source: str | None = None
    source_start: int | None = None  # offsets of `source` in the article text
    source_end: int | None = None
    cues: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    score: float = 0.0
    reasons: tuple[str, ...] = ()  # why it was flagged, in words a journalist reads
    secondary_source: str | None = None
    source_refers_to: str | None = None  # the named source an anaphor ("The agency") points to
    applies_to: tuple[int, ...] = ()  # for caveats: indices of the claims they qualify
    source_from_context: bool = False  # a quote continued from an earlier sentence keeps its speaker
    source_resolved: str | None = None  # whom the Source column names: the referent of 'he', else the span
    source_confidence: float | None = None  # how often the rule that found the source is right
    source_rule: str | None = None  # that rule ('subject', 'according_to', 'quote', ...)
    attributions: tuple[Said, ...] = ()  # every source the sentence names, its own first; article offsets

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "source": self.source,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "source_from_context": self.source_from_context,
            "cues": list(self.cues),
            "hedges": list(self.hedges),
            "figures": list(self.figures),
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "secondary_source": self.secondary_source,
            "source_refers_to": self.source_refers_to,
            "applies_to": list(self.applies_to),
            "source_resolved": self.source_resolved,
            "source_confidence": self.source_confidence,
            "source_rule": self.source_rule,
            "attributions": [self._said_json(a) for a in self.attributions],
        }

    def _said_json(self, said: Said) -> dict[str, Any]:
        def part(span: tuple[int, int] | None) -> str | None:
            if span is not None and self.start <= span[0] <= span[1] <= self.end:
                return self.text[span[0] - self.start : span[1] - self.start]
            return self.source if span is not None and span == (self.source_start, self.source_end) else None

        return {
            "source": part(said.source),
            "source_start": said.source[0],
            "source_end": said.source[1],
            "cue": part(said.cue),
            "cue_start": said.cue[0] if said.cue else None,
            "cue_end": said.cue[1] if said.cue else None,
            "rule": said.rule,
            "nested": said.nested,
            "resolved": said.resolved,
        }


@dataclass(slots=True)
class Analysis:
    """The whole analysis of one article text."""

    text: str
    title: str | None = None
    byline: str | None = None  # the author's name
    sentences: list[Span] = field(default_factory=list)
    claims: list[DetectedClaim] = field(default_factory=list)
    byline_span: Span | None = None  # the whole byline line, e.g. "by Jane Roe"
    body_end: int = 0  # where a trailing author box starts (len(text) when there is none)
    skipped: list[tuple[Span, str]] = field(default_factory=list)  # non-claim sentences and why
    facts: list[SentenceFacts] = field(default_factory=list)  # per claim: what its score was computed from
    language: str = "en"  # the article's language ("en", "uk", "ru", "other"), whose lexicon was read

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "title": self.title,
            "byline": self.byline,
            "byline_span": (
                {"start": self.byline_span.start, "end": self.byline_span.end} if self.byline_span else None
            ),
            "body_end": self.body_end,
            "text": self.text,
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "claims": [c.to_json() for c in self.claims],
            "skipped": [{"start": s.start, "end": s.end, "why": why} for s, why in self.skipped],
        }


def analyze(text: str, title: str | None = None, lang: str | None = None) -> Analysis:
    """Analyse normalised article text (see `text.normalize_text`) with the lexicon of `lang`, the
    article's language; detected from the text when not given (English rules for "other")."""
    language = lang or detect(text)
    lex = load(lang or lexicon_language(language))  # a code given is read as given (no file: no words)
    quoted = [q for p in paragraphs(text) for q in quoted_spans(text, p[0], p[1], lex)]
    sentences = merge_inside_quotes(split_sentences(text, lang=lex.lang), quoted)
    structure = find_structure(text, sentences, title, lex)
    # Ukrainian and Russian quotes are read with their attribution (attribution_frames.py)
    quotes = [] if attribution_frames.has_cues(lex) else find_quotes(text, lex.lang)
    masked = _mask(text, quoted)
    people = _person_regex(lex)
    proper = _proper_words(text)
    mentions: list[Mention] = []  # what anaphors may point to
    claims: list[DetectedClaim] = []
    facts: list[SentenceFacts] = []
    qi = 0
    for i, span in enumerate(sentences):
        if i in structure.skipped:
            continue
        while qi < len(quotes) and quotes[qi].end <= span.start:
            qi += 1
        in_sentence = []
        j = qi  # an index, not quotes[qi:]: a copy of the rest per sentence made long texts quadratic
        while j < len(quotes) and quotes[j].start < span.end:
            in_sentence.append(quotes[j])
            j += 1
        words = word_set(span.of(text))
        fact, claim = _claim(text, masked, span, words, in_sentence, lex, claims, mentions, len(claims) < 3)
        claims.append(claim)
        facts.append(fact)
        new = []
        if not lex.title_words.isdisjoint(words):
            new = [_titled_person(m) for m in people.finditer(text, span.start, span.end)]
        new += [(m.start(1), m.group(1), "who") for m in _WHO_NAME.finditer(text, span.start, span.end)]
        lead = _leading_person(text, span, claim.source, proper, lex)
        if lead:  # 'Jane Roe called...': whom 'she' may mean
            new.append((text.index(lead, span.start), lead, "mention"))
        named = claim.source is not None and is_named(claim.source, lex)
        if claim.source and claim.source_start is not None and not claim.source_from_context:
            if named:
                new.append((claim.source_start, claim.source, source_type(claim.source, lex)))
            elif claim.source_refers_to is None and (
                anaphor_type(claim.source, lex) is None or len(claim.source.split()) > 2
            ):
                # 'the regional water authority', 'the port authority' (which nothing before it
                # named): unnamed, but 'The authority' later means it
                new.append((claim.source_start, claim.source, "described"))
        mentions.extend((pos, name, kind, i) for pos, name, kind in sorted(new))
    skipped = [(sentences[i], why) for i, why in sorted(structure.skipped.items())]
    return Analysis(
        text=text,
        title=title if title is not None else structure.title,
        byline=structure.author,
        sentences=sentences,
        claims=_link_caveats(claims, facts, lex),
        byline_span=structure.byline,
        body_end=structure.body_end,
        skipped=skipped,
        facts=facts,
        language=language,
    )


def other_speakers(sentence: str, own_source: str | None, lang: str | None = None) -> list[str]:
    """The sentence's attributions beyond its own source, as the editor lists them: 'his lawyer
    (claimed)', 'I (think, inside the quotation)' with the quotation's speaker for the 'I'."""
    found = analyze(sentence, lang=lang).claims
    out: list[str] = []
    for said in found[0].attributions if found else ():
        who = sentence[said.source[0] : said.source[1]]
        if who == own_source and not said.nested:
            continue
        cue = sentence[said.cue[0] : said.cue[1]] if said.cue else ""
        name = f"{who} = {said.resolved}" if said.resolved else who
        where = ", inside the quotation" if said.nested else ""
        out.append(f"{name} ({cue}{where})" if cue else name)
    return out


def merge_inside_quotes(spans: list[Span], quoted: list[tuple[int, int, bool]]) -> list[Span]:
    """Join sentences the segmenter cut inside one closed quotation ('"No way! No one...," he said')."""
    closed = [(a, b) for a, b, ok in quoted if ok]
    out: list[Span] = []
    k = 0
    for span in spans:
        while k < len(closed) and closed[k][1] <= span.start:
            k += 1
        if out and k < len(closed) and closed[k][0] < span.start and out[-1].end > closed[k][0]:
            out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def _mask(text: str, quoted: list[tuple[int, int, bool]]) -> str:
    """The text with quoted words blanked out, so a 'said' inside a quote is no attribution cue."""
    parts: list[str] = []
    pos = 0
    for a, b, _ in quoted:
        parts.append(text[pos:a])
        parts.append(text[a] + "_" * (b - a - 2) + text[b - 1] if b - a >= 2 else text[a:b])
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def claim_start(text: str, start: int, end: int) -> int:
    """Where the claim of the sentence text[start:end] starts: after a list item's bullet or number
    ('• Berth 4 reopens in May, officials said.' claims 'Berth 4 reopens in May, officials said.')."""
    marker = _LIST_MARKER.match(text, start, end)
    return marker.end() if marker is not None and marker.end() < end else start


def _claim(
    text: str,
    masked: str,
    span: Span,
    words: frozenset[str],
    quotes: list[Quote],
    lex: Lexicon,
    earlier: list[DetectedClaim],
    mentions: list[Mention],
    lead: bool = False,
) -> tuple[SentenceFacts, DetectedClaim]:
    """Everything about one body sentence, and the facts its score was computed from."""
    s, m = span.of(text), masked[span.start : span.end]
    base = span.start
    caveat = _find_caveat(m, words, lex)
    qualifier = caveat  # a caveat is also a hedge of the sentence, whichever claim it qualifies
    if caveat and caveat.own_clause:
        # '..., a figure the agency has not confirmed': a hedge of this sentence's own claim (kept
        # in `hedges`), whose verb names no source of the claim either
        m = m[: caveat.start] + "_" * (caveat.end - caveat.start) + m[caveat.end :]
        caveat = None
    att, quoted_speech = _attribute(s, m, lex, words)
    if caveat and caveat.kind in ("active", "perfect") and any(a >= caveat.end for a, _ in att.cues):
        caveat = qualifier = None  # 'Judges could not verify claims ..., the ruling said': a fact reported
    cue_spans = set(att.cues)
    kind, source, from_context, rule = "claim", att.source, False, att.rule
    src_abs = (base + source[0], base + source[1]) if source else None
    speaking = next((q for q in quotes if q.speaker), None)
    if caveat:
        kind = "caveat"
        cue_spans.add((caveat.start, caveat.end))
        subj = _subject_before(m, caveat.start, lex)
        src_abs = (base + subj[0], base + subj[1]) if subj else None
        rule = "caveat_subject"
    elif quoted_speech and src_abs is not None:
        kind = "quote"  # '«...», — сказав він': a Ukrainian or Russian quote and its speaker
    elif speaking and speaking.speaker_start is not None and speaking.speaker_end is not None:
        kind = "quote"
        src_abs = (speaking.speaker_start, speaking.speaker_end)
        from_context = not span.start <= speaking.speaker_start < span.end
        rule = "quote_carried" if from_context else "quote"
        if speaking.cue_start is not None and span.start <= speaking.cue_start < span.end:
            assert speaking.cue_end is not None
            cue_spans.add((speaking.cue_start - base, speaking.cue_end - base))
    cues = tuple(s[a:b] for a, b in sorted(cue_spans))
    found = [] if lex.hedge_words.isdisjoint(words) else [h.span() for h in lex.hedge_re.finditer(s)]
    if qualifier is not None:
        found.append((qualifier.start, qualifier.end))
    hedges = tuple(s[a:b] for a, b in sorted(found))
    figures = tuple(s[a:b] for a, b in find_figures(s, lex.lang, words))
    source_text = text[src_abs[0] : src_abs[1]] if src_abs else None
    main_cue = (speaking.cue_start, speaking.cue_end) if kind == "quote" and speaking else None
    said = _attributions(text, m, base, (src_abs, main_cue, rule), att.cues, quotes, lex)
    refers_to = None
    if from_context:
        prior = next((c for c in reversed(earlier) if c.source == source_text), None)
        refers_to = prior.source_refers_to if prior else None
    elif source_text and src_abs:
        refers_to = _resolve(source_text, src_abs[0], mentions, lex)
    secondary = s[att.secondary[0] : att.secondary[1]] if att.secondary and kind == "claim" else None
    facts = SentenceFacts(
        text=s,
        kind=kind,
        figures=figures,
        source=source_text,
        named_source=bool(source_text and (is_named(source_text, lex) or refers_to)),
        hedges=hedges,
        quoted_share=m.count("_") / max(1, len(s)),
        lead=lead,
    )
    worth = score_in_article(facts, lex.lang)
    reasons = list(worth.reasons)
    return facts, DetectedClaim(
        start=span.start,
        end=span.end,
        text=s,
        kind=kind,
        source=source_text,
        source_start=src_abs[0] if src_abs else None,
        source_end=src_abs[1] if src_abs else None,
        cues=cues,
        hedges=hedges,
        figures=figures,
        score=max(0.0, min(1.0, worth.score)),
        reasons=tuple(dict.fromkeys(reasons)),
        secondary_source=secondary,
        source_refers_to=_named_as(refers_to, source_text, rule, lex),
        source_from_context=from_context,
        source_resolved=(
            base_form(refers_to or source_text, lex.lang, _is_subject(rule, refers_to))
            if source_text
            else None
        ),
        source_confidence=(
            confidence.of_source(rule, source_text, refers_to, lex) if source_text and rule else None
        ),
        source_rule=rule if source_text else None,
        attributions=said,
    )


def _attributions(
    text: str,
    masked: str,
    base: int,
    main: tuple[tuple[int, int] | None, tuple[int | None, int | None] | None, str | None],
    cues: tuple[tuple[int, int], ...],
    quotes: list[Quote],
    lex: Lexicon,
) -> tuple[Said, ...]:
    """Every source the sentence names, the claim's own first (`main`: its span, cue and rule),
    then the other cues' and those inside its quotations ('I think' is the quotation's speaker),
    in the article's offsets. Ukrainian and Russian sentences name the one source
    attribution_frames.py found, with its cue."""
    if attribution_frames.has_cues(lex):
        span, _, rule = main
        own_cue = (base + cues[0][0], base + cues[0][1]) if cues and rule != "caveat_subject" else None
        return (Said(span, own_cue, rule or "subject"),) if span is not None else ()
    found = [
        Said((base + x.source[0], base + x.source[1]), (base + x.cue[0], base + x.cue[1]), x.rule)
        for x in every_attribution(masked, cues, lex)
        if x.cue is not None and "_" not in masked[x.source[0] : x.source[1]]  # not a quotation's words
    ]
    span, cue, rule = main
    for run in _QUOTED_RUN.finditer(masked):  # each quotation's words, those carried over included
        start, end = base + run.start(), base + run.end()
        speaking = next((q.speaker for q in quotes if q.start < end and start < q.end and q.speaker), None)
        if speaking is None and span is not None and not start <= span[0] < end:
            speaking = text[span[0] : span[1]]  # 'The prosecutor told the court, "..."'
        for x in quoted_attributions(text, start, end, lex):
            first_person = text[x.source[0] : x.source[1]].lower() in lex.lowered("writer_pronouns")
            found.append(replace(x, resolved=speaking if first_person else None))
    if span is not None:
        own = next((x for x in found if x.source == span), None)
        known_cue = (cue[0], cue[1]) if cue and cue[0] is not None and cue[1] is not None else None
        first = own or Said(span, known_cue, rule or "subject")
        found = [first] + [x for x in found if x is not own and x.cue != first.cue]
    return tuple(found)


def _is_subject(rule: str | None, refers_to: str | None) -> bool:
    """A source that is its verb's subject (so in the nominative), not one after a frame ('за
    словами X', 'со ссылкой на X') nor a name an anaphor was resolved to."""
    return refers_to is None and rule not in ("according_to", "as_frame", None)


def _named_as(refers_to: str | None, source: str | None, rule: str | None, lex: Lexicon) -> str | None:
    """Whom the Source column names beside the words of the text: the referent of 'he', and in
    Ukrainian and Russian a source in another case in its base form ('за словами Зеленського':
    Зеленський), so that one person is one name when claims are grouped by source."""
    if not source or not attribution_frames.has_cues(lex):
        return refers_to
    named = base_form(refers_to or source, lex.lang, _is_subject(rule, refers_to))
    return named if named != source else refers_to


def _find_caveat(masked: str, words: frozenset[str], lex: Lexicon) -> caveats.Caveat | None:
    """The sentence's caveat: by stem families where the lexicon has them (uk, ru), else by the
    English-shaped families of caveats.py."""
    if attribution_frames.has_cues(lex):
        return caveat_families.find(masked, lex)
    return None if lex.caveat_words.isdisjoint(words) else caveats.find(masked, lex)


def _attribute(s: str, masked: str, lex: Lexicon, words: frozenset[str]) -> tuple[Attribution, bool]:
    """The sentence's source, and whether it is a quote found with it (uk, ru: the speech verbs
    and frames of attribution_frames.py; other languages: attribution.py, quotes apart)."""
    if attribution_frames.has_cues(lex):
        return attribution_frames.attribute(s, masked, lex)
    return attribute(s, masked, lex, words), False


def _subject_before(masked: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """Who could not verify or declined: the caveat clause's subject."""
    if attribution_frames.has_cues(lex):
        return attribution_frames.caveat_agent(masked, pos, lex)
    return subject_before(masked, pos, lex)


def _could_be_a_person(name: str, lex: Lexicon) -> bool:
    """'Jane Roe called ...' names someone 'she' may mean; 'Following the vote ...', 'Although
    ...', 'Speaking to reporters ...' and 'The ministry' do not."""
    first = name.split()[0]
    low = first.lower()
    if low in lex.not_names or low in lex.stop_words or lex.connective_re.fullmatch(low):
        return False
    if low in lex.lowered("prepositions") or low.endswith(tuple(lex.words("participle_suffixes"))):
        return False
    return source_type(name, lex) != "org"


def _resolve(source: str, at: int, mentions: list[Mention], lex: Lexicon) -> str | None:
    """The name an anaphoric source means, in full: 'Ri' is 'North Korean Foreign Minister Ri
    Yong Ho' when the article named him so before."""
    words = source.split()
    possessives: dict[str, str] = lex.data.get("possessives", {})
    if len(words) > 1 and words[0].lower() in possessives and all(w.islower() for w in words[1:]):
        # 'Her office said' after 'Cole said': Cole's office
        owner = _resolve(possessives[words[0].lower()], at, mentions, lex)
        return f"{owner}\u2019s {' '.join(words[1:])}" if owner else None
    name = _referent(source, at, mentions, lex)
    if name is None or " " in name:
        return name
    fuller = [n for p, n, _, _ in mentions[-_LOOKBACK:] if p < at and name in n.split() and n != name]
    return max(fuller, key=len, default=name)


def _referent(source: str, at: int, mentions: list[Mention], lex: Lexicon) -> str | None:
    """The latest earlier named source an anaphoric source can point to ('The ministry' -> org).

    Sentences are searched newest first and each from its start, so the subject of the sentence
    before ('Raymond So, a student, helped Professor Czeisler ...') comes before its objects."""
    need = anaphor_type(source, lex)
    if need is None:
        return None
    head = source.split()[-1].lower()
    pronoun = head in lex.pronouns
    # without a bound, an article of n sentences costs n² here
    recent = sorted(((p, n, k) for p, n, k, _ in mentions[-_LOOKBACK:]), key=_salience(mentions[-_LOOKBACK:]))
    wrong = _other_gender(head, lex)
    if wrong is not None:
        # 'he' never means '35-year-old mother Risa Kusuma', nor 'Ms. Kusuma' later on
        marked = {n.split()[-1] for p, n, _ in recent if p < at and _gender(n, lex) == wrong}
        recent = [m for m in recent if m[1].split()[-1] not in marked]
    for pos, name, kind in reversed(recent):
        if (
            not pronoun
            and pos < at
            and kind not in ("mention", "who")
            and name.split()[-1].lower() == head
            and len(name.split()) > 1
        ):
            return name  # same head noun: 'The authority' after 'the regional water authority'
    if not pronoun and head in lex.lowered("specific_anaphor_nouns"):
        # 'The army' means an army: never the last organisation named, whatever it was
        return next((n for p, n, _ in reversed(recent) if p < at and head in n.lower().split()), None)
    for pos, name, kind in reversed(recent):
        if pos >= at or kind in ("described", "who"):
            continue
        if kind == "mention":  # a person named in passing: only 'he'/'she' may mean them
            if need == "person":
                return name
            continue
        if need == "any" or kind == need:
            return name  # ('any': a bare name, 'Osei', is a person far more often than a body)
        if (
            need == "org"
            and kind == "any"
            and (name.split()[0].lower() in lex.determiners or name.endswith(("'s", "\u2019s")))
        ):
            return name  # 'The Aviation Herald', "Sainsbury's": a body, not a person
        if need == "person" and kind == "any" and _person_shaped(name, lex):
            return name  # a bare name ('Jane Roe said') may be the person 'she' means
    if need == "person":  # no one else: a name a relative clause described ('Dwi Haris, who ...')
        return next((n for p, n, k in reversed(recent) if p < at and k == "who"), None)
    return None


def _other_gender(pronoun: str, lex: Lexicon) -> str | None:
    """'he' -> 'female': the gender a pronoun cannot mean (None for 'they', 'it', 'I')."""
    genders: dict[str, str] = lex.data.get("pronoun_genders", {})
    return {"male": "female", "female": "male"}.get(genders.get(pronoun, ""))


def _gender(name: str, lex: Lexicon) -> str | None:
    """What a mention's own words say of its gender ('Ms. Roe', 'mother Risa Kusuma'), if anything."""
    words = {w.strip(".,").lower() for w in name.split()}
    male = not words.isdisjoint(lex.lowered("male_words"))
    female = not words.isdisjoint(lex.lowered("female_words"))
    return None if male == female else "male" if male else "female"


Mention = tuple[int, str, str, int]  # (offset, name, type, sentence number)
# 'including Dwi Haris, who suffered ...': a name that 'who' follows is a person 'he' may mean
_WHO_NAME = re.compile(r"(?<![\w.])([^\W\d_a-z][\w'\u2019\-]+(?:\s+[^\W\d_a-z][\w'\u2019\-]+){1,3}),\s+who\b")
_QUOTED_RUN = re.compile(r"_{8,}")  # a quotation's words as `_mask` blanks them (short ones say nothing)
_MID_SENTENCE_CAPITAL = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][,;:])) ([^\W\d_a-z][\w'\u2019\-]+)")


def _proper_words(text: str) -> frozenset[str]:
    """Capitalised words seen after another word, not opening a sentence: names. 'Zinichev'
    opening a sentence is a person 'he' may mean when the text also writes 'with Zinichev';
    'Search (and rescue)' is not."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(text))


def _salience(mentions: list[Mention]) -> Callable[[tuple[int, str, str]], tuple[int, bool, int]]:
    """Sort key putting the most salient mention last: a later sentence, then a source of it (the
    one who spoke), then earlier in it (its subject before its objects)."""
    sentence = {pos: number for pos, _, _, number in mentions}
    return lambda m: (sentence[m[0]], m[2] not in ("mention", "who"), -m[0])


def _person_shaped(name: str, lex: Lexicon) -> bool:
    """'Jane Roe', 'Olympic diver Tom Daley': a short name, or a description ending in one; not a
    list ('Smith and Jones') nor a long body ('United Nations General Assembly')."""
    words = name.split()
    if set(name.lower().split()) & lex.conjunctions or words[0].lower() in lex.lowered("np_openers"):
        return False  # 'Smith and Jones', 'The Treasury': not one person
    if len(words) <= 3:
        return True
    return len(words) <= 6 and words[-1][:1].isupper() and words[-2][:1].isupper() and words[-3][:1].islower()


@lru_cache(maxsize=16)
def _person_regex(lex: Lexicon) -> re.Pattern[str]:
    """'Regional governor Jane Roe': a title word, then capitalised names; a person anaphors may mean."""
    titles = phrase_pattern(lex.words("titles"))
    mods = phrase_pattern(lex.words("title_modifiers"))
    name = r"[^\W\d_a-z][\w'\u2019\-]+"
    return re.compile(rf"(?<!\w)(?:{mods}\s+)*{titles},?\s+{name}(?:\s+{name}){{0,3}}")


def _titled_person(m: re.Match[str]) -> tuple[int, str, str]:
    """A mention from `_person_regex`: 'Regional governor Jane Roe', or only 'Sarah Sanders' of
    'press secretary, Sarah Sanders' (a title in apposition is no part of the name)."""
    comma = m.group(0).find(",")
    if comma < 0:
        return m.start(), m.group(0), "mention"
    name = m.group(0)[comma + 1 :].lstrip()
    return m.end() - len(name), name, "mention"


def _leading_person(
    text: str, span: Span, source: str | None, proper: frozenset[str], lex: Lexicon
) -> str | None:
    """The name opening a sentence, when it may be a person 'he' or 'she' later means: not a
    possessive ("Trump's press secretary"), not the start of the sentence's own source ('Olympic
    diver Tom Daley says'), not a topic the writer's aside follows ('Democrats, he said, are'),
    and a one-word name only when the text also writes it mid-sentence (not 'Search and rescue')."""
    start = span.start
    opener = _LEADING_NAME.match(text, start, span.end)
    comma = text.find(", ", start, min(span.end, start + 80))
    if (opener is None or not _could_be_a_person(opener.group(0), lex)) and comma > 0:
        start = comma + 2  # 'Following practice this week, James was asked': the subject after the opener
    subject = _LEADING_NAME.match(text, start, span.end)
    if subject is None:
        return None
    lead = subject.group(0)
    if lead.endswith(("'s", "\u2019s")) or (source and source != lead and source.startswith(lead)):
        return None
    after = text[subject.end() : subject.end() + 40].lstrip(",").split()
    if text[subject.end()] == "," and after and after[0].lower() in lex.pronouns:
        return None
    if not _could_be_a_person(lead, lex) or (" " not in lead and lead not in proper):
        return None
    return lead


def _link_caveats(
    claims: list[DetectedClaim], facts: list[SentenceFacts], lex: Lexicon
) -> list[DetectedClaim]:
    """Each caveat qualifies the claims it shares figures, topic words or a party with
    (caveats.link); a claim a caveat qualifies is scored as one the article could not verify."""
    items = [
        caveats.Linkable(
            c.text, c.kind == "caveat", c.figures, c.source, bool(c.source or c.hedges or c.kind == "quote")
        )
        for c in claims
    ]
    out = list(claims)
    unverified: set[int] = set()
    for i, targets in enumerate(caveats.link(items, lex)):
        if targets:
            out[i] = replace(out[i], applies_to=targets)
            unverified.update(targets)
    for j in sorted(unverified):
        worth = score_in_article(replace(facts[j], unverified=True), lex.lang)
        out[j] = replace(out[j], score=worth.score, reasons=worth.reasons)
        facts[j] = replace(facts[j], unverified=True)
    return out
