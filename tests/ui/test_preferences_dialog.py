"""Edit > Preferences (issue 16, item 11; issue 18's ClaimReview): the reviewer's name reaches
history, notes, evidence, the memo and ClaimReview; the fact-check address is ClaimReview's url;
paper, memo order and theme are remembered. Real widgets, a real settings file and database."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import preferences
from app.config import reviewer_name
from app.services import articles, claims, data_exports, evidence, reports
from app.storage.database import Database
from app.ui.dialogs.memo_dialog import MemoDialog
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.main_window import MainWindow
from app.ui.settings import FACTCHECK_URL, MEMO_ORDER, MEMO_PAPER, REVIEWER_NAME, app_settings
from app.ui.theme import DARK, is_dark, theme_controller
from tests.dialog_guard import DialogGuard
from tests.helpers import pdf_text

NAME = 'Zoë "Zo" O\'Brien, data desk'  # a comma and quotes: Qt quotes and escapes it in the file
PAGE = "https://checks.example/2026/harbour-dredging"


@pytest.fixture
def dialog(qtbot: QtBot) -> PreferencesDialog:
    widget = PreferencesDialog()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite names every reviewer through CLAIMDESK_REVIEWER; these tests need Preferences to speak."""
    monkeypatch.delenv("CLAIMDESK_REVIEWER", raising=False)


def _fill(dialog: PreferencesDialog, name: str = NAME, page: str = PAGE) -> None:
    dialog.reviewer_input.setText(name)
    dialog.url_input.setText(page)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    dialog.order_combo.setCurrentIndex(dialog.order_combo.findData("article"))


def _ok(dialog: PreferencesDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_ok_saves_every_choice_and_the_services_read_them_without_qt(
    dialog: PreferencesDialog, qtbot: QtBot
) -> None:
    _fill(dialog)
    _ok(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (REVIEWER_NAME.read(), FACTCHECK_URL.read(), MEMO_PAPER.read(), MEMO_ORDER.read()) == (
        NAME, PAGE, "letter", "article"
    )  # fmt: skip
    assert (preferences.reviewer(), preferences.factcheck_url()) == (NAME, PAGE)
    assert (preferences.memo_paper(), preferences.memo_order()) == ("letter", "article")
    assert reports.memo_paper() == "letter", "the memo's paper when none is chosen for it"


def test_cancel_saves_nothing(dialog: PreferencesDialog) -> None:
    _fill(dialog)
    dialog.reject()
    assert REVIEWER_NAME.read() == "" and preferences.reviewer() == ""
    assert preferences.memo_order() == "verdict"


@pytest.mark.parametrize(
    "value",
    ["plain", NAME, " leading space", "@at the start", "tab\tand\\backslash", "日本語の名前", "a=b; c#d", ""],
)
def test_every_string_qt_writes_reads_back_the_same_without_qt(value: str) -> None:
    store = app_settings()
    store.setValue(preferences.REVIEWER, value)
    store.sync()
    assert preferences.read(preferences.REVIEWER) == value


def test_a_fact_check_address_must_be_a_web_address(dialog: PreferencesDialog, qtbot: QtBot) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.url_input, "our site")
    assert not ok.isEnabled() and "https://" in dialog.url_hint.text()
    dialog.url_input.setText("")
    assert ok.isEnabled(), "it may stay empty"
    dialog.url_input.setText(PAGE)
    assert ok.isEnabled()


def test_the_name_reaches_history_notes_evidence_memo_and_claimreview(
    dialog: PreferencesDialog,
    qtbot: QtBot,
    db: Database,
    article_file: Path,
    tmp_path: Path,
    no_override: None,
) -> None:
    _fill(dialog)
    _ok(dialog, qtbot)
    article_id = articles.import_path(db, article_file).article_id
    claim_id = articles.load_article(db, article_id).claims[0].id
    claims.set_status(db, claim_id, "false", reason="The log shows otherwise")  # no author given: the app's
    claims.add_note(db, claim_id, "Asked the port")
    evidence.add_link(db, claim_id, "https://port.example/log")
    claim = articles.load_article(db, article_id).claims[0]
    assert claim.history[-1].author == NAME
    assert claim.notes[0].author == NAME
    assert claim.evidence[0].author == NAME
    memo = pdf_text(reports.export_pdf(db, article_id, tmp_path / "memo.pdf"))
    assert f"Reviewed by {NAME}" in memo and "root" not in memo
    out = data_exports.export_claimreview(db, article_id, tmp_path / "reviews.jsonld")
    reviews = json.loads(out.read_text("utf-8"))
    assert [r["author"] for r in reviews] == [{"@type": "Person", "name": NAME}]
    assert reviews[0]["url"] == f"{PAGE}#claim-{claim.uid}"


def test_without_a_fact_check_address_claimreview_has_no_url(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    claim_id = articles.load_article(db, article_id).claims[0].id
    claims.set_status(db, claim_id, "verified", reason="Matched the log")
    out = data_exports.export_claimreview(db, article_id, tmp_path / "reviews.jsonld")
    reviews = json.loads(out.read_text("utf-8"))
    assert reviews and all("url" not in r for r in reviews), "no page to name: no url, never a urn"
    assert "urn:uuid" not in out.read_text("utf-8")


def test_without_a_name_the_accounts_full_name_is_used(no_override: None) -> None:
    import getpass

    account = preferences.account_name()
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except ImportError:  # Windows
        gecos = ""
    assert account == (gecos or getpass.getuser())
    assert reviewer_name() == account
    REVIEWER_NAME.write("Ana Ruiz")
    QSettings.sync(app_settings())
    assert reviewer_name() == "Ana Ruiz"


def test_the_theme_chosen_is_applied(dialog: PreferencesDialog, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(DARK))
    _ok(dialog, qtbot)
    assert theme_controller().choice == DARK
    assert is_dark(QApplication.palette())
    theme_controller().apply("light")


def test_the_memo_dialog_starts_from_the_preferred_order(
    qtbot: QtBot, db: Database, article_file: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    first = MemoDialog(db, article_id)
    qtbot.addWidget(first)
    options = first.options()
    assert options is not None and options.order == "verdict"
    MEMO_ORDER.write("article")
    second = MemoDialog(db, article_id)
    qtbot.addWidget(second)
    options = second.options()
    assert options is not None and options.order == "article"


def test_edit_menu_opens_preferences(window: MainWindow, dialogs: DialogGuard, no_override: None) -> None:
    def answer(shown: PreferencesDialog) -> int:
        shown.reviewer_input.setText("Ben Okafor")
        shown.accept()
        return int(QDialog.DialogCode.Accepted)

    opened = dialogs.expect("PreferencesDialog.exec", answer)
    action = next(a for a in window.edit_menu.actions() if a.text().replace("&", "") == "Preferences…")
    action.trigger()
    assert len(opened) == 1
    assert reviewer_name() == "Ben Okafor"
