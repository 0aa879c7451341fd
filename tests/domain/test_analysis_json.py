"""The analysis as JSON (`claimdesk analyze --json`, app/domain/claims.py): every attribution's
offsets point at its words in the text, so another tool can highlight them."""

from __future__ import annotations

from app.domain.claims import analyze


def test_each_attribution_names_its_source_and_cue_with_offsets_into_the_text() -> None:
    text = "The crane fell on Monday, the port said. Divers found 14 shells, according to the navy."
    claims = analyze(text).to_json()["claims"]
    attributions = [a for claim in claims for a in claim["attributions"]]
    assert {a["source"] for a in attributions} >= {"the port", "the navy"}
    for said in attributions:
        assert text[said["source_start"] : said["source_end"]] == said["source"]
        if said["cue"] is not None:
            assert text[said["cue_start"] : said["cue_end"]] == said["cue"]
