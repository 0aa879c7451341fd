"""What the editor and the memo say of a claim's links, from the plain records alone (issue 20):
the headline, the chains, a figure clash, how a linked article is named."""

from __future__ import annotations

from app.domain.claim_origins import Origin, name_key
from app.domain.link_records import ClaimLinks, FigureClash, LinkedClaim

_NO_ORIGIN = Origin(0, (), ())


def _linked(
    article_id: int, date: str, outlet: str | None = "Harbour Gazette", claim_id: int = 0
) -> LinkedClaim:
    return LinkedClaim(
        claim_id=claim_id or article_id * 10,
        article_id=article_id,
        article_title=f"Ferry strike, part {article_id}",
        outlet=outlet,
        date=date,
        text="The ferry strike stranded 3,000 passengers on Tarnholm",
        source="the port authority",
        secondary_source=None,
        figures=("3,000 passengers",),
        status="unchecked",
        score=0.8,
    )


def _links(
    linked: tuple[LinkedClaim, ...], own_date: str = "2025-01-10", origin: Origin = _NO_ORIGIN
) -> ClaimLinks:
    return ClaimLinks(
        claim_id=1,
        article_id=1,
        own_date=own_date,
        own_where="Tarnholm Post",
        linked=linked,
        clashes=(),
        origin=origin,
    )


def test_a_linked_article_is_named_by_its_outlet_else_by_its_title() -> None:
    assert _linked(4, "2025-01-11", outlet="Harbour Gazette").where == "Harbour Gazette"
    assert _linked(4, "2025-01-11", outlet=None).where == "Ferry strike, part 4"
    assert _linked(4, "2025-01-11", outlet="").where == "Ferry strike, part 4"


def test_a_figure_clash_names_both_figures_with_their_sources_and_dates() -> None:
    clash = FigureClash(
        "3,000 passengers", "the port authority", "2025-01-10", "4,500", "the union", "2025-01-12", 7
    )
    assert clash.text() == (
        "figures disagree: 3,000 passengers (the port authority, 2025-01-10) vs 4,500 (the union, 2025-01-12)"
    )


def test_a_claim_made_nowhere_else_has_no_headline() -> None:
    assert _links(()).headline() == ""
    assert _links(()).articles == 0


def test_the_headline_counts_articles_not_linked_claims() -> None:
    two_in_one = (_linked(2, "2025-01-11", claim_id=20), _linked(2, "2025-01-11", claim_id=21))
    links = _links(two_in_one)
    assert links.articles == 1
    assert links.headline() == "Also in 1 article; first: this article, 2025-01-10"
    three = _links(
        (_linked(2, "2025-01-11"), _linked(3, "2025-01-12"), _linked(3, "2025-01-12", claim_id=31))
    )
    assert three.articles == 2
    assert three.headline() == "Also in 2 articles; first: this article, 2025-01-10"


def test_an_earlier_article_elsewhere_is_named_first() -> None:
    earlier = _linked(2, "2025-01-08", outlet="Harbour Gazette")
    later = _linked(3, "2025-01-09", outlet="Island Radio")
    assert _links((earlier, later)).headline() == "Also in 2 articles; first: Harbour Gazette, 2025-01-08"
    untitled = _linked(2, "2025-01-08", outlet=None)
    assert _links((untitled,)).headline() == "Also in 1 article; first: Ferry strike, part 2, 2025-01-08"


def test_on_the_same_day_this_article_comes_first() -> None:
    same_day = _linked(2, "2025-01-10", outlet="Harbour Gazette")
    assert _links((same_day,)).headline() == "Also in 1 article; first: this article, 2025-01-10"


def test_chains_that_name_a_source_are_written_with_arrows_each_once_in_order() -> None:
    origin = Origin(
        4,
        (
            ("Island Radio",),
            ("Harbour Gazette", "the port authority"),
            ("Tarnholm Post", "Harbour Gazette", "the port authority"),
            ("Harbour Gazette", "the port authority"),
        ),
        (("the port authority", "2025-01-08"),),
    )
    assert _links((_linked(2, "2025-01-08"),), origin=origin).chains() == [
        "Harbour Gazette \u2190 the port authority",
        "Tarnholm Post \u2190 Harbour Gazette \u2190 the port authority",
    ]


def test_no_chain_names_a_source_when_every_article_names_none() -> None:
    origin = Origin(2, (("Island Radio",), ("Harbour Gazette",)), (("Harbour Gazette", "2025-01-08"),))
    assert _links((_linked(2, "2025-01-08"),), origin=origin).chains() == []


def test_a_curly_possessive_is_the_same_name_as_a_straight_one() -> None:
    assert name_key("the Kyiv Monitor\u2019s") == name_key("the Kyiv Monitor's") == "kyiv monitor"
