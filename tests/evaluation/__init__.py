"""Evaluation of the claim engine against material written by others (in ../shared/eval).

Each module here exposes `rows() -> list[Row]`; `python -m tests.evaluation` prints them all as
one table, and the test suite asserts the same rows' `passed`, so the printed figures and the
asserted thresholds can never drift apart. Except a held-out test split (ClaimBuster's test.json):
a module with one asserts `gated_rows()`, which never reads it, and only the
report measures it, so no change is ever tuned against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVAL = SHARED / "eval"
SEED = SHARED / "corpus" / "seed"


@dataclass(frozen=True)
class Row:
    suite: str  # e.g. "sentences: golden rules"
    metric: str  # e.g. "cases passed"
    measured: str  # e.g. "48/48 (100.0%)"
    goal: str  # e.g. "48/48"
    passed: bool
