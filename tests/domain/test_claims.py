"""The claim engine's rules, each on invented sentences (none taken from any corpus)."""

from __future__ import annotations

import json

import pytest

from app.domain.claims import KINDS, DetectedClaim, analyze, claim_start
from app.domain.figures import find_figures
from app.domain.lexicon import load, phrase_regex
from app.domain.text import Span


def only(text: str, needle: str) -> DetectedClaim:
    """The one claim whose text contains `needle`."""
    found = [c for c in analyze(text).claims if needle in c.text]
    assert len(found) == 1, [c.text for c in analyze(text).claims]
    return found[0]


def assert_source_at_offsets(text: str, c: DetectedClaim) -> None:
    assert c.source is not None and c.source_start is not None and c.source_end is not None
    assert text[c.source_start : c.source_end] == c.source


# --- sources and cues ------------------------------------------------------------------------


def test_titled_name_before_said() -> None:
    text = "Regional governor Jane Roe said the bridge over the Ilva river was closed on Tuesday."
    c = only(text, "bridge")
    assert c.source == "Regional governor Jane Roe"
    assert c.cues == ("said",)
    assert c.kind == "claim"
    assert_source_at_offsets(text, c)


def test_lowercase_title_inside_a_sentence() -> None:
    text = "On Monday, regional governor Jane Roe said two ferries had been suspended."
    c = only(text, "ferries")
    assert c.source == "regional governor Jane Roe"
    assert c.figures == ("two ferries",)


def test_wrote_on_telegram_is_one_cue() -> None:
    text = "Mayor Piet Olsen wrote on Telegram that the water supply was restored in four districts."
    c = only(text, "water")
    assert c.source == "Mayor Piet Olsen"
    assert c.cues == ("wrote on Telegram",)
    assert c.figures == ("four districts",)


def test_according_to_an_investigation_by() -> None:
    text = (
        "Nearly 2,000 trees were felled last year, according to an investigation by "
        "the nature magazine Green Ledger."
    )
    c = only(text, "trees")
    assert c.source == "the nature magazine Green Ledger"
    assert c.cues == ("according to",)
    assert c.figures == ("Nearly 2,000",)


def test_according_to_stops_before_a_date() -> None:
    text = "The dam leaked, according to a survey released by the Harbour Authority (HA) on Oct. 3."
    c = only(text, "dam")
    assert c.source == "the Harbour Authority (HA)"
    assert c.figures == ("Oct. 3",)


def test_citing_gives_a_secondary_source() -> None:
    text = "Minister Ana Vela said the port would reopen, citing a report from harbour master Tom Eriks."
    c = only(text, "port")
    assert c.source == "Minister Ana Vela"
    assert c.secondary_source == "harbour master Tom Eriks"
    assert c.cues == ("said", "citing")


def test_subject_citing_parenthetical_then_said() -> None:
    text = "The broadcaster, citing two officials, said the summit had been postponed."
    c = only(text, "summit")
    assert c.source == "The broadcaster"
    assert c.secondary_source == "two officials"


def test_told_names_the_speaker_not_the_listener() -> None:
    text = "Fire chief Lena Moss told local radio that 14 homes had burned."
    c = only(text, "homes")
    assert c.source == "Fire chief Lena Moss"
    assert c.cues == ("told",)
    assert c.figures == ("14",)


def test_post_posed_attribution() -> None:
    text = "The tunnel will stay shut until spring, the ministry said."
    c = only(text, "tunnel")
    assert c.source == "the ministry"
    assert c.cues == ("said",)


def test_leading_connective_is_not_part_of_the_source() -> None:
    text = "But local farmers and several unions say the drought began in March."
    c = only(text, "drought")
    assert c.source == "local farmers and several unions"


def test_appositive_names_the_source() -> None:
    text = "A regional paper, the Valley Courier, claims the mill was sold."
    c = only(text, "mill")
    assert c.source == "the Valley Courier"


def test_reportedly_is_a_cue_and_a_hedge_without_a_source() -> None:
    c = only("The convoy had reportedly crossed the border.", "convoy")
    assert c.source is None
    assert c.cues == ("reportedly",)
    assert c.hedges == ("reportedly",)


@pytest.mark.parametrize("adverb", ["reportedly", "allegedly", "purportedly"])
def test_a_hedging_adverb_before_the_verb_is_not_part_of_the_source(adverb: str) -> None:
    c = only(f"The harbour authority {adverb} said dredging would resume in 14 weeks.", "dredging")
    assert c.source == "The harbour authority"
    assert adverb in c.hedges


