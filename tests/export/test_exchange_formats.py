"""Exports for other tools, each read back by its consumer's rules: RIS (Zotero, EndNote),
CSL-JSON (the CSL data schema), Markdown for Obsidian (YAML front matter, block ids), Hypothesis
JSON (what `import-annotations` reads), and CSV cells that a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from app.export.csv_export import safe_cell
from app.export.markdown import yaml_string
from app.services import articles, claims, evidence
from app.services.annotations import import_annotations
from app.services.data_exports import (
    export_csl_json,
    export_csv,
    export_hypothesis,
    export_markdown,
    export_ris,
)
from app.storage import repository
from app.storage.database import Database, open_database
from tests.services.test_data_exports import worked_article

URL = "https://news.example.org/2026/03/harbour"


def with_metadata(db: Database, article_id: int, **fields: str) -> None:
    """Give an article the fields a saved web page would have brought (URL, outlet, byline, date)."""
    with db.session() as session:
        article = repository.get_article(session, article_id)
        for name, value in fields.items():
            setattr(article, name, value)


@pytest.fixture
def worked(db: Database, article_file: Path) -> int:
    article_id = worked_article(db, article_file)
    with_metadata(
        db, article_id, source_url=URL, outlet="The Harbour Gazette", byline="Mara Ilić",
        published_at="2026-03-05T08:00:00+00:00",
    )  # fmt: skip
    return article_id


# --- RIS ----------------------------------------------------------------------------------------

RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")
RIS_TYPES = {"NEWS", "ELEC", "JOUR", "MGZN", "BLOG", "GEN"}


def read_ris(text: str) -> list[list[tuple[str, str]]]:
    """Records as (tag, value) lists, by the RIS rules: CR LF lines `XX  - value`, TY first, ER last."""
    assert "\n" not in text.replace("\r\n", ""), "RIS lines end with CR LF"
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    for line in text.split("\r\n"):
        if not line:
            continue
        match = RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = []
        assert current is not None, f"{tag} outside a record"
        current.append((tag, value))
        if tag == "ER":
            assert value == "", "ER carries nothing"
            records.append(current)
            current = None
    assert current is None, "a record without ER"
    return records


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing"

    def handle_data(self, data: str) -> None:
        self.text += data


def test_ris_record_as_zotero_reads_it(db: Database, worked: int, tmp_path: Path) -> None:
    article = articles.load_article(db, worked)
    (record,) = read_ris(export_ris(db, worked, tmp_path / "a.ris").read_bytes().decode("utf-8"))
    tags = [tag for tag, _ in record]
    assert tags[0] == "TY" and tags[-1] == "ER"
    order = [tags.index("TY"), tags.index("TI"), tags.index("UR"), tags.index("N1"), tags.index("ER")]
    assert order == sorted(order), tags
    fields = dict(record)
    assert fields["TY"] == "NEWS" and fields["TY"] in RIS_TYPES
    assert fields["TI"] == "Harbour dredging halted after survey"
    assert fields["UR"] == URL and fields["T2"] == "The Harbour Gazette" and fields["AU"] == "Mara Ilić"
    assert fields["PY"] == "2026" and fields["DA"] == "2026/03/05"
    assert [v for t, v in record if t == "KW"] == ["port", "Дноуглубление"]
    notes = [v for t, v in record if t == "N1"]
    assert len(notes) == len(article.claims) == 4, "one child note per claim"
    parsed = []
    for note in notes:
        html = _Html()
        html.feed(note)
        html.close()
        assert not html.open, f"unclosed HTML in {note}"
        parsed.append(html.text)
    assert parsed[0].startswith("1. [Verified] “Dredging in the north harbour stopped on Monday")
    assert "Reason: The port's notice of 3 March says so." in parsed[0]
    assert "Ана: Called the *harbour master*. She confirmed: «да, это так»." in parsed[0].replace(
        "Note by Ана", "Ана"
    )
    assert parsed[1].startswith("2. [False]")


def test_ris_of_every_article_and_without_url(db: Database, worked: int, tmp_path: Path) -> None:
    other = tmp_path / "rain.txt"
    other.write_text("Rain report\n\nThe council said 30 mm of rain fell overnight.\n")
    articles.import_path(db, other)
    records = read_ris(export_ris(db, None, tmp_path / "all.ris").read_bytes().decode("utf-8"))
    by_title = {dict(r)["TI"]: dict(r) for r in records}
    assert set(by_title) == {"Harbour dredging halted after survey", "Rain report"}
    assert by_title["Rain report"]["TY"] == "ELEC" and "UR" not in by_title["Rain report"]


# --- CSL-JSON -----------------------------------------------------------------------------------

# What the CSL data schema (csl-data.json, v1.0) requires of the fields we write: an array of
# items, each with `type` (one of its item types) and `id`; titles and URLs are strings; names
# are objects; a date is {"date-parts": [[year, month?, day?]] (one or two dates)} or a raw or
# literal string.
DATE_VARIABLE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "date-parts": {
            "type": "array", "minItems": 1, "maxItems": 2,
            "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}},
        },
        "season": {"type": ["string", "number"]},
        "circa": {"type": ["string", "number", "boolean"]},
        "literal": {"type": "string"},
        "raw": {"type": "string"},
    },
}  # fmt: skip
CSL_ITEM_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "book", "chapter",
    "document", "entry", "interview", "personal_communication", "post", "post-weblog", "report",
    "webpage",
]  # fmt: skip
CSL_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "properties": {
            "type": {"enum": CSL_ITEM_TYPES},
            "id": {"type": ["string", "number"]},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "URL": {"type": "string"},
            "note": {"type": "string"},
            "author": {
                "type": "array",
                "items": {"type": "object", "properties": {"literal": {"type": "string"}},
                          "additionalProperties": {"type": ["string", "number", "boolean"]}},
            },
            "issued": DATE_VARIABLE,
            "accessed": DATE_VARIABLE,
        },
    },
}  # fmt: skip


def test_csl_json_meets_the_csl_data_schema(db: Database, worked: int, tmp_path: Path) -> None:
    other = tmp_path / "rain.txt"
    other.write_text("Rain report\n\nThe council said 30 mm of rain fell overnight.\n")
    rain = articles.import_path(db, other).article_id
    with_metadata(db, rain, published_at="last Tuesday")
    items = json.loads(export_csl_json(db, None, tmp_path / "all.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, CSL_SCHEMA)
    assert len({item["id"] for item in items}) == 2, "ids are unique"
    harbour = next(i for i in items if i["title"].startswith("Harbour"))
    assert harbour["type"] == "article-newspaper" and harbour["URL"] == URL
    assert harbour["issued"] == {"date-parts": [[2026, 3, 5]]}
    assert harbour["author"] == [{"literal": "Mara Ilić"}]
    note_lines = harbour["note"].splitlines()
    assert note_lines[0].startswith("1. [Verified] “Dredging")
    # Zotero reads an Extra line that starts with a letter and "Some key:" as a field of the item
    assert not any(re.match(r"^[A-Za-z][A-Za-z _-]*:", line) for line in note_lines), note_lines
    rain_item = next(i for i in items if i["title"] == "Rain report")
    assert rain_item["type"] == "webpage" and rain_item["issued"] == {"raw": "last Tuesday"}


def test_the_csl_schema_check_can_fail() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "webpage", "issued": {"date-parts": [2026]}}], CSL_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"type": "webpage"}], CSL_SCHEMA)


# --- Obsidian -----------------------------------------------------------------------------------


def front_matter(memo: str) -> dict[str, Any]:
    assert memo.startswith("---\n"), "Obsidian reads properties only from the very first line"
    head, separator, _ = memo[4:].partition("\n---\n")
    assert separator, "front matter is closed"
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded


def test_obsidian_front_matter_and_block_ids(db: Database, worked: int, tmp_path: Path) -> None:
    memo = export_markdown(db, worked, tmp_path / "memo.md").read_text(encoding="utf-8")
    meta = front_matter(memo)
    assert meta["title"] == "Harbour dredging halted after survey"
    assert meta["url"] == URL and meta["outlet"] == "The Harbour Gazette"
    assert str(meta["date"]) == "2026-03-05"
    assert meta["claims"] == 4
    assert meta["verdicts"] == {"verified": 1, "false": 1, "in_progress": 1, "unreviewed": 1}
    article = articles.load_article(db, worked)
    quotes = [line for line in memo.splitlines() if line.startswith("> ")]
    ids = [re.fullmatch(r"> .* \^(claim-[0-9a-f]{8,})", line) for line in quotes]
    assert all(ids) and len(ids) == len(article.claims)
    block_ids = [m.group(1) for m in ids if m]
    assert len(set(block_ids)) == len(block_ids)
    assert block_ids[0] == "claim-" + article.claims[0].uid.replace("-", "")[:8]
    again = export_markdown(db, worked, tmp_path / "again.md").read_text(encoding="utf-8")
    assert re.findall(r"\^claim-\w+", again) == [f"^{b}" for b in block_ids], "the same ids every time"


@pytest.mark.parametrize(
    "title",
    [
        'He said: "no" # not a comment',
        "- a dash, [brackets], {braces}, & an anchor, * an alias",
        "yes",
        "Back\\slash and \t tab and \x07 bell and \x85 next-line",
        "Emoji 🙂 and \u2028 separator and \ufeff mark",
        "2026-02-31",
        "@at `tick` %percent !bang |pipe >fold",
    ],
)
def test_any_title_reads_back_as_written(title: str) -> None:
    """Quotes, colons, YAML's indicators, control characters: the same string comes back (on one
    line: runs of white space, line separators included, become one space)."""
    assert yaml.safe_load(f"title: {yaml_string(title)}\n") == {"title": " ".join(title.split())}


def test_front_matter_of_a_hostile_article(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text('---\ntitle: "x"\n\nThe minister said 40 percent of "funds": were lost.\n')
    article_id = articles.import_path(db, path).article_id
    with_metadata(db, article_id, outlet='Outlet: "quoted"\nsecond line', published_at="2026-02-31")
    memo = export_markdown(db, article_id, tmp_path / "h.md").read_text(encoding="utf-8")
    meta = front_matter(memo)
    assert meta["outlet"] == 'Outlet: "quoted" second line'
    assert str(meta["date"]) != "2026-02-31", "an impossible date is not written as a date"


# --- Hypothesis ---------------------------------------------------------------------------------


def spans(db: Database, article_id: int) -> dict[tuple[int, int, str], tuple[str, ...]]:
    article = articles.load_article(db, article_id).for_export()
    return {(c.start, c.end, c.text): tuple(sorted(c.tags)) for c in article.claims}


def test_hypothesis_export_round_trips_through_import_annotations(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "astral.txt"
    path.write_text(
        "Harbour 🚢 dredging halted after survey 🙂\n\n"
        "Dredging in the north harbour stopped on Monday, according to the port authority 🏛.\n\n"
        "The authority said the survey found 14 unexploded shells on the seabed.\n\n"
        "Fishermen reportedly saw divers in the area for weeks before the halt.\n",
        encoding="utf-8",
    )
    article_id = articles.import_path(db, path).article_id
    first, second, *_ = articles.load_article(db, article_id).claims
    claims.set_status(db, first.id, "false", reason="The notice says Tuesday.")
    claims.add_note(db, first.id, "Called the port 🙂 twice.", author="Ана")
    evidence.set_tags(db, second.id, ["shells", "navy"])
    text = articles.load_article(db, article_id).text
    start = text.index("survey found")
    manual = claims.add_manual_claim(db, article_id, start, start + len("survey found 14 unexploded shells"))
    evidence.set_tags(db, manual.id, ["by hand"])
    out = export_hypothesis(db, article_id, tmp_path / "h.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"] == len(data["rows"]) == 4
    row = data["rows"][0]
    position = next(s for s in row["target"][0]["selector"] if s["type"] == "TextPositionSelector")
    assert position["start"] == len(text[: first.start].encode("utf-16-le")) // 2, "UTF-16 units"

    other = open_database(tmp_path / "other.sqlite3")
    try:
        copy = articles.import_path(other, path).article_id
        report = import_annotations(other, out)
        assert report.format == "hypothesis" and report.article_ids == (copy,)
        assert report.created == 1 and report.updated == 3 and report.orphans == 0
        assert spans(other, copy) == spans(db, article_id), "the same claims, with the same tags"
        joined = articles.load_article(other, copy).claims[0]
        assert "**False**: The notice says Tuesday." in joined.notes[0].body
        assert "Called the port 🙂 twice." in joined.notes[0].body
        again = import_annotations(other, out)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 4), "importing twice adds nothing"
    finally:
        other.close()
    assert json.loads(export_hypothesis(db, article_id, tmp_path / "h2.json").read_text()) == data


# --- CSV: formulas ------------------------------------------------------------------------------

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_cell_is_shown_as_text(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["", "Plain", "1,5", "'quoted", " =spaced", "a=b"])
def test_other_cells_are_left_alone(value: str) -> None:
    assert safe_cell(value) == value


def test_csv_cells_never_start_a_formula(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "formula.txt"
    path.write_text(
        "Formula story\n\n"
        '=HYPERLINK("http://evil.example", "click") the mayor said on Monday, according to Reuters.\n\n'
        "@channel The council said 30 mm of rain fell overnight.\n"
    )
    article_id = articles.import_path(db, path).article_id
    first = articles.load_article(db, article_id).claims[0]
    claims.add_note(db, first.id, "=2+3", author="+Mallory")
    claims.add_note(db, first.id, "-1 dash note")  # by the reviewer: CLAIMDESK_REVIEWER
    evidence.set_tags(db, first.id, ["=tag", "plain"])
    with_metadata(db, article_id, source_url="=IMPORTXML(A1)")
    with export_csv(db, article_id, tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert rows[0]["sentence"].startswith("'=HYPERLINK(")
    assert rows[0]["url"] == "'=IMPORTXML(A1)"
    assert rows[0]["notes"] == "'+Mallory: =2+3\n\nTest Reviewer: -1 dash note"
    assert rows[0]["tags"] == "'=tag; plain"
    assert rows[0]["article_id"] == str(article_id) and rows[0]["claim_uid"] == first.uid
    assert rows[1]["sentence"].startswith("'@channel")


def test_csv_evidence_names_how_a_call_went(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text("Harbour story\n\nThe council said 30 mm of rain fell overnight.\n")
    article_id = articles.import_path(db, path).article_id
    first = articles.load_article(db, article_id).claims[0]
    evidence.add_person(db, first.id, "Ana Silva", role="harbour master", how="phone", outcome="no answer")
    with export_csv(db, article_id, tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["evidence"].startswith("person: Ana Silva, harbour master, phone, ")
    assert row["evidence"].endswith(", no answer")  # after when the call was made
