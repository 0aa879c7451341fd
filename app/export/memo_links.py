"""The memo's "Elsewhere in the library": the claims other articles make too (issue 20).

For each listed claim with links: where else it appears and first, how many origins the articles
trace back to, the attribution chains (X \u2190 Y \u2190 Z), and every figure that disagrees, with its
source and date. The memo's own styles (`memo_html._STYLE`) lay it out; this module only writes
the section, so the memo itself changes by two lines.

The sentences about links are written here, in the reader's language, for the memo and the window
alike (the editor's links, the claims list's headings): app/domain/link_records.py says them in
English only, since the domain knows no translations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from app.domain.claim_origins import Origin
from app.domain.link_records import ClaimLinks, FigureClash
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
        head = f"<b>[{number}]</b> {escape(headline(found))}"
        said = f'<span class="small">{escape(_short(claim.text))}</span>'
        parts.append(f'<p class="head"{keep}>{head}<br>{said}</p>')
        parts.append(_line(translate("Memo", "Origin"), escape(origin_summary(found.origin))))
        for chain in found.chains():
            parts.append(_line(translate("Memo", "Chain"), escape(chain)))
        for clash in found.clashes:
            red = f'<span style="color:{DISAGREE};">{escape(clash_text(clash))}</span>'
            parts.append(f'<p class="field">{red}</p>')
        for other in found.linked[:SHOWN_ARTICLES]:
            label = _status_label(other.status)
            if other.by_hand:  # a person's call, not the matcher's: the editor should know
                label = translate("Memo", "{status}; linked by hand").format(status=label)
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


def also_in(articles: int, where: str, date: str, here: bool) -> str:
    """'Also in 5 articles; first: Kyiv Monitor, 2024-05-01' ('first: this article, …' when `here`)."""
    first = translate("ClaimLinks", "this article") if here else where
    if articles == 1:
        return translate("ClaimLinks", "Also in 1 article; first: {where}, {date}").format(
            where=first, date=date
        )
    return translate("ClaimLinks", "Also in {count} articles; first: {where}, {date}").format(
        count=articles, where=first, date=date
    )


def headline(links: ClaimLinks) -> str:
    """ClaimLinks.headline in the reader's language ('' without links)."""
    if not links.linked:
        return ""
    first = links.linked[0]
    here = (links.own_date, 0) <= (first.date, 1)  # as ClaimLinks.headline decides it
    return also_in(links.articles, first.where, links.own_date if here else first.date, here)


def origin_summary(origin: Origin) -> str:
    """Origin.summary in the reader's language: '6 articles, 1 origin: Valdora Courier (2024-07-02)'."""
    n = len(origin.origins)
    first = f"{origin.name} ({origin.date})" if origin.date else origin.name
    articles = (
        translate("ClaimLinks", "1 article")
        if origin.articles == 1
        else translate("ClaimLinks", "{count} articles").format(count=origin.articles)
    )
    origins = (
        translate("ClaimLinks", "1 origin: {name}").format(name=first)
        if n == 1
        else translate("ClaimLinks", "{count} origins: {name}").format(count=n, name=first)
    )
    more = ""
    if n == 2:
        more = translate("ClaimLinks", " and 1 other")
    elif n > 2:
        more = translate("ClaimLinks", " and {count} others").format(count=n - 1)
    return translate("ClaimLinks", "{articles}, {origins}").format(articles=articles, origins=origins) + more


def clash_text(clash: FigureClash) -> str:
    """FigureClash.text in the reader's language: each figure with its source and date."""
    return translate(
        "ClaimLinks",
        "figures disagree: {mine} ({mine_source}, {mine_date}) vs {theirs} ({theirs_source}, {theirs_date})",
    ).format(
        mine=clash.mine, mine_source=clash.mine_source, mine_date=clash.mine_date,
        theirs=clash.theirs, theirs_source=clash.theirs_source, theirs_date=clash.theirs_date,
    )  # fmt: skip


def _line(label: str, value_html: str) -> str:
    return f'<p class="field"><span class="key">{escape(label)}:</span> {value_html}</p>'


def _short(text: str, room: int = 160) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "\u2026"


def _status_label(status_id: str) -> str:
    try:
        return translate("Statuses", status(status_id).label)
    except ValueError:
        return status_id