@pytest.mark.parametrize("marker", ["• ", "  ◦ ", "3. ", "(2) ", "b) "])
def test_a_list_items_claim_starts_after_its_bullet_or_number(marker: str) -> None:
    """The analysis keeps sentences whole (its contract); the claim stored starts after the marker."""
    text = f"Port works\n\n{marker}Berth 4 reopens in May, officials said.\n"
    c = only(text, "Berth 4")
    assert c.text == f"{marker.strip()} Berth 4 reopens in May, officials said."
    assert text[claim_start(text, c.start, c.end) : c.end] == "Berth 4 reopens in May, officials said."


def test_a_sentence_that_opens_with_a_figure_keeps_it() -> None:
    text = "Port works\n\n1.5 million tonnes were moved, the port said.\n"
    c = only(text, "tonnes")
    assert claim_start(text, c.start, c.end) == c.start


def test_report_nouns_as_source() -> None:
    c = only("Reports of flooding in the lower valley have multiplied this week.", "flooding")
    assert c.source == "Reports"
    assert c.cues == ()


def test_noun_uses_of_cue_words_are_no_cues() -> None:
    c = only("Yet aid groups and media reports suggest that the camp is overcrowded.", "camp")
    assert c.cues == ("suggest",)
    assert c.source == "aid groups and media reports"


def test_capitalised_cue_word_in_a_name_is_no_cue() -> None:
    c = only("The United States Navy moved two ships into the strait.", "ships")
    assert c.cues == ()
    assert c.source is None


def test_passive_participle_is_no_cue_and_no_subject() -> None:
    text = "A total of 12 were confirmed injured, officials told reporters."
    c = only(text, "injured")
    assert c.source == "officials"
    assert "confirmed" not in c.cues


def test_unattributed_statement_has_no_source() -> None:
    c = only("The old lighthouse was painted white in 1962.", "lighthouse")
    assert c.source is None and c.cues == () and c.kind == "claim"
    assert c.figures == ("1962",)


# --- anaphora --------------------------------------------------------------------------------


def test_he_said_resolves_to_the_last_named_person() -> None:
    text = (
        "Senator Ruth Alder said the budget was balanced. "
        "Governor Omar Pike disagreed with the figures. "
        "He said the deficit had doubled."
    )
    c = only(text, "deficit")
    assert c.source == "He"
    assert c.source_refers_to == "Governor Omar Pike"


def test_the_ministry_resolves_to_the_last_named_organisation() -> None:
    text = (
        "The Ministry of Fisheries (MOF) said catches fell by a third. "
        "Captain Ivo Strand said his crew caught nothing. "
        "The ministry said quotas would be reviewed."
    )
    c = only(text, "quotas")
    assert c.source == "The ministry"
    assert c.source_refers_to == "The Ministry of Fisheries (MOF)"


def test_the_report_resolves_to_the_last_named_source() -> None:
    text = (
        "Wages rose 4% in 2023, according to the think tank North Bridge Institute. "
        "The report said rents rose faster."
    )
    c = only(text, "rents")
    assert c.source_refers_to == "the think tank North Bridge Institute"


def test_named_source_refers_to_nothing() -> None:
    c = only("Director Mia Holm said the museum will close.", "museum")
    assert c.source_refers_to is None


# --- caveats and hedges ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,phrase",
    [
        ("The Daily Lantern could not independently verify the video.", "could not independently verify"),
        ("The Daily Lantern cannot independently confirm the footage.", "cannot independently confirm"),
        (
            "The ministry said it had no information to confirm or deny the report.",
            "no information to confirm or deny",
        ),
        ("Police were unable to confirm the number of arrests.", "were unable to confirm"),
    ],
)
def test_caveat_phrases(sentence: str, phrase: str) -> None:
    text = "Army spokesman Kai Brun said 30 drones were shot down overnight. " + sentence
    claims = analyze(text).claims
    caveat = claims[-1]
    assert caveat.kind == "caveat"
    assert phrase in caveat.cues
    assert phrase in caveat.hedges
    assert caveat.applies_to == (0,)
    assert claims[0].kind == "claim"


def test_caveat_names_its_source_and_all_attributed_claims_before_it() -> None:
    text = (
        "The navy said a patrol boat was hit on May 2. "
        '"We lost contact at dawn," a sailor told the radio.\n\n'
        "The Harbour Post could not independently verify the claims."
    )
    claims = analyze(text).claims
    assert claims[-1].source == "The Harbour Post"
    assert claims[-1].applies_to == (0, 1)


