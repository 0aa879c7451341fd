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
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
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
    # Plain words (letters only, 4+ long) that raise the score: candidates for a "key word" reason.
    key_words: Mapping[str, float]


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
        key_words={k: w for k, w in weights.items() if w > 0.0 and len(k) > 3 and k.isalpha()},
    )


def score_sentence(sentence: str, *, lang: str = "en") -> Worthiness:
    """Score how worth checking one sentence is, with the cues that raised the score most.

    Reasons name the cues that pushed this sentence's score up the most, strongest first; for
    a flagged sentence (score >= 0.5) the strongest plain key word is added when it weighs
    enough, so the panel can always say why.
    """
    model = _model(lang)
    words, hand = extract_features(sentence, model.lexicon)
    get = model.weights.get
    zeros = repeat(0.0)
    # The n-grams of ``ngrams(words)``, looked up without building that list.
    total = sum(map(get, words, zeros))
    if model.bigrams:
        total += sum(map(get, map(" ".join, pairwise([_START, *words, _END])), zeros))
    scale = 1.0 / math.sqrt(2 * len(words) + 1) if model.sqrt_scale else 1.0
    z = model.bias + scale * total + sum(map(get, hand, zeros))
    score = 1.0 / (1.0 + math.exp(-z)) if z > -500.0 else 0.0
    # (weight, label) of each cue that raised the score, strongest first; a label said once.
    hits = list(filter(None, map(model.reasons.get, hand)))
    if score >= THRESHOLD and words:
        best_w, best = max(zip(map(model.key_words.get, words, zeros), words, strict=False))
        best_w *= scale
        if best_w >= _MIN_REASON:
            hits.append((best_w, f"key word “{best}”"))
    if not hits:
        return Worthiness(score, ())
    hits.sort(reverse=True)
    return Worthiness(score, tuple(dict.fromkeys([label for _, label in hits]))[:_MAX_REASONS])
