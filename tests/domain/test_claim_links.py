"""Claim links, the pure parts: figures normalised and compared, keys, the score, the blocking
index, attribution chains and origins (issue 20)."""

from __future__ import annotations

import pytest

from app.domain.claim_index import ClaimIndex
from app.domain.claim_links import (
    ENTITY,
    MINOR,
    QUANTITY,
    THRESHOLD,
    claim_keys,
    class_weight,
    figures_disagree,
    figures_of,
    parse_figure,
    similarity,
    stem,
    words,
)
from app.domain.claim_origins import Mention, chain_of, chain_text, join_chains, name_key, same_name, trace
from app.domain.figures import find_figures


@pytest.mark.parametrize("written", ["50,000", "50 000", "50 thousand", "fifty thousand"])
def test_one_number_however_it_is_written(written: str) -> None:
    figure = parse_figure(written)
    assert figure is not None and figure.value == 50_000 and figure.kind == "amount"
    assert figure.key == parse_figure("50000").key  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("written", "value", "unit", "bound"),
    [
        ("more than 40,000", 40_000, "", ">"),
        ("110 square kilometres", 110, "km2", "="),
        ("160 square kilometers", 160, "km2", "="),
        ("about 3.5%", 3.5, "%", "~"),
        ("$2 million", 2_000_000, "$", "="),
        ("seven settlements", 7, "settlement", "="),
        ("up to 70 kilometres", 70, "km", "<"),
    ],
)
def test_figures_become_quantities(written: str, value: float, unit: str, bound: str) -> None:
    figure = parse_figure(written)
    assert figure is not None
    assert (figure.value, figure.unit, figure.bound) == (value, unit, bound)


def test_vague_counts_state_no_number() -> None:
    assert parse_figure("hundreds") is None
    assert parse_figure("dozens of people") is None


def test_dates_and_years_are_their_own_kinds() -> None:
    assert parse_figure("January 4, 2019").kind == "date"  # type: ignore[union-attr]
    assert parse_figure("2019").kind == "year"  # type: ignore[union-attr]
    assert parse_figure("2019 people").kind == "amount"  # type: ignore[union-attr]


def test_areas_that_differ_disagree() -> None:
    pairs = figures_disagree(figures_of(["110 square kilometres"]), figures_of(["160 square kilometers"]))
    assert [(a.text, b.text) for a, b in pairs] == [("110 square kilometres", "160 square kilometers")]


def test_a_bound_against_another_number_disagrees_and_a_bare_count_pairs_with_a_counted_one() -> None:
    pairs = figures_disagree(figures_of(["50,000"]), figures_of(["more than 40,000 soldiers"]))
    assert [(a.value, b.value) for a, b in pairs] == [(50_000, 40_000)]


def test_the_same_number_in_other_words_agrees() -> None:
    assert figures_disagree(figures_of(["About 50,000 residents"]), figures_of(["50 thousand people"])) == []
    assert figures_disagree(figures_of(["between 36 and 40"]), figures_of(["38"])) == []


def test_other_quantities_and_dates_are_not_compared() -> None:
    assert figures_disagree(figures_of(["3%"]), figures_of(["5 km"])) == []
    assert figures_disagree(figures_of(["May 2"]), figures_of(["May 5"])) == []
    assert figures_disagree(figures_of(["2019"]), figures_of(["2020"])) == []


def test_normalised_words_leave_out_function_words_and_reporting() -> None:
    assert words("The soldiers have deserted, officials said") == ["soldier", "desert", "official"]
    assert stem("kilometres") == stem("kilometers")
    assert stem("villages") == stem("village")