def test_caveat_stops_at_an_unattributed_claim() -> None:
    text = (
        "The storm hit the coast on Friday. "
        "Officials said 40 people were evacuated. "
        "The Coast Gazette could not independently verify the figure."
    )
    assert analyze(text).claims[-1].applies_to == (1,)


def test_hedges_in_reading_order() -> None:
    c = only("The alleged smuggler was purportedly seen at an unconfirmed location.", "smuggler")
    assert c.hedges == ("alleged", "purportedly", "unconfirmed")


# --- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,figures",
    [
        ("More than 12,500 sheep crossed the pass.", ["More than 12,500"]),
        (
            "The lake covers 48 square kilometers (19 square miles).",
            ["48 square kilometers", "19 square miles"],
        ),
        ("Sentences range from 2-5 years.", ["2-5 years"]),
        ("The vote is set for Sept. 9 and results for March 2025.", ["Sept. 9", "March 2025"]),
        ("Eleven villages lost power for 36 hours.", ["Eleven villages", "36 hours"]),
        ("Prices rose 7.5% while wages rose about 3 percent.", ["7.5%", "about 3 percent"]),
        ("The fund holds $4.2 billion.", ["$4.2 billion"]),
        ("One of the pilots is at least 60.", ["at least 60"]),
        ("The COVID-19 wing on the 3rd floor opened.", []),
        ("A 25-meter crane fell near a 9-year-old boy.", ["25-meter", "9-year-old"]),
        ("Repairs will cost between 40 and 60 million dollars.", ["between 40 and 60 million dollars"]),
        ("Turnout rose from 52 to 58 percent.", ["from 52 to 58 percent"]),
        ("The bid was between $3 million and $4 million.", ["between $3 million and $4 million"]),
        ("Talks ran between 2019 and the spring of 2021.", ["between 2019", "2021"]),
    ],
)
def test_figures(sentence: str, figures: list[str]) -> None:
    assert [sentence[a:b] for a, b in find_figures(sentence)] == figures


# --- page structure --------------------------------------------------------------------------

ARTICLE = (
    "By Marta Quill\n"
    "Ferry services resume after storm\n"
    "Thursday, April 3, 2025\n"
    "The coastguard said all 6 ferries had returned to port by Wednesday night.\n\n"
    "File image of a ferry leaving the harbour.\n\n"
    "Will the timetable change?\n\n"
    "Engineers inspected the piers, according to the port authority.\n\n"
    "Reporting by Marta Quill; editing by Sam Lowe.\n\n"
    "Marta Quill\n\n"
    "Staff Reporter\n\n"
    "Marta Quill covers shipping for a coastal weekly. She studied law in Bergen.\n"
)


def test_page_furniture_is_not_claimed() -> None:
    a = analyze(ARTICLE, title="Ferry services resume after storm")
    texts = [c.text for c in a.claims]
    assert texts == [
        "The coastguard said all 6 ferries had returned to port by Wednesday night.",
        "Engineers inspected the piers, according to the port authority.",
    ]
    why = {ARTICLE[s.start : s.end]: w for s, w in a.skipped}
    assert why["By Marta Quill"] == "byline"
    assert why["Thursday, April 3, 2025"] == "dateline"
    assert why["File image of a ferry leaving the harbour."] == "caption or credit"
    assert why["Will the timetable change?"] == "question"
    assert why["Reporting by Marta Quill; editing by Sam Lowe."] == "caption or credit"
    assert why["Marta Quill"] == "author box"


def test_byline_is_the_author_name_with_the_line_span() -> None:
    a = analyze(ARTICLE)
    assert a.byline == "Marta Quill"
    assert a.byline_span is not None
    assert ARTICLE[a.byline_span.start : a.byline_span.end] == "By Marta Quill"
    assert a.body_end == ARTICLE.index("Reporting by Marta Quill")  # the credit line closes the body


def test_author_box_without_byline() -> None:
    text = (
        "The council approved the new school on Monday.\n\n"
        "Builders expect to finish by 2027, the mayor said.\n\n"
        "Noor Haddad\n\nSenior Correspondent\n\n"
        "Noor Haddad writes about cities. She lives in Lyon.\n"
    )
    a = analyze(text)
    assert [c.text for c in a.claims][-1] == "Builders expect to finish by 2027, the mayor said."
    assert all(c.end <= a.body_end for c in a.claims)


