"""Saved web pages: the article without the page around it, its metadata, any encoding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import UnreadableFileError
from app.importers import import_file
from app.importers.html import read_html_text
from tests.fuzz import network_guard

files_opened = network_guard.files_opened

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "news" / "html"
EXPECTED: dict[str, dict[str, Any]] = (
    json.loads((PAGES / "expected.json").read_text(encoding="utf-8")) if PAGES.is_dir() else {}
)

PARAGRAPHS = (
    "The harbour authority said on Monday that 40 ferries were cancelled because of the storm.",
    "A spokesperson told reporters that repairs to the north pier could take several weeks.",
    "Fishermen reportedly saw divers in the area for weeks before the closure was announced.",
    "The council will publish the full survey of the seabed by the end of the month, officials said.",
)


def page(body: str, head: str = "<title>Ferries cancelled · Harbour News</title>") -> str:
    """A small page of our own: a real article between a menu and a footer."""
    return f"""<!DOCTYPE html><html><head>{head}
<meta property="og:site_name" content="Harbour News"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>{body}</article>
<aside><h3>Related stories</h3><ul><li><a href="/x">Tides at record low again</a></li></ul></aside>
<footer><p>Copyright Harbour News. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"""


ARTICLE = (
    f"<h1>Ferries cancelled</h1><p>{PARAGRAPHS[0]}</p><h2>Repairs</h2><p>{PARAGRAPHS[1]}</p>"
    f"<blockquote><p>{PARAGRAPHS[2]}</p></blockquote><ul><li>North pier closed</li>"
    f"<li>South pier open</li></ul><p>{PARAGRAPHS[3]}</p>"
)


def _title_without_site(title: str, site: str | None) -> str:
    """Claimdesk keeps the outlet in a field of its own, so "Story - Outlet" is stored as "Story"."""
    for separator in (" - ", " · ", " – ", " | "):
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)]
    return title


@pytest.mark.skipif(not EXPECTED, reason="../shared/eval/news/html is not beside the checkout")
@pytest.mark.parametrize("url", sorted(EXPECTED))
def test_saved_pages_keep_the_article_and_drop_the_page_around_it(url: str) -> None:
    expected = EXPECTED[url]
    article = import_file(PAGES / expected["file"])
    for snippet in expected["with"]:
        assert snippet in article.text
    for snippet in expected["without"]:
        assert snippet not in article.text
    site = expected.get("sitename") or article.outlet
    assert article.title == _title_without_site(expected["title"], site)
    assert article.byline == (expected["author"] or None)
    assert article.published == expected["date"]
    assert article.url == url
    if expected.get("sitename"):
        assert article.outlet == expected["sitename"]
    assert article.format == "html" and article.html and "<p>" in article.html


def test_text_is_paragraphs_and_headings_separated_by_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "ferries.html"
    path.write_text(page(ARTICLE), encoding="utf-8")
    article = import_file(path)
    blocks = article.text.split("\n\n")
    assert "Repairs" in blocks  # a heading is a paragraph of its own
    for paragraph in PARAGRAPHS:
        assert paragraph in blocks
    assert "North pier closed" in blocks and "South pier open" in blocks
    for furniture in ("Sport", "Related stories", "Tides at record low", "Copyright", "newsletter"):
        assert furniture not in article.text
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    assert article.title == "Ferries cancelled" and article.outlet == "Harbour News"
    assert "<h2>Repairs</h2>" in (article.html or "")
    assert "<blockquote>" in (article.html or "") and "<li>North pier closed</li>" in (article.html or "")


CYRILLIC = "Министр заявил в понедельник, что паромы отменены из-за шторма, сообщили официальные лица."


@pytest.mark.parametrize(
    ("encoding", "declaration", "bom"),
    [
        ("windows-1251", '<meta charset="windows-1251">', b""),
        ("koi8-r", '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', b""),
        ("windows-1251", "", b""),  # no declaration: detected
        ("utf-8", '<meta charset="windows-1251">', b"\xef\xbb\xbf"),  # the BOM wins over <meta>
        ("utf-16-le", "", b"\xff\xfe"),
        ("utf-8", '<meta charset="utf-16">', b""),  # UTF-16 declared in ASCII bytes: really UTF-8
    ],
)
def test_encodings_bom_then_meta_then_detection(
    tmp_path: Path, encoding: str, declaration: str, bom: bytes
) -> None:
    body = "".join(f"<p>{CYRILLIC} {n}</p>" for n in range(6))
    markup = page(body, head=f"{declaration}<title>Шторм</title>")
    path = tmp_path / "storm.html"
    path.write_bytes(bom + markup.encode(encoding))
    article = import_file(path)
    assert f"{CYRILLIC} 0" in article.text.split("\n\n")
    assert article.title == "Шторм"


def test_the_files_folder_of_a_saved_page_changes_nothing_and_is_never_read(
    tmp_path: Path, files_opened: list[str]
) -> None:
    head = (
        '<title>Ferries cancelled</title><link rel="stylesheet" href="ferries_files/site.css">'
        '<script src="ferries_files/app.js"></script>'
    )
    markup = page(ARTICLE.replace("<h2>", '<img src="ferries_files/photo.jpg" alt="A ferry"><h2>'), head)
    alone = tmp_path / "alone" / "ferries.html"
    beside = tmp_path / "beside" / "ferries.html"
    for path in (alone, beside):
        path.parent.mkdir()
        path.write_text(markup, encoding="utf-8")
    folder = beside.parent / "ferries_files"
    folder.mkdir()
    for name in ("site.css", "app.js", "photo.jpg"):
        (folder / name).write_text("body { background: url(https://tracker.invalid/x.gif) }")
    files_opened.clear()  # what the test wrote is not the importer's doing
    assert import_file(alone) == import_file(beside)
    ours = [p for p in files_opened if p.startswith(str(tmp_path))]
    assert sorted(ours) == sorted([str(alone), str(beside)])


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   \n",
        "<!-- nothing but a comment -->",
        "<html><head><title>Empty</title><script>var a = 1;</script></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><img src='x.png'><style>p {}</style></body></html>",
    ],
)
def test_a_page_without_article_text_is_refused_clearly(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(UnreadableFileError, match=r"^blank\.html: no article text found in this page$"):
        import_file(path)


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "ferries.xhtml"
    markup = page(ARTICLE).replace("<!DOCTYPE html><html>", '<html xmlns="http://www.w3.org/1999/xhtml">')
    path.write_bytes(b'<?xml version="1.0" encoding="windows-1251"?>\n' + markup.encode("windows-1251"))
    article = import_file(path)
    assert PARAGRAPHS[0] in article.text.split("\n\n")


def test_html_text_entry_for_a_pasted_fragment() -> None:
    """The clipboard gives a fragment, not a page: its structure is kept, the given URL wins."""
    fragment = f"<h2>Repairs</h2><p>{PARAGRAPHS[1]}</p><ol><li>one</li><li>two</li></ol>"
    article = read_html_text(fragment, url="https://news.invalid/ferries")
    assert article.text == f"Repairs\n\n{PARAGRAPHS[1]}\n\none\n\ntwo"
    assert article.url == "https://news.invalid/ferries"
    assert (
        article.html == f"<h2>Repairs</h2>\n<p>{PARAGRAPHS[1]}</p>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>"
    )


def test_the_canonical_url_and_relative_links(tmp_path: Path) -> None:
    head = (
        '<title>Ferries</title><link rel="canonical" href="https://news.invalid/2026/ferries">'
        '<base href="https://evil.invalid/">'
    )
    body = ARTICLE.replace(PARAGRAPHS[1], f'<a href="/repairs">{PARAGRAPHS[1]}</a>')
    path = tmp_path / "ferries.html"
    path.write_text(page(body, head), encoding="utf-8")
    article = import_file(path)
    assert article.url == "https://news.invalid/2026/ferries"
    assert 'href="https://news.invalid/repairs"' in (article.html or "")
    assert "evil.invalid" not in (article.html or "")


def test_the_address_a_browser_noted_when_saving_is_the_url_without_a_canonical_one(tmp_path: Path) -> None:
    path = tmp_path / "ferries.html"
    path.write_text("<!-- saved from url=(0035)https://news.invalid/2026/ferries -->\n" + page(ARTICLE))
    assert import_file(path).url == "https://news.invalid/2026/ferries"
    path.write_text("<!-- saved from url=(0019)file:///etc/passwd -->\n" + page(ARTICLE))
    assert import_file(path).url is None


def test_a_standfirst_above_the_article_is_kept_but_not_menus_there(tmp_path: Path) -> None:
    """Templates put the deck in <main> above <article>; trafilatura alone would lose it."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS * 2)
    markup = page("").replace(
        "<article></article>",
        "<main><nav><h3>Most read stories this week</h3></nav>"
        "<div class='deck'><h3>Read this story in Turkish here</h3></div><h2>Ferries cancelled</h2>"
        f"<article>{body}</article></main>",
    )
    path = tmp_path / "ferries.html"
    path.write_text(markup, encoding="utf-8")
    article = import_file(path)
    assert article.text.startswith("Read this story in Turkish here\n\n")
    assert "Most read" not in article.text
    assert article.text.count(PARAGRAPHS[0]) == 2
