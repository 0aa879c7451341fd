"""Mutated .docx zips and XML soup: an article or one clear error, never a crash or a hang."""

from __future__ import annotations

from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ
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


@FUZZ
@given(data=st.data())
def test_mutated_docx_zips(data: st.DataObject) -> None:
    check(data.draw(mutated(BASE)), ".docx", "import_file (.docx, mutated zip)")


@FUZZ
@given(
    pieces=st.lists(st.sampled_from(_XML) | hostile_text(max_pieces=4).map(lambda t: escape(t)), max_size=60)
)
def test_word_xml_soup(pieces: list[str]) -> None:
    """Any string of Word elements and text inside a well-formed zip."""
    xml = document("".join(pieces)).encode("utf-8", errors="surrogatepass")
    check(make_docx(dict(PARTS, **{"word/document.xml": xml})), ".docx", "import_file (.docx, XML soup)")
