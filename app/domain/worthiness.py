"""Check-worthiness of a sentence: a score in [0, 1] and the reasons behind it.

A logistic model over words (numbers reduced to their shape, so "3.5" and "7.2" count as the
same evidence; word pairs too when the fitted feature set has them) plus hand-made cues of news
and claim language (figures, dates, attribution, comparisons, named entities, legal/official
action; opinion, modality, first person and questions push the other way).
The weights are fitted offline by ``scripts/fit_worthiness.py`` on ClaimBuster's train split and
shipped as ``data/worthiness_<lang>.json``; scoring here is pure Python so the desktop app needs
neither scikit-learn nor numpy, and one sentence costs a few tens of microseconds.

Every language-specific word list lives in that data file, keyed by language, so another
language is a new data file, not new code.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise, repeat

from app.domain import DATA_DIR

FEATURE_SET_VERSION = 1
THRESHOLD = 0.5

# Tokens are whitespace-separated chunks with this punctuation stripped from both ends: much
# cheaper than a tokenising regex, and inner marks survive ("3.5", "1,500", "don't", "9/11").
_STRIP = "\"'“”‘’`.,;:!?()[]{}<>$€£%*…-–—/"
# The leading number of a chunk such as "30-day" or "3.5m".
_NUMBER_HEAD = re.compile(r"\d[\d,.:/]*")
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d$")
# Marks looked up once in the whole sentence rather than per token.
_MARKS = (("%", "h:percent"), ("?", "h:question"), ("!", "h:exclamation"), ('"', "h:quote"), ("“", "h:quote"))
_CURRENCIES = ("$", "€", "£")
_DIGIT = re.compile(r"\d")
# Runs of capitalised words (Latin capitals) after whitespace: never the sentence's first word,
# nor a word right after an opening quote or bracket, whose capital says nothing about a name.
_CAPITALISED_RUN = re.compile(r"(?<=\s)[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*)*")
_NUMBER_CUES = frozenset({"h:<num>", "h:<dec>", "h:<bignum>"})

_START = "<s>"
_END = "</s>"
# Below this many positive logit units a cue is too weak to be worth naming to the reader.
_MIN_REASON = 0.15
_MAX_REASONS = 4


@dataclass(frozen=True, slots=True)
class Worthiness:
    """A probability-like score (>= 0.5: check-worthy) and the words the claims panel shows."""

    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Language-specific word lists, turned into one word -> cue-features lookup."""

    cues: Mapping[str, tuple[str, ...]]  # word -> ("h:<cue>", ...)
    # Words that are capitalised for reasons other than being a name ("I", titles, sentence
    # openers), so their capital letter is no evidence of a named entity.
    not_names: frozenset[str]
    # Cue feature -> pattern of a word ending that signals it (e.g. "h:past" <- "-ed" in English).
    suffixes: tuple[tuple[str, re.Pattern[str]], ...] = ()

    @classmethod
    def from_lists(cls, lists: Mapping[str, Sequence[str]]) -> Lexicon:
        """Build from ``{cue: [word, ...]}``; ``not_names`` and ``suffix:<cue>`` lists are special."""
        cues: dict[str, list[str]] = {}
        suffixes: list[tuple[str, re.Pattern[str]]] = []
        for cue, words in lists.items():
            if cue == "not_names":
                continue
            if cue.startswith("suffix:"):
                for end in words:
                    # The suffix first, so the regex engine can scan for it as a literal; the
                    # look-behind then asks for three more letters before it ("voted", not "red").
                    pattern = re.compile(rf"{re.escape(end)}\b(?<=[^\W\d_]{{{len(end) + 3}}})")
                    suffixes.append(("h:" + cue.removeprefix("suffix:"), pattern))
                continue
            for word in words:
                cues.setdefault(word, []).append("h:" + cue)
        return cls(
            {w: tuple(c) for w, c in cues.items()},
            frozenset(lists.get("not_names", ())),
            tuple(suffixes),
        )


def _number_shape(token: str) -> str:
    """Reduce a number to the shape that matters for a claim, not its value."""
    head = _NUMBER_HEAD.match(token)
    number = head.group().rstrip(",.:/") if head else token
    if len(number) == 4 and _YEAR.match(number):
        return "<year>"
    if "/" in number or ":" in number:
        return "<ratio>"
    if "." in number:
        return "<dec>"
    return "<num>" if len(number) - number.count(",") < 4 else "<bignum>"


def _length_bucket(n: int) -> str:
    """Very short sentences are rarely claims and long ones often are."""
    if n < 12:
        return "h:len0" if n < 6 else "h:len1"
    return "h:len2" if n < 25 else "h:len3" if n < 40 else "h:len4"


