"""Who asserts it: the engine's sources against hand-labelled news.

Three sets, scored the same way:
- GUM's Wikinews news articles (`../shared/eval/attribution/gum_wikinews`, 24 articles, 199 gold
  attributions; CC BY 4.0 annotations over CC BY 2.5 text), the development set;
- our own labels over 24 other Wikinews articles (`tests/data/attribution_wikinews`, written to
  the guidelines there, every other article held out);
- our labels, to the same guidelines, over NTREX's English news (`tests/data/attribution_ntrex`:
  BBC, Reuters and other wire and political copy; half the articles held out).

A source is right when its span and the gold span overlap and one's last word lies in the
other (so "the Afghan team's coach" and "the team's coach" agree, "U.S. officials have not"
and "U.S. officials" do not), or when the two are an apposition ("the coach, Alireza
Mehraban": either side). Precision on GUM leaves out the one article whose annotators marked no
attribution at all (GUM_news_flag): there every source would count as wrong.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.domain.attribution import anaphor_type
from app.domain.claims import Analysis, DetectedClaim, analyze
from app.domain.lexicon import load
from app.domain.text import normalize_text
from tests.evaluation import EVAL, Row
from tests.evaluation.claims import wikinews_articles

GUM = EVAL / "attribution" / "gum_wikinews" / "gum_wikinews_news.jsonl"
OURS = Path(__file__).resolve().parents[1] / "data" / "attribution_wikinews" / "labels.jsonl"
OURS_NTREX = Path(__file__).resolve().parents[1] / "data" / "attribution_ntrex" / "labels.jsonl"
NTREX = EVAL / "multilingual" / "ntrex" / "ntrex_news_eng.jsonl"
GOAL_RECALL = 0.85
GOAL_PRECISION = 0.95
GOAL_RESOLVED = 0.80
FLOORS_NTREX_DEV = (0.87, 0.93, 0.76)
FLOORS_NTREX_HELDOUT = (0.80, 0.87, 0.72)


def same_source(text: str, got: tuple[int, int], want: tuple[int, int]) -> bool:
    """Whether two source spans name the same source (see the module docstring)."""
    (ga, gb), (wa, wb) = got, want
    if gb <= wa or wb <= ga:
        between = text[min(gb, wb) : max(ga, wa)]
        return between.strip() == "," and len(between) <= 3
    got_head = ga + len(text[ga:gb].rstrip(" ,.'\u2019s"))
    want_head = wa + len(text[wa:wb].rstrip(" ,.'\u2019s"))
    return wa <= got_head <= wb + 2 or ga <= want_head <= gb + 2


def _claim_at(analysis: Analysis, offset: int) -> DetectedClaim | None:
    return next((c for c in analysis.claims if c.start <= offset < c.end), None)


def _span(c: DetectedClaim | None) -> tuple[int, int] | None:
    if c is None or c.source_start is None or c.source_end is None:
        return None
    return c.source_start, c.source_end


@dataclass(frozen=True)
class Outcome:
    """One gold attribution or one source the engine gave, and whether it was right."""

    right: bool
    rule: str | None  # the engine's rule, for sources it gave
    text: str  # for reading the misses


# --- GUM ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def gum_docs() -> tuple[tuple[dict[str, Any], Analysis], ...]:
    docs = [json.loads(line) for line in GUM.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple((d, analyze(d["text"], title=d["title"])) for d in docs)


def gum_recall(nested: bool = True) -> list[Outcome]:
    """Per gold attribution: did the sentence holding its source get that source?"""
    out = []
    for doc, analysis in gum_docs():
        for g in doc["attributions"]:
            if g["nested"] and not nested:
                continue
            want = (g["source"]["start"], g["source"]["end"])
            c = _claim_at(analysis, want[0])
            got = _span(c)
            out.append(
                Outcome(got is not None and same_source(doc["text"], got, want), None, g["source"]["text"])
            )
    return out


def gum_recall_any() -> list[Outcome]:
    """Per gold attribution, nested ones included: does any attribution the engine lists for the
    sentence ('attributions': each cue's source, those inside quotations too) name that source?"""
    out = []
    for doc, analysis in gum_docs():
        for g in doc["attributions"]:
            want = (g["source"]["start"], g["source"]["end"])
            c = _claim_at(analysis, want[0])
            given = [a.source for a in c.attributions] if c else []
            out.append(
                Outcome(any(same_source(doc["text"], got, want) for got in given), None, g["source"]["text"])
            )
    return out


def gum_ceiling() -> list[Outcome]:
    """Per gold attribution: could one source per sentence match it at all? A sentence holding
    two attributions of different sources ('"I think ...," said Gustafon') gets one of them
    wrong whatever the claim's source is: the ceiling of the first row."""
    out = []
    for doc, analysis in gum_docs():
        text = doc["text"]
        by_claim: dict[int, list[tuple[int, int]]] = {}
        for g in doc["attributions"]:
            want = (g["source"]["start"], g["source"]["end"])
            c = _claim_at(analysis, want[0])
            by_claim.setdefault(c.start if c else -1 - want[0], []).append(want)
        for wants in by_claim.values():
            best = max(sum(same_source(text, a, b) for b in wants) for a in wants)
            out += [Outcome(k < best, None, "") for k in range(len(wants))]
    return out


def gum_precision(every: bool = False) -> list[Outcome]:
    """Per source the engine gave (in articles with any gold attribution): is it a gold source?
    `every`: each attribution it lists (every cue's source, nested ones too), not only the claim's."""
    out = []
    for doc, analysis in gum_docs():
        text = doc["text"]
        gold = [(g["source"]["start"], g["source"]["end"]) for g in doc["attributions"]]
        if not gold:
            continue
        for c in analysis.claims:
            own = _span(c)
            given = [(a.source, a.rule) for a in c.attributions] if every else [(own, c.source_rule)]
            for got, rule in given:
                if got is None or (got == own and c.source_from_context):
                    continue  # none, or a quotation's speaker carried from an earlier sentence
                right = any(same_source(text, got, w) for w in gold)
                out.append(Outcome(right, rule, f"{text[got[0] : got[1]]} | {c.text[:100]}"))
    return out


# --- our labels: Wikinews and NTREX ---------------------------------------------------------


def _wikinews_texts() -> dict[str, tuple[str, str | None, int | None]]:
    return {a["url"]: (normalize_text(a["text"]), a["title"], None) for a in wikinews_articles()}


def _ntrex_texts() -> dict[str, tuple[str, str | None, int | None]]:
    """Each NTREX document opens with its headline on a line of its own, which the JSONL joined to
    the first sentence with a space. The engine gets the headline apart again (a blank line in
    place of that space: label offsets after it move by one); the rest stays one paragraph, as
    NTREX has no paragraph marks, so a quote that runs over several sentences stays one quote."""
    rows = [json.loads(line) for line in NTREX.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: dict[str, tuple[str, str | None, int | None]] = {}
    for r in rows:
        text, cut = r["text"], None
        if len(r["sentences"]) > 1 and text[r["sentences"][1]["start"] - 1] == " ":
            cut = r["sentences"][1]["start"] - 1
            text = text[:cut] + "\n\n" + text[cut + 1 :]
        out[r["id"]] = (text, None, cut)
    return out


def _moved(row: dict[str, Any], cut: int | None) -> dict[str, Any]:
    """A label row with its offsets past the inserted character moved by one."""
    if cut is None:
        return row

    def at(pos: int) -> int:
        return pos + 1 if pos > cut else pos

    moved = {**row, "start": at(row["start"]), "end": at(row["end"])}
    if row["source"]:
        moved["source"] = {"start": at(row["source"]["start"]), "end": at(row["source"]["end"])}
    return moved


# dataset -> (labels file, the field naming the article, the article texts by that name)
DATASETS: dict[str, tuple[Path, str, Callable[[], dict[str, tuple[str, str | None, int | None]]]]] = {
    "Wikinews": (OURS, "url", _wikinews_texts),
    "NTREX": (OURS_NTREX, "id", _ntrex_texts),
}


@lru_cache(maxsize=4)
def _labelled(dataset: str) -> tuple[tuple[str, str, Analysis, tuple[dict[str, Any], ...]], ...]:
    """(article, text, analysis, its label rows), every row checked against the text it was made on."""
    path, key, texts_of = DATASETS[dataset]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts_of()
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        text, _, cut = texts[r[key]]
        r = _moved(r, cut)
        if hashlib.sha1(text[r["start"] : r["end"]].encode()).hexdigest()[:12] != r["sha1"]:
            raise AssertionError(f"{r[key]} {r['start']}: the labelled sentence changed")
        by_article.setdefault(r[key], []).append(r)
    out = []
    for article, items in by_article.items():
        text, title, _ = texts[article]
        out.append((article, text, analyze(text, title=title), tuple(items)))
    return tuple(out)


def ours(split: str, dataset: str = "Wikinews") -> tuple[list[Outcome], list[Outcome], list[Outcome]]:
    """(recall outcomes, precision outcomes, anaphor resolution outcomes) on one split.

    A labelled source is found when the engine's sentence holding it names it; a source the engine
    gives is right when the labelled sentence holding it has that source. A quote carried from the
    sentence before has its speaker outside the sentence, which the labels leave null by their
    format: such sentences are not scored.
    """
    lex = load("en")
    recall, precision, resolved = [], [], []
    for _, text, analysis, items in _labelled(dataset):
        items = tuple(r for r in items if r["split"] == split)
        if not items:
            continue
        for r in items:
            if not r["source"]:
                continue
            want = (r["source"]["start"], r["source"]["end"])
            c = _claim_at(analysis, want[0])
            if c is not None and c.source_from_context:
                continue
            got = _span(c)
            hit = got is not None and same_source(text, got, want)
            span_text = text[want[0] : want[1]]
            recall.append(Outcome(hit, None, span_text))
            if hit and c is not None and r["resolved"] and anaphor_type(span_text, lex) is not None:
                name_ok = _same_name(c.source_resolved, r["resolved"])
                resolved.append(Outcome(name_ok, None, f"{span_text} -> {r['resolved']}"))
        for c in analysis.claims:
            got = _span(c)
            if got is None or c.source_from_context:
                continue
            row = next((r for r in items if r["start"] <= got[0] < r["end"]), None)
            if row is None:
                continue  # in a sentence of another split, or in no labelled sentence
            gold = (row["source"]["start"], row["source"]["end"]) if row["source"] else None
            right = gold is not None and same_source(text, got, gold)
            precision.append(Outcome(right, c.source_rule, f"{c.source} | {c.text[:100]}"))
    return recall, precision, resolved


def _same_name(got: str | None, want: str) -> bool:
    """'President Jane Roe' and 'Jane Roe', 'Mr. Gendon' and 'Gendon Subandono' are one name."""
    if not got:
        return False
    g, w = got.lower().split(), want.lower().split()
    names = {x.strip(".,'\u2019s") for x in got.split() if x[:1].isupper() and len(x) > 2}
    shared = names & {
        x.strip(".,'\u2019s") for x in want.split() if x[:1].isupper()
    }  # 'Mr. Gendon', 'Gendon Subandono'
    return g[-1:] == w[-1:] or got.lower() in want.lower() or want.lower() in got.lower() or bool(shared)


# --- the table ------------------------------------------------------------------------------


def _ratio(items: list[Outcome]) -> tuple[int, int, float]:
    n = sum(1 for o in items if o.right)
    return n, len(items), (n / len(items) if items else 0.0)


def _row(suite: str, metric: str, items: list[Outcome], floor: float, asked: float | None = None) -> Row:
    """A measured share against a floor the suite asserts (regressions fail); `asked` is the
    issue's goal where it is higher, printed beside the floor so a missed goal stays visible."""
    n, total, share = _ratio(items)
    measured = f"{n}/{total} ({100 * share:.1f}%)"
    goal = f">= {100 * floor:.0f}%" + (f" (goal {100 * asked:.0f}%)" if asked and asked > floor else "")
    return Row(suite, metric, measured, goal, total > 0 and share >= floor)


def rule_precision(items: list[Outcome]) -> dict[str, tuple[int, int]]:
    """(right, given) per rule: what `scripts/calibrate_sources.py` turns into confidences."""
    given = Counter(o.rule or "?" for o in items)
    right = Counter(o.rule or "?" for o in items if o.right)
    return {rule: (right[rule], given[rule]) for rule in given}


def rows() -> list[Row]:
    suite = "attribution: GUM news"
    out = [
        _row(suite, "source right, every gold attribution", gum_recall(), 0.81, GOAL_RECALL),
        _row(suite, "  ceiling of that row: one source per sentence", gum_ceiling(), 0.89),
        _row(suite, "source right, not nested in a quote", gum_recall(nested=False), 0.87, GOAL_RECALL),
        _row(suite, "sources given that are right", gum_precision(), 0.95, GOAL_PRECISION),
        _row(suite, "source right, any attribution of the sentence", gum_recall_any(), 0.88, GOAL_RECALL),
        _row(suite, "every attribution given that is right", gum_precision(every=True), 0.93, GOAL_PRECISION),
    ]
    # floors a little under today's figures: a regression fails, the goals stay printed beside them
    floors = {
        ("Wikinews", "dev"): (0.86, 0.92, 0.80),
        ("Wikinews", "heldout"): (0.78, 0.92, 0.80),
        ("NTREX", "dev"): FLOORS_NTREX_DEV,
        ("NTREX", "heldout"): FLOORS_NTREX_HELDOUT,
    }
    for (dataset, split), (recall_floor, precision_floor, resolved_floor) in floors.items():
        recall, precision, resolved = ours(split, dataset)
        s = f"attribution: our {dataset} {split}"
        out += [
            _row(s, "source right, labelled sources", recall, recall_floor, GOAL_RECALL),
            _row(s, "sources given that are right", precision, precision_floor, GOAL_PRECISION),
            _row(s, "he / the agency resolved to the right name", resolved, resolved_floor, GOAL_RESOLVED),
        ]
    return out
