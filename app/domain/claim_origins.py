"""Where a claim repeated across articles started: attribution chains and their origin (issue 20).

Each article that makes a linked claim gives a chain: the article's outlet, the source it names
("Kyiv Monitor said"), and whom that source cites ("citing the General Staff", the engine's
`secondary_source`): Daily Post <- Kyiv Monitor <- General Staff. Chains join where one ends at
an outlet that has its own chain among the linked articles. The origin is the source most chains
end at (the earliest source in them); when no chain names a source, the earliest article.
"Circular reporting" is the case a checker must see: six articles, one origin.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

ARROW = "\u2190"
# a source that is only a pointer ('he', 'the agency'): it names nobody, so it ends no chain
_POINTERS = frozenset(
    (
        "he", "she", "they", "it", "we", "i", "you", "the agency", "the ministry", "the company",
        "the group", "the newspaper", "the outlet", "the report", "the official", "the officials",
        "the spokesman", "the spokeswoman", "the spokesperson", "officials", "sources",
    )
)  # fmt: skip
_LEAD = re.compile(
    r"^(?:a |an |the )?(?:(?:new |recent |latest )?(?:report|story|article)s? (?:by|from|in) )?"
)


_THE = re.compile(r"^the ")
_POSSESSIVE = re.compile(r"'s?$")
_PUNCTUATION = re.compile(r"[^\w ]+")


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """One spelling of a source's name for comparison: 'the Kyiv Monitor's' is 'kyiv monitor'."""
    low = " ".join(name.lower().replace("\u2019", "'").split())
    low = _POSSESSIVE.sub("", _THE.sub("", _LEAD.sub("", low)))
    return _PUNCTUATION.sub("", low).strip()


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's making of a linked claim, as the chains need it."""

    article_id: int
    outlet: str  # the article's outlet, else its title
    date: str  # when it was published (else imported), ISO first so that it sorts
    source: str | None = None  # whom the claim is attributed to (the name 'he' means, when known)
    secondary: str | None = None  # whom that source cites


@dataclass(frozen=True, slots=True)
class Origin:
    """What the chains of a linked claim add up to."""

    articles: int
    chains: tuple[tuple[str, ...], ...]  # each chain outlet first, earliest source last
    origins: tuple[tuple[str, str], ...]  # (name, date or ""), the main one first

    @property
    def name(self) -> str:
        return self.origins[0][0] if self.origins else ""

    @property
    def date(self) -> str:
        return self.origins[0][1] if self.origins else ""

    def summary(self) -> str:
        """'6 articles, 1 origin: Valdora Courier (2024-07-02)'."""
        n = len(self.origins)
        first = f"{self.name} ({self.date})" if self.date else self.name
        more = f" and {n - 1} other{'s' if n > 2 else ''}" if n > 1 else ""
        articles = f"{self.articles} article{'s' if self.articles != 1 else ''}"
        return f"{articles}, {n} origin{'s' if n != 1 else ''}: {first}{more}"


def chain_of(mention: Mention) -> tuple[str, ...]:
    """Outlet <- source <- cited source, each named once, pointers ('he') left out."""
    chain = [mention.outlet]
    for name in (mention.source, mention.secondary):
        named = name is not None and name_key(name) and name.lower().strip() not in _POINTERS
        if named and name is not None and name_key(name) != name_key(chain[-1]):
            chain.append(name.strip())
    return tuple(chain)


def join_chains(chains: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each chain carried on through the chain of the outlet it ends at (no loops)."""
    by_outlet: dict[str, tuple[str, ...]] = {}
    for chain in chains:
        if len(chain) > 1:
            by_outlet.setdefault(name_key(chain[0]), chain)
    out = []
    for chain in chains:
        joined = list(chain)
        seen = {name_key(n) for n in joined}
        while len(joined) > 1 and (nxt := _outlet_chain(by_outlet, name_key(joined[-1]))) is not None:
            added = [n for n in nxt[1:] if name_key(n) not in seen]
            if not added:
                break
            joined.extend(added)
            seen.update(name_key(n) for n in added)
        out.append(tuple(joined))
    return out


def same_name(a: str, b: str) -> bool:
    """One name written in full or short: 'the Courier' is 'The Valdora Courier', 'Olsen' is
    'Fire chief Marta Olsen' (whole words at either end of the longer name)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    short, long = sorted((ka, kb), key=len)
    return long == short or long.startswith(short + " ") or long.endswith(" " + short)


def _outlet_chain(by_outlet: dict[str, tuple[str, ...]], key: str) -> tuple[str, ...] | None:
    """The chain of the outlet named `key`, in full or short when only one outlet fits."""
    if key in by_outlet:
        return by_outlet[key]
    fits = [chain for outlet, chain in by_outlet.items() if same_name(outlet, key)]
    return fits[0] if len(fits) == 1 else None


def trace(mentions: Sequence[Mention]) -> Origin:
    """The chains of every mention, joined, and the origins they lead to (the main one first)."""
    ordered = sorted(mentions, key=lambda m: (m.date, m.article_id))
    chains = join_chains([chain_of(m) for m in ordered])
    named = [(c, m) for c, m in zip(chains, ordered, strict=True) if len(c) > 1]
    articles = len({m.article_id for m in mentions})
    if not named:
        first = ordered[0] if ordered else None
        return Origin(articles, tuple(chains), ((first.outlet, first.date),) if first else ())
    ends = Counter(name_key(c[-1]) for c, _ in named)
    spelled = {name_key(c[-1]): c[-1] for c, _ in reversed(named)}
    outlets = {name_key(m.outlet): m.date for m in reversed(ordered)}
    earliest: dict[str, str] = {}
    for c, m in named:
        earliest.setdefault(name_key(c[-1]), m.date)

    def date_of(key: str) -> str:
        return outlets.get(key) or earliest.get(key, "")

    ranked = sorted(ends, key=lambda k: (-ends[k], date_of(k) or "9999", k))
    origins = [(spelled[k], date_of(k)) for k in ranked]
    in_chains = {name_key(n) for c, _ in named for n in c}
    for c, m in zip(chains, ordered, strict=True):
        if len(c) == 1 and name_key(m.outlet) not in in_chains:
            origins.append((m.outlet, m.date))  # an article naming no source: its own origin
            in_chains.add(name_key(m.outlet))
    return Origin(articles, tuple(chains), tuple(origins))


def chain_text(chain: Sequence[str]) -> str:
    """'Daily Post <- Kyiv Monitor <- General Staff' with a real arrow."""
    return f" {ARROW} ".join(chain)
