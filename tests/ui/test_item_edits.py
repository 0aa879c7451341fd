"""Editing and removing notes and evidence in the claim editor, undoing both, and what the history
and the lists show; a contact's outcome; web links open only on a click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from app.services import evidence, library
from app.ui.claims.item_browser import EDIT, GOES_ONLINE, REMOVE, ItemBrowser
from app.ui.main_window import MainWindow
from tests.ui.claim_editor_support import choose, open_with_claim, stored


def link_point(view: ItemBrowser, href: str) -> QPoint:
    """Where the link to `href` is drawn in the view's viewport (found in the document, not guessed)."""
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = view.textCursor()
                cursor.setPosition(fragment.position() + 1)
                return view.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} shown")


def link_tooltip(view: ItemBrowser, href: str) -> str:
    """The tooltip shown when the pointer rests on the link (the help event Qt sends on hover)."""
    point = link_point(view, href)
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    return QToolTip.text()


def test_a_note_is_edited_with_f2_and_the_history_keeps_its_earlier_wording(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.add_note(claim_id, "The port said **12** shells")
    view = window.editor.notes_view
    (note,) = stored(window, claim_id).notes
    view.notes.setFocus()
    view.notes.set_current_item(note.id)
    (band,) = view.notes.extraSelections()  # the note in hand is marked
    assert band.cursor.selectedText().startswith("Test Reviewer")
    qtbot.keyClick(view.notes, Qt.Key.Key_F2)
    assert view.editing() == note.id
    assert view.note_input.toPlainText() == "The port said **12** shells"
    view.note_input.selectAll()
    qtbot.keyClicks(view.note_input, "The port said **14** shells")
    qtbot.keyClick(view.note_input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    claim = stored(window, claim_id)
    assert [n.body for n in claim.notes] == ["The port said **14** shells"]
    assert claim.notes[0].replaces_id == note.id
    assert view.editing() is None and view.note_input.toPlainText() == ""
    assert "14 shells" in view.notes.toPlainText() and "edited" in view.notes.toPlainText()
    history = window.editor.history.toPlainText()
    assert "Note edited" in history and "The port said **12** shells" in history

    window.actions.stack.undo()
    assert [n.body for n in stored(window, claim_id).notes] == ["The port said **12** shells"]
    assert "12 shells" in view.notes.toPlainText()
    assert "Note edit undone" in window.editor.history.toPlainText()
    window.actions.stack.redo()
    assert [n.body for n in stored(window, claim_id).notes] == ["The port said **14** shells"]


def test_editing_a_note_keeps_a_new_note_being_written_and_esc_cancels(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.add_note(claim_id, "Older note")
    view = window.editor.notes_view
    view.note_input.setPlainText("half a new note")
    (note,) = stored(window, claim_id).notes
    view.notes.anchorClicked.emit(QUrl(f"{EDIT}:{note.id}"))  # the note's Edit link
    assert view.note_input.toPlainText() == "Older note"
    assert view.draft_text() == "half a new note", "the draft kept is the new note, not the edit"
    qtbot.keyClick(view.note_input, Qt.Key.Key_Escape)
    assert view.editing() is None and view.note_input.toPlainText() == "half a new note"
    assert [n.body for n in stored(window, claim_id).notes] == ["Older note"]


def test_delete_removes_a_note_without_asking_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.add_note(claim_id, "Keep me")
    window.actions.add_note(claim_id, "Remove me")
    view = window.editor.notes_view
    remove_me = stored(window, claim_id).notes[1]
    view.notes.setFocus()
    view.notes.set_current_item(remove_me.id)
    qtbot.keyClick(view.notes, Qt.Key.Key_Delete)  # no dialog: the guard would fail the test

    assert [n.body for n in stored(window, claim_id).notes] == ["Keep me"]
    assert "Note removed" in window.editor.history.toPlainText()
    assert view.undo_notice.isVisibleTo(view) and "Undo" in view.undo_notice.text()
    view.undo_notice.linkActivated.emit("undo")
    assert [n.body for n in stored(window, claim_id).notes] == ["Keep me", "Remove me"]
    assert not view.undo_notice.isVisibleTo(view)
    window.actions.stack.redo()
    assert [n.body for n in stored(window, claim_id).notes] == ["Keep me"]


def test_evidence_is_edited_from_its_link_and_removed_from_its_context_menu(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.add_evidence(claim_id, "link", url="https://port.example/log", note="daily log")
    window.actions.add_evidence(claim_id, "person", name="Ana Silva", how="phone", outcome="no answer")
    listing, form = window.editor.evidence_list, window.editor.evidence_form
    link, person = stored(window, claim_id).evidence
    window.editor.start_evidence()

    qtbot.mouseClick(
        listing.viewport(), Qt.MouseButton.LeftButton, pos=link_point(listing, f"{EDIT}:{person.id}")
    )
    assert form.editing() == person and form.kind() == "person" and not form.kind_box.isEnabled()
    assert form.person_name.text() == "Ana Silva" and form.person_outcome.currentData() == "no answer"
    form.person_outcome.setCurrentIndex(form.person_outcome.findData("reached"))
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    now = stored(window, claim_id).evidence
    assert [(e.reference, e.outcome) for e in now] == [
        ("https://port.example/log", None),
        ("Ana Silva", "reached"),
    ], "the edited item keeps its place"
    assert form.editing() is None and form.add_button.text() == "Add evidence"
    history = window.editor.history.toPlainText()
    assert "Evidence edited" in history and "no answer" in history

    menu = listing.item_menu(link_point(listing, f"{REMOVE}:{link.id}"))
    (remove,) = [a for a in menu.actions() if a.text() == "Remove"]
    remove.trigger()
    assert [e.reference for e in stored(window, claim_id).evidence] == ["Ana Silva"]
    assert form.undo_notice.isVisibleTo(form)
    assert "Evidence removed" in window.editor.history.toPlainText()
    window.actions.stack.undo()
    assert len(stored(window, claim_id).evidence) == 2
    window.actions.stack.undo()  # the edit
    assert stored(window, claim_id).evidence[1].outcome == "no answer"


def test_enter_on_an_evidence_item_edits_it(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.add_evidence(claim_id, "link", url="https://port.example/log")
    listing, form = window.editor.evidence_list, window.editor.evidence_form
    (item,) = stored(window, claim_id).evidence
    window.editor.start_evidence()
    listing.setFocus()
    listing.set_current_item(item.id)
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert form.editing() == item and form.url.text() == "https://port.example/log"
    form.url.setText("https://port.example/log?day=3")
    qtbot.keyClick(form.url, Qt.Key.Key_Return)
    (edited,) = stored(window, claim_id).evidence
    assert (edited.reference, edited.replaces_id) == ("https://port.example/log?day=3", item.id)


def test_the_outcome_of_a_call_is_saved_and_shown(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    window.editor.start_evidence()
    choose(form.kind_box, "person")
    qtbot.keyClicks(form.person_name, "Ana Silva")
    form.person_outcome.setCurrentIndex(form.person_outcome.findData("declined to comment"))
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    (item,) = stored(window, claim_id).evidence
    assert item.outcome == "declined to comment"
    assert "declined to comment" in window.editor.evidence_list.toPlainText()
    assert form.person_outcome.currentData() == "", "the next person starts with no outcome said"


class UrlCatcher(QObject):
    """Stands in for the system browser: records the URLs the desktop was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_a_link_goes_online_only_when_clicked(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    catcher = UrlCatcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "catch")
    try:
        window.actions.add_note(
            claim_id, "See [the notice](https://port.example/notice) and <https://x.example/>"
        )
        window.actions.add_evidence(claim_id, "link", url="https://port.example/log")
        notes, listing = window.editor.notes, window.editor.evidence_list
        window.editor.tabs.setCurrentIndex(1)
        qtbot.mouseMove(notes.viewport(), link_point(notes, "https://port.example/notice"))
        qtbot.wait(50)
        assert catcher.opened == [], "shown and hovered: nothing opened"
        assert GOES_ONLINE in link_tooltip(notes, "https://port.example/notice")
        assert "\u2197" in notes.toPlainText(), "a link that goes online is marked"

        qtbot.mouseClick(
            notes.viewport(), Qt.MouseButton.LeftButton, pos=link_point(notes, "https://port.example/notice")
        )
        assert catcher.opened == ["https://port.example/notice"]

        window.editor.tabs.setCurrentIndex(2)
        assert GOES_ONLINE in link_tooltip(listing, "https://port.example/log")
        assert catcher.opened == ["https://port.example/notice"]
        qtbot.mouseClick(
            listing.viewport(), Qt.MouseButton.LeftButton, pos=link_point(listing, "https://port.example/log")
        )
        assert catcher.opened == ["https://port.example/notice", "https://port.example/log"]
    finally:
        for scheme in ("http", "https"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_a_javascript_or_file_link_in_a_note_is_never_opened(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    try:
        window.actions.add_note(claim_id, "[local](file:///etc/passwd)")
        window.editor.notes.anchorClicked.emit(QUrl("file:///etc/passwd"))
        assert catcher.opened == []
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_a_removed_document_survives_until_the_trash_is_emptied(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    document = tmp_path / "survey.pdf"
    document.write_bytes(b"%PDF-1.4 survey")
    claim_id = open_with_claim(window, article_file)
    window.actions.add_evidence(claim_id, "document", path=str(document))
    (item,) = stored(window, claim_id).evidence
    copy = evidence.attachments_dir(window.db).parent / str(item.stored_path)
    window.editor.evidence_list.removeRequested.emit(item.id)
    assert stored(window, claim_id).evidence == () and copy.is_file()
    window.actions.stack.undo()
    assert "open the kept copy" in window.editor.evidence_list.toPlainText()
    window.editor.evidence_list.editRequested.emit(item.id)
    form = window.editor.evidence_form
    assert form.document_path.isReadOnly() and not form.choose_button.isEnabled()
    form.document_note.setText("the navy's survey")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    (edited,) = stored(window, claim_id).evidence
    assert (edited.note, edited.stored_path, edited.sha256) == (
        "the navy's survey",
        item.stored_path,
        item.sha256,
    )
    window.editor.evidence_list.removeRequested.emit(edited.id)
    assert copy.is_file(), "only removed rows name it now: it stays until the trash is emptied"
    library.empty_trash(window.db)
    assert not copy.exists()
    assert [e.reference for e in stored(window, claim_id).removed_evidence] == ["survey.pdf", "survey.pdf"]
