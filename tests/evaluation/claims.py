"""Claim engine against others' material: the seed gold, textacy's quotations, Wikinews articles."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.domain.claims import KINDS, Analysis, DetectedClaim, analyze
from app.domain.quotes import find_quotes
from app.domain.text import normalize_text
from tests.evaluation import EVAL, SEED, Row

QUOTES = EVAL / "quotes" / "direct_quotations_cases.jsonl"
WIKINEWS = EVAL / "news" / "wikinews"


@dataclass(frozen=True)
class SeedDoc:
    name: str
    text: str
    gold: dict[str, Any]
    analysis: Analysis


@lru_cache(maxsize=1)
def seed_docs() -> tuple[SeedDoc, ...]:
    """Every seed article with its gold file, analysed once."""
    docs = []
    for gold_path in sorted(SEED.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = normalize_text((SEED / gold["document"]).read_text(encoding="utf-8"))
        docs.append(SeedDoc(gold["document"], text, gold, analyze(text)))
    return tuple(docs)


def _matched(doc: SeedDoc) -> Iterator[tuple[dict[str, Any], DetectedClaim | None]]:
    by_offsets = {(c.start, c.end): c for c in doc.analysis.claims}
    for g in doc.gold["sentences"]:
        yield g, by_offsets.get((g["start"], g["end"]))


def _source_ok(g: dict[str, Any], c: DetectedClaim) -> bool:
    """Source span, what an anaphor refers to, secondary source and 'from context' all as gold."""
    return (
        c.source == g.get("source")
        and c.source_refers_to == g.get("source_refers_to")
        and c.secondary_source == g.get("secondary_source")
        and c.source_from_context == bool(g.get("source_from_context", False))
    )


FIELDS: dict[str, Callable[[dict[str, Any], DetectedClaim], bool]] = {
    "sentences found with exact offsets": lambda g, c: c.text == g["text"],
    "kind": lambda g, c: c.kind == g["kind"],
    "source": _source_ok,
    "cues": lambda g, c: list(c.cues) == g["cues"],
    "hedges": lambda g, c: list(c.hedges) == g["hedges"],
    "figures": lambda g, c: list(c.figures) == g["figures"],
    "applies_to": lambda g, c: list(c.applies_to) == g.get("applies_to", []),
}


def seed_mismatches() -> list[str]:
    """Readable differences from the gold, for test failure messages."""
    out = []
    for doc in seed_docs():
        for g, c in _matched(doc):
            if c is None:
                out.append(f"{doc.name} {g['start']}-{g['end']}: sentence not found")
                continue
            for name, ok in FIELDS.items():
                if not ok(g, c):
                    out.append(f"{doc.name} {g['start']}: {name}: got {c.to_json()} want {g}")
    return out


def _score(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.1f}%)" if total else "0/0"


def _seed_rows() -> list[Row]:
    rows = []
    docs = seed_docs()
    total = sum(len(d.gold["sentences"]) for d in docs)
    for name, ok in FIELDS.items():
        n = sum(1 for d in docs for g, c in _matched(d) if c is not None and ok(g, c))
        rows.append(Row("claims: seed gold", name, _score(n, total), f"{total}/{total}", n == total))
    bylines = sum(
        1
        for d in docs
        if d.analysis.byline == d.gold["byline"]["author"]
        and d.analysis.byline_span is not None
        and (d.analysis.byline_span.start, d.analysis.byline_span.end)
        == (d.gold["byline"]["start"], d.gold["byline"]["end"])
    )
    rows.append(
        Row(
            "claims: seed gold",
            "byline recognised",
            _score(bylines, len(docs)),
            f"{len(docs)}/{len(docs)}",
            bylines == len(docs),
        )
    )
    boxes = sum(
        1
        for d in docs
        if all(c.end <= d.gold["body_end"] for c in d.analysis.claims)
        and len(d.analysis.claims) == len(d.gold["sentences"])
    )
    rows.append(
        Row(
            "claims: seed gold",
            "author box excluded, no extra claims",
            _score(boxes, len(docs)),
            f"{len(docs)}/{len(docs)}",
            boxes == len(docs),
        )
    )
    return rows


def quote_cases() -> list[dict[str, Any]]:
    return [json.loads(line) for line in QUOTES.read_text(encoding="utf-8").splitlines() if line.strip()]


def quote_case_ok(case: dict[str, Any]) -> bool:
    """Same quotes (content with marks), same speaker and cue words, nothing more."""
    got = find_quotes(case["text"], case.get("lang", "en"))
    want = case["expected"]
    if len(got) != len(want):
        return False
    for q, w in zip(got, want, strict=True):
        if q.content != w["content"]:
            return False
        if (q.speaker or "").split() != w["speaker_tokens"] or (q.cue or "").split() != w["cue_tokens"]:
            return False
    return True


def wikinews_articles() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    return rows


def invariant_errors(a: Analysis) -> list[str]:
    """What must hold for any analysis of any article."""
    errors = []
    n = len(a.text)
    for i, c in enumerate(a.claims):
        if not 0 <= c.start < c.end <= n or a.text[c.start : c.end] != c.text:
            errors.append(f"claim {i}: bad offsets")
        at = a.text[c.source_start : c.source_end] if c.source_start is not None else None
        if c.source is not None and (c.source_end is None or at != c.source):
            errors.append(f"claim {i}: source not at its offsets")
        if not 0.0 <= c.score <= 1.0:
            errors.append(f"claim {i}: score out of range")
        if c.kind not in KINDS:
            errors.append(f"claim {i}: kind {c.kind}")
        if any(not 0 <= j < len(a.claims) or j == i for j in c.applies_to):
            errors.append(f"claim {i}: applies_to out of range")
        if any(x not in c.text for x in (*c.cues, *c.hedges, *c.figures)):
            errors.append(f"claim {i}: cue/hedge/figure not in the sentence")
    for s in a.sentences:
        if not 0 <= s.start < s.end <= n:
            errors.append("sentence offsets out of bounds")
    json.dumps(a.to_json())
    return errors


def wikinews_failures() -> list[str]:
    """'url: problem' for every article that fails to analyse or breaks an invariant."""
    out: list[str] = []
    for art in wikinews_articles():
        try:
            a = analyze(normalize_text(art["text"]), title=art["title"])
            errs = invariant_errors(a)
        except Exception as e:  # the row counts articles that fail in any way
            errs = [repr(e)]
        out.extend(f"{art['url']}: {e}" for e in errs)
    return out


def rows() -> list[Row]:
    result = _seed_rows()
    cases = quote_cases()
    ok = sum(quote_case_ok(c) for c in cases)
    result.append(
        Row(
            "claims: textacy quotes",
            "cases passed (negatives included)",
            _score(ok, len(cases)),
            f"{len(cases)}/{len(cases)}",
            ok == len(cases),
        )
    )
    articles = wikinews_articles()
    failures = {f.split(": ", 1)[0] for f in wikinews_failures()}
    good = len(articles) - len(failures)
    result.append(
        Row(
            "claims: wikinews",
            "articles analysed, invariants hold",
            _score(good, len(articles)),
            f"{len(articles)}/{len(articles)}",
            good == len(articles),
        )
    )
    return result
