"""Who asserts it: the failure patterns of real news, one by one, and the evaluation rows.

The sentences are ours, written in the shapes that failed on real political and wire news
(issue 13): appositive titles, titles with a full stop, datelines, attribution after the content,
long subjects, cues beyond say/tell, clean spans, British quotes, anaphora.
"""

from __future__ import annotations

import pytest

from app.domain.claims import DetectedClaim, analyze
from app.domain.confidence import UNCERTAIN, is_uncertain
from tests.evaluation import attribution, caveats, news_worthiness


def claim_with(text: str, words: str) -> DetectedClaim:
    return next(c for c in analyze(text).claims if words in c.text)


@pytest.mark.parametrize(
    "sentence,source",
    [
        # 1. a name with an appositive title: the name, not the title
        ("Maria Dunn, the region's governor, said the dam held.", "Maria Dunn"),
        ("Valeska Paris, a former member, has claimed the church held her for years.", "Valeska Paris"),
        (
            "Ricardo Llerandi, the governor's chief of staff, also announced his resignation.",
            "Ricardo Llerandi",
        ),
        ("Travis Hood, who saw the crash, said the truck never braked.", "Travis Hood"),
        # 2. titles with a full stop
        ('"The levee held," said Rep. Lee.', "Rep. Lee"),
        ('"The levee held," Sen. Alvarez said.', "Sen. Alvarez"),
        ("Mr. Park said the levee held.", "Mr. Park"),
        # 3. a dateline is not the subject
        ("KYIV, March 3 (Reuters) - The air force said it shot down 12 drones.", "The air force"),
        ("WASHINGTON (AP) \u2014 The agency said the launch was delayed.", "The agency"),
        # 4. attribution after the content
        ("The dam held, an official told the paper.", "an official"),
        ("The dam held, officials said.", "officials"),
        ("Recipients, said Mauer, must show the prints every ten years.", "Mauer"),
        ("The dam held, said the spokesman.", "the spokesman"),
        ("The bridge will reopen in May, said Lena Moss.", "Lena Moss"),
        ("The bridge will reopen in May, said Lena Moss, the mayor.", "Lena Moss"),
        ("The bridge, said Lena Moss, will reopen in May.", "Lena Moss"),
        ("\u201cThe bridge will reopen in May,\u201d said Lena Moss.", "Lena Moss"),
        # 5. long subjects
        ("The general who heads the coalition said the dam held.", "The general who heads the coalition"),
        (
            "A spokesperson on duty at the ministry told reporters the dam held.",
            "A spokesperson on duty at the ministry",
        ),
        ("On Friday Harbor Freight Company announced 300 job cuts.", "Harbor Freight Company"),
        ("On Thursday officials reported 58 cases.", "officials"),
        # 6. cues beyond say and tell
        ("The ministry estimated that 300 people died.", "The ministry"),
        ("He was quoted as saying the dam held.", "He"),
        ("The mayor expressed skepticism that the dam held.", "The mayor"),
        ("According to a statement from the ministry, 300 people died.", "the ministry"),
        ("The attack was claimed by the Northern Front on Monday.", "the Northern Front"),
        ("The researchers found that ozone cut soybean yields by 46 percent.", "The researchers"),
        ("The plant's owner declined the request and said the leak was fixed.", "The plant's owner"),
        # 7. clean spans: no cue, pronoun, negation or relative inside
        ("Officials say they have found 12 drones.", "Officials"),
        (
            "Port officials have not said why, but Governor Ana Ruiz says the dock was unsafe.",
            "Governor Ana Ruiz",
        ),
        ("The fires are under control, which state media said took two days.", "state media"),
        ("China, Iran, and Russia have pledged funds for the rebuilding.", "China, Iran, and Russia"),
        # 8. quotes after 'told X:' and 'said:'
        ('The mayor told Reuters: "The dam held."', "The mayor"),
        (
            '"We wanted to find out how the virus spreads" said lead author Professor Ann Lowe.',
            "lead author Professor Ann Lowe",
        ),
        # 'According to X, Y said': Y speaks, X relays
        (
            "According to the Herald, Professor Ian Burrows said the flag was never put to a vote.",
            "Professor Ian Burrows",
        ),
        ("The Daily Ledger reported its source said the tenant moved in a day earlier.", "its source"),
    ],
)
def test_source_of_each_failure_pattern(sentence: str, source: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source == source


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier claims that the dam held were wrong.",  # a noun, not a verb
        "Police found a body in the river.",  # 'found' reports a finding only after a research subject
        "The laser light show drew a crowd.",
        "Earlier on Friday, the assembly confirmed him as governor.",  # no speech act
        "In the 62nd minute Kim Min-woo conceded a penalty.",
    ],
)
def test_no_source_where_nobody_asserts_anything(sentence: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source is None


def test_a_negated_cue_gives_way_to_the_one_that_asserts() -> None:
    c = claim_with(
        "Citing privacy rules, officials have not said why, but Ambassador Rami Aziz says visas were refused.",  # noqa: E501
        "visas",
    )
    assert c.source == "Ambassador Rami Aziz"


def test_secondary_source_of_a_relayed_statement() -> None:
    c = claim_with(
        "According to the Herald, Professor Ian Burrows said the flag was never put to a vote.", "flag"
    )
    assert c.secondary_source == "the Herald"


def test_anaphora_resolve_to_the_named_source_and_group_under_it() -> None:
    text = (
        "A captain ordered the crew to leave the cargo behind, "
        "according to the regional maritime authority (RMA). "
        "The agency said the captain ordered the crew to hold the line. "
        "Transport Minister Rustem Vale spoke later. He said 40 sailors had left."
    )
    claims = analyze(text).claims
    agency = claim_with(text, "hold the line")
    minister = claim_with(text, "sailors had left")
    assert agency.source == "The agency" and agency.source_resolved == "the regional maritime authority (RMA)"
    assert minister.source == "He" and minister.source_resolved == "Transport Minister Rustem Vale"
    assert len(claims) == 4


def test_a_specific_description_is_not_resolved_to_another_body() -> None:
    text = "State media reported a crash on Monday. The army said the plane carried meat."
    c = claim_with(text, "meat")
    assert c.source == "The army"
    assert c.source_refers_to is None and c.source_resolved == "The army"


def test_each_source_carries_a_confidence_and_weak_ones_are_uncertain() -> None:
    quote = claim_with('"The dam held," Governor Ana Ruiz said.', "dam")
    assert quote.source_confidence is not None and quote.source_confidence >= UNCERTAIN
    assert quote.source_rule == "quote"
    unresolved = claim_with("He said the dam held.", "dam")
    assert unresolved.source == "He" and unresolved.source_refers_to is None
    assert unresolved.source_confidence is not None and is_uncertain(unresolved.source_confidence)
    resolved = claim_with("Mayor Ana Ruiz spoke on Monday. She said the dam held.", "dam")
    assert resolved.source_resolved == "Mayor Ana Ruiz"
    assert resolved.source_confidence is not None and not is_uncertain(resolved.source_confidence)
    assert is_uncertain(0.3) and not is_uncertain(0.9) and not is_uncertain(None)


def test_analyze_json_keys_only_grow() -> None:
    keys = set(analyze("The mayor said the dam held.").claims[0].to_json())
    assert {
        "start",
        "end",
        "text",
        "kind",
        "source",
        "cues",
        "hedges",
        "figures",
        "score",
        "reasons",
        "secondary_source",
        "source_refers_to",
        "applies_to",
    } <= keys
    assert {"source_confidence", "source_resolved"} <= keys


# --- the evaluation table's rows (the same figures `python -m tests.evaluation` prints) ------


@pytest.mark.parametrize(
    "module", [attribution, caveats, news_worthiness], ids=lambda m: m.__name__.split(".")[-1]
)
def test_evaluation_rows_pass(module: object) -> None:
    rows = getattr(module, "gated_rows", getattr(module, "rows", None))()  # gated: no held-out test split
    assert rows and all(r.passed for r in rows), [r for r in rows if not r.passed]


# --- each rule of attribution, and what it must not take for a source ------------------------------


@pytest.mark.parametrize(
    "sentence,source,rule,secondary",
    [
        (
            "The port reopened on Monday, with local media reporting long queues.",
            "local media",
            "participle",
            None,
        ),
        ("The port reopened on Monday, with many saying it was too late.", None, None, None),
        ("The mayor cut the budget, saying the city could not afford it.", "The mayor", "participle", None),
        (
            "But the actor, 31, has hit out at the studio, saying he was never paid.",
            "the actor",
            "participle",
            None,
        ),
        ("It referred to the plan as a mistake, adding that costs had doubled.", "It", "subject", None),
        (
            "The bill was drafted by Alex Greenwich who said it would pass.",
            "Alex Greenwich",
            "relative",
            None,
        ),
        ("Watson called the deal lousy and said he would fight it.", "Watson", "coordinated", None),
        ("I was hauled in and told that the port had closed.", None, None, None),
        ("The attack was claimed by the Northern Front.", "the Northern Front", "passive_agent", None),
        (
            "Znak.com reported its source said the port had closed.",
            "its source",
            "relayed_speaker",
            "Znak.com",
        ),
        ("The BBC cited Ana Ruiz as saying the port had closed.", "Ana Ruiz", "relayed_speaker", "The BBC"),
        (
            "The paper cited Budi Gunawan, chief of the police, as saying the port had closed.",
            "Budi Gunawan",
            "relayed_speaker",
            "The paper",
        ),
        ("Reports say the port has closed.", "Reports", "subject", None),
        ("Reports of a leak spread quickly.", "Reports", "report_noun", None),
        ("I think the port has closed.", None, None, None),
        ("We believe the port has closed.", None, None, None),
        (
            "According to the Saudi Interior Ministry over 345 pilgrims died.",
            "the Saudi Interior Ministry",
            "according_to",
            None,
        ),
        ("According to the agency said on Friday, the ferries stopped.", "the agency", "according_to", None),
        (
            "The ferries stopped, according to a report by the port authority.",
            "the port authority",
            "according_to",
            None,
        ),
        ("The ferries stopped, according to police on Monday.", "police", "according_to", None),
        (
            "The ferries stopped, according to the agency \u2014 which later retracted it.",
            "the agency",
            "according_to",
            None,
        ),
        ("The agency, citing sources, said the ferries stopped.", "The agency", "subject", "sources"),
        ("The head of police, Jane Roe, on Sunday said the ferries stopped.", "Jane Roe", "subject", None),
        ("Devocht, who had told the court the truth, said the ferries stopped.", "Devocht", "subject", None),
        ("The data, collected from 74 schools, showed that test scores fell.", "The data", "subject", None),
        ("Leyts, when asked whether the port was safe, told reporters it was.", "Leyts", "subject", None),
        (
            "Maria Dunn, a professor at the University of Arkansas, Fayetteville, said the dam held.",
            "Maria Dunn",
            "subject",
            None,
        ),
        ("Officials did not say why.", "Officials", "subject", None),
        ("Media reports indicate the port closed.", "Media reports", "subject", None),
        ("Two penalty claims were rejected.", None, None, None),
        ("Results of the study show that yields fell.", "Results of the study", "subject", None),
        ("They estimated by 2050 the sea would rise.", "They", "subject", None),
        ("Cabins described as unsafe were closed.", None, None, None),
        ("The United States reported 40 cases.", "The United States", "subject", None),
        ("One AM said the vote was rigged.", "One AM", "subject", None),
        ("The rebels are also accused of looting.", None, None, None),
        (
            "Stu Rothenberg, an analyst, told the news site the race was close.",
            "Stu Rothenberg",
            "subject",
            None,
        ),
        ("The race is close, the analyst told the news site.", "the analyst", "subject", None),
        ("The race is close, said he.", "he", "inverted", None),
        (
            "The race is close, says investor and AI practitioner Kai-Fu Lee.",
            "investor and AI practitioner Kai-Fu Lee",
            "inverted",
            None,
        ),
        ("Everyone, said the mayor, must leave.", "the mayor", "inverted", None),
        ("The race is close, they claimed Montalvo left.", "they", "subject", None),
        ("On Monday morning the mayor said the race was close.", "the mayor", "subject", None),
        ("Last week officials said the race was close.", "officials", "subject", None),
        ("KYIV (Reuters) \u2014 Officials said the race was close.", "Officials", "subject", None),
        ("Players truly believe the race is close.", "Players", "subject", None),
        ("A total of 39 are confirmed, officials said.", "officials", "subject", None),
        ("The mayor's spokesman told reporters the port was shut.", "The mayor's spokesman", "subject", None),
        (
            "Executive director of the Dallas chapter of the council Alia Salem said the vote was fair.",
            "Executive director of the Dallas chapter of the council Alia Salem",
            "subject",
            None,
        ),
        ("Colleagues with whom I had thought the same said the vote was fair.", None, None, None),
        ("J. Smith of the port said the dam held.", "J. Smith of the port", "subject", None),
        (
            "In the end, China, Iran, and Russia have pledged funds.",
            "China, Iran, and Russia",
            "subject",
            None,
        ),
        ("It was claimed by the Northern Front.", "the Northern Front", "passive_agent", None),
        ("The paper reported Xavier said the port closed.", "Xavier", "relayed_speaker", "The paper"),
        (
            "According to the Harbour Board ferries were stopped on Monday.",
            "the Harbour Board",
            "according_to",
            None,
        ),
        ("Says Jane Roe.", None, None, None),
        ("He told him the dam held.", "He", "subject", None),  # 'told' takes its listener
        ("The Harbour Board truly believes the dam held.", "The Harbour Board", "subject", None),
        (
            "Officials at the port reports office said the dam held.",
            "Officials at the port reports office",
            "subject",
            None,
        ),
        ("The board confirmed him as chairman.", None, None, None),  # a verb with a person as object
        ("Ana Ruiz cut it saying it was too high.", "Ana Ruiz", "participle", None),
        ("The talks continued for hours.", None, None, None),  # 'continued' is a cue before a quote only
        ("The young players truly believe the race is close.", "The young players", "subject", None),
        ("Company X said the dam held.", "Company X", "subject", None),
        ("The agency said the dam (the old one) held.", "The agency", "subject", None),
        (
            "The agency (based in Kyiv, Ukraine) said the dam held.",
            "The agency (based in Kyiv, Ukraine)",
            "subject",
            None,
        ),
    ],
)
def test_each_attribution_rule_names_its_source(
    sentence: str, source: str | None, rule: str | None, secondary: str | None
) -> None:
    (claim,) = analyze(sentence).claims
    assert (claim.source, claim.source_rule, claim.secondary_source) == (source, rule, secondary)


def test_the_kind_of_a_source_and_what_counts_as_a_name() -> None:
    from app.domain.attribution import _is_description, _is_name, source_type
    from app.domain.lexicon import load

    lex = load("en")
    assert [source_type(s, lex) for s in ("The board's", "Ana Ruiz", "(HUR)", "Prime Minister Ana Ruiz")] == [
        "org",
        "any",
        "org",
        "person",
    ]
    assert not _is_name("On Monday", lex) and not _is_name("But Ana", lex)
    assert _is_name("Ana Ruiz", lex) and _is_name("Anna of the Harbour", lex)
    assert _is_description("the region's governor", lex) and _is_description("and the region's governor", lex)
    assert _is_description("curator at the museum", lex) and not _is_description("he said", lex)


def test_a_cue_opening_a_sentence_is_one_only_before_a_name_and_the_end() -> None:
    assert analyze("Says Jane Roe.").claims[0].cues == ("Says",)
    assert analyze("Reports emerged of a leak.").claims[0].cues == ()
    assert analyze("The talks continued for hours.").claims[0].cues == ()


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The bridge will reopen soon, said he.", "he"),
        ("The dam held through the night, said officials.", "officials"),
        ("The dam held through the night, said police officials.", "police officials"),
        ("On March 14, 2019 NATO said the exercise would go ahead.", "NATO"),
        ("The mayor, through a spokesman, said the bridge would reopen.", "The mayor"),
    ],
)
def test_speakers_after_the_content_or_behind_a_date_or_an_aside(sentence: str, source: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source == source


def test_an_object_pronoun_after_said_is_nobody(sentence: str = "The dam held, said them.") -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source != "them"


# --- sources after a cue with no comma, reduced relatives, 'in the words of', 'with X stating' -----


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("According to the port authority the ferries stopped running on Monday.", "the port authority"),
        (
            "According to people familiar with the matter the deal collapsed on Friday.",
            "people familiar with the matter",
        ),
        (
            "According to the Herald, reportedly the mayor said the budget would be cut by 12 percent.",
            "the mayor",
        ),
        (
            "Reporters learned that according to a posting made just over a day ago, the site went down.",
            "a posting",
        ),
        (
            "The results of the nutrition study published in the journal this week, revealed 40% lacked it.",
            "The results of the nutrition study",
        ),
        (
            "The security firm Harbourline, has said that as of March 4 the browser has 277 flaws.",
            "The security firm Harbourline",
        ),
        (
            'In the words of the Crown prosecutor, Mark Tedeschi, QC, "Gloria spent months crying."',
            "Mark Tedeschi",
        ),
        (
            'The paper quoted two critics, with Caitlin Boswell stating: "This move is clumsy and unsafe."',
            "Caitlin Boswell",
        ),
        # keep: the agent of a reduced relative, a relative clause's verb, a participle before a determiner
        (
            "A poll published on Monday by the Institute for Policy Research said 43 percent back it.",
            "A poll published on Monday by the Institute for Policy Research",
        ),
        (
            '"It is over," said a protester using the pseudonym Katya.',
            "a protester using the pseudonym Katya",
        ),
        ("A woman whose son died said the hospital waited too long.", "A woman whose son died"),
    ],
)
def test_where_a_source_ends(sentence: str, source: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source == source


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("According to the ministry, Kharkiv Region, 12 people were wounded.", "the ministry"),  # a place
        ("According to the ministry, 40 people were wounded in the attack.", "the ministry"),
        (
            "The plan was rejected by Prime Minister Ana Ruiz over fears of the cost.",
            None,
        ),  # an act, not a claim
        ("The plan was confirmed by Prime Minister Ana Ruiz on Friday.", "Prime Minister Ana Ruiz"),
    ],
)
def test_what_is_not_an_appositive_name_or_a_speaking_agent(sentence: str, source: str | None) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source == source


