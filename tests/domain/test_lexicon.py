"""The lexicon: phrase lists compiled into regexes, and a language's data file loaded once."""

from __future__ import annotations

import re

import pytest

from app.domain.lexicon import (
    _caveat_regex,
    _expand,
    _with_curly_apostrophes,
    first_words,
    load,
    phrase_pattern,
    phrase_regex,
    word_set,
)


def matches(pattern: str, text: str) -> list[str]:
    return [m.group() for m in re.finditer(pattern, text)]


def test_a_phrase_pattern_matches_each_phrase_in_its_cases_longest_first() -> None:
    pattern = phrase_pattern(["said", "says", "according to", "say"])
    assert (
        re.fullmatch(pattern, "said")
        and re.fullmatch(pattern, "Says")
        and re.fullmatch(pattern, "SAY") is None
    )
    assert re.fullmatch(pattern, "according \n to") and re.fullmatch(pattern, "According to")
    assert matches(pattern, "he says so") == ["says"]  # not 'say' then 's'
    assert matches(phrase_pattern(["UN"]), "UN un Un") == ["UN", "un", "Un"]
    assert matches(phrase_pattern(["May"], cased=True), "May may") == ["May"]
    assert matches(phrase_pattern(["new york city", "new york"]), "new york city") == ["new york city"]


def test_an_empty_list_matches_nothing() -> None:
    for phrases in ([], [""], ["  "]):
        assert re.search(phrase_pattern(phrases), "any text at all") is None
    assert phrase_regex([]).search("anything") is None


def test_a_phrase_regex_matches_whole_words_only() -> None:
    regex = phrase_regex(["said", "according to"])
    assert [m.group() for m in regex.finditer("said, unsaid, saidx, 2said according to")] == [
        "said",
        "according to",
    ]


def test_word_set_and_first_words_see_words_alike() -> None:
    assert word_set("The Agency's 2 REPORTS") == frozenset({"the", "agency", "s", "2", "reports"})
    assert first_words(["According to", "said", "", "-- x"]) == frozenset({"according", "said", "x"})


def test_platforms_expand_and_apostrophes_come_in_both_forms() -> None:
    assert _expand(["posted on {platform}", "wrote"], ["X", "Telegram"]) == [
        "posted on X",
        "posted on Telegram",
        "wrote",
    ]
    assert _with_curly_apostrophes(["couldn't", "not"]) == ["couldn't", "not", "couldn\u2019t"]


def test_caveat_families_are_named_groups_with_adverbs_between() -> None:
    data = {
        "caveat_unable": ["could not"],
        "caveat_verbs": ["verify"],
        "caveat_adverbs": ["independently", "immediately"],
        "caveat_no_reply": ["did not"],
        "caveat_reply_verbs": ["respond"],
        "caveat_phrases": ["declined to comment"],
    }
    regex, starts = _caveat_regex(lambda key: data.get(key, []))
    m = regex.search("Reuters could not independently verify it.")
    assert m is not None and m.lastgroup == "active" and m.group() == "could not independently verify"
    m = regex.search("The port did not immediately respond.")
    assert m is not None and m.lastgroup == "reply"
    m = regex.search("She declined to comment.")
    assert m is not None and m.lastgroup == "phrase"
    assert (
        regex.search("It could not immediately independently quickly verify") is None
    )  # two adverbs at most
    assert regex.search("couldnot verify") is None and regex.search("could not verifyx") is None
    assert starts == frozenset({"could", "did", "declined"})
    assert _caveat_regex(lambda key: [])[1] == frozenset()
    assert _caveat_regex(lambda key: [])[0].search("could not verify") is None
    only_head = {"caveat_unable": ["could not"]}
    assert _caveat_regex(lambda key: only_head.get(key, []))[0].search("could not verify") is None


def test_the_english_lexicon_is_compiled_from_its_file() -> None:
    lex = load("en")
    assert lex.lang == "en" and lex.words("weekdays")[0] == "Monday" and lex.words("no_such_key") == []
    assert lex.words("interview_marker") == []  # not a list
    assert "monday" in lex.lowered("weekdays")
    assert lex.cue_re.search("the mayor said so") and lex.cue_re.search("posted on Telegram")
    assert "said" in lex.cue_words and "reportedly" in lex.free_cues
    assert "according to" in lex.source_after_cues
    assert lex.report_subject_re.match("Reports say the dam held") is not None
    assert lex.connective_re.match("But, the mayor") is not None
    assert lex.credit_re.match("-- Reporting by Ana Ruiz") is not None
    assert lex.closing_credit_re.search("Reporting by Ana Ruiz") is not None
    assert lex.closing_credit_re.search("Ana Ruiz contributed to this report") is not None
    assert lex.byline_re.match("By Ana Ruiz") is not None and lex.byline_re.match("By ") is None
    assert lex.trailer_re.search("The mayor also") is not None
    assert lex.pronouns["he"] == "person" and lex.anaphor_nouns
    assert {"the", "a"} <= lex.not_names and "he" in lex.not_names
    assert "monday" in lex.stop_words and "january" in lex.stop_words
    assert "prime minister" in lex.long_titles and "president" in lex.titles
    assert lex.interview_re.match("((WN)) Hello") is not None
    assert ("\u201c", "\u201d") in lex.quote_pairs and lex.single_quotes["\u2018"] == "\u2019"
    m = lex.caveat_re.search("Reuters could not independently verify the report.")
    assert m is not None and "could" in lex.caveat_words


def test_a_language_without_a_file_gets_an_empty_lexicon() -> None:
    lex = load("xx")
    assert lex.data == {} and lex.cue_words == frozenset() and lex.pronouns == {}
    for regex in (
        lex.cue_re,
        lex.caveat_re,
        lex.report_subject_re,
        lex.connective_re,
        lex.credit_re,
        lex.closing_credit_re,
        lex.byline_re,
        lex.trailer_re,
        lex.interview_re,
    ):
        assert regex.search("By Ana Ruiz said, according to Reuters") is None
    assert lex.quote_pairs[0] == ('"', '"') and lex.single_quotes == {}


@pytest.mark.parametrize("lang", ["en"])
def test_loading_twice_gives_the_same_lexicon(lang: str) -> None:
    assert load(lang) is load(lang)
