"""Measure how often each attribution rule is right; write app/domain/data/source_confidence_en.json.

Run from the repository root: ``python scripts/calibrate_sources.py``. It scores the sources the
engine gives on the development sets only (GUM's Wikinews news and the `dev` parts of our Wikinews
and NTREX labels; the held-out parts are never read here) and records, per rule, how many were right. The
confidence shipped is that precision shrunk towards the overall one by a few pseudo-counts, so a
rule seen three times does not claim 100%.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.evaluation import attribution  # noqa: E402

OUT = ROOT / "app" / "domain" / "data" / "source_confidence_en.json"
PSEUDO = 4  # pseudo-counts of the overall precision added to every rule


def main() -> int:
    outcomes = attribution.gum_precision() + attribution.ours("dev")[1] + attribution.ours("dev", "NTREX")[1]
    per_rule = attribution.rule_precision(outcomes)
    right = sum(r for r, _ in per_rule.values())
    given = sum(g for _, g in per_rule.values())
    overall = right / given
    resolved = attribution.ours("dev")[2] + attribution.ours("dev", "NTREX")[2]
    rules = {
        rule: {"right": r, "given": g, "precision": round((r + PSEUDO * overall) / (g + PSEUDO), 3)}
        for rule, (r, g) in sorted(per_rule.items())
    }
    # 'he said' with the name found: right as often as the rule times as often as the name is right
    rules["anaphor_resolved"] = {
        "right": sum(o.right for o in resolved),
        "given": len(resolved),
        "precision": round(sum(o.right for o in resolved) / len(resolved), 3),
    }
    out = {
        "language": "en",
        "measured_on": "GUM Wikinews news (24 articles); the dev splits of tests/data/attribution_wikinews"
        " and tests/data/attribution_ntrex",
        "overall_precision": round(overall, 3),
        "pseudo_counts": PSEUDO,
        "rules": rules,
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    for rule, v in rules.items():
        print(f"{rule:20} {v['right']:>4}/{v['given']:<4} -> {v['precision']}")
    print(f"overall {right}/{given} = {overall:.3f}; wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
