"""Mutated .docx zips and XML soup: an article or one clear error, never a crash or a hang."""

from __future__ import annotations

from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ, accepting
from tests.fuzz.strategies import hostile_text
from tests.importers.test_docx import PARTS, document, make_docx
from tests.importers.test_pdf_fuzz import check, mutated

BASE = make_docx(PARTS)
# Pieces of WordprocessingML, to be strung together in any order (so: often badly nested).
_XML = (
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:tab/>",
    "<w:br/>",
    "<w:noBreakHyphen/>",
    '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>',
    "<mc:AlternateContent><mc:Fallback>",
    "</mc:Fallback></mc:AlternateContent>",
    "<w:txbxContent>",
    "</w:txbxContent>",
    "<w:delText>gone</w:delText>",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&undefined;",
    "<![CDATA[<w:t>]]>",
    "<!-- comment -->",
    "<?pi x?>",
)


# Shares of inputs that must import (measured: 15% of mutated zips, 47% of XML soup).
SHARE_MUTATED, SHARE_SOUP = 0.05, 0.2


@FUZZ
@given(data=st.data())
def _mutated_zip(data: st.DataObject) -> None:
    check(data.draw(mutated(BASE)), ".docx", "import_file (.docx, mutated zip)")


def test_mutated_docx_zips() -> None:
    with accepting(SHARE_MUTATED):
        _mutated_zip()


_RUN_PIECES = ("<w:tab/>", "<w:br/>", "<w:noBreakHyphen/>", "<w:delText>gone</w:delText>", "<w:t/>")
_STYLES = ("", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')


def _xml_chars(text: str) -> str:
    """Hostile text less what XML 1.0 cannot hold at all (that is the soup's business)."""
    legal = ("\x20", "\ud7ff"), ("\ue000", "\ufffd"), ("\U00010000", "\U0010ffff")
    return "".join(ch for ch in text if ch in "\t\n\r" or any(a <= ch <= b for a, b in legal))


_TEXT = hostile_text(max_pieces=4).map(lambda t: f'<w:t xml:space="preserve">{escape(_xml_chars(t))}</w:t>')
_RUN = st.lists(st.sampled_from(_RUN_PIECES) | _TEXT, max_size=4).map(lambda p: f"<w:r>{''.join(p)}</w:r>")
_PARAGRAPH = st.tuples(st.sampled_from(_STYLES), st.lists(_RUN, max_size=4)).map(
    lambda p: f"<w:p>{p[0]}{''.join(p[1])}</w:p>"
)
# Soup: any string of Word elements and text, mostly badly nested (refused at the XML parser).
# Nested: well-formed paragraphs of odd runs, which reach the text extraction.
_SOUP = st.lists(st.sampled_from(_XML) | hostile_text(max_pieces=4).map(lambda t: escape(t)), max_size=60)
_NESTED = st.lists(_PARAGRAPH, max_size=8)


@FUZZ
@given(pieces=_SOUP | _NESTED)
def _xml_soup(pieces: list[str]) -> None:
    xml = document("".join(pieces)).encode("utf-8", errors="surrogatepass")
    check(make_docx(dict(PARTS, **{"word/document.xml": xml})), ".docx", "import_file (.docx, XML soup)")


def test_word_xml_soup() -> None:
    """Word XML, badly nested or well-nested around odd runs, inside a well-formed zip."""
    with accepting(SHARE_SOUP):
        _xml_soup()
