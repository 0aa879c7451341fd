"""The seed article's gold analysis (../shared/corpus/seed), field by field, at full marks."""

from __future__ import annotations

import pytest

from tests.evaluation import SEED, Row
from tests.evaluation.claims import _seed_rows, seed_docs, seed_mismatches
from tests.helpers import case_id

pytestmark = pytest.mark.skipif(not any(SEED.glob("*.gold.json")), reason="seed corpus not present")


@pytest.mark.parametrize(
    "row", _seed_rows() if any(SEED.glob("*.gold.json")) else [], ids=lambda r: case_id(r.metric)
)
def test_seed_row_at_full_marks(row: Row) -> None:
    assert row.passed, (row, seed_mismatches())


def test_no_differences_from_gold() -> None:
    assert seed_mismatches() == []


def test_every_gold_sentence_is_also_a_segmented_sentence() -> None:
    for doc in seed_docs():
        spans = {(s.start, s.end) for s in doc.analysis.sentences}
        for g in doc.gold["sentences"]:
            assert (g["start"], g["end"]) in spans, g["text"]


def test_sources_stand_at_their_offsets() -> None:
    for doc in seed_docs():
        for c in doc.analysis.claims:
            if c.source is not None:
                assert c.source_start is not None and c.source_end is not None
                assert doc.text[c.source_start : c.source_end] == c.source
