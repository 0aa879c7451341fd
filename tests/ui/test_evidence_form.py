"""Evidence of each kind through the editor's form; documents kept with their sha256; tags; undo."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from app.config import files_dir
from app.ui.claims.evidence_list import COPY_DIGEST, OPEN_DOCUMENT
from app.ui.main_window import MainWindow
from tests.ui.claim_editor_support import choose, open_with_claim, stored


def add_button_click(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.editor.evidence_form.add_button, Qt.MouseButton.LeftButton)


def test_a_link_with_title_and_note(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    window.editor.start_evidence()
    choose(form.kind_box, "link")
    qtbot.keyClicks(form.url, "https://port.example/log")
    qtbot.keyClicks(form.link_title, "Port log")
    qtbot.keyClicks(form.link_note, "closures by day")
    add_button_click(qtbot, window)
    (item,) = stored(window, claim_id).evidence
    assert (item.kind, item.reference, item.author) == ("url", "https://port.example/log", "Test Reviewer")
    assert "Port log" in item.note and "closures by day" in item.note
    assert form.url.text() == ""
    assert "https://port.example/log" in window.editor.evidence_list.toPlainText()
    assert window.editor.tabs.tabText(2) == "Evidence (1)"


def test_a_link_without_its_address_is_refused_inline(
    qtbot: QtBot, window: MainWindow, article_file: Path, errors: list[str]
) -> None:
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    window.editor.start_evidence()
    qtbot.keyClicks(form.link_title, "a title alone")
    add_button_click(qtbot, window)
    assert stored(window, claim_id).evidence == ()
    assert form.problem.isVisible() and "URL" in form.problem.text()
    assert form.url.hasFocus()
    assert errors == []


def test_a_document_is_copied_with_its_sha256_and_opens_on_click(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "Port log.PDF"
    original.write_bytes(b"%PDF-1.4 closures: Monday 14 shells")
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    choose(form.kind_box, "document")
    form.document_path.setText(str(original))
    qtbot.keyClicks(form.document_note, "the port's own log")
    add_button_click(qtbot, window)
    (item,) = stored(window, claim_id).evidence
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    assert (item.kind, item.reference, item.sha256) == ("document", "Port log.PDF", digest)
    assert item.stored_path is not None
    kept = files_dir(window.db.path) / item.stored_path
    assert kept.read_bytes() == original.read_bytes()
    original.unlink()  # the copy is the evidence now
    listing = window.editor.evidence_list
    assert " ".join(digest[i : i + 16] for i in range(0, 64, 16)) in listing.toPlainText()
    listing.anchorClicked.emit(QUrl(f"{COPY_DIGEST}:{item.id}"))
    assert QGuiApplication.clipboard().text() == digest
    assert "open the kept copy" in listing.toPlainText()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert opened == []  # nothing opens by itself
    listing.anchorClicked.emit(QUrl(f"{OPEN_DOCUMENT}:{item.id}"))
    assert [u.toLocalFile() for u in opened] == [str(kept.resolve())]


def test_a_missing_file_is_refused_inline(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    choose(form.kind_box, "document")
    form.document_path.setText("/nowhere/at/all.pdf")
    add_button_click(qtbot, window)
    assert stored(window, claim_id).evidence == ()
    assert "Choose a file" in form.problem.text()


def test_a_person_contacted(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    choose(form.kind_box, "person")
    qtbot.keyClicks(form.person_name, "Mira Holm")
    qtbot.keyClicks(form.person_role, "harbour master")
    form.person_how.setCurrentText("phone")
    when = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    form.person_when.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))
    qtbot.keyClicks(form.person_note, "confirms the halt, not the shells")
    qtbot.keyClick(form.person_note, Qt.Key.Key_Return)
    (item,) = stored(window, claim_id).evidence
    assert (item.kind, item.reference, item.role, item.contact_method) == (
        "person",
        "Mira Holm",
        "harbour master",
        "phone",
    )
    assert item.contacted_at == when
    assert item.note == "confirms the halt, not the shells"
    shown = window.editor.evidence_list.toPlainText()
    assert "Mira Holm, harbour master" in shown and "phone" in shown


def test_undo_removes_the_evidence(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    qtbot.keyClicks(form.url, "https://port.example/log")
    qtbot.keyClick(form.url, Qt.Key.Key_Return)
    assert len(stored(window, claim_id).evidence) == 1
    window.actions.stack.undo()
    assert stored(window, claim_id).evidence == ()
    assert "No evidence yet" in window.editor.evidence_list.toPlainText()


def test_tags_complete_from_existing_ones_and_undo(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    first = open_with_claim(window, article_file, row=0)
    window.actions.set_tags(first, ["ferries", "casualty figures"])
    second = window.claim_model.claim_at(1).id
    window.choose_claim(second)
    tags = window.editor.tag_editor
    tags.setFocus()
    qtbot.keyClicks(tags, "harbour, fer")
    popup = tags.completer_.popup()
    assert popup is not None and popup.isVisible()
    offered = [tags.completer_.completionModel().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert offered == ["ferries"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "harbour, ferries, "
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    assert stored(window, second).tags == ("ferries", "harbour")
    window.actions.stack.undo()
    assert stored(window, second).tags == ()
    assert tags.text() == ""


def test_a_kept_copy_changed_since_it_was_attached_is_not_opened(
    qtbot: QtBot,
    window: MainWindow,
    article_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    original = tmp_path / "log.pdf"
    original.write_bytes(b"%PDF-1.4 the log")
    claim_id = open_with_claim(window, article_file)
    form = window.editor.evidence_form
    choose(form.kind_box, "document")
    form.document_path.setText(str(original))
    add_button_click(qtbot, window)
    (item,) = stored(window, claim_id).evidence
    assert item.stored_path is not None
    (files_dir(window.db.path) / item.stored_path).write_bytes(b"%PDF-1.4 someone else's log")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.editor.evidence_list.anchorClicked.emit(QUrl(f"{OPEN_DOCUMENT}:{item.id}"))
    assert opened == []
    assert errors and "no longer matches" in errors[0]
