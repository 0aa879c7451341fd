"""One claim in many articles: matching keys, the match score, figures compared (issue 20).

Two claims are the same assertion when they share enough weighted keys: words after
normalisation (lower case, stop words and numbers in words out, a light stemmer that knows the
irregular verbs), names (capitalised words, a key of their own with a place and its people under
one: "Iran" / "Iranian"), figures normalised to one value ("50,000", "50 000" and "50 thousand"
are one key), what they count with its order of magnitude ("1,200 firefighters" and "1,500
firefighters" meet, "two firefighters" do not) and their units; a time of day or a number that
names ("Category 5", "Route 2") counts nothing. The score is a weighted Dice coefficient; weights
are rarity in the library (`key_weight`), so "said" or "people" carry nothing and "Magnitogorsk"
a lot. What a claim says in passing (a relative clause, an apposition after a name, brackets:
its asides, MINOR keys) weighs half, and a link needs more than figures and more than an aside in
common (WORDS_SHARED, MAIN_SHARED): "Soleimani was head of the Quds Force" is not "forces killed
Soleimani, head of the Quds Force, in an airstrike".

Measured in a library (10,000 other claims, tests/data/claim_links/background_dev.json), most
wrong links were claims that say too little or the same kind of event elsewhere, so: a claim
links only when it says something checkable (`checkable`: two words besides a count of people,
and a named subject rather than only "he" or "we"); a count of people or a unit is its quantity's
key, not also a word; a name of several words weighs about one name; two claims that each name
someone but no one in common, or that name no one and share fewer than two words, do not link.
The blocking index that finds candidates lives in app/domain/claim_index.py; chains and origins
in app/domain/claim_origins.py.

A linked claim with the same quantity under another number ("110" against "160 square
kilometres"; "50,000" against "more than 40,000") is "figures disagree": the stated numbers
differ, whatever the qualifiers say, because a checker must look at both.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.domain.figures import find_figures
from app.domain.lexicon import phrase_pattern

THRESHOLD = 0.51  # the score from which two claims are linked (set on the dev split, tests/data/claim_links)

# what a claim says, not how: function words and the verbs of reporting
STOP_WORDS = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to", "for",
        "from", "by", "with", "without", "into", "onto", "over", "under", "about", "above", "below",
        "after", "before", "during", "since", "until", "as", "than", "then", "that", "this", "these",
        "those", "there", "here", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being",
        "am", "has", "have", "had", "having", "do", "does", "did", "done", "will", "would", "shall",
        "should", "can", "could", "may", "might", "must", "not", "no", "also", "just", "only", "very",
        "more", "most", "less", "least", "some", "any", "all", "each", "every", "both", "either", "neither",
        "other", "another", "such", "same", "own", "he", "she", "they", "we", "you", "i", "me", "him",
        "her", "them", "us", "his", "hers", "their", "theirs", "our", "ours", "your", "yours", "my", "mine",
        "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "if", "while", "because",
        "although", "though", "whether", "per", "via", "up", "down", "out", "off", "again", "further",
        "once", "said", "says", "say", "saying", "told", "tell", "tells", "telling", "according",
        "reported", "reports", "reporting", "report", "added", "stated", "announced", "claimed", "claims",
        "noted", "cited", "citing", "quoted", "statement", "statements", "year", "years",
        "yesterday", "today", "tomorrow", "week", "weeks", "day", "days", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr", "one", "nearly", "roughly",
        "approximately", "around", "almost", "estimated", "now",
        # when it was said, not what: "last week", "earlier today", "recently"
        "ago", "previously", "currently", "tonight", "last", "earlier", "later", "night", "morning",
        "afternoon", "evening",
        # function words with "not"
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't",
        "won't", "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't"
    )
)  # fmt: skip
_MONTHS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec"
    )
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")

# key prefixes: a plain word has none
ENTITY, FIGURE, UNIT = "@", "#", "~"
MINOR = "^"  # before any key: said in passing (an aside), counts half (MINOR_SHARE)
MINOR_SHARE = 0.5
AMOUNT = FIGURE + "a"  # an amount's exact value: "50,000", "50 000" and "fifty thousand"
QUANTITY = FIGURE + "q"  # what a figure counts: "1,200 firefighters" and "1,500 firefighters"
YEAR, DATE = FIGURE + "y", FIGURE + "d"  # when: "the 2020 election", "on 2 August"
# what sharing a key of a kind says (its rarity in the library times this): what a figure counts
# says more than its exact number, since the same quantity under another number is the same claim
# ("50,000 residents" / "more than 40,000 people"); a name says less than a word, since it tells
# whom a claim is about, not what it says of them; a year or a date as little, since it says when
# ("the 2020 presidential election" is the background of many claims, not one)
CLASS_WEIGHT = {ENTITY: 0.5, FIGURE: 2.0, UNIT: 0.5, AMOUNT: 1.0, QUANTITY: 3.0, YEAR: 0.5, DATE: 0.5}


# a link shares at least this part of the words and names of the claim with fewer: figures alone
# ("some 60,000 people") make no claim the same
WORDS_SHARED = 0.25
# and each claim shares at least this part of its words and names as words of its main clauses:
# what one says in passing (an aside), or whom it names, is not enough
MAIN_SHARED = 0.1
# two claims that name no one and nowhere share at least this many words (a count of something
# named, "1,200 firefighters", is one): a count of people and one word ("twenty people killed" /
# "seventeen people died") is a kind of event, not one
NAMELESS_SHARED = 2


WORD_KEY, NAME_KEY, FIGURE_KEY = 0, 1, 2


def key_kind(key: str) -> int:
    """A word's key, a name's, or a figure's (its number, magnitude, what it counts, its unit)."""
    first = key.removeprefix(MINOR)[:1]
    return FIGURE_KEY if first in (FIGURE, UNIT) else NAME_KEY if first == ENTITY else WORD_KEY