def extract_features(sentence: str, lexicon: Lexicon) -> tuple[list[str], set[str]]:
    """Return the sentence's words and its hand-made cue features.

    Words are lower-cased with numbers replaced by their shape (the unigram features; see
    ``ngrams`` for all n-grams); cues are named ``h:<name>``. Shared by the fitting script and
    the runtime, so both see exactly the same features. Written so that the per-word work runs
    in C (str methods, map, regexes): this is called for every sentence of every article.
    """
    if "’" in sentence:
        sentence = sentence.replace("’", "'")
    strip = _STRIP
    words = [w for w in [c.strip(strip) for c in sentence.lower().split()] if w]
    hand: set[str] = set()
    numbers = 0
    if _DIGIT.search(sentence):
        for i, w in enumerate(words):
            if w[0].isdigit():
                shape = _number_shape(w)
                words[i] = shape
                hand.add("h:" + shape)
                numbers += 1
    hand.update(chain.from_iterable(filter(None, map(lexicon.cues.get, words))))
    for mark, feature in _MARKS:
        if mark in sentence:
            hand.add(feature)
    for feature, pattern in lexicon.suffixes:
        if pattern.search(sentence):
            hand.add(feature)
    if numbers:
        if numbers > 1:
            hand.add("h:numbers")
        if any(c in sentence for c in _CURRENCIES):
            hand.add("h:money")
        if ("h:percent" in hand or "h:stat" in hand) and not _NUMBER_CUES.isdisjoint(hand):
            hand.add("h:statistic")
    names = 0
    not_names = lexicon.not_names
    for run in _CAPITALISED_RUN.findall(sentence):
        if any(w.strip(strip).lower() not in not_names for w in run.split()):
            names += 1
    if names:
        hand.add("h:name" if names == 1 else "h:names")
        if "h:attribution" in hand:
            hand.add("h:named_source")
    if "h:first_person" in hand and "h:opinion" in hand:
        hand.add("h:personal_opinion")
    hand.add(_length_bucket(len(words)))
    return words, hand


def ngrams(words: list[str]) -> list[str]:
    """All n-gram features of a sentence: its words, then each neighbouring pair (padded)."""
    seq = [_START, *words, _END]
    return words + list(map(" ".join, pairwise(seq)))


@dataclass(frozen=True, slots=True)
class _Model:
    bias: float
    weights: Mapping[str, float]  # n-gram and cue feature -> logistic weight
    lexicon: Lexicon
    sqrt_scale: bool  # n-gram weights are divided by sqrt(number of n-grams), as when fitted
    bigrams: bool  # whether the fitted feature set has word pairs (else only words are looked up)
    # Cue feature -> (weight, word shown in the claims panel), for cues that raise the score
    # enough to be worth naming.
    reasons: Mapping[str, tuple[float, str]]


@cache
def has_model(lang: str) -> bool:
    """Whether a sentence model was fitted for `lang`."""
    return (DATA_DIR / f"worthiness_{lang}.json").is_file()


@cache
def _model(lang: str) -> _Model:
    """Load the fitted weights for a language once, on first use."""
    path = DATA_DIR / f"worthiness_{lang}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("feature_set_version") != FEATURE_SET_VERSION:
        raise ValueError(f"{path.name} was fitted for another feature set; run scripts/fit_worthiness.py")
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    reasons = {}
    for cue, label in data["reasons"].items():
        w = weights.get("h:" + cue, 0.0)
        if w >= _MIN_REASON:
            reasons["h:" + cue] = (w, str(label))
    return _Model(
        bias=float(data["bias"]),
        weights=weights,
        lexicon=Lexicon.from_lists(data["lexicon"]),
        sqrt_scale=data["ngram_scale"] == "sqrt",
        bigrams="bi" in data["features"],
        reasons=reasons,
    )


def _logit(sentence: str, model: _Model) -> tuple[float, list[str], set[str], float]:
    """The model's logit, with the words, cue features and n-gram scale it was computed from."""
    words, hand = extract_features(sentence, model.lexicon)
    get = model.weights.get
    zeros = repeat(0.0)
    # The n-grams of ``ngrams(words)``, looked up without building that list.
    total = sum(map(get, words, zeros))
    if model.bigrams:
        total += sum(map(get, map(" ".join, pairwise([_START, *words, _END])), zeros))
    scale = 1.0 / math.sqrt(2 * len(words) + 1) if model.sqrt_scale else 1.0
    return model.bias + scale * total + sum(map(get, hand, zeros)), words, hand, scale


def sentence_logit(sentence: str, *, lang: str = "en") -> tuple[float, frozenset[str]]:
    """The sentence model's logit and its cue features ('h:opinion', ...), for the news score."""
    z, _, hand, _ = _logit(sentence, _model(lang))
    return z, frozenset(hand)


def cue_words(sentence: str, cue: str, lang: str = "en") -> list[str]:
    """The words of `sentence` that raise the cue feature `cue` ('opinion' -> ['should'])."""
    lexicon = _model(lang).lexicon
    feature = "h:" + cue
    out = []
    for chunk in sentence.replace("\u2019", "'").split():
        word = chunk.strip(_STRIP)
        if feature in lexicon.cues.get(word.lower(), ()):
            out.append(word)
    return out


def score_sentence(sentence: str, *, lang: str = "en") -> Worthiness:
    """Score how worth checking one sentence is on its own, with the cues that raised it most.

    The claims panel shows the news score of `news_score.py`, which builds on this one; plain
    key words ('have', 'been') are never given as reasons: they tell a journalist nothing.
    """
    model = _model(lang)
    z, _, hand, _ = _logit(sentence, model)
    score = 1.0 / (1.0 + math.exp(-z)) if z > -500.0 else 0.0
    # (weight, label) of each cue that raised the score, strongest first; a label said once.
    hits = sorted(filter(None, map(model.reasons.get, hand)), reverse=True)
    return Worthiness(score, tuple(dict.fromkeys([label for _, label in hits]))[:_MAX_REASONS])
