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


# --- the grammar one rule at a time (caveats.find on a sentence) -----------------------------------

from app.domain import caveats  # noqa: E402
from app.domain.lexicon import load  # noqa: E402


@pytest.mark.parametrize(
    "sentence,found",
    [
        ("The port did not respond.", ("did not respond", "reply", False)),
        ("The port did not respond to a request for comment.", ("did not respond", "reply", False)),
        ("The port did not respond to the request.", ("did not respond", "reply", False)),
        ("The port did not respond to treatment.", None),
        ("The port did not respond by publication time.", ("did not respond", "reply", False)),
        ("The port did not respond on Friday.", ("did not respond", "reply", False)),
        ("The port did not respond immediately to questions.", ("did not respond", "reply", False)),
        ("The port did not respond the way we hoped.", None),
        ("The port did not return calls.", ("did not return", "reply", False)),
        ("The port did not return the calls.", ("did not return", "reply", False)),
        (
            "The port did not respond to our emailed questions on the matter.",
            ("did not respond", "reply", False),
        ),
        ("The port did not respond to", None),
        ("Neither account could be verified.", ("could be verified", "negsubj", False)),
        ("Nothing could be verified.", ("could be verified", "negsubj", False)),
        ("The accounts could be verified, the port said.", None),
        ("Reuters could not verify her medical history.", ("could not verify", "active", False)),
        ("We could not verify her medical history.", ("could not verify", "active", False)),
        ("Police could not verify his identity.", None),
        ("The harbour police could not verify his identity.", None),
        ("The port could not verify that the ship sank.", ("could not verify", "active", False)),
        ("The port could not verify the claim.", ("could not verify", "active", False)),
        ("The port could not verify the man's identity.", None),
        ("The port could not verify claims of a leak.", ("could not verify", "active", False)),
        ("The port could not verify.", ("could not verify", "active", False)),
        ("The port could not verify it.", ("could not verify", "active", False)),
        ("The port has not confirmed the toll.", ("has not confirmed", "perfect", False)),
        ("The port has not confirmed the new crane.", None),
        (
            "The Harbour Post and the Quay Times could not verify the claim.",
            ("could not verify", "active", False),
        ),
        ("In the end, The Harbour Post could not verify her history.", ("could not verify", "active", False)),
        ("The port, we could not verify his history.", ("could not verify", "active", False)),
        ("The Daily Harbour Quay Post Times could not verify her history.", None),  # five capitals: no outlet
        ("She declined to comment.", ("declined to comment", "phrase", False)),
        # a caveat of the sentence's own claim: a trailing clause, a lead-in, a contrast after it
        (
            "Although the figure could not be verified, the port said 40 ships sank.",
            ("could not be verified", "passive", True),
        ),
        (
            "The port put the toll at 40, a figure that could not be verified.",
            ("could not be verified", "passive", True),
        ),
        (
            "The port said 40 ships sank; which could not be verified.",
            ("could not be verified", "passive", True),
        ),
        (
            "The port could not verify the figure, but it said 40 ships sank.",
            ("could not verify", "active", True),
        ),
        ("The port could not verify the figure, however it said so.", ("could not verify", "active", True)),
        ("The port could not verify the figure.", ("could not verify", "active", False)),
    ],
)
def test_what_follows_the_phrase_decides_whether_it_is_a_caveat(
    sentence: str, found: tuple[str, str, bool] | None
) -> None:
    caveat = caveats.find(sentence, load("en"))
    got = None if caveat is None else (sentence[caveat.start : caveat.end], caveat.kind, caveat.own_clause)
    assert got == found


def _item(
    text: str, caveat: bool = False, figures: tuple[str, ...] = (), relayed: bool = False
) -> caveats.Linkable:
    return caveats.Linkable(text, caveat, figures, None, relayed)


