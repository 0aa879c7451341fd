"""Files come in the usual ways: dropped (files, folders, links), from the last folder, from File > Recent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from app.ui import file_places
from app.ui.dialogs.fetch_dialog import FetchDialog
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.fuzz.network_guard import no_network  # noqa: F401 (a fixture)


def _story(path: Path, headline: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = f"The mayor said {len(headline)} buses were late on Monday."
    path.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return path


def _drop(window: MainWindow, mime: QMimeData) -> bool:
    """Drag over the window, then drop (as Qt delivers a real drag): whether the drag was accepted."""
    actions = Qt.DropAction.CopyAction
    button, no_keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(window.rect().center(), actions, mime, button, no_keys)
    window.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(window.rect().center()), actions, mime, button, no_keys)
    window.dropEvent(drop)
    return True


def _wait_for_import(qtbot: QtBot, window: MainWindow) -> None:
    """The import the window just started (on a worker) has reported back."""
    job = window.library.job
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_a_dropped_file_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = _story(tmp_path / "in" / "ferries.txt", "Ferries cancelled again")
    assert _drop(window, _files(path))
    _wait_for_import(qtbot, window)
    assert window.article is not None and window.article.title == "Ferries cancelled again"
    assert file_places.recent_files()[0] == str(path)
    assert file_places.start_folder() == str(path.parent)


def test_a_dropped_folder_imports_what_is_inside_at_any_depth(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "desk"
    _story(folder / "one.txt", "First story here")
    _story(folder / "deeper" / "two.md", "Second story here")
    _story(folder / "deeper" / "still" / "three.txt", "Third story here")
    (folder / "deeper" / "photo.jpg").write_bytes(b"\xff\xd8 not an article")
    assert _drop(window, _files(folder))
    _wait_for_import(qtbot, window)
    assert window.statusBar().currentMessage().startswith("3 imported")
    assert window.library.pane.row_count() == 3


def test_a_dropped_link_offers_fetch_and_goes_nowhere_by_itself(
    qtbot: QtBot, window: MainWindow, no_network: list[str]  # noqa: F811
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://news.example/story?id=4")])
    assert _drop(window, mime)
    dialog = window.findChild(FetchDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.url.text() == "https://news.example/story?id=4" and dialog.worker is None
    qtbot.wait(50)
    assert no_network == []
    dialog.reject()
    text_only = QMimeData()
    text_only.setText("  https://news.example/other  ")  # a browser that gives the address as text
    assert _drop(window, text_only)
    assert any(d.url.text() == "https://news.example/other" for d in window.findChildren(FetchDialog))


def test_plain_text_dragged_in_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("some words from somewhere")
    assert not _drop(window, mime)


def test_dialogs_open_in_the_last_folder_used(
    window: MainWindow, tmp_path: Path, dialogs: DialogGuard, qtbot: QtBot
) -> None:
    first = _story(tmp_path / "a" / "one.txt", "First story here")
    seen: list[str] = []

    def answer(*args: Any) -> tuple[str, str]:
        seen.append(str(args[2]))  # (parent, caption, dir, filter)
        return (str(first), "") if len(seen) == 1 else ("", "")

    dialogs.expect("QFileDialog.getOpenFileName", answer, answer)
    window.open_dialog()
    _wait_for_import(qtbot, window)
    window.open_dialog()
    assert seen == [str(Path.home()), str(first.parent)]
    first.parent.rename(tmp_path / "gone")  # a folder that went: the home folder again
    assert file_places.start_folder() == str(Path.home())


def test_file_recent_lists_the_last_ten_and_greys_out_missing_ones(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: DialogGuard
) -> None:
    paths = [_story(tmp_path / f"s{i}.txt", f"Story number {i} here") for i in range(12)]
    for path in paths:
        file_places.add_recent(path)
    file_places.add_recent(paths[3])  # opened again: first, once
    window.fill_recent_menu()
    entries = [a for a in window.recent_menu.actions() if not a.isSeparator()]
    names = [a.text() for a in entries[:10]]
    assert names[0] == "s3.txt" and names[1] == "s11.txt" and len(set(names)) == 10
    assert "s0.txt" not in names and "s1.txt" not in names
    paths[11].unlink()
    window.fill_recent_menu()
    missing = next(a for a in window.recent_menu.actions() if a.text().startswith("s11.txt"))
    assert not missing.isEnabled() and "(missing)" in missing.text()
    remove = next(a for a in window.recent_menu.actions() if a.text().startswith("Remove the missing"))
    remove.trigger()
    assert str(paths[11]) not in file_places.recent_files()
    window.fill_recent_menu()
    opening = next(a for a in window.recent_menu.actions() if a.text() == "s3.txt")
    opening.trigger()
    _wait_for_import(qtbot, window)
    assert window.article is not None and window.article.title == "Story number 3 here"


def test_a_recent_file_gone_since_the_menu_opened_says_so(
    window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    path = _story(tmp_path / "s.txt", "Story here now")
    file_places.add_recent(path)
    path.unlink()
    window.open_recent(str(path))
    assert errors and "no longer there" in errors[0]
    assert file_places.recent_files() == []


def test_a_file_opened_at_start_up_is_recent_too(window: MainWindow, tmp_path: Path) -> None:
    path = _story(tmp_path / "given.txt", "Story given at start")
    assert window.open_file(path)
    assert file_places.recent_files() == [str(path)]
