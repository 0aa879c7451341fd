"""Rules of the claim and attribution engines that a mutation sample showed no test pinned down
(issue 21); each on invented sentences."""

from __future__ import annotations

from app.domain import attribution, claims
from app.domain.claims import analyze, merge_inside_quotes
from app.domain.lexicon import load
from app.domain.news_score import score_in_article
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


def test_a_reduced_relative_with_by_is_no_passive_source() -> None:
    """'The attack, claimed by the Houthi movement, killed 12': the movement claimed the attack,
    not the deaths; without 'was' or 'is' there is no passive agent of the sentence."""
    assert analyze("The attack, claimed by the militia, killed 12 people.").claims[0].source is None
    assert analyze("The attack was claimed by the militia.").claims[0].source == "the militia"


def test_a_time_word_between_auxiliary_and_cue_keeps_the_subject() -> None:
    assert analyze("The minister has today announced that the bridge will reopen.").claims[0].source == (
        "The minister"
    )


def test_a_name_before_its_who_clause_is_the_speaker_of_the_cue_inside_it() -> None:
    claim = analyze("Jan Devocht, who told the court he was innocent, was released.").claims[0]
    assert claim.source == "Jan Devocht"


def test_a_pronoun_and_an_adverb_before_estimated_by_keep_the_cue_a_verb() -> None:
    """'They also estimated by 2050 ...': 'by' is no agent when a pronoun stands before the cue,
    also with an adverb between them."""
    assert analyze("They also estimated by 2050 the sea would rise 30 cm.").claims[0].source == "They"


def test_a_carried_quotation_keeps_its_speaker_resolved_and_in_the_json() -> None:
    text = 'Mayor Jane Roe spoke on Monday. "The bridge is shut," she said. "It will reopen in May."'
    carried = analyze(text).claims[-1]
    assert (carried.source, carried.source_from_context) == ("she", True)
    assert carried.source_resolved == "Mayor Jane Roe"
    (said,) = carried.to_json()["attributions"]
    assert (said["source"], said["cue"], said["rule"]) == ("she", None, "quote_carried")


def test_only_the_first_three_claims_score_as_the_lead() -> None:
    same = "The river rose by two metres overnight."
    text = f"The council met on Monday. {same} Roads were closed in the north. {same} {same}"
    scores = [c.score for c in analyze(text).claims]
    assert scores[1] > scores[3] == scores[4]


def test_a_topic_before_an_aside_with_a_pronoun_is_no_person_he_may_mean() -> None:
    """'Democrats, he said, are ...': Democrats are what he talks about, not a person named."""
    text = "Democrats, he said, are losing ground in the north. Later he said the vote would be close."
    assert [c.source_resolved for c in analyze(text).claims] == ["he", "he"]


def test_words_between_auxiliary_and_cue_keep_the_subject() -> None:
    claim = analyze("The ministry has in a statement announced that the bridge will reopen.").claims[0]
    assert claim.source == "The ministry"


def test_a_who_clause_set_off_by_commas_is_stepped_over_to_its_subject() -> None:
    claim = analyze("Local residents, who asked not to be named, said the river rose.").claims[0]
    assert claim.source == "Local residents"


def test_a_ukrainian_claim_is_scored_by_the_ukrainian_model() -> None:
    analysis = analyze("Гендиректор заводу Олена Коваль заявила, що завод закриють.")
    ukrainian = score_in_article(analysis.facts[0], "uk").score
    assert analysis.claims[0].score == ukrainian != score_in_article(analysis.facts[0], "en").score


def test_a_short_name_resolves_to_its_longest_earlier_form() -> None:
    text = (
        "Foreign Minister Ri Yong Ho spoke on Monday. Ri Yong Ho said talks would go on. "
        "Ri said the talks were useful. He said more talks would follow."
    )
    assert analyze(text).claims[-1].source_resolved == "Foreign Minister Ri Yong Ho"


def test_a_range_with_to_is_one_figure() -> None:
    (figure,) = analyze("Rescuers found 10 to 12 boats after the storm.").claims[0].figures
    assert "10" in figure and "12" in figure