@pytest.mark.parametrize(
    "forms",
    [
        ("evacuated", "evacuation", "evacuate", "evacuating"),
        ("resigned", "resignation", "resigns"),
        ("deserted", "desertion", "deserting"),
        ("made", "making", "make"),
        ("fled", "fleeing", "flees"),
        ("stopped", "stop"),
        ("died", "dies", "die"),
        ("denied", "deny"),
        ("officially", "official"),
        ("governorship", "governor"),
        ("sworn", "swear"),
    ],
)
def test_one_word_in_other_forms_has_one_key(forms: tuple[str, ...]) -> None:
    assert len({stem(w) for w in forms}) == 1


@pytest.mark.parametrize("word", ["string", "nation", "speed", "thing"])
def test_an_ending_goes_only_when_a_stem_is_left(word: str) -> None:
    assert stem(word) == word


def test_news_verbs_for_one_event_share_a_key() -> None:
    assert set(words("Three people were killed")) == set(words("three people died"))
    assert set(words("The residents were detained")) == set(words("people arrested"))
    assert "die" not in words("The council approved the budget")


def test_a_place_and_its_people_are_one_name() -> None:
    pairs = [("Iran", "Iranian"), ("Ukraine", "Ukrainian"), ("China", "Chinese"), ("Rico", "Rican")]
    for place, people in pairs:
        one = claim_keys(f"They met officials from {place}", []).keys
        other = claim_keys(f"They met {people} officials", []).keys
        assert {k for k in one if k.startswith(ENTITY)} == {k for k in other if k.startswith(ENTITY)}
    iran, iraq = (claim_keys(f"They met officials from {p}", []).keys for p in ("Iran", "Iraq"))
    assert iran != iraq


def test_a_name_is_one_key_not_also_a_word_except_first_where_it_may_be_either() -> None:
    inside = claim_keys("Last week Sanders ended his bid", []).keys
    assert "@sander" in inside and "sander" not in inside
    first = claim_keys("Sanders ended his bid", []).keys
    assert {MINOR + "@sander", MINOR + "sander"} <= first  # a name or a word: each at an aside's weight


def test_numbers_in_words_are_figures_not_words() -> None:
    assert "four" not in words("Four nearby villages were evacuated")
    keys = claim_keys("Some 50 thousand people were evacuated from Brenna", ["Some 50 thousand people"]).keys
    assert not {"thousand", "some"} & keys and "#a50000" in keys


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Four nearby villages were evacuated", "Four nearby villages", "village"),
        ("A truck and ten motorcycles collided, police said", "ten motorcycles", "motorcycle"),
        ("1,200 firefighters and six water-bombing planes fought it", "six water-bombing planes", "plane"),
        ("Six water-bombing aircraft fought it", "Six water-bombing aircraft", "aircraft"),
        ("1,200 firefighters and six aircraft fought it", "1,200 firefighters", "firefighter"),
        ("About 50,000 residents of Brenna left", "About 50,000 residents", "people"),
    ],
)
def test_what_a_figure_counts_is_the_noun_after_its_number(text: str, figure: str, counted: str) -> None:
    assert counted in _counted(claim_keys(text, [figure]).keys)


def _counted(keys: frozenset[str]) -> set[str]:
    """What the claim's figures count, without their orders of magnitude."""
    return {k.removeprefix(QUANTITY).rstrip("0123456789") for k in keys if k.startswith(QUANTITY)}


def test_a_place_after_a_number_is_not_what_it_counts() -> None:
    keys = claim_keys("The crash happened on Route 2 in Randolph", ["2"]).keys
    assert not any(k.startswith(QUANTITY) for k in keys)


def test_the_same_quantity_under_another_number_is_linked() -> None:
    index = _index(
        [
            (1, "About 50,000 residents of Brenna were evacuated", ["About 50,000 residents"]),
            (2, "More than 40,000 people were evacuated from Brenna", ["More than 40,000 people"]),
            (3, "About 50,000 tourists visited Brenna in the summer", ["About 50,000 tourists"]),
        ]
    )
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)] == [2]


