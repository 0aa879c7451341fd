"""The layout rules on their own: hyphenation at line ends, running lines, paragraph breaks."""

from __future__ import annotations

import pytest

from app.importers.line_joining import Vocabulary, clean_line, join_lines
from app.importers.pdf_layout import Line, LineCollector, drop_running_lines, paragraphs


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["the inter-", "national routes"], "the international routes"),  # a typesetter's break
        (["were cancel-", "led on Monday"], "were cancelled on Monday"),
        (["a well-", "known captain"], "a well-known captain"),  # a compound's head
        (["a self-", "made man"], "a self-made man"),
        (["rather self-", "ish of him"], "rather selfish of him"),  # a plain suffix wins
        (["a state-of-the-", "art model"], "a state-of-the-art model"),  # already a compound
        (["the Anglo-", "Saxon king"], "the Anglo-Saxon king"),  # a capital next: a real hyphen
        (["the COVID-", "19 wards"], "the COVID-19 wards"),
        (["a soft\u00ad", "ware bug"], "a software bug"),
        (["prices rose \u2014", "sharply"], "prices rose \u2014 sharply"),  # a spaced dash
        (["prices rose\u2014", "sharply"], "prices rose\u2014sharply"),  # an unspaced one
        (["rose by 3 -", "4 per cent"], "rose by 3 - 4 per cent"),
        (["one line", "and the next"], "one line and the next"),
    ],
)
def test_line_ends(lines: list[str], joined: str) -> None:
    assert join_lines(lines, Vocabulary(lines)) == joined


def test_the_document_s_own_spelling_decides() -> None:
    body = ["Fact-checking matters.", "Our co-operation grew."]
    hyphenated = ["we do fact-", "checking daily", "and co-", "operation"]
    vocabulary = Vocabulary(body + hyphenated)
    assert join_lines(hyphenated, vocabulary) == "we do fact-checking daily and co-operation"
    vocabulary = Vocabulary(["Factchecking matters.", *hyphenated])
    assert join_lines(hyphenated[:2], vocabulary) == "we do factchecking daily"


def test_clean_line_spells_out_ligatures_and_drops_controls() -> None:
    assert clean_line("\toﬃcials\t\x00said\u00a0 ﬁgures ") == "officials said figures"


def _page(*texts: str, top: float = 800.0, step: float = 14.0, size: float = 10.0) -> list[Line]:
    return [Line(text, 50.0, top - i * step, size) for i, text in enumerate(texts)]


def test_running_headers_repeat_at_one_height_and_page_numbers_go_anywhere() -> None:
    pages = [
        [
            Line("Daily Harbour, 3 March", 50, 820, 8),
            *_page(f"The {word} page starts here."),
            Line(str(n), 300, 30, 8),
        ]
        for n, word in ((1, "first"), (2, "second"), (3, "third"))
    ]
    kept = drop_running_lines(pages)
    assert [[line.text for line in page] for page in kept] == [
        ["The first page starts here."],
        ["The second page starts here."],
        ["The third page starts here."],
    ]


def test_a_line_that_repeats_at_another_height_is_body_text() -> None:
    pages = [_page("Continued from page one", f"Text {n}.", top=800 - 40 * n) for n in (1, 2, 3)]
    assert drop_running_lines(pages) == pages


def test_a_wider_gap_an_indent_or_a_short_final_line_ends_a_paragraph() -> None:
    lines = _page("First paragraph runs over", "two lines of text here.", "", "Second one after a gap,")
    del lines[2]  # the gap stays: the next line keeps its lower position
    assert paragraphs([lines]) == [
        "First paragraph runs over two lines of text here.",
        "Second one after a gap,",
    ]
    indented = _page("A paragraph that ends here.", "x", "Another, indented, begins.")
    indented[2].x = 70.0
    del indented[1]
    indented[1].y = 786.0
    assert len(paragraphs([indented])) == 2
    short = _page(
        "A long line of running text that goes on",
        "and on until the paragraph ends in a period.",
        "Short last line.",
        "The next paragraph starts at the same spacing",
        "and carries on for a while longer than that.",
    )
    assert len(paragraphs([short])) == 2


def test_a_paragraph_runs_across_a_page_break_unless_the_page_ends_a_sentence() -> None:
    pages = [
        _page("The council said the budget", "would rise by"),
        _page("ten per cent.", "Then it adjourned."),
    ]
    assert paragraphs(pages) == ["The council said the budget would rise by ten per cent. Then it adjourned."]
    pages = [_page("The council met.", "It voted."), _page("Then it adjourned.")]
    assert paragraphs(pages) == ["The council met. It voted.", "Then it adjourned."]


def test_the_collector_joins_pieces_on_one_baseline_and_splits_on_another() -> None:
    collector = LineCollector()
    upright = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    collector("Ferry ", upright, [1, 0, 0, 1, 50, 700], None, 10)
    collector("report", upright, [1, 0, 0, 1, 80, 700], None, 10)
    collector("Page", upright, [1, 0, 0, 1, 400, 700], None, 10)  # far to the right: a gap
    collector("\n", upright, upright, None, 10)
    collector("next line", upright, [1, 0, 0, 1, 50, 686], None, 10)
    collector("", upright, upright, None, 10)
    collector("nan", upright, [1, 0, 0, 1, float("nan"), 600], None, 10)
    assert [line.text for line in collector.finish()] == ["Ferry report Page", "next line", "nan"]
