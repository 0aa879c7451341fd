"""How sure the engine is of a source: how often the rule that found it is right.

Each rule of attribution (a quote's speaker, 'according to X', the subject before a speech verb,
a participle's subject, ...) was scored against hand-labelled news (GUM's Wikinews attributions
and our Wikinews labels, development parts only) by `scripts/calibrate_sources.py`; its measured
precision is the confidence of every source it finds. An anaphor ('he', 'the agency') is as sure
as its rule times how often such names are resolved right; a pronoun that points to no earlier
name is uncertain, since whom it names is not known. Below `UNCERTAIN` the app says the source is
uncertain instead of showing it as fact.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING

from app.domain import DATA_DIR

if TYPE_CHECKING:  # this module is read before the first paint (records.py): no engine import here
    from app.domain.lexicon import Lexicon


UNCERTAIN = 0.6
_DEFAULT = 0.7  # a rule never measured (a language without calibration)
# 'he said' with no earlier name 'he' can mean: the words are right, but whom they name is not
# known, so the source is no fact a journalist can use
_UNRESOLVED = 0.5


@cache
def _table(lang: str) -> dict[str, float]:
    path = DATA_DIR / f"source_confidence_{lang}.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v["precision"]) for k, v in data["rules"].items()}


def of_source(rule: str, source: str, refers_to: str | None, lex: Lexicon) -> float:
    """The confidence of one source found by `rule`, in [0, 1]."""
    from app.domain.attribution import anaphor_type  # the engine is loaded: it found the source

    table = _table(lex.lang)
    value = table.get(rule, _DEFAULT)
    if refers_to is not None and anaphor_type(source, lex) is not None:
        # the name shown is the one 'he' or 'the agency' was resolved to: right only if both are
        value *= table.get("anaphor_resolved", _DEFAULT)
    elif source.strip().lower() in lex.pronouns:
        value = min(value, _UNRESOLVED)  # 'he' names nobody ('the port authority' still names a body)
    return round(value, 2)


def is_uncertain(value: float | None) -> bool:
    """Whether a source should be shown as uncertain rather than as fact."""
    return value is not None and value < UNCERTAIN
