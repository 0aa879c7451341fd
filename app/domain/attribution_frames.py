"""Who asserts a sentence in Ukrainian and Russian: speech verbs and reporting frames.

Both languages mark the source by a small set of shapes, which this module reads with words
from the language's lexicon (`lexicons/uk.json`, `ru.json`), so the code knows no word of either:

- a frame before the source: "за словами X", "за даними X", "згідно з X"; "по словам X",
  "по данным X" (`source_frames`); a pronoun inside one: "за його словами" (`pronoun_frames`);
- "як"/"как" and a speech verb before it: "як повідомляє X", "как заявили в X" (`as_words`);
- a speech verb in any gender, number or tense (`speech_verbs`: stem -> endings) after its
  subject ("Зеленський заявив, що ..."), after an apposition or relative clause that separates
  them ("Греція, яка ..., стверджує"), or before it, inverted ("..., — сказав він.", "Про це
  повідомили в поліції", "заявил в понедельник Песков");
- a participle ("..., зазначивши, що"): the subject of the clause it hangs on; "X <verb>: «...»";
- "з посиланням на X" / "со ссылкой на X" (`citing_frames`): X only when no one else speaks.

A verb after a negation ("не заявив") asserts nothing; an outlet that relays ("Як повідомляє
Variety, ...") or a subordinate clause ("до того, як Форд дала свідчення") gives way to a speaker
of the main clause. Which words may be a subject (a noun in the nominative, a name) and which are
verbs, pymorphy3 says (base_forms.word_kind). A sentence whose cue sits against a quotation
(«...», — сказав він; він сказав: «...») or that opens with a dialogue dash is a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.domain.attribution import Attribution
from app.domain.base_forms import word_kind
from app.domain.lexicon import Lexicon, phrase_pattern, phrase_regex

_WORD = re.compile(r"[^\W_][\w'\u2019\u02bc\-]*(?:\.(?=\w)[\w'\u2019\u02bc\-]+)*")
# clause breaks a subject never crosses: punctuation, a spaced dash, a quotation's closing mark
_BREAK = re.compile(r"[,;:!?](?=\s|$)|\s[\u2014\u2013-](?=\s)|^[\u2014\u2013-](?=\s)|[\u00bb\u201c\u201d\"]")
# a clause break ahead ends the source after a cue
_STOP = re.compile(r"[,;:.!?()\u00ab\u00bb\u201e\u201c\u201d\"]|\s[\u2014\u2013-]\s")
# 'КИЇВ, 3 березня —', 'МОСКВА, 5 марта (Рейтер) -': a wire dateline before the first clause
_DATELINE = re.compile(
    r"^\s*[^\W\d_a-z\u0430-\u044f\u0450-\u045f][^\W\d_a-z\u0430-\u044f\u0450-\u045f'\u2019.\-]+"
    r"(?:\s+[^\W\d_a-z\u0430-\u044f\u0450-\u045f'\u2019.\-]{2,}){0,2}"
    r"(?:,\s*\d{1,2}\s+[^\W\d_]+(?:\s+\d{4})?)?\s*(?:\([^()]{1,40}\))?\s*[\u2014\u2013-]\s+"
)
_QUOTE_NEAR = re.compile(r"[\u00bb\u201c\u201d\"]\s*,?\s*[\u2014\u2013-]?\s*$")
_QUOTE_AFTER = re.compile(r"\s*:\s*[\u00ab\u201e\u201c\"]")
_DIALOGUE = re.compile(r"\s*[\u2014\u2013-]\s")
_MAX_WORDS = 14
_COLON_QUOTE = re.compile(r"([^\W\d_]+)\s*:\s*[\u00ab\u201e\u201c\"]")  # 'X продовжував: «'
_TAIL_END = re.compile(r"[.;:!?\u00ab\u201e](?=\s|$|\w)|\s[\u2014\u2013-]\s")
_COMMA = re.compile(r",\s")
# an initial: capital letters, each with its period ('О.', 'А.С.'), before a capitalised word
_INITIAL = re.compile(r"(?:[^\W\d_]\.)+[^\S\n]*(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class _Words:
    """One language's compiled word lists."""

    verbs: re.Pattern[str]
    frames: re.Pattern[str]
    openers: re.Pattern[str]
    as_words: frozenset[str]
    frame_preps: frozenset[str]
    preps: frozenset[str]
    stops: frozenset[str]
    adverbs: frozenset[str]
    negations: frozenset[str]
    relatives: frozenset[str]
    weak: frozenset[str]
    participles: re.Pattern[str]
    pronoun_frames: dict[str, str]  # 'за його словами' -> 'його': the source inside the frame
    appositions: frozenset[str]  # 'в тому числі', 'яка': a segment that adds to the subject before it
    subordinators: frozenset[str]  # 'як', 'коли', 'якщо': a clause that is not the sentence's main one
    citing: re.Pattern[str]  # 'з посиланням на X': X is relayed by the clause's subject, if it has one