# --- output ----------------------------------------------------------------------------------


def test_json_contract_keys_and_types() -> None:
    a = analyze('Officials said 3 bridges were closed. "We will reopen soon," the mayor said.', title="T")
    data = json.loads(json.dumps(a.to_json()))
    assert {"title", "byline", "text", "sentences", "claims"} <= set(data)
    for c in data["claims"]:
        assert {"start", "end", "text", "kind", "source", "cues", "hedges", "figures", "score"} <= set(c)
        assert c["kind"] in KINDS
        assert 0.0 <= c["score"] <= 1.0
    assert data["claims"][1]["kind"] == "quote"


def test_reasons_explain_the_flag_with_direction_and_words() -> None:
    c = only("Police chief Ada Lind said 12 cars were allegedly stolen.", "cars")
    assert "+ a figure (12)" in c.reasons
    assert all(r[:2] in ("+ ", "\u2212 ") for r in c.reasons)


def test_reasons_name_what_lowers_a_score() -> None:
    c = only('"I think we should all be proud of this team," the coach said.', "proud")
    assert c.score < 0.5
    assert any(r.startswith("\u2212 ") for r in c.reasons)
    assert not any("key word" in r for r in c.reasons)


def test_a_language_without_a_lexicon_still_works() -> None:
    text = "«Vamos a ganar», afirmó Lucía Prado. El puente mide 300 metros."
    a = analyze(text, lang="xx")
    assert a.claims[0].kind == "quote"
    assert a.claims[0].source == "Lucía Prado"


def test_lexicon_phrases_match_whole_words_only() -> None:
    rx = phrase_regex(["said", "according to"])
    assert rx.search("unsaid") is None
    assert rx.search("According  to him") is not None
    assert load("en").cue_re.search("he wrote on Telegram").group(0) == "wrote on Telegram"  # type: ignore[union-attr]


# --- titles, credits, hedge clauses, participles ------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Ferry link to Skarvik suspended after second engine fire, operator says",
        "Will the old tram depot become housing?",
        "Orchard growers count losses after late frost",
    ],
)
def test_a_short_first_line_then_a_blank_line_is_the_title(headline: str) -> None:
    text = f"{headline}\n\nThe operator said both ferries would stay in port until March.\n"
    a = analyze(text)
    assert a.title == headline
    assert [c.text for c in a.claims] == ["The operator said both ferries would stay in port until March."]
    assert [(a.text[s.start : s.end], why) for s, why in a.skipped] == [(headline, "title")]


def test_a_given_title_wins_and_a_full_sentence_is_no_headline() -> None:
    text = "Orchard growers count losses after late frost\n\nThe frost hit in April.\n"
    assert analyze(text, title="Frost in the valley").title == "Frost in the valley"
    sentence = "The frost hit 40 orchards in April.\n\nGrowers asked for help.\n"
    assert analyze(sentence).title is None
    assert analyze("By Ana Pires\n\nThe frost hit 40 orchards in April.\n").title is None


def test_sentences_after_a_closing_credit_line_are_not_claims() -> None:
    text = (
        "The ferry operator cancelled 14 crossings on Monday, a spokesperson said.\n\n"
        "Repairs are expected to take two weeks.\n\n"
        "Additional reporting by Ana Pires\n\n"
        "This story was produced for a training course. All names are invented.\n"
    )
    a = analyze(text)
    assert [c.text for c in a.claims] == [
        "The ferry operator cancelled 14 crossings on Monday, a spokesperson said.",
        "Repairs are expected to take two weeks.",
    ]
    assert a.body_end == text.index("Additional reporting")
    why = {a.text[s.start : s.end]: w for s, w in a.skipped}
    assert why["Additional reporting by Ana Pires"] == "caption or credit"
    assert why["All names are invented."] == "after credits"


def test_an_unconfirmed_figure_in_an_appositive_is_a_hedge_not_a_caveat() -> None:
    text = "The lake rose to an alleged 3.2 meters overnight, a level the harbour office has not confirmed."
    c = only(text, "lake")
    assert c.kind == "claim"
    assert c.source is None
    assert c.hedges == ("alleged", "has not confirmed")
    assert c.cues == ()
    which = only("The mill closed in 2004, which the union could not verify.", "mill")
    assert which.kind == "claim" and which.source is None