def counts_thing(key: str) -> bool:
    """A quantity of something named ("1,200 firefighters"), not of people or a unit (MEASURES)."""
    return key.startswith(QUANTITY) and key[len(QUANTITY) :].rstrip("0123456789") not in MEASURES


def class_weight(key: str) -> float:
    """How much sharing a key of this kind says, before its rarity (CLASS_WEIGHT); an aside's key
    (MINOR) counts the same: how much less it says of its claim is the claim's, not the key's."""
    key = key.removeprefix(MINOR)
    return CLASS_WEIGHT.get(key[:2], CLASS_WEIGHT.get(key[:1], 1.0))


def stem(word: str) -> str:
    """A light English stemmer: one event told in other forms of its words gets one key.

    Irregular verbs go to their base ("made", "making" and "make" meet), then plurals, the nouns
    and adverbs news makes of a verb or adjective ("resignation" / "resigned", "desertion" /
    "deserted", "officially" / "official"), -ed and -ing with a doubled consonant ("stopped" /
    "stop"), a final -e and a verb's -ate ("evacuated" / "evacuation"). A suffix goes only when
    enough is left to be a stem ("string" keeps its -ing, "nation" its -ion)."""
    w = _IRREGULAR.get(word, word)
    w = _IRREGULAR.get(singular(w), singular(w))
    if w.endswith("ied"):
        w = w[:-3] + "y" if len(w) > 4 else w[:-1]  # "denied" / "deny"; "died" / "die"
    for suffix in _DERIVED:
        if w.endswith(suffix) and _stem_left(w[: -len(suffix)], 4):
            w = w[: -len(suffix)]
            break
    if w.endswith("eed"):
        w = w[:-1] if len(w) > 5 else w  # "agreed" / "agree"; "speed" stays
    elif w.endswith(("ed", "ing")) and _stem_left(left := w[: -2 if w.endswith("ed") else -3], 3):
        w = left[:-1] if len(left) > 3 and left[-1] == left[-2] and left[-1] in "bdgkmnprt" else left
    if len(w) > 4 and w.endswith("tre"):
        w = w[:-3] + "ter"
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    if w.endswith("at") and _stem_left(w[:-2], 4):
        w = w[:-2]
    return w


def singular(word: str) -> str:
    """The word without a plural ending ("villages", "casualties")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _stem_left(rest: str, least: int) -> bool:
    """Enough is left of a word to be a stem: `least` letters, a vowel among them."""
    return len(rest) >= least and any(c in "aeiouy" for c in rest)


# suffixes of words made from others, longest first ("-ation" before "-ion")
_DERIVED = ("ation", "ment", "ship", "ness", "ion", "ly")
# irregular verbs of news writing: base form, then its past forms
_IRREGULAR_FORMS = """
arise arose arisen; be was were been; bear bore born borne; beat beaten; become became; begin began
begun; bind bound; bite bit bitten; bleed bled; break broke broken; bring brought; build built;
burn burnt; buy bought; catch caught; choose chose chosen; come came; cost; deal dealt; dig dug;
do did done; draw drew drawn; drive drove driven; eat ate eaten; fall fell fallen; feed fed;
feel felt; fight fought; find found; flee fled; fly flew flown; forbid forbade forbidden;
forget forgot forgotten; freeze froze frozen; get got gotten; give gave given; go went gone;
grow grew grown; hang hung; have had; hear heard; hide hid hidden; hold held; keep kept; know
knew known; lay laid; lead led; leave left; lend lent; lie lain; lose lost; make made; mean
meant; meet met; pay paid; ride rode ridden; ring rang rung; rise rose risen; run ran; see saw
seen; seek sought; sell sold; send sent; shake shook shaken; shoot shot; shrink shrank shrunk;
sing sang sung; sink sank sunk; sit sat; slay slew slain; slide slid; speak spoke spoken; spend
spent; spring sprang sprung; stand stood; steal stole stolen; stick stuck; sting stung; strike
struck stricken; swear swore sworn; sweep swept; swim swam swum; swing swung; take took taken;
teach taught; tear tore torn; think thought; throw threw thrown; understand understood; wake woke
woken; wear wore worn; weep wept; win won; withdraw withdrew withdrawn; write wrote written
"""
_IRREGULAR = {
    form: forms.split()[0]
    for forms in _IRREGULAR_FORMS.replace("\n", " ").split(";")
    for form in forms.split()[1:]
}


def tokens(text: str) -> list[str]:
    """The text's words as written (hyphenated parts apart)."""
    return _WORD.findall(text.replace("-", " "))