@lru_cache(maxsize=8)
def _words(lex: Lexicon) -> _Words:
    raw = lex.data.get("speech_verbs", {})
    forms = [stem + end for stem, ends in raw.items() for end in ends] if isinstance(raw, dict) else []
    openers = phrase_pattern(lex.words("subject_openers"))
    return _Words(
        verbs=phrase_regex(forms),
        frames=phrase_regex(lex.words("source_frames")),
        openers=re.compile(rf"(?:{openers})(?!\w),?\s*"),
        as_words=lex.lowered("as_words"),
        frame_preps=lex.lowered("frame_prepositions"),
        preps=lex.lowered("prepositions"),
        stops=lex.lowered("source_stops"),
        adverbs=lex.lowered("verb_adverbs"),
        negations=lex.lowered("negation_words"),
        relatives=lex.lowered("relative_words"),
        weak=lex.lowered("weak_sources"),
        participles=phrase_regex(lex.words("participle_cues")),
        pronoun_frames={str(k).lower(): str(v) for k, v in dict(lex.data.get("pronoun_frames", {})).items()},
        appositions=lex.lowered("apposition_openers"),
        subordinators=lex.lowered("subordinators"),
        citing=phrase_regex(lex.words("citing_frames")),
    )


def has_cues(lex: Lexicon) -> bool:
    """Whether the language's lexicon has the words this module reads."""
    return bool(lex.data.get("speech_verbs"))


def attribute(sentence: str, masked: str, lex: Lexicon) -> tuple[Attribution, bool]:
    """The source of one sentence (offsets within it) and whether the sentence is a quote.

    The first cue that names a source wins, with two exceptions: an outlet that relays ('Як
    повідомляє Variety, ...') and a subordinate clause ('Ще до того, як Форд дала свідчення, ...')
    give way to a speaker in the main clause."""
    w = _words(lex)
    dateline = _DATELINE.match(masked)
    base = dateline.end() if dateline else 0
    frame = _frame(masked, base, w)
    fallback: Attribution | None = None
    for vm in w.verbs.finditer(masked, base):
        if frame is not None and vm.start() > frame.cues[0][0]:
            break
        before = masked[base : vm.start()].split()
        if before and before[-1].lower() in w.negations:
            continue  # 'не заявив': nothing asserted
        cue = ((vm.start(), vm.end()),)
        quote = _is_quote(masked, vm.start(), vm.end(), base)
        if before and before[-1].lower() in w.as_words:  # 'як повідомляє X', 'как заявили в X'
            found = _np_after(masked, vm.end(), w, frame=True)
            if found and fallback is None:
                fallback = Attribution(found, cue, rule="as_frame")
            continue
        found, rule = _source_of_verb(masked, base, vm.start(), vm.end(), w, lex.lang)
        if not found:
            continue
        att = Attribution(found, cue, rule="quote" if quote else rule)
        if _subordinate(masked, base, vm.start(), w):
            fallback = fallback or att
            continue
        return att, quote
    if frame is not None:
        return frame, False
    if fallback is not None:
        return fallback, False
    for cm in w.citing.finditer(masked, base):  # 'з посиланням на джерела': only when no one speaks
        found = _np_after(masked, cm.end(), w, frame=True)
        if found:
            return Attribution(found, ((cm.start(), cm.end()),), rule="according_to"), False
    colon = _COLON_QUOTE.search(masked, base)
    if colon and word_kind(colon.group(1), lex.lang) == "verb":  # 'Вест продовжував: "..."'
        found, _ = _subject(masked, base, colon.start(1), w, lex.lang)
        if found:
            return Attribution(found, ((colon.start(1), colon.end(1)),), rule="quote"), True
    for pm in w.participles.finditer(masked, base):  # 'він порівняв ..., зазначивши, що'
        found = _main_subject(masked, base, pm.start(), w, lex.lang)
        if found:
            return Attribution(found, ((pm.start(), pm.end()),), rule="participle"), False
    return Attribution(None, ()), False