def test_a_main_statement_of_non_verification_stays_a_caveat() -> None:
    text = "The union said the mill closed in 2004. The Weekly Ledger could not verify the minutes."
    c = only(text, "minutes")
    assert c.kind == "caveat"
    assert c.source == "The Weekly Ledger"
    assert c.applies_to == (0,)


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        (
            "The harbour office wrote on its website that ferries would resume at noon.",
            "The harbour office",
            "wrote on its website",
        ),
        (
            "Ferries will resume at noon, the harbour office said in a statement.",
            "the harbour office",
            "said in a statement",
        ),
        ("Minister Ola Dahl posted on X that the ferries would resume.", "Minister Ola Dahl", "posted on X"),
        ("The captain told reporters the ferry had lost power twice.", "The captain", "told reporters"),
    ],
)
def test_cues_of_writing_and_publishing_are_whole_phrases(sentence: str, source: str, cue: str) -> None:
    c = only(sentence, " ")
    assert c.source == source
    assert c.cues == (cue,)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The mayor cut the library budget, saying the city could not afford it.", "The mayor"),
        (
            "In May, the Westford Rowing Club cancelled its regatta, adding that the river was too high.",
            "the Westford Rowing Club",
        ),
        ("Residents blocked the road on Sunday, saying nobody had consulted them.", "Residents"),
        (
            "But the ferry company ended the route, noting that fuel had doubled in price.",
            "the ferry company",
        ),
    ],
)
def test_participle_cue_names_the_subject_of_the_main_clause(sentence: str, source: str) -> None:
    assert only(sentence, " ").source == source


def test_according_to_without_a_comma_stops_before_the_verb() -> None:
    c = only("Bread prices rose sharply according to the statistics office said on Friday.", "Bread")
    assert c.source == "the statistics office"


def test_plural_report_noun_after_a_semicolon_is_no_source_without_a_cue_verb() -> None:
    c = only("The club lost money last year; reports describe a stormy board meeting.", "club")
    assert c.source is None and c.cues == ()
    said = only("The club lost money last year; reports say the treasurer resigned.", "club")
    assert said.source == "reports"


# --- quotes continued after an attribution ------------------------------------------------------


@pytest.mark.parametrize(
    "attribution",
    [
        "said Ola Brandt, the station's duty engineer.",
        "Ola Brandt said.",
        "said Ola Brandt.",
    ],
)
def test_quote_after_an_attribution_sentence_keeps_its_speaker(attribution: str) -> None:
    text = f'"The pumps stopped twice before midnight," {attribution} "Nobody answered the alarm line."'
    a = analyze(text)
    first, second = a.claims
    assert second.kind == "quote"
    assert second.source == "Ola Brandt" and second.source_from_context
    assert (second.source_start, second.source_end) == (first.source_start, first.source_end)
    assert second.cues == ()


def test_pronoun_speaker_carries_into_the_next_quote_and_paragraph() -> None:
    text = (
        'The keeper left at dawn. "We lost the generator," he said. "The radio went next."\n\n'
        '"By noon we had no light at all."\n'
    )
    a = analyze(text)
    assert [(c.kind, c.source, c.source_from_context) for c in a.claims[1:]] == [
        ("quote", "he", False),
        ("quote", "he", True),
        ("quote", "he", True),
    ]


def test_a_new_paragraph_quote_with_its_own_attribution_is_not_carried() -> None:
    text = (
        '"We lost the generator," said Ola Brandt, the keeper.\n\n'
        '"The radio still worked," his deputy Mira Holt said.\n'
    )
    assert [c.source for c in analyze(text).claims] == ["Ola Brandt", "his deputy Mira Holt"]


def test_definite_noun_refers_to_an_earlier_source_with_the_same_head() -> None:
    text = (
        "Ferry crossings were cancelled on Sunday, according to the coastal shipping authority.\n\n"
        "Jane Roe, a harbour pilot, said the wind reached 90 km/h.\n\n"
        "The authority said services would resume on Tuesday.\n"
    )
    last = analyze(text).claims[-1]
    assert last.source == "The authority"
    assert last.source_refers_to == "the coastal shipping authority"


