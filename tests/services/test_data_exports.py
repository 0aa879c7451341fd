"""Data exports: Markdown memo, CSV, W3C Web Annotation (checked by the W3C MUST schemas), ClaimReview."""

from __future__ import annotations

import csv
import dataclasses
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.errors import ClaimdeskError
from app.export import claimreview
from app.services import articles, claims, evidence
from app.services.data_exports import export_claimreview, export_csv, export_markdown, export_w3c
from app.storage.database import Database
from tests.evaluation import EVAL

W3C_TESTS = EVAL / "w3c-annotation" / "web-annotation-tests"
W3C_RUNNER = EVAL / "w3c-annotation" / "run_w3c_annotation_musts.py"
CLAIMREVIEW = EVAL / "claimreview"


def worked_article(db: Database, path: Path) -> int:
    """An article with every kind of work done on its claims: statuses, notes, tags, evidence."""
    article_id = articles.import_path(db, path).article_id
    first, second, third, _fourth = (c.id for c in articles.load_article(db, article_id).claims)
    claims.set_status(db, first, "in_progress")
    claims.set_status(db, first, "verified", reason="The port's notice of 3 March says so.")
    claims.add_note(db, first, "Called the *harbour master*.\nShe confirmed: «да, это так».", author="Ана")
    claims.add_note(db, first, "Second note, with a [link](https://example.org).")
    evidence.set_tags(db, first, ["port", "Дноуглубление"])
    evidence.add_link(db, first, "https://example.org/notice", note="Port notice")
    when = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    evidence.add_person(
        db, first, "Ana Silva", role="harbour master", how="phone", when=when, note="On record"
    )
    document = path.parent / "survey.pdf"
    document.write_bytes(b"%PDF-1.4 survey")
    evidence.add_document(db, first, document, note="Survey, page 2\nsecond line")
    claims.set_status(db, second, "false", reason="The survey counted 4 shells, not 14.")
    evidence.add_person(db, second, "Anonymous diver", note="")
    claims.set_status(db, third, "in_progress")
    return article_id


@pytest.fixture
def article_id(db: Database, article_file: Path) -> int:
    return worked_article(db, article_file)


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_memo_lists_every_claim_with_its_work(db: Database, article_id: int, tmp_path: Path) -> None:
    out = export_markdown(db, article_id, tmp_path / "memo.md")
    memo = out.read_text(encoding="utf-8")
    assert memo.partition("\n---\n\n")[2].startswith("# Harbour dredging halted after survey\n")
    assert "| Verified | 1 |" in memo and "| False | 1 |" in memo and "| **Total** | **4** |" in memo
    assert "### 1. Verified" in memo and "### 2. False" in memo and "### 4. Unreviewed" in memo
    assert "- **Source:** the port authority" in memo
    assert "- **Reason:** The port's notice of 3 March says so." in memo
    assert "    Called the *harbour master*." in memo, "notes are Markdown and stay as written"
    assert "Person: Ana Silva (harbour master, phone," in memo
    assert "In progress → Verified" in memo
    assert "- **Hedges:** reportedly" in memo and "- **Figures:** 14" in memo


