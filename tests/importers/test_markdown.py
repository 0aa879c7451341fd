"""Markdown import: the words a reader sees for the claim engine, and HTML that loads nothing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from app.domain.claims import analyze
from app.errors import UnreadableFileError
from app.importers import import_file
from app.importers import markdown as markdown_module
from app.storage.database import Database
from tests.fuzz.network_guard import files_opened, no_network
from tests.helpers import children, finished

__all__ = ["files_opened", "no_network"]


ARTICLE = """\
---
title: "Ferries cancelled as storm closes harbour"
author:
  - Jane Roe
  - Sam Poe
date: 2026-03-03
tags: [weather, shipping]
---

# Harbour closed

The harbour authority said on *Monday* that **forty ferries** were cancelled,
according to [a statement](https://example.org/statement "Statement") published at noon.
![A ferry at the quay](https://tracker.example/pixel.png)

## What officials said

- The mayor said repairs could cost `4 million` euros.
- Shipping firms reportedly lost 12% of bookings.
  1. first nested item
  2. second nested item

> "We had no choice," a spokesperson told reporters.

```python
print("<b>kept as written</b>")
```

| Route | Status |
|-------|--------|
| North | closed |

Raw <script>alert(1)</script> and <img src="http://example.org/x.png"> stay text.\\
A hard break.
"""

TEXT = """\
Harbour closed

The harbour authority said on Monday that forty ferries were cancelled, according to a statement \
published at noon.

What officials said

• The mayor said repairs could cost 4 million euros.
• Shipping firms reportedly lost 12% of bookings.
  1. first nested item
  2. second nested item

"We had no choice," a spokesperson told reporters.

print("<b>kept as written</b>")

Route | Status
North | closed

Raw <script>alert(1)</script> and <img src="http://example.org/x.png"> stay text.
A hard break."""


def _md(tmp_path: Path, text: str, name: str = "article.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_text_is_what_a_reader_sees(tmp_path: Path) -> None:
    article = import_file(_md(tmp_path, ARTICLE))
    assert article.text == TEXT
    assert article.format == "markdown"


def test_front_matter_gives_title_author_and_date(tmp_path: Path) -> None:
    article = import_file(_md(tmp_path, ARTICLE))
    assert article.title == "Ferries cancelled as storm closes harbour"
    assert article.byline == "Jane Roe, Sam Poe"
    assert article.published == "2026-03-03"
    inline = "---\nauthor: [Ann Lee, 'Bo Chan']\n---\nJust text.\n"
    assert import_file(_md(tmp_path, inline, "b.md")).byline == "Ann Lee, Bo Chan"


def test_the_title_is_the_first_h1_else_a_first_line_that_reads_as_a_headline(tmp_path: Path) -> None:
    assert import_file(_md(tmp_path, "Intro line.\n\n## Two\n\n# The *real* one\n")).title == "The real one"
    assert import_file(_md(tmp_path, "**Bold** start here\n\nMore.", "b.markdown")).title == "Bold start here"
    # a sentence is not a headline: no title, and the library falls back on the file's name
    assert import_file(_md(tmp_path, "**Bold** start here.\n\nMore.", "c.markdown")).title is None


def test_html_escapes_raw_markup_and_loads_no_image(tmp_path: Path, no_network: list[str]) -> None:
    html = import_file(_md(tmp_path, ARTICLE)).html
    assert html is not None
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "A ferry at the quay" in html  # an image becomes its alt text
    assert '<a href="https://example.org/statement" title="Statement">a statement</a>' in html
    assert "<h1>Harbour closed</h1>" in html and "<table>" in html and "<blockquote>" in html
    dangerous = "[click](javascript:alert(1)) [local](file:///etc/passwd) ![x](data:image/png;base64,AAAA)"
    html = import_file(_md(tmp_path, dangerous, "b.md")).html or ""
    assert "javascript:" not in html.replace("[click](javascript:alert(1))", "")
    assert 'href="file:' not in html and "<img" not in html


def test_the_claim_engine_finds_claims_in_words_not_markup(tmp_path: Path) -> None:
    article = import_file(_md(tmp_path, ARTICLE))
    analysis = analyze(article.text, title=article.title)
    texts = [claim.text for claim in analysis.claims]
    assert any("forty ferries were cancelled" in t for t in texts)
    assert any(t.startswith('"We had no choice,"') for t in texts)
    for claim in analysis.claims:
        assert claim.text == article.text[claim.start : claim.end]
        assert not any(mark in claim.text for mark in ("**", "](", "# ", "![", "```"))


def test_empty_and_markup_only_files_are_refused(tmp_path: Path) -> None:
    for name, text in (("blank.md", "   \n\n"), ("marks.md", "---\ntitle: x\n---\n\n***\n\n![](a.png)\n")):
        with pytest.raises(UnreadableFileError, match=r"is empty"):
            import_file(_md(tmp_path, text, name))


def test_a_markdown_file_beyond_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_module, "MAX_CHARS", 100)
    with pytest.raises(UnreadableFileError, match=r"long\.md has 5,000 characters"):
        import_file(_md(tmp_path, "word " * 1000, "long.md"))


def test_other_encodings_decode_like_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "ru.md"
    path.write_bytes("# Мэр заявил\n\nГородская дума *снова* обсуждала бюджет.\n".encode("cp1251"))
    article = import_file(path)
    assert article.title == "Мэр заявил" and "Городская дума снова обсуждала бюджет." in article.text


_CHILD = """
import sys
from app.errors import UnreadableFileError
from app.importers.markdown import read_markdown
data = ({expr}).encode()
try:
    print(len(read_markdown(data, "x.md").text))
except UnreadableFileError as error:
    print("refused:", error)
"""
CASES = {
    "100,000 open brackets": "'[' * 100_000",
    "50,000 image openers": "'![' * 50_000",
    "100,000 emphasis marks": "'*a' * 100_000",
    "100,000 nested quotes": "'>' * 100_000 + ' x'",
    "3,000 nested list items": "''.join('  ' * i + '- x\\n' for i in range(3_000))",
    "100,000 unclosed link targets": "'[a](' * 30_000",
    "an unclosed front matter": "'---\\ntitle: x\\n' + 'key: value\\n' * 100_000",
}


@pytest.mark.slow
def test_pathological_markdown_ends_in_time() -> None:
    """Each case in its own interpreter, all at once, under a generous timeout: a hang detector."""
    programs = {name: [textwrap.dedent(_CHILD.format(expr=expr))] for name, expr in CASES.items()}
    with children(programs) as running:
        for name, child in running.items():
            assert finished(name, child).strip(), name


def test_a_markdown_file_becomes_a_stored_article(tmp_path: Path, db: Database) -> None:
    from app.services.articles import import_path, load_article

    article = load_article(db, import_path(db, _md(tmp_path, ARTICLE)).article_id)
    assert article.format == "markdown" and article.text == TEXT
    assert article.published_at == "2026-03-03" and article.byline == "Jane Roe, Sam Poe"
    assert all(claim.text == TEXT[claim.start : claim.end] for claim in article.claims)