def test_keys_leave_out_who_says_it() -> None:
    with_source = claim_keys("The Courier said 300 tonnes of oil spilled", ["300 tonnes"], ["The Courier"])
    bare = claim_keys("300 tonnes of oil spilled", ["300 tonnes"])
    assert with_source.keys == bare.keys


def test_a_number_written_with_spaces_is_kept_whole() -> None:
    keys = claim_keys("about 50 000 residents were moved", ["about 50", "000 residents"])
    assert [f.value for f in keys.figures] == [50_000]


def test_the_score_is_one_for_the_same_keys_and_zero_for_none_shared() -> None:
    def weight(_key: str) -> float:
        return 1.0

    assert similarity({"a", "b"}, {"b", "a"}, weight) == 1.0
    assert similarity({"a"}, {"b"}, weight) == 0.0
    assert similarity({"a", "b", "c"}, {"a", "b", "d"}, weight) == pytest.approx(2 / 3)


def _index(texts: list[tuple[int, str, list[str]]]) -> ClaimIndex:
    index = ClaimIndex()
    filler = [
        "The city council approved a new budget for schools",
        "Heavy rain flooded roads in the north of the country",
        "The football club signed a striker from Brazil",
        "Prices of bread rose sharply in the capital",
    ]
    for n, text in enumerate(filler, start=100):
        index.add(n, n, claim_keys(text, []).keys)
    for claim_id, text, figures in texts:
        index.add(claim_id, claim_id, claim_keys(text, figures).keys)
    return index


def test_the_index_finds_a_restatement_and_not_an_unrelated_claim() -> None:
    index = _index(
        [
            (1, "More than 12,000 ferry passengers were stranded since March", ["More than 12,000"]),
            (2, "Since March, more than 12,000 ferry passengers were stranded", ["more than 12,000"]),
            (3, "The football club signed a goalkeeper from Chile", []),
        ]
    )
    found = index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)
    assert [c for c, _ in found] == [2]
    assert found[0][1] > 0.9


def test_a_removed_claim_is_not_found_and_can_come_back() -> None:
    index = _index(
        [
            (1, "The fire burned 110 square kilometres of forest in Valdora", ["110 square kilometres"]),
            (2, "The Valdora fire burned 110 square kilometres of forest", ["110 square kilometres"]),
        ]
    )
    index.remove(2)
    assert index.matches(index.key_ids(1), THRESHOLD, exclude_article=1) == []
    index.add(
        2,
        2,
        claim_keys("The Valdora fire burned 110 square kilometres of forest", ["110 square kilometres"]).keys,
    )
    index.compact()
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)] == [2]


def test_claims_of_the_asking_article_are_left_out() -> None:
    index = ClaimIndex()
    keys = claim_keys("Two firefighters died near Brenna", ["Two firefighters"]).keys
    index.add(1, 7, keys)
    index.add(2, 7, keys)
    index.add(3, 8, keys)
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=7)] == [3]


_RESTATED = [
    "The ship spilled 300 tonnes of oil near Lemvik",
    "Some 500 tonnes of oil leaked from the ship near Lemvik",
    "All 19 crew members were rescued by helicopter",
    "The ship's 19 crew were airlifted to safety",
    "Fishing in the bay has been banned",
    "The ministry banned fishing in the bay",
    "Oil covers 20 kilometres of shoreline near Lemvik, which the ship left",
    "The ship, which spilled oil near Lemvik, was towed away",
]
# names, none shared, none at all, and claims too short to check
_NAMED = [
    "Mayor Okafor ended her campaign for the party's nomination",
    "Councillor Lindqvist ended her campaign for the party's nomination",
    "Okafor ended her bid for the nomination of the Green Party",
    "Twenty people were killed in the blast at the refinery",
    "Seventeen people were killed in the fire",
    "The blast at the refinery killed twenty people",
    "Eleven people died",
    "She ended her campaign",
]