def test_markdown_escapes_what_would_break_the_layout(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "stars.txt"
    path.write_text("A *starred* [title]\n\n2. The minister said prices rose by 5% under_score rules.\n")
    article_id = articles.import_path(db, path).article_id
    memo = export_markdown(db, article_id, tmp_path / "stars.md").read_text(encoding="utf-8")
    assert memo.partition("\n---\n\n")[2].startswith("# A \\*starred\\* \\[title\\]\n")
    assert "under\\_score" in memo


# --- CSV ----------------------------------------------------------------------------------------


def test_markdown_memo_says_how_a_changed_article_changed(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text("Harbour works\n\nThe authority reportedly said 14 shells were found.\n")
    article_id = articles.import_path(db, path).article_id
    assert "## The article changed" not in export_markdown(db, article_id, tmp_path / "a.md").read_text()
    path.write_text("Harbour works\n\nThe authority said 4 shells were found.\n")
    articles.import_path(db, path)
    memo = export_markdown(db, article_id, tmp_path / "b.md").read_text()
    section = memo.split("## The article changed")[1].split("## Claims")[0]
    assert "- Version 1: captured" in section and "- Version 2: captured" in section
    assert "2 changes from version 1 to version 2" in section
    assert "− ~~reportedly~~" in section and "− ~~14~~ + **4**" in section


def test_csv_reads_back_with_cyrillic_and_newlines(db: Database, article_id: int, tmp_path: Path) -> None:
    out = export_csv(db, article_id, tmp_path / "claims.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["Verified", "False", "In progress", "Unreviewed"]
    first = rows[0]
    assert first["article"] == "Harbour dredging halted after survey"
    assert first["source"] == "the port authority"
    assert first["reason"] == "The port's notice of 3 March says so."
    assert "Ана: Called the *harbour master*.\nShe confirmed: «да, это так»." in first["notes"]
    assert "Survey, page 2\nsecond line" in first["evidence"]
    assert first["evidence"].count("\n\n") == 2
    assert datetime.fromisoformat(first["updated"]).tzinfo is not None
    assert rows[3]["reason"] == "" and rows[3]["notes"] == ""


def test_csv_of_every_article(db: Database, article_id: int, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Rain report\n\nThe council said 30 mm of rain fell overnight.\n")
    articles.import_path(db, other)
    with export_csv(db, None, tmp_path / "all.csv").open(encoding="utf-8-sig", newline="") as handle:
        titles = {row["article"] for row in csv.DictReader(handle)}
    assert titles == {"Harbour dredging halted after survey", "Rain report"}


def test_export_writes_whole_files_only(db: Database, article_id: int, tmp_path: Path) -> None:
    out = tmp_path / "memo.md"
    out.write_text("old")
    export_markdown(db, article_id, out)
    assert out.read_text(encoding="utf-8").partition("\n---\n\n")[2].startswith("# Harbour")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    with pytest.raises(ClaimdeskError):
        export_markdown(db, article_id, tmp_path)


# --- W3C Web Annotation -------------------------------------------------------------------------


def _schemas_available() -> None:
    if not W3C_TESTS.is_dir():
        pytest.skip("../shared/eval/w3c-annotation is not beside the checkout")


def must_failures(document: dict[str, Any], manifest: str) -> list[str]:
    """The MUST assertions of a test manifest that `document` fails, the way the W3C runner checks."""
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    definitions = [json.loads(p.read_text()) for p in (W3C_TESTS / "definitions").glob("*.json")]
    registry: Registry[Any] = Registry().with_resources(
        (d["id"], Resource(d, specification=DRAFT4)) for d in definitions
    )
    failures = []
    for assertion in json.loads((W3C_TESTS / manifest).read_text())["assertions"]:
        if not isinstance(assertion, str):
            continue
        schema = json.loads((W3C_TESTS / assertion).read_text())
        valid = Draft4Validator(schema, registry=registry).is_valid(document)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            failures.append(assertion)
    return failures


def test_w3c_annotations_pass_the_w3c_must_schemas(db: Database, article_id: int, tmp_path: Path) -> None:
    _schemas_available()
    collection = json.loads(export_w3c(db, article_id, tmp_path / "claims.jsonld").read_text("utf-8"))
    items = collection["first"]["items"]
    assert len(items) == collection["total"] == 4
    files = []
    for number, item in enumerate(items):
        files.append(tmp_path / f"annotation-{number}.json")
        files[-1].write_text(json.dumps(item), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(W3C_RUNNER), str(W3C_TESTS), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("PASS ") for line in lines), result.stdout
    assert must_failures(collection, "collections/collectionMusts.test") == []
    assert must_failures(collection, "collections/pages/pageMusts.test") == []
    page = {"@context": collection["@context"], **collection["first"]}
    assert must_failures(page, "collections/pages/pageMusts.test") == []


def test_the_must_checker_rejects_a_broken_annotation() -> None:
    _schemas_available()
    broken = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "x"}
    assert must_failures(broken, "annotations/annotationMusts.test"), "no target: must fail"


def test_w3c_annotation_content(db: Database, article_id: int, tmp_path: Path) -> None:
    collection = json.loads(export_w3c(db, article_id, tmp_path / "claims.jsonld").read_text("utf-8"))
    article = articles.load_article(db, article_id)
    first = collection["first"]["items"][0]
    claim = article.claims[0]
    assert first["id"] == f"urn:uuid:{claim.uid}" and first["motivation"] == "assessing"
    assert first["target"]["source"].startswith("ni:///sha-256;")
    quote, position = first["target"]["selector"]
    assert article.text[position["start"] : position["end"]] == quote["exact"] == claim.text
    assert article.text[: position["start"]].endswith(quote["prefix"]) and len(quote["prefix"]) == 32
    assert article.text[position["end"] :].startswith(quote["suffix"]) and len(quote["suffix"]) == 32
    purposes = [body["purpose"] for body in first["body"]]
    assert purposes == ["assessing", "commenting", "commenting", "tagging", "tagging"] + ["linking"] * 3
    assert first["body"][0]["value"] == "Verified: The port's notice of 3 March says so."
    note = first["body"][1]
    assert note["type"] == "SpecificResource" and note["source"]["id"] == f"urn:uuid:{claim.notes[0].uid}"
    assert note["source"]["format"] == "text/markdown" and note["source"]["creator"]["name"] == "Ана"
    assert first["body"][5] == {
        "id": f"urn:uuid:{claim.evidence[0].uid}",
        "type": "SpecificResource",
        "purpose": "linking",
        "source": "https://example.org/notice",
        "label": "Port notice",
        "creator": {"type": "Person", "name": "Test Reviewer"},
        "created": f"{claim.evidence[0].added_at.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",  # when it was added
    }
    assert datetime.now(UTC) - claim.evidence[0].added_at < timedelta(minutes=10)
    assert first["body"][7]["source"]["value"].startswith("Document: survey.pdf\nSHA-256: ")
    last = collection["first"]["items"][3]
    assert [body["value"] for body in last["body"]] == ["Unreviewed"]


# --- ClaimReview --------------------------------------------------------------------------------


def google_problems(review: dict[str, Any]) -> list[str]:
    """What keeps a ClaimReview from Google's fact-check result (GOOGLE_FACTCHECK_REQUIREMENTS.md)."""
    problems = []
    if review.get("@context") not in ("https://schema.org", "http://schema.org"):
        problems.append("@context")
    if review.get("@type") != "ClaimReview":
        problems.append("@type")
    problems += [f"required {key}" for key in ("claimReviewed", "reviewRating", "url") if not review.get(key)]
    rating = review.get("reviewRating") or {}
    if not rating.get("alternateName"):
        problems.append("required reviewRating.alternateName")
    return problems


def google_fields() -> list[tuple[str, str, str]]:
    """(entity, property, REQUIRED | RECOMMENDED), read from the table in the requirements note."""
    note = (CLAIMREVIEW / "GOOGLE_FACTCHECK_REQUIREMENTS.md").read_text(encoding="utf-8")
    rows = [line.strip("|").split("|") for line in note.splitlines() if line.startswith("| ")]
    cells = [[cell.strip() for cell in row[:3]] for row in rows if len(row) >= 3]
    return [(e, p, s) for e, p, s in cells if s in ("REQUIRED", "RECOMMENDED")]


def missing_fields(review: dict[str, Any], level: str) -> list[str]:
    """The table's fields of one level that the review lacks, as Entity.property."""
    where = {
        "ClaimReview": review,
        "Claim": review.get("itemReviewed", {}),
        "Rating": review.get("reviewRating", {}),
    }
    return [f"{e}.{p}" for e, p, s in google_fields() if s == level and p not in where[e]]


def test_the_google_checker_agrees_with_schema_orgs_examples() -> None:
    if not CLAIMREVIEW.is_dir():
        pytest.skip("../shared/eval/claimreview is not beside the checkout")
    eligible = json.loads((CLAIMREVIEW / "eg-0324-ClaimReview.jsonld").read_text())
    no_rating = json.loads((CLAIMREVIEW / "eg-0325-ClaimReview.jsonld").read_text())
    assert google_problems(eligible) == []
    assert "required reviewRating" in google_problems(no_rating)


def test_claimreview_for_final_statuses_only(db: Database, article_id: int, tmp_path: Path) -> None:
    from app.ui.settings import FACTCHECK_URL

    FACTCHECK_URL.write("https://checks.example/harbour-dredging")  # Edit > Preferences
    reviews = json.loads(export_claimreview(db, article_id, tmp_path / "reviews.jsonld").read_text("utf-8"))
    article = articles.load_article(db, article_id)
    assert [r["claimReviewed"] for r in reviews] == [c.text for c in article.claims[:2]]
    assert len(google_fields()) == 15
    for review in reviews:
        assert google_problems(review) == []
        assert missing_fields(review, "REQUIRED") == []
        # firstAppearance: we know where the claim appeared, not where it first did; the article's
        # date is unknown for a plain-text file (the next test gives one).
        assert missing_fields(review, "RECOMMENDED") == ["Claim.datePublished", "Claim.firstAppearance"]
        assert review["url"].startswith("https://checks.example/harbour-dredging#claim-"), "the fact-check"
        assert review["author"] == {"@type": "Person", "name": "Test Reviewer"}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["headline"] == article.title
    verified, false = reviews
    assert (
        verified["reviewRating"]["alternateName"] == "Verified"
        and verified["reviewRating"]["ratingValue"] == 5
    )
    assert false["reviewRating"]["alternateName"] == "False" and false["reviewRating"]["ratingValue"] == 1
    assert verified["itemReviewed"]["author"] == {"@type": "Organization", "name": "the port authority"}
    assert false["reviewRating"]["ratingExplanation"] == "The survey counted 4 shells, not 14."
    datetime.fromisoformat(verified["datePublished"])


def test_claimreview_scale_and_speakers(db: Database, article_id: int) -> None:
    article = articles.load_article(db, article_id)
    article = dataclasses.replace(
        article, source_url="https://news.example/harbour#top", published_at="2026-11-02"
    )
    claim = article.claims[0]
    scale = {}
    for status_id in (
        "unreviewed",
        "in_progress",
        "verified",
        "partly_true",
        "unverified",
        "disputed",
        "false",
    ):
        changed = dataclasses.replace(article, claims=(dataclasses.replace(claim, status=status_id),))
        for review in claimreview.claim_reviews(changed, "Desk"):
            scale[review["reviewRating"]["alternateName"]] = review["reviewRating"]["ratingValue"]
    assert scale == {"Verified": 5, "Partly true": 4, "Unverified": 3, "Disputed": 2, "False": 1}
    review = claimreview.claim_review(article, claim, "Desk", "https://checks.example/harbour")
    assert missing_fields(review, "RECOMMENDED") == ["Claim.firstAppearance"]
    assert review["url"] == f"https://checks.example/harbour#claim-{claim.uid}", "not the article's address"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/harbour#top"
    assert review["itemReviewed"]["datePublished"] == "2026-11-02"
    assert claimreview.speaker("Maria Lopez") == {"@type": "Person", "name": "Maria Lopez"}
    assert claimreview.speaker("the Ministry of Health")["@type"] == "Organization"
