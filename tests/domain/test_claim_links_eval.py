"""The linking evaluation (tests/evaluation/claim_links.py) held to floors.

The printed table (`python -m tests.evaluation`) compares the figures with the issue's goal (0.9
precision at 0.8 recall); these floors are what the matcher reaches now, set a little below the
measured figures so that a change that makes linking worse fails here.
"""

from __future__ import annotations

import pytest

from tests.evaluation import claim_links

pytestmark = pytest.mark.skipif(not claim_links.available(), reason="wikinews sample not present")

# (split, metric) -> the floor; measured when set: linking dev 36/41 and 36/55, held out 14/19 and
# 14/37; figures disagree dev 18/18 and 18/18, held out 8/9 and 8/8; origins 6/6 and 5/5
FLOORS = {
    ("dev", "linking precision"): 0.85,
    ("dev", "linking recall"): 0.62,
    ("heldout", "linking precision"): 0.70,
    ("heldout", "linking recall"): 0.35,
    ("dev", "figures disagree precision"): 0.95,
    ("dev", "figures disagree recall"): 0.95,
    ("heldout", "figures disagree precision"): 0.85,
    ("heldout", "figures disagree recall"): 0.85,
    ("dev", "origin right"): 0.8,
    ("heldout", "origin right"): 0.8,
}


def _share(measured: str) -> float:
    hits, total = measured.split()[0].split("/")
    return int(hits) / int(total)


def test_every_floor_holds() -> None:
    rows = {(r.suite.split(": ")[1], r.metric): r for r in claim_links.rows()}
    assert set(rows) == set(FLOORS)
    low = {key: rows[key].measured for key, floor in FLOORS.items() if _share(rows[key].measured) < floor}
    assert low == {}


def test_every_labelled_claim_is_one_the_engine_detects() -> None:
    """Offsets that no longer meet a detected claim would quietly count as misses."""
    for split in claim_links.SPLITS:
        for pair in claim_links.gold_pairs(split):
            for ref in pair:
                claim_links._claim(ref)