@pytest.mark.parametrize("texts", [_RESTATED, _NAMED])
def test_prefix_filtering_finds_what_scoring_every_claim_finds(texts: list[str]) -> None:
    """The index's candidates and scores are those of `similarity` over every pair."""
    index = ClaimIndex()
    keys = {n: claim_keys(text, find_figure_texts(text)).keys for n, text in enumerate(texts, start=1)}
    for n, claim in keys.items():
        index.add(n, n, claim)

    def weight(key: str) -> float:
        return index.weight(index.query_ids([key])[0])

    for n in keys:
        quick = dict(index.matches(index.key_ids(n), 0.2, exclude_article=n))
        every = {o: s for o in keys if o != n and (s := similarity(keys[n], keys[o], weight)) >= 0.2}
        assert quick.keys() == every.keys()
        assert all(quick[o] == pytest.approx(every[o]) for o in every)


def find_figure_texts(text: str) -> list[str]:
    """The figures the engine finds in a text, as import stores them."""
    return [text[a:b] for a, b in find_figures(text)]


def test_groups_join_claims_linked_through_others() -> None:
    index = _index(
        [
            (1, "The Valdora fire burned 110 square kilometres of forest", ["110 square kilometres"]),
            (2, "The Valdora fire burned 110 square kilometres of forest", ["110 square kilometres"]),
            (
                3,
                "The Valdora fire burned 110 square kilometres of forest near Brenna",
                ["110 square kilometres"],
            ),
        ]
    )
    groups = index.groups(THRESHOLD)
    assert groups == {1: 1, 2: 1, 3: 1}


# ---- chains and origins --------------------------------------------------------------------


def test_names_are_compared_without_articles_and_reports() -> None:
    assert name_key("a report by the Kyiv Monitor") == "kyiv monitor"
    assert same_name("the Courier", "The Valdora Courier")
    assert same_name("Olsen", "Fire chief Marta Olsen")
    assert not same_name("the agency", "The Valdora Courier")


def test_a_chain_names_the_outlet_its_source_and_whom_that_cites() -> None:
    mention = Mention(1, "Daily Post", "2024-05-02", "Kyiv Monitor", "the General Staff")
    assert chain_of(mention) == ("Daily Post", "Kyiv Monitor", "the General Staff")
    assert chain_text(chain_of(mention)) == "Daily Post \u2190 Kyiv Monitor \u2190 the General Staff"
    assert chain_of(Mention(2, "Daily Post", "2024-05-02", "he", None)) == ("Daily Post",)


def test_chains_join_through_the_outlet_they_end_at() -> None:
    chains = join_chains(
        [
            ("Metro Wire", "the Northern Daily"),
            ("Northern Daily", "the Courier"),
            ("Valdora Courier", "the fire service"),
        ]
    )
    assert chains[0] == ("Metro Wire", "the Northern Daily", "the Courier", "the fire service")


def test_six_articles_one_origin() -> None:
    mentions = [Mention(1, "Valdora Courier", "2023-03-01", "the General Staff", None)] + [
        Mention(n, f"Outlet {n}", f"2023-03-0{n}", "Valdora Courier", None) for n in range(2, 7)
    ]
    origin = trace(mentions)
    assert origin.summary() == "6 articles, 1 origin: the General Staff (2023-03-01)"


def test_without_any_source_the_earliest_article_is_the_origin() -> None:
    mentions = [
        Mention(1, "Later Times", "2024-02-03", None, None),
        Mention(2, "First Herald", "2024-02-01", None, None),
    ]
    assert (trace(mentions).name, trace(mentions).date) == ("First Herald", "2024-02-01")


def test_an_article_naming_no_source_beside_a_chain_is_an_origin_of_its_own() -> None:
    mentions = [
        Mention(1, "Gazette", "2024-03-10", "the coast guard", None),
        Mention(2, "Lemvik Today", "2024-03-11", "the Gazette", None),
        Mention(3, "Island Radio", "2024-03-12", None, None),
    ]
    origin = trace(mentions)
    assert [name for name, _ in origin.origins] == ["the coast guard", "Island Radio"]
    assert origin.summary().startswith("3 articles, 2 origins: the coast guard (2024-03-10)")


