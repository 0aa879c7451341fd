"""What the claim engine keeps about each sentence besides its claim (app/domain/claims.py): the
facts its score came from, the rule that found a caveat's subject, the other speakers the editor
lists, and the names later anaphors may mean; invented sentences."""

from __future__ import annotations

from app.domain.claims import analyze, other_speakers


def test_a_caveats_subject_is_found_by_the_caveat_subject_rule() -> None:
    (_, caveat) = analyze("The army said 40 soldiers died. The ministry could not verify the figure.").claims
    assert (caveat.kind, caveat.source, caveat.source_rule) == ("caveat", "The ministry", "caveat_subject")


def test_the_facts_say_whether_the_source_is_named() -> None:
    facts = analyze("Jane Roe said 40 soldiers died. The army said the dam held.").facts
    assert [(f.source, f.named_source) for f in facts] == [("Jane Roe", True), ("The army", False)]


def test_the_quoted_share_is_the_part_of_the_sentence_inside_quotation_marks() -> None:
    quote = '"We will rebuild the whole harbour."'
    text = f"The mayor said: {quote}"
    (fact,) = analyze(text).facts
    assert fact.quoted_share == (len(quote) - 2) / len(text)  # the words between the marks


def test_other_speakers_lists_the_attributions_beyond_the_claims_own_source() -> None:
    assert other_speakers("Police said the driver, who his lawyer claimed was innocent, fled.", "Police") == [
        "his lawyer (claimed)"
    ]
    assert other_speakers('The mayor said: "I think the port is safe."', "The mayor") == [
        "I = The mayor (think, inside the quotation)"
    ]


def test_an_i_inside_the_second_quotation_of_a_sentence_is_its_own_speaker() -> None:
    text = '"The port is closed," said Roe; "I believe it will reopen soon," said Lee.'
    (claim,) = analyze(text).claims
    assert [(text[a.source[0] : a.source[1]], a.resolved) for a in claim.attributions] == [
        ("Roe", None),
        ("Lee", None),
        ("I", "Lee"),
    ]


def test_she_means_the_source_of_the_sentence_before_rather_than_a_person_named_in_it() -> None:
    text = "Coach Tom Lee praised the team, captain Ann Park said. She added that the port was closed."
    assert [c.source_refers_to for c in analyze(text).claims] == [None, "captain Ann Park"]


def test_an_unnamed_described_source_is_no_referent_for_the_report() -> None:
    """'A group of local fishermen' may be 'the fishermen' later, but 'The report' is not them."""
    text = "A group of local fishermen said the port was closed. The report said the port reopened."
    assert [c.source_refers_to for c in analyze(text).claims] == [None, None]


def test_a_speaker_carried_into_the_next_quotation_is_not_named_again_there() -> None:
    """The continued quotation adds no mention of Ann Roe: 'He' after it is the harbour chief named
    in that sentence, the latest person, not Ann Roe."""
    text = (
        '"We will rebuild the harbour," said Ann Roe. "It will take years of work" with harbour chief '
        "Tom Lee in charge. He said the money was there."
    )
    claims = analyze(text).claims
    assert [(c.source, c.source_from_context) for c in claims] == [
        ("Ann Roe", False),
        ("Ann Roe", True),
        ("He", False),
    ]
    assert claims[2].source_refers_to == "chief Tom Lee"


def resolved(text: str) -> list[str | None]:
    return [c.source_resolved for c in analyze(text).claims]


def test_he_never_means_a_woman_the_text_marks_as_one() -> None:
    text = (
        "Ferry captain Tomas Berg said the crossing was cancelled on Monday. "
        "Ms. Anna Lind, the port's director, said repairs would take a week. "
        "He said the next sailing would be on Friday."
    )
    assert resolved(text)[-1] == "Ferry captain Tomas Berg"
    # and 'she' never a man: 'Mr.' marks him
    text = text.replace("Tomas Berg", "Ingrid Berg").replace("Ms. Anna", "Mr. Anton")
    text = text.replace("He said", "She said")
    assert resolved(text)[-1] == "Ferry captain Ingrid Berg"


def test_a_name_a_who_clause_describes_is_whom_he_means_when_no_one_else_is_named() -> None:
    text = (
        "Some of the injured, including Dwi Haris, who suffered a broken leg, waited outside the clinic. "
        "Tears filled his eyes as he recounted the night, he said."
    )
    assert resolved(text)[-1] == "Dwi Haris"


def test_a_who_clause_name_gives_way_to_the_speaker_before_it() -> None:
    text = (
        "Diver Tom Daley said he spoke out to give others hope. "
        "He said falling in love with a film-maker, Dustin Black, who he met in 2013, surprised him. "
        "The diver said the age gap had never been an issue, but he said more."
    )
    assert "Dustin Black" not in (resolved(text)[-1] or "")


def test_a_short_described_source_is_what_its_head_noun_means_later() -> None:
    """'the port authority' names no one before it, so 'The authority' later means it."""
    text = "Dredging resumed on Monday, the port authority said. The authority said divers removed 14 shells."
    assert resolved(text) == ["the port authority", "the port authority"]


def test_a_time_opener_is_no_person_he_may_mean() -> None:
    text = "Since January the mine has been closed by the regional board. He said the shafts had flooded."
    assert resolved(text)[-1] == "He"


def test_a_name_the_speaker_talks_about_is_not_who_speaks_later() -> None:
    """'Anna Berg, she said, was losing ground': Berg is the topic of someone else's words."""
    text = "Anna Berg, she said, was losing ground in the north. Later she said the vote would be close."
    assert "Anna Berg" not in [c.source_resolved for c in analyze(text).claims]
