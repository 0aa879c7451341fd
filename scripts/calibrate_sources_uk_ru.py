"""Measure how often each Ukrainian and Russian attribution rule is right; write
app/domain/data/source_confidence_uk.json and source_confidence_ru.json.

Run from the repository root: ``python scripts/calibrate_sources_uk_ru.py``. Like
calibrate_sources.py for English: only the development part of tests/data/attribution_uk_ru is
read, and each rule's precision is shrunk towards the overall one by a few pseudo-counts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.evaluation import multilingual  # noqa: E402

PSEUDO = 4  # pseudo-counts of the overall precision added to every rule


def main() -> int:
    for lang in multilingual.LANGS:
        per_rule = multilingual.rule_precision(lang)
        right = sum(r for r, _ in per_rule.values())
        given = sum(g for _, g in per_rule.values())
        overall = right / given
        rules = {
            rule: {"right": r, "given": g, "precision": round((r + PSEUDO * overall) / (g + PSEUDO), 3)}
            for rule, (r, g) in sorted(per_rule.items())
        }
        data = {
            "language": lang,
            "measured_on": "the dev part of tests/data/attribution_uk_ru (NTREX news, our labels)",
            "overall_precision": round(overall, 3),
            "pseudo_counts": PSEUDO,
            "rules": rules,
        }
        out = ROOT / "app" / "domain" / "data" / f"source_confidence_{lang}.json"
        out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {right}/{given} right; {', '.join(sorted(rules))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