def test_what_a_figure_counts_is_a_key_of_its_own() -> None:
    a = claim_keys("Fire chief Olsen said 1,200 firefighters were fighting the blaze", ["1,200"])
    b = claim_keys("Nearly 1,500 firefighters have been deployed", ["Nearly 1,500"])
    c = claim_keys("Nearly 1,500 soldiers have been deployed", ["Nearly 1,500"])
    assert "#qfirefighter3" in a.keys & b.keys
    assert "#qfirefighter3" not in c.keys
    people = claim_keys("About 50,000 residents were evacuated from Brenna", ["About 50,000 residents"])
    fled = claim_keys("Some 45,000 people fled Brenna", ["Some 45,000 people"])
    assert "#qpeople4" in people.keys & fled.keys


def test_a_count_of_another_order_is_another_quantity() -> None:
    """Two firefighters who died are not the 1,200 on the fire lines."""
    many = claim_keys("1,200 firefighters were on the fire lines", ["1,200 firefighters"]).keys
    two = claim_keys("Two firefighters died fighting the fire", ["Two firefighters"]).keys
    assert _counted(many) == _counted(two) == {"firefighter"}
    assert not {k for k in many if k.startswith(QUANTITY)} & two


def test_an_aside_weighs_half_and_alone_makes_no_link() -> None:
    """What a claim says in passing of a name is not what it claims (labelling guidelines)."""
    killed = claim_keys("Forces killed Qasem Soleimani, head of the Quds Force, in an airstrike", []).keys
    assert {MINOR + "head", MINOR + "@quds"} <= killed and {"@soleim", "die"} <= killed
    index = _index(
        [
            (1, "Forces killed Qasem Soleimani, head of the Quds Force, in an airstrike", []),
            (2, "Qasem Soleimani was the head of the Quds Force", []),
            (3, "An airstrike by the forces killed Qasem Soleimani", []),
        ]
    )
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)] == [3]


def test_a_relative_clause_is_an_aside_but_what_is_said_is_not() -> None:
    bill = claim_keys("Lam withdrew a bill that would have allowed extraditions", []).keys
    assert "withdraw" in bill and MINOR + "extradit" in bill
    said = claim_keys("Lam announced that the government will withdraw the bill", []).keys
    assert not any(k.startswith(MINOR) for k in said - {MINOR + "@lam", MINOR + "lam"})


def test_figures_alone_make_no_link() -> None:
    def weight(key: str) -> float:
        return 0.1 if key == "soldier" else 1.0  # as common as "people" in a library

    a = claim_keys("About 50,000 soldiers deserted the army", ["About 50,000 soldiers"]).keys
    b = claim_keys("Some 60,000 soldiers marched in the parade", ["Some 60,000 soldiers"]).keys
    c = claim_keys("More than 40,000 soldiers deserted the army", ["More than 40,000 soldiers"]).keys
    assert similarity(a, b, weight) == 0.0
    assert similarity(a, c, weight) > THRESHOLD


def test_a_subject_named_as_source_stays_unless_the_claim_is_said() -> None:
    confirmed = claim_keys("The House confirmed Pierluisi", [], ["The House"]).keys
    assert {"@hous", "confirm"} <= confirmed
    said = claim_keys("The House said Pierluisi won", [], ["The House"]).keys
    assert not {k for k in said if "hous" in k}


def test_times_of_day_and_names_with_numbers_count_nothing() -> None:
    sworn = claim_keys("She was sworn in at 5 p.m. (2100 UTC)", ["5", "2100"]).keys
    assert not {k for k in sworn if k.startswith("#")}
    storm = claim_keys("A Category 5 hurricane hit the islands", ["5"]).keys
    assert not {k for k in storm if k.startswith(QUANTITY)}


