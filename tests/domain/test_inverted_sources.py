"""A source named after its verb at the end of a sentence ('..., says the harbour master.',
app/domain/attribution.py): found, and found by the rule whose measured precision is its confidence."""

from __future__ import annotations

from app.domain.claims import analyze


def test_a_speaker_after_says_at_the_end_is_the_source() -> None:
    (claim,) = analyze("The port is shut, says the harbour master.").claims
    assert (claim.source, claim.source_rule) == ("the harbour master", "inverted")