def words(text: str, split: list[str] | None = None) -> list[str]:
    """The claim's content words, normalised (possessive "'s" dropped, hyphenated parts apart)."""
    return [k for t in (tokens(text) if split is None else split) if (k := _word_key(t)) is not None]


# the verbs (and a noun) news writing varies for one event: a group's words get its first word's key
_SAME_WORDS = """
die kill dead death fatal perish; injure injury wound hurt; arrest detain apprehend; evacuate flee
displace; burn consume destroy; rise increase grow climb surge; fall decrease drop decline plunge;
start begin launch; end finish conclude; ban prohibit outlaw; support endorse; quit resign;
attack assault; jail imprison; people resident inhabitant; wind gust
"""
_SAME = {
    stem(word): stem(group.split()[0])
    for group in _SAME_WORDS.replace("\n", " ").split(";")
    for word in group.split()[1:]
}
# phrases news writing uses for one of those words: rewritten before the words are keyed
_PHRASES = (
    (r"\b(?:left|leave|leaving|leaves|fled|flee|fleeing|flees|forced (?:out )?(?:of|from)|driven from)"
     r" (?:their|his|her|its) homes?\b", "evacuated"),
    (r"\b(?:moved|moving|taken|brought|ordered) out of\b", "evacuated from"),
    (r"\b(?:took|take|takes|taking|taken) place\b", " "),  # light verbs: nothing said
    (r"\b(?:carried|carry|carries|carrying) out\b", " "),
    (r"\bair ?strikes?\b", "strike"),
    (r"\blocal time\b", " "),
    (r"\b(?:the|this) (?:move|decision|announcement) (?:came|comes)\b", " "),  # a link, no news
)  # fmt: skip
_PHRASE = re.compile("|".join(f"({pattern})" for pattern, _ in _PHRASES), re.IGNORECASE)
# a word each phrase holds, looked for first: most claims hold none and are not scanned
_PHRASE_HINTS = ("home", " out ", "place", "strike", "local time", " came", " comes")


def _reworded(text: str) -> str:
    """The text with the phrases of _PHRASES replaced by their word."""
    low = text.lower()
    if not any(hint in low for hint in _PHRASE_HINTS):
        return text
    return _PHRASE.sub(lambda m: _PHRASES[(m.lastindex or 1) - 1][1], text)


_TOKENS_KEPT = 30_000  # words of a language in use; each normalised once (a library has millions)


def _lowered(token: str) -> str:
    w = token.lower().replace("\u2019", "'")
    return w[:-2] if w.endswith("'s") else w


@lru_cache(maxsize=_TOKENS_KEPT)
def _word_key(token: str) -> str | None:
    w = _lowered(token)
    if len(w) <= 1 or w in STOP_WORDS or w in _SMALL or w in _MULTIPLIERS:
        return None  # a number in words is a figure's key ("four villages", "50 thousand")
    w = stem(w)
    return _SAME.get(w, w)


@lru_cache(maxsize=_TOKENS_KEPT)
def _entity_key(token: str) -> str | None:
    """A name, roughly: a capitalised word that is no function word, month or weekday."""
    low = _lowered(token)
    if not token[0].isupper() or len(low) <= 1 or low in STOP_WORDS or low in _MONTHS:
        return None
    if low in _SMALL or low in _MULTIPLIERS:
        return None  # "Two firefighters died": a count, whatever its capital
    return name_root(low)


_NAME_ENDINGS = ("ese", "ian", "an", "ish", "ia", "i", "a", "o", "e", "y")


def name_root(name: str) -> str:
    """A place and its people under one key: "Iran" / "Iranian", "Ukraine" / "Ukrainian",
    "China" / "Chinese", "Puerto Rico" / "Puerto Rican"; up to two endings go, three letters stay."""
    w = name[:-1] if len(name) > 4 and name.endswith("s") and not name.endswith("ss") else name
    for _ in range(2):
        ending = next((e for e in _NAME_ENDINGS if w.endswith(e) and len(w) - len(e) >= 3), "")
        if not ending:
            break
        w = w[: -len(ending)]
    return w


