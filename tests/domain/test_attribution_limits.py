"""Who speaks, at the edges of the attribution rules (app/domain/attribution.py): a description in
apposition, long titled names, names before 'who', nouns that look like cues, passive agents and
extra attributions, relative clauses about an object and lists of activities; invented sentences."""

from __future__ import annotations

from app.domain.claims import analyze


def source(sentence: str) -> tuple[str | None, str | None]:
    (claim,) = analyze(sentence).claims
    return claim.source, claim.source_rule


def test_a_description_in_apposition_opening_with_an_article_is_not_the_source() -> None:
    assert source("The Harbour Trust, a local charity, said the port was closed.") == (
        "The Harbour Trust",
        "subject",
    )


def test_a_long_description_ending_in_a_name_may_run_to_18_words() -> None:
    sentence = (
        "The head of the committee on harbour safety and coastal works for the northern region "
        "Ana Ruiz said the pier was safe."
    )
    assert source(sentence) == (sentence[: sentence.index(" said")], "subject")


def test_the_name_before_who_keeps_a_final_capital_x() -> None:
    assert source("Tom X, who had told the court the truth, said the ferries stopped.") == (
        "Tom X",
        "subject",
    )


def test_a_cue_word_used_as_a_noun_after_which_names_nobody() -> None:
    assert source("The plan, which media reports put at 40 pages, must be finished by May.") == (None, None)


def test_a_verb_followed_by_by_is_a_passive_with_its_agent() -> None:
    assert source("The closure was first confirmed by the council on Monday.") == (
        "the council",
        "passive_agent",
    )


def test_a_long_named_body_is_an_extra_attribution_of_the_sentence() -> None:
    text = "The mayor said the dam held, and the regional water authority said it would reopen."
    (claim,) = analyze(text).claims
    assert [text[a.source[0] : a.source[1]] for a in claim.attributions] == [
        "The mayor",
        "the regional water authority",
    ]


def test_a_relative_clause_about_an_object_does_not_make_it_the_subject() -> None:
    sentence = "She spoke about her brother Tomas, who was detained in May, and promised a fair vote."
    assert source(sentence) == ("She", "subject")


def test_a_list_of_participles_after_a_description_names_no_source() -> None:
    sentence = "It is a club and a team, a place for sharing ideas, making plans, and reporting problems."
    assert source(sentence) == (None, None)
