"""Who speaks in the shapes political and wire copy uses (app/domain/attribution.py, quotes.py):
party tags, described subjects, anonymous officials, 'said to' asides, modals after a cue.
Every sentence is our own."""

from __future__ import annotations

import pytest

from app.domain.claims import analyze


def source_of(sentence: str) -> str | None:
    (claim,) = analyze(sentence).claims
    return claim.source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a party and state tag between commas describes the name before it
        ('"We hold," Rep. Dana Whitfield, R-Idaho, told reporters at the Capitol.', "Rep. Dana Whitfield"),
        ("Sen. Omar Bell, D-N.M., said the bill would die in committee.", "Sen. Omar Bell"),
        # a described subject and then what it is: the subject, not its description
        ("The senator, a Democrat from Oregon, said the tariffs would hurt growers.", "The senator"),
        ("In Tallinn, the minister, a former diplomat, said the border would stay open.", "the minister"),
        # ...but a name in apposition still names the source
        ("A local weekly, the Harbour Gazette, reported the plant was sold.", "the Harbour Gazette"),
        # an anonymous source's relative clause is not part of it
        ("A senior aide who spoke on condition of anonymity said the vote was delayed.", "A senior aide"),
        ('"Turnout decides," a party official who declined to be named told the paper.', "a party official"),
        # a preposition after an inverted speaker ends the speaker
        ('"The ferry is late again," said the harbour master on Tuesday.', "the harbour master"),
        ('"The tool is harmless," said a post on the forum.', "a post"),
        # an infinitival relative ends the subject
        ("Figures to be released on Monday show 12,400 people crossed the border.", "Figures"),
        # a multiword cue of reaching a conclusion
        ("The inspector came to the conclusion that the logs had been altered.", "The inspector"),
        # an auxiliary before the cue ends the subject, and so does an adverb like 'now'
        ("Lisbon has long insisted that the bridge is safe.", "Lisbon"),
        ("The central bank now forecasts growth of 1.2 percent.", "The central bank"),
        # an age in commas describes the name; a title, a name and a party tag give the name
        ("Hollis, 79, said he felt fine.", "Hollis"),
        (
            "The panel's chairwoman, Rep. Ines Ford, R-Ky., said in a statement that the subpoena stands.",
            "Rep. Ines Ford",
        ),
        # 'posted' after a quote, worry and expect as cues
        ('"This is a sham," the former governor posted on his account.', "the former governor"),
        ("Some Democrats privately worry that the seat could be lost.", "Some Democrats"),
        ("Economists at the bank expect prices to rise 3 percent.", "Economists at the bank"),
        # 'US' is the country, not the pronoun 'us'; 'rally' after 'the' is a noun, not an adverb
        ("The statement also said US troops had left the base.", "The statement"),
        ("Organisers of the rally said they were fighting corruption.", "Organisers of the rally"),
        # a hyphenated '-ed' word is an adjective, not a verb opening a clause
        (
            "On Monday, state-owned news agency Ruda reported that 36 people were detained.",
            "state-owned news agency Ruda",
        ),
        # a pronoun right before its cue after an opener with no comma
        ("In a long interview on state radio she said the plan had failed.", "she"),
        # 'think tank' is a noun: the think tank's name is the source
        (
            "The Harbour Institute, a U.S.-based think tank, said the port had reopened.",
            "The Harbour Institute",
        ),
        # 'this person' is a subject, 'this week' a time; 'but said' shares the first verb's subject
        ("However, this person also said that the plan had failed.", "this person"),
        ("The agency did not mention casualties, but said exports were continuing.", "The agency"),
        # an aside of an irregular participle is stepped over; 'wrote to' is no 'said to' hedge
        ("The board, made up of lay leaders, wrote to the city in July.", "The board"),
        # 'reported X to be dead, citing': X is what was reported, not a relayed speaker
        ("On Friday, several outlets reported the envoy to be dead, citing officials.", "several outlets"),
        # ', the paper reports': a clause has ended, 'reports' is the verb
        ("The frigates will be outdated, the magazine notes.", "the magazine"),
    ],
)
def test_the_source_is_who_speaks(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    [
        # after the cue a modal opens the reported clause: nobody is named
        "The minister, a veteran of three cabinets, said the tariffs would hurt growers.",
    ],
)
def test_a_reported_clause_is_never_the_source(sentence: str) -> None:
    assert source_of(sentence) not in ("the tariffs would hurt growers", "the tariffs")


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause stepped back to behind a participle clause is no subject ('The singer has died')
        "The singer has died, recording label Northgate Sound announced yesterday.",
        # an adverb cue names nobody, so the pronoun before it is not a source
        "They went back to the hotel, where he allegedly hit her.",
    ],
)
def test_no_source_is_better_than_a_wrong_one(sentence: str) -> None:
    assert source_of(sentence) not in ("The singer", "he")


def test_said_to_in_an_aside_is_a_hedge_not_the_speaker() -> None:
    sentence = (
        "Delays mean that the new frigates - said to let the navy patrol far from home - will be"
        " outdated on delivery, the magazine notes."
    )
    assert source_of(sentence) == "the magazine"


def test_a_spaced_hyphen_sets_off_an_aside_before_the_speaker() -> None:
    text = (
        "Ada Lind won the race.\n\n"
        '"When you lose that young" - she left home at 15 and her coach quit a year later - she said'
        " it was hard to trust anyone."
    )
    claims = analyze(text).claims
    assert claims[1].source == "she"
    assert claims[1].source_resolved == "Ada Lind"


def test_a_possessive_source_is_resolved_to_its_owner() -> None:
    text = (
        "Senator Ruth Okafor said the votes were there.\n\n"
        "Her office later added that the vote was set for Friday.\n\n"
        "Okafor's critics disagree."
    )
    claims = analyze(text).claims
    assert claims[1].source == "Her office"
    assert claims[1].source_resolved == "Senator Ruth Okafor\u2019s office"


def test_a_possessive_before_a_name_is_left_as_written() -> None:
    text = "Senator Ruth Okafor spoke first.\n\nHer spokesman Tom Reyes said the vote was set for Friday."
    claims = analyze(text).claims
    assert claims[1].source_resolved != "Senator Ruth Okafor\u2019s spokesman Tom Reyes"


@pytest.mark.parametrize(
    "sentence",
    [
        # a cue that is also a noun, before 'is': the subject's noun, not a verb cutting it short
        "Our long range rainfall forecast is indicating a dry spring for the south.",
        # the writer's own 'I've' is the writer, as 'I' is
        "I've said all along that the bypass would never be built.",
    ],
)
def test_a_phrase_that_is_no_speaker_gives_no_source(sentence: str) -> None:
    assert source_of(sentence) is None


def test_a_contracted_pronoun_in_a_quote_is_its_pronoun() -> None:
    assert source_of("They've said all along that the bypass would never be built.") == "They"


def test_a_preposition_after_but_is_stepped_over_to_the_subject() -> None:
    """The mill warned, not 'in the longer term' nor 'long work' from the clause before."""
    sentence = "The mill could not say how long work would stop, but in the long term, warned that jobs go."
    assert source_of(sentence) == "The mill"
