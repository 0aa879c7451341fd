"""The linking evaluation (tests/evaluation/claim_links.py) held to floors.

The printed table (`python -m tests.evaluation`) compares the figures with the issue's goal (0.9
precision at 0.8 recall); these floors are what the matcher reaches now, set a little below the
measured figures so that a change that makes linking worse fails here. Linking is measured within
a library (each split's claims indexed with some 10,000 background Wikinews claims, as the module
explains); the background is analysed once per run, and this file takes about 10 s. Links to
background claims are judged on a sample read by hand (background_dev.json, GUIDELINES.md).
"""

from __future__ import annotations

import pytest

from tests.evaluation import claim_links
from tests.evaluation.claims import wikinews_articles

pytestmark = pytest.mark.skipif(not claim_links.available(), reason="wikinews sample not present")

# (split, metric) -> the floor; measured when set (within the library, threshold 0.51): linking dev
# 43/45 and 43/55, held out 14/17 and 14/37 (measured once, after the changes for background links;
# before them 18/22 and 18/37); figures disagree dev 18/18 and 18/18, held out 8/9 and 8/8; origins
# 6/6 and 5/5; dev links to background claims the same claim 7/13 (before: 7/39), all 13 judged.
# The fresh split, labelled blind after the matcher was last tuned (GUIDELINES.md): linking 12/21
# and 12/39, figures disagree 12/12 and 12/12, origins 11/12, at its first run.
FLOORS = {
    ("dev", "linking precision"): 0.93,
    ("dev", "linking recall"): 0.76,
    ("heldout", "linking precision"): 0.80,
    ("heldout", "linking recall"): 0.36,
    ("dev", "figures disagree precision"): 0.95,
    ("dev", "figures disagree recall"): 0.95,
    ("heldout", "figures disagree precision"): 0.85,
    ("heldout", "figures disagree recall"): 0.85,
    ("dev", "origin right"): 0.8,
    ("heldout", "origin right"): 0.8,
    ("dev", "background link precision"): 0.50,
    ("dev", "background links judged"): 0.95,
    ("fresh", "linking precision"): 0.55,
    ("fresh", "linking recall"): 0.29,
    ("fresh", "figures disagree precision"): 0.95,
    ("fresh", "figures disagree recall"): 0.95,
    ("fresh", "origin right"): 0.8,
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


def test_the_library_is_the_other_wikinews_articles() -> None:
    """The background holds every Wikinews article the set does not label, and links to it are
    not counted: every predicted pair is two labelled claims of the split."""
    labelled = {a["wikinews"] for a in claim_links.labels()["articles"].values() if "wikinews" in a}
    rows = wikinews_articles()
    assert len(claim_links.background()) == len(rows) - len(labelled) > 250
    assert sum(len(a) for a in claim_links.background()) > 9000
    refs = {
        (key, c.start, c.end)
        for key, article in claim_links.labels()["articles"].items()
        if article["split"] == "dev"
        for c in claim_links.claims()[key]
    }
    found = claim_links.predicted_pairs("dev")
    assert found and all(pair <= refs for pair in found)


def test_every_judged_background_link_names_claims_the_engine_detects() -> None:
    """A judged pair whose offsets no longer meet a detected claim would never be counted."""
    background = {bg.ref for claims in claim_links.background() for bg in claims}
    judged = claim_links.background_labels()
    assert len(judged) >= 80 and any(judged.values()) and not all(judged.values())
    for dev_claim, outside in judged:
        claim_links._claim(dev_claim)
        assert outside in background


def test_links_to_the_background_are_the_matchers_at_its_threshold() -> None:
    """The links judged are the matcher's at its threshold; below it (as the sample was drawn) more."""
    at = claim_links.library_links("dev").background
    below = claim_links.library_links("dev", 0.40).background
    assert at and set(at) < set(below)
    assert all(score >= 0.40 for _, _, score in below)
    assert claim_links.background_scores("dev")["judged"][1] == len(at)