# ---- figures ---------------------------------------------------------------------------------

_QUALIFIERS = {
    "more than": ">", "over": ">", "at least": ">", "upwards of": ">", "no fewer than": ">",
    "just over": ">", "in excess of": ">", "less than": "<", "fewer than": "<", "under": "<",
    "at most": "<", "up to": "<", "no more than": "<", "as many as": "<", "just under": "<",
    "as few as": ">", "about": "~", "around": "~", "nearly": "~", "almost": "~", "roughly": "~",
    "approximately": "~", "some": "~", "an estimated": "~", "close to": "~", "an": "=", "a": "=",
}  # fmt: skip
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
    "k": 1e3, "m": 1e6,
}  # fmt: skip
_UNITS = {
    "square kilometer": "km2", "square kilometre": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square mile": "sq mile", "square meter": "m2", "square metre": "m2", "m2": "m2",
    "kilometer": "km", "kilometre": "km", "km": "km", "meter": "m", "metre": "m", "m": "m",
    "percent": "%", "per cent": "%", "%": "%", "ton": "tonne", "tonne": "tonne",
    "mph": "mph", "mil per hour": "mph", "kph": "km/h", "km/h": "km/h", "km per hour": "km/h",
    "kilometer per hour": "km/h",
    "kilogram": "kg", "kg": "kg", "mile": "mile", "foot": "ft", "feet": "ft", "ft": "ft",
    # people counted under another name are one quantity
    "people": "people", "peopl": "people", "person": "people", "resident": "people",
    "inhabitant": "people", "civilian": "people", "individual": "people",
}  # fmt: skip
_CURRENCY = {"$": "$", "€": "€", "£": "£", "¥": "¥", "us$": "$", "usd": "$", "eur": "€", "gbp": "£"}
_NUMBER = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_VAGUE = frozenset(("hundreds", "thousands", "millions", "dozens", "billions", "tens"))


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a claim as a quantity: value (a range's low end), unit, how it is bounded."""

    text: str  # as the article writes it
    value: float
    high: float | None = None  # a range's high end ("between 36 and 40")
    unit: str = ""  # normalised ("km2", "%", "soldier"); "" for a bare count
    bound: str = "="  # ">" more than, "<" up to, "~" about
    kind: str = "amount"  # "amount", "date" or "year"

    @property
    def key(self) -> str:
        """The matching key: the same figure however it is written."""
        return f"{FIGURE}{self.kind[0]}{self.value:g}" + (f"-{self.high:g}" if self.high is not None else "")

    def agrees(self, other: Figure) -> bool:
        """The same number (within rounding), or one inside the other's range."""
        lo1, hi1 = self.value, self.high if self.high is not None else self.value
        lo2, hi2 = other.value, other.high if other.high is not None else other.value
        slack = 0.005 * max(abs(hi1), abs(hi2), 1.0)
        return lo1 <= hi2 + slack and lo2 <= hi1 + slack


def _number(token: str) -> float | None:
    digits = re.sub(r"[,\u00a0\u202f ]", "", token)
    try:
        return float(digits)
    except ValueError:
        return None


def _unit(rest: str) -> str:
    rest = rest.strip(" -.,").lower()
    if not rest:
        return ""
    whole = " ".join(stem(w) if len(w) > 3 else w for w in rest.split())
    for name in (rest, whole, " ".join(rest.split()[:2]), rest.split()[0]):
        if name in _UNITS:
            return _UNITS[name]
        if stem(name) in _UNITS:
            return _UNITS[stem(name)]
    return " ".join(singular(w) for w in re.findall(r"[^\W\d_]+", rest)[:2])  # as written, for the reader


@lru_cache(maxsize=8192)
def parse_figure(text: str) -> Figure | None:
    """The quantity a figure states, or None when it states none ("hundreds", "half")."""
    low = " ".join(text.lower().replace("\u2013", "-").split())
    if any(m in _MONTHS for m in re.findall(r"[a-z]+", low)) and re.search(r"\d", low):
        month = next(m for m in re.findall(r"[a-z]+", low) if m in _MONTHS)[:3]
        nums = [int(n) for n in re.findall(r"\d+", low)]
        day = next((n for n in nums if n <= 31), 0)
        year = next((n for n in nums if n > 31), 0)
        return Figure(text, year * 10000 + (_MONTHS_ORDER.index(month) + 1) * 100 + day, kind="date")
    bound = "="
    for phrase, sign in sorted(_QUALIFIERS.items(), key=lambda item: -len(item[0])):
        if low.startswith(phrase + " "):
            bound, low = sign, low[len(phrase) + 1 :]
            break
    unit_prefix = ""
    for symbol, code in _CURRENCY.items():
        if low.startswith(symbol):
            unit_prefix, low = code, low[len(symbol) :].lstrip()
            break
    value, high, rest = _amount(low)
    if value is None:
        return None
    rest_words = rest.split()
    if rest_words and rest_words[0] in _MULTIPLIERS and (rest_words[0] != "m" or unit_prefix):
        factor = _MULTIPLIERS[rest_words[0]]
        value *= factor
        high = high * factor if high is not None else None
        rest = " ".join(rest_words[1:])
    unit = _unit(rest)
    if unit_prefix:
        unit = unit_prefix + (" " + unit if unit else "")
    bare = not unit and bound == "=" and high is None and re.fullmatch(r"\d{4}", text.strip())
    if bare and 1800 <= value <= 2100:
        return Figure(text, value, kind="year")
    return Figure(text, value, high, unit, bound)


_MONTHS_ORDER = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _amount(low: str) -> tuple[float | None, float | None, str]:
    """The number at the start of `low` (digits or words, a range kept whole) and what follows."""
    low = re.sub(r"^between\s+", "", low)
    m = _NUMBER.match(low)
    if m:
        value = _number(m.group())
        rest = low[m.end() :]
        r = re.match(rf"\s*(?:-|to|and|or)\s*({_NUMBER.pattern})", rest)
        high = None
        if r:
            high = _number(r.group(1))
            rest = rest[r.end() :]
        return value, high, rest
    tokens = low.replace("-", " ").split()
    total, used = 0.0, 0
    for token in tokens:
        if token in _SMALL:
            total += _SMALL[token]
            used += 1
        elif token in ("a", "and") and used == 0 and token == "a":
            used += 1
        else:
            break
    if total == 0 or (tokens and tokens[0] in _VAGUE):
        return None, None, low
    return total, None, " ".join(tokens[used:])


def figures_of(texts: Iterable[str]) -> tuple[Figure, ...]:
    return tuple(f for f in (parse_figure(t) for t in texts) if f is not None)


def stated_figures(text: str, figures: Iterable[str]) -> tuple[Figure, ...]:
    """The quantities a claim states: the engine's figures, read with the claim's text."""
    return _stated(text, tuple(figures))


@lru_cache(maxsize=4096)  # a claim printed by many outlets word for word is read once
def _stated(text: str, figures: tuple[str, ...]) -> tuple[Figure, ...]:
    return figures_of(claim_figures(text, figures))


def figures_disagree(a: Sequence[Figure], b: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of amounts that state one quantity with different numbers.

    A figure that agrees with one on the other side is settled; what is left is paired by unit (a
    bare count pairs with a count of anything), in reading order. Dates and years are not compared:
    linked claims often give the day of their own reporting.
    """
    left = [f for f in a if f.kind == "amount"]
    right = [f for f in b if f.kind == "amount"]
    left_open = [f for f in left if not any(f.agrees(g) and _same_unit(f, g) for g in right)]
    right_open = [g for g in right if not any(g.agrees(f) and _same_unit(f, g) for f in left)]
    pairs: list[tuple[Figure, Figure]] = []
    for exact in (True, False):
        for f in list(left_open):
            g = next((g for g in right_open if (f.unit == g.unit if exact else _same_unit(f, g))), None)
            if g is not None:
                pairs.append((f, g))
                left_open.remove(f)
                right_open.remove(g)
    return pairs


def _same_unit(f: Figure, g: Figure) -> bool:
    if f.unit == g.unit:
        return True
    if "%" in (f.unit, g.unit) or f.unit[:1] in _CURRENCY.values() or g.unit[:1] in _CURRENCY.values():
        return False
    return not f.unit or not g.unit


# ---- keys and the score -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimKeys:
    """What matching reads of one claim: its keys (each once) and its figures."""

    keys: frozenset[str]
    figures: tuple[Figure, ...]


_SPACED = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\w,]|\.\d)")


def claim_figures(text: str, figures: Iterable[str]) -> list[str]:
    """The engine's figures, with a number written with spaces ("50 000") whole, not in two.

    Figures the text no longer holds (a new version of the article reworded the claim, and the
    stored figures are those of its first wording) are found in the text again."""
    found = list(figures)
    if any(f not in text for f in found):
        found = [text[a:b] for a, b in find_figures(text)]
    for m in _SPACED.finditer(text):
        parts = [f for f in found if f in m.group() or m.group() in f or _overlaps(text, f, m.span())]
        if len(parts) > 1 or not parts:
            found = [f for f in found if f not in parts] + [m.group()]
    return found


def _overlaps(text: str, figure: str, span: tuple[int, int]) -> bool:
    at = text.find(figure)
    return at >= 0 and at < span[1] and at + len(figure) > span[0]


def claim_keys(text: str, figures: Iterable[str], sources: Iterable[str | None] = ()) -> ClaimKeys:
    """The matching keys of a claim's text and the figures the engine found in it.

    Who says it (`sources`: the claim's source and whom it cites) is left out: "the agency said"
    and "according to the Courier" change nothing of what is claimed, and the chains show them.
    A count of people or a unit is its quantity's key, not also a word ("50,000 residents" shares
    its people once; "1,200 firefighters" keeps its firefighters, which say what the claim is
    about). A claim that says too little to be checked on its own (`checkable`) has no keys: it
    links to nothing.
    """
    parsed = stated_figures(text, figures)
    said = text
    if _SAYS.search(text):
        for name in sources:
            if name and len(name) < len(said) and len(tokens(name)) <= _SOURCE_WORDS:
                said = said.replace(name, " ")
    main, aside = _asides(_reworded(said))
    keys = _one_name_each(main, _word_keys(tokens(main)))
    if aside:
        keys.update(MINOR + k for k in _word_keys(tokens(aside), initial=False) if k not in keys)
    generic: set[str] = set()  # the words of a count of people or a unit ("50,000 residents")
    for f in parsed:
        if _clock(text, f):
            continue  # a time of day says when, not what: two swearings-in at 5 p.m. are two
        of_figure: set[str] = {f.key}
        if f.kind == "amount" and not _label(text, f):
            magnitude = _magnitude(f.value)
            counted, words_of = _counted(text, f)
            if counted:
                # what is counted, and its order: "1,200 firefighters" and "1,500 firefighters" are
                # one quantity, "two firefighters" (who died) another
                of_figure.add(f"{QUANTITY}{counted}{magnitude}")
                if counted in MEASURES:
                    generic.update(k for w in words_of if (k := _word_key(w)) is not None)
            if f.value >= 100:  # the same quantity under another number
                of_figure.add(f"{FIGURE}m{magnitude}")
            of_figure.update(UNIT + u for u in f.unit.split() if u in _KNOWN_UNITS and u != counted)
        if f.text in aside and f.text not in main:
            of_figure = {MINOR + k for k in of_figure}  # said in passing: a conversion ("185 mph (295 km/h)")
        keys.update(of_figure)
    keys -= generic | {MINOR + k for k in generic}
    if not checkable(tokens(main), generic):
        return ClaimKeys(frozenset(), parsed)
    return ClaimKeys(frozenset(keys), parsed)


def _one_name_each(main: str, keys: set[str]) -> set[str]:
    """A name of several words counts as one: its last word in full, the words before it as an
    aside's ("National Transportation Safety Board", "Vice President Joe Biden" weigh about
    one name each, not four, and "Joe Biden" still meets "Biden")."""
    first, last = set(), set()
    run: list[str] = []
    end = -1
    for m in _WORD.finditer(main):
        name = _entity_key(m.group()) if m.group()[0].isupper() else None
        if name is None or (run and main[end : m.start()] not in (" ", "-")):
            if len(run) > 1:
                first.update(run[:-1])
                last.add(run[-1])
            run = []
        if name is not None:
            run.append(name)
        end = m.end()
    if len(run) > 1:
        first.update(run[:-1])
        last.add(run[-1])
    lesser = {ENTITY + k for k in first - last} & keys
    return (keys - lesser) | {MINOR + k for k in lesser}


# a source of more words than this is a misread clause, not a name: its words stay the claim's
_SOURCE_WORDS = 8
# a claim says something checkable in at least this many words and names of its main clauses,
# besides a count of people: "18 people died" or "We are eleven people" does not
CONTENT_WORDS = 2
GENERIC = frozenset(("people",))  # what a figure counts that says nothing of the claim
# the subject pronouns: a claim whose subject is one and that names no one is about someone the
# sentence does not say ("He declared a state of emergency", "I support it")
_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i", "you"))


def checkable(main: Sequence[str], counted: Iterable[str] = ()) -> bool:
    """Whether a claim's main clauses (their words, `main`) say enough to be checked on their own:
    CONTENT_WORDS words and names besides those of a count of people or a unit (`counted`), and a
    named subject rather than only a pronoun (within its first three words, a source said
    before it left out)."""
    content = {k for t in main if (k := _word_key(t)) is not None} - set(counted)
    if len(content) < CONTENT_WORDS:
        return False
    if any(_entity_key(t) is not None for t in main):
        return True
    return not any(_lowered(t) in _PRONOUNS for t in main[:3])


# the words that make a source the teller of a claim rather than its subject: "the House confirmed
# him" keeps its House, "the agency said" loses its agency
_SAYING = frozenset(
    (
        "said", "says", "say", "saying", "told", "tells", "according", "reported", "reports", "stated",
        "states", "added", "adds", "announced", "announces", "claimed", "claims", "noted", "cited",
        "citing", "quoted", "quoting", "wrote", "writes", "tweeted", "estimated", "estimates",
        "believes", "believed", "warned", "warns", "explained", "explains",
    )
)  # fmt: skip
_SAYS = re.compile(r"\b" + phrase_pattern(_SAYING) + r"\b")
# words before a number that make it a name, not a count: "Category 5", "Route 2", "Phase 3"
_LABELS = frozenset(
    ("category", "route", "level", "phase", "stage", "grade", "number", "no", "flight", "article",
     "section", "chapter", "highway", "interstate", "gate", "platform", "room", "tier", "covid", "type")
)  # fmt: skip


_CLOCK = re.compile(r"\s*(?:[:.]\d\d\b|a\.?m\b|p\.?m\b|utc\b|gmt\b|hrs\b|hours\b|local time\b|o'clock)", re.I)


def _clock(text: str, figure: Figure) -> bool:
    """The figure is a time of day ("5 p.m.", "5:00", "2100 UTC")."""
    at = text.find(figure.text)
    return at >= 0 and _CLOCK.match(text, at + len(figure.text)) is not None


def _label(text: str, figure: Figure) -> bool:
    """The figure names something rather than counting it ("a Category 5 hurricane", "Route 2")."""
    at = text.find(figure.text)
    if at <= 0:
        return False
    before = tokens(text[max(0, at - 20) : at])
    return bool(before) and text[at - 1] == " " and before[-1].lower() in _LABELS


# what a claim says of its subject in passing: a relative clause ("a bill that would have allowed
# extraditions", ", who was arriving by plane"), an apposition after a name (", head of the Quds
# Force,"), a clause of its consequence (", meaning ...") or brackets. The checker looks up the main
# clause first, so two claims that share only their asides are not one claim (MINOR keys).
_RELATIVE = re.compile(
    r",\s+(?:which|who|whom|whose|where|when|meaning)\b[^,;:]*"
    r"|\b(?:which|who|that)\s+(?:would|will|had|has|have|was|were|is|are|could|can|might)\b[^,;:]*"
    r"|\([^()]*\)"
)
_APPOSITION = re.compile(
    r"(?<=\w),\s+(?:the|a|an|head|leader|chief|former|then|now)\s[^,;:()]{1,80}(?=,|[.!?]?[\s\"\u201d]*$)"
)


_ASIDE_HINTS = ("which", "who", "where", "when", "that", "meaning", "(")


def _asides(text: str) -> tuple[str, str]:
    """The claim's main clauses and its asides (each span blanked in the other)."""
    spans = []
    if any(hint in text for hint in _ASIDE_HINTS):  # most claims have none: no scan
        spans += [m.span() for m in _RELATIVE.finditer(text) if not _said_that(text, m.start())]
    if ", " in text:
        spans += [m.span() for m in _APPOSITION.finditer(text) if _named(text, m.start())]
    if not spans:
        return text, ""
    main, aside = list(text), [" "] * len(text)
    for start, end in spans:
        main[start:end] = " " * (end - start)
        aside[start:end] = text[start:end]
    return "".join(main), "".join(aside)


def _said_that(text: str, at: int) -> bool:
    """'that' after a verb of saying opens what is said ("announced that it will"), not an aside."""
    before = tokens(text[max(0, at - 30) : at])
    return text.startswith("that", at) and bool(before) and before[-1].lower() in _SAYING | _OPENERS


_OPENERS = frozenset(
    ("announced", "confirmed", "ruled", "found", "decided", "agreed", "warned", "show", "shows")
)


def _named(text: str, at: int) -> bool:
    """A name comes before the comma, not a day or month ("On Friday, the ...") or an opening word."""
    before = tokens(text[:at])
    return len(before) > 1 and before[-1][0].isupper() and _entity_key(before[-1]) is not None


def _word_keys(split: list[str], initial: bool = True) -> set[str]:
    """Words and names: a name ("Sanders", "Iranian") is one key of its own, not also a word, so
    that the names two claims share do not count twice against what they say of them; the first
    word, capitalised in any sentence, is both, each at an aside's weight, as one word's worth
    ("Dorian was ...", "Forecasters warned ..."; an aside's first word is no sentence's)."""
    keys: set[str] = set()
    for i, token in enumerate(split):
        name = _entity_key(token) if i > 0 or not initial or token.isupper() or len(split) == 1 else None
        if name is not None:
            keys.add(ENTITY + name)
            continue
        word = _word_key(token)
        if i == 0 and initial and (name := _entity_key(token)) is not None:
            keys.add(MINOR + ENTITY + name)
            if word is not None:
                keys.add(MINOR + word)
        elif word is not None:
            keys.add(word)
    return keys


_KNOWN_UNITS = frozenset(_UNITS.values()) | frozenset(_CURRENCY.values())  # units, not nouns
MEASURES = GENERIC | _KNOWN_UNITS  # what a figure counts or measures without saying of what
# a figure's number in words, its qualifier and its multiplier: not what it counts
_NUMBER_WORDS = frozenset(_SMALL) | frozenset(_MULTIPLIERS) | frozenset(" ".join(_QUALIFIERS).split())


def _magnitude(value: float) -> int:
    """The order of a quantity: 40,000 and 50,000 are one, 4,000 another; counts under ten one."""
    return int(math.log10(value)) if value >= 10 else 0


def _counted(text: str, figure: Figure) -> tuple[str, tuple[str, ...]]:
    """What a figure counts or measures, and the words that say so: its unit when it is one we
    know ("km2" of "square kilometres", "people" of "residents"), else the noun after the number:
    of the words up to the next function word or punctuation, the first plural ("four nearby
    villages", "ten motorcycles collided"), else the last ("six water-bombing aircraft")."""
    if figure.unit in _KNOWN_UNITS or figure.unit[:1] in _CURRENCY.values():
        said = tuple(t for t in tokens(figure.text) if _lowered(t) not in _NUMBER_WORDS)
        return figure.unit.split()[0], said
    at = text.find(figure.text)
    if at < 0:
        return (figure.unit.split()[0] if figure.unit else ""), ()
    phrase = text[at : at + len(figure.text) + 40]
    if (number := _NUMBER.search(figure.text)) is not None:
        phrase = phrase[number.end() :]  # after the digits, whose commas are no punctuation
    phrase = re.split(r"[,.;:()\[\]\"]", phrase)[0]
    run: list[str] = []
    skipped = _NUMBER_WORDS if number is None else _MULTIPLIERS
    for token in tokens(phrase):
        low = _lowered(token)
        if low in skipped and not run:
            continue  # the number written in words, its qualifier ("about four") or its "thousand"
        if _word_key(token) is None or len(run) == 3:
            break
        run.append(low)
    if not run:
        return "", ()
    noun = next((w for w in run if singular(w) != w), run[-1])
    return _unit(noun), (noun,)


def rarity(df: int, claims: int) -> float:
    """How rare a key with `df` claims is among `claims`: an inverse document frequency."""
    return math.log(1.0 + claims / max(df, 1))


def key_weight(key: str, df: int, claims: int) -> float:
    """How much sharing `key` says: rarer keys say more; figures most, units least."""
    return class_weight(key) * rarity(df, claims)


def similarity(a: Iterable[str], b: Iterable[str], weight: Callable[[str], float]) -> float:
    """Weighted Dice: the weight of the shared keys on both sides over the weight of both, in
    [0, 1], an aside's key (MINOR) counting MINOR_SHARE of its weight on its side. 0 when the
    shared words and names are less than WORDS_SHARED of each claim's (figures alone), or the
    words shared in its main clauses less than MAIN_SHARED of either claim's words and names (an
    aside or names alone), when each names someone or somewhere and they name none in common
    ("Sanders ended his bid" is not "Gillibrand ended her campaign"), or when neither names any
    and they share fewer than NAMELESS_SHARED words. The index scores so."""
    wa, wb = _weighed(a, weight), _weighed(b, weight)
    total = sum(w for w, _ in wa.values()) + sum(w for w, _ in wb.values())
    if total <= 0:
        return 0.0
    shared = wa.keys() & wb.keys()
    named = [any(key_kind(k) == NAME_KEY for k in w) for w in (wa, wb)]
    if all(named) and not any(key_kind(k) == NAME_KEY for k in shared):
        return 0.0
    if not any(named) and sum(key_kind(k) == WORD_KEY or counts_thing(k) for k in shared) < NAMELESS_SHARED:
        return 0.0
    if all(_said(w, shared) < WORDS_SHARED * _said(w, w.keys()) for w in (wa, wb)):
        return 0.0
    if any(_said(w, shared, main=True) < MAIN_SHARED * _said(w, w.keys()) for w in (wa, wb)):
        return 0.0
    return sum(wa[k][0] + wb[k][0] for k in shared) / total


def _weighed(keys: Iterable[str], weight: Callable[[str], float]) -> dict[str, tuple[float, bool]]:
    """Each key (without its MINOR mark): its weight in the claim and whether a main clause says
    it (then it counts in full, however often an aside repeats it)."""
    out: dict[str, tuple[float, bool]] = {}
    for key in keys:
        plain = key.removeprefix(MINOR)
        main = key == plain or out.get(plain, (0.0, False))[1]
        out[plain] = (weight(plain) * (1.0 if main else MINOR_SHARE), main)
    return out


def _said(weighed: dict[str, tuple[float, bool]], keys: Iterable[str], main: bool = False) -> float:
    """The weight of the words and names among `keys` (only the words of main clauses when `main`)."""
    kinds = (WORD_KEY,) if main else (WORD_KEY, NAME_KEY)
    return sum(w for k in keys if key_kind(k) in kinds for w, m in (weighed[k],) if m or not main)


def describe(f: Figure) -> str:
    """A figure as the checker reads it in "figures disagree": the article's words."""
    return f.text
