"""The window in Ukrainian (issue 17): every visible string is translated, and the memo follows.

Three nets, each catching what the others can't: lupdate's view of the code (a string put through
`translate` with no finished Ukrainian), a walk over a real window in Ukrainian (a string never put
through `translate` at all), and the memo read back from its PDF.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.claims import KINDS
from app.domain.contacts import CONTACT_OUTCOMES
from app.domain.statuses import STATUSES
from app.preferences import account_name
from app.services import articles, reports
from app.storage.database import Database
from app.ui import translation
from app.ui.main_window import MainWindow
from app.ui.settings import LANGUAGE

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "claimdesk_uk.ts"
QM = TS.with_suffix(".qm")
# Said the same in a Ukrainian window: names of programs, formats and keys, and Latin letters of codes.
KEPT_IN_LATIN = re.compile(
    r"Claimdesk|ClaimReview|Claim&Review|Markdown|Zotero|Pandoc|Hypothesis|CSL-JSON|JSON-LD|JSON|W3C Web "
    r"Annotations|MHTML|HTML|PDF|Word|CSV|RIS|SHA-256|URL|https?://\S*|Qt|Letter|A4|Ctrl\+\S+|Shift\+\S+|"
    r"Alt\+\S+|Enter|Esc|Delete|F\d+|pl, de|\*\.\w+|English|[\w.-]+\.(?:txt|md|html|pdf)|/\S+|"
    r"ClaimReview's url|\burl\b|"
    # newsroom mode: the server's product, its example host, the command, PostgreSQL's own sslmode names
    r"PostgreSQL|news\.example\.org|claimdesk\b.*|CA|\.pem|\((?:disable|prefer|require|verify-full)\)"
)
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# An article of our own, in Ukrainian: a source in a speech frame, a hedge, a caveat, figures.
STATTIA = (
    "Земснаряд зупинили в північній гавані\n\n"
    "Роботи в північній гавані зупинили в понеділок, повідомила адміністрація порту.\n\n"
    "За словами речника адміністрації, водолази знайшли на дні 14 снарядів.\n\n"
    "Рибалки нібито бачили водолазів у цьому районі ще за кілька тижнів до зупинки.\n\n"
    "Редакції не вдалося незалежно перевірити ці дані.\n"
)


@pytest.fixture
def ukrainian(qapp: QCoreApplication) -> Iterator[None]:
    """The window's language set to Ukrainian for one test, English again after it."""
    if not QM.is_file():
        pytest.fail(f"{QM.name} is not built: run scripts/setup (or scripts/translations build)")
    assert translation.install(translation.UKRAINIAN)
    yield
    translation.install(translation.ENGLISH)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _marks(text: str) -> list[str]:
    """What a translation must keep: placeholders and the access-key mark."""
    return sorted(re.findall(r"\{\w*\}|%\d|&(?!&)", text))


def test_every_string_the_code_translates_has_a_finished_ukrainian_translation(tmp_path: Path) -> None:
    """lupdate reads the code afresh (keeping the shipped translations): a string added or changed
    in the code without its Ukrainian comes out unfinished, and fails here by name."""
    fresh = tmp_path / "claimdesk_uk.ts"
    subprocess.run(
        ["bash", str(REPO / "scripts" / "translations"), "extract", str(fresh), str(TS)], check=True
    )
    found = _messages(fresh)
    assert len(found) > 500  # the whole window, not an empty extraction
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in found
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []
    shipped = {(c, s) for c, s, _m in _messages(TS)}
    assert shipped == {(c, s) for c, s, _m in found}, "run scripts/translations update: the .ts is stale"


def test_translations_keep_placeholders_and_access_keys() -> None:
    wrong = [
        f"{context}: {source!r} -> {message.findtext('translation')!r}"
        for context, source, message in _messages(TS)
        if _marks(source) != _marks(message.findtext("translation") or "")
    ]
    assert wrong == []


