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
        "A commander ordered troops to fire on deserters, "
        "according to Ukraine's military intelligence (HUR). "
        "The agency said the commander ordered troops to hold the line. "
        "Defence Minister Rustem Vale spoke later. He said 40 soldiers had deserted."
    )
    claims = analyze(text).claims
    agency = claim_with(text, "hold the line")
    minister = claim_with(text, "deserted")
    assert agency.source == "The agency" and agency.source_resolved == "Ukraine's military intelligence (HUR)"
    assert minister.source == "He" and minister.source_resolved == "Defence Minister Rustem Vale"
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
    rows = module.rows()  # type: ignore[attr-defined]
    assert rows and all(r.passed for r in rows), [r for r in rows if not r.passed]
