"""Caveats as a family: every form of 'could not verify' and 'gave no answer', none of their look-alikes,
and the claims each qualifies, before or after it, by what they share."""

from __future__ import annotations

import pytest

from app.domain.claims import analyze


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbour Post could not independently verify the footage.",
        "The Harbour Post couldn't independently verify the footage.",
        "We can\u2019t confirm the figure.",
        "The claim could not be verified by the Harbour Post.",
        "That account hasn't been independently verified.",
        "It was not possible to verify the video.",
        "It was not immediately possible to confirm his statement.",
        "There was no independent confirmation of the death toll.",
        "The ministry said it had no information that would confirm or deny the report.",
        "Neither side's account could be independently verified.",
        "The company declined to comment.",
        "The embassy did not respond to a request for comment.",
        "A spokesman didn't immediately reply to emailed questions.",
        "The mayor's office could not be reached for comment on Friday.",
        "The hospital would not confirm that number.",
        "Reuters was unable to independently verify that a transfer took place.",
        "The prisons service did not return calls seeking comment.",
    ],
)
def test_each_form_of_a_caveat_is_found(sentence: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.kind == "caveat"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry confirmed the figure on Monday.",
        "Officials verified the ballots on Tuesday.",
        "Shares in the company declined 4% in early trading.",
        "The minister refused to resign.",
        "Police could not find the suspect.",
        "She declined the offer.",
        "The patient did not respond to treatment.",
        "The court could not verify his identity, so he was held.",
        "Judges could not verify claims that the witness had been paid, the ruling said.",
        "Reuters was able to confirm the location of the video.",
        "The senator faces a confirmation hearing next week.",
    ],
)
def test_look_alikes_are_not_caveats(sentence: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.kind != "caveat"


def test_a_trailing_caveat_clause_hedges_its_own_claim() -> None:
    (claim,) = analyze(
        "A lawmaker put the toll at 100, a figure that could not be independently verified."
    ).claims
    assert claim.kind == "claim"
    assert "could not be independently verified" in claim.hedges


def test_applies_to_follows_what_the_caveat_shares_not_adjacency() -> None:
    text = (
        "The charity said it had delivered food to 300,000 people since January. "
        "It also said two of its trucks had been looted at a checkpoint. "
        "The United Nations praised the charity's work. "
        "We could not independently verify the figure of 300,000. "
        "The army, which controls the checkpoint, declined to comment on the reported looting."
    )
    claims = analyze(text).claims
    assert [c.kind for c in claims] == ["claim", "claim", "claim", "caveat", "caveat"]
    assert claims[3].applies_to == (0,)
    assert claims[4].applies_to == (1,)


def test_a_caveat_can_qualify_the_claim_after_it() -> None:
    text = (
        "Neither figure could be independently verified. "
        "The army said it had killed 60 fighters. "
        "The rebels said they had lost four men."
    )
    claims = analyze(text).claims
    assert claims[0].kind == "caveat"
    assert set(claims[0].applies_to) & {1, 2}


def test_a_claim_the_article_could_not_verify_ranks_higher() -> None:
    alone = analyze("Rebels said they shot down two helicopters.").claims[0]
    text = "Rebels said they shot down two helicopters. The Harbour Post could not verify the claim."
    flagged = analyze(text).claims[0]
    assert flagged.score > alone.score
    assert "+ the article says it could not be verified" in flagged.reasons
