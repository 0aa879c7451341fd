"""'Neither X nor Y responded to requests for comment': no reply told by a negative subject is a
caveat of the same family as 'did not respond' (app/domain/caveats.py, group negreply)."""

from __future__ import annotations

import pytest

from app.domain.claims import analyze


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither the harbour office nor the navy responded to requests for comment.",
        "Neither company responded to a request for comment.",
        "None of the firms replied to questions from the paper.",
    ],
)
def test_no_reply_from_a_negative_subject_is_a_caveat(sentence: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.kind == "caveat"


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither side responded to the ruling with violence.",  # a reply to an event, not a request
        "Police responded to calls from neighbours.",  # nobody negated: an act
    ],
)
def test_a_reply_that_is_an_act_is_no_caveat(sentence: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.kind != "caveat"


def test_the_caveats_own_verb_is_no_topic_it_shares() -> None:
    """'declined to comment' qualifies the layoffs it was asked about, not a claim that profits
    'declined'."""
    text = (
        "Profits at the mill declined by 40% last year, the annual report showed. "
        "The mill laid off 300 workers in March, union leaders said. "
        "Asked about the layoffs, the mill declined to comment."
    )
    caveat = analyze(text).claims[2]
    assert caveat.kind == "caveat"
    assert caveat.applies_to == (1,)


def test_determiners_do_not_push_the_request_out_of_reach() -> None:
    text = "Neither the ministry nor the navy responded to any of the questions sent on Friday."
    assert analyze(text).claims[0].kind == "caveat"


def test_a_request_made_in_the_reply_is_an_act_not_a_caveat() -> None:
    """'responded to the ruling with requests': they answered the ruling by asking; no question of
    the reporter's went unanswered."""
    sentence = "Neither side responded to the ruling with requests for a retrial."
    assert analyze(sentence).claims[0].kind != "caveat"
