"""What the editor and the memo show of a claim's links: plain records (issue 20).

Filled by app/services/claim_links.py; pure data, so ui and export read them without storage.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.claim_origins import Origin, chain_text


@dataclass(frozen=True, slots=True)
class LinkedClaim:
    """The same claim in another article."""

    claim_id: int
    article_id: int
    article_title: str
    outlet: str | None
    date: str  # published (else imported), ISO when it could be read
    text: str
    source: str | None  # the name the Source column shows
    secondary_source: str | None
    figures: tuple[str, ...]
    status: str
    score: float
    by_hand: bool = False  # a journalist linked the two (app/services/link_decisions.py)

    @property
    def where(self) -> str:
        """The outlet, else the article's title: how a line names the article."""
        return self.outlet or self.article_title


@dataclass(frozen=True, slots=True)
class FigureClash:
    """One quantity, two numbers: each figure with its source and date."""

    mine: str
    mine_source: str  # who gives it here: the claim's source, else the article's outlet
    mine_date: str
    theirs: str
    theirs_source: str
    theirs_date: str
    linked_claim_id: int

    def text(self) -> str:
        """'figures disagree: 110 square kilometres (Daily Post, 2024-05-02) vs 160 ... (...)'."""
        return (
            f"figures disagree: {self.mine} ({self.mine_source}, {self.mine_date}) vs "
            f"{self.theirs} ({self.theirs_source}, {self.theirs_date})"
        )


@dataclass(frozen=True, slots=True)
class ClaimLinks:
    """A claim's links: the articles that make it too, figures that disagree, chains, origin."""

    claim_id: int
    article_id: int
    own_date: str
    own_where: str
    linked: tuple[LinkedClaim, ...]  # the best match per article, earliest first
    clashes: tuple[FigureClash, ...]
    origin: Origin

    @property
    def articles(self) -> int:
        return len({c.article_id for c in self.linked})

    def headline(self) -> str:
        """'Also in 5 articles; first: Kyiv Monitor, 2024-05-01' ('' without links)."""
        if not self.linked:
            return ""
        n = self.articles
        first = self.linked[0]
        if (self.own_date, 0) <= (first.date, 1):
            where = f"this article, {self.own_date}"
        else:
            where = f"{first.where}, {first.date}"
        return f"Also in {n} article{'s' if n != 1 else ''}; first: {where}"

    def chains(self) -> list[str]:
        """Every chain that names a source, written X \u2190 Y \u2190 Z, each once."""
        seen: list[str] = []
        for chain in self.origin.chains:
            line = chain_text(chain)
            if len(chain) > 1 and line not in seen:
                seen.append(line)
        return seen
