"""A claim's history, newest first: each status change (who, when, from -> to, why), and each
note or evidence item taken off the claim (what it said, who took it off, when)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from html import escape

from PySide6.QtWidgets import QWidget

from app.domain.records import ClaimRecord, EvidenceRecord, NoteRecord, StatusChangeRecord
from app.domain.statuses import status
from app.ui.markdown_render import OfflineTextBrowser


@lru_cache(maxsize=8192)  # astimezone asks the system's zone each time; the editor shows many
def local_time(moment: datetime) -> str:
    """A stored (UTC) moment as the user's wall-clock time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def status_badge(status_id: str) -> str:
    """A status as HTML: its letter on its colour, then its name (never colour alone)."""
    s = status(status_id)
    swatch = f"background:{s.colour}; color:white; font-weight:bold"
    return f"<span style='{swatch}'>&nbsp;{escape(s.letter)}&nbsp;</span>&nbsp;{escape(s.label)}"


def history_html(claim: ClaimRecord | None) -> str:
    entries: list[tuple[datetime | None, str]] = []
    if claim is not None:
        entries += [(change.at, _change_html(change)) for change in claim.history]
        removed: tuple[NoteRecord | EvidenceRecord, ...] = (*claim.removed_notes, *claim.removed_evidence)
        entries += [(item.removed_at, _removed_html(item)) for item in removed]
    if not entries:
        return "<p style='color:gray'>No status change yet: this claim has never been reviewed.</p>"
    rows = (
        html for _at, html in sorted(entries, key=lambda e: e[0].timestamp() if e[0] else 0, reverse=True)
    )
    cells = "".join(f"<tr><td style='padding:4px 0'>{html}</td></tr>" for html in rows)
    return f"<table width='100%' cellspacing='0'>{cells}</table>"


def _change_html(change: StatusChangeRecord) -> str:
    why = (
        f"<i>{escape(change.reason)}</i>"
        if change.reason
        else "<span style='color:gray'>no reason given</span>"
    )
    who = f"{escape(change.author or 'unknown')} · {local_time(change.at)}"
    return (
        f"{status_badge(change.old_status)} &nbsp;→&nbsp; {status_badge(change.new_status)}<br>"
        f"<span style='color:gray'>{who}</span><br>{why}"
    )


def _removed_html(item: NoteRecord | EvidenceRecord) -> str:
    """A note or evidence item taken off the claim: still readable here, struck through."""
    if isinstance(item, NoteRecord):
        what, said = "Note removed", item.body
    else:
        what, said = "Evidence removed", " · ".join(p for p in (item.reference, item.note) if p)
    when = local_time(item.removed_at) if item.removed_at else ""
    who = f"{escape(item.removed_by or 'unknown')} · {when}"
    return f"<b>{what}</b><br><span style='color:gray'>{who}</span><br><s>{escape(said)}</s>"


class HistoryView(OfflineTextBrowser):
    """Read-only: the history is never edited, only appended to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName("Status history, newest first")

    def show_history(self, claim: ClaimRecord | None) -> None:
        self.show_html(history_html(claim))