def test_every_attribution_of_a_sentence_is_listed_its_own_first() -> None:
    (claim,) = analyze(
        "Police said the suspect was arrested on Sunday, but his lawyer claimed he was at home, "
        "and neighbours told the BBC they saw nothing."
    ).claims
    listed = [
        (claim.text[a.source[0] - claim.start : a.source[1] - claim.start], a.nested)
        for a in claim.attributions
    ]
    assert listed == [("Police", False), ("his lawyer", False), ("neighbours", False)]
    as_json = claim.to_json()["attributions"]
    assert [a["cue"] for a in as_json] == ["said", "claimed", "told"]
    assert as_json[1]["source_start"] == claim.text.index("his lawyer") + claim.start


def test_an_attribution_inside_a_quotation_is_nested_and_its_i_is_the_speaker() -> None:
    (claim,) = analyze(
        '"I think the toll will rise, and the police told us to stay away," the mayor said.'
    ).claims
    rows = [(a["source"], a["cue"], a["nested"], a["resolved"]) for a in claim.to_json()["attributions"]]
    assert rows == [
        ("the mayor", "said", False, None),
        ("I", "think", True, "the mayor"),
        ("the police", "told", True, None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Major general Ana Basya said fishermen first noticed the boat on Friday.",  # not 'said fishermen'
        '"I\'m told the papers are not secret," the minister said.',  # a passive first person
        'She said they apply to "letters of complaint, research or scientific reports".',
    ],
)
def test_extra_attributions_name_someone_or_nobody(sentence: str) -> None:
    (claim,) = analyze(sentence).claims
    extra = [
        claim.text[a.source[0] - claim.start : a.source[1] - claim.start] for a in claim.attributions[1:]
    ]
    assert all(e[:1].isupper() or e.split()[0] in ("the", "a", "an", "they", "he", "she") for e in extra), (
        extra
    )
    assert "said fishermen" not in extra and "I'm" not in extra


