"""Caveats in languages that inflect: families of stems, not lists of fixed phrases.

"не вдалося незалежно перевірити", "не змогли підтвердити", "не може підтвердити", "відмовився /
відмовилася / відмовилися від коментарів"; "не удалось независимо проверить", "не можем
подтвердить", "отказался от комментариев": each is a head, up to two adverbs and a verb, every
part a stem that takes any ending. The lexicon lists the families as
`[kind, heads, adverbs, tails]` (`caveat_families` in uk.json, ru.json); a stem ending in "="
is a whole word ("не="). The kinds are those of `caveats.Caveat`, so the engine treats a
Ukrainian caveat as it treats an English one (English keeps its own rules in caveats.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.domain.caveats import Caveat
from app.domain.lexicon import Lexicon

_NEVER = re.compile(r"(?!x)x")
_BREAKS = re.compile(r"[,;:\u2014\u2013]\s")


def _stem(stem: str) -> str:
    """A stem as a regex: spaces match any whitespace, the last word takes any ending."""
    whole = stem.endswith("=")
    words = [re.escape(w) for w in stem.rstrip("=").split()]
    pattern = r"\s+".join(words)
    return pattern if whole else pattern + r"\w*"


def _alternatives(stems: list[str]) -> str:
    return "(?:" + "|".join(_stem(s) for s in sorted(stems, key=len, reverse=True)) + ")"


@lru_cache(maxsize=8)
def _families(lex: Lexicon) -> re.Pattern[str]:
    """All families of the language as one case-insensitive regex, one named group per kind."""
    by_kind: dict[str, list[str]] = {}
    for family in lex.data.get("caveat_families", []):
        kind, heads, adverbs, tails = family
        if not heads or not tails:
            continue
        middle = rf"(?:\s+{_alternatives(adverbs)}){{0,2}}" if adverbs else ""
        by_kind.setdefault(kind, []).append(rf"{_alternatives(heads)}{middle}\s+{_alternatives(tails)}")
    if not by_kind:
        return _NEVER
    groups = [rf"(?P<{kind}>{'|'.join(parts)})" for kind, parts in by_kind.items()]
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE)


def find(masked: str, lex: Lexicon) -> Caveat | None:
    """The first caveat in a sentence whose quotes are masked out, or None."""
    m = _families(lex).search(masked)
    if m is None:
        return None
    return Caveat(m.start(), m.end(), m.lastgroup or "phrase", _own_clause(masked, m.start(), lex))


def _own_clause(s: str, pos: int, lex: Lexicon) -> bool:
    """'..., які не вдалося перевірити' or 'Хоча ці дані не вдалося перевірити, ...': the caveat
    qualifies its own sentence's claim."""
    head = s[:pos]
    breaks = [m.end() for m in _BREAKS.finditer(head)]
    clause = head[breaks[-1] :] if breaks else head
    words = clause.split()
    openers = lex.lowered("caveat_clause_openers")
    if words and words[0].lower().strip(",") in openers:
        return True
    first = head.split()[:1]
    return bool(first) and first[0].lower().strip(",") in openers and bool(breaks)