def test_the_vocabularies_shown_in_the_window_are_all_marked_for_translation() -> None:
    """Statuses, kinds and call outcomes come from the domain, which knows no Qt: their lists in
    app/ui/translation.py must name every one of them."""
    assert tuple(s.label for s in STATUSES) == translation.STATUS_NAMES
    assert translation.KIND_NAMES == translation.KIND_SHORT_NAMES == KINDS
    assert translation.OUTCOME_NAMES == CONTACT_OUTCOMES


def test_the_built_qm_is_the_ts_compiled(tmp_path: Path) -> None:
    """The .qm the app loads is made from the .ts (scripts/setup builds it; it is not in git)."""
    fresh = tmp_path / "claimdesk_uk.qm"
    subprocess.run(
        [str(REPO / ".venv" / "bin" / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True
    )
    assert QM.is_file(), "run scripts/setup (or scripts/translations build)"
    assert QM.read_bytes() == fresh.read_bytes(), (
        "the .qm is older than the .ts: run scripts/translations build"
    )


def test_the_language_follows_the_system_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("uk_UA")))
    assert translation.ui_language() == "uk"
    LANGUAGE.write("en")
    assert translation.ui_language() == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    LANGUAGE.write("system")
    assert translation.ui_language() == "en"  # no German shipped
    LANGUAGE.write("uk")
    assert translation.ui_language() == "uk"