def test_the_analysis_as_json_holds_offsets_of_every_part() -> None:
    text = "Harbour works\n\nBy Ana Ruiz\n\nThe crane fell on Monday, the port said."
    found = analyze(text).to_json()
    claims = found.pop("claims")
    assert found == {
        "language": "en",
        "title": "Harbour works",
        "byline": "Ana Ruiz",
        "byline_span": {"start": 15, "end": 26},
        "body_end": len(text),
        "text": text,
        "sentences": [{"start": 0, "end": 13}, {"start": 15, "end": 26}, {"start": 28, "end": 68}],
        "skipped": [{"start": 0, "end": 13, "why": "title"}, {"start": 15, "end": 26, "why": "byline"}],
    }
    assert [(c["start"], c["end"], c["source"]) for c in claims] == [(28, 68, "the port")]
    assert analyze("The crane fell on Monday, the port said.", title="T").to_json()["byline_span"] is None


@pytest.mark.parametrize(
    "text,refers_to",
    [
        ('"The dock is shut," said Ana Maria Ruiz. She said it would reopen.', "Ana Maria Ruiz"),
        ('"The dock is shut," said Ana Maria Ruiz Vega. She said it would reopen.', None),  # four words
        ('"The dock is shut," said the Port Authority. She said it would reopen.', None),  # a body
        (
            '"The dock is shut," said the Aviation Herald. The company said it would reopen.',
            "the Aviation Herald",
        ),
        ('"The dock is shut," said Aviation Herald. The company said it would reopen.', None),
        ('"The dock is shut," said Sainsbury\'s. The company said it would reopen.', "Sainsbury's"),
        (
            '"The dock is shut," said the Aviation Herald. Minister Ana Ruiz visited the dock. '
            "The company said it would reopen.",
            "the Aviation Herald",  # a person named in passing is no company
        ),
        ("Port Authority called for calm. He said it would reopen.", None),
        ("Port Authority said the dock was shut. The authority said it would reopen.", "Port Authority"),
        (
            "The dock is shut, said the regional water authority. The authority said it would reopen.",
            "the regional water authority",
        ),
    ],
)
def test_an_anaphor_points_back_only_to_a_name_of_its_kind(text: str, refers_to: str | None) -> None:
    assert analyze(text).claims[-1].source_refers_to == refers_to


def test_a_claim_starts_after_its_list_marker_unless_nothing_follows() -> None:
    from app.domain.claims import claim_start

    assert claim_start("\u2022 Berth 4 reopens.", 0, 18) == 2
    assert claim_start("\u2022 ", 0, 2) == 0


def test_a_claim_as_json_names_every_field() -> None:
    claim = analyze('"The dock is shut," said Ana Ruiz.').claims[0]
    data = claim.to_json()
    assert (data["source_start"], data["source_end"]) == (claim.source_start, claim.source_end) == (25, 33)
    assert data["score"] == round(claim.score, 4) and len(str(data["score"]).split(".")[-1]) <= 4


def test_a_person_named_first_may_be_he_but_a_quotation_opening_a_sentence_names_nobody() -> None:
    claims = analyze("Ana Ruiz called for calm. He said it would reopen.").claims
    assert claims[1].source_refers_to == "Ana Ruiz"
    claims = analyze('"Hello," she said. He said the dam held.').claims
    assert [(c.kind, c.source, c.source_refers_to) for c in claims] == [
        ("quote", "she", None),
        ("claim", "He", None),
    ]


def test_the_facts_kept_for_each_claim_are_those_its_score_came_from() -> None:
    from app.domain.news_score import score_in_article

    found = analyze("The port said 40 ships sank on Monday. Nobody saw it.")
    assert len(found.facts) == len(found.claims) == 2
    first = found.facts[0]
    assert (first.source, first.figures, first.lead) == ("The port", ("40",), True)
    assert found.claims[0].score == pytest.approx(score_in_article(first).score)


def test_a_perfect_caveat_followed_by_its_own_cue_is_a_reported_fact() -> None:
    (claim,) = analyze(
        "The court has not confirmed claims that the witness was paid, the ruling said."
    ).claims
    assert (claim.kind, claim.source) == ("claim", "the ruling")


def test_sentences_cut_inside_one_closed_quotation_are_joined() -> None:
    from app.domain.claims import merge_inside_quotes

    spans = [Span(0, 6), Span(7, 20), Span(21, 30)]
    assert merge_inside_quotes(spans, [(0, 15, True)]) == [Span(0, 20), Span(21, 30)]
    assert merge_inside_quotes(spans, [(0, 15, False)]) == spans  # an unclosed quote joins nothing
    four = [*spans, Span(31, 40)]
    assert merge_inside_quotes(four, [(0, 3, True), (22, 35, True)]) == [
        Span(0, 6),
        Span(7, 20),
        Span(21, 40),
    ]
