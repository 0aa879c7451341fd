"""Who says a quotation placed before its attribution (app/domain/quotes.py), on invented sentences:
the shapes the textacy cases cover too, kept here so a fast run of tests/domain alone checks them."""

from __future__ import annotations

from app.domain.quotes import find_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.content, q.speaker) for q in find_quotes(text)]


def test_a_whole_sentence_quoted_then_the_verb_without_a_comma() -> None:
    assert speakers('"We wanted to go home early" said Jane Roe.') == [
        ('"We wanted to go home early"', "Jane Roe")
    ]


def test_a_role_before_a_name_is_a_speaker() -> None:
    assert speakers('"The boat sank," team member Noori said.') == [('"The boat sank,"', "team member Noori")]


def test_a_bare_common_noun_before_the_cue_is_no_speaker() -> None:
    assert speakers('"It is over," residents said.') == []


def test_a_quote_after_another_sentence_does_not_inherit_the_speaker() -> None:
    text = '"We will rebuild," the mayor said. Officials disagreed. "It will take years."'
    assert speakers(text) == [('"We will rebuild,"', "the mayor")]
    carried = '"We will rebuild," the mayor said. "It will take years."'
    assert speakers(carried) == [('"We will rebuild,"', "the mayor"), ('"It will take years."', "the mayor")]


def test_a_language_without_a_lexicon_finds_the_verb_and_name_by_shape() -> None:
    """The reader highlights the speaker and the verb from these offsets."""
    text = '"Me encantan los gatos", dijo Juana.'
    (quote,) = find_quotes(text, lang="es")
    assert (quote.speaker, quote.cue) == ("Juana", "dijo")
    assert quote.speaker_start is not None and quote.cue_start is not None and quote.cue_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Juana"
    assert text[quote.cue_start : quote.cue_end] == "dijo"