def _open_stattia(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "stattia.txt"
    path.write_text(STATTIA, encoding="utf-8")
    assert window.open_file(path)
    window.finish_building()  # the editor and the library column, as after the first paint


def _menu_texts(menu: QMenu) -> Iterator[str]:
    menu.aboutToShow.emit()  # menus filled when opened (recent files, the claim's menu)
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action.text()
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_texts(submenu)


def _widget_texts(root: QWidget) -> Iterator[str]:
    for widget in [root, *root.findChildren(QWidget)]:
        yield widget.toolTip()
        yield widget.accessibleName()
        if isinstance(widget, QLabel) and widget.objectName() != "articleHeading":
            yield widget.text()
        elif isinstance(widget, QAbstractButton | QGroupBox):
            yield widget.text() if isinstance(widget, QAbstractButton) else widget.title()
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            yield from (widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(_count(model.columnCount)):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    yield str(model.headerData(column, Qt.Orientation.Horizontal, role) or "")
                for row in range(min(_count(model.rowCount), 5)):
                    index = model.index(row, column)
                    yield str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                    yield str(index.data(Qt.ItemDataRole.ToolTipRole) or "")


def _count(counter: Callable[..., int]) -> int:
    """A model's rows or columns (ours take a parent; a QListWidget's model hides its column count)."""
    try:
        return counter(QModelIndex())
    except TypeError:
        return 1


def _english_left(texts: Iterator[str]) -> list[str]:
    left = []
    for text in texts:
        bare = re.sub(r"<[^>]+>|&#?\w+;", " ", text).replace("&", "")  # markup and entities aside
        bare = bare.replace(account_name(), " ") if account_name() else bare  # the login, as written
        if ENGLISH_WORD.search(KEPT_IN_LATIN.sub(" ", bare)):
            left.append(text)
    return sorted(set(left))


def test_the_window_in_ukrainian_has_ukrainian_menus(
    qtbot: QtBot, db: Database, ukrainian: None, tmp_path: Path
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    _open_stattia(window, tmp_path)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Файл", "&Правка", "&Стаття", "&Вигляд", "&Твердження", "&Довідка"]
    language = next(a.menu() for a in window.view_menu.actions() if a.menu() and "Мова" in a.text())
    assert isinstance(language, QMenu)
    assert [a.text() for a in language.actions()] == ["&Системна", "English", "Українська"]
    assert _english_left(t for menu in window.menuBar().findChildren(QMenu) for t in _menu_texts(menu)) == []


def test_qt_own_words_are_ukrainian_too(qtbot: QtBot, ukrainian: None) -> None:
    """Qt's buttons and dialogs come from qtbase_uk.qm, shipped with PySide6."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Закрити", "Скасувати"]


def test_no_english_is_left_in_the_window_in_ukrainian(
    qtbot: QtBot, db: Database, ukrainian: None, tmp_path: Path
) -> None:
    """Every label, button, tooltip, placeholder, choice and column of the window with a Ukrainian
    article open: a string never put through `translate` shows up here in English."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    _open_stattia(window, tmp_path)
    window.choose_claim(window.article.claims[0].id)  # type: ignore[union-attr]
    window.show()
    qtbot.waitExposed(window)
    assert _english_left(_widget_texts(window)) == []


def test_the_memo_in_ukrainian_has_ukrainian_headings(
    db: Database, tmp_path: Path, qapp: QCoreApplication
) -> None:
    path = tmp_path / "stattia.txt"
    path.write_text(STATTIA, encoding="utf-8")
    article_id = articles.import_path(db, path).article_id

    def memo_text(name: str) -> str:
        out = reports.export_pdf(db, article_id, tmp_path / name)
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)

    assert translation.install(translation.UKRAINIAN)
    try:
        ukrainian = memo_text("uk.pdf")
    finally:
        translation.install(translation.ENGLISH)
    english = memo_text("en.pdf")
    for heading in (
        "ДОВІДКА ПРО ПЕРЕВІРКУ",
        "Підсумок",
        "Коротко",
        "Твердження",
        "Не розглянуто",
        "Сторінка 1 з",
    ):
        assert heading in ukrainian
    for heading in ("VERIFICATION MEMO", "Summary", "At a glance", "Claims", "Unreviewed", "Page 1 of"):
        assert heading not in ukrainian
        assert heading in english  # the same memo, without the translator: English as written


def test_no_english_is_left_in_the_dialogs_in_ukrainian(
    qtbot: QtBot, db: Database, ukrainian: None, tmp_path: Path
) -> None:
    """The memo, preferences, properties, backups, fetch and reason dialogs, built in Ukrainian."""
    from app.services import safety
    from app.ui.dialogs.backups_dialog import BackupsDialog
    from app.ui.dialogs.fetch_dialog import FetchDialog
    from app.ui.dialogs.memo_dialog import MemoDialog
    from app.ui.dialogs.preferences_dialog import PreferencesDialog
    from app.ui.dialogs.reason_dialog import ReasonDialog

    window = MainWindow(db)
    qtbot.addWidget(window)
    _open_stattia(window, tmp_path)
    assert window.article is not None
    safety.back_up(db.path)  # a row in the backups table, with its reason
    properties = window.properties_dialog()
    assert properties is not None
    dialogs: list[QWidget] = [
        MemoDialog(db, window.article.id, window),
        PreferencesDialog(window),
        properties,
        BackupsDialog(db.path, lambda _info: False, window),
        FetchDialog(db, window),
        ReasonDialog(window.article.claims[0], "verified", window),
    ]
    left = {type(dialog).__name__: _english_left(_widget_texts(dialog)) for dialog in dialogs}
    assert left == {type(dialog).__name__: [] for dialog in dialogs}
    properties.close()


def test_view_language_remembers_the_choice_for_the_next_start(
    qtbot: QtBot, db: Database, ukrainian: None
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    language = next(a.menu() for a in window.view_menu.actions() if a.menu() and "Мова" in a.text())
    assert isinstance(language, QMenu)
    english = next(a for a in language.actions() if a.data() == translation.ENGLISH)
    english.trigger()
    assert LANGUAGE.read() == translation.ENGLISH
    assert translation.ui_language() == translation.ENGLISH
    assert "English" in window.statusBar().currentMessage()  # said in the language chosen
    assert english.isChecked()


def test_the_import_summary_says_in_english_what_the_service_says(qapp: QCoreApplication) -> None:
    """The window words the import's summary itself (to translate it): in English it must stay the
    service's sentence, which the command line prints."""
    from app.services.articles import BatchReport
    from app.ui.library.import_jobs import import_summary

    report = BatchReport(
        imported=[1, 2], duplicates=[("a.txt", 1)], updated=[("b.txt", 2)], namesakes=[("c.txt", 3)],
        failed=[("d.pdf", "damaged")], cancelled=True,
    )  # fmt: skip
    assert import_summary(report) == report.summary()
    assert translation.install(translation.UKRAINIAN)
    try:
        assert import_summary(report).startswith("імпортовано: 2")
    finally:
        translation.install(translation.ENGLISH)
