"""A story's closing list of sources ('Sources', 'External links') and citation lines: they cite,
they claim nothing; in articles we wrote for the purpose."""

from __future__ import annotations

import pytest

from app.domain.claims import analyze

STORY = (
    "Harbour dredging resumes\n\n"
    "Dredging in the north harbour resumed on Monday after a pause of six weeks, the port said.\n\n"
    "The port authority said 14 unexploded shells were removed from the seabed near the quay.\n\n"
    "Divers will survey the channel again in May, according to the harbour master.\n\n"
    "{heading}\n"
    '"Dredging to restart in north harbour" — Coastal Courier, March 2, 2024\n'
    '"Shells found near quay, say divers" — The Port Gazette, March 3, 2024\n'
    '"Channel survey planned for spring" – Harbour Weekly, March 9, 2024\n'
)


@pytest.mark.parametrize("heading", ["Sources", "External links", "References:"])
def test_a_closing_list_of_sources_gives_no_claims(heading: str) -> None:
    analysis = analyze(STORY.format(heading=heading))
    texts = [c.text for c in analysis.claims]
    assert len(texts) == 3
    assert all("Gazette" not in t and "Courier" not in t for t in texts)
    cited = [(span.of(analysis.text), why) for span, why in analysis.skipped]
    reasons = [why for text, why in cited if "—" in text or "–" in text]
    assert reasons == ["list of sources"] * 3  # one citation per line: never merged into one sentence


def test_a_citation_line_is_no_claim_even_without_a_heading() -> None:
    text = (
        "The port said dredging resumed on Monday after six weeks.\n\n"
        '"Shells found near quay, say divers" — The Port Gazette, March 3, 2024\n\n'
        "Divers removed 14 shells from the seabed, the harbour master said."
    )
    claims = [c.text for c in analyze(text).claims]
    assert claims == [
        "The port said dredging resumed on Monday after six weeks.",
        "Divers removed 14 shells from the seabed, the harbour master said.",
    ]


def test_a_heading_word_early_in_the_story_cuts_nothing() -> None:
    text = (
        "Sources\n\nThe port said dredging resumed on Monday after six weeks.\n\n"
        "Divers removed 14 shells from the seabed, the harbour master said.\n\n"
        "The channel will be surveyed again in May, officials said."
    )
    assert len(analyze(text).claims) == 3


def test_a_quoted_title_with_a_dash_inside_prose_is_still_a_claim() -> None:
    text = 'The minister called the report "a waste of paper" — a phrase she repeated on Tuesday, 2024.'
    assert [c.text for c in analyze(text).claims] == [text]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('"It works," said the post by an unknown author on a forum.', "the post by an unknown author"),
        ('"The bridge is shut," said a statement by the ministry.', "a statement by the ministry"),
        ("According to a statement by the ministry, the bridge is shut.", "the ministry"),
    ],
)
def test_by_names_the_source_only_after_according_to(sentence: str, source: str) -> None:
    assert analyze(sentence).claims[0].source == source


def test_a_cue_in_a_what_clause_names_no_one() -> None:
    claim = analyze("The professor said he was alarmed by what they found in the samples.").claims[0]
    sources = [claim.text[a.source[0] - claim.start : a.source[1] - claim.start] for a in claim.attributions]
    assert sources == ["The professor"]
    other = analyze("The professor said he was alarmed, and they found lead in the samples.").claims[0]
    assert len(other.attributions) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister, as reported, resigned on Friday.",
        "The depot was taken to the hills where it could be guarded as promised.",
        "The plant closed on Monday, as expected.",
    ],
)
def test_as_and_a_participle_names_no_one(sentence: str) -> None:
    claim = analyze(sentence).claims[0]
    assert claim.source is None
    assert claim.attributions == ()


def test_an_adverb_cue_takes_no_subject_from_a_reported_clause() -> None:
    sentence = "Officials went to the station where they claimed Montalvo allegedly left with the drives."
    claim = analyze(sentence).claims[0]
    sources = [claim.text[a.source[0] : a.source[1]] for a in claim.attributions]
    assert sources == ["they"]


def test_a_heading_word_in_the_first_half_cuts_nothing() -> None:
    """Only a heading in the second half closes the story: 'Sources' at 40% of the text is a
    section the story goes on after."""
    story = (
        "The port said dredging resumed on Monday after six weeks of delay.\n\n"
        "Divers removed 14 shells from the seabed, the harbour master said.\n\n"
        "Sources\n\n"
        "Two harbour pilots said the channel was still too shallow for tankers.\n\n"
        "The port expects the first tanker to arrive in May, its director said.\n\n"
        "Repairs to the quay will cost 2 million euros, according to the city."
    )
    at = story.index("Sources") / len(story)
    assert 1 / 3 < at < 1 / 2
    assert len(analyze(story).claims) == 5


def test_everything_after_a_closing_sources_heading_is_no_claim() -> None:
    """Lines that are not citations ('The harbour plan, published by the city in March.') are
    still part of the list once 'External links' closes the story."""
    text = STORY.format(heading="External links") + "The harbour plan for 2024, published by the city.\n"
    claims = [c.text for c in analyze(text).claims]
    assert len(claims) == 3 and not any("harbour plan" in c for c in claims)