def _frame(s: str, base: int, w: _Words) -> Attribution | None:
    """'за словами X', 'по данным X' (the source after the frame), 'за його словами' (inside it)."""
    lowered = s.lower()
    for frame, pronoun in w.pronoun_frames.items():
        at = lowered.find(frame, base)
        if at >= 0 and (at == 0 or not s[at - 1].isalnum()):
            inner = at + frame.index(pronoun)
            return Attribution((inner, inner + len(pronoun)), ((at, at + len(frame)),), rule="according_to")
    for fm in w.frames.finditer(s, base):
        found = _np_after(s, fm.end(), w, frame=True)
        if found:
            return Attribution(found, ((fm.start(), fm.end()),), rule="according_to")
    return None


def _subordinate(s: str, base: int, pos: int, w: _Words) -> bool:
    """Whether the clause holding `pos` opens with a subordinator ('як', 'коли', 'после того как')."""
    clause = s[_clause_start(s, base, pos) : pos].lower().split()
    return bool(clause) and (clause[0] in w.subordinators or " ".join(clause[:2]) in w.subordinators)


def _source_of_verb(
    s: str, base: int, cue_start: int, cue_end: int, w: _Words, lang: str
) -> tuple[tuple[int, int] | None, str]:
    """The source a speech verb names: its subject before it; the subject before an apposition
    or a relative clause that ends at the verb; the subject after it (inverted)."""
    subject, dropped = _subject(s, base, cue_start, w, lang)
    if subject is not None:
        return subject, "subject"
    head = s[_clause_start(s, base, cue_start) : cue_start].split()
    if head and head[0].lower() in w.relatives:  # '..., Кендес Тернер, яка написала'
        return _antecedent(s, base, cue_start), "subject"
    if not _clause_empty(s, base, cue_start, w):
        return None, ""  # a clause we could not read: no guess
    found = _inverted(s, cue_end, w, lang)
    if found is not None:
        return found, "inverted"
    found = _before_apposition(s, base, cue_start, w, lang)
    if found is not None:
        return found, "subject"
    return dropped, "inverted"  # 'У Міноборони заявили, що ...'


