"""Rules of the claim and attribution engines that a mutation sample showed no test pinned down
(issue 21); each on invented sentences."""

from __future__ import annotations

from app.domain import attribution, claims
from app.domain.claims import analyze, merge_inside_quotes
from app.domain.lexicon import load
from app.domain.text import Span

EN = load("en")


def test_a_sentence_starting_where_a_quotation_closes_is_not_merged_into_it() -> None:
    # the quotation ends exactly where the next sentence starts: nothing was cut inside it
    merged = merge_inside_quotes([Span(0, 10), Span(10, 20)], [(0, 10, True)])
    assert merged == [Span(0, 10), Span(10, 20)]


def test_a_sentence_cut_inside_a_quotation_is_merged() -> None:
    # the control for the test above: a quotation spanning the cut joins the two parts
    assert merge_inside_quotes([Span(0, 10), Span(10, 20)], [(2, 15, True)]) == [Span(0, 20)]


def test_a_caveat_of_the_sentences_own_claim_never_counts_as_more_than_the_sentence() -> None:
    text = "The council approved the new harbour budget, a figure the agency has not confirmed."
    facts = analyze(text).facts[0]
    assert "has not confirmed" in facts.hedges  # the own-clause caveat was found and blanked
    assert 0 < facts.quoted_share < 0.5  # blanked only over the caveat's own words


def test_an_opening_participle_phrase_is_no_person() -> None:
    assert not claims._could_be_a_person("Following the vote", EN)
    assert not claims._could_be_a_person("Speaking to reporters", EN)


def test_an_opening_function_word_is_no_person() -> None:
    assert not claims._could_be_a_person("The ministry", EN)
    assert not claims._could_be_a_person("Although the vote", EN)
    assert claims._could_be_a_person("Ana Vela", EN)


def test_the_subject_after_an_opening_phrase_is_looked_for_only_within_80_characters() -> None:
    def lead_after(opener_length: int) -> str | None:
        opener = "Following " + "x" * (opener_length - len("Following "))
        text = f"{opener}, Ana Vela left the port."
        assert text.index(", ") == opener_length
        return claims._leading_person(text, Span(0, len(text)), None, frozenset({"Vela"}), EN)

    assert lead_after(78) == "Ana Vela"
    assert lead_after(79) is None  # the comma lies beyond the 80 characters searched


def test_two_names_joined_by_a_conjunction_are_not_one_person() -> None:
    assert not claims._person_shaped("Smith and Jones", EN)
    assert claims._person_shaped("Tom Daley", EN)


def test_a_participle_with_its_preposition_after_the_phrase_cuts_the_source() -> None:
    s = "Two people briefed on the talks said no deal was near."
    end = len("Two people briefed")
    assert attribution._reduced_relative_cut(s, 0, end, EN) == len("Two people")


def test_only_a_space_lets_the_next_word_decide_a_reduced_relative() -> None:
    s = "Two people briefed,on the talks said no deal was near."
    end = len("Two people briefed")
    assert attribution._reduced_relative_cut(s, 0, end, EN) == end


def test_the_passive_agent_is_found_after_an_active_cue() -> None:
    s = "Critics said the figure was claimed by the Finance Ministry."
    found = attribution._passive_agent(s, EN)
    assert found is not None and s[found[0] : found[1]] == "the Finance Ministry"


def test_the_passive_agent_is_found_after_a_passive_cue_without_an_agent() -> None:
    s = "The figure was reported on and was claimed by the Finance Ministry."
    found = attribution._passive_agent(s, EN)
    assert found is not None and s[found[0] : found[1]] == "the Finance Ministry"


def test_the_passive_agent_is_found_after_a_passive_act() -> None:
    s = "The plan was rejected by the council and the figure was claimed by the Finance Ministry."
    found = attribution._passive_agent(s, EN)
    assert found is not None and s[found[0] : found[1]] == "the Finance Ministry"


def test_a_cue_noun_after_a_hyphenated_verb_and_its_determiner_is_its_object() -> None:
    # 're-examined the late claim': the claim is what was examined, nobody claims anything
    s = "Officials re-examined the late claim."
    assert attribution.find_cues(s, EN) == []


def test_an_opener_before_a_subject_that_cites_does_not_hide_the_subject() -> None:
    """'On Monday, the ministry citing local sources, said': the aside runs from the ministry,
    not from the opener's comma."""
    claim = analyze("On Monday, the ministry citing local sources, said the bridge had collapsed.").claims[0]
    assert claim.source == "the ministry"
