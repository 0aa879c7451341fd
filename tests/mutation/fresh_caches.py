"""A pytest plugin scripts/mutation loads (`-p tests.mutation.fresh_caches`): empty app/'s caches
before each mutant's tests.

mutmut imports the project and runs the unmutated tests once in its own process, then forks one
child per mutant. A cache filled in that first run (a compiled pattern, a lexicon table, a score
per sentence) still holds what the unmutated code computed, so a mutant of the code behind the
cache gives the old answer and passes as a survivor. Emptying every functools cache in app/ when
a test session starts makes each mutant compute afresh. Outside mutation runs the plugin is never
loaded; when it is, clearing costs a recomputation per session, nothing else.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest


def clear_app_caches() -> int:
    """Empty every functools cache held by a module of `app` (or a class in one); returns how many."""
    cleared: set[int] = set()
    for name, module in list(sys.modules.items()):
        if module is None or (name != "app" and not name.startswith("app.")):
            continue
        for value in list(vars(module).values()):
            holders = [value, *vars(value).values()] if isinstance(value, type) else [value]
            for holder in holders:
                if id(holder) not in cleared and _clear(holder):
                    cleared.add(id(holder))
    return len(cleared)


def _clear(candidate: Any) -> bool:
    target = candidate.__func__ if isinstance(candidate, (staticmethod, classmethod)) else candidate
    cache_clear = getattr(target, "cache_clear", None)
    if callable(cache_clear) and hasattr(target, "cache_info"):  # functools.cache / lru_cache
        cache_clear()
        return True
    return False


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    clear_app_caches()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """While mutmut maps tests to the functions they call (MUTANT_UNDER_TEST=stats), empty the
    caches before every test: a cached function answers later tests from its cache without being
    called, and would be credited to the first test alone, so its mutants would meet one test."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        clear_app_caches()