def subject_before(s: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of the clause that ends at `pos` (who could not verify, who declined)."""
    w = _words(lex)
    dateline = _DATELINE.match(s)
    found, dropped = _subject(s, dateline.end() if dateline else 0, pos, w, lex.lang)
    return found or dropped


def caveat_agent(s: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """Who could not verify or declined, for a caveat at `pos`: the clause's subject; after an
    impersonal head ('не вдалося', 'не удалось') only a dative one ('Агентству Reuters не удалось'),
    as a nominative there is what was not verified ('Ці дані не вдалося перевірити')."""
    found = subject_before(s, pos, lex)
    if found is None or not s[pos:].lower().startswith(tuple(lex.lowered("impersonal_caveat_heads"))):
        return found
    head = _WORD.match(s, found[0])
    return None if head is None or word_kind(head.group(), lex.lang) == "nominative" else found


def _is_quote(s: str, cue_start: int, cue_end: int, base: int) -> bool:
    """«...», — сказав він; він сказав: «...»; — Ми готові, — заявив він."""
    head = s[max(base, cue_start - 8) : cue_start]
    if _DIALOGUE.match(s, base):
        return True  # '— Ми готові, — заявив він': dialogue needs no quotation marks
    return bool(_QUOTE_NEAR.search(head) or _QUOTE_AFTER.match(s, cue_end)) and "_" in s[base:]


def _clause_start(s: str, base: int, pos: int) -> int:
    start = base
    for m in _BREAK.finditer(s, base, pos):
        start = m.end()
    return start


def _strip_openers(
    s: str, a: int, b: int, w: _Words, preps: bool = True
) -> tuple[int, tuple[int, int] | None]:
    """Past connectives, time phrases and prepositional phrases that open a clause ('Раніше',
    'У понеділок', 'Під час брифінгу'); the last 'в/у + Name' dropped, which may be the source."""
    dropped = None
    for _ in range(6):
        while a < b and s[a].isspace():
            a += 1
        if _initial_at(s, a):
            break  # 'А. Смирнов', 'В. Зеленський': a name, not 'а' or 'в'
        m = w.openers.match(s, a, b)
        if m and m.end() > a:
            a = m.end()
            continue
        words = list(_WORD.finditer(s, a, b))
        if preps and len(words) >= 2 and words[0].group().lower() in w.preps:
            two = " ".join(x.group().lower() for x in words[:2])
            k = 2 if two in w.preps and len(words) >= 3 else 1  # 'під час', 'во время'
            end = _name_run(s, words, k) if words[0].group().lower() in w.frame_preps else words[k].end()
            if words[0].group().lower() in w.frame_preps and words[k].group()[:1].isupper():
                dropped = (words[k].start(), end)
            a = end
            continue
        break
    return a, dropped


def _name_run(s: str, words: list[re.Match[str]], k: int) -> int:
    """End of the capitalised run from words[k] ('в Міноборони', 'у Toyota UK'), not the subject
    that follows it ('на шоу репер')."""
    end = words[k].end()
    if not words[k].group()[:1].isupper():
        return end
    for x in words[k + 1 : k + 4]:
        if s[end : x.start()].strip() or not x.group()[:1].isupper():
            break
        end = x.end()
    return end


def _inverted(s: str, pos: int, w: _Words, lang: str) -> tuple[int, int] | None:
    """The subject after an inverted speech verb: the first noun phrase in the nominative, past
    prepositional phrases, adverbs and addressees ('заявив на брифінгу в Джакарті Сутопо Пурво
    Нугрохо', 'сказав журналістам він'); else a body after 'в' ('повідомили в поліції')."""
    limit = next((m.start() for m in _TAIL_END.finditer(s, pos) if not _initial_period(s, m.start())), len(s))
    words = list(_WORD.finditer(s, pos, limit))[:30]
    i = 0
    while i < len(words):
        word = words[i].group()
        low = word.lower()
        if low in w.relatives or (i and "_" in s[words[i - 1].end() : words[i].start()]):
            break
        two = f"{low} {words[i + 1].group().lower()}" if i + 1 < len(words) else ""
        if low in w.preps or two in w.preps:
            i += 3 if two in w.preps else 2  # the preposition and its noun ('в Джакарті')
            while i < len(words) and words[i].group()[:1].isupper() and not _punct_between(s, words, i):
                if _initial_at(s, words[i].start()) or word_kind(words[i].group(), lang) == "nominative":
                    break  # 'на брифінгу в Джакарті Сутопо Нугрохо', '... А. Смирнов': the subject starts
                i += 1  # 'в Новому Орлеані': the place goes on
            continue
        initial = _initial_at(s, words[i].start())  # 'заявил А. Смирнов': no conjunction 'а'
        kind = "nominative" if initial else word_kind(word, lang)
        if not initial and (low in w.stops or low in w.adverbs or kind in ("oblique", "other", "participle")):
            i += 1
            if kind == "oblique" and word.islower() and not _initialled_subject(s, words, i, lang):
                i = _past_name(s, words, i)  # 'виданню The Hill': an addressee's name
            continue
        if kind == "verb":
            break
        end = words[i].end()
        for j in range(i + 1, min(len(words), i + 8)):
            nxt = words[j].group().lower()
            if _punct_between(s, words, j):
                break
            ends = nxt in w.stops or nxt in w.preps or nxt in w.relatives
            if ends and not _initial_at(s, words[j].start()):
                break
            if word_kind(words[j].group(), lang) == "verb":
                break
            end = words[j].end()
        return words[i].start(), _trim_end(s, words[i].start(), end)
    first = _WORD.search(s, pos, limit)
    if first and first.group().lower() in w.frame_preps:
        return _np_after(s, pos, w)
    return None


def _past_name(s: str, words: list[re.Match[str]], i: int) -> int:
    """The index after a run of capitalised words at `i` that belongs to the word before it."""
    while i < len(words) and words[i].group()[:1].isupper() and not _punct_between(s, words, i):
        i += 1
    return i


def _initialled_subject(s: str, words: list[re.Match[str]], i: int, lang: str) -> bool:
    """Whether initials at `i` start a name in the nominative ('журналістам О. Іваненко'), the
    subject, rather than an addressee's ('колезі О. Петренку')."""
    name = i
    while name < len(words) and _initial_at(s, words[name].start()):
        name += 1
    return i < name < len(words) and word_kind(words[name].group(), lang) == "nominative"


def _punct_between(s: str, words: list[re.Match[str]], j: int) -> bool:
    """Whether punctuation stands between words j-1 and j; an initial's period ('О. Іваненко') is none."""
    between = s[words[j - 1].end() : words[j].start()].strip()
    return bool(between) and not (between == "." and _initial_at(s, words[j - 1].start()))


def _initial_at(s: str, pos: int) -> bool:
    """Whether an initial of a name starts at `pos`: 'О. Іваненко', 'А.С. Смирнов' (capitals only)."""
    m = _INITIAL.match(s, pos)
    return (
        m is not None
        and (pos == 0 or not s[pos - 1].isalnum())
        and s[pos : m.end()].replace(".", "").strip().isupper()
        and s[m.end()].isupper()
    )


def _initial_period(s: str, dot: int) -> bool:
    """Whether the period at `dot` closes an initial ('В. Зеленський'), so it ends no clause."""
    return s[dot] == "." and dot > 0 and s[dot - 1].isupper() and (dot < 2 or not s[dot - 2].isalpha())


def _before_apposition(s: str, base: int, pos: int, w: _Words, lang: str) -> tuple[int, int] | None:
    """'Греція, яка має провінцію ..., стверджує', 'Стью Ротенберг, позапартійний оглядач, заявив',
    'Власти, однако, полагают': the subject before what stands between it and the verb."""
    cuts = [base] + [m.end() for m in _COMMA.finditer(s, base, pos)]
    segments = list(zip(cuts, [c - 2 for c in cuts[1:]] + [pos], strict=True))
    if len(segments) < 2 or s[segments[-1][0] : segments[-1][1]].strip():
        return None
    for a, b in reversed(segments[-4:-1]):
        text = s[a:b].strip().lower()
        words = text.split()
        if not words:
            return None
        if (
            not w.relatives.isdisjoint(words[:3])
            or any(text.startswith(x) for x in w.appositions)
            or word_kind(words[0], lang) == "participle"
            or _strip_openers(s, a, b, w, preps=False)[0] >= b
        ):
            continue  # a relative clause, an apposition's opener, 'однако': look further back
        if any(m.group().islower() and word_kind(m.group(), lang) == "verb" for m in _WORD.finditer(s, a, b)):
            return None  # a clause of its own ('Там живе 300 000 людей, сказано в заяві')
        found, _ = _subject(s, a, b, w, lang)
        head = _WORD.match(s, found[0]) if found else None
        if head is None or word_kind(head.group(), lang) not in ("nominative", "unknown"):
            return None  # 'несмотря на ...', 'Деборой Рамирес': no subject in the nominative
        return found
    return None


def _antecedent(s: str, base: int, pos: int) -> tuple[int, int] | None:
    """The name a relative clause's 'яка' / 'который' stands for: the capitalised words before it."""
    comma = s.rfind(",", base, pos)
    if comma < 0:
        return None
    words = list(_WORD.finditer(s, base, comma))
    run: list[re.Match[str]] = []
    for m in reversed(words):
        if not m.group()[:1].isupper():
            break
        run.insert(0, m)
    return (run[0].start(), _trim_end(s, run[0].start(), run[-1].end())) if run else None


def _main_subject(s: str, base: int, pos: int, w: _Words, lang: str) -> tuple[int, int] | None:
    """The subject of the clause a participle hangs on ('він порівняв ..., зазначивши'): the words
    before the sentence's first finite verb."""
    for m in _WORD.finditer(s, base, pos):
        if m.group().islower() and word_kind(m.group(), lang) == "verb":
            found, _ = _subject(s, base, m.start(), w, lang)
            return found
    return None


def _subject(
    s: str, base: int, pos: int, w: _Words, lang: str
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(the subject noun phrase before a cue, a 'в Міноборони' dropped on the way).

    A finite verb inside cuts it: 'Нугрохо назвав збиток «...» і відмітив' has the subject of
    its first verb."""
    a = _clause_start(s, base, pos)
    a, dropped = _strip_openers(s, a, pos, w)
    words = [m for m in _WORD.finditer(s, a, pos)]
    for i, m in enumerate(words):
        if i and m.group().islower() and word_kind(m.group(), lang) == "verb":
            words = words[:i]  # 'він вихваляв Трампа й заявив'
            break
    while words and words[-1].group().lower() in w.adverbs:
        words.pop()  # 'Зеленський також заявив'
    for i, m in enumerate(words[1:], start=1):
        if m.group().lower() in w.preps and not _initial_at(s, m.start()):
            words = words[:i]  # 'Зеленський в інтерв'ю BBC заявив'
            break
    if not words or "_" in s[words[0].start() : words[-1].end()]:
        return None, dropped
    lowered = [m.group().lower() for m in words]
    if len(words) > _MAX_WORDS or not w.relatives.isdisjoint(lowered) or not w.negations.isdisjoint(lowered):
        return None, None
    if " ".join(lowered) in w.weak:
        return None, dropped
    return (words[0].start(), _trim_end(s, words[0].start(), words[-1].end())), dropped


def _clause_empty(s: str, base: int, pos: int, w: _Words) -> bool:
    """Whether nothing but connectives, time phrases and weak words ('Про це') opens the clause."""
    a = _clause_start(s, base, pos)
    a, _ = _strip_openers(s, a, pos, w)
    rest = " ".join(m.group().lower() for m in _WORD.finditer(s, a, pos))
    return not rest or rest in w.weak or all(x in w.adverbs for x in rest.split())


def _np_after(s: str, pos: int, w: _Words, frame: bool = False) -> tuple[int, int] | None:
    """The noun phrase that follows a cue or a frame, up to a clause break or a stop word."""
    end = _stop_after(s, pos)
    a, _ = _strip_openers(s, pos, end, w, preps=False) if not frame else (pos, None)
    words = list(_WORD.finditer(s, a, end))
    while words and (words[0].group().lower() in w.adverbs or words[0].group().lower() in w.stops):
        if _initial_at(s, words[0].start()):
            break  # 'по словам А. Смирнова': a name, not the conjunction 'а'
        lead = words.pop(0).group().lower()
        if lead in w.frame_preps and words:
            break  # 'повідомили в поліції': the body after the preposition
        if lead in w.preps and words:
            words.pop(0)  # 'заявив у понеділок Зеленський'
    kept: list[re.Match[str]] = []
    for m in words:
        low = m.group().lower()
        ends = low in w.stops or low in w.preps or low in w.frame_preps
        if kept and ends and not _initial_at(s, m.start()):
            break  # a stop word or a preposition ends the phrase; 'О. В. Іваненко' goes on
        kept.append(m)
        if len(kept) >= _MAX_WORDS:
            break
    if not kept or "_" in s[kept[0].start() : kept[-1].end()]:
        return None
    return kept[0].start(), _trim_end(s, kept[0].start(), kept[-1].end())


def _stop_after(s: str, pos: int) -> int:
    """The first clause break after `pos`; the full stop of an initial ('В. Зеленський') is none."""
    for m in _STOP.finditer(s, pos):
        if not _initial_period(s, m.start()):
            return m.start()
    return len(s)


def _trim_end(s: str, a: int, b: int) -> int:
    while b > a and s[b - 1] in ".,;:-\u2014\u2013":
        b -= 1
    return b