def test_news_phrases_for_one_event_share_its_key() -> None:
    left = claim_keys("Thousands of residents left their homes in Brenna", []).keys
    fled = claim_keys("Thousands of residents were evacuated from Brenna", []).keys
    assert "evacu" in left & fled


# ---- what a claim must say to link (links to the rest of the library, background_dev.json) -----


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("We are eleven people", ["eleven people"]),  # a count of people and nothing said of them
        ("18 people died, the minister said", ["18 people"]),  # one word besides the count
        ("I support it", []),
        ("He declared a state of emergency the same day", []),  # who did is in another sentence
    ],
)
def test_a_claim_that_says_too_little_to_check_has_no_keys(text: str, figures: list[str]) -> None:
    assert claim_keys(text, figures, ["the minister"]).keys == frozenset()


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Governor Okafor declared a state of emergency", []),
        ("Nearly 1,500 firefighters have been deployed", ["Nearly 1,500"]),  # firefighters say what
        ("18 people died in the Brenna blast", ["18 people"]),
    ],
)
def test_a_claim_with_a_named_subject_or_a_counted_thing_has_keys(text: str, figures: list[str]) -> None:
    assert claim_keys(text, figures).keys


def test_a_count_of_people_or_a_unit_is_not_also_a_word() -> None:
    """What a figure counts is its quantity's key: "50,000 residents" shares its people once."""
    people = claim_keys("About 50,000 residents of Brenna were evacuated", ["About 50,000 residents"]).keys
    assert "#qpeople4" in people and not {"peopl", "resid", "resident"} & people
    area = claim_keys("The fire burned 110 square kilometres near Brenna", ["110 square kilometres"]).keys
    assert "#qkm22" in area and not {"squar", "kilometer"} & area
    crews = claim_keys("Nearly 1,500 firefighters were deployed", ["Nearly 1,500"]).keys
    assert {"firefighter", "#qfirefighter3"} <= crews  # a thing counted is also what the claim says


def test_a_conversion_in_brackets_is_said_in_passing() -> None:
    keys = claim_keys("Gusts reached 185 mph (298 km/h) over Brenna", ["185 mph", "298 km/h"]).keys
    assert {"#qmph2", MINOR + "#qkm/h2"} <= keys and "#qkm/h2" not in keys


def test_a_name_of_several_words_weighs_about_one_name() -> None:
    keys = claim_keys("The Northern Rail Safety Board opened an inquiry into the crash", []).keys
    assert ENTITY + "board" in keys
    assert {MINOR + ENTITY + "rail", MINOR + ENTITY + "safet"} <= keys
    assert ENTITY + "rail" not in keys


def test_claims_about_other_people_do_not_link() -> None:
    """Each names someone and none in common: the same kind of event, not the same claim."""
    index = _index(
        [
            (1, "Mayor Okafor ended her campaign for the party's nomination", []),
            (2, "Councillor Lindqvist ended her campaign for the party's nomination", []),
            (3, "Okafor ended her campaign for the nomination of the party", []),
        ]
    )
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)] == [3]


def test_claims_naming_no_one_share_more_than_a_count_and_a_word() -> None:
    """Twenty people killed somewhere and seventeen people killed elsewhere share a kind of event;
    the same blast told twice shares more."""
    index = _index(
        [
            (1, "Twenty people were killed in the blast at the refinery", ["Twenty people"]),
            (2, "Seventeen people were killed in the fire", ["Seventeen people"]),
            (3, "The blast at the refinery killed twenty people", ["twenty people"]),
        ]
    )
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)] == [3]


def test_a_year_says_less_than_a_word() -> None:
    """A year says when: the 2020 election is the background of many claims."""
    assert class_weight("#y2020") < class_weight("bid") < class_weight(QUANTITY + "delegate3")
