"""The memo's "Elsewhere in the library": the claims other articles make too (issue 20).

For each listed claim with links: where else it appears and first, how many origins the articles
trace back to, the attribution chains (X \u2190 Y \u2190 Z), and every figure that disagrees, with its
source and date. The memo's own styles (`memo_html._STYLE`) lay it out; this module only writes
the section, so the memo itself changes by two lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from app.domain.link_records import ClaimLinks
from app.domain.records import ClaimRecord
from app.domain.statuses import status

DISAGREE = "#b3261e"  # the memo's "taken out" red: reads at 4.5:1 on white, and the words say it too
translate = QCoreApplication.translate  # in the memo's language, as app/export/memo_html.py says
SHOWN_ARTICLES = 8  # articles listed per claim; the rest are counted


def elsewhere_html(
    numbered: Sequence[tuple[int, ClaimRecord]], links: Mapping[int, ClaimLinks], keep_with_next: int
) -> str:
    """The section, or "" when no listed claim is made elsewhere in the library."""
    linked = [(n, c, links[c.id]) for n, c in numbered if c.id in links and links[c.id].linked]
    if not linked:
        return ""
    keep = f' style="-qt-user-state:{keep_with_next};"'
    parts = [f"<h2{keep}>" + translate("Memo", "Elsewhere in the library") + "</h2>"]
    for number, claim, found in linked:
        head = f"<b>[{number}]</b> {escape(found.headline())}"
        said = f'<span class="small">{escape(_short(claim.text))}</span>'
        parts.append(f'<p class="head"{keep}>{head}<br>{said}</p>')
        parts.append(_line(translate("Memo", "Origin"), escape(found.origin.summary())))
        for chain in found.chains():
            parts.append(_line(translate("Memo", "Chain"), escape(chain)))
        for clash in found.clashes:
            red = f'<span style="color:{DISAGREE};">{escape(clash.text())}</span>'
            parts.append(f'<p class="field">{red}</p>')
        for other in found.linked[:SHOWN_ARTICLES]:
            label = _status_label(other.status)
            where = f"{escape(other.where)}, {escape(other.date)} ({escape(label)})"
            parts.append(
                _line(translate("Memo", "Also"), f"{where}: \u201c{escape(_short(other.text))}\u201d")
            )
        if len(found.linked) > SHOWN_ARTICLES:
            more = len(found.linked) - SHOWN_ARTICLES
            also = (
                translate("Memo", "and 1 more article")
                if more == 1
                else translate("Memo", "and {count} more articles").format(count=more)
            )
            parts.append(_line(translate("Memo", "Also"), also))
    return "".join(parts)


def _line(label: str, value_html: str) -> str:
    return f'<p class="field"><span class="key">{escape(label)}:</span> {value_html}</p>'


def _short(text: str, room: int = 160) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "\u2026"


def _status_label(status_id: str) -> str:
    try:
        return translate("Statuses", status(status_id).label)
    except ValueError:
        return status_id
