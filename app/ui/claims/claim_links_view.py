"""The claim's links in the editor: "Also in 5 articles; first: <outlet>, <date>" (issue 20).

Under the headline, each article that makes the claim too, as a link that opens that article at
that claim; the attribution chains (X \u2190 Y \u2190 Z) and the origin; every figure that disagrees;
and "Carry verdict to…", which asks in a checklist which linked claims take this claim's status,
reason and evidence. Nothing is carried unless the journalist ticks it and confirms; the carrying
is one step on the undo stack (app/ui/claims/carry_command.py), offered under the button too.

The matcher misses paraphrases and links some claims of one topic that state other facts, so the
journalist has the last word (app/services/link_decisions.py): "not the same" after a link takes
it away, "Same claim as…" finds a claim of another article by its words and links it by hand.
Each is one step on the undo stack too (app/ui/claims/link_decision_command.py).

The links are computed by app/services/claim_links.py; the first look at a library builds its
index, which for a newsroom's library takes seconds, so every look runs on a worker
(app/ui/workers.py) and the widget fills in when it is done. While the claim is made nowhere else
only "Same claim as…" shows.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain.link_records import ClaimLinks
from app.domain.records import ClaimRecord
from app.domain.statuses import status
from app.errors import ClaimdeskError
from app.export.memo_links import clash_text, headline, origin_summary
from app.ui import messages, workers
from app.ui.claims.carry_command import CarryVerdict
from app.ui.claims.link_decision_command import DecideLink
from app.ui.claims.undo_notice import UndoNotice
from app.ui.guard import run_guarded
from app.ui.theme import secondary_text
from app.ui.translation import status_label, translate
from app.ui.workers import Job

if TYPE_CHECKING:
    from app.storage.database import Database
    from app.ui.claims.commands import ClaimActions

NOT_SAME = translate("ClaimLinksView", "not the same")  # after each link: takes it away
DISAGREE = "#b3261e"  # red that reads on light and dark grounds; the words say it too
LINK = "#1f5fb0"


class ClaimLinksView(QWidget):
    """Where else in the library the shown claim is made, and the verdict carried there on request."""

    claimOpened = Signal(int, int)  # article id, claim id: a link was followed
    verdictCarried = Signal(list)  # the ids of the claims that took the verdict

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimLinks")
        self.library: Callable[[], Database | None] = lambda: None
        self.opener: Callable[[int, int], None] | None = None  # else the window's open_article/choose_claim
        self.links: ClaimLinks | None = None
        self._claim: ClaimRecord | None = None
        self.job: Job | None = None  # the latest look (tests wait for it)
        self._asked = 0  # looks started: only the latest one's answer is shown

        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("claimLinksSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.summary.linkActivated.connect(self._follow)
        self.carry_button = QPushButton(translate("ClaimLinksView", "Carry verdict to\u2026"))
        self.carry_button.setObjectName("carryVerdictButton")
        self.carry_button.setToolTip(
            translate("ClaimLinksView", "Give chosen linked claims this claim's status, reason and evidence")
        )
        self.carry_button.clicked.connect(self.carry)
        self.link_button = QPushButton(translate("ClaimLinksView", "Same claim as\u2026"))
        self.link_button.setObjectName("linkByHandButton")
        self.link_button.setToolTip(
            translate("ClaimLinksView", "Link by hand to a claim of another article that says this too")
        )
        self.link_button.clicked.connect(self.link_by_hand)
        self.claim_actions: ClaimActions | None = None  # set by the editor: a carried verdict can be undone
        self.undo_notice = UndoNotice("undoCarriedVerdict")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.carry_button)
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_notice)
        self.hide()

    # ---- showing --------------------------------------------------------------------------
    def show_claim(self, claim: ClaimRecord | None) -> None:
        """Look the claim up (on a worker); hidden until it is found to be made elsewhere."""
        changed = claim is None or self._claim is None or claim.id != self._claim.id
        self._claim = claim
        if changed:
            self.links = None
            self.hide()
            self.undo_notice.hide()  # its Undo was about the claim shown before
        db = self.library()
        if claim is None or db is None:
            return
        claim_id = claim.id
        self._asked += 1
        asked = self._asked
        self.job = workers.start(
            lambda _job: _links_of(db, claim_id), lambda found: self._found(asked, found), "finding links"
        )

    def _found(self, asked: int, result: object) -> None:
        if not isValid(self) or asked != self._asked or not isinstance(result, ClaimLinks):
            return  # closed, or asked again since (another claim, a newer status), or the claim is gone
        self.links = result
        self.show()  # "Same claim as…" is there for a claim the matcher linked to nothing
        self.summary.setVisible(bool(result.linked))
        self.carry_button.setVisible(bool(result.linked))
        self.summary.setText(self.summary_html(result) if result.linked else "")
        if result.linked:
            self.carry_button.setEnabled(self._claim is not None and self._claim.status != "unreviewed")
        if self.undo_notice.isVisible():
            QTimer.singleShot(0, self._reveal_undo)  # once the new text is laid out

    def _reveal_undo(self) -> None:
        """Scroll the editor (its Review page scrolls) down to the Undo link under the button."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and isValid(self) and self.undo_notice.isVisible():
            parent.ensureWidgetVisible(self.undo_notice)

    def summary_html(self, links: ClaimLinks) -> str:
        """Headline, the articles (links), then origin and chains, then figures that disagree."""
        grey = secondary_text(self.palette()).name()
        articles = []
        for c in links.linked:
            href = f"claim:{c.article_id}:{c.claim_id}"
            where = f"<a href='{href}' style='color:{LINK}'>{escape(c.where)}, {escape(c.date)}</a>"
            how = escape(translate("ClaimLinksView", "linked by hand")) + " \u00b7 " if c.by_hand else ""
            unlink = escape(NOT_SAME).replace(" ", "&nbsp;")  # one piece, never broken over two lines
            apart = f"<a href='apart:{c.claim_id}' style='color:{grey}'>{unlink}</a>"
            state = escape(_label(c.status))
            articles.append(f"{where} <span style='color:{grey}'>\u00b7 {state} \u00b7 {how}</span>{apart}")
        traced = [escape(origin_summary(links.origin))] + [escape(chain) for chain in links.chains()]
        clashes = [escape(clash_text(clash)) for clash in links.clashes]
        parts = [
            f"<p style='margin:0'><b>{escape(headline(links))}</b></p>",
            _block(articles, "margin:2px 0 0 12px"),
            _block(traced, f"margin:6px 0 0 0; color:{grey}"),
        ]
        if clashes:
            parts.append(_block(clashes, f"margin:6px 0 0 0; color:{DISAGREE}"))
        return "".join(parts)

    # ---- following a link -----------------------------------------------------------------
    def _follow(self, href: str) -> None:
        kind, _, rest = href.partition(":")
        if kind == "apart" and rest.isdigit():
            self.decide(int(rest), same=False)
            return
        article, _, claim = rest.partition(":")
        if kind != "claim" or not article.isdigit() or not claim.isdigit():
            return
        self.claimOpened.emit(int(article), int(claim))
        if self.opener is not None:
            self.opener(int(article), int(claim))
            return
        window = self.window()
        open_article, choose_claim = (
            getattr(window, "open_article", None),
            getattr(window, "choose_claim", None),
        )
        if callable(open_article) and callable(choose_claim):
            open_article(int(article))
            choose_claim(int(claim))

    # ---- the journalist's word on a link --------------------------------------------------
    def decide(self, other_id: int, same: bool) -> None:
        """Record that the shown claim and `other_id` are (not) the same claim, as one undo step."""
        claim, db = self._claim, self.library()
        if claim is None or db is None:
            return
        from app.services.link_decisions import decide

        try:
            done = decide(db, claim.id, other_id, same)
        except ClaimdeskError as error:
            messages.warn(self, "Claimdesk", str(error))
            return
        actions = self.claim_actions
        if actions is not None:
            actions.stack.push(DecideLink(actions, done, self.look_again))
            self.undo_notice.offer(
                actions.stack,
                translate("ClaimLinksView", "Linked by hand")
                if same
                else translate("ClaimLinksView", "Marked as not the same claim"),
            )
        self.show_claim(claim)

    def look_again(self) -> None:
        """Look the shown claim's links up anew (after a word on a link, or its undo)."""
        if isValid(self) and self._claim is not None:
            self.show_claim(self._claim)

    def link_by_hand(self) -> None:
        """Find a claim of another article by its words and link it to this one."""
        claim, db = self._claim, self.library()
        if claim is None or db is None:
            return
        dialog = LinkClaimDialog(db, claim, self)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if chosen is not None:
            self.decide(chosen, same=True)

    # ---- carrying the verdict -------------------------------------------------------------
    def carry(self) -> None:
        """Ask which linked claims take the verdict, then carry it in one step."""
        links, claim, db = self.links, self._claim, self.library()
        if links is None or claim is None or db is None:
            return
        dialog = CarryDialog(claim, links, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
            return
        from app.services.claim_links import carry_verdict

        try:
            done = carry_verdict(db, claim.id, dialog.chosen())
        except ClaimdeskError as error:
            messages.warn(self, "Claimdesk", str(error))
            return
        actions = self.claim_actions
        if actions is not None:  # one step on Edit > Undo, offered here too
            actions.stack.push(CarryVerdict(actions, done))
            n = len(done.steps)
            self.undo_notice.offer(
                actions.stack,
                translate("ClaimLinksView", "Verdict carried to 1 claim")
                if n == 1
                else translate("ClaimLinksView", "Verdict carried to {count} claims").format(count=n),
            )
        self.verdictCarried.emit(list(done.changed))
        self.show_claim(claim)  # their statuses, as they are now


class CarryDialog(QDialog):
    """A checklist of the linked claims: which take this claim's verdict."""

    def __init__(self, claim: ClaimRecord, links: ClaimLinks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carryVerdictDialog")
        self.setWindowTitle(translate("ClaimLinksView", "Carry verdict"))
        label = _label(claim.status)
        why = f": \u201c{claim.reason}\u201d" if claim.reason else ""
        intro = QLabel(
            translate(
                "ClaimLinksView",
                "Give the claims you tick the status <b>{status}</b>{reason}, and this claim's evidence. "
                "Each one's history will say where it came from.",
            ).format(status=escape(label), reason=escape(why)),
            wordWrap=True,
        )
        self.checklist = QListWidget()
        self.checklist.setObjectName("carryChecklist")
        for c in links.linked:
            item = QListWidgetItem(f"{c.where}, {c.date} \u00b7 {_label(c.status)}\n{c.text}")
            item.setData(Qt.ItemDataRole.UserRole, c.claim_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)  # never carried by default
            self.checklist.addItem(item)
        self.checklist.setWordWrap(True)
        self.checklist.setSpacing(3)
        self.checklist.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.carry_button = buttons.addButton(
            translate("ClaimLinksView", "Carry verdict"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.carry_button.setEnabled(False)
        self.checklist.itemChanged.connect(lambda _item: self.carry_button.setEnabled(bool(self.chosen())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.checklist, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def chosen(self) -> list[int]:
        items = (self.checklist.item(i) for i in range(self.checklist.count()))
        return [
            int(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        ]

    def tick(self, claim_id: int) -> None:
        """Tick one claim (as a click on its box does)."""
        for i in range(self.checklist.count()):
            item = self.checklist.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == claim_id:
                item.setCheckState(Qt.CheckState.Checked)


class LinkClaimDialog(QDialog):
    """Search the library's claims by their words; the one chosen is linked by hand."""

    def __init__(self, db: Database, claim: ClaimRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkClaimDialog")
        self.setWindowTitle(translate("ClaimLinksView", "Same claim as\u2026"))
        self.db, self.claim = db, claim
        intro = QLabel(
            translate(
                "ClaimLinksView",
                "Find the claim in another article that says the same as \u201c{text}\u201d, "
                "in other words perhaps. It will be linked to this one.",
            ).format(text=claim.text if len(claim.text) <= 160 else claim.text[:157] + "\u2026"),
            wordWrap=True,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the claim's words are the article's, never markup
        self.query = QLineEdit(placeholderText=translate("ClaimLinksView", "Words of the other claim"))
        self.query.setObjectName("linkClaimQuery")
        self.results = QListWidget()
        self.results.setObjectName("linkClaimResults")
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setAlternatingRowColors(True)
        self.empty = QLabel()
        self.empty.setObjectName("linkClaimEmpty")
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link_button = buttons.addButton(
            translate("ClaimLinksView", "Link as the same claim"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setEnabled(False)
        self.results.currentItemChanged.connect(
            lambda item, _old: self.link_button.setEnabled(item is not None)
        )
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._timer = QTimer(self, singleShot=True, interval=250)  # search once typing pauses
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def search(self) -> None:
        """The claims of other articles with every word typed (the library's full-text search)."""
        from app.services.search import HIT_END, HIT_START, search

        self._timer.stop()
        self.results.clear()
        text = self.query.text().strip()
        found = (run_guarded(self, lambda: search(self.db, text, limit=200)) if text else None) or []
        hits = [
            h
            for h in found
            if h.kind == "claim" and h.claim_id is not None and h.article_id != self.claim.article_id
        ][:50]
        for hit in hits:
            snippet = hit.snippet.replace(HIT_START, "").replace(HIT_END, "")
            item = QListWidgetItem(f"{hit.article_title}\n{snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit.claim_id)
            self.results.addItem(item)
        nothing = bool(text and not hits)
        self.empty.setText(translate("ClaimLinksView", "No claim of another article has these words."))
        self.empty.setVisible(nothing)

    def chosen(self) -> int | None:
        item = self.results.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


def _block(lines: list[str], style: str) -> str:
    return f"<p style='{style}'>" + "<br>".join(lines) + "</p>"


def _links_of(db: Database, claim_id: int) -> ClaimLinks:
    from app.services.claim_links import links_for_claim  # with the engine's matching, when first needed

    return links_for_claim(db, claim_id)


def _label(status_id: str) -> str:
    try:
        return status_label(status(status_id).label)
    except ValueError:
        return status_id