def test_a_caveat_with_nothing_shared_falls_back_on_its_neighbours() -> None:
    lex = load("en")
    assert caveats.link([_item("The dam held."), _item("Prices rose.")], lex) == [(), ()]
    relayed_run = [
        _item("The dam held."),
        _item("The army said 60 died.", relayed=True),
        _item("The rebels said four died.", relayed=True),
        _item("None of it could be verified.", caveat=True),
    ]
    assert caveats.link(relayed_run, lex)[3] == (1, 2)
    assert caveats.link([_item("The dam held."), _item("Nobody knows.", caveat=True)], lex) == [(), (0,)]
    assert caveats.link(
        [_item("Nobody could verify anything.", caveat=True), _item("The dam held.")], lex
    ) == [(1,), ()]
    both = [_item("Nobody could verify anything.", caveat=True), _item("Nor this.", caveat=True)]
    assert caveats.link(both, lex) == [(), ()]


def test_a_caveat_links_by_figures_and_topic_words_within_its_window() -> None:
    lex = load("en")
    figures = [
        _item("The army said 6,000 fighters died.", figures=("6,000 fighters",), relayed=True),
        _item("The weather was calm."),
        _item("The rebels said 40 died.", figures=("40",), relayed=True),
        _item("The figure of 6000 could not be verified.", caveat=True),
    ]
    assert caveats.link(figures, lex)[3] == (0,)
    claims = [
        _item("The army said its soldiers shot down drones over the harbour.", relayed=True),
        _item("The rebels said their soldiers shot down drones over the harbour.", relayed=True),
        _item("Tourists visited."),
    ]
    assert caveats.link(
        [*claims, _item("Neither account of the drones could be verified.", caveat=True)], lex
    )[3] == (0, 1)
    assert caveats.link(
        [*claims, _item("The account of the drones could not be verified.", caveat=True)], lex
    )[3] == (1,)
    after = [
        _item("The account of the drones could not be verified.", caveat=True),
        _item("The army said its soldiers shot down drones.", relayed=True),
    ]
    assert caveats.link(after, lex)[0] == (1,)
    far = [_item("The harbour drones story.", relayed=True)] + [
        _item(f"Filler line number {i}.") for i in range(9)
    ]
    assert caveats.link([*far, _item("The drones could not be verified.", caveat=True)], lex)[10] == (9,)


def test_topic_words_after_on_or_about_weigh_double_and_the_party_half() -> None:
    lex = load("en")
    keys = caveats._weighted_keywords(
        "The ministry did not respond to questions about the harbour closures.", lex, True
    )
    assert keys == {"minist": 0.5, "about": 1.0, "harbou": 2.0, "closur": 2.0}
    keys = caveats._weighted_keywords("The ministry's harbour closures were striking.", lex, False)
    assert keys == {"minist": 1.0, "harbou": 1.0, "closur": 1.0, "strik": 1.0}
    assert [caveats._stem(w, lex) for w in ("striking", "strike", "wages", "sing", "closures")] == [
        "strik",
        "strik",
        "wage",
        "sing",
        "closur",
    ]


def test_more_of_what_may_follow_a_caveat_phrase() -> None:
    lex = load("en")
    reply = caveats.find("The port did not respond for days.", lex)
    assert reply is not None and reply.kind == "reply"
    which = caveats.find("The port could not verify which ship sank.", lex)
    assert which is not None and which.kind == "active"


def test_stop_words_and_verbs_of_the_caveat_are_no_topic() -> None:
    keys = caveats._weighted_keywords(
        "On Monday the ports' chief did not respond to questions about the harbour\u2019s drones, "
        "confirmed or independently verified, whether reported.",
        load("en"),
        True,
    )
    assert keys == {"monday": 0.5, "port": 0.5, "chief": 0.5, "about": 1.0, "harbou": 2.0, "dron": 2.0}


def test_a_caveat_of_several_claims_qualifies_three_at_most() -> None:
    claims = [
        _item(f"Witness {n} said drones flew over the harbour at night.", relayed=True)
        for n in ("one", "two", "three", "four")
    ]
    links = caveats.link(
        [*claims, _item("None of the accounts of drones over the harbour could be verified.", caveat=True)],
        load("en"),
    )
    assert len(links[4]) == 3


