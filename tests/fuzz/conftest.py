"""Fuzz settings shared by the hostile-input tests, and a count of the inputs each target saw.

CI runs a fixed, reproducible set (`derandomize=True`, 200 examples a test); set FUZZ_EXAMPLES
to run more by hand, e.g. `FUZZ_EXAMPLES=20000 pytest tests/fuzz`.

A fuzz test passes only if a fair share of its inputs was accepted (an article imported, text
analysed into sentences), not just refused cleanly: a generator that drifts into producing only
what the importer refuses at its first check would test nothing and still pass. Each test runs
its examples inside `accepting(share)`; the shares are set well below what was measured, so a
larger random run (FUZZ_EXAMPLES) stays above them.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.network_guard import files_opened, no_network

__all__ = ["ACCEPTED", "FUZZ", "TRIED", "accepting", "files_opened", "no_network"]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
# The deadline is a hang detector per example, far above any normal run; not a speed goal.
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=EXAMPLES <= 200,
    deadline=10_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
TRIED: Counter[str] = Counter()  # target -> inputs tried, printed after the run
ACCEPTED: Counter[str] = Counter()  # target -> inputs that gave an article (or sentences)


@contextmanager
def accepting(share: float) -> Iterator[None]:
    """Around one fuzz test's examples: fail unless at least `share` of its inputs were accepted."""
    tried, accepted = sum(TRIED.values()), sum(ACCEPTED.values())
    yield
    tried, accepted = sum(TRIED.values()) - tried, sum(ACCEPTED.values()) - accepted
    assert tried, "no input reached the target"
    assert accepted >= share * tried, (
        f"only {accepted} of {tried} inputs were accepted (at least {share:.0%} expected): "
        "the generator no longer reaches past the first refusal"
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TRIED:
        terminalreporter.section("fuzz inputs tried")
        for target, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"{target}: {count} ({ACCEPTED[target]} accepted)")
