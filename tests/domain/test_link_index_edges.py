"""The edges of claim linking (issue 20): the blocking index as claims come and go, its weights and
bounds, and the corners of keys, figures and chains that the main tests pass by."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from app.domain.claim_index import ASIDE, WALK_LIMIT, ClaimIndex
from app.domain.claim_links import (
    ENTITY,
    FIGURE,
    FIGURE_KEY,
    MINOR,
    MINOR_SHARE,
    NAME_KEY,
    QUANTITY,
    THRESHOLD,
    UNIT,
    claim_figures,
    claim_keys,
    class_weight,
    figures_disagree,
    figures_of,
    key_kind,
    key_weight,
    name_root,
    parse_figure,
    rarity,
    similarity,
    singular,
    stem,
    words,
)
from app.domain.claim_origins import Mention, Origin, join_chains, same_name, trace

_CLAIMS = {
    1: "The ferry strike stranded passengers on Tarnholm for three days",
    2: "Passengers were stranded on Tarnholm by the ferry strike",
    3: "The harbour master closed the port of Tarnholm after the storm",
    4: "A storm closed the port and the harbour master resigned",
    5: "Fishermen in Lemvik protested against the new quotas",
}


def _keys(claim_id: int) -> frozenset[str]:
    return claim_keys(_CLAIMS[claim_id], []).keys


def _built(claim_ids: list[int]) -> ClaimIndex:
    index = ClaimIndex()
    for c in claim_ids:
        index.add(c, c, _keys(c))
    return index


def _weights(index: ClaimIndex, claim_ids: list[int]) -> dict[str, float]:
    """Every key of the claims, by name, with its weight in the index."""
    return {key: index.weight(index.query_ids([key])[0]) for c in claim_ids for key in _keys(c)}


def test_after_removals_keys_weigh_what_they_weigh_without_the_removed_claims() -> None:
    index = _built([1, 2, 3, 4, 5])
    index.remove(3)
    index.remove(4)
    index.remove(4)  # a second removal changes nothing
    fresh = _built([1, 2, 5])
    assert index.claims == fresh.claims == 3
    assert _weights(index, [1, 2, 5]) == pytest.approx(_weights(fresh, [1, 2, 5]))


def test_a_key_only_one_claim_holds_weighs_most() -> None:
    index = _built([1, 2, 3, 4, 5])
    quotas = index.query_ids(["quota"])[0]
    assert index.weight(quotas) == pytest.approx(class_weight("quota") * rarity(1, 5))
    assert index.weight(quotas) > index.weight(index.query_ids(["strand"])[0]) > 0


def test_a_key_said_in_passing_weighs_half() -> None:
    index = _built([1, 2, 3, 4, 5])
    kid = index.query_ids(["@lemvik"])[0]
    assert index.query_ids([MINOR + "@lemvik"]) == [kid | ASIDE]
    assert index.weight(kid | ASIDE) == pytest.approx(MINOR_SHARE * index.weight(kid))


def test_a_claim_indexed_again_keeps_only_its_new_keys() -> None:
    index = _built([1, 2, 3, 4, 5])
    index.add(3, 3, _keys(5))  # reworded in a new version of its article
    assert index.claims == 5
    assert index.key_ids(3) == index.key_ids(5)
    assert index.weight(index.query_ids(["port"])[0]) == pytest.approx(class_weight("port") * rarity(1, 5))
    found = index.matches(index.key_ids(5), 0.9, exclude_article=5)
    assert [(c, round(s, 6)) for c, s in found] == [(3, 1.0)]


def test_a_claim_never_indexed_has_no_keys_and_no_article() -> None:
    index = _built([5])
    assert not index.has(3) and index.article_of(3) == 0 and len(index.key_ids(3)) == 0
    assert not index.has(-1) and index.article_of(-1) == 0
    assert not index.has(10**6) and index.article_of(10**6) == 0
    assert list(index.live()) == [5]


def test_the_index_grows_with_its_claims_not_ahead_of_them() -> None:
    keys = [_keys(1 + n % 5) for n in range(20)]
    index = ClaimIndex()
    tracing = tracemalloc.is_tracing()  # another test may trace already: measure only what this adds
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for n, claim in enumerate(keys, start=1):
            index.add(n, n, claim)
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        if not tracing:
            tracemalloc.stop()
    assert index.claims == 20
    assert used < 200_000  # bytes: twenty short claims and their keys


def test_a_claim_with_more_keys_than_a_run_holds_keeps_the_first_65535() -> None:
    index = ClaimIndex()
    index.add(1, 1, [f"w{n:05d}" for n in range(65_540)])
    assert index.claims == 1 and len(index.key_ids(1)) == 65_535


def test_a_word_for_word_copy_is_found_at_any_threshold() -> None:
    index = _built([1, 3, 4, 5])
    index.add(6, 6, _keys(1))
    for threshold in (0.51, 0.8, 0.95, 1.0):
        assert [c for c, _ in index.matches(index.key_ids(1), threshold, exclude_article=1)] == [6]


def test_a_removed_claim_is_no_match_even_at_threshold_zero() -> None:
    index = _built([1, 2, 3, 4, 5])
    index.remove(2)
    found = dict(index.matches(index.key_ids(1), 0.0, exclude_article=1))
    assert 2 not in found and 1 not in found
    assert set(found) == {3}  # the one live claim sharing a key (Tarnholm)


def test_a_key_the_library_lacks_is_left_out_of_a_query_and_weighs_as_a_new_claims_key() -> None:
    index = _built([1, 2, 3, 4, 5])
    assert index.query_ids(["zephyrium", "@tarnholm"]) == index.query_ids(["@tarnholm"])
    assert index.query_ids(["zephyrium"]) == []  # asking adds nothing to the index
    unknown = rarity(1, 6)
    assert index.weight_of(["zephyrium", "@tarnholm"]) == pytest.approx(class_weight("zephyrium") * unknown)
    assert index.weight_of([MINOR + "zephyrium"]) == pytest.approx(class_weight("zephyrium") * unknown / 2)
    assert index.weight_of([MINOR + "@zephyria"]) == pytest.approx(class_weight("@zephyria") * unknown / 2)


def test_keys_the_library_lacks_count_against_a_match() -> None:
    index = _built([1, 2, 3, 4, 5])
    query = set(_keys(2)) | {"zephyrium", "vanadium"}
    kids = index.query_ids(query)
    extra = index.weight_of(query)

    def weight(key: str) -> float:
        known = index.query_ids([key])
        return index.weight(known[0]) if known else index.weight_of([key])

    lower = dict(index.matches(kids, 0.3, extra_weight=extra))
    assert lower[2] == pytest.approx(similarity(query, _keys(2), weight))
    assert lower[2] < dict(index.matches(kids, 0.3))[2]


# keys of every kind: words, names, figures, counts of things, a unit (an aside's marked MINOR below)
_RAW = [f"w{n}" for n in range(10)] + ["@n0", "@n1", "@n2", "#a5", "#a7", "#qcrate1", "#qbarge2", "~km"]


def _library(rng: random.Random) -> dict[int, set[str]]:
    """A small library of claims made of keys drawn at random, some said in passing, some both."""
    claims = {}
    for c in range(1, rng.randint(4, 12)):
        keys = set()
        for key in rng.sample(_RAW, rng.randint(1, 7)):
            roll = rng.random()
            keys.update([MINOR + key] if roll < 0.2 else [MINOR + key, key] if roll < 0.3 else [key])
        claims[c] = keys
    return claims


def _agrees_with_similarity(claims: dict[int, set[str]]) -> None:
    index = ClaimIndex()
    for c, keys in claims.items():
        index.add(c, c, keys)

    def weight(key: str) -> float:
        return index.weight(index.query_ids([key])[0])

    for c in claims:
        for threshold in (1e-9, 0.3, THRESHOLD, 0.8):
            quick = dict(index.matches(index.key_ids(c), threshold, exclude_article=c))
            every = {
                o: s
                for o in claims
                if o != c and (s := similarity(claims[c], claims[o], weight)) >= threshold
            }
            assert quick.keys() == every.keys(), (claims, c, threshold)
            assert all(quick[o] == pytest.approx(every[o]) for o in every)


@pytest.mark.parametrize("seed", range(0, 300, 50))
def test_the_index_scores_every_pair_as_similarity_does(seed: int) -> None:
    """Candidates and scores of the index, at any threshold, are those of `similarity` over every
    pair, for libraries of keys of every kind (so that each of its checks decides some pair)."""
    for n in range(seed, seed + 50):
        _agrees_with_similarity(_library(random.Random(n)))


def test_claims_naming_no_one_link_on_the_words_they_share_without_figures() -> None:
    index = _built([1, 3, 5])
    index.add(11, 11, claim_keys("The ministry banned fishing in the bay", []).keys)
    index.add(12, 12, claim_keys("The ministry has banned all fishing in the bay", []).keys)
    index.add(13, 13, claim_keys("The ministry opened a museum in the hills", []).keys)  # one word
    index.add(14, 14, claim_keys("The council banned fishing near the pier", []).keys)  # two words
    found = dict(index.matches(index.key_ids(11), 0.2, exclude_article=11))
    assert set(found) == {12, 14}


def test_a_copy_in_more_claims_than_the_walk_limit_is_not_looked_for() -> None:
    """Prefix filtering: the postings of a key in more than WALK_LIMIT claims are not walked."""
    keys = _keys(1)
    index = ClaimIndex()
    for c in range(1, WALK_LIMIT + 1):
        index.add(c, c, keys)
    assert len(index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)) == WALK_LIMIT - 1
    index.add(WALK_LIMIT + 1, WALK_LIMIT + 1, keys)
    assert index.matches(index.key_ids(1), THRESHOLD, exclude_article=1) == []


def test_a_key_in_very_many_claims_does_not_stop_rarer_keys_finding_candidates() -> None:
    index = ClaimIndex()
    index.add(1, 1, ["said", "ferry", "strand", "@tarnholm"])  # "said" gets the lowest key id
    for c in range(2, WALK_LIMIT + 3):
        index.add(c, c, ["said", f"other{c}", f"more{c}"])
    index.add(900, 900, ["said", "ferry", "strand", "@tarnholm", "passenger"])
    assert [c for c, _ in index.matches(index.key_ids(1), THRESHOLD, exclude_article=1)] == [900]


def test_matches_come_best_first_then_lowest_claim_first() -> None:
    index = ClaimIndex()
    index.add(7, 7, ["ferry", "strand", "@tarnholm", "passenger"])  # posted before 3: same score
    index.add(3, 3, ["ferry", "strand", "@tarnholm", "passenger"])
    index.add(2, 2, ["ferry", "strand", "@tarnholm", "passenger", "harbour", "storm"])  # a rare word more
    index.add(9, 9, ["ferry", "strand", "@tarnholm", "passenger", "harbour"])
    index.add(1, 1, ["ferry", "strand", "@tarnholm", "passenger", "harbour"])
    index.add(5, 5, ["quota", "protest"])
    found = index.matches(index.key_ids(1), 0.2, exclude_article=1)
    assert [c for c, _ in found] == [9, 3, 7, 2]
    assert found[0][1] == 1.0 and found[1][1] == found[2][1] > found[3][1]


def test_every_article_is_asked_for_unless_one_is_left_out() -> None:
    index = ClaimIndex()
    index.add(4, 1, ["ferry", "strand", "@tarnholm"])
    index.add(5, 2, ["ferry", "strand", "@tarnholm"])
    assert [c for c, _ in index.matches(index.key_ids(5), THRESHOLD)] == [4, 5]


def test_ids_from_zero_answer_with_their_article_or_none() -> None:
    index = ClaimIndex()
    index.add(0, 3, _keys(1))
    index.add(2, 4, _keys(2))
    assert [index.article_of(c) for c in range(-1, 100)] == [0, 3, 0, 4] + [0] * 97
    assert [c for c in range(-1, 100) if index.has(c)] == [0, 2]


def test_a_removed_claim_has_no_keys_and_its_only_keys_weigh_nothing() -> None:
    index = _built([1, 2, 3, 4, 5])
    quotas = index.query_ids(["quota"])
    index.remove(5)
    assert len(index.key_ids(5)) == 0 and list(index.live()) == [1, 2, 3, 4]
    assert index.weight(quotas[0]) == 0.0 and index.weight(quotas[0] | ASIDE) == 0.0
    assert index.matches(quotas, 0.0) == []  # a claim of keys that weigh nothing matches nothing


def test_a_key_left_only_in_a_reworded_claims_old_run_finds_nothing() -> None:
    index = _built([1, 2, 3, 4, 5])
    quotas = index.query_ids(["quota"])
    index.add(5, 5, _keys(4))  # reworded: its old keys are left in postings until compact()
    assert index.matches(quotas, 0.0) == []


def test_a_light_claim_links_to_its_copy() -> None:
    """One word and a name in passing weigh less than 1 in a library where the word is common."""
    index = ClaimIndex()
    for c in range(1, 4):
        index.add(c, c, ["resign", MINOR + "@okafor"])
    for threshold in (THRESHOLD, 1.0):
        assert [c for c, _ in index.matches(index.key_ids(1), threshold, exclude_article=1)] == [2, 3]


def _linked_both_ways(a: list[str], b: list[str], others: list[list[str]]) -> tuple[float, float]:
    """The scores of claims a and b, each asked for the other, in a library where every key is in
    two claims (so that all keys weigh the same and shares are exact)."""
    index = ClaimIndex()
    for c, keys in enumerate([a, b, *others], start=1):
        index.add(c, c, keys)
    ab = dict(index.matches(index.key_ids(1), 0.1, exclude_article=1)).get(2, 0.0)
    ba = dict(index.matches(index.key_ids(2), 0.1, exclude_article=2)).get(1, 0.0)
    return ab, ba


def test_exactly_a_quarter_of_the_words_shared_is_enough() -> None:
    """WORDS_SHARED is a least share: 2 of 8 words (against 2 of 9) still link."""
    eight = [f"a{n}" for n in range(8)]
    nine = ["a0", "a1"] + [f"b{n}" for n in range(7)]
    ab, ba = _linked_both_ways(eight, nine, [eight[2:], nine[2:]])
    assert ab == ba == pytest.approx(4 / 17)


def test_exactly_a_tenth_of_the_words_shared_in_main_clauses_is_enough() -> None:
    """MAIN_SHARED is a least share: 2 of 20 words (against 2 of 3) still link."""
    twenty = [f"a{n}" for n in range(20)]
    three = ["a0", "a1", "x"]
    ab, ba = _linked_both_ways(twenty, three, [twenty[2:], ["x"]])
    assert ab == ba == pytest.approx(4 / 23)


# ---- chains and origins ------------------------------------------------------------------------


def test_an_outlet_with_an_unsourced_article_still_carries_chains_through_its_sourced_one() -> None:
    chains = [("Gazette",), ("Gazette", "the coast guard"), ("Lemvik Today", "the Gazette")]
    assert join_chains(chains) == [
        ("Gazette",),  # an article that names no source gains none from its outlet's other one
        ("Gazette", "the coast guard"),
        ("Lemvik Today", "the Gazette", "the coast guard"),
    ]


def test_outlets_citing_each_other_end_their_chains_without_looping() -> None:
    circular = [("Metro Wire", "the Northern Daily"), ("Northern Daily", "Metro Wire")]
    assert join_chains(circular) == circular


def test_a_name_is_the_same_written_alike_or_with_words_before_or_after() -> None:
    assert same_name("Valdora Courier", "the Valdora Courier's")
    assert same_name("Marta", "Marta Olsen")
    assert same_name("Olsen", "Fire chief Marta Olsen")
    assert not same_name("Marta Olsen", "Martin Olsen")
    assert not same_name("...", "Valdora Courier")  # no name at all is nobody's
    assert not same_name("Valdora Courier", "\u2014")


def test_a_source_cited_by_a_source_is_the_origin_dated_by_the_article() -> None:
    origin = trace([Mention(1, "Daily Post", "2024-05-02", "Kyiv Monitor", "the General Staff")])
    assert origin.chains == (("Daily Post", "Kyiv Monitor", "the General Staff"),)
    assert origin.origins == (("the General Staff", "2024-05-02"),)
    assert origin.summary() == "1 article, 1 origin: the General Staff (2024-05-02)"


def test_an_outlet_that_is_the_origin_is_dated_by_its_own_article() -> None:
    mentions = [
        Mention(2, "Lemvik Today", "2024-03-11", "the Gazette", None),
        Mention(1, "Gazette", "2024-03-10", None, None),
    ]
    origin = trace(mentions)
    assert origin.origins == (("the Gazette", "2024-03-10"),)  # once, though its article names no source


def test_without_any_source_only_the_earliest_article_is_the_origin() -> None:
    mentions = [
        Mention(1, "Later Times", "2024-02-03", None, None),
        Mention(2, "First Herald", "2024-02-01", None, None),
    ]
    origin = trace(mentions)
    assert origin == Origin(2, (("First Herald",), ("Later Times",)), (("First Herald", "2024-02-01"),))
    assert trace([]) == Origin(0, (), ())
    assert (trace([]).name, trace([]).date) == ("", "")


def test_origins_that_end_as_many_chains_come_earliest_first() -> None:
    mentions = [
        Mention(1, "Island Radio", "2024-03-12", "Alder Bureau", None),
        Mention(2, "Harbour Gazette", "2024-03-10", "Zephyr Agency", None),
    ]
    assert [name for name, _ in trace(mentions).origins] == ["Zephyr Agency", "Alder Bureau"]


def test_two_unsourced_articles_of_one_outlet_are_one_origin() -> None:
    mentions = [
        Mention(1, "Gazette", "2024-03-10", "the coast guard", None),
        Mention(2, "Island Radio", "2024-03-11", None, None),
        Mention(3, "Island Radio", "2024-03-12", None, None),
    ]
    assert trace(mentions).origins == (("the coast guard", "2024-03-10"), ("Island Radio", "2024-03-11"))


@pytest.mark.parametrize(
    ("articles", "origins", "summary"),
    [
        (1, (("Island Radio", ""),), "1 article, 1 origin: Island Radio"),
        (2, (("the coast guard", "2024-03-10"), ("Island Radio", "2024-03-11")),
         "2 articles, 2 origins: the coast guard (2024-03-10) and 1 other"),
        (4, (("the coast guard", "2024-03-10"), ("Island Radio", ""), ("Gazette", "2024-03-09")),
         "4 articles, 3 origins: the coast guard (2024-03-10) and 2 others"),
    ],
)  # fmt: skip
def test_the_origin_summary_counts_articles_and_origins(
    articles: int, origins: tuple[tuple[str, str], ...], summary: str
) -> None:
    assert Origin(articles, (), origins).summary() == summary


# ---- keys, figures and the score -------------------------------------------------------------


def test_a_time_of_day_counts_nothing_though_the_claim_names_its_subject() -> None:
    sworn = claim_keys("Okafor was sworn in at 5 p.m. (2100 UTC) in Tarnholm", ["5", "2100"]).keys
    assert sworn and not {k for k in sworn if FIGURE in k}
    pledged = claim_keys("PM Okafor pledged 2,000 new homes for Tarnholm", ["2,000"]).keys
    assert {FIGURE + "a2000", QUANTITY + "home3"} <= pledged  # 'PM' opens the claim: no clock


def test_a_curly_apostrophe_is_a_straight_one() -> None:
    curly = claim_keys("Passengers blamed Okafor\u2019s ferry company", []).keys
    assert curly == claim_keys("Passengers blamed Okafor's ferry company", []).keys
    assert ENTITY + "okafor" in curly


def test_a_name_of_two_words_at_the_end_weighs_about_one_name() -> None:
    keys = claim_keys("Police in Tarnholm arrested Marta Olsen", []).keys
    assert ENTITY + "olsen" in keys and MINOR + ENTITY + "mart" in keys
    assert ENTITY + "mart" not in keys


def test_a_figure_before_a_number_written_with_spaces_is_kept() -> None:
    text = "Tarnholm lost 12 ferries and 50 000 residents left"
    assert claim_figures(text, ["12 ferries", "50 000 residents"]) == ["12 ferries", "50 000 residents"]
    assert claim_figures(text, ["12 ferries", "50", "000 residents"]) == ["12 ferries", "50 000"]


def test_what_follows_that_after_a_verb_of_saying_is_what_is_said() -> None:
    keys = claim_keys("Okafor confirmed that was the last ferry to leave Tarnholm", []).keys
    assert {"ferry", ENTITY + "tarnholm"} <= keys
    aside = claim_keys("Okafor sold the ferry that was the last to leave Tarnholm", []).keys
    assert MINOR + ENTITY + "tarnholm" in aside and ENTITY + "tarnholm" not in aside


@pytest.mark.parametrize("word", ["crisis", "analysis", "census", "address"])
def test_a_word_ending_in_s_that_is_no_plural_keeps_it(word: str) -> None:
    assert singular(word) == word


def test_a_figure_inside_a_range_agrees_with_it() -> None:
    inside = parse_figure("45")
    ranged = parse_figure("between 40 and 50")
    assert inside is not None and ranged is not None
    assert inside.agrees(ranged) and ranged.agrees(inside)
    outside = parse_figure("55")
    assert outside is not None and not outside.agrees(ranged) and not ranged.agrees(outside)


def test_figures_half_a_percent_apart_agree_at_the_edge() -> None:
    hundred, edge, beyond = parse_figure("100"), parse_figure("99.5"), parse_figure("99.4")
    assert hundred is not None and edge is not None and beyond is not None
    assert hundred.agrees(edge) and edge.agrees(hundred)
    assert not hundred.agrees(beyond) and not beyond.agrees(hundred)


def test_a_tenth_of_a_claims_words_shared_in_main_clauses_is_enough() -> None:
    def weight(_key: str) -> float:
        return 1.0

    short = {"w00", "w01", "x"}
    assert similarity({f"w{n:02d}" for n in range(20)}, short, weight) == pytest.approx(4 / 23)
    assert similarity({f"w{n:02d}" for n in range(21)}, short, weight) == 0.0


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("twenty-five people", 25, "people"),
        ("thirty two", 32, ""),
        ("a dozen firefighters", 12, "firefighter"),
    ],
)
def test_a_number_in_words_adds_its_words_up(written: str, value: float, unit: str) -> None:
    figure = parse_figure(written)
    assert figure is not None and (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize("written", ["half", "several dozen", "hundreds of homes", "zero"])
def test_words_that_state_no_number_are_no_figure(written: str) -> None:
    assert parse_figure(written) is None


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("10-kilometre", "km"),
        ("80 kilometers per hour", "km/h"),
        ("70 miles per hour", "mph"),
        ("5 tons", "tonne"),
    ],
)
def test_units_written_in_words_are_known_units(written: str, unit: str) -> None:
    figure = parse_figure(written)
    assert figure is not None and figure.unit == unit


def test_a_label_that_opens_the_claim_makes_its_number_a_name() -> None:
    keys = claim_keys("Category 5 storm Dora hit Tarnholm", ["5"]).keys
    assert not {k for k in keys if k.startswith(QUANTITY)}


def test_a_count_of_none_is_a_quantity() -> None:
    keys = claim_keys("The ferry to Tarnholm sailed with 0 passengers", ["0 passengers"]).keys
    assert QUANTITY + "passenger0" in keys


def test_a_figure_after_a_time_of_day_still_counts() -> None:
    keys = claim_keys("At 5 p.m. the ferry brought 300 passengers to Tarnholm", ["5", "300 passengers"]).keys
    assert {FIGURE + "a300", QUANTITY + "passenger2"} <= keys and FIGURE + "a5" not in keys


def test_the_words_before_a_counted_noun_are_not_units() -> None:
    keys = claim_keys("Tarnholm lost 300 fishing boats", ["300 fishing boats"]).keys
    assert QUANTITY + "boat2" in keys and not {k for k in keys if k.startswith(UNIT)}


def test_an_apposition_is_an_aside_only_after_a_name() -> None:
    after_noun = claim_keys("Police arrested the captain, the owner of the ferry, on Tuesday", []).keys
    assert {"captain", "owner", "ferry"} <= after_noun
    after_name = claim_keys("Captain Olsen, head of the ferry company, resigned", []).keys
    assert {MINOR + "head", MINOR + "ferry", MINOR + "company"} <= after_name and "ferry" not in after_name


def test_a_name_opening_an_aside_is_a_name_said_in_passing() -> None:
    keys = claim_keys("The ferry sank near Tarnholm (Okafor owned it)", []).keys
    assert MINOR + ENTITY + "okafor" in keys
    assert not {k for k in keys if k.startswith(MINOR + MINOR)} and MINOR + "okafor" not in keys


def test_each_news_phrase_becomes_its_own_word() -> None:
    strike = claim_keys("An airstrike hit the port of Tarnholm", []).keys
    assert "strik" in strike and "evacu" not in strike
    vote = claim_keys("The vote took place in Tarnholm on Sunday", []).keys
    assert vote == {"vot", ENTITY + "tarnholm"}


def test_a_place_ending_in_s_and_its_people_are_one_name() -> None:
    keys = claim_keys("Officials from Texas met Texan farmers", []).keys
    assert {k for k in keys if k.startswith(ENTITY)} == {ENTITY + "tex"}


def test_plurals_and_pasts_in_ies_and_ied_end_in_y() -> None:
    assert singular("casualties") == "casualty"
    assert stem("carried") == stem("carry") == "carry"


def test_rarer_keys_weigh_more_and_a_counted_thing_most() -> None:
    assert (
        key_weight(QUANTITY + "crate1", 1, 100) > key_weight("crate", 1, 100) > key_weight("crate", 50, 100)
    )
    assert key_weight("crate", 1, 100) == pytest.approx(rarity(1, 100))


def test_a_verb_in_ate_meets_its_noun_when_four_letters_are_left() -> None:
    assert stem("isolated") == stem("isolation") == stem("isolate") == "isol"
    assert stem("dictate") == stem("dictation") == "dict"


# ---- more corners of figures, names and words --------------------------------------------------


def test_a_number_joined_by_hyphens_to_a_reads_as_its_number() -> None:
    figure = parse_figure("a-dozen eggs")
    assert figure is not None and (figure.value, figure.unit) == (12, "egg")


@pytest.mark.parametrize(
    ("written", "unit"),
    [("five", ""), ("twelve fishing boats", "fishing boat"), ("300 small fishing boats", "small fishing")],
)
def test_a_unit_as_written_keeps_its_first_two_words(written: str, unit: str) -> None:
    figure = parse_figure(written)
    assert figure is not None and figure.unit == unit


def test_a_unit_of_two_words_is_read_before_what_follows_it() -> None:
    figure = parse_figure("110 square kilometres of forest")
    assert figure is not None and figure.unit == "km2"


def test_a_price_per_unit_keeps_the_unit_as_a_key() -> None:
    keys = claim_keys("Tarnholm paid $3 million per km of track", ["$3 million per km"]).keys
    assert {QUANTITY + "$6", UNIT + "km"} <= keys
    bonds = claim_keys("Tarnholm sold $50 million bonds to Okafor", ["$50 million bonds"]).keys
    assert QUANTITY + "$7" in bonds and not {k for k in bonds if k.startswith(UNIT)}


def test_a_range_is_its_own_figure() -> None:
    ranged = parse_figure("between 36 and 40")
    assert ranged is not None and ranged.key == FIGURE + "a36-40"


def test_small_figures_agree_within_a_rounding_of_their_own() -> None:
    pairs = [("0.3", "0.304", True), ("0.5", "0.508", False), ("1", "1.004", True), ("1", "1.008", False)]
    for a, b, agree in pairs:
        fa, fb = parse_figure(a), parse_figure(b)
        assert fa is not None and fb is not None and fa.agrees(fb) is agree, (a, b)


def test_money_and_percentages_are_not_compared_with_a_bare_count() -> None:
    assert figures_disagree(figures_of(["$5 million"]), figures_of(["7 million"])) == []
    assert figures_disagree(figures_of(["7 million"]), figures_of(["$5 million"])) == []
    assert figures_disagree(figures_of(["$50 million bonds"]), figures_of(["70 million"])) == []
    assert figures_disagree(figures_of(["70 million"]), figures_of(["$50 million bonds"])) == []
    assert figures_disagree(figures_of(["3%"]), figures_of(["5"])) == []


def test_a_figure_pairs_first_with_one_of_its_own_unit() -> None:
    pairs = figures_disagree(figures_of(["300"]), figures_of(["200 ferries", "250"]))
    assert [(a.text, b.text) for a, b in pairs] == [("300", "250")]


def test_ten_is_of_the_order_of_tens_and_a_hundred_of_another_quantity() -> None:
    ten = claim_keys("Tarnholm lost 10 ferries in the storm", ["10 ferries"]).keys
    assert QUANTITY + "ferry1" in ten
    hundred = claim_keys("Tarnholm lost 100 ferries in the storm", ["100 ferries"]).keys
    assert {QUANTITY + "ferry2", FIGURE + "m2"} <= hundred


def test_a_figure_that_ends_its_clause_counts_nothing() -> None:
    for text in (
        "Tarnholm counted 300; ferries were cancelled",
        "Okafor said the toll rose to 300 in Tarnholm",
    ):
        keys = claim_keys(text, ["300"]).keys
        assert FIGURE + "a300" in keys and not {k for k in keys if k.startswith(QUANTITY)}


def test_a_label_of_several_digits_names_its_number() -> None:
    keys = claim_keys("Flight 370 passengers were never found", ["370 passengers"]).keys
    assert not {k for k in keys if k.startswith(QUANTITY)}


def test_an_apposition_after_a_word_or_day_is_said_in_full() -> None:
    day = claim_keys("On Friday, the harbour master closed the port of Tarnholm", []).keys
    assert {"harbour", "master", "port"} <= day
    first = claim_keys("Olsen, the harbour master, closed the port", []).keys
    assert {"harbour", "master", "port"} <= first
    after_verb = claim_keys("Police arrested Olsen, the owner of the ferry, on Tuesday", []).keys
    assert {MINOR + "owner", MINOR + "ferry"} <= after_verb


def test_a_relative_clause_is_an_aside_beside_a_comma() -> None:
    keys = claim_keys("In Tarnholm, Okafor withdrew a bill that would have allowed extraditions", []).keys
    assert MINOR + "extradit" in keys and "extradit" not in keys


def test_what_is_said_after_a_longer_subject_and_that_is_not_an_aside() -> None:
    keys = claim_keys("The harbour master confirmed that was the last ferry to leave Tarnholm", []).keys
    assert {"ferry", ENTITY + "tarnholm"} <= keys


@pytest.mark.parametrize(
    ("text", "full", "passing"),
    [
        ("Police say Marta Olsen closed the port", "olsen", "mart"),
        ("Marta Olsen sold Olsen Shipping to Tarnholm", "olsen", "mart"),
        ("Olsen Shipping was sold to Marta Olsen", "olsen", "mart"),
        ("The inquiry was opened by the Northern Rail Board", "board", "rail"),
        ("Police questioned Anne-Marie Olsen in Tarnholm", "olsen", "ann"),
    ],
)
def test_a_name_of_several_words_anywhere_is_its_last_word_in_full(
    text: str, full: str, passing: str
) -> None:
    keys = claim_keys(text, []).keys
    assert ENTITY + full in keys and MINOR + ENTITY + passing in keys and ENTITY + passing not in keys


def test_a_first_word_in_capitals_is_a_name_and_a_claim_of_two_words_opens_with_either() -> None:
    assert ENTITY + "nat" in claim_keys("NATO troops left Tarnholm", []).keys
    assert claim_keys("Okafor resigned", []).keys == {MINOR + ENTITY + "okafor", MINOR + "okafor", "quit"}


def test_a_pronoun_after_the_third_word_leaves_the_claim_checkable() -> None:
    assert claim_keys("After the storm they closed the ferry port", []).keys == {
        "storm",
        "clos",
        "ferry",
        "port",
    }


def test_stored_figures_the_text_no_longer_holds_are_found_again() -> None:
    assert claim_figures("Tarnholm lost 12 ferries", ["15 ferries"]) == ["12"]


def test_a_source_is_left_out_only_when_it_is_a_name() -> None:
    """A source of eight words is a name (its words go); of nine, a misread clause (they stay)."""
    eight = "the head of the Tarnholm harbour fire brigade"
    said = claim_keys(f"The port was closed, said {eight}", [], [eight, None]).keys
    assert said == {"port", "clos"}
    nine = f"{eight} and rescue"
    kept = claim_keys(f"The port was closed, said {nine}", [], [nine]).keys
    assert {"brigad", "harbour", "rescu", "port"} <= kept


def test_the_figures_of_a_checkable_claim_come_with_its_keys() -> None:
    found = claim_keys("Tarnholm lost 12 ferries in the storm", ["12 ferries"])
    assert found.keys and [f.text for f in found.figures] == ["12 ferries"]


def test_a_key_said_in_passing_is_of_its_own_kind() -> None:
    assert key_kind(MINOR + ENTITY + "okafor") == NAME_KEY
    assert key_kind(MINOR + QUANTITY + "ferry1") == FIGURE_KEY


def test_a_name_ending_in_double_s_or_of_three_letters_keeps_its_ending() -> None:
    assert name_root("cross") == "cross"
    assert name_root("iran") == "iran" and name_root("ida") == "ida"


def test_keys_that_weigh_nothing_make_no_link_and_light_ones_do() -> None:
    assert similarity({"ferry", "strand"}, {"ferry", "strand"}, lambda _key: 0.0) == 0.0
    assert similarity({"ferry", "strand"}, {"ferry", "strand"}, lambda _key: 0.2) == 1.0


def test_exactly_a_quarter_of_the_words_shared_is_enough_for_similarity() -> None:
    eight = {f"a{n}" for n in range(8)}
    nine = {"a0", "a1"} | {f"b{n}" for n in range(7)}
    assert similarity(eight, nine, lambda _key: 1.0) == pytest.approx(4 / 17)


@pytest.mark.parametrize(
    ("forms", "base"),
    [
        (("shots", "shot", "shoot"), "shoot"),
        (("tried", "try"), "try"),
        (("movement", "moved", "move"), "mov"),
        (("agreed", "agree"), "agree"),
        (("banned", "ban"), "ban"),
        (("litre", "liter"), "liter"),
        (("metre", "meter"), "meter"),
    ],
)
def test_more_forms_of_one_word_share_its_stem(forms: tuple[str, ...], base: str) -> None:
    assert {stem(w) for w in forms} == {base}


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("add", "add"), ("added", "add"), ("degree", "degree"), ("free", "free"), ("gas", "gas")],
)
def test_short_and_double_e_words_keep_their_letters(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


@pytest.mark.parametrize(("plural", "one"), [("cries", "cry"), ("spies", "spy"), ("gas", "gas")])
def test_short_plurals_in_ies_end_in_y_and_a_short_word_in_s_keeps_it(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_a_hyphen_splits_words_and_adds_none() -> None:
    assert words("Fire-fighting crews") == ["fir", "fight", "crew"]
    assert words("ignored", ["Ferries", "sank"]) == ["ferry", "sink"]


@pytest.mark.parametrize(("text", "figure"), [("5 p.m. is when", "5"), ("10:30 is when", "10")])
def test_a_time_of_day_that_opens_the_claim_counts_nothing(text: str, figure: str) -> None:
    keys = claim_keys(f"{text} Okafor closed the port of Tarnholm", [figure]).keys
    assert keys == {ENTITY + "okafor", ENTITY + "tarnholm", "clos", "port"}
