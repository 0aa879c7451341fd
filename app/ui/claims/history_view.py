"""A claim's history, newest first: each status change (who, when, from -> to, why), and each
note or evidence item taken off or edited (what it said before, who changed it, when)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from html import escape

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from app.domain.records import ClaimRecord, EvidenceRecord, NoteRecord, StatusChangeRecord
from app.domain.statuses import status
from app.ui.markdown_render import OfflineTextBrowser
from app.ui.theme import chip_ink
from app.ui.translation import status_label, translate


@lru_cache(maxsize=8192)  # astimezone asks the system's zone each time; the editor shows many
def local_time(moment: datetime) -> str:
    """A stored (UTC) moment as the user's wall-clock time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def status_badge(status_id: str) -> str:
    """A status as HTML: its letter on its colour, then its name (never colour alone)."""
    s = status(status_id)
    swatch = f"background:{s.colour}; color:{chip_ink(QColor(s.colour)).name()}; font-weight:bold"
    name = escape(status_label(s.label))
    return f"<span style='{swatch}'>&nbsp;{escape(s.letter)}&nbsp;</span>&nbsp;{name}"


def history_html(claim: ClaimRecord | None) -> str:
    entries: list[tuple[datetime | None, str]] = []
    if claim is not None:
        entries += [(change.at, _change_html(change)) for change in claim.history]
        pairs = ((claim.notes, claim.removed_notes), (claim.evidence, claim.removed_evidence))
        for current, removed in pairs:
            items: tuple[NoteRecord | EvidenceRecord, ...] = (*current, *removed)
            newer = {item.replaces_id: item for item in items if item.replaces_id is not None}
            shown = {item.id for item in current}
            entries += [(item.removed_at, _removed_html(item, newer, shown)) for item in removed]
    if not entries:
        never = translate("HistoryView", "No status change yet: this claim has never been reviewed.")
        return f"<p class='muted'>{never}</p>"
    rows = (
        html for _at, html in sorted(entries, key=lambda e: e[0].timestamp() if e[0] else 0, reverse=True)
    )
    cells = "".join(f"<tr><td style='padding:4px 0'>{html}</td></tr>" for html in rows)
    return f"<table width='100%' cellspacing='0'>{cells}</table>"


def _change_html(change: StatusChangeRecord) -> str:
    why = (
        f"<i>{escape(change.reason)}</i>"
        if change.reason
        else "<span class='muted'>" + translate("HistoryView", "no reason given") + "</span>"
    )
    author = escape(change.author or translate("HistoryView", "unknown"))
    who = f"{author} · {local_time(change.at)}"
    return (
        f"{status_badge(change.old_status)} &nbsp;→&nbsp; {status_badge(change.new_status)}<br>"
        f"<span class='muted'>{who}</span><br>{why}"
    )


def _removed_html(
    item: NoteRecord | EvidenceRecord, newer: dict[int, NoteRecord | EvidenceRecord], shown: set[int]
) -> str:
    """A note or evidence item taken off the claim, still readable here: removed, or edited (its
    earlier wording, with the wording that replaced it), or an edit that was undone."""
    is_note = isinstance(item, NoteRecord)
    when = local_time(item.removed_at) if item.removed_at else ""
    by = escape(item.removed_by or translate("HistoryView", "unknown"))
    who = f"<span class='muted'>{by} · {when}</span>"
    successor = newer.get(item.id)
    if successor is not None:
        before, after = translate("HistoryView", "Before:"), translate("HistoryView", "After:")
        return (
            f"<b>{_edited(is_note)}</b><br>{who}<br><span class='muted'>{before}</span> "
            f"<s>{escape(item_words(item))}</s><br>"
            f"<span class='muted'>{after}</span> {escape(item_words(successor))}"
        )
    what = _removed(is_note) if item.replaces_id not in shown else _undone(is_note)
    return f"<b>{what}</b><br>{who}<br><s>{escape(item_words(item))}</s>"


def _edited(is_note: bool) -> str:
    return translate("HistoryView", "Note edited") if is_note else translate("HistoryView", "Evidence edited")


def _removed(is_note: bool) -> str:
    if is_note:
        return translate("HistoryView", "Note removed")
    return translate("HistoryView", "Evidence removed")


def _undone(is_note: bool) -> str:
    if is_note:
        return translate("HistoryView", "Note edit undone")
    return translate("HistoryView", "Evidence edit undone")


def item_words(item: NoteRecord | EvidenceRecord) -> str:
    """What a note or evidence item says, on one line, as the history quotes it."""
    if isinstance(item, NoteRecord):
        return item.body
    parts = (item.reference, item.role, item.contact_method, item.outcome, item.note)
    return " · ".join(p for p in parts if p)


class HistoryView(OfflineTextBrowser):
    """Read-only: the history is never edited, only appended to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(translate("HistoryView", "Status history, newest first"))

    def show_history(self, claim: ClaimRecord | None) -> None:
        self.show_html(history_html(claim))