def test_the_window_reaches_eight_sentences_and_other_caveats_are_never_targets() -> None:
    lex = load("en")
    fillers = [_item(f"Filler line number {n}.") for n in range(8)]
    caveat = _item("The figure of 6000 could not be verified.", caveat=True)
    counted = _item("They counted 6,000 boats.", figures=("6,000",))
    assert caveats.link([caveat, *fillers[:7], counted], lex)[0] == (8,)
    assert caveats.link([caveat, *fillers, counted], lex)[0] == (1,)  # nine away: the fallback
    both = [
        _item("The army said drones flew over the harbour.", relayed=True),
        _item("The drones over the harbour could not be verified.", caveat=True),
        _item("Nor could the drones over the harbour be confirmed by anyone.", caveat=True),
    ]
    assert caveats.link(both, lex) == [(), (0,), (0,)]


def test_a_claim_after_the_caveat_needs_a_little_more_in_common() -> None:
    items = [
        _item("The weather was calm."),
        _item("The port could not verify the harbour drones footage.", caveat=True),
        _item("Tourists visited."),
        _item("Drones flew over the harbour."),
    ]
    assert caveats.link(items, load("en"))[1] == (3,)


def test_the_caveat_phrase_its_adverbs_and_clause_words_are_no_topic() -> None:
    keys = caveats._weighted_keywords(
        "After the port\u2019s chief could not officially verify when the drones flew, nothing followed.",
        load("en"),
        True,
    )
    assert keys == {"port": 0.5, "chief": 0.5, "dron": 1.0, "flew": 1.0, "noth": 1.0, "follow": 1.0}


def test_a_caveat_never_qualifies_another_caveat_however_much_they_share() -> None:
    items = [
        _item("The army said drones flew.", relayed=True),
        _item("The drones over the harbour at night could not be verified.", caveat=True),
        _item("The drones over the harbour at night could not be confirmed either.", caveat=True),
    ]
    assert caveats.link(items, load("en")) == [(), (0,), (0,)]


def test_the_outlet_named_mid_sentence_with_a_small_the_is_the_reporting_side() -> None:
    """Whatever the object, the outlet not verifying something is a caveat; 'police' is a party."""
    lex = load("en")
    found = caveats.find("On Monday, the Courier could not verify her medical history.", lex)
    assert found is not None and found.kind == "active"
    assert caveats.find("On Monday, police could not verify her medical history.", lex) is None


def test_a_shared_figure_weighs_less_than_a_relayed_claim_sharing_the_topic_and_the_party() -> None:
    """A figure counts 3; 'the port' (half) and 'harbour' (double, after 'about') with the claim
    relayed count 3.5, enough to outweigh the figure one sentence closer."""
    items = [
        _item("The port said the harbour was closed.", relayed=True),
        _item("They counted 40 boats.", figures=("40",)),
        _item("The port did not respond to questions about the 40 harbour drones.", caveat=True),
    ]
    assert caveats.link(items, load("en"))[2] == (0,)
    assert caveats.link(items[1:], load("en"))[1] == (0,)


def test_a_caveat_of_several_claims_takes_a_claim_sharing_a_single_word() -> None:
    """'either side': the best claim and every claim scoring half as much, one shared word (1.0) included."""
    items = [
        _item("Sightings were many."),
        _item("The port said it was calm.", relayed=True),
        _item("The port could not verify drone sightings from either side.", caveat=True),
    ]
    assert caveats.link(items, load("en"))[2] == (0, 1)


def test_of_two_claims_sharing_as_much_the_one_before_the_caveat_wins() -> None:
    items = [
        _item("Drones flew over the harbour."),
        _item("The port could not verify the harbour drones footage.", caveat=True),
        _item("Drones flew over the harbour."),
    ]
    assert caveats.link(items, load("en"))[1] == (0,)


def test_a_lead_in_with_its_comma_makes_the_caveat_qualify_its_own_sentence() -> None:
    lex = load("en")
    found = caveats.find("Although, the figure could not be verified, the ministry said it was true.", lex)
    assert found is not None and found.own_clause


def test_a_party_to_the_story_opening_the_sentence_is_not_the_reporting_side() -> None:
    """'Officials' not verifying her medical history is a fact of the story, not a caveat."""
    assert caveats.find("Officials could not verify her medical history.", load("en")) is None