@pytest.mark.parametrize(
    "sentence,extra",
    [
        ("Memon also said she believed the protests helped.", "she"),
        ("The ministry said that the army believed the town had fallen.", "the army"),
        ("Heald noted the findings show pollution cuts matter.", "the findings"),
    ],
)
def test_the_subject_of_a_reported_clause_is_its_own_attribution(sentence: str, extra: str) -> None:
    (claim,) = analyze(sentence).claims
    rows = claim.to_json()["attributions"]
    assert rows[0]["source"] == claim.source
    assert [r["source"] for r in rows[1:]] == [extra] and rows[1]["rule"] == "reported_clause"


# --- whom 'he' and 'she' mean: the subject before its objects, the speaker first, names in full ----


@pytest.mark.parametrize(
    "text,words,resolved",
    [
        (  # the sentence before: its subject, not the person it helped
            "Raymond Oyelaran, a 19-year-old student, helped Professor Czeisler design the course. "
            "He said the course had opened his eyes.",
            "opened his eyes",
            "Raymond Oyelaran",
        ),
        (  # a one-word name opening a sentence is the full name the article gave first
            "Foreign Minister Ri Yong Ho says his nation will not disarm first. Ri was speaking "
            "at the General Assembly on Saturday. He said trust must come first.",
            "trust must come",
            "Foreign Minister Ri Yong Ho",
        ),
        (  # the subject after an opening clause
            "Lakers reporter Mike Trudell tweeted that James will play. Following practice this week, "
            'James was asked about his plans. "I do not need preseason games," he said.',
            "preseason",
            "James",
        ),
        (  # 'Search and rescue' opens a sentence but names nobody
            "Officials said Ivan Zinchenko led the operation. Search and rescue was suspended on "
            "Tuesday, with Zinchenko describing a real threat. He estimated the work would take a day.",
            "estimated",
            "Zinchenko",
        ),
        (  # the speaker of the sentence before comes before the names it mentions
            "Mickelson has 18 wins, though Furyk said his presence helped the team. "
            '"He is a great guy to have in the team room," he explained.',
            "team room",
            "Furyk",
        ),
    ],
)
def test_whom_a_pronoun_means(text: str, words: str, resolved: str) -> None:
    assert claim_with(text, words).source_resolved == resolved


