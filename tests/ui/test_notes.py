"""Notes in Markdown: rendered, never executing raw HTML, never loading anything; undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.markdown_render import OfflineTextBrowser, render_markdown
from tests.ui.claim_editor_support import open_with_claim, stored


def test_raw_html_in_markdown_comes_out_escaped() -> None:
    html = render_markdown("**bold** <script>alert(1)</script> <b onclick='x()'>hi</b>")
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "<b onclick" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_note_is_saved_with_ctrl_enter_and_shown_rendered(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    editor.start_note()
    editor.note_input.setPlainText("Asked the **port authority**:\n\n- log requested\n\n<i>not italic</i>")
    qtbot.keyClick(editor.note_input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = stored(window, claim_id).notes
    assert [n.body for n in notes] == [
        "Asked the **port authority**:\n\n- log requested\n\n<i>not italic</i>"
    ]
    assert editor.note_input.toPlainText() == ""
    shown = editor.notes.toPlainText()
    assert "port authority" in shown and "**" not in shown  # Markdown rendered, not shown raw
    assert "<i>not italic</i>" in shown  # raw HTML is text, not markup
    assert "Test Reviewer" in shown
    assert editor.notes.document().toHtml().count("font-style:italic") == 0
    assert "font-weight" in editor.notes.document().toHtml()  # the bold came through
    assert editor.tabs.tabText(1) == "Notes (1)"


def test_preview_shows_the_note_as_it_will_look(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    open_with_claim(window, article_file)
    view = window.editor.notes_view
    window.editor.start_note()
    qtbot.keyClicks(view.note_input, "**Port** <b>log</b>")
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    assert view.writing.currentWidget() is view.preview
    assert view.preview.toPlainText().strip() == "Port <b>log</b>"
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    assert view.writing.currentWidget() is view.note_input
    assert view.note_input.toPlainText() == "**Port** <b>log</b>"


def test_an_empty_note_is_not_saved(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    window.editor.note_input.setPlainText("   \n ")
    qtbot.mouseClick(window.editor.add_note_button, Qt.MouseButton.LeftButton)
    assert stored(window, claim_id).notes == ()


def test_images_and_links_in_a_note_are_never_loaded(
    window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "tracker.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(picture))
    claim_id = open_with_claim(window, article_file)
    body = f"![local]({picture}) ![web](https://example.org/t.png) [site](https://example.org)"
    window.actions.add_note(claim_id, body)
    browser = window.editor.notes
    window.editor.start_note()
    assert browser.document().size().height() > 0  # laid out: any image would have been asked for
    shown = browser.toPlainText()
    assert "[image: local" in shown and "[image: web — https://example.org/t.png]" in shown
    assert browser.refused == []
    assert not browser.openLinks() and not browser.openExternalLinks()


def test_the_browser_itself_reads_no_local_file(qtbot: QtBot, tmp_path: Path) -> None:
    """Even HTML with an <img> (none reaches it from notes) gets a blank, not the file."""
    picture = tmp_path / "secret.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(picture))
    browser = OfflineTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(f"<p>x<img src='{picture}'></p>")
    browser.document().setTextWidth(300)  # lay it out: images are asked for then
    assert browser.document().size().height() > 0
    assert browser.refused == [str(picture)]
    loaded = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(str(picture)))
    assert isinstance(loaded, QImage) and loaded.size() != image.size()


def test_undo_removes_the_note(window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.add_note(claim_id, "first *draft*")
    assert "first draft" in window.editor.notes.toPlainText()
    window.actions.stack.undo()
    assert stored(window, claim_id).notes == ()
    assert "first draft" not in window.editor.notes.toPlainText()
    assert "No notes yet" in window.editor.notes.toPlainText()
