"""The memo's "Elsewhere in the library" (issue 20): built from a real library of our own linked
story, printed to PDF and read back with pypdf."""

from __future__ import annotations

from pathlib import Path

from app.services import articles, reports
from app.storage.database import Database
from tests.claim_links_story import import_story, import_story_file
from tests.helpers import pdf_text


def test_the_memo_says_where_else_a_claim_is_made(db: Database, tmp_path: Path) -> None:
    story = import_story(db)
    out = reports.export_pdf(db, story[2], tmp_path / "memo.pdf")
    text = pdf_text(out)
    assert "Elsewhere in the library" in text
    assert "Also in 4 articles; first: Valdora Courier, 2024-07-02" in text
    chain = "Metro Wire \u2190 the Northern Daily \u2190 The Valdora Courier \u2190 the regional fire service"
    assert chain in text
    assert "5 articles, 2 origins: the regional fire service (2024-07-02)" in text
    assert (
        "figures disagree: 160 square kilometres (the Northern Daily, 2024-07-03) vs "
        "110 square kilometres (the regional fire service, 2024-07-02)"
    ) in text
    assert text.index("Elsewhere in the library") > text.index("Claims")


def test_an_article_whose_claims_are_nowhere_else_has_no_such_section(db: Database) -> None:
    only = import_story_file(db, "story_a1.txt")
    html, _ = reports.memo_source(db, only)
    assert "Elsewhere in the library" not in html


def test_a_claim_left_out_of_the_memo_is_left_out_of_the_section(db: Database) -> None:
    from app.export.memo_options import memo_options

    story = import_story(db)
    html, _ = reports.memo_source(db, story[2], memo_options(["false"]))
    assert "Elsewhere in the library" not in html  # no claim is False: none is listed
    assert articles.load_article(db, story[2]).claims


def test_the_sentences_in_english_are_the_records_own(db: Database) -> None:
    """The memo and the window say the links through `translate`; untranslated, word for word what
    app/domain/link_records.py says, for every linked claim of the story."""
    from app.export.memo_links import clash_text, headline, origin_summary
    from app.services import claim_links

    story = import_story(db)
    seen = 0
    for article_id in story:
        for links in claim_links.links_for_article(db, article_id).values():
            assert headline(links) == links.headline()
            assert origin_summary(links.origin) == links.origin.summary()
            assert [clash_text(c) for c in links.clashes] == [c.text() for c in links.clashes]
            seen += 1
    assert seen >= 10


def test_a_link_made_by_hand_is_printed_and_says_so(db: Database) -> None:
    """A paraphrase the matcher misses, linked by the journalist, is in the section, marked as a
    person's call; a link taken away is not."""
    from app.services import link_decisions
    from tests.claim_links_story import claim_with

    story = import_story(db)
    crews = claim_with(db, story[0], "six water-bombing")
    deployed = claim_with(db, story[4], "1,500 firefighters")
    html, _ = reports.memo_source(db, story[0])
    assert "Nearly 1,500 firefighters have been deployed" not in html
    link_decisions.decide(db, crews, deployed, same=True)
    html, _ = reports.memo_source(db, story[0])
    assert "Coastal Ledger, 2024-07-05 (Unreviewed; linked by hand)" in html
    assert "Nearly 1,500 firefighters have been deployed" in html
    link_decisions.decide(db, crews, deployed, same=False)
    assert "Nearly 1,500 firefighters have been deployed" not in reports.memo_source(db, story[0])[0]