def test_a_possessive_or_a_topic_before_an_aside_is_nobody_a_pronoun_means() -> None:
    text = (
        "The president's press secretary, Dana Morel, appeared on television. Critics, she said, are "
        'wrong about the plan. "A date has not been set," she said.'
    )
    assert claim_with(text, "date has not").source_resolved == "Dana Morel"


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("The company, which employs 4,000 people, said it would close two plants.", "The company"),
        ("The report, which was seen by the BBC, says 40 people died.", "The report"),
        ("The levy will raise 40 million euros, which the industry says is too much.", "the industry"),
        ("Travis Hood, who witnessed the crash, said the car was speeding.", "Travis Hood"),
    ],
)
def test_a_relative_clause_between_commas_is_an_aside_not_the_source(sentence: str, source: str) -> None:
    (claim,) = analyze(sentence).claims
    assert claim.source == source


def test_attributions_inside_quotations_carried_over_and_in_the_passive() -> None:
    text = (
        'The prosecutor told the court, "Her health failed for months. It is asserted by the Crown that '
        'both parents knew this." "Had it happened earlier, I think the toll would have been higher."'
    )
    rows = [
        (a["source"], a["nested"], a["rule"])
        for c in analyze(text).to_json()["claims"]
        for a in c["attributions"]
    ]
    assert ("the Crown", True, "passive_agent") in rows
    assert ("I", True, "pronoun") in rows or ("I", True, "subject") in rows


def test_a_list_of_names_keeps_a_long_first_name() -> None:
    (claim,) = analyze(
        "Ana Ruiz Vega Lopez Diaz, Ben Cole, and Carl Dunn have pledged to rebuild the pier."
    ).claims
    assert claim.source == "Ana Ruiz Vega Lopez Diaz, Ben Cole, and Carl Dunn"
