"""What goes into a verification memo: plain choices the CLI, the dialog and tests all share.

No Qt here, so the CLI can build and check options before any Qt library is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from app import preferences
from app.domain.statuses import STATUSES, is_status
from app.errors import ClaimdeskError

Paper = Literal["auto", "a4", "letter"]
PAPERS: tuple[Paper, ...] = ("auto", "a4", "letter")
Order = Literal["verdict", "article"]
ORDERS: tuple[Order, ...] = ("verdict", "article")
# What an editor reads first: the verdicts that stop a story, then the ones that qualify it.
VERDICT_ORDER = ("false", "disputed", "unverified", "partly_true", "verified")

# Territories whose default paper is US Letter (CLDR's paperSize data); everywhere else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "BZ", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "PR", "SV", "VE"}
)


@dataclass(frozen=True, slots=True)
class MemoOptions:
    """Which claims to list and how much to print with them."""

    statuses: frozenset[str] = field(default_factory=lambda: frozenset(s.id for s in STATUSES))
    include_history: bool = True
    include_appendix: bool = False
    paper: Paper = "auto"
    include_dismissed: bool = False  # dismissed claims are left out unless asked for
    order: Order = "verdict"  # by verdict, the worst first; or as the claims come in the article

    def __post_init__(self) -> None:
        # A bad value comes from a person typing a CLI flag: say which, in one line.
        unknown = sorted(s for s in self.statuses if not is_status(s))
        if unknown:
            known = ", ".join(s.id for s in STATUSES)
            raise ClaimdeskError(f"Unknown status {unknown[0]!r}; use one of: {known}")
        if not self.statuses:
            raise ClaimdeskError("Choose at least one status to list in the memo")
        if self.paper not in PAPERS:
            raise ClaimdeskError(f"Unknown paper {self.paper!r}; use auto, a4 or letter")
        if self.order not in ORDERS:
            raise ClaimdeskError(f"Unknown order {self.order!r}; use verdict or article")

    @property
    def lists_every_status(self) -> bool:
        return all(s.id in self.statuses for s in STATUSES)

    def resolved_paper(self, territory_code: str) -> Literal["a4", "letter"]:
        """The paper to use: the explicit choice, else the one customary where the user lives."""
        if self.paper != "auto":
            return self.paper
        return "letter" if territory_code.upper() in LETTER_TERRITORIES else "a4"


def memo_options(
    statuses: list[str] | tuple[str, ...] | None = None,
    *,
    history: bool = True,
    appendix: bool = False,
    paper: str = "auto",
    dismissed: bool = False,
    order: str | None = None,
) -> MemoOptions:
    """Build options from loose values such as CLI flags (`--status` given zero or more times);
    without an order, the one chosen in Preferences."""
    chosen = frozenset(s.strip().lower().replace(" ", "_").replace("-", "_") for s in statuses or ())
    normalised = paper.strip().lower()
    if normalised not in PAPERS:
        raise ClaimdeskError(f"Unknown paper {paper!r}; use auto, a4 or letter")
    sequence = (order or preferences.memo_order()).strip().lower()
    if sequence not in ORDERS:
        raise ClaimdeskError(f"Unknown order {order!r}; use verdict or article")
    every = frozenset(s.id for s in STATUSES)
    return MemoOptions(chosen or every, history, appendix, normalised, dismissed, sequence)


def verdict_rank(status_id: str) -> int:
    """A claim's place in a memo ordered by verdict: False first, then Disputed, Unverified,
    Partly true, Verified, then work in progress and unreviewed claims, then anything else."""
    if status_id in VERDICT_ORDER:
        return VERDICT_ORDER.index(status_id)
    rest = [s.id for s in reversed(STATUSES) if s.id not in VERDICT_ORDER]
    return len(VERDICT_ORDER) + (rest.index(status_id) if status_id in rest else len(rest))
